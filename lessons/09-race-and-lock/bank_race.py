# Lesson 9: two processes update one shared balance. Does every update count?
import multiprocessing
import time

START = 100
TIMES = 25          # each process makes 25 updates of 10
STEP = 10


def deposit_unsafe(balance):
    for _ in range(TIMES):
        current = balance.value        # 1. read
        time.sleep(0.005)              # (a moment passes: the other process may run now)
        balance.value = current + STEP  # 2. write back


def withdraw_unsafe(balance):
    for _ in range(TIMES):
        current = balance.value
        time.sleep(0.005)
        balance.value = current - STEP


def deposit_safe(balance):
    for _ in range(TIMES):
        with balance.get_lock():       # only one process at a time inside this block
            current = balance.value
            time.sleep(0.005)
            balance.value = current + STEP


def withdraw_safe(balance):
    for _ in range(TIMES):
        with balance.get_lock():
            current = balance.value
            time.sleep(0.005)
            balance.value = current - STEP


def run(deposit, withdraw):
    balance = multiprocessing.Value("i", START)
    saver = multiprocessing.Process(target=deposit, args=(balance,))
    spender = multiprocessing.Process(target=withdraw, args=(balance,))
    saver.start()
    spender.start()
    saver.join()
    spender.join()
    return balance.value


if __name__ == "__main__":
    print(f"Each round: start at {START}, +{STEP} x {TIMES} and -{STEP} x {TIMES}.")
    unlocked = run(deposit_unsafe, withdraw_unsafe)
    print(f"Without a lock: final balance = {unlocked} (expected {START})")
    locked = run(deposit_safe, withdraw_safe)
    print(f"With a lock: final balance = {locked} (expected {START})")
