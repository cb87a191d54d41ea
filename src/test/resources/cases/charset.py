# After J_Charset.java: non-ASCII output must arrive intact whatever the locale.
import sys
print(sys.stdout.encoding, 'Größe ✓', flush=True)
sys.stderr.write('stderr: Größe ✓\n')
