#!/usr/bin/env bash
# Quick start: install what is missing, build, and analyse the bundled seed article.
# Prints the attributions and writes out/seed.json, out/seed.dot, out/seed.svg and the
# HTML report out/seed.html; installs the Python module (import quotegraph).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
scripts/deps.sh --run
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DQG_BUILD_TESTS=OFF -DQG_BUILD_BENCH=OFF > /dev/null
cmake --build build -j "$(nproc)" --target quotegraph_cli _quotegraph
# The Python module into /usr/bin/python3's site-packages (docs/python.md).
cmake --install build --component python > /dev/null
mkdir -p out
seed=seeds/000_1af91efddab21499.txt
build/quotegraph analyze "$seed"
build/quotegraph analyze --format json "$seed" -o out/seed.json
build/quotegraph graph "$seed" --dot out/seed.dot --svg out/seed.svg
build/quotegraph report "$seed" -o out/seed.html
echo
echo "Wrote out/seed.json, out/seed.dot, out/seed.svg and out/seed.html (open it in a browser)"
/usr/bin/python3 -c "import quotegraph as qg; print('Python module:', len(qg.analyze(open('$seed').read()).attributions), 'attributions in the seed (import quotegraph; docs/python.md)')"
