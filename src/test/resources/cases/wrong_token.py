# A stranger on the run's own trace channel: a hello with a token that is not the run's. The app closes it
# and counts it; the run goes on, its own lines on its own lane.
import os
import socket

addr = os.environ['PROCESSLAB_TRACE']
if addr.startswith('unix:'):
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.connect(addr[len('unix:'):])
else:
    host, port = addr.split(':', 1)[1].rsplit(':', 1)
    s = socket.create_connection((host, int(port)))
s.sendall(b'{"k":"hello","token":"' + b'0' * 32 + b'","peer":"agent","pid":1}\n')
s.settimeout(10)
try:
    print('closed by the app:', s.recv(1) == b'', flush=True)
except OSError:
    print('closed by the app: True', flush=True)
s.close()
