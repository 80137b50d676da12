#!/usr/bin/env python3
"""valgrind memcheck on a scripted REPL session: casus runs under valgrind
in a pseudo-terminal, answers a few questions (with Tab completion, .why,
.graph and an add), and leaves with Ctrl-D. Passes when valgrind reports
no error (--error-exitcode) and casus exits 0.

usage: valgrind_repl.py CASUS [SUPPRESSIONS]"""
import os, sys, tempfile, time

from ptysession import PtySession

casus = sys.argv[1]
data = tempfile.mkdtemp()
log = os.path.join(data, "valgrind.log")
# casus is linked with mimalloc: memcheck must replace its malloc, not only
# libc's; mimalloc's operator delete is its free(), so memcheck would call
# every delete a mismatched free.
vg = ["valgrind", "--tool=memcheck", "--error-exitcode=99", "--track-origins=no", "--soname-synonyms=somalloc=*mimalloc*",
      "--show-mismatched-frees=no", f"--log-file={log}"]
if len(sys.argv) > 2:
    vg.append(f"--suppressions={sys.argv[2]}")
session = PtySession(vg + [casus, "--data", data], {"CASUS_TODAY": "2026-11-28", "TERM": "xterm"})

def ask(line, expect):
    session.send(line)
    out = session.read_until("casus> ", timeout=240)
    assert expect in out, (line, out[-500:])

session.read_until("casus> ", timeout=240)
ask("as of 2015-12-31 who would defend Armenia against Azerbaijan\r", "unlikely")
ask("which treaties bind Kazakhs\t\r", "Collective Security Treaty")
ask(".why\r", "kinship")
ask(".graph\r", "digraph")
ask("add tie(kazakhstan, armenia, military) on 2026-03-01\r", "added")
ask("who would defend Armenia againts Azerbaijan\r", "did you mean")
time.sleep(0.5)
session.send("\x04")
status = session.wait_exit(120)
if status is None:
    session.kill()
    sys.exit("FAIL: casus under valgrind did not leave on Ctrl-D")
summary = [l for l in open(log) if "ERROR SUMMARY" in l]
code = os.WEXITSTATUS(status)
if code != 0:
    sys.exit(f"FAIL: exit {code}; {summary[-1].strip() if summary else ''}; see {log}")
print("valgrind repl:", summary[-1].split("==")[-1].strip() if summary else "no summary")
