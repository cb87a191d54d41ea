"""The supervisor (assets/tracer/supervisor.py): how it loads the wire module, its pure parts, and a
short run against a fake app."""

import base64
import json
import os
import signal
import socket
import subprocess
import sys
import textwrap
import time
import unittest

from tracer import BOOT, SUPERVISOR, FakeApp, RecordingApp, load_supervisor, python, wire

sup = load_supervisor()


class LoadingTest(unittest.TestCase):
    """Under -I the supervisor finds boot/_processlab_wire.py by its own path, and nothing else of boot/."""

    CHECK = textwrap.dedent('''
        import sys
        before = list(sys.path)
        g = {'__name__': 'supervisor_under_test', '__file__': %r}
        exec(compile(open(%r).read(), %r, 'exec'), g)
        print(sys.path == before, 'sitecustomize' in sys.modules, '_processlab_agent' in sys.modules)
        print(g['wire'].__file__)
        print(sys.path_importer_cache.get(%r))
    ''')

    def check(self, *flags):
        code = self.CHECK % (SUPERVISOR, SUPERVISOR, SUPERVISOR, BOOT)
        r = python(*(flags + ('-c', code)), env={'PYTHONPATH': BOOT, 'PROCESSLAB_TRACE': '127.0.0.1:9'})
        self.assertEqual(r.returncode, 0, r.stderr)
        lines = r.stdout.splitlines()
        self.assertEqual(lines[0], 'True False False')
        self.assertEqual(os.path.realpath(lines[1]), os.path.realpath(os.path.join(BOOT, '_processlab_wire.py')))
        self.assertEqual(lines[2], 'None')

    def test_as_the_app_starts_it(self):
        self.check('-I', '-S')           # PythonTrack: python3 -I -S supervisor.py ...

    def test_with_site_but_isolated(self):
        self.check('-I')                 # PYTHONPATH ignored: boot/sitecustomize.py never runs

    def test_its_names_are_the_wire_modules(self):
        self.assertIs(sup.read_stat, wire.read_stat)
        self.assertEqual((sup.MAX_LINE, sup.MAX_PAYLOAD), (wire.MAX_LINE, wire.MAX_PAYLOAD))


class ParseArgsTest(unittest.TestCase):

    def test_defaults_and_the_command_after_the_double_dash(self):
        self.assertEqual(sup.parse_args(['--', 'python3', '-c', 'x']),
                         ({'--grace-ms': 1000, '--nice': 0, '--stdin': 'null'}, ['python3', '-c', 'x']))

    def test_options_with_space_or_equals(self):
        self.assertEqual(sup.parse_args(['--grace-ms', '250', '--nice=10', '--', 'a', '--nice', '3']),
                         ({'--grace-ms': 250, '--nice': 10, '--stdin': 'null'}, ['a', '--nice', '3']))

    def test_the_command_starts_at_the_first_word_that_is_not_an_option(self):
        self.assertEqual(sup.parse_args(['--nice', '2', 'prog', '--grace-ms', '1']),
                         ({'--grace-ms': 1000, '--nice': 2, '--stdin': 'null'}, ['prog', '--grace-ms', '1']))

    def test_no_command(self):
        self.assertEqual(sup.parse_args(['--nice', '2']), ({'--grace-ms': 1000, '--nice': 2, '--stdin': 'null'}, []))

    def test_stdin_from_the_app(self):
        self.assertEqual(sup.parse_args(['--stdin', 'app', '--', 'prog']),
                         ({'--grace-ms': 1000, '--nice': 0, '--stdin': 'app'}, ['prog']))

    def test_a_missing_or_bad_value_is_an_error(self):
        for argv in (['--nice'], ['--grace-ms', 'soon', '--', 'x'], ['--nice=', 'x'], ['--stdin', 'tty', 'x']):
            with self.assertRaises(ValueError, msg=argv):
                sup.parse_args(argv)


class AppLinkTest(unittest.TestCase):
    """supervisor.App's framing, over a local socket pair (no TCP)."""

    def app(self):
        a, b = socket.socketpair()
        self.addCleanup(a.close)
        self.addCleanup(b.close)
        app = sup.App.__new__(sup.App)
        app.sock, app.gone, app.buf = a, False, b''
        return app, b

    def test_a_message_with_a_payload(self):
        app, peer = self.app()
        app.send('raw', b'two\nlines\n', s='stdout', t=5, running=[1, 2], scannedAt=None)
        data = peer.recv(65536)
        head, _, payload = data.partition(b'\n')
        self.assertEqual(json.loads(head), {'k': 'raw', 's': 'stdout', 't': 5, 'running': [1, 2],
                                            'scannedAt': None, 'n': 10})
        self.assertEqual(payload, b'two\nlines\n')

    def test_a_line_never_exceeds_the_limit(self):
        app, peer = self.app()
        app.send('spawn-failed', t=1, message='x' * (wire.MAX_LINE * 2))
        peer.settimeout(5)
        data = b''
        while not data.endswith(b'\n'):
            data += peer.recv(65536)
        self.assertLessEqual(len(data), wire.MAX_LINE)
        self.assertEqual(json.loads(data)['message'], 'x' * wire.SHRINK_CAPS[0])

    def test_commands_are_read_by_whole_lines(self):
        app, peer = self.app()
        peer.sendall(b'{"k":"stop","graceMs":20}\n[1,2]\nnot json\n{"k":"ki')
        time.sleep(0.05)
        self.assertEqual(app.read_commands(), [{'k': 'stop', 'graceMs': 20}])
        peer.sendall(b'll"}\n')
        time.sleep(0.05)
        self.assertEqual(app.read_commands(), [{'k': 'kill'}])
        peer.close()
        self.assertIsNone(app.read_commands())
        self.assertTrue(app.gone)

    def test_a_send_after_the_app_went_away_is_dropped(self):
        app, peer = self.app()
        peer.close()
        for _ in range(3):
            app.send('done', t=1)
        self.assertTrue(app.gone)


@unittest.skipUnless(hasattr(os, 'fork') and os.path.isdir('/proc/self'), 'Linux')
class ProcessTreeTest(unittest.TestCase):
    """The supervisor's view of its children, with this test process standing in for it."""

    def supervisor(self):
        s = sup.Supervisor(RecordingApp(), ['true'], 1000, subreaper=False)
        self.addCleanup(s.sel.close)
        return s

    def test_reap_reports_exit_codes_and_signals(self):
        s = self.supervisor()
        ok = os.fork()
        if ok == 0:
            os._exit(3)
        killed = os.fork()
        if killed == 0:
            time.sleep(30)
            os._exit(0)
        s.root = ok
        os.kill(killed, signal.SIGKILL)
        deadline = time.monotonic() + 10
        while not s.no_children and time.monotonic() < deadline:
            s.reap()
            time.sleep(0.01)
        got = {f['child']: (f['status'], f['exitcode']) for k, f, _ in s.app.sent if k == 'reaped'}
        self.assertEqual(got, {ok: (3 << 8, 3), killed: (signal.SIGKILL, -signal.SIGKILL)})
        self.assertTrue(s.root_reaped)

    def test_scan_lists_parents_before_children_and_signal_tree_signals_each_once(self):
        s = self.supervisor()
        shell = subprocess.Popen(['sh', '-c', 'sleep 30 & echo $!; wait'], stdout=subprocess.PIPE)
        self.addCleanup(shell.wait)
        self.addCleanup(shell.stdout.close)
        grandchild = int(shell.stdout.readline())
        self.addCleanup(self.kill, grandchild)
        s.root = shell.pid
        run = s.scan()
        self.assertLess(list(run).index(shell.pid), list(run).index(grandchild))
        self.assertEqual(run[grandchild][wire.PPID], shell.pid)
        self.assertEqual(run[shell.pid][wire.START_TICKS], wire.read_stat(shell.pid)[wire.START_TICKS])

        s.signal_tree(signal.SIGTERM)
        s.signal_tree(signal.SIGTERM)      # a second pass sends nothing again
        signalled = [f['pid'] for k, f, _ in s.app.sent if k == 'signalled']
        self.assertEqual(signalled, [shell.pid, grandchild])
        self.assertEqual(shell.wait(10), -signal.SIGTERM)

    def test_a_process_with_another_start_time_is_not_signalled(self):
        s = self.supervisor()
        child = subprocess.Popen(['sleep', '30'])
        self.addCleanup(child.wait)
        self.addCleanup(child.kill)
        start = wire.read_stat(child.pid)[wire.START_TICKS]
        self.assertFalse(s.signal(child.pid, start + 1, signal.SIGTERM))   # a reused PID
        self.assertIsNone(child.poll())
        self.assertTrue(s.signal(child.pid, start, signal.SIGTERM))
        self.assertEqual(child.wait(10), -signal.SIGTERM)

    @staticmethod
    def kill(pid):
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass


@unittest.skipUnless(hasattr(os, 'fork') and os.path.isdir('/proc/self'), 'Linux')
class ShortRunTest(unittest.TestCase):
    """python3 -I -S supervisor.py -- CMD against a fake app: the messages of a whole run."""

    def test_an_untraced_root_that_prints_and_is_killed(self):
        code = 'import os, sys; print("hi"); sys.stdout.flush(); os.kill(os.getpid(), 9)'
        with FakeApp() as app:
            r = python('-I', '-S', SUPERVISOR, '--grace-ms', '100', '--', sys.executable, '-c', code,
                       env=app.env)
            app.finish()
        self.assertEqual(r.returncode, 0, r.stderr)
        kinds = [m['k'] for _, m, _ in app.messages]
        self.assertEqual(kinds[:2], ['hello', 'spawned'])
        self.assertEqual(kinds[-1], 'done')
        hello = app.messages[0][1]
        self.assertEqual((hello['peer'], hello['token'], hello['pid']), ('supervisor', app.token, hello['pid']))
        self.assertIsInstance(hello['startTicks'], int)
        spawned = app.of_kind('spawned')[0][0]
        [(reaped, _)] = app.of_kind('reaped')
        self.assertEqual((reaped['child'], reaped['status'], reaped['exitcode']),
                         (spawned['pid'], signal.SIGKILL, -signal.SIGKILL))
        raw = b''.join(p for m, p in app.of_kind('raw') if m['s'] == 'stdout')
        self.assertEqual(raw, b'hi\n')

    def test_a_program_handed_over_with_its_stdin_from_the_app(self):
        code = 'n = int(input("number? ")); print(n * n)'
        with FakeApp() as app:
            proc = subprocess.Popen([sys.executable, '-B', '-I', '-S', SUPERVISOR, '--grace-ms', '100'],
                                    env=dict(os.environ, **app.env), stdin=subprocess.DEVNULL,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            self.addCleanup(proc.stderr.close)
            deadline = time.monotonic() + 10
            while not app.of_kind('hello') and time.monotonic() < deadline:
                time.sleep(0.01)
            app.send(1, (json.dumps({'k': 'run', 'argv': [sys.executable, '-c', code], 'stdin': 'app'}) + '\n'
                         + json.dumps({'k': 'stdin', 'data': base64.b64encode(b'7\n').decode()}) + '\n'
                         + json.dumps({'k': 'stdinEnd'}) + '\n').encode())
            self.assertEqual(proc.wait(20), 0, proc.stderr.read())
            app.finish()
        raw = b''.join(p for m, p in app.of_kind('raw') if m['s'] == 'stdout')
        self.assertEqual(raw, b'number? 49\n')
        self.assertEqual(app.of_kind('reaped')[0][0]['exitcode'], 0)


@unittest.skipUnless(hasattr(os, 'fork'), 'POSIX')
class StdinTest(unittest.TestCase):
    """The root's stdin as a pipe from the app (`--stdin app`, `stdin`, `stdinEnd`), with this test process standing
    in for the supervisor and a real child reading the pipe."""

    def start(self, code):
        s = sup.Supervisor(RecordingApp(), [sys.executable, '-I', '-S', '-c', code], 1000, subreaper=False,
                           stdin_from_app=True)
        self.addCleanup(s.sel.close)
        self.assertTrue(s.spawn())
        self.addCleanup(s.close_relay)
        self.addCleanup(self.end, s)
        return s

    @staticmethod
    def end(s):
        s.close_stdin()
        try:
            os.kill(s.root, signal.SIGKILL)
        except OSError:
            pass
        for fd in list(s.pipes):
            s.close_pipe(fd)
        try:
            os.waitpid(s.root, 0)
        except ChildProcessError:
            pass

    @staticmethod
    def command(k, data=None):
        m = {'k': k}
        if data is not None:
            m['data'] = base64.b64encode(data).decode('ascii')
        return m

    def pump(self, s, until, timeout=10):
        """Runs the loop's I/O part (output read, stdin written) until `until()` or the timeout."""
        out = bytearray()
        deadline = time.monotonic() + timeout
        while not until(out) and time.monotonic() < deadline:
            for key, _ in s.sel.select(0.05):
                if key.data == 'stdin-w':
                    s.write_stdin()
                elif key.fd in s.pipes:
                    s.read_pipe(key.fd)
            out[:] = b''.join(p for k, _, p in s.app.sent if k == 'raw')
        return bytes(out)

    def test_input_reaches_the_program_and_end_of_file_ends_it(self):
        s = self.start('import sys; n = int(input("number? ")); print(n * n); print(repr(sys.stdin.read()))')
        s.on_command(self.command('stdin', b'7\n'))
        s.on_command(self.command('stdinEnd'))
        self.assertIsNone(s.stdin_w)
        out = self.pump(s, lambda o: b"''" in o)
        self.assertEqual(out, b"number? 49\n''\n")

    def test_end_of_file_at_once_is_eof_error(self):
        s = self.start('input()')
        s.on_command(self.command('stdinEnd'))
        err = self.pump(s, lambda o: b'EOFError' in o)
        self.assertIn(b'EOFError', err)

    def test_a_program_that_never_reads_does_not_block_the_loop_and_the_rest_is_dropped(self):
        s = self.start('import time; time.sleep(30)')
        chunk = b'x' * wire.MAX_STDIN
        started = time.monotonic()
        for _ in range((sup.STDIN_PENDING + 200_000) // len(chunk) + 1):
            s.on_command(self.command('stdin', chunk))
        self.assertLess(time.monotonic() - started, 5)      # never waited for the pipe
        self.assertLessEqual(len(s.stdin_pending), sup.STDIN_PENDING)
        dropped = [f for k, f, _ in s.app.sent if k == 'stdin-dropped']
        self.assertTrue(dropped)
        self.assertIn(s.stdin_w, [k.fd for k in s.sel.get_map().values()])   # waits for room, in the selector

    def test_a_program_that_closed_its_stdin_is_not_an_error(self):
        s = self.start('import os, sys, time; os.close(0); print("closed", flush=True); time.sleep(30)')
        self.pump(s, lambda o: b'closed' in o)
        s.on_command(self.command('stdin', b'more\n'))
        self.assertIsNone(s.stdin_w)          # EPIPE: closed quietly
        s.on_command(self.command('stdin', b'again\n'))   # and later input is dropped
        self.assertEqual([k for k, _, _ in s.app.sent if k not in ('spawned', 'raw')], [])

    def test_bad_or_oversized_input_is_ignored(self):
        s = self.start('import sys; print(repr(sys.stdin.read()))')
        s.on_command({'k': 'stdin', 'data': '!!not base64'})
        s.on_command({'k': 'stdin', 'data': 5})
        s.on_command(self.command('stdin', b'y' * (wire.MAX_STDIN + 1)))
        s.on_command(self.command('stdin', b'ok'))
        s.on_command(self.command('stdinEnd'))
        self.assertEqual(self.pump(s, lambda o: o.endswith(b'\n')), b"'ok'\n")

    def test_the_write_end_closes_when_the_main_process_ends(self):
        s = self.start('pass')
        deadline = time.monotonic() + 10
        while not s.root_reaped and time.monotonic() < deadline:
            s.reap()
            time.sleep(0.01)
        self.assertIsNone(s.stdin_w)


if __name__ == '__main__':
    unittest.main()
