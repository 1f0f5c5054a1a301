#!/usr/bin/env bash
# Installs, from Debian's packages, whatever of the build and test
# dependencies is missing. Usage:
#   scripts/deps.sh [build|test|fuzz|bench]
set -euo pipefail

packages=(g++ cmake ninja-build pkg-config
          libboost-graph-dev libfmt-dev libspdlog-dev libyaml-cpp-dev
          libcli11-dev nlohmann-json3-dev libgraphviz-dev libxxhash-dev
          libutf8proc-dev libsimdjson-dev zlib1g-dev fonts-wqy-zenhei)
case "${1:-build}" in
  test) packages+=(libgtest-dev python3 python3-networkx python3-scipy
                  clang libclang-rt-14-dev
                  chromium chromium-driver python3-selenium) ;;
  fuzz) packages+=(clang libclang-rt-14-dev) ;;
  bench) packages+=(python3 graphviz python3-igraph python3-graph-tool
                   python3-networkx python3-scipy python3-numpy) ;;
esac

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  [[ "$status" == installed ]] || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "lineage: installing ${missing[*]}" >&2
sudo=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || {
    echo "lineage: run as root (or install sudo) to install: ${missing[*]}" >&2
    exit 1
  }
  sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
