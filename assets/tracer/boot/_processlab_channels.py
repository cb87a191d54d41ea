"""ProcessLab output channels: a traced process's fds 1 and 2 become pipes of its own, read by the supervisor.

Loaded by the agent (_processlab_agent.py, beside it). Wire format: ../PROTOCOL.md, "Output channels". Imports
nothing but `os` and modules written in C, and only when a channel is made: importing it changes nothing.

A channel is made where the process's fd 1 or 2 is a channel of the run (its dev:ino is in PROCESSLAB_STDIO): a
fresh pipe, whose read end goes to the supervisor (SCM_RIGHTS, one datagram on PROCESSLAB_OUTPUT) and whose write
end is dup2'ed onto the fd. The supervisor answers each datagram, so the write end is put in place only once a
reader holds the read end: a program never meets EPIPE because of us.
"""

import os

STDIO = 'PROCESSLAB_STDIO'
OUTPUT = 'PROCESSLAB_OUTPUT'
NAMES = {1: 'stdout', 2: 'stderr'}
ANSWER_WAIT = 3.0          # seconds an agent waits for the supervisor to take its channels (a loaded machine)
DRAIN_YIELDS = 4           # times the CPU is yielded before the first sleep
DRAIN_FIRST = 20e-6        # the first sleep while the supervisor has not read a channel yet
DRAIN_MOST = 1e-3          # the longest sleep between two looks
DRAIN_GIVE_UP = 0.2        # a stuck supervisor never hangs the program longer than this

_mine = {}                 # fd (1 or 2) -> (st_dev, st_ino) of the channel this process made for it
_supervisor = [None]       # the supervisor's PID, as its answer gave it
SUPERVISOR_GRACE = 0.02    # seconds a program about to signal the supervisor waits, so what it read is relayed


def active():
    """True when the run has a supervisor that reads channels."""
    return bool(os.environ.get(OUTPUT))


def run_ids():
    """The (st_dev, st_ino) of the run's channels, from PROCESSLAB_STDIO, or None if unset. Raises ValueError for a
    malformed value."""
    spec = os.environ.get(STDIO)
    if spec is None:
        return None
    ids = set()
    for part in spec.split(','):
        dev, _, ino = part.partition(':')
        ids.add((int(dev), int(ino)))
    return ids


def _ident(fd):
    st = os.fstat(fd)
    return st.st_dev, st.st_ino


def take_over(pid, start_ticks):
    """Gives this process channels of its own for those of fds 1 and 2 that are channels of the run; returns the fds
    now on a channel of ours. Called at install and in a forked child (the parent's channels are not ours). Never
    raises; an fd whose channel could not be made keeps what it had."""
    _mine.clear()
    try:
        ids = run_ids()
    except ValueError:
        return ()
    if ids is None or not active():
        return ()
    groups = []             # [(name, [fds])]: fds that share one pipe keep sharing one channel
    seen = {}
    for fd in (1, 2):
        try:
            ident = _ident(fd)
        except OSError:
            continue
        if ident not in ids:
            continue
        if ident in seen:
            seen[ident].append(fd)
        else:
            seen[ident] = [fd]
            groups.append((NAMES[fd], seen[ident]))
    if not groups:
        return ()
    pipes = _make(len(groups))
    if pipes is None:
        return ()
    try:
        if not register(pid, start_ticks, [name for name, _ in groups], [r for r, _ in pipes]):
            return ()
        added = []
        for (name, fds), (_, w) in zip(groups, pipes):
            for fd in fds:
                _copy_flags(fd, w)
                os.dup2(w, fd)          # inheritable, as std fds are
                _mine[fd] = _ident(fd)
            added.append('%d:%d' % _mine[fds[0]])
        os.environ[STDIO] = os.environ.get(STDIO, '') + ',' + ','.join(added)
        return tuple(_mine)
    except OSError:
        return tuple(_mine)
    finally:
        for r, w in pipes:
            os.close(r)
            os.close(w)


def for_child(fds):
    """Channels for a child that bypasses Python's fork hooks (`subprocess`, `os.system`): for each of `fds` (1, 2)
    a pipe, returned as {fd: (read end, write end)}, both ends close-on-exec; {} if the run has no channels or
    the fds are not channels of the run. The caller registers the read ends (`register`) and closes every end."""
    if not active() or not fds:
        return {}
    try:
        ids = run_ids()
    except ValueError:
        return {}
    want = []
    for fd in fds:
        try:
            if ids is None or _ident(fd) not in ids:
                continue
        except OSError:
            continue
        want.append(fd)
    pipes = _make(len(want))
    if pipes is None:
        return {}
    return dict(zip(want, [(_high(r), w) for r, w in pipes]))


def _high(fd):
    """fd moved to a number from 32 up (close-on-exec): the read ends a parent keeps until its child ends must not
    take the numbers the program's next files get."""
    high = high_copy(fd)
    if high is None:
        return fd
    os.close(fd)
    return high


def high_copy(fd):
    """A close-on-exec copy of fd numbered 512 up (else 128, 32 up), or None: the agent's own fds keep 3, 4, ...
    free, so a program that prints the numbers of the files it opens sees what it would see without us."""
    try:
        import fcntl
    except ImportError:
        return None
    for base in (512, 128, 32):
        try:
            return fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, base)
        except OSError:
            continue
    return None


def _make(n):
    """n pipes (read end, write end), close-on-exec; None if they could not all be made."""
    made = []
    try:
        for _ in range(n):
            made.append(os.pipe())
    except OSError:
        for r, w in made:
            os.close(r)
            os.close(w)
        return None
    return made


def _copy_flags(old, new):
    """O_APPEND and O_NONBLOCK (what a program may have set on fd 1) carry over to the channel that replaces it."""
    try:
        import fcntl
        keep = os.O_APPEND | os.O_NONBLOCK
        flags = fcntl.fcntl(old, fcntl.F_GETFL) & keep
        if flags:
            fcntl.fcntl(new, fcntl.F_SETFL, fcntl.fcntl(new, fcntl.F_GETFL) | flags)
    except (ImportError, OSError):
        pass


def register(pid, start_ticks, names, read_fds):
    """Hands the read ends to the supervisor as the channels of `pid` (stream names in the same order) and waits for
    its answer: True once it holds them. The caller still closes its own copies."""
    path = os.environ.get(OUTPUT)
    if not path:
        return False
    import _socket
    s = _socket.socket(_socket.AF_UNIX, _socket.SOCK_DGRAM)
    try:
        s.bind('')                      # an address of our own (Linux autobind): the supervisor answers to it
        s.settimeout(ANSWER_WAIT)
        head = ('{"k":"channels","pid":%s,"startTicks":%s,"s":[%s]}' % (
            'null' if pid is None else int(pid), 'null' if start_ticks is None else int(start_ticks),
            ','.join('"%s"' % n for n in names))).encode('ascii')
        import array
        fds = array.array('i', read_fds)
        s.sendmsg([head], [(_socket.SOL_SOCKET, _socket.SCM_RIGHTS, fds.tobytes())], 0, path)
        answer = s.recv(32).split()
        if answer[:1] != [b'ok']:
            return False
        if len(answer) > 1 and answer[1].isdigit():
            _supervisor[0] = int(answer[1])
        return True
    except OSError:
        return False
    finally:
        s.close()


def name_owner(pid, read_fds):
    """Tells the supervisor which process the channels with these read ends (registered with pid null) are: the
    child a `subprocess` or `os.system` just started. No answer is awaited."""
    path = os.environ.get(OUTPUT)
    if not path or not read_fds:
        return
    import _socket
    s = _socket.socket(_socket.AF_UNIX, _socket.SOCK_DGRAM)
    try:
        inos = ','.join(str(os.fstat(fd).st_ino) for fd in read_fds)
        s.sendto(('{"k":"owner","pid":%d,"ino":[%s]}' % (int(pid), inos)).encode('ascii'), path)
    except OSError:
        pass
    finally:
        s.close()


def forking():
    """Tells the supervisor that this process, its channels drained, is making a child: a child of ours that holds
    our channels before `child` comes did not write what was read before it. No answer is awaited."""
    if _mine:
        _tell('{"k":"forking"}')


def child_made(pid, traced):
    """Tells the supervisor which child the call after `forking()` made (pid None: none). `traced`: it runs an agent
    of its own (a `fork()`, multiprocessing's spawn) that makes its own channels before the program's code runs, so
    it writes nothing to ours meanwhile: what we write then is ours alone. Sent before the call that made the child
    returns, so before we write again; no answer."""
    if _mine:
        _tell('{"k":"child","pid":%s,"traced":%s}' % (
            int(pid) if pid and pid > 0 else 'null', 'true' if traced else 'false'))


def _tell(text):
    """One datagram to the supervisor, no answer awaited."""
    path = os.environ.get(OUTPUT)
    if not path:
        return
    import _socket
    s = _socket.socket(_socket.AF_UNIX, _socket.SOCK_DGRAM)
    try:
        s.sendto(text.encode('ascii'), path)
    except OSError:
        pass
    finally:
        s.close()


def before_signal(pid, group):
    """Before os.kill(pid) (os.killpg(pid) with group): when the signal is for the supervisor (or its group, or
    everyone), give it a moment to relay what it has just read: draining says it read our bytes, not that it sent
    them on."""
    sup = _supervisor[0]
    if sup is not None and (pid == sup if group else pid in (sup, -sup, -1)):
        from time import sleep
        sleep(SUPERVISOR_GRACE)


def drain(fds=None):
    """Waits until the supervisor has read every byte written so far to this process's channels (FIONREAD on the
    write end is 0), at most DRAIN_GIVE_UP seconds. Fds no longer on our channel (closed, redirected) are skipped."""
    todo = []
    for fd, ident in _mine.items():
        if fds is not None and fd not in fds:
            continue
        try:
            if _ident(fd) == ident:
                todo.append(fd)
        except OSError:
            pass
    if todo:
        wait_read(todo)


def drain_other(fd):
    """Before a write to fd (1 or 2) that follows writes to the other std fd: waits until the other one's channel
    was read, when the two are channels of ours and not one pipe (one pipe keeps its writers' order itself)."""
    other = 3 - fd
    mine = _mine.get(other)
    if mine is not None and mine != _mine.get(fd):
        drain((other,))


def wait_read(fds):
    """Waits (at most DRAIN_GIVE_UP seconds) until no bytes are left unread in the pipes of `fds` (either end)."""
    try:
        import array
        import fcntl
        import termios
        from time import monotonic, sleep
        get = termios.FIONREAD
    except (ImportError, AttributeError):
        return
    yield_cpu = getattr(os, 'sched_yield', None)
    left = array.array('i', [0])
    end = None
    pause = DRAIN_FIRST
    yields = DRAIN_YIELDS if yield_cpu is not None else 0
    for fd in fds:
        while True:
            try:
                fcntl.ioctl(fd, get, left, True)
            except OSError:
                break
            if not left[0]:
                break
            if yields:
                yields -= 1     # the supervisor is usually just about to read: let it run first
                yield_cpu()
                continue
            now = monotonic()
            if end is None:
                end = now + DRAIN_GIVE_UP
            elif now >= end:
                return
            sleep(pause)
            pause = min(pause * 2, DRAIN_MOST)
