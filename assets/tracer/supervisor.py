"""ProcessLab supervisor: owns one run's process tree. Wire format: PROTOCOL.md.

    python3 -I supervisor.py [--grace-ms N] [--nice N] [--stdin app] -- CMD...
    python3 -I supervisor.py [--grace-ms N] [--nice N]     (the app hands CMD over: `run`)

Runs CMD in a new session with default signal dispositions, an empty signal mask,
stdin = /dev/null (or, with `--stdin app`, a pipe fed by the app's `stdin` commands)
and stdout/stderr = pipes read here (sent as `raw`). On Linux it makes
itself a child subreaper, so every orphan of the run stays its child: it reaps them,
with the exact wait status, and the run only ends when the whole tree is gone.
Ends the tree on `stop`/`kill` from the app, on SIGTERM/SIGINT/SIGHUP, and when the
app goes away (socket closed, or stdin closed when stdin is a pipe).

Standard library only, Python 3.8+; run with -I so it is never traced itself.
Exit status: 0, or 127 when CMD cannot be started, or 2 for its own failures.
"""

import base64
import binascii
import errno
import os
import selectors
import signal
import socket
import stat
import sys
import time


def _load_beside(folder, name):
    """The module `name` from `folder` (relative to this file), loaded by its path: -I leaves PYTHONPATH and the
    script's folder out, and the folder is on sys.path only for this one import, so nothing else in it (boot/'s
    sitecustomize, the agent) can be imported here by chance."""
    where = os.path.join(os.path.dirname(os.path.abspath(__file__)), folder)
    sys.path.insert(0, where)
    try:
        return __import__(name)
    finally:
        sys.path.remove(where)
        sys.path_importer_cache.pop(where, None)


wire = _load_beside('boot', '_processlab_wire')     # what the agents use too
contain = _load_beside('', 'contain')               # the run's cgroups and the sweep (sweep.py loads it too)
relay = _load_beside('', 'relay')                   # the output channels of the traced processes
MAX_PAYLOAD = wire.MAX_PAYLOAD
MAX_LINE = wire.MAX_LINE
read_stat = wire.read_stat      # (state, ppid, pgrp, session, starttime) or None
now_us = wire.now_us
HAVE_PROC = os.path.isdir('/proc/self')
APP_GONE_GRACE = 1.0      # protocol: SIGKILL after at most 1 s once the app is gone
APP_GONE_EXIT = 1.9       # ... and the supervisor exits within 2 s
USAGE = 'usage: supervisor.py [--grace-ms N] [--nice 0-19] [--stdin null|app] [--cgroups SPEC] [-- CMD...]'
STDIN_PENDING = MAX_PAYLOAD   # bytes of input kept for a program that does not read them yet; more are dropped
PIPE_DRAIN = 0.2          # everything is gone but a pipe has no EOF: stop reading it
TERM_TICK = 0.05          # rescans while waiting for SIGTERMed processes
AUTOGROUP_RETRY = 0.11    # the kernel's limit on setting a group's niceness is one per 100 ms
AUTOGROUP_TRIES = 20


def mono():
    return time.monotonic()


def fail(msg, code=2):
    sys.stderr.write('processlab supervisor: %s\n' % msg)
    sys.stderr.flush()
    sys.exit(code)


def set_subreaper():
    if not sys.platform.startswith('linux'):
        return False
    try:
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        PR_SET_CHILD_SUBREAPER = 36
        return libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0
    except Exception:
        return False


_scan_json = None


def decode_command(line):
    """One command line (bytes) as a dict, or None. json's C scanner alone: the json package imports re, which
    costs more than handing a program over (`run` arrives before the root starts)."""
    global _scan_json
    try:
        if _scan_json is None:
            from _json import make_scanner

            class _Plain(object):
                strict = True
                object_hook = object_pairs_hook = parse_constant = None
                parse_float = float
                parse_int = int
                memo = {}
            _scan_json = make_scanner(_Plain)
        text = line.decode('utf-8').strip()
        m, end = _scan_json(text, 0)
        if end != len(text):
            return None
    except ImportError:
        import json
        try:
            m = json.loads(line)
        except ValueError:
            return None
    except Exception:    # StopIteration, ValueError, TypeError (NaN): not a command
        return None
    return m if isinstance(m, dict) else None


class App(object):
    """The connection to the app. Blocking sends; any error means the app is gone."""

    def __init__(self, addr):
        # A Unix socket ('unix:/path') or loopback TCP ('tcp:127.0.0.1:PORT', a numeric
        # address: plain connect(), no getaddrinfo).
        self.sock = wire.open_channel(socket, addr, 10)
        self.gone = False
        self.buf = b''

    def send(self, k, payload=None, **fields):
        if self.gone:
            return
        if payload is not None:
            fields['n'] = len(payload)
        data = wire.line(k, fields)
        if payload:
            data += payload
        try:
            self.sock.sendall(data)
        except OSError:
            self.gone = True

    def read_commands(self):
        """Commands received, or None when the app closed the connection."""
        try:
            data = self.sock.recv(65536)
        except (BlockingIOError, InterruptedError):
            return []
        except OSError:
            data = b''
        if not data:
            self.gone = True
            return None
        self.buf += data
        cmds = []
        while b'\n' in self.buf:
            line, self.buf = self.buf.split(b'\n', 1)
            m = decode_command(line)
            if m is not None:
                cmds.append(m)
        if len(self.buf) > MAX_LINE:
            self.buf = b''
        return cmds


class Supervisor(object):

    def __init__(self, app, cmd, grace_ms, subreaper, nice=0, stdin_from_app=False, groups=None):
        self.app = app
        self.groups = groups or contain.Cgroups({})   # the run's cgroups (made by the app), or none
        self.stdin_from_app = stdin_from_app
        self.stdin_w = None         # the write end of the root's stdin pipe, while it is open
        self.stdin_pending = bytearray()
        self.stdin_end_asked = False
        self.cmd = cmd
        self.grace_ms = grace_ms
        self.nice = nice
        self.subreaper = subreaper
        self.me = os.getpid()
        self.root = None
        self.root_reaped = False
        self.no_children = False
        self.pipes = {}             # fd -> 'stdout' / 'stderr': the root's own pipes (`raw`)
        self.relay = None           # the traced processes' output channels (`out`), once the root is started
        self.drain_deadline = None
        self.sel = selectors.DefaultSelector()
        self.phase = None           # None, 'term', 'killed'
        self.kill_at = None
        self.recheck_at = None
        self.sent = set()           # (pid, starttime, signal) already sent
        self.app_gone_at = None
        self.next_scan = 0.0
        self.autogroup_retry_at = None
        self.autogroup_tries = 0
        self.nice_passes = []       # when to lower the run's processes again (a fork in flight escapes a pass)
        self.known = []             # the run's pids at the last scan for raw output
        self.known_at = -1.0
        self.known_at_us = 0
        self.interrupts = 0         # `interrupt` commands so far: the 1st is SIGINT, the 2nd SIGTERM, the 3rd SIGKILL

    # ------------------------------------------------------------------ start

    def spawn(self):
        out_r, out_w = os.pipe()
        err_r, err_w = os.pipe()
        if self.stdin_from_app:
            null, stdin_w = os.pipe()    # both ends close on exec; the dup2 to fd 0 below is the root's own
        else:
            null, stdin_w = os.open(os.devnull, os.O_RDONLY), None
        sigs = set(signal.valid_signals()) - {signal.SIGKILL, signal.SIGSTOP}
        if os.environ.pop('PROCESSLAB_KEEP_IGNORED', None) == '1':
            sigs -= IGNORED_AT_START     # the CLI under nohup: passed on as a shell does
        # Tell the agents which pipes are the run's own output (see PROTOCOL.md).
        env = dict(os.environ)
        env['PROCESSLAB_STDIO'] = ','.join(
            '%d:%d' % (st.st_dev, st.st_ino) for st in (os.fstat(out_w), os.fstat(err_w)))
        if 'pids' in self.groups.groups:
            env['PROCESSLAB_PIDS'] = self.groups.groups['pids']   # the agent keeps its thread out of the count
        self.open_relay(env)
        try:
            try:
                if self.groups:
                    raise NotImplementedError   # the root enters the run's cgroups between fork and exec
                pid = os.posix_spawnp(
                    self.cmd[0], self.cmd, env,
                    file_actions=[(os.POSIX_SPAWN_DUP2, null, 0),
                                  (os.POSIX_SPAWN_DUP2, out_w, 1),
                                  (os.POSIX_SPAWN_DUP2, err_w, 2)],
                    setsid=True, setsigdef=sigs, setsigmask=())
            except (AttributeError, NotImplementedError):
                pid = self.fork_exec(null, out_w, err_w, sigs, env)
        except OSError as e:
            for fd in (out_r, out_w, err_r, err_w, null, stdin_w):
                if fd is not None:
                    os.close(fd)
            self.close_relay()
            self.app.send('spawn-failed', t=now_us(),
                          message=e.strerror or str(e))
            self.app.send('done', t=now_us())
            return False
        t = now_us()
        os.close(out_w)
        os.close(err_w)
        os.close(null)
        if stdin_w is not None:
            os.set_blocking(stdin_w, False)
            self.stdin_w = stdin_w
        self.root = pid
        self.lower_priority(pid)
        st = read_stat(pid) if HAVE_PROC else None
        self.app.send('spawned', t=t, pid=pid, startTicks=st[4] if st else None)
        for fd, name in ((out_r, 'stdout'), (err_r, 'stderr')):
            os.set_blocking(fd, False)
            self.pipes[fd] = name
            self.sel.register(fd, selectors.EVENT_READ, name)
        raise_fd_limit()
        return True

    def open_relay(self, env):
        """The output socket the agents hand their channels to (PROCESSLAB_OUTPUT in the root's env). Without it
        (no Unix sockets, no folder) agents send their output themselves, as `out` on their own connections."""
        if not hasattr(socket, 'AF_UNIX') or not hasattr(socket, 'SCM_RIGHTS') or not HAVE_PROC:
            return
        try:
            self.relay = relay.Relay(self.app, self.sel, now_us, MAX_PAYLOAD, decode_command, self.run_pids)
        except OSError:
            return
        env['PROCESSLAB_OUTPUT'] = self.relay.path

    def close_relay(self):
        if self.relay is not None:
            self.relay.end()
            self.relay = None

    def lower_priority(self, pid):
        # posix_spawn cannot set a niceness: set it on the root's process group (its own session, so pgid == pid)
        # right after the exec, before an interpreter has started far enough to fork. Children inherit it.
        if self.nice <= 0:
            return
        try:
            mine = os.getpriority(os.PRIO_PROCESS, 0)
            os.setpriority(os.PRIO_PGRP, pid, min(19, mine + self.nice))
        except (OSError, AttributeError):
            pass    # the run goes on at the app's priority
        self.lower_autogroup()

    def lower_autogroup(self):
        # Linux with autogroup (sched(7)): each session is one scheduling group, and groups share the CPU by the
        # group's own niceness, whatever their processes' niceness. The run has its own session, so without this it
        # would get as much CPU as the whole app. The kernel lets an unprivileged process set a group's niceness at
        # most once per 100 ms machine-wide (EAGAIN): then the loop tries again a little later.
        self.autogroup_retry_at = None
        try:
            with open('/proc/self/autogroup') as f:
                mine = int(f.read().split()[-1])
            with open('/proc/%d/autogroup' % self.root, 'w') as f:
                f.write(str(min(19, mine + self.nice)))
        except BlockingIOError:
            self.autogroup_tries += 1
            if not self.root_reaped and self.autogroup_tries < AUTOGROUP_TRIES:
                self.autogroup_retry_at = mono() + AUTOGROUP_RETRY
        except (OSError, ValueError, IndexError):
            pass    # no autogroup here (or the root has ended): the processes' niceness is what counts

    def fork_exec(self, null, out_w, err_w, sigs, env):
        # Portable path where posix_spawn cannot make a new session.
        r, w = os.pipe()
        pid = os.fork()
        if pid == 0:
            try:
                os.setsid()
                for s in sigs:
                    try:
                        signal.signal(s, signal.SIG_DFL)
                    except (OSError, ValueError):
                        pass
                signal.pthread_sigmask(signal.SIG_SETMASK, [])
                os.dup2(null, 0)
                os.dup2(out_w, 1)
                os.dup2(err_w, 2)
                self.groups.enter()
                os.execvpe(self.cmd[0], self.cmd, env)
            except OSError as e:
                os.write(w, str(e.errno or 0).encode())
            finally:
                os._exit(127)
        os.close(w)
        data = os.read(r, 64)
        os.close(r)
        if data:
            os.waitpid(pid, 0)
            code = int(data)
            raise OSError(code, os.strerror(code))
        return pid

    # ------------------------------------------------------------------ processes

    def scan(self):
        """{pid: (state, ppid, pgrp, session, starttime)} for the run's processes, parents
        before their children: the supervisor's descendants (every orphan stays one,
        thanks to the subreaper), or where the subreaper is unavailable, also the members
        of the root's session."""
        if not HAVE_PROC:
            return {}
        allp = {}
        try:
            names = os.listdir('/proc')
        except OSError:
            return {}
        for name in names:
            if name.isdigit():
                st = read_stat(name)
                if st is not None:
                    allp[int(name)] = st
        kids = {}
        for pid, st in allp.items():
            kids.setdefault(st[1], []).append(pid)
        run = {}
        todo = [self.me]
        while todo:
            nxt = []
            for parent in todo:          # breadth first: one generation at a time
                for c in sorted(kids.get(parent, ())):
                    if c not in run:
                        run[c] = allp[c]
                        nxt.append(c)
            todo = nxt
        if self.root is not None and not self.subreaper:
            for pid, st in allp.items():
                if st[3] == self.root and pid not in run and pid != self.me:
                    run[pid] = st
        return run

    def signal(self, pid, start, sig):
        """Signal pid only if it is still the process we scanned (pid + start time)."""
        try:
            fd = None
            if hasattr(os, 'pidfd_open'):
                try:
                    fd = os.pidfd_open(pid)
                except OSError as e:
                    if e.errno == errno.ESRCH:
                        return False
            try:
                st = read_stat(pid)
                if st is None or st[4] != start or st[0] in 'ZX':
                    return False
                if fd is not None:
                    signal.pidfd_send_signal(fd, sig)
                else:
                    os.kill(pid, sig)
            finally:
                if fd is not None:
                    os.close(fd)
        except OSError:
            return False
        self.app.send('signalled', t=now_us(), pid=pid, signal=int(sig), ppid=st[1], startTicks=start)
        return True

    def alive(self, procs):
        return {p: st for p, st in procs.items() if st[0] not in 'ZX'}

    def signal_tree(self, sig, wait_between=True):
        """Send sig to every process of the run not sent it yet, one generation at a
        time, parents first: a parent that dies before its children cannot reap them, so
        they come to us and every exit status is reported. (A parent blocked in wait()
        would otherwise reap a child killed at the same instant and die before saying
        so.) Between generations we wait up to 50 ms for the parents to be gone."""
        procs = self.alive(self.scan())
        depth = {}
        gens = []
        for p, st in procs.items():          # scan() lists parents before children
            d = depth.get(st[1], -1) + 1
            depth[p] = d
            if d == len(gens):
                gens.append([])
            gens[min(d, len(gens) - 1)].append((p, st[4]))
        for i, gen in enumerate(gens):
            sent = []
            for p, start in gen:
                if (p, start, sig) not in self.sent:
                    self.sent.add((p, start, sig))
                    if self.signal(p, start, sig):
                        sent.append((p, start))
            if sent and wait_between and i + 1 < len(gens):
                self.wait_gone(sent, 0.05)
        return bool(procs)

    def wait_gone(self, procs, timeout):
        end = mono() + timeout
        while mono() < end:
            left = False
            for p, start in procs:
                st = read_stat(p)
                if st is not None and st[4] == start and st[0] not in 'ZX':
                    left = True
                    break
            if not left:
                return
            time.sleep(0.002)

    def term_pass(self, first):
        self.signal_tree(signal.SIGTERM)
        if first and self.root is not None and not HAVE_PROC:
            try:   # cannot list the processes here: the root's group is what we have
                os.killpg(self.root, signal.SIGTERM)
            except OSError:
                pass

    def kill_pass(self, stop_first):
        """SIGKILL everything of the run; with stop_first, freeze it all first so nothing can fork or reap while
        we go: the run's cgroup where there is one (one write freezes the whole group, forks in flight included),
        else SIGSTOP. Rescans until no new process shows up; a process is never sent (nor reported) the same signal
        twice. With a cgroup, what the scan did not find is killed through the group."""
        frozen = stop_first and self.groups.can_freeze() and self.groups.freeze()
        if stop_first and not frozen:
            self.stop_everything()
        if self.root is not None and HAVE_PROC and not frozen:
            try:
                os.killpg(self.root, signal.SIGKILL)
            except OSError:
                pass
        for _ in range(50):
            self.signal_tree(signal.SIGKILL, wait_between=not stop_first)
            if all((p, st[4], signal.SIGKILL) in self.sent
                   for p, st in self.alive(self.scan()).items()):
                break
        if self.groups:
            self.groups.kill_once()
            self.groups.thaw()      # a task the v1 freezer holds dies only once thawed
        if self.root is not None and not HAVE_PROC:
            try:
                os.killpg(self.root, signal.SIGKILL)
            except OSError:
                pass
        self.phase = 'killed'
        self.recheck_at = mono() + 0.5

    def stop_everything(self):
        """SIGSTOP to the whole run without a cgroup: the root's process group at once (fork children stay in it:
        one call freezes a fork tree that a pass process by process could not catch up with), then each process."""
        if self.root is not None:
            try:
                os.killpg(self.root, signal.SIGSTOP)
            except OSError:
                pass
        for _ in range(50):
            if not self.signal_tree(signal.SIGSTOP, wait_between=False):
                break
            if all((p, st[4], signal.SIGSTOP) in self.sent
                   for p, st in self.alive(self.scan()).items()):
                break

    def begin_stop(self, grace_ms):
        grace = max(0.0, grace_ms / 1000.0)
        if self.phase == 'term':
            self.kill_at = min(self.kill_at, mono() + grace)
            return
        if self.phase == 'killed':
            return
        self.phase = 'term'
        self.kill_at = mono() + grace
        self.term_pass(True)

    def reap(self):
        while True:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                self.no_children = True
                return
            except InterruptedError:
                continue
            if pid == 0:
                self.no_children = False
                return
            if pid == self.root:
                self.root_reaped = True
                self.close_stdin()      # multiprocessing's children close their stdin: it was the root's alone
            self.app.send('reaped', t=now_us(), child=pid, status=status,
                          exitcode=wire.exitcode(status))

    def run_pids(self):
        """The run's processes now, for the relay's look at who holds a channel: the run's cgroups (one file each),
        else the scan (the supervisor's descendants, the root's session without a subreaper)."""
        if self.groups:
            try:
                return self.groups.members()
            except OSError:
                pass
        return self.scan().keys()

    def output_open(self):
        """True while a pipe or channel of the run's output is still open."""
        return bool(self.pipes or (self.relay is not None and self.relay.channels))

    def tree_gone(self):
        if not (self.root_reaped and self.no_children):
            return False
        if self.subreaper or not HAVE_PROC:
            return True
        # No subreaper: orphans went elsewhere; look for them (at most every 200 ms).
        if mono() < self.next_scan:
            return False
        self.next_scan = mono() + 0.2
        return not self.alive(self.scan())

    # ------------------------------------------------------------------ I/O

    def close_pipe(self, fd):
        self.sel.unregister(fd)
        os.close(fd)
        del self.pipes[fd]

    def read_pipe(self, fd):
        try:
            data = os.read(fd, MAX_PAYLOAD)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            data = b''
        if not data:
            self.close_pipe(fd)
            return
        running, scanned_at = self.running_now()
        self.app.send('raw', data, s=self.pipes[fd], t=now_us(), running=running,
                      scannedAt=scanned_at)

    def take_input(self, data):
        """Bytes for the root's stdin: written now if the pipe takes them, else kept (up to STDIN_PENDING) and
        written when the selector says the pipe has room. Never blocks the loop."""
        if self.stdin_w is None or self.stdin_end_asked:
            return      # not taking input, or already closed (the program ended, or its stdin did)
        room = STDIN_PENDING - len(self.stdin_pending)
        if len(data) > room:
            self.app.send('stdin-dropped', t=now_us(), dropped=len(data) - max(room, 0),
                          pending=len(self.stdin_pending))
            data = data[:max(room, 0)]
        was_waiting = bool(self.stdin_pending)
        self.stdin_pending += data
        if not was_waiting:
            self.write_stdin()

    def end_input(self):
        """End-of-file for the root's stdin, once what is pending has been written."""
        if self.stdin_w is None:
            return
        self.stdin_end_asked = True
        if not self.stdin_pending:
            self.close_stdin()

    def write_stdin(self):
        try:
            while self.stdin_pending:
                n = os.write(self.stdin_w, self.stdin_pending)
                del self.stdin_pending[:n]
        except (BlockingIOError, InterruptedError):
            pass
        except OSError:     # EPIPE: the program closed its stdin, which is its right; what it did not read is dropped
            self.close_stdin()
            return
        if self.stdin_pending:
            self.watch_stdin(True)
        elif self.stdin_end_asked:
            self.close_stdin()
        else:
            self.watch_stdin(False)

    def watch_stdin(self, on):
        try:
            if on:
                self.sel.register(self.stdin_w, selectors.EVENT_WRITE, 'stdin-w')
            else:
                self.sel.unregister(self.stdin_w)
        except (KeyError, ValueError):
            pass    # already so

    def close_stdin(self):
        if self.stdin_w is None:
            return
        self.watch_stdin(False)
        os.close(self.stdin_w)
        self.stdin_w = None
        self.stdin_pending = bytearray()

    def running_now(self):
        """The run's processes still present now (running, or ended so recently that they are
        zombies not yet reaped), among those of a /proc scan at most 100 ms old, and when that
        scan was made (epoch us). Sent with raw output, read the moment it arrived, so the app
        can tell which untraced process could have written it (one started after the scan may
        have too; one already reaped cannot)."""
        if not HAVE_PROC:
            return None, None
        t = mono()
        if t - self.known_at > 0.1:
            self.known = list(self.scan())
            self.known_at = t
            self.known_at_us = now_us()
        running = []
        for pid in self.known:
            st = read_stat(str(pid))
            if st is not None and st[0] != 'X':
                running.append(pid)
        return running, self.known_at_us

    def on_app_gone(self):
        if self.app_gone_at is not None:
            return
        self.app.gone = True
        self.app_gone_at = mono()
        self.close_stdin()
        for obj in (self.app.sock, 0):
            try:
                self.sel.unregister(obj)
            except (KeyError, ValueError):
                pass
        self.begin_stop(min(self.grace_ms, APP_GONE_GRACE * 1000))

    def on_signals(self, data):
        for b in data:
            if b == signal.SIGCHLD:
                continue      # reap() runs after every wake-up anyway
            if b in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
                if self.phase is None:
                    self.begin_stop(min(self.grace_ms, APP_GONE_GRACE * 1000))
                elif self.phase == 'term':
                    self.kill_pass(True)

    def on_command(self, m):
        k = m.get('k')
        if k == 'stop':
            g = m.get('graceMs')
            self.begin_stop(g if isinstance(g, (int, float)) and g >= 0 else self.grace_ms)
        elif k == 'kill':
            if self.phase != 'killed':
                self.kill_pass(True)
        elif k == 'interrupt':
            self.interrupt()
        elif k == 'stdin':
            data = m.get('data')
            try:
                data = base64.b64decode(data, validate=True) if isinstance(data, str) else None
            except (binascii.Error, ValueError):
                data = None
            if data is not None and len(data) <= wire.MAX_STDIN:
                self.take_input(data)
        elif k == 'stdinEnd':
            self.end_input()
        elif k == 'nice':
            n = m.get('steps')
            if isinstance(n, int) and 0 < n <= 19 and self.nice == 0 and self.root is not None \
                    and self.phase is None:
                self.nice = n
                self.lower_running()

    # ------------------------------------------------------------------ interrupt

    def interrupt(self):
        """The app's `interrupt`, as a terminal's Ctrl+C: the first sends SIGINT to the program's process group, the
        second SIGTERM to every process of the run (Stop's first pass), the third freezes and kills the run (Stop's
        kill). Nothing follows by itself: no timer turns an interrupt into a kill, as no terminal does."""
        if self.root is None or self.phase == 'killed':
            return
        self.interrupts += 1
        if self.interrupts == 1:
            self.interrupt_group()
        elif self.interrupts == 2:
            self.term_pass(True)
        else:
            self.kill_pass(True)

    def interrupt_group(self):
        """SIGINT to the root's process group in one call, as a terminal sends it to its foreground group: every
        process the program made without leaving the group gets it at the same instant, forks in flight too. A
        process that left the group (setsid, setpgid) is not sent it, as at a terminal. `signalled` is reported for
        each member of the group at a scan just before."""
        if HAVE_PROC:
            members = [p for p, st in self.alive(self.scan()).items() if st[2] == self.root]
            if not members:
                return      # the group is gone: its number could be someone else's by now
        else:
            members = [] if self.root_reaped else [self.root]
        try:
            os.killpg(self.root, signal.SIGINT)
        except OSError:
            return
        t = now_us()
        for pid in members:
            self.app.send('signalled', t=t, pid=pid, signal=int(signal.SIGINT))

    def lower_running(self):
        # The app found the run heavy (many processes, or a flood of output) and asks it to give way to the window:
        # every process of the run now, parents before children (a child forked meanwhile inherits its parent's
        # niceness), then the run's session group. Processes made later inherit it.
        self.nice_pass()
        # A process forked while a pass ran (between the scan and its parent's lowering, or a fork in flight)
        # keeps the old niceness: passes again a little later catch it; by then the parents are lowered, so new
        # children inherit.
        now = mono()
        self.nice_passes = [now + 0.03, now + 0.15, now + 0.5]
        self.autogroup_tries = 0
        self.lower_autogroup()
        self.app.send('niced', t=now_us(), steps=self.nice)

    def nice_pass(self):
        try:
            target = min(19, os.getpriority(os.PRIO_PROCESS, 0) + self.nice)
        except (OSError, AttributeError):
            return
        for pid in list(self.scan()) or [self.root]:
            try:
                if os.getpriority(os.PRIO_PROCESS, pid) < target:
                    os.setpriority(os.PRIO_PROCESS, pid, target)
            except OSError:
                pass    # ended meanwhile

    # ------------------------------------------------------------------ loop

    def run(self, wake_r, stdin_is_pipe):
        self.sel.register(wake_r, selectors.EVENT_READ, 'signal')
        self.sel.register(self.app.sock, selectors.EVENT_READ, 'app')
        if stdin_is_pipe:
            self.sel.register(0, selectors.EVENT_READ, 'stdin')
        while True:
            self.reap()
            if self.app.gone and self.app_gone_at is None:
                self.on_app_gone()
            t = mono()
            if self.phase == 'term':
                if t >= self.kill_at:
                    self.kill_pass(False)
                elif t >= self.next_scan:
                    self.next_scan = t + TERM_TICK
                    self.term_pass(False)   # processes forked meanwhile
            elif self.phase == 'killed' and self.recheck_at and t >= self.recheck_at:
                if not self.tree_gone():
                    self.kill_pass(False)
                self.recheck_at = mono() + 0.5

            while self.nice_passes and t >= self.nice_passes[0]:
                self.nice_passes.pop(0)
                if self.phase is None:
                    self.nice_pass()
            if self.autogroup_retry_at is not None and t >= self.autogroup_retry_at:
                self.lower_autogroup()

            if self.tree_gone():
                if self.app_gone_at is not None:
                    return 0
                if self.output_open() and HAVE_PROC:
                    # Without /proc we cannot see orphans: their open pipe is the
                    # only sign they live, so there we wait for EOF.
                    if self.drain_deadline is None:
                        self.drain_deadline = t + PIPE_DRAIN
                    elif t >= self.drain_deadline:
                        for fd in list(self.pipes):   # held open by someone outside
                            self.close_pipe(fd)
                        if self.relay is not None:
                            self.relay.close_all()
                if not self.output_open():
                    self.app.send('done', t=now_us())
                    return 0
            if self.app_gone_at is not None and t - self.app_gone_at >= APP_GONE_EXIT:
                return 0

            timeout = 1.0
            if self.phase == 'term':
                timeout = max(0.0, min(self.kill_at - t, TERM_TICK))
            elif self.phase == 'killed':
                timeout = 0.1
            if self.drain_deadline is not None:
                timeout = min(timeout, max(0.0, self.drain_deadline - t))
            if self.root_reaped and self.no_children and not self.subreaper:
                timeout = min(timeout, 0.2)
            if self.app_gone_at is not None:
                timeout = min(timeout, 0.05)
            if self.autogroup_retry_at is not None:
                timeout = min(timeout, max(0.0, self.autogroup_retry_at - t))
            if self.nice_passes:
                timeout = min(timeout, max(0.0, self.nice_passes[0] - t))
            held = self.relay.wait_left(t) if self.relay is not None else None
            if held is not None:
                timeout = min(timeout, held)

            ready = self.sel.select(timeout)
            if self.relay is not None and any(key.data == 'output' for key, _ in ready):
                self.relay.take_datagrams()     # first: an agent waits for the answer, and an `owner` for its bytes
            if self.relay is not None:
                self.relay.read_ended(ready)    # then the channels of processes gone: their last lines end first
            for key, _ in ready:
                what = key.data
                if what == 'channel':
                    self.relay.read(key.fd)
                elif what == 'output':
                    pass                        # taken above
                elif what in ('stdout', 'stderr'):
                    if key.fd in self.pipes:
                        self.read_pipe(key.fd)
                elif what == 'stdin-w':
                    if self.stdin_w is not None:
                        self.write_stdin()
                elif what == 'signal':
                    try:
                        self.on_signals(os.read(wake_r, 512))
                    except (BlockingIOError, InterruptedError):
                        pass
                elif what == 'app':
                    cmds = self.app.read_commands()
                    if cmds is None:
                        self.on_app_gone()
                    else:
                        for m in cmds:
                            self.on_command(m)
                elif what == 'stdin':
                    if stdin_ended():
                        self.on_app_gone()
            if self.relay is not None and self.relay.holding:
                self.relay.release_due(mono())


def raise_fd_limit():
    """RLIMIT_NOFILE's soft limit up to the hard one: the supervisor holds two channels per traced process. Raised
    after the root started, so the program keeps the limit it was given."""
    try:
        import resource
        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        if soft != hard:
            resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    except (ImportError, ValueError, OSError):
        pass


def wait_for_program(app, wake_r, stdin_is_pipe):
    """Started without CMD: ready (hello sent), the supervisor waits for the app's `run` (PROTOCOL.md, "Set-up").
    Returns that command and the commands read after it, or None if the run ended before it began: the app went
    away, or `stop`, `kill`, SIGTERM, SIGINT or SIGHUP came first (then `done` is sent: nothing ran)."""
    sel = selectors.DefaultSelector()
    sel.register(app.sock, selectors.EVENT_READ, 'app')
    sel.register(wake_r, selectors.EVENT_READ, 'signal')
    if stdin_is_pipe:
        sel.register(0, selectors.EVENT_READ, 'stdin')
    try:
        while True:
            for key, _ in sel.select():
                if key.data == 'app':
                    cmds = app.read_commands()
                    if cmds is None:
                        return None
                    for i, m in enumerate(cmds):
                        if m.get('k') == 'run':
                            return m, cmds[i + 1:]
                        if m.get('k') in ('stop', 'kill'):
                            app.send('done', t=now_us())
                            return None
                elif key.data == 'signal':
                    try:
                        data = os.read(wake_r, 512)
                    except (BlockingIOError, InterruptedError):
                        continue
                    if any(b in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP) for b in data):
                        app.send('done', t=now_us())
                        return None
                elif stdin_ended():
                    return None
    finally:
        sel.close()


def stdin_ended():
    """True when stdin (a pipe or socket from the app) has reached its end: the app is gone."""
    try:
        return not os.read(0, 4096)
    except (BlockingIOError, InterruptedError):
        return False
    except OSError:
        return True


def take_program(app, m):
    """The argv of a `run` command, once its `cwd` is the supervisor's own directory and its `env` is added to the
    supervisor's environment (the root inherits both); or None after `spawn-failed` and `done`. Its `stdin`
    (`null` or `app`) is checked here and taken by main()."""
    argv, cwd, env = m.get('argv'), m.get('cwd'), m.get('env') or {}
    problem = None
    if not (isinstance(argv, list) and argv and all(isinstance(a, str) for a in argv)) \
            or not (cwd is None or isinstance(cwd, str)) or not isinstance(env, dict) \
            or not all(isinstance(v, str) for v in env.values()) \
            or m.get('stdin', 'null') not in STDIN_SOURCES:
        problem = 'malformed run command'
    else:
        try:
            if cwd is not None:
                os.chdir(cwd)
            os.environ.update(env)
        except OSError as e:
            problem = '%s: %s' % (cwd, e.strerror or e)
        except ValueError as e:     # a variable name with '=' or a NUL in it
            problem = 'bad environment variable: %s' % e
    if problem is not None:
        app.send('spawn-failed', t=now_us(), message=problem)
        app.send('done', t=now_us())
        return None
    return argv


OPTIONS = ('--grace-ms', '--nice', '--stdin', '--cgroups')
STDIN_SOURCES = ('null', 'app')     # the root's stdin: /dev/null, or a pipe fed by the app


def parse_args(argv):
    """{'--grace-ms': int, '--nice': int, '--stdin': 'null' or 'app'} (and '--cgroups': {kind: path} when given),
    and the command after them (or after '--')."""
    opts = {'--grace-ms': 1000, '--nice': 0, '--stdin': 'null'}
    i = 0
    while i < len(argv):
        a = argv[i]
        if a == '--':
            return opts, argv[i + 1:]
        name, eq, value = a.partition('=')
        if name not in OPTIONS:
            return opts, argv[i:]
        if not eq:
            if i + 1 >= len(argv):
                raise ValueError(a)
            value = argv[i + 1]
            i += 1
        if name == '--stdin':
            if value not in STDIN_SOURCES:
                raise ValueError(a)
            opts[name] = value
        elif name == '--cgroups':
            opts[name] = contain.parse_groups(value)
        else:
            opts[name] = int(value)
        i += 1
    return opts, []


# Signals the app was started with ignored (`nohup`, a shell's background job), as it passed them on to us: the program
# inherits them ignored, as from a shell, and so do we. (Python itself ignores SIGPIPE and SIGXFSZ at start-up, so
# those cannot be told apart here: they are reset for the program as before.)
IGNORED_AT_START = frozenset(s for s in (signal.SIGINT, signal.SIGQUIT, signal.SIGHUP)
                             if signal.getsignal(s) == signal.SIG_IGN)


def leave_app_group():
    """Moves the supervisor into a process group of its own. It is started by the app, in the app's group: a terminal's
    Ctrl+C (SIGINT to its foreground group) would reach the supervisor too, which would begin a stop of its own before
    the app could interrupt the program as asked. In its own group it hears only the app. Same session: the
    supervisor keeps the app's scheduling group (autogroup)."""
    try:
        os.setpgid(0, 0)
    except (OSError, AttributeError):
        pass    # already a group or session leader, or no process groups here


def main(argv):
    leave_app_group()
    try:
        opts, cmd = parse_args(argv)
    except ValueError:
        fail(USAGE)
    if not 0 <= opts['--nice'] <= 19:
        fail(USAGE)
    # fds 0-2 must exist, or our pipes could land on them.
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            nfd = os.open(os.devnull, os.O_RDWR)
            if nfd != fd:
                os.dup2(nfd, fd)
                os.close(nfd)
    addr = os.environ.get('PROCESSLAB_TRACE')
    if not addr:
        fail('PROCESSLAB_TRACE is not set')
    try:
        app = App(addr)
    except (OSError, ValueError) as e:
        fail('cannot connect to the app at %s: %s' % (addr, e))
    subreaper = set_subreaper()
    app.send('hello', token=os.environ.get('PROCESSLAB_TOKEN', ''), peer='supervisor',
             pid=os.getpid(), ppid=os.getppid(), t=now_us(),
             startTicks=(read_stat('self') or [None] * 5)[4] if HAVE_PROC else None,
             subreaper=subreaper)

    # SIGCHLD and friends wake the loop through a pipe; the handlers do nothing.
    wake_r, wake_w = os.pipe()
    os.set_blocking(wake_r, False)
    os.set_blocking(wake_w, False)
    signal.set_wakeup_fd(wake_w, warn_on_full_buffer=False)
    for s in {signal.SIGCHLD, signal.SIGTERM, signal.SIGINT, signal.SIGHUP} - IGNORED_AT_START:
        signal.signal(s, lambda *_: None)

    try:
        st = os.fstat(0)
        stdin_is_pipe = stat.S_ISFIFO(st.st_mode) or stat.S_ISSOCK(st.st_mode)
    except OSError:
        stdin_is_pipe = False
    if stdin_is_pipe:
        os.set_blocking(0, False)

    later = []
    stdin_from_app = opts['--stdin'] == 'app'
    if not cmd:
        handed = wait_for_program(app, wake_r, stdin_is_pipe)
        if handed is None:
            return 0
        cmd = take_program(app, handed[0])
        if cmd is None:
            return 127
        stdin_from_app = handed[0].get('stdin') == 'app'
        later = handed[1]
    sup = Supervisor(app, cmd, opts['--grace-ms'], subreaper, opts['--nice'], stdin_from_app,
                     contain.Cgroups(opts.get('--cgroups', {})))
    if not sup.spawn():
        return 127
    try:
        for m in later:
            sup.on_command(m)
        return sup.run(wake_r, stdin_is_pipe)
    finally:
        sup.close_relay()


if __name__ == '__main__':
    code = main(sys.argv[1:])
    # Everything is said and closed: the interpreter's teardown would only delay the exit the app's end of run waits for.
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError, AttributeError):
            pass
    os._exit(code)
