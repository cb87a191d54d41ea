"""The supervisor's `interrupt` (PROTOCOL.md, "App → supervisor"): SIGINT to the program's process group, as a
terminal's Ctrl+C; a second one SIGTERM, a third SIGKILL; nothing by a timer. And the supervisor's own process group,
apart from the app's, so a terminal's Ctrl+C never reaches it."""

import json
import os
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
import unittest

from tracer import SUPERVISOR, FakeApp, RecordingApp, load_supervisor

sup = load_supervisor()


def wait_for(check, timeout=20):
    deadline = time.monotonic() + timeout
    while not check() and time.monotonic() < deadline:
        time.sleep(0.01)
    return check()


@unittest.skipUnless(hasattr(os, 'fork') and os.path.isdir('/proc/self'), 'Linux')
class InterruptTest(unittest.TestCase):
    """This test process stands in for the supervisor; the program is real: a parent and the child it forked, in the
    root's own session and process group, each writing what happens to it into a notes file."""

    PROGRAM = textwrap.dedent('''
        import os, signal, sys, time
        notes = sys.argv[1]
        for name in sys.argv[2:]:
            signal.signal(getattr(signal, name), signal.SIG_IGN)

        def note(text):
            with open(notes, 'a') as f:
                f.write(text + '\\n')

        child = os.fork()
        who = 'parent' if child else 'child'
        try:
            note(who + ' ready')
            time.sleep(60)
        except KeyboardInterrupt:
            note(who + ' caught KeyboardInterrupt')
        if child:
            os.waitpid(child, 0)
            note('parent joined its child')
        os._exit(0)
    ''')

    def start(self, *ignored):
        folder = tempfile.mkdtemp()
        self.notes = os.path.join(folder, 'notes')
        open(self.notes, 'w').close()
        s = sup.Supervisor(RecordingApp(), [sys.executable, '-I', '-S', '-c', self.PROGRAM, self.notes] + list(ignored),
                           1000, subreaper=False)
        self.addCleanup(s.sel.close)
        self.assertTrue(s.spawn())
        self.addCleanup(s.close_relay)
        self.addCleanup(self.end, s)
        self.assertTrue(wait_for(lambda: self.read().count('ready') == 2), self.read())
        return s

    def read(self):
        with open(self.notes) as f:
            return f.read()

    @staticmethod
    def end(s):
        try:
            os.killpg(s.root, signal.SIGKILL)
        except OSError:
            pass
        for fd in list(s.pipes):
            s.close_pipe(fd)
        try:
            os.waitpid(s.root, 0)
        except ChildProcessError:
            pass

    @staticmethod
    def reap_root(s):
        return wait_for(lambda: s.reap() or s.root_reaped)

    def test_the_first_interrupt_is_sigint_to_the_whole_group_and_each_process_handles_it(self):
        s = self.start()
        group = [p for p, st in s.scan().items() if st[2] == s.root]
        self.assertEqual(len(group), 2, 'the root and its child, in the root\'s group')

        s.interrupt()

        self.assertEqual(sorted(s.app.signalled()), sorted((p, signal.SIGINT) for p in group))
        self.assertTrue(self.reap_root(s))
        notes = self.read()
        self.assertIn('child caught KeyboardInterrupt', notes)
        self.assertIn('parent caught KeyboardInterrupt', notes)
        self.assertIn('parent joined its child', notes)
        [reaped] = [f for k, f, _ in s.app.sent if k == 'reaped']
        self.assertEqual(reaped['exitcode'], 0, 'the program ended well, by itself')
        self.assertIsNone(s.phase, 'an interrupt is not a stop')

    def test_the_second_is_sigterm_and_the_third_freezes_and_kills_and_nothing_comes_by_itself(self):
        s = self.start('SIGINT', 'SIGTERM')     # a program that ignores both
        group = sorted(p for p, st in s.scan().items() if st[2] == s.root)

        s.interrupt()
        self.assertEqual(sorted(s.app.signalled()), [(p, signal.SIGINT) for p in group])
        s.interrupt()
        self.assertEqual(sorted(p for p, sig in s.app.signalled() if sig == signal.SIGTERM), group)
        self.assertIsNone(s.phase, 'no timer is set: nothing turns the interrupt into a kill by itself')
        self.assertIsNone(s.kill_at)
        self.assertTrue(all(s.alive({p: sup.read_stat(p)}) for p in group), 'both ignore SIGINT and SIGTERM')

        s.interrupt()
        self.assertEqual(s.phase, 'killed', "Stop's kill: the group frozen, then killed")
        self.assertTrue(self.reap_root(s))
        self.assertTrue(wait_for(lambda: all((sup.read_stat(p) or 'X')[0] in 'ZX' for p in group)))
        [reaped] = [f for k, f, _ in s.app.sent if k == 'reaped']
        self.assertEqual(reaped['exitcode'], -signal.SIGKILL)
        before = list(s.app.sent)
        s.interrupt()
        self.assertEqual(s.app.sent, before, 'a fourth interrupt finds nothing more to do')

    def test_a_process_that_left_the_group_is_not_sent_sigint(self):
        code = textwrap.dedent('''
            import os, sys, time
            if os.fork() == 0:
                os.setsid()
                open(sys.argv[1], 'w').write(str(os.getpid()))
                time.sleep(60)
                os._exit(0)
            time.sleep(60)
        ''')
        folder = tempfile.mkdtemp()
        left = os.path.join(folder, 'left')
        s = sup.Supervisor(RecordingApp(), [sys.executable, '-I', '-S', '-c', code, left], 1000, subreaper=False)
        self.addCleanup(s.sel.close)
        self.assertTrue(s.spawn())
        self.addCleanup(s.close_relay)
        self.addCleanup(self.end, s)
        self.assertTrue(wait_for(lambda: os.path.exists(left) and os.path.getsize(left) > 0))
        with open(left) as f:
            other = int(f.read())
        self.addCleanup(lambda: os.kill(other, signal.SIGKILL))

        s.interrupt()

        self.assertEqual(s.app.signalled(), [(s.root, signal.SIGINT)])
        self.assertTrue(self.reap_root(s))
        self.assertNotIn(sup.read_stat(other)[0], 'ZX', 'it left the group, as it would leave a terminal\'s')

    def sigint_as_the_program_finds_it(self, spawn_path):
        """What the program's SIGINT is when the supervisor itself was started with SIGINT ignored (nohup)."""
        code = 'import signal; print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)'
        before = signal.signal(signal.SIGINT, signal.SIG_IGN)
        self.addCleanup(signal.signal, signal.SIGINT, before)
        if not spawn_path:
            real = os.posix_spawnp

            def without_posix_spawn(*a, **kw):
                raise NotImplementedError
            os.posix_spawnp = without_posix_spawn
            self.addCleanup(setattr, os, 'posix_spawnp', real)
        s = sup.Supervisor(RecordingApp(), [sys.executable, '-I', '-S', '-c', code], 1000, subreaper=False)
        self.addCleanup(s.sel.close)
        self.assertTrue(s.spawn())
        self.addCleanup(s.close_relay)
        self.addCleanup(self.end, s)
        out = b''
        deadline = time.monotonic() + 20
        while s.pipes and time.monotonic() < deadline:
            for key, _ in s.sel.select(0.05):
                if key.fd in s.pipes:
                    s.read_pipe(key.fd)
            out = b''.join(p for k, _, p in s.app.sent if k == 'raw')
        return out.decode().strip()

    def test_the_program_gets_sigint_at_its_default_even_from_a_supervisor_that_ignores_it(self):
        self.assertEqual(self.sigint_as_the_program_finds_it(spawn_path=True), 'True')

    def test_the_fork_path_resets_sigint_too(self):
        self.assertEqual(self.sigint_as_the_program_finds_it(spawn_path=False), 'True')

    def test_before_the_program_runs_an_interrupt_does_nothing(self):
        s = sup.Supervisor(RecordingApp(), ['true'], 1000, subreaper=False)
        self.addCleanup(s.sel.close)
        s.interrupt()
        self.assertEqual(s.app.sent, [])
        self.assertEqual(s.interrupts, 0)


@unittest.skipUnless(hasattr(os, 'fork') and os.path.isdir('/proc/self'), 'Linux')
class OwnGroupTest(unittest.TestCase):
    """python3 -I -S supervisor.py -- CMD against a fake app."""

    # The handler writes with os.write, not print: the SIGINT can come while the main code is still inside its own
    # print (its bytes already written and relayed, so the test has sent the interrupt), and a print from the handler
    # then re-enters stdout's buffer and raises RuntimeError (reentrant call), ending the program.
    PROGRAM = textwrap.dedent('''
        import os, signal, sys, time
        signal.signal(signal.SIGINT, lambda *_: os.write(1, b'SIGINT\\n'))
        sup = os.getppid()
        print('supervisor', sup, 'group', os.getpgid(sup), 'session', os.getsid(sup), flush=True)
        time.sleep(60)
    ''')

    def test_the_supervisor_leaves_its_parents_group_and_an_interrupt_never_escalates_by_itself(self):
        with FakeApp() as app:
            proc = subprocess.Popen([sys.executable, '-B', '-I', '-S', SUPERVISOR, '--grace-ms', '100', '--',
                                     sys.executable, '-I', '-S', '-c', self.PROGRAM],
                                    env=dict(os.environ, **app.env), stdin=subprocess.DEVNULL,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            self.addCleanup(proc.stderr.close)
            self.addCleanup(lambda: proc.poll() is None and proc.kill())

            def said():
                return b''.join(p for m, p in app.of_kind('raw') if m['s'] == 'stdout').decode()
            self.assertTrue(wait_for(lambda: 'supervisor' in said()), proc.stderr)
            words = said().split()
            self.assertEqual(int(words[1]), proc.pid)
            self.assertEqual(int(words[3]), proc.pid, 'the supervisor leads a process group of its own')
            self.assertNotEqual(int(words[3]), os.getpgid(0), 'not the group of whoever started it')
            self.assertEqual(int(words[5]), os.getsid(0), 'in the same session (and scheduling group)')

            app.send(1, (json.dumps({'k': 'interrupt'}) + '\n').encode())
            self.assertTrue(wait_for(lambda: 'SIGINT' in said()), said())
            time.sleep(0.5)     # five times the grace: a stop would have sent SIGTERM and SIGKILL by now
            self.assertEqual([m['signal'] for m, _ in app.of_kind('signalled')], [signal.SIGINT])
            self.assertIsNone(proc.poll())

            app.send(1, (json.dumps({'k': 'stop', 'graceMs': 100}) + '\n').encode())
            self.assertEqual(proc.wait(20), 0, proc.stderr.read())
            app.finish()
        self.assertEqual(app.of_kind('reaped')[0][0]['exitcode'], -signal.SIGTERM)

    def test_a_supervisor_started_first_leaves_the_group_too_and_interrupts_the_program_handed_over(self):
        code = textwrap.dedent('''
            import os, time
            sup = os.getppid()
            try:
                # inside the try: the interrupt may come as soon as the line is written, before print returns
                print('supervisor', sup, 'group', os.getpgid(sup), flush=True)
                time.sleep(60)
            except KeyboardInterrupt:
                print('KeyboardInterrupt', flush=True)
        ''')
        with FakeApp() as app:
            proc = subprocess.Popen([sys.executable, '-B', '-I', '-S', SUPERVISOR, '--grace-ms', '100'],
                                    env=dict(os.environ, **app.env), stdin=subprocess.DEVNULL,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            self.addCleanup(proc.stderr.close)
            self.addCleanup(lambda: proc.poll() is None and proc.kill())
            self.assertTrue(wait_for(lambda: app.of_kind('hello')))
            app.send(1, (json.dumps({'k': 'interrupt'}) + '\n').encode())   # no program yet: nothing to do
            app.send(1, (json.dumps({'k': 'run', 'argv': [sys.executable, '-I', '-S', '-c', code]}) + '\n').encode())

            def said():
                return b''.join(p for m, p in app.of_kind('raw') if m['s'] == 'stdout').decode()
            self.assertTrue(wait_for(lambda: 'supervisor' in said()), said())
            words = said().split()
            self.assertEqual((int(words[1]), int(words[3])), (proc.pid, proc.pid))
            app.send(1, (json.dumps({'k': 'interrupt'}) + '\n').encode())
            self.assertEqual(proc.wait(20), 0, proc.stderr.read())
            app.finish()
        self.assertIn('KeyboardInterrupt', said())
        self.assertEqual(app.of_kind('reaped')[0][0]['exitcode'], 0)
        self.assertEqual([m['signal'] for m, _ in app.of_kind('signalled')], [signal.SIGINT])


if __name__ == '__main__':
    unittest.main()
