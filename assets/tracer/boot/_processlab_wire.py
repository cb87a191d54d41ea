"""ProcessLab wire: what the agent and the supervisor both say and read (see ../PROTOCOL.md).

One place for the protocol's limits, the JSON encoder of its message lines, the reading of
/proc/PID/stat and the conversion of wait statuses to Python exit codes.

Who loads it:
  * the agent imports it by name (PYTHONPATH puts boot/ first), so it sits in the
    sys.modules of every traced Python process as `_processlab_wire`;
  * the supervisor runs under `python3 -I`, which ignores PYTHONPATH, so it loads this file
    by its path (next to its own) and leaves sys.path as it found it.

Because every traced program carries it, it follows the agent's design rules: importing it
imports nothing but `os` and modules written in C (`time`, `_json`; no json package, no `re`),
starts no thread and does nothing but define names. Programs must not rely on it (PROTOCOL.md,
"What a traced program carries"). Standard library only, Python 3.8+.
"""

import os
from time import time_ns as _time_ns

try:  # json's C string encoder: no `re`, no json package import
    from _json import encode_basestring_ascii as jstr
except ImportError:  # pragma: no cover - CPython always has it
    from json.encoder import py_encode_basestring_ascii as jstr

# --------------------------------------------------------------------------- limits
# PROTOCOL.md, "Limits", names the same numbers; the app's reader (MessageReader.java)
# rejects a connection that breaks the first two. ProtocolLimitsTest holds all three places.

MAX_LINE = 65536         # bytes of one message line, its '\n' included
MAX_PAYLOAD = 1 << 20    # bytes after a line with a field "n" (0 <= n <= MAX_PAYLOAD)
MAX_ARGS_CHARS = 200     # characters of the short repr sent as `args`
MAX_ERROR_CHARS = 300    # characters of the exception's message sent by `start-failed`
MAX_STDIN = 32768        # bytes of the program's input in one `stdin` command (base64: 43,692 characters)
SHRINK_CAPS = (200, 20)  # a line over MAX_LINE is encoded again with every string and
                         # list cut to the first cap, then to the second


# --------------------------------------------------------------------------- clock

def now_us():
    """Now, in epoch microseconds (CLOCK_REALTIME): the one clock of every message."""
    return _time_ns() // 1000


# --------------------------------------------------------------------------- JSON

_INFINITIES = (float('inf'), float('-inf'))


def _value(v, cap):
    if v is None:
        return 'null'
    if v is True:
        return 'true'
    if v is False:
        return 'false'
    t = type(v)
    if t is str:
        return jstr(v[:cap] if cap and len(v) > cap else v)
    if t is int:
        return str(v)
    if t is list or t is tuple:
        if cap and len(v) > cap:
            v = v[:cap]
        return '[' + ','.join([_value(x, cap) for x in v]) + ']'
    if t is float:   # JSON has no NaN or infinity
        return repr(v) if v == v and v not in _INFINITIES else 'null'
    if isinstance(v, int):
        return str(int(v))
    return jstr(str(v))


def encode(k, fields, cap=0):
    """One message line: `{"k":k,...fields}\\n` as ASCII bytes (JSON escapes the rest).

    Values may be None, bool, int, float, str, list or tuple of those; anything else is
    sent as its str(). With cap > 0 every string and list is cut to its first cap items.
    Field names are ours and are written as they are.
    """
    parts = ['{"k":', jstr(k)]
    for name, value in fields.items():
        parts.append(',"%s":%s' % (name, _value(value, cap)))
    parts.append('}\n')
    return ''.join(parts).encode('ascii')


def line(k, fields):
    """encode(), fitted under MAX_LINE: a line too long (a huge argv, a long message) is
    encoded again with strings and lists cut (SHRINK_CAPS), never dropped."""
    data = encode(k, fields)
    for cap in SHRINK_CAPS:
        if len(data) <= MAX_LINE:
            break
        data = encode(k, fields, cap)
    return data


# --------------------------------------------------------------------------- /proc/PID/stat

# Indexes into the tuple that parse_stat() and read_stat() return.
STATE, PPID, PGRP, SESSION, START_TICKS = range(5)


def parse_stat(data):
    """(state, ppid, pgrp, session, start_ticks) from the bytes of a /proc/PID/stat file.

    state is the letter (R, S, D, T, t, Z, X, I); start_ticks is field 22, clock ticks
    since boot. The command name in parentheses may hold spaces and parentheses itself,
    so fields are counted from the last ')'. Raises ValueError or IndexError on text that
    is not a stat line.
    """
    rest = data[data.rindex(b')') + 2:].split()
    return (rest[0].decode('ascii'), int(rest[1]), int(rest[2]), int(rest[3]), int(rest[19]))


def read_stat(pid):
    """parse_stat() of /proc/PID/stat (pid: a number or 'self'), or None when the process
    is gone, there is no /proc, or the file cannot be read."""
    try:
        fd = os.open('/proc/%s/stat' % pid, os.O_RDONLY)
        try:
            data = os.read(fd, 4096)
        finally:
            os.close(fd)
        return parse_stat(data)
    except (OSError, ValueError, IndexError):
        return None


# --------------------------------------------------------------------------- exit status

_waitstatus_to_exitcode = getattr(os, 'waitstatus_to_exitcode', None)   # 3.9+; kept before a program can replace it


def exitcode(status):
    """The exit code Python reports for a raw wait status: -N for a process killed by signal
    N, else its exit status (as multiprocessing's Process.exitcode and os.waitstatus_to_exitcode)."""
    if _waitstatus_to_exitcode is not None:
        try:
            return _waitstatus_to_exitcode(status)
        except ValueError:
            pass    # a stopped process: no exit code; answered as below
    if os.WIFSIGNALED(status):
        return -os.WTERMSIG(status)
    return os.WEXITSTATUS(status)


def ended(status):
    """True if a wait status says the child ended (exited or was killed), False if it only
    stopped or continued (WUNTRACED, WCONTINUED): such a child has not been reaped."""
    try:
        return not (os.WIFSTOPPED(status) or os.WIFCONTINUED(status))
    except AttributeError:   # no job control here: every status is an end
        return True


def waitid_status(si_code, si_status):
    """(raw wait status, exit code) of a child that os.waitid() reports ended, from its
    si_code and si_status; None for a stopped, trapped or continued child."""
    if si_code == os.CLD_EXITED:
        return (si_status & 0xff) << 8, si_status
    if si_code == os.CLD_KILLED:
        return si_status, -si_status
    if si_code == os.CLD_DUMPED:
        return si_status | 0x80, -si_status
    return None


# --------------------------------------------------------------------------- the trace channel

def channel_address(addr):
    """Where PROCESSLAB_TRACE says to connect: ('unix', path) for 'unix:/path', ('tcp',
    (host, port)) for 'tcp:HOST:PORT' and for the older 'HOST:PORT'.
    Raises ValueError for anything else."""
    if addr.startswith('unix:'):
        path = addr[5:]
        if not path:
            raise ValueError('no socket path in %r' % addr)
        return 'unix', path
    if addr.startswith('tcp:'):
        addr = addr[4:]
    host, _, port = addr.rpartition(':')
    return 'tcp', (host or '127.0.0.1', int(port))


# What a Unix socket to the app may hold unread: the most loopback TCP lets a sender have in
# flight on Linux (tcp_wmem's default maximum), so a process printing fast is held back no more
# on a Unix socket than on TCP. The kernel caps it (net.core.wmem_max).
UNIX_SNDBUF = 4 << 20


def open_channel(sockmod, addr, timeout):
    """A stream socket connected to the app's trace channel at `addr` (PROCESSLAB_TRACE),
    blocking, close-on-exec; TCP_NODELAY on TCP, a send buffer of UNIX_SNDBUF on a Unix socket. `sockmod` is `socket` or `_socket` (the
    agent uses the C module: no import of the socket package in the program). The connect
    waits at most `timeout` seconds. Raises OSError or ValueError."""
    kind, where = channel_address(addr)
    family = sockmod.AF_UNIX if kind == 'unix' else sockmod.AF_INET
    s = sockmod.socket(family, sockmod.SOCK_STREAM)
    try:
        s.settimeout(timeout)
        s.connect(where)
        s.settimeout(None)
        if kind == 'tcp':
            s.setsockopt(sockmod.IPPROTO_TCP, sockmod.TCP_NODELAY, 1)
        else:
            try:
                s.setsockopt(sockmod.SOL_SOCKET, sockmod.SO_SNDBUF, UNIX_SNDBUF)
            except OSError:
                pass        # the OS's own size: slower to drain a flood, never wrong
    except BaseException:
        s.close()
        raise
    return s
