# A double-forking respawner: every generation leaves an orphan that does the same within milliseconds, so a kill pass
# that looks once at /proc and signals what it saw always misses the newest one. argv[1]: a file to write the run's
# marker (PROCESSLAB_RUN) to, and each respawned PID after it. argv[2]: "kill-supervisor" to then kill the
# supervisor (the main process's parent), as a lesson on signals might; "kill-group" to kill the main process's own
# process group from a child (the respawner is in a group of its own and lives on); else the run goes on until stopped.
import os, sys, time

log, how = sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else ''
with open(log, 'w') as f:
    f.write(os.environ.get('PROCESSLAB_RUN', '') + '\n')


def respawn():
    os.setpgid(0, 0)
    while True:
        k = os.fork()
        if k == 0:
            if os.fork() == 0:
                with open(log, 'a') as f:
                    f.write('%d\n' % os.getpid())
                time.sleep(0.002)
                continue
            os._exit(0)
        os.waitpid(k, 0)
        os._exit(0)


if os.fork() == 0:
    respawn()
time.sleep(0.3)
print('main: the respawner runs', flush=True)
if how == 'kill-supervisor':
    os.kill(os.getppid(), 9)
elif how == 'kill-group':
    if os.fork() == 0:
        os.killpg(0, 9)     # main's group: main and this child
        os._exit(1)
for i in range(600):
    try:
        print('main still here', i, flush=True)
    except BrokenPipeError:
        pass    # its supervisor, the reader of its output, is gone: it lives on all the same
    time.sleep(0.05)
