#!/usr/bin/env python3
"""casus backtest on a small hand-made war file, whose figures this test
computes itself from the links casus reports: the attacks are asked as of
their eve, "fought" follows the definition, and the summary's counts,
precision, recall, AUC, eras and war weighting are the arithmetic of those
links. The shipped war file runs too and gives the documented counts."""
import csv, io, json, os, subprocess, sys, tempfile

casus, kb_data = sys.argv[1], sys.argv[2]
env = dict(os.environ, CASUS_TODAY="2026-12-01")
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def run(*args):
    p = subprocess.run([casus, "--memory", *args], capture_output=True, text=True, env=env, timeout=120)
    return p.returncode, p.stdout, p.stderr


header = open(os.path.join(kb_data, "wars", "interstate-war-dyads.csv")).readline().strip().split(",")


def row(**cells):
    return [str(cells.get(c, "NA")) for c in header]


rows = [
    # War 900: Azerbaijan attacks Armenia; Russia fights Azerbaijan later (a joiner row).
    row(version=1, larger_war_name="Test War A", larger_war_id=900, init_war_id=900, year=2016, init_ccode=373,
        target_ccode=371, month_entry=4, day_entry=2, joiner=0),
    row(version=1, larger_war_name="Test War A", larger_war_id=900, init_war_id=900, year=2017, init_ccode=373,
        target_ccode=371, month_entry=1, day_entry=1, joiner=0),  # a later year: not a second attack
    row(version=1, larger_war_name="Test War A", larger_war_id=900, init_war_id=901, year=2016, init_ccode=365,
        target_ccode=373, month_entry=4, day_entry=5, joiner=1),
    # War 902: Turkey attacks Russia; Armenia fights Turkey (either way round).
    row(version=1, larger_war_name="Test War B", larger_war_id=902, init_war_id=902, year=1913, init_ccode=640,
        target_ccode=365, month_entry=3, day_entry=1, joiner=0),
    row(version=1, larger_war_name="Test War B", larger_war_id=902, init_war_id=902, year=2015, init_ccode=640,
        target_ccode=365, month_entry=11, day_entry=24, joiner=0),
    row(version=1, larger_war_name="Test War C", larger_war_id=903, init_war_id=903, year=2015, init_ccode=640,
        target_ccode=365, month_entry=11, day_entry=24, joiner=0),
    row(version=1, larger_war_name="Test War B", larger_war_id=902, init_war_id=904, year=2015, init_ccode=640,
        target_ccode=371, month_entry=12, day_entry=1, joiner=1),
    # An entry date that is not a date: skipped, with its line.
    row(version=1, larger_war_name="Test War D", larger_war_id=905, init_war_id=905, year=2015, init_ccode=640,
        target_ccode=371, month_entry=2, day_entry=30, joiner=0),
]
tmp = tempfile.mkdtemp()
wars = os.path.join(tmp, "wars.csv")
with open(wars, "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)

rc, out, err = run("-f", "csv", "backtest", wars)
check(rc == 0, f"backtest csv exit {rc}: {err}")
links = list(csv.DictReader(io.StringIO(out)))
check(len(links) > 0, "no links")
# Test War B has its 1913 row as the dyad's first year: the attack is dated
# 1913-03-01 and asked on 1913-02-28; the 2015 row of the same dyad is not an attack.
dates = sorted({(l["war_id"], l["attack_date"], l["asked"]) for l in links})
check(("900", "2016-04-02", "2016-04-01") in dates, f"war 900 not asked on its eve: {dates}")
check(not any(l["attack_date"] == "2015-11-24" and l["war_id"] == "902" for l in links), "a later row became an attack")
russia = [l for l in links if l["war_id"] == "900" and l["defender"] == "russia"]
check(len(russia) == 1 and russia[0]["fought"] == "1", f"russia fought in war 900: {russia}")
armenia = [l for l in links if l["war_id"] == "902" and l["defender"] == "armenia"]
check(all(l["fought"] == "1" for l in armenia), f"armenia fought in war 902: {armenia}")
# War 903 has the same dyad as 902 but no Armenian row: Armenia did not fight there.
armenia_c = [l for l in links if l["war_id"] == "903" and l["defender"] == "armenia"]
check(armenia_c and all(l["fought"] == "0" for l in armenia_c), f"armenia in war 903: {armenia_c}")
check(all(l["fought"] == "0" for l in links if l["defender"] not in ("russia", "armenia")), "someone else fought")


def era(l):
    y = int(l["attack_date"][:4])
    return "before 1914" if y < 1914 else "1914-1945" if y <= 1945 else "after 1945"


def figures(ls, weigh):
    per_war = {}
    for l in ls:
        per_war[l["war_id"]] = per_war.get(l["war_id"], 0) + 1
    wt = (lambda l: 1 / per_war[l["war_id"]]) if weigh else (lambda l: 1.0)
    fought_all = sum(wt(l) for l in ls if l["fought"] == "1")
    lines = {}
    for label, pick in [("likely", lambda l: l["verdict"] == "likely"),
                        ("uncertain", lambda l: l["verdict"] == "uncertain"),
                        ("unlikely", lambda l: l["verdict"] == "unlikely"),
                        ("obligated", lambda l: l["obligated"] == "1"),
                        ("every", lambda l: True)]:
        sel = [l for l in ls if pick(l)]
        n = sum(wt(l) for l in sel)
        fo = sum(wt(l) for l in sel if l["fought"] == "1")
        lines[label] = (n, fo, fo / n if n else None, fo / fought_all if n and fought_all else None)
    pos = [l for l in ls if l["fought"] == "1"]
    neg = [l for l in ls if l["fought"] == "0"]
    auc = None
    if pos and neg:
        s = sum(wt(p) * wt(q) * (1 if float(p["score"]) > float(q["score"]) else 0.5 if p["score"] == q["score"] else 0)
                for p in pos for q in neg)
        auc = s / (sum(map(wt, pos)) * sum(map(wt, neg)))
    return lines, auc


rc, text, err = run("backtest", wars)
check(rc == 0, f"backtest text exit {rc}: {err}")
check("is not a date" in text and "wars.csv:9:" in text, f"the bad date is not reported with its line: {text}")
sections = {}
current = None
for line in text.splitlines():
    if line and not line.startswith(" ") and "links; AUC of the score" in line:
        current = line.split(":")[0]
        auc = line.rsplit(" ", 1)[1]
        sections[current] = {"auc": None if auc == "-" else float(auc)}
    elif current and line.startswith("  ") and not line.strip().startswith("verdict"):
        parts = line.split()
        if len(parts) >= 5:
            sections[current][parts[0]] = parts[-4:]
expected_sections = {"all attacks": ([l for l in links], False), "before 1914": ([l for l in links if era(l) == "before 1914"], False),
                     "after 1945": ([l for l in links if era(l) == "after 1945"], False),
                     "every war weighted once": (links, True)}
for name, (ls, weigh) in expected_sections.items():
    check(name in sections, f"section {name} missing: {text}")
    if name not in sections:
        continue
    lines, auc = figures(ls, weigh)
    got = sections[name]
    if auc is None:
        check(got["auc"] is None, f"{name}: AUC {got['auc']} where none can be computed")
    else:
        check(got["auc"] is not None and abs(got["auc"] - auc) < 0.0006, f"{name}: AUC {got['auc']} != {auc:.4f}")
    for label, (n, fo, prec, rec) in lines.items():
        cells = got.get(label)
        check(cells is not None, f"{name}: no line {label}")
        if cells is None:
            continue
        check(abs(float(cells[0]) - n) < 0.006 and abs(float(cells[1]) - fo) < 0.006, f"{name} {label}: {cells} vs {n}, {fo}")
        if prec is None:
            check(cells[2] == "-", f"{name} {label}: precision {cells[2]} of nothing")
        else:
            check(abs(float(cells[2].rstrip("%")) - 100 * prec) < 0.06, f"{name} {label}: precision {cells[2]} vs {prec}")
        if rec is not None:
            check(abs(float(cells[3].rstrip("%")) - 100 * rec) < 0.06, f"{name} {label}: recall {cells[3]} vs {rec}")

rc, js, err = run("-f", "json", "backtest", wars)
check(rc == 0, f"backtest json exit {rc}")
objs = [json.loads(l) for l in js.splitlines()]
check(len(objs) == len(links) and all(o["kind"] == "backtest_link" for o in objs), "JSON Lines do not match the CSV links")

# A file that is not a war file: a clear error, exit 1.
bad = os.path.join(tmp, "bad.csv")
open(bad, "w").write("a,b\n1,2\n")
rc, out, err = run("backtest", bad)
check(rc == 1 and "larger_war_id" in err, f"a file without the columns: exit {rc}, {err}")

# The shipped file runs on the curated kb and names what it skipped.
rc, out, err = run("backtest")
check(rc == 0 and "attacks asked (586 rows" in out, f"shipped war file: exit {rc}: {out[:300]} {err}")

if failures:
    sys.exit(1)
print(f"ok: backtest of {len(links)} links checked against this test's own arithmetic")
