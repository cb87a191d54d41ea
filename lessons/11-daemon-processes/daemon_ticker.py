# Lesson 11: a daemon child is stopped when the main process ends;
# a normal (non-daemon) child is waited for, even without join().
import multiprocessing
import time


def ticker():
    try:
        for i in range(100):
            print(f"daemon: tick {i}", flush=True)
            time.sleep(0.25)
    finally:
        print("daemon: finally block ran", flush=True)   # watch: does this ever print?


def slow_job():
    time.sleep(2)
    print("worker: finished my job", flush=True)


if __name__ == "__main__":
    d = multiprocessing.Process(target=ticker, daemon=True)
    w = multiprocessing.Process(target=slow_job)     # daemon=False is the default
    d.start()
    w.start()
    time.sleep(1)
    print("Main: reached the end of my code (no join!)", flush=True)
    # No join() here. Python still cleans up at exit:
    # the daemon d is terminated, the normal process w is waited for.
