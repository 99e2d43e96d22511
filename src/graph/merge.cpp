// Stage: merge. Graph + Graph -> Graph, a sorted merge-join on node keys and
// edge (source, target, relation); and the min-weight presentation filter.
#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <tuple>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>

#include "graph/model.hpp"

namespace quotegraph::graph {

namespace {

auto edge_order(const Edge& e) { return std::tie(e.source, e.target, e.relation); }

// The merge-join, written once for copies (const inputs) and moves (owned
// inputs in merge(span)'s reduction tree, where copying every level would
// cost as much as the joins).
template <typename G>
Graph merge_join(G&& a, G&& b, bool* saturated) {
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
      if (detail::absorb(out.nodes.back(), *nb++) && saturated) *saturated = true;
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
      if (detail::absorb(out.edges.back(), *eb++) && saturated) *saturated = true;
    }
  }
  return out;
}

// Which part first makes a count overflow, adding the parts in order: a
// running sum per count, so linear in the total size. Only run once the merge
// saw a count saturate.
Status find_overflow(std::span<const Graph> parts, std::span<const std::string> names) {
  constexpr size_t kCounts = kNodeKindCount + 3;
  std::unordered_map<std::string_view, std::array<uint64_t, kCounts>> node_sums;
  std::map<std::tuple<std::string_view, std::string_view, Relation>, uint64_t> edge_sums;
  for (size_t i = 0; i < parts.size(); ++i) {
    const std::string name = i < names.size() ? names[i] : "part " + std::to_string(i + 1);
    auto overflow = [&](const std::string& what, const char* field) {
      return Status(ErrorCode::kFormatError, name + ": " + what + ": \"" + field +
                                                 "\" overflows a 64-bit count when added to the parts before it");
    };
    for (const Node& n : parts[i].nodes) {
      auto& sum = node_sums[n.key];
      const std::array<uint64_t, 3> counts = {n.mentions, n.statements, n.unattributed};
      static constexpr const char* kFields[] = {"mentions", "statements", "unattributed"};
      for (size_t k = 0; k < kCounts; ++k) {
        const uint64_t add = k < kNodeKindCount ? n.kind_votes[k] : counts[k - kNodeKindCount];
        if (__builtin_add_overflow(sum[k], add, &sum[k]))
          return overflow("node \"" + n.key + "\"", k < kNodeKindCount ? "kind_votes" : kFields[k - kNodeKindCount]);
      }
    }
    for (const Edge& e : parts[i].edges) {
      uint64_t& sum = edge_sums[{e.source, e.target, e.relation}];
      if (__builtin_add_overflow(sum, e.weight, &sum)) return overflow(detail::describe(e), "weight");
    }
  }
  return Status(ErrorCode::kFormatError, "a count saturated in the merge");  // not reached: the sums agree
}

}  // namespace

Graph merge(const Graph& a, const Graph& b) { return merge_join<const Graph&>(a, b, nullptr); }

Graph merge(std::span<const Graph> parts) { return detail::merge_owned(std::vector<Graph>(parts.begin(), parts.end())); }

Result<Graph> merge_checked(std::span<const Graph> parts, std::span<const std::string> names) {
  bool saturated = false;
  Graph g = detail::merge_owned(std::vector<Graph>(parts.begin(), parts.end()), &saturated);
  if (saturated) return find_overflow(parts, names);
  return g;
}

namespace detail {

Graph merge_owned(std::vector<Graph> level, bool* saturated) {
  // Pairwise, as a balanced tree: O(total · log parts) instead of the
  // quadratic cost of folding into one ever-growing graph.
  if (level.empty()) return {};
  while (level.size() > 1) {
    std::vector<Graph> next;
    next.reserve((level.size() + 1) / 2);
    for (size_t i = 0; i + 1 < level.size(); i += 2)
      next.push_back(merge_join<Graph&&>(std::move(level[i]), std::move(level[i + 1]), saturated));
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
