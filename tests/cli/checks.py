"""What the python tests of tests/cli share: check() records a failed
expectation and says which, and the test ends by exiting non-zero when
`failures` holds any (each test prints its own summary).

run_checks() runs a test's named check functions, each to its end, and
says which failed.

A test script imports it by name (`from checks import check, failures`):
python puts the script's own directory, tests/cli, first on sys.path."""

failures = []


def check(cond, what):
    """Records what as a failure, printed at once, unless cond holds."""
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def run_checks(checks, only=(), shown=lambda text: text[:1500]):
    """Runs each check function (those named in only, when it names any),
    printing ok or FAIL with the check's name and, for a failure, what it
    raised as shown() cuts it (a pseudo-terminal's transcript is long);
    every check runs whatever the others did. Returns how many failed."""
    failed = 0
    for c in checks:
        if only and c.__name__ not in only:
            continue
        try:
            c()
            print(f"ok   {c.__name__}")
        except (Exception, SystemExit) as e:
            failed += 1
            print(f"FAIL {c.__name__}: {shown(str(e))}")
    return failed
