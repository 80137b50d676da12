#!/usr/bin/env python3
"""valgrind memcheck on a scripted REPL session: casus runs under valgrind
in a pseudo-terminal, answers a few questions (with Tab completion, .why,
.graph and an add), and leaves with Ctrl-D. Passes when valgrind reports
no error (--error-exitcode) and casus exits 0.

usage: valgrind_repl.py CASUS [SUPPRESSIONS]"""
import os, pty, select, sys, tempfile, time

casus = sys.argv[1]
data = tempfile.mkdtemp()
log = os.path.join(data, "valgrind.log")
vg = ["valgrind", "--tool=memcheck", "--error-exitcode=99", "--track-origins=no", f"--log-file={log}"]
if len(sys.argv) > 2:
    vg.append(f"--suppressions={sys.argv[2]}")
pid, fd = pty.fork()
if pid == 0:
    os.environ["CASUS_TODAY"] = "2026-11-28"
    os.environ["TERM"] = "xterm"
    os.execvp("valgrind", vg + [casus, "--data", data])

buf = b""
def read_until(needle, timeout=240):
    global buf
    end = time.time() + timeout
    while time.time() < end:
        if needle.encode() in buf:
            i = buf.index(needle.encode()) + len(needle)
            seen, buf = buf[:i], buf[i:]
            return seen.decode(errors="replace")
        r, _, _ = select.select([fd], [], [], 0.2)
        if r:
            try:
                buf += os.read(fd, 65536)
            except OSError:
                break
    os.kill(pid, 9)
    sys.exit(f"FAIL: did not see {needle!r}; got {buf[-500:]!r}")

def ask(line, expect):
    os.write(fd, line.encode())
    out = read_until("casus> ")
    assert expect in out, (line, out[-500:])

read_until("casus> ")
ask("as of 2015-12-31 who would defend Armenia against Azerbaijan\r", "unlikely")
ask("which treaties bind Kazakhs\t\r", "collective_security_treaty")
ask(".why\r", "kinship")
ask(".graph\r", "digraph")
ask("add tie(kazakhstan, armenia, military) on 2026-03-01\r", "added")
ask("who would defend Armenia againts Azerbaijan\r", "did you mean")
time.sleep(0.5)
os.write(fd, b"\x04")
end = time.time() + 120
status = None
while time.time() < end:
    done, st = os.waitpid(pid, os.WNOHANG)
    if done:
        status = st
        break
    r, _, _ = select.select([fd], [], [], 0.2)
    if r:
        try:
            os.read(fd, 65536)
        except OSError:
            pass
if status is None:
    os.kill(pid, 9)
    sys.exit("FAIL: casus under valgrind did not leave on Ctrl-D")
summary = [l for l in open(log) if "ERROR SUMMARY" in l]
code = os.WEXITSTATUS(status)
if code != 0:
    sys.exit(f"FAIL: exit {code}; {summary[-1].strip() if summary else ''}; see {log}")
print("valgrind repl:", summary[-1].split("==")[-1].strip() if summary else "no summary")
