# Sourced by sanitize.sh and fuzz.sh: the one instrumented build, build-fuzz/.
# clang++-14 with AddressSanitizer + UndefinedBehaviorSanitizer on everything and
# libFuzzer's coverage instrumentation on the library; the Catch2 suite and the fuzz
# targets link the same objects, so CI compiles the library twice (plain and
# instrumented), not three times. -O1 -gline-tables-only is what libFuzzer's
# documentation recommends, and reports keep file and line.
# The Python module and the browser/Dask tests are not built here (QG_SANITIZE).
configure_instrumented() {
  local root="$1" build="$2"
  cmake -S "$root" -B "$build" -DCMAKE_CXX_COMPILER="${CXX_FUZZ:-clang++-14}" \
    -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -gline-tables-only" \
    -DQG_SANITIZE=ON -DQG_BUILD_FUZZ=ON -DQG_BUILD_TESTS=ON -DQG_BUILD_BENCH=OFF -DQG_BUILD_PYTHON=OFF \
    ${QG_CMAKE_EXTRA:-} >/dev/null
}
