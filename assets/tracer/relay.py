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
SETTLE_WAIT = 5.0           # seconds a traced child its parent announced (`child`) is not counted as a holder of
                            # anyone's channel while it has not shown it made its own (its agent waits 3 s for us)
FORKING_WAIT = 1.0          # seconds a `forking` stands without the `child` that ends it
LOOK_BUDGET = 0.05          # share of the time a look after a new process may take (the looks it adds under a flood)
LOOK_BURST = 0.02           # seconds of looking a quiet relay saves up for such looks
LAST_PID = '/proc/loadavg'  # its last field: the PID the kernel gave last, so a new process shows without a scan
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
        self.settling = {}      # PID -> (until, made): a traced child not yet on channels of its own (`child`)
        self.forking = {}       # PID -> until: a process making a child (`forking`, until its `child`)
        self.news = 0           # `forking` and `child` datagrams taken so far
        self.look_credit = LOOK_BURST   # seconds of looking a new process may still set off (new_process)
        self.credit_at = time.monotonic()
        self.last_pid_fd = open_last_pid()
        self.looked_last_pid = None     # the kernel's last PID when the holders were last looked at

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
            if m is not None and m.get('k') in ('forking', 'child') and not fds:
                self.forks_news(m, creds)
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
        if pid == creds[0] and pid in self.settling:
            self.settling[pid] = (self.settling[pid][0], True)
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

    def forks_news(self, m, creds):
        """`forking`: the sender drained its channels and is making a child: a new holder that is its child is
        no writer yet (what the relay read before the child existed is the sender's alone). `child`: it made it
        (pid null: it failed). A traced child (forked, or started by multiprocessing's spawn) holds the sender's
        channels only until its agent has made its own, and writes nothing to them meanwhile: not a holder until a
        look shows it let go of every channel not its own (or SETTLE_WAIT passed). An untraced one is a holder."""
        if creds is None or creds[1] != self.uid:
            return
        self.news += 1
        now = time.monotonic()
        if m['k'] == 'forking':
            self.forking[creds[0]] = now + FORKING_WAIT
            return
        self.forking.pop(creds[0], None)
        pid = m.get('pid')
        if type(pid) is not int or pid <= 0 or m.get('traced') is not True:
            return
        made = any(ch.pid == pid and ch.sender == pid for ch in self.channels.values())   # it was quicker
        self.settling[pid] = (now + SETTLE_WAIT, made)

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
        a fork, say) then knows the look saw the world before its next step. When the kernel made a process since
        that look, it is looked at again after the read (a C-level fork's child may have written at once). The bytes of a channel made for a
        child whose PID has not come yet (its parent names it right after the child started) are held until it
        comes, at most OWNER_WAIT seconds."""
        ch = self.channels.get(fd)
        if ch is None:
            return False
        if self.holding or ch.pid is None:
            self.take_datagrams()   # an `owner` sent before these bytes were written comes first
        pid, shared = self.writer(ch)
        # Stamped before the read: an agent that waits until its channel was read (before exec, a message, its exit)
        # sends its event after the read began, so a line is never stamped after the event its writer made next.
        t = self.now_us()
        try:
            data = os.read(fd, self.max_payload)
        except (BlockingIOError, InterruptedError):
            return False
        except OSError:
            data = b''
        if not data:
            self.close(fd)
            self.end_lines(ch, t)
            return False
        before = ch.holders         # as the look before the read saw them
        if self.look_after_read():
            pid, shared = self.attribute(ch, before)
        else:
            before = None
        if shared and self.settle_news():
            # A parent announces a child before the call that made it returns, so before it writes again: every
            # `forking` and `child` behind the bytes just read is on the socket now.
            pid, shared = self.attribute(ch, before)
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
        if data[-1:] == b'\n':     # a lone CR ends no line: it sends the cursor back (a progress bar)
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
        if self.last_pid_fd is not None:
            os.close(self.last_pid_fd)
            self.last_pid_fd = None
        for gone in (lambda: os.unlink(self.path), lambda: os.rmdir(self.folder)):
            try:
                gone()
            except OSError:
                pass

    # ------------------------------------------------------------------ who wrote it

    def settle_news(self):
        """Takes the datagrams waiting; True if a `forking` or `child` was among them."""
        before = self.news
        self.take_datagrams()
        return self.news != before

    def writer(self, ch):
        """(pid, shared) for bytes about to be read from ch, by a look at its holders fresh enough: one taken
        before the read, so an agent that waits for its channel to be read (before a fork, say) knows the look saw
        the world before its next step."""
        now = time.monotonic()
        if len(ch.holders) <= 1:
            fresh = max(HOLDERS_FRESH, LOOK_SHARE * self.look_cost)
        else:       # likely a child that has not made its own channels yet: look again soon
            fresh = max(HOLDERS_SHARED_FRESH, LOOK_SHARE_SHARED * self.look_cost)
        if ch.looked is None or now - ch.looked > fresh:
            self.look(now, self.last_pid())
        return self.attribute(ch)

    def look_after_read(self):
        """Looks again if a process was made since the last look: a C-level fork's child may have written what was
        just read (a child the writer made through Python's hooks was announced: `forking`). True if it looked."""
        last_pid = self.last_pid()
        now = time.monotonic()
        if not self.new_process(last_pid, now):
            return False
        self.look(now, last_pid)
        return True

    def look(self, now, last_pid):
        self.look_at_holders(now)
        self.looked_last_pid = last_pid
        self.look_cost = time.monotonic() - now
        self.look_credit -= self.look_cost

    def new_process(self, last_pid, now):
        """True if a process was made since the last look and looking again stays within LOOK_BUDGET of the time (a
        busy machine makes processes all the time: under a flood the relay must not spend its time in /proc)."""
        if last_pid is None or last_pid == self.looked_last_pid:
            return False
        self.look_credit = min(LOOK_BURST, self.look_credit + (now - self.credit_at) * LOOK_BUDGET)
        self.credit_at = now
        return self.look_credit > 0

    def last_pid(self):
        """The PID the kernel gave last (one read of a file kept open), or None where it cannot be read."""
        fd = self.last_pid_fd
        if fd is None:
            return None
        try:
            return int(os.pread(fd, 128, 0).split()[-1])
        except (OSError, ValueError, IndexError):
            return None

    def attribute(self, ch, before=None):
        """(pid, shared) by the last look at ch's holders: its one live holder; else its owner, shared. `before`:
        when that look came after the read, the holders the look before it saw: a child made since, by a parent
        that drained its channels first (`forking`), wrote nothing that was read."""
        holders = ch.holders
        if self.settling or self.forking:
            holders = self.unsettled(ch, holders, before)
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

    def unsettled(self, ch, holders, before):
        """holders without those that do not own ch and are settling, or (when `before` is given) are new since
        `before` and being made (their parent's `forking`)."""
        now = time.monotonic()
        for pid in [p for p, (until, _) in self.settling.items() if now >= until]:
            del self.settling[pid]
        for pid in [p for p, until in self.forking.items() if now >= until]:
            del self.forking[pid]
        return [p for p in holders if p == ch.pid
                or not (p in self.settling or before is not None and p not in before and self.being_made(p))]

    def being_made(self, pid):
        """True if pid's parent said it is making a child (one read of /proc/PID/stat, only while one is)."""
        return bool(self.forking) and parent_of(pid) in self.forking

    def settled(self):
        """After a look: a settling child that made its channels and holds none but its own has settled."""
        for pid, (_, made) in list(self.settling.items()):
            if made and not any(pid in ch.holders and ch.pid != pid for ch in self.channels.values()):
                del self.settling[pid]

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
        if self.settling:
            self.settled()


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


def parent_of(pid):
    """pid's parent's PID (/proc/PID/stat), or None."""
    try:
        with open('/proc/%d/stat' % pid, 'rb') as f:
            return int(f.read().rpartition(b')')[2].split()[1])
    except (OSError, ValueError, IndexError):
        return None


def open_last_pid():
    """An fd on LAST_PID (close-on-exec), or None where there is none."""
    try:
        fd = os.open(LAST_PID, os.O_RDONLY | os.O_CLOEXEC)
    except (OSError, AttributeError):
        return None
    try:
        int(os.pread(fd, 128, 0).split()[-1])
        return fd
    except (OSError, ValueError, IndexError):
        os.close(fd)
        return None


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
