#!/usr/bin/env python3
"""The whole world out of the box (issue 18 items 1, 4, 5): the shipped
ATOP 4.01 release is in the default kb, with no import step; the
best-known alliances carry their common names; obligations are read
member by member (a member whose own row codes defense=0 is no defender
under that alliance, computed here from the ATOP member-level file); and
importing the shipped release again adds nothing.

usage: default_world.py CASUS KB_DATA_DIR"""
import csv, json, os, subprocess, sys, tempfile

casus, kb_data = sys.argv[1], sys.argv[2]
env = dict(os.environ, CASUS_TODAY="2026-12-01")
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def ask(q, *extra):
    r = subprocess.run([casus, "--memory", *extra, "-f", "json", "-e", q], capture_output=True, text=True, env=env)
    check(r.returncode == 0, f"{q}: exit {r.returncode}: {r.stderr[-300:]}")
    return json.loads(r.stdout) if r.returncode == 0 else {}


# Japan, with no import step: the United States, under the 1960 treaty by name.
japan = ask("who must defend Japan")
us = [a for a in japan.get("answers", []) if a["state"] == "united_states"]
check(us and any("Mutual Cooperation and Security" in b["treaty_name"] and "Japan" in b["treaty_name"] for b in us[0]["basis"]),
      f"who must defend Japan: {[(a['state'], [b['treaty_name'] for b in a['basis']]) for a in japan.get('answers', [])]}")
# ... but Japan, whose own row codes defense=0, is no defender of the United States.
usa = ask("as of 1985-01-01 who must defend United States")
check(not any(a["state"] == "japan" for a in usa.get("answers", [])), "Japan listed as obligated to defend the United States in 1985")

# Member by member, from the ATOP files themselves: a dozen phases whose
# member row codes defense=0 in an alliance that codes defense=1.
alliances = {r["atopid"]: r for r in csv.DictReader(open(os.path.join(kb_data, "atop", "atop-alliance-level.csv")))}
rows = list(csv.DictReader(open(os.path.join(kb_data, "atop", "atop-member-level.csv"))))
states = {int(e["extra"]): e["id"] for e in ask("list states").get("items", []) if e["extra"]}
linked = {"3180": "north_atlantic_treaty", "4220": "collective_security_treaty", "4890": "russia_armenia_1997"}
checked = 0
for r in rows:
    if checked >= 12 or alliances.get(r["atopid"], {}).get("defense") != "1" or r["defense"] != "0":
        continue
    year = int(r["yrent"]) + 1
    if int(r["yrexit"] or 0) and int(r["yrexit"]) <= year:
        continue
    day = f"{year}-06-30"
    partners = [o for o in rows if o["atopid"] == r["atopid"] and o["member"] != r["member"] and
                int(o["yrent"]) < year and (int(o["yrexit"] or 0) == 0 or int(o["yrexit"]) > year)]
    if not partners or int(r["member"]) not in states or int(partners[0]["member"]) not in states:
        continue
    treaty = linked.get(r["atopid"], f"atop_{r['atopid']}")
    ally, member = states[int(partners[0]["member"])], states[int(r["member"])]
    answer = subprocess.run([casus, "--memory", "-f", "json", "-e", f"as of {day} who must defend {ally}"],
                            capture_output=True, text=True, env=env)
    if answer.returncode != 0:  # a state not in the system that day: nothing to check
        continue
    got = [a for a in json.loads(answer.stdout)["answers"] if a["state"] == member and
           any(b["treaty"] == treaty for b in a["basis"])]
    check(not got, f"{member} obligated to defend {ally} under {treaty} on {day}, though its row codes defense=0")
    checked += 1
check(checked >= 10, f"only {checked} member-level exemptions could be checked")

# Common names: the best-known alliances by name, every other one by its id.
treaties = ask("list treaties").get("items", [])
names = {t["id"]: t["name"] for t in treaties}
check(len([t for t in names if t.startswith("atop_")]) == 742, f"{len([t for t in names if t.startswith('atop_')])} ATOP treaties")
check(names.get("atop_3205", "").startswith("Treaty of Joint Defence and Economic Co-operation"), f"atop_3205: {names.get('atop_3205')}")
check("ATOP 1005" in names.get("atop_1005", ""), f"atop_1005: {names.get('atop_1005')}")

# Importing the shipped release again adds nothing.
with tempfile.TemporaryDirectory() as d:
    r = subprocess.run([casus, "--data", os.path.join(d, "data"), "-f", "json", "import", "atop", os.path.join(kb_data, "atop"),
                        "--states", os.path.join(kb_data, "cow", "states2016.csv")], capture_output=True, text=True, env=env)
    check(r.returncode == 0, f"import: exit {r.returncode}: {r.stderr[-300:]}")
    if r.returncode == 0:
        s = json.loads(r.stdout.splitlines()[-1])
        check(s["spells_added"] == 0 and s["entities_added"] == 0 and s["spells_present"] > 2000,
              f"importing the shipped release again: {s['spells_added']} spells, {s['entities_added']} entities added")

if failures:
    sys.exit(1)
print(f"ok: the whole world out of the box ({checked} member-level exemptions checked)")
