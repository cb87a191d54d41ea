# ProcessLab boot. PYTHONPATH puts this folder first, so every Python process of a run
# (the root, spawn/forkserver children, subprocesses) imports this file at start-up,
# before the program runs. It loads the agent, then gets out of the way: our folder
# leaves sys.path and the user's own sitecustomize (if any) is loaded in our place.
# It must never raise because of us: tracing is simply off then.


def _processlab_boot():
    import os
    import sys

    here = os.path.dirname(os.path.realpath(__file__))
    if os.environ.get('PROCESSLAB_TRACE'):
        try:
            # Cache our own bytecode even under PYTHONDONTWRITEBYTECODE (compiling the
            # agent costs more than everything else it does at start-up); restored
            # before the program runs.
            keep = sys.dont_write_bytecode
            sys.dont_write_bytecode = False
            try:
                import _processlab_agent
            finally:
                sys.dont_write_bytecode = keep
            _processlab_agent.install()
        except BaseException as e:
            if os.environ.get('PROCESSLAB_DEBUG'):
                try:
                    os.write(2, ('processlab: tracing off: %r\n' % (e,)).encode())
                except Exception:
                    pass

    # The program sees sys.path as if run directly (PYTHONPATH stays in os.environ,
    # so children inherit it and load us too).
    try:
        name = os.path.basename(here)

        def ours(p):
            try:   # realpath (a few stat calls) only for entries that can be us
                return (os.path.basename(os.path.normpath(p or os.curdir)) == name
                        and os.path.realpath(p or os.curdir) == here)
            except Exception:
                return False
        sys.path[:] = [p for p in sys.path if not ours(p)]
        for p in list(sys.path_importer_cache):
            if ours(p):
                del sys.path_importer_cache[p]
    except Exception:
        pass

    # Chain-load the sitecustomize we shadowed. Its errors propagate: site.py then
    # reports them exactly as it would have without us.
    me = sys.modules.pop('sitecustomize', None)
    try:
        import sitecustomize  # noqa: F401  (the user's, now that we are off sys.path)
    except ImportError as e:
        if getattr(e, 'name', None) != 'sitecustomize':
            raise
        if me is not None:    # site.py expects the module it imported to be there
            sys.modules['sitecustomize'] = me


_processlab_boot()
del _processlab_boot
