#!/usr/bin/env bash
# Configures and builds into build/. Usage: scripts/build.sh [build|test]
set -euo pipefail
cd "$(dirname "$0")/.."
tests=OFF
[[ "${1:-build}" == test ]] && tests=ON
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DLINEAGE_BUILD_TESTS="$tests" >/dev/null
cmake --build build
