#!/usr/bin/env python3
"""Drives the casus REPL through a pseudo-terminal: a question and its
answer, Tab completion of a name, history recall with the Up arrow, a
continuation prompt, a dot-command suggestion, Ctrl-C cancelling a
question that loops (a user rule) while the session goes on, .graph and
.once, and Ctrl-D to leave."""
import os, sys, tempfile, time

from ptysession import PtySession

casus = sys.argv[1]
data = tempfile.mkdtemp()
rules = os.path.join(data, "loop.pl")
with open(rules, "w") as f:
    f.write('factor(_, georgia, _, _, 1, "loops") :- loop(0).\n'
            'loop(N) :- N1 is N + 1, loop(N1).\n')
session = PtySession([casus, "--data", data, "--timeout", "120", "--rules", rules],
                     {"CASUS_TODAY": "2026-11-28", "TERM": "xterm"})
read_until, send = session.read_until, session.send

read_until("casus> ")
send("as of 2015-12-31 who would defend Armenia against Azerbaijan\r")
out = read_until("casus> ")
assert "Kazakhstan" in out and "unlikely" in out, out
# Tab completes a state name.
send("which treaties bind Kazakhs\t")
read_until("tan")
send("\r")
out = read_until("casus> ")
assert "Collective Security Treaty" in out, out
# Up arrow recalls the previous line.
send("\x1b[A")
read_until("which treaties bind Kazakhstan")
send("\x15")  # clear the line
# An unfinished statement gets the continuation prompt.
send("who would defend Armenia\r")
read_until("...> ")
send("against Azerbaijan\r")
out = read_until("casus> ")
assert "Russia" in out, out
# Unknown dot-command: a suggestion.
send(".hepl\r")
out = read_until("casus> ")
assert "did you mean '.help'" in out, out
# Injection attempts typed at the prompt: a clean error, nothing runs.
canary = os.path.join(data, "PWNED")
for attempt in [f"add member(shell('touch {canary}'), csto)", f"who backs armenia\"); shell('touch {canary}'), (\"",
                "halt.", f":- initialization(shell('touch {canary}'))."]:
    send(attempt + "\r")
    out = read_until("casus> ")
    assert "error" in out, out
    assert not os.path.exists(canary), attempt
# Ctrl-C cancels a question that would run for two minutes, not the session.
send("who would defend Georgia against Russia\r")
time.sleep(1.0)
started = time.time()
send("\x03")
out = read_until("casus> ", timeout=10)
assert "interrupted" in out, out
assert time.time() - started < 5, "Ctrl-C took too long"
send("who must defend Armenia\r")
out = read_until("casus> ")
assert "Kazakhstan" in out or "kazakhstan" in out, out
# .graph FILE.svg renders the last defenders answer; .once FILE takes the next answer.
svg = os.path.join(data, "answer.svg")
send("who would defend Armenia against Azerbaijan\r")
read_until("casus> ")
send(".graph " + svg + "\r")
out = read_until("casus> ")
assert "wrote SVG" in out and open(svg).read().lstrip().startswith("<?xml"), out
once = os.path.join(data, "once.txt")
send(".once " + once + "\r")
read_until("casus> ")
send("who backs Azerbaijan\r")
out = read_until("casus> ")
assert "Turkey" in open(once).read() and "Turkey" not in out, out
# libedit puts the terminal in its own mode after printing the prompt; a
# Ctrl-D sent before that is read in canonical mode. Let it settle.
time.sleep(0.3)
send("\x04")
# Never hang: wait a bounded time for the exit, then try .quit, then kill.
status = session.wait_exit(10)
if status is None:
    send("\x15.quit\r")
    status = session.wait_exit(10)
if status is None:
    session.kill()
    sys.exit("FAIL: casus did not leave on Ctrl-D or .quit")
assert os.WEXITSTATUS(status) == 0, status
print("repl: all checks passed")
