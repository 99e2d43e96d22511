// Stage: merge. Graph + Graph -> Graph, a sorted merge-join on node keys and
// edge (source, target, relation); and the min-weight presentation filter.
#include <algorithm>
#include <tuple>
#include <unordered_set>

#include "graph/model.hpp"

namespace quotegraph::graph {

namespace {

auto edge_order(const Edge& e) { return std::tie(e.source, e.target, e.relation); }

}  // namespace

Graph merge(const Graph& a, const Graph& b) {
  Graph out;
  out.nodes.reserve(a.nodes.size() + b.nodes.size());
  auto na = a.nodes.begin(), nb = b.nodes.begin();
  while (na != a.nodes.end() || nb != b.nodes.end()) {
    if (nb == b.nodes.end() || (na != a.nodes.end() && na->key < nb->key)) {
      out.nodes.push_back(*na++);
    } else if (na == a.nodes.end() || nb->key < na->key) {
      out.nodes.push_back(*nb++);
    } else {
      out.nodes.push_back(*na++);
      detail::absorb(out.nodes.back(), *nb++);
    }
  }
  out.edges.reserve(a.edges.size() + b.edges.size());
  auto ea = a.edges.begin(), eb = b.edges.begin();
  while (ea != a.edges.end() || eb != b.edges.end()) {
    if (eb == b.edges.end() || (ea != a.edges.end() && edge_order(*ea) < edge_order(*eb))) {
      out.edges.push_back(*ea++);
    } else if (ea == a.edges.end() || edge_order(*eb) < edge_order(*ea)) {
      out.edges.push_back(*eb++);
    } else {
      out.edges.push_back(*ea++);
      detail::absorb(out.edges.back(), *eb++);
    }
  }
  return out;
}

Graph merge(std::span<const Graph> parts) {
  // Pairwise, as a balanced tree: O(total · log parts) instead of the
  // quadratic cost of folding into one ever-growing graph.
  if (parts.empty()) return {};
  std::vector<Graph> level(parts.begin(), parts.end());
  while (level.size() > 1) {
    std::vector<Graph> next;
    next.reserve((level.size() + 1) / 2);
    for (size_t i = 0; i + 1 < level.size(); i += 2) next.push_back(merge(level[i], level[i + 1]));
    if (level.size() % 2) next.push_back(std::move(level.back()));
    level = std::move(next);
  }
  return std::move(level.front());
}

Graph filter_min_weight(const Graph& g, uint64_t min_weight) {
  Graph out;
  std::unordered_set<std::string_view> touched;
  for (const Edge& e : g.edges) {
    if (e.weight < min_weight) continue;
    out.edges.push_back(e);
    touched.insert(e.source);
    touched.insert(e.target);
  }
  for (const Node& n : g.nodes) {
    bool document = n.kind == NodeKind::kDocument || n.kind == NodeKind::kOutlet;
    if (document || touched.count(n.key)) out.nodes.push_back(n);
  }
  return out;
}

}  // namespace quotegraph::graph
