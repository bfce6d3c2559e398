#!/usr/bin/env bash
# Aggregation benchmark (docs/BENCHMARKS.md): groups by organization and
# AI system, one group's pages, related reports and pillar counts over
# REPORTS synthetic reports (tests/bench/report_generator.h). The database is
# generated when missing (about 7 minutes for 1,000,000) and kept. A database
# generated before the blind indexes carried desk_id and received_day (the
# end of schema/004_case_management.sql) is upgraded in place by running that
# part of the migration with the sqlite3 shell (likewise the pillar links'
# desk, kind and region): use a copy.
#
# Usage: tests/bench/run_aggregate_bench.sh [BUILD_DIR]
# Env:   DB (default /tmp/pillarbox-aggregate-bench/<REPORTS>.db), REPORTS
#        (default 1000000), REPEATS (default 21)
# Needs: cmake --build build --target pillarbox_bench_aggregate
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
build="$(cd "${1:-$here/../../build}" && pwd)"
reports="${REPORTS:-1000000}"
repeats="${REPEATS:-21}"
db="${DB:-/tmp/pillarbox-aggregate-bench/$reports.db}"
mkdir -p "$(dirname "$db")"

schema="$here/../../schema/004_case_management.sql"
if [[ -f "$db" ]] && ! sqlite3 "$db" "PRAGMA table_info(report_blind_indexes)" | grep -q '|desk_id|'; then
  echo "Upgrading $db (blind indexes get desk_id and received_day)..." >&2
  sed -n '/^-- Aggregation/,/^-- Pillar counts per kind/p' "$schema" | sed '$d' | sqlite3 "$db"
fi
if [[ -f "$db" ]] && ! sqlite3 "$db" "PRAGMA table_info(report_pillars)" | grep -q '|kind|'; then
  echo "Upgrading $db (pillar links get desk_id, kind and region)..." >&2
  sed -n '/^-- Pillar counts per kind/,$p' "$schema" | sqlite3 "$db"
fi

echo "# Aggregation benchmark $(date -u +%Y-%m-%d), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "# $reports reports, $repeats runs per row after one warm-up; in-process cases::Aggregates (HTTP adds a constant)"
echo
"$build/tests/bench/pillarbox_bench_aggregate" "$db" "$reports" "$repeats"
echo
echo "Database: $(du -h "$db" | cut -f1) ($db)"
