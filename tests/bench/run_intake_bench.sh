#!/usr/bin/env bash
# Intake benchmark: durable submissions per second and latency percentiles at
# 1, 16 and 64 keep-alive clients (wrk), for the real service and, in the same
# run, for a raw Pistache endpoint that does no work (pillarbox_bench_echo).
# Each configuration runs REPEATS times, interleaved; the table shows medians.
# At the end it checks that the database holds exactly the acknowledged reports.
#
# Usage: tests/bench/run_intake_bench.sh [BUILD_DIR]
# Env:   DURATION (s per run, default 8), REPEATS (default 3),
#        CONNECTIONS (default "1 16 64"), WRK_THREADS (default 2)
# Needs: a build with tests (deploy/setup.sh build), wrk, sqlite3.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
build="$(cd "${1:-$here/../../build}" && pwd)"
duration="${DURATION:-8}"
repeats="${REPEATS:-3}"
connections="${CONNECTIONS:-1 16 64}"
wrk_threads="${WRK_THREADS:-2}"
pillarbox="$build/service/pillarbox"
echo_server="$build/tests/bench/pillarbox_bench_echo"
work="$(mktemp -d)"
pids=()

cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# start NAME CMD...: runs CMD in the background (its PID appended to pids).
start() {
  local name="$1"; shift
  "$@" >"$work/$name.out" 2>"$work/$name.log" &
  pids+=("$!")
}

# port_of NAME: waits for NAME's "listening on" line and prints its port.
port_of() {
  local name="$1"
  for _ in $(seq 100); do
    if grep -q "listening on" "$work/$name.out" 2>/dev/null; then
      sed -n 's/.*listening on http:\/\/127.0.0.1:\([0-9]*\).*/\1/p' "$work/$name.out"
      return
    fi
    sleep 0.1
  done
  echo "bench: $name did not start" >&2; cat "$work/$name.log" >&2; exit 1
}

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
field() { sed -n "s/.* $1=\([0-9.]*\).*/\1/p"; }

"$pillarbox" init --data "$work/data" --json >/dev/null
# The submission quota off: this measures the pipeline, not the quota.
start pillarbox "$pillarbox" serve --data "$work/data" --listen 127.0.0.1:0 --threads 2 --log-level warn \
  --submissions-per-minute 0
start echo "$echo_server" 0 2
service_port="$(port_of pillarbox)"
echo_port="$(port_of echo)"
export BENCH_BODY_FILE="$here/report_body.json"

acknowledged=0
declare -A results
for c in $connections; do
  t=$(( c < wrk_threads ? c : wrk_threads ))
  for r in $(seq "$repeats"); do
    for target in echo pillarbox; do
      if [[ $target == echo ]]; then port=$echo_port; path=/echo; else port=$service_port; path=/api/v1/reports; fi
      line="$(BENCH_PATH=$path wrk -t "$t" -c "$c" -d "${duration}s" --timeout 5s -s "$here/post_report.lua" \
        "http://127.0.0.1:$port" | grep '^BENCH')"
      results[$target,$c]+="$line"$'\n'
      if [[ $target == pillarbox ]]; then
        acknowledged=$(( acknowledged + $(field requests <<<"$line") - $(field failed <<<"$line") ))
      fi
    done
  done
done

echo "# Intake benchmark $(date -u +%Y-%m-%d), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "# ${repeats} runs of ${duration}s per row (medians); body $(wc -c <"$BENCH_BODY_FILE") bytes; wrk on the same cores"
echo
echo "| clients | target | req/s | p50 ms | p90 ms | p99 ms | non-2xx | service/echo req/s |"
echo "|---:|---|---:|---:|---:|---:|---:|---:|"
for c in $connections; do
  for target in echo pillarbox; do
    rows="${results[$target,$c]}"
    rps=$(field rps <<<"$rows" | median)
    p50=$(field p50_us <<<"$rows" | median); p90=$(field p90_us <<<"$rows" | median); p99=$(field p99_us <<<"$rows" | median)
    failed=$(field failed <<<"$rows" | awk '{ s += $1 } END { print s }')
    ratio=""
    if [[ $target == pillarbox ]]; then
      echo_rps=$(field rps <<<"${results[echo,$c]}" | median)
      ratio=$(awk -v a="$rps" -v b="$echo_rps" 'BEGIN { printf "%.3f", a / b }')
    fi
    awk -v c="$c" -v t="$target" -v r="$rps" -v a="$p50" -v b="$p90" -v d="$p99" -v f="$failed" -v q="$ratio" \
      'BEGIN { printf "| %s | %s | %.0f | %.2f | %.2f | %.2f | %s | %s |\n", c, t, r, a/1000, b/1000, d/1000, f, q }'
  done
done

kill -TERM "${pids[0]}"; wait "${pids[0]}" 2>/dev/null || true; pids=("${pids[@]:1}")
stored=$(sqlite3 "$work/data/pillarbox.db" "SELECT count(*) FROM reports")
echo
echo "Durability check: acknowledged (201) = $acknowledged, rows in the database after shutdown = $stored"
if [[ "$stored" -lt "$acknowledged" ]]; then echo "bench: FAILED, acknowledged reports are missing" >&2; exit 1; fi
