"""The supervisor's relay of the run's output channels (PROTOCOL.md, "Output channels").

Every traced process hands the read ends of its own stdout and stderr pipes to the supervisor on a Unix datagram
socket (SCM_RIGHTS); the supervisor reads them in its one loop and sends what it read to the app at once, as `out`
messages on its one connection: bytes are their writer's whatever path they took, and they reach the app in the
order they were read. Loaded by supervisor.py by its path, as contain.py is. Linux (and other systems with
SCM_RIGHTS and /proc); standard library only, Python 3.8+.

Threading: everything here runs on the supervisor's one thread.
"""

import array
import os
import select
import selectors
import socket
import struct
import time

HOLDERS_FRESH = 0.05        # seconds a look at who holds a channel's write end stays good while one process does
HOLDERS_SHARED_FRESH = 0.005  # ... and while several do (a forked child that has not made its own channels yet)
LOOK_SHARE = 20             # ... and never less than this many times what the last look cost: on a loaded machine
                            # looking at /proc takes far longer, and the relay must not spend its time there
LOOK_SHARE_SHARED = 4       # ... and while several hold it
OWNER_WAIT = 1.0            # seconds the bytes of a child's channel wait for its parent to name the child
HUNG_UP_READS = 64          # reads at most of a channel whose writers are gone, on the way to its end-of-file (one
                            # read takes up to the protocol's payload, 1 MiB: a pipe's largest size unless raised)
MAX_FDS = 8                 # read ends one datagram may carry
DATAGRAM = 4096             # bytes of one datagram's JSON
O_ACCMODE = 3
O_WRONLY = 1


class Channel(object):
    """One pipe of a traced process, read here. `pid`: its owner (None until the first look at its holders finds
    it, for a channel made for a child whose PID its parent did not know yet); `sender`: the process that registered
    it."""

    __slots__ = ('fd', 'stream', 'pid', 'sender', 'for_child', 'ino', 'holders', 'looked', 'held', 'hold_until',
                 'open')

    def __init__(self, fd, stream, pid, sender):
        self.fd = fd
        self.stream = stream
        self.pid = pid
        self.sender = sender
        self.for_child = pid is None    # made by a parent for its child: the parent's own copy is no writer's
        self.ino = os.fstat(fd).st_ino
        self.holders = ()       # PIDs holding the write end at the last look
        self.looked = None      # when (monotonic seconds), or None: never
        self.held = []          # (t, bytes) read before its `owner` came: relayed once it does
        self.hold_until = None  # ... or at this time (monotonic seconds), or at end-of-file
        self.open = []          # PIDs whose last bytes relayed from it left a line unfinished (usually none or one)


class Relay(object):
    """The output socket and the channels it received. `app` has send(k, payload, **fields); `sel` is the
    supervisor's selector (keys with data 'output' and 'channel')."""

    def __init__(self, app, sel, now_us, max_payload, decode, run_pids=None):
        self.app = app
        self.decode = decode    # one JSON object from bytes, or None
        self.run_pids = run_pids    # the PIDs that may hold a channel (the run's processes), or None: all of /proc
        self.sel = sel
        self.now_us = now_us
        self.max_payload = max_payload
        self.me = os.getpid()
        self.uid = os.getuid()
        self.channels = {}      # fd -> Channel
        self.folder = fresh_folder()
        self.path = os.path.join(self.folder, 'out.sock')
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        try:
            self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_PASSCRED, 1)
            self.sock.bind(self.path)
        except OSError:
            self.sock.close()
            os.rmdir(self.folder)
            raise
        self.sock.setblocking(False)
        self.sel.register(self.sock, selectors.EVENT_READ, 'output')
        self.look_cost = 0.0    # seconds the last look at holders took
        self.holding = set()    # channels with bytes held for their `owner`

    # ------------------------------------------------------------------ channels in

    def take_datagrams(self):
        """Registers the channels of every datagram waiting on the output socket, and answers each sender."""
        space = socket.CMSG_SPACE(MAX_FDS * 4) + socket.CMSG_SPACE(struct.calcsize('3i'))
        while True:
            try:
                data, anc, flags, addr = self.sock.recvmsg(DATAGRAM, space)
            except (BlockingIOError, InterruptedError):
                return
            except OSError:
                return
            fds, creds = [], None
            for level, kind, payload in anc:
                if level != socket.SOL_SOCKET:
                    continue
                if kind == socket.SCM_RIGHTS:
                    a = array.array('i')
                    a.frombytes(payload[:len(payload) - len(payload) % a.itemsize])
                    fds.extend(a)
                elif kind == getattr(socket, 'SCM_CREDENTIALS', -1):
                    creds = struct.unpack('3i', payload[:struct.calcsize('3i')])
            m = self.decode(data)
            if m is not None and m.get('k') == 'owner' and not fds:
                self.name_owner(m, creds)
                continue
            ok = self.register(m, fds, creds, flags)
            if addr:
                try:
                    self.sock.sendto(b'ok %d' % self.me if ok else b'no', addr)
                except OSError:
                    pass

    def register(self, m, fds, creds, flags):
        """Takes the fds as the channels the datagram names; closes them instead if anything is wrong."""
        try:
            names = m['s']
            pid = m.get('pid')
            good = (creds is not None and creds[1] == self.uid and not flags & socket.MSG_CTRUNC
                    and isinstance(names, list) and len(names) == len(fds) and fds
                    and all(n in ('stdout', 'stderr') for n in names)
                    and (pid is None or type(pid) is int))
        except (KeyError, TypeError):
            good = False
        if not good:
            for fd in fds:
                os.close(fd)
            return False
        for fd, name in zip(fds, names):
            os.set_blocking(fd, False)
            self.channels[fd] = Channel(fd, name, pid, creds[0])
            self.sel.register(fd, selectors.EVENT_READ, 'channel')
        return True

    def name_owner(self, m, creds):
        """`owner`: the channels the sender registered without a PID (by their inode numbers) are this child's."""
        pid, inos = m.get('pid'), m.get('ino')
        if creds is None or creds[1] != self.uid or type(pid) is not int or not isinstance(inos, list):
            return
        for ch in list(self.channels.values()):
            if ch.pid is None and ch.sender == creds[0] and ch.ino in inos:
                ch.pid = pid
                self.release(ch)

    # ------------------------------------------------------------------ output out

    def read_ended(self, ready):
        """Reads to its end-of-file every channel of `ready` (the selector's (key, events) pairs) whose write ends are
        all closed, before any other channel of that poll is read: a process's last unfinished line then ends (`eof`)
        before the output of whoever saw that process end (its parent, back from `join()`). The kernel hangs a pipe up
        (POLLHUP) as the last write end closes, before the exit a parent waits for is reported, so a poll that finds
        the parent's later bytes finds the hang-up too. (The selector does not pass POLLHUP on: one poll(2) of the
        ready channels asks, when there are two or more.)"""
        fds = [key.fd for key, _ in ready if key.data == 'channel']
        if len(fds) < 2:
            return
        p = select.poll()
        for fd in fds:
            p.register(fd, select.POLLIN)
        try:
            polled = p.poll(0)
        except OSError:
            return
        for fd, events in polled:
            if events & select.POLLHUP:
                for _ in range(HUNG_UP_READS):
                    if not self.read(fd):
                        break

    def read(self, fd):
        """Reads what one channel holds (at most the protocol's payload) and relays it; closes it at end-of-file.
        Returns True when it read bytes (more may wait), False at end-of-file or when there was nothing to read.

        Who holds the channel is looked at before the read: an agent that waits for its channel to be read (before
        a fork, say) then knows the look saw the world before its next step. The bytes of a channel made for a
        child whose PID has not come yet (its parent names it right after the child started) are held until it
        comes, at most OWNER_WAIT seconds."""
        ch = self.channels.get(fd)
        if ch is None:
            return False
        if self.holding or ch.pid is None:
            self.take_datagrams()   # an `owner` sent before these bytes were written comes first
        pid, shared = self.writer(ch)
        try:
            data = os.read(fd, self.max_payload)
        except (BlockingIOError, InterruptedError):
            return False
        except OSError:
            data = b''
        t = self.now_us()
        if not data:
            self.close(fd)
            self.end_lines(ch, t)
            return False
        if ch.pid is None:
            now = time.monotonic()
            if ch.hold_until is None:
                ch.hold_until = now + OWNER_WAIT
            if now < ch.hold_until:
                ch.held.append((t, data))
                self.holding.add(ch)
                return True
        self.release(ch)
        self.send_out(ch, pid, shared, t, data)
        return True

    def send_out(self, ch, pid, shared, t, data):
        """Relays bytes read from ch as pid's; notes whether they left pid's line unfinished."""
        self.app.send('out', data, pid=pid, s=ch.stream, t=t, shared=shared)
        if data[-1:] in (b'\n', b'\r'):
            if pid in ch.open:
                ch.open.remove(pid)
        elif pid not in ch.open:
            ch.open.append(pid)

    def end_lines(self, ch, t):
        """ch reached end-of-file (t: when it was read): every line its bytes left unfinished is finished (`eof`),
        unless its writer has another channel of that stream here, where the line may go on (a program it exec'd,
        whose agent made channels of its own)."""
        for pid in ch.open:
            if not any(c.pid == pid and c.stream == ch.stream for c in self.channels.values()):
                self.app.send('eof', pid=pid, s=ch.stream, t=t)
        ch.open = []

    def wait_left(self, now):
        """Seconds until held bytes must go out without their owner (None: nothing is held)."""
        if not self.holding:
            return None
        return max(0.0, min(ch.hold_until for ch in self.holding) - now)

    def release_due(self, now):
        """Relays the held bytes whose wait for an owner is over."""
        for ch in [ch for ch in self.holding if now >= ch.hold_until]:
            self.release(ch)

    def release(self, ch):
        """Relays what ch held back, as its owner's (or as the holders say, when no owner came)."""
        self.holding.discard(ch)
        held, ch.held = ch.held, []
        if held:
            pid, shared = self.writer(ch)
            for t, data in held:
                self.send_out(ch, pid, shared, t, data)

    def close(self, fd):
        ch = self.channels.get(fd)
        if ch is not None:
            if ch.held:
                self.take_datagrams()
                self.release(ch)
            del self.channels[fd]
            self.sel.unregister(fd)
            os.close(fd)

    def close_all(self):
        for fd in list(self.channels):
            self.close(fd)

    def end(self):
        """The run is over: every channel closed, the socket and its folder gone."""
        self.close_all()
        try:
            self.sel.unregister(self.sock)
        except (KeyError, ValueError):
            pass
        self.sock.close()
        for gone in (lambda: os.unlink(self.path), lambda: os.rmdir(self.folder)):
            try:
                gone()
            except OSError:
                pass

    # ------------------------------------------------------------------ who wrote it

    def writer(self, ch):
        """(pid, shared) for bytes just read from ch: its one live holder; else its owner, shared."""
        now = time.monotonic()
        if len(ch.holders) <= 1:
            fresh = max(HOLDERS_FRESH, LOOK_SHARE * self.look_cost)
        else:       # likely a child that has not made its own channels yet: look again soon
            fresh = max(HOLDERS_SHARED_FRESH, LOOK_SHARE_SHARED * self.look_cost)
        if ch.looked is None or now - ch.looked > fresh:
            self.look_at_holders(now)
            self.look_cost = time.monotonic() - now
        holders = ch.holders
        if ch.for_child:
            # The parent holds the write end until its child exists (and writes to it never): not a writer.
            holders = [p for p in holders if p != ch.sender]
        if ch.pid is None:
            # Made for a child whose PID has not come: the owner is the one holder besides its parent.
            if len(holders) == 1:
                ch.pid = holders[0]
            if len(holders) <= 1:
                return (ch.pid if ch.pid is not None else ch.sender), False
            return ch.sender, True
        if len(holders) == 1:
            return holders[0], False
        if not holders:
            return ch.pid, False
        return ch.pid, True

    def look_at_holders(self, now):
        """For every channel: which of the run's processes hold its write end now (/proc/PID/fd; read ends, like
        ours, are not counted). One look serves every channel."""
        wanted = {}
        for ch in self.channels.values():
            ch.looked = now
            ch.holders = []
            wanted['pipe:[%d]' % ch.ino] = ch
        try:
            if self.run_pids is not None:
                pids = sorted(self.run_pids())
            else:
                pids = [int(p) for p in os.listdir('/proc') if p.isdigit()]
        except OSError:
            return
        me = self.me
        for pid in pids:
            if pid == me:
                continue
            base = '/proc/%d/fd' % pid
            try:
                fds = os.listdir(base)
            except OSError:
                continue
            for fd in fds:
                try:
                    ch = wanted.get(os.readlink(base + '/' + fd))
                except OSError:
                    continue
                if ch is None or (ch.holders and ch.holders[-1] == pid):
                    continue
                if writes(pid, fd):
                    ch.holders.append(pid)


FOLDER_PREFIX = 'processlab-out-'
DEAD_AFTER = 60.0           # seconds: a folder of ours this old whose socket nobody serves is a killed supervisor's


def fresh_folder():
    """A new folder only we can enter (0700), for the output socket: under TMPDIR, or /tmp where TMPDIR would make
    the socket's path longer than sun_path holds. The folders a killed supervisor left there go first."""
    for base in (os.environ.get('TMPDIR'), '/tmp'):
        if base and len(base) <= 60:
            remove_dead_folders(base)
            path = os.path.join(base, FOLDER_PREFIX + os.urandom(8).hex())
            try:
                os.mkdir(path, 0o700)
                return path
            except OSError:
                continue
    raise OSError('no folder for the output socket')


def remove_dead_folders(base):
    """Removes this user's output-socket folders under base that are over DEAD_AFTER seconds old and whose socket
    refuses a datagram (its supervisor was killed: SIGKILL leaves no time to clean up)."""
    try:
        names = [n for n in os.listdir(base) if n.startswith(FOLDER_PREFIX)]
    except OSError:
        return
    me, now = os.getuid(), time.time()
    for name in names:
        folder = os.path.join(base, name)
        sock_path = os.path.join(folder, 'out.sock')
        try:
            st = os.lstat(folder)
            if st.st_uid != me or now - st.st_mtime < DEAD_AFTER:
                continue
            probe = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
            try:
                probe.connect(sock_path)
                continue            # served: a live run
            except ConnectionRefusedError:
                pass
            except FileNotFoundError:
                pass
            finally:
                probe.close()
            for gone in (lambda: os.unlink(sock_path), lambda: os.rmdir(folder)):
                try:
                    gone()
                except FileNotFoundError:
                    pass
        except OSError:
            continue


def writes(pid, fd):
    """True if fd of pid is open for writing (/proc/PID/fdinfo/FD)."""
    try:
        with open('/proc/%d/fdinfo/%s' % (pid, fd), 'rb') as f:
            for line in f:
                if line.startswith(b'flags:'):
                    return int(line.split()[1], 8) & O_ACCMODE == O_WRONLY
    except (OSError, ValueError, IndexError):
        pass
    return False
