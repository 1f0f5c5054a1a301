#!/usr/bin/env bash
# Install what is missing, build with the tests, and run the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh test
bash scripts/build.sh test
cd build-test && ctest --output-on-failure -j2
