#!/usr/bin/env python3
"""The saved state's imports (kb/tools/casus_state.pl imports_as_import_modules/0).

The build gives each kb module the modules it imports from as import modules,
so the state restores few import relations as it starts (each one a directive
SWI-Prolog runs at every start). This test proves that every predicate a kb
module imports, loaded from its files, is the same definition in a process
started from the state (resolved through the import modules), and that the
state starts with fewer than half of the import relations the files make.

usage: state_imports.py KB_DIR   (the build's share/casus/kb, with casus.prc)"""
import subprocess, sys

kb = sys.argv[1]
failures = []

def check(name, ok, detail=""):
    print(("ok   " if ok else "FAIL ") + name)
    if not ok:
        failures.append(name)
        if detail:
            print(detail)

def swipl(args, goal):
    r = subprocess.run(["swipl", "--signals=false", "-q", *args, "-g", goal, "-t", "halt"], cwd=kb,
                       capture_output=True, text=True, timeout=120)
    if r.returncode != 0:
        print(r.stdout, r.stderr)
        sys.exit(f"swipl {args} failed")
    return r.stdout

# Every import relation of a module but user and system: Module Name/Arity Definer.
LIST = ("forall(( current_module(M), M \\== user, M \\== system, current_predicate(_, M:H), "
        "predicate_property(M:H, imported_from(D)), functor(H, N, A) ), format('~q ~q ~q~n', [M, N/A, D]))")

from_files = swipl([], "use_module(casus_errors), consult(casus), " + LIST)
relations = [line.split(" ") for line in from_files.splitlines() if line]
check("the kb loaded from its files imports", len(relations) > 500, from_files[:2000])

at_start = swipl(["-x", "casus.prc"], "aggregate_all(count, (current_module(M), M \\== user, M \\== system, "
                 "current_predicate(_, M:H), predicate_property(M:H, imported_from(_))), C), format('~d~n', [C])")
restored = int(at_start.strip())
check(f"the state restores fewer than half of the {len(relations)} relations ({restored})",
      restored * 2 < len(relations))

# In the state, each relation resolved by name, as a meta-call would.
# A predicate the build leaves out of the state (casus_state.pl only_for_curated_facts/1: no
# clause saved) is not compared.
terms = ",".join(f"{m}-({pi})-{d}" for m, pi, d in relations)
resolved = swipl(["-x", "casus.prc"],
                 f"forall(member(M-(N/A)-F, [{terms}]), ( functor(H, N, A), "
                 "( \\+ current_predicate(_, F:H) -> D = F ; predicate_property(M:H, imported_from(D)) -> true ; D = none ), "
                 "format('~q ~q ~q~n', [M, N/A, D]) ))")
want = {(m, pi): d for m, pi, d in relations}
got = {}
for line in resolved.splitlines():
    m, pi, d = line.split(" ")
    got[(m, pi)] = d
diff = [f"{m}:{pi} from {d} in the files, {got.get((m, pi))} in the state" for (m, pi), d in want.items() if got.get((m, pi)) != d]
check("every imported predicate is the same definition in the state", not diff, "\n".join(diff[:20]))

sys.exit(1 if failures else 0)
