#!/usr/bin/env bash
# Long fuzz runs (docs/hardening.md, "Long runs"): cycles the given targets in
# 20-minute chunks of scripts/fuzz.sh, pinned to one core, until HOURS have
# passed or build-fuzz/STOP exists. Each chunk appends its count to
# build-fuzz/fuzz-execs.tsv, so stopping loses at most the chunk under way.
#   scripts/fuzz-long.sh 1 2.5 fuzz_analyze            core 1, 2.5 hours
#   scripts/fuzz-long.sh 0 8 fuzz_dot_export &          in the background
#   touch build-fuzz/STOP                                stop after the chunk under way,
#   pkill -INT -f build-fuzz/tests/fuzz/                 and this ends it now (no crash)
# The targets must be built (scripts/fuzz.sh builds them); a rebuild while this
# runs takes effect at the next chunk. A chunk that finds a crash stops the loop.
set -euo pipefail

if [[ $# -lt 3 ]]; then
  echo "usage: $0 CPU HOURS TARGET..." >&2
  exit 1
fi
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cpu=$1
deadline=$(( $(date +%s) + $(awk -v h="$2" 'BEGIN { printf "%d", h * 3600 }') ))
shift 2
stop="$root/build-fuzz/STOP"
rm -f "$stop"

while :; do
  for t in "$@"; do
    left=$(( deadline - $(date +%s) ))
    if [[ -e "$stop" || $left -lt 120 ]]; then
      echo "fuzz-long.sh: done (totals in build-fuzz/fuzz-execs.tsv)"
      exit 0
    fi
    secs=$(( left < 1200 ? left : 1200 ))
    rc=0
    FUZZ_NO_BUILD=1 MAX_LEN=1024 FUZZ_FLAGS="-entropic=0 -detect_leaks=0" \
      ASAN_OPTIONS=abort_on_error=1:detect_leaks=1:malloc_context_size=5 \
      TARGETS="$t" FUZZ_TAG="cpu$cpu" taskset -c "$cpu" "$root/scripts/fuzz.sh" "$secs" || rc=$?
    # An interrupted chunk (pkill -INT) is no crash; anything else stops here.
    if [[ $rc -ne 0 && ! -e "$stop" ]]; then
      if grep -q "run interrupted" "$root/build-fuzz/$t.cpu$cpu.log" 2>/dev/null; then continue; fi
      echo "fuzz-long.sh: $t failed (see build-fuzz/artifacts/ and build-fuzz/$t.cpu$cpu.log)" >&2
      exit 1
    fi
  done
done
