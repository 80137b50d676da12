#!/bin/bash
# Hostile input: injection attempts through -e, a script and stdin must
# each give a clean error (exit 1, a message, no crash) and no side effect
# (no file created, journal and kb unchanged). User rules that loop,
# recurse without end, build huge terms or sleep are stopped by the
# limits and the session carries on with the kb intact.
set -u
casus=$1
kb=$2
export CASUS_TODAY=2026-11-28
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
cd "$dir"
pwn="$dir/PWNED"
"$casus" --data "$dir/d" -e 'add tie(kazakhstan, armenia, military) on 2026-03-01' >/dev/null || fail "setup"
journal_sum=$(sha256sum "$dir/d/journal.log")
kb_sum=$(cat "$kb"/*.pl | sha256sum)

long_name=$(head -c 1048576 /dev/zero | tr '\0' 'a')
deep=$(printf '%.0s(' $(seq 1 10000))
inputs=(
  "who backs armenia\"); shell('touch $pwn'), (\""
  "add member(shell('touch $pwn'), csto)"
  "add member(armenia, csto) :- shell('touch $pwn')"
  ":- initialization(shell('touch $pwn'))."
  "halt."
  "halt"
  "consult('$dir/evil.pl')"
  "who backs 'armenia'"
  "who backs armenia, shell('touch $pwn')"
  "add tie(armenia, azerbaijan, military) :- halt"
  "add tie(X, Y, military)"
  "add tie(armenia, _, military)"
  "add member(\"armenia\\\"), shell('touch $pwn'\", csto)"
  "suppose add member(georgia, csto): shell('touch $pwn')"
  "as of 2015-02-30 who must defend armenia"
  "who backs $long_name"
  "add member(${deep}armenia, csto)"
  "who would defend ${deep} against x"
  "add stance(armenia, op(700, xfx, ===), x)"
  "list facts about shell(ls)"
  "history of \"'; halt; '\""
)
echo ":- initialization(shell('touch $pwn'))." > "$dir/evil.pl"
n=0
for input in "${inputs[@]}"; do
  n=$((n + 1))
  for via in e script stdin; do
    case $via in
      # One argument may hold 128 KB (MAX_ARG_STRLEN): -e gets the first 100 KB.
      e) timeout 20 "$casus" --data "$dir/d" -e "${input:0:100000}" >"$dir/out" 2>"$dir/err"; rc=$? ;;
      script) printf '%s\n' "$input" > "$dir/s.casus"; timeout 20 "$casus" --data "$dir/d" "$dir/s.casus" >"$dir/out" 2>"$dir/err"; rc=$? ;;
      stdin) printf '%s\n' "$input" | timeout 20 "$casus" --data "$dir/d" >"$dir/out" 2>"$dir/err"; rc=$? ;;
    esac
    [[ $rc == 1 ]] || fail "input $n via $via: exit $rc (want 1): $(head -c 300 "$dir/err")"
    grep -q 'error' "$dir/err" || fail "input $n via $via: no error message"
    [[ -e "$pwn" ]] && fail "input $n via $via created a file: code ran"
  done
done
# NUL bytes and invalid UTF-8, from a file, in every format (issue 17: the
# JSON error object once aborted casus with exit 134). JSON must parse.
printf 'who backs arm\0enia\n' > "$dir/nul.casus"
printf 'who backs \xff\xfe\xc3\n' > "$dir/utf8.casus"
printf 'who must defend \xff\xfe\xc3\x28 against \xa0\xa1\n' > "$dir/utf8b.casus"
for f in nul utf8 utf8b; do
  for format in text table csv json; do
    timeout 20 "$casus" --data "$dir/d" -f $format "$dir/$f.casus" >"$dir/out" 2>"$dir/err"; rc=$?
    [[ $rc == 1 ]] && grep -q error "$dir/err" || fail "$f -f $format: exit $rc: $(head -c 300 "$dir/err")"
    [[ $format != json ]] || python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1], "rb")]' "$dir/out" \
      || fail "$f -f json: the output does not parse: $(head -c 300 "$dir/out")"
  done
done
[[ "$(sha256sum "$dir/d/journal.log")" == "$journal_sum" ]] || fail "the journal changed"
[[ "$(cat "$kb"/*.pl | sha256sum)" == "$kb_sum" ]] || fail "the kb changed"

# User rules: each stopped within the limits, then the same session answers.
cat > "$dir/loop.pl" <<'PL'
factor(_, armenia, _, _, 1, "loops") :- repeat, fail.
PL
cat > "$dir/recurse.pl" <<'PL'
factor(_, armenia, _, _, 1, "recurses") :- deeper(0).
deeper(N) :- M is N + 1, deeper(M), true.
PL
cat > "$dir/huge.pl" <<'PL'
factor(_, armenia, _, _, 1, "huge") :- length(L, 400000000), L = [_|_].
PL
cat > "$dir/sleep.pl" <<'PL'
factor(_, armenia, _, _, 1, "sleeps") :- sleep(60).
PL
# The stack cases get a longer time limit: filling 512 MB of stack takes a
# second or more on a loaded machine, and the stack error is what is tested.
for rule in loop:2:timeout sleep:2:timeout recurse:20:"stack limit exceeded" huge:20:"stack limit exceeded"; do
  name=${rule%%:*}; rest=${rule#*:}; limit=${rest%%:*}; want=${rest#*:}
  start=$(date +%s)
  timeout 60 "$casus" --memory --timeout "$limit" --rules "$dir/$name.pl" -f text \
      -e 'who would defend armenia against azerbaijan' -e 'who backs azerbaijan' >"$dir/out" 2>"$dir/err"; rc=$?
  took=$(( $(date +%s) - start ))
  [[ $rc == 1 ]] || fail "rule $name: exit $rc"
  grep -q "$want" "$dir/err" || fail "rule $name: no '$want' error: $(head -c 300 "$dir/err")"
  grep -q 'Kazakhstan' "$dir/out" || fail "rule $name: the session did not carry on"
  (( took < 40 )) || fail "rule $name took $took s"
done
grep -q 'timeout after 2 s' <(timeout 60 "$casus" --memory --timeout 2 --rules "$dir/sleep.pl" -e 'who would defend armenia against azerbaijan' 2>&1) \
  || fail "a blocking sleep is not stopped by the time limit"
# A directive that loops without a call port never sees Prolog's signal:
# the watchdog gives up after its grace period and exits 3, never hangs.
printf ':- repeat, fail.\n' > "$dir/directive.pl"
start=$(date +%s)
timeout 60 "$casus" --memory --timeout 1 --rules "$dir/directive.pl" -e 'list organisations' >"$dir/out" 2>"$dir/err"; rc=$?
took=$(( $(date +%s) - start ))
[[ $rc == 3 ]] || fail "a looping directive: exit $rc, want 3"
grep -q 'could not be stopped' "$dir/err" || fail "a looping directive: no message: $(head -c 300 "$dir/err")"
(( took < 30 )) || fail "a looping directive took $took s"
echo "hostile: ${#inputs[@]} injection attempts x 3 ways + NUL + invalid UTF-8 x 4 formats rejected cleanly; 5 runaway rules stopped"
