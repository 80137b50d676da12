#!/usr/bin/env python3
"""A state is shown by the name it bore on the question's date (kb/state_names.pl):
COW 345 is Serbia in 2026 and Yugoslavia in 1980, 365 the Soviet Union in 1970,
640 the Ottoman Empire in 1900; without a date, today's name. Checked in every
output format, and in the answers' rows as well as their titles; JSON keeps the
id beside the dated name. Also: crises and issues are shown by name, not by id.

usage: dated_names.py CASUS"""
import csv, io, json, os, subprocess, sys

casus = sys.argv[1]
env = dict(os.environ, CASUS_TODAY="2026-12-01")
failures = []


def run(stmt, fmt="text"):
    r = subprocess.run([casus, "--memory", "-f", fmt, "-e", stmt], capture_output=True, text=True, env=env)
    if r.returncode != 0:
        failures.append(f"{stmt!r} ({fmt}): exit {r.returncode}: {r.stderr[-600:]}")
    return r.stdout


def check(cond, what):
    if not cond:
        failures.append(what)


# (question, the ally's id, the name it must be shown by)
titles = [
    ("who must defend Serbia", "yugoslavia", "Serbia"),                       # today, 2026-12-01
    ("as of 2026-12-01 who must defend Serbia", "yugoslavia", "Serbia"),
    ("as of 1980-01-01 who must defend Serbia", "yugoslavia", "Yugoslavia"),
    ("as of 2004-06-01 who must defend Serbia and Montenegro", "yugoslavia", "Serbia and Montenegro"),
    ("as of 1970-01-01 who must defend Russia", "russia", "Soviet Union"),
    ("as of 1900-01-01 who must defend Turkey", "turkey", "Ottoman Empire"),
    ("as of 1975-01-01 who must defend Burma", "myanmar", "Burma"),
]
for q, ally, name in titles:
    text = run(q)
    check(text.startswith(f"Who must defend {name} "), f"{q}: text title {text[:80]!r}, want {name}")
    table = run(q, "table")
    check(f"Who must defend {name} " in table.split("\n")[0], f"{q}: table title {table[:80]!r}")
    j = json.loads(run(q, "json"))
    check(j.get("ally") == ally and j.get("ally_name") == name,
          f"{q}: JSON ally {j.get('ally')!r} / ally_name {j.get('ally_name')!r}, want {ally} / {name}")

# The defenders' own names, from the kb's answer (Warsaw Pact, 1970: the Soviet Union).
j = json.loads(run("as of 1970-01-01 who must defend Poland", "json"))
ussr = [a for a in j["answers"] if a["state"] == "russia"]
check(ussr and ussr[0]["name"] == "Soviet Union", f"1970 defenders of Poland: {[a['name'] for a in j['answers']]}")
text = run("as of 1970-01-01 who must defend Poland")
check("Soviet Union is obligated" in text, f"1970 text: {text[:300]!r}")
rows = list(csv.DictReader(io.StringIO(run("as of 1970-01-01 who must defend Poland", "csv"))))
check(any(r.get("state") == "russia" and r.get("name") == "Soviet Union" for r in rows),
      f"1970 CSV: the id and the name of the date: {[(r.get('state'), r.get('name')) for r in rows]}")
j = json.loads(run("who must defend Poland", "json"))
check(all(a["name"] != "Soviet Union" for a in j["answers"]), "today no defender is called the Soviet Union")

# A factor's detail names the other state as it was called then.
j = json.loads(run("as of 1970-01-01 why would Russia defend Poland against West Germany", "json"))
notes = " | ".join(n for a in j["answers"] for b in a["basis"] for n in b["notes"])
check("only against German Federal Republic" in notes, f"1970 notes name the adversary: {notes[:300]}")
bases = [b["treaty_name"] for a in j["answers"] for b in a["basis"]]
check("Poland–Soviet Union, 1965 (ATOP 3520)" in bases, f"an ATOP alliance named as its members were in its year: {bases}")
text = run("as of 1970-01-01 why would Russia defend Poland against West Germany")
check(text.startswith("casus does not expect Soviet Union to defend Poland"), f"1970 why: {text[:120]!r}")

# list states: as of a date, the name of that date; without one, today's (JSON keeps the id).
def listed(stmt):
    return {s["id"]: s["name"] for s in json.loads(run(stmt, "json"))["items"]}
then, now = listed("as of 1980-01-01 list states"), listed("list states")
check(then.get("yugoslavia") == "Yugoslavia" and now.get("yugoslavia") == "Serbia",
      f"list states: 1980 {then.get('yugoslavia')!r}, today {now.get('yugoslavia')!r}")
check(then.get("russia") == "Soviet Union" and now.get("russia") == "Russia", "list states: Russia")
csv_rows = {r["id"]: r["name"] for r in csv.DictReader(io.StringIO(run("as of 1900-01-01 list states", "csv")))}
check(csv_rows.get("turkey") == "Ottoman Empire", f"1900 CSV: {csv_rows.get('turkey')!r}")
text = run("as of 1900-01-01 list states")
check("Ottoman Empire" in text and "Siam" in text, "1900 text list names the Ottoman Empire and Siam")

# history: each line names the subject as it was called on the line's date.
hist = {(r["from"], r["fact"]): r["name"] for r in csv.DictReader(io.StringIO(run("history of Russia", "csv")))}
check(hist.get(("1955-05-14", "party(russia,atop_3285)")) == "Soviet Union", "history: the Warsaw Pact line names the Soviet Union")
check(hist.get(("1992-05-15", "member(russia,csto)")) == "Russia", "history: the CSTO line names Russia")
check(run("history of Russia").startswith("History of Russia:"), "history title: today's name")

# Crises and issues by name, not id.
events = {e["id"]: e for e in json.loads(run("list events", "json"))["items"]}
kw = events.get("karabakh_war_2020")
check(kw is not None and kw["name"] == "the 2020 Nagorno-Karabakh war" and kw["extra"] == "2020-09-27",
      f"list events: {kw!r}")
for what in ("events", "issues"):
    for e in json.loads(run(f"list {what}", "json"))["items"]:
        spaced = what == "events" and e["name"] == e["id"].replace("_", " ")   # the old fallback for a crisis
        check(e["name"] and e["name"] != e["id"] and not spaced,
              f"list {what}: {e['id']} is shown by its id ({e['name']!r})")
j = json.loads(run("why would Russia defend Armenia against Azerbaijan", "json"))
details = " | ".join(f["detail"] for a in j["answers"] for f in a["factors"])
check("karabakh war 2020" not in details and "the 2020 Nagorno-Karabakh war" in details,
      f"crisis named in factors: {details[:400]}")

for f in failures:
    print("FAIL:", f)
print(f"{len(failures)} failures")
sys.exit(1 if failures else 0)
