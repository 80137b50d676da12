#!/usr/bin/env python3
"""Names as people write them (issue 18 item 3): each resolves, on a date
when its state existed, to that state (checked by COW code), where one
name served several states to the one of the question's date; a state
is shown by its own name, not by the alias typed.

usage: state_names.py CASUS"""
import json, os, subprocess, sys

casus = sys.argv[1]
env = dict(os.environ, CASUS_TODAY="2026-12-01")
failures = []

# (name as typed, date, COW code of the state it must name)
cases = [
    ("USSR", "1950-01-01", 365), ("Soviet Union", "1985-01-01", 365), ("West Germany", "1970-01-01", 260),
    ("East Germany", "1970-01-01", 265), ("Ottoman Empire", "1850-01-01", 640), ("Prussia", "1850-01-01", 255),
    ("Austria-Hungary", "1880-01-01", 300), ("Burma", "1970-01-01", 775), ("Myanmar", "2000-01-01", 775),
    ("Siam", "1900-01-01", 800), ("Thailand", "2000-01-01", 800), ("South Korea", "1970-01-01", 732),
    ("North Korea", "1970-01-01", 731), ("Republic of Korea", "1970-01-01", 732), ("South Vietnam", "1965-01-01", 817),
    ("Serbia", "1900-01-01", 345), ("Czechia", "2000-01-01", 316), ("Ivory Coast", "2000-01-01", 437),
    ('"Côte d\'Ivoire"', "2000-01-01", 437), ("US", "2000-01-01", 2), ('"U.S."', "2000-01-01", 2), ("USA", "2000-01-01", 2),
    ("America", "2000-01-01", 2), ("UK", "2000-01-01", 200), ("Britain", "2000-01-01", 200),
    ("Great Britain", "2000-01-01", 200), ("Taiwan", "1970-01-01", 713), ("ROC", "1970-01-01", 713),
    ("ROC", "1930-01-01", 710), ("PRC", "1970-01-01", 710), ("Federal Republic of Germany", "1980-01-01", 260),
    ("Federal Republic of Germany", "1995-01-01", 255), ("Yemen", "1995-01-01", 679),
    # Without quotes, though they hold a keyword or punctuation (read as known names).
    ("Côte d'Ivoire", "2000-01-01", 437), ("U.S.", "2000-01-01", 2), ("Bosnia and Herzegovina", "2000-01-01", 346),
    ("Trinidad and Tobago", "2000-01-01", 52), ("Antigua & Barbuda", "2000-01-01", 58), ("St. Lucia", "2000-01-01", 56),
    ("Guinea-Bissau", "2000-01-01", 404), ("Serbia and Montenegro", "2004-01-01", 345),
]

script = "".join(f"as of {d} which treaties bind {n}\n" for n, d, _ in cases)
r = subprocess.run([casus, "--memory", "-f", "json"], input=script, capture_output=True, text=True, env=env)
if r.returncode != 0:
    failures.append(f"exit {r.returncode}: {r.stderr[-1500:]}")
answers = [json.loads(l) for l in r.stdout.splitlines() if l.startswith("{")]
states = json.loads(subprocess.run([casus, "--memory", "-f", "json", "-e", "list states"], capture_output=True,
                                   text=True, env=env).stdout)["items"]
cow_of = {s["id"]: int(s["extra"]) for s in states if s["extra"]}
for (name, date, cow), a in zip(cases, answers):
    got = cow_of.get(a.get("state"))
    if got != cow:
        failures.append(f"{name} on {date}: {a.get('state')} (COW {got}), want COW {cow}")
if len(answers) != len(cases):
    failures.append(f"{len(answers)} answers for {len(cases)} names")

# The answer names the state, not the alias typed.
r = subprocess.run([casus, "--memory", "-e", "as of 1970-01-01 who must defend West Germany"], capture_output=True,
                   text=True, env=env)
if not r.stdout.startswith("Who must defend German Federal Republic (as of 1970-01-01)"):
    failures.append(f"title: {r.stdout[:120]!r}")
# A name of other years gets the state's own dates, not "unknown state".
r = subprocess.run([casus, "--memory", "-e", "as of 1950-01-01 who must defend Germany"], capture_output=True,
                   text=True, env=env)
if r.returncode != 1 or "Germany was a state 1816-1945 and since 1990, not on 1950-01-01" not in r.stderr:
    failures.append(f"Germany in 1950: exit {r.returncode}, {r.stderr!r}")
# The state is named as it was on the date asked about: COW 345 was
# Serbia in 1850 (and is Serbia today), Yugoslavia in 1942.
for when, name in (("1850-01-01", "Serbia"), ("1942-06-01", "Yugoslavia")):
    r = subprocess.run([casus, "--memory", "-e", f"as of {when} who must defend serbia"], capture_output=True,
                       text=True, env=env)
    if r.returncode != 1 or f"{name} was a state 1878-1941 and since 1944, not on {when}" not in r.stderr:
        failures.append(f"serbia on {when}: exit {r.returncode}, {r.stderr!r}")

for f in failures:
    print("FAIL:", f)
if failures:
    sys.exit(1)
print(f"ok: {len(cases)} names resolve to the state of their date")
