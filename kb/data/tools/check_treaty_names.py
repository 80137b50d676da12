#!/usr/bin/env python3
"""Check kb/data/treaty_names.csv against the ATOP 4.01 alliance and member files.

For every row it checks that
  * the atopid exists in atop-alliance-level.csv and appears only once in the file;
  * every COW code listed in `members` is a member of that atopid in
    atop-member-level.csv (in any phase);
  * the year of `signed` equals the alliance's begin year (begyr), unless the
    row's `note` explains the difference;
  * `signed` is a real date (YYYY-MM-DD), `name` and `source` are filled in and
    `source` carries an address (http:// or https://);
  * no `short_name` is used for two alliances;
  * every alliance issue 18 names (ISSUE_NAMED) has a row, and there are
    at least 60 rows.

Exit status: 0 all rows agree, 1 at least one row disagrees (each is printed
with its line number), 2 the files could not be read.

Usage: check_treaty_names.py [--names FILE] [--atop-dir DIR]
By default it reads the names file beside this script's parent folder and the
ATOP files from kb/data/atop/ if the project ships them there, else from
../shared/data/atop/ beside the repository.
"""
import argparse
import csv
import datetime
import os
import sys

HEADER = ["atopid", "name", "short_name", "signed", "source", "members", "note"]

# The alliances issue 18 lists by name, by their ATOP ids: each must carry
# its common name (the North Atlantic Treaty and the CSTO are curated
# treaties too, linked to 3180 and 4220).
ISSUE_NAMED = {
    3180: "North Atlantic Treaty", 3285: "Warsaw Pact", 3075: "Rio Treaty", 3215: "ANZUS", 3260: "SEATO",
    3275: "Baghdad Pact/CENTO", 3220: "US-Japan 1951", 3375: "US-Japan 1960", 3240: "US-South Korea",
    3210: "US-Philippines", 3270: "US-Republic of China", 3205: "Arab League Joint Defence Treaty",
    1335: "Dual Alliance", 1350: "Triple Alliance", 1385: "Franco-Russian Alliance", 1415: "Anglo-Japanese Alliance",
    2445: "Pact of Steel", 2515: "Tripartite Pact", 2440: "Anglo-Polish agreement 1939", 3200: "Sino-Soviet treaty 1950",
    3055: "Treaty of Dunkirk", 3130: "Brussels Treaty", 4400: "CIS Charter", 4220: "Collective Security Treaty",
}
MIN_ROWS = 60


def default_atop_dir(repo):
    """The shipped copy if the project has one, else the shared research data."""
    for cand in (os.path.join(repo, "kb", "data", "atop"),
                 os.path.join(repo, "..", "shared", "data", "atop")):
        if os.path.isfile(os.path.join(cand, "atop-member-level.csv")):
            return cand
    return os.path.join(repo, "kb", "data", "atop")


def read_atop(atop_dir):
    """Begin year per atopid and the set of member codes per atopid."""
    begyr, members = {}, {}
    with open(os.path.join(atop_dir, "atop-alliance-level.csv"), newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            begyr[int(row["atopid"])] = int(row["begyr"])
    with open(os.path.join(atop_dir, "atop-member-level.csv"), newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            members.setdefault(int(row["atopid"]), set()).add(int(row["member"]))
    return begyr, members


def check_row(row, begyr, members):
    """Problems with one row, as sentences; empty when the row agrees with ATOP."""
    problems = []
    try:
        atopid = int(row["atopid"])
    except ValueError:
        return [f"atopid {row['atopid']!r} is not a number"]
    if atopid not in begyr:
        return [f"atopid {atopid} is not in atop-alliance-level.csv"]
    for col in ("name", "short_name", "source"):
        if not row[col].strip():
            problems.append(f"{col} is empty")
    if "http://" not in row["source"] and "https://" not in row["source"]:
        problems.append("source has no address (http:// or https://)")
    try:
        signed = datetime.date.fromisoformat(row["signed"])
        if signed.year != begyr[atopid] and not row["note"].strip():
            problems.append(f"signed {row['signed']} but ATOP begin year is {begyr[atopid]}, "
                            "and no note explains it")
    except ValueError:
        problems.append(f"signed {row['signed']!r} is not a date YYYY-MM-DD")
    try:
        expected = [int(c) for c in row["members"].split(";") if c.strip()]
    except ValueError:
        return problems + [f"members {row['members']!r} is not a list of COW codes separated by ;"]
    if not expected:
        problems.append("members is empty")
    missing = [c for c in expected if c not in members.get(atopid, set())]
    if missing:
        problems.append(f"COW codes {missing} are not members of atopid {atopid} "
                        f"(ATOP lists {sorted(members.get(atopid, set()))})")
    return problems


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.normpath(os.path.join(here, "..", "..", ".."))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--names", default=os.path.join(here, "..", "treaty_names.csv"))
    ap.add_argument("--atop-dir", default=None)
    args = ap.parse_args()
    atop_dir = args.atop_dir or default_atop_dir(repo)
    try:
        begyr, members = read_atop(atop_dir)
        with open(args.names, newline="", encoding="utf-8") as f:
            reader = csv.DictReader(f, strict=True)
            if reader.fieldnames != HEADER:
                print(f"{args.names}:1: header is {reader.fieldnames}, expected {HEADER}", file=sys.stderr)
                return 1
            rows = list(reader)
    except (OSError, csv.Error, UnicodeDecodeError, KeyError, ValueError) as e:
        print(f"check_treaty_names: cannot read the input: {e}\n"
              f"(names file {args.names}, ATOP folder {atop_dir}; pass --names/--atop-dir)", file=sys.stderr)
        return 2
    bad, seen, shorts = 0, {}, {}
    for lineno, row in enumerate(rows, start=2):
        problems = check_row(row, begyr, members)
        if row["atopid"] in seen:
            problems.append(f"atopid {row['atopid']} is named twice (first on line {seen[row['atopid']]})")
        seen.setdefault(row["atopid"], lineno)
        short = row["short_name"].casefold()
        if short in shorts:
            problems.append(f"short_name {row['short_name']!r} is also used on line {shorts[short]}")
        shorts.setdefault(short, lineno)
        for p in problems:
            print(f"{args.names}:{lineno}: atopid {row['atopid']} ({row['short_name']}): {p}", file=sys.stderr)
        bad += bool(problems)
    named = {int(r["atopid"]) for r in rows if r["atopid"].isdigit()}
    for atopid, what in sorted(ISSUE_NAMED.items()):
        if atopid not in named:
            print(f"{args.names}: the {what} (ATOP {atopid}), named by issue 18, has no row", file=sys.stderr)
            bad += 1
    if len(rows) < MIN_ROWS:
        print(f"{args.names}: {len(rows)} rows, fewer than the {MIN_ROWS} issue 18 asks for", file=sys.stderr)
        bad += 1
    print(f"{len(rows)} treaty names checked against {atop_dir}: {len(rows) - bad} agree, {bad} disagree; "
          f"the {len(ISSUE_NAMED)} alliances issue 18 names are all there" if not bad else
          f"{len(rows)} treaty names checked against {atop_dir}: {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
