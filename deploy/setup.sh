#!/usr/bin/env bash
# Pillarbox set-up for a fresh Debian 12 machine. Idempotent.
#
#   deploy/setup.sh run    install packages, build, initialize ./data if it has
#                          no instance yet (prints the first admin's credentials
#                          once), then serve on 127.0.0.1:8080 until Ctrl-C
#   deploy/setup.sh test   install packages, build the test trees, run the whole
#                          suite: every test under ASan+UBSan (clang) with the
#                          fuzzers for PILLARBOX_FUZZ_SECONDS each, and the
#                          concurrent parts' unit tests under TSan
#   deploy/setup.sh build  install packages and build only
#
# Environment: BUILD_DIR (default ./build), DATA_DIR (default ./data),
# LISTEN (default 127.0.0.1:8080), JOBS (default: number of cores),
# TEST_BUILD_DIR (default ./build-asan), TSAN_BUILD_DIR (default ./build-tsan),
# PILLARBOX_FUZZ_SECONDS (default 30).
set -euo pipefail

cd "$(dirname "$0")/.."
mode="${1:-run}"
build_dir="${BUILD_DIR:-build}"
data_dir="${DATA_DIR:-data}"
listen="${LISTEN:-127.0.0.1:8080}"
jobs="${JOBS:-$(nproc)}"
test_build_dir="${TEST_BUILD_DIR:-build-asan}"
tsan_build_dir="${TSAN_BUILD_DIR:-build-tsan}"

packages=(
  build-essential cmake ninja-build pkg-config
  libpistache-dev libsodium-dev liboath-dev libsqlite3-dev nlohmann-json3-dev libspdlog-dev libcli11-dev
  libgtest-dev libgmock-dev sqlite3
  libmagic-dev libexiv2-dev libtag1-dev libmstch-dev
)
# chromium: browser tests (tests/e2e); clang, its runtimes and symbolizer: the
# sanitizer and fuzzing builds; wrk, nginx-light, openssl, systemd: tests/deploy.
test_packages=(wrk chromium nginx-light openssl systemd clang libclang-rt-14-dev llvm-14)

install_packages() {
  local wanted=("${packages[@]}")
  [[ "$mode" == "test" ]] && wanted+=("${test_packages[@]}")
  # The reviewers' web app is bundled with node at build time, and the browser
  # tests run on node; a newer node already on the machine is kept.
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    wanted+=(nodejs npm)
  fi
  local missing=()
  for package in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  echo "setup: installing ${missing[*]}"
  local sudo=()
  [[ $(id -u) -ne 0 ]] && sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

build() {
  local tests="$1"
  (cd admin-ui/app && npm ci --no-audit --no-fund >/dev/null)  # preact, chart.js, qrcode, esbuild, as locked
  cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DPILLARBOX_TESTS="$tests" -DPILLARBOX_WERROR="${PILLARBOX_WERROR:-ON}" >/dev/null
  cmake --build "$build_dir" -j "$jobs"
}

# The test trees: everything with clang under ASan+UBSan plus the libFuzzer
# harnesses (build-asan), and the concurrent parts' unit tests under TSan
# (build-tsan; tests/CMakeLists.txt registers only those there).
build_test_trees() {
  (cd admin-ui/app && npm ci --no-audit --no-fund >/dev/null)
  local clang=(-DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DPILLARBOX_WERROR="${PILLARBOX_WERROR:-ON}")
  cmake -S . -B "$test_build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${clang[@]}" \
    -DPILLARBOX_SANITIZE=address,undefined -DPILLARBOX_FUZZ=ON \
    -DPILLARBOX_FUZZ_SECONDS="${PILLARBOX_FUZZ_SECONDS:-30}" >/dev/null
  cmake --build "$test_build_dir" -j "$jobs"
  cmake -S . -B "$tsan_build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${clang[@]}" \
    -DPILLARBOX_SANITIZE=thread >/dev/null
  cmake --build "$tsan_build_dir" -j "$jobs" --target pillarbox_tsan_tests
}

install_packages
case "$mode" in
  build)
    build ON
    ;;
  run)
    build OFF
    if [[ ! -f "$data_dir/instance.key" ]]; then
      echo "setup: initializing a new instance in $data_dir (the admin credentials below are shown only once)"
      "$build_dir/service/pillarbox" init --data "$data_dir"
    fi
    exec "$build_dir/service/pillarbox" serve --data "$data_dir" --listen "$listen"
    ;;
  test)
    build_test_trees
    (cd tests/e2e && npm ci --no-audit --no-fund >/dev/null)  # playwright-core, axe-core, as locked
    # A sanitizer finding fails the test that hit it, in a test binary or in
    # a `pillarbox` process the test started (exit code or a dead server).
    export ASAN_OPTIONS="detect_leaks=1:detect_stack_use_after_return=1"
    export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
    export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1"
    echo "setup: unit tests of the concurrent parts under TSan"
    ctest --test-dir "$tsan_build_dir" --output-on-failure -j "$jobs" | tee "$tsan_build_dir/ctest-output.txt"
    echo "setup: the whole suite under ASan+UBSan, with the fuzzers"
    set +e
    ctest --test-dir "$test_build_dir" --output-on-failure -j "$jobs" | tee "$test_build_dir/ctest-output.txt"
    suite=${PIPESTATUS[0]}
    set -e
    echo "setup: what the hardening campaigns did in this run"
    tests/campaign_figures.sh "$test_build_dir" || true
    # Both trees' totals as the last line (ctest's own summaries are above).
    read -r failed total < <(cat "$tsan_build_dir/ctest-output.txt" "$test_build_dir/ctest-output.txt" |
      sed -n 's/.*tests passed, \([0-9]*\) tests\{0,1\} failed out of \([0-9]*\).*/\1 \2/p' |
      awk '{ failed += $1; total += $2 } END { print failed + 0, total + 0 }')
    echo "$((total - failed)) passed, $failed failed"
    exit "$suite"
    ;;
  *)
    echo "usage: deploy/setup.sh run|test|build" >&2
    exit 2
    ;;
esac
