# Lesson 10: a Pool keeps a few worker processes and hands them task after task.
import multiprocessing
import os
import time

TASKS = list(range(1, 9))   # 8 small tasks


def busy_square(x):
    """Burn about 0.1 s of CPU time, then return x squared and who did it."""
    start = time.process_time()
    while time.process_time() - start < 0.1:
        pass
    print(f"worker {os.getpid()}: squared {x}")
    return x * x, os.getpid()


def run_with(workers):
    t0 = time.perf_counter()
    pool = multiprocessing.Pool(processes=workers)
    t1 = time.perf_counter()
    results = pool.map(busy_square, TASKS)
    t2 = time.perf_counter()
    pool.close()     # no more tasks will come...
    pool.join()      # ...so wait for the workers to finish and leave
    squares = [sq for sq, _ in results]
    pids = {pid for _, pid in results}
    print(f"Pool({workers}): squares {squares}")
    print(f"Pool({workers}): {len(TASKS)} tasks done by {len(pids)} worker process(es); "
          f"start-up {t1 - t0:.2f} s, map {t2 - t1:.2f} s")


if __name__ == "__main__":
    cores = multiprocessing.cpu_count()
    print(f"cpu_count() = {cores}")
    for workers in sorted({1, 2, min(cores, len(TASKS))}):
        run_with(workers)
