#!/usr/bin/env bash
# Statistics benchmark (docs/BENCHMARKS.md, "Statistics"): GET /api/v1/stats
# over REPORTS synthetic reports (~24 months of them and more), cold (release
# log emptied before each run) and warm, threshold and DP. Starts from the
# aggregation benchmark's database (run_aggregate_bench.sh generates it),
# copied to DB, then adds what the generator does not make: a clear answer
# (consent) on every voice_cloning report, 2,000 cases holding 100,000
# reports, 50 actions linked to them, a researcher account, and
# schema/007_statistics.sql (its index build time is printed).
#
# Usage: tests/bench/run_stats_bench.sh [BUILD_DIR]
# Wall times depend on the machine's load (printed before and after): the
# counting reads on two threads when two cores are free.
# Env:   SOURCE_DB (default /tmp/pillarbox-aggregate-bench/<REPORTS>.db), DB
#        (default /tmp/pillarbox-stats-bench/<REPORTS>.db), REPORTS (1000000),
#        REPEATS (default 11)
# Needs: cmake --build build --target pillarbox_bench_stats pillarbox_bench_aggregate
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
build="$(cd "${1:-$here/../../build}" && pwd)"
reports="${REPORTS:-1000000}"
repeats="${REPEATS:-11}"
source_db="${SOURCE_DB:-/tmp/pillarbox-aggregate-bench/$reports.db}"
db="${DB:-/tmp/pillarbox-stats-bench/$reports.db}"
mkdir -p "$(dirname "$db")"

if [[ ! -f "$db" ]]; then
  if [[ ! -f "$source_db" ]]; then
    DB="$source_db" REPORTS="$reports" REPEATS=1 "$here/run_aggregate_bench.sh" "$build" >/dev/null
  fi
  cp "$source_db" "$db"
  echo "Adding clear answers, cases, actions and schema 006 to $db..." >&2
  sqlite3 "$db" <<'SQL'
.timer on
INSERT OR IGNORE INTO report_clear_answers (report_id, field, value)
  SELECT id, 'consent', CASE abs(random()) % 3 WHEN 0 THEN 'never_asked' WHEN 1 THEN 'refused' ELSE 'agreed' END
  FROM reports WHERE kind = 'voice_cloning';
INSERT INTO actions (id, kind, subtype, name, organization, jurisdiction, region, status)
  WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 49)
  SELECT printf('%032x', i + 1), CASE i % 5 WHEN 0 THEN 'protest_campaign' WHEN 1 THEN 'alternatives'
    WHEN 2 THEN 'track_abuse' WHEN 3 THEN 'weaken_systems' ELSE 'legal_action' END,
    'lawsuit', 'Action ' || i, '', '', 'europe', 'active' FROM n;
INSERT INTO cases (id, desk_id, desk_key_version, desk_sealed_data_key, status, created_day)
  WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 1999)
  SELECT printf('%032x', i + 1000), 'voice_cloning', 1, randomblob(80),
    CASE i % 3 WHEN 0 THEN 'open' WHEN 1 THEN 'closed' ELSE 'open' END, '2026-01-01' FROM n;
INSERT OR IGNORE INTO case_reports (case_id, report_id, added_day)
  SELECT printf('%032x', abs(random()) % 2000 + 1000), id, '2026-01-01' FROM reports WHERE abs(random()) % 10 = 0;
INSERT OR IGNORE INTO case_actions (case_id, action_id)
  WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 2999)
  SELECT printf('%032x', abs(random()) % 2000 + 1000), printf('%032x', abs(random()) % 50 + 1) FROM n;
INSERT INTO users (id, username, role, password_salt, password_verifier, kdf_operations, kdf_memory_bytes,
  public_key, password_wrapped_key, recovery_salt, recovery_wrapped_key, sealed_totp_secret, created_day)
  VALUES ('bench-researcher', 'bench-researcher', 'researcher', x'00', x'00', 1, 1, randomblob(32), x'00', x'00',
          x'00', x'00', '2026-01-01');
SQL
  echo "schema/007_statistics.sql (index build over existing reports):" >&2
  (echo ".timer on"; cat "$here/../../schema/007_statistics.sql") | sqlite3 "$db" >&2
fi

echo "# Statistics benchmark $(date -u +%Y-%m-%d), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "# $reports reports, $repeats runs per row after one warm-up; in-process stats::StatsService (HTTP adds a constant)"
echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
"$build/tests/bench/pillarbox_bench_stats" "$db" "$repeats"
echo
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Database: $(du -h "$db" | cut -f1) ($db)"
