#!/usr/bin/env python3
"""Check kb/data/wars/attack-places.csv against the war file and the kb.

For every row it checks that
  * war_id, initiator_ccode, target_ccode and attack_date name an attack of
    kb/data/wars/interstate-war-dyads.csv as casus backtest reads them (the
    first year's row of a non-joiner dyad), with that entry date;
  * no attack has two rows;
  * place is an entity the kb knows as a place (a state, a territory or an
    issue: the kb is loaded with swipl to list them);
  * initiator, target, first_attack and source are filled in, and source
    names a reference (an encyclopaedia entry or a book, with its title in
    quotes).

Exit status: 0 all rows agree, 1 at least one does not (each is printed with
its line number), 2 the files could not be read.

Usage: check_attack_places.py [--places FILE] [--wars FILE] [--kb DIR]
"""
import argparse
import csv
import os
import subprocess
import sys

HEADER = ["war_id", "attack_date", "initiator_ccode", "initiator", "target_ccode", "target", "place", "first_attack",
          "source"]


def attacks(wars_file):
    """(war, initiator, target) -> entry date of the dyad's first non-joiner year, as read by the backtest."""
    first = {}
    with open(wars_file, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["joiner"] != "0":
                continue
            key = (r["init_war_id"], r["init_ccode"], r["target_ccode"])
            if key not in first or int(r["year"]) < int(first[key]["year"]):
                first[key] = r
    out = {}
    for r in first.values():
        try:
            date = f"{int(r['year']):04d}-{int(r['month_entry']):02d}-{int(r['day_entry']):02d}"
        except ValueError:
            continue
        out[(int(r["larger_war_id"]), int(r["init_ccode"]), int(r["target_ccode"]))] = date
    return out


def kb_places(kb_dir):
    """The ids of every state, territory and issue the kb holds, with their kind."""
    goal = ("forall(entities:state(I,_,_),format('state ~w~n',[I])),"
            "forall(entities:territory(I,_,_,_),format('territory ~w~n',[I])),"
            "forall(entities:issue(I,_),format('issue ~w~n',[I]))")
    p = subprocess.run(["swipl", "-q", "-g", goal, "-t", "halt", os.path.join(kb_dir, "casus.pl")],
                       capture_output=True, text=True, timeout=300)
    if p.returncode != 0:
        raise OSError(f"swipl could not list the kb's places: {p.stderr.strip()}")
    places = {}
    for line in p.stdout.splitlines():
        kind, _, ident = line.partition(" ")
        places.setdefault(ident, kind)
    return places


def check(rows, known_attacks, places):
    problems = []
    seen = {}
    for line, row in rows:
        where = f"line {line}"
        try:
            key = (int(row["war_id"]), int(row["initiator_ccode"]), int(row["target_ccode"]))
        except ValueError:
            problems.append(f"{where}: war_id and the COW codes must be numbers")
            continue
        if key in seen:
            problems.append(f"{where}: the attack {key} has a row at line {seen[key]} already")
        seen[key] = line
        if key not in known_attacks:
            problems.append(f"{where}: war {key[0]}, {key[1]} attacking {key[2]} is no attack of the war file")
        elif known_attacks[key] != row["attack_date"]:
            problems.append(f"{where}: the attack is dated {known_attacks[key]} in the war file, not {row['attack_date']}")
        if row["place"] not in places:
            problems.append(f"{where}: the place {row['place']!r} is no state, territory or issue of the kb")
        for col in ("initiator", "target", "first_attack", "source"):
            if not row[col].strip():
                problems.append(f"{where}: {col} is empty")
        if '"' not in row["source"]:
            problems.append(f"{where}: the source names no entry or title in quotes")
    return problems


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.normpath(os.path.join(here, "..", "..", ".."))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--places", default=os.path.join(repo, "kb", "data", "wars", "attack-places.csv"))
    ap.add_argument("--wars", default=os.path.join(repo, "kb", "data", "wars", "interstate-war-dyads.csv"))
    ap.add_argument("--kb", default=os.path.join(repo, "kb"))
    args = ap.parse_args()
    try:
        with open(args.places, newline="", encoding="utf-8") as f:
            reader = csv.DictReader(f)
            if reader.fieldnames != HEADER:
                print(f"{args.places}: the header is {reader.fieldnames}, expected {HEADER}")
                return 1
            rows = [(i + 2, r) for i, r in enumerate(reader)]
        known = attacks(args.wars)
        places = kb_places(args.kb)
    except (OSError, KeyError, subprocess.SubprocessError) as e:
        print(f"cannot read the inputs: {e}")
        return 2
    problems = check(rows, known, places)
    for p in problems:
        print(f"{args.places}: {p}")
    if problems:
        return 1
    print(f"ok: {len(rows)} places, each an attack of the war file, a place of the kb and a source")
    return 0


if __name__ == "__main__":
    sys.exit(main())
