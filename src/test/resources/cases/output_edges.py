# Output edge cases: a 10 MB line without a newline, bytes that are not UTF-8, CRLF line ends and lone CRs
# (which rewrite their line, as on a terminal),
# and a child that closes its stdout and keeps running for a moment.
import multiprocessing as mp, os, sys, time

def closer():
    print('closer: before close', flush=True)
    sys.stdout.close()
    time.sleep(0.5)
    sys.stderr.write('closer: still running after closing stdout\n')

if __name__ == '__main__':
    out = sys.stdout.buffer
    out.write(b'bad bytes: \xff\xfe end\n')
    out.write(b'cr-one\rcr-two\rcrlf-one\r\ncrlf-two\r\n')
    out.flush()
    p = mp.Process(target=closer)
    p.start()
    p.join()
    out.write(b'x' * (10 * 1024 * 1024))
    out.flush()
    print()
    print('after the long line', flush=True)
