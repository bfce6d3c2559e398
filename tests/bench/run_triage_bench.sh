#!/usr/bin/env bash
# Triage queue benchmark: generates REPORTS synthetic reports (default
# 1,000,000; tests/bench/report_generator.h) into a database that is kept for
# later runs, then measures the first page (limit 50) of the triage queue for
# no filter and each single filter (a common and a rare value), the second
# page and the counts per status. Prints a Markdown table (medians, p95).
#
# Usage: tests/bench/run_triage_bench.sh [BUILD_DIR]
# Env:   DB (default /tmp/pillarbox-triage-bench/<REPORTS>.db), REPORTS
#        (default 1000000), REPEATS (default 31)
# Needs: a build with tests (cmake --build build --target pillarbox_bench_triage).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
build="$(cd "${1:-$here/../../build}" && pwd)"
reports="${REPORTS:-1000000}"
repeats="${REPEATS:-31}"
db="${DB:-/tmp/pillarbox-triage-bench/$reports.db}"
mkdir -p "$(dirname "$db")"

echo "# Triage benchmark $(date -u +%Y-%m-%d), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "# $reports reports, $repeats runs per row after one warm-up; in-process TriageQueue (HTTP adds a constant)"
echo
"$build/tests/bench/pillarbox_bench_triage" "$db" "$reports" "$repeats"
echo
echo "Database: $(du -h "$db" | cut -f1) ($db)"
