# Lesson 4: a child gets its OWN memory. Changes it makes stay in the child.
import multiprocessing
import time

# A global list. Each process will have its own copy of it.
result = []


def fill_squares(numbers):
    for n in numbers:
        result.append(n * n)
        time.sleep(0.1)          # slow down a little so the child's lane is visible
    print(f"Result (in process p1): {result}")


if __name__ == "__main__":
    numbers = [1, 2, 3, 4]
    p1 = multiprocessing.Process(target=fill_squares, args=(numbers,))
    p1.start()
    p1.join()
    print(f"Result (in main program): {result}")
