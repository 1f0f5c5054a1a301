#!/usr/bin/env bash
# The main job: install what is missing, build, and run lineage on the
# bundled knowledge graph (validate it, summarise it, export it to output/).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh build
bash scripts/build.sh build
./build/lineage validate
./build/lineage stats
./build/lineage export --format graphml -o output/lineage.graphml
./build/lineage export --format json -o output/lineage.json
echo "wrote output/lineage.graphml and output/lineage.json"
