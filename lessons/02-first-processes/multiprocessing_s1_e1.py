# Lesson 2: two processes, each running one function, and a main process that waits.
import multiprocessing


def print_square(num):
    """Runs inside process p1."""
    print(f"Square of {num}: {num * num}")


def print_cube(num):
    """Runs inside process p2."""
    print(f"Cube of {num}: {num * num * num}")


if __name__ == "__main__":
    # Describe the two processes: which function each runs, with which arguments.
    p1 = multiprocessing.Process(target=print_square, args=(10,))
    p2 = multiprocessing.Process(target=print_cube, args=(10,))

    # Ask the operating system to create them. From here on they run on their own.
    p1.start()
    p2.start()

    # Wait until p1 has finished, then until p2 has finished.
    p1.join()
    p2.join()

    # Both are done for sure when we get here.
    print("Done!")
