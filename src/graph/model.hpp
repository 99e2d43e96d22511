// Internal helpers shared by the graph stages: canonical form, derived fields,
// sorted-set union, UTF-8-safe cutting. Not public API.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "quotegraph/graph.hpp"

namespace quotegraph::graph::detail {

// Sorted, distinct union of two sorted, distinct vectors.
template <typename T>
std::vector<T> unite(const std::vector<T>& a, const std::vector<T>& b);

// Sorts and de-duplicates in place.
template <typename T>
void make_set(std::vector<T>& v);

// Recomputes kind (from kind_votes) and label (from names).
void finalize(Node& n);

// Folds `from` into `into` (same key): counts add, sets unite, relay depth maxes.
// Counts saturate at UINT64_MAX; returns the name of the first count that did
// ("mentions", "kind_votes", ...), else null.
const char* absorb(Node& into, const Node& from);
// Folds `from` into `into` (same source, target, relation); "weight" when the
// weight saturated, else null.
const char* absorb(Edge& into, const Edge& from);
// "link \"a\" -> \"b\" (said)", for messages.
std::string describe(const Edge& e);

// Sorts nodes and edges, folds duplicates, canonicalises set fields and
// recomputes derived fields. Edges whose ends are missing are dropped and
// counted in *dangling (may be null). A count that saturates while duplicates
// fold is described in *saturated (may be null; left as is when none did).
Graph canonicalize(Graph g, size_t* dangling = nullptr, std::string* saturated = nullptr);

// merge() over owned graphs, moving instead of copying (build() uses it).
// *saturated (may be null) is set when a count saturated.
Graph merge_owned(std::vector<Graph> parts, bool* saturated = nullptr);

// The first `max_bytes` bytes of `s`, cut back to a code-point boundary and
// ended with "…" when cut.
std::string cut_utf8(std::string_view s, size_t max_bytes);

// Number of code points.
size_t code_points(std::string_view s);

}  // namespace quotegraph::graph::detail
