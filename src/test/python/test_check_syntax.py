"""The syntax check (assets/tracer/check_syntax.py): where a program does not compile, and why."""

import json
import os
import subprocess
import sys
import tempfile
import unittest

from tracer import TRACER

CHECK = os.path.join(TRACER, 'check_syntax.py')


def check(source):
    """(exit status, stdout, stderr) of the check run on `source` (bytes) as the app runs it."""
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, 'mine.py')
        with open(path, 'wb') as f:
            f.write(source)
        done = subprocess.run([sys.executable, '-I', '-S', CHECK, path], capture_output=True, timeout=30)
        return done.returncode, done.stdout.decode('ascii'), done.stderr.decode('utf-8', 'replace')


class CheckSyntaxTest(unittest.TestCase):

    def test_a_program_that_compiles_prints_nothing_and_does_not_run(self):
        code, out, err = check(b'import sys\nprint("ran")\nsys.exit(3)\n')
        self.assertEqual((code, out, err), (0, '', ''))

    def test_an_unclosed_parenthesis_is_reported_at_its_line_with_the_interpreters_message(self):
        code, out, _ = check(b'x = 1\np = f(1,\n')
        self.assertEqual(code, 0)
        found = json.loads(out)
        self.assertEqual(found['kind'], 'SyntaxError')
        self.assertEqual(found['line'], 2)
        self.assertGreater(found['column'], 0)
        try:
            compile(b'x = 1\np = f(1,\n', 'mine.py', 'exec')
        except SyntaxError as e:
            self.assertEqual(found['message'], e.msg)   # the same words as the interpreter's own

    def test_a_bad_indent_is_an_indentation_error(self):
        _, out, _ = check(b'def f():\nreturn 1\n')
        found = json.loads(out)
        self.assertEqual(found['kind'], 'IndentationError')
        self.assertEqual(found['line'], 2)

    def test_the_output_is_one_ascii_line_whatever_the_message(self):
        _, out, _ = check('s = "été\n'.encode('utf-8'))
        self.assertEqual(out.count('\n'), 1)
        self.assertEqual(json.loads(out)['line'], 1)

    def test_a_coding_line_is_honoured_as_python_does(self):
        code, out, _ = check('# -*- coding: latin-1 -*-\ns = "café"\n'.encode('latin-1'))
        self.assertEqual((code, out), (0, ''))

    def test_a_file_that_cannot_be_read_exits_2_and_says_why(self):
        done = subprocess.run([sys.executable, '-I', '-S', CHECK, '/nonexistent/mine.py'], capture_output=True,
                              timeout=30)
        self.assertEqual(done.returncode, 2)
        self.assertEqual(done.stdout, b'')
        self.assertIn(b'cannot read', done.stderr)


if __name__ == '__main__':
    unittest.main()
