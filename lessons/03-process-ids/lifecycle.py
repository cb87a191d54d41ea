# Lesson 3, second example: pid and is_alive() before start(), while running, after join().
import multiprocessing
import os
import time


def nap():
    print(f"Child {os.getpid()}: napping for half a second")
    time.sleep(0.5)
    print(f"Child {os.getpid()}: awake, finishing")


if __name__ == "__main__":
    sleeper = multiprocessing.Process(target=nap)
    print(f"Before start(): pid = {sleeper.pid}, is_alive() = {sleeper.is_alive()}")

    sleeper.start()
    print(f"While running: pid = {sleeper.pid}, is_alive() = {sleeper.is_alive()}")

    sleeper.join()
    print(f"After join(): pid = {sleeper.pid}, is_alive() = {sleeper.is_alive()}, "
          f"exitcode = {sleeper.exitcode}")
