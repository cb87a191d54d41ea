# Lesson 14, second example: one child, made by the default start method (the toolbar's choice).
import multiprocessing
import os


def hello():
    print(f"child {os.getpid()}: made by {multiprocessing.get_start_method()}")


if __name__ == "__main__":
    print(f"main {os.getpid()}: the start method is {multiprocessing.get_start_method()}")
    child = multiprocessing.Process(target=hello)
    child.start()
    child.join()
    print(f"main: the child ended with exit code {child.exitcode}")
