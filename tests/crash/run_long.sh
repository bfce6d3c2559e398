#!/bin/sh
# The long crash-consistency campaign (issue 9): the crash_tests binary with
# thousands of kill -9s instead of the 50 ctest runs.
#
#   tests/crash/run_long.sh [KILLS] [BUILD_DIR]     (defaults: 2000, build)
#
# PILLARBOX_CRASH_SEED repeats a campaign (each run prints its seed);
# PILLARBOX_CRASH_REVIEWERS sets the number of reviewer accounts (each signs
# in at most once per 30-second TOTP step). The last lines give the kills
# survived, the acknowledged reports and edits checked and the failures; the
# exit status is the test's.
set -eu
kills=${1:-2000}
build=$(cd "${2:-build}" && pwd)
binary="$build/tests/crash_tests"
if [ ! -x "$binary" ] || [ ! -x "$build/service/pillarbox" ]; then
  echo "build the crash_tests and pillarbox targets in $build first" >&2
  exit 2
fi
export PILLARBOX_BINARY="$build/service/pillarbox"
export PILLARBOX_CRASH_KILLS="$kills"
started=$(date +%s)
status=0
"$binary" --gtest_filter='CrashConsistencyTest.*' || status=$?
echo "crash campaign: $kills kills requested, $(( $(date +%s) - started )) s, exit status $status"
exit "$status"
