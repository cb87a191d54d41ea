# Prints N lines (default 1,000,000) as fast as it can.
import sys
n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
w = sys.stdout.write
for i in range(n):
    w(f'line {i}\n')
