#!/usr/bin/env python3
"""quotegraph on Dask: a map step per partition, a tree of graph merges as the reduce.

    quotegraph_dask.py --workers 4 -o out/ news/*.jsonl.gz          # a LocalCluster on this machine
    quotegraph_dask.py --scheduler tcp://10.0.0.5:8786 -o /shared/out /shared/news/*.jsonl

Map: the inputs are cut into partitions (groups of whole files; a large plain JSONL file
is cut into line-aligned byte ranges). Each partition is analysed once and writes
OUT/attributions/part-NNNNN.jsonl; its partial graph comes back to the scheduler.
Reduce: the partial graphs are merged in a tree (merge is associative and commutative);
the result is OUT/graph.json.

Modes: in-process (the default when `import quotegraph` works) analyses in the worker
with qg.analyze_many and merges with qg.merge_graphs; subprocess (--mode subprocess)
runs `quotegraph corpus` per partition and `quotegraph merge` per merge, the shape for
Spark pipe / Hadoop Streaming. Both write the same bytes.

The concatenation of the part files in name order is byte-identical to the output of one
`quotegraph corpus INPUT... -o` run over the same inputs, and graph.json equals its
`--graph` (a range of a file is read as FILE from line N, so records still say FILE and
LINE).

Every worker must see the inputs and OUT (and the quotegraph binary, or the module) at
the same paths (one machine, or a shared file system). See README.md beside this file.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

# Exit codes, as quotegraph's: 0 ok, 1 usage, 2 input (an unreadable input, or --strict and
# an error record), 3 internal (here also: a task failed or timed out).
EXIT_OK, EXIT_USAGE, EXIT_INPUT, EXIT_INTERNAL = 0, 1, 2, 3

_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]i?b?)?\s*$", re.IGNORECASE)


def parse_size(text):
    """'32MiB', '64M', '100000' -> bytes."""
    m = _SIZE.match(text)
    if not m:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (e.g. 32MiB)")
    unit = (m.group(2) or "").lower()
    scale = {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30}[unit[:1]]
    return max(1, int(float(m.group(1)) * scale))


def is_jsonl(path):
    """As quotegraph corpus decides (src/corpus/reader.cpp, input_format)."""
    p = path.lower()
    if p.endswith(".gz"):
        p = p[:-3]
    return p.endswith((".jsonl", ".ndjson", ".json"))


# --------------------------------------------------------------------- planning --

def plan(inputs, block_bytes):
    """Partitions, in input order: ("files", [paths]) or ("range", path, start, end, k),
    k the input's position (a file given twice is read twice, each from line 1).

    Whole files are grouped until a group holds block_bytes; a plain (uncompressed)
    JSONL file larger than block_bytes becomes nominal ranges of block_bytes, which the
    workers align to line starts (scan_range). gzip cannot be cut, so a .gz file is one
    piece. An unreadable path stays in a group: quotegraph writes its error record.
    """
    parts, group, group_bytes = [], [], 0

    def flush():
        nonlocal group, group_bytes
        if group:
            parts.append(("files", group))
        group, group_bytes = [], 0

    for k, path in enumerate(inputs):
        try:
            size = os.path.getsize(path)
        except OSError:
            size = 0
        if is_jsonl(path) and not path.lower().endswith(".gz") and size > block_bytes:
            flush()
            for start in range(0, size, block_bytes):
                parts.append(("range", path, start, min(start + block_bytes, size), k))
            continue
        group.append(path)
        group_bytes += size
        if group_bytes >= block_bytes:
            flush()
    flush()
    return parts


def _line_start_at_or_after(f, offset, size):
    """The first line start >= offset (0, or just past a newline), or size."""
    if offset <= 0:
        return 0
    f.seek(offset - 1)
    pos = offset - 1
    while pos < size:
        chunk = f.read(1 << 16)
        if not chunk:
            break
        nl = chunk.find(b"\n")
        if nl >= 0:
            return pos + nl + 1
        pos += len(chunk)
    return size


def scan_range(path, start, end):
    """Worker task: aligns the nominal range [start, end) to line starts and counts the
    newlines in it. Returns (aligned_start, aligned_end, newlines). Ranges aligned this
    way tile the file exactly, each line in exactly one of them."""
    size = os.path.getsize(path)
    with open(path, "rb") as f:
        a = _line_start_at_or_after(f, start, size)
        b = size if end >= size else _line_start_at_or_after(f, end, size)
        newlines, pos = 0, a
        f.seek(a)
        while pos < b:
            chunk = f.read(min(1 << 20, b - pos))
            if not chunk:
                break
            newlines += chunk.count(b"\n")
            pos += len(chunk)
    return a, b, newlines


# ------------------------------------------------------------------- map, reduce --

def _read_range(path, start, end):
    with open(path, "rb") as f:
        f.seek(start)
        return f.read(end - start)


def run_partition(index, part, quotegraph, out_dir, corpus_args, timeout):
    """Worker task (map): one `quotegraph corpus` run over one partition.

    Writes out_dir/attributions/part-INDEX.jsonl (quotegraph writes it as .partial and
    renames it when done, so a retried task never leaves a torn file) and returns
    {"index", "graph" (JSON text), "rc", "summary"}. Exit codes 0 and 2 (an unreadable
    input is an error record, the run still completes) are results; anything else fails
    the task with quotegraph's message."""
    out = os.path.join(out_dir, "attributions", f"part-{index:05d}.jsonl")
    cmd = [quotegraph, "corpus", *corpus_args, "-o", out, "--graph", "-"]
    if part[0] == "files":  # absolute paths: none starts with "-"
        io = {"stdin": subprocess.DEVNULL}
        cmd += part[1]
    else:
        _, path, start, end, first_line = part
        io = {"input": _read_range(path, start, end)}
        cmd += ["--stdin-name", path, "--stdin-first-line", str(first_line), "-"]
    p = subprocess.run(cmd, capture_output=True, timeout=timeout, **io)
    err = p.stderr.decode("utf-8", "replace")
    if p.returncode not in (EXIT_OK, EXIT_INPUT):
        raise RuntimeError(f"partition {index}: {' '.join(cmd)} exited {p.returncode}: {err.strip()}")
    summary = [line for line in err.splitlines() if line.startswith("quotegraph corpus: ")]
    return {"index": index, "graph": p.stdout.decode("utf-8"), "rc": p.returncode,
            "summary": summary[-1] if summary else "", "messages": err}


# --------------------------------------------------------------- in-process map --
# The same map step through the Python module (python/quotegraph): the engine's own
# reader pieces (LineReader, input_format, parse_record, html_article) read the
# partition as `quotegraph corpus` reads it, qg.analyze_many analyses it, and
# corpus_record renders each record, so the part files and the partial graph are
# the binary's, byte for byte.

def _jobs(part, engine):
    """The partition's records in input order: ("error", source, line, kind, message) or
    ("article", source, line, format, data), data a JSONL line or a whole file's bytes."""
    def lines_of(source, lines, first):
        n = first - 1
        for line in lines:
            n += 1
            yield ("article", source, n, "jsonl", line)

    if part[0] == "range":
        _, path, start, end, first_line = part
        data = _read_range(path, start, end)
        try:
            fmt = engine.input_format(data[:4096], path)
        except ValueError as e:
            yield ("error", path, 0, "unreadable", str(e))
            return
        lines = data.split(b"\n")
        if lines and lines[-1] == b"":  # a final newline ends the last line, it starts none
            lines.pop()
        if fmt == "jsonl":
            yield from lines_of(path, lines, first_line)
        else:
            yield ("article", path, 1, fmt, data)
        return
    for path in part[1]:
        try:
            reader = engine.LineReader(path)
            head = reader.peek(4096)
            if reader.status:
                raise ValueError(reader.status)
            fmt = engine.input_format(head, path)
        except ValueError as e:
            yield ("error", path, 0, "unreadable", str(e))
            continue
        if fmt != "jsonl":
            try:
                yield ("article", path, 1, fmt, reader.read_all())
            except ValueError as e:
                yield ("error", path, 1, "truncated" if reader.truncated else "unreadable", str(e))
            continue
        n = 0
        for job in lines_of(path, reader, 1):
            n = job[2]
            yield job
        if reader.status:  # the torn (or unreadable) line
            yield ("error", path, n + 1, "truncated" if reader.truncated else "unreadable", reader.status)


def _article(job, engine, fields):
    """(path, outlet, text, provenance) of an article job, or (kind, message) when it is none;
    provenance is corpus_record's (source, line, format, meta)."""
    _, source, line, fmt, data = job
    meta = {}
    if fmt == "jsonl":
        kind, message, art = engine.parse_record(data, **fields)
        if kind:
            return kind, message.decode("utf-8", "replace")
        ident, url, outlet, date, title, text, byline, from_html = art
        meta = {"id": ident, "url": url, "date": date, "title": title, "byline": byline}
        if from_html:
            meta["site_name"] = outlet
            fmt = "html"
    elif fmt == "html":
        error, text, title, byline, date, url, site_name = engine.html_article(data)
        if error:
            return "over_budget", f"{source}: {error}"
        outlet, ident = site_name, ""
        meta = {"url": url, "date": date, "title": title, "byline": byline, "site_name": site_name}
    else:
        text, outlet, ident = data, "", ""
    path = ident or (f"{source}:{line}" if job[3] == "jsonl" else source)
    return path, outlet, text, (source, line, fmt, {k: v or "" for k, v in meta.items()})


def run_partition_inprocess(index, part, out_dir, options):
    """Worker task (map), in-process: the records and partial graph `quotegraph corpus`
    gives for this partition, made by qg.analyze_many in this worker process. Writes
    out_dir/attributions/part-INDEX.jsonl (as .partial, then renamed) and returns what
    run_partition returns."""
    import quotegraph as qg
    from quotegraph import _quotegraph as engine

    fields = {k: options.get(k) or [] for k in ("text", "id", "outlet", "html")}
    slots, articles = [], []  # slots: a record line, or the index of an article
    for job in _jobs(part, engine):
        got = _article(job, engine, fields) if job[0] == "article" else (job[3], job[4])
        if len(got) == 2:
            slots.append((job, got[0], got[1]))
            continue
        path, outlet, text, section = got
        if isinstance(text, bytes):  # a text file: the analyzer names an invalid byte
            try:
                text = text.decode("utf-8")
            except UnicodeDecodeError:
                slots.append((job, "analysis", _analysis_error(qg, text, path)))
                continue
        slots.append(len(articles))
        articles.append(({"path": path, "outlet": outlet, "text": text}, section, job))
    docs = list(qg.analyze_many((a[0] for a in articles), threads=options.get("threads", 1), errors="none"))

    lines, analysed, errors, rc, messages = [], [], 0, EXIT_OK, []
    for slot in slots:
        if isinstance(slot, int):
            rec, section, job = articles[slot]
            doc = docs[slot]
            if doc is not None:
                source, line, fmt, meta = section
                lines.append(engine.corpus_record(doc._handle, source, line, fmt, meta,
                                                  not options.get("no_echo")))  # ends in "\n"
                analysed.append(doc)
                continue
            slot = (job, "analysis", _analysis_error(qg, rec["text"], rec["path"]))
        job, kind, message = slot
        errors += 1
        lines.append(engine.error_record(job[1], job[2], kind, message))
        if kind in ("unreadable", "truncated"):
            rc = EXIT_INPUT
            messages.append(f"quotegraph: {message}")
    if options.get("strict") and errors:
        rc = EXIT_INPUT
    out = os.path.join(out_dir, "attributions", f"part-{index:05d}.jsonl")
    _write_atomically(out, "".join(lines))
    return {"index": index, "graph": qg.graph_json(analysed, unify=False), "rc": rc, "summary": "",
            "counts": (len(lines), len(analysed), errors), "messages": "\n".join(messages)}


def _analysis_error(qg, text, path):
    try:
        qg.analyze(text, path=path)
    except qg.QuotegraphError as e:
        return str(e)
    return "the analyzer refused the text"  # analyze_many did; analyze alone did not


def merge_graphs_inprocess(graphs, root):
    """Worker task (reduce), in-process: qg.merge_graphs, `quotegraph merge` as a function.
    The parts are not unified (graph_json(unify=False)) and neither are the merges
    below the root: entity identity needs the whole graph, so only the root unifies,
    and graph.json is exactly the graph of one `quotegraph corpus --graph` run."""
    import quotegraph as qg

    return qg.merge_graphs([g["graph"] if isinstance(g, dict) else g for g in graphs], unify=root)


def _without_graph(result):
    return {k: v for k, v in result.items() if k != "graph"}


def merge_graphs(quotegraph, graphs, timeout):
    """Worker task (reduce): `quotegraph merge` over graph JSON texts; returns the merge."""
    with tempfile.TemporaryDirectory(prefix="quotegraph-merge-") as tmp:
        paths = []
        for i, g in enumerate(graphs):
            g = g["graph"] if isinstance(g, dict) else g
            path = os.path.join(tmp, f"part-{i:05d}.json")
            with open(path, "w", encoding="utf-8") as f:
                f.write(g)
            paths.append(path)
        p = subprocess.run([quotegraph, "merge", *paths], capture_output=True, timeout=timeout)
    if p.returncode != 0:
        raise RuntimeError(f"quotegraph merge exited {p.returncode}: {p.stderr.decode('utf-8', 'replace').strip()}")
    return p.stdout.decode("utf-8")


def tree_reduce(client, quotegraph, leaves, fan_in, timeout):
    """Merges futures of graphs `fan_in` at a time, level by level, down to one future.
    Merges start as soon as their inputs are done; the tree shape does not matter
    (merge is associative and commutative). quotegraph None: merged in-process."""
    level = list(leaves)
    while True:
        root = len(level) <= fan_in
        level = [client.submit(merge_graphs, quotegraph, level[i:i + fan_in], timeout, pure=False)
                 if quotegraph else client.submit(merge_graphs_inprocess, level[i:i + fan_in], root, pure=False)
                 for i in range(0, len(level), fan_in)]
        if len(level) == 1:
            return level[0]


# ------------------------------------------------------------------------- driver --

_COUNTS = re.compile(r"quotegraph corpus: ([\d,]+) records read = ([\d,]+) analysed \+ ([\d,]+) errors")


def _write_atomically(path, text):
    tmp = path + ".partial"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)


def run(client, inputs, out_dir, quotegraph, corpus_args=(), block_bytes=32 << 20, fan_in=8,
        task_timeout=None, timeout=None, log=sys.stderr, inprocess=None):
    """Runs the map and reduce steps on `client`. Returns the exit code (see EXIT_*).

    inprocess: None runs the quotegraph binary per partition (subprocess mode); a dict
    of options (threads, text/id/outlet/html field lists, no_echo, strict) runs the
    Python module in the worker processes instead, and `quotegraph` is not used."""
    from distributed import wait

    os.makedirs(os.path.join(out_dir, "attributions"), exist_ok=True)
    for old in os.listdir(os.path.join(out_dir, "attributions")):  # a rerun: no stale parts
        if old.startswith("part-"):
            os.remove(os.path.join(out_dir, "attributions", old))

    parts = plan(inputs, block_bytes)
    if not parts:
        print("quotegraph_dask: no inputs", file=log)
        return EXIT_USAGE

    # Ranges: align on the workers, then number lines (prefix sums of newline counts per input).
    ranges = [i for i, p in enumerate(parts) if p[0] == "range"]
    scans = [client.submit(scan_range, *parts[i][1:4], pure=False) for i in ranges]
    wait(scans, timeout=timeout)
    next_line = {}
    for i, fut in zip(ranges, scans):
        a, b, newlines = fut.result()
        path, k = parts[i][1], parts[i][4]
        first = next_line.get(k, 1)
        next_line[k] = first + newlines
        parts[i] = ("range", path, a, b, first) if b > a else None  # empty after alignment
    parts = [p for p in parts if p is not None]

    if inprocess is not None:
        maps = [client.submit(run_partition_inprocess, i, p, out_dir, inprocess, pure=False)
                for i, p in enumerate(parts)]
    else:
        maps = [client.submit(run_partition, i, p, quotegraph, out_dir, list(corpus_args), task_timeout, pure=False)
                for i, p in enumerate(parts)]
    graph = tree_reduce(client, None if inprocess is not None else quotegraph, maps, fan_in, task_timeout)
    infos = client.map(_without_graph, maps, pure=False)  # the graphs stay on the workers
    wait(infos + [graph], timeout=timeout)
    results = client.gather(infos)
    _write_atomically(os.path.join(out_dir, "graph.json"), graph.result())

    rc, totals = EXIT_OK, [0, 0, 0]
    for r in results:
        rc = max(rc, r["rc"])
        if r["rc"] != EXIT_OK:
            print(f"quotegraph_dask: partition {r['index']}: {r['messages'].strip()}", file=log)
        m = _COUNTS.search(r["summary"])
        if "counts" in r:
            for k in range(3):
                totals[k] += r["counts"][k]
        elif m:
            for k in range(3):
                totals[k] += int(m.group(k + 1).replace(",", ""))
    print(f"quotegraph_dask: {'in-process' if inprocess is not None else 'subprocess'}, {len(parts)} partitions; {totals[0]} records read = {totals[1]} analysed + "
          f"{totals[2]} errors; {out_dir}/attributions/part-*.jsonl, {out_dir}/graph.json", file=log)
    return rc


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse exits 2; 2 means an input error here, as in quotegraph
        self.print_usage(sys.stderr)
        print(f"{self.prog}: error: {message}", file=sys.stderr)
        sys.exit(EXIT_USAGE)


def main(argv=None):
    ap = _Parser(
        description="Run quotegraph corpus as the map step and quotegraph merge as the reduce step on Dask.",
        epilog="Output: OUT/attributions/part-NNNNN.jsonl (in input order when read in name order) and "
               "OUT/graph.json. Exit codes: 0 ok, 1 usage, 2 an input could not be read (or --strict and an "
               "error record), 3 a task failed or timed out.")
    ap.add_argument("inputs", nargs="+", help="JSONL (.jsonl/.ndjson/.json, optionally .gz), HTML or text files, "
                                              "at the same paths on every worker")
    where = ap.add_mutually_exclusive_group()
    where.add_argument("--scheduler", help="address of a running Dask scheduler (tcp://host:8786)")
    where.add_argument("--workers", type=int, default=None,
                       help="start a LocalCluster with this many worker processes (default: the number of cores)")
    ap.add_argument("--memory-limit", default="1GiB", help="LocalCluster: memory limit per worker (default 1GiB)")
    ap.add_argument("-o", "--output", required=True, help="output directory (shared with the workers)")
    ap.add_argument("--mode", choices=("auto", "in-process", "subprocess"), default="auto",
                    help="in-process: the workers analyse with the Python module (import quotegraph); "
                         "subprocess: each map task runs the quotegraph binary and the reduce `quotegraph merge`, "
                         "as Spark pipe or Hadoop Streaming would; auto (default): in-process when quotegraph "
                         "imports here and no option needs the binary (--lenient)")
    ap.add_argument("--quotegraph", default=shutil.which("quotegraph"),
                    help="subprocess mode: path to the quotegraph binary, the same on every worker "
                         "(default: quotegraph on PATH)")
    ap.add_argument("--block-size", type=parse_size, default=32 << 20,
                    help="bytes of input per map task (default 32MiB); a larger plain JSONL file is cut into "
                         "line-aligned ranges of this size")
    ap.add_argument("--threads", type=int, default=1, help="quotegraph corpus --threads per map task (default 1: "
                                                            "Dask runs one task per worker thread)")
    ap.add_argument("--fan-in", type=int, default=8, help="graphs per merge task in the reduce tree (default 8)")
    ap.add_argument("--task-timeout", type=float, default=None, help="seconds one quotegraph run may take")
    ap.add_argument("--timeout", type=float, default=None, help="seconds the whole run may take")
    for opt in ("--text-field", "--id-field", "--outlet-field", "--html-field"):
        ap.add_argument(opt, help=f"passed to quotegraph corpus {opt}")
    for flag in ("--no-echo", "--lenient", "--strict"):
        ap.add_argument(flag, action="store_true", help=f"passed to quotegraph corpus {flag}")
    args = ap.parse_args(argv)

    mode = args.mode
    if mode != "subprocess":
        try:
            import quotegraph as _module  # noqa: F401  (the workers import it again)
            importable = ""
        except ImportError as e:
            importable = str(e)
        if mode == "auto":
            mode = "subprocess" if importable or args.lenient else "in-process"
        elif importable:
            ap.error(f"--mode in-process: the quotegraph module does not import ({importable}); "
                     "set PYTHONPATH=build/python or install it (docs/python.md)")
        elif args.lenient:
            ap.error("--lenient needs the quotegraph binary: give --mode subprocess")
    if mode == "subprocess" and (not args.quotegraph or not os.access(args.quotegraph, os.X_OK)):
        ap.error("no quotegraph binary: give --quotegraph PATH or put quotegraph on PATH")
    if "-" in args.inputs:
        ap.error("standard input (-) cannot be read by the workers; give files")
    if args.fan_in < 2 or args.threads < 1:
        ap.error("--fan-in must be >= 2 and --threads >= 1")
    quotegraph = os.path.abspath(args.quotegraph) if mode == "subprocess" else None
    inprocess = None
    if mode == "in-process":
        inprocess = {"threads": args.threads, "no_echo": args.no_echo, "strict": args.strict}
        for opt in ("text", "id", "outlet", "html"):
            value = getattr(args, opt + "_field")
            inprocess[opt] = [f for f in value.split(",") if f] if value else []
    inputs = [os.path.abspath(p) for p in args.inputs]
    out_dir = os.path.abspath(args.output)
    corpus_args = ["--threads", str(args.threads)]
    for opt in ("text_field", "id_field", "outlet_field", "html_field"):
        if getattr(args, opt):
            corpus_args += ["--" + opt.replace("_", "-"), getattr(args, opt)]
    for flag in ("no_echo", "lenient", "strict"):
        if getattr(args, flag):
            corpus_args.append("--" + flag.replace("_", "-"))

    from distributed import Client, LocalCluster

    cluster = None
    try:
        if args.scheduler:
            client = Client(args.scheduler, timeout=30)
        else:
            cluster = LocalCluster(n_workers=args.workers or os.cpu_count() or 1, threads_per_worker=1,
                                   processes=True, memory_limit=args.memory_limit, dashboard_address=None)
            client = Client(cluster)
        with client:
            return run(client, inputs, out_dir, quotegraph, corpus_args, args.block_size, args.fan_in,
                       args.task_timeout, args.timeout, inprocess=inprocess)
    except Exception as e:  # a failed or timed-out task, a lost worker, an unreachable scheduler
        print(f"quotegraph_dask: {type(e).__name__}: {e}", file=sys.stderr)
        return EXIT_INTERNAL
    finally:
        if cluster is not None:
            cluster.close()


if __name__ == "__main__":
    sys.exit(main())
