#!/usr/bin/env python3
"""Whole-process speed of the commands users run, on real news.

    python3 tests/bench/bench_commands.py --quotegraph build-rel/quotegraph \
        --texts ../shared/data/polnear/data/train/text [--repeat 3] [--only analyze-jsonl,...]

Each command runs as a user runs it (one process, default options, output to a
file) over the same articles; the best of --repeat runs is reported as input
MB/s, articles/s, wall seconds and the process's peak RSS (from wait4). The
texts are read where they are and never copied into the repository; the JSONL
input of `corpus` is written to a temporary directory. Exit 0 with a note when
the texts are absent. Generated text is a second input: tests/bench/bench_analyze.
"""
import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile
import time


def run(cmd, out_path):
    """(wall seconds, peak RSS in MB) of one process, its stdout to out_path."""
    with open(out_path, "wb") as out:
        start = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=out, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(p.pid, 0)
        wall = time.perf_counter() - start
        err = p.stderr.read().decode("utf-8", "replace")
        p.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code not in (0,):
        raise RuntimeError(f"{' '.join(cmd)} exited {code}: {err[-400:]}")
    return wall, usage.ru_maxrss / 1024.0


def outlet_of(path):
    return os.path.basename(path).split("_", 1)[0]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quotegraph", required=True)
    ap.add_argument("--texts", required=True, help="a directory of .txt articles (PolNeAR train/text)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--only", default="", help="comma-separated command names to run")
    ap.add_argument("--json", help="also write the figures here")
    args = ap.parse_args()
    files = sorted(glob.glob(os.path.join(args.texts, "*.txt")))
    if not files:
        print(f"no .txt files in {args.texts}: skipped")
        return 0
    qg = os.path.abspath(args.quotegraph)
    size = sum(os.path.getsize(f) for f in files)
    # The diff and report take one story's articles, one per outlet: the first
    # article of each of up to 10 outlets (PolNeAR has 7), then more to reach 10.
    by_outlet = {}
    for f in files:
        by_outlet.setdefault(outlet_of(f), f)
    story = list(by_outlet.values())[:10]
    story += [f for f in files if f not in story][: 10 - len(story)]
    three = story[:3]

    with tempfile.TemporaryDirectory() as d:
        jsonl = os.path.join(d, "corpus.jsonl")
        with open(jsonl, "w", encoding="utf-8") as f:
            for p in files:
                with open(p, encoding="utf-8") as t:
                    f.write(json.dumps({"id": os.path.basename(p), "source": outlet_of(p), "text": t.read()}) + "\n")
        out = os.path.join(d, "out")
        commands = [
            ("analyze-text", [qg, "analyze", args.texts], files),
            ("analyze-json", [qg, "analyze", "--format", "json", args.texts], files),
            ("analyze-jsonl", [qg, "analyze", "--format", "jsonl", args.texts], files),
            ("analyze-csv", [qg, "analyze", "--format", "csv", args.texts], files),
            ("analyze-jsonl-no-echo", [qg, "analyze", "--format", "jsonl", "--no-echo", args.texts], files),
            ("corpus-1-thread", [qg, "corpus", jsonl, "--threads", "1"], files),
            ("corpus-2-threads", [qg, "corpus", jsonl, "--threads", "2"], files),
            ("corpus-graph-1-thread", [qg, "corpus", jsonl, "--threads", "1", "--graph",
                                       os.path.join(d, "g.json")], files),
            ("echo", [qg, "echo", "--format", "json", args.texts], files),
            ("graph-gexf", [qg, "graph", "--format", "gexf", args.texts], files),
            ("stats", [qg, "stats", args.texts], files),
            ("diff-10-outlets", [qg, "diff", "--format", "json", *story], story),
            ("report-3-outlets", [qg, "report", *three], three),
        ]
        only = set(filter(None, args.only.split(",")))
        rows = []
        for name, cmd, inputs in commands:
            if only and name not in only:
                continue
            nbytes = sum(os.path.getsize(f) for f in inputs)
            best = None
            for _ in range(max(1, args.repeat)):
                wall, rss = run(cmd, out)
                if best is None or wall < best[0]:
                    best = (wall, rss)
            wall, rss = best
            row = {"command": name, "articles": len(inputs), "mb": round(nbytes / 1e6, 2),
                   "seconds": round(wall, 3), "mb_per_s": round(nbytes / 1e6 / wall, 2),
                   "articles_per_s": round(len(inputs) / wall, 1), "peak_rss_mb": round(rss, 1)}
            rows.append(row)
            print(f"{name:24s} {row['articles']:5d} articles {row['mb']:6.2f} MB  {wall:7.3f} s  "
                  f"{row['mb_per_s']:7.2f} MB/s  {row['articles_per_s']:8.1f} articles/s  "
                  f"peak {row['peak_rss_mb']:7.1f} MB", flush=True)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"texts": args.texts, "bytes": size, "rows": rows}, f, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
