#!/usr/bin/env python3
"""Imports the real ATOP 4.01 and COW files with `casus import atop` and
checks answers against what this test computes from the CSV files itself:
CSTO and NATO members on several dates, the treaties binding Egypt in
1960, a bilateral defence pact with an adversary condition; then the
quirks' messages, a restart, and that a second import adds nothing.

usage: atop_import.py CASUS SHARED_DATA_DIR"""
import csv, json, os, subprocess, sys, tempfile

casus, data = sys.argv[1], sys.argv[2]
atop, states_csv = os.path.join(data, "atop"), os.path.join(data, "cow", "states2016.csv")
env = dict(os.environ, CASUS_TODAY="2026-11-28")
d = tempfile.mkdtemp(prefix="casus-atop-")
failures = []

def check(cond, what):
    if not cond:
        failures.append(what)

# The importer is tested on the source tree's kb (the curated facts only):
# the default kb holds the shipped ATOP release already.
SOURCE_KB = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "kb")


def run(*args):
    r = subprocess.run([casus, "--kb", SOURCE_KB, "--data", d, *args], capture_output=True, text=True, env=env)
    if r.returncode != 0:
        sys.exit(f"FAIL: casus {' '.join(args)} exited {r.returncode}: {r.stderr[:800]}")
    return r.stdout

def ask(question):
    return json.loads(run("-f", "json", "-e", question).splitlines()[0])

# --- the CSV, read independently -------------------------------------------------
members = list(csv.DictReader(open(os.path.join(atop, "atop-member-level.csv"), newline="")))
alliances = {r["atopid"]: r for r in csv.DictReader(open(os.path.join(atop, "atop-alliance-level.csv"), newline=""))}

def ymd(y, m, d, exit):
    y, m, d = int(y or 0), int(m or 0), int(d or 0)
    if y == 0:
        return 99991231 if exit else None
    return y * 10000 + (m or (12 if exit else 1)) * 100 + (d or (28 if exit else 1))

def codes_on(atopid, date):
    out = set()
    for r in members:
        if r["atopid"] != atopid:
            continue
        a, b = ymd(r["yrent"], r["moent"], r["dayent"], False), ymd(r["yrexit"], r["moexit"], r["dayexit"], True)
        if a and a <= date < b:
            out.add(int(r["member"]))
    return out

# --- import ------------------------------------------------------------------------
first = run("import", "atop", atop, "--states", states_csv)
check("745 alliances" in first, f"summary: {first[:300]}")
check("atop-member-level.csv:" in first and "member code 8152 is in no COW state list" in first,
      "8152 not reported with file and row")
check("states2016.csv:1: repaired: CRLF line ends" in first, "CRLF not reported")
check("garbage in trailing column" in first, "trailing garbage not reported")
check("day blank (unknown)" in first, "blank days not reported")

ids = {int(e["extra"]): e["id"] for e in ask("list states")["items"] if e["extra"]}

# The COW spells, from the state list itself: casus answers only about
# states in the state system on the question's date.
cow_spells = {}
with open(states_csv, newline="", encoding="latin-1") as f:
    for row in csv.DictReader(f):
        if row["ccode"].strip().isdigit():
            cow_spells.setdefault(int(row["ccode"]), []).append(
                (ymd(row["styear"], row["stmonth"], row["stday"], False), ymd(row["endyear"], row["endmonth"], row["endday"], True)))


def in_system(code, date):
    return any(a <= date <= b for a, b in cow_spells.get(code, []))

name_of = {v: k for k, v in ids.items()}

def party_states(answer, treaty):
    """States whose obligation rests on an imported party/2 spell of treaty."""
    found = set()
    for a in answer["answers"]:
        for b in a["basis"]:
            if b["treaty"] == treaty and any(e["fact"] == f"party({a['state']},{treaty})" for e in b["evidence"]):
                found.add(a["state"])
    return found

# CSTO (ATOP 4220) on three dates, seen from Armenia (a member throughout).
for date in (19950601, 20000101, 20100101):
    iso = f"{date // 10000}-{date // 100 % 100:02d}-{date % 100:02d}"
    expected = {ids[c] for c in codes_on("4220", date)} - {"armenia"}
    got = party_states(ask(f"as of {iso} who must defend armenia"), "collective_security_treaty")
    check(got == expected, f"CSTO on {iso}: casus {sorted(got)} vs csv {sorted(expected)}")

# NATO (ATOP 3180) in 1955 and 2010, seen from the United States.
for date in (19550601, 20100101):
    iso = f"{date // 10000}-{date // 100 % 100:02d}-{date % 100:02d}"
    expected = {ids[c] for c in codes_on("3180", date)} - {"united_states"}
    got = party_states(ask(f"as of {iso} who must defend united states"), "north_atlantic_treaty")
    check(got == expected and len(expected) > 10, f"NATO on {iso}: casus {sorted(got)} vs csv {sorted(expected)}")

# Every alliance binding Egypt (651) on 1960-01-01.
expected = {f"atop_{a}" for a in {r["atopid"] for r in members if r["member"] == "651"} if 651 in codes_on(a, 19600101)}
got = {t["treaty"] for t in ask("as of 1960-01-01 which treaties bind egypt")["treaties"]}
check(got == expected and expected, f"Egypt 1960: casus {sorted(got)} vs csv {sorted(expected)}")

# A bilateral defence pact with a named adversary: obligated against that
# adversary, not against another state.
pact = None
for r in members:
    a = alliances.get(r["atopid"])
    if a and a["bilat"] == "1" and a["defense"] == "1" and r["defcoadv"] == "1" and int(a["statthr1"] or 0) in ids:
        parties = codes_on(r["atopid"], ymd(r["yrent"], r["moent"], r["dayent"], False) + 1)
        day = ymd(r["yrent"], r["moent"], r["dayent"], False) + 1
        if len(parties) == 2 and all(c in ids and in_system(c, day) for c in parties) and \
                int(a["statthr1"]) not in parties and in_system(int(a["statthr1"]), day):
            pact = (r["atopid"], sorted(parties), int(a["statthr1"]), day)
            break
check(pact is not None, "no bilateral pact with a named adversary found in the csv")
if pact:
    atopid, (c1, c2), threat, date = pact
    iso = f"{date // 10000}-{date // 100 % 100:02d}-{date % 100:02d}"
    other = next(c for c in (2, 200, 220, 365, 710, 740) if c not in (c1, c2, threat) and in_system(c, date))
    q = f'as of {iso} who must defend "{ids[c1]}" against'
    against_threat = {a["state"] for a in ask(f'{q} "{ids[threat]}"')["answers"]
                      if any(b["treaty"] == f"atop_{atopid}" for b in a["basis"])}
    against_other = {a["state"] for a in ask(f'{q} "{ids[other]}"')["answers"]
                     if any(b["treaty"] == f"atop_{atopid}" for b in a["basis"])}
    check(against_threat == {ids[c2]}, f"pact {atopid} against its adversary: {against_threat}")
    check(not against_other, f"pact {atopid} against a state it does not name: {against_other}")

# A second import adds nothing; the facts survived the restart above.
second = run("import", "atop", atop, "--states", states_csv)
check("0 membership spells added" in second and "0 entities added" in second, f"second import: {second[:300]}")

if failures:
    print("FAIL:\n  " + "\n  ".join(failures))
    sys.exit(1)
print(f"atop import: all checks passed (pact {pact[0] if pact else '-'})")
subprocess.run(["rm", "-rf", d])
