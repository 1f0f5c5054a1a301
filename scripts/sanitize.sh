#!/usr/bin/env bash
# Builds the whole test suite with AddressSanitizer and
# UndefinedBehaviorSanitizer (in build-asan/) and runs it: any finding
# fails the run. The networkx cross-checks and the browser test of the
# explorer run in the normal build only (they test answers, not memory, and
# are slow under ASan; the explorer's C++ is covered here by ExploreTest).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh test
# -O1 and line tables only: findings keep their file and line, and the
# build takes a third of a release build's time on two cores.
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=None \
  -DCMAKE_CXX_FLAGS="-O1 -g1" -DLINEAGE_SANITIZE=ON \
  -DLINEAGE_BUILD_TESTS=ON >/dev/null
cmake --build build-asan
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1"
export LSAN_OPTIONS="suppressions=$PWD/tests/sanitize/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
cd build-asan && ctest --output-on-failure -j2 -E 'Networkx|ExplorerInABrowser'
