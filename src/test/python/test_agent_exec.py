"""The agent's exec wrappers (os.execv, os.execve): what a traced program says when it becomes another program."""

import os
import stat
import sys
import tempfile
import textwrap
import unittest

from tracer import BOOT, FakeApp, agent, python, wire

# A program that prints, then becomes another program in the way its argument says.
EXECS = textwrap.dedent('''
    import os, sys
    here = os.path.dirname(os.path.abspath(__file__))
    def main(case):
        print('before exec')            # no flush: still in the agent's buffer at exec
        sys.stdout.write('unfinished ')
        if case == 'sh':
            os.execv('/bin/sh', ['sh', '-c', 'echo from sh'])
        elif case == 'python':
            os.execv(sys.executable, [sys.executable, '-B', os.path.join(here, 'after.py'), 'one'])
        elif case == 'execlp':
            os.execlp('echo', 'echo', 'from echo')
        elif case == 'garbage':
            os.execv(os.path.join(here, 'garbage'), ['garbage'])
        elif case == 'not-a-list':
            os.execv('/bin/sh', iter(['sh', '-c', 'echo never']))
    if __name__ == '__main__':
        main(sys.argv[1])
''')

AFTER = textwrap.dedent('''
    import sys
    print('after exec', sys.argv[1:])
''')


def printed(r, app):
    """Everything the program printed on stdout, wherever it went: the app (`out`) or the real fd 1."""
    return app.output('stdout') + r.stdout


@unittest.skipUnless(hasattr(os, 'execv') and os.path.exists('/bin/sh'), 'POSIX')
class ExecTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix='processlab-exec-test-')
        cls.script = os.path.join(cls.dir, 'execs.py')
        for name, text in (('execs.py', EXECS), ('after.py', AFTER), ('garbage', 'not a program\x00\x01\n')):
            with open(os.path.join(cls.dir, name), 'w') as f:
                f.write(text)
        garbage = os.path.join(cls.dir, 'garbage')
        os.chmod(garbage, os.stat(garbage).st_mode | stat.S_IXUSR)    # runnable, but no format the kernel knows

    @classmethod
    def tearDownClass(cls):
        import shutil
        shutil.rmtree(cls.dir, ignore_errors=True)

    def traced(self, case):
        with FakeApp() as app:
            r = python(self.script, case, env=dict(app.env, PYTHONPATH=BOOT), cwd=self.dir)
            app.finish()
        return r, app

    def test_exec_into_a_shell_is_announced_after_everything_printed_before_it(self):
        r, app = self.traced('sh')
        self.assertEqual(r.returncode, 0, r.stderr)
        [(e, _)] = app.of_kind('exec')
        self.assertEqual((e['path'], e['argv']), ('/bin/sh', ['sh', '-c', 'echo from sh']))
        self.assertIsInstance(e['t'], int)
        text = printed(r, app)
        self.assertIn('before exec\nunfinished ', text)     # nothing the buffer held is lost
        self.assertIn('from sh\n', text)
        kinds = [m['k'] for _, m, _ in app.messages]
        self.assertEqual(kinds[-1], 'exec', 'exec is the old program\'s last word: no exit')
        self.assertEqual(app.of_kind('exec-failed'), [])

    def test_a_python_program_execd_into_says_hello_again_as_the_same_process(self):
        r, app = self.traced('python')
        self.assertEqual(r.returncode, 0, r.stderr)
        hellos = [(n, m) for n, m, _ in app.messages if m['k'] == 'hello']
        self.assertEqual(len(hellos), 2, app.messages)
        (n1, first), (n2, second) = hellos
        self.assertNotEqual(n1, n2)                       # a connection of its own
        self.assertEqual((second['pid'], second['startTicks'], second['ppid']),
                         (first['pid'], first['startTicks'], first['ppid']))
        self.assertEqual(second['origin'], 'exec')
        self.assertEqual(second['argv'][-2:], [os.path.join(self.dir, 'after.py'), 'one'])
        [(e, _)] = app.of_kind('exec')
        self.assertEqual(e['argv'][-2:], [os.path.join(self.dir, 'after.py'), 'one'])
        self.assertLessEqual(e['t'], second['t'])
        text = printed(r, app)
        self.assertIn('before exec\nunfinished ', text)
        self.assertIn("after exec ['one']\n", text)

    def test_the_misses_of_a_path_search_are_not_announced(self):
        r, app = self.traced('execlp')
        self.assertEqual(r.returncode, 0, r.stderr)
        [(e, _)] = app.of_kind('exec')
        self.assertEqual(os.path.basename(e['path']), 'echo')
        self.assertEqual(e['argv'], ['echo', 'from echo'])
        self.assertIn('from echo\n', printed(r, app))

    def test_an_exec_that_raised_is_reported_and_the_program_sees_it_as_without_the_agent(self):
        plain = python(self.script, 'garbage', cwd=self.dir)
        r, app = self.traced('garbage')
        [(e, _)] = app.of_kind('exec')
        [(f, _)] = app.of_kind('exec-failed')
        self.assertEqual(f['path'], os.path.join(self.dir, 'garbage'))
        self.assertEqual(f['error'], 'OSError')
        self.assertIn('Exec format error', f['message'])
        self.assertLessEqual(e['t'], f['t'])
        self.assertEqual(r.returncode, plain.returncode)
        if sys.version_info >= (3, 11):      # 3.8-3.10 keep the wrapper's frame: a known gap
            self.assertEqual(app.output('stderr') + r.stderr, plain.stderr)
        self.assertEqual(app.of_kind('exit')[-1][0]['code'], None)    # it went on, and ended as usual

    def test_arguments_the_real_call_refuses_are_refused_as_without_the_agent(self):
        plain = python(self.script, 'not-a-list', cwd=self.dir)
        r, app = self.traced('not-a-list')
        self.assertIn('TypeError', plain.stderr)
        self.assertEqual(r.returncode, plain.returncode)
        [(e, _)] = app.of_kind('exec')
        self.assertIsNone(e['argv'])                   # the iterator was never read by us
        self.assertEqual(len(app.of_kind('exec-failed')), 1)
        if sys.version_info >= (3, 11):
            self.assertEqual(app.output('stderr') + r.stderr, plain.stderr)

    def test_the_wrappers_look_like_the_real_functions(self):
        for real in (os.execv, os.execve):
            w = agent._announcing_exec(real)
            self.assertEqual(w.__name__, real.__name__)
            self.assertIs(w.__wrapped__, real)
            self.assertTrue(w._processlab)

    def test_argv_is_bounded_as_spawns_is(self):
        self.assertEqual(len(agent._exec_argv(['x'] * 500)), 50)
        self.assertEqual(agent._exec_argv((b'a', 'b', 3)), ['a', 'b', '3'])
        self.assertIsNone(agent._exec_argv(iter(['a'])))
        line = wire.line('exec', dict(t=1, path='/bin/x', argv=['y' * 10000] * 50))
        self.assertLessEqual(len(line), wire.MAX_LINE)


if __name__ == '__main__':
    unittest.main()
