"""The supervisor's relay of output channels (assets/tracer/relay.py), with this test process standing in for both
the supervisor (the relay, its selector) and an agent (boot/_processlab_channels.py registering its pipes)."""

import os
import select
import selectors
import socket
import threading
import time
import unittest
from unittest import mock

from tracer import RecordingApp, load_supervisor, wire

import _processlab_channels as chan     # noqa: E402  (on sys.path through tracer)

sup = load_supervisor()
relay = sup.relay


@unittest.skipUnless(os.path.isdir('/proc/self') and hasattr(socket, 'SCM_RIGHTS'), 'Linux')
class RelayTest(unittest.TestCase):

    def setUp(self):
        self.sel = selectors.DefaultSelector()
        self.addCleanup(self.sel.close)
        self.app = RecordingApp()
        self.relay = relay.Relay(self.app, self.sel, wire.now_us, wire.MAX_PAYLOAD, sup.decode_command)
        self.addCleanup(self.relay.end)
        env = mock.patch.dict(os.environ, {chan.OUTPUT: self.relay.path})
        env.start()
        self.addCleanup(env.stop)

    def pipe(self):
        r, w = os.pipe()
        self.addCleanup(self.close, w)
        return r, w

    @staticmethod
    def close(fd):
        try:
            os.close(fd)
        except OSError:
            pass

    def serve(self, until, timeout=5):
        """Runs the supervisor's side of the loop until until() or the timeout."""
        end = threading.Event()
        threading.Timer(timeout, end.set).start()
        while not until() and not end.is_set():
            ready = self.sel.select(0.05)
            if any(key.data == 'output' for key, _ in ready):
                self.relay.take_datagrams()
            self.relay.read_ended(ready)
            for key, _ in ready:
                if key.data == 'channel':
                    self.relay.read(key.fd)
        end.set()

    def register(self, pid, names, fds):
        """chan.register() as an agent calls it (it waits for the answer, so from a thread); its result."""
        result = []
        t = threading.Thread(target=lambda: result.append(chan.register(pid, None, names, fds)))
        t.start()
        self.serve(lambda: result)
        t.join()
        for fd in fds:
            os.close(fd)
        return result[0]

    def outs(self):
        return [(f['pid'], f['s'], f['shared'], p) for k, f, p in self.app.sent if k == 'out']

    def test_a_registered_channel_is_relayed_as_its_writers_out(self):
        r, w = self.pipe()
        self.assertTrue(self.register(os.getpid(), ['stderr'], [r]))
        t0 = wire.now_us()
        os.write(w, b'hello\n')
        self.serve(lambda: self.outs())
        self.assertEqual(self.outs(), [(os.getpid(), 'stderr', False, b'hello\n')])
        [(_, fields, _)] = self.app.sent
        self.assertTrue(t0 <= fields['t'] <= wire.now_us())

    def test_end_of_file_closes_the_channel(self):
        r, w = self.pipe()
        self.assertTrue(self.register(os.getpid(), ['stdout'], [r]))
        self.assertEqual(len(self.relay.channels), 1)
        os.close(w)
        self.serve(lambda: not self.relay.channels)
        self.assertEqual(self.relay.channels, {})
        self.assertEqual(self.outs(), [])

    def eofs(self):
        return [(f['pid'], f['s']) for k, f, p in self.app.sent if k == 'eof']

    def test_the_end_of_a_channel_ends_the_line_its_writer_left_unfinished(self):
        r, w = self.pipe()
        self.assertTrue(self.register(4242, ['stdout'], [r]))
        os.write(w, b'first\npartial')
        os.close(w)
        self.serve(lambda: not self.relay.channels)
        self.assertEqual([(k, f['pid'], f['s'], p) for k, f, p in self.app.sent],
                         [('out', 4242, 'stdout', b'first\npartial'), ('eof', 4242, 'stdout', None)])

    def test_a_line_left_at_a_carriage_return_is_unfinished_until_the_channel_ends(self):
        # print(f"{i}%", end="\r"): the cursor went back to the line's start; the line ends where the channel does
        r, w = self.pipe()
        self.assertTrue(self.register(4242, ['stdout'], [r]))
        os.write(w, b'50%\r')
        self.serve(lambda: self.outs())
        os.write(w, b'100%\r')
        os.close(w)
        self.serve(lambda: not self.relay.channels)
        self.assertEqual(self.eofs(), [(4242, 'stdout')])

    def test_a_channel_whose_last_line_was_finished_ends_without_eof(self):
        r, w = self.pipe()
        self.assertTrue(self.register(4242, ['stderr'], [r]))
        os.write(w, b'partial')
        self.serve(lambda: self.outs())
        os.write(w, b' and its end\n')
        os.close(w)
        self.serve(lambda: not self.relay.channels)
        self.assertEqual(self.eofs(), [])
        self.assertEqual(len(self.outs()), 2)

    def test_a_hung_up_channel_is_read_to_its_end_before_the_others_of_its_poll(self):
        # The child's channel: its last line unfinished, then the child is gone. The parent's channel: a line written
        # after the child ended (as after join()). Whatever order the poll lists them in, the child's end comes first.
        child_r, child_w = self.pipe()
        parent_r, parent_w = self.pipe()
        self.assertTrue(self.register(4242, ['stdout'], [child_r]))
        self.assertTrue(self.register(4241, ['stdout'], [parent_r]))
        os.write(child_w, b'partial')
        os.close(child_w)
        os.write(parent_w, b'after\n')
        time.sleep(0.01)
        ready = self.sel.select(1)
        self.assertEqual(len(ready), 2)
        fd_of = {ch.pid: fd for fd, ch in self.relay.channels.items()}
        ready.sort(key=lambda kv: kv[0].fd != fd_of[4241])     # the parent's first, as a poll may list them
        self.relay.read_ended(ready)
        for key, _ in ready:
            self.relay.read(key.fd)
        self.assertEqual([(k, f['pid'], p) for k, f, p in self.app.sent],
                         [('out', 4242, b'partial'), ('eof', 4242, None), ('out', 4241, b'after\n')])

    def test_a_writer_with_another_channel_of_the_stream_keeps_its_line_open(self):
        # A program exec'd into Python made channels of its own: the old channel's end is not its line's end.
        old_r, old_w = self.pipe()
        new_r, new_w = self.pipe()
        self.assertTrue(self.register(4242, ['stdout'], [old_r]))
        os.write(old_w, b'abc')
        self.serve(lambda: self.outs())
        self.assertTrue(self.register(4242, ['stdout'], [new_r]))
        os.close(old_w)
        self.serve(lambda: len(self.relay.channels) == 1)
        self.assertEqual(self.eofs(), [])

    def test_a_malformed_datagram_is_answered_no_and_its_fds_are_closed(self):
        r, w = self.pipe()
        self.assertFalse(self.register(os.getpid(), ['stdout', 'stderr'], [r]))    # more names than fds
        self.assertEqual(self.relay.channels, {})
        # The read end we sent is closed: our write end has no reader.
        p = select.poll()
        p.register(w, select.POLLOUT)
        self.assertTrue(p.poll(1000)[0][1] & select.POLLERR)

    def test_a_childs_bytes_wait_for_its_owner(self):
        r, w = self.pipe()
        self.assertTrue(self.register(None, ['stdout'], [r]))
        [ch] = self.relay.channels.values()
        os.write(w, b'early\n')
        self.serve(lambda: ch.held)
        self.assertEqual(self.outs(), [], 'held until the parent names the child')
        chan.name_owner(4242, [ch.fd])      # same inode as the read end the agent kept
        self.serve(lambda: self.outs())
        self.assertEqual(self.outs(), [(4242, 'stdout', False, b'early\n')])

    def test_without_an_owner_the_bytes_go_out_after_the_wait(self):
        r, w = self.pipe()
        self.assertTrue(self.register(None, ['stdout'], [r]))
        with mock.patch.object(relay, 'OWNER_WAIT', 0.1):
            os.write(w, b'orphan\n')
            [ch] = self.relay.channels.values()
            self.serve(lambda: ch.held)
            self.assertIsNotNone(self.relay.wait_left(time.monotonic()))
            time.sleep(0.1)
            self.relay.release_due(time.monotonic())
        self.assertIsNone(self.relay.wait_left(time.monotonic()))
        self.assertEqual(self.outs(), [(os.getpid(), 'stdout', False, b'orphan\n')])

    def test_a_folder_a_killed_supervisor_left_goes_and_a_served_one_stays(self):
        import tempfile
        base = tempfile.mkdtemp(prefix='pl-relay-test-')
        self.addCleanup(lambda: __import__('shutil').rmtree(base, ignore_errors=True))
        dead = os.path.join(base, relay.FOLDER_PREFIX + 'dead')
        os.mkdir(dead, 0o700)
        s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        s.bind(os.path.join(dead, 'out.sock'))
        s.close()                               # bound, then gone: as after a SIGKILL
        served = os.path.join(base, relay.FOLDER_PREFIX + 'served')
        os.mkdir(served, 0o700)
        live = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.addCleanup(live.close)
        live.bind(os.path.join(served, 'out.sock'))
        young = os.path.join(base, relay.FOLDER_PREFIX + 'young')
        os.mkdir(young, 0o700)
        old = time.time() - relay.DEAD_AFTER - 1
        for folder in (dead, served):
            os.utime(folder, (old, old))
        relay.remove_dead_folders(base)
        self.assertEqual(sorted(os.listdir(base)), sorted(os.path.basename(f) for f in (served, young)))

    # ------------------------------------------------------------------ children that share for a moment

    def as_parent(self):
        """The test process, as its children's parent, counts as a holder of their channels (the relay does not
        count itself otherwise); the run is it and its children (a look as quick as at a small run)."""
        self.relay.me = None
        self.kids = getattr(self, 'kids', [])
        self.relay.run_pids = lambda: [os.getpid()] + self.kids

    def child_holding(self, w, first=None, then=None):
        """A forked child that holds w (and writes `first` to it at once); it ends when the test does, or writes
        `then` when the returned function is called."""
        self.as_parent()
        go_r, go_w = os.pipe()
        pid = os.fork()
        if pid == 0:
            try:
                os.close(go_w)
                if first:
                    os.write(w, first)
                if os.read(go_r, 1) and then:
                    os.write(w, then)
                    os.read(go_r, 1)
            finally:
                os._exit(0)
        os.close(go_r)
        self.kids.append(pid)

        def end():
            self.close(go_w)
            os.waitpid(pid, 0)
        self.addCleanup(end)
        return pid, lambda: os.write(go_w, b'x')

    def test_a_child_its_parent_announced_is_no_writer_of_the_parents_channel(self):
        r, w = self.pipe()
        me = os.getpid()
        self.assertTrue(self.register(me, ['stdout'], [r]))
        child, _ = self.child_holding(w)
        with mock.patch.dict(chan._mine, {1: (0, 0)}):     # the sender has channels of its own
            chan.child_made(child, True)
        os.write(w, b'right after the fork\n')
        self.serve(lambda: self.outs())
        self.assertEqual(self.outs(), [(me, 'stdout', False, b'right after the fork\n')])

    def test_without_the_announcement_a_second_holder_marks_the_bytes_shared(self):
        r, w = self.pipe()
        me = os.getpid()
        self.assertTrue(self.register(me, ['stdout'], [r]))
        self.child_holding(w)
        os.write(w, b'beside an untraced child\n')
        self.serve(lambda: self.outs())
        self.assertEqual(self.outs(), [(me, 'stdout', True, b'beside an untraced child\n')])

    def test_an_announced_child_that_never_makes_channels_counts_again_after_the_wait(self):
        r, w = self.pipe()
        me = os.getpid()
        self.assertTrue(self.register(me, ['stdout'], [r]))
        child, write_later = self.child_holding(w, then=b'from the child at last\n')
        with mock.patch.object(relay, 'SETTLE_WAIT', 0.2), mock.patch.dict(chan._mine, {1: (0, 0)}):
            chan.child_made(child, True)
            self.serve(lambda: child in self.relay.settling)
            time.sleep(0.25)
            write_later()
            self.serve(lambda: self.outs())
        self.assertEqual(self.outs(), [(me, 'stdout', True, b'from the child at last\n')])
        self.assertEqual(self.relay.settling, {})

    def test_an_untraced_child_is_a_holder_at_once(self):
        r, w = self.pipe()
        me = os.getpid()
        self.assertTrue(self.register(me, ['stdout'], [r]))
        child, _ = self.child_holding(w)
        with mock.patch.dict(chan._mine, {1: (0, 0)}):
            chan.forking()
            chan.child_made(child, False)   # posix_spawn, say
        os.write(w, b'beside it\n')
        self.serve(lambda: self.outs())
        self.assertEqual(self.outs(), [(me, 'stdout', True, b'beside it\n')])
        self.assertEqual((self.relay.forking, self.relay.settling), ({}, {}))

    def drained_then_forked(self, announce, earlier_child=False):
        """What the relay makes of bytes it looked at before a fork and read after it (the fork made a process,
        so it looks again after the read): `announce`: the writer said `forking` first."""
        r, w = self.pipe()
        me = os.getpid()
        self.assertTrue(self.register(me, ['stdout'], [r]))
        self.as_parent()
        if earlier_child:
            self.child_holding(w)
        [ch] = self.relay.channels.values()
        with mock.patch.object(relay, 'HOLDERS_FRESH', 60.0), mock.patch.object(relay, 'HOLDERS_SHARED_FRESH', 60.0):
            os.write(w, b'before the fork\n')
            self.relay.writer(ch)                  # the look before the read, as the relay takes it
            if announce:
                with mock.patch.dict(chan._mine, {1: (0, 0)}):
                    chan.forking()
            self.child_holding(w)
            self.serve(lambda: self.outs())
        return self.outs()

    def test_bytes_read_after_an_announced_fork_are_the_writers_alone(self):
        me = os.getpid()
        self.assertEqual(self.drained_then_forked(announce=True), [(me, 'stdout', False, b'before the fork\n')])

    def test_bytes_read_after_an_unannounced_fork_may_be_the_childs(self):
        me = os.getpid()
        self.assertEqual(self.drained_then_forked(announce=False), [(me, 'stdout', True, b'before the fork\n')])

    def test_a_child_that_held_the_channel_before_the_announced_fork_still_counts(self):
        me = os.getpid()
        self.assertEqual(self.drained_then_forked(announce=True, earlier_child=True),
                         [(me, 'stdout', True, b'before the fork\n')])

    def test_a_child_that_made_its_channels_and_let_go_of_ours_has_settled(self):
        r, w = self.pipe()
        me = os.getpid()
        self.assertTrue(self.register(me, ['stdout'], [r]))
        self.relay.settling[4242] = (time.monotonic() + 60, False)
        self.relay.look_at_holders(time.monotonic())
        self.assertIn(4242, self.relay.settling, 'no channels of its own yet')
        self.relay.settling[4242] = (time.monotonic() + 60, True)
        self.relay.look_at_holders(time.monotonic())
        self.assertNotIn(4242, self.relay.settling, 'it holds nothing of ours')

    def test_a_child_forked_just_after_a_look_is_seen_when_it_writes(self):
        # The last look is still fresh when the child appears (here for a minute): a new process sets off another.
        r, w = self.pipe()
        me = os.getpid()
        self.assertTrue(self.register(me, ['stdout'], [r]))
        self.as_parent()
        with mock.patch.object(relay, 'HOLDERS_FRESH', 60.0):
            os.write(w, b'parent\n')
            self.serve(lambda: self.outs())
            child, _ = self.child_holding(w, first=b'child at once\n')
            self.serve(lambda: len(self.outs()) == 2)
        self.assertEqual(self.outs(), [(me, 'stdout', False, b'parent\n'), (me, 'stdout', True, b'child at once\n')])

    def test_the_kernels_last_pid_is_read_without_a_scan(self):
        before = self.relay.last_pid()
        if before is None:
            self.skipTest('no ' + relay.LAST_PID)
        pid = os.fork()
        if pid == 0:
            os._exit(0)
        os.waitpid(pid, 0)
        self.assertNotEqual(self.relay.last_pid(), before)

    def test_the_holders_of_a_write_end_and_only_of_a_write_end(self):
        r, w = self.pipe()
        self.addCleanup(self.close, r)
        self.assertTrue(relay.writes(os.getpid(), str(w)))
        self.assertFalse(relay.writes(os.getpid(), str(r)))


if __name__ == '__main__':
    unittest.main()
