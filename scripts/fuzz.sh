#!/usr/bin/env bash
# Fuzz smoke run: builds every libFuzzer target in tests/fuzz in the instrumented
# build (scripts/instrumented.sh, build-fuzz/, shared with sanitize.sh) and runs each for N seconds.
#   scripts/fuzz.sh            10 s per target (the CI smoke run)
#   scripts/fuzz.sh 600        longer runs
#   TARGETS="fuzz_decode" scripts/fuzz.sh 60
#   TARGETS="fuzz_analyze" MAX_LEN=4096 nice -n 19 scripts/fuzz.sh 3600   a long run on idle CPU
# MAX_LEN is libFuzzer's -max_len (default 65536); long runs use 4096, where
# each execution is cheap and news-sized inputs still fit. FUZZ_FLAGS adds
# libFuzzer flags, e.g. FUZZ_FLAGS=-entropic=0 (docs/hardening.md: long runs).
# Seeds come from tests/fuzz/corpus/<target>/ (read-only); inputs libFuzzer finds
# go to build-fuzz/corpus/<target>/ and carry over to the next run. Crashes are
# saved in build-fuzz/artifacts/<target>/ and make the script fail.
# Executions per run are appended to build-fuzz/fuzz-execs.tsv (date, target,
# seconds, executions); the totals are printed at the end.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="$root/build-fuzz"
secs="${1:-10}"
max_len="${MAX_LEN:-65536}"
read -r -a extra <<<"${FUZZ_FLAGS:-}"
jobs="${JOBS:-2}"

# FUZZ_NO_BUILD=1 runs the targets already built: a long run chained in the
# background then keeps fuzzing the code it started with while the tree changes.
if [[ "${FUZZ_NO_BUILD:-0}" != 1 ]]; then
  # shellcheck source=scripts/instrumented.sh
  source "$root/scripts/instrumented.sh"
  configure_instrumented "$root" "$build"
  cmake --build "$build" -j "$jobs" --target qg_fuzz
fi

if [[ -n "${TARGETS:-}" ]]; then
  read -r -a targets <<<"$TARGETS"
else
  targets=()
  for src in "$root"/tests/fuzz/fuzz_*.cpp; do targets+=("$(basename "$src" .cpp)"); done
fi

export ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
failed=()
for t in "${targets[@]}"; do
  name="${t#fuzz_}"
  seeds="$root/tests/fuzz/corpus/$name"
  work="$build/corpus/$name"
  artifacts="$build/artifacts/$name/"
  mkdir -p "$work" "$artifacts" "$seeds"
  dict=()
  [[ -f "$root/tests/fuzz/$name.dict" ]] && dict=("-dict=$root/tests/fuzz/$name.dict")
  # FUZZ_TAG names the log of a second run of the same target beside the first
  # (two processes on one corpus: libFuzzer shares corpus directories).
  log="$build/$t${FUZZ_TAG:+.$FUZZ_TAG}.log"
  echo "== $t: ${secs}s, max_len $max_len (log: $log)"
  rc=0
  "$build/tests/fuzz/$t" -max_len="$max_len" -timeout=10 -max_total_time="$secs" -print_final_stats=1 \
    -artifact_prefix="$artifacts" "${dict[@]}" "${extra[@]}" "$work" "$seeds" >"$log" 2>&1 || rc=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  printf '%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$t" "$secs" "${execs:-0}" >>"$build/fuzz-execs.tsv"
  if [[ $rc -ne 0 ]]; then
    echo "!! $t FAILED (exit $rc); crash input in $artifacts"
    grep -E -m5 'ERROR|check failed|runtime error|SUMMARY' "$log" || tail -20 "$log"
    failed+=("$t")
  else
    echo "   ok: ${execs:-?} executions, corpus $(find "$work" -type f | wc -l) files"
  fi
done

echo "== executions so far (build-fuzz/fuzz-execs.tsv):"
awk -F'\t' '{n[$2]+=$4; s[$2]+=$3} END {for (t in n) printf "   %-22s %12d execs in %6d s\n", t, n[t], s[t]}' \
  "$build/fuzz-execs.tsv" | sort
if [[ ${#failed[@]} -gt 0 ]]; then
  echo "fuzz.sh: failures in: ${failed[*]}"
  exit 1
fi
echo "fuzz.sh: all targets ran ${secs}s without a crash"
