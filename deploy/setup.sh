#!/usr/bin/env bash
# Pillarbox set-up for a fresh Debian 12 machine. Idempotent.
#
#   deploy/setup.sh run    install packages, build, initialize ./data if it has
#                          no instance yet (prints the first admin's credentials
#                          once), then serve on 127.0.0.1:8080 until Ctrl-C
#   deploy/setup.sh test   install packages, build with tests, run the whole suite
#   deploy/setup.sh build  install packages and build only
#
# Environment: BUILD_DIR (default ./build), DATA_DIR (default ./data),
# LISTEN (default 127.0.0.1:8080), JOBS (default: number of cores).
set -euo pipefail

cd "$(dirname "$0")/.."
mode="${1:-run}"
build_dir="${BUILD_DIR:-build}"
data_dir="${DATA_DIR:-data}"
listen="${LISTEN:-127.0.0.1:8080}"
jobs="${JOBS:-$(nproc)}"

packages=(
  build-essential cmake ninja-build pkg-config
  libpistache-dev libsodium-dev liboath-dev libsqlite3-dev nlohmann-json3-dev libspdlog-dev libcli11-dev
  libgtest-dev libgmock-dev sqlite3
  libmagic-dev libexiv2-dev libtag1-dev libmstch-dev
)
test_packages=(wrk chromium nginx-light openssl systemd)  # chromium: browser tests (tests/e2e); the rest: tests/deploy

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
    build ON
    (cd tests/e2e && npm ci --no-audit --no-fund >/dev/null)  # playwright-core, axe-core, as locked
    ctest --test-dir "$build_dir" --output-on-failure -j "$jobs"
    ;;
  *)
    echo "usage: deploy/setup.sh run|test|build" >&2
    exit 2
    ;;
esac
