#!/usr/bin/env python3
"""scripts/html_body_ref.py on an invented page: blocks, selections, the page check.

The reference bodies of the HTML dev set are built from block selections kept in
tests/gold/html; this checks the tool that numbers the blocks and applies them,
and that every selection in the repository is well formed (its header names a
trafilatura commit, a page and a SHA-256; its items are block ranges).
Usage: check_html_body_ref.py REPO; exit 1 naming what is wrong.
"""
import hashlib
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

PAGE = (b"<html><head><title>T</title><script>var hidden = 1;</script></head><body>"
        b"<nav><ul><li>Home</li><li>News</li></ul></nav>"
        b"<article><h1>Harbour reopens</h1><p>The harbour reopened on Monday.</p>"
        b"<figure><figcaption>The quay at dawn.</figcaption></figure>"
        b"<p>Ferries run again,<br>twice a day.</p></article>"
        b"<footer><p>Contact us</p></footer></body></html>")

ITEM = re.compile(r"^-?\d+(-\d+)?$")


def main():
    repo = Path(sys.argv[1])
    tool = repo / "scripts" / "html_body_ref.py"
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp) / "dev"
        sels = Path(tmp) / "sel"
        (d / "pages").mkdir(parents=True)
        sels.mkdir()
        (d / "pages" / "harbour.html").write_bytes(PAGE)
        (d / "snippets.json").write_text(json.dumps({"source": "adbar/trafilatura@" + "0" * 40 + " x", "pages": [
            {"page": "harbour.html", "url": "u", "with": ["reopened on Monday"], "without": []}]}))
        dump = subprocess.run([sys.executable, tool, "dump", d, "harbour.html"], capture_output=True, text=True,
                              check=True).stdout
        blocks = [line.split("\t")[2] for line in dump.splitlines()]
        # Menus, the headline, the paragraphs, the caption, each <br> line and the footer are blocks;
        # script text is not.
        want = ["Home", "News", "Harbour reopens", "The harbour reopened on Monday.", "The quay at dawn.",
                "Ferries run again,", "twice a day.", "Contact us"]
        if blocks != want:
            problems.append(f"dump: blocks {blocks}, want {want}")
        subprocess.run([sys.executable, tool, "new", d, "harbour.html", sels], capture_output=True, check=True)
        sel = sels / "harbour.sel"
        header = sel.read_text()
        digest = hashlib.sha256(PAGE).hexdigest()
        if header.strip() != f"# page adbar/trafilatura@{'0' * 40} tests/cache/harbour.html sha256 {digest}":
            problems.append(f"new: header {header!r}")
        sel.write_text(header + "4-7  # the story\n-5  # a caption\n")
        subprocess.run([sys.executable, tool, "build", d, sels], capture_output=True, check=True)
        body = (d / "bodies" / "harbour.txt").read_text()
        if body != "The harbour reopened on Monday.\n\nFerries run again,\n\ntwice a day.\n":
            problems.append(f"build: body {body!r}")
        # A page whose bytes changed is refused: its blocks would be numbered differently.
        (d / "pages" / "harbour.html").write_bytes(PAGE.replace(b"Monday", b"Tuesday"))
        r = subprocess.run([sys.executable, tool, "build", d, sels], capture_output=True, text=True)
        if r.returncode == 0 or "page bytes differ" not in r.stderr:
            problems.append(f"build: a changed page was not refused ({r.returncode}, {r.stderr!r})")

    for sel in sorted((repo / "tests" / "gold" / "html").glob("*.sel")):
        lines = sel.read_text().splitlines()
        if not lines or not re.match(r"^# page adbar/trafilatura@[0-9a-f]{40} tests/cache/\S+\.html sha256 [0-9a-f]{64}$",
                                     lines[0]):
            problems.append(f"{sel.name}: no page header")
        items = [l.split("#", 1)[0].strip() for l in lines[1:]]
        items = [i for i in items if i]
        if not items or not all(ITEM.match(i) for i in items) or items[0].startswith("-"):
            problems.append(f"{sel.name}: items {items}")
    for p in problems:
        print(p)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
