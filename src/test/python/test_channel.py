"""The trace channel as the tracer's peers connect to it: PROCESSLAB_TRACE's forms (a Unix socket,
loopback TCP, the older HOST:PORT), the wire module's connect, an agent and a supervisor over each."""

import _socket
import os
import socket
import sys
import time
import unittest

from tracer import BOOT, SUPERVISOR, FakeApp, python, wire


class ChannelAddressTest(unittest.TestCase):
    def test_every_form(self):
        self.assertEqual(wire.channel_address('unix:/run/user/1000/processlab/ab.sock'),
                         ('unix', '/run/user/1000/processlab/ab.sock'))
        self.assertEqual(wire.channel_address('tcp:127.0.0.1:4000'), ('tcp', ('127.0.0.1', 4000)))
        self.assertEqual(wire.channel_address('127.0.0.1:4000'), ('tcp', ('127.0.0.1', 4000)))
        self.assertEqual(wire.channel_address(':4000'), ('tcp', ('127.0.0.1', 4000)))

    def test_nonsense_is_a_value_error(self):
        for bad in ('', 'unix:', 'tcp:127.0.0.1:', 'nowhere', 'tcp:host:port'):
            with self.assertRaises(ValueError, msg=bad):
                wire.channel_address(bad)


@unittest.skipUnless(hasattr(socket, 'AF_UNIX'), 'Unix sockets')
class OpenChannelTest(unittest.TestCase):
    def test_both_kinds_with_both_socket_modules(self):
        for kind in ('unix', 'tcp', 'old'):
            for mod in (socket, _socket):
                with FakeApp(kind) as app:
                    s = wire.open_channel(mod, app.env['PROCESSLAB_TRACE'], 5)
                    try:
                        self.assertEqual(s.family, socket.AF_UNIX if kind == 'unix' else socket.AF_INET)
                        self.assertIsNone(s.gettimeout(), 'blocking once connected')
                        self.assertFalse(os.get_inheritable(s.fileno()), 'close-on-exec')
                        if kind != 'unix':
                            self.assertTrue(s.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
                        else:
                            self.assertGreater(s.getsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF), 212992,
                                               'more than the default a Unix socket may hold unread')
                        s.sendall(b'{"k":"hello"}\n')
                    finally:
                        s.close()
                    deadline = time.monotonic() + 10      # the fake app's reader may not have begun yet
                    while not app.messages and time.monotonic() < deadline:
                        time.sleep(0.01)
                    self.assertEqual([m['k'] for _, m, _ in app.messages], ['hello'], (kind, mod))

    def test_nobody_listening_is_an_os_error_and_leaves_no_socket_open(self):
        before = len(os.listdir('/proc/self/fd')) if os.path.isdir('/proc/self/fd') else None
        with self.assertRaises(OSError):
            wire.open_channel(socket, 'unix:/nonexistent/processlab/x.sock', 1)
        if before is not None:
            self.assertEqual(len(os.listdir('/proc/self/fd')), before)


@unittest.skipUnless(hasattr(os, 'fork') and hasattr(socket, 'AF_UNIX'), 'POSIX')
class TracedOverEachChannelTest(unittest.TestCase):
    """A program with the agent, and the supervisor, against a fake app on each kind of channel."""

    CODE = ('import multiprocessing as mp\n'
            'def child():\n'
            '    print("from the child")\n'
            'if __name__ == "__main__":\n'
            '    mp.set_start_method("fork")\n'
            '    p = mp.Process(target=child)\n'
            '    p.start()\n'
            '    p.join()\n'
            '    print("from main")\n')

    def test_the_agent_and_a_forked_child_connect(self):
        for kind in ('unix', 'tcp', 'old'):
            with FakeApp(kind) as app:
                r = python('-c', self.CODE, env=dict(app.env, PYTHONPATH=BOOT))
                app.finish()
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertEqual(r.stdout, '', 'everything went to the app')
            hellos = [m for m, _ in app.of_kind('hello')]
            self.assertEqual(len(hellos), 2, kind)
            self.assertEqual({h['token'] for h in hellos}, {app.token})
            self.assertEqual(sorted(h['origin'] for h in hellos), ['exec', 'fork'])
            by_conn = {}
            for n, m, p in app.messages:
                if m.get('k') == 'out':
                    by_conn.setdefault(n, b'')
                    by_conn[n] += p
            self.assertEqual(sorted(by_conn.values()), [b'from main\n', b'from the child\n'],
                             'each process on its own connection (%s)' % kind)

    def test_the_supervisor_connects(self):
        for kind in ('unix', 'tcp', 'old'):
            with FakeApp(kind) as app:
                r = python('-I', '-S', SUPERVISOR, '--grace-ms', '100', '--', sys.executable, '-c', 'pass',
                           env=app.env)
                app.finish()
            self.assertEqual(r.returncode, 0, r.stderr)
            hello = app.messages[0][1]
            self.assertEqual((hello['k'], hello['peer'], hello['token']), ('hello', 'supervisor', app.token))
            self.assertEqual(app.messages[-1][1]['k'], 'done', kind)

    def test_a_supervisor_that_cannot_connect_says_where(self):
        r = python('-I', '-S', SUPERVISOR, '--', sys.executable, '-c', 'pass',
                   env={'PROCESSLAB_TRACE': 'unix:/nonexistent/processlab/x.sock'})
        self.assertEqual(r.returncode, 2)
        self.assertIn('cannot connect to the app at unix:/nonexistent/processlab/x.sock', r.stderr)

    def test_an_agent_that_cannot_connect_leaves_the_program_alone(self):
        r = python('-c', 'print("alone")', env={'PYTHONPATH': BOOT,
                                                'PROCESSLAB_TRACE': 'unix:/nonexistent/processlab/x.sock'})
        self.assertEqual((r.returncode, r.stdout), (0, 'alone\n'), r.stderr)


if __name__ == '__main__':
    unittest.main()
