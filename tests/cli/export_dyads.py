#!/usr/bin/env python3
"""`casus export dyads` on the default kb (the whole COW state system and ATOP
4.01), checked against the shipped source files themselves: the rows of each
year are the directed pairs of COW members that year (states2016.csv), the
obligation columns of sampled dyad-years are those of the ATOP member-level CSV,
German unification and the Soviet break-up give the right rows on both sides of
the date, CSV is RFC 4180 with one header and JSON is JSON Lines.

usage: export_dyads.py CASUS KB_DATA_DIR
"""
import csv
import io
import json
import os
import random
import subprocess
import sys
import tempfile

casus, kb_data = sys.argv[1], sys.argv[2]
env = dict(os.environ, CASUS_TODAY="2026-06-01")
failures = []

COLUMNS = ["ccode1", "ccode2", "year", "state1", "state2", "defense", "offense", "neutral", "nonagg", "consul",
           "defense_day", "offense_day", "neutral_day", "nonagg_day", "consul_day", "verdict", "score", "probability",
           "treaties", "defence_treaties", "s_unweighted", "kappa", "coverage"]
KINDS = ["defense", "offense", "neutral", "nonagg", "consul"]
DAY = [k + "_day" for k in KINDS]


def check(ok, what):
    if not ok:
        failures.append(what)
        print("FAIL:", what)


def run(*args, timeout=300):
    return subprocess.run([casus, "--memory", *args], capture_output=True, text=True, env=env, timeout=timeout)


def export(years, *extra):
    r = run("--timeout", "0", "export", "dyads", years, *extra)
    check(r.returncode == 0, f"export {years} {extra}: exit {r.returncode}: {r.stderr[-400:]}")
    return r.stdout


def parse_csv(text, what):
    """Rows of an RFC 4180 file with exactly one header line."""
    check("\r" not in text, f"{what}: a carriage return in the CSV")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows = list(reader)
    check(rows and rows[0] == COLUMNS, f"{what}: header {rows[0] if rows else None}")
    body = [dict(zip(COLUMNS, r)) for r in rows[1:]]
    check(all(len(r) == len(COLUMNS) for r in rows), f"{what}: a row of another width")
    check(all(r[:3] != COLUMNS[:3] for r in rows[1:]), f"{what}: a second header")
    return body


# --- the COW members of each year, from the state list itself ---
spells = {}
with open(os.path.join(kb_data, "cow", "states2016.csv"), newline="") as f:
    for row in csv.DictReader(f):
        if not (row.get("ccode") or "").strip().isdigit():
            continue
        start = (int(row["styear"]), int(row["stmonth"]), int(row["stday"]))
        end = (int(row["endyear"]), int(row["endmonth"]), int(row["endday"]))
        spells.setdefault(int(row["ccode"]), []).append((start, end))


def members(year):
    return {c for c, ss in spells.items() if any(s[0] <= year <= e[0] for s, e in ss)}


def in_system_on(code, day):
    return any(s <= day <= e for s, e in spells.get(code, []))


# --- the row count: every year 1816-2016 in one export, read as it streams ---
# Rows come by year; each year's pairs are checked when the next begins and
# then dropped, so the test holds one year at a time. Kept for the checks
# below: rows with an obligation, and a seeded sample of those without.
years = range(1816, 2017)
proc = subprocess.Popen([casus, "--memory", "--timeout", "0", "export", "dyads", "1816-2016"], stdout=subprocess.PIPE,
                        stderr=subprocess.PIPE, env=env)
reader = csv.reader(io.TextIOWrapper(proc.stdout, encoding="utf-8", newline=""), strict=True)
header = next(reader, None)
check(header == COLUMNS, f"header {header}")
allied, plain, seen_years, total, coverage = [], [], [], 0, set()
rng = random.Random(2016)
year, pairs = None, set()


def close_year(y, got):
    m = members(y)
    expected = {(a, b) for a in m for b in m if a != b}
    check(got == expected, f"{y}: {len(got)} rows, {len(expected)} directed pairs of COW members; "
                           f"extra {sorted(got - expected)[:5]}, missing {sorted(expected - got)[:5]}")
    seen_years.append(y)


I_YEAR, I_C1, I_C2, I_COV = COLUMNS.index("year"), COLUMNS.index("ccode1"), COLUMNS.index("ccode2"), COLUMNS.index("coverage")
I_KINDS = [COLUMNS.index(k) for k in KINDS]
for cells in reader:
    if len(cells) != len(COLUMNS) or cells == COLUMNS:
        check(False, f"a row of {len(cells)} fields, or a second header: {cells[:5]}")
        continue
    y = int(cells[I_YEAR])
    if y != year:
        if year is not None:
            close_year(year, pairs)
        year, pairs = y, set()
    pair = (int(cells[I_C1]), int(cells[I_C2]))
    check(pair not in pairs, f"{y}: {pair} listed twice")
    pairs.add(pair)
    total += 1
    coverage.add(cells[I_COV])
    if any(cells[i] == "1" for i in I_KINDS):
        allied.append(dict(zip(COLUMNS, cells)))
    elif rng.random() < 1e-4:
        plain.append(dict(zip(COLUMNS, cells)))
if year is not None:
    close_year(year, pairs)
err = proc.stderr.read().decode(errors="replace")
check(proc.wait() == 0, f"export 1816-2016: exit {proc.returncode}: {err[-400:]}")
check(seen_years == list(years), f"years exported: {seen_years[:3]} ... {seen_years[-3:]}")
total_expected = sum(len(members(y)) * (len(members(y)) - 1) for y in years)
check(total == total_expected, f"{total} rows for 1816-2016, {total_expected} directed pairs of COW members")
check(coverage == {"cow;atop"}, f"coverage of 1816-2016: {coverage}")
print(f"directed dyad-years 1816-2016: {total} rows, {total_expected} by the COW list")

# --- obligations of a dozen dyad-years, from the ATOP member-level CSV ---
def atop_date(y, m, d, end):
    y, m, d = int(y or 0), int(m or 0), int(d or 0)
    if y == 0:
        return (9999, 12, 31) if end else (0, 0, 0)
    return (y, m or 1, d or 1)


atop = {}
with open(os.path.join(kb_data, "atop", "atop-member-level.csv"), newline="") as f:
    for row in csv.DictReader(f):
        atop.setdefault(row["atopid"], []).append(row)


def atop_obligations(c1, c2, year):
    """ATOP's directed obligations of c1 toward c2 at any time in the year:
    both members of one alliance on a common day of the year, c1's own row
    coding the obligation (ATOP codes obligations member by member)."""
    out = {k: 0 for k in KINDS}
    lo, hi = (year, 1, 1), (year + 1, 1, 1)
    for rows_ in atop.values():
        for r1 in rows_:
            if int(r1["member"]) != c1:
                continue
            for r2 in rows_:
                if int(r2["member"]) != c2:
                    continue
                start = max(atop_date(r1["yrent"], r1["moent"], r1["dayent"], False),
                            atop_date(r2["yrent"], r2["moent"], r2["dayent"], False), lo)
                end = min(atop_date(r1["yrexit"], r1["moexit"], r1["dayexit"], True),
                          atop_date(r2["yrexit"], r2["moexit"], r2["dayexit"], True), hi)
                if start < end:
                    for k in KINDS:
                        out[k] |= int(r1[k] == "1")
    return out


check(len(allied) > 100, f"only {len(allied)} allied dyad-years")
sampled = rng.sample(allied, 9) + rng.sample(plain, 3)
for r in sampled:
    c1, c2, y = int(r["ccode1"]), int(r["ccode2"]), int(r["year"])
    want = atop_obligations(c1, c2, y)
    got = {k: int(r[k]) for k in KINDS}
    check(got == want, f"{c1}->{c2} {y}: casus {got}, ATOP member level {want}")
print("sampled:", ", ".join(f"{r['ccode1']}->{r['ccode2']} {r['year']}" for r in sampled))

# --- no row outside the system; German unification; the Soviet break-up ---
def dyads(text):
    return {(int(r["ccode1"]), int(r["ccode2"])): r for r in parse_csv(text, "export")}


y89, y90, y91 = dyads(export("1989")), dyads(export("1990")), dyads(export("1991"))
codes = lambda d: {a for a, _ in d}
check(255 not in codes(y89) and {260, 265} <= codes(y89), "1989: the two German states, no Germany")
check({255, 260, 265} <= codes(y90), "1990: Germany and both German states are in the system that year")
check(255 in codes(y91) and not {260, 265} & codes(y91), "1991: Germany only")
check(not {369, 370, 371, 372, 373} & codes(y90), "1990: no Ukraine, Belarus or Caucasus state yet")
check({366, 367, 368, 369, 370, 371, 372, 373} <= codes(y91), "1991: the Baltic states and the new CIS states")
# On 1990-12-31 the GFR is gone and Germany is in NATO: the day columns follow.
gfr_us, gmy_us = y90[(260, 2)], y90[(255, 2)]
check(gfr_us["defense"] == "1" and gmy_us["defense"] == "1", f"1990 NATO in the year: GFR {gfr_us['defense']}, Germany {gmy_us['defense']}")
check(all(gfr_us[k] == "" for k in DAY) and gfr_us["verdict"] == "", f"1990-12-31: the GFR is out of the system: {gfr_us}")
check(gmy_us["defense_day"] == "1" and gmy_us["verdict"] != "", f"1990-12-31: Germany in NATO: {gmy_us}")
check(y90[(265, 260)]["defense"] == "0", "1990: the GDR has no defence pact with the GFR")
june = dyads(export("1990", "--day", "06-30"))
check(june[(260, 2)]["defense_day"] == "1" and all(june[(255, 2)][k] == "" for k in DAY),
      f"1990-06-30: GFR in NATO, Germany not yet a state: {june[(260, 2)]['defense_day']} / {june[(255, 2)]['defense_day']}")
june91 = dyads(export("1991", "--day", "06-30"))
check(all(june91[(365, 369)][k] == "" for k in DAY) and all(y91[(365, 369)][k] in ("0", "1") for k in DAY),
      "1991: Russia-Ukraine has no day columns on 06-30, and has them on 12-31")
for d, day in ((y90, (1990, 12, 31)), (june, (1990, 6, 30)), (june91, (1991, 6, 30))):
    for (a, b), r in d.items():
        if r["defense_day"] != "":
            check(in_system_on(a, day) and in_system_on(b, day), f"{a}->{b} on {day}: day columns for a state outside the system")

# --- JSON Lines: one object a line, the same columns, null for empty ---
text = export("1990", "--format", "json")
lines = text.splitlines()
objs = []
for i, line in enumerate(lines):
    try:
        objs.append(json.loads(line))
    except json.JSONDecodeError as e:
        check(False, f"JSON line {i + 1} does not parse: {e}")
check(len(objs) == len(y90), f"{len(objs)} JSON lines, {len(y90)} CSV rows")
check(all(list(o) == COLUMNS for o in objs), "a JSON object with other keys")
o = next(o for o in objs if (o["ccode1"], o["ccode2"]) == (260, 2))
check(o["defense"] == 1 and o["defense_day"] is None and o["verdict"] is None, f"JSON GFR->USA 1990: {o}")

# --- outside the sources' years: empty, never 0 ---
r = run("export", "dyads", "2018", "--states", "United States,Canada")
check(r.returncode == 0, f"2018: exit {r.returncode}: {r.stderr[-300:]}")
late = parse_csv(r.stdout, "2018")
check(len(late) == 2, f"2018 among two states: {len(late)} rows")
check(all(x["coverage"] == "" and all(x[k] == "" for k in KINDS + DAY) and x["s_unweighted"] == "" for x in late),
      f"2018: obligation columns not empty: {late}")
# The curated kb goes on past 2016: NATO's obligation still gives a verdict and its probability.
check(all(x["verdict"] in ("likely", "uncertain", "unlikely") and 0 < float(x["probability"] or -1) < 1 for x in late),
      f"2018: NATO's verdicts: {[(x['verdict'], x['probability']) for x in late]}")

# --- the statement: to a file, among states, with errors for bad ranges ---
with tempfile.TemporaryDirectory() as d:
    out = os.path.join(d, "dyads.jsonl")
    r = run("-e", f'export dyads from 1990 to 1991 as json to "{out}" among Germany, "German Federal Republic", Russia')
    check(r.returncode == 0 and "exported 8 dyad-years (1990-1991)" in r.stdout, f"statement: {r.returncode} {r.stdout} {r.stderr}")
    got = [json.loads(l) for l in open(out)] if os.path.exists(out) else []
    check(sorted((g["year"], g["ccode1"], g["ccode2"]) for g in got) ==
          [(1990, 255, 260), (1990, 255, 365), (1990, 260, 255), (1990, 260, 365), (1990, 365, 255), (1990, 365, 260),
           (1991, 255, 365), (1991, 365, 255)], f"statement rows: {[(g['year'], g['ccode1'], g['ccode2']) for g in got]}")
    check(not os.path.exists(out + ".part"), "a .part file left behind")
    r = run("-e", "export dyads 1991 among Russia, Ukraine")
    got = parse_csv(r.stdout, "statement to stdout") if r.returncode == 0 else []
    check([(x["ccode1"], x["ccode2"]) for x in got] == [("365", "369"), ("369", "365")], f"1991 among Russia, Ukraine: {r.stdout[-300:]} {r.stderr[-300:]}")
    for stmt, msg in (("export dyads 2016-1990", "runs backwards"), ("export dyads 1815-1816", "begins in 1816"),
                      ("export dyads 1990-1990 on 02-29", "not a day of every year"),
                      ("export dyads 1990-2030", "no facts about 2030"),
                      ('export dyads 1990-1990 to "/nonexistent/dir/x.csv"', "cannot write")):
        r = run("-e", stmt)
        check(r.returncode == 1 and msg in r.stderr, f"{stmt}: exit {r.returncode}, stderr {r.stderr.strip()[:300]}")
    r = run("export", "dyads", "1990", "--states", "Atlantis")
    check(r.returncode == 2 and "unknown state 'Atlantis'" in r.stderr, f"--states Atlantis: {r.returncode} {r.stderr}")

if failures:
    print(f"{len(failures)} failures")
    sys.exit(1)
print("ok: export dyads")
