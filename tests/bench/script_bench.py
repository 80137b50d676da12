#!/usr/bin/env python3
"""Figures 8 and 8b (bench.py) through several casus binaries in one run,
by CPU time: the article's 2,000 questions (156 pairs, each asked ~13
times) and 2,000 distinct questions over 40 dates, as text and as JSON.

usage: script_bench.py WORK CASUS... [--rounds N]
  WORK   the bench-worlds directory where bench.py wrote article-2000.casus
         and distinct-2000.casus (build/bench-worlds)
  CASUS  binaries to compare, e.g. a copy of the code before and the build

Each binary runs each script in turn, N rounds (3), and keeps its best
CPU time (user + sys of the process, its start included): on a shared
machine the wall clock measures the load. Prints one line per figure and
format with each binary's time and rate and the ratio of the first to the
others, and fails if the binaries' outputs differ."""
import hashlib, os, subprocess, sys

args = sys.argv[1:]
rounds = 3
if "--rounds" in args:
    i = args.index("--rounds")
    rounds = int(args[i + 1])
    del args[i:i + 2]
if len(args) < 2:
    sys.exit(__doc__)
work, binaries = args[0], args[1:]
env = dict(os.environ, CASUS_TODAY="2026-11-28")   # bench.py's date
scripts = {"8": os.path.join(work, "article-2000.casus"), "8b": os.path.join(work, "distinct-2000.casus")}


def run(exe, fmt, script):
    """CPU seconds of one run, and a digest of its output."""
    r0 = os.times()
    out = subprocess.run([exe, "--memory", "-f", fmt, script], capture_output=True, env=env)
    r1 = os.times()
    if out.returncode != 0:
        sys.exit(f"FAIL: {exe} -f {fmt} {script}: exit {out.returncode}: {out.stderr[-1500:]!r}")
    cpu = (r1.children_user - r0.children_user) + (r1.children_system - r0.children_system)
    return cpu, hashlib.sha256(out.stdout).hexdigest()


best, digests = {}, {}
for _ in range(rounds):
    for fig, script in scripts.items():
        for fmt in ("text", "json"):
            for exe in binaries:
                cpu, digest = run(exe, fmt, script)
                key = (fig, fmt, exe)
                best[key] = min(best.get(key, float("inf")), cpu)
                digests.setdefault((fig, fmt), set()).add(digest)
for fig, script in scripts.items():
    n = sum(1 for _ in open(script))
    for fmt in ("text", "json"):
        times = [best[(fig, fmt, exe)] for exe in binaries]
        cells = [f"{t:.3f} s, {n / t:,.0f}/s" for t in times]
        ratios = [f"{times[0] / t:.2f}x" for t in times[1:]]
        print(f"figure {fig}, {fmt}: " + " | ".join(cells) + (" | ratio " + ", ".join(ratios) if ratios else ""))
        if len(digests[(fig, fmt)]) != 1:
            sys.exit(f"FAIL: the binaries' {fmt} outputs of figure {fig} differ")
