#!/usr/bin/env python3
"""Where each backtest attack fell, so that treaty areas count (issue 19),
through the real binary on the default kb (ATOP built in):

- the German Confederation (ATOP 1020, kb/treaty_areas.pl) binds its members
  to defend Austria against Sardinia on the eve of 1848 with no place named,
  but not in Lombardy-Venetia, an Austrian crown land outside the federal
  territory; it binds them to defend Saxony against Prussia in 1866, in
  Saxony as with no place;
- the Brussels Treaty (ATOP 3130) covers an attack on the United Kingdom,
  not one in the Falkland Islands ("an armed attack in Europe");
- `casus backtest` with the shipped war file asks every attack in the place
  of kb/data/wars/attack-places.csv: every link has a place, the one the
  table gives its attack, and says so in its definition; the 1848 links list
  no Confederation obligation, the 1866 Saxon ones do;
- a war file named by the user is asked without places, as before, unless
  --places names a table; a damaged table is refused with file and line.

usage: theatres.py CASUS KB_DATA"""
import csv, io, json, os, subprocess, sys, tempfile

casus, kb_data = sys.argv[1], sys.argv[2]
env = dict(os.environ, CASUS_TODAY="2026-12-01")
from checks import check, failures  # tests/cli/checks.py


def run(*args):
    return subprocess.run([casus, "--memory", *args], capture_output=True, text=True, env=env, timeout=300)


def obligated_under(question, treaty):
    r = run("-f", "json", "-e", question)
    check(r.returncode == 0, f"{question!r}: exit {r.returncode}: {r.stderr[-600:]}")
    if r.returncode != 0:
        return []
    answers = json.loads(r.stdout.splitlines()[-1]).get("answers", [])
    return sorted(a["state"] for a in answers if a.get("obligated") and any(b["treaty"] == treaty for b in a["basis"]))


# The treaty areas, question by question.
plain_1848 = obligated_under("as of 1848-03-23 who would defend austria_hungary against italy", "german_confederation")
lombardy = obligated_under("as of 1848-03-23 who would defend austria_hungary against italy in lombardy_venetia",
                           "german_confederation")
check(len(plain_1848) >= 5, f"the Confederation binds its members to Austria in 1848 with no place: {plain_1848}")
check(lombardy == [], f"the Confederation binds no one in Lombardy-Venetia: {lombardy}")
saxony_plain = obligated_under("as of 1866-06-14 who would defend saxony against germany", "german_confederation")
saxony_in = obligated_under("as of 1866-06-14 who would defend saxony against germany in saxony", "german_confederation")
check(len(saxony_in) >= 5 and saxony_in == saxony_plain,
      f"the Confederation binds its members to Saxony in Saxony as with no place: {saxony_in} vs {saxony_plain}")
uk = obligated_under("as of 1982-03-24 who would defend united_kingdom against argentina", "brussels_treaty")
falklands = obligated_under("as of 1982-03-24 who would defend united_kingdom against argentina in falkland_islands",
                            "brussels_treaty")
check(len(uk) >= 4 and falklands == [], f"the Brussels Treaty covers the UK ({uk}), not the Falklands ({falklands})")

# The shipped backtest asks each attack in its place.
with open(os.path.join(kb_data, "wars", "attack-places.csv"), newline="") as f:
    table = list(csv.DictReader(f))
places_by_attack = {}
with open(os.path.join(kb_data, "wars", "attack-places.csv"), newline="") as f:
    for row in csv.DictReader(f):
        places_by_attack[(row["war_id"], row["attack_date"])] = places_by_attack.get((row["war_id"], row["attack_date"]), set()) | {row["place"]}
r = run("-f", "csv", "backtest")
check(r.returncode == 0, f"backtest csv: exit {r.returncode}: {r.stderr[-600:]}")
links = list(csv.DictReader(io.StringIO(r.stdout)))
check(len(links) > 400 and all(l["place"] for l in links), "a shipped backtest link without a place")
for l in links:
    want = places_by_attack.get((l["war_id"], l["attack_date"]), set())
    check(l["place"] in want, f"war {l['war_id']} {l['attack_date']} {l['ally']}: place {l['place']} not in the table ({want})")
l1848 = [l for l in links if l["war_id"] == "4"]
check(l1848 and all(l["place"] == "lombardy_venetia" for l in l1848), "1848 not asked in Lombardy-Venetia")
check(not any("german_confederation" in l["basis"].split(";") for l in l1848),
      "a Confederation obligation in 1848 in Lombardy-Venetia")
saxon = [l for l in links if l["war_id"] == "19" and l["ally"] == "saxony"]
check(sum("german_confederation" in l["basis"].split(";") for l in saxon) >= 5, "no Confederation obligation to Saxony in 1866")
r = run("backtest")
check(r.returncode == 0 and "Place: each attack the place table attack-places.csv lists is asked `in` the place" in r.stdout
      and f"; {len(table)} attacks were asked so." in r.stdout, f"the definition names no places: {r.stdout[:1200]}")
r = run("-f", "json", "backtest")
objs = [json.loads(x) for x in r.stdout.splitlines()]
check(len(objs) == len(links) and all(o["place"] for o in objs), "JSON links without their place")

# A war file of the user's own: no place, as before, unless --places names one.
wars = os.path.join(kb_data, "wars", "interstate-war-dyads.csv")
r = run("-f", "csv", "backtest", wars)
own = list(csv.DictReader(io.StringIO(r.stdout)))
check(r.returncode == 0 and own and all(l["place"] == "" for l in own), "a named war file was asked in places")
own1848 = [l for l in own if l["war_id"] == "4"]
check(sum("german_confederation" in l["basis"].split(";") for l in own1848) >= 5,
      "with no place, 1848 keeps the Confederation's obligations")
# The table has a row for every attack with an answer when no place is
# named (the lead's list), and asked in its place the Falklands attack has
# none: NATO's and the Brussels Treaty's areas leave the islands out.
asked = {(l["war_id"], l["attack_date"]) + tuple(sorted((l["ally"], l["attacker"]))) for l in own}
check(len(asked) == len(table), f"{len(asked)} attacks with an answer, {len(table)} rows in the place table")
check(any(l["war_id"] == "78" for l in own) and not any(l["war_id"] == "78" for l in links),
      "the Falklands attack keeps an answer in the islands")
r = run("backtest", wars)
check("Place: no place is named (no place table)" in r.stdout, f"no-place definition missing: {r.stdout[:800]}")
tmp = tempfile.mkdtemp()
one = os.path.join(tmp, "places.csv")
with open(one, "w") as f:
    f.write("war_id,initiator_ccode,target_ccode,place\n4,325,300,lombardy_venetia\n")
r = run("-f", "csv", "backtest", "--places", one, wars)
got = list(csv.DictReader(io.StringIO(r.stdout)))
check(r.returncode == 0 and {l["place"] for l in got if l["war_id"] == "4"} == {"lombardy_venetia"}
      and all(l["place"] == "" for l in got if l["war_id"] != "4"), "--places with one row")
for content, what in [("war_id,initiator_ccode,target_ccode,place\n4,325,300,Lombardy Venetia\n", "is not a kb id"),
                      ("war_id,initiator_ccode,target_ccode,place\n4,325,300,lombardy_venetia\n4,325,300,italy\n",
                       "has a place at line 2 already"),
                      ("war_id,initiator_ccode,target_ccode,place\nfour,325,300,italy\n", "must be numbers"),
                      ("war_id,place\n4,italy\n", "no column 'initiator_ccode'")]:
    with open(one, "w") as f:
        f.write(content)
    r = run("backtest", "--places", one, wars)
    check(r.returncode == 1 and what in r.stderr and "places.csv" in r.stderr, f"bad table ({what}): exit {r.returncode}: {r.stderr}")
with open(one, "w") as f:
    f.write("war_id,initiator_ccode,target_ccode,place\n4,325,300,atlantis\n")
r = run("backtest", "--places", one, wars)
check(r.returncode == 0 and "Skipped:" in r.stdout and "atlantis" in r.stdout, f"an unknown place: {r.stdout[-600:]} {r.stderr}")

if failures:
    sys.exit(1)
print(f"ok: treaty areas and {len(table)} attack places checked through the binary")
