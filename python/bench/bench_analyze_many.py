#!/usr/bin/env python3
"""analyze_many against `quotegraph corpus` on the same texts, whole process each.

    PYTHONPATH=build/python /usr/bin/python3 python/bench/bench_analyze_many.py \
        --quotegraph build/quotegraph --texts ../shared/data/polnear/data/dev/text [--threads 1]

Prints MB/s and articles/s for both and their ratio (issue 27 asks analyze_many
within 1.2x of corpus). The corpus run writes JSONL records; analyze_many builds
the Python Documents (the JSON the engine writes, parsed into objects), which is
what a notebook user gets.
"""
import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile
import time


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quotegraph", required=True)
    ap.add_argument("--texts", required=True, help="a directory of .txt articles")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    files = sorted(glob.glob(os.path.join(args.texts, "*.txt")))
    if not files:
        print("no .txt files in %s: skipped" % args.texts)
        return 0
    texts = [open(f, encoding="utf-8").read() for f in files]
    size = sum(len(t.encode("utf-8")) for t in texts)
    with tempfile.TemporaryDirectory() as d:
        jsonl = os.path.join(d, "in.jsonl")
        with open(jsonl, "w", encoding="utf-8") as f:
            for p, t in zip(files, texts):
                f.write(json.dumps({"id": os.path.basename(p), "text": t}) + "\n")
        out = os.path.join(d, "out.jsonl")
        best_cli = min(run_cli(args.quotegraph, jsonl, out, args.threads) for _ in range(args.repeat))
        # Without the echo sections, which analyze_many does not compute: the closer comparison.
        best_bare = min(run_cli(args.quotegraph, jsonl, out, args.threads, "--no-echo") for _ in range(args.repeat))
    import quotegraph as qg
    best_py = float("inf")
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        docs = list(qg.analyze_many(({"id": os.path.basename(p), "text": t} for p, t in zip(files, texts)),
                                    threads=args.threads))
        best_py = min(best_py, time.perf_counter() - t0)
    assert len(docs) == len(files)
    mb = size / 1e6
    print("%d articles, %.2f MB, %d thread(s)" % (len(files), mb, args.threads))
    print("quotegraph corpus   %.3f s  %6.2f MB/s  %7.1f articles/s" % (best_cli, mb / best_cli, len(files) / best_cli))
    print("  ... --no-echo     %.3f s  %6.2f MB/s  %7.1f articles/s" % (best_bare, mb / best_bare, len(files) / best_bare))
    print("qg.analyze_many     %.3f s  %6.2f MB/s  %7.1f articles/s" % (best_py, mb / best_py, len(files) / best_py))
    print("ratio analyze_many / corpus: %.2f (/ corpus --no-echo: %.2f)" % (best_py / best_cli, best_py / best_bare))
    return 0


def run_cli(qg, jsonl, out, threads, *extra):
    t0 = time.perf_counter()
    subprocess.run([qg, "corpus", jsonl, "-o", out, "--threads", str(threads), *extra], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0


if __name__ == "__main__":
    sys.exit(main())
