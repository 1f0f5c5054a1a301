#!/usr/bin/env bash
# Configures and builds. Usage: scripts/build.sh [build|test]
#   build: the lineage tool, in build/ (build/lineage)
#   test:  the tool and the test suite, in build-test/
# Two folders, so that running the main job and the tests in turn never
# reconfigures one build with the other's options.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=build tests=OFF
if [[ "${1:-build}" == test ]]; then dir=build-test tests=ON; fi
cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DLINEAGE_BUILD_TESTS="$tests" >/dev/null
cmake --build "$dir"
