#!/usr/bin/env python3
"""Every statement of the kinds script, one at a time, in CSV, JSON and
text, read back by programs: CSV by python's csv module (one header, every
row as long as it, ids and dates where they belong; `why` with its ally,
attacker and date), JSON by the json module (every answer with its kind
and notes), text with as many fields on every row of a table (empty ones
kept) and names, not ids, in titles; factors with their sign."""
import csv, io, json, os, re, subprocess, sys

casus, script = sys.argv[1], sys.argv[2]
env = dict(os.environ, CASUS_TODAY="2026-11-28")
failures = []
statements = [l.strip() for l in open(script) if l.strip() and not l.startswith("#")]


ADD = 'add tie(kazakhstan, armenia, military) on 2026-03-01 source "joint exercise"'


def run(fmt, statement):
    """The answer to statement alone (a retract after the add it needs)."""
    before = [ADD] if statement.startswith("retract") else []
    args = [a for st in before + [statement] for a in ("-e", st)]
    r = subprocess.run([casus, "--memory", "-f", fmt, *args], capture_output=True, text=True, env=env, timeout=120)
    if r.returncode != 0:
        failures.append(f"{fmt} {statement!r}: exit {r.returncode}: {r.stderr[-300:]}")
    if before:  # the add's answer is its first line (JSON), or two (a CSV header and row)
        return "".join(r.stdout.splitlines(True)[1 if fmt == "json" else 2:])
    return r.stdout


for st in statements:
    rows = list(csv.reader(io.StringIO(run("csv", st))))
    if not rows:
        failures.append(f"csv {st!r}: no header")
        continue
    header, body = rows[0], rows[1:]
    if len(set(header)) != len(header):
        failures.append(f"csv {st!r}: a column twice in {header}")
    bad = [r for r in body if len(r) != len(header)]
    if bad:
        failures.append(f"csv {st!r}: {len(bad)} rows not as long as the header {header}: {bad[0]}")
    if any(r == header for r in body):
        failures.append(f"csv {st!r}: a second header inside")
    for name in ("date", "since", "until", "as_of", "from", "to", "bound since"):
        if name in header:
            i = header.index(name)
            odd = [r[i] for r in body if r[i] and not re.fullmatch(r"\d{4}-\d\d-\d\d", r[i])]
            if odd:
                failures.append(f"csv {st!r}: {name} not a date: {odd[:3]}")
    if st.startswith("as of 2015-12-31 why"):
        want = ["ally", "attacker", "as_of", "state", "verdict", "score", "probability", "part", "detail", "weight"]
        if header[:len(want)] != want or not body:
            failures.append(f"csv why: header {header}")
        elif {(r[0], r[1], r[2], r[3]) for r in body} != {("armenia", "azerbaijan", "2015-12-31", "kazakhstan")}:
            failures.append(f"csv why: rows of another question: {body[0]}")
        elif not all(re.fullmatch(r"[+-]\d+\.\d+", r[header.index("weight")]) if r[header.index("part")] == "factor"
                     else r[header.index("weight")] == "" for r in body):
            failures.append(f"csv why: a factor's weight without its sign, or an obligation with one: "
                            f"{[r[header.index('weight')] for r in body][:8]}")
    doc = [json.loads(l) for l in run("json", st).splitlines()]
    notes = doc[0].get("notes") if len(doc) == 1 else None
    if len(doc) != 1 or "kind" not in doc[0] or doc[0].get("question") != st or \
            not isinstance(notes, list) or not all(isinstance(n, str) for n in notes):
        failures.append(f"json {st!r}: {str(doc)[:300]}")

# Text: a table's rows keep their empty fields, so every row has as many.
text = run("text", "as of 1995-06-01 members of CSTO").splitlines()
if text[0] != "Members of the Collective Security Treaty Organization (as of 1995-06-01):":
    failures.append(f"text title: {text[0]!r}")
if len({l.count(" |") for l in text[1:]}) != 1:
    failures.append(f"text rows with fields dropped: {text[1:4]}")
titles = {"who backs Azerbaijan": "Who backs Azerbaijan (", "which treaties bind Armenia": "Treaties binding Armenia (",
          "history of Belarus": "History of Belarus:", "as of 2015-12-31 what ties Kazakhstan to Azerbaijan": "What ties Kazakhstan to Azerbaijan ("}
for st, want in titles.items():
    got = run("text", st).splitlines()[0]
    if not got.startswith(want):
        failures.append(f"text title of {st!r}: {got!r}")
backers = run("text", "who backs Azerbaijan")
if "- Belarus | Nagorno-Karabakh |" not in backers:
    failures.append(f"text rows show ids: {backers[:200]!r}")
reasons = run("text", "as of 2015-12-31 who would defend Armenia against Azerbaijan")
if "shares the eeu" in reasons or "turkic kinship with Azerbaijan (-1.5)" not in reasons or "(+0.5)" not in reasons:
    failures.append(f"text factors without their names or signs: {reasons[:400]!r}")
dates = run("csv", "list treaties")
if re.search(r",\d{8}$", dates, re.M) or not re.search(r"^collective_security_treaty,.*,1992-05-15$", dates, re.M):
    failures.append("list treaties: dates not as YYYY-MM-DD")

for f in failures:
    print("FAIL:", f)
sys.exit(1 if failures else 0)
