#!/usr/bin/env python3
"""A deterministic script that mixes adds, retracts and questions, the
way an analyst's long session does: 60% adds of ties, priorities and
backings between the kb's real states, 20% retracts of earlier adds
(half dated: the fact stops holding; half undated: it is withdrawn),
20% questions (what ties A to B, who backs A, which treaties bind A).

Every statement is valid: the generator keeps a model of the spells it
has added, so an add never overlaps a spell still open, a dated retract
always ends a spell that holds the day before, and an undated one always
withdraws something.  Dates move forward through the script, so a fact
ended and added again gets a new spell.

usage: gen_mixed.py N OUT_SCRIPT [--clean OUT_CLEAN] [--states OUT_STATES] [--kb KB_DIR]
  --clean   also write the same final facts without the retracted ones:
            every spell that survived, added on its date (and retracted
            on its end date if it was ended); withdrawn facts left out.
            Both scripts must leave the same facts behind.
  --states  the states the script is about, one a line.
Same N, same script: every run measures the same thing."""
import argparse, datetime, os, random, subprocess, sys

ap = argparse.ArgumentParser()
ap.add_argument("n", type=int)
ap.add_argument("out")
ap.add_argument("--clean")
ap.add_argument("--states")
ap.add_argument("--kb", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "kb"))
args = ap.parse_args()

# The kb's states and the facts it holds already (an add of one of
# those would overlap a curated spell): asked of the kb itself.
# Only states in the state system today: a question about one that no
# longer exists is an error ("Prussia was a state ...").
DUMP = ("forall((entities:state(S,_,_), entities:in_system(S, 20161231)), format('state ~w~n',[S])),"
        "forall(entities:issue(I,_), format('issue ~w~n',[I])),"
        "forall((member(K/N,[tie/3,priority/2,backs/3]), functor(F,K,N), facts:kb_fact(F,_,_,_)),"
        "       (F =.. [_|As], atomic_list_concat(As, ' ', T), format('curated ~w ~w~n',[K, T])))")
dump = subprocess.run(["swipl", "-q", "-g", DUMP, "-t", "halt", os.path.join(args.kb, "casus.pl")],
                      capture_output=True, text=True, check=True).stdout.split("\n")
states = sorted(l.split()[1] for l in dump if l.startswith("state "))
issues = sorted(l.split()[1] for l in dump if l.startswith("issue ")) + [f"issue_{i}" for i in range(200)]
threats = [f"threat_{i}" for i in range(500)]
tie_kinds = ["ethnic", "cultural", "strategic", "military", "economic", "political"]

def canonical(f):
    """ties hold both ways: tie(a, b, k) and tie(b, a, k) are one fact."""
    if f[0] == "tie" and f[1] > f[2]:
        return ("tie", f[2], f[1], f[3])
    return f

curated = {canonical(tuple(l.split()[1:])) for l in dump if l.startswith("curated ")}
rng = random.Random(1648)

def new_fact():
    r = rng.random()
    if r < 0.3:
        a, b = rng.sample(states, 2)
        return ("tie", a, b, rng.choice(tie_kinds))
    if r < 0.7:
        a, b = rng.sample(states, 2)
        return ("backs", a, b, rng.choice(issues))
    return ("priority", rng.choice(states), rng.choice(threats))

def text(f):
    return f"{f[0]}({', '.join(f[1:])})"

def date_text(d):
    return (datetime.date(1950, 1, 1) + datetime.timedelta(days=d)).isoformat()

spells = {}      # canonical fact -> [[from, to, as written, source], ...] (to None: open), what the store holds
open_facts = []  # canonical facts with an open spell (may hold stale entries: checked on use)
added = []       # canonical facts with spells (may hold stale entries)
n_add, n_ret = int(args.n * 0.6), int(args.n * 0.2)
kinds = ["add"] * n_add + ["retract"] * n_ret + ["question"] * (args.n - n_add - n_ret)
rng.shuffle(kinds)
days = 27000     # 1950 to 2023: about five statements a day
lines = []
for i, kind in enumerate(kinds):
    day = i * days // args.n
    if kind == "retract":
        dated = rng.random() < 0.5
        pool = open_facts if dated else added
        f = None
        for _ in range(50):
            if not pool:
                break
            j = rng.randrange(len(pool))
            c = pool[j]
            ok = c in spells and (not dated or (spells[c][-1][1] is None and spells[c][-1][0] < day))
            if ok:
                f = c
                break
            if c not in spells or (dated and spells[c][-1][1] is not None):
                pool[j] = pool[-1]; pool.pop()   # stale: drop it
        if f is None:
            kind = "question"
        else:
            shown = ("tie", f[2], f[1], f[3]) if f[0] == "tie" and rng.random() < 0.5 else f
            if dated:
                spells[f][-1][1] = day
                lines.append(f"retract {text(shown)} on {date_text(day)}")
            else:
                del spells[f]
                lines.append(f"retract {text(shown)}")
            continue
    if kind == "add":
        while True:
            f = new_fact()
            c = canonical(f)
            if c in curated:
                continue
            s = spells.get(c)
            if s and (s[-1][1] is None or s[-1][1] > day):
                continue
            break
        source = ' source "mixed bench"' if i % 7 == 0 else ""
        spells.setdefault(c, []).append([day, None, f, source])   # as written: history shows it so
        open_facts.append(c)
        added.append(c)
        lines.append(f"add {text(f)} on {date_text(day)}{source}")
        continue
    r = rng.random()
    a, b = rng.sample(states, 2)
    if r < 0.5:
        lines.append(f"what ties {a} to {b}")
    elif r < 0.8:
        lines.append(f"who backs {a}")
    else:
        lines.append(f"which treaties bind {a}")

with open(args.out, "w") as out:
    out.write("\n".join(lines) + "\n")
if args.clean:
    with open(args.clean, "w") as out:
        for c in sorted(spells):
            for fr, to, f, source in spells[c]:
                out.write(f"add {text(f)} on {date_text(fr)}{source}\n")
                if to is not None:
                    out.write(f"retract {text(f)} on {date_text(to)}\n")
if args.states:
    with open(args.states, "w") as out:
        out.write("\n".join(states) + "\n")
