"""ProcessLab sweeper: ends what is left of a run whose supervisor is gone. See contain.py and PROTOCOL.md.

    python3 -I -S sweep.py --run-id ID [--session SID]... [--exclude PID]... [--cgroups SPEC] [--timeout S]

With --cgroups it freezes and kills the run's groups until they are empty; else it sweeps by the marker
(PROCESSLAB_RUN=ID in the environment) and the sessions. Prints one line of JSON:
{"found": N, "left": N, "by": "cgroup" | "sweep"} and exits 0 when nothing of the run is left, 1 otherwise, 2 for
bad arguments.
"""

import os
import sys


def _load_contain():
    here = os.path.dirname(os.path.abspath(__file__))
    sys.path.insert(0, here)
    try:
        import contain
    finally:
        sys.path.remove(here)
        sys.path_importer_cache.pop(here, None)
    return contain


def parse_args(argv):
    opts = {'run_id': None, 'sessions': [], 'exclude': [], 'cgroups': None, 'timeout': 10.0}
    i = 0
    while i < len(argv):
        name = argv[i]
        if i + 1 >= len(argv):
            raise ValueError(name)
        value = argv[i + 1]
        if name == '--run-id':
            opts['run_id'] = value
        elif name == '--session':
            opts['sessions'].append(int(value))
        elif name == '--exclude':
            opts['exclude'].append(int(value))
        elif name == '--cgroups':
            opts['cgroups'] = value
        elif name == '--timeout':
            opts['timeout'] = float(value)
        else:
            raise ValueError(name)
        i += 2
    if not opts['run_id'] and not opts['sessions'] and not opts['cgroups']:
        raise ValueError('nothing to sweep')
    return opts


def main(argv):
    contain = _load_contain()
    try:
        opts = parse_args(argv)
        groups = contain.Cgroups(contain.parse_groups(opts['cgroups'])) if opts['cgroups'] else None
    except ValueError as e:
        sys.stderr.write('processlab sweep: bad arguments (%s)\n' % e)
        return 2
    if groups:
        seen = groups.members()
        left = groups.end_all(opts['timeout'])
        found, by = len(seen), 'cgroup'
    else:
        found, left = contain.sweep(opts['run_id'], set(opts['sessions']), opts['exclude'], opts['timeout'])
        by = 'sweep'
    sys.stdout.write('{"found": %d, "left": %d, "by": "%s"}\n' % (found, len(left), by))
    sys.stdout.flush()
    return 0 if not left else 1


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
