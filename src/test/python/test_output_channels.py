"""Output channels (PROTOCOL.md, "Output channels"): real programs run under supervisor.py against a fake app, and
every byte they write, whatever path it takes, arrives as `out` from the process that wrote it."""

import os
import signal
import socket
import sys
import tempfile
import textwrap
import unittest

from tracer import BOOT, SUPERVISOR, FakeApp, python

METHODS = ('fork', 'spawn', 'forkserver')
LINUX = hasattr(os, 'fork') and os.path.isdir('/proc/self') and hasattr(socket, 'SCM_RIGHTS')


class Run(object):
    """One run of a program under the supervisor: its result and what the fake app received."""

    def __init__(self, result, app):
        self.result = result
        self.messages = [m for _, m, _ in app.messages]
        self.outs = [(m, p) for _, m, p in app.messages if m.get('k') == 'out']
        self.raws = [(m, p) for _, m, p in app.messages if m.get('k') == 'raw']
        self.root = next(m['pid'] for m in self.messages if m.get('k') == 'spawned')

    def of(self, pid, stream='stdout'):
        """What pid wrote to stream, as bytes in the order relayed."""
        return b''.join(p for m, p in self.outs if m['pid'] == pid and m['s'] == stream)

    def writers(self, text, stream='stdout'):
        """{(pid, shared)} of the `out` messages whose payload holds text."""
        return {(m['pid'], m['shared']) for m, p in self.outs if m['s'] == stream and text.encode() in p}

    def children(self, argv0=None):
        """PIDs of the children the agents reported (`spawn`), in order; only those whose argv starts with argv0."""
        return [m['child'] for m in self.messages if m.get('k') == 'spawn'
                and (argv0 is None or (m.get('argv') or [None])[0] == argv0)]

    def started(self):
        """PIDs of the multiprocessing children (`start`), in order."""
        return [m['child'] for m in self.messages if m.get('k') == 'start']


@unittest.skipUnless(LINUX, 'Linux: SCM_RIGHTS and /proc')
class OutputChannelTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix='processlab-channels-test-')

    @classmethod
    def tearDownClass(cls):
        import shutil
        shutil.rmtree(cls.dir, ignore_errors=True)

    def run_program(self, code, *args, timeout=60):
        path = os.path.join(self.dir, 'program.py')
        with open(path, 'w') as f:
            f.write(textwrap.dedent(code))
        with FakeApp('unix') as app:
            r = python('-I', '-S', SUPERVISOR, '--grace-ms', '100', '--', sys.executable, path, *args,
                       env=dict(app.env, PYTHONPATH=BOOT, PYTHONIOENCODING='utf-8'), timeout=timeout)
            app.finish()
        self.assertEqual(r.returncode, 0, r.stderr)
        supervisor = [m for n, m, _ in app.messages if n == 1]   # the first to connect; each connection has a reader
        self.assertEqual(supervisor[-1]['k'], 'done')
        return Run(r, app)

    # ------------------------------------------------------------------ each path to fd 1 and 2

    RAW_WRITES = '''
        import ctypes, multiprocessing as mp, os, sys
        def write_all_ways(who):
            os.write(1, b'%s os.write 1\\n' % who)
            os.write(2, b'%s os.write 2\\n' % who)
            line = b'%s ctypes write\\n' % who
            ctypes.CDLL(None).write(1, line, len(line))
            print(who.decode(), 'print', flush=True)
        if __name__ == '__main__':
            mp.set_start_method(sys.argv[1])
            write_all_ways(b'main')
            p = mp.Process(target=write_all_ways, args=(b'child',))
            p.start()
            p.join()
    '''

    def test_os_write_and_a_c_level_write_are_on_their_writers_lane(self):
        for method in METHODS:
            with self.subTest(method=method):
                run = self.run_program(self.RAW_WRITES, method)
                [child] = run.started()
                for pid, who in ((run.root, 'main'), (child, 'child')):
                    self.assertEqual(run.of(pid), ('%s os.write 1\n%s ctypes write\n%s print\n' % (who, who, who))
                                     .encode(), method)
                    self.assertEqual(run.of(pid, 'stderr'), ('%s os.write 2\n' % who).encode())
                self.assertFalse(any(m['shared'] for m, _ in run.outs))
                self.assertEqual(run.raws, [], 'nothing is guessed')

    def test_a_program_it_execs_into_prints_on_its_lane(self):
        code = '''
            import multiprocessing as mp, os, sys
            def child():
                print('before exec', flush=True)
                os.execv('/bin/sh', ['sh', '-c', 'echo from sh; echo to stderr >&2'])
            if __name__ == '__main__':
                mp.set_start_method(sys.argv[1])
                p = mp.Process(target=child)
                p.start()
                p.join()
                print('after join')
        '''
        for method in METHODS:
            with self.subTest(method=method):
                run = self.run_program(code, method)
                [child] = run.started()
                self.assertEqual(run.of(child), b'before exec\nfrom sh\n')
                self.assertEqual(run.of(child, 'stderr'), b'to stderr\n')
                self.assertEqual(run.of(run.root), b'after join\n')

    def test_subprocess_children_and_os_system_get_channels_of_their_own(self):
        code = '''
            import multiprocessing as mp, os, subprocess, sys
            def child():
                subprocess.run(['sh', '-c', 'echo from subprocess; echo its stderr >&2'])
                subprocess.run(['sh', '-c', 'echo both to one; echo second >&2'], stderr=subprocess.STDOUT)
                status = os.system('echo from system; exit 3')
                print('system said', os.waitstatus_to_exitcode(status))
                captured = subprocess.run(['echo', 'captured'], stdout=subprocess.PIPE).stdout
                print('the child read', captured.decode().strip())
            if __name__ == '__main__':
                mp.set_start_method(sys.argv[1])
                p = mp.Process(target=child)
                p.start()
                p.join()
        '''
        for method in METHODS:
            with self.subTest(method=method):
                run = self.run_program(code, method)
                [child] = run.started()
                shells = run.children('sh')
                self.assertEqual(len(shells), 3, run.messages)
                first, second, system = shells
                self.assertEqual(run.of(first), b'from subprocess\n')
                self.assertEqual(run.of(first, 'stderr'), b'its stderr\n')
                self.assertEqual(run.of(second), b'both to one\nsecond\n')
                self.assertEqual(run.of(system), b'from system\n')
                self.assertEqual(run.of(child), b'system said 3\nthe child read captured\n')
                echo = run.children('echo')
                self.assertEqual(len(echo), 1)
                self.assertEqual(run.of(echo[0]), b'', 'captured by its parent: nothing of its own')
                self.assertFalse(any(m['shared'] for m, _ in run.outs))

    def test_a_channel_two_live_processes_hold_is_marked_shared_and_named_by_its_owner(self):
        # A C-level fork (no Python hook runs): the child shares its parent's channel while it lives.
        code = """
            import ctypes, os, time
            libc = ctypes.PyDLL(None)
            os.write(1, b'alone\\n')
            time.sleep(0.2)
            pid = libc.fork()
            if pid == 0:
                os.write(1, b'from a C-level fork\\n')
                time.sleep(0.4)
                libc._exit(0)
            time.sleep(0.2)
            os.write(1, b'beside it\\n')
            os.waitpid(pid, 0)
            os.write(1, b'alone again\\n')
        """
        run = self.run_program(code)
        self.assertEqual(run.writers('alone\n'), {(run.root, False)})
        self.assertEqual(run.writers('from a C-level fork'), {(run.root, True)})
        self.assertEqual(run.writers('beside it'), {(run.root, True)})
        self.assertEqual(run.writers('alone again'), {(run.root, False)})

    def test_a_parent_printing_right_after_each_start_is_never_marked_shared(self):
        # The child holds its parent's channel until its agent has made its own; nothing waits for that.
        code = """
            import multiprocessing as mp, sys, time
            def nap():
                time.sleep(0.3)
            if __name__ == '__main__':
                mp.set_start_method(sys.argv[1])
                kids = []
                for i in range(8):
                    p = mp.Process(target=nap)
                    p.start()
                    print('started', p.pid, flush=True)
                    kids.append(p)
                for p in kids:
                    p.join()
        """
        for method in METHODS:
            with self.subTest(method=method):
                run = self.run_program(code, method)
                started = [(m['pid'], m['shared']) for m, p in run.outs if p.startswith(b'started')]
                self.assertEqual(started, [(run.root, False)] * 8, run.outs)
                self.assertFalse(any(m['shared'] for m, _ in run.outs), run.outs)

    def test_a_c_level_fork_child_that_writes_at_once_is_never_taken_for_its_parent_alone(self):
        # The parent writes right before each fork: the last look at the holders is fresh when the child writes.
        # (The child stays a moment: once it has ended, no look can tell it held the channel.)
        code = """
            import ctypes, os, time
            libc = ctypes.PyDLL(None)
            for i in range(10):
                os.write(1, b'parent %d\\n' % i)
                pid = libc.fork()
                if pid == 0:
                    os.write(1, b'child %d\\n' % i)
                    time.sleep(0.3)
                    libc._exit(0)
                os.waitpid(pid, 0)
        """
        run = self.run_program(code)
        for i in range(10):
            with self.subTest(i=i):
                # The parent's line may still be in the pipe when the child appears: "from it or its child".
                self.assertEqual({pid for pid, _ in run.writers('parent %d\n' % i)}, {run.root})
                [(pid, shared)] = run.writers('child %d\n' % i)
                self.assertTrue(shared and pid == run.root or not shared and pid != run.root, (pid, shared))

    # ------------------------------------------------------------------ nothing lost, nothing spliced

    def test_two_writers_of_32_kib_lines_are_never_spliced_and_every_byte_arrives(self):
        code = '''
            import multiprocessing as mp, os, sys
            def write(letter):
                line = letter * 32767 + b'\\n'
                for _ in range(64):
                    os.write(1, line)
            if __name__ == '__main__':
                mp.set_start_method(sys.argv[1])
                ps = [mp.Process(target=write, args=(c,)) for c in (b'a', b'b')]
                for p in ps:
                    p.start()
                for p in ps:
                    p.join()
        '''
        for method in METHODS:
            with self.subTest(method=method):
                run = self.run_program(code, method)
                a, b = run.started()
                self.assertEqual(run.of(a), (b'a' * 32767 + b'\n') * 64)
                self.assertEqual(run.of(b), (b'b' * 32767 + b'\n') * 64)

    LAST_WORDS = '''
        import ctypes, multiprocessing as mp, os, sys, time
        def child(how):
            time.sleep(0.3)         # quiet first: the print below is sparse output
            print('last words')
            time.sleep(0.001)
            if how == 'os.kill':
                os.kill(os.getpid(), 9)
            else:                   # as if from another process: no wrapper of ours sees it
                ctypes.CDLL(None).kill(os.getpid(), 9)
        if __name__ == '__main__':
            mp.set_start_method(sys.argv[1])
            p = mp.Process(target=child, args=(sys.argv[2],))
            p.start()
            p.join()
            print('exit code', p.exitcode)
    '''

    def last_words(self, how):
        for method in METHODS:
            with self.subTest(method=method):
                run = self.run_program(self.LAST_WORDS, method, how)
                [child] = run.started()
                self.assertEqual(run.of(child), b'last words\n')
                self.assertEqual(run.of(run.root), b'exit code -%d\n' % signal.SIGKILL)

    def test_a_line_printed_1_ms_before_os_kill_is_kept(self):
        self.last_words('os.kill')

    def test_a_line_printed_1_ms_before_a_sigkill_from_elsewhere_is_kept(self):
        self.last_words('libc')

    def test_output_before_an_exit_comes_before_the_parents_line_after_join(self):
        code = '''
            import multiprocessing as mp, os, sys
            def child(i):
                print('child', i)
                os.write(1, b'raw child %d\\n' % i)
            if __name__ == '__main__':
                mp.set_start_method(sys.argv[1])
                for i in range(3):
                    p = mp.Process(target=child, args=(i,))
                    p.start()
                    p.join()
                    print('joined', i)
        '''
        for method in METHODS:
            with self.subTest(method=method):
                run = self.run_program(code, method)
                lines = b''.join(p for m, p in run.outs if m['s'] == 'stdout').splitlines()
                for i in range(3):
                    joined = lines.index(b'joined %d' % i)
                    self.assertLess(lines.index(b'child %d' % i), joined, lines)
                    self.assertLess(lines.index(b'raw child %d' % i), joined, lines)

    # ------------------------------------------------------------------ nothing invented

    CLOSED = '''
        import os, sys
        print('before', flush=True)
        os.close(1)
        print('after')
        print('still running', file=sys.stderr)
    '''

    def test_print_after_closing_fd_1_fails_as_in_a_plain_run(self):
        path = os.path.join(self.dir, 'closed.py')
        with open(path, 'w') as f:
            f.write(textwrap.dedent(self.CLOSED))
        plain = python(path, env={'PYTHONIOENCODING': 'utf-8'})
        self.assertEqual(plain.returncode, 120)
        run = self.run_program(self.CLOSED)
        [reaped] = [m for m in run.messages if m.get('k') == 'reaped' and m['child'] == run.root]
        self.assertEqual(reaped['exitcode'], plain.returncode)
        self.assertEqual(run.of(run.root), plain.stdout.encode())
        self.assertEqual(run.of(run.root, 'stderr'), plain.stderr.encode())

    def test_a_program_that_kills_its_supervisor_keeps_what_it_printed_before(self):
        # After that its channels have no reader: its writes fail with EPIPE, as a plain run's would when the
        # reader of its stdout is gone (and the app ends the run at once).
        code = '''
            import os, sys, time
            print('before', flush=True)
            os.kill(os.getppid(), 9)
            time.sleep(0.2)
            try:
                print('after', flush=True)
            except BrokenPipeError:
                os._exit(7)
        '''
        path = os.path.join(self.dir, 'killer.py')
        with open(path, 'w') as f:
            f.write(textwrap.dedent(code))
        with FakeApp('unix') as app:
            r = python('-I', '-S', SUPERVISOR, '--', sys.executable, path, env=dict(app.env, PYTHONPATH=BOOT))
            app.finish()
        self.assertEqual(r.returncode, -signal.SIGKILL)
        relayed = b''.join(p for _, m, p in app.messages if m.get('k') == 'out' and 'pid' in m)
        self.assertEqual(relayed, b'before\n')
        self.assertEqual([m['code'] for m, _ in app.of_kind('exit')], [7], 'EPIPE, as in a plain run')

    def test_a_signal_handler_that_raises_right_after_a_write_never_makes_a_line_twice(self):
        # A raw writer in Python under the buffer would be interrupted after its write and before it returns:
        # the buffer would then write those bytes again (hundreds of times in this storm).
        code = '''
            import os, signal, sys, threading, time
            class Boom(Exception):
                pass
            looping = []
            def boom(*a):
                if looping:             # only inside the loop's try
                    raise Boom()
            signal.signal(signal.SIGUSR1, boom)
            me, armed, stop = os.getpid(), threading.Event(), []
            def storm():
                armed.wait()
                while not stop:
                    os.kill(me, signal.SIGUSR1)
                    time.sleep(0.0001)
            t = threading.Thread(target=storm)
            t.start()
            armed.set()
            booms = i = 0
            while i < 20000 or booms < 50 and i < 500000:
                try:
                    looping.append(1)
                    print('line', i)
                    looping.clear()
                except Boom:
                    looping.clear()
                    booms += 1
                i += 1
            signal.signal(signal.SIGUSR1, signal.SIG_IGN)
            stop.append(1)
            t.join()
            print('booms', booms, file=sys.stderr)
        '''
        path = os.path.join(self.dir, 'storm.py')
        with open(path, 'w') as f:
            f.write(textwrap.dedent(code))
        with FakeApp('unix') as app:
            r = python('-I', '-S', SUPERVISOR, '--', sys.executable, path, env=dict(app.env, PYTHONPATH=BOOT))
            app.finish()
        out = b''.join(p for _, m, p in app.messages if m.get('k') == 'out' and m.get('s') == 'stdout')
        err = b''.join(p for _, m, p in app.messages if m.get('k') == 'out' and m.get('s') == 'stderr')
        self.assertRegex(err, rb'booms [1-9][0-9]')
        lines = out.splitlines()
        self.assertEqual(len(lines), len(set(lines)), 'a line written twice')

    def test_os_system_returns_and_leaves_what_it_does_in_a_plain_run(self):
        code = '''
            import os, signal, threading
            print(os.system('exit 3'), os.system('kill -INT $$'), os.system('/nonexistent/program 2>/dev/null'))
            print(signal.getsignal(signal.SIGINT) is signal.default_int_handler, signal.pthread_sigmask(0, []))
            t = threading.Thread(target=lambda: print('from a thread', os.system('exit 4')))
            t.start()
            t.join()
        '''
        path = os.path.join(self.dir, 'system.py')
        with open(path, 'w') as f:
            f.write(textwrap.dedent(code))
        # plain, as from a terminal: SIGINT at its default and no signal blocked, as the supervisor starts the
        # program whatever the test runner inherited (a background job ignores SIGINT; a CI may block SIGQUIT)
        def as_from_a_terminal():
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            signal.pthread_sigmask(signal.SIG_SETMASK, [])
        plain = python(path, preexec_fn=as_from_a_terminal)
        self.assertEqual(plain.returncode, 0, plain.stderr)
        run = self.run_program(code)
        self.assertEqual(run.of(run.root), plain.stdout.encode())

    def test_the_streams_are_pythons_own_over_the_channel(self):
        code = '''
            import io, os, stat, sys
            print(sys.stdout.isatty(), sys.stderr.isatty(), os.isatty(1))
            print(stat.S_ISFIFO(os.fstat(1).st_mode), sys.stdout.fileno(), sys.stdout.name, sys.stdout.mode)
            print(isinstance(sys.stdout.buffer, io.BufferedWriter), isinstance(sys.stdout.buffer.raw, io.FileIO))
            print(os.fstat(1).st_ino != os.fstat(2).st_ino)
        '''
        run = self.run_program(code)
        self.assertEqual(run.of(run.root), b'False False False\nTrue 1 <stdout> w\nTrue True\nTrue\n')


if __name__ == '__main__':
    unittest.main()
