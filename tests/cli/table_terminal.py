#!/usr/bin/env python3
"""Table output on a real terminal (a pseudo-terminal of a set size): at 80
and 200 columns no line is wider than the screen, the rule under the
header is one line, cells wrap at word boundaries, colour codes take no
width (columns line up once they are stripped); .x gives one record per
block; output longer than the screen goes through $PAGER, and
--no-pager, .pager off and an empty $PAGER keep it on the screen; a pager
that cannot run loses nothing."""
import fcntl, os, pty, re, select, struct, sys, tempfile, termios

casus = sys.argv[1]
failures = []
ANSI = re.compile(r"\x1b\[[0-9;]*m")
QUESTION = "as of 2015-12-31 who would defend Armenia against Azerbaijan"


def run(args, cols, rows=40, env=None, script=None):
    """casus on a terminal of cols x rows; its screen output, CR LF as LF."""
    with tempfile.TemporaryDirectory() as d:
        argv = [casus, "--memory", *args]
        if script is not None:
            path = os.path.join(d, "script.casus")
            with open(path, "w") as f:
                f.write(script)
            argv.append(path)
        pid, fd = pty.fork()
        if pid == 0:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
            os.environ.update({"CASUS_TODAY": "2026-11-28", "TERM": "xterm", **(env or {})})
            os.environ.pop("NO_COLOR", None)
            if env and "PAGER" not in env:
                pass
            os.execvp(argv[0], argv)
        out = b""
        while True:
            r, _, _ = select.select([fd], [], [], 60)
            if not r:
                failures.append(f"{args}: no output for 60 s")
                os.kill(pid, 9)
                break
            try:
                data = os.read(fd, 65536)
            except OSError:
                break
            if not data:
                break
            out += data
        os.waitpid(pid, 0)
        return out.decode(errors="replace").replace("\r\n", "\n")


def width(line):
    return len(ANSI.sub("", line))


def check_table(cols):
    out = run(["--no-pager", "-e", QUESTION], cols)
    lines = out.splitlines()
    if not re.search(r"\x1b\[3[123]m(likely|uncertain|unlikely)", out):  # a verdict in its colour
        failures.append(f"{cols}: no colour on a terminal: {out[:300]!r}")
    wide = [l for l in lines if width(l) > cols]
    if wide:
        failures.append(f"{cols} columns: {len(wide)} lines wider, e.g. {ANSI.sub('', wide[0])!r}")
    header = next((i for i, l in enumerate(lines) if ANSI.sub("", l).startswith("state ")), None)
    if header is None or header + 2 >= len(lines):
        failures.append(f"{cols}: no table: {out[:300]!r}")
        return lines
    rule = ANSI.sub("", lines[header + 1])
    if not re.fullmatch(r"-+( +-+)*", rule) or lines[header + 2].startswith("-"):
        failures.append(f"{cols}: the rule under the header is not one line: {lines[header + 1:header + 3]!r}")
    # Columns start where the rule's dashes start, colour or not.
    starts = [m.start() for m in re.finditer(r"-+", rule)]
    plain_header = ANSI.sub("", lines[header])
    if [plain_header.index(h) for h in ("state", "obligated", "verdict", "score")] != starts[:4]:
        failures.append(f"{cols}: the header is off its columns: {plain_header!r} / {rule!r}")
    russia = ANSI.sub("", next((l for l in lines if ANSI.sub("", l).startswith("Russia ")), ""))
    if len(starts) < 3 or russia[starts[2]:].split()[:1] not in (["likely"], ["uncertain"], ["unlikely"]):
        failures.append(f"{cols}: the verdict is off its column: {russia!r}")
    # Wrapped at word boundaries: every word of the cells is whole on some line.
    text = " ".join(ANSI.sub("", l) for l in lines)
    for word in ("Russia-Armenia", "Nagorno-Karabakh", "Commonwealth", "(-1.5);"):
        if word not in text:
            failures.append(f"{cols}: {word!r} was cut inside")
    return lines


narrow = check_table(80)
broad = check_table(200)
if len(narrow) <= len(broad):
    failures.append(f"80 columns did not wrap more than 200: {len(narrow)} vs {len(broad)} lines")

# .x on: one record per block, every line within the width.
out = run(["--no-pager"], 80, script=".x on\n" + QUESTION + "\n")
plain = ANSI.sub("", out)
if "-[ RECORD 1 ]" not in plain or "-[ RECORD 6 ]" not in plain or not re.search(r"^state +\| Russia$", plain, re.M):
    failures.append(f".x on: no record blocks: {plain[:400]!r}")
if any(width(l) > 80 for l in out.splitlines()):
    failures.append(".x on: a line wider than 80 columns")
# .x auto: records only when the table is wider than the terminal.
auto_narrow = ANSI.sub("", run(["--no-pager"], 80, script=".x auto\n" + QUESTION + "\n"))
auto_wide = ANSI.sub("", run(["--no-pager"], 1000, script=".x auto\nlist organisations\n"))
if "-[ RECORD 1 ]" not in auto_narrow or "-[ RECORD" in auto_wide:
    failures.append(f".x auto: {auto_narrow[:200]!r} / {auto_wide[:200]!r}")
# A wrong argument is an error that names what .x takes.
out = run(["--no-pager"], 80, script=".x maybe\n")
if ".x takes on, off or auto" not in out:
    failures.append(f".x maybe: {out!r}")

# The pager: $PAGER gets output longer than the screen, and nothing else.
with tempfile.TemporaryDirectory() as d:
    paged = os.path.join(d, "paged")
    pager = {"PAGER": f"cat > {paged}"}
    out = run(["-e", "list states"], 80, rows=24, env=pager)
    got = open(paged).read() if os.path.exists(paged) else ""
    if "Known states" not in got or "Known states" in out:
        failures.append(f"pager: {len(got)} bytes paged, screen {out[:200]!r}")
    os.path.exists(paged) and os.remove(paged)
    out = run(["-e", "list organisations"], 80, rows=24, env=pager)
    if os.path.exists(paged) or "Known organisations" not in out:
        failures.append("pager: a short answer went to the pager")
    for args, script, env in ((["--no-pager", "-e", "list states"], None, pager), ([], ".pager off\nlist states\n", pager),
                              (["-e", "list states"], None, {"PAGER": ""})):
        out = run(args, 80, rows=24, env=env, script=script)
        if os.path.exists(paged) or "Known states" not in out:
            failures.append(f"pager off ({args}, {script!r}, {env}): paged anyway or lost the answer")
    # A pager that cannot run: the answer is still shown.
    out = run(["-e", "list states"], 80, rows=24, env={"PAGER": "/nonexistent/pager"})
    if "Known states" not in out or "zimbabwe" not in out:
        failures.append(f"a pager that cannot run lost the answer: {out[-300:]!r}")

for f in failures:
    print("FAIL:", f)
sys.exit(1 if failures else 0)
