#!/usr/bin/env python3
"""Tab completion and continuation lines through a pseudo-terminal (issue
17 item 7): a name defined in the session completes from the next prompt
on; the grammar's keywords complete (export, dyads, from, declaration,
...); and a line is judged unfinished with the kb's names, as the parser
reads it (`who would defend Bosnia and Herzegovina` waits for 'against'
on a continuation line instead of failing at 'and'). Each check runs on
its own; every one that fails is named.

usage: repl_completion.py CASUS [CHECK...]"""
import os, subprocess, sys, tempfile, time

from checks import run_checks
from ptysession import PtySession

casus = sys.argv[1]
only = set(sys.argv[2:])
ENV = {"CASUS_TODAY": "2026-11-28", "TERM": "xterm", "NO_COLOR": "1"}


def start(*args):
    home = tempfile.mkdtemp()
    s = PtySession([casus, *args], dict(ENV, HOME=home, XDG_DATA_HOME=os.path.join(home, "xdg")))
    s.read_until("casus> ")
    return s


def defined_names_complete():
    s = start("--memory")
    out = s.ask('define state zorbistan "Zorbistan"')
    assert "error" not in out, out
    s.send("who must defend Zorbi\t")  # the display name, in the case typed
    s.read_until("stan")
    out = s.ask("")
    assert "error" not in out and "Zorbistan" in out, out
    s.send("history of zorbi\t")  # the id
    s.read_until("stan")
    out = s.ask("")
    assert "error" not in out, out
    s.leave()


def defined_names_complete_after_restart():
    # The journal defines the name: a start reads the names from the kb,
    # not from the build's name table (tests/cli/name_table.py).
    home = tempfile.mkdtemp()
    data = os.path.join(home, "data")
    r = subprocess.run([casus, "--data", data, "-e", 'define state zorbistan "Zorbistan"'], capture_output=True, text=True,
                       env=dict(os.environ, **ENV, HOME=home))
    assert r.returncode == 0, r.stderr
    s = start("--data", data)
    s.send("who must defend Zorbi\t")
    s.read_until("stan")
    out = s.ask("")
    assert "error" not in out and "Zorbistan" in out, out
    s.leave()


def grammar_keywords_complete():
    s = start("--memory")
    # Each completed line is run: its error echoes the line as completed.
    for typed, whole in [("exp", "export"), ("export dy", "export dyads"), ("export dyads fro", "export dyads from"),
                         ("define decla", "define declaration"),
                         ("define clause x y consul", "define clause x y consultation")]:
        s.send(typed + "\t")
        time.sleep(0.5)
        out = s.ask(";")  # ends the statement: it runs, and fails
        assert whole + " ;" in out or whole + ";" in out, (typed, out)
    s.leave()


def unfinished_with_known_names():
    s = start("--memory")
    # Unfinished: 'and' is inside a name the kb knows, so the question goes on.
    s.ask("who would defend Bosnia and Herzegovina", until="...> ")
    out = s.ask("against Serbia")
    assert "error" not in out, out
    s.leave()


checks = [defined_names_complete, defined_names_complete_after_restart, grammar_keywords_complete, unfinished_with_known_names]
sys.exit(1 if run_checks(checks, only) else 0)
