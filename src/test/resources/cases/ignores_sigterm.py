# A child that ignores SIGTERM: Stop must escalate to SIGKILL.
import multiprocessing as mp, signal, time

def stubborn():
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    print('child: ignoring SIGTERM now', flush=True)
    while True:
        time.sleep(1)

if __name__ == '__main__':
    p = mp.Process(target=stubborn)
    p.start()
    p.join()
