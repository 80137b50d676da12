#!/bin/bash
# Small inputs that used to be answered wrongly or silently (issue 16,
# item 8): .read of a directory, a script that reads itself, the last
# dates, a misspelt lower-case name in history/list facts, a byte-order
# mark at the start of a script.
set -u
casus=$1
export CASUS_TODAY=2026-12-01
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# .read of a directory is an error that names it, and the run fails.
out=$(printf '.read %s\n' "$dir" | "$casus" --memory 2>&1); rc=$?
[[ $rc == 1 ]] || fail ".read of a directory: exit $rc"
grep -q "cannot read '$dir': it is a directory" <<<"$out" || fail ".read of a directory: $out"

# A script that reads itself stops at the nesting limit with a message
# (it used to die of a stack overflow, exit 139).
printf '.read %s/self.casus\n' "$dir" > "$dir/self.casus"
out=$("$casus" --memory "$dir/self.casus" 2>&1); rc=$?
[[ $rc == 1 ]] || fail "self-reading script: exit $rc"
grep -q 'nesting limit (25) reached' <<<"$out" || fail "self-reading script: $out"

# 9999-12-31 exists in the calendar: the message says why it is refused.
out=$("$casus" --memory -e 'as of 9999-12-31 who must defend armenia' 2>&1); rc=$?
[[ $rc == 1 ]] || fail "9999-12-31: exit $rc"
grep -q 'outside the dates casus holds' <<<"$out" || fail "9999-12-31: $out"
grep -q 'not a date that exists' <<<"$out" && fail "9999-12-31 called a date that does not exist"
out=$("$casus" --memory -e 'as of 2015-02-30 who must defend armenia' 2>&1)
grep -q '2015-02-30 is not a date that exists' <<<"$out" || fail "2015-02-30: $out"

# A misspelt lower-case name is a did-you-mean error, not "(none)".
for q in 'history of kazahkstan' 'list facts about kazahkstan'; do
  out=$("$casus" --memory -e "$q" 2>&1); rc=$?
  [[ $rc == 1 ]] || fail "$q: exit $rc"
  grep -q "unknown state 'kazahkstan'; did you mean 'kazakhstan'" <<<"$out" || fail "$q: $out"
done
# An id that only added facts mention still answers.
"$casus" --data "$dir/d" -e 'add priority(armenia, border_security) on 2026-01-01' >/dev/null || fail "add"
out=$("$casus" --data "$dir/d" -e 'history of border_security' 2>&1) || fail "history of an added id: $out"
grep -q 'priority(armenia,border_security)' <<<"$out" || fail "history of an added id: $out"

# A UTF-8 byte-order mark before the first statement is not a syntax error.
printf '\xef\xbb\xbfwho must defend armenia\n' > "$dir/bom.casus"
out=$("$casus" --memory -f csv "$dir/bom.casus" 2>&1) || fail "BOM script: $out"
grep -q '^armenia,' <<<"$out" || grep -q 'kazakhstan' <<<"$out" || fail "BOM script answered nothing: $out"
echo "ok: small inputs"
