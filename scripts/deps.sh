#!/usr/bin/env bash
# Installs the Debian 12 packages quotegraph needs, only those that are missing.
#   scripts/deps.sh          build + test dependencies
#   scripts/deps.sh --run    only what building and running the analyzer needs
# Needs root (or sudo) only when something is missing.
set -euo pipefail

run_pkgs=(build-essential cmake pkg-config libboost-graph-dev libre2-dev libgraphviz-dev graphviz
          libcli11-dev nlohmann-json3-dev libsimdjson-dev libicu-dev libgumbo-dev zlib1g-dev catch2 libbenchmark-dev iso-codes
          wordnet-base wordnet-dev pybind11-dev python3-dev)
test_pkgs=(clang-14 libfuzzer-14-dev libclang-rt-14-dev python3
           python3-dask python3-distributed chromium chromium-driver python3-selenium
           python3-pytest python3-pandas python3-networkx)

pkgs=("${run_pkgs[@]}")
[ "${1:-}" = "--run" ] || pkgs+=("${test_pkgs[@]}")

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "deps.sh: all ${#pkgs[@]} packages present"
  exit 0
fi
echo "deps.sh: installing ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
