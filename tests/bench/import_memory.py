#!/usr/bin/env python3
"""Peak memory of `casus import atop` on a member file of a million rows.

The file is made from the real ATOP member rows (../shared/data), not
committed: row i is real row i mod 2,398 with its `phase` column set to
a number of its own, so every row is distinct (none is skipped as a
repeat) and the memberships are those of the real file. The real files
are imported too, for the baseline. Prints rows, seconds and peak RSS
(/usr/bin/time -v) of each, and the ratio.

usage: import_memory.py CASUS [SHARED_DATA_DIR] [--rows N] [--keep DIR]"""
import argparse, os, re, shutil, subprocess, sys, tempfile, time

here = os.path.dirname(os.path.abspath(__file__))
ap = argparse.ArgumentParser()
ap.add_argument("casus")
ap.add_argument("data", nargs="?", default=os.path.join(here, "..", "..", "..", "shared", "data"))
ap.add_argument("--rows", type=int, default=1_000_000)
ap.add_argument("--keep", help="write the generated files here and keep them")
a = ap.parse_args()

atop, states = os.path.join(a.data, "atop"), os.path.join(a.data, "cow", "states2016.csv")
work = tempfile.mkdtemp(prefix="casus-import-memory-")
big = a.keep or os.path.join(work, "big")
os.makedirs(big, exist_ok=True)
shutil.copy(os.path.join(atop, "atop-alliance-level.csv"), big)
with open(os.path.join(atop, "atop-member-level.csv"), newline="") as f:
    header, *rows = f.read().splitlines()
phase = header.split(",").index("phase")
with open(os.path.join(big, "atop-member-level.csv"), "w", newline="") as out:
    out.write(header + "\n")
    for i in range(a.rows):
        cells = rows[i % len(rows)].split(",")
        cells[phase] = str(100 + i)
        out.write(",".join(cells) + "\n")


def measure(name, atop_dir):
    data = os.path.join(work, "data-" + name)
    t = time.time()
    r = subprocess.run(["/usr/bin/time", "-v", a.casus, "--data", data, "import", "atop", atop_dir, "--states", states],
                       capture_output=True, text=True, env=dict(os.environ, CASUS_TODAY="2026-11-28"))
    took = time.time() - t
    if r.returncode != 0:
        sys.exit(f"FAIL: import of {name} exited {r.returncode}: {r.stderr[-800:]}")
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", r.stderr).group(1)) / 1024
    line = next(l for l in r.stdout.splitlines() if l.startswith("Imported"))
    return took, rss, line


real = measure("real", atop)
million = measure("big", big)
print(f"{'file':<28} {'member rows':>12} {'seconds':>8} {'peak RSS MB':>12}")
print(f"{'real ATOP member file':<28} {len(rows):>12,} {real[0]:>8.1f} {real[1]:>12.0f}")
print(f"{'generated member file':<28} {a.rows:>12,} {million[0]:>8.1f} {million[1]:>12.0f}")
print(f"peak RSS ratio, generated / real: {million[1] / real[1]:.2f}")
print("summary of the generated import:", million[2])
shutil.rmtree(work)
