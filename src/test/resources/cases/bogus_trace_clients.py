# Knocks on ProcessLab's trace socket without the run's token, with junk, and with an over-long line;
# then prints normally. The run must go on and count each rejected connection.
import os, socket

addr = os.environ['PROCESSLAB_TRACE']


def dial():
    if addr.startswith('unix:'):
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.connect(addr[len('unix:'):])
        return s
    host, port = addr[len('tcp:'):].rsplit(':', 1) if addr.startswith('tcp:') else addr.rsplit(':', 1)
    return socket.create_connection((host, int(port)))


def knock(data):
    s = dial()
    try:
        s.sendall(data)
        s.settimeout(5)
        s.recv(1)          # the app closes the connection: recv returns b'' (or raises)
    except OSError:
        pass
    finally:
        s.close()

knock(b'{"k":"hello","token":"0000","peer":"agent","pid":1}\n')
knock(b'this is not json\n')
knock(b'{"k":"hello","token":"' + b'a' * 70000 + b'"}\n')
for _ in range(200):
    knock(b'{"k":"out","n":5}\nhello')
print('still here after', 203, 'bogus connections', flush=True)
