#!/usr/bin/env bash
# Builds the libFuzzer harnesses of tests/fuzz with clang (in build-fuzz/)
# and runs each for SECONDS (default 30), seeded from the test fixtures and
# the bundled graph, with a dictionary of its format. Usage:
#   scripts/fuzz.sh [SECONDS] [HARNESS...]
# HARNESS: yaml table graphml json dot lgraph query gml gnuclad openalex s2
# (default: all). A crash
# stops with its input saved in build-fuzz/crashes/; turn it into a test.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
shift || true
harnesses=("$@")
[[ ${#harnesses[@]} -gt 0 ]] ||
  harnesses=(yaml table graphml json dot lgraph query gml gnuclad openalex s2)

bash scripts/deps.sh fuzz
CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja \
  -DCMAKE_BUILD_TYPE=None -DCMAKE_CXX_FLAGS="-O1 -gline-tables-only" \
  -DLINEAGE_FUZZ=ON -DLINEAGE_BUILD_TESTS=OFF >/dev/null
cmake --build build-fuzz

fixtures=tests/fixtures
seeds() {  # The files each harness starts from.
  case "$1" in
    yaml) ls $fixtures/*.yaml $fixtures/bad/*.yaml $fixtures/layers/*.yaml \
             graph-data/*.yaml ;;
    table) ls $fixtures/datasets/*.tsv $fixtures/datasets/*.txt \
              $fixtures/datasets/*.csv 2>/dev/null || true ;;
    graphml) ls $fixtures/golden/*.graphml $fixtures/datasets/*.graphml \
                2>/dev/null || true ;;
    json) ls $fixtures/golden/*.json ;;
    dot) ls $fixtures/datasets/*.gv ;;
    lgraph) echo build-fuzz/seed.lgraph ;;
    gml) ls $fixtures/datasets/*.gml ;;
    gnuclad) ls $fixtures/datasets/ldt-excerpt.csv ;;
    openalex) ls $fixtures/datasets/openalex-works.jsonl* ;;
    s2) ls $fixtures/datasets/s2-*.jsonl ;;
    query) ;;
  esac
}
./build-fuzz/lineage --data $fixtures/layers import -o build-fuzz/seed.lgraph \
  -q >/dev/null
mkdir -p build-fuzz/crashes
status=0
for h in "${harnesses[@]}"; do
  corpus=build-fuzz/corpus/$h
  mkdir -p "$corpus"
  for f in $(seeds "$h"); do cp "$f" "$corpus/" 2>/dev/null || true; done
  if [[ $h == query ]]; then
    i=0
    while IFS= read -r q; do printf '%s' "$q" >"$corpus/seed-$i"; i=$((i + 1)); done \
      <tests/fuzz/seeds.txt
  fi
  dict=()
  case "$h" in
    yaml | table | graphml | json | dot | query | gml | gnuclad | openalex | s2)
      dict=(-dict=tests/fuzz/dict/$h.dict) ;;
  esac
  echo "fuzz_$h: ${seconds}s"
  if ! ASAN_OPTIONS=detect_leaks=0 ./build-fuzz/fuzz/fuzz_$h "${dict[@]}" \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=1 -artifact_prefix=build-fuzz/crashes/$h- \
      "$corpus" 2>build-fuzz/fuzz_$h.log; then
    echo "fuzz_$h found a crash:" >&2
    tail -40 build-fuzz/fuzz_$h.log >&2
    status=1
  fi
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb" \
    build-fuzz/fuzz_$h.log | tr '\n' ' '
  echo
done
exit $status
