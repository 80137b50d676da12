#!/usr/bin/env python3
"""The questions of the mixed script (gen_mixed.py) asked of the kb's own
predicates in swipl, without the engine: where a question's time goes,
the rules' lookups and the answer term apart from conversion and printing.

The script's adds and retracts are applied in order through api_add/5,
api_end/4 and api_withdraw/2 (the calls the engine makes for them); its
questions call api_ties/4, api_backers/3 and api_treaties/3 on the
date mixed_bench.py runs them on (CASUS_TODAY, 2026-12-01), timed apart. Then, on the final store, the
same questions again under SWI-Prolog's profiler (or timed only).

usage: mixed_profile.py N WORK [--kb KB_DIR] [--profile] [--repeat R]
Prints one JSON line: question seconds in order, their answer items, and
the final store's timings per question kind."""
import argparse, datetime, os, re, subprocess, sys

here = os.path.dirname(os.path.abspath(__file__))
ap = argparse.ArgumentParser()
ap.add_argument("n", type=int)
ap.add_argument("work")
ap.add_argument("--kb", default=os.path.join(here, "..", "..", "kb"))
ap.add_argument("--profile", action="store_true")
ap.add_argument("--repeat", type=int, default=1)
args = ap.parse_args()
os.makedirs(args.work, exist_ok=True)
script = os.path.join(args.work, f"mixed-{args.n}.casus")
if not os.path.exists(script) or os.path.getmtime(script) < os.path.getmtime(os.path.join(here, "gen_mixed.py")):
    subprocess.run([sys.executable, os.path.join(here, "gen_mixed.py"), str(args.n), script], check=True)

fact = re.compile(r"(\w+)\(([^)]*)\)")


def term(text):
    m = fact.match(text)
    return f"{m.group(1)}({', '.join(a.strip() for a in m.group(2).split(','))})"


def day(text):
    return text.replace("-", "")


# One Prolog term a statement: the script's ids are snake_case atoms, its
# dates ISO: nothing needs quoting but the source text, which is fixed.
out = []
for line in open(script):
    line = line.strip()
    if m := re.match(r"add (\S+\([^)]*\)) on (\S+)( source \"(.*)\")?$", line):
        out.append(f"a({term(m.group(1))}, {day(m.group(2))}, \"{m.group(4) or 'added by the user'}\").")
    elif m := re.match(r"retract (\S+\([^)]*\)) on (\S+)$", line):
        out.append(f"e({term(m.group(1))}, {day(m.group(2))}).")
    elif m := re.match(r"retract (\S+\([^)]*\))$", line):
        out.append(f"w({term(m.group(1))}).")
    elif m := re.match(r"what ties (\w+) to (\w+)$", line):
        out.append(f"q(ties({m.group(1)}, {m.group(2)})).")
    elif m := re.match(r"who backs (\w+)$", line):
        out.append(f"q(backers({m.group(1)})).")
    elif m := re.match(r"which treaties bind (\w+)$", line):
        out.append(f"q(treaties({m.group(1)})).")
    else:
        sys.exit(f"mixed_profile.py: no such statement in the generator's mix: {line}")
terms = os.path.join(args.work, f"mixed-{args.n}.terms")
with open(terms, "w") as f:
    f.write("\n".join(out) + "\n")
r = subprocess.run(["swipl", "--signals=false", os.path.join(here, "mixed_profile.pl"), os.path.abspath(args.kb), terms,
                    "profile" if args.profile else "time", str(args.repeat)], text=True)
sys.exit(r.returncode)
