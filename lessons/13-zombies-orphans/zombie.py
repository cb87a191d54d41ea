# Lesson 13: what is a child that has ended, before its parent joins it?
import multiprocessing
import multiprocessing.connection
import time


def quick_job():
    print("child: my work is done, exiting now")


def process_state(pid):
    """Read the process state letter from Linux's /proc (R, S, Z, ...)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return "gone"


if __name__ == "__main__":
    p = multiprocessing.Process(target=quick_job)
    p.start()

    # Wait until the child has ended WITHOUT collecting it: p.sentinel becomes
    # "ready" when the child dies, but waiting on it does not reap the child.
    multiprocessing.connection.wait([p.sentinel])
    time.sleep(1)                     # the child has ended; main has not joined it yet

    print(f"before join: child state = {process_state(p.pid)}")
    p.join()                          # join() collects the exit code
    print(f"after join: child state = {process_state(p.pid)}, exitcode = {p.exitcode}")
