"""ProcessLab's syntax check: does a program compile, and if not, where and why.

    python3 -I -S check_syntax.py FILE

Reads FILE as Python reads a script (bytes, so a coding line is honoured) and compiles it with the
interpreter's own compile step, `compile(source, FILE, 'exec')`; nothing of the program runs. Prints
nothing when it compiles; else one line of JSON (ASCII):

    {"line": 3, "column": 12, "message": "'(' was never closed", "kind": "SyntaxError"}

line and column count from 1 (column 0: unknown); kind is the exception's class (SyntaxError,
IndentationError, TabError, or ValueError for a NUL byte on old interpreters). Exit status: 0 either
way; 2 when FILE cannot be read (the reason on stderr).

Standard library only, Python 3.8+; run with -I -S so that nothing of the program's folder is imported.
"""

import json
import sys


def problem(source, filename):
    """None when `source` (bytes) compiles, else a dict: line, column, message, kind."""
    try:
        compile(source, filename, 'exec', dont_inherit=True)
    except SyntaxError as e:
        return {'line': e.lineno or 1, 'column': e.offset or 0, 'message': e.msg or str(e),
                'kind': type(e).__name__}
    except ValueError as e:     # "source code string cannot contain null bytes" (before 3.12)
        return {'line': 1, 'column': 0, 'message': str(e), 'kind': type(e).__name__}
    return None


def main(argv):
    if len(argv) != 2:
        print('usage: check_syntax.py FILE', file=sys.stderr)
        return 2
    try:
        with open(argv[1], 'rb') as f:
            source = f.read()
    except OSError as e:
        print('cannot read %s: %s' % (argv[1], e.strerror), file=sys.stderr)
        return 2
    found = problem(source, argv[1])
    if found is not None:
        sys.stdout.write(json.dumps(found) + '\n')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
