#!/usr/bin/env python3
"""Every file docs/architecture.md names exists (issue 28).

Checked: paths under src/, include/, docs/, tests/ (files or folders); paths relative
to src/ ("entity/resolve.cpp"); and bare file names ("html.cpp"), which must be in a
folder the same paragraph names, or anywhere in the tree when it names none.
Usage: check_doc_paths.py REPO [DOC...]; exit 1 listing the missing ones.
"""
import os
import re
import sys

ROOTS = ("src/", "include/", "docs/", "tests/")
TOKEN = re.compile(r"(?<![\w./-])((?:[\w-]+/)*[\w-]+\.(?:cpp|hpp|h|md|py)|(?:src|include|docs|tests)/[\w./-]*[\w/])")


def main():
    repo = sys.argv[1]
    docs = sys.argv[2:] or ["docs/architecture.md"]
    every = {}
    for top in ("src", "include", "docs", "tests"):
        for d, _, files in os.walk(os.path.join(repo, top)):
            for f in files:
                every.setdefault(f, []).append(os.path.relpath(d, repo))
    missing = []
    for doc in docs:
        text = open(os.path.join(repo, doc), encoding="utf-8").read()
        for para in re.split(r"\n\s*\n", text):
            tokens = [t.rstrip(".") for t in TOKEN.findall(para)]
            dirs = set()
            for t in tokens:
                if t.startswith(ROOTS):
                    dirs.add(t.rstrip("/") if os.path.isdir(os.path.join(repo, t)) else os.path.dirname(t))
            for t in tokens:
                if t.startswith(ROOTS):
                    ok = os.path.exists(os.path.join(repo, t))
                elif "/" in t:
                    ok = os.path.exists(os.path.join(repo, "src", t)) or os.path.exists(os.path.join(repo, t))
                else:
                    ok = any(os.path.exists(os.path.join(repo, d, t)) for d in dirs) if dirs else t in every
                if not ok:
                    missing.append(f"{doc}: {t}")
    for m in missing:
        print("missing:", m)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
