// Stage: tables. Graph -> the per-node and per-edge attributes of GEXF and CSV.
#include "graph/tables.hpp"

#include <map>

namespace quotegraph::graph::detail {

std::vector<NodeRow> node_rows(const Graph& g) {
  std::map<std::string_view, uint64_t> spoken;
  for (const Edge& e : g.edges)
    if (e.relation == Relation::kSaid) spoken[e.source] += e.weight;
  std::vector<NodeRow> rows;
  rows.reserve(g.nodes.size());
  for (const Node& n : g.nodes) {
    NodeRow r;
    r.node = &n;
    r.label = n.label.empty() ? std::string_view(n.key) : std::string_view(n.label);
    const bool doc = n.kind == NodeKind::kDocument || n.kind == NodeKind::kOutlet;
    auto it = spoken.find(n.key);
    r.statements = doc ? n.statements : it == spoken.end() ? 0 : it->second;
    for (const std::string& role : n.roles) r.roles += (r.roles.empty() ? "" : "; ") + role;
    rows.push_back(std::move(r));
  }
  return rows;
}

std::vector<EdgeRow> edge_rows(const Graph& g) {
  std::vector<EdgeRow> rows;
  rows.reserve(g.edges.size());
  for (const Edge& e : g.edges) {
    EdgeRow r;
    r.edge = &e;
    if (!e.evidence.empty()) {
      r.cue = e.evidence.front().cue;
      r.excerpt = e.evidence.front().excerpt;
    }
    rows.push_back(r);
  }
  return rows;
}

}  // namespace quotegraph::graph::detail
