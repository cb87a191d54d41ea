# A fork bomb: every process forks until it has made 12 generations (at most 4,096 processes) or a fork fails, then
# sleeps. The file argv[1] gets the run's marker (PROCESSLAB_RUN), then the PID of each process as it starts, so a test
# can check that the run's report lists every one.
import os, sys, time

log = sys.argv[1]


def note():
    with open(log, 'a') as f:
        f.write('%d\n' % os.getpid())


with open(log, 'w') as f:
    f.write(os.environ.get('PROCESSLAB_RUN', '') + '\n')
note()
for _ in range(12):
    try:
        if os.fork() == 0:
            note()
    except OSError:
        break
time.sleep(30)
