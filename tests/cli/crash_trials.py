#!/usr/bin/env python3
"""Crash trials: SIGKILL casus at random moments while it ingests a script
of adds (with a .compact in the middle of some scripts, so kills also land
inside a compaction), then restart it and check that
  - the data directory loads (exit 0, no error),
  - every fact casus acknowledged ("added ...") is present,
and report how many facts were durable without an acknowledgement yet and
how many were never made durable (in the batch open at the kill, or not read).

usage: crash_trials.py CASUS TRIALS [FACTS_PER_TRIAL]"""
import os, random, re, signal, subprocess, sys, tempfile, time

casus, trials = sys.argv[1], int(sys.argv[2])
facts = int(sys.argv[3]) if len(sys.argv) > 3 else 20000
states = ["armenia", "azerbaijan", "belarus", "kazakhstan", "kyrgyzstan", "russia",
          "tajikistan", "turkey", "georgia", "iran", "china", "ukraine"]
env = dict(os.environ, CASUS_TODAY="2026-11-28")
rng = random.Random(int(os.environ.get("CRASH_SEED", "20261128")))
root = tempfile.mkdtemp(prefix="casus-crash-")
acked_total = durable_unacked = not_durable = compaction_kills = finished = 0

for trial in range(trials):
    data = os.path.join(root, f"d{trial}")
    script = os.path.join(root, f"s{trial}.casus")
    ids = [f"t{trial}_{i}" for i in range(facts)]
    compact_at = rng.randrange(facts) if trial % 3 == 0 else -1
    with open(script, "w") as f:
        for i, t in enumerate(ids):
            f.write(f"add priority({states[i % len(states)]}, {t}) on 2026-01-01\n")
            if i == compact_at:
                f.write(".compact\n")
    out = open(os.path.join(root, f"acks{trial}"), "w+")
    p = subprocess.Popen([casus, "--data", data, "-f", "text", script], stdout=out,
                         stderr=subprocess.DEVNULL, env=env)
    time.sleep(rng.uniform(0.05, 0.6))
    p.send_signal(signal.SIGKILL)
    p.wait()
    out.seek(0)
    text = out.read()
    acked = set(re.findall(r"^added priority\(\w+, (t\d+_\d+)\)", text, re.M))
    if compact_at >= 0 and "compacted" not in text and f"t{trial}_{compact_at}" in acked:
        compaction_kills += 1  # killed inside or right after the compaction
    r = subprocess.run([casus, "--data", data, "-f", "csv"] +
                       sum((["-e", f"history of {s}"] for s in states), []),
                       capture_output=True, text=True, env=env)
    if r.returncode != 0:
        sys.exit(f"FAIL: trial {trial}: the data directory does not load: {r.stderr.strip()[:500]}")
    present = set(re.findall(r"priority\(\w+,(t\d+_\d+)\)", r.stdout))
    missing = acked - present
    if missing:
        sys.exit(f"FAIL: trial {trial}: {len(missing)} acknowledged facts missing, e.g. {sorted(missing)[:3]}")
    acked_total += len(acked)
    durable_unacked += len(present - acked)
    not_durable += len(set(ids) - present)
    finished += len(present) == facts

print(f"crash trials: {trials} SIGKILLs ({compaction_kills} during or just after a compaction, "
      f"{finished} after the whole script was durable); {acked_total} acknowledged facts, all present; "
      f"{durable_unacked} durable but not yet acknowledged; {not_durable} never made durable "
      f"(in the open batch or not yet read; none of them acknowledged) of {trials * facts} in the scripts")
subprocess.run(["rm", "-rf", root])
