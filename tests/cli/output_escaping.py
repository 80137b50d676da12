#!/usr/bin/env python3
"""Nothing from the data reaches the terminal as a control code, and every
JSON line parses (issue 16 item 4, issue 17 item 1).

A source with an erase-screen sequence, an OSC title sequence, a C1 CSI,
DEL and a tab is added, then shown by history of / list facts about / who
backs / why in text, table, CSV and JSON, in the run that adds it and in a
later one that reads it back from the journal. Invalid UTF-8 and escape
sequences in questions, names and file names go through every format's
error path, and a COW state imported with them in its name through every
answer that names it. The REPL on a pseudo-terminal replays the stored
source without running it. `.graph -V.svg` writes ./-V.svg, and "wrote"
is said only when dot wrote the file.

usage: output_escaping.py CASUS"""
import csv, io, json, os, re, stat, subprocess, sys, tempfile

casus = os.path.abspath(sys.argv[1])
env = dict(os.environ, CASUS_TODAY="2026-11-28")
env.pop("NO_COLOR", None)
tmp = tempfile.mkdtemp(prefix="casus-escaping-")
failures = []

def check(cond, what):
    if not cond:
        failures.append(what)

def run(args, stdin=b"", cwd=tmp, extra_env=None):
    r = subprocess.run([casus, *args], input=stdin, capture_output=True, cwd=cwd, env=dict(env, **(extra_env or {})),
                       timeout=120)
    return r.returncode, r.stdout, r.stderr

# Bytes no output may hold: every C0 control but the line feed (the tab
# too, except in CSV), DEL, and the C1 controls as UTF-8 (0xC2 0x80-0x9F).
def raw_controls(data, allow_tab=False):
    found = [bytes([b]) for b in data if (b < 0x20 and b != 0x0A and not (allow_tab and b == 0x09)) or b == 0x7F]
    found += re.findall(rb"\xc2[\x80-\x9f]", data)
    return found

def check_clean(what, out, err, allow_tab=False):
    for name, data in (("stdout", out), ("stderr", err)):
        bad = raw_controls(data, allow_tab and name == "stdout")
        check(not bad, f"{what}: raw control bytes on {name}: {bad[:5]} in {data[:400]!r}")
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as e:
            failures.append(f"{what}: {name} is not valid UTF-8 ({e}): {data[:400]!r}")

def json_lines(what, out):
    objs = []
    for line in out.decode("utf-8", "replace").splitlines():
        try:
            objs.append(json.loads(line))
        except ValueError as e:
            failures.append(f"{what}: a JSON line does not parse ({e}): {line[:300]!r}")
    return objs

# --- a stored source full of escape sequences ---------------------------------------
hostile = "A\x1b[2J\x1b]0;pwned\x07B\u009bC\x7fD\tE"      # as typed, and as JSON must give it back
escaped = r"A\x1b[2J\x1b]0;pwned\x07B\u009bC\x7fD\tE"     # as text and table show it
escaped_csv = escaped.replace(r"\t", "\t")                # CSV keeps the tab
script = os.path.join(tmp, "hostile.casus")
src = hostile.encode("utf-8")
with open(script, "wb") as f:
    f.write(b'add tie(kazakhstan, armenia, military) on 2026-03-01 source "' + src + b'"\n')
    f.write(b'add backs(kazakhstan, armenia, nagorno_karabakh) on 2026-04-01 source "' + src + b'"\n')
questions = ["history of kazakhstan", "list facts about kazakhstan", "who backs armenia",
             "why would kazakhstan defend armenia against azerbaijan"]
with open(os.path.join(tmp, "ask.casus"), "w") as f:
    f.write("\n".join(questions) + "\n")

for fmt in ("text", "table", "csv", "json"):
    data = os.path.join(tmp, "data-" + fmt)
    for run_no, files in ((1, [script, "ask.casus"]), (2, ["ask.casus"])):
        what = f"-f {fmt}, run {run_no}"
        rc, out, err = run(["--data", data, "-f", fmt, *files])
        check(rc == 0, f"{what}: exit {rc}: {err[:400]!r}")
        check_clean(what, out, err, allow_tab=fmt == "csv")
        text = out.decode("utf-8", "replace")
        if fmt in ("text", "table"):
            check(text.count(escaped) >= 3, f"{what}: the source is not shown escaped 3 times: {text[:1500]!r}")
        elif fmt == "csv":
            cells = [c for row in csv.reader(io.StringIO(text)) for c in row]
            check(cells.count(escaped_csv) >= 3, f"{what}: no CSV field holds the escaped source: {text[:1500]!r}")
        else:
            objs = json_lines(what, out)
            sources = [f.get("source") for o in objs for f in o.get("facts", []) + o.get("backers", [])]
            check(sources.count(hostile) >= 3, f"{what}: JSON does not give the source back intact: {sources}")
            check(b"\\u001b[2J" in out and b"\\u009b" in out and b"\\u007f" in out,
                  f"{what}: ESC, CSI or DEL not escaped as \\u00XX in JSON: {out[:600]!r}")

# --- an imported name with escape sequences -----------------------------------------
# The real COW list and ATOP alliance 1020 (the German Confederation), with
# Bavaria given a code and a name no kb state has (the default kb holds
# every COW state: only a new state's name comes from the import). An import
# may refuse the name (with a clean error); if it takes it, every answer
# that names the state shows it escaped, the DOT of .graph on stdout too.
shared = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "data")
if os.path.isdir(os.path.join(shared, "atop")):
    fx = os.path.join(tmp, "fixture")
    os.makedirs(os.path.join(fx, "atop"))
    evil_name = "Bava\x1b[2Jria\x1b]0;pwn\x07"
    with open(os.path.join(shared, "cow", "states2016.csv"), "rb") as f:
        states = f.read().replace(b"BAV,245,Bavaria,", b"BVX,9245," + evil_name.encode() + b",")
    with open(os.path.join(fx, "states.csv"), "wb") as f:
        f.write(states)
    for name in ("atop-alliance-level.csv", "atop-member-level.csv"):
        with open(os.path.join(shared, "atop", name), "rb") as f:
            rows = f.read().split(b"\n")
        with open(os.path.join(fx, "atop", name), "wb") as f:
            kept = [r for r in rows[1:] if r.startswith(b"1020,")]
            if name == "atop-member-level.csv":
                kept = [r.replace(b"1020,,,245,", b"1020,,,9245,") for r in kept]
            f.write(b"\n".join([rows[0]] + kept) + b"\n")
    data = os.path.join(tmp, "data-import")
    rc, out, err = run(["--data", data, "import", "atop", os.path.join(fx, "atop"), "--states", os.path.join(fx, "states.csv")])
    check_clean("import of a name with escapes", out, err)
    if rc == 0:
        rc, out, err = run(["--data", data, "-f", "json", "-e", "list states"])
        bav = [i for i in json_lines("list states", out)[0]["items"] if i["extra"] == "9245"]
        check(bav and bav[0]["name"] == evil_name, f"the imported name is not kept intact: {bav}")
        bid = bav[0]["id"] if bav else "bavaria"
        stdin = (f"list states\nas of 1830-01-10 who must defend {bid}\n.graph\n"
                 f"as of 1830-01-10 who would defend germany against {bid}\n.why\n").encode()
        for fmt in ("text", "table", "csv", "json"):
            what = f"imported name, -f {fmt}"
            rc, out, err = run(["--data", data, "-f", fmt], stdin=stdin)
            check(rc == 0, f"{what}: exit {rc}: {err[:300]!r}")
            check_clean(what, out, err)
            if fmt != "json":
                check(out.count(b"Bava\\x1b[2Jria\\x1b]0;pwn\\x07") >= 3, f"{what}: the name is not shown escaped: {out[:800]!r}")
            else:  # .graph and .why print DOT and text in every mode: the answers' lines must parse
                objs = json_lines(what, b"\n".join(l for l in out.splitlines() if l.startswith(b"{")))
                check(len(objs) == 3, f"{what}: {len(objs)} JSON answers, want 3")
else:
    print("note: ../shared/data not found: the imported-name check is skipped")

# --- the REPL on a terminal, where the sequences would have run ------------------------
# The stored source, read back from the journal, shown in the coloured table
# and in text. The only escape sequences allowed are casus's colours (SGR,
# ESC [ ... m) and libedit's line editing; no erase-screen, no title, no
# BEL, no raw C1. The coloured verdict column keeps the columns aligned.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ptysession import PtySession
session = PtySession([casus, "--data", os.path.join(tmp, "data-text")], {"CASUS_TODAY": "2026-11-28", "TERM": "xterm"})
session.read_until("casus> ")
session.send("history of kazakhstan\r")
shown_table = session.read_until("casus> ")
session.send("who would defend armenia against azerbaijan\r")
matrix_table = session.read_until("casus> ")
session.send(".mode text\r")
session.read_until("casus> ")
session.send("list facts about kazakhstan\r")
shown_text = session.read_until("casus> ")
session.send(".quit\r")
if session.wait_exit(10) is None:
    session.kill()
    failures.append("the REPL did not leave on .quit")
for what, out in (("REPL table", shown_table), ("REPL text", shown_text)):
    check(escaped in out, f"{what}: the source is not shown escaped: {out[-600:]!r}")
    for seq in ("\x1b[2J", "\x1b]0;", "\x07", "\u009b", "\x7f"):
        check(seq not in out, f"{what}: {seq!r} reached the terminal")
plain = re.sub(r"\x1b\[[0-9;]*m", "", matrix_table).replace("\r", "").splitlines()
header = next((l for l in plain if l.startswith("state") and "score" in l), "")
rows = [l for l in plain if re.match(r"^\S.*  (likely|uncertain|unlikely) +[+-][0-9]", l)]
check("\x1b[32m" in matrix_table or "\x1b[31m" in matrix_table or "\x1b[33m" in matrix_table,
      "REPL table: the verdicts are not coloured")
check(header and rows and all(re.search(r"[+-][0-9]+\.[0-9]{2}", r).start() == header.index("score") for r in rows),
      f"REPL table: the score column is not aligned under its header once colour is stripped: {[header] + rows[:3]}")

# --- invalid UTF-8 and escapes in questions, names, file names ----------------------
bad_lines = [
    b"who must defend \xff\xfe\xc3\x28 against \xa0\xa1\n",   # issue 17: exit 134 in JSON
    b"who backs \xff\xfe\n",
    b"history of \x1b[2Jarmenia\x07\n",
    b"who would defend armenia against \x1b]0;pwned\x07\n",
    b'add tie(kazakhstan, armenia, military) on 2026-13-01 source "\x1b[2J"\n',
]
for fmt in ("text", "table", "csv", "json"):
    for line in bad_lines:
        what = f"-f {fmt} <<< {line!r}"
        rc, out, err = run(["--memory", "-f", fmt], stdin=line)
        check(rc == 1, f"{what}: exit {rc}, want 1: {err[:400]!r}")
        check(b"error" in err, f"{what}: no error message: {err[:400]!r}")
        check_clean(what, out, err)
        if fmt == "json":
            objs = json_lines(what, out)
            check(len(objs) == 1 and "error" in objs[0], f"{what}: no JSON error object: {out[:400]!r}")
        if fmt == "csv":
            list(csv.reader(io.StringIO(out.decode("utf-8", "replace"))))  # raises if it does not parse
# The echoed line keeps its caret under the right place once escaped.
rc, out, err = run(["--memory", "-f", "text"], stdin=b"who must defend \xff\xfe\xc3\x28 against \xa0\xa1\n")
lines = err.decode("utf-8", "replace").splitlines()
check(len(lines) >= 3 and lines[1].index("(") == lines[2].index("^"),
      f"the caret is not under '(' in the escaped line: {lines}")

# A script whose file name holds an OSC sequence and invalid UTF-8: the
# error header names it escaped; JSON's "file" parses.
name = b"bad\x1b]0;pwned\x07\xff.casus"
with open(os.path.join(tmp.encode(), name), "wb") as f:
    f.write(b"who backs nowhere_at_all\n")
for fmt in ("text", "json"):
    rc, out, err = run(["--memory", "-f", fmt, name.decode("utf-8", "surrogateescape")])
    check(rc == 1, f"file name with escapes, -f {fmt}: exit {rc}")
    check(b"bad\\x1b]0;pwned\\x07\\xff.casus:1:" in err, f"file name not shown escaped: {err[:400]!r}")
    check_clean(f"file name with escapes, -f {fmt}", out, err)
    if fmt == "json":
        objs = json_lines("file name with escapes", out)
        check(objs and objs[0]["error"]["file"] == "bad\x1b]0;pwned\x07\ufffd.casus", f"JSON file field: {objs}")
# A file name that does not exist is echoed by the option parser.
rc, out, err = run(["--memory", "no\x1b[2Jsuch.casus"])
check(rc == 2, f"missing file with escapes: exit {rc}, want 2")
check(b"no\\x1b[2Jsuch.casus" in err, f"missing file not named escaped: {err[:300]!r}")
check_clean("missing file with escapes", out, err)

# --- .graph with a file name that looks like an option ------------------------------
gdir = os.path.join(tmp, "graph")
os.mkdir(gdir)
rc, out, err = run(["--memory", "-f", "text"], cwd=gdir,
                   stdin=b"who would defend armenia against azerbaijan\n.graph -V.svg\n.graph -o.png\n")
svg = os.path.join(gdir, "-V.svg")
check(rc == 0, f".graph -V.svg: exit {rc}: {err[:400]!r}")
check(os.path.isfile(svg) and b"<svg" in open(svg, "rb").read(), f".graph -V.svg did not write ./-V.svg: {os.listdir(gdir)}")
check(b"wrote SVG to -V.svg" in out and b"wrote PNG to -o.png" in out, f".graph: no 'wrote': {out[-300:]!r}")
png = os.path.join(gdir, "-o.png")
check(os.path.isfile(png) and open(png, "rb").read(4) == b"\x89PNG", f".graph -o.png did not write ./-o.png")
check(not [f for f in os.listdir(gdir) if f.endswith(".dot") or f.endswith(".tmp")], f"leftovers: {os.listdir(gdir)}")

# A dot that fails, and one that exits 0 but writes nothing: an error, no
# "wrote", and the older file is left as it was.
stubs = os.path.join(tmp, "stubs")
for kind, body in (("fails", "exit 1"), ("silent", "exit 0")):
    os.makedirs(os.path.join(stubs, kind))
    stub = os.path.join(stubs, kind, "dot")
    with open(stub, "w") as f:
        f.write("#!/bin/sh\n" + body + "\n")
    os.chmod(stub, stat.S_IRWXU)
    with open(svg, "w") as f:
        f.write("older")
    rc, out, err = run(["--memory", "-f", "text"], cwd=gdir, extra_env={"PATH": os.path.join(stubs, kind) + ":" + env["PATH"]},
                       stdin=b"who would defend armenia against azerbaijan\n.graph -V.svg\n")
    check(rc == 1, f"dot {kind}: exit {rc}, want 1")
    check(b"wrote" not in out, f"dot {kind}: says it wrote: {out[-300:]!r}")
    check(b"error" in err and b"dot -Tsvg" in err, f"dot {kind}: no error naming dot: {err[:400]!r}")
    check(open(svg).read() == "older", f"dot {kind}: the older ./-V.svg was changed")

if failures:
    print("FAIL:\n  " + "\n  ".join(f[:250] for f in failures[:60]) + (f"\n  ... {len(failures)} in all" if len(failures) > 60 else ""))
    sys.exit(1)
print("output escaping: a stored source in 4 formats x 2 runs and in the REPL, invalid UTF-8 and escapes in 5 bad lines "
      "x 4 formats, file names, an imported name, .graph -V.svg and a failing dot")
