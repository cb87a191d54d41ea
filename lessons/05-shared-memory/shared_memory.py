# Lesson 5: Array and Value live in shared memory, so the parent sees what the child writes.
import multiprocessing
import time


def fill_squares(numbers, squares, total):
    for i, n in enumerate(numbers):
        squares[i] = n * n         # write into the shared array
        time.sleep(0.1)
    total.value = sum(squares)     # write into the shared number
    print(f"Result (in process p1): {squares[:]}")
    print(f"Sum of squares (in process p1): {total.value}")


if __name__ == "__main__":
    numbers = [1, 2, 3, 4]
    squares = multiprocessing.Array("i", len(numbers))   # 'i' = int, 4 slots, all 0
    total = multiprocessing.Value("i", 0)                  # one shared int, starts at 0

    p1 = multiprocessing.Process(target=fill_squares, args=(numbers, squares, total))
    p1.start()
    p1.join()

    print(f"Result (in main program): {squares[:]}")
    print(f"Sum of squares (in main program): {total.value}")
