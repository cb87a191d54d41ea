"""The agent's stdout flusher: no thread of ours while a process prints sparsely (so the kernel's pids limit counts
the program's tasks only), a sparse line sent by the write that completes it, a burst batched by a thread that ends
when the burst does. Real traced processes against a FakeApp."""

import os
import signal
import tempfile
import textwrap
import unittest

from tracer import BOOT, FakeApp, python

PROGRAM = textwrap.dedent('''
    import os, sys, time

    def tasks():
        return len(os.listdir('/proc/self/task'))

    keep = sys.stdout.write                 # a bound write, taken as the program starts
    print('sparse', tasks())
    time.sleep(0.05)
    keep('kept write %d\\n' % tasks())
    time.sleep(0.05)
    for i in range(3000):
        print('burst', i)
    during = tasks()
    time.sleep(0.6)
    print('after the burst', during, tasks())
    time.sleep(0.05)
    if sys.argv[1:] == ['kill']:
        print('the last line, printed just before a SIGKILL')
        os.kill(os.getpid(), 9)
''')


@unittest.skipUnless(os.path.isdir('/proc/self/task'), 'needs /proc')
class FlusherTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix='pl-flusher-')
        cls.script = os.path.join(cls.dir, 'flusher.py')
        with open(cls.script, 'w') as f:
            f.write(PROGRAM)

    @classmethod
    def tearDownClass(cls):
        import shutil
        shutil.rmtree(cls.dir, ignore_errors=True)

    def traced(self, *args):
        with FakeApp() as app:
            r = python(self.script, *args, env=dict(app.env, PYTHONPATH=BOOT), cwd=self.dir)
            app.finish()
        return r, app.output('stdout').splitlines()

    def test_no_thread_of_ours_while_the_program_prints_sparsely_and_one_only_during_a_burst(self):
        r, lines = self.traced()
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(lines[0], 'sparse 1')
        self.assertEqual(lines[1], 'kept write 1')
        self.assertEqual(lines[2:3002], ['burst %d' % i for i in range(3000)])
        self.assertEqual(lines[3002], 'after the burst 2 1')   # a thread during the burst, none after it

    def test_a_sparse_line_printed_just_before_a_sigkill_is_kept(self):
        r, lines = self.traced('kill')
        self.assertEqual(r.returncode, -signal.SIGKILL)
        self.assertEqual(lines[-1], 'the last line, printed just before a SIGKILL')


if __name__ == '__main__':
    unittest.main()
