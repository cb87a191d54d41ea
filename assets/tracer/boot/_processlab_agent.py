"""ProcessLab agent: reports what this Python process does to the ProcessLab app.

Loaded by boot/sitecustomize.py in every Python process of a run (PYTHONPATH is inherited,
so spawn and forkserver children load it too). Wire format: ../PROTOCOL.md; what the agent
shares with the supervisor (limits, message encoder, /proc/PID/stat, exit status) is in
_processlab_wire.py beside it.

Design rules, in order of importance:
  * Never change the program: no signal handlers, no threads, no eager imports of heavy
    modules, no frames of ours left in tracebacks (3.11+), every hook guarded so that a bug
    here disables tracing instead of breaking the program.
  * Blocking sends under a lock, one connection per process: lines of different processes
    can never tear. stderr is sent line by line (a traceback printed before a SIGKILL has
    reached the kernel); stdout is batched (a C-level buffer, sent at once when the program prints
    sparsely, by a flusher thread that runs only during a burst within FLUSH_FAST..FLUSH_SLOW
    seconds, and at every explicit flush, fork, os._exit and exit), so a million lines cost
    about what a pipe costs.
  * Standard library only, Python 3.8+.
"""

import errno
import io
import os
import sys
import _thread

from time import time_ns as _time_ns, monotonic as _monotonic

import _processlab_wire as _wire
import _processlab_channels as _chan

_DEBUG = bool(os.environ.get('PROCESSLAB_DEBUG'))
_LIB_ROOTS = frozenset(('multiprocessing', 'concurrent', 'threading', '_processlab_agent'))

_streams = []       # our (stdout, stderr) TextIOWrappers, flushed before os._exit
_installed = False


def _debug(what):
    """One line on the real fd 2, only when PROCESSLAB_DEBUG is set."""
    if _DEBUG:
        try:
            e = sys.exc_info()[1]
            os.write(2, ('processlab agent (pid %d): %s: %r\n'
                         % (os.getpid(), what, e)).encode('utf-8', 'replace'))
        except Exception:
            pass


_now = _wire.now_us


def _strip_own_frame(exc, frame):
    """Drop frame's entry from the head of exc's traceback, so that re-raising exc shows
    the program's traceback as it would be without the agent.

    Since 3.11 re-raising takes the traceback from the exception object. (3.8-3.10 keep
    our frame: known gap.)
    """
    try:
        tb = exc.__traceback__
        if tb is not None and tb.tb_frame is frame:
            exc.__traceback__ = tb.tb_next
    except Exception:
        pass


class _Transparent(object):
    """`with _transparent: real(...)` inside a wrapper of ours calls the real function; what
    it raises leaves the wrapper as it came, minus the wrapper's own frame (_strip_own_frame).
    The one place for that: every wrapper that calls a function of the program's libraries
    goes through it. Stateless; one instance serves every thread."""

    __slots__ = ()

    def __enter__(self):
        return None

    def __exit__(self, kind, exc, tb):
        if exc is not None:
            _strip_own_frame(exc, sys._getframe(1))   # the wrapper's frame
        return False


_transparent = _Transparent()


def _copy_meta(wrapper, orig):
    for a in ('__name__', '__qualname__', '__doc__', '__module__'):
        try:
            setattr(wrapper, a, getattr(orig, a))
        except Exception:
            pass
    wrapper.__wrapped__ = orig
    wrapper._processlab = True
    return wrapper


# --------------------------------------------------------------------------- messages

_line = _wire.line    # one message line, fitted under the protocol's MAX_LINE


def _msg(k, **fields):
    """Send one payload-less message; never raises."""
    try:
        _conn.send(_line(k, fields))
    except Exception:
        _debug('send ' + k)


# --------------------------------------------------------------------------- connection

class _Conn(object):
    """The process's one connection. Kept self-contained (no module globals in the hot
    path) because output can still be flushed while the interpreter tears modules down."""

    def __init__(self):
        self.sock = None
        self.lock = _thread.RLock()
        self.owner = None       # ident of the thread inside send(): reentrancy guard
        self.pending = []       # messages from a reentrant send (signal handler, __del__)
        self.enabled = False    # tracing was on: forked children reconnect
        self.get_ident = _thread.get_ident
        self.nosignal = 0

    def send(self, data):
        """Send one whole message. False if tracing is off (caller falls back)."""
        if self.sock is None:
            return False
        me = self.get_ident()
        if self.owner == me:
            # Same thread re-entered (a signal handler or a finalizer printed while we
            # were sending): never interleave inside a message, queue it behind.
            self.pending.append(data)
            return True
        # An RLock: a signal handler that prints in the instant between acquire() and
        # `owner = me` (or between `owner = None` and release()) must not deadlock; the
        # outer call has not started (or has finished) its message then, so the nested
        # one may send whole.
        lock = self.lock
        lock.acquire()
        try:
            s = self.sock
            if s is None:
                return False
            self.owner = me
            try:
                # MSG_NOSIGNAL: a program that set SIGPIPE to SIG_DFL must not die
                # because the app went away.
                try:
                    off = s.send(data, self.nosignal)
                except OSError:
                    raise
                except BaseException as e:
                    self._finish(s, data, 0, e)
                else:
                    if off != len(data):
                        self._finish(s, data, off, None)
                while self.pending:
                    self._finish(s, self.pending.pop(0), 0, None)
            except OSError as e:
                self.broken(e)
                return False
            finally:
                self.owner = None
            return True
        finally:
            lock.release()

    def _finish(self, s, data, off, err):
        # The rest of a message after a partial send. Not sendall(): if a signal handler
        # raises (say KeyboardInterrupt) in the middle, we still finish the message so
        # the framing stays intact, then re-raise.
        n = len(data)
        view = memoryview(data)
        while off < n:
            try:
                off += s.send(view[off:], self.nosignal)
            except OSError:
                raise
            except BaseException as e:
                if err is None:
                    err = e
        if err is not None:
            raise err

    def broken(self, err=None):
        """The app is gone: stop tracing; output goes to the original fds from now on."""
        s, self.sock, self.enabled = self.sock, None, False
        self.pending = []
        if s is not None:
            try:
                if getattr(err, 'errno', None) in (errno.EBADF, errno.ENOTSOCK):
                    s.detach()    # the program closed our fd: that number is not ours
                else:
                    s.close()
            except Exception:
                pass

    def connect(self, origin):
        import _socket
        # A Unix socket ('unix:/path') or loopback TCP ('tcp:127.0.0.1:PORT'); close-on-exec.
        s = _wire.open_channel(_socket, os.environ.get('PROCESSLAB_TRACE', ''), 5.0)
        try:
            try:
                if hasattr(_socket, 'SO_NOSIGPIPE'):   # macOS has no MSG_NOSIGNAL
                    s.setsockopt(_socket.SOL_SOCKET, _socket.SO_NOSIGPIPE, 1)
            except Exception:
                pass
            s = _move_high(s, _socket)
        except BaseException:
            s.close()
            raise
        hello = _line('hello', dict(
            token=os.environ.get('PROCESSLAB_TOKEN', ''), peer='agent', pid=os.getpid(),
            ppid=os.getppid(), t=_now(), startTicks=_start_ticks(), lang='python',
            version='%d.%d.%d' % sys.version_info[:3], exe=sys.executable, argv=_argv(),
            origin=origin))
        # hello must be the first message. While it goes out, `owner` is us, so output
        # from a signal handler that runs meanwhile queues behind it (as in send()).
        self.nosignal = getattr(_socket, 'MSG_NOSIGNAL', 0)
        self.lock.acquire()
        try:
            self.pending = []
            self.owner = self.get_ident()
            self.sock = s
            self.enabled = True
            try:
                self._finish(s, hello, 0, None)
                while self.pending:
                    self._finish(s, self.pending.pop(0), 0, None)
            except OSError as e:
                self.broken(e)
                raise
            finally:
                self.owner = None
        finally:
            self.lock.release()

    def after_fork_child(self):
        # The inherited socket is the parent's connection: just drop our fd (no
        # shutdown(), which would cut the parent off) and open our own.
        s, self.sock = self.sock, None
        self.lock = _thread.RLock()
        self.owner = None
        self.pending = []
        if s is not None:
            try:
                s.close()
            except Exception:
                pass
        if self.enabled:
            self.enabled = False
            try:
                self.connect('fork')
            except Exception:
                _debug('reconnect after fork')
                self.broken()


_conn = _Conn()


def _move_high(s, _socket):
    # Keep fd 3, 4, ... free: a program that prints the fds of the files or pipes it opens
    # sees the numbers it would see without us, and an fd it closes wholesale and reuses
    # is unlikely to be ours.
    fd = _chan.high_copy(s.fileno())
    if fd is None:
        return s
    try:
        high = _socket.socket(s.family, s.type, s.proto, fd)
    except Exception:
        os.close(fd)
        return s
    s.close()
    return high


def _start_ticks():
    st = _wire.read_stat('self')
    return None if st is None else st[_wire.START_TICKS]


def _argv():
    # The whole command line, interpreter first, as /proc/PID/cmdline shows it.
    a = getattr(sys, 'orig_argv', None)
    if a:
        return list(a)
    try:
        with open('/proc/self/cmdline', 'rb') as f:
            raw = f.read()
        return [x.decode('utf-8', 'surrogateescape') for x in raw.split(b'\0')[:-1]]
    except Exception:
        return [sys.executable] + list(getattr(sys, 'argv', []))


# --------------------------------------------------------------------------- output

class _Sink(io.RawIOBase):
    """Raw writer under sys.stdout / sys.stderr: each write becomes one `out` message.

    No buffering of its own: the TextIOWrapper above it is line-buffered, so a message
    normally holds whole lines (a partial line only on explicit flush or 8 KiB chunks).
    """

    def __init__(self, fd, stream):
        io.RawIOBase.__init__(self)
        self._fd = fd
        self._conn = _conn
        self._hdr = ('{"k":"out","s":"%s","t":%%d,"n":%%d}\n' % stream).encode('ascii')
        self._now = _time_ns
        self._write = os.write
        self._max = _wire.MAX_PAYLOAD
        self.name = '<%s>' % stream

    def writable(self):
        return True

    def fileno(self):
        return self._fd

    def isatty(self):
        return False

    def write(self, b):
        if self.closed:
            raise ValueError('I/O operation on closed file.')
        if type(b) is not bytes:
            b = bytes(b)
        n = len(b)
        if not n:
            return 0
        conn = self._conn
        if conn.sock is not None:
            t = self._now() // 1000
            big = self._max
            if n <= big:
                if conn.send(self._hdr % (t, n) + b):
                    return n
            else:   # the protocol bounds a payload: split
                off = 0
                while off < n:
                    chunk = b[off:off + big]
                    if not conn.send(self._hdr % (t, len(chunk)) + chunk):
                        break
                    off += len(chunk)
                if off >= n:
                    return n
                b = b[off:]
        # Tracing is off (the app went away): the original fd, nothing lost.
        view = memoryview(b)
        while view:
            view = view[self._write(self._fd, view):]
        return n


def _std_stream(name, fd, errors, newline):
    """sys.stdout or sys.stderr as plain Python makes it, over Python's own io.FileIO (so closing the fd, isatty,
    blocking and EPIPE act as in a plain run, and a signal handler that raises right after a write cannot make
    the buffer write it again, as a raw writer in Python would): stdout batched (see the flusher), stderr line by
    line (as Python keeps it, 3.9+)."""
    raw = io.FileIO(fd, 'w', closefd=False)
    raw.name = '<%s>' % name
    out = name == 'stdout'
    buf = io.BufferedWriter(raw, _STDOUT_BUFFER if out else io.DEFAULT_BUFFER_SIZE)
    return io.TextIOWrapper(buf, encoding='utf-8', errors=errors, newline=newline, line_buffering=not out)


def _run_stdio():
    """The (st_dev, st_ino) of the run's own output channels, or None if unknown.

    Only a stream that still writes to one of them is ours to report: a Python child
    whose output a parent captures (subprocess.PIPE, a shell pipe, a file) must keep
    writing where the program sent it.
    """
    return _chan.run_ids()


def _install_streams():
    newline = None if os.name == 'nt' else '\n'   # what CPython uses for std streams
    channels = _chan.active()
    if channels:
        _chan.take_over(os.getpid(), _start_ticks())
    try:
        allowed = _run_stdio()
    except ValueError:
        allowed = None
    mine = []
    for name, fd, default_errors in (('stdout', 1, 'strict'),
                                     ('stderr', 2, 'backslashreplace')):
        old = getattr(sys, name, None)
        if old is None:
            continue
        try:
            if old.fileno() != fd:
                continue
            st = os.fstat(fd)
            ident = (st.st_dev, st.st_ino)
            if allowed is not None and ident not in allowed:
                continue
            old.flush()
            errors = getattr(old, 'errors', None) or default_errors
            if channels:
                w = _std_stream(name, fd, errors, newline)
            elif name == 'stdout':
                # Batched: C-level buffers, flushed by _flusher within milliseconds.
                raw = io.BufferedWriter(_Sink(fd, name), _STDOUT_BUFFER)
                w = io.TextIOWrapper(raw, encoding='utf-8', errors=errors, newline=newline,
                                     line_buffering=False)
            else:
                # stderr stays line by line, as Python keeps it (3.9+).
                w = io.TextIOWrapper(_Sink(fd, name), encoding='utf-8', errors=errors,
                                     newline=newline, line_buffering=True)
            w.mode = 'w'
        except Exception:
            _debug('install ' + name)
            continue
        mine.append('%d:%d' % ident)
        _streams.append(w)
        setattr(sys, name, w)
        setattr(sys, '__%s__' % name, w)   # multiprocessing flushes these in children
    if allowed is None and mine:
        # Started without the supervisor: our descendants apply the same rule.
        os.environ['PROCESSLAB_STDIO'] = ','.join(mine)


def _flush_ours():
    for w in _streams:
        try:
            w.flush()
        except Exception:
            pass


# The flusher. stdout is batched in a 64 KiB buffer that goes out
#   * at once when the program writes sparsely (nothing written in the FLUSH_FAST before): a line printed
#     the instant before a SIGKILL is kept;
#   * within FLUSH_FAST..FLUSH_SLOW during a burst, by a flusher thread: a bare _thread (not a
#     threading.Thread, so threading.enumerate() and active_count() stay as the program expects);
#   * at every explicit flush, fork, multiprocessing send, lock release, os._exit and exit.
# The thread runs only during a burst: it starts at the second write within FLUSH_FAST and ends after
# FLUSH_IDLE without output. A process that does not flood stdout has no thread of ours, so the kernel's
# task count for the run's pids limit is the program's own (a fork bomb's processes are one task each); a
# thread that runs leaves the run's pids group where the kernel lets it (PROCESSLAB_PIDS, cgroup v1) and is
# not started when the group is full.
#
# The stream's write and writelines and its buffer's write are watched: instance attributes (print() looks
# `write` up on every call), put there at install, so a bound method the program keeps is a watched one.
# While no thread runs a watched write may send or start one; while it runs the first write after each of the
# thread's looks marks the burst as going on (_flood), and the rest only write. The watch is Python code above the buffer, never under
# it: a signal handler that raises right after a write then finds the bytes in the buffer once. _flush_lock is held around every
# flush of ours, so fork() (which takes it first) never copies a half-done flush into the child, and exit
# can stop the thread cleanly.
FLUSH_FAST = 0.002
FLUSH_SLOW = 0.02
FLUSH_IDLE = 0.1
_STDOUT_BUFFER = 1 << 16
_flush_lock = _thread.allocate_lock()
_flusher_state = {'stop': False, 'gen': 0, 'running': False, 'last': 0.0}
# True from a stdout write during a burst until the flusher next looks (or stops, or the program turns to stderr):
# the flusher runs and stdout was the last std stream written, so a watched write need do nothing but write. One
# cell, so that the mark and the hot path's test are one value: a write between the flusher's read and its clear
# can only lose one look's mark (that look then backs off once), never leave the hot path on without a flusher.
_flood = [False]
_flushing = _thread._local()     # .on: this thread is in a flush of ours (its writes are not watched)


def _batched():
    """Our batched stdout wrapper and its sink, or (None, None)."""
    for w in _streams:
        raw = getattr(getattr(w, 'buffer', None), 'raw', None)
        if isinstance(raw, (_Sink, io.FileIO)) and getattr(raw, 'name', None) == '<stdout>':
            return w, raw
    return None, None


class _Watch(object):
    """The watched write methods of the batched stream (see above). One per process."""

    def __init__(self):
        self.hooks = []       # (object, name, function) put there by install()

    def install(self, w):
        if self.hooks:
            return
        for obj, name, turns in ((w, 'write', True), (w, 'writelines', True), (w.buffer, 'write', False)):
            real = getattr(type(obj), name).__get__(obj)

            # Lean: a bound write the program keeps runs through this for good, floods included. In a flood the
            # hot path is one test (see _flood); everything else is _write_noted's.
            def watched(arg, _real=real, _flood=_flood, _turns=turns):
                if _flood[0]:
                    return _real(arg)
                return _write_noted(_real, arg, _turns)
            try:
                setattr(obj, name, watched)
            except (AttributeError, TypeError):
                continue
            self.hooks.append((obj, name, watched))


def _write_noted(real, arg, turns):
    """A watched stdout write off the hot path: after a turn from stderr (`turns`: a text write, which sees turns),
    while no flusher runs, or the first write since the flusher last looked, which marks the burst as going on."""
    if turns and _last_fd[0] != 1:
        _switch_to(1)
    n = real(arg)
    # Marked before `running` is read: a flusher that stops clears `running` first, then the mark (see _flusher).
    _flood[0] = True
    if _flusher_state['running'] and _last_fd[0] == 1:
        return n
    _flood[0] = False
    _written(arg)
    return n


_watch = _Watch()


# One process, two streams. Its stdout and stderr are two channels (two pipes), and the supervisor may find both
# ready in one poll and read them in either order; our stdout is also batched. So when the program turns from
# one std fd to the other (print, logging, sys.std*.buffer, os.write), what it wrote to the first goes out and is
# read before the first byte of the second is written: the lines of one process stay in the order it wrote them,
# as on a terminal. This costs a flush and a drain at each turn, nothing while the program keeps to one stream.
# The streams' text writes (write, writelines) and os.write are watched, not the buffers' writes: the text layer
# itself writes to its buffer, from any thread that flushes, and those are no turns. So a turn made through
# sys.stdout.buffer, or below Python (a C extension's write(2)), is not seen and may still be read out of order.
_last_fd = [0]          # the std fd (1 or 2) the program wrote text to last; 0: none yet


def _switch_to(fd):
    """Before the program's first write to fd (1 or 2) after writes to the other one."""
    _last_fd[0] = fd
    _flood[0] = False
    _flush_ours()       # a partial line, or a batch, of either stream
    try:
        _chan.drain_other(fd)
    except Exception:
        _debug('switch')


class _WriteInOrder(object):
    """os.write for the program. A write to fd 1 or 2 first sends what our streams hold (a batch, a partial line),
    and after a turn from the other std fd waits until that one was read, so raw writes keep their place among
    printed lines. A callable object, not a function: `multiprocessing.connection` keeps os.write as a class
    attribute, where a Python function would be bound as a method."""

    def __init__(self, real):
        self._real = real
        for a in ('__name__', '__qualname__', '__module__', '__doc__'):
            try:
                setattr(self, a, getattr(real, a))
            except (AttributeError, TypeError):
                pass

    def __call__(self, fd, data):
        if fd == 1 or fd == 2:
            if _last_fd[0] != fd:
                _switch_to(fd)
            else:
                _flush_ours()
        return self._real(fd, data)


def _watch_stderr():
    """stderr's writes are watched for a turn from stdout (see _last_fd); nothing else is done on them."""
    for w in _streams:
        buf = getattr(w, 'buffer', None)
        if getattr(getattr(buf, 'raw', buf), 'name', None) != '<stderr>':
            continue
        for obj, name in ((w, 'write'), (w, 'writelines')):
            real = getattr(type(obj), name).__get__(obj)

            def watched(arg, _real=real, _last=_last_fd):
                if _last[0] != 2:
                    _switch_to(2)
                return _real(arg)
            try:
                setattr(obj, name, watched)
            except (AttributeError, TypeError):
                continue


def _written(what):
    """After a watched write of `what` (str, bytes or an iterable of them): as a terminal's line buffering,
    nothing until a line is complete; then out at once if the program writes sparsely, or the flusher
    started if this line comes within FLUSH_FAST of the last one sent (a burst)."""
    st = _flusher_state
    if st['running'] or st['stop'] or getattr(_flushing, 'on', False):
        return
    try:
        if isinstance(what, (str, bytes, bytearray)):
            if (b'\n' if isinstance(what, (bytes, bytearray)) else '\n') not in what:
                return
    except Exception:
        pass
    now = _monotonic()
    if now - st['last'] < FLUSH_FAST and _start_flusher():
        return
    w, sink = _batched()
    if w is not None:
        _flush_once(w, sink, 0.1)
    st['last'] = _monotonic()


def _flush_once(w, sink, wait=None):
    """Flushes under _flush_lock: True if bytes went out, False if none did (or the lock was busy), None if the
    flusher must end. `wait`: seconds to wait for the lock (None: not at all)."""
    if not (_flush_lock.acquire(True, wait) if wait else _flush_lock.acquire(False)):
        return False                    # a fork or the exit is flushing
    _flushing.on = True
    try:
        if _flusher_state['stop']:
            return None
        st = _flusher_state
        dirty = _flood[0]
        _flood[0] = False               # a write from here on marks it again
        try:
            w.flush()
        except Exception:
            pass
        return dirty
    finally:
        _flushing.on = False
        _flush_lock.release()


def _room_for_thread():
    """False when the run's pids group is full: the thread would take a task the program may need."""
    group = os.environ.get('PROCESSLAB_PIDS')
    if not group:
        return True
    try:
        with open(os.path.join(group, 'pids.max')) as f:
            cap = f.read().strip()
        if cap == 'max':
            return True
        with open(os.path.join(group, 'pids.current')) as f:
            return int(f.read()) < int(cap)
    except (OSError, ValueError):
        return True


def _leave_pids_group():
    # cgroup v1 places threads one by one: the parent of the run's group has no limit of its own. Where that
    # is refused (cgroup v2, not root) the thread stays, counted while it runs.
    group = os.environ.get('PROCESSLAB_PIDS')
    get_id = getattr(_thread, 'get_native_id', None)
    if group and get_id is not None:
        try:
            fd = os.open(os.path.join(os.path.dirname(group.rstrip('/')), 'tasks'), os.O_WRONLY | os.O_CLOEXEC)
            try:
                os.write(fd, b'%d' % get_id())
            finally:
                os.close(fd)
        except OSError:
            pass


def _flusher(gen, w, sink):
    _leave_pids_group()
    from time import sleep
    st = _flusher_state
    interval = FLUSH_FAST
    quiet = 0.0
    while True:
        sleep(interval)
        if st['stop'] or st['gen'] != gen:
            return
        sent = _flush_once(w, sink)
        if sent is None:
            return
        if sent:
            interval, quiet = FLUSH_FAST, 0.0
            continue
        quiet += interval
        if quiet >= FLUSH_IDLE:
            # `running` goes false before the last flush, so a write that saw it true is covered by that
            # flush, and one that sees it false is sent by its writer.
            st['running'] = False
            _flood[0] = False
            _flush_once(w, sink, 0.1)
            return
        interval = min(interval * 2, FLUSH_SLOW)


def _start_flusher():
    """Starts the flusher thread for a burst: False if it cannot (no batched stream, the pids group full, the
    kernel refused a thread): then every watched write is sent at once."""
    w, sink = _batched()
    st = _flusher_state
    if w is None or st['stop'] or not _room_for_thread():
        return False
    st['gen'] += 1
    st['running'] = True
    _flood[0] = _last_fd[0] == 1
    try:
        _thread.start_new_thread(_flusher, (st['gen'], w, sink))
    except Exception:
        st['running'] = False
        _flood[0] = False
        return False
    return True


def _watch_writes():
    """At install: no thread yet; the first writes are watched."""
    w = _batched()[0]
    if w is not None:
        _watch.install(w)
    _watch_stderr()


def _stop_flusher():
    """At exit: no flush of ours may run while the interpreter finalises its streams."""
    if not _flusher_state['stop']:
        _flusher_state['stop'] = True
        _flood[0] = False
        _flush_lock.acquire()          # waits for a flush in progress; kept: a thread ends at its next look


def _before_fork():
    if not _flusher_state['stop']:
        _flush_lock.acquire()
        _flusher_state['forking'] = True
    _flush_ours()                      # the child must not inherit (and resend) our buffer


def _after_fork_parent():
    if _flusher_state.pop('forking', False):
        _flush_lock.release()


def _after_fork_child():
    global _flush_lock
    _flush_lock = _thread.allocate_lock()
    _flushing.on = False
    _flusher_state.pop('forking', None)
    _conn.after_fork_child()
    st = _flusher_state
    _flood[0] = False
    if st['running']:
        st['running'] = False          # the parent's thread is not here
        st['gen'] += 1
    st['last'] = 0.0


# --------------------------------------------------------------------------- os wrappers

def _reaped(pid, status):
    try:
        if _wire.ended(status):   # a stopped/continued child has not been reaped
            _drain()              # what we printed before the reap is stamped before it
            _msg('reaped', t=_now(), child=pid, status=status, exitcode=_wire.exitcode(status))
    except Exception:
        _debug('reaped')


# The Process object whose start() this thread is in, as (its `made` number, when start() was called): a child
# made meanwhile is that object's process, and `spawn` says so, so the app can tell even when the parent is killed
# before start() returns (a run stopped at its process limit) and no `start` ever comes.
_starting = _thread._local()


def _spawned(pid, argv):
    try:
        args = None
        if argv is not None:
            args = [os.fsdecode(a) if isinstance(a, (bytes, str)) else str(a) for a in list(argv)[:50]]
        starting = getattr(_starting, 'obj', None)
        if starting is not None:
            _starting.obj = None    # one process per start()
            _msg('spawn', t=_now(), child=pid, argv=args, obj=starting[0], called=starting[1])
        else:
            _msg('spawn', t=_now(), child=pid, argv=args)
    except Exception:
        _debug('spawn')


def _flush_stdout():
    """Send what this process printed so far: called before every multiprocessing send and lock
    release, so a line printed before a message (or a release) is stamped before anything the
    receiving process prints after it. Batched output keeps cause-before-effect order. With
    output channels, also waits until the supervisor has read them (_drain)."""
    w = _batched()[0]
    if w is not None:
        try:
            w.flush()
        except Exception:
            pass
    _chan.drain()


def _drain():
    """Before a causal event (exit, exec): flush our streams, then wait (at most 0.2 s) until the supervisor has read
    every byte this process wrote to its output channels, so they are relayed before anything the event causes."""
    _flush_ours()
    try:
        _chan.drain()
    except Exception:
        _debug('drain')


def _patch_connection(mod):
    base = getattr(mod, '_ConnectionBase', None)
    if base is None or getattr(base.send, '_processlab', False):
        return
    for name in ('send', 'send_bytes'):
        real = getattr(base, name)

        def wrapper(self, *a, _real=real, **kw):
            _flush_stdout()
            with _transparent:
                return _real(self, *a, **kw)
        setattr(base, name, _copy_meta(wrapper, real))


def _patch_synchronize(mod):
    sl = getattr(mod, 'SemLock', None)
    if sl is None or getattr(sl._make_methods, '_processlab', False):
        return
    real_make = sl._make_methods

    def _make_methods(self):
        real_make(self)
        release = self.release

        def release_after_flush(*a, **kw):
            _flush_stdout()
            return release(*a, **kw)
        self.release = release_after_flush
    sl._make_methods = _copy_meta(_make_methods, real_make)


def _patch_subprocess(mod):
    popen = mod.Popen
    real = popen._execute_child

    def _execute_child(self, args, *a, **kw):
        _drain()        # bytes we wrote before the child held our channel are read as ours alone
        _making_child()
        try:
            with _transparent:
                real(self, args, *a, **kw)
        finally:
            _child_made(getattr(self, 'pid', None), False)  # channels of its own, made here, or ours: no agent's
            _child_started(self)
        pid = getattr(self, 'pid', None)
        if pid:
            _spawned(pid, [args] if isinstance(args, (str, bytes)) else args)
    popen._execute_child = _copy_meta(_execute_child, real)
    _give_popen_channels(mod)


# --------------------------------------------------------------------------- output channels of children
# A child that does not run Python's fork hooks (subprocess, os.system) would share this process's channel: it
# gets channels of its own, made and registered here, their write ends handed to it as its fd 1 and 2.

def _children_channels(fds):
    """{fd: (read end, write end)}: registered channels for a child's `fds` (1, 2) that are channels of the run;
    {} if none. The caller closes every end."""
    try:
        pipes = _chan.for_child(fds)
        if pipes and not _chan.register(None, None, [_chan.NAMES[fd] for fd in pipes],
                                        [r for r, _ in pipes.values()]):
            _close_ends(pipes, 0)
            _close_ends(pipes, 1)
            return {}
        return pipes
    except Exception:
        _debug('channels for a child')
        return {}


def _close_ends(pipes, end):
    """Closes end 0 (read) or 1 (write) of every pipe, once."""
    for fd in list(pipes):
        ends = pipes[fd]
        if ends[end] is not None:
            try:
                os.close(ends[end])
            except OSError:
                pass
            pipes[fd] = (None, ends[1]) if end == 0 else (ends[0], None)


def _give_popen_channels(mod):
    """Popen: a child that would inherit fd 1 or 2 gets a channel of its own instead (through _get_handles, as if
    the caller had passed a pipe of ours). The parent closes its write ends once the child exists and keeps the
    read ends until wait() or poll() sees the child end: then it waits until the supervisor has read them (so the
    child's output comes before what the parent prints next) and closes them."""
    popen = mod.Popen
    real_handles = getattr(popen, '_get_handles', None)
    if real_handles is None or getattr(real_handles, '_processlab', False) or not _chan.active():
        return

    def _get_handles(self, stdin, stdout, stderr):
        with _transparent:
            handles = real_handles(self, stdin, stdout, stderr)
        try:
            p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite = handles
            wanted = [fd for fd, w in ((1, c2pwrite), (2, errwrite)) if w == -1]
            to_stdout = type(stderr) is int and stderr == mod.STDOUT and c2pwrite == -1
            pipes = _children_channels(wanted) if wanted else {}
            if pipes:
                if 1 in pipes:
                    c2pwrite = pipes[1][1]
                    if to_stdout:
                        errwrite = c2pwrite
                if 2 in pipes:
                    errwrite = pipes[2][1]
                self._processlab_out = pipes
                return p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite
        except Exception:
            _debug('popen channels')
        return handles

    def wait(self, *a, **kw):
        with _transparent:
            code = real_wait(self, *a, **kw)
        _child_ended(self)
        return code

    def _internal_poll(self, *a, **kw):     # poll(), and the module's cleanup of Popen objects dropped unwaited
        with _transparent:
            code = real_poll(self, *a, **kw)
        if code is not None:
            _child_ended(self)
        return code

    real_wait, real_poll = popen.wait, popen._internal_poll
    popen._get_handles = _copy_meta(_get_handles, real_handles)
    popen.wait = _copy_meta(wait, real_wait)
    popen._internal_poll = _copy_meta(_internal_poll, real_poll)


def _child_started(popen):
    """After Popen made its child (or failed to): our write ends are the child's alone now."""
    pipes = getattr(popen, '__dict__', {}).get('_processlab_out')
    if pipes:
        _close_ends(pipes, 1)
        pid = getattr(popen, 'pid', None)
        if pid:
            _chan.name_owner(pid, [r for r, _ in pipes.values()])
        else:
            _child_ended(popen)


def _child_ended(popen):
    pipes = getattr(popen, '__dict__', {}).pop('_processlab_out', None)
    if pipes:
        try:
            _chan.wait_read([r for r, _ in pipes.values() if r is not None])
        except Exception:
            _debug('drain a child')
        _close_ends(pipes, 0)
        _close_ends(pipes, 1)


def _wrap_system():
    """os.system: the shell gets channels of its own. The C library's system() forks where no hook of ours runs,
    so where the run has channels this does what it does (see system(3)): /bin/sh -c COMMAND, SIGINT and SIGQUIT
    ignored and SIGCHLD blocked in the caller while the shell runs (the first two back to default in the shell
    unless the caller ignored them), its wait status returned; through posix_spawn, with the shell's fd 1 and 2 on
    its channels. (From a thread other than the main one, SIGINT and SIGQUIT cannot be ignored by Python: they are
    left as they are.)"""
    real = os.__dict__.get('system')
    spawn = os.__dict__.get('posix_spawn')
    if real is None or spawn is None or getattr(real, '_processlab', False) or not _chan.active():
        return
    real_waitpid = os.waitpid

    def system(command):
        if not isinstance(command, (str, bytes)) or '\0' in os.fsdecode(command):
            with _transparent:
                return real(command)
        pipes = _children_channels((1, 2))
        if not pipes:
            with _transparent:
                return real(command)
        try:
            return _system(command, pipes, spawn, real_waitpid)
        finally:
            _close_ends(pipes, 1)
            _close_ends(pipes, 0)
    os.system = _copy_meta(system, real)


def _system(command, pipes, spawn, waitpid):
    import _signal
    quiet = (_signal.SIGINT, _signal.SIGQUIT)
    old = {}
    try:
        for sig in quiet:
            old[sig] = _signal.signal(sig, _signal.SIG_IGN)
    except ValueError:          # not the main thread
        pass
    mask = _signal.pthread_sigmask(_signal.SIG_BLOCK, [_signal.SIGCHLD])
    try:
        _drain()
        to_default = [sig for sig in quiet if old.get(sig) is not _signal.SIG_IGN]
        actions = [(os.POSIX_SPAWN_DUP2, w, fd) for fd, (_, w) in pipes.items()]
        argv = ['sh', '-c', command]
        try:
            pid = spawn('/bin/sh', argv, os.environ, file_actions=actions, setsigdef=to_default, setsigmask=mask)
        except OSError:
            return 127 << 8         # as system(3): the shell could not be run
        _close_ends(pipes, 1)
        _chan.name_owner(pid, [r for r, _ in pipes.values()])
        while True:         # our os.posix_spawn and os.waitpid report the shell's `spawn` and `reaped`
            try:
                _, status = waitpid(pid, 0)
                break
            except InterruptedError:
                continue
            except OSError:         # SIGCHLD ignored: the shell was reaped for us; system(3) says -1
                return -1
        _chan.wait_read([r for r, _ in pipes.values() if r is not None])
        return status
    finally:
        _signal.pthread_sigmask(_signal.SIG_SETMASK, mask)
        for sig, handler in old.items():
            _signal.signal(sig, handler)


def _wrap_kill():
    """os.kill and os.killpg: a signal is a causal event too. What this process printed goes out before it (a
    process that prints, then kills itself or its supervisor, keeps its line)."""
    if not _chan.active():
        return
    for name in ('kill', 'killpg'):
        real = os.__dict__.get(name)
        if real is None or getattr(real, '_processlab', False):
            continue

        def kill(pid, sig, _real=real, _group=name == 'killpg'):
            _drain()
            try:
                _chan.before_signal(pid, _group)
            except Exception:
                _debug('before signal')
            with _transparent:
                return _real(pid, sig)
        setattr(os, name, _copy_meta(kill, real))


# A child holds our channels from the moment it exists: one that runs our agent (fork, spawn, the fork server) only
# until it has made its own, writing nothing to them meanwhile. The supervisor hears of each child we make (our
# channels drained first), so it neither marks what we wrote before as shared with the child, nor what we write
# while the child settles; nothing waits for the child.

def _making_child():
    try:
        _chan.forking()
    except Exception:
        _debug('forking')


def _child_made(pid, traced):
    try:
        _chan.child_made(pid, traced)
    except Exception:
        _debug('child made')


def _channels_before_fork():
    _drain()
    _making_child()


def _channels_after_fork():
    """In a forked child: channels of its own, before the program's code runs again."""
    try:
        _chan.take_over(os.getpid(), _start_ticks())
    except Exception:
        _debug('channels after fork')


def _reporting_reaps(real):
    """Wraps an os.wait* call that returns (pid, status, ...) so each reap is reported."""
    def wrapper(*args):
        with _transparent:
            r = real(*args)
        if r[0] > 0:
            _reaped(r[0], r[1])
        return r
    return _copy_meta(wrapper, real)


def _wrap_os():
    # waitpid, wait, wait3, wait4 all return (pid, status, ...): one wrapper shape for all.
    for name in ('waitpid', 'wait', 'wait3', 'wait4'):
        real = os.__dict__.get(name)
        if real is not None:
            setattr(os, name, _reporting_reaps(real))

    real_waitid = os.__dict__.get('waitid')
    if real_waitid is not None:
        def waitid(idtype, id, options):
            with _transparent:
                r = real_waitid(idtype, id, options)
            try:
                if r is not None and not options & getattr(os, 'WNOWAIT', 0):
                    ended = _wire.waitid_status(r.si_code, r.si_status)
                    if ended is not None:
                        _drain()
                        _msg('reaped', t=_now(), child=r.si_pid, status=ended[0], exitcode=ended[1])
            except Exception:
                _debug('waitid')
            return r
        os.waitid = _copy_meta(waitid, real_waitid)

    # A new child, reported by its parent at once: its true parent and its command are
    # known even when it is too short-lived or too quickly orphaned for the OS sampler.
    real_fork = os.__dict__.get('fork')
    if real_fork is not None:
        def fork():
            with _transparent:      # EAGAIN at the run's process cap: the program's own traceback, as without us
                pid = real_fork()
            if pid > 0:
                _child_made(pid, True)
                _spawned(pid, None)
            return pid
        os.fork = _copy_meta(fork, real_fork)
    for name in ('posix_spawn', 'posix_spawnp'):
        real = os.__dict__.get(name)
        if real is not None:
            def spawn(path, argv, *a, _real_spawn=real, **kw):
                _drain()    # the child may share our channel: what we wrote before is ours alone
                _making_child()
                with _transparent:
                    pid = _real_spawn(path, argv, *a, **kw)
                _child_made(pid, False)
                _spawned(pid, argv)
                return pid
            setattr(os, name, _copy_meta(spawn, real))

    for name in ('execv', 'execve'):
        real = os.__dict__.get(name)
        if real is not None:
            setattr(os, name, _announcing_exec(real))

    real_write = os.__dict__.get('write')
    if real_write is not None:
        os.write = _WriteInOrder(real_write)

    real_exit = os._exit

    def _exit(n):
        # os._exit() skips every flush: send what is buffered and our last word first.
        try:
            _drain()
            _msg('exit', t=_now(), code=n if type(n) is int else None)
        except BaseException:
            pass
        real_exit(n)
    os._exit = _copy_meta(_exit, real_exit)


# exec: the process keeps its PID and becomes another program. Every os.exec* function ends in os.execv or
# os.execve (execl, execle, execlp, execvp, execvpe through os._execvpe, which looks both up at call time), so
# wrapping those two covers them; os.posix_spawn makes a new process and is not an exec. exec keeps nothing of
# this interpreter: what our stdout buffer holds is lost, and the flusher and any other thread vanish mid-step.
# So, as at os._exit, everything buffered goes out first, and the flusher and every sender are held still (their
# locks) until the exec has happened or failed.

_EXEC_LOCK_WAIT = 1.0   # seconds: a flusher stuck longer than this is not waited for (exec then goes on)


def _announcing_exec(real):
    """Wraps os.execv or os.execve: flush, drain, `exec`, then the real call; `exec-failed` if it raised."""
    def wrapper(path, args, *rest):
        held = _exec_hold(path, args)
        try:
            with _transparent:
                return real(path, args, *rest)    # returns only by raising
        except BaseException as e:
            _exec_release(held, path, e)
            raise
    return _copy_meta(wrapper, real)


def _exec_hold(path, args):
    """Everything the process printed goes out, then `exec` if the file can be run; returns what to let go.

    `exec` is announced only for a file this process may execute (`access(X_OK)`): os.execvp tries each folder of
    PATH in turn, and the misses on the way are no exec of anyone. Never raises."""
    held = [None, None, False]    # the flush lock, the connection's lock, `exec` sent
    try:
        if not _flusher_state.get('stop'):
            lock = _flush_lock
            if lock.acquire(True, _EXEC_LOCK_WAIT):
                held[0] = lock
        _flush_ours()
        drain = globals().get('_drain')    # waits until our output channel is read (where there is one)
        if drain is not None:
            drain()
        try:
            runnable = isinstance(path, int) or os.access(path, os.X_OK)
        except Exception:
            runnable = True
        conn = _conn
        conn.lock.acquire()
        held[1] = conn.lock
        if runnable:
            _msg('exec', t=_now(), path=_exec_path(path), argv=_exec_argv(args))
            held[2] = True
    except BaseException:
        _debug('exec')
    return held


def _exec_release(held, path, e):
    """The exec raised: `exec-failed` (when `exec` was sent) and the held locks go back. Never raises."""
    try:
        if held[2]:
            _msg('exec-failed', t=_now(), path=_exec_path(path), error=_exception_name(e),
                 message=_exception_text(e))
    except BaseException:
        _debug('exec-failed')
    for lock in (held[1], held[0]):
        if lock is not None:
            try:
                lock.release()
            except Exception:
                pass


def _exec_path(path):
    """The program's path as text; for an fd (os.execve(fd, ...)), the file it names, or null."""
    try:
        if isinstance(path, int):
            return os.readlink('/proc/self/fd/%d' % path)
        return os.fsdecode(path)
    except Exception:
        return None


def _exec_argv(args):
    """The new program's argv as text, its first 50 items (as `spawn` bounds it); null if it cannot be read."""
    if type(args) not in (list, tuple):
        return None     # never iterate what the real call may refuse (it takes a list or a tuple only)
    try:
        return [os.fsdecode(a) if isinstance(a, (bytes, str)) else str(a) for a in args[:50]]
    except Exception:
        return None


def _at_exit():
    # Registered first, so it runs last among atexit handlers (after multiprocessing's
    # own, which joins children). The exit code is not known here: null.
    try:
        _stop_flusher()
    except Exception:
        pass
    _drain()
    _msg('exit', t=_now(), code=None)


# --------------------------------------------------------------------------- multiprocessing

def _mp_method(proc):
    m = getattr(getattr(proc, '_popen', None), 'method', None)
    if m:
        return m
    m = getattr(proc, '_start_method', None)
    if m:
        return m
    ctx = sys.modules.get('multiprocessing.context')
    try:
        return ctx._default_context.get_start_method(allow_none=True)
    except Exception:
        return None


def _target_name(proc, target):
    if target is not None:
        for obj in (target, getattr(target, 'func', None)):   # functools.partial too
            name = getattr(obj, '__name__', None)
            if isinstance(name, str):
                return name
        return None
    # A subclass that overrides run(): that is the code the process runs.
    try:
        cls = type(proc)
        base = sys.modules['multiprocessing.process'].BaseProcess
        if cls.run is not base.run:
            return cls.__name__ + '.run'
    except Exception:
        pass
    return None


_repr = None


def _short_args(args, kwargs):
    global _repr
    try:
        if _repr is None:
            import reprlib
            r = reprlib.Repr()
            r.maxstring = r.maxother = 60
            r.maxlong = 40
            r.maxtuple = r.maxlist = r.maxdict = r.maxset = r.maxfrozenset = 8
            _repr = r.repr
        s = _repr(tuple(args) if args is not None else ())
        if kwargs:
            s += ' ' + _repr(dict(kwargs))
    except Exception:
        s = '<?>'
    cap = _wire.MAX_ARGS_CHARS
    return s if len(s) <= cap else s[:cap - 3] + '...'


def _label_in(frame, obj):
    """The name this frame's code holds obj under: p1, ps[0], procs['a'], self.worker."""
    scopes = [frame.f_locals]
    if frame.f_globals is not scopes[0]:
        scopes.append(frame.f_globals)
    for scope in scopes:
        # Dict order is definition order: the first binding wins, so `p1` beats a later
        # loop variable `p`, and `ps[0]` beats the `for p in ps:` variable.
        for name, v in list(scope.items()):
            if v is obj:
                if name != 'self':
                    return name
                continue
            lab = _in_container(v, obj)
            if lab is not None:
                return name + lab
    slf = scopes[0].get('self')
    if slf is not None and slf is not obj:
        try:
            for name, v in list(vars(slf).items()):
                if v is obj:
                    return 'self.' + name
                lab = _in_container(v, obj)
                if lab is not None:
                    return 'self.' + name + lab
        except Exception:
            pass
    return None


def _in_container(v, obj):
    t = type(v)     # exact types only: no user code (__eq__, __iter__) runs here
    if (t is list or t is tuple) and len(v) <= 1000:
        for i, x in enumerate(v):
            if x is obj:
                return '[%d]' % i
    elif t is dict and len(v) <= 1000:
        for key, x in list(v.items()):
            if x is obj and type(key) in (str, int):
                return '[%r]' % (key,)
    return None


def _named_by_program(proc):
    """True when the program gave this Process its name (`name=`, or `p.name = ...` before start()): a name that is
    not multiprocessing's default (`Process-2`, `SpawnProcess-1:3`, as `BaseProcess.__init__` makes it from the class
    and `_identity`), so it is what `current_process().name` prints in the child and what the app shows."""
    try:
        default = type(proc).__name__ + '-' + ':'.join(str(i) for i in proc._identity)
        return proc._name != default
    except Exception:
        return False


def _find_label(obj):
    try:
        f = sys._getframe(2)
        while f is not None:   # skip multiprocessing / threading / our own frames
            mod = f.f_globals.get('__name__')
            if str(mod).partition('.')[0] not in _LIB_ROOTS:
                break
            f = f.f_back
        hops = 0
        while f is not None and hops < 3:
            lab = _label_in(f, obj)
            if lab is not None:
                return lab
            # Only `self` (a subclass starting itself) or nothing: ask the caller.
            if f.f_locals.get('self') is not obj:
                return None
            f = f.f_back
            hops += 1
    except Exception:
        _debug('label')
    return None


def _patch_process(mod):
    BP = mod.BaseProcess
    if getattr(BP.start, '_processlab', False):
        return
    orig_start = BP.start
    orig_join = BP.join
    orig_init = BP.__init__
    import weakref
    # Process object -> (when it was made, its number in this process); kept off the object
    created = weakref.WeakKeyDictionary()
    made = [0]

    def __init__(self, *a, **kw):
        t = _now()
        with _transparent:
            orig_init(self, *a, **kw)
        try:
            made[0] += 1
            created[self] = (t, made[0])
            target = getattr(self, '_target', None)
            _msg('made', t=t, obj=made[0], name=self._name, target=_target_name(self, target),
                 args=_short_args(getattr(self, '_args', ()), getattr(self, '_kwargs', None)))
        except Exception:
            _debug('made')

    def start(self):
        t = _now()
        info = None
        try:
            target = getattr(self, '_target', None)   # start() deletes these
            info = (_target_name(self, target),
                    _short_args(getattr(self, '_args', ()), getattr(self, '_kwargs', None)))
        except Exception:
            _debug('start info')
        mine = created.get(self)
        _starting.obj = (mine[1], t) if mine is not None else None
        if mine is not None:
            # before the child exists: if this process is killed before start() returns, the app still knows
            # which object its new child belongs to
            _msg('starting', t=t, obj=mine[1])
        try:
            with _transparent:
                orig_start(self)
        except BaseException as e:
            _start_failed(self, t, mine, info, e)
            raise
        finally:
            _starting.obj = None
        t2 = _now()
        try:
            popen = self._popen
            when, obj = created.pop(self, (None, None))
            _msg('start', t=t, t2=t2, created=when, obj=obj, child=popen.pid, name=self._name,
                 named=_named_by_program(self), label=_find_label(self), target=info and info[0], args=info and info[1],
                 method=_mp_method(self), daemon=bool(self._config.get('daemon')))
        except Exception:
            _debug('start')

    def join(self, timeout=None):
        popen = getattr(self, '_popen', None)
        pid = None
        if popen is not None:
            try:
                pid = popen.pid
                _drain()            # what we printed before join() is stamped before it
                _msg('join', t=_now(), child=pid,
                     timeout=None if timeout is None else float(timeout))
            except Exception:
                _debug('join')
        with _transparent:
            orig_join(self, timeout)
        if popen is not None:
            try:
                # From what join() saw; never poll() here (that could reap the child).
                rc = popen.returncode
                _msg('joined', t=_now(), child=pid, alive=rc is None, exitcode=rc)
            except Exception:
                _debug('joined')

    BP.start = _copy_meta(start, orig_start)
    BP.join = _copy_meta(join, orig_join)
    BP.__init__ = _copy_meta(__init__, orig_init)

    # boot: `_bootstrap` calls util._close_stdin() first thing in the child; we hook
    # there (see _patch_util) so no frame of ours stays on the child's stack. Older or
    # newer layouts fall back to wrapping _bootstrap itself.
    if '_close_stdin' not in BP._bootstrap.__code__.co_names:
        orig_boot = BP._bootstrap

        def _bootstrap(self, *a, **k):
            _on_boot(self)
            return orig_boot(self, *a, **k)
        BP._bootstrap = _copy_meta(_bootstrap, orig_boot)


def _start_failed(proc, t, mine, info, e):
    """`start-failed`: Process.start() raised (an unpicklable target under spawn, RuntimeError from a start in a
    child still bootstrapping, too many open files): the object has no process, and the app says why. The
    exception goes on to the program unchanged."""
    if mine is None and getattr(proc, '_popen', None) is not None:
        return      # started before (a second start() raises): the object has its process, and its lane
    try:
        _msg('start-failed', t=t, t2=_now(), obj=mine[1] if mine is not None else None,
             name=getattr(proc, '_name', None), named=_named_by_program(proc), label=_find_label(proc),
             target=info and info[0],
             args=info and info[1],
             error=_exception_name(e), message=_exception_text(e))
    except Exception:
        _debug('start-failed')


def _exception_name(e):
    """The exception's class as a traceback names it: `RuntimeError`, `pickle.PicklingError`."""
    cls = type(e)
    module = getattr(cls, '__module__', None)
    name = getattr(cls, '__qualname__', None) or cls.__name__
    if module not in (None, 'builtins', '__main__'):
        name = module + '.' + name
    return name[:_wire.MAX_ERROR_CHARS]


def _exception_text(e):
    """Its message, one line, at most MAX_ERROR_CHARS characters (cut with `...`); never raises."""
    try:
        text = str(e)
    except Exception:
        return None
    text = ' '.join(text.split())
    if len(text) > _wire.MAX_ERROR_CHARS:
        text = text[:_wire.MAX_ERROR_CHARS - 3] + '...'
    return text


def _on_boot(proc):
    try:
        _msg('boot', t=_now(), name=proc._name,
             target=_target_name(proc, getattr(proc, '_target', None)),
             args=_short_args(getattr(proc, '_args', ()), getattr(proc, '_kwargs', None)),
             method=_mp_method(proc))
    except Exception:
        _debug('boot')


def _patch_util(mod):
    orig_close = getattr(mod, '_close_stdin', None)
    if orig_close is not None and not getattr(orig_close, '_processlab', False):
        def _close_stdin():
            try:
                f = sys._getframe(1)
                if f.f_code.co_name == '_bootstrap':   # not the fork server's call
                    proc = f.f_locals.get('self')
                    if proc is not None:
                        _on_boot(proc)
            except Exception:
                _debug('boot hook')
            return orig_close()
        mod._close_stdin = _copy_meta(_close_stdin, orig_close)

    orig_spawn = getattr(mod, 'spawnv_passfds', None)
    if orig_spawn is not None and not getattr(orig_spawn, '_processlab', False):
        # The resource tracker and the fork server are started through here (so are
        # spawn children, which get a `start` event instead).
        def spawnv_passfds(path, args, passfds):
            _drain()    # the child holds our channel until its agent makes its own
            _making_child()
            with _transparent:
                pid = orig_spawn(path, args, passfds)
            _child_made(pid, True)  # sys.executable, running multiprocessing: traced, it makes channels of its own
            try:
                kind = None
                for a in args:
                    if isinstance(a, str):
                        if 'multiprocessing.resource_tracker' in a:
                            kind = 'resource_tracker'
                        elif 'multiprocessing.forkserver' in a:
                            kind = 'forkserver'
                if kind:
                    _msg('helper', t=_now(), child=pid, kind=kind)
                elif getattr(_starting, 'obj', None) is not None:
                    _spawned(pid, args)     # a spawn child, made by the start() this thread is in
            except Exception:
                _debug('helper')
            return pid
        mod.spawnv_passfds = _copy_meta(spawnv_passfds, orig_spawn)


def _patch_context(mod):
    # PROCESSLAB_START_METHOD changes the *default* only: the script's own
    # set_start_method() (even without force) or get_context('x') still wins.
    method = os.environ.get('PROCESSLAB_START_METHOD')
    if not method:
        return
    ctx = getattr(mod, '_concrete_contexts', {}).get(method)
    dflt = getattr(mod, '_default_context', None)
    if ctx is not None and dflt is not None and dflt._actual_context is None:
        dflt._default_context = ctx


def _patch_managers(mod):
    BM = mod.BaseManager
    orig = BM.start
    if getattr(orig, '_processlab', False):
        return

    def start(self, *a, **k):
        with _transparent:
            orig(self, *a, **k)
        try:
            _msg('helper', t=_now(), child=self._process.pid, kind='manager')
        except Exception:
            _debug('manager')
    BM.start = _copy_meta(start, orig)


_HOOKS = {
    'subprocess': _patch_subprocess,
    'multiprocessing.connection': _patch_connection,
    'multiprocessing.synchronize': _patch_synchronize,
    'multiprocessing.context': _patch_context,
    'multiprocessing.process': _patch_process,
    'multiprocessing.util': _patch_util,
    'multiprocessing.managers': _patch_managers,
}


def _run_hook(name, module):
    fn = _HOOKS.get(name)
    if fn is not None:
        try:
            fn(module)
        except Exception:
            _debug('patch ' + name)


class _PostImportFinder(object):
    """First on sys.meta_path: for the few modules we patch, finds the real spec with the
    other finders and runs our patch right after the module's code ran. Nothing is
    imported early; programs that never import multiprocessing never pay for it."""

    def __init__(self):
        self._busy = set()

    def find_spec(self, name, path=None, target=None):
        if name not in _HOOKS or name in self._busy:
            return None
        self._busy.add(name)
        try:
            spec = None
            for finder in sys.meta_path:
                if finder is self:
                    continue
                fs = getattr(finder, 'find_spec', None)
                if fs is None:
                    continue
                spec = fs(name, path, target)
                if spec is not None:
                    break
            loader = getattr(spec, 'loader', None)
            orig_exec = getattr(loader, 'exec_module', None)
            if orig_exec is None or isinstance(loader, type):
                return None   # a class-level loader (builtin, frozen): never patch it

            def exec_module(module):
                # Set on this loader instance just for this module, removed at once (a
                # zipimporter serves many modules); __loader__/__spec__ stay genuine.
                try:
                    del loader.exec_module
                except AttributeError:
                    pass
                with _transparent:
                    orig_exec(module)
                _run_hook(name, module)
            loader.exec_module = exec_module
            return spec
        except Exception:
            _debug('find_spec ' + name)
            return None
        finally:
            self._busy.discard(name)


# --------------------------------------------------------------------------- install

def install():
    """Called by sitecustomize when PROCESSLAB_TRACE is set. Never raises."""
    global _installed
    if _installed:
        return
    _installed = True
    try:
        _conn.connect('exec')
    except Exception:
        _debug('connect')
        _conn.broken()
        return
    for step in (_install_streams, _wrap_os, _wrap_system, _wrap_kill):
        try:
            step()
        except Exception:
            _debug(step.__name__)
    try:
        import atexit
        atexit.register(_at_exit)
    except Exception:
        _debug('atexit')
    try:
        if hasattr(os, 'register_at_fork'):
            os.register_at_fork(before=_before_fork, after_in_parent=_after_fork_parent,
                                after_in_child=_after_fork_child)
    except Exception:
        _debug('register_at_fork')
    try:
        if hasattr(os, 'register_at_fork') and _chan.active():
            # before: runs ahead of the agent's own (reverse order), so it flushes as well as drains
            os.register_at_fork(before=_channels_before_fork, after_in_child=_channels_after_fork)
    except Exception:
        _debug('register_at_fork channels')
    try:
        _watch_writes()
    except Exception:
        _debug('flusher')
    try:
        sys.meta_path.insert(0, _PostImportFinder())
        for name in _HOOKS:             # already imported (unusual): patch now
            if name in sys.modules:
                _run_hook(name, sys.modules[name])
    except Exception:
        _debug('import hook')
