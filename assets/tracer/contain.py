"""ProcessLab containment: how one run's processes are kept together and ended, all of them.

Used by the supervisor (its kill passes) and by sweep.py (the sweeper the app starts when the supervisor is
gone). Two ways, the kernel's first:

  * Cgroups. The app makes the run's groups before the run (PROTOCOL.md, "Containment") and names them on the
    supervisor's command line as `--cgroups v2=PATH,pids=PATH,freezer=PATH` (any of the three). The root enters
    them between fork and exec (Cgroups.enter), so every process of the run is in them, whatever it does with its
    session or its parent. A group lists them all (`cgroup.procs`), freezes them all (v2 `cgroup.freeze`, or the
    v1 freezer) and ends them all (v2 `cgroup.kill`; else SIGKILL to each member of the frozen group).
  * The sweep, where there is no cgroup. Every process of the run inherits MARKER=<run id> in its environment
    (readable in /proc/PID/environ by its owner); sweep() freezes with SIGSTOP every process carrying the marker or
    in one of the run's sessions, looks again until no new one shows up, then sends SIGKILL until none is left. Best
    effort: a process that empties its environment and leaves the session is not found.

Standard library only, Python 3.8+; loaded by its path (the supervisor and the sweeper run under -I). Importing it
only defines names.
"""

import errno
import os
import signal
import time

MARKER = 'PROCESSLAB_RUN'
KINDS = ('v2', 'pids', 'freezer')
FREEZE_WAIT = 1.0       # seconds to wait for a group to report itself frozen
PASS_PAUSE = 0.002      # between two kill passes of a group or a sweep
QUIET_LOOKS = 3         # looks in a row that find nothing new before a sweep believes it


def read_stat(pid):
    """(state, ppid, pgrp, session, start_ticks) of /proc/PID/stat, or None (gone, unreadable, no /proc).
    The same reading as boot/_processlab_wire.read_stat, kept here so the sweeper loads nothing else."""
    try:
        fd = os.open('/proc/%s/stat' % pid, os.O_RDONLY)
        try:
            data = os.read(fd, 4096)
        finally:
            os.close(fd)
        rest = data[data.rindex(b')') + 2:].split()
        return (rest[0].decode('ascii'), int(rest[1]), int(rest[2]), int(rest[3]), int(rest[19]))
    except (OSError, ValueError, IndexError):
        return None


def _write(path, text):
    fd = os.open(path, os.O_WRONLY)
    try:
        os.write(fd, text.encode('ascii'))
    finally:
        os.close(fd)


def _read(path):
    try:
        with open(path, 'rb') as f:
            return f.read().decode('ascii', 'replace')
    except OSError:
        return ''


def parse_groups(spec):
    """{'v2': path, 'pids': path, 'freezer': path} (any of them) from `v2=PATH,pids=PATH`; ValueError otherwise."""
    groups = {}
    for part in spec.split(','):
        kind, eq, path = part.partition('=')
        if not eq or kind not in KINDS or kind in groups or not path.startswith('/'):
            raise ValueError(spec)
        groups[kind] = path
    return groups


class Cgroups(object):
    """The run's cgroups, made by the app: at most one per kind ('v2' leaf, v1 'pids', v1 'freezer')."""

    def __init__(self, groups):
        self.groups = dict(groups)

    def __bool__(self):
        return bool(self.groups)

    __nonzero__ = __bool__

    def enter(self):
        """Moves the calling process into every group (for the root, between fork and exec). Raises OSError."""
        me = str(os.getpid())
        for kind in KINDS:
            if kind in self.groups:
                _write(os.path.join(self.groups[kind], 'cgroup.procs'), me)

    def members(self):
        """The PIDs in any of the groups now (a zombie stays listed until reaped)."""
        pids = set()
        for path in self.groups.values():
            for word in _read(os.path.join(path, 'cgroup.procs')).split():
                if word.isdigit():
                    pids.add(int(word))
        return pids

    def can_freeze(self):
        return 'v2' in self.groups or 'freezer' in self.groups

    def freeze(self):
        """Freezes every member (none can run, fork or reap until thawed); True once the group says it is frozen.
        A fork in flight is frozen too: the kernel puts the new task in the frozen group."""
        end = time.monotonic() + FREEZE_WAIT
        try:
            if 'v2' in self.groups:
                _write(os.path.join(self.groups['v2'], 'cgroup.freeze'), '1')
                events = os.path.join(self.groups['v2'], 'cgroup.events')
                while 'frozen 1' not in _read(events):
                    if time.monotonic() > end:
                        return False
                    time.sleep(0.001)
                return True
            if 'freezer' in self.groups:
                state = os.path.join(self.groups['freezer'], 'freezer.state')
                _write(state, 'FROZEN')
                while _read(state).strip() != 'FROZEN':
                    if time.monotonic() > end:
                        return False
                    _write(state, 'FROZEN')
                    time.sleep(0.001)
                return True
        except OSError:
            return False
        return False

    def thaw(self):
        try:
            if 'v2' in self.groups:
                _write(os.path.join(self.groups['v2'], 'cgroup.freeze'), '0')
            if 'freezer' in self.groups:
                _write(os.path.join(self.groups['freezer'], 'freezer.state'), 'THAWED')
        except OSError:
            pass

    def kill_once(self):
        """One pass: SIGKILL to every member (v2 `cgroup.kill` where there is one, which also refuses forks while it
        runs). Returns the members it saw."""
        pids = self.members()
        if 'v2' in self.groups:
            try:
                _write(os.path.join(self.groups['v2'], 'cgroup.kill'), '1')
            except OSError:
                pass    # a kernel before 5.14: member by member below
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        return pids

    def end_all(self, timeout=5.0):
        """Freezes the groups, kills every member, thaws (a v1-frozen task dies only once thawed), and repeats until
        no member is left but zombies not reaped yet (twice in a row: a group without a freezer can gain a fork
        between two looks), or `timeout` seconds have passed. Returns the PIDs still alive
        (empty when the run is gone)."""
        end = time.monotonic() + timeout
        quiet = 0
        while True:
            self.freeze()
            self.kill_once()
            self.thaw()
            left = alive(self.members())
            quiet = 0 if left else quiet + 1
            if quiet >= 2 or time.monotonic() > end:
                return left
            time.sleep(PASS_PAUSE)

    def forks_refused(self):
        """How many forks (and thread starts) the pids group refused at its limit (`max` in pids.events), or None."""
        path = self.groups.get('pids')
        if path is None:
            return None
        for row in _read(os.path.join(path, 'pids.events')).splitlines():
            words = row.split()
            if len(words) == 2 and words[0] == 'max' and words[1].isdigit():
                return int(words[1])
        return None

    def remove(self):
        """Removes the empty groups (rmdir). True when all are gone."""
        ok = True
        for path in self.groups.values():
            try:
                os.rmdir(path)
            except OSError as e:
                ok = ok and e.errno == errno.ENOENT
        return ok


def alive(pids):
    """Those of `pids` that are still running (not gone, not zombies)."""
    out = set()
    for pid in pids:
        st = read_stat(pid)
        if st is not None and st[0] not in 'ZX':
            out.add(pid)
    return out


def marked(pid, run_id):
    """True when the process's starting environment carries MARKER=run_id (False when it cannot be read)."""
    try:
        with open('/proc/%d/environ' % pid, 'rb') as f:
            env = f.read()
    except OSError:
        return False
    want = ('%s=%s' % (MARKER, run_id)).encode()
    return env.startswith(want + b'\0') or (b'\0' + want + b'\0') in env or env == want


def find(run_id, sessions=(), exclude=()):
    """{pid: (start_ticks, pgrp)} of every running process of the run (carrying the marker, or in one of
    `sessions`; never this process nor those in `exclude`), and the process groups that also hold a process that is
    not the run's (this one, an excluded one, anyone's): those are never signalled as a whole."""
    found = {}
    mixed = set([os.getpgrp()])
    skip = set(exclude)
    skip.add(os.getpid())
    try:
        names = os.listdir('/proc')
    except OSError:
        return found, mixed
    for name in names:
        if not name.isdigit():
            continue
        pid = int(name)
        st = read_stat(pid)
        if st is None or st[0] in 'ZX':
            continue
        if pid not in skip and (st[3] in sessions or (run_id and marked(pid, run_id))):
            found[pid] = (st[4], st[2])
        else:
            mixed.add(st[2])
    return found, mixed


def send(pid, start, sig):
    """sig to pid only while it is the process found (same start time); True when sent."""
    fd = None
    try:
        if hasattr(os, 'pidfd_open'):
            fd = os.pidfd_open(pid)
        st = read_stat(pid)
        if st is None or st[4] != start:
            return False
        if fd is not None:
            signal.pidfd_send_signal(fd, sig)
        else:
            os.kill(pid, sig)
        return True
    except OSError:
        return False
    finally:
        if fd is not None:
            os.close(fd)


def _signal_all(found, mixed, sig):
    """sig to the process groups of the processes found that hold nothing but the run's processes (one call reaches a
    whole group, a child forked that instant included: the kernel makes a fork that races a group signal retry), then
    to each process found."""
    for group in set(g for _, g in found.values()) - mixed:
        if group > 1:
            try:
                os.killpg(group, sig)
            except OSError:
                pass
    for pid, (start, _) in found.items():
        send(pid, start, sig)


def sweep(run_id, sessions=(), exclude=(), timeout=5.0, quiet_looks=QUIET_LOOKS):
    """Ends every process of the run found by find(): SIGSTOP to each (and to its process group), again until
    `quiet_looks` looks in a row find no process not stopped yet (a stopped process cannot fork; one look can miss a
    process forked while it read /proc whose parent then ended), then SIGKILL to all, until `quiet_looks` looks in a
    row find none, or `timeout` seconds have passed. Returns (processes found, PIDs still running at the end)."""
    end = time.monotonic() + timeout
    stopped = set()
    quiet = 0
    while quiet < quiet_looks and time.monotonic() < end:
        found, mixed = find(run_id, sessions, exclude)
        new = dict((p, v) for p, v in found.items() if (p, v[0]) not in stopped)
        _signal_all(found, mixed, signal.SIGSTOP)
        stopped.update((p, v[0]) for p, v in new.items())
        quiet = 0 if new else quiet + 1
    killed = set(stopped)
    quiet = 0
    left = {}
    while quiet < quiet_looks:
        left, mixed = find(run_id, sessions, exclude)
        if time.monotonic() > end:
            break
        _signal_all(left, mixed, signal.SIGKILL)
        killed.update((p, v[0]) for p, v in left.items())
        quiet = 0 if left else quiet + 1
        time.sleep(PASS_PAUSE)
    return len(killed), set(left)
