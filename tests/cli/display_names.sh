#!/bin/bash
# The display names of answers follow the names the engine holds now:
# the table of them is built once and kept while they do not change
# (repl/answers.cpp Names::of), so a name defined in the middle of a
# session must show in the answers after it, in that session and in the
# next one that replays it.
set -u
casus=$1
export CASUS_TODAY=2026-12-01
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# An answer before the define builds the table; the define changes it.
cat > "$dir/s.casus" <<'CASUS'
members of nato
define organisation zzo "Zeta Zone Organisation" source "a test"
add member(armenia, zzo) on 2020-01-01
members of zzo
CASUS
out=$("$casus" --data "$dir/d" "$dir/s.casus" 2>&1); rc=$?
[[ $rc == 0 ]] || fail "script: exit $rc: $out"
grep -q '^Members of the North Atlantic Treaty Organization' <<<"$out" || fail "the answer before the define: $out"
grep -q '^Members of the Zeta Zone Organisation (as of 2026-12-01):' <<<"$out" || fail "the name defined in the session is not shown: $out"
grep -q '^- Armenia | ' <<<"$out" || fail "the member: $out"

# The next session reads the name back from the journal.
out=$("$casus" --data "$dir/d" -e 'members of nato' -e 'members of zzo' 2>&1); rc=$?
[[ $rc == 0 ]] || fail "second session: exit $rc: $out"
grep -q '^Members of the Zeta Zone Organisation' <<<"$out" || fail "second session: $out"

# A session without the define knows no such name.
out=$("$casus" --memory -e 'members of nato' -e 'list organisations' 2>&1)
grep -q 'Zeta Zone' <<<"$out" && fail "a session without the define shows its name: $out"
echo "display names: ok"
