#!/usr/bin/env python3
"""Runs every benchmark and prints the table: figure, casus, baseline,
ratio, goal. Each figure is measured side by side with its baseline in
the same run (the kb predicate called directly in swipl, plain assertz,
swipl -g halt).

usage: bench.py [--build BUILD_DIR] [--smoke] [--quick]
  --smoke  the small world only, 20 questions; fails if casus and the
           predicate called in swipl disagree on any answer (used by ctest)
  --quick  skip the large world and the million-fact ingest"""
import argparse, json, os, random, shutil, statistics, subprocess, sys, time

from kbdir import link_kb
import mixed_bench
import export_bench

ap = argparse.ArgumentParser()
ap.add_argument("--build", default="build")
ap.add_argument("--smoke", action="store_true")
ap.add_argument("--quick", action="store_true")
args = ap.parse_args()
here = os.path.dirname(os.path.abspath(__file__))
src = os.path.dirname(os.path.dirname(here))
build = os.path.abspath(args.build)
casus = os.path.join(build, "repl", "casus")
bench = os.path.join(build, "tests", "bench", "casus_bench")
work = os.path.join(build, "bench-worlds")
os.makedirs(work, exist_ok=True)
env = dict(os.environ, CASUS_TODAY="2026-11-28")
DATE = "20150101"
rows = []

def sh(cmd, **kw):
    r = subprocess.run(cmd, capture_output=True, text=True, env=env, **kw)
    if r.returncode != 0:
        sys.exit(f"FAIL: {' '.join(cmd)}: {r.stderr[-1500:]}")
    return r.stdout

def measure(cmd):
    out = sh(cmd)
    return json.loads([l for l in out.splitlines() if l.startswith("{")][-1])

def world(size):
    """The world's kb directory, generated again when the generator (and
    so the store's fact format it writes) is newer than the world."""
    d = os.path.join(work, size)
    qlf = os.path.join(d, "world.qlf")
    if not os.path.exists(qlf) or os.path.getmtime(qlf) < os.path.getmtime(os.path.join(here, "gen_world.py")):
        print(f"generating the {size} world ...", file=sys.stderr)
        sh([sys.executable, os.path.join(here, "gen_world.py"), size, d, os.path.join(src, "kb")])
    # A kb module added since the world was generated is linked too.
    for name in os.listdir(os.path.join(src, "kb")):
        if name.endswith(".pl") and not os.path.lexists(os.path.join(d, name)):
            os.symlink(os.path.abspath(os.path.join(src, "kb", name)), os.path.join(d, name))
    return d

def pairs_file(name, states, n, seed):
    rng = random.Random(seed)
    path = os.path.join(work, f"pairs-{name}-{n}.txt")
    with open(path, "w") as f:
        for _ in range(n):
            a, x = rng.sample(states, 2)
            f.write(f"{a} {x}\n")
    return path

def best_alternating(cmds, rounds, before_round=None):
    """Measures the commands in turn, `rounds` times, and keeps each one's
    best run (highest per_second): a drift of the shared machine's speed
    (10-40% here) then weighs on neither side."""
    best = [None] * len(cmds)
    for _ in range(rounds):
        if before_round:
            before_round()
        for i, cmd in enumerate(cmds):
            m = measure(cmd)
            if best[i] is None or m["per_second"] > best[i]["per_second"]:
                best[i] = m
    return best

def questions(name, kb, states, n, baseline_kb=None, rounds=1):
    """casus and the kb predicate in swipl, best of `rounds` alternating runs."""
    pairs = pairs_file(name, states, n, 42)
    dig_c, dig_b = os.path.join(work, f"digest-{name}-casus"), os.path.join(work, f"digest-{name}-swipl")
    c, b = best_alternating([[bench, "questions", kb, pairs, DATE, dig_c],
                             ["swipl", "--signals=false", os.path.join(here, "baseline.pl"), "questions", baseline_kb or kb,
                              pairs, DATE, dig_b]], rounds)
    if c["answers"] < n:   # every question of these worlds has defenders: none means no world was loaded
        sys.exit(f"FAIL: {c['answers']} answers to {n} questions on the {name} world")
    same = open(dig_c).read() == open(dig_b).read()
    if not same:
        sys.exit(f"FAIL: casus and the kb predicate in swipl disagree on the {name} world: diff {dig_c} {dig_b}")
    return c, b, (pairs, dig_c)

def row(figure, casus_v, base_v, ratio, goal, ok):
    rows.append((figure, casus_v, base_v, ratio, goal, "met" if ok else "MISSED"))

synthetic = [f"w{i:03d}" for i in range(200)]
if args.smoke:
    c, b, (pairs, dig_q) = questions("smoke", world("small"), synthetic, 20)
    dig_m = os.path.join(work, "digest-smoke-matrix")
    m = measure([bench, "matrix", world("small"), DATE, pairs, dig_m])
    if open(dig_m).read() != open(dig_q).read():
        sys.exit(f"FAIL: the defence matrix and the questions disagree on the small world: diff {dig_m} {dig_q}")
    x = mixed_bench.mixed(casus, work, 2000, env)   # every statement must succeed
    print(f"bench smoke: 20 questions on the small world, casus and swipl agree "
          f"({c['answers']} answers; {c['per_second']:.0f} vs {b['per_second']:.0f} questions/s, not judged); "
          f"the defence matrix agrees ({m['pairs']} pairs in {m['first_seconds']:.2f} s, not judged); "
          f"a 2,000-statement mixed script runs ({x['per_second']:.0f} statements/s, not judged)")
    sys.exit(0)

# 1 and 6: question throughput through the whole engine vs the predicate in swipl.
per_world = {}
matrix_worlds = []
for size in (["small"] if args.quick else ["small", "large"]):
    c, b, dig = questions(size, world(size), synthetic, 200 if size == "small" else 10, rounds=5 if size == "small" else 3)
    if size == "large":
        matrix_worlds.append(("large", world(size), dig, 2.0))
    per_world[size] = c
    ratio = b["per_second"] / c["per_second"]
    row(f"1. defenders questions/s, {size} world", f"{c['per_second']:.1f}/s", f"{b['per_second']:.1f}/s",
        f"{ratio:.3f} (time)", "<= 1.10", ratio <= 1.10)

# The ATOP world: the real data imported, then written as Prolog source
# (casus_bench export) so that both casus (--kb) and plain swipl load it.
atop_data = os.path.join(work, "atop-data")
atop_source = os.path.join(work, "atop-world.pl")
if not os.path.exists(atop_source):
    shared = os.path.join(os.path.dirname(src), "shared", "data")
    shutil.rmtree(atop_data, ignore_errors=True)
    sh([casus, "--data", atop_data, "import", "atop", os.path.join(shared, "atop"), "--states",
        os.path.join(shared, "cow", "states2016.csv")])
    sh([bench, "export", atop_data, atop_source])
# A kb directory that links today's kb and loads the ATOP world after it.
atop_kb = os.path.join(work, "atop-kb")
os.makedirs(atop_kb, exist_ok=True)
link_kb(os.path.join(src, "kb"), atop_kb)
with open(os.path.join(atop_kb, "casus.pl"), "a") as f:
    f.write(f"\n:- initialization(load_files({atop_source!r}, [silent(true)])).\n")
# The states in the system on the benchmark's date: a state of other years
# (Saxony, 1816-1867) cannot be asked about on it.
atop_states = [l.split(",")[0] for l in sh([casus, "--memory", "--kb", atop_kb, "-f", "csv", "-e",
                                            f"as of {DATE[:4]}-{DATE[4:6]}-{DATE[6:]} list states"]).splitlines()[1:]]
c, b, dig = questions("atop", atop_kb, atop_states, 200, rounds=5)
matrix_worlds.append(("ATOP", atop_kb, dig, 1.0))
ratio = b["per_second"] / c["per_second"]
row("1. defenders questions/s, ATOP world", f"{c['per_second']:.1f}/s", f"{b['per_second']:.1f}/s", f"{ratio:.3f} (time)",
    "<= 1.10", ratio <= 1.10)

# 8: the whole binary in script mode (issue 18 item 7): `who would defend`
# over pairs of the article's states (the 13 states its claims name) on
# the default kb (ATOP and the COW list built in), as text and as JSON,
# against the same questions asked of the kb predicate in swipl from the
# same compiled kb (its time measured inside swipl, after a warm-up
# question). casus's rates are questions over the whole process's wall
# time (its start included), best of three alternating rounds.
article_states = ["armenia", "azerbaijan", "belarus", "china", "iran", "kazakhstan", "kyrgyzstan", "russia",
                  "tajikistan", "turkey", "turkmenistan", "ukraine", "uzbekistan"]
default_kb = os.path.join(build, "share", "casus", "kb")
def script_rates(n=2000):
    pairs = pairs_file("article", article_states, n, 7)
    script = os.path.join(work, f"article-{n}.casus")
    with open(script, "w") as f:
        for line in open(pairs):
            a, x = line.split()
            f.write(f"who would defend {a} against {x}\n")
    cmds = [[casus, "--memory", "-f", "text", script], [casus, "--memory", "-f", "json", script]]
    best = [None] * len(cmds)
    kb = None
    for _ in range(3):
        for i, cmd in enumerate(cmds):
            t = time.perf_counter()
            sh(cmd)
            dt = time.perf_counter() - t
            best[i] = dt if best[i] is None else min(best[i], dt)
        m = measure(["swipl", "--signals=false", os.path.join(here, "baseline.pl"), "questions", default_kb, pairs, "20261128"])
        kb = m if kb is None or m["per_second"] > kb["per_second"] else kb
    return [n / b for b in best] + [kb["per_second"]]
text_rate, json_rate, kb_rate = script_rates()
for fmt, rate in (("text", text_rate), ("JSON", json_rate)):
    row(f"8. who would defend, script mode, article's states, {fmt}", f"{rate:.0f}/s", f"{kb_rate:.0f}/s kb predicate",
        f"{kb_rate / rate:.2f} (time)", ">= 2,000/s", rate >= 2000)

# 2: the parser alone.
p = best_alternating([[bench, "parse", "2000000"]], 3)[0]
row("2. parser, statements/s", f"{p['per_second'] / 1e6:.2f}M/s", "-", f"{p['per_second'] / 2e6:.2f} of goal", ">= 2M/s",
    p["per_second"] >= 2e6)
# 2b: the parser reading names the kb knows whole (a longest match per name)
# against the same statements parsed without names, in one run.
k = json.loads(subprocess.run([bench, "parse-known", "400000"], capture_output=True, text=True, check=True).stdout)
row("2b. parser with the kb's names, statements/s", f"{k['per_second_with'] / 1e6:.2f}M/s",
    f"{k['per_second_without'] / 1e6:.2f}M/s", f"{k['ratio']:.2f} (time)", "informational", True)

# 3: the defence matrix, every ordered pair on one date in one statement; it
# must give the same answers as the questions asked one by one above.
for name, kb, digest, goal in matrix_worlds:
    pairs, dig_q = digest
    dig_m = os.path.join(work, f"digest-{name}-matrix")
    m = measure([bench, "matrix", kb, DATE, pairs, dig_m])
    if open(dig_m).read() != open(dig_q).read():
        sys.exit(f"FAIL: the defence matrix and the questions disagree on the {name} world: diff {dig_m} {dig_q}")
    row(f"3. defence matrix, {name} world ({m['pairs']} pairs, {m['answers']} answers)",
        f"{m['first_seconds']:.2f} s (again {m['seconds']:.2f} s), {m['peak_rss_mb']} MB", "-",
        f"{m['first_seconds'] / goal:.2f} of goal", f"< {goal:.0f} s", m["first_seconds"] < goal)

# 4: durable ingest vs plain assertz; and one fsync per fact.
n = 200000 if args.quick else 1000000
ingest_dir = os.path.join(work, "ingest-data")
# Best of three alternating rounds, as the questions; each round ingests
# into an empty data directory.
i, a = best_alternating([[bench, "ingest", ingest_dir, str(n)],
                         ["swipl", "--signals=false", os.path.join(here, "baseline.pl"), "assertz", str(n)]], 3,
                        before_round=lambda: shutil.rmtree(ingest_dir, ignore_errors=True))
each_dir = os.path.join(work, "ingest-each")
shutil.rmtree(each_dir, ignore_errors=True)
e = measure([bench, "ingest", each_dir, "2000", "fsync-each"])
ratio = a["per_second"] / i["per_second"]
row(f"4. durable ingest, {n} facts (group commit)", f"{i['per_second'] / 1e3:.0f}k/s", f"{a['per_second'] / 1e3:.0f}k/s assertz",
    f"{ratio:.1f}x slower", ">= 200k/s, <= 3x", i["per_second"] >= 2e5 and ratio <= 3)
row("4. durable ingest, one fsync per fact", f"{e['per_second']:.0f}/s", "-", f"{i['per_second'] / e['per_second']:.0f}x less than batched",
    "(reference)", True)

# 5: cold start, whole process, median of 9.
def median_runs(cmds, runs=9):
    """The median wall time of each command, the commands run in turn
    (so a drift of the machine's speed weighs on all of them alike)."""
    times = [[] for _ in cmds]
    for _ in range(runs):
        for i, cmd in enumerate(cmds):
            t = time.perf_counter()
            subprocess.run(cmd, capture_output=True, env=env)
            times[i].append(time.perf_counter() - t)
    return [statistics.median(t) for t in times]
def median_run(cmd, runs=9):
    return median_runs([cmd], runs)[0]
cold = [casus, "--memory", "-e", "who must defend armenia"]
swipl_halt = ["swipl", "--signals=false", "-g", "halt"]
c, b = median_runs([cold, swipl_halt], 15)
row("5. cold start, casus -e question", f"{c * 1000:.0f} ms", f"{b * 1000:.0f} ms swipl -g halt", f"{c / b:.2f}", "<= 1.5", c / b <= 1.5)

def instructions(cmd):
    """The instructions cmd runs, counted by callgrind: unlike the wall
    clock they do not drift with the machine's load (docs/performance.md
    finding 20 on, where the start-up's parts are measured so)."""
    out = os.path.join(work, "callgrind.out")
    r = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *cmd], capture_output=True,
                       text=True, env=env)
    refs = [l for l in r.stderr.splitlines() if "refs:" in l]
    if r.returncode != 0 or not refs:
        sys.exit(f"FAIL: callgrind of {' '.join(cmd)}: {r.stderr[-800:]}")
    return int(refs[-1].split()[-1].replace(",", ""))
if shutil.which("valgrind"):
    ci, bi = instructions(cold), instructions(swipl_halt)
    row("5. cold start, instructions (callgrind)", f"{ci / 1e6:.1f}M", f"{bi / 1e6:.1f}M swipl -g halt", f"{ci / bi:.2f}",
        "(reference)", True)
sh([casus, "--data", ingest_dir, "-e", ".compact"])
# Start-up alone: a statement that does not read the added facts.
c1 = median_run([casus, "--data", ingest_dir, "-e", "list organisations"], 5)
row(f"5. cold start with {n} added facts (compacted)", f"{c1 * 1000:.0f} ms", "-", f"{c1 / 2:.2f} of goal", "< 2 s", c1 < 2)

# 7: compaction, the first time (after the journal is replayed) and the
# second (after a start from the first's snapshot): linear both times, so
# the second costs what the first did (it took 6.7x as long when the
# snapshot was a .qlf, 50,000 facts).
compact_dir = os.path.join(work, "compact-data")
cn = 100000
firsts, seconds = [], []
for _ in range(3):
    shutil.rmtree(compact_dir, ignore_errors=True)
    measure([bench, "ingest", compact_dir, str(cn)])
    firsts.append(measure([bench, "compact", compact_dir])["seconds"])
    seconds.append(measure([bench, "compact", compact_dir])["seconds"])
f1, f2 = min(firsts), min(seconds)
row(f"7. compaction of {cn} facts, first and second", f"{f1:.2f} s, then {f2:.2f} s", "-", f"{f2 / f1:.2f} (second / first)",
    "<= 1.3 (linear)", f2 / f1 <= 1.3)

# 6: growth from the small to the large world. The large world holds 75x
# the facts over the same 247 states, so a question about two synthetic
# states rests on ~100x the evidence (its answer lists it): that row says
# how the time follows the evidence. The article's own question has the
# same answer in both worlds: what it reads is indexed, so its time must
# not grow with the world (the goal).
def same_answer_question(kb):
    path = os.path.join(work, "pairs-article-50.txt")
    with open(path, "w") as f:
        f.write("armenia azerbaijan\n" * 50)
    return best_alternating([[bench, "questions", kb, path, DATE]], 3)[0]
if "large" in per_world:
    s, l = same_answer_question(world("small")), same_answer_question(world("large"))
    if s["answers"] != l["answers"]:
        sys.exit(f"FAIL: armenia against azerbaijan has {s['answers']} answers on the small world, {l['answers']} on the large")
    g = s["per_second"] / l["per_second"]
    row("6. question time, large / small world, same answer (armenia against azerbaijan)",
        f"{1e3 / l['per_second']:.1f} ms / {1e3 / s['per_second']:.1f} ms = {g:.2f}x", "-", "-", "close to 1 (indexes)", g < 1.5)
    ps, pl = per_world["small"], per_world["large"]
    g = ps["per_second"] / pl["per_second"]
    e = (pl["evidence"] / pl["n"]) / (ps["evidence"] / ps["n"])
    row("6. question time, large / small world, synthetic pairs",
        f"{g:.0f}x the time, {e:.0f}x the evidence", "-", f"{g / e:.2f} (time per evidence)", "(reference)", True)

# 7: a long session's costs (issue 16): the mixed script (gen_mixed.py:
# 60% adds, 20% dated and undated retracts, 20% questions), its data
# directory opened again, history asked on it; undated retracts (a
# withdrawal looks the fact up) against dated ones on one store.
n = 50000 if args.quick else 200000
x = mixed_bench.mixed(casus, work, n, env)
row(f"7. mixed script, {n} statements ({x['output_mb']:.0f} MB of answers)", f"{x['per_second']:.0f}/s", "-",
    f"{x['per_second'] / 5e4:.2f} of goal", ">= 50,000/s", x["per_second"] >= 5e4)
row(f"7. open the mixed script's data directory", f"{x['open_seconds']:.2f} s", "-", f"{x['open_seconds'] / 2:.2f} of goal",
    "< 2 s", x["open_seconds"] < 2)
row(f"7. history of armenia there ({x['history_facts']} facts)", f"{x['history_ms']:.0f} ms", "-",
    f"{x['history_ms'] / 100:.2f} of goal", "< 100 ms", x["history_ms"] < 100)
t = mixed_bench.retracts(casus, work, env)
row("7. undated retracts/s, 20,000 facts (4,000 retracts)", f"{t['undated']:.0f}/s", f"{t['dated']:.0f}/s dated",
    f"{t['dated'] / t['undated']:.2f} (time)", "<= 2 (an indexed lookup)", t["dated"] / t["undated"] <= 2)

# 9: the dyad-year export (issue 21): all 1816-2016 in under 30 s, memory
# flat in the rows; baseline: the defence matrix tables of the same days.
d = export_bench.run(casus, env)
row(f"9. export dyads 1816-2016 ({d['rows']} rows, {d['per_second']:.0f} rows/s)", f"{d['seconds']:.1f} s",
    f"{d['baseline_seconds']:.1f} s (matrix tables of 201 days)", f"{d['seconds'] / d['baseline_seconds']:.2f}", "< 30 s",
    d["seconds"] < 30)
row(f"9. export peak memory, 1816-2016 / 1816-1850 ({d['small_rows']} rows)", f"{d['peak_mb']:.0f} MB",
    f"{d['small_peak_mb']:.0f} MB", f"{d['peak_mb'] / d['small_peak_mb']:.2f}", "flat (close to 1)",
    d["peak_mb"] / d["small_peak_mb"] < 1.5)

w = [max(len(str(r[i])) for r in rows + [("figure", "casus", "baseline", "ratio", "goal", "")]) for i in range(6)]
print(" | ".join(h.ljust(w[i]) for i, h in enumerate(["figure", "casus", "baseline", "ratio", "goal", ""])))
print("-+-".join("-" * x for x in w))
for r in rows:
    print(" | ".join(str(v).ljust(w[i]) for i, v in enumerate(r)))
