"""contain.py and sweep.py: the run's cgroups as files, and the sweep that ends every process carrying a run's marker
(or in its session), however fast it forks."""

import os
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
import unittest
import uuid

from tracer import TRACER, python

sys.path.insert(0, TRACER)
try:
    import contain      # noqa: E402
finally:
    sys.path.remove(TRACER)

SWEEP = os.path.join(TRACER, 'sweep.py')
HAVE_PROC = os.path.isdir('/proc/self')

# Double-forks for ever: each generation leaves an orphan that does the same within milliseconds (the program that
# escaped a one-pass kill in issue 15). It writes its pids to argv[1] so the test can check them.
RESPAWNER = textwrap.dedent('''
    import os, sys, time
    if len(sys.argv) > 2 and sys.argv[2] == 'setsid':
        os.setsid()
    while True:
        k = os.fork()
        if k == 0:
            if os.fork() == 0:
                with open(sys.argv[1], 'a') as f:
                    f.write('%d\\n' % os.getpid())
                time.sleep(0.002)
                continue
            os._exit(0)
        os.waitpid(k, 0)
        os._exit(0)
''')


def running(pids):
    return contain.alive(pids)


class ParseGroupsTest(unittest.TestCase):

    def test_kinds_and_paths(self):
        self.assertEqual(contain.parse_groups('v2=/a/b,pids=/c'), {'v2': '/a/b', 'pids': '/c'})

    def test_refused(self):
        for bad in ('', 'v2', 'v3=/x', 'v2=relative', 'v2=/a,v2=/b'):
            with self.assertRaises(ValueError, msg=bad):
                contain.parse_groups(bad)


class CgroupFilesTest(unittest.TestCase):
    """The group files as a kernel writes them, in a plain folder."""

    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.addCleanup(self.dir.cleanup)
        self.g = os.path.join(self.dir.name, 'run-x')
        os.mkdir(self.g)

    def write(self, name, text):
        with open(os.path.join(self.g, name), 'w') as f:
            f.write(text)

    def test_members_and_forks_refused(self):
        self.write('cgroup.procs', '12\n34\n')
        self.write('pids.events', 'max 7\n')
        groups = contain.Cgroups({'pids': self.g})
        self.assertEqual(groups.members(), {12, 34})
        self.assertEqual(groups.forks_refused(), 7)
        self.assertIsNone(contain.Cgroups({'v2': self.g}).forks_refused())

    def test_no_groups_is_false(self):
        self.assertFalse(contain.Cgroups({}))
        self.assertEqual(contain.Cgroups({}).members(), set())


@unittest.skipUnless(HAVE_PROC and hasattr(os, 'fork'), 'needs /proc and fork')
class SweepTest(unittest.TestCase):
    """The portable path: found by the marker (or the session), frozen, killed, looked for again."""

    def start(self, *args, marker=True):
        run_id = uuid.uuid4().hex
        pids = tempfile.NamedTemporaryFile(delete=False)
        pids.close()
        self.addCleanup(os.unlink, pids.name)
        env = dict(os.environ)
        if marker:
            env[contain.MARKER] = run_id
        p = subprocess.Popen([sys.executable, '-c', RESPAWNER, pids.name] + list(args), env=env)
        self.addCleanup(self.end, run_id, p)
        deadline = time.monotonic() + 10
        while os.path.getsize(pids.name) < 40 and time.monotonic() < deadline:
            time.sleep(0.01)
        return run_id, p, pids.name

    def end(self, run_id, p):
        contain.sweep(run_id, exclude=[os.getpid()])   # whatever a failed test left
        p.wait(5)

    def pids_written(self, path):
        with open(path) as f:
            return set(int(w) for w in f.read().split())

    def test_a_double_forking_respawner_is_ended_and_nothing_of_it_is_left(self):
        run_id, p, path = self.start()
        found, left = contain.sweep(run_id, exclude=[os.getpid()])
        self.assertEqual(left, set())
        self.assertGreater(found, 0)
        time.sleep(0.2)         # long enough for a survivor to have forked again
        self.assertEqual(running(self.pids_written(path)), set(), 'a respawned process is still running')
        self.assertEqual(contain.find(run_id)[0], {})

    def test_a_respawner_in_a_session_of_its_own_is_found_by_its_marker(self):
        run_id, p, path = self.start('setsid')
        found, left = contain.sweep(run_id, exclude=[os.getpid()])
        self.assertEqual(left, set())
        time.sleep(0.2)
        self.assertEqual(running(self.pids_written(path)), set())

    def test_found_by_session_without_the_marker(self):
        run_id, p, path = self.start('setsid', marker=False)
        session = contain.read_stat(min(running(self.pids_written(path)) or {p.pid}))
        self.assertIsNotNone(session, 'the respawner ended by itself')
        self.assertEqual(contain.find(run_id)[0], {}, 'no marker, so not found by it')
        found, left = contain.sweep(None, sessions={session[3]}, exclude=[os.getpid()])
        self.assertEqual(left, set())
        time.sleep(0.2)
        self.assertEqual(running(self.pids_written(path)), set())

    def test_processes_without_the_marker_are_left_alone(self):
        other = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(30)'])
        self.addCleanup(other.wait)
        self.addCleanup(other.kill)
        run_id, p, path = self.start()
        contain.sweep(run_id, exclude=[os.getpid()])
        self.assertIsNone(other.poll())

    def test_the_sweeper_says_what_it_found(self):
        run_id, p, path = self.start()
        r = python('-I', '-S', SWEEP, '--run-id', run_id, '--exclude', str(os.getpid()))
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertRegex(r.stdout, r'^\{"found": [1-9][0-9]*, "left": 0, "by": "sweep"\}$')
        time.sleep(0.2)
        self.assertEqual(running(self.pids_written(path)), set())

    def test_the_sweeper_refuses_bad_arguments(self):
        self.assertEqual(python('-I', '-S', SWEEP).returncode, 2)
        self.assertEqual(python('-I', '-S', SWEEP, '--cgroups', 'v9=/x').returncode, 2)


def v2_parent():
    """A writable cgroup v2 folder to make a test group in (root on a system with cgroup v2), or None."""
    try:
        with open('/proc/self/mountinfo') as f:
            for line in f:
                left, _, right = line.partition(' - ')
                if right.startswith('cgroup2 '):
                    point = left.split()[4]
                    if os.access(point, os.W_OK):
                        return point
    except OSError:
        pass
    return None


@unittest.skipUnless(HAVE_PROC and os.geteuid() == 0 and v2_parent(), 'needs root and a cgroup v2 mount')
class CgroupV2Test(unittest.TestCase):
    """A respawner in a v2 group of its own: frozen, killed whole, listed even after it left its session."""

    def test_end_all_leaves_an_empty_group(self):
        g = os.path.join(v2_parent(), 'processlab-test-%s' % uuid.uuid4().hex[:12])
        os.mkdir(g)
        self.addCleanup(lambda: os.path.isdir(g) and os.rmdir(g))
        groups = contain.Cgroups({'v2': g})
        pids = tempfile.NamedTemporaryFile(delete=False)
        pids.close()
        self.addCleanup(os.unlink, pids.name)
        code = 'import os, sys; open(%r + "/cgroup.procs", "w").write(str(os.getpid())); ' % g + \
               'sys.argv = ["x", %r, "setsid"]; exec(%r)' % (pids.name, RESPAWNER)
        p = subprocess.Popen([sys.executable, '-c', code])
        self.addCleanup(p.wait, 5)
        deadline = time.monotonic() + 10
        while os.path.getsize(pids.name) < 40 and time.monotonic() < deadline:
            time.sleep(0.01)
        self.assertTrue(groups.members(), 'the respawner is in the group')
        self.assertEqual(groups.end_all(), set())
        time.sleep(0.2)
        with open(pids.name) as f:
            self.assertEqual(running(set(int(w) for w in f.read().split())), set())
        self.assertTrue(groups.remove())


if __name__ == '__main__':
    unittest.main()
