"""Where the tracer's Python files are, and how a test loads them (shared by the test modules here).

The agent and the wire module are imported from assets/tracer/boot as the traced processes import
them; the supervisor is imported as a module (its main() only runs as __main__). Child interpreters
get -B, so no test writes bytecode into the source tree.
"""

import os
import subprocess
import sys

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..', '..'))
TRACER = os.path.join(REPO, 'assets', 'tracer')
BOOT = os.path.join(TRACER, 'boot')
SUPERVISOR = os.path.join(TRACER, 'supervisor.py')
PROTOCOL = os.path.join(TRACER, 'PROTOCOL.md')

if BOOT not in sys.path:
    sys.path.append(BOOT)   # after the standard library: nothing of ours shadows it

import _processlab_wire as wire      # noqa: E402
import _processlab_agent as agent    # noqa: E402  (importing it installs nothing)


def load_supervisor():
    """supervisor.py as a module named `supervisor` (loaded once)."""
    mod = sys.modules.get('supervisor')
    if mod is None:
        import importlib.util
        spec = importlib.util.spec_from_file_location('supervisor', SUPERVISOR)
        mod = importlib.util.module_from_spec(spec)
        sys.modules['supervisor'] = mod
        spec.loader.exec_module(mod)
    return mod


def python(*args, env=None, timeout=60, **kw):
    """Runs this interpreter with -B and args; returns the CompletedProcess (text, both streams captured)."""
    e = dict(os.environ)
    for name in ('PYTHONPATH', 'PROCESSLAB_TRACE', 'PROCESSLAB_TOKEN', 'PROCESSLAB_STDIO', 'PYTHONUNBUFFERED'):
        e.pop(name, None)
    e.update(env or {})
    return subprocess.run([sys.executable, '-B'] + list(args), env=e, timeout=timeout,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, universal_newlines=True, **kw)


class RecordingApp(object):
    """Stands in for supervisor.App: keeps what the supervisor sends."""

    def __init__(self):
        self.gone = False
        self.sent = []

    def send(self, k, payload=None, **fields):
        self.sent.append((k, fields, payload))

    def signalled(self):
        """(pid, signal) of each `signalled` sent, in order."""
        return [(f['pid'], f['signal']) for k, f, _ in self.sent if k == 'signalled']


class FakeApp(object):
    """The app's side of the trace protocol, for a test: accepts every connection, reads its messages
    (line + payload) into `messages` as (connection number, dict, payload bytes or None). Use as a
    context manager; `env` is what a traced process needs to find it. `kind` is the channel, as
    PROCESSLAB_TRACE names it: 'tcp' (tcp:127.0.0.1:PORT), 'unix' (unix:/path, in a fresh 0700
    folder) or 'old' (127.0.0.1:PORT, the form before Unix sockets)."""

    def __init__(self, kind='tcp'):
        import socket
        import tempfile
        import threading
        self.token = os.urandom(16).hex()
        self.folder = None
        if kind == 'unix':
            self.folder = tempfile.mkdtemp(prefix='pl-test-')
            path = os.path.join(self.folder, 'trace.sock')
            self.server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            self.server.bind(path)
            address = 'unix:' + path
        else:
            self.server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            self.server.bind(('127.0.0.1', 0))
            address = '127.0.0.1:%d' % self.server.getsockname()[1]
            if kind == 'tcp':
                address = 'tcp:' + address
        self.server.listen(64)
        self.env = {'PROCESSLAB_TRACE': address, 'PROCESSLAB_TOKEN': self.token}
        self.messages = []
        self.conns = []
        self.lock = threading.Lock()
        self.readers = []
        self.accepting = threading.Thread(target=self._accept, daemon=True)
        self.accepting.start()

    def _accept(self):
        import threading
        while True:
            try:
                c, _ = self.server.accept()
            except OSError:
                return
            with self.lock:
                self.conns.append(c)
                n = len(self.conns)
            t = threading.Thread(target=self._read, args=(n, c), daemon=True)
            self.readers.append(t)
            t.start()

    def _read(self, n, c):
        import json
        f = c.makefile('rb')
        while True:
            line = f.readline(wire.MAX_LINE)
            if not line:
                return
            m = json.loads(line)
            payload = f.read(m['n']) if 'n' in m else None
            with self.lock:
                self.messages.append((n, m, payload))

    def send(self, conn_number, line):
        """Sends one command line (bytes) on a connection, e.g. to a supervisor."""
        self.conns[conn_number - 1].sendall(line)

    def close(self):
        self.server.close()
        if self.folder is not None:
            import shutil
            shutil.rmtree(self.folder, ignore_errors=True)
        for c in list(self.conns):
            try:
                c.close()
            except OSError:
                pass

    def finish(self, timeout=10):
        """Waits until every connection so far has been read to its end."""
        for t in list(self.readers):
            t.join(timeout)

    def of_kind(self, k):
        return [(m, p) for _, m, p in self.messages if m.get('k') == k]

    def output(self, stream):
        """What the traced processes sent as `out` on stream, in order, as text."""
        return b''.join(p for _, m, p in self.messages
                        if m.get('k') == 'out' and m.get('s') == stream).decode('utf-8')

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False
