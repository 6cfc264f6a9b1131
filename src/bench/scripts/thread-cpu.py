#!/usr/bin/env python3
"""Usage: thread-cpu.py java -jar target/grw-bench.jar incremental-benchmark ...
Runs a command (a java benchmark), echoes its output, and at the lines 'full re-match starts',
'incremental run starts', 'runs done' reads the CPU ticks of the JVM's threads by name group; prints
per run the CPU seconds of: main, other java threads (pools), GC, compiler (C1/C2), other VM threads."""
import os, re, subprocess, sys, time
TICK = os.sysconf('SC_CLK_TCK')
def group(comm):
    if comm.startswith('GC') or comm.startswith('G1') : return 'gc'
    if 'CompilerThre' in comm or comm.startswith('C1 ') or comm.startswith('C2 '): return 'jit'
    if comm == 'java' or comm == 'main': return 'main'
    if comm.startswith('VM Thread'): return 'vmthread'
    if comm.startswith('ForkJoinPool') or comm.startswith('pool-') or comm.startswith('grw') : return 'workers'
    return 'other:' + comm
def snap(pid):
    out = {}
    for tid in os.listdir('/proc/%d/task' % pid):
        try:
            s = open('/proc/%d/task/%s/stat' % (pid, tid)).read()
        except OSError:
            continue
        comm = s[s.index('(')+1:s.rindex(')')]
        rest = s[s.rindex(')')+2:].split()
        ticks = int(rest[11]) + int(rest[12])
        out[tid] = (comm, ticks)
    return out
def diff(a, b):
    g = {}
    for tid, (comm, t) in b.items():
        t0 = a.get(tid, (comm, 0))[1]
        k = group(comm)
        if k.startswith('other:'):
            k2 = 'other'
        else:
            k2 = k
        g[k2] = g.get(k2, 0) + (t - t0) / TICK
    return g
p = subprocess.Popen(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1)
marks = []
names = []
for line in p.stdout:
    sys.stdout.write(line); sys.stdout.flush()
    for key in ('full re-match starts', 'incremental run starts', 'runs done'):
        if line.startswith(key):
            marks.append(snap(p.pid)); names.append(key)
            # which comm names exist (first time)
p.wait()
for i in range(len(marks) - 1):
    d = diff(marks[i], marks[i+1])
    tot = sum(d.values())
    print('threads CPU s, %s -> %s: total %.1f | %s' % (names[i], names[i+1], tot,
          ', '.join('%s %.1f' % (k, v) for k, v in sorted(d.items(), key=lambda kv: -kv[1]))))
if marks:
    comms = sorted(set(c for c, _ in marks[-1].values()))
    print('thread names:', ', '.join(comms))
