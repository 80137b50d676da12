#!/usr/bin/env python3
"""`export dyads` on a small world: the source kb with a COW list of five
states (United States 2, Canada 20, Russia 365, Armenia 371, Azerbaijan 373)
and no ATOP files, so the curated treaties alone bind them in 2016 (NATO:
the United States and Canada; the CSTO and the 1997 treaty: Russia and
Armenia). S and kappa are checked against hand computations, then again
after a fact added in a data directory (Azerbaijan joins the CSTO on
2016-06-01), which also parts the year's columns from the day's.

usage: export_small_world.py CASUS SOURCE_KB_DIR
"""
import csv, io, os, shutil, subprocess, sys, tempfile

casus, kb_src = sys.argv[1], sys.argv[2]
env = dict(os.environ, CASUS_TODAY="2026-06-01")
failures = []


def check(ok, what):
    if not ok:
        failures.append(what)
        print("FAIL:", what)


def near(a, b):
    return a != "" and abs(float(a) - b) < 1e-9


with tempfile.TemporaryDirectory() as d:
    kb = os.path.join(d, "kb")
    os.makedirs(os.path.join(kb, "data", "cow"))
    for name in os.listdir(kb_src):
        if name.endswith(".pl"):
            shutil.copy(os.path.join(kb_src, name), kb)
    shutil.copytree(os.path.join(kb_src, "tools"), os.path.join(kb, "tools"))
    for name in ("state_names.csv", "treaty_names.csv"):
        shutil.copy(os.path.join(kb_src, "data", name), os.path.join(kb, "data"))
    with open(os.path.join(kb_src, "data", "cow", "states2016.csv"), newline="") as src, \
            open(os.path.join(kb, "data", "cow", "states2016.csv"), "w", newline="") as dst:
        lines = src.read().splitlines(keepends=True)
        dst.write(lines[0] + "".join(l for l in lines[1:] if l.split(",")[0] in ("USA", "CAN", "RUS", "ARM", "AZE")))

    def export(*extra, day=None):
        r = subprocess.run([casus, "--kb", kb, *extra, "export", "dyads", "2016", *(["--day", day] if day else [])],
                           capture_output=True, text=True, env=env)
        check(r.returncode == 0, f"export: exit {r.returncode}: {r.stderr[-400:]}")
        return {(int(x["ccode1"]), int(x["ccode2"])): x for x in csv.DictReader(io.StringIO(r.stdout, newline=""))}

    # Tie vectors over (2, 20, 365, 371, 373), a state's own tie 3:
    #   usa = can = [3,3,0,0,0], rus = arm = [0,0,3,3,0], aze = [0,0,0,0,3].
    # S = 1 - 2*sum|x-y|/(5*3); kappa = 1 - D_o/D_e, squared distances.
    #   usa-rus: sum|.| = 12, S = 1-24/15 = -0.6; D_o = 36/5 = 7.2, both 3/5 zeros and
    #     2/5 threes: D_e = 2*(.6*.4)*9 = 4.32, kappa = 1-7.2/4.32 = -2/3.
    #   usa-aze: sum|.| = 9, S = -0.2; D_o = 27/5 = 5.4, D_e = (.6*.2+.4*.8)*9 = 3.96,
    #     kappa = 1-5.4/3.96 = -4/11.   rus-aze: the same as usa-aze.
    rows = export("--memory")
    check(len(rows) == 20, f"{len(rows)} rows, 5*4 expected")
    bound = {(2, 20), (20, 2), (365, 371), (371, 365)}
    for pair, r in rows.items():
        check(r["defense"] == ("1" if pair in bound else "0"), f"{pair}: defense {r['defense']}")
    hand = {(2, 20): (1, 1), (2, 365): (-0.6, -2 / 3), (365, 2): (-0.6, -2 / 3), (2, 373): (-0.2, -4 / 11),
            (373, 365): (-0.2, -4 / 11), (365, 371): (1, 1), (20, 371): (-0.6, -2 / 3)}
    for pair, (s, k) in hand.items():
        r = rows[pair]
        check(near(r["s_unweighted"], s) and near(r["kappa"], k), f"{pair}: S {r['s_unweighted']} kappa {r['kappa']}, by hand {s} {k}")

    # Azerbaijan joins the CSTO on 2016-06-01: rus = arm = aze = [0,0,3,3,3].
    #   usa-rus: sum|.| = 15, S = 1-30/15 = -1; D_o = 45/5 = 9; usa 3/5 zeros, rus 2/5:
    #     D_e = (.6*.6+.4*.4)*9 = 4.68, kappa = 1-9/4.68 = -12/13.   rus-aze: S = kappa = 1.
    data = os.path.join(d, "data")
    r = subprocess.run([casus, "--kb", kb, "--data", data, "-e", "add member(azerbaijan, csto) on 2016-06-01"],
                       capture_output=True, text=True, env=env)
    check(r.returncode == 0, f"add: exit {r.returncode}: {r.stderr[-300:]}")
    rows = export("--data", data)
    for pair, (s, k) in {(2, 365): (-1, -12 / 13), (365, 373): (1, 1), (373, 371): (1, 1)}.items():
        x = rows[pair]
        check(near(x["s_unweighted"], s) and near(x["kappa"], k), f"with the fact, {pair}: S {x['s_unweighted']} kappa {x['kappa']}, by hand {s} {k}")
    check(rows[(373, 365)]["defense"] == "1" and "collective_security_treaty" in rows[(373, 365)]["treaties"],
          f"Azerbaijan-Russia 2016: {rows[(373, 365)]}")
    march = export("--data", data, day="03-01")
    check(march[(373, 365)]["defense"] == "1" and march[(373, 365)]["defense_day"] == "0",
          f"on 03-01 Azerbaijan is not yet bound, in the year it is: {march[(373, 365)]}")

if failures:
    sys.exit(1)
print("ok: S and kappa on a small world equal the hand computations")
