#!/bin/bash
# The journal's safety, on the real binary: what casus acknowledges can be
# read back (invalid UTF-8, a 16 MiB+ source); damage, a newer-format
# record, a symlink or a file that is not a journal stop casus with a clear
# error and leave the file byte-identical; a question-only session never
# writes the journal; `casus repair` keeps every intact record.
set -u
casus=$1
export CASUS_TODAY=2026-11-28
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
sum() { sha256sum "$1" | cut -d' ' -f1; }
# frame PAYLOAD: one CRC-valid journal frame (u32 length, u32 crc32, payload).
frame() { python3 -c 'import sys,struct,zlib; p=sys.argv[1].encode("latin-1"); sys.stdout.buffer.write(struct.pack("<II",len(p),zlib.crc32(p))+p)' "$1"; }

# 1. The issue's reproduction: a source that is not UTF-8 is refused at
# its place; the adds around it are acknowledged, durable and answered.
printf 'add priority(armenia, g1) on 2026-01-01\nadd priority(armenia, g2) on 2026-01-01 source "caf\xe9"\nadd priority(armenia, g3) on 2026-01-01\n' > "$dir/r.casus"
"$casus" --data "$dir/u" "$dir/r.casus" >"$dir/out" 2>"$dir/err"; rc=$?
[[ $rc == 1 ]] || fail "invalid UTF-8: exit $rc"
grep -q 'r.casus:2:52: error: the source is not valid UTF-8 (byte 0xe9 at position 4)' "$dir/err" || fail "invalid UTF-8 message: $(cat "$dir/err")"
grep -q 'added priority(armenia, g2)' "$dir/out" && fail "g2 was acknowledged"
out=$("$casus" --data "$dir/u" -f csv -e 'history of armenia' 2>&1); rc=$?
[[ $rc == 0 ]] || fail "the data directory does not load after invalid UTF-8: $out"
grep -q 'priority(armenia,g1)' <<<"$out" && grep -q 'priority(armenia,g3)' <<<"$out" || fail "g1 or g3 lost: $out"
grep -q 'g2' <<<"$out" && fail "g2 was written: $out"

# 2. A source over the limit (17 MiB, past the old 16 MiB frame) is
# refused; nothing of it is written, and the next start is clean.
python3 -c 'import sys; sys.stdout.write("add priority(armenia, huge) on 2026-01-01 source \"" + "x" * (17 << 20) + "\"\nadd priority(armenia, after_huge) on 2026-01-01\n")' > "$dir/huge.casus"
"$casus" --data "$dir/u" "$dir/huge.casus" >"$dir/out" 2>"$dir/err"; rc=$?
[[ $rc == 1 ]] || fail "17 MiB source: exit $rc"
grep -q 'the source is 17825792 bytes long; the limit is 65536 bytes (64 KiB)' "$dir/err" || fail "17 MiB source message: $(head -c 300 "$dir/err")"
(( $(stat -c %s "$dir/u/journal.log") < 4096 )) || fail "the 17 MiB source was written"
out=$("$casus" --data "$dir/u" -f csv -e 'history of armenia' 2>&1) || fail "no clean start after the 17 MiB source: $(head -c 300 <<<"$out")"
grep -q 'after_huge' <<<"$out" || fail "the add after the 17 MiB source was lost"
grep -q 'priority(armenia,huge)' <<<"$out" && fail "the 17 MiB add is answered"

# 3. One flipped bit in the middle of a 1,000-record journal: casus
# refuses to start, says where, and leaves the file as it was; casus
# repair keeps the 999 intact records.
for i in $(seq 1 1000); do echo "add priority(armenia, f$i) on 2026-01-01"; done > "$dir/many.casus"
"$casus" --data "$dir/f" "$dir/many.casus" >/dev/null || fail "1,000 adds"
python3 -c 'import sys; p=sys.argv[1]; d=bytearray(open(p,"rb").read()); d[len(d)//2]^=0x08; open(p,"wb").write(d)' "$dir/f/journal.log"
before=$(sum "$dir/f/journal.log")
out=$("$casus" --data "$dir/f" -e 'history of armenia' 2>&1); rc=$?
[[ $rc == 1 ]] || fail "damaged journal: exit $rc"
grep -q "journal $dir/f/journal.log is damaged at byte offset [0-9]* (record 50[01]): a damaged record (its checksum does not match its bytes); 50[01] readable records come before it and 49[89] readable records follow it" <<<"$out" \
  || fail "damage message: $out"
grep -q "run \`casus repair --data $dir/f\`" <<<"$out" || fail "no repair advice: $out"
grep -q 'priority(armenia' <<<"$out" && fail "answered from part of a damaged journal"
[[ $(sum "$dir/f/journal.log") == "$before" ]] || fail "the damaged journal was changed"
# repair refuses while another casus holds the lock, and changes nothing.
out=$(flock "$dir/f/lock" "$casus" repair --data "$dir/f" 2>&1); rc=$?
[[ $rc == 1 ]] && grep -q 'another casus holds its lock' <<<"$out" || fail "repair under a held lock: rc $rc: $out"
[[ $(sum "$dir/f/journal.log") == "$before" ]] || fail "repair under a held lock changed the journal"
out=$("$casus" repair --data "$dir/f" 2>&1) || fail "repair: $out"
grep -q 'kept 999 readable records; moved 1 unreadable runs' <<<"$out" || fail "repair report: $out"
q=$(ls "$dir/f"/journal.quarantine.* 2>/dev/null | head -1)
[[ -n "$q" ]] && grep -aq -- '--- offset [0-9]*, [0-9]* bytes: a damaged record' "$q" || fail "no quarantine file: $(ls "$dir/f")"
n=$("$casus" --data "$dir/f" -f csv -e 'history of armenia' | grep -c 'priority(armenia,f[0-9]*)')
[[ $n == 999 ]] || fail "after repair $n of the 999 intact records are answered"
out=$("$casus" repair --data "$dir/f" 2>&1) && grep -q 'needs no repair: 999 records' <<<"$out" || fail "second repair: $out"

# 4. A CRC-valid record this casus cannot read (a date written as a
# string), between readable ones: refused as written by a newer casus.
"$casus" --data "$dir/n" -e 'add priority(armenia, n1) on 2026-01-01' >/dev/null || fail "add n1"
frame '{"op":"add","fact":["priority","armenia","n2"],"date":"2026-01-01","source":"s","recorded":"2026-11-28T00:00:00Z"}' >> "$dir/n/journal.log"
"$casus" --data "$dir/n2" -e 'add priority(armenia, n3) on 2026-01-01' >/dev/null && cat "$dir/n2/journal.log" >> "$dir/n/journal.log"
before=$(sum "$dir/n/journal.log")
out=$("$casus" --data "$dir/n" -e 'history of armenia' 2>&1); rc=$?
[[ $rc == 1 ]] && grep -q 'the record at byte offset [0-9]* (record 2) is whole (its checksum matches) but this casus cannot read it: its "date" is not an integer. It was written by a newer casus (or damaged)' <<<"$out" \
  || fail "newer-format record: rc $rc: $out"
[[ $(sum "$dir/n/journal.log") == "$before" ]] || fail "the newer-format journal was changed"

# 5. A symlinked journal.log (or lock) is refused; its target is untouched.
echo "my notes" > "$dir/victim.txt"
mkdir "$dir/s"; ln -s "$dir/victim.txt" "$dir/s/journal.log"
out=$("$casus" --data "$dir/s" -e 'list organisations' 2>&1); rc=$?
[[ $rc == 1 ]] && grep -q "$dir/s/journal.log is a symbolic link; casus does not follow links" <<<"$out" || fail "symlinked journal: rc $rc: $out"
[[ $(cat "$dir/victim.txt") == "my notes" ]] || fail "the symlink's target was changed"
mkdir "$dir/s2"; ln -s "$dir/victim.txt" "$dir/s2/lock"
out=$("$casus" --data "$dir/s2" -e 'add priority(armenia, s1) on 2026-01-01' 2>&1); rc=$?
[[ $rc == 1 ]] && grep -q "$dir/s2/lock is a symbolic link" <<<"$out" || fail "symlinked lock: rc $rc: $out"
[[ $(cat "$dir/victim.txt") == "my notes" ]] || fail "the lock symlink's target was changed"

# 6. A text file as journal.log is refused, untouched, by casus and repair.
mkdir "$dir/t"; printf 'shopping list\neggs\n' > "$dir/t/journal.log"
out=$("$casus" --data "$dir/t" -e 'add priority(armenia, t1) on 2026-01-01' 2>&1); rc=$?
[[ $rc == 1 ]] && grep -q "$dir/t/journal.log is not a casus journal" <<<"$out" || fail "text journal: rc $rc: $out"
out=$("$casus" repair --data "$dir/t" 2>&1); rc=$?
[[ $rc == 1 ]] && grep -q "is not a casus journal" <<<"$out" || fail "repair of a text journal: rc $rc: $out"
[[ "$(cat "$dir/t/journal.log")" == $'shopping list\neggs' ]] || fail "the text journal was changed"

# 7. --data '' is a usage error.
out=$("$casus" --data '' -e 'list states' 2>&1); rc=$?
[[ $rc == 2 ]] && grep -q "\-\-data needs a directory" <<<"$out" || fail "--data '': rc $rc: $out"

# 8. A torn tail: a question-only session reports it and leaves the file
# byte-identical; the first session that writes cuts it, then appends.
"$casus" --data "$dir/w" -e 'add priority(armenia, w1) on 2026-01-01' >/dev/null || fail "add w1"
good=$(stat -c %s "$dir/w/journal.log")
printf '\x40\x00\x00\x00{"op":"ad' >> "$dir/w/journal.log"
before=$(sum "$dir/w/journal.log")
out=$("$casus" --data "$dir/w" -e 'history of armenia' 2>&1); rc=$?
[[ $rc == 0 ]] && grep -q 'ends in a torn record: 13 bytes at offset [0-9]* after record 1, an incomplete write, never acknowledged' <<<"$out" \
  || fail "torn tail report: rc $rc: $out"
grep -q 'priority(armenia,w1)' <<<"$out" || fail "w1 lost with the torn tail"
[[ $(sum "$dir/w/journal.log") == "$before" ]] || fail "a question-only session changed the journal"
"$casus" --data "$dir/w" -e 'add priority(armenia, w2) on 2026-01-01' >/dev/null 2>&1 || fail "add w2"
out=$("$casus" --data "$dir/w" -f csv -e 'history of armenia' 2>&1)
grep -q torn <<<"$out" && fail "the torn tail was not cut by the writing session: $out"
grep -q 'w1' <<<"$out" && grep -q 'w2' <<<"$out" || fail "w1 or w2 lost: $out"

# A journal that predates its snapshot (a compaction cut short between
# its renames) is left as it is by a question-only session too, and
# replaced by the first session that writes.
"$casus" --data "$dir/g" -e 'add priority(armenia, g1) on 2026-01-01' -e '.compact' >/dev/null || fail "compact g"
cp "$dir/g/journal.log" "$dir/journal.gen1"
"$casus" --data "$dir/g" -e 'add priority(armenia, g2) on 2026-01-01' -e '.compact' >/dev/null || fail "compact g2"
cp "$dir/journal.gen1" "$dir/g/journal.log"
before=$(sum "$dir/g/journal.log")
out=$("$casus" --data "$dir/g" -f csv -e 'history of armenia' 2>&1) || fail "stale journal: $out"
grep -q 'predates snapshot generation 2' <<<"$out" || fail "stale journal not reported: $out"
[[ $(sum "$dir/g/journal.log") == "$before" ]] || fail "a question-only session replaced the stale journal"
"$casus" --data "$dir/g" -e 'add priority(armenia, g3) on 2026-01-01' >/dev/null 2>&1 || fail "add g3"
out=$("$casus" --data "$dir/g" -f csv -e 'history of armenia' 2>&1)
grep -q predates <<<"$out" && fail "the stale journal was not replaced by the writing session: $out"
[[ $(grep -c 'priority(armenia,g[123])' <<<"$out") == 3 ]] || fail "g1, g2 or g3 lost: $out"

# repair needs a data directory.
out=$("$casus" --memory repair 2>&1); rc=$?
[[ $rc == 2 ]] || fail "repair with --memory: rc $rc: $out"
out=$("$casus" repair --data "$dir/nowhere" 2>&1); rc=$?
[[ $rc == 1 ]] && grep -q 'there is no journal in' <<<"$out" || fail "repair of nothing: rc $rc: $out"

# 9. A data directory casus may not search: a clear error, not an abort.
mkdir -p "$dir/p"; "$casus" --data "$dir/p/d" -e 'add priority(armenia, p1) on 2026-01-01' >/dev/null || fail "add p1"
chmod 0 "$dir/p/d"
as_user=()
[[ $(id -u) == 0 ]] && as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
if [[ $(id -u) != 0 ]] || "${as_user[@]}" true 2>/dev/null; then
  chmod o+x "$dir"
  out=$("${as_user[@]}" "$casus" --data "$dir/p/d" -e 'list states' 2>&1); rc=$?
  [[ $rc == 1 ]] && grep -q "cannot open the journal $dir/p/d/journal.log: Permission denied" <<<"$out" || fail "unsearchable data directory: rc $rc: $out"
fi
chmod 755 "$dir/p/d"
echo "journal safety: all checks passed"
