#!/bin/bash
# Runs the libFuzzer targets for a while. Usage:
#   tests/fuzz/run.sh BUILD_DIR SECONDS [parser|pipeline|journal]...
# BUILD_DIR is a clang build with -DCASUS_FUZZ=ON (see README). New inputs
# go to BUILD_DIR/fuzz-corpus-TARGET (the seed corpus stays untouched);
# a crash is written to BUILD_DIR/fuzz-artifacts and should become a file
# in tests/fuzz/regressions.
set -euo pipefail
build=${1:?usage: run.sh BUILD_DIR SECONDS [parser|pipeline|journal]...}
seconds=${2:?usage: run.sh BUILD_DIR SECONDS [parser|pipeline|journal]...}
shift 2
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(parser pipeline)
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$build/fuzz-artifacts"
export CASUS_TODAY=2026-11-28
export LSAN_OPTIONS="suppressions=$here/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
for t in "${targets[@]}"; do
  corpus="$build/fuzz-corpus-$t"
  mkdir -p "$corpus"
  echo "== fuzz_$t for $seconds s"
  seeds=("$here/corpus" "$here/regressions")
  [ "$t" != journal ] || seeds=("$here/corpus_journal")  # journal bytes, not statements
  "$build/tests/fuzz/fuzz_$t" "$corpus" "${seeds[@]}" \
      -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=4096 \
      -artifact_prefix="$build/fuzz-artifacts/$t-" -print_final_stats=1 2>&1 |
    grep -E "^(#[0-9]+ +(DONE|INITED)|stat::number_of_executed_units|stat::peak_rss|==[0-9]+==ERROR|SUMMARY|.*(crash|leak|timeout)-)" || true
  [ -z "$(ls "$build/fuzz-artifacts" | grep "^$t-" || true)" ] || { echo "fuzz_$t found a crash: $build/fuzz-artifacts"; exit 1; }
done
