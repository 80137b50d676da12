#!/bin/bash
# A data directory written before occurrences were told from spells
# (tests/fixtures/occurrences-2026-12) loads unchanged, with the answers
# of answers.text (the facts the casus that wrote it gave, in today's answer format).
#   legacy_occurrences.sh CASUS KB_DIR FIXTURE_DIR
set -u
casus=$1; kb=$2; fixture=$3
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cp "$fixture/journal.log" "$fixture/snapshot.dat" "$tmp/"
export CASUS_TODAY=2026-11-28
if ! "$casus" --kb "$kb" --data "$tmp" -f text "$fixture/questions.casus" > "$tmp/out" 2>&1; then
  echo "casus failed on the fixture:"; cat "$tmp/out"; exit 1
fi
# The coverage line under an answer ("Coverage: the COW state list ...") came
# after the fixture was written: a note on the answer, not the answer.
grep -v '^Coverage: ' "$tmp/out" > "$tmp/answers"
if ! diff -u "$fixture/answers.text" "$tmp/answers"; then
  echo "the fixture's answers changed"; exit 1
fi
# The files themselves are untouched by a session that only asks.
cmp "$fixture/journal.log" "$tmp/journal.log" && cmp "$fixture/snapshot.dat" "$tmp/snapshot.dat" || { echo "the fixture's files changed"; exit 1; }
echo "ok: the fixture loads with the same answers"
