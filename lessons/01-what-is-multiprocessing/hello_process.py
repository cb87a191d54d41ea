# Lesson 1: every running program is a process.
# This one starts no other process: it only looks at itself and at the machine.
import os


def describe_myself():
    print(f"Hello! This Python program runs as process {os.getpid()}.")
    print(f"The process that started me is process {os.getppid()}.")
    print(f"This computer has {os.cpu_count()} logical CPUs (cores) to run processes on.")


if __name__ == "__main__":
    describe_myself()
    print("One program, one process. In the next lesson we start more.")
