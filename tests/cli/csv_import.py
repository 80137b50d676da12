#!/usr/bin/env python3
"""`.import FILE.csv KIND` is all or nothing (issue 17 item 14, "as one
durable batch"): a file with any bad row (a name no one knows, a bad
type or date, a quote in a value, a row of the wrong width, an overlap
with a held fact or with another row of the file) adds nothing, names
every bad row by FILE:LINE, exits 1 and leaves the journal byte for byte
as it was; the same file fixed adds every row, durably, in one batch.
The same holds in a --memory session.

usage: csv_import.py CASUS"""
import os, re, subprocess, sys, tempfile

casus = sys.argv[1]
ENV = dict(os.environ, CASUS_TODAY="2026-11-28")
tmp = tempfile.mkdtemp(prefix="casus-csv-")
failures = []


def check(what, ok, detail=""):
    if not ok:
        failures.append(f"{what}: {str(detail)[:1500]}")


def run(*args, stdin=None):
    p = subprocess.run([casus, "-f", "text", *args], input=stdin, capture_output=True, text=True, env=ENV, timeout=120)
    return p.returncode, p.stdout, p.stderr


def write(name, text):
    p = os.path.join(tmp, name)
    with open(p, "w") as f:
        f.write(text)
    return p


def journal(data):
    with open(os.path.join(data, "journal.log"), "rb") as f:
        return f.read()


data = os.path.join(tmp, "data")
rc, out, err = run("--data", data, "-e", "add tie(armenia, georgia, military) on 2026-01-01 source \"held\"")
check("a fact is held first", rc == 0, err)
before = journal(data)

GOOD = ["armenia,kazakhstan,military,2026-03-01,joint exercise",
        "armenia,belarus,economic,2026-03-02,trade",
        "armenia,iceland,cultural,2026-03-03,"]
BAD = {3: "Nowhre,armenia,military,,",                       # an unknown name
       4: "armenia,russia,bogus,2026-01-01,x",               # not a tie kind
       6: "georgia,armenia,military,2026-05-01,overlap",     # the held tie, mirrored
       7: "armenia,kazakhstan,military,2026-04-01,again",    # overlaps row 2
       8: "belarus,\"arm\"\"enia\",military,,",              # a quote in a value
       9: "turkey,azerbaijan",                               # too few fields
       10: "turkey,azerbaijan,military,2026-02-30,"}         # no such date
rows = [GOOD[0], BAD[3], BAD[4], GOOD[1], BAD[6], BAD[7], BAD[8], BAD[9], BAD[10], GOOD[2]]
bad = write("ties.csv", "state,state,kind,date,source\n" + "\n".join(rows) + "\n")
rc, out, err = run("--data", data, stdin=f'.import "{bad}" tie\n')
lines = sorted({int(m.group(1)) for m in re.finditer(r"ties\.csv:(\d+):\d+: error", err)})
check("every bad row is named by its line", lines == sorted(BAD), (lines, err))
check("the import fails and says nothing was imported", rc == 1 and "nothing was imported" in err and
      "7 of its 10 rows are bad" in err and "imported" not in out, (rc, out, err))
check("the journal is byte for byte as it was", journal(data) == before)
rc, out, err = run("--data", data, "-e", "list facts about armenia")
check("no row was added", rc == 0 and "joint exercise" not in out and "trade" not in out and
      "tie(armenia,georgia,military)" in out, out)

# Fixed, the file adds every row in one batch, durably.
good = write("good.csv", "state,state,kind,date,source\n" + "\n".join(GOOD) + "\n")
rc, out, err = run("--data", data, stdin=f'.import "{good}" tie\n')
check("a clean file is imported whole", rc == 0 and "imported 3 of 3 rows" in out, (rc, out, err))
rc, out, err = run("--data", data, "-e", "list facts about armenia")
check("the rows are durable", "joint exercise" in out and "trade" in out and "tie(armenia,iceland,cultural)" in out, out)
check("the journal grew", len(journal(data)) > len(before))

# Importing it again: every row overlaps what it added, so nothing is added.
after = journal(data)
rc, out, err = run("--data", data, stdin=f'.import "{good}" tie\n')
check("a second import of the same file adds nothing", rc == 1 and journal(data) == after and
      "3 of its 3 rows are bad" in err, (rc, err))

# In memory the same: a bad row and nothing is added.
mixed = write("mixed.csv", "state,state,kind\niceland,kazakhstan,cultural\nNowhre,armenia,military\n")
rc, out, err = run("--memory", stdin=f'.import "{mixed}" tie\nlist facts about iceland\n')
check("--memory: nothing of a bad file is added", rc == 1 and "mixed.csv:3" in err and
      "tie(iceland,kazakhstan,cultural)" not in out, (rc, out, err))

if failures:
    print("FAIL:\n" + "\n".join(failures))
    sys.exit(1)
print("ok: .import is all or nothing")
