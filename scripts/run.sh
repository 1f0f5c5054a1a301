#!/usr/bin/env bash
# The main job: install what is missing, build, check the bundled knowledge
# graph, print its summary, and draw the gallery into output/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh build
bash scripts/build.sh build
lineage=./build/lineage
$lineage validate
$lineage stats
$lineage render -o output/lineage.svg
$lineage --layer article render -o output/lineage-article.svg
$lineage --lang zh --layer article render -o output/lineage-zh.svg
$lineage render --tag diffusion --since 2015 \
  --title "The diffusion lineage, 2015-2024" -o output/diffusion-lineage.svg
$lineage render --focus gan --descendants -o output/gan-family.svg
$lineage render --focus "DALL-E 2" --ancestors -o output/dall-e-2-ancestry.svg
$lineage render --path transformer "stable diffusion" \
  -o output/transformer-to-stable-diffusion.svg
# The explorer: the whole graph, and one work's family, as offline pages.
$lineage render -o output/lineage.html
$lineage render --focus "stable diffusion" -o output/stable-diffusion.html
$lineage export --format graphml -o output/lineage.graphml
$lineage export --format json -o output/lineage.json
