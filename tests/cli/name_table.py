#!/usr/bin/env python3
"""The kb's name table beside the saved state (casus.names, written by the
build: engine/src/name_file.hpp) holds exactly the names the kb gives,
and is read at a start only while it describes the kb as it stands: a
table written from another state, a data directory whose facts define an
entity, and a damaged table all make casus read the names from the kb.

To see which source a start used, a copy of the built kb gets a table
with one extra spelling, "Freedonia" for Armenia, that the kb does not
know: "who must defend Freedonia" answers only when the table was read.
Each check runs on its own; every one that fails is named.

usage: name_table.py CASUS CASUS_NAME_TABLE BUILT_KB_DIR"""
import os, shutil, subprocess, sys, tempfile
from checks import run_checks

casus, tool, built_kb = sys.argv[1:4]
ENV = dict(os.environ, CASUS_TODAY="2026-11-28")
QUESTION = "who must defend armenia"
work = tempfile.mkdtemp()


def run(*args, ok=True):
    r = subprocess.run([casus, *args], capture_output=True, text=True, env=ENV, timeout=120)
    if ok and r.returncode != 0:
        raise AssertionError(f"casus {' '.join(args)}: exit {r.returncode}: {r.stderr[-800:]}")
    return r


def kb_copy(name, edit=None):
    """A copy of the built kb (times kept, so its state stays usable)
    whose name table edit() may change."""
    d = os.path.join(work, name)
    shutil.copytree(built_kb, d, symlinks=True, copy_function=shutil.copy2)
    table = os.path.join(d, "casus.names")
    if edit:
        with open(table, encoding="utf-8") as f:
            lines = f.read().split("\n")
        with open(table, "w", encoding="utf-8") as f:
            f.write("\n".join(edit(lines)))
    return d


def with_freedonia(lines):
    """The table with "Freedonia" as one more spelling of Armenia, after
    its others (a state is shown by its first name)."""
    at = next(i for i, l in enumerate(lines) if l.startswith("names "))
    n = int(lines[at].split()[1])
    end = at + 1 + n
    return lines[:at] + [f"names {n + 1}"] + lines[at + 1:end] + ["Freedonia\tarmenia\tstate"] + lines[end:]


def table_matches_the_kb():
    r = subprocess.run([tool, "--check", built_kb], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, f"casus_name_table --check: exit {r.returncode}: {r.stdout}{r.stderr}"
    assert "matches the kb" in r.stdout, r.stdout


def table_is_read_at_start():
    kb = kb_copy("freedonia", with_freedonia)
    r = run("--kb", kb, "--memory", "-f", "csv", "-e", "who must defend Freedonia")
    assert r.stderr == "", r.stderr
    assert "russia," in r.stdout.lower(), f"Freedonia (the table's own name) did not resolve: {r.stdout}"
    # And the kb's own names answer as from the default kb.
    assert run("--kb", kb, "--memory", "-e", QUESTION).stdout == run("--memory", "-e", QUESTION).stdout


def table_of_another_state_is_not_read():
    def other_state(lines):
        lines = with_freedonia(lines)
        assert lines[1].startswith("state ")
        size, crc = lines[1].split()[1:3]
        return [lines[0], f"state {size} {int(crc) ^ 1}"] + lines[2:]
    kb = kb_copy("stale", other_state)
    r = run("--kb", kb, "--memory", "-e", "who must defend Freedonia", ok=False)
    assert r.returncode == 1 and "Freedonia" in r.stderr, f"a stale table was read: exit {r.returncode}: {r.stdout}{r.stderr}"
    assert run("--kb", kb, "--memory", "-e", QUESTION).stdout == run("--memory", "-e", QUESTION).stdout


def a_define_makes_the_kb_answer():
    # A data directory whose journal defines an entity: its name must
    # resolve after a restart, so the names come from the kb, not the table.
    kb = kb_copy("defined", with_freedonia)
    data = os.path.join(work, "data")
    run("--kb", kb, "--data", data, "-e", 'define organisation pax_union "Pax Union"')
    run("--kb", kb, "--data", data, "-e", "add member(armenia, pax_union) on 2020-01-01")
    r = run("--kb", kb, "--data", data, "-f", "csv", "-e", "who belongs to Pax Union")
    assert "armenia" in r.stdout.lower(), f"the defined organisation's name did not resolve after a restart: {r.stdout}"
    r = run("--kb", kb, "--data", data, "-e", "who must defend Freedonia", ok=False)
    assert r.returncode == 1, f"the table was read though the journal defines an entity: {r.stdout}"
    # Without the define (a fresh data directory) the same kb reads its table.
    r = run("--kb", kb, "--data", os.path.join(work, "fresh"), "-e", "who must defend Freedonia")
    assert "Russia" in r.stdout, r.stdout


def damaged_table_is_reported():
    kb = kb_copy("damaged", lambda lines: lines[: len(lines) // 2])
    r = run("--kb", kb, "--memory", "-e", QUESTION)
    assert "casus.names" in r.stderr and "reading the names from the kb instead" in r.stderr, r.stderr
    assert r.stdout == run("--memory", "-e", QUESTION).stdout, "a damaged table changed the answer"


checks = [table_matches_the_kb, table_is_read_at_start, table_of_another_state_is_not_read, a_define_makes_the_kb_answer,
          damaged_table_is_reported]
failed = run_checks(checks)
shutil.rmtree(work, ignore_errors=True)
sys.exit(1 if failed else 0)
