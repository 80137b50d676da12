#!/usr/bin/env python3
"""`.dump` (issue 17 item 14): the definitions and facts a user added,
as a casus script that rebuilds the data directory. A directory is built
with every kind of definition, adds with dates and sources that hold
backslashes, quotes, unicode, a tab and an ESC, ended and withdrawn
facts, and a curated fact ended and added again; its dump is replayed
into a fresh directory, whose dump must be the same bytes, and whose
answers (`history of`, `list facts about`) must be the same. Also: the
dump is the same after `.compact` (read from the snapshot), it goes to
`.once` and `.output` files, and a directory that holds what no statement
can write (an ATOP import's states, with COW codes) is a clear error that
prints no script at all.

usage: dump.py CASUS"""
import os, re, subprocess, sys, tempfile

casus = sys.argv[1]
SOURCE_KB = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "kb")
ENV = dict(os.environ, CASUS_TODAY="2026-11-28")
ENV.pop("NO_COLOR", None)
tmp = tempfile.mkdtemp(prefix="casus-dump-")
failures = []


def check(what, ok, detail=""):
    if not ok:
        failures.append(f"{what}: {str(detail)[:1500]}")


def run(*args, stdin=None):
    p = subprocess.run([casus, *args], input=stdin, capture_output=True, env=ENV, timeout=300)
    return p.returncode, p.stdout, p.stderr.decode(errors="replace")


def path(name):
    return os.path.join(tmp, name)


ESC = "\x1b"
SCRIPT = f"""define organisation test_union "Test Union" source "C:\\charter\\v2 — «ünïcode» 'single' # no comment"
define treaty test_pact "Test Pact" of test_union signed 2020-01-01 in force 2020-06-01 source "pact\tsource"
define clause test_pact art_5 defence "Article 5" against Russia, Turkey in own territory, europe source "clause src"
define clause test_pact art_6 consultation "Article 6"
define state freedonia "Freedonia"
define issue water_rights "Water rights"
define event freedonia_war "Freedonian war" on 2025-03-01 by Russia against freedonia source "ev"
define declaration test_decl "Test declaration" on 2024-01-01
define territory freedonia_isles "Freedonian Isles" of freedonia in pacific
define treaty solo_pact "Solo Pact" signed 2021-02-02
add member(freedonia, test_union) on 2020-06-01 source "a \\ backslash, a 'quote', {ESC}[31m and ✓"
add member(armenia, test_union) on 2021-01-01
retract member(armenia, test_union) on 2022-01-01
add member(armenia, test_union) on 2023-01-01
add tie(freedonia, armenia, military) on 2024-01-01 source "ünïcode"
add tie(kazakhstan, freedonia, economic) on 2024-02-01
retract tie(kazakhstan, freedonia, economic)
retract member(armenia, csto) on 2027-01-01
add member(armenia, csto) on 2028-01-01
add backs(freedonia, armenia, water_rights) on 2024-05-05
add party(freedonia, solo_pact) on 2021-02-02
add reaction(freedonia, freedonia_war, condemnation) on 2025-03-02
"""
with open(path("build.casus"), "w") as f:
    f.write(SCRIPT)

a, b = path("a"), path("b")
rc, out, err = run("--data", a, path("build.casus"))
check("the directory is built", rc == 0, err)

rc, d1, err = run("--data", a, "-e", ".dump")
check(".dump succeeds", rc == 0 and err == "", (rc, err))
text1 = d1.decode()
lines = text1.splitlines()
statements = [l for l in lines if l and not l.startswith("#")]
check("definitions come first", [s.split()[0] for s in statements[:10]] == ["define"] * 10 and
      all(not s.startswith("define") for s in statements[10:]), statements)
check("the withdrawn fact is not dumped", "tie(kazakhstan, freedonia, economic)" not in text1, text1)
check("an ended spell is an add and a retract",
      "add member(armenia, test_union) on 2021-01-01\nretract member(armenia, test_union) on 2022-01-01\n" in text1, text1)
check("a curated fact ended is a retract before its new add",
      -1 < text1.find("retract member(armenia, csto) on 2027-01-01") < text1.find("add member(armenia, csto) on 2028-01-01"),
      text1)
check("sources are written byte for byte", f'source "a \\ backslash, a \'quote\', {ESC}[31m and ✓"' in text1 and
      'source "pact\tsource"' in text1 and "«ünïcode» 'single' # no comment\"" in text1, text1)
check("a clause keeps its conditions",
      'define clause test_pact art_5 defence "Article 5" against russia, turkey in own_territory, europe source "clause src"'
      in text1, text1)
check("default sources are left out", 'source "added by the user"' not in text1 and "defined by the user" not in text1,
      text1)
with open(path("dump1.casus"), "wb") as f:
    f.write(d1)

# Replayed into a fresh directory, dumped again: the same bytes.
rc, out, err = run("--data", b, path("dump1.casus"))
check("the dump replays", rc == 0 and "error" not in err, (rc, err))
rc, d2, err = run("--data", b, "-e", ".dump")
check("the dump of the rebuilt directory is the same bytes", rc == 0 and d2 == d1,
      (rc, err, d1.decode()[-800:], d2.decode()[-800:]))

# The same answers in both (the recording times aside, which are now).
STAMP = re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(\.\d+)?Z?")


def answers(data):
    qs = []
    for who in ["freedonia", "armenia", "test_union", "kazakhstan", "water_rights", "test_pact", "solo_pact"]:
        qs += ["-e", f"history of {who}", "-e", f"list facts about {who}",
               "-e", f"as of 2021-06-01 list facts about {who}"]
    qs += ["-e", "as of 2029-01-01 who must defend freedonia", "-e", "as of 2029-01-01 list facts about armenia",
           "-e", "list declarations", "-e", "list events", "-e", "list territories", "-e", "which treaties bind freedonia"]
    rc, out, err = run("--data", data, "-f", "text", *qs)
    return rc, STAMP.sub("<time>", out.decode()), err


ra, oa, ea = answers(a)
rb, ob, eb = answers(b)
check("the answers are asked", ra == 0 and "Freedonia" in oa and "<time>" in oa, (ra, ea, oa[:400]))
check("the rebuilt directory answers the same", (ra, oa) == (rb, ob), (ea, eb, oa[:1200], ob[:1200]))

# After .compact the facts come from the snapshot: the same dump, the
# same answers (a curated fact's end too, which .compact once lost).
rc, out, err = run("--data", a, "-e", ".compact")
rc2, d3, err2 = run("--data", a, "-e", ".dump")
check("the dump is the same after .compact", rc == 0 and rc2 == 0 and d3 == d1, (err, err2, d3.decode()[-600:]))
rc, oc, ec = answers(a)
check("the answers are the same after .compact", (rc, oc) == (ra, oa), (ec, oc[:1200]))

# .once and .output take the dump; nothing on stdout.
once, output = path("once.casus"), path("output.casus")
rc, out, err = run("--data", a, "-e", f".once {once}", "-e", ".dump", "-e", f".output {output}", "-e", ".dump",
                   "-e", ".output")
check(".dump honours .once and .output", rc == 0 and out == b"" and open(once, "rb").read() == d1 and
      open(output, "rb").read() == d1, (rc, out[:300], err))

# A directory with nothing added dumps its header alone, and replays.
rc, empty, err = run("--memory", "-e", ".dump")
check("an empty dump", rc == 0 and all(l.startswith(b"#") for l in empty.splitlines()), (rc, empty, err))

# What no statement can write: the states an ATOP import made (COW codes),
# on the source kb, which lacks them. A clear error, and no script.
atop = os.path.join(SOURCE_KB, "data", "atop")
states = os.path.join(SOURCE_KB, "data", "cow", "states2016.csv")
c = path("c")
rc, out, err = run("--kb", SOURCE_KB, "--data", c, "import", "atop", atop, "--states", states)
check("the ATOP import runs", rc == 0, err[-800:])
rc, out, err = run("--kb", SOURCE_KB, "--data", c, "-e", ".dump")
check("an import's states are a clear error, and no script is printed",
      rc == 1 and out == b"" and "cannot dump" in err and "import" in err and "nothing was dumped" in err,
      (rc, out[:300], err))

if failures:
    print("FAIL:\n" + "\n".join(failures))
    sys.exit(1)
print("ok: .dump replays, byte for byte and answer for answer")
