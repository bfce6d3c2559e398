#!/usr/bin/env bash
# Login benchmark: 100 clients start a login at the same moment against a
# fresh instance (pillarbox_bench_login: each retries after Retry-After when
# refused with 503); each accepted login costs one MODERATE Argon2id run
# (256 MiB). Reports completion times, logins per second, 503 count, and the
# server's peak resident memory (VmHWM), which the KdfGate keeps near
# 2 x 256 MiB however many logins arrive.
#
# Usage: tests/bench/run_login_bench.sh [BUILD_DIR]   Env: CONNECTIONS (default 100)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="$(cd "${1:-$here/../../build}" && pwd)"
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

line="$("$build/tests/bench/pillarbox_bench_login" "$port" "$connections" | grep '^BENCH')"
peak_kib="$(awk '/VmHWM/ { print $2 }' /proc/$pid/status)"

echo "# Login benchmark $(date -u +%Y-%m-%d), $(nproc) cores; ${connections} logins started at once"
echo "$line"
echo "server RSS before: $((base_kib / 1024)) MiB; peak during the flood (VmHWM): $((peak_kib / 1024)) MiB"
