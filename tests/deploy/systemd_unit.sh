#!/usr/bin/env bash
# Checks deploy/systemd/pillarbox.service (issue 8):
#   1. `systemd-analyze verify` accepts it (ExecStart pointed at this build);
#   2. `systemd-analyze security --offline` rates its exposure at most
#      MAX_EXPOSURE (1.5; the figure is recorded in docs/OPERATIONS.md);
#   3. its ExecStart command line, with the credential and state folders
#      substituted, really starts this build: the instance secret read from
#      the credential path, nothing secret in the data folder.
# Usage: systemd_unit.sh <pillarbox binary> <repo root>
set -euo pipefail
binary="$1"
repo="$2"
max_exposure="${MAX_EXPOSURE:-1.5}"
work="$(mktemp -d)"
service_pid=""
cleanup() {
  [[ -n "$service_pid" ]] && kill "$service_pid" 2>/dev/null && wait "$service_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

unit="$work/pillarbox.service"
sed "s|/usr/local/bin/pillarbox|$binary|" "$repo/deploy/systemd/pillarbox.service" > "$unit"
systemd-analyze verify "$unit"
echo "systemd-analyze verify: ok"
exposure="$(systemd-analyze security --offline=true "$unit" | sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p')"
[[ -n "$exposure" ]] || { echo "no exposure figure from systemd-analyze security"; exit 1; }
awk -v got="$exposure" -v max="$max_exposure" 'BEGIN { exit !(got <= max) }' ||
  { echo "exposure $exposure is above $max_exposure"; exit 1; }
echo "systemd-analyze security: exposure $exposure (at most $max_exposure): ok"

# 3. The ExecStart line itself, as systemd would run it.
exec_start="$(sed -n 's/^ExecStart=//p' "$unit")"
"$binary" init --data "$work/state" --json > /dev/null
mkdir -m 0700 "$work/credentials"
mv "$work/state/instance.key" "$work/credentials/instance.key"
chmod 0400 "$work/credentials/instance.key"
command_line="${exec_start//%d/$work/credentials}"
command_line="${command_line//\/var\/lib\/pillarbox/$work/state}"
command_line="${command_line//127.0.0.1:8080/127.0.0.1:0}"
read -r -a argv <<< "$command_line"
"${argv[@]}" > "$work/out" 2> "$work/err" &
service_pid=$!
for _ in $(seq 1 100); do
  grep -q "listening on" "$work/out" && break
  sleep 0.1
done
grep -q "listening on" "$work/out" || { echo "the unit's ExecStart did not start: $(cat "$work/err")"; exit 1; }
[[ ! -e "$work/state/instance.key" ]] || { echo "a secret is in the state folder"; exit 1; }
echo "ExecStart starts the service with the secret from the credential: ok"
echo "1 passed, 0 failed"
