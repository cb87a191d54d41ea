# Says where its trace channel is, waits until the file named by argv[1] exists (the test's go: strangers
# are knocking by then), then starts 20 processes that each print 5 lines naming themselves.
import multiprocessing as mp
import os
import sys
import time


def talk(i):
    for j in range(5):
        print(f'talker {i} line {j}', flush=True)


if __name__ == '__main__':
    print('channel', os.environ['PROCESSLAB_TRACE'].split(':', 1)[0], flush=True)
    deadline = time.monotonic() + 60
    while not os.path.exists(sys.argv[1]) and time.monotonic() < deadline:
        time.sleep(0.02)
    talkers = [mp.Process(target=talk, args=(i,), name=f'talker-{i}') for i in range(20)]
    for p in talkers:
        p.start()
    for p in talkers:
        p.join()
