#!/bin/bash
# Facts added in one run are there in the next; a second process gets a
# read-only session; a torn journal tail is cut and reported; SIGKILL
# during a large ingest never loses an acknowledged fact.
set -u
casus=$1
export CASUS_TODAY=2026-11-28
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# Round trip.
"$casus" --data "$dir/d" -e 'add tie(kazakhstan, armenia, military) on 2026-03-01 source "joint exercise"' >/dev/null || fail "add"
out=$("$casus" --data "$dir/d" -e 'as of 2026-04-01 what ties kazakhstan to armenia')
grep -q 'tie(kazakhstan,armenia,military)' <<<"$out" || fail "fact not there after restart: $out"
# A dated retract persists too, and history keeps both dates.
"$casus" --data "$dir/d" -e 'retract tie(kazakhstan, armenia, military) on 2026-05-01' >/dev/null || fail "retract"
out=$("$casus" --data "$dir/d" -f csv -e 'history of kazakhstan')
grep -q '2026-03-01,2026-05-01,"tie(kazakhstan,armenia,military)",[0-9T:-]*Z; end recorded [0-9T:-]*Z' <<<"$out" || fail "history: $out"
# The kb files are untouched: the journal is the only file written.
[[ -f "$dir/d/journal.log" ]] || fail "no journal"

# suppose leaves no trace in the journal.
size=$(stat -c %s "$dir/d/journal.log")
"$casus" --data "$dir/d" -e 'suppose add member(georgia, nato) on 2026-01-01: who must defend georgia' >/dev/null || fail "suppose"
[[ $(stat -c %s "$dir/d/journal.log") == "$size" ]] || fail "suppose wrote to the journal"

# A second process while the first holds the lock: read-only, clear error.
flock "$dir/d/lock" -c "\"$casus\" --data \"$dir/d\" -e 'add member(georgia, eeu)' > $dir/out 2>&1"; rc=$?
[[ $rc == 1 ]] || fail "second writer exit $rc"
grep -q 'read-only' "$dir/out" || fail "no read-only message: $(cat $dir/out)"

# A torn tail (half a record) is reported (and cut before the next write); what came before loads.
printf '\x40\x00\x00\x00garbage' >> "$dir/d/journal.log"
out=$("$casus" --data "$dir/d" -e 'as of 2026-04-01 what ties kazakhstan to armenia' 2>&1)
grep -q 'ends in a torn record' <<<"$out" || fail "torn tail not reported: $out"
grep -q 'tie(kazakhstan,armenia,military)' <<<"$out" || fail "facts lost after torn tail"

# A script batch: each add the store refuses (it overlaps a fact held, or
# an earlier add of the same batch) is that line's error with a caret;
# the others are acknowledged and durable; a question in the middle of
# the batch sees the adds before it; the script exits 1.
cat > "$dir/batch.casus" <<'S'
add member(georgia, nato) on 2024-01-01
add member(georgia, nato) on 2025-01-01
add priority(georgia, batch_threat) on 2024-02-01
as of 2024-06-01 which treaties bind georgia
add tie(georgia, armenia, friendly) on 2024-01-01
add rivalry(georgia, armenia) on 2024-03-01
add rivalry(armenia, georgia) on 2024-04-01
S
"$casus" --data "$dir/b" -f text "$dir/batch.casus" >"$dir/out" 2>"$dir/err"; rc=$?
[[ $rc == 1 ]] || fail "batch with refused adds: exit $rc"
grep -q 'batch.casus:2:5: error: member(georgia,nato) contradicts a fact already held' "$dir/err" || fail "overlap in batch: $(cat "$dir/err")"
grep -q "batch.casus:5:27: error: 'friendly' is not a tie_kind: one of ethnic" "$dir/err" || fail "bad kind in batch: $(cat "$dir/err")"
grep -q 'batch.casus:7:5: error: rivalry(georgia,armenia) contradicts' "$dir/err" || fail "symmetric overlap in batch: $(cat "$dir/err")"
grep -q 'North Atlantic Treaty' "$dir/out" || fail "the question did not see the batch's earlier add: $(cat "$dir/out")"
[[ $(grep -c '^added' "$dir/out") == 3 ]] || fail "want 3 acknowledgements: $(cat "$dir/out")"
out=$("$casus" --data "$dir/b" -f csv -e 'history of georgia')
[[ $(grep -c 'added by the user' <<<"$out") == 3 ]] || fail "want 3 durable adds after restart: $out"
grep -q '2025-01-01' <<<"$out" && fail "a refused add was written: $out"

# Compaction: the same history before and after, and after a restart;
# the journal restarts empty behind a snapshot.
before=$("$casus" --data "$dir/d" -f csv -e 'history of kazakhstan')
out=$("$casus" --data "$dir/d" -e '.compact') || fail "compact: $out"
grep -q 'compacted' <<<"$out" || fail "compact said: $out"
[[ -f "$dir/d/snapshot.dat" ]] || fail "no snapshot after .compact"
after=$("$casus" --data "$dir/d" -f csv -e 'history of kazakhstan')
[[ "$before" == "$after" ]] || fail "history changed by compaction: $before // $after"
"$casus" --data "$dir/d" -e 'add member(georgia, eeu) on 2026-06-01' >/dev/null || fail "add after compact"
"$casus" --data "$dir/d" -e '.compact' >/dev/null || fail "second compact"
out=$("$casus" --data "$dir/d" -f csv -e 'history of georgia' -e 'history of kazakhstan')
grep -q 'member(georgia,eeu)' <<<"$out" && grep -q '2026-03-01,2026-05-01,"tie(kazakhstan,armenia,military)"' <<<"$out" \
  || fail "facts lost by a second compaction: $out"

# A legacy snapshot (.qlf) in the store's former shape (spell_/8, before
# the pair argument), vouched for with --upgrade-snapshot, is upgraded
# when loaded and rewritten as data: the same history.
swipl --signals=false -q -g "
  open('$dir/legacy.pl', write, O),
  forall(member(P, [store:spell_/8, store:defined_/1, store:snapshot_generation_/1, store:snapshot_max_id_/1, store:ended_/4]),
         format(O, ':- multifile(~q).~n:- dynamic(~q).~n', [P, P])),
  format(O, '~q.~n~q.~n', [store:snapshot_generation_(3), store:snapshot_max_id_(2)]),
  format(O, '~q.~n', [store:spell_(member, georgia, eeu, member(georgia,eeu), 20260601, 99991231, source('added by the user', ''), added(1, '2026-01-01T00:00:00Z'))]),
  format(O, '~q.~n', [store:spell_(tie, kazakhstan, armenia, tie(kazakhstan,armenia,military), 20260301, 20260501, source('joint exercise', ''), added(2, '2026-01-01T00:00:00Z'))]),
  close(O), qcompile('$dir/legacy.pl')" -t halt || fail "writing a legacy snapshot"
mkdir "$dir/old"
cp "$dir/legacy.qlf" "$dir/old/snapshot.qlf"
python3 -c "
import json, struct, zlib, sys
p = json.dumps({'op': 'generation', 'fact': [], 'date': 3, 'source': '', 'recorded': '2026-01-01T00:00:00Z'}).encode()
open(sys.argv[1], 'wb').write(struct.pack('<II', len(p), zlib.crc32(p)) + p)" "$dir/old/journal.log"
out=$("$casus" --data "$dir/old" --upgrade-snapshot -f csv -e 'history of georgia' -e 'history of kazakhstan' 2>&1) || fail "legacy snapshot: $out"
grep -q '2026-06-01,,"member(georgia,eeu)"' <<<"$out" && grep -q '2026-03-01,2026-05-01,"tie(kazakhstan,armenia,military)"' <<<"$out" \
  || fail "a legacy snapshot lost facts: $out"
[[ -f "$dir/old/snapshot.dat" && ! -f "$dir/old/snapshot.qlf" ]] || fail "the legacy snapshot was not rewritten: $(ls "$dir/old")"
again=$("$casus" --data "$dir/old" -f csv -e 'history of georgia' -e 'history of kazakhstan' 2>&1) || fail "after the upgrade: $again"
[[ "$again" == "$(grep -v '^casus:' <<<"$out")" ]] || fail "the upgraded snapshot answers differently: $again // $out"

# A compaction cut short between its two renames leaves the old journal
# behind the new snapshot: recognised, not applied twice, and reported.
cp "$dir/d/journal.log" "$dir/journal.gen2"
"$casus" --data "$dir/d" -e 'add member(georgia, cctss) on 2026-07-01' >/dev/null || fail "add"
cp "$dir/d/journal.log" "$dir/journal.gen2.more"
"$casus" --data "$dir/d" -e '.compact' >/dev/null || fail "third compact"
cp "$dir/journal.gen2.more" "$dir/d/journal.log"   # as if the crash came before the journal's rename
out=$("$casus" --data "$dir/d" -f csv -e 'history of georgia' 2>&1) || fail "stale journal: $out"
grep -q 'predates snapshot generation 3' <<<"$out" || fail "stale journal not reported: $out"
[[ $(grep -c 'member(georgia,cctss)' <<<"$out") == 1 ]] || fail "stale journal applied twice: $out"
# A journal that continues a snapshot which is gone: casus refuses to start.
mv "$dir/d/snapshot.dat" "$dir/snapshot.saved"
out=$("$casus" --data "$dir/d" -e 'list states' 2>&1); rc=$?
[[ $rc == 1 ]] && grep -q 'snapshot.dat) is missing' <<<"$out" || fail "missing snapshot: rc $rc: $out"
mv "$dir/snapshot.saved" "$dir/d/snapshot.dat"

# A full disk: the batch is refused with a clear error, the journal keeps
# only whole records, and nothing of the batch is answered from.
# RLIMIT_FSIZE (with SIGXFSZ ignored) makes write() fail with EFBIG, the
# way a full disk makes it fail with ENOSPC.
"$casus" --data "$dir/full" -e 'add member(georgia, eeu) on 2026-06-01' >/dev/null || fail "add before disk full"
size=$(stat -c %s "$dir/full/journal.log")
big="$dir/big.casus"
for i in $(seq 1 2000); do echo "add priority(georgia, disk_threat_$i) on 2026-01-01"; done > "$big"
out=$(bash -c "trap '' XFSZ; ulimit -f 16; exec \"$casus\" --data \"$dir/full\" \"$big\"" 2>&1); rc=$?
[[ $rc == 1 ]] || fail "disk full: exit $rc"
grep -q 'cannot write' <<<"$out" && grep -q 'taken back' <<<"$out" || fail "disk full message: $(tail -3 <<<"$out")"
(( $(stat -c %s "$dir/full/journal.log") <= 16384 )) || fail "journal grew past the limit"
out=$("$casus" --data "$dir/full" -f csv -e 'history of georgia' 2>&1) || fail "journal does not load after disk full: $out"
grep -q 'torn' <<<"$out" && fail "a failed batch left a torn record: $out"
grep -q 'member(georgia,eeu)' <<<"$out" || fail "the fact before the full disk is gone"
grep -q 'disk_threat' <<<"$out" && fail "facts of the refused batch were kept"

# A read-only data directory: a read-only tmpfs when this runs as root
# (root ignores file modes), else a directory without write permission.
ro="$dir/ro"
mkdir -p "$ro"
read_only_ready=0
if [[ $(id -u) == 0 ]]; then
  if mount -t tmpfs -o size=1m tmpfs "$ro" 2>/dev/null; then
    "$casus" --data "$ro/d" -e 'add member(georgia, eeu) on 2026-06-01' >/dev/null || fail "add before read-only"
    mount -o remount,ro "$ro" || fail "remount ro"
    unmount_ro() { umount "$ro" 2>/dev/null; }
    read_only_ready=1
  fi
else
  "$casus" --data "$ro/d" -e 'add member(georgia, eeu) on 2026-06-01' >/dev/null || fail "add before read-only"
  chmod -R a-w "$ro/d"
  unmount_ro() { chmod -R u+w "$ro/d"; }
  read_only_ready=1
fi
if (( read_only_ready )); then
  sum=$(sha256sum "$ro/d/journal.log")
  out=$("$casus" --data "$ro/d" -e 'who belongs to eeu' -e 'add member(georgia, csto) on 2026-06-01' 2>&1); rc=$?
  [[ $rc == 1 ]] || fail "read-only directory: exit $rc"
  grep -q 'not writable' <<<"$out" && grep -q 'Georgia\|georgia' <<<"$out" || fail "read-only directory: $out"
  [[ "$(sha256sum "$ro/d/journal.log")" == "$sum" ]] || fail "read-only journal changed"
  unmount_ro
else
  # Root where mounting is not allowed: a data directory that cannot be created at all.
  out=$("$casus" --data /proc/casus-test/d -e 'add member(georgia, csto)' 2>&1); rc=$?
  [[ $rc == 1 ]] && grep -q 'cannot create data directory' <<<"$out" || fail "unwritable data directory: rc $rc: $out"
fi

# Crash trials: SIGKILL during an ingest of acknowledged adds.
states=(armenia azerbaijan belarus kazakhstan kyrgyzstan russia tajikistan turkey georgia iran china ukraine)
for trial in $(seq 1 12); do
  d="$dir/crash$trial"
  script="$dir/ingest$trial.casus"
  : > "$script"
  for i in $(seq 1 3000); do echo "add priority(${states[$((i % 12))]}, threat_${trial}_$i) on 2026-01-01"; done >> "$script"
  "$casus" --data "$d" "$script" > "$dir/acks$trial" 2>/dev/null &
  pid=$!
  sleep "0.$((RANDOM % 4))$((RANDOM % 10))"
  kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
  acked=$(grep -c '^added' "$dir/acks$trial")
  present=$("$casus" --data "$d" -f csv -e 'history of armenia' -e 'history of azerbaijan' -e 'history of belarus' \
      -e 'history of kazakhstan' -e 'history of kyrgyzstan' -e 'history of russia' -e 'history of tajikistan' \
      -e 'history of turkey' -e 'history of georgia' -e 'history of iran' -e 'history of china' -e 'history of ukraine' 2>/dev/null \
      | grep -c "threat_${trial}_")
  (( present >= acked )) || fail "trial $trial: $acked acknowledged but only $present present"
done
echo "persistence: all checks passed"
