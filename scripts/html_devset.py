#!/usr/bin/env python3
"""Builds the HTML extraction dev set from a local mirror of adbar/trafilatura.

Only tests/cache/*.html (the pages) and the `assert "..." in result` /
`not in result` snippets that tests/realworld_tests.py::test_extract gives for
them are read; nothing else from that repository. The output stays outside
this repository (the pages are third-party web pages):

  OUT/pages/NAME.html      the page, bytes as stored upstream
  OUT/snippets.json        {"source": ..., "pages": [{"page": NAME, "url": URL,
                            "with": [...], "without": [...]}]}, sorted by page

Branches of test_extract are taken as for plain-text output
(xmloutput=False, formatting=False), the output `quotegraph extract` gives.

usage: scripts/html_devset.py MIRROR_GIT_DIR [OUT]   (OUT default /work/shared/data/html-dev)
"""
import ast
import json
import os
import subprocess
import sys


def git_show(git_dir, spec):
    return subprocess.run(["git", "--git-dir", git_dir, "show", spec], check=True, capture_output=True).stdout


def snippets(source):
    tree = ast.parse(source)
    pages = {}
    mock = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "MOCK_PAGES" for t in node.targets):
            mock = ast.literal_eval(node.value)
    func = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "test_extract")
    env = {"xmloutput": False, "formatting": False}
    current = [None]

    def call_url(value):
        if isinstance(value, ast.Call) and getattr(value.func, "id", "") in ("do_load_page", "load_mock_page"):
            if value.args and isinstance(value.args[0], ast.Constant):
                return value.args[0].value
        return None

    def walk(stmts):
        for s in stmts:
            if isinstance(s, ast.Assign) and getattr(s.targets[0], "id", "") == "result":
                url = call_url(s.value)
                current[0] = url
            elif isinstance(s, ast.If):
                try:
                    cond = eval(compile(ast.Expression(s.test), "<if>", "eval"), {}, dict(env))
                except Exception:
                    continue  # a condition on the output itself: not a snippet
                walk(s.body if cond else s.orelse)
            elif isinstance(s, ast.Assert) and current[0] in mock:
                t = s.test
                if (isinstance(t, ast.Compare) and len(t.ops) == 1 and isinstance(t.left, ast.Constant)
                        and isinstance(t.left.value, str) and getattr(t.comparators[0], "id", "") == "result"):
                    kind = "with" if isinstance(t.ops[0], ast.In) else "without" if isinstance(t.ops[0], ast.NotIn) else None
                    if kind:
                        entry = pages.setdefault(current[0], {"with": [], "without": []})
                        entry[kind].append(t.left.value)

    walk(func.body)
    return mock, pages


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    git_dir = sys.argv[1]
    if os.path.isdir(os.path.join(git_dir, ".git")):
        git_dir = os.path.join(git_dir, ".git")
    out = sys.argv[2] if len(sys.argv) > 2 else "/work/shared/data/html-dev"
    mock, pages = snippets(git_show(git_dir, "HEAD:tests/realworld_tests.py").decode("utf-8"))
    os.makedirs(os.path.join(out, "pages"), exist_ok=True)
    rows = []
    for url, s in pages.items():
        name = mock[url]
        data = git_show(git_dir, "HEAD:tests/cache/" + name)
        with open(os.path.join(out, "pages", name), "wb") as f:
            f.write(data)
        rows.append({"page": name, "url": url, "with": s["with"], "without": s["without"]})
    rows.sort(key=lambda r: r["page"])
    commit = subprocess.run(["git", "--git-dir", git_dir, "rev-parse", "HEAD"], check=True,
                            capture_output=True, text=True).stdout.strip()
    with open(os.path.join(out, "snippets.json"), "w", encoding="utf-8") as f:
        json.dump({"source": "adbar/trafilatura@" + commit + " tests/realworld_tests.py test_extract",
                   "pages": rows}, f, ensure_ascii=False, indent=1, sort_keys=True)
        f.write("\n")
    n_with = sum(len(r["with"]) for r in rows)
    n_without = sum(len(r["without"]) for r in rows)
    print(f"{len(rows)} pages, {n_with} with-snippets, {n_without} without-snippets -> {out}")


if __name__ == "__main__":
    main()
