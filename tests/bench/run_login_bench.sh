#!/usr/bin/env bash
# Login benchmark: 100 concurrent login attempts (wrk, keep-alive) against a
# fresh instance; each costs one MODERATE Argon2id run (256 MiB). Reports
# attempts per second, latency percentiles, how many were refused with 503
# (the bounded login queue), and the server's peak resident memory (VmHWM),
# which the KdfGate keeps near 2 x 256 MiB whatever the flood.
#
# Usage: tests/bench/run_login_bench.sh [BUILD_DIR]   Env: DURATION (default 20), CONNECTIONS (default 100)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="$(cd "${1:-$here/../../build}" && pwd)"
duration="${DURATION:-20}"
connections="${CONNECTIONS:-100}"
work="$(mktemp -d)"
pid=""
cleanup() { [[ -n "$pid" ]] && kill -TERM "$pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

"$build/service/pillarbox" init --data "$work/data" --json >/dev/null
"$build/service/pillarbox" serve --data "$work/data" --listen 127.0.0.1:0 --log-level warn \
  >"$work/out" 2>"$work/log" &
pid=$!
for _ in $(seq 100); do grep -q "listening on" "$work/out" 2>/dev/null && break; sleep 0.1; done
port="$(sed -n 's/.*127.0.0.1:\([0-9]*\).*/\1/p' "$work/out")"
base_kib="$(awk '/VmRSS/ { print $2 }' /proc/$pid/status)"

line="$(wrk -t 2 -c "$connections" -d "${duration}s" --timeout 30s -s "$here/login_flood.lua" \
  "http://127.0.0.1:$port" | grep '^BENCH')"
peak_kib="$(awk '/VmHWM/ { print $2 }' /proc/$pid/status)"

echo "# Login benchmark $(date -u +%Y-%m-%d), $(nproc) cores; ${connections} concurrent clients for ${duration}s"
echo "$line"
echo "server RSS before: $((base_kib / 1024)) MiB; peak during the flood (VmHWM): $((peak_kib / 1024)) MiB"
