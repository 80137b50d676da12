#!/usr/bin/env python3
"""The language where typing naturally fails (issue 17 items 6, 11, 16;
issue 18 item 3), run through the real casus binary on the default kb.

1. No error message names a C++ type, in text or JSON: every statement of
   a corpus is cut short and corrupted at every token, and every error
   line (stderr in text; stderr and the JSON error objects in json) must
   read as English.
2. A trailing ';' or '.' ends a statement; a modifier may follow the
   question; a question without its attacker says what it needs; a stray
   word gets the caret; one state in two roles is refused.
3. Names with keywords or punctuation are read without quotes; "did you
   mean" offers only near names and otherwise says how to list them.

usage: language.py CASUS"""
import json, os, re, subprocess, sys

casus = sys.argv[1]
env = dict(os.environ, CASUS_TODAY="2026-12-01")
failures = []


def run(args, stdin=None):
    return subprocess.run([casus, "--memory"] + args, input=stdin, capture_output=True, text=True, env=env,
                          timeout=600)


def check(ok, what):
    if not ok:
        failures.append(what)


# --- 1. every expectation point, in text and JSON --------------------------------
corpus = [
    "who would defend Armenia against Azerbaijan?",
    "would Kazakhstan defend Armenia against Azerbaijan",
    "who must defend Turkey against Russia;",
    "who is obligated to defend Turkey against Russia.",
    "why would Kazakhstan not defend Armenia against Azerbaijan",
    "what ties Kazakhstan to Azerbaijan",
    "which treaties bind Bosnia and Herzegovina",
    "who belongs to CSTO",
    "list facts about Tajikistan",
    "history of St. Lucia",
    "as of 2014-01-01 who must defend Georgia",
    "suppose add member(georgia, nato) on 2026-01-01 and retract member(armenia, csto): who must defend georgia",
    "who must defend georgia as of 2010-01-01",
    "add tie(kazakhstan, armenia, military) on 2026-03-01 source \"joint exercise\"",
    "import atop \"/nonexistent\" states \"/nonexistent.csv\"",
]


def tokens(s):
    return [m.start() for m in re.finditer(r'"[^"]*"?|[\w\'\-\x80-\U0010ffff]+|\S', s)] + [len(s)]


variants = []
for s in corpus:
    starts = tokens(s)
    for b, e in zip(starts, starts[1:]):
        variants.append(s[:b])
        for stray in ("zzq ", ") ", ", ", ": ", '"', "2014-13-01 ", "( "):
            variants.append(s[:b] + stray + s[e:])
        variants.append(s[:b] + s[e:])
        variants.append(s[:b] + s[b:e] + s[b:e] + s[e:])
# A blank line between statements: none continues another.
script = "\n\n".join(v for v in variants if v.strip() and not v.lstrip().startswith(".")) + "\n"
mangled = re.compile(r"N5boost|spirit|x3|::|INS|something else here")
for fmt in ("text", "json"):
    r = run(["-f", fmt], script)
    errors = [l for l in r.stderr.splitlines() if ": error: " in l]
    check(len(errors) > 300, f"{fmt}: only {len(errors)} errors for {len(variants)} variants")
    for l in errors:
        check(not mangled.search(l.split(": error: ", 1)[1]), f"{fmt}: {l[:300]}")
    if fmt == "json":
        objects = [json.loads(l) for l in r.stdout.splitlines() if l.startswith('{"error"')]
        check(len(objects) == len(errors), f"json: {len(objects)} error objects, {len(errors)} error lines")
        for o in objects:
            check(not mangled.search(o["error"]["message"]), f"json: {o['error']['message'][:300]}")

# --- 2. statement ends, modifiers after, what a question needs, carets, roles ---
def first_error(statement, fmt="json"):
    r = run(["-f", "json", "-e", statement])
    objs = [json.loads(l) for l in r.stdout.splitlines() if l.startswith('{"error"')]
    return r.returncode, objs[0]["error"] if objs else None


for s in ("who must defend Armenia;", "who must defend Armenia.", "who must defend Armenia?;", "list organisations."):
    r = run(["-e", s])
    check(r.returncode == 0 and not r.stderr, f"{s!r}: exit {r.returncode} {r.stderr[:200]}")

after = run(["-f", "json", "-e", "who must defend armenia as of 2010-01-01"])
before = run(["-f", "json", "-e", "as of 2010-01-01 who must defend armenia"])
a, b = (json.loads(x.stdout) for x in (after, before))
a.pop("question"), b.pop("question")
check(after.returncode == 0 and a == b and a["as_of"] == "2010-01-01", f"as of after the question: {after.stderr[:200]}")

rc, e = first_error("would russia defend armenia?")
check(rc == 1 and e and "add 'against STATE'" in e["message"], f"would without attacker: {e}")
for statement, column, word in (("who would defend Armenia vs Azerbaijan", 26, "vs"),
                                ("who would defend Armenia from Azerbaijan", 26, "from"),
                                ("who would defend Armenia Azerbaijan", 26, "Azerbaijan")):
    rc, e = first_error(statement)
    check(rc == 1 and e and e["column"] == column and f"found '{word}'" in e["message"], f"{statement}: {e}")
for statement, column, text in (
        ("would Kazakhstan defend Kazakhstan against Azerbaijan", 25, "'Kazakhstan' is both the defender and the ally"),
        ("would Kazakhstan defend Armenia against Astana", 41, "is both the defender and the attacker"),
        ("who would defend Armenia against Armenia", 34, "'Armenia' is both the ally and the attacker"),
        ("add tie(armenia, armenia, military)", 18, "a tie is between two different states"),
        ("suppose add rivalry(russia, russia): who would defend Armenia against Azerbaijan", 29,
         "a rivalry is between two different states")):
    rc, e = first_error(statement)
    check(rc == 1 and e and e["kind"] == "validation" and e["column"] == column and text in e["message"],
          f"{statement}: exit {rc} {e}")
# A refused add writes nothing: the tie is not there afterwards.
r = run(["-f", "json"], "add tie(armenia, armenia, military)\nlist facts about armenia\n")
facts = [o for o in map(json.loads, (l for l in r.stdout.splitlines() if l.startswith("{"))) if "facts" in o]
check(facts and not any("tie(armenia,armenia" in f["fact"].replace(" ", "") for f in facts[0]["facts"]), "self-tie stored")

# --- 3. names: unquoted with keywords and punctuation; did you mean ---------------
for name in ("Bosnia and Herzegovina", "Trinidad and Tobago", "Antigua & Barbuda", "St. Lucia", "Guinea-Bissau",
             "Côte d'Ivoire", "U.S.", "Saint Lucia"):
    r = run(["-f", "json", "-e", f"which treaties bind {name}"])
    check(r.returncode == 0 and json.loads(r.stdout).get("kind") == "treaties", f"{name}: {r.stderr[:200]}")
r = run(["-f", "json", "-e", "add tie(St. Lucia, Antigua & Barbuda, economic) on 2026-01-01"])
check(r.returncode == 0 and json.loads(r.stdout).get("action") == "added", f"fact with punctuated names: {r.stderr[:200]}")
for typed, want in (("Kazahkstan", "did you mean 'kazakhstan'?"), ("Srbia", "did you mean 'serbia'?"),
                    ("Burmaa", "did you mean 'burma'?")):
    rc, e = first_error(f"who must defend {typed}")
    check(e and want in e["message"], f"{typed}: {e}")
# Far from every name: no guess, but how to see the names.
for typed in ("Burmese Republic", "Atlantis"):
    rc, e = first_error(f"who must defend {typed}")
    check(e and "did you mean" not in e["message"] and "list states" in e["message"], f"{typed}: {e}")

for f in failures:
    print("FAIL:", f)
if failures:
    sys.exit(1)
print(f"ok: {len(variants)} broken statements in text and json, statement ends, modifiers, carets, roles, names")
