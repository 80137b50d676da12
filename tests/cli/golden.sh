#!/bin/bash
# Runs the real casus binary on an example script and compares stdout,
# stderr and the exit status with a golden file.
#   golden.sh CASUS GOLDEN_FILE [casus arguments...]
# With CASUS_UPDATE_GOLDEN=1 the golden file is rewritten instead.
set -u
casus=$1; golden=$2; shift 2
export CASUS_TODAY=2026-11-28
out=$("$casus" --memory "$@" 2>&1); rc=$?
actual=$(printf '%s\n[exit %d]\n' "$out" "$rc")
if [[ "${CASUS_UPDATE_GOLDEN:-0}" == 1 ]]; then
  printf '%s\n' "$actual" > "$golden"; echo "updated $golden"; exit 0
fi
if ! diff -u "$golden" <(printf '%s\n' "$actual"); then
  echo "golden mismatch: $golden (CASUS_UPDATE_GOLDEN=1 to accept)"; exit 1
fi
