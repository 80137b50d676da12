#!/usr/bin/env python3
"""The dyad-year export's benchmark (issue 21): every directed dyad-year
1816-2016 on the default kb, written as CSV to a pipe that only counts, with
the time, the rows per second and casus's peak memory; beside it in the same
run, the baseline: the defence matrix's tables of the same 201 reference days
(`as of Y-12-31 defence matrix among` two states: one api_matrix/2 call per
day, which the export's verdicts need anyway), and the peak memory of a
35-year export, to show memory flat in the number of rows.

usage: export_bench.py [CASUS]   (also run by bench.py)"""
import os, resource, subprocess, sys, tempfile, time


def _child_peak_mb(cmd, env, stdin=None):
    """Wall time, rows written (lines - 1) and peak RSS of one casus run;
    the rows are counted as they stream, never stored."""
    start = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=stdin, env=env)
    lines = 0
    for chunk in iter(lambda: p.stdout.read(1 << 20), b""):
        lines += chunk.count(b"\n")
    err = p.stderr.read()
    _, status, usage = os.wait4(p.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"FAIL: {' '.join(cmd)}: {err[-800:].decode(errors='replace')}")
    return elapsed, lines, usage.ru_maxrss / 1024


def run(casus, env):
    export = [casus, "--memory", "--timeout", "0", "export", "dyads"]
    t, lines, peak = _child_peak_mb(export + ["1816-2016"], env)
    rows = lines - 1  # the header
    _, small_lines, small_peak = _child_peak_mb(export + ["1816-1850"], env)
    with tempfile.TemporaryFile() as script:
        script.write("".join(f"as of {y}-12-31 defence matrix among united_states, russia\n" for y in range(1816, 2017)).encode())
        script.seek(0)
        tb, _, _ = _child_peak_mb([casus, "--memory", "--timeout", "0", "-f", "csv"], env, stdin=script)
    return {"seconds": t, "rows": rows, "per_second": rows / t, "peak_mb": peak, "small_rows": small_lines - 1,
            "small_peak_mb": small_peak, "baseline_seconds": tb}


if __name__ == "__main__":
    casus = sys.argv[1] if len(sys.argv) > 1 else "build/repl/casus"
    r = run(casus, dict(os.environ, CASUS_TODAY="2026-11-28"))
    print(f"export dyads 1816-2016: {r['rows']} rows in {r['seconds']:.1f} s = {r['per_second']:.0f} rows/s "
          f"(goal < 30 s); peak {r['peak_mb']:.0f} MB, {r['small_peak_mb']:.0f} MB for {r['small_rows']} rows of 1816-1850; "
          f"baseline, the defence matrix tables of the 201 days: {r['baseline_seconds']:.1f} s "
          f"(export / baseline {r['seconds'] / r['baseline_seconds']:.2f})")
