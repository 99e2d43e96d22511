#!/usr/bin/env python3
"""ctest dask_driver: the Dask driver against one single-process quotegraph corpus run.

A small corpus is generated from the article texts in tests/cases and seeds/: a plain
JSONL file large enough to be cut into several line-aligned ranges (records with and
without id/outlet, and malformed lines), a gzip JSONL file, a text file and a missing
path. Then, on a LocalCluster with 2 worker processes (512 MiB each), the driver must
give the same exit code as `quotegraph corpus --threads 1 ... -o --graph`, part files
whose concatenation is byte-identical to its records, and a graph.json equal to its
graph (compared canonically: key and list order ignored). Run twice: against the
test's own cluster (--scheduler) and with the driver's LocalCluster (--workers 2).

    test_quotegraph_dask.py --quotegraph build/quotegraph

Exit 77 (ctest SKIP_RETURN_CODE) only when dask or distributed does not import.
"""

import argparse
import glob
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DRIVER = os.path.join(HERE, "quotegraph_dask.py")
SKIP = 77


def canonical(value):
    """JSON value with dict keys and list elements in a fixed order."""
    if isinstance(value, dict):
        return {k: canonical(v) for k, v in sorted(value.items())}
    if isinstance(value, list):
        return sorted((canonical(v) for v in value), key=lambda v: json.dumps(v, sort_keys=True))
    return value


def texts():
    paths = sorted(glob.glob(os.path.join(ROOT, "tests", "cases", "**", "*.txt"), recursive=True))
    paths += sorted(glob.glob(os.path.join(ROOT, "seeds", "*.txt")))
    out = []
    for p in paths:
        with open(p, encoding="utf-8") as f:
            out.append((os.path.relpath(p, ROOT), f.read()))
    if len(out) < 20:
        raise SystemExit(f"FAIL: expected the repository's article texts, found {len(out)}")
    return out


def make_corpus(tmp):
    articles = texts()
    outlets = ["Harbor Times", "Valley Post", "coastline_daily"]
    lines = []
    for rep in range(2):
        for i, (name, text) in enumerate(articles):
            n = rep * len(articles) + i
            if n % 3 == 0:
                rec = {"id": f"{name}#{rep}", "source": outlets[n % 2], "text": text}
            elif n % 3 == 1:
                rec = {"outlet": outlets[2], "maintext": text, "title": name}
            else:
                rec = {"text": text}  # no id, no outlet: named FILE:LINE, a document node
            lines.append(json.dumps(rec, ensure_ascii=(n % 2 == 0)).encode("utf-8"))
            if n == 7:
                lines.append(b"{not json")
            if n == 19:
                lines.append(b"")
            if n == 31:
                lines.append(b'{"title": "no text field"}')
            if n == 43:
                lines.append(b'{"text": "caf\xe9 said the mayor"}')  # invalid UTF-8
            if n == 50:
                lines.append(b"[1, 2]")
            if n == 60:  # an HTML field: the body is extracted, offsets refer to it
                lines.append(json.dumps({"id": "html-field", "html": html_page(name, text)}).encode())
    big = os.path.join(tmp, "big.jsonl")
    with open(big, "wb") as f:
        f.write(b"\n".join(lines))  # no newline after the last line
    small = os.path.join(tmp, "small.jsonl.gz")
    with gzip.open(small, "wb") as f:
        for name, text in articles[:4]:
            f.write(json.dumps({"media_name": "Gazette", "text": text}).encode() + b"\n")
    txt = os.path.join(tmp, "seed.txt")
    with open(txt, "w", encoding="utf-8") as f:
        f.write(articles[-1][1])
    page = os.path.join(tmp, "page.html")
    with open(page, "w", encoding="utf-8") as f:
        f.write(html_page(*articles[1]))
    return [big, small, os.path.join(tmp, "missing.jsonl"), txt, page], len(lines)


def html_page(name, text):
    paras = "".join(f"<p>{p.replace('&', '&amp;').replace('<', '&lt;')}</p>" for p in text.split("\n\n") if p.strip())
    return (f'<!doctype html><html><head><title>{name}</title><meta property="og:site_name" content="Gazette">'
            f"</head><body><nav><a href='/'>Home</a></nav><article>{paras}</article><footer>(c)</footer></body></html>")


def run(cmd, timeout):
    t = time.monotonic()
    p = subprocess.run(cmd, capture_output=True, timeout=timeout)
    return p, time.monotonic() - t


def check_driver(name, driver_args, inputs, expected, tmp, quotegraph, block, mode):
    out = os.path.join(tmp, name)
    cmd = [sys.executable, DRIVER, *driver_args, "--mode", mode, "-o", out, "--quotegraph", quotegraph,
           "--block-size", block, "--fan-in", "3", "--task-timeout", "30", "--timeout", "60", *inputs]
    p, secs = run(cmd, 90)
    err = p.stderr.decode("utf-8", "replace")
    print(f"{name}: exit {p.returncode} in {secs:.1f} s; " + " | ".join(l for l in err.splitlines() if "quotegraph_dask:" in l))
    failures = []
    if f"quotegraph_dask: {mode}," not in err:
        failures.append(f"{name}: the driver did not run in {mode} mode\n{err}")
    if p.returncode != expected["rc"]:
        failures.append(f"exit code {p.returncode}, single-process run: {expected['rc']}\n{err}")
    parts = sorted(glob.glob(os.path.join(out, "attributions", "part-*.jsonl")))
    chunks = [open(p, "rb").read() for p in parts]
    ranges = 0  # parts that start inside big.jsonl, not at its first line
    for chunk in chunks:
        first = json.loads(chunk.split(b"\n", 1)[0] or b"{}")
        where = first.get("corpus", first)
        ranges += where.get("source", where.get("path")) == inputs[0] and where.get("line", 1) > 1
    if ranges < 2:
        failures.append(f"{len(parts)} partitions, {ranges} starting inside {inputs[0]}: it was not cut into ranges")
    records = b"".join(chunks)
    if records != expected["records"]:
        failures.append(f"the {len(parts)} part files do not concatenate to the single-process records "
                        f"({len(records)} vs {len(expected['records'])} bytes)")
    try:
        with open(os.path.join(out, "graph.json"), encoding="utf-8") as f:
            graph = json.load(f)
        if canonical(graph) != expected["graph"]:
            failures.append("the merged graph differs from the single-process graph")
    except (OSError, ValueError) as e:
        failures.append(f"graph.json: {e}")
    return failures


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--quotegraph", required=True)
    ap.add_argument("--python-module", help="the directory quotegraph imports from (build/python): the in-process "
                                            "runs are then required; without it they run when quotegraph imports")
    args = ap.parse_args()
    if args.python_module:  # the driver and the LocalCluster workers inherit it
        os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [os.path.abspath(args.python_module),
                                                                 os.environ.get("PYTHONPATH")]))
        sys.path.insert(0, os.path.abspath(args.python_module))
    try:
        import quotegraph  # noqa: F401
        modes = ["subprocess", "in-process"]
    except ImportError as e:
        if args.python_module:
            print(f"FAIL: quotegraph does not import from {args.python_module}: {e}")
            return 1
        print(f"in-process mode not tested: quotegraph does not import ({e})")
        modes = ["subprocess"]
    try:
        from distributed import LocalCluster
    except ImportError as e:
        print(f"SKIP: dask/distributed do not import in {sys.executable} ({e}); "
              "install python3-dask python3-distributed (scripts/deps.sh)")
        return SKIP
    quotegraph = os.path.abspath(args.quotegraph)

    with tempfile.TemporaryDirectory(prefix="qg-dask-test-") as tmp:
        inputs, n_lines = make_corpus(tmp)
        single, graph = os.path.join(tmp, "single.jsonl"), os.path.join(tmp, "single.json")
        p, secs = run([quotegraph, "corpus", "--threads", "1", *inputs, "-o", single, "--graph", graph], 60)
        print(f"single process: exit {p.returncode} in {secs:.1f} s: {p.stderr.decode().strip()}")
        if p.returncode != 2:  # missing.jsonl is unreadable: exit 2, the run completes
            print(f"FAIL: single-process corpus run exited {p.returncode}, expected 2")
            return 1
        with open(single, "rb") as f:
            records = f.read()
        with open(graph, encoding="utf-8") as f:
            expected = {"rc": p.returncode, "records": records, "graph": canonical(json.load(f))}
        n_records = records.count(b"\n")
        if n_records != n_lines + 4 + 1 + 1 + 1 or len(expected["graph"].get("nodes", [])) < 10:
            print(f"FAIL: the single-process run is not the corpus the test meant ({n_records} records)")
            return 1

        failures = []
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, memory_limit="512MiB",
                               dashboard_address=None)
        try:
            for mode in modes:
                failures += check_driver("scheduler-" + mode, ["--scheduler", cluster.scheduler_address], inputs,
                                         expected, tmp, quotegraph, "3KiB", mode)
        finally:
            cluster.close()
        for mode in modes:
            failures += check_driver("local-" + mode, ["--workers", "2", "--memory-limit", "512MiB"], inputs, expected,
                                     tmp, quotegraph, "12KiB", mode)
        # Both modes cut the inputs alike: part for part the same bytes, not only the same concatenation.
        for where in ("scheduler", "local") if len(modes) == 2 else ():
            a = [open(p, "rb").read() for p in sorted(glob.glob(os.path.join(tmp, where + "-subprocess", "attributions", "*")))]
            b = [open(p, "rb").read() for p in sorted(glob.glob(os.path.join(tmp, where + "-in-process", "attributions", "*")))]
            if a != b:
                failures.append(f"{where}: the in-process part files differ from the subprocess ones")
    for f in failures:
        print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
