#!/usr/bin/env python3
"""What a user's rule file may not do, and the limits of a statement.

A rule file that defines a predicate of casus's own modules is refused
at load, naming the predicate and file:line, and nothing of it stays
loaded; a rule or a directive that asserts into the store is refused and
its change undone (so `.compact` cannot make it permanent), as is one
that retracts or abolishes a stored fact; a rule that
calls halt ends its statement with an error and exit status 1, never the
process; a rule that asserts without end is stopped by the memory limit
and the next statement answers; an import is bounded by --timeout as a
whole.

usage: rule_limits.py CASUS ATOP_DIR STATES_CSV"""
import os, subprocess, sys, tempfile, time

casus, atop_dir, states_csv = sys.argv[1:4]
env = dict(os.environ, CASUS_TODAY="2026-11-28")
failures = []
QUESTION = "who would defend armenia against azerbaijan"


def run(args, stdin=None, timeout=120):
    return subprocess.run([casus, *args], input=stdin, capture_output=True, text=True, env=env, timeout=timeout)


def check(name, ok, r):
    if not ok:
        failures.append(f"{name}: exit {r.returncode}\n--- stdout\n{r.stdout[-600:]}\n--- stderr\n{r.stderr[-900:]}")


def write(d, name, text):
    path = os.path.join(d, name)
    with open(path, "w") as f:
        f.write(text)
    return path


with tempfile.TemporaryDirectory() as d:
    baseline = run(["--memory", "-f", "text", "-e", QUESTION, "-e", "who belongs to csto"]).stdout
    assert "Kazakhstan" in baseline, baseline
    csto = run(["--memory", "-f", "text", "-e", "who belongs to csto"]).stdout
    assert "Georgia" not in csto.split("\n")[1], csto

    # 1. A clause for rules:defenders/4 (which once made nobody defend
    #    Armenia, with only a warning): refused at load, file:line and the
    #    predicate named; the good clause beside it is not kept either.
    bad = write(d, "defenders.pl", 'factor(belarus, armenia, _, _, 5, "kept?").\n'
                                   "rules:defenders(_, _, _, []).\n")
    r = run(["--memory", "-f", "text"], stdin=f".load {bad}\n{QUESTION}\nwho belongs to csto\n")
    check("rules:defenders/4 refused", r.returncode == 1 and f"{bad}:2:" in r.stderr and "rules:defenders/4" in r.stderr
          and r.stdout == baseline and "kept?" not in r.stdout, r)
    r = run(["--memory", "--rules", bad, "-e", QUESTION])
    check("--rules with rules:defenders/4", r.returncode == 1 and "rules:defenders/4" in r.stderr and not r.stdout, r)
    # The same for a module declaration and a head in module store.
    for name, text, want in (("module.pl", ":- module(rules, []).\n", "declares module rules"),
                             ("store_head.pl", "store:span_(a, b, c, d, 1, 2, s, kb).\n", "store:span_/8"),
                             ("library.pl", "lists:append(_, _, _) :- fail.\n", "lists:append/3")):
        path = write(d, name, text)
        r = run(["--memory", "-f", "text"], stdin=f".load {path}\n{QUESTION}\nwho belongs to csto\n")
        check(f"{name} refused", r.returncode == 1 and want in r.stderr and r.stdout == baseline, r)

    # 2. Asserting a stored fact with a forged date into store, from a rule
    #    at run time and from a directive at load: a permission error naming
    #    store:span_/8, nothing kept, and a compaction keeps nothing of it.
    forged = ('assertz(store:span_(\'georgia\\x1\\csto\', \'member\\x2\\georgia\', \'member\\x2\\csto\', member(georgia, csto), 19000101, 99991231, '
              '"forged", added(999999, "1900-01-01T00:00:00Z")))')
    rule = write(d, "forge_rule.pl", f'factor(_, armenia, _, _, 1, "forges") :- {forged}.\n')
    directive = write(d, "forge_directive.pl", f":- {forged}.\nfactor(_, _, _, _, 0, none).\n")
    data = os.path.join(d, "data")
    r = run(["--data", data, "-f", "text", "--rules", rule, "-e", QUESTION, "-e", ".compact"])
    check("a rule asserting into store", r.returncode == 1 and "store:span_/8" in r.stderr and "nothing of it was kept" in r.stderr, r)
    r = run(["--data", data, "-f", "text"], stdin=f".load {directive}\nwho belongs to csto\n.compact\n")
    check("a directive asserting into store", r.returncode == 1 and f"{directive}:1:" in r.stderr and "store:span_/8" in r.stderr, r)
    r = run(["--data", data, "-f", "text", "-e", "who belongs to csto", "-e", "history of georgia"])
    check("no forged fact after .compact", r.returncode == 0 and r.stdout.startswith(csto) and "forged" not in r.stdout, r)

    # Retracting or abolishing (system:abolish, not undone by a transaction)
    # a stored fact at run time: refused, Kazakhstan still a member.
    for name, body in (("retract.pl", "retract(store:span_(_, _, _, member(kazakhstan, csto), _, _, _, _))"),
                       ("abolish.pl", "system:abolish(store:span_/8)")):
        path = write(d, name, f'factor(_, armenia, _, _, 1, "removes") :- {body}.\n')
        r = run(["--memory", "-f", "text", "--rules", path, "-e", QUESTION, "-e", "who belongs to csto"])
        check(f"{name}", r.returncode == 1 and "store:span_/8" in r.stderr and r.stdout == csto, r)

    # 3. halt(42) in a rule, plain and through the system module built at
    #    run time: the statement errors, the next answers, exit status 1.
    for name, body in (("halt.pl", "halt(42)"), ("system_halt.pl", "M = system, G =.. [halt, 42], call(M:G)")):
        path = write(d, name, f'factor(_, armenia, _, _, 1, "halts") :- {body}.\n')
        r = run(["--memory", "-f", "text", "--rules", path, "-e", QUESTION, "-e", "who belongs to csto"])
        check(f"{name}", r.returncode == 1 and "a rule called halt" in r.stderr and "Kazakhstan" in r.stdout
              and "Halt cancelled" not in r.stderr, r)

    # 4. A rule that asserts without end: stopped by the memory limit (a
    #    small one, to keep the test quick), and the next statement answers
    #    from a kb with none of the rule's clauses left.
    grow = write(d, "grow.pl", 'factor(_, armenia, _, _, 1, "grows") :- grow(0).\n'
                               'grow(N) :- assertz(blob(N, "a string to take some room on the heap")), N1 is N + 1, grow(N1).\n'
                               'factor(_, azerbaijan, _, _, 1, Detail) :- aggregate_all(count, blob(_, _), C), format(string(Detail), "~d blobs", [C]).\n')
    start = time.monotonic()
    r = run(["--memory", "-f", "text", "--timeout", "120", "--memory-limit", "200", "--rules", grow,
             "-e", QUESTION, "-e", "who would defend azerbaijan against armenia"])
    took = time.monotonic() - start
    check("a rule growing memory", r.returncode == 1 and "memory limit" in r.stderr and "200 MB" in r.stderr
          and "the kb is unchanged" in r.stderr and "0 blobs" in r.stdout and took < 60, r)

    # 5. An import is one statement under --timeout (the whole import, not
    #    each of its thousands of calls).
    data2 = os.path.join(d, "data2")
    r = run(["--data", data2, "--timeout", "0.002", "import", "atop", atop_dir, "--states", states_csv])
    journal = os.path.join(data2, "journal.log")
    written = os.path.getsize(journal) if os.path.exists(journal) else 0
    check("an import under --timeout", r.returncode == 1 and "timeout after 0.002 s: the import" in r.stderr
          and "nothing of it was written" in r.stderr and written == 0, r)

for f in failures:
    print("FAIL:", f)
print(f"rule_limits: {len(failures)} failures")
sys.exit(1 if failures else 0)
