#!/usr/bin/env python3
"""Damage trials: flip one byte at a random place in a journal casus wrote
(adds with sources, dated retracts, behind a compacted snapshot), then
check that
  - casus refuses to start on it (exit 1, "run `casus repair`") and leaves
    the file byte-identical,
  - `casus repair` succeeds, and afterwards every record that was intact
    on disk is answered: each intact add is in the history, each intact
    end has ended its fact, and every fact in the snapshot is there,
and print how many acknowledged facts were lost (the goal: 0).

usage: damage_trials.py CASUS TRIALS [ADDS]"""
import hashlib, json, os, random, re, shutil, struct, subprocess, sys, tempfile

casus, trials = sys.argv[1], int(sys.argv[2])
adds = int(sys.argv[3]) if len(sys.argv) > 3 else 300
states = ["armenia", "azerbaijan", "belarus", "kazakhstan", "kyrgyzstan", "russia",
          "tajikistan", "turkey", "georgia", "iran", "china", "ukraine"]
env = dict(os.environ, CASUS_TODAY="2026-11-28")
rng = random.Random(int(os.environ.get("DAMAGE_SEED", "20261201")))
root = tempfile.mkdtemp(prefix="casus-damage-")


def run(*args):
    return subprocess.run([casus, *args], capture_output=True, text=True, env=env, errors="replace")


def frames(data):
    """(offset, size, record) of every frame of an undamaged journal."""
    out, at = [], 0
    while at < len(data):
        length, _ = struct.unpack_from("<II", data, at)
        out.append((at, 8 + length, json.loads(data[at + 8:at + 8 + length])))
        at += 8 + length
    assert at == len(data)
    return out


def answered(data_dir):
    """fact -> valid-to date ('' if open) for every priority fact answered (a renamed
    state's history has a name column before the fact: Russia, the Soviet Union)."""
    r = run("--data", data_dir, "-f", "csv", *sum((["-e", f"history of {s}"] for s in states), []))
    if r.returncode != 0:
        sys.exit(f"FAIL: the repaired data directory does not load: {r.stderr.strip()[:500]}")
    return {m[2]: m[1] for m in re.findall(r'^(\d{4}-\d\d-\d\d),(\d{4}-\d\d-\d\d)?,(?:[^,"]*,)?"(priority\(\w+,[st]\d+\))"', r.stdout, re.M)}


# The base: some adds compacted into a snapshot, then adds (some with a
# UTF-8 source) and dated retracts in the journal.
base = os.path.join(root, "base")
script = os.path.join(root, "base.casus")
with open(script, "w") as f:
    for i in range(20):
        f.write(f"add priority({states[i % 12]}, s{i}) on 2026-01-01\n")
    f.write(".compact\n")
    for i in range(adds):
        source = f' source "Türkiye report №{i}"' if i % 3 == 0 else ""
        f.write(f"add priority({states[i % 12]}, t{i}) on 2026-01-01{source}\n")
        if i % 5 == 4:
            f.write(f"retract priority({states[(i - 2) % 12]}, t{i - 2}) on 2026-06-01\n")
r = run("--data", base, script)
if r.returncode != 0:
    sys.exit(f"FAIL: building the base journal: {r.stderr[:500]}")
journal = open(os.path.join(base, "journal.log"), "rb").read()
records = frames(journal)
snapshot_facts = {f"priority({states[i % 12]},s{i})" for i in range(20)}
before = answered(base)
assert snapshot_facts <= before.keys() and len(before) == 20 + adds, "the base data directory is incomplete"

intact_total = quarantined = lost = refused = generation_hits = 0
for trial in range(trials):
    d = os.path.join(root, f"d{trial}")
    shutil.copytree(base, d)
    path = os.path.join(d, "journal.log")
    data = bytearray(journal)
    # The first trial hits the generation record (the journal's first,
    # naming the snapshot it continues); the others land anywhere.
    pos = rng.randrange(records[0][1] if trial == 0 else len(data))
    data[pos] ^= rng.randrange(1, 256)
    open(path, "wb").write(data)
    digest = hashlib.sha256(data).hexdigest()
    hit = next(i for i, (at, size, _) in enumerate(records) if at <= pos < at + size)
    generation_hits += records[hit][2]["op"] == "generation"

    r = run("--data", d, "-e", "history of armenia")
    if r.returncode != 1 or "casus repair --data" not in r.stderr:
        sys.exit(f"FAIL: trial {trial}: byte {pos} flipped, casus did not refuse: exit {r.returncode}: {r.stderr[:300]}")
    if hashlib.sha256(open(path, "rb").read()).hexdigest() != digest:
        sys.exit(f"FAIL: trial {trial}: casus changed the damaged journal")
    refused += 1
    r = run("repair", "--data", d)
    if r.returncode != 0:
        sys.exit(f"FAIL: trial {trial}: byte {pos} flipped, casus repair failed: {r.stderr[:300]}")
    quarantined += int(re.search(r"moved (\d+) unreadable runs", r.stdout).group(1))

    # What every intact record promises: adds answered, ends applied.
    now = answered(d)
    want = {f: "" for f in snapshot_facts}
    for i, (_, _, rec) in enumerate(records):
        if i == hit or rec["op"] == "generation":
            continue
        fact = f"priority({rec['fact'][1]},{rec['fact'][2]})"
        if rec["op"] == "add":
            want[fact] = want.get(fact, "")
        elif rec["op"] == "end" and fact in want:  # ends a fact whose add is intact
            want[fact] = "2026-06-01"
        intact_total += 1
    missing = [f for f in want if f not in now]
    wrong_end = [f for f in want if f in now and want[f] and now[f] != want[f]]
    lost += len(missing) + len(wrong_end)
    if missing or wrong_end:
        sys.exit(f"FAIL: trial {trial}: byte {pos} (record {hit + 1}) flipped: after repair {len(missing)} facts "
                 f"missing (e.g. {missing[:3]}) and {len(wrong_end)} ends lost (e.g. {wrong_end[:3]})")
    shutil.rmtree(d)

print(f"damage trials: {trials} journals of {len(records)} records, one byte flipped in each "
      f"({generation_hits} in the generation record); casus refused all {refused} and left them byte-identical; "
      f"after casus repair {intact_total} intact records and {len(snapshot_facts) * trials} snapshot facts all answered, "
      f"{quarantined} damaged runs quarantined; 0 acknowledged facts lost" if lost == 0 else f"FAIL: {lost} lost")
shutil.rmtree(root)
