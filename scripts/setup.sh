#!/usr/bin/env bash
# probsim set-up on Debian bookworm: installs the build dependencies from Debian's packages, builds,
# and then either runs the default scenario or (with --test) runs the whole test suite.
#
#   scripts/setup.sh          install, build, run scenarios/example_pdu.yaml
#   scripts/setup.sh --test   install (also chromium, for the report's browser tests), build (warnings
#                             as errors), run every test, then build with AddressSanitizer +
#                             UndefinedBehaviorSanitizer and run every test again but the national
#                             validation
set -euo pipefail
cd "$(dirname "$0")/.."

mode=run
case "${1:-}" in
  "") ;;
  --test) mode=test ;;
  -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
  *) echo "usage: scripts/setup.sh [--test]" >&2; exit 2 ;;
esac

# openmpi-bin provides mpirun, which one test uses to start a sweep's shards the way a cluster would.
# It is a launcher only: probsim links no MPI library (Debian's libsimgrid exports MPI symbols).
# python3 runs the docs test (tests/docs/check_docs.py) and the scenario generators in scripts/.
packages=(build-essential cmake ninja-build pkg-config libsimgrid-dev libboost-dev
          libboost-program-options-dev libyaml-cpp-dev libgtest-dev googletest openmpi-bin python3)
# `probsim report` compiles the charting libraries (Vega, Vega-Lite, vega-embed, pinned in
# sim/report/web/package-lock.json) into the binary; the build fetches them with npm (`npm ci`).
# Any npm will do (a Node.js install of one's own often brings it), so Debian's is installed only if
# there is none. The report's tests load pages in headless Chromium: Debian's `chromium`, for --test.
commands=(npm:npm)
[ "$mode" = test ] && commands+=(chromium:chromium)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
for c in "${commands[@]}"; do
  command -v "${c%%:*}" > /dev/null || missing+=("${c#*:}")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  echo "== installing: ${missing[*]}"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

jobs=$(nproc)
build() {  # build DIR [cmake options...]
  local dir=$1; shift
  echo "== building in $dir"
  mkdir -p "$dir"
  cmake -S . -B "$dir" -G Ninja "$@" > "$dir/configure.log" 2>&1 || { cat "$dir/configure.log"; exit 1; }
  cmake --build "$dir" -j "$jobs"
}

if [ "$mode" = run ]; then
  build build -DCMAKE_BUILD_TYPE=Release -DPROBSIM_WERROR=OFF -DPROBSIM_SANITIZE=OFF
  echo "== running the default scenario"
  ./build/sim/probsim run scenarios/example_pdu.yaml
  echo
  echo "probsim is at build/sim/probsim; try: build/sim/probsim --help"
  exit 0
fi

# Debug information as line tables only (-g1): a crash's or a sanitizer's backtrace still names each
# function, file and line, at about a quarter of full -g's size. With -g the two builds took 4.0 GB
# (1.8 and 2.3), more than a CI machine had free: its second build stopped with "No space left on device".
build build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG" \
  -DPROBSIM_WERROR=ON -DPROBSIM_SANITIZE=OFF
echo "== tests"
ctest --test-dir build --output-on-failure -j "$jobs"

build build-sanitize -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-g1" -DPROBSIM_WERROR=ON \
  -DPROBSIM_SANITIZE=ON
echo "== tests under AddressSanitizer and UndefinedBehaviorSanitizer"
# All but the national validation: six national replications take about 400 s under the sanitizers,
# most of this pass, and run the same code as the smaller end-to-end scenarios; its numbers are checked
# in the pass above.
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-sanitize --output-on-failure -j "$jobs" -E '^Validation\.'
