#!/usr/bin/env bash
# Prints what the hardening campaigns did in the last ctest run of a build
# tree, read from ctest's own record of every test's output
# (<build>/Testing/Temporary/LastTest.log): each fuzzer's executions and
# findings, the kill -9 campaign's result, the fault-injection loops' counts,
# the disk-full runs and the metadata leak scan. ctest shows a passing test's
# output only there, so deploy/setup.sh test prints this after the suite.
#
#   tests/campaign_figures.sh build-asan
set -euo pipefail
log="${1:?usage: tests/campaign_figures.sh <build dir>}/Testing/Temporary/LastTest.log"
[[ -f "$log" ]] || { echo "campaign figures: no $log" >&2; exit 1; }
awk '
  /^[0-9]+\/[0-9]+ Testing: / { test = $3; next }
  test ~ /^fuzz_/ && /^stat::number_of_executed_units:/ { runs[test] = $2 }
  test ~ /^fuzz_/ && /^stat::new_units_added:/ { added[test] = $2 }
  test ~ /^fuzz_/ && /^(==[0-9]+==ERROR|SUMMARY: |artifact_prefix=.*; Test unit written)/ { found[test]++ }
  test ~ /^fuzz_/ { seen[test] = 1 }
  /^crash campaign result:/ || /^\[fault-loop\]/ || /^\[disk-full\]/ || /^leak scan:/ { print "  " $0 }
  END {
    for (name in seen) {
      printf "  %s: %s executions, %s new inputs, %d findings\n", name, runs[name] == "" ? "?" : runs[name],
             added[name] == "" ? "0" : added[name], found[name]
    }
  }
' "$log" | sort
