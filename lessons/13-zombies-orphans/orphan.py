# Lesson 13, second example: a grandchild whose parent ends first becomes an orphan
# and is adopted by another process.
import multiprocessing
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def start_grandchild(grandchild_pid):
    # Start a separate small Python program as OUR child (main's grandchild).
    gc = subprocess.Popen([sys.executable, os.path.join(HERE, "grandchild.py"),
                           str(os.getpid())])
    grandchild_pid.value = gc.pid
    print(f"parent: started grandchild {gc.pid}; now I end without waiting for it",
          flush=True)
    time.sleep(0.3)
    # Returning here ends this process. The grandchild keeps running: it is an orphan.


def is_finished(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] in ("Z", "X")
    except FileNotFoundError:
        return True


if __name__ == "__main__":
    grandchild_pid = multiprocessing.Value("i", 0)
    p_parent = multiprocessing.Process(target=start_grandchild, args=(grandchild_pid,))
    p_parent.start()
    p_parent.join()
    print(f"main: the grandchild's parent has ended (exitcode {p_parent.exitcode})",
          flush=True)

    # We cannot join() the grandchild: it is not our child. We can only watch for it.
    deadline = time.monotonic() + 15   # a safety net: it normally takes about 1 s
    while not is_finished(grandchild_pid.value) and time.monotonic() < deadline:
        time.sleep(0.1)
    print("main: the orphan has finished too", flush=True)
