#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test: the Catch2 suite (ctest,
# g++ with warnings as errors), the same suite under AddressSanitizer +
# UndefinedBehaviorSanitizer, and a short libFuzzer smoke run of every fuzz target;
# the last two share one clang build (scripts/instrumented.sh).
#   FUZZ_SECONDS=10 (per target), SKIP_SANITIZE=1, SKIP_FUZZ=1 to shorten a local run.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
start=$(date +%s)
scripts/deps.sh
# Tests and benchmarks on explicitly: quickstart.sh configures the same build/ without them.
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DQG_WERROR=ON -DQG_BUILD_TESTS=ON -DQG_BUILD_BENCH=ON > /dev/null
cmake --build build -j "$(nproc)"
ctest --test-dir build --output-on-failure --no-tests=error -j "$(nproc)"
[ "${SKIP_SANITIZE:-0}" = 1 ] || scripts/sanitize.sh
[ "${SKIP_FUZZ:-0}" = 1 ] || scripts/fuzz.sh "${FUZZ_SECONDS:-10}"
echo "test.sh: all tests passed in $(( $(date +%s) - start )) s"
