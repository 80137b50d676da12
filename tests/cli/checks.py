"""What the python tests of tests/cli share: check() records a failed
expectation and says which, and the test ends by exiting non-zero when
`failures` holds any (each test prints its own summary).

A test script imports it by name (`from checks import check, failures`):
python puts the script's own directory, tests/cli, first on sys.path."""

failures = []


def check(cond, what):
    """Records what as a failure, printed at once, unless cond holds."""
    if not cond:
        failures.append(what)
        print("FAIL:", what)
