"""The agent (assets/tracer/boot/_processlab_agent.py): its parts, and a traced program against a fake app."""

import json
import os
import signal
import socket
import sys
import textwrap
import traceback
import unittest
from unittest import mock

from tracer import BOOT, FakeApp, agent, python, wire

AGENT_FILE = os.path.realpath(agent.__file__)
NO_FRAME_OF_OURS = sys.version_info >= (3, 11)   # 3.8-3.10 keep the wrapper's frame: a known gap


def frames(exc):
    """(function name, file) of each traceback entry of exc."""
    return [(f.name, os.path.realpath(f.filename)) for f in traceback.extract_tb(exc.__traceback__)]


def real_function(x):
    if x == 'interrupt':
        raise KeyboardInterrupt
    raise KeyError(x)


def wrapped(x):
    with agent._transparent:
        return real_function(x)


def wrapped_with_finally(x, log):
    try:
        with agent._transparent:
            real_function(x)
    finally:
        log.append('finally')


def caught(fn, *args):
    try:
        fn(*args)
    except BaseException as e:
        return e
    raise AssertionError('no exception')


class TransparentTest(unittest.TestCase):
    """The one helper every wrapper calls the real function through."""

    def test_a_value_passes_through(self):
        def through(v):
            with agent._transparent:
                return v * 2
        self.assertEqual(through(21), 42)

    def test_the_exception_is_the_same_object_and_keeps_its_traceback_below_us(self):
        direct = caught(real_function, 'k')
        via = caught(wrapped, 'k')
        self.assertIs(type(via), KeyError)
        self.assertEqual(via.args, ('k',))
        self.assertEqual(frames(via)[-1], frames(direct)[-1])   # where it was raised
        self.assertEqual(frames(via)[0], frames(direct)[0])     # who called

    @unittest.skipUnless(NO_FRAME_OF_OURS, 'Python 3.11+')
    def test_no_frame_of_the_wrapper_is_left(self):
        direct = caught(real_function, 'k')
        via = caught(wrapped, 'k')
        self.assertEqual([name for name, _ in frames(via)], [name for name, _ in frames(direct)])
        self.assertNotIn('wrapped', [name for name, _ in frames(via)])

    @unittest.skipUnless(NO_FRAME_OF_OURS, 'Python 3.11+')
    def test_a_finally_around_it_runs_and_leaves_no_frame_either(self):
        log = []
        via = caught(wrapped_with_finally, 'k', log)
        self.assertEqual(log, ['finally'])
        self.assertNotIn('wrapped_with_finally', [name for name, _ in frames(via)])

    def test_base_exceptions_pass_too(self):
        self.assertIs(type(caught(wrapped, 'interrupt')), KeyboardInterrupt)

    def test_the_context_of_an_exception_is_untouched(self):
        def handler():
            try:
                raise ValueError('first')
            except ValueError:
                wrapped('second')
        e = caught(handler)
        self.assertIs(type(e.__context__), ValueError)
        self.assertIsNone(e.__cause__)

    @unittest.skipUnless(NO_FRAME_OF_OURS and hasattr(os, 'waitpid'), 'Python 3.11+, POSIX')
    def test_a_real_wrapper_of_the_agent_leaves_no_frame_of_the_agent(self):
        waitpid = agent._reporting_reaps(os.waitpid)
        direct = caught(os.waitpid, os.getpid(), os.WNOHANG)     # not our child
        via = caught(waitpid, os.getpid(), os.WNOHANG)
        self.assertIs(type(via), ChildProcessError)
        self.assertEqual(frames(via), frames(direct))
        self.assertNotIn(AGENT_FILE, [f for _, f in frames(via)])


class StripOwnFrameTest(unittest.TestCase):

    def test_strips_only_the_frame_named(self):
        e = caught(real_function, 'k')
        names = [name for name, _ in frames(e)]
        agent._strip_own_frame(e, sys._getframe())          # not the head: unchanged
        self.assertEqual([name for name, _ in frames(e)], names)
        head = e.__traceback__.tb_frame
        agent._strip_own_frame(e, head)
        self.assertEqual([name for name, _ in frames(e)], names[1:])

    def test_never_raises(self):
        agent._strip_own_frame(KeyError('no traceback'), sys._getframe())
        agent._strip_own_frame(object(), sys._getframe())


class ImportTest(unittest.TestCase):

    def test_importing_the_agent_changes_nothing_until_install(self):
        code = textwrap.dedent('''
            import os, signal, sys, _thread
            before = (list(sys.meta_path), sys.stdout, sys.stderr, os.waitpid, os.fork, os._exit,
                      _thread._count(), signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT))
            sys.path.insert(0, %r)
            import _processlab_agent
            after = (list(sys.meta_path), sys.stdout, sys.stderr, os.waitpid, os.fork, os._exit,
                     _thread._count(), signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT))
            print(before == after, '_processlab_wire' in sys.modules, 'json' in sys.modules)
        ''' % BOOT)
        r = python('-I', '-S', '-c', code, env={'PROCESSLAB_TRACE': '127.0.0.1:9'})
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout.strip(), 'True True False')


class SinkTest(unittest.TestCase):
    """The raw writer under the program's stdout and stderr: each write, one or more `out` messages."""

    class Conn(object):
        def __init__(self):
            self.sock = object()
            self.sent = []

        def send(self, data):
            self.sent.append(bytes(data))
            return True

    def messages(self, conn):
        out = []
        for data in conn.sent:
            head, _, payload = data.partition(b'\n')
            m = json.loads(head)
            self.assertEqual(len(payload), m['n'])
            out.append((m, payload))
        return out

    def sink(self, stream='stdout'):
        r, w = os.pipe()
        self.addCleanup(os.close, r)
        self.addCleanup(os.close, w)
        s = agent._Sink(w, stream)
        s._conn = conn = self.Conn()
        return s, conn, r

    def test_a_write_is_one_message_with_its_stream_and_time(self):
        s, conn, _ = self.sink('stderr')
        t0 = wire.now_us()
        self.assertEqual(s.write(b'hello\n'), 6)
        [(m, payload)] = self.messages(conn)
        self.assertEqual((m['k'], m['s'], m['n'], payload), ('out', 'stderr', 6, b'hello\n'))
        self.assertTrue(t0 <= m['t'] <= wire.now_us())

    def test_a_write_over_the_payload_limit_is_split(self):
        s, conn, _ = self.sink()
        data = bytes(range(256)) * (wire.MAX_PAYLOAD // 256 * 2 + 3)
        self.assertEqual(s.write(data), len(data))
        got = self.messages(conn)
        self.assertEqual([len(p) for _, p in got], [wire.MAX_PAYLOAD, wire.MAX_PAYLOAD, 768])
        self.assertEqual(b''.join(p for _, p in got), data)
        self.assertEqual(len({m['t'] for m, _ in got}), 1)

    def test_with_tracing_off_the_bytes_go_to_the_real_fd(self):
        s, conn, r = self.sink()
        conn.sock = None
        self.assertEqual(s.write(memoryview(b'plain\n')), 6)
        self.assertEqual(conn.sent, [])
        self.assertEqual(os.read(r, 100), b'plain\n')

    def test_an_empty_write_sends_nothing(self):
        s, conn, _ = self.sink()
        self.assertEqual(s.write(b''), 0)
        self.assertEqual(conn.sent, [])


class ConnTest(unittest.TestCase):
    """The process's one connection, over a local socket pair."""

    def conn(self):
        a, b = socket.socketpair()
        self.addCleanup(b.close)
        c = agent._Conn()
        self.addCleanup(c.broken)
        c.sock = a
        c.enabled = True
        c.nosignal = getattr(socket, 'MSG_NOSIGNAL', 0)
        return c, b

    def test_messages_arrive_whole_and_in_order(self):
        c, peer = self.conn()
        for i in range(3):
            self.assertTrue(c.send(wire.line('exit', {'t': i, 'code': None})))
        c.sock.close()
        data = b''
        while True:
            chunk = peer.recv(65536)
            if not chunk:
                break
            data += chunk
        self.assertEqual([json.loads(x)['t'] for x in data.splitlines()], [0, 1, 2])

    def test_a_send_from_inside_a_send_waits_behind_it(self):
        c, peer = self.conn()
        c.owner = c.get_ident()           # as if this thread were inside send()
        self.assertTrue(c.send(b'later\n'))
        self.assertEqual(c.pending, [b'later\n'])
        c.owner = None
        self.assertTrue(c.send(b'first\n'))
        self.assertEqual(peer.recv(100), b'first\nlater\n')

    def test_a_closed_peer_turns_tracing_off(self):
        c, peer = self.conn()
        peer.close()
        for _ in range(3):              # the first send after a close may still succeed
            if not c.send(b'x\n'):
                break
        self.assertIsNone(c.sock)
        self.assertFalse(c.enabled)
        self.assertFalse(c.send(b'y\n'))


@unittest.skipUnless(hasattr(os, 'fork'), 'needs fork')
class ReapTest(unittest.TestCase):
    """os.wait* wrappers report every reap, and only reaps."""

    def setUp(self):
        self.sent = []
        patcher = mock.patch.object(agent, '_msg', lambda k, **f: self.sent.append((k, f)))
        patcher.start()
        self.addCleanup(patcher.stop)
        self.waitpid = agent._reporting_reaps(os.waitpid)

    def test_a_reaped_child_is_reported_with_status_and_exit_code(self):
        pid = os.fork()
        if pid == 0:
            os._exit(3)
        self.assertEqual(self.waitpid(pid, 0)[0], pid)
        [(k, f)] = self.sent
        self.assertEqual((k, f['child'], f['status'], f['exitcode']), ('reaped', pid, 3 << 8, 3))

    def test_a_stopped_child_is_not_a_reap_and_no_child_yet_is_nothing(self):
        pid = os.fork()
        if pid == 0:
            os.kill(os.getpid(), signal.SIGSTOP)
            os._exit(0)
        try:
            self.assertEqual(self.waitpid(pid, os.WUNTRACED)[0], pid)
            self.assertEqual(self.sent, [])
        finally:
            os.kill(pid, signal.SIGKILL)
            self.waitpid(pid, 0)
        self.assertEqual([(k, f['exitcode']) for k, f in self.sent], [('reaped', -signal.SIGKILL)])

    def test_the_wrapper_looks_like_the_real_function(self):
        self.assertEqual(self.waitpid.__name__, 'waitpid')
        self.assertIs(self.waitpid.__wrapped__, os.waitpid)
        self.assertTrue(self.waitpid._processlab)


class SmallPartsTest(unittest.TestCase):

    def test_short_args_are_cut_to_the_protocols_length(self):
        s = agent._short_args(('x' * 50,) * 8, {'k': 'v' * 60})
        self.assertLessEqual(len(s), wire.MAX_ARGS_CHARS)
        self.assertTrue(s.endswith('...'))
        self.assertEqual(agent._short_args((1, 'a'), None), "(1, 'a')")

    def test_an_exception_is_named_as_a_traceback_names_it_and_its_message_is_one_bounded_line(self):
        import pickle
        self.assertEqual(agent._exception_name(RuntimeError('x')), 'RuntimeError')
        self.assertEqual(agent._exception_name(pickle.PicklingError('x')), '_pickle.PicklingError')
        self.assertEqual(agent._exception_text(OSError(24, 'Too many open files')), '[Errno 24] Too many open files')
        self.assertEqual(agent._exception_text(ValueError('two\nlines')), 'two lines')
        long = agent._exception_text(RuntimeError('x' * 10000))
        self.assertEqual(len(long), wire.MAX_ERROR_CHARS)
        self.assertTrue(long.endswith('...'))

        class Rude(Exception):
            def __str__(self):
                raise ValueError('no')
        self.assertIsNone(agent._exception_text(Rude()))
        self.assertTrue(agent._exception_name(Rude()).endswith('Rude'))

    def test_a_name_the_program_gave_is_told_from_multiprocessings_default(self):
        import multiprocessing
        self.assertFalse(agent._named_by_program(multiprocessing.Process()))
        self.assertFalse(agent._named_by_program(multiprocessing.get_context('spawn').Process()))
        self.assertTrue(agent._named_by_program(multiprocessing.Process(name='c0')))
        # a name like a default but not this object's own is the program's
        self.assertTrue(agent._named_by_program(multiprocessing.Process(name='Process-1:99999')))
        p = multiprocessing.Process()
        p.name = 'worker'
        self.assertTrue(agent._named_by_program(p))

        class Worker(multiprocessing.Process):
            pass
        self.assertFalse(agent._named_by_program(Worker()))
        self.assertFalse(agent._named_by_program(object()))

    def test_target_names(self):
        import functools
        import multiprocessing.process as mpp

        class Worker(mpp.BaseProcess):
            def run(self):
                pass

        def work():
            pass
        self.assertEqual(agent._target_name(None, work), 'work')
        self.assertEqual(agent._target_name(None, functools.partial(work)), 'work')
        self.assertEqual(agent._target_name(Worker(), None), 'Worker.run')
        self.assertIsNone(agent._target_name(mpp.BaseProcess(), None))

    def test_labels_are_the_names_the_callers_code_holds(self):
        p1 = object()                        # read through the frame, as the agent reads its caller's
        ps = [object(), p1]
        procs = {'a': object()}
        here = sys._getframe()
        self.assertEqual(agent._label_in(here, p1), 'p1')          # the first binding wins
        self.assertEqual(agent._label_in(here, ps[0]), 'ps[0]')
        self.assertEqual(agent._label_in(here, procs['a']), "procs['a']")
        self.assertIsNone(agent._label_in(here, object()))

    def test_run_stdio_reads_the_supervisors_pipe_ids(self):
        with mock.patch.dict(os.environ, {'PROCESSLAB_STDIO': '12:345,12:346'}):
            self.assertEqual(agent._run_stdio(), {(12, 345), (12, 346)})
        with mock.patch.dict(os.environ, {}, clear=False):
            os.environ.pop('PROCESSLAB_STDIO', None)
            self.assertIsNone(agent._run_stdio())
        with mock.patch.dict(os.environ, {'PROCESSLAB_STDIO': 'garbage'}):
            with self.assertRaises(ValueError):
                agent._run_stdio()

    @unittest.skipUnless(os.path.exists('/proc/self/stat'), 'needs /proc')
    def test_start_ticks_are_field_22_of_our_stat(self):
        self.assertEqual(agent._start_ticks(), wire.read_stat(os.getpid())[wire.START_TICKS])


# A program whose every case fails inside a function the agent wraps.
FAILING = textwrap.dedent('''
    import multiprocessing as mp, os, subprocess, sys
    def main(case):
        if case == 'waitpid':
            os.waitpid(os.getpid(), 0)
        elif case == 'posix_spawn':
            os.posix_spawn('/nonexistent/program', ['program'], dict(os.environ))
        elif case == 'popen':
            subprocess.Popen(['/nonexistent/program'])
        elif case == 'init':
            mp.Process(target=print, no_such_argument=1)
        elif case == 'start':
            p = mp.Process(target=print)
            p.start()
            p.join()
            p.start()
        elif case == 'start-raises':
            class Unpicklable(object):
                def __reduce__(self):
                    raise RuntimeError('this argument cannot be sent')
            p = mp.get_context('spawn').Process(target=print, args=(Unpicklable(),))
            p.start()
        elif case == 'join':
            mp.Process(target=print).join()
        elif case == 'send':
            a, b = mp.Pipe()
            a.send(lambda: 0)
        elif case == 'fork':
            # no process may be made (EAGAIN, as at a run's process cap); root is exempt from RLIMIT_NPROC
            import resource
            if os.getuid() == 0:
                os.setgid(65534)
                os.setuid(65534)
            resource.setrlimit(resource.RLIMIT_NPROC, (0, 0))
            os.fork()
    if __name__ == '__main__':
        main(sys.argv[1])
''')


@unittest.skipUnless(hasattr(os, 'fork'), 'POSIX')
class TracedProgramTest(unittest.TestCase):
    """A program run with the agent, against a fake app on loopback: what it says, and that it is unchanged."""

    @classmethod
    def setUpClass(cls):
        import tempfile
        cls.dir = tempfile.mkdtemp(prefix='processlab-agent-test-')
        cls.script = os.path.join(cls.dir, 'failing.py')
        with open(cls.script, 'w') as f:
            f.write(FAILING)

    @classmethod
    def tearDownClass(cls):
        import shutil
        shutil.rmtree(cls.dir, ignore_errors=True)

    def traced(self, *args):
        with FakeApp() as app:
            env = dict(app.env, PYTHONPATH=BOOT)
            r = python(self.script, *args, env=env, cwd=self.dir)
            app.finish()
        return r, app

    def test_a_start_that_raised_is_reported_with_its_exception_and_the_program_sees_it_unchanged(self):
        r, app = self.traced('start-raises')
        failed = [m for m, _ in app.of_kind('start-failed')]
        self.assertEqual(len(failed), 1, app.messages)
        f = failed[0]
        self.assertEqual((f['error'], f['message']), ('RuntimeError', 'this argument cannot be sent'))
        self.assertEqual((f['obj'], f['label'], f['name'], f['target']), (1, 'p', 'SpawnProcess-1', 'print'))
        self.assertLessEqual(f['t'], f['t2'])
        self.assertIn('RuntimeError: this argument cannot be sent', app.output('stderr'))
        self.assertNotEqual(r.returncode, 0)

    def test_a_second_start_of_a_started_object_is_not_a_start_that_failed(self):
        r, app = self.traced('start')     # starts p, joins it, starts it again: AssertionError
        self.assertEqual(app.of_kind('start-failed'), [])
        self.assertEqual(len(app.of_kind('start')), 1)
        self.assertIn('cannot start a process twice', app.output('stderr'))

    def test_hello_comes_first_and_says_who_we_are(self):
        r, app = self.traced('join')
        first = [m for n, m, _ in app.messages if n == 1][0]
        self.assertEqual(first['k'], 'hello')
        self.assertEqual(first['token'], app.token)
        self.assertEqual((first['peer'], first['lang'], first['origin']), ('agent', 'python', 'exec'))
        self.assertEqual(first['argv'][-2:], [self.script, 'join'])
        self.assertEqual(r.stdout + r.stderr, '')      # everything went to the app
        self.assertEqual([m['code'] for m, _ in app.of_kind('exit')], [None])

    @unittest.skipUnless(NO_FRAME_OF_OURS, 'Python 3.11+')
    def test_tracebacks_through_every_wrapper_are_as_without_the_agent(self):
        for case in ('waitpid', 'posix_spawn', 'popen', 'init', 'start', 'start-raises', 'join', 'send', 'fork'):
            with self.subTest(case=case):
                plain = python(self.script, case, cwd=self.dir)
                r, app = self.traced(case)
                self.assertIn('Traceback (most recent call last):', plain.stderr)
                self.assertEqual(r.returncode, plain.returncode)
                self.assertEqual(app.output('stderr'), plain.stderr)
                self.assertNotIn('_processlab', app.output('stderr'))


if __name__ == '__main__':
    unittest.main()
