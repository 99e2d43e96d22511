#!/usr/bin/env python3
"""Reference article bodies for the HTML dev set, chosen by a person.

The page's visible text is cut into numbered blocks (one per paragraph,
heading, list item, table cell or <br> line) by Python's own HTML parser,
independent of quotegraph's extractor. A person reads the blocks and writes
which ones are the article's body in tests/gold/html/NAME.sel: block numbers
only, no page text, so the selections are labels and live in the repository.
`build` turns them into DIR/bodies/NAME.txt, beside the third-party pages
(outside the repository), which `quotegraph eval --extract DIR` scores token
by token.

  scripts/html_body_ref.py dump DIR NAME.html [--around]  # numbered blocks
  scripts/html_body_ref.py new DIR NAME.html [SELDIR]     # a .sel with its header
  scripts/html_body_ref.py build DIR [SELDIR]             # every NAME.sel -> DIR/bodies/NAME.txt

SELDIR defaults to tests/gold/html beside this script. --around prints only
the blocks from 15 before the first to 15 after the last with-snippet of the
page (snippets.json), where the article is.

A .sel file starts with a header naming the page it numbers:
"# page adbar/trafilatura@COMMIT tests/cache/NAME.html sha256 HEX"; `build`
refuses a page whose bytes differ (its block numbers would point elsewhere).
Then one item per line: "A-B" or "A" keeps blocks A to B, "-A-B" or "-A"
leaves them out again (a caption, an advert label inside the story); "#"
starts a comment. What a body holds: the article's text as a
reader sees it, from the standfirst (lead) to the article's last line,
with its subheads, lists, tables and quotes; not the headline, byline, date,
image captions, share bars, related links, author boxes or reader comments.
"""
import hashlib
import html.parser
import json
import re
import sys
import unicodedata
from pathlib import Path

BLOCK = {
    "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
    "blockquote", "pre", "table", "tr", "td", "th", "figure", "figcaption", "hr", "dl", "dt", "dd",
    "form", "aside", "nav", "header", "footer", "address", "body", "center", "fieldset", "details",
    "summary", "caption",
}
SKIP = {"script", "style", "noscript", "template", "head", "svg", "math", "select", "textarea", "iframe", "object"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}


class Blocks(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # (tag, label)
        self.skip = 0
        self.buf = []
        self.blocks = []  # (path, text)

    def label(self):
        parts = [t for t, _ in self.stack[-3:]]
        return ">".join(l for _, l in self.stack[-3:]) if parts else ""

    def flush(self):
        text = re.sub(r"\s+", " ", "".join(self.buf)).strip()
        self.buf = []
        if text:
            self.blocks.append((self.label(), text))

    def handle_starttag(self, tag, attrs):
        if tag in SKIP:
            if tag not in VOID:
                self.skip += 1
            return
        if self.skip:
            return
        if tag == "br":
            self.flush()
            return
        if tag in BLOCK:
            self.flush()
        if tag in VOID:
            return
        if tag == "p" and self.stack and self.stack[-1][0] == "p":
            self.stack.pop()
        a = dict(attrs)
        cls = (a.get("class") or "").split()
        label = tag + ("." + cls[0][:24] if cls else "") + ("#" + a["id"][:20] if a.get("id") else "")
        self.stack.append((tag, label))

    def handle_endtag(self, tag):
        if tag in SKIP:
            self.skip = max(0, self.skip - 1)
            return
        if self.skip:
            return
        if tag in BLOCK:
            self.flush()
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        if not self.skip:
            self.buf.append(data)


def blocks_of(page: Path):
    raw = page.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    p = Blocks()
    # In NFC, as quotegraph writes bodies: some pages are in NFD.
    p.feed(unicodedata.normalize("NFC", text))
    p.close()
    p.flush()
    return p.blocks


def dump(d: Path, name: str, around: bool):
    blocks = blocks_of(d / "pages" / name)
    lo, hi = 0, len(blocks)
    if around:
        pages = json.loads((d / "snippets.json").read_text())["pages"]
        snippets = next((e.get("with", []) for e in pages if e["page"] == name), [])
        hits = [i for i, (_, t) in enumerate(blocks) if any(s.strip() and s.strip() in t for s in snippets)]
        if hits:
            lo, hi = max(0, min(hits) - 15), min(len(blocks), max(hits) + 16)
    for i in range(lo, hi):
        path, text = blocks[i]
        print(f"{i + 1}\t{path[-40:]}\t{text[:160]}")


def select(spec: str, n: int):
    keep = [False] * (n + 1)
    for line in spec.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        on = not line.startswith("-")
        a, _, b = line.lstrip("-").partition("-")
        lo, hi = int(a), int(b or a)
        for i in range(lo, min(hi, n) + 1):
            keep[i] = on
    return [i for i in range(1, n + 1) if keep[i]]


SEL_DIR = Path(__file__).resolve().parent.parent / "tests" / "gold" / "html"


def header(d: Path, name: str):
    source = json.loads((d / "snippets.json").read_text())["source"].split()[0]
    digest = hashlib.sha256((d / "pages" / name).read_bytes()).hexdigest()
    return f"# page {source} tests/cache/{name} sha256 {digest}"


def new(d: Path, name: str, sel_dir: Path):
    sel = sel_dir / (Path(name).stem + ".sel")
    if sel.exists():
        sys.exit(f"{sel} exists")
    sel.write_text(header(d, name) + "\n")
    print(sel)


def build(d: Path, sel_dir: Path):
    (d / "bodies").mkdir(exist_ok=True)
    bad = 0
    for sel in sorted(sel_dir.glob("*.sel")):
        name = sel.stem + ".html"
        page = d / "pages" / name
        spec = sel.read_text()
        if not page.exists():
            print(f"{sel.stem}: no page {page}", file=sys.stderr)
            bad += 1
            continue
        want = spec.splitlines()[0] if spec else ""
        digest = hashlib.sha256(page.read_bytes()).hexdigest()
        if not want.startswith("# page ") or want.split()[-1] != digest:
            print(f"{sel.stem}: page bytes differ from the ones labelled ({want[:80]}...)", file=sys.stderr)
            bad += 1
            continue
        blocks = blocks_of(page)
        chosen = select(spec, len(blocks))
        (d / "bodies" / (sel.stem + ".txt")).write_text("\n\n".join(blocks[i - 1][1] for i in chosen) + "\n")
        print(f"{sel.stem}: {len(chosen)} blocks")
    if bad:
        sys.exit(f"{bad} selection(s) not built")


def main():
    a = sys.argv[1:]
    if len(a) >= 3 and a[0] == "dump":
        dump(Path(a[1]), a[2], "--around" in a)
    elif len(a) in (3, 4) and a[0] == "new":
        new(Path(a[1]), a[2], Path(a[3]) if len(a) == 4 else SEL_DIR)
    elif len(a) in (2, 3) and a[0] == "build":
        build(Path(a[1]), Path(a[2]) if len(a) == 3 else SEL_DIR)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
