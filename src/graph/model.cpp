// The canonical graph model: enum names, lookups, derived fields and the
// canonical form every stage keeps.
#include "graph/model.hpp"

#include <algorithm>
#include <cstdint>
#include <tuple>

namespace quotegraph::graph {

namespace {

constexpr std::array<const char*, kNodeKindCount> kNodeKindNames = {
    "person", "organization", "group", "place", "artifact", "unknown", "document", "outlet", "statement"};
constexpr std::array<const char*, kRelationCount> kRelationNames = {
    "said", "addressed", "about", "via", "echoes", "mentions"};

auto edge_order(const Edge& e) { return std::tie(e.source, e.target, e.relation); }

}  // namespace

const char* to_string(NodeKind k) { return kNodeKindNames[static_cast<size_t>(k)]; }
const char* to_string(Relation r) { return kRelationNames[static_cast<size_t>(r)]; }

bool parse_node_kind(std::string_view name, NodeKind* out) {
  for (size_t i = 0; i < kNodeKindNames.size(); ++i)
    if (name == kNodeKindNames[i]) return *out = static_cast<NodeKind>(i), true;
  return false;
}

bool parse_relation(std::string_view name, Relation* out) {
  for (size_t i = 0; i < kRelationNames.size(); ++i)
    if (name == kRelationNames[i]) return *out = static_cast<Relation>(i), true;
  return false;
}

long Graph::find(std::string_view key) const {
  auto it = std::lower_bound(nodes.begin(), nodes.end(), key,
                             [](const Node& n, std::string_view k) { return n.key < k; });
  return it != nodes.end() && it->key == key ? it - nodes.begin() : -1;
}

namespace detail {

template <typename T>
std::vector<T> unite(const std::vector<T>& a, const std::vector<T>& b) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  std::vector<T> out;
  out.reserve(a.size() + b.size());
  std::set_union(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}
template std::vector<std::string> unite(const std::vector<std::string>&, const std::vector<std::string>&);
template std::vector<Evidence> unite(const std::vector<Evidence>&, const std::vector<Evidence>&);

template <typename T>
void make_set(std::vector<T>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}
template void make_set(std::vector<std::string>&);
template void make_set(std::vector<Evidence>&);

void finalize(Node& n) {
  // Kind: the most voted; kUnknown only when nothing else was voted for, so one
  // article that could not tell does not outvote one that could. Ties go to
  // the earlier kind, which keeps the choice a function of the votes alone.
  size_t best = static_cast<size_t>(NodeKind::kUnknown);
  uint64_t best_votes = 0;
  for (size_t i = 0; i < kNodeKindCount; ++i) {
    if (i == static_cast<size_t>(NodeKind::kUnknown)) continue;
    if (n.kind_votes[i] > best_votes) best = i, best_votes = n.kind_votes[i];
  }
  n.kind = static_cast<NodeKind>(best);
  // Label: the best-formed surface name under this key: one not written in
  // capitals ("Hillary Clinton", not "HILLARY CLINTON"), then the longest
  // ("Kazakh police’s" and "Kazakh police" share one), ties to the smallest, so
  // the choice depends on the set of names only, never on merge order.
  // Words written oddly: in capitals beyond an acronym's length ("HILLARY",
  // where "CSTO", "U.S." are written so), or with a capital after the first
  // letter ("HIllary"; "McCain", "DeSantis" have a lower-case letter first).
  auto odd_words = [](const std::string& s) {
    int odd = 0;
    for (size_t i = 0; i < s.size();) {
      size_t j = s.find(' ', i);
      if (j == std::string::npos) j = s.size();
      const std::string_view w(s.data() + i, j - i);
      size_t upper = 0, lower = 0;
      bool upper_after_first = false;
      for (size_t k = 0; k < w.size(); ++k) {
        const bool up = w[k] >= 'A' && w[k] <= 'Z';
        upper += up;
        lower += w[k] >= 'a' && w[k] <= 'z';
        if (k == 1 && up && lower == 0 && k + 1 < w.size() && w[k + 1] >= 'a' && w[k + 1] <= 'z') upper_after_first = true;
      }
      if ((lower == 0 && upper > 4) || upper_after_first) ++odd;
      i = j + 1;
    }
    return odd;
  };
  n.label.clear();
  int label_odd = 0;
  for (const std::string& name : n.names) {
    const int odd = odd_words(name);
    if (n.label.empty() || odd < label_odd || (odd == label_odd && name.size() > n.label.size()))
      n.label = name, label_odd = odd;
  }
  if (n.label.empty()) n.label = n.key;
}

namespace {

// Counts saturate instead of wrapping: a wrapped sum is a small, plausible and
// wrong number. Returns false when `into` saturated.
bool add_count(uint64_t& into, uint64_t from) {
  if (__builtin_add_overflow(into, from, &into)) {
    into = UINT64_MAX;
    return false;
  }
  return true;
}

}  // namespace

const char* absorb(Node& into, const Node& from) {
  const char* saturated = nullptr;
  into.names = unite(into.names, from.names);
  into.aliases = unite(into.aliases, from.aliases);
  into.roles = unite(into.roles, from.roles);
  into.documents = unite(into.documents, from.documents);
  for (size_t i = 0; i < kNodeKindCount; ++i)
    if (!add_count(into.kind_votes[i], from.kind_votes[i]) && !saturated) saturated = "kind_votes";
  if (!add_count(into.mentions, from.mentions) && !saturated) saturated = "mentions";
  if (!add_count(into.statements, from.statements) && !saturated) saturated = "statements";
  if (!add_count(into.unattributed, from.unattributed) && !saturated) saturated = "unattributed";
  into.relay_depth = std::max(into.relay_depth, from.relay_depth);
  finalize(into);
  return saturated;
}

const char* absorb(Edge& into, const Edge& from) {
  const bool fits = add_count(into.weight, from.weight);
  into.evidence = unite(into.evidence, from.evidence);
  if (into.evidence.size() > kMaxEvidence) into.evidence.resize(kMaxEvidence);
  return fits ? nullptr : "weight";
}

std::string describe(const Edge& e) {
  return std::string("link \"") + e.source + "\" -> \"" + e.target + "\" (" + to_string(e.relation) + ")";
}

Graph canonicalize(Graph g, size_t* dangling, std::string* saturated) {
  Graph out;
  std::stable_sort(g.nodes.begin(), g.nodes.end(), [](const Node& a, const Node& b) { return a.key < b.key; });
  for (Node& n : g.nodes) {
    make_set(n.names);
    make_set(n.aliases);
    make_set(n.roles);
    make_set(n.documents);
    if (!out.nodes.empty() && out.nodes.back().key == n.key) {
      const char* field = absorb(out.nodes.back(), n);
      if (field && saturated && saturated->empty()) *saturated = "node \"" + n.key + "\": \"" + field + "\"";
    } else {
      finalize(n);
      out.nodes.push_back(std::move(n));
    }
  }
  std::stable_sort(g.edges.begin(), g.edges.end(),
                   [](const Edge& a, const Edge& b) { return edge_order(a) < edge_order(b); });
  size_t dropped = 0;
  for (Edge& e : g.edges) {
    if (out.find(e.source) < 0 || out.find(e.target) < 0) {
      ++dropped;
      continue;
    }
    make_set(e.evidence);
    if (e.evidence.size() > kMaxEvidence) e.evidence.resize(kMaxEvidence);
    if (!out.edges.empty() && edge_order(out.edges.back()) == edge_order(e)) {
      const char* field = absorb(out.edges.back(), e);
      if (field && saturated && saturated->empty()) *saturated = describe(e) + ": \"" + field + "\"";
    } else {
      out.edges.push_back(std::move(e));
    }
  }
  if (dangling) *dangling = dropped;
  return out;
}

std::string cut_utf8(std::string_view s, size_t max_bytes) {
  if (s.size() <= max_bytes) return std::string(s);
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  std::string out(s.substr(0, cut));
  out += "…";
  return out;
}

size_t code_points(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace detail
}  // namespace quotegraph::graph
