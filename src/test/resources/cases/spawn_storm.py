# A bounded fork tree: every process starts two children that do the same, 9 levels deep
# (up to 1,023 processes if nothing stops it). ProcessLab must stop it at its process limit.
import os, sys, time

def grow(depth):
    for _ in range(2):
        if depth > 0 and os.fork() == 0:
            grow(depth - 1)
            os._exit(0)
    time.sleep(30)

if __name__ == '__main__':
    print('growing', flush=True)
    grow(9)
