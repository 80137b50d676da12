#!/usr/bin/env python3
"""Tab completion and continuation lines through a pseudo-terminal (issue
17 item 7): a name defined in the session completes from the next prompt
on; the grammar's keywords complete (export, dyads, from, declaration,
...); and a line is judged unfinished with the kb's names, as the parser
reads it (`who would defend Bosnia and Herzegovina` waits for 'against'
on a continuation line instead of failing at 'and'). Each check runs on
its own; every one that fails is named.

usage: repl_completion.py CASUS [CHECK...]"""
import os, sys, tempfile, time

from ptysession import PtySession

casus = sys.argv[1]
only = set(sys.argv[2:])
ENV = {"CASUS_TODAY": "2026-11-28", "TERM": "xterm", "NO_COLOR": "1"}


def start(*args):
    home = tempfile.mkdtemp()
    s = PtySession([casus, *args], dict(ENV, HOME=home, XDG_DATA_HOME=os.path.join(home, "xdg")))
    s.read_until("casus> ")
    return s


def ask(s, line, until="casus> "):
    s.send(line + "\r")
    return s.read_until(until)


def leave(s):
    time.sleep(0.3)
    s.send("\x04")
    if s.wait_exit(10) is None:
        s.kill()
        raise AssertionError("casus did not leave on Ctrl-D")


def defined_names_complete():
    s = start("--memory")
    out = ask(s, 'define state zorbistan "Zorbistan"')
    assert "error" not in out, out
    s.send("who must defend Zorbi\t")  # the display name, in the case typed
    s.read_until("stan")
    out = ask(s, "")
    assert "error" not in out and "Zorbistan" in out, out
    s.send("history of zorbi\t")  # the id
    s.read_until("stan")
    out = ask(s, "")
    assert "error" not in out, out
    leave(s)


def grammar_keywords_complete():
    s = start("--memory")
    # Each completed line is run: its error echoes the line as completed.
    for typed, whole in [("exp", "export"), ("export dy", "export dyads"), ("export dyads fro", "export dyads from"),
                         ("define decla", "define declaration"),
                         ("define clause x y consul", "define clause x y consultation")]:
        s.send(typed + "\t")
        time.sleep(0.5)
        out = ask(s, ";")  # ends the statement: it runs, and fails
        assert whole + " ;" in out or whole + ";" in out, (typed, out)
    leave(s)


def unfinished_with_known_names():
    s = start("--memory")
    # Unfinished: 'and' is inside a name the kb knows, so the question goes on.
    ask(s, "who would defend Bosnia and Herzegovina", until="...> ")
    out = ask(s, "against Serbia")
    assert "error" not in out, out
    leave(s)


checks = [defined_names_complete, grammar_keywords_complete, unfinished_with_known_names]
failed = 0
for check in checks:
    if only and check.__name__ not in only:
        continue
    try:
        check()
        print(f"ok   {check.__name__}")
    except (Exception, SystemExit) as e:
        failed += 1
        print(f"FAIL {check.__name__}: {str(e)[:1500]}")
sys.exit(1 if failed else 0)
