"""The wire module (assets/tracer/boot/_processlab_wire.py): encoder, stat parser, exit status, limits."""

import json
import os
import signal
import sys
import unittest

from tracer import BOOT, python, wire


def decoded(data):
    """A message line as the app reads it: ASCII, one '\\n' at the end, one JSON object."""
    assert data.endswith(b'\n') and data.count(b'\n') == 1, data
    return json.loads(data.decode('ascii'))


class EncoderTest(unittest.TestCase):

    def test_a_line_is_one_json_object_with_k_first(self):
        data = wire.encode('start', {'t': 1700000000123456, 'child': 42, 'daemon': False,
                                     'label': None, 'argv': ['python3', 'x.py'], 'ok': True})
        self.assertTrue(data.startswith(b'{"k":"start",'))
        self.assertEqual(decoded(data), {'k': 'start', 't': 1700000000123456, 'child': 42, 'daemon': False,
                                         'label': None, 'argv': ['python3', 'x.py'], 'ok': True})

    def test_non_ascii_and_control_characters_are_escaped_and_come_back_unchanged(self):
        text = 'é ü 漢字 \U0001F600 tab\there nl\nthere cr\r nul\0 bell\x07 quote" back\\ del\x7f sep\u2028'
        data = wire.encode('x', {'s': text})
        data.decode('ascii')    # pure ASCII on the wire
        self.assertNotIn(b'\t', data)
        self.assertNotIn(b'\r', data)
        self.assertEqual(decoded(data)['s'], text)

    def test_surrogate_escaped_text_of_undecodable_bytes_is_still_valid_json(self):
        text = b'caf\xe9'.decode('utf-8', 'surrogateescape')   # an argv byte that is not UTF-8
        self.assertEqual(decoded(wire.encode('x', {'s': text}))['s'], text)

    def test_numbers_floats_and_what_json_cannot_say(self):
        self.assertEqual(decoded(wire.encode('x', {'f': 1.5, 'big': 2 ** 70, 'neg': -3})),
                         {'k': 'x', 'f': 1.5, 'big': 2 ** 70, 'neg': -3})
        got = decoded(wire.encode('x', {'nan': float('nan'), 'inf': float('inf'), 'minf': float('-inf')}))
        self.assertEqual(got, {'k': 'x', 'nan': None, 'inf': None, 'minf': None})

    def test_int_subclasses_are_numbers_and_bools_stay_bools(self):
        got = decoded(wire.encode('x', {'sig': signal.SIGTERM, 'b': True}))
        self.assertEqual(got['sig'], 15)
        self.assertIs(got['b'], True)

    def test_tuples_nest_and_other_objects_are_sent_as_text(self):
        got = decoded(wire.encode('x', {'l': (1, ('a', None)), 'o': ValueError('bad')}))
        self.assertEqual(got['l'], [1, ['a', None]])
        self.assertEqual(got['o'], 'bad')

    def test_cap_cuts_strings_and_lists(self):
        got = decoded(wire.encode('x', {'s': 'abcdef', 'l': list(range(10)), 'n': 123456}, cap=3))
        self.assertEqual(got, {'k': 'x', 's': 'abc', 'l': [0, 1, 2], 'n': 123456})

    def test_line_leaves_a_short_message_alone(self):
        fields = {'argv': ['a' * 1000] * 10}
        self.assertEqual(wire.line('spawn', fields), wire.encode('spawn', fields))

    def test_line_fits_a_huge_message_under_the_limit_by_cutting(self):
        fields = {'child': 7, 'argv': ['x' * 5000] * 100}
        data = wire.line('spawn', fields)
        self.assertLessEqual(len(data), wire.MAX_LINE)
        got = decoded(data)
        self.assertEqual(got['child'], 7)
        self.assertEqual(got['argv'], ['x' * wire.SHRINK_CAPS[0]] * 100)

    def test_line_cuts_harder_when_the_first_cut_is_not_enough(self):
        fields = {'argv': [['y' * 300] * 300] * 3}
        got = decoded(wire.line('spawn', fields))
        small = wire.SHRINK_CAPS[1]
        self.assertEqual(got['argv'], [['y' * small] * small] * 3)

    def test_now_is_epoch_microseconds(self):
        import time
        before = int(time.time() * 1e6)
        t = wire.now_us()
        self.assertIsInstance(t, int)
        self.assertLess(abs(t - before), 5000000)


class StatTest(unittest.TestCase):
    LINE = (b'4242 (a (b) c) d)) S 17 4242 4200 34816 4242 4194560 106 0 0 0 1 2 0 0 20 0 1 0 '
            b'987654 10874880 1234 18446744073709551615 1 1 0 0 0 0 0 16781312 2 0 0 0 17 1 0 0 0 0 0\n')

    def test_a_name_with_spaces_and_parentheses_does_not_shift_the_fields(self):
        st = wire.parse_stat(self.LINE)
        self.assertEqual(st, ('S', 17, 4242, 4200, 987654))
        self.assertEqual(st[wire.STATE], 'S')
        self.assertEqual(st[wire.PPID], 17)
        self.assertEqual(st[wire.PGRP], 4242)
        self.assertEqual(st[wire.SESSION], 4200)
        self.assertEqual(st[wire.START_TICKS], 987654)

    def test_text_that_is_not_a_stat_line_raises_value_or_index_error(self):
        for bad in (b'', b'12 (x) S 1 2', b'no parenthesis at all', b'1 (x) S one 2 3'):
            with self.assertRaises((ValueError, IndexError), msg=bad):
                wire.parse_stat(bad)

    @unittest.skipUnless(os.path.exists('/proc/self/stat'), 'needs /proc')
    def test_read_stat_of_this_process(self):
        st = wire.read_stat('self')
        self.assertEqual(st, wire.read_stat(os.getpid()))
        self.assertEqual(st[wire.STATE], 'R')
        self.assertEqual(st[wire.PPID], os.getppid())
        self.assertEqual(st[wire.PGRP], os.getpgrp())
        self.assertEqual(st[wire.SESSION], os.getsid(0))
        self.assertGreater(st[wire.START_TICKS], 0)

    def test_read_stat_of_a_process_that_does_not_exist_is_none(self):
        self.assertIsNone(wire.read_stat(2 ** 31 - 1))
        self.assertIsNone(wire.read_stat('not-a-pid'))


@unittest.skipUnless(hasattr(os, 'fork'), 'needs fork')
class ExitStatusTest(unittest.TestCase):

    def status_of_child(self, how):
        """The raw wait status of a forked child that ends as `how` says."""
        pid = os.fork()
        if pid == 0:
            try:
                if how[0] == 'exit':
                    os._exit(how[1])
                if how[1] != signal.SIGKILL:
                    signal.signal(how[1], signal.SIG_DFL)   # SIGINT: Python's own handler otherwise
                os.kill(os.getpid(), how[1])
            finally:
                os._exit(99)
        return os.waitpid(pid, 0)[1]

    def test_exit_codes(self):
        for code in (0, 1, 3, 127, 255):
            status = self.status_of_child(('exit', code))
            self.assertTrue(wire.ended(status))
            self.assertEqual(wire.exitcode(status), code)

    def test_signals_are_negative(self):
        for sig in (signal.SIGTERM, signal.SIGKILL, signal.SIGINT):
            status = self.status_of_child(('signal', sig))
            self.assertTrue(wire.ended(status))
            self.assertEqual(wire.exitcode(status), -sig)

    def test_the_fallback_for_python_3_8_agrees(self):
        saved = wire._waitstatus_to_exitcode
        wire._waitstatus_to_exitcode = None
        try:
            self.assertEqual(wire.exitcode(3 << 8), 3)
            self.assertEqual(wire.exitcode(9), -9)
            self.assertEqual(wire.exitcode(6 | 0x80), -6)   # a core dump
        finally:
            wire._waitstatus_to_exitcode = saved

    def test_stopped_and_continued_are_not_ends(self):
        go_r, go_w = os.pipe()
        pid = os.fork()
        if pid == 0:
            try:
                os.close(go_w)
                os.kill(os.getpid(), signal.SIGSTOP)
                os.read(go_r, 1)      # alive until the parent has seen it continue
            finally:
                os._exit(5)
        os.close(go_r)
        try:
            _, stopped = os.waitpid(pid, os.WUNTRACED)
            self.assertFalse(wire.ended(stopped))
            self.assertEqual(wire.exitcode(stopped), signal.SIGSTOP)   # no exit code: the old answer, no error
            os.kill(pid, signal.SIGCONT)
            _, continued = os.waitpid(pid, os.WCONTINUED)
            self.assertFalse(wire.ended(continued))
        finally:
            os.close(go_w)
            _, last = os.waitpid(pid, 0)
        self.assertEqual(wire.exitcode(last), 5)

    @unittest.skipUnless(hasattr(os, 'waitid'), 'needs waitid')
    def test_waitid_gives_the_same_status_and_code_as_waitpid(self):
        for how in (('exit', 0), ('exit', 7), ('signal', signal.SIGTERM), ('signal', signal.SIGKILL)):
            pid = os.fork()
            if pid == 0:
                try:
                    if how[0] == 'exit':
                        os._exit(how[1])
                    os.kill(os.getpid(), how[1])
                finally:
                    os._exit(99)
            r = os.waitid(os.P_PID, pid, os.WEXITED)
            status, code = wire.waitid_status(r.si_code, r.si_status)
            self.assertEqual(code, how[1] if how[0] == 'exit' else -how[1])
            self.assertEqual(wire.exitcode(status), code)

    @unittest.skipUnless(hasattr(os, 'CLD_STOPPED'), 'needs waitid codes')
    def test_waitid_of_a_stopped_or_continued_child_is_none(self):
        self.assertIsNone(wire.waitid_status(os.CLD_STOPPED, signal.SIGSTOP))
        self.assertIsNone(wire.waitid_status(os.CLD_CONTINUED, signal.SIGCONT))
        self.assertEqual(wire.waitid_status(os.CLD_DUMPED, signal.SIGABRT), (signal.SIGABRT | 0x80, -signal.SIGABRT))


class LimitsTest(unittest.TestCase):

    def test_the_protocols_numbers(self):
        self.assertEqual(wire.MAX_LINE, 65536)
        self.assertEqual(wire.MAX_PAYLOAD, 1048576)
        self.assertEqual(wire.MAX_ARGS_CHARS, 200)

    def test_the_shrink_caps_get_smaller(self):
        self.assertEqual(list(wire.SHRINK_CAPS), sorted(wire.SHRINK_CAPS, reverse=True))
        self.assertTrue(all(c > 0 for c in wire.SHRINK_CAPS))


class ImportLightTest(unittest.TestCase):
    """It sits in every traced program's sys.modules: importing it must cost (almost) nothing."""

    def test_importing_it_loads_no_python_module_and_starts_no_thread(self):
        code = ('import sys, os, _thread   # os: site imports it before any program\n'
                'before = set(sys.modules); threads = _thread._count()\n'
                'sys.path.insert(0, %r)\n'
                'import _processlab_wire\n'
                'new = sorted(set(sys.modules) - before - {"_processlab_wire"})\n'
                'print([m for m in new if m not in sys.builtin_module_names\n'
                '       and not getattr(sys.modules[m], "__file__", "").endswith((".so", ".pyd"))])\n'
                'print(_thread._count() - threads)\n' % BOOT)
        r = python('-I', '-S', '-c', code)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout.split('\n')[:2], ['[]', '0'])


if __name__ == '__main__':
    unittest.main()
