#!/usr/bin/env python3
"""The tables kept across questions (kb/memo.pl), through the real casus
binary: one session asks the same `who would defend` question after each
change to the store (an add, a dated retract, an undated one, a definition
and the facts that use it, a `suppose`, a place, a rule file loaded, an
add persisted in a data directory and a start from its journal), and
every answer must be the one a fresh casus gives after the same changes,
asking once (so nothing can come from a table). A table left over from
before a change would be a silently wrong answer; the test also checks
that each change did change the answer, so it proves something.

usage: memo.py CASUS"""
import json, os, shutil, subprocess, sys, tempfile

casus = sys.argv[1]
env = dict(os.environ, CASUS_TODAY="2026-11-28")
work = tempfile.mkdtemp(prefix="casus-memo-")
failures = []

Q = "who would defend Armenia against Azerbaijan"
rules = os.path.join(work, "rules.pl")
with open(rules, "w") as f:
    f.write('factor(turkmenistan, armenia, azerbaijan, _, 3, "a test rule: Turkmenistan stands by Armenia").\n')

# Each step: the statements that change something, then the question(s)
# asked after them. A step's question is answered in the session after all
# the steps before it.
steps = [
    ([], [Q]),
    (["add tie(kazakhstan, armenia, military) on 2026-01-01"], [Q]),
    (["retract tie(kazakhstan, armenia, military) on 2026-06-01"], [Q]),
    (["retract tie(kazakhstan, armenia, military)"], [Q]),
    (['define treaty memo_pact "Memo Pact" signed 2025-01-01',
      'define clause memo_pact art1 defence "Article 1"',
      "add party(armenia, memo_pact) on 2025-01-01",
      "add party(turkmenistan, memo_pact) on 2025-01-01"], [Q]),
    ([], ["suppose add party(georgia, memo_pact) on 2025-01-01: " + Q]),
    ([], [Q]),
    ([], [Q + " in Nagorno-Karabakh"]),
    ([], [Q]),
    ([".load " + rules], [Q]),
]


def check(cond, what):
    if not cond:
        failures.append(what)
        print(f"FAIL: {what}", file=sys.stderr)


def run(statements, data=None):
    args = [casus, "-f", "json"] + (["--data", data] if data else ["--memory"])
    for s in statements:
        args += ["-e", s]
    r = subprocess.run(args, capture_output=True, text=True, env=env)
    check(r.returncode == 0, f"exit status {r.returncode} for {statements}: {r.stderr[-800:]}")
    # (.load says what it loaded in a plain line, whatever the format)
    return [json.loads(line) for line in r.stdout.splitlines() if line.startswith("{")]


def questions_of(out):
    return [o for o in out if "answers" in o]


# The whole session at once, and each step's answer from a fresh casus.
session, done = [], []
for changes, qs in steps:
    session += changes + qs
asked = questions_of(run(session))
expected = []
for changes, qs in steps:
    done += changes
    fresh = questions_of(run(done + qs))
    expected += fresh
check(len(asked) == len(expected) == sum(len(qs) for _, qs in steps),
      f"{len(asked)} answers in the session, {len(expected)} fresh")
for i, (a, e) in enumerate(zip(asked, expected)):
    check(a == e, f"step {i}: the session's answer differs from a fresh casus's after the same changes")


def defenders(answer):
    return {d["state"]: d["score"] for d in answer["answers"]}


if len(asked) == len(steps):
    a = [defenders(x) for x in asked]
    check(a[1].get("kazakhstan") != a[0].get("kazakhstan"), "the add changed Kazakhstan's score")
    check(a[3] == a[0], "the undated retract gave the first answer back")
    check("turkmenistan" in a[4] and "turkmenistan" not in a[3], "the new treaty made Turkmenistan a defender")
    check("georgia" in a[5] and "georgia" not in a[6], "the supposed party defends in its world only")
    check(a[6] == a[4], "after the suppose, the real world's answer")
    check(a[7] != a[8], "the place changes the answer")
    check(a[9].get("turkmenistan") != a[8].get("turkmenistan"), "the rule file changed Turkmenistan's score")

# Persisted: an add in a data directory, then a start that replays it.
data = os.path.join(work, "data")
first = questions_of(run([Q, "add tie(kazakhstan, armenia, military) on 2026-01-01", Q], data))
again = questions_of(run([Q], data))
check(len(first) == 2 and len(again) == 1, "answers with a data directory")
if len(first) == 2 and len(again) == 1:
    check(defenders(first[0]) != defenders(first[1]), "the persisted add changed the answer")
    check(first[1] == again[0], "the answer after a replay of the journal is the session's")

shutil.rmtree(work, ignore_errors=True)
if failures:
    sys.exit(f"{len(failures)} failures")
print(f"memo: {len(asked)} answers of one session equal a fresh casus's after each change")
