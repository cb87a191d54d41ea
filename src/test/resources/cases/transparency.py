# Prints what a program can see of how it was started; ProcessLab's tracer must change none of it.
import os, signal, sys, threading, warnings
print('argv', sys.argv[1:])
print('path0', sys.path[0])
print('name', __name__)
print('file', os.path.basename(__file__))
print('tracer in path', any('tracer' in p and 'boot' in p for p in sys.path))
print('sigint handler', signal.getsignal(signal.SIGINT) is signal.default_int_handler)
print('sigterm handler', signal.getsignal(signal.SIGTERM) == signal.SIG_DFL)
print('threads', threading.active_count())
print('stdout encoding', sys.stdout.encoding)
print('line buffered', sys.stdout.line_buffering or 'buffered')
def boom():
    raise KeyError('missing')
if len(sys.argv) > 1 and sys.argv[1] == 'crash':
    boom()
