#!/usr/bin/env bash
# Long fuzzing campaign (issue 9): runs every libFuzzer harness of a
# -DPILLARBOX_FUZZ=ON build for a given time each, one harness after the
# other, with as many parallel workers as cores, keeping the corpora that
# ctest's fuzz_* entries use (<build>/tests/fuzz/corpus-<name>, seeded from
# tests/fuzz/corpus/<name>) so every run starts where the last one stopped.
#
# Usage: tests/fuzz/run_long.sh <build dir> <seconds per harness> [harness...]
#   e.g. tests/fuzz/run_long.sh build-asan 3600
#        FUZZ_WORKERS=1 tests/fuzz/run_long.sh build-asan 300 json_intake multipart
# Env: FUZZ_WORKERS (default: nproc), FUZZ_EXTRA (extra libFuzzer flags).
# Prints one table row per harness: executions, coverage (cov/ft, the
# largest of the workers), new corpus entries, crash files (crash-, leak-,
# timeout-, oom- in <build>/tests/fuzz/artifacts-<name>/). Logs stay in
# <build>/tests/fuzz/long-logs/<name>/. Exits 1 when anything was found.
set -euo pipefail

if [[ $# -lt 2 ]]; then
  sed -n '2,16p' "$0" >&2
  exit 2
fi
build=$(cd "$1" && pwd)
seconds=$2
shift 2
here=$(cd "$(dirname "$0")" && pwd)
fuzz_dir=$build/tests/fuzz
workers=${FUZZ_WORKERS:-$(nproc)}

if [[ $# -gt 0 ]]; then
  harnesses=("$@")
else
  harnesses=()
  for binary in "$fuzz_dir"/*_fuzz; do
    [[ -x $binary ]] && harnesses+=("$(basename "$binary" _fuzz)")
  done
fi
if [[ ${#harnesses[@]} -eq 0 ]]; then
  echo "no harness in $fuzz_dir: configure with -DPILLARBOX_FUZZ=ON and build first" >&2
  exit 2
fi

count_files() { find "$1" -maxdepth 1 -type f 2>/dev/null | wc -l; }
count_findings() { find "$1" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) 2>/dev/null | wc -l; }

rows=()
found=0
for name in "${harnesses[@]}"; do
  binary=$fuzz_dir/${name}_fuzz
  [[ -x $binary ]] || { echo "missing $binary" >&2; exit 2; }
  corpus=$fuzz_dir/corpus-$name
  artifacts=$fuzz_dir/artifacts-$name
  logs=$fuzz_dir/long-logs/$name
  mkdir -p "$corpus" "$artifacts" "$logs"
  rm -f "$logs"/fuzz-*.log
  dict=()
  [[ -f $here/dict/$name.dict ]] && dict=(-dict="$here/dict/$name.dict")
  corpus_before=$(count_files "$corpus")
  findings_before=$(count_findings "$artifacts")
  echo "== $name: $seconds s x $workers workers (logs in $logs)" >&2
  # -jobs=workers with -workers=workers: each worker runs once for the whole time.
  (cd "$logs" && "$binary" -max_total_time="$seconds" -print_final_stats=1 -jobs="$workers" -workers="$workers" \
     -artifact_prefix="$artifacts/" "${dict[@]}" ${FUZZ_EXTRA:-} "$corpus" "$here/corpus/$name" \
     >"$logs/driver.log" 2>&1) || true
  executions=$(cat "$logs"/fuzz-*.log 2>/dev/null | awk '/stat::number_of_executed_units/ {s += $2} END {print s + 0}')
  cov=$(cat "$logs"/fuzz-*.log 2>/dev/null | grep -o 'cov: [0-9]*' | awk '{if ($2 > m) m = $2} END {print m + 0}')
  ft=$(cat "$logs"/fuzz-*.log 2>/dev/null | grep -o 'ft: [0-9]*' | awk '{if ($2 > m) m = $2} END {print m + 0}')
  new_entries=$(( $(count_files "$corpus") - corpus_before ))
  findings=$(( $(count_findings "$artifacts") - findings_before ))
  (( findings > 0 )) && found=1
  rows+=("$(printf '%-18s %8s %14s %8s %8s %10s %8s' "$name" "$seconds" "$executions" "$cov" "$ft" "$new_entries" "$findings")")
done

printf '%-18s %8s %14s %8s %8s %10s %8s\n' harness seconds executions cov ft new_corpus crashes
printf '%s\n' "${rows[@]}"
if (( found )); then
  echo "findings: see $fuzz_dir/artifacts-*/ (reproduce: <harness>_fuzz <file>)" >&2
  exit 1
fi
