"""pytest suite of the Python module (python/quotegraph), run by ctest (python_module).

The CLI is the reference: the module must give what `quotegraph analyze/graph`
give, with code-point offsets that slice Python strings.
"""
import io
import json
import os
import subprocess
import tempfile

import networkx as nx
import pandas as pd
import pytest

import quotegraph as qg

CLI = os.environ.get("QG_CLI", "quotegraph")
ROOT = os.environ.get("QG_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
SEED = os.path.join(ROOT, "seeds", "000_1af91efddab21499.txt")
PIER = os.path.join(ROOT, "tests", "cases", "diff", "pier")
SHARED = os.environ.get("QG_SHARED_DIR", os.path.join(ROOT, "..", "shared"))


def cli(*args):
    out = subprocess.run([CLI, *args], capture_output=True, check=True)
    return out.stdout.decode("utf-8")


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def test_seed_matches_the_cli():
    doc = qg.analyze(read(SEED), path=SEED)
    assert len(doc.attributions) == 10
    ref = json.loads(cli("analyze", "--format", "json", SEED))
    got = [(a.id, a.kind, a.start_byte, a.end_byte, a.speaker.name if a.speaker else None, a.cue_lemma)
           for a in doc.attributions]
    ents = {e["id"]: e["name"] for e in ref["entities"]}
    want = [(a["id"], a["kind"], a["content"]["start"], a["content"]["end"], ents.get(a["speaker"]),
             a["cue"]["lemma"] if a["cue"] else None) for a in ref["attributions"]]
    assert got == want


def test_code_point_offsets_slice_python_strings():
    text = ("Zürich — Die Bürgermeisterin Corine Mauch sagte nichts. "
            "“We will rebuild the Limmat bridge before winter,” Mayor Corine Mauch told reporters in Zürich. "
            "Mauch said the café owners on the quay had been “patient beyond words.”")
    doc = qg.analyze(text)
    assert doc.attributions, "the invented article has statements"
    for a in doc.attributions:
        assert text[a.start:a.end] == a.content
        assert text.encode("utf-8")[a.start_byte:a.end_byte].decode("utf-8") == a.content
        if a.speaker_mention:
            m = a.speaker_mention
            assert text[m.start:m.end] == m.text
    # Multibyte text before the statements: bytes and code points differ.
    assert any(a.start != a.start_byte for a in doc.attributions)


def test_cli_offsets_chars_are_the_modules_offsets():
    text = ("Zürich — “We will not bow to pressure from anyone,” Mayor Corine Mauch said. "
            "Jürg Känzig told reporters the vote was “a mistake.”")
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "z.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        ref = json.loads(cli("analyze", "--format", "json", "--offsets", "chars", path))
        rows = pd.read_csv(io.StringIO(cli("analyze", "--format", "csv", "--offsets", "chars", path)))
    doc = qg.analyze(text, path=path)
    got = [(a.start, a.end, a.content) for a in doc.attributions]
    want = [(a["content"]["start"], a["content"]["end"], a["content"]["text"]) for a in ref["attributions"]]
    assert got == want and got
    assert [(s, e) for s, e, _ in got] == list(zip(rows["content_start"], rows["content_end"]))
    assert all(text[s:e] == c for s, e, c in got)


def test_graph_csv_tables_load_into_the_same_networkx_graph():
    doc = qg.analyze(read(SEED), path=SEED)
    with tempfile.TemporaryDirectory() as d:
        cli("graph", SEED, "--format", "csv", "-o", d)
        nodes = pd.read_csv(os.path.join(d, "nodes.csv"), keep_default_na=False)
        edges = pd.read_csv(os.path.join(d, "edges.csv"), keep_default_na=False)
    g = nx.from_pandas_edgelist(edges, "source", "target", edge_attr=True, edge_key="relation",
                                create_using=nx.MultiDiGraph)
    ref = qg.graph([doc])
    assert set(nodes["id"]) == set(ref.nodes)
    assert {(u, v, k) for u, v, k in g.edges(keys=True)} == {(u, v, k) for u, v, k in ref.edges(keys=True)}
    kinds = dict(zip(nodes["id"], nodes["kind"]))
    assert all(kinds[n] == ref.nodes[n]["kind"] for n in ref.nodes)


PAGE = ("<!doctype html><html><head><title>Harbour to be rebuilt | The Ledger</title>"
        "<meta property=\"og:site_name\" content=\"The Ledger\">"
        "<link rel=canonical href=\"https://ledger.example/harbour\"></head><body>"
        "<nav><a href=/>Home</a> <a href=/s>Subscribe</a> <a href=/i>Sign In</a></nav>"
        "<article><h1>Harbour to be rebuilt</h1><p>&ldquo;We will rebuild the harbour, whatever it "
        "costs,&rdquo; Mayor Ana Ruiz said on Monday, after the storm.</p><p>The council, which met late "
        "into the night, agreed with her. &ldquo;There is no other way,&rdquo; said councillor Tom "
        "Reyes.</p></article><footer>Contact us</footer></body></html>")


def test_extract_html_is_the_clis_extract_and_what_analyze_reads():
    page = qg.extract_html(PAGE)
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "harbour.html")
        with open(path, "w", encoding="utf-8") as f:
            f.write(PAGE)
        record = json.loads(cli("extract", "--format", "jsonl", path))
        ref = json.loads(cli("analyze", "--format", "json", path))
    assert page.text == record["text"]
    assert page.site_name == "The Ledger" and page.url == "https://ledger.example/harbour"
    assert "Subscribe" not in page.text and "Contact us" not in page.text
    doc = qg.analyze(page.text)
    assert [a.content for a in doc.attributions] == [a["content"]["text"] for a in ref["attributions"]]
    assert qg.extract_html(PAGE.encode("utf-8")) == page


def test_analyze_many_threads_keep_order_and_results():
    texts = [read(os.path.join(PIER, f)) for f in sorted(os.listdir(PIER)) if f.endswith(".txt")] + [read(SEED)]
    texts = texts * 3
    one = [[(a.id, a.start, a.end, a.speaker_name) for a in d.attributions] for d in qg.analyze_many(texts, threads=1)]
    two = [[(a.id, a.start, a.end, a.speaker_name) for a in d.attributions]
           for d in qg.analyze_many(texts, threads=2, chunk=2)]
    assert one == two
    assert len(one) == len(texts)
    single = [[(a.id, a.start, a.end, a.speaker_name) for a in qg.analyze(t).attributions] for t in texts]
    assert one == single


def test_records_carry_outlet_and_metadata_into_the_frame():
    recs = [{"id": "pier-1", "source": "Harbor Times", "url": "https://example.org/a", "date": "2026-11-02",
             "title": "Pier collapse", "text": read(os.path.join(PIER, "harbor_times.txt"))},
            {"id": "pier-2", "outlet": "Valley Post", "text": read(os.path.join(PIER, "valley_post.txt"))}]
    docs = list(qg.analyze_many(recs))
    assert [d.outlet for d in docs] == ["Harbor Times", "Valley Post"]
    assert docs[0].path == "pier-1"
    f = qg.to_frame(docs)
    assert list(f.columns[:7]) == ["document", "outlet", "url", "date", "title", "attribution", "speaker"]
    assert len(f) == sum(len(d.attributions) for d in docs)
    assert f["start"].dtype == "int64" and f["end_byte"].dtype == "int64"
    assert f["confidence"].dtype == "float64"
    assert isinstance(f["kind"].dtype, pd.CategoricalDtype)
    assert set(f.loc[f["document"] == "pier-1", "url"]) == {"https://example.org/a"}
    assert f.groupby("outlet").size().to_dict() == {"Harbor Times": len(docs[0]), "Valley Post": len(docs[1])}
    e = qg.entities_frame(docs)
    assert {"name", "kind", "mentions", "statements"} <= set(e.columns)
    assert e["statements"].sum() == f["speaker_entity"].notna().sum()


def test_bad_input_raises_with_the_engines_message():
    with pytest.raises(qg.QuotegraphError) as err:
        qg.analyze(b"abc \xff\xfe def")
    assert "UTF-8" in str(err.value) and "4" in str(err.value)
    with pytest.raises(qg.QuotegraphError):
        list(qg.analyze_many([{"title": "no text"}]))
    assert list(qg.analyze_many([b"\xff", "Mayor Lena Dahl said the pier was safe."], errors="skip"))[0].attributions
    assert list(qg.analyze_many([b"\xff"], errors="none")) == [None]


def test_networkx_graph_equals_the_cli_graphml():
    doc = qg.analyze(read(SEED), path=SEED)
    g = qg.graph([doc])
    assert isinstance(g, nx.MultiDiGraph)
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "seed.graphml")
        cli("graph", SEED, "--format", "graphml", "-o", path)
        ref = nx.read_graphml(path)
        cli_text = read(path)
    assert set(g.nodes) == set(ref.nodes)
    got = {(u, v, k) for u, v, k in g.edges(keys=True)}
    want = {(u, v, data.get("relation")) for u, v, data in ref.edges(data=True)}
    assert got == want
    # The module's GraphML is the CLI's, byte for byte.
    assert qg.graphml([doc]) == cli_text
    kinds = nx.get_node_attributes(g, "kind")
    tokayev = [n for n in g.nodes if n.startswith("entity:") and "tokayev" in n]
    assert len(tokayev) == 1 and kinds[tokayev[0]] == "person"
    assert any(k == "said" for _, _, k in g.out_edges(tokayev[0], keys=True))


def test_gexf_opens_in_a_gexf_reader():
    doc = qg.analyze(read(SEED), path=SEED)
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "seed.gexf")
        cli("graph", SEED, "--format", "gexf", "-o", path)
        text = read(path)
        g = nx.read_gexf(path)
    assert qg.gexf([doc]) == text
    ref = qg.graph([doc])
    assert set(g.nodes) == set(ref.nodes)
    tokayev = [n for n in g.nodes if "tokayev" in n][0]
    assert g.nodes[tokayev]["kind"] == "person"
    said = sum(w for _, _, k, w in ref.out_edges(tokayev, keys=True, data="weight") if k == "said")
    assert g.nodes[tokayev]["statements"] == said >= 1
    cues = [data["cue"] for _, _, data in g.edges(data=True) if data.get("relation") == "said"]
    assert cues and all(cues)
    assert g.number_of_edges() == ref.number_of_edges()


def test_diff_and_echo():
    docs = [qg.analyze(read(os.path.join(PIER, f)), path=f) for f in sorted(os.listdir(PIER)) if f.endswith(".txt")]
    d = qg.diff(docs)
    assert {f["type"] for f in d["findings"]} >= {"misattribution", "quote_altered"}
    assert d["findings"][0]["score"] >= d["findings"][-1]["score"]
    e = qg.echo(docs)
    assert isinstance(e, dict)
    with pytest.raises(qg.QuotegraphError):
        qg.diff(docs[:1])


def test_help_is_useful():
    assert "code-point" in qg.analyze.__doc__ or "code point" in qg.__doc__
    assert qg.analyze_many.__doc__ and "GIL" in qg.analyze_many.__doc__


def test_merged_halves_equal_the_graph_of_the_whole():
    texts = [(f, read(os.path.join(PIER, f))) for f in sorted(os.listdir(PIER)) if f.endswith(".txt")]
    texts.append(("seed.txt", read(SEED)))
    docs = list(qg.analyze_many([{"path": p, "text": t} for p, t in texts]))
    half = len(docs) // 2
    parts = [qg.graph_json(docs[:half]), qg.graph_json(docs[half:])]
    whole = json.loads(qg.graph_json(docs))
    assert json.loads(qg.merge_graphs(parts)) == whole
    assert json.loads(qg.merge_graphs(parts[::-1])) == whole   # commutative
    assert json.loads(qg.merge_graphs([qg.merge_graphs(parts[:1]), parts[1]])) == whole
    assert json.loads(parts[0]) != whole                      # a half is not the whole
    # Both are the CLI's: `quotegraph graph --format json` text, `quotegraph merge` of it.
    with tempfile.TemporaryDirectory() as d:
        names = []
        for i, part in enumerate(parts):
            names.append(os.path.join(d, "part%d.json" % i))
            with open(names[-1], "w", encoding="utf-8") as f:
                f.write(part)
        assert qg.merge_graphs(parts) == cli("merge", *names)
    assert qg.graph_json([docs[-1]]) == cli("graph", "--format", "json", SEED).replace(SEED, "seed.txt")
    with pytest.raises(qg.QuotegraphError) as err:
        qg.merge_graphs([parts[0], "{not a graph"])
    assert "<part 2>" in str(err.value)


def test_a_tree_of_merges_of_raw_parts_is_the_whole_graph():
    # Entity identity needs the whole graph: parts made with unify=False, merged
    # without unifying below the root, give exactly the graph of all documents.
    polnear = os.path.join(SHARED, "data", "polnear", "data", "dev", "text")
    if not os.path.isdir(polnear):
        pytest.skip("PolNeAR is not in %s" % SHARED)
    names = sorted(f for f in os.listdir(polnear) if f.endswith(".txt"))[::6]
    docs = list(qg.analyze_many([{"path": f, "source": f.split("_")[0], "text": read(os.path.join(polnear, f))}
                                 for f in names], threads=2))
    whole = json.loads(qg.graph_json(docs))
    thirds = [qg.graph_json(docs[i::3], unify=False) for i in range(3)]
    inner = qg.merge_graphs(thirds[:2], unify=False)
    assert json.loads(qg.merge_graphs([thirds[2], inner])) == whole
    raw = json.loads(qg.merge_graphs(thirds, unify=False))
    assert raw == json.loads(qg.graph_json(docs, unify=False)) and raw != whole
