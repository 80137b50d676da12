#!/bin/bash
# A syntax error in a kb file is reported with the file and line, and
# casus exits non-zero without a crash.
set -u
casus=$1; kb=$2
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
cp "$kb"/*.pl "$dir"/
printf '\nbroken_fact(a, b\n' >> "$dir/article.pl"
line=$(wc -l < "$dir/article.pl")
out=$("$casus" --memory --kb "$dir" -e 'who must defend armenia' 2>&1); rc=$?
[[ $rc == 1 ]] || { echo "FAIL: exit $rc"; exit 1; }
grep -q "article.pl:$line" <<<"$out" || { echo "FAIL: no file:line in: $out"; exit 1; }
echo "broken kb reported: $(head -3 <<<"$out")"
