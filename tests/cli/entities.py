#!/usr/bin/env python3
"""New entities by statement and where the attack falls (issue 20 items 3
and 4), through the real binary on the default kb:

- the CSTO's and Russia's obligations to Armenia cover its own territory,
  not Nagorno-Karabakh (as of 2020-10-15); NATO's cover Bermuda, not the
  Falkland Islands (Art. 6);
- an organisation and a treaty with a defence clause created by `define`
  make their members appear under `who must defend`, and a treaty with no
  defence clause binds without obliging anyone;
- defining an id that exists is an error that writes nothing (the journal
  is byte for byte as it was);
- errors point at the place, with a suggestion;
- all of it survives a restart, and a compaction and another restart.

usage: entities.py CASUS"""
import json, os, shutil, subprocess, sys, tempfile

casus = sys.argv[1]
env = dict(os.environ, CASUS_TODAY="2026-12-01")
failures = []


def run(args, script=None):
    return subprocess.run([casus, *args], input=script, capture_output=True, text=True, env=env)


def answers(args, question):
    r = run([*args, "-f", "json", "-e", question])
    if r.returncode != 0:
        failures.append(f"{question!r}: exit {r.returncode}: {r.stderr[-800:]}")
        return []
    return json.loads(r.stdout.splitlines()[-1]).get("answers", [])


def obligated_under(args, question, treaty):
    return sorted(a["state"] for a in answers(args, question) if any(b["treaty"] == treaty for b in a["basis"]))


def expect(what, got, want):
    if got != want:
        failures.append(f"{what}: got {got!r}, want {want!r}")


# --- where the attack falls --------------------------------------------------
csto = ["belarus", "kazakhstan", "kyrgyzstan", "russia", "tajikistan"]
q = "as of 2020-10-15 who would defend Armenia against Azerbaijan"
expect("CSTO, no place named", obligated_under(["--memory"], q, "collective_security_treaty"), csto)
expect("CSTO, in Armenia", obligated_under(["--memory"], q + " in Armenia", "collective_security_treaty"), csto)
expect("CSTO, in Nagorno-Karabakh", obligated_under(["--memory"], q + " in Nagorno-Karabakh", "collective_security_treaty"), [])
expect("Russia-Armenia 1997, in Nagorno-Karabakh",
       obligated_under(["--memory"], q + " in Nagorno-Karabakh", "russia_armenia_1997"), [])
nk = answers(["--memory"], q + " in Nagorno-Karabakh")
expect("no CSTO obligation at all in Nagorno-Karabakh",
       [a["state"] for a in nk if any(b["treaty"] == "collective_security_treaty" for b in a["basis"])], [])
why = run(["--memory", "-e", "as of 2020-10-15 why would Russia defend Armenia against Azerbaijan in Armenia"])
if "the treaty area covers an attack in Armenia" not in why.stdout:
    failures.append(f"why ... in Armenia does not say the area was checked: {why.stdout[:600]!r}")
uk = "as of 2020-01-01 who must defend United Kingdom"
nato_all = obligated_under(["--memory"], uk, "north_atlantic_treaty")
if len(nato_all) < 20:
    failures.append(f"NATO for the United Kingdom: only {nato_all}")
expect("NATO in the Falkland Islands", obligated_under(["--memory"], uk + " in Falkland Islands", "north_atlantic_treaty"), [])
expect("NATO in Bermuda", obligated_under(["--memory"], uk + " in Bermuda", "north_atlantic_treaty"), nato_all)
r = run(["--memory", "-e", "who must defend Armenia in Karabach"])
if r.returncode != 1 or "unknown place 'Karabach'" not in r.stderr:
    failures.append(f"a misspelt place: exit {r.returncode}, {r.stderr!r}")

# --- new entities by statement, durable ----------------------------------------
data = tempfile.mkdtemp(prefix="casus-entities-")
try:
    d = ["--data", data]
    before = obligated_under(d, "as of 2025-01-01 who must defend Russia", "russia_dprk_2024")
    expect("North Korea before the treaty is defined", before, [])
    script = """
define organisation eu "European Union" source "Treaty on European Union (Maastricht), in force 1993-11-01"
define treaty teu "Treaty on European Union" of eu signed 2007-12-13 in force 2009-12-01 source "Treaty of Lisbon, in force 2009-12-01"
define clause teu art42_7 defence "Article 42(7)" in own territory source "TEU Art. 42(7): if a Member State is the victim of armed aggression on its territory, the other Member States shall have towards it an obligation of aid and assistance by all the means in their power"
add member(france, eu) on 1993-11-01
add member(germany, eu) on 1993-11-01
define treaty russia_dprk_2024 "Treaty on Comprehensive Strategic Partnership between Russia and the DPRK" signed 2024-06-19 in force 2024-12-04 source "signed in Pyongyang on 2024-06-19; in force 2024-12-04"
define clause russia_dprk_2024 article_4 defence "Article 4" source "Art. 4: if one party is put in a state of war by an armed attack, the other shall provide military and other assistance without delay"
add party(russia, russia_dprk_2024) on 2024-12-04
add party("North Korea", russia_dprk_2024) on 2024-12-04
define treaty us_armenia_charter "U.S.-Armenia Charter on Strategic Partnership" signed 2025-01-14 source "signed in Washington on 2025-01-14"
define clause us_armenia_charter section_2 none "Section II (security and defence cooperation)"
add party(united_states, us_armenia_charter) on 2025-01-14
add party(armenia, us_armenia_charter) on 2025-01-14
"""
    r = run(d, script)
    if r.returncode != 0:
        failures.append(f"the definitions: exit {r.returncode}: {r.stderr[-1500:]}")
    journal = os.path.join(data, "journal.log")
    size = os.path.getsize(journal)
    with open(journal, "rb") as f:
        journal_bytes = f.read()

    # The same id twice, or an id of another kind: an error, nothing written.
    for stmt in ['define organisation eu "European Union"', 'define issue csto "the CSTO"',
                 'define clause teu art42_7 defence "Article 42(7) again"']:
        r = run(d, stmt + "\n")
        if r.returncode != 1 or ("taken" not in r.stderr and "already" not in r.stderr):
            failures.append(f"{stmt!r} twice: exit {r.returncode}, {r.stderr!r}")
        with open(journal, "rb") as f:
            if f.read() != journal_bytes:
                failures.append(f"{stmt!r} twice changed the journal")

    # Errors at the place, with a suggestion.
    for stmt, want in [('define treaty x "X" of eux in force 2009-12-01', "unknown organisation 'eux'; did you mean 'eu'?"),
                       ('define clause teu art5 defence "X" in own terittory', "did you mean 'own_territory'?"),
                       ('define organisation EU2 "X"', "'EU2' is not an id"),
                       ('define treaty t2 "X" signed 2020-01-01 in force 2019-01-01', "before it was signed"),
                       ('define treaty t3 "X"', "a treaty needs a date"),
                       ('define clause teu art5 defense "X" against Rusia', "did you mean"),
                       ('define territory t4 "X" of France in mars', "is no area")]:
        r = run(d, stmt + "\n")
        if r.returncode != 1 or want not in r.stderr:
            failures.append(f"{stmt!r}: exit {r.returncode}, want {want!r} in {r.stderr!r}")
    with open(journal, "rb") as f:
        if f.read() != journal_bytes:
            failures.append("a refused definition changed the journal")
    r = run(d, 'define organisation eu "European Union"\n')
    echoed = r.stderr.splitlines()
    carets = [i for i, l in enumerate(echoed) if l.lstrip().startswith("^")]
    if not carets or echoed[carets[0] - 1].index('define') + len('define organisation ') != echoed[carets[0]].index("^"):
        failures.append(f"the caret does not point at the id: {r.stderr!r}")

    def check_all(stage):
        expect(f"{stage}: EU members under Article 42(7)",
               obligated_under(d, "who must defend France", "teu"), ["germany"])
        expect(f"{stage}: North Korea under the 2024 treaty",
               obligated_under(d, "as of 2025-01-01 who must defend Russia", "russia_dprk_2024"), ["north_korea"])
        expect(f"{stage}: no defender under the US-Armenia charter",
               obligated_under(d, "who must defend Armenia", "us_armenia_charter"), [])
        r = run(d + ["-f", "json"], "list organisations\nwhich treaties bind Armenia\nlist treaties\n")
        lines = [json.loads(l) for l in r.stdout.splitlines()]
        if len(lines) != 3:
            failures.append(f"{stage}: lists: {r.stdout[:300]!r} {r.stderr[-300:]!r}")
            return
        if "eu" not in [i["id"] for i in lines[0]["items"]]:
            failures.append(f"{stage}: list organisations lacks eu")
        if "us_armenia_charter" not in [t["treaty"] for t in lines[1]["treaties"]]:
            failures.append(f"{stage}: which treaties bind Armenia lacks the charter")
        if not {"teu", "russia_dprk_2024"} <= {i["id"] for i in lines[2]["items"]}:
            failures.append(f"{stage}: list treaties lacks the new treaties")

    check_all("after a restart")
    r = run(d, ".compact\n")
    if r.returncode != 0:
        failures.append(f".compact: exit {r.returncode}: {r.stderr!r}")
    check_all("after a compaction and a restart")
    r = run(d, 'define organisation eu "European Union"\n')
    if r.returncode != 1 or "taken" not in r.stderr:
        failures.append(f"eu again after the compaction: exit {r.returncode}, {r.stderr!r}")
finally:
    shutil.rmtree(data, ignore_errors=True)

for f in failures:
    print("FAIL:", f)
if failures:
    sys.exit(1)
print("ok: places honoured; defined entities answer, refuse a taken id and survive a restart and a compaction")
