#!/usr/bin/env python3
"""Every text of a defenders answer comes out as it went in, whatever its
characters: the engine reads the answer's atoms and strings in place
(SWI-Prolog keeps text as Latin-1 when every character is below U+0100,
as wide characters otherwise) and the writers copy plain ASCII runs eight
bytes at a time, so text of each kind, and a control code at any offset,
must still arrive intact in JSON and escaped in text.

A state is defined with a name of Cyrillic, CJK, an astral emoji and
Latin-1 letters, and given ties whose sources hold each kind of text,
control codes among them. `who would defend armenia against azerbaijan`
must give every one of them back in JSON exactly (and `why` the same
defender's object as `who would defend` does: one writer), in text with
the controls escaped and everything else as it is.

usage: answer_texts.py CASUS"""
import json, os, subprocess, sys, tempfile

from checks import check, failures

casus = os.path.abspath(sys.argv[1])
env = dict(os.environ, CASUS_TODAY="2026-11-28")
tmp = tempfile.mkdtemp(prefix="casus-answer-texts-")

name = "Мир – 世界 😀 Ærø"
sources = {
    "military": "учения ¶ café – 😀",                       # wide (BMP and astral) with Latin-1
    "economic": "Tratado de Cooperación, art. 5 ¶2 (Ñ)",     # Latin-1 only
    "political": "plain ascii source, long enough for words",  # ASCII
    "cultural": "A\x1b[2J and\x7f\u009b tail back\\slash",  # controls and a backslash at odd offsets
}
escaped_cultural = "A\\x1b[2J and\\x7f\\u009b tail back\\slash"  # as text shows it

script = os.path.join(tmp, "texts.casus")
with open(script, "wb") as f:
    f.write(f'define state mir "{name}"\n'.encode())
    for kind, src in sources.items():
        f.write(f'add tie(mir, armenia, {kind}) on 2020-01-01 source "{src}"\n'.encode())
questions = ["who would defend armenia against azerbaijan", "why would mir defend armenia against azerbaijan"]
with open(os.path.join(tmp, "ask.casus"), "w") as f:
    f.write("\n".join(questions) + "\n")


def run(fmt):
    r = subprocess.run([casus, "--memory", "-f", fmt, script, os.path.join(tmp, "ask.casus")], capture_output=True,
                       env=env, timeout=120)
    check(r.returncode == 0, f"-f {fmt}: exit {r.returncode}: {r.stderr[:400]!r}")
    return r.stdout.decode("utf-8")


# JSON: the texts exactly, in the defender's name and in every factor's and
# piece of evidence's source.
lines = [json.loads(l) for l in run("json").splitlines() if l.startswith("{")]
answers = [o for o in lines if o.get("kind") in ("defenders", "why")]
check(len(answers) == 2, f"JSON: {len(answers)} answers to the two questions")
if len(answers) == 2:
    defenders, why = answers
    mine = [a for a in defenders["answers"] if a["state"] == "mir"]
    check(len(mine) == 1, f"JSON: mir is not one of the defenders: {[a['state'] for a in defenders['answers']]}")
    if mine:
        m = mine[0]
        check(m["name"] == name, f"JSON: the name came back as {m['name']!r}, not {name!r}")
        got = {f["kind"].split(":")[-1]: f for f in m["factors"] if f["kind"].startswith("tie_with_ally:")}
        for kind, src in sources.items():
            f = got.get(kind)
            check(f is not None, f"JSON: no tie_with_ally:{kind} factor: {sorted(got)}")
            if f:
                check(f["source"] == src, f"JSON: the {kind} factor's source is {f['source']!r}, not {src!r}")
                check([e["source"] for e in f["evidence"]] == [src], f"JSON: the {kind} evidence: {f['evidence']}")
                check(f["evidence"][0]["fact"] == f"tie(mir,armenia,{kind})", f"JSON: the fact: {f['evidence'][0]['fact']!r}")
                check(f["evidence"][0]["date"] == "2020-01-01", f"JSON: the date: {f['evidence'][0]['date']!r}")
        # `why` writes the defender with the same writer: the same object.
        check(why["answers"] == [m], f"JSON: why's answer differs from who would defend's: {why['answers']} vs {m}")

# Text: the name as it is, the control codes of a source escaped (the
# sources are shown by `why`, one line per piece of evidence).
text = run("text")
check(f"- {name} has no obligation" in text, f"text: the defender's line does not start with its name: {text[:600]!r}")
for kind, src in sources.items():
    shown = escaped_cultural if kind == "cultural" else src
    check(f"tie(mir,armenia,{kind})  [{shown}, 2020-01-01]" in text, f"text: the {kind} evidence is not shown as {shown!r}")
check("\x1b" not in text and "\x7f" not in text and "\u009b" not in text, "text: a raw control code reached the output")

if failures:
    sys.exit(f"{len(failures)} failures")
print("answer texts: ok")
