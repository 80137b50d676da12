#!/usr/bin/env python3
"""casus's options and dot-commands as sqlite3 and psql users reach for
them (issue 17, items 5, 10-13, 15), in batch runs of the real binary:
-e and files in the order given, - for stdin, --rules before a script,
--bail in a script, .exit N, .once and .output, .show, .mode, .headers,
.timer ON, --init, --cmd, --echo, .help in 80 columns, and the man page
made from the text of --help and .help and installed by cmake --install.

usage: shell_options.py CASUS BUILD_DIR"""
import os, re, subprocess, sys, tempfile

casus, build = sys.argv[1], sys.argv[2]
tmp = tempfile.mkdtemp()
ENV = dict(os.environ, CASUS_TODAY="2026-11-28", HOME=tmp, XDG_DATA_HOME=os.path.join(tmp, "xdg"))
failures = []


def run(*args, stdin=""):
    p = subprocess.run([casus, "--memory", "-f", "text", *args], input=stdin, capture_output=True, text=True,
                       env=ENV, timeout=120)
    return p.returncode, p.stdout, p.stderr


def write(name, text):
    path = os.path.join(tmp, name)
    with open(path, "w") as f:
        f.write(text)
    return path


def titles_of(out):
    """The answers' title lines (a note such as Coverage: is not one)."""
    return [l for l in out.splitlines() if re.match(r"(Who|Known) ", l)]


def check(name, ok, detail=""):
    print(("ok   " if ok else "FAIL ") + name + ("" if ok else ": " + str(detail)[-1200:]))
    if not ok:
        failures.append(name)


one = write("one.casus", "list organisations\n")
two = write("two.casus", "who backs Azerbaijan\n")
rules = write("rules.pl", 'factor(_, _, _, _, 0, "never") :- fail.\n')

# -e takes one statement; -e and files run in the order given.
rc, out, err = run("-e", "who must defend Estonia", one, "-e", "who backs Armenia")
titles = titles_of(out)
check("-e and files in order", rc == 0 and len(titles) == 3 and titles[0].startswith("Who must defend Estonia")
      and titles[1].startswith("Known organisations") and titles[2].startswith("Who backs"), (rc, titles, err))
# - is stdin, in its place among the others.
rc, out, err = run("-e", "list organisations", "-", stdin="who backs Azerbaijan\n")
titles = titles_of(out)
check("- reads stdin", rc == 0 and titles[0].startswith("Known organisations") and titles[1].startswith("Who backs"),
      (rc, titles, err))
# --rules FILE takes one file: the script after it is a script.
rc, out, err = run("--rules", rules, two)
check("--rules then a script", rc == 0 and "Turkey" in out, (rc, out, err))

# --bail: a script stops at its first error, exit status 1.
bad = write("bad.casus", "who backs Nowhre\nwho backs Azerbaijan\n")
rc, out, err = run("--bail", bad)
check("--bail stops a script, exit 1", rc == 1 and "Turkey" not in out and "Nowhre" in err, (rc, out, err))

# .exit N leaves with N; nothing after it runs.
rc, out, err = run(stdin="who backs Azerbaijan\n.exit 4\nlist organisations\n")
check(".exit N", rc == 4 and "Turkey" in out and "Known organisations" not in out, (rc, out, err))
rc, out, err = run(stdin=".exit 300\n")
check(".exit outside 0-255 is an error", rc == 1 and "0 to 255" in err, (rc, err))
for word in [".quit", ".q", "\\q"]:
    rc, out, err = run(stdin=f"{word}\nwho backs Azerbaijan\n")
    check(f"{word} leaves", rc == 0 and "Turkey" not in out, (rc, out, err))

# .once: catches a dot-command's output (.why), takes a quoted name, and
# applies to the next statement only, even when that one fails.
once = os.path.join(tmp, "my once.txt")
rc, out, err = run(stdin=f'who would defend Armenia against Azerbaijan\n.once "{once}"\n.why\nwho backs Azerbaijan\n')
text = open(once).read() if os.path.exists(once) else ""
check(".once catches .why, quoted name", "Russia" in text and "Turkey" in out and "Turkey" not in text,
      (rc, text[:300], out[-300:], err))
once2 = os.path.join(tmp, "once2.txt")
rc, out, err = run(stdin=f".once {once2}\nwho backs Nowhre\nwho backs Azerbaijan\n")
check(".once ends with a failing statement", os.path.exists(once2) and "Turkey" in out, (rc, out, err))
# A file that refuses the output (a full disk) is an error, not silence.
if os.path.exists("/dev/full"):
    rc, out, err = run(stdin=".once /dev/full\nwho backs Azerbaijan\n")
    check(".once to a full disk", rc == 1 and "cannot write" in err, (rc, err))
    rc, out, err = run(stdin=".output /dev/full\nwho backs Azerbaijan\n.output\n")
    check(".output to a full disk", rc == 1 and "cannot write" in err, (rc, err))
# .output FILE until .output alone.
output = os.path.join(tmp, "output.txt")
rc, out, err = run(stdin=f".output {output}\nwho backs Azerbaijan\nlist organisations\n.output\nwho backs Armenia\n")
text = open(output).read() if os.path.exists(output) else ""
check(".output FILE, then .output", "Turkey" in text and "Known organisations" in text and "who backs armenia" not in text.lower()
      and "who backs armenia" in out.lower() and "Turkey" not in out, (rc, text[:200], out, err))

# Settings: .show lists them, .mode alone prints the mode, .headers and
# .timer take on/off in any case.
rc, out, err = run(stdin=".mode csv\n.headers off\n.timer ON\n.mode\n.show\n")
check(".mode alone, .headers, .timer ON, .show", rc == 0 and "current output mode: csv" in out
      and re.search(r"mode: csv", out) and re.search(r"headers: off", out) and re.search(r"timer: on", out), (rc, out, err))
# .headers off: CSV and table answers are their rows alone.
rc, out, err = run(stdin=".mode csv\n.headers off\nwho backs Azerbaijan\n.headers on\nwho backs Azerbaijan\n")
rows = out.splitlines()
n = (len(rows) - 1) // 2  # n rows, then a header and the same n rows
check(".headers off drops the CSV header, on brings it back", rc == 0 and len(rows) % 2 == 1 and n > 1
      and rows[0].startswith("belarus,") and rows[n].startswith("state,") and rows[n + 1:] == rows[:n], (rc, rows[:3], err))
rc, out, err = run(stdin=".mode table\n.headers off\nwho backs Azerbaijan\n")
check(".headers off drops the table's header and rule", rc == 0 and "Belarus" in out
      and not re.search(r"^-+ ", out, re.M) and not re.search(r"^state ", out, re.M), (rc, out[:300], err))
rc, out, err = run(stdin=".headers maybe\n")
check(".headers takes on or off", rc == 1 and "on or off" in err, (rc, err))

# --init FILE, --cmd STMT (before the inputs), --echo.
init = write("init.rc", ".mode json\n")
rc, out, err = run("--init", init, "-e", "who backs Azerbaijan")
check("--init FILE", rc == 0 and out.lstrip().startswith("{"), (rc, out[:200], err))
rc, out, err = run("--cmd", ".mode csv", "--cmd", ".headers off", "-e", ".show")
check("--cmd, one statement each", rc == 0 and "mode: csv" in out and "headers: off" in out, (rc, out, err))
rc, out, err = run("--echo", "-e", "who backs Azerbaijan", "-e", "list organisations")
lines = out.splitlines()
check("--echo", rc == 0 and lines[0] == "who backs Azerbaijan" and "list organisations" in lines, (rc, lines[:3], err))

# .import FILE.csv KIND: each bad row named by its line, and then nothing
# is added (all or nothing: tests/cli/csv_import.py).
data = os.path.join(tmp, "import-data")
ties = write("ties.csv", "state,state,kind,date,source\n"
             "armenia,kazakhstan,military,2026-03-01,joint exercise\n"
             "Nowhre,armenia,military,,\n"
             "armenia,russia,bogus,2026-01-01,x\n"
             "belarus,\"arm\"\"enia\",military,,\n"
             "turkey,azerbaijan\n")
p = subprocess.run([casus, "--data", data, "-f", "text"], input=f'.import "{ties}" tie\n', capture_output=True,
                   text=True, env=ENV, timeout=120)
lines = {int(m.group(1)) for m in re.finditer(r"ties\.csv:(\d+):\d+: error", p.stderr)}
check(".import reports rows by line", p.returncode == 1 and lines == {3, 4, 5, 6} and "nothing was imported" in p.stderr,
      (p.returncode, sorted(lines), p.stdout, p.stderr))
p = subprocess.run([casus, "--data", data, "-f", "text", "-e", "what ties Kazakhstan to Armenia"], capture_output=True,
                   text=True, env=ENV, timeout=120)
check(".import adds nothing of a file with a bad row", "joint exercise" not in p.stdout, (p.stdout, p.stderr))
rc, out, err = run(stdin=f".import {ties} nonsense\n")
check(".import of an unknown kind", rc == 1 and "unknown fact kind" in err, err)

# .help fits in 80 columns.
rc, out, err = run(stdin=".help\n")
wide = [l for l in out.splitlines() if len(l) > 80]
check(".help in 80 columns", rc == 0 and out.count("\n") > 20 and not wide, wide)

# The man page: made by the build from the text of --help and .help.
man = os.path.join(build, "repl", "casus.1")
page = open(man).read() if os.path.exists(man) else ""
plain = page.replace("\\-", "-").replace("\\e", "\\").replace("\\&", "")
help_out = subprocess.run([casus, "--help"], capture_output=True, text=True).stdout
longs = set(re.findall(r"--[a-z][a-z-]+", help_out)) - {"--help"}
check("man page holds every option", page and all(o in plain for o in longs), sorted(o for o in longs if o not in plain))
_, help_text, _ = run(stdin=".help\n")
missing = [l for l in help_text.splitlines() if l.strip() and l.rstrip() not in plain]
check("man page holds .help", page and not missing, missing[:5])
prefix = os.path.join(tmp, "prefix")
p = subprocess.run(["cmake", "--install", build, "--prefix", prefix], capture_output=True, text=True)
check("cmake --install installs casus.1", p.returncode == 0 and os.path.exists(os.path.join(prefix, "share", "man", "man1", "casus.1")),
      p.stderr[-500:])

print(f"shell_options: {len(failures)} failed" if failures else "shell_options: all checks passed")
sys.exit(1 if failures else 0)
