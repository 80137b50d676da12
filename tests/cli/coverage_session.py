#!/usr/bin/env python3
"""The coverage of every answer in one session is the one a fresh casus
gives after the same changes (issue 16 item 6: the engine keeps the kb's
sources while api:api_coverage_key/1, treaty/5's last change, stands;
engine/src/coverage.cpp). On the source
tree's kb (no ATOP), a session asks `who backs armenia` on dates before
and after the COW list's end, under a `suppose`, after an add, and after
a `define` of a treaty named like an ATOP one, which brings ATOP into
the coverage: a cache that missed a change gives the earlier list (this
test fails with one that never asks again).

usage: coverage_session.py CASUS"""
import json, os, subprocess, sys, tempfile

casus = sys.argv[1]
SOURCE_KB = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "kb")
env = dict(os.environ, CASUS_TODAY="2026-12-01")
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


def run(script, data=None):
    with tempfile.NamedTemporaryFile("w", suffix=".casus", delete=False) as f:
        f.write("".join(s + "\n" for s in script))
    where = ["--data", data] if data else ["--memory"]
    r = subprocess.run([casus, "--kb", SOURCE_KB, *where, "-f", "json", f.name], capture_output=True, text=True, env=env)
    os.unlink(f.name)
    if r.returncode != 0:
        sys.exit(f"FAIL: exit {r.returncode}: {r.stderr[:800]}")
    return [json.loads(l) for l in r.stdout.splitlines() if l.strip()]


def coverage(answer):
    return [(c["source"], c["ends"], c["beyond"]) for c in answer.get("coverage", [])]


QUESTION = "who backs armenia"
DEFINE = 'define treaty atop_9999 "A test pact" signed 2001-01-01'
ADD = "add backs(russia, armenia, nagorno_karabakh) on 2020-01-01"
# (what, the statements before the question, the question)
steps = [
    ("first", [], QUESTION),
    ("an old date", [], "as of 2000-01-01 " + QUESTION),
    ("a supposition", [], f"suppose {ADD}: {QUESTION}"),
    ("an add", [ADD], QUESTION),
    ("a define", [DEFINE], QUESTION),
    ("an old date after the define", [], "as of 2000-01-01 " + QUESTION),
]
session, changes, asked = [], [], []  # asked: (what, the changes before it, the question)
for what, before, question in steps:
    session += before + [question]
    changes += before
    asked.append((what, list(changes), question))

answers = run(session)
# The answers that carry a coverage, in order, against each fresh run's last.
with_cov = [a for a in answers if "coverage" in a]
check(len(with_cov) == len(asked), f"{len(with_cov)} answers with a coverage, {len(asked)} questions")
for (what, before, question), got in zip(asked, with_cov):
    want = [a for a in run(before + [question]) if "coverage" in a][-1]
    check(coverage(got) == coverage(want), f"{what}: {coverage(got)} in the session, {coverage(want)} fresh")

sources = [[c[0] for c in coverage(a)] for a in with_cov]
check(sources[0] == ["cow", "curated"], f"no ATOP in the source kb: {sources[0]}")
check(coverage(with_cov[1])[0] == ("cow", "2016-12-31", False), f"2000 is within COW: {coverage(with_cov[1])}")
check("user" in sources[2] and "user" not in sources[1], f"a supposition lists the user's facts: {sources[2]}")
check("user" in sources[3], f"an add lists the user's facts: {sources[3]}")
check(sources[4][0] == "atop" and sources[3][0] != "atop", f"the define brings ATOP: {sources[3]} then {sources[4]}")
check(coverage(with_cov[5])[0] == ("atop", "2016-12-31", False), f"ATOP on 2000: {coverage(with_cov[5])}")

# The same across a data directory's restart: the journal's define is read back.
d = tempfile.mkdtemp(prefix="casus-coverage-")
run([DEFINE], data=os.path.join(d, "data"))
again = [a for a in run([QUESTION], data=os.path.join(d, "data")) if "coverage" in a]
check(again and coverage(again[0])[0][0] == "atop", f"after a restart: {again and coverage(again[0])}")

if failures:
    sys.exit("FAIL:\n  " + "\n  ".join(failures))
print(f"ok: {len(with_cov)} answers' coverage as a fresh casus gives it")
