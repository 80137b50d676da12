#!/usr/bin/env python3
"""The REPL as a shell, through a pseudo-terminal (issue 17, items 3-5, 7,
11-13, 15): Ctrl-C at the prompt clears the line and stays, an interrupt
belongs to its statement, the history file (appended once per statement,
bounded, rewritten whole and renamed, kept by --memory sessions, intact
after hang-ups), --bail in the REPL, Tab completion, the ways out, the
init file, and colour by NO_COLOR and TERM. Each check runs on its own;
every one that fails is named.

usage: repl_shell.py CASUS [CHECK...]"""
import os, signal, sys, tempfile, time

from checks import run_checks
from ptysession import PtySession

casus = sys.argv[1]
only = set(sys.argv[2:])
ENV = {"CASUS_TODAY": "2026-11-28", "TERM": "xterm"}
LIMIT = 2000  # History::limit, as the README documents it


def start(*args, env=None, home=None):
    home = home or tempfile.mkdtemp()
    e = dict(ENV, HOME=home, XDG_DATA_HOME=os.path.join(home, "xdg"))
    e.update(env or {})
    s = PtySession([casus, *args], e, unset=("NO_COLOR",) if "NO_COLOR" not in (env or {}) else ())
    s.read_until("casus> ")
    return s


def history_entries(path):
    with open(path) as f:
        lines = f.read().split("\n")
    assert lines[0] == "_casus_history_v1_", lines[:2]
    return [l for l in lines[1:] if l]


def ctrl_c_at_prompt():
    s = start("--memory")
    s.send("\x03")  # on an empty line
    s.read_until("casus> ")
    s.send("who would defend Arm")  # half typed
    time.sleep(0.3)
    s.send("\x03")
    s.read_until("casus> ")
    out = s.ask("who backs Azerbaijan")
    assert "Turkey" in out and "error" not in out, out  # the half-typed words were cleared
    s.ask("who would defend Armenia", until="...> ")  # a continuation line
    s.send("\x03")
    s.read_until("casus> ")
    out = s.ask("who backs Azerbaijan")
    assert "Turkey" in out and "error" not in out, out
    assert os.WEXITSTATUS(s.leave()) == 0


def typing_unicode():
    # casus reads the terminal itself (to see a Ctrl-C in time): a name in
    # UTF-8, edited with the arrow keys, arrives whole.
    s = start("--memory", env={"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"})
    s.send("which treaties bind Tükiye")
    s.send("\x1b[D" * 4 + "r\r")  # four to the left, then the missing r
    out = s.read_until("casus> ")
    assert "error" not in out and "North Atlantic" in out, out
    s.leave()


def interrupt_belongs_to_its_statement():
    # An answer longer than the terminal's buffer: casus blocks writing it
    # while this test does not read, and the Ctrl-C comes then.
    s = start("--memory", "-f", "text")
    s.send("list treaties\r")
    time.sleep(4)
    s.send("\x03")
    time.sleep(0.5)
    s.read_until("casus> ", timeout=30)
    out = s.ask("who must defend Estonia")
    assert "interrupted" not in out and "United States" in out, out
    s.leave()


def history_file():
    home = tempfile.mkdtemp()
    data = os.path.join(home, "data")
    path = os.path.join(data, "history")
    os.makedirs(data)
    # An older file of 5,000 entries: the bound keeps the newest.
    with open(path, "w") as f:
        f.write("_casus_history_v1_\n" + "".join(f"who backs state_{i}\n" for i in range(5000)))
    s = start("--data", data, home=home)
    s.ask("who backs Azerbaijan")
    s.ask("who would defend Armenia", until="...> ")
    s.ask("against Azerbaijan")
    entries = history_entries(path)  # written as it goes, before the session ends
    assert len(entries) == LIMIT, len(entries)
    assert entries[-2:] == ["who backs Azerbaijan", "who would defend Armenia\\nagainst Azerbaijan"], entries[-3:]
    # The statement of two lines comes back whole with one Up arrow.
    s.send("\x1b[A")
    s.read_until("against Azerbaijan")
    s.send("\r")
    out = s.read_until("casus> ")
    assert "Russia" in out, out
    s.leave()
    entries = history_entries(path)
    assert len(entries) == LIMIT and entries.count("who backs Azerbaijan") == 1, entries[-4:]
    assert entries[-1] == "who would defend Armenia\\nagainst Azerbaijan", entries[-3:]
    assert not [f for f in os.listdir(data) if ".tmp" in f], os.listdir(data)


def history_survives_hangups():
    home = tempfile.mkdtemp()
    path = os.path.join(home, "xdg", "casus", "history")  # --memory: the user's data home
    for i in range(6):
        s = start("--memory", home=home)
        s.ask(f"who backs Azerbaijan # {i}")
        os.kill(s.pid, signal.SIGHUP)  # what closing the terminal (tmux kill-session) sends
        status = s.wait_exit(10)
        assert status is not None, "casus did not leave on SIGHUP"
        assert not os.WIFSIGNALED(status) or os.WTERMSIG(status) == signal.SIGHUP, status
        assert history_entries(path) == [f"who backs Azerbaijan # {j}" for j in range(i + 1)], history_entries(path)


def bail_in_the_repl():
    home = tempfile.mkdtemp()
    script = os.path.join(home, "bad.casus")
    with open(script, "w") as f:
        f.write("who backs Nowhre\nwho backs Armenia\n")
    s = start("--memory", "--bail", home=home)
    out = s.ask("who backs Nowhre")  # a typo at the prompt
    assert "error" in out, out
    out = s.ask("who backs Azerbaijan")
    assert "Turkey" in out, out
    out = s.ask(".read " + script)  # --bail stops the script, not the session
    assert "Nowhre" in out and "Who backs" not in out, out
    out = s.ask("who backs Azerbaijan")
    assert "Turkey" in out, out
    s.leave()


def completion():
    home = tempfile.mkdtemp()
    script = os.path.join(home, "a_long_script_name.casus")
    with open(script, "w") as f:
        f.write("who backs Azerbaijan\n")
    s = start("--memory", home=home)
    # The case typed, never erased (ARM, the COW abbreviation, shares the prefix).
    s.send("who would defend Arm\t")
    s.read_until("enia")
    out = s.ask(" against Azerbaijan")
    assert "Russia" in out and "error" not in out, out
    s.send("who must defend North Mac\t")  # a name with a space
    s.read_until("edonia")
    out = s.ask("")
    assert "North Macedonia" in out and "error" not in out, out
    s.send(".read " + os.path.join(home, "a_long") + "\t")  # a file name
    s.read_until("script_name.casus")
    out = s.ask("")
    assert "Turkey" in out, out
    s.send("add solid\t")  # every fact kind after add
    s.read_until("arity(")
    s.send("\x15")
    out = s.ask("")
    s.leave()


def ways_out():
    for word, status in [(".exit 3", 3), (".quit", 0), (".q", 0), ("\\q", 0), ("quit", 0), ("exit", 0), (".exit", 0)]:
        s = start("--memory")
        s.send(word + "\r")
        st = s.wait_exit(10)
        if st is None:
            s.kill()
            raise AssertionError(f"{word!r} did not leave")
        assert os.WEXITSTATUS(st) == status, (word, st)


def init_file():
    home = tempfile.mkdtemp()
    with open(os.path.join(home, ".casusrc"), "w") as f:
        f.write(".mode csv\n")
    s = start("--memory", home=home)
    out = s.ask(".mode")
    assert "current output mode: csv" in out, out
    s.leave()
    other = os.path.join(home, "other.rc")
    with open(other, "w") as f:
        f.write(".mode json\n")
    s = start("--memory", "--init", other, "--cmd", ".timer ON", home=home)
    out = s.ask(".show")
    assert "mode: json" in out and "timer: on" in out, out
    s.leave()


def colour():
    def run(env):
        s = PtySession([casus, "--memory", "-e", "who must defend Estonia"], dict(ENV, **env),
                       unset=() if "NO_COLOR" in env else ("NO_COLOR",))
        status, out = s.output_until_exit(30)
        assert status is not None and os.WEXITSTATUS(status) == 0, (status, out)
        return "\x1b[" in out
    assert run({}), "no colour on a terminal"
    assert run({"NO_COLOR": ""}), "NO_COLOR set to the empty string turned colour off"
    assert not run({"NO_COLOR": "1"}), "NO_COLOR=1 left colour on"
    assert not run({"TERM": "dumb"}), "TERM=dumb left colour on"


checks = [ctrl_c_at_prompt, typing_unicode, interrupt_belongs_to_its_statement, history_file, history_survives_hangups,
          bail_in_the_repl, completion, ways_out, init_file, colour]
failed = run_checks(checks, only, shown=lambda text: text[-1500:])
print("repl_shell: " + ("all checks passed" if not failed else f"{failed} checks failed"))
sys.exit(1 if failed else 0)
