# Lesson 3: every process has its own ID (PID), and the parent can see its children's IDs.
import multiprocessing
import os


def worker1():
    print(f"ID of process running worker1: {os.getpid()}")


def worker2():
    print(f"ID of process running worker2: {os.getpid()}")


if __name__ == "__main__":
    print(f"ID of main process: {os.getpid()}")

    p1 = multiprocessing.Process(target=worker1)
    p2 = multiprocessing.Process(target=worker2)
    p1.start()
    p2.start()

    # .pid is the ID the operating system gave each new process.
    print(f"ID of process p1: {p1.pid}")
    print(f"ID of process p2: {p2.pid}")

    p1.join()
    p2.join()

    print("Both processes finished execution!")
    print(f"Process p1 is alive: {p1.is_alive()}")
    print(f"Process p2 is alive: {p2.is_alive()}")
