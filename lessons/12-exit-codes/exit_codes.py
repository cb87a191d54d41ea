# Lesson 12: how a process ends decides its exit code.
import multiprocessing
import sys
import time


def finish_normally():
    print("p_ok: all good, returning normally", flush=True)


def exit_with_three():
    print("p_exit3: calling sys.exit(3)", flush=True)
    sys.exit(3)


def crash():
    print("p_crash: about to divide by zero", flush=True)
    return 1 / 0


def wait_for_terminate():
    print("p_term: going to sleep for 10 s", flush=True)
    time.sleep(10)
    print("p_term: woke up", flush=True)     # never printed: we are stopped first


def wait_for_kill():
    print("p_kill: going to sleep for 10 s", flush=True)
    time.sleep(10)
    print("p_kill: woke up", flush=True)     # never printed either


if __name__ == "__main__":
    p_ok = multiprocessing.Process(target=finish_normally)
    p_exit3 = multiprocessing.Process(target=exit_with_three)
    p_crash = multiprocessing.Process(target=crash)
    p_term = multiprocessing.Process(target=wait_for_terminate)
    p_kill = multiprocessing.Process(target=wait_for_kill)

    p_ok.start()
    p_exit3.start()
    p_crash.start()
    p_term.start()
    p_kill.start()
    time.sleep(0.8)              # give the two sleepers time to fall asleep

    p_term.terminate()           # polite: sends SIGTERM (signal 15)
    p_kill.kill()                # forceful: sends SIGKILL (signal 9)

    p_ok.join()
    p_exit3.join()
    p_crash.join()
    p_term.join()
    p_kill.join()

    print(f"p_ok exitcode: {p_ok.exitcode}")
    print(f"p_exit3 exitcode: {p_exit3.exitcode}")
    print(f"p_crash exitcode: {p_crash.exitcode}")
    print(f"p_term exitcode: {p_term.exitcode}")
    print(f"p_kill exitcode: {p_kill.exitcode}")
