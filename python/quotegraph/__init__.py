"""quotegraph: who said what, to whom, about whom, in news text.

The engine is the C++ library (``quotegraph._quotegraph``, built by the project's
CMake with pybind11); this package turns its output into Python objects, pandas
DataFrames and networkx graphs.

    >>> import quotegraph as qg
    >>> doc = qg.analyze(open("seeds/000_1af91efddab21499.txt").read())
    >>> a = doc.attributions[0]
    >>> doc.text[a.start:a.end] == a.content      # offsets are code points
    True
    >>> qg.to_frame([doc]).groupby("speaker").size()

Offsets: ``start``/``end`` (and every ``*_start``/``*_end``) are code-point
offsets into ``Document.text``, so Python slicing works; the engine's UTF-8 byte
offsets are kept as ``start_byte``/``end_byte``.
"""

from __future__ import annotations

import json as _json
from dataclasses import dataclass, field
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple, Union

from . import _quotegraph as _engine

__all__ = [
    "Document", "Attribution", "Entity", "Mention", "QuotegraphError",
    "analyze", "analyze_many", "to_frame", "entities_frame", "graph", "graphml", "gexf", "echo", "diff",
    "graph_json", "merge_graphs", "Page", "extract_html",
]
__version__ = "0.1.0"


class QuotegraphError(ValueError):
    """The engine refused an input; the message is the CLI's (invalid UTF-8 names the byte)."""


@dataclass(frozen=True)
class Mention:
    """A span of the text: ``text == doc.text[start:end]`` (code points)."""
    text: str
    start: int
    end: int
    start_byte: int
    end_byte: int


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    kind: str                      # person, organization, group, place, artifact, unknown
    aliases: Tuple[str, ...]
    roles: Tuple[str, ...]
    mentions: Tuple[Mention, ...]


@dataclass(frozen=True)
class Attribution:
    """One statement: who said what (content), with which cue, to whom, about whom."""
    id: str
    kind: str                      # direct, indirect, mixed
    content: str
    start: int
    end: int
    start_byte: int
    end_byte: int
    speaker: Optional[Entity]
    speaker_mention: Optional[Mention]
    cue: Optional[Mention]
    cue_lemma: Optional[str]
    addressee: Optional[Entity]
    addressee_mention: Optional[Mention]
    about: Tuple[Tuple[Optional[Entity], Mention], ...]
    via: Optional[str]             # id of the attribution this one is relayed through
    confidence: float
    rule: str
    pieces: Tuple[Mention, ...]    # the parts of a quote a cue splits

    @property
    def speaker_name(self) -> Optional[str]:
        if self.speaker is not None:
            return self.speaker.name
        return self.speaker_mention.text if self.speaker_mention else None


class _Offsets:
    """UTF-8 byte offset -> code-point offset for one analysis: the engine's
    CodePointMap (the converter of --offsets chars), identity for ASCII."""

    def __init__(self, handle: Any, text: str) -> None:
        self._convert = None if text.isascii() else handle.code_point

    def __call__(self, b: int) -> int:
        return b if self._convert is None else self._convert(b)


@dataclass
class Document:
    """One analysed article."""
    text: str
    path: Optional[str]
    outlet: Optional[str]
    attributions: List[Attribution]
    entities: List[Entity]
    metadata: Dict[str, Any] = field(default_factory=dict)   # url, date, title ... from a record
    raw: Dict[str, Any] = field(default_factory=dict, repr=False)  # the engine's JSON
    _handle: Any = field(default=None, repr=False, compare=False)

    def __len__(self) -> int:
        return len(self.attributions)


def _mention(m: Optional[dict], cp: _Offsets) -> Optional[Mention]:
    if not m:
        return None
    return Mention(m["text"], cp(m["start"]), cp(m["end"]), m["start"], m["end"])


def _document(handle: Any, metadata: Optional[dict] = None) -> Document:
    raw = _json.loads(handle.json())
    text = handle.text
    cp = _Offsets(handle, text)
    entities = []
    by_id: Dict[str, Entity] = {}
    for e in raw["entities"]:
        ent = Entity(e["id"], e["name"], e["kind"], tuple(e.get("aliases", ())), tuple(e.get("roles", ())),
                     tuple(_mention(m, cp) for m in e.get("mentions", ())))
        entities.append(ent)
        by_id[ent.id] = ent
    attributions = []
    for a in raw["attributions"]:
        c = a["content"]
        cue = a.get("cue")
        attributions.append(Attribution(
            id=a["id"], kind=a["kind"], content=c["text"], start=cp(c["start"]), end=cp(c["end"]),
            start_byte=c["start"], end_byte=c["end"],
            speaker=by_id.get(a.get("speaker")), speaker_mention=_mention(a.get("speaker_mention"), cp),
            cue=_mention(cue, cp), cue_lemma=cue.get("lemma") if cue else None,
            addressee=by_id.get(a.get("addressee")), addressee_mention=_mention(a.get("addressee_mention"), cp),
            about=tuple((by_id.get(x.get("entity")), _mention(x, cp)) for x in a.get("about", ())),
            via=a.get("via"), confidence=float(a.get("confidence", 0.0)), rule=a.get("rule", ""),
            pieces=tuple(_mention(p, cp) for p in a.get("pieces", ()))))
    return Document(text=text, path=handle.path or None, outlet=handle.outlet or None,
                    attributions=attributions, entities=entities, metadata=dict(metadata or {}), raw=raw,
                    _handle=handle)


def analyze(text: str, path: Optional[str] = None, outlet: Optional[str] = None) -> Document:
    """Analyse one article (plain text).

    ``path`` names it in messages and graphs, ``outlet`` is the publisher (used by
    ``diff`` and the frames). Raises QuotegraphError with the engine's message, e.g.
    for invalid UTF-8 in bytes input (the message names the byte offset).
    """
    data = text if isinstance(text, (bytes, bytearray)) else text.encode("utf-8", "surrogatepass")
    try:
        handle = _engine.analyze(bytes(data), path or "", outlet or "")
    except ValueError as e:
        raise QuotegraphError(str(e)) from None
    return _document(handle)


Record = Union[str, bytes, Dict[str, Any]]
_TEXT_FIELDS = ("text", "maintext", "body")
_OUTLET_FIELDS = ("outlet", "source", "source_domain", "media_name")


def _item(rec: Record, index: int) -> Tuple[bytes, str, str, dict]:
    if isinstance(rec, (str, bytes, bytearray)):
        data = rec if isinstance(rec, (bytes, bytearray)) else rec.encode("utf-8", "surrogatepass")
        return bytes(data), "<%d>" % index, "", {}
    text = next((rec[k] for k in _TEXT_FIELDS if isinstance(rec.get(k), str)), None)
    if text is None:
        raise QuotegraphError("record %d: no text field (%s)" % (index, ", ".join(_TEXT_FIELDS)))
    outlet = next((rec[k] for k in _OUTLET_FIELDS if isinstance(rec.get(k), str)), "")
    path = str(rec.get("id") or rec.get("path") or rec.get("url") or "<%d>" % index)
    meta = {k: rec[k] for k in ("id", "url", "date", "title", "byline", "site_name") if k in rec}
    return text.encode("utf-8", "surrogatepass"), path, outlet, meta


def analyze_many(records: Iterable[Record], threads: int = 1, chunk: int = 256,
                 errors: str = "raise") -> Iterable[Document]:
    """Analyse many articles, yielding Documents in input order.

    ``records``: strings, bytes, or dicts with a text field (text, maintext, body)
    and optional outlet (outlet, source, source_domain, media_name), id, url, date,
    title. Work goes to the engine in chunks of ``chunk`` on ``threads`` native
    threads with the GIL released. ``errors="raise"`` stops at the first bad
    input; ``"skip"`` leaves it out; ``"none"`` yields None in its place.
    """
    if errors not in ("raise", "skip", "none"):
        raise ValueError("errors must be 'raise', 'skip' or 'none'")
    batch: List[Tuple[bytes, str, str, dict]] = []

    def flush():
        results = _engine.analyze_many([(t, p, o) for t, p, o, _ in batch], threads)
        for (t, p, o, meta), r in zip(batch, results):
            if isinstance(r, str):
                if errors == "raise":
                    raise QuotegraphError("%s: %s" % (p, r))
                if errors == "none":
                    yield None
                continue
            yield _document(r, meta)

    for i, rec in enumerate(records):
        batch.append(_item(rec, i))
        if len(batch) >= chunk:
            yield from flush()
            batch = []
    if batch:
        yield from flush()


def _handles(docs: Iterable[Document]) -> list:
    out = []
    for d in docs:
        if d is None or d._handle is None:
            raise QuotegraphError("quotegraph: a document has no analysis (made by analyze/analyze_many?)")
        out.append(d._handle)
    return out


def to_frame(docs: Iterable[Document]):
    """A pandas DataFrame, one row per attribution (offsets in code points)."""
    import pandas as pd

    rows = []
    for n, d in enumerate(docs):
        for a in d.attributions:
            rows.append({
                "document": d.path if d.path else n,
                "outlet": d.outlet, "url": d.metadata.get("url"), "date": d.metadata.get("date"),
                "title": d.metadata.get("title"),
                "attribution": a.id, "speaker": a.speaker_name,
                "speaker_kind": a.speaker.kind if a.speaker else None,
                "speaker_entity": a.speaker.id if a.speaker else None,
                "cue": a.cue.text if a.cue else None, "cue_lemma": a.cue_lemma,
                "content": a.content, "kind": a.kind, "confidence": a.confidence,
                "addressee": a.addressee.name if a.addressee else (a.addressee_mention.text if a.addressee_mention else None),
                "about": "; ".join((e.name if e else m.text) for e, m in a.about),
                "via": a.via, "rule": a.rule,
                "start": a.start, "end": a.end, "start_byte": a.start_byte, "end_byte": a.end_byte,
            })
    columns = ["document", "outlet", "url", "date", "title", "attribution", "speaker", "speaker_kind",
               "speaker_entity", "cue", "cue_lemma", "content", "kind", "confidence", "addressee", "about", "via",
               "rule", "start", "end", "start_byte", "end_byte"]
    frame = pd.DataFrame(rows, columns=columns)
    for c in ("start", "end", "start_byte", "end_byte"):
        frame[c] = frame[c].astype("int64")
    frame["confidence"] = frame["confidence"].astype("float64")
    frame["kind"] = frame["kind"].astype("category")
    return frame


def entities_frame(docs: Iterable[Document]):
    """A pandas DataFrame, one row per entity, with its mention and statement counts."""
    import pandas as pd

    rows = []
    for n, d in enumerate(docs):
        spoken: Dict[str, int] = {}
        for a in d.attributions:
            if a.speaker:
                spoken[a.speaker.id] = spoken.get(a.speaker.id, 0) + 1
        for e in d.entities:
            rows.append({"document": d.path if d.path else n, "outlet": d.outlet, "entity": e.id, "name": e.name,
                         "kind": e.kind, "aliases": "; ".join(e.aliases), "roles": "; ".join(e.roles),
                         "mentions": len(e.mentions), "statements": spoken.get(e.id, 0)})
    columns = ["document", "outlet", "entity", "name", "kind", "aliases", "roles", "mentions", "statements"]
    frame = pd.DataFrame(rows, columns=columns)
    for c in ("mentions", "statements"):
        frame[c] = frame[c].astype("int64")
    return frame


def graph(docs: Sequence[Document], statements: bool = False):
    """The quote graph of `quotegraph graph` as a networkx.MultiDiGraph.

    Nodes are keyed as in the CLI's GraphML/JSON ("entity:lena dahl",
    "document:PATH") with kind, label, mentions and statements; edges carry
    relation, weight and the first evidence's cue and excerpt.
    """
    import networkx as nx

    data = _json.loads(_engine.graph_json(_handles(docs), statements))
    g = nx.MultiDiGraph()
    for n in data["nodes"]:
        attrs = {k: v for k, v in n.items() if k != "id" and not isinstance(v, (list, dict))}
        attrs["kind"] = _top_vote(n.get("kind_votes", {})) or n.get("kind")
        names = n.get("names") or []
        attrs.setdefault("label", names[0] if names else n["id"])
        g.add_node(n["id"], **attrs)
    for e in data["links"]:
        ev = e.get("evidence") or []
        g.add_edge(e["source"], e["target"], key=e["relation"], relation=e["relation"], weight=e.get("weight", 1),
                   cue=ev[0].get("cue") if ev else None, excerpt=ev[0].get("excerpt") if ev else None)
    return g


def graph_json(docs: Sequence[Document], statements: bool = False, unify: bool = True) -> str:
    """The graph's JSON node-link text, as `quotegraph graph --format json` writes it.

    A partial graph: parts made of disjoint sets of documents (on many machines,
    by many processes) reduce with ``merge_graphs`` in any order or tree shape.
    Entity identity (one node for "Donald J. Trump" and "Trump", for "U.S." and
    "America") needs the whole graph, so for a reduce make the parts with
    ``unify=False``: their merge is then exactly the graph of all the documents.
    """
    return _engine.graph_json(_handles(docs), statements, 2, unify)


def merge_graphs(parts: Iterable[Union[str, bytes]], unify: bool = True) -> str:
    """The merge of graph JSON texts, as `quotegraph merge` writes it.

    ``parts`` are ``graph_json`` (or `quotegraph graph --format json`, `quotegraph
    corpus --graph`) texts of disjoint sets of documents. With ``unify`` entities
    get one identity across the parts, as `quotegraph merge` does; a tree of merges
    passes ``unify=False`` below its root and True at the root, over parts made with
    ``graph_json(..., unify=False)``. Raises QuotegraphError naming the part
    (``<part N>``) that does not read.
    """
    items = []
    for i, p in enumerate(parts):
        items.append(("<part %d>" % (i + 1), p if isinstance(p, bytes) else p.encode("utf-8", "surrogatepass")))
    try:
        return _engine.merge_graphs(items, 2, unify)
    except ValueError as e:
        raise QuotegraphError(str(e)) from None


def _top_vote(votes: Dict[str, int]) -> Optional[str]:
    return max(sorted(votes), key=lambda k: votes[k]) if votes else None


def graphml(docs: Sequence[Document]) -> str:
    """The GraphML text `quotegraph graph --format graphml` writes."""
    return _engine.graphml(_handles(docs))


def gexf(docs: Sequence[Document]) -> str:
    """The GEXF text `quotegraph graph --format gexf` writes (Gephi): kind and statements on nodes, cue on edges."""
    return _engine.gexf(_handles(docs))


def echo(docs: Sequence[Document]) -> dict:
    """Echoed rhetoric within and across the documents (`quotegraph echo --format json`)."""
    return _json.loads(_engine.echo_json(_handles(docs)))


def diff(docs: Sequence[Document], outlets: Optional[Sequence[str]] = None) -> dict:
    """One story across outlets (`quotegraph diff --format json`): aligned statements and findings."""
    try:
        return _json.loads(_engine.diff_json(_handles(docs), list(outlets or [])))
    except ValueError as e:
        raise QuotegraphError(str(e)) from None


@dataclass(frozen=True)
class Page:
    """A web page as the analyzer reads it: the article body and its metadata."""
    text: str
    title: str
    byline: str
    date: str
    url: str
    site_name: str


def extract_html(html: Union[str, bytes]) -> Page:
    """The article body and metadata of a saved web page, as `quotegraph extract` prints them.

    ``text`` is what ``analyze`` reads from the page (menus, teasers and footers
    left out): the offsets of an HTML input's analysis index it. ``title``,
    ``byline``, ``date``, ``url`` and ``site_name`` come from the page's meta tags
    and JSON-LD ("" when absent). ``html`` as bytes keeps the page's own charset
    (a <meta charset> or BOM is honoured). A page past the parser's budget
    (nesting, nodes, size) raises QuotegraphError with the engine's message.

        >>> page = qg.extract_html(open("article.html", "rb").read())
        >>> doc = qg.analyze(page.text, outlet=page.site_name)
    """
    data = html.encode("utf-8") if isinstance(html, str) else bytes(html)
    error, text, title, byline, date, url, site_name = _engine.html_article(data)
    if error:
        raise QuotegraphError(error)
    return Page(text, title, byline, date, url, site_name)
