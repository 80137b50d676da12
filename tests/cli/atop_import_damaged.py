#!/usr/bin/env python3
"""`casus import atop` on damaged copies of the real ATOP and COW files:
all or nothing, and strict.

- a re-import that fails with a clash leaves the data directory
  byte-identical and every answer unchanged, in that process too, and the
  statements before it in a script stay saved;
- a 17 MB abbreviation is refused with file:line before anything is written;
- a member row cut short is refused with file:line;
- CR-only line ends import the same memberships as the LF original;
- year 100000000 is refused (the row skipped, with file:line);
- rows repeated exactly are counted once; past 1,000 issues the rest are one;
- a Latin-1 state name is imported as UTF-8 and reads back after a restart;
- a write that fails (a file size limit, as a full disk fails) leaves the
  data directory as it was and nothing of the import in memory.

usage: atop_import_damaged.py CASUS SHARED_DATA_DIR"""
import hashlib, json, os, resource, shutil, signal, subprocess, sys, tempfile

casus, data = sys.argv[1], sys.argv[2]
atop_dir, states_csv = os.path.join(data, "atop"), os.path.join(data, "cow", "states2016.csv")
ALLIANCES, MEMBERS = "atop-alliance-level.csv", "atop-member-level.csv"
env = dict(os.environ, CASUS_TODAY="2026-11-28")
work = tempfile.mkdtemp(prefix="casus-atop-damaged-")
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


# The importer is tested on the source tree's kb (the curated facts only):
# the default kb holds the shipped ATOP release already.
SOURCE_KB = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "kb")  # the curated kb: no ATOP in it yet


def casus_run(data_dir, *args, stdin=None):
    return subprocess.run([casus, "--kb", SOURCE_KB, "--data", data_dir, *args], capture_output=True, env=env, input=stdin)


def read(path):
    with open(path, "rb") as f:
        return f.read()


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


def variant(name, alliances=None, members=None, states=None):
    """A copy of the three files, each replaced by a function of its bytes if given."""
    d = os.path.join(work, name)
    os.makedirs(d)
    for fname, change in ((ALLIANCES, alliances), (MEMBERS, members)):
        b = read(os.path.join(atop_dir, fname))
        write(os.path.join(d, fname), change(b) if change else b)
    b = read(states_csv)
    write(os.path.join(d, "states.csv"), states(b) if states else b)
    return d, os.path.join(d, "states.csv")


def import_(data_dir, d, states):
    return casus_run(data_dir, "import", "atop", d, "--states", states)


def digest(data_dir):
    """Every file of the data directory but the lock, by name: size and hash."""
    out = {}
    for f in sorted(os.listdir(data_dir)):
        if f != "lock":
            b = read(os.path.join(data_dir, f))
            out[f] = (len(b), hashlib.sha256(b).hexdigest())
    return out


def answers(data_dir):
    r = casus_run(data_dir, "-f", "json", "-e", "list states", "-e", "as of 1995-06-01 who must defend armenia",
                  "-e", "as of 1960-01-01 which treaties bind egypt")
    check(r.returncode == 0, f"questions failed: {r.stderr[:300]!r}")
    return r.stdout


def lines_of(b):
    return b.split(b"\r\n") if b"\r\n" in b else b.split(b"\n")


def line_ending(b):
    return b"\r\n" if b"\r\n" in b else b"\n"


def with_line(b, index, new):
    """b with its line at index (0 = header) replaced by new."""
    ls = lines_of(b)
    ls[index] = new
    return line_ending(b).join(ls)


def summary(out):
    return next((l for l in out.splitlines() if l.startswith("Imported atop")), "")


# A data directory with the real files imported once.
base = os.path.join(work, "base")
first = import_(base, atop_dir, states_csv)
check(first.returncode == 0, f"the real files did not import: {first.stderr[:300]!r}")
real_summary = summary(first.stdout.decode())
# 2319 spells: party/2 ones, and exempt/3 ones for every obligation a member row lacks (69 of them for
# offense, neutral, nonagg and consul, beside defense)
check("745 alliances" in real_summary and "2398 member rows" in real_summary and "2319 membership spells added" in real_summary,
      f"real import: {real_summary}")
before, before_answers = digest(base), answers(base)


def unchanged(what):
    check(digest(base) == before, f"{what}: the data directory changed")
    check(answers(base) == before_answers, f"{what}: the answers changed")


# --- a re-import that fails with a clash --------------------------------------------
# ATOP 3205 with another year clashes with the treaty imported before; the
# state list has a new state, which would be created first.
def new_state(b):
    return b.rstrip(b"\r\n") + b"\r\nZZL,998,Zedland,1990,1,1,2016,12,31,2016\r\n"


clash_dir, clash_states = variant("clash", alliances=lambda b: b.replace(b"\n3205,3523,230,1950,", b"\n3205,3523,230,1951,"),
                                  states=new_state)
r = import_(base, clash_dir, clash_states)
err = r.stderr.decode()
check(r.returncode == 1, f"clash: exit {r.returncode}")
check(f"{ALLIANCES}:" in err and "atop_3205" in err and "nothing was imported" in err, f"clash message: {err[:400]}")
unchanged("clash")
# In one process: the failed import leaves nothing in memory, and the add
# before it is saved on its own.
script = (f'add priority(armenia, g1) on 2026-01-01\nimport atop "{clash_dir}" states "{clash_states}"\n'
          'list states\nadd priority(armenia, g2) on 2026-01-01\n').encode()
r = casus_run(base, "-f", "json", stdin=script)
out = r.stdout.decode()
check(r.returncode == 1 and "atop_3205" in r.stderr.decode(), f"clash in a script: {r.returncode} {r.stderr[:300]!r}")
check("Zedland" not in out and out.count('"action":"added"') == 2, f"clash in a script: {out[-600:]}")
after = casus_run(base, "-e", "history of armenia", "-e", "list states").stdout.decode()
check("g1" in after and "g2" in after and "Zedland" not in after, f"clash in a script, after a restart: {after[-400:]}")
before, before_answers = digest(base), answers(base)

# --- a 17 MB abbreviation ------------------------------------------------------------
big_dir, big_states = variant("big", states=lambda b: b.rstrip(b"\r\n") + b"\r\n" + b"Z" * 17_000_000 +
                              b",997,Bigland,1990,1,1,2016,12,31,2016\r\n")
r = import_(base, big_dir, big_states)
err = r.stderr.decode()
check(r.returncode == 1 and "states.csv:245:" in err and "longer than 1024 bytes" in err, f"17 MB field: {r.returncode} {err[:400]}")
check(len(err) < 2000, f"17 MB field: the message is {len(err)} bytes long")
unchanged("17 MB field")

# --- a member row cut to 20 of its columns ----------------------------------------------
cut_dir, cut_states = variant("cut", members=lambda b: with_line(b, 57, b",".join(lines_of(b)[57].split(b",")[:20])))
r = import_(base, cut_dir, cut_states)
err = r.stderr.decode()
check(r.returncode == 1 and f"{MEMBERS}:58: the row has 20 columns, the header 105" in err, f"cut row: {r.returncode} {err[:400]}")
unchanged("cut row")
fresh = os.path.join(work, "fresh-cut")
r = import_(fresh, cut_dir, cut_states)
check(r.returncode == 1 and "atop_" not in casus_run(fresh, "-e", "list treaties").stdout.decode(),
      "cut row, fresh directory: something was imported")

# --- CR-only line ends ---------------------------------------------------------------------
def cr_only(b):
    return b.replace(b"\r\n", b"\n").replace(b"\n", b"\r")


cr_dir, cr_states = variant("cr", alliances=cr_only, members=cr_only, states=cr_only)
cr_data = os.path.join(work, "cr-data")
r = import_(cr_data, cr_dir, cr_states)
out = r.stdout.decode()
check(r.returncode == 0 and summary(out) == real_summary, f"CR-only: {summary(out)} vs {real_summary}")
check(f"{MEMBERS}:1: repaired: CR line ends" in out and f"{MEMBERS}:203: skipped: member code 8152" in out,
      f"CR-only: lines not counted: {out[:400]}")
lf_data = os.path.join(work, "lf-data")
import_(lf_data, atop_dir, states_csv)
check(answers(cr_data) == answers(lf_data), "CR-only: the answers differ from the LF import's")

# --- year 100000000 ----------------------------------------------------------------------
def far_year(b):
    cells = lines_of(b)[10].split(b",")
    cells[5] = b"100000000"  # yrent
    return with_line(b, 10, b",".join(cells))


year_dir, year_states = variant("year", members=far_year)
r = import_(os.path.join(work, "year-data"), year_dir, year_states)
out = r.stdout.decode()
check(r.returncode == 0 and f"{MEMBERS}:11: skipped: entry year 100000000 is outside 1800-2100" in out,
      f"year 100000000: {r.returncode} {out[:400]}")
check("2318 membership spells added" in summary(out), f"year 100000000: {summary(out)}")

# --- rows repeated exactly --------------------------------------------------------------
def repeat(indexes):
    def change(b):
        ls = lines_of(b)
        while ls and ls[-1] == b"":
            ls.pop()
        return line_ending(b).join(ls + [ls[i] for i in indexes]) + line_ending(b)
    return change


dup_dir, dup_states = variant("dup", alliances=repeat([5, 300]), members=repeat([7, 7, 1000]))
r = import_(os.path.join(work, "dup-data"), dup_dir, dup_states)
out = r.stdout.decode()
check(r.returncode == 0 and summary(out) == real_summary, f"repeated rows: {summary(out)} vs {real_summary}")
check(f"{ALLIANCES}:747: skipped: repeats line 6 exactly" in out and f"{MEMBERS}:2401: skipped: repeats line 8 exactly" in out,
      f"repeated rows not reported: {out[-800:]}")
# Many repeats: the first 1,000 issues one by one, the rest counted in one.
many_dir, many_states = variant("many", members=repeat([7] * 5000))
r = import_(os.path.join(work, "many-data"), many_dir, many_states)
out = r.stdout.decode()
# 5,000 repeats, the row they repeat counted once, and the two ATOP 4890 rows
# (Russia-Armenia 1997) whose spells overlap the curated treaty's.
check(r.returncode == 0 and summary(out) == real_summary and "5003 rows skipped" in out, f"many repeats: {out[:400]}")
check(len(out.splitlines()) < 1100 and "more after this one, not listed one by one" in out,
      f"many repeats: {len(out.splitlines())} lines of output")
r = casus_run(os.path.join(work, "many-json"), "-f", "json", "import", "atop", many_dir, "--states", many_states)
skipped = json.loads(r.stdout.decode())["skipped"] if r.returncode == 0 else []
check(len(skipped) == 1003 and sum(i.get("count", 1) for i in skipped) == 5003, f"many repeats in JSON: {len(skipped)}")
conflict_dir, conflict_states = variant("conflict", alliances=lambda b: repeat([5])(b).rstrip(b"\r\n")[:-1] + b"9\n")
r = import_(os.path.join(work, "conflict-data"), conflict_dir, conflict_states)
check(r.returncode == 1 and f"{ALLIANCES}:747: atopid" in r.stderr.decode() and "has a different row at line 6" in r.stderr.decode(),
      f"an atopid with two different rows: {r.returncode} {r.stderr[:400]!r}")

# --- a Latin-1 state name ------------------------------------------------------------------
# The default kb holds every COW state under its COW name: the Latin-1 name
# is given to a code of its own, which the import creates.
latin_dir, latin_states = variant("latin1", states=lambda b: b.replace(b"CDI,437,Ivory Coast,", b"CDX,9437,C\xf4te d'Ivoire,"))
latin_data = os.path.join(work, "latin1-data")
r = import_(latin_data, latin_dir, latin_states)
out = r.stdout.decode()
check(r.returncode == 0 and "read as Latin-1" in out, f"Latin-1: {r.returncode} {out[:300]} {r.stderr[:300]!r}")
r = casus_run(latin_data, "-f", "json", "-e", "list states")
items = json.loads(r.stdout.decode().splitlines()[0])["items"] if r.returncode == 0 else []
check(any(i["name"] == "C\u00f4te d'Ivoire" and i["extra"] == "9437" for i in items), "Latin-1 name not read back as UTF-8")
check(b"cut" not in r.stderr and r.returncode == 0, f"Latin-1: the journal did not read back: {r.stderr[:300]!r}")
# The same summary, but for the one state (and its alias) the import creates.
check(summary(out).split(";")[0] == real_summary.split(";")[0] and "1 states new to the kb" in summary(out),
      f"Latin-1: {summary(out)}")

# --- the import's write fails ------------------------------------------------------------
# RLIMIT_FSIZE (with SIGXFSZ ignored) makes write() fail with EFBIG, the way
# a full disk makes it fail with ENOSPC; the import's batch is ~900 KB.
def small_disk():
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (256 * 1024, 256 * 1024))


full = os.path.join(work, "full")
casus_run(full, "-e", "add priority(armenia, g1) on 2026-01-01")
full_before = digest(full)
script = f'import atop "{atop_dir}" states "{states_csv}"\nlist states\n'.encode()
r = subprocess.run([casus, "--kb", SOURCE_KB, "--data", full, "-f", "json"], input=script, capture_output=True, env=env,
                   preexec_fn=small_disk)
check(r.returncode == 1 and "cannot write" in r.stderr.decode(), f"full disk: {r.returncode} {r.stderr[:300]!r}")
script = f'import atop "{atop_dir}" states "{states_csv}"\nlist treaties\n'.encode()
r = subprocess.run([casus, "--kb", SOURCE_KB, "--data", full, "-f", "json"], input=script, capture_output=True, env=env,
                   preexec_fn=small_disk)
check('"atop_' not in r.stdout.decode() and '"kind":"list"' in r.stdout.decode(),
      f"full disk: the import stayed in memory: {r.stdout[-300:]!r}")
check(digest(full) == full_before, "full disk: the data directory changed")
r = casus_run(full, "-e", "list treaties", "-e", "history of armenia")
check(r.returncode == 0 and b"atop_" not in r.stdout and b"g1" in r.stdout, f"full disk, after a restart: {r.stderr[:300]!r}")

if failures:
    print("FAIL:\n  " + "\n  ".join(failures))
    sys.exit(1)
print("atop import of damaged files: all checks passed")
shutil.rmtree(work)
