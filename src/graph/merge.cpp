// Stage: merge. Graph + Graph -> Graph, a sorted merge-join on node keys and
// edge (source, target, relation); and the min-weight presentation filter.
#include <algorithm>
#include <tuple>
#include <type_traits>
#include <unordered_set>

#include "graph/model.hpp"

namespace quotegraph::graph {

namespace {

auto edge_order(const Edge& e) { return std::tie(e.source, e.target, e.relation); }

// The merge-join, written once for copies (const inputs) and moves (owned
// inputs in merge(span)'s reduction tree, where copying every level would
// cost as much as the joins).
template <typename G>
Graph merge_join(G&& a, G&& b) {
  constexpr bool kOwned = !std::is_const_v<std::remove_reference_t<G>>;
  auto take = [](auto& it) -> decltype(auto) {
    if constexpr (kOwned) return std::move(*it++);
    else return *it++;
  };
  Graph out;
  out.nodes.reserve(a.nodes.size() + b.nodes.size());
  auto na = a.nodes.begin(), nb = b.nodes.begin();
  while (na != a.nodes.end() || nb != b.nodes.end()) {
    if (nb == b.nodes.end() || (na != a.nodes.end() && na->key < nb->key)) {
      out.nodes.push_back(take(na));
    } else if (na == a.nodes.end() || nb->key < na->key) {
      out.nodes.push_back(take(nb));
    } else {
      out.nodes.push_back(take(na));
      detail::absorb(out.nodes.back(), *nb++);
    }
  }
  out.edges.reserve(a.edges.size() + b.edges.size());
  auto ea = a.edges.begin(), eb = b.edges.begin();
  while (ea != a.edges.end() || eb != b.edges.end()) {
    if (eb == b.edges.end() || (ea != a.edges.end() && edge_order(*ea) < edge_order(*eb))) {
      out.edges.push_back(take(ea));
    } else if (ea == a.edges.end() || edge_order(*eb) < edge_order(*ea)) {
      out.edges.push_back(take(eb));
    } else {
      out.edges.push_back(take(ea));
      detail::absorb(out.edges.back(), *eb++);
    }
  }
  return out;
}

}  // namespace

Graph merge(const Graph& a, const Graph& b) { return merge_join<const Graph&>(a, b); }

Graph merge(std::span<const Graph> parts) { return detail::merge_owned(std::vector<Graph>(parts.begin(), parts.end())); }

namespace detail {

Graph merge_owned(std::vector<Graph> level) {
  // Pairwise, as a balanced tree: O(total · log parts) instead of the
  // quadratic cost of folding into one ever-growing graph.
  if (level.empty()) return {};
  while (level.size() > 1) {
    std::vector<Graph> next;
    next.reserve((level.size() + 1) / 2);
    for (size_t i = 0; i + 1 < level.size(); i += 2)
      next.push_back(merge_join<Graph&&>(std::move(level[i]), std::move(level[i + 1])));
    if (level.size() % 2) next.push_back(std::move(level.back()));
    level = std::move(next);
  }
  return std::move(level.front());
}

}  // namespace detail

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
