# A fork bomb: every process forks until it has made 12 generations (at most 4,096 processes) or a fork fails, then
# sleeps. The file argv[1] gets the run's marker (PROCESSLAB_RUN), then the PID of each process, so a test can check
# that the run's report lists every one.
import os, sys, time

log = sys.argv[1]
with open(log, 'w') as f:
    f.write(os.environ.get('PROCESSLAB_RUN', '') + '\n')
for _ in range(12):
    try:
        os.fork()
    except OSError:
        break
with open(log, 'a') as f:
    f.write('%d\n' % os.getpid())
time.sleep(30)
