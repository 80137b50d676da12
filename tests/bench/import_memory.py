#!/usr/bin/env python3
"""Peak memory of `casus import atop` on a member file of a million rows.

Two files are made from the real ATOP member rows (../shared/data), not
committed: in the first, row i is real row i mod 2,398 with its `phase`
column set to a number of its own, so every row is distinct and the
memberships are those of the real file; in the second, row i is real row
i mod 2,398 as it is, so all but 2,398 rows repeat an earlier one (each
skipped and counted once). The real files are imported too, for the
baseline. Prints rows, seconds and peak RSS (/usr/bin/time -v) of each,
and the ratios.

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
header, rows = None, None
with open(os.path.join(atop, "atop-member-level.csv"), newline="") as f:
    header, *rows = f.read().splitlines()
phase = header.split(",").index("phase")


def generate(name, distinct):
    d = os.path.join(a.keep or work, name)
    os.makedirs(d, exist_ok=True)
    shutil.copy(os.path.join(atop, "atop-alliance-level.csv"), d)
    with open(os.path.join(d, "atop-member-level.csv"), "w", newline="") as out:
        out.write(header + "\n")
        for i in range(a.rows):
            line = rows[i % len(rows)]
            if distinct:
                cells = line.split(",")
                cells[phase] = str(100 + i)
                line = ",".join(cells)
            out.write(line + "\n")
    return d


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
distinct = measure("distinct", generate("distinct", True))
repeated = measure("repeated", generate("repeated", False))
print(f"{'file':<34} {'member rows':>12} {'seconds':>8} {'peak RSS MB':>12} {'RSS / real':>11}")
for name, rows_in, m in (("real ATOP member file", len(rows), real), ("generated, every row distinct", a.rows, distinct),
                         ("generated, rows repeated", a.rows, repeated)):
    print(f"{name:<34} {rows_in:>12,} {m[0]:>8.1f} {m[1]:>12.0f} {m[1] / real[1]:>11.2f}")
print("generated, distinct:", distinct[2])
print("generated, repeated:", repeated[2])
shutil.rmtree(work)
