# The script picks its own start methods: ProcessLab's --start-method must not override them.
import multiprocessing as mp

def hello(tag):
    print('hello from', tag, flush=True)

if __name__ == '__main__':
    mp.set_start_method('spawn')
    p = mp.Process(target=hello, args=('default-context',))
    p.start(); p.join()
    ctx = mp.get_context('forkserver')
    q = ctx.Process(target=hello, args=('forkserver-context',))
    q.start(); q.join()
    print('methods used:', mp.get_start_method(), ctx.get_start_method())
