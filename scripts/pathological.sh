#!/usr/bin/env bash
# Time and peak RSS of `quotegraph analyze` on generated pathological files
# (issue 10): 1, 10 and 100 MB of each hostile class, one process per file, so
# each row's peak RSS belongs to that input alone (bench_pathological runs every
# size in one process and cannot show it).
#   scripts/pathological.sh                    build/quotegraph, sizes 1 10 100 (MB)
#   BIN=build-harden/quotegraph SIZES="1 10" scripts/pathological.sh
#   CLASSES="quotes nested" scripts/pathological.sh
#   FORMAT=json scripts/pathological.sh        --format json (default: the text listing)
# Files are written once to $DIR (default build/pathological/) and reused.
# The peak RSS includes the output writer (the JSON writer holds a whole DOM).
# Prints a Markdown table: class, MB, wall seconds, MB/s, peak RSS (MB), RSS per
# input byte, attributions.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="${BIN:-$root/build/quotegraph}"
dir="${DIR:-$root/build/pathological}"
sizes="${SIZES:-1 10 100}"
format="${FORMAT:-text}"
classes="${CLASSES:-quotes apostrophes marks nested nested1m huge_line said said1e5}"
mkdir -p "$dir"

# gen CLASS MB FILE: writes the file (fixed-count classes ignore MB).
gen() {
  python3 - "$1" "$2" "$3" <<'EOF'
import sys
cls, mb, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
n = mb << 20
def fill(unit, size):
    u = unit.encode()
    return u * (size // len(u))  # whole units: valid UTF-8, at most one unit short
if cls == "quotes":        data = b'"' * n                                  # all straight double quotes
elif cls == "apostrophes": data = fill("\u2019", n)                          # all right single marks
elif cls == "marks":       data = fill("\u201c\u201d\u2018\u2019\u201e\u00ab\u00bb\u2039\u203a\"'", n)
elif cls == "nested":      data = fill("\u00ab\u2039\u201c\u2018", n // 2) + b"he said" + fill("\u2019\u201d\u203a\u00bb", n // 2)
elif cls == "nested1m":    data = "\u00ab\u2039\u201c\u2018".encode() * 250000 + b"he said" + "\u2019\u201d\u203a\u00bb".encode() * 250000  # 10^6 nested marks
elif cls == "huge_line":   data = fill("\u201cWe will not back down,\u201d the governor said on Tuesday. Officials said that the plan was costly. ", n)
elif cls == "said":        data = fill("said ", n)
elif cls == "said1e5":     data = b"said " * 100000                                                    # 10^5 "said"
else: sys.exit("unknown class " + cls)
open(path, "wb").write(data)
EOF
}

echo "| class | MB | seconds | MB/s | peak RSS MB | RSS / input byte | attributions |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for cls in $classes; do
  case "$cls" in nested1m|said1e5) cls_sizes="0" ;; *) cls_sizes="$sizes" ;; esac
  for mb in $cls_sizes; do
    f="$dir/$cls-$mb.txt"
    [[ -s "$f" ]] || gen "$cls" "$mb" "$f"
    bytes=$(stat -c %s "$f")
    out="$dir/$cls-$mb.$format"
    log="$dir/$cls-$mb.time"
    /usr/bin/time -v "$bin" analyze --format "$format" -o "$out" "$f" 2>"$log" >/dev/null || {
      echo "| $cls | $mb | FAILED (see $log) | | | | |"; continue; }
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$log")
    rss_kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$log")
    if [[ "$format" == json ]]; then
      atts=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["attributions"]))' "$out")
    else
      atts=$(grep -c '^\[a[0-9]' "$out" || true)
    fi
    python3 - "$cls" "$bytes" "$wall" "$rss_kb" "$atts" <<'EOF'
import sys
cls, b, wall, rss, atts = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), sys.argv[5]
parts = [float(p) for p in wall.split(":")]
secs = parts[-1] + 60 * parts[-2] + (3600 * parts[-3] if len(parts) > 2 else 0)
mb = b / 2**20
print(f"| {cls} | {mb:.1f} | {secs:.2f} | {mb / secs if secs else 0:.1f} | {rss / 1024:.0f} | {rss * 1024 / b:.1f} | {atts} |")
EOF
    rm -f "$out"
  done
done
