# Writes the PIDs of its process tree to the file named in argv[1], then runs for ever.
import multiprocessing as mp, os, subprocess, sys, time

def worker():
    while True:
        time.sleep(1)

if __name__ == '__main__':
    ps = [mp.Process(target=worker) for _ in range(2)]
    for p in ps:
        p.start()
    sh = subprocess.Popen(['sleep', '300'])
    with open(sys.argv[1] + '.tmp', 'w') as f:
        f.write(' '.join(str(x) for x in [os.getpid(), sh.pid] + [p.pid for p in ps]))
    os.rename(sys.argv[1] + '.tmp', sys.argv[1])
    for p in ps:
        p.join()
