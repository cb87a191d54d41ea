# Lesson 7: a Queue carries items from a producer process to a consumer process.
import multiprocessing
import time

SENTINEL = None   # a special item that means "nothing more will come"


def producer(queue):
    for item in ["apple", "bread", "cheese", "dates"]:
        print(f"Producer: putting {item}")
        queue.put(item)
        time.sleep(0.2)            # pretend each item takes a while to make
    print("Producer: putting the end-of-stream sentinel")
    queue.put(SENTINEL)


def consumer(queue):
    while True:
        item = queue.get()         # waits here until something arrives
        if item is SENTINEL:
            print("Consumer: got the sentinel, stopping")
            break
        print(f"Consumer: got {item}")


if __name__ == "__main__":
    queue = multiprocessing.Queue()
    maker = multiprocessing.Process(target=producer, args=(queue,))
    eater = multiprocessing.Process(target=consumer, args=(queue,))
    eater.start()                  # the consumer starts first and simply waits
    maker.start()
    maker.join()
    eater.join()
    print("Main: both processes finished")
