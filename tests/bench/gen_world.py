#!/usr/bin/env python3
"""A deterministic synthetic world in the kb's own fact format, for the
benchmarks. Realistic in shape: most states belong to a few blocs, each
bloc has a defence treaty; bilateral treaties and ties are sparse and
clustered within regions; positions (backs, stances, declarations) and
events follow the same clusters.

  small: 200 states, 1,000 treaties, 10,000 ties and declarations
  large: 200 states, 10,000 treaties, 1,000,000 ties, positions and events

usage: gen_world.py small|large OUT_DIR KB_SOURCE_DIR
Writes OUT_DIR/world.pl, compiles it to world.qlf with swipl, and makes
OUT_DIR a kb directory (the kb's files plus a casus.pl that loads the
world after the curated facts), for `casus --kb OUT_DIR`. Same seed,
same world: every run measures the same thing."""
import os, random, subprocess, sys

from kbdir import link_kb

size, out, kb = sys.argv[1], sys.argv[2], sys.argv[3]
spec = {"small": dict(states=200, treaties=1000, ties=6000, positions=4000, events=0),
        "large": dict(states=200, treaties=10000, ties=500000, positions=400000, events=100000)}[size]
rng = random.Random(1815)
os.makedirs(out, exist_ok=True)

S = [f"w{i:03d}" for i in range(spec["states"])]
regions = [S[i:i + 25] for i in range(0, len(S), 25)]          # 8 regions of 25
region_of = {s: r for r, states in enumerate(regions) for s in states}
blocs = [f"wbloc{b}" for b in range(6)]
kinds = ["ethnic", "cultural", "strategic", "military", "economic", "political"]

def day(y0=1950, y1=2020):
    return rng.randint(y0, y1) * 10000 + rng.randint(1, 12) * 100 + rng.randint(1, 28)

def near(s, p=0.85):
    """Another state, usually from the same region (ties cluster)."""
    pool = regions[region_of[s]] if rng.random() < p else S
    o = rng.choice(pool)
    return o if o != s else rng.choice([x for x in S if x != s])

lines = [":- multifile(store:span_/8).", ":- dynamic(store:span_/8).",
         ":- discontiguous((entities:state/3, entities:organisation/2, entities:treaty/5, entities:clause/6, entities:event/5)).",
         "% synthetic world: " + size]
def spell(kind, fact, frm, to=99991231):
    # world_spell(Fact, From, To, Source): a curated spell, stored as store:span_/8 with the
    # keys store.pl makes (pair_key/3, kind_key/3: hashes only Prolog computes) by the
    # term_expansion the compiling swipl is given below.
    lines.append(f"world_spell({fact},{frm},{to},source(\"synthetic {size} world\",\"\")).")

for i, s in enumerate(S):
    lines.append(f'entities:state({s},"World state {i}",{9000 + i}).')
# Blocs: each state in one or two blocs, mostly by region; each bloc has a defence treaty.
for b, bloc in enumerate(blocs):
    lines.append(f'entities:organisation({bloc},"World bloc {b}").')
    lines.append(f'entities:treaty({bloc}_treaty,"Treaty of world bloc {b}",{bloc},19500101,19500101).')
    lines.append(f'entities:clause({bloc}_treaty,art_5,"Article 5",defence,[],"synthetic").')
for s in S:
    first = blocs[region_of[s] % len(blocs)]
    spell("member", f"member({s},{first})", day(1950, 1990))
    if rng.random() < 0.3:
        spell("member", f"member({s},{rng.choice(blocs)})", day(1990, 2010)) if False else None
# Bilateral and small treaties: sparse, clustered, with all obligation kinds.
obligations = ["defence", "defence", "consultation", "non_aggression", "neutrality", "offence"]
for t in range(spec["treaties"] - len(blocs)):
    tid = f"wt{t:05d}"
    signed = day()
    lines.append(f'entities:treaty({tid},"World treaty {t}",none,{signed},{signed}).')
    ob = rng.choice(obligations)
    conds = "[]" if rng.random() < 0.8 else f"[adversary([{rng.choice(S)}])]"
    lines.append(f'entities:clause({tid},art_1,"Article 1",{ob},{conds},"synthetic").')
    a = rng.choice(S)
    parties = {a, near(a)} if rng.random() < 0.8 else {a} | {near(a) for _ in range(rng.randint(2, 5))}
    end = 99991231 if rng.random() < 0.6 else signed + rng.randint(5, 40) * 10000
    for p in sorted(parties):
        spell("party", f"party({p},{tid})", signed, end)
seen = set()
def unique(key):
    if key in seen:
        return False
    seen.add(key)
    return True
n = 0
while n < spec["ties"]:
    a = rng.choice(S); b = near(a); k = rng.choice(kinds)
    if unique(("tie", a, b, k, n // 50000)):
        frm = day(1950, 2015) + (n // 50000)
        spell("tie", f"tie({a},{b},{k})", frm, frm + 30000 if (n // 50000) % 2 else 99991231)
        n += 1
for n in range(spec["positions"]):
    a = rng.choice(S); r = rng.random()
    issue = f"wissue{rng.randrange(400)}"
    if r < 0.4:
        spell("backs", f"backs({a},{near(a)},{issue})", day(1960, 2020) + n % 2)
    elif r < 0.7:
        spell("stance", f"stance({a},{issue},wpos{rng.randrange(3)})", day(1960, 2020) + n % 2)
    else:
        dec = f"wdecl{rng.randrange(2000)}"
        spell("signed", f"signed({a},{dec})", day(1960, 2020) + n % 2)
        if unique(("supports", dec)):
            spell("supports", f"supports({dec},{rng.choice(S)},{issue})", day(1960, 2020))
for n in range(spec["events"]):
    ev = f"wevent{n // 10}"
    if n % 10 == 0:
        lines.append(f'entities:event({ev},"World event {n // 10}",{day(1960, 2020)},{rng.choice(S)},{rng.choice(S)}).')
    spell("reaction", f"reaction({rng.choice(S)},{ev},{rng.choice(['support', 'tepid', 'restraint', 'silence', 'condemnation'])})", day(1960, 2020) + n % 7)

with open(os.path.join(out, "world.pl"), "w") as f:
    f.write("\n".join(l for l in lines if l) + "\n")
link_kb(kb, out)
with open(os.path.join(out, "casus.pl"), "a") as f:
    f.write("\n% The synthetic world, after the curated facts are materialized.\n"
            f":- initialization(load_files({os.path.abspath(os.path.join(out, 'world'))!r}, [silent(true)])).\n")
# The spells' keys are made by store.pl itself as the world compiles; the expansion is a clause
# of this swipl only, not of world.qlf.
expand = ("use_module(" + repr(os.path.join(os.path.abspath(kb), "store")) + "), "
          "assertz((user:term_expansion(world_spell(F, Fr, To, Src), store:span_(P, K1, K2, F, Fr, To, Src, kb)) :- "
          "store:key(F, K, A1, A2), store:pair_key(A1, A2, P), store:kind_key(K, A1, K1), store:kind_key(K, A2, K2))), "
          "qcompile(world)")
subprocess.run(["swipl", "--signals=false", "-g", expand, "-t", "halt"], cwd=out, check=True,
               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
os.remove(os.path.join(out, "world.pl"))
count = sum(1 for l in lines if l.startswith("world_spell("))
print(f"{size} world: {len(S)} states, {spec['treaties']} treaties, {count} facts -> {out}")
