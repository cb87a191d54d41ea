# Started by orphan.py's child process, which passes its own PID as the argument.
# Watches its parent end and another process adopt it.
import os
import sys
import time

first_parent = int(sys.argv[1])
print(f"grandchild: I was started by process {first_parent}", flush=True)

# Wait until the parent has ended and someone else has adopted us.
# (10 s is only a safety net: this normally takes well under a second.)
deadline = time.monotonic() + 10
while os.getppid() == first_parent and time.monotonic() < deadline:
    time.sleep(0.05)

if os.getppid() != first_parent:
    print(f"grandchild: my parent {first_parent} is gone; "
          f"I was adopted by process {os.getppid()}", flush=True)
time.sleep(0.5)
print("grandchild: finishing as an orphan", flush=True)
