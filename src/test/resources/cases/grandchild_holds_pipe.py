# After J_GrandchildHoldsPipe.java: the root exits at once; a shell it started writes a line 1 s later.
import subprocess
subprocess.Popen(['sh', '-c', 'sleep 1; echo grandchild: late line'])
print('python: leaving, grandchild keeps running', flush=True)
