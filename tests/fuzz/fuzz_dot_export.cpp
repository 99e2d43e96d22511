// Fuzz target for DOT export (graph::to_dot through cgraph) and the graph JSON
// reader it is usually fed from (graph::from_json).
//
// Input: when it starts with '{' it is read as graph JSON (from_json; most
// inputs are rejected, the seeds in corpus/dot_export/ are valid graphs);
// otherwise it is analysed as an article (lenient, chrome kept) and built into
// a Graph. The low bits of the input length pick BuildOptions and DotOptions,
// so every option is reached without spending input bytes on them.
//
// Checked: from_json(to_json(g)) == g; to_dot succeeds, is deterministic, and
// parses back with cgraph's agmemread; the parsed graph has exactly the nodes
// to_dot draws (by key, ids in escString form, each with its `kind`) plus the
// legend (named so that no key collides with it), and exactly the
// drawn edges (tail, head, relation, weight); `cue` and `excerpt` attributes
// give back the first evidence's text after unescaping, so any text survives
// the trip through DOT.
//
// Under ASan an execution cost about 4 ms, three quarters of it in the two
// properties that repeat work: the JSON round trip (to_json then from_json,
// an nlohmann dump and parse) and the second to_dot for determinism. Each runs
// on one input in four (bits 6-7 of the length, so every input under 64 bytes
// gets both); JSON given as input is always read, and the DOT of every input
// is parsed back and compared. fuzz_analyze samples its JSON half the same way.
#include <graphviz/cgraph.h>

#include <cstddef>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "fuzz_check.hpp"
#include "graph/dot_writer.hpp"
#include "quotegraph/analyzer.hpp"
#include "quotegraph/graph.hpp"

namespace {

using namespace quotegraph;
using namespace quotegraph::graph;

std::string attr(void* obj, const char* name) {
  char* v = agget(obj, const_cast<char*>(name));
  return v ? std::string(v) : std::string();
}

void check_dot(const Graph& g, const DotOptions& opt, bool twice) {
  auto dot = to_dot(g, opt);
  QG_FUZZ_CHECK(dot.ok(), dot.status().message());
  if (twice) {
    auto again = to_dot(g, opt);
    QG_FUZZ_CHECK(again.ok() && again.value() == dot.value(), "to_dot is not deterministic");
  }

  // What to_dot promises to draw (graph.hpp, DotOptions).
  std::map<std::string, NodeKind> nodes;
  using EdgeKey = std::tuple<std::string, std::string, std::string, std::string>;
  std::multiset<EdgeKey> edges;
  std::map<EdgeKey, const Edge*> edge_of;
  for (const Node& n : g.nodes)
    if (opt.isolated_nodes || n.kind == NodeKind::kDocument || n.kind == NodeKind::kOutlet) nodes[n.key] = n.kind;
  for (const Edge& e : g.edges) {
    if (e.relation == Relation::kMentions && !opt.mention_edges) continue;
    nodes[e.source] = g.nodes[g.find(e.source)].kind;
    nodes[e.target] = g.nodes[g.find(e.target)].kind;
    EdgeKey k{e.source, e.target, to_string(e.relation), std::to_string(e.weight)};
    edges.insert(k);
    edge_of[k] = &e;
  }

  Agraph_t* p = agmemread(dot.value().c_str());
  QG_FUZZ_CHECK(p != nullptr, "DOT does not parse back with agmemread:\n" + dot.value());
  std::map<std::string, std::string> parsed_nodes;
  std::multiset<EdgeKey> parsed_edges;
  bool legend = false;
  std::string bad;
  std::string legend_name = "legend:table";  // as graph.hpp promises
  while (g.find(legend_name) >= 0) legend_name += '~';
  for (Agnode_t* n = agfstnode(p); n; n = agnxtnode(p, n)) {
    std::string raw = agnameof(n);
    if (raw == legend_name) {
      legend = true;
      continue;
    }
    std::string name = detail::unescstring(raw);  // ids are keys in escString form
    QG_FUZZ_CHECK(raw == detail::escstring(name), "node id is not in escString form: " + raw);
    parsed_nodes[name] = attr(n, "kind");
    for (Agedge_t* e = agfstout(p, n); e; e = agnxtout(p, e)) {
      EdgeKey k{name, detail::unescstring(agnameof(aghead(e))), attr(e, "relation"), attr(e, "weight")};
      parsed_edges.insert(k);
      auto it = edge_of.find(k);
      if (it == edge_of.end() || it->second->evidence.empty() || it->second->relation == Relation::kMentions) continue;
      const Evidence& ev = it->second->evidence.front();
      if (detail::unescstring(attr(e, "cue")) != ev.cue) bad = "cue attribute differs from the evidence: " + ev.cue;
      if (detail::unescstring(attr(e, "excerpt")) != ev.excerpt) bad = "excerpt attribute differs: " + ev.excerpt;
    }
  }
  agclose(p);
  QG_FUZZ_CHECK(bad.empty(), bad);
  QG_FUZZ_CHECK(legend == (opt.legend && !g.nodes.empty()), "legend node present iff asked for");
  QG_FUZZ_CHECK(parsed_nodes.size() == nodes.size(),
                "DOT has " + std::to_string(parsed_nodes.size()) + " nodes, expected " + std::to_string(nodes.size()));
  for (const auto& [key, kind] : nodes) {
    auto it = parsed_nodes.find(key);
    QG_FUZZ_CHECK(it != parsed_nodes.end(), "node missing from DOT: " + key);
    QG_FUZZ_CHECK(it->second == to_string(kind), "node kind differs: " + key);
  }
  QG_FUZZ_CHECK(parsed_edges == edges, "DOT edges differ from the drawn graph edges");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const Analyzer analyzer(Options{.lenient_utf8 = true, .keep_chrome = true});
  std::string input(reinterpret_cast<const char*>(data), size);
  const unsigned bits = static_cast<unsigned>(size);

  Graph g;
  if (!input.empty() && input[0] == '{') {
    auto r = from_json(input, "fuzz.json");
    if (!r.ok()) {
      QG_FUZZ_CHECK(r.status().code() == ErrorCode::kFormatError, r.status().message());
      QG_FUZZ_CHECK(r.status().message().rfind("fuzz.json: ", 0) == 0, "error must name the file");
      return 0;
    }
    g = std::move(r).value();
  } else {
    auto a = analyzer.analyze(std::move(input), "fuzz.txt");
    if (!a.ok()) return 0;  // NUL bytes or UTF-16: fuzz_analyze checks those errors
    g = build(a.value(), BuildOptions{.statements = (bits & 1) != 0, .scope_groups = true, .mentions = (bits & 2) != 0});
  }
  const bool sampled = ((size >> 6) & 3) == 0;
  if (sampled) {
    auto back = from_json(to_json(g), "round-trip.json");
    QG_FUZZ_CHECK(back.ok(), back.status().message());
    QG_FUZZ_CHECK(back.value() == g, "from_json(to_json(g)) != g");
  }

  DotOptions opt;
  // Every node and edge: this target checks what is drawn against the graph,
  // and names_only (the default) leaves out nodes that name no one.
  opt.names_only = false;
  opt.legend = (bits & 4) == 0;
  opt.clusters = (bits & 8) == 0;
  opt.mention_edges = (bits & 16) != 0;
  opt.isolated_nodes = (bits & 32) != 0;
  check_dot(g, opt, sampled);
  return 0;
}
