#!/usr/bin/env python3
"""Check kb/data/state_names.csv against the COW state list (states2016.csv).

For every row it checks that
  * the name is filled in, has no surrounding blanks and is in Unicode NFC form;
  * ccode is a COW country code in states2016.csv;
  * from_year <= to_year, both within the COW years 1816-2016;
  * the years overlap at least one COW spell of that code;
and across rows that
  * no row is repeated;
  * one name (compared without regard to case) never means two different states
    in the same years: two rows of one name with different codes may share only
    their boundary year (the year one state gave way to the other).

Exit status: 0 all rows agree, 1 at least one row disagrees (each is printed
with its line number), 2 the files could not be read.

Usage: check_state_names.py [--names FILE] [--states FILE]
By default it reads the names file beside this script's parent folder and the
COW list from kb/data/cow/ if the project ships it there, else from
../shared/data/cow/ beside the repository.
"""
import argparse
import csv
import os
import sys
import unicodedata

HEADER = ["name", "ccode", "from_year", "to_year", "note"]
FIRST_YEAR, LAST_YEAR = 1816, 2016


def default_states(repo):
    """The shipped copy if the project has one, else the shared research data."""
    for cand in (os.path.join(repo, "kb", "data", "cow", "states2016.csv"),
                 os.path.join(repo, "..", "shared", "data", "cow", "states2016.csv")):
        if os.path.isfile(cand):
            return cand
    return os.path.join(repo, "kb", "data", "cow", "states2016.csv")


def read_spells(path):
    """COW spells per code, as (start year, end year) pairs.

    states2016.csv has CRLF endings and stray trailing columns on some rows,
    so only the named leading columns are read."""
    spells = {}
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        head = next(reader)
        col = {h: i for i, h in enumerate(head) if h}
        for row in reader:
            if len(row) <= col["endyear"] or not row[col["ccode"]].strip():
                continue
            spells.setdefault(int(row[col["ccode"]]), []).append(
                (int(row[col["styear"]]), int(row[col["endyear"]])))
    return spells


def check_row(row, spells):
    """Problems with one row, as sentences; empty when the row agrees with COW."""
    problems = []
    name = row["name"]
    if not name.strip():
        return ["name is empty"]
    if name != name.strip():
        problems.append(f"name {name!r} has blanks around it")
    if unicodedata.normalize("NFC", name) != name:
        problems.append(f"name {name!r} is not in Unicode NFC form")
    try:
        ccode, lo, hi = int(row["ccode"]), int(row["from_year"]), int(row["to_year"])
    except ValueError:
        return problems + [f"ccode {row['ccode']!r}, from_year {row['from_year']!r} and "
                           f"to_year {row['to_year']!r} must be whole numbers"]
    if ccode not in spells:
        return problems + [f"ccode {ccode} is not in states2016.csv"]
    if lo > hi:
        problems.append(f"from_year {lo} is after to_year {hi}")
    if lo < FIRST_YEAR or hi > LAST_YEAR:
        problems.append(f"years {lo}-{hi} reach outside the COW years {FIRST_YEAR}-{LAST_YEAR}")
    if not any(s <= hi and lo <= e for s, e in spells[ccode]):
        shown = ", ".join(f"{s}-{e}" for s, e in spells[ccode])
        problems.append(f"years {lo}-{hi} overlap no COW spell of {ccode} ({shown})")
    return problems


def clashes(rows):
    """(line, problem) for repeated rows and for names that mean two states at once."""
    out, by_name, seen = [], {}, {}
    for lineno, row in rows:
        key = tuple(row[h] for h in HEADER[:4])
        if key in seen:
            out.append((lineno, f"repeats line {seen[key]}"))
        seen.setdefault(key, lineno)
        try:
            span = (int(row["ccode"]), int(row["from_year"]), int(row["to_year"]))
        except ValueError:
            continue
        for other_line, (c, lo, hi) in by_name.get(row["name"].casefold(), []):
            if c != span[0] and lo < span[2] and span[1] < hi:
                out.append((lineno, f"{row['name']!r} means {span[0]} in {span[1]}-{span[2]} "
                                    f"but {c} in {lo}-{hi} (line {other_line}); "
                                    "rows of one name may share only a boundary year"))
        by_name.setdefault(row["name"].casefold(), []).append((lineno, span))
    return out


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.normpath(os.path.join(here, "..", "..", ".."))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--names", default=os.path.join(here, "..", "state_names.csv"))
    ap.add_argument("--states", default=None)
    args = ap.parse_args()
    states = args.states or default_states(repo)
    try:
        spells = read_spells(states)
        with open(args.names, newline="", encoding="utf-8") as f:
            reader = csv.DictReader(f, strict=True)
            if reader.fieldnames != HEADER:
                print(f"{args.names}:1: header is {reader.fieldnames}, expected {HEADER}", file=sys.stderr)
                return 1
            rows = list(enumerate(reader, start=2))
    except (OSError, csv.Error, UnicodeDecodeError, KeyError, ValueError, StopIteration) as e:
        print(f"check_state_names: cannot read the input: {e}\n"
              f"(names file {args.names}, COW list {states}; pass --names/--states)", file=sys.stderr)
        return 2
    bad_lines = set()
    for lineno, row in rows:
        for p in check_row(row, spells):
            print(f"{args.names}:{lineno}: {row['name']!r}: {p}", file=sys.stderr)
            bad_lines.add(lineno)
    for lineno, p in clashes(rows):
        print(f"{args.names}:{lineno}: {p}", file=sys.stderr)
        bad_lines.add(lineno)
    print(f"{len(rows)} state names checked against {states}: "
          f"{len(rows) - len(bad_lines)} agree, {len(bad_lines)} disagree")
    return 1 if bad_lines else 0


if __name__ == "__main__":
    sys.exit(main())
