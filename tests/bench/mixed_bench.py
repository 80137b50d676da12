"""The costs of a long session (issue 16): the mixed script of
gen_mixed.py run through casus into a data directory, that directory
opened again, `history of` asked on it, and undated retracts against
dated ones on the same store. bench.py prints the figures."""
import os, re, resource, shutil, statistics, subprocess, sys, time

here = os.path.dirname(os.path.abspath(__file__))


def _cpu():
    u = resource.getrusage(resource.RUSAGE_CHILDREN)
    return u.ru_utime + u.ru_stime


def _run(cmd, env, stdin=None, cpu=None):
    """Runs cmd (it must succeed); returns its result and wall time, and
    appends its CPU time (user + sys) to the list cpu if one is given:
    on a shared, loaded machine the wall clock measures the load."""
    t, c = time.perf_counter(), _cpu()
    r = subprocess.run(cmd, capture_output=True, text=True, env=env, input=stdin)
    took = time.perf_counter() - t
    if cpu is not None:
        cpu.append(_cpu() - c)
    if r.returncode != 0 or "error:" in r.stderr:
        sys.exit(f"FAIL: {' '.join(cmd[:5])} ...: exit {r.returncode}: {r.stderr[-1500:]}")
    return r, took


def _run_times(stderr):
    """The statement times .timer on printed, in ms."""
    return [float(m) for m in re.findall(r"Run time: ([0-9.]+) ms", stderr)]


def mixed(casus, work, n, env, kb=None):
    """Runs the n-statement mixed script into an empty data directory
    (every statement must succeed), then opens the directory again.
    Returns statements/s, the open time (s), `history of armenia` (ms,
    the statement alone, median of 3) and how many facts it answered;
    the same in CPU seconds (`cpu_*`), and the script without its
    questions (its adds and retracts alone, `changes_*`)."""
    script = os.path.join(work, f"mixed-{n}.casus")
    if not os.path.exists(script) or os.path.getmtime(script) < os.path.getmtime(os.path.join(here, "gen_mixed.py")):
        subprocess.run([sys.executable, os.path.join(here, "gen_mixed.py"), str(n), script], check=True)
    data = os.path.join(work, f"mixed-{n}-data")
    shutil.rmtree(data, ignore_errors=True)
    extra = ["--kb", kb] if kb else []
    cpu, open_cpu, changes_cpu = [], [], []
    r, took = _run([casus, "--data", data] + extra + [script], env, cpu=cpu)
    opened = statistics.median(_run([casus, "--data", data] + extra + ["-e", "list organisations"], env, cpu=open_cpu)[1]
                               for _ in range(3))
    # The adds and retracts alone: what the questions cost is the difference.
    changes = os.path.join(work, f"mixed-{n}-changes.casus")
    with open(script) as f, open(changes, "w") as out:
        kept = [l for l in f if l.startswith(("add ", "retract "))]
        out.writelines(kept)
    cdata = data + "-changes"
    shutil.rmtree(cdata, ignore_errors=True)
    _run([casus, "--data", cdata] + extra + [changes], env, cpu=changes_cpu)
    shutil.rmtree(cdata, ignore_errors=True)
    hist = []
    for _ in range(3):
        h, _ = _run([casus, "--data", data] + extra + ["-f", "csv", "-e", ".timer on", "-e", "history of armenia"], env)
        hist.append(_run_times(h.stderr)[-1])
    return {"per_second": n / took, "seconds": took, "open_seconds": opened, "history_ms": statistics.median(hist),
            "history_facts": len(h.stdout.splitlines()) - 1, "output_mb": len(r.stdout) / 1e6,
            "cpu_seconds": cpu[0], "cpu_per_second": n / cpu[0], "open_cpu_seconds": statistics.median(open_cpu),
            "changes": len(kept), "changes_cpu_seconds": changes_cpu[0], "questions": n - len(kept),
            "answer_lines": r.stdout.count("\n- ")}


def retracts(casus, work, env, facts=20000, count=4000, kb=None):
    """A store of `facts` added backings, then `count` undated retracts
    (withdrawals) and, on a copy, `count` dated ones of the same facts.
    Returns retracts/s of each (the run's time less the store's opening)."""
    listed = _run([casus, "--memory"] + (["--kb", kb] if kb else []) + ["-f", "csv", "-e", "list states"], env)[0]
    states = [l.split(",")[0] for l in listed.stdout.splitlines()[1:]]
    pairs = [(a, b) for a in states for b in states if a != b]   # the kb's 47 states: ~9 facts a pair
    added = [f"backs({a}, {b}, issue_{i})" for i, (a, b) in ((i, pairs[i % len(pairs)]) for i in range(facts))]
    base = os.path.join(work, f"retract-base-{facts}")
    shutil.rmtree(base, ignore_errors=True)
    extra = ["--kb", kb] if kb else []
    _run([casus, "--data", base] + extra, env, stdin="".join(f"add {f} on 2020-01-01\n" for f in added))
    chosen = added[::facts // count][:count]
    out = {}
    for kind, suffix in (("undated", ""), ("dated", " on 2021-01-01")):
        d = os.path.join(work, f"retract-{kind}")
        shutil.rmtree(d, ignore_errors=True)
        shutil.copytree(base, d)
        # The retracts' own time: the run's, less opening the same store.
        opened = min(_run([casus, "--data", d] + extra + ["-e", "list organisations"], env)[1] for _ in range(3))
        best = None
        for _ in range(3):   # the best of three, each on a fresh copy of the store
            shutil.rmtree(d, ignore_errors=True)
            shutil.copytree(base, d)
            r, took = _run([casus, "--data", d] + extra + ["-f", "json"], env,
                           stdin="".join(f"retract {f}{suffix}\n" for f in chosen))
            if r.stdout.count('"kind": "change"') + r.stdout.count('"kind":"change"') != count:
                sys.exit(f"FAIL: {count} {kind} retracts did not all succeed: {r.stdout[-500:]}")
            best = took if best is None else min(best, took)
        out[kind] = count / max(best - opened, 1e-3)
    return out


if __name__ == "__main__":
    # mixed_bench.py N WORK CASUS... : each binary in turn, in one run
    # (the figures of docs/performance.md, finding 22, before and after).
    n, work, binaries = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
    os.makedirs(work, exist_ok=True)
    env = dict(os.environ, CASUS_TODAY="2026-12-01")
    for b in binaries:
        x = mixed(b, work, n, env)
        print(f"{b}: {x['per_second']:.0f} statements/s wall ({x['seconds']:.1f} s), "
              f"{x['cpu_per_second']:.0f}/s CPU ({x['cpu_seconds']:.2f} s); changes alone ({x['changes']}) "
              f"{x['changes_cpu_seconds']:.2f} s CPU = {x['changes'] / x['changes_cpu_seconds']:.0f}/s; questions "
              f"({x['questions']}) {x['cpu_seconds'] - x['changes_cpu_seconds']:.2f} s CPU; "
              f"{x['output_mb']:.1f} MB of answers, {x['answer_lines']} answer lines; "
              f"open {x['open_seconds']:.2f} s wall, {x['open_cpu_seconds']:.2f} s CPU; "
              f"history {x['history_ms']:.0f} ms ({x['history_facts']} facts)", flush=True)
