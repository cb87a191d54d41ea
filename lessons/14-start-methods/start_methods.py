# Lesson 14: fork, spawn and forkserver: three ways to start a process.
import multiprocessing
import os
import time

# This line runs every time the file is loaded, in any process that loads it.
print(f"top of the file runs in process {os.getpid()} as {__name__}")

GREETING = "set when the file was loaded"


def report(method, main_pid):
    parent = "main" if os.getppid() == main_pid else "another process"
    print(f"{method} child: GREETING = {GREETING!r}; my parent is {parent}")


if __name__ == "__main__":
    GREETING = "changed by main just before start()"
    main_pid = os.getpid()
    for method in ["fork", "spawn", "forkserver"]:
        ctx = multiprocessing.get_context(method)
        times = []
        for _ in range(2):
            t0 = time.perf_counter()
            child = ctx.Process(target=report, args=(method, main_pid))
            child.start()
            child.join()
            times.append((time.perf_counter() - t0) * 1000)
        print(f"{method}: start+join took {times[0]:.0f} ms (1st child), "
              f"{times[1]:.0f} ms (2nd child)")
