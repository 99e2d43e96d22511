#!/usr/bin/env bash
# Sanitizer run: the instrumented build (scripts/instrumented.sh: clang++-14,
# AddressSanitizer + UndefinedBehaviorSanitizer) in build-fuzz/, then the whole
# Catch2 suite under ctest. The fuzz targets are built too; scripts/fuzz.sh runs them.
#   scripts/sanitize.sh            configure, build (-j2), test
#   JOBS=1 scripts/sanitize.sh     fewer parallel jobs
# Any sanitizer report aborts the test that triggered it, so ctest fails.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="$root/build-fuzz"
jobs="${JOBS:-2}"

# halt_on_error/abort_on_error: a report is a failure, never a warning in a log.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

start=$(date +%s)
# shellcheck source=scripts/instrumented.sh
source "$root/scripts/instrumented.sh"
configure_instrumented "$root" "$build"
cmake --build "$build" -j "$jobs"
ctest --test-dir "$build" --output-on-failure --no-tests=error -j "$jobs"
echo "sanitize.sh: ASan+UBSan build and tests passed in $(( $(date +%s) - start )) s"
