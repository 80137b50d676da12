#!/usr/bin/env python3
"""States over time, as the COW state list defines them (issue 18 item 2):
the default kb knows every COW state; `as of D list states` gives exactly
the states in the system on D (computed here from states2016.csv itself);
a state is a candidate only on dates of its spells; a question about a
state on a date it did not exist says so; West Germany's NATO membership
is the German Federal Republic's; the ATOP importer finds every COW state
already known and creates none.

usage: state_system.py CASUS KB_DATA_DIR ATOP_DIR"""
import csv, json, os, subprocess, sys, tempfile

casus, kb_data, atop = sys.argv[1], sys.argv[2], sys.argv[3]
states_csv = os.path.join(kb_data, "cow", "states2016.csv")
env = dict(os.environ, CASUS_TODAY="2026-12-01")
from checks import check, failures  # tests/cli/checks.py


def run(*args, data=None):
    where = ["--data", data] if data else ["--memory"]
    return subprocess.run([casus, *where, *args], capture_output=True, text=True, env=env, timeout=300)


def ask(q):
    r = run("-f", "json", "-e", q)
    check(r.returncode == 0, f"{q}: exit {r.returncode}: {r.stderr}")
    return json.loads(r.stdout) if r.returncode == 0 else {}


spells = {}
with open(states_csv, newline="", encoding="latin-1") as f:
    for row in csv.DictReader(f):
        if not row["ccode"].strip().isdigit():
            continue
        start = int(row["styear"]) * 10000 + int(row["stmonth"]) * 100 + int(row["stday"])
        end = int(row["endyear"]) * 10000 + int(row["endmonth"]) * 100 + int(row["endday"])
        spells.setdefault(int(row["ccode"]), []).append((start, end))


def members_on(day):
    return {c for c, ss in spells.items() if any(a <= day <= b for a, b in ss)}


# Every COW state is known, with its code.
every = ask("list states")
codes = {int(e["extra"]) for e in every.get("items", []) if e["extra"]}
check(codes >= set(spells), f"states missing from the default kb: {sorted(set(spells) - codes)}")

# The states in the system on a date: exactly COW's members that day.
for iso in ("1816-01-01", "1900-01-01", "1950-01-01", "1990-10-03", "2016-12-31"):
    day = int(iso.replace("-", ""))
    got = {int(e["extra"]) for e in ask(f"as of {iso} list states").get("items", [])}
    check(got == members_on(day), f"{iso}: {len(got)} states vs COW's {len(members_on(day))}: "
                                  f"extra {sorted(got - members_on(day))}, missing {sorted(members_on(day) - got)}")

# 1970: one Germany in NATO, the German Federal Republic; after 1990 Germany.
norway = ask("as of 1970-01-01 who must defend Norway")
germanies = [a["state"] for a in norway.get("answers", []) if a["cow"] in (255, 260, 265)]
check(germanies == ["german_federal_republic"], f"Germanies defending Norway in 1970: {germanies}")
norway = ask("as of 2000-01-01 who must defend Norway")
germanies = [a["state"] for a in norway.get("answers", []) if a["cow"] in (255, 260, 265)]
check(germanies == ["germany"], f"Germanies defending Norway in 2000: {germanies}")

# A state asked about on a date it did not exist: said so, exit 1 in a script.
with tempfile.TemporaryDirectory() as d:
    script = os.path.join(d, "q.casus")
    with open(script, "w") as f:
        f.write("who must defend Czechoslovakia\nas of 1950-01-01 who would defend Norway against West Germany\n"
                "as of 1970-01-01 who must defend West Germany\n")
    r = run(script)
    check(r.returncode == 1, f"script about states that did not exist: exit {r.returncode}")
    check("Czechoslovakia was a state 1918-1939 and 1945-1992, not on 2026-12-01" in r.stderr, r.stderr)
    check("German Federal Republic was a state 1955-1990, not on 1950-01-01" in r.stderr, r.stderr)
    check("Who must defend German Federal Republic" in r.stdout, f"1970 question about West Germany: {r.stdout[:300]}")

# No candidate that was not a state on the date, for any pair of 1828.
m = ask("as of 1828-01-01 defence matrix")
in_1828 = {e["id"] for e in ask("as of 1828-01-01 list states").get("items", [])}
listed = {p["ally"] for p in m.get("pairs", [])} | {d["state"] for p in m.get("pairs", []) for d in p["defenders"]}
check(listed and listed <= in_1828, f"1828: states listed that did not exist: {sorted(listed - in_1828)}")
q = ask("as of 1853-10-01 who would defend russia against turkey")
check(all(a["cow"] in members_on(18531001) for a in q.get("answers", [])), f"1853: {q.get('answers')}")

# The ATOP importer finds every COW state known: it creates none.
with tempfile.TemporaryDirectory() as d:
    r = run("-f", "json", "import", "atop", atop, "--states", states_csv, data=os.path.join(d, "data"))
    check(r.returncode == 0, f"import: exit {r.returncode}: {r.stderr[-500:]}")
    if r.returncode == 0:
        summary = json.loads(r.stdout.splitlines()[-1])
        check(summary.get("states_created") == 0, f"the import created states: {summary.get('states_created')}")

if failures:
    sys.exit(1)
print("ok: the state system over time")
