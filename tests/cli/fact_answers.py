#!/usr/bin/env python3
"""`what ties`, `who backs` and `which treaties bind`, answered from the
store's keys (kb/store.pl span_/8) and made row by row for the format
asked (repl/answers_facts.cpp): every format says the same, and a fact
found through its mirror or a declaration is answered rightly.

- A tie stored as B to A and ended later: `what ties A to B` shows it as
  A to B with its own end ("to" in JSON), as `what ties B to A` does.
- A backing by signature (signed + supports) and one of the state's own,
  in text, table, CSV and JSON, the same rows in each.
- `which treaties bind` in text, CSV and JSON: the same treaties.

usage: fact_answers.py CASUS"""
import csv, io, json, subprocess, sys

casus = sys.argv[1]
env = {"CASUS_TODAY": "2026-12-01", "PATH": "/usr/bin:/bin"}
failures = 0


def check(what, ok, detail=""):
    global failures
    if not ok:
        failures += 1
        print(f"FAIL: {what}\n{detail}")


def run(fmt, *statements):
    args = [casus, "--memory", "-f", fmt]
    for s in statements:
        args += ["-e", s]
    r = subprocess.run(args, capture_output=True, text=True, env=env)
    if r.returncode != 0:
        sys.exit(f"FAIL: casus {' '.join(statements)}: exit {r.returncode}: {r.stderr}")
    return r.stdout


def json_answers(out):
    return [json.loads(l) for l in out.splitlines() if l.startswith("{")]


# 1. The mirrored tie and its end.
tie = ["add tie(georgia, armenia, military) on 2020-01-01", "retract tie(georgia, armenia, military) on 2030-01-01"]
answers = json_answers(run("json", *tie, "as of 2025-01-01 what ties armenia to georgia",
                           "as of 2025-01-01 what ties georgia to armenia"))
ties = [a for a in answers if a.get("kind") == "ties"]
check("two ties answers", len(ties) == 2, answers)
mirrored = [f for f in ties[0]["facts"] if f["kind"] == "tie:military"]
stored = [f for f in ties[1]["facts"] if f["kind"] == "tie:military"]
check("the mirrored tie, as asked", [f["fact"] for f in mirrored] == ["tie(armenia,georgia,military)"], ties[0])
check("the mirrored tie ends when its spell ends", [f["to"] for f in mirrored] == ["2030-01-01"], ties[0])
check("the tie as stored ends then too", [f["to"] for f in stored] == ["2030-01-01"], ties[1])
text = run("text", *tie, "as of 2025-01-01 what ties armenia to georgia")
check("the mirrored tie in text", "- tie:military | tie(armenia,georgia,military) | 2020-01-01 | added by the user\n" in text, text)

# 2. Who backs Armenia: by a signature and by its own backing, every format.
backs = ["add signed(georgia, cctss_astana_2015) on 2020-01-01",
         'add supports(cctss_astana_2015, armenia, nagorno_karabakh) on 2020-02-01 source "a test"',
         "add backs(kazakhstan, armenia, nagorno_karabakh) on 2020-03-01", "who backs armenia"]
signed = "signed the CCTSS fifth summit resolution (Astana, September 2015)"
want = [("georgia", "Georgia", "nagorno_karabakh", signed, "2020-02-01", "a test"),
        ("kazakhstan", "Kazakhstan", "nagorno_karabakh", "backs", "2020-03-01", "added by the user"),
        ("kazakhstan", "Kazakhstan", "nagorno_karabakh", signed, "2020-02-01", "a test"),
        ("kyrgyzstan", "Kyrgyzstan", "nagorno_karabakh", signed, "2020-02-01", "a test")]
text = run("text", *backs)
lines = [l for l in text.splitlines() if l.startswith("- ")]
check("who backs in text", lines == [f"- {n} | Nagorno-Karabakh | {h} | {d} | {s}" for _, n, _, h, d, s in want], text)
table = run("table", *backs)
check("who backs in a table: every backer", all(n in table and h in table for _, n, _, h, _, _ in want), table)
rows = list(csv.reader(io.StringIO(run("csv", *backs).split("\n\n")[-1].strip())))
rows = [r for r in rows if len(r) == 6]
check("who backs in CSV", rows[0] == ["state", "name", "issue", "how", "since", "source"] and
      [tuple(r) for r in rows[1:]] == want, rows)
j = [a for a in json_answers(run("json", *backs)) if a.get("kind") == "backers"]
got = [(b["state"], b["name"], b["issue"], b["how"], b["date"], b["source"]) for b in j[0]["backers"]] if j else []
check("who backs in JSON", got == want and all(b["quote"] == "" for b in j[0]["backers"]), j)

# 3. Which treaties bind Armenia: the same treaties in text, CSV and JSON.
text = [l for l in run("text", "which treaties bind armenia").splitlines() if l.startswith("- ")]
rows = [r for r in csv.reader(io.StringIO(run("csv", "which treaties bind armenia"))) if len(r) == 4]
j = [a for a in json_answers(run("json", "which treaties bind armenia")) if a.get("kind") == "treaties"]
treaties = j[0]["treaties"] if j else []
check("treaties: some", len(treaties) >= 2, treaties)
check("treaties: CSV has the JSON's ids", [r[0] for r in rows[1:]] == [t["treaty"] for t in treaties], (rows, treaties))
check("treaties: text has the JSON's names and clauses",
      text == [f"- {t['name']} | {t['bound_since']} | " +
               ", ".join(f"{c['title']} ({c['obligation']})" for c in t["clauses"]) for t in treaties], (text, treaties))

if failures:
    sys.exit(f"fact_answers: {failures} failures")
print("fact_answers: all passed")
