// Stage: stats. Graph -> Stats: who is quoted, who is talked about, degrees,
// relay depth, components and betweenness (Boost.Graph), unattributed share.
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <boost/property_map/property_map.hpp>

#include <algorithm>
#include <cstdio>
#include <map>

#include <nlohmann/json.hpp>

#include "graph/model.hpp"
#include "quotegraph/graph_boost.hpp"

namespace quotegraph::graph {

namespace {

bool is_document(const Node& n) { return n.kind == NodeKind::kDocument || n.kind == NodeKind::kOutlet; }

// The who-to-whom graph: entities and statements, joined by every relation
// except mentions; documents are left out, or one article would connect all.
struct WhoToWhomEdge {
  const QuoteGraph* g = nullptr;
  template <typename E>
  bool operator()(const E& e) const {
    const QuoteGraph& q = *g;
    return q[e].relation != Relation::kMentions && !is_document(q[boost::source(e, q)]) &&
           !is_document(q[boost::target(e, q)]);
  }
};
struct WhoToWhomVertex {
  const QuoteGraph* g = nullptr;
  template <typename V>
  bool operator()(const V& v) const { return !is_document((*g)[v]); }
};

std::vector<NodeScore> top(const Graph& g, const std::vector<double>& score, size_t n) {
  std::vector<NodeScore> rows;
  for (size_t i = 0; i < g.nodes.size(); ++i)
    if (score[i] > 0) rows.push_back({g.nodes[i].key, g.nodes[i].label, score[i]});
  std::sort(rows.begin(), rows.end(), [](const NodeScore& a, const NodeScore& b) {
    return a.value != b.value ? a.value > b.value : a.key < b.key;
  });
  if (rows.size() > n) rows.resize(n);
  return rows;
}

std::string format_number(double v) {
  char buf[32];
  if (v == static_cast<double>(static_cast<uint64_t>(v))) std::snprintf(buf, sizeof buf, "%llu", static_cast<unsigned long long>(v));
  else std::snprintf(buf, sizeof buf, "%.3f", v);
  return buf;
}

}  // namespace

Stats compute_stats(const Graph& g, size_t top_n) {
  Stats s;
  const size_t n = g.nodes.size();
  std::vector<double> quoted(n, 0), talked_about(n, 0);
  std::vector<DegreeRow> degree(n);
  for (size_t i = 0; i < n; ++i) {
    const Node& v = g.nodes[i];
    degree[i].key = v.key;
    degree[i].label = v.label;
    if (is_document(v)) {
      ++s.documents;
      s.statements += v.statements;
      s.unattributed += v.unattributed;
      s.max_relay_depth = std::max(s.max_relay_depth, v.relay_depth);
    } else if (v.kind != NodeKind::kStatement) {
      ++s.entities;
    }
  }
  s.edges = g.edges.size();
  s.unattributed_share = s.statements ? static_cast<double>(s.unattributed) / static_cast<double>(s.statements) : 0;

  for (const Edge& e : g.edges) {
    long from = g.find(e.source), to = g.find(e.target);
    if (from < 0 || to < 0) continue;
    bool speaker = g.nodes[from].kind != NodeKind::kStatement && !is_document(g.nodes[from]);
    if (speaker && (e.relation == Relation::kSaid || e.relation == Relation::kVia)) quoted[from] += e.weight;
    if (e.relation == Relation::kAbout) talked_about[to] += e.weight;
    if (e.relation == Relation::kMentions) continue;
    degree[from].out_degree += 1;
    degree[from].out_weight += e.weight;
    degree[to].in_degree += 1;
    degree[to].in_weight += e.weight;
  }
  s.most_quoted = top(g, quoted, top_n);
  s.most_talked_about = top(g, talked_about, top_n);

  for (size_t i = 0; i < n; ++i) {
    const Node& v = g.nodes[i];
    if (!is_document(v) && v.kind != NodeKind::kStatement && degree[i].in_degree + degree[i].out_degree > 0)
      s.degrees.push_back(degree[i]);
  }
  std::sort(s.degrees.begin(), s.degrees.end(), [](const DegreeRow& a, const DegreeRow& b) {
    uint64_t wa = a.in_weight + a.out_weight, wb = b.in_weight + b.out_weight;
    return wa != wb ? wa > wb : a.key < b.key;
  });
  if (s.degrees.size() > top_n) s.degrees.resize(top_n);

  // Boost.Graph: betweenness on the directed who-to-whom view.
  QuoteGraph bg = to_boost(g);
  WhoToWhomEdge edge_filter{&bg};
  WhoToWhomVertex vertex_filter{&bg};
  boost::filtered_graph<QuoteGraph, WhoToWhomEdge, WhoToWhomVertex> view(bg, edge_filter, vertex_filter);
  std::vector<double> centrality(n, 0.0);
  if (n > 0) {
    boost::brandes_betweenness_centrality(
        view, boost::centrality_map(boost::make_iterator_property_map(centrality.begin(), boost::get(boost::vertex_index, bg))));
  }
  s.betweenness = top(g, centrality, top_n);

  // Connected components of the same view, undirected.
  boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS> undirected(n);
  for (auto e : boost::make_iterator_range(boost::edges(view)))
    boost::add_edge(boost::source(e, view), boost::target(e, view), undirected);
  std::vector<int> component(n, -1);
  if (n > 0) boost::connected_components(undirected, component.data());
  // Entities only mentioned (no who-to-whom edge) would each count as a
  // component of one; they say nothing about who talks to whom.
  std::map<int, uint64_t> sizes;
  for (size_t i = 0; i < n; ++i)
    if (!is_document(g.nodes[i]) && boost::degree(i, undirected) > 0) sizes[component[i]] += 1;
  s.components = sizes.size();
  for (const auto& [id, size] : sizes) s.component_sizes.push_back(size);
  std::sort(s.component_sizes.rbegin(), s.component_sizes.rend());
  if (s.component_sizes.size() > top_n) s.component_sizes.resize(top_n);
  return s;
}

std::string stats_to_text(const Stats& s) {
  std::string out;
  char buf[256];
  std::snprintf(buf, sizeof buf, "%llu document(s), %llu entities, %llu edges\n",
                static_cast<unsigned long long>(s.documents), static_cast<unsigned long long>(s.entities),
                static_cast<unsigned long long>(s.edges));
  out += buf;
  std::snprintf(buf, sizeof buf, "%llu statement(s), %llu without a speaker (%.1f%%)\n",
                static_cast<unsigned long long>(s.statements), static_cast<unsigned long long>(s.unattributed),
                100.0 * s.unattributed_share);
  out += buf;
  out += "longest relay chain: " + std::to_string(s.max_relay_depth) +
         (s.max_relay_depth > 1 ? " (relayed " + std::to_string(s.max_relay_depth - 1) + "x)\n" : "\n");
  out += "connected components: " + std::to_string(s.components);
  if (!s.component_sizes.empty()) {
    out += " (largest:";
    for (uint64_t size : s.component_sizes) out += " " + std::to_string(size);
    out += ")";
  }
  out += "\n";
  auto list = [&](const char* title, const std::vector<NodeScore>& rows) {
    out += std::string("\n") + title + "\n";
    if (rows.empty()) out += "  (none)\n";
    for (const NodeScore& r : rows) {
      std::snprintf(buf, sizeof buf, "  %8s  ", format_number(r.value).c_str());
      out += buf + r.label + "\n";
    }
  };
  list("most quoted (statements)", s.most_quoted);
  list("most talked about (statements)", s.most_talked_about);
  list("betweenness centrality (who-to-whom graph)", s.betweenness);
  out += "\ndegree (in/out edges, in/out statements)\n";
  if (s.degrees.empty()) out += "  (none)\n";
  for (const DegreeRow& d : s.degrees) {
    std::snprintf(buf, sizeof buf, "  %3llu/%-3llu %4llu/%-4llu  ", static_cast<unsigned long long>(d.in_degree),
                  static_cast<unsigned long long>(d.out_degree), static_cast<unsigned long long>(d.in_weight),
                  static_cast<unsigned long long>(d.out_weight));
    out += buf + d.label + "\n";
  }
  return out;
}

std::string stats_to_json(const Stats& s, int indent) {
  using Json = nlohmann::ordered_json;
  auto scores = [](const std::vector<NodeScore>& rows) {
    Json a = Json::array();
    for (const NodeScore& r : rows) a.push_back({{"id", r.key}, {"label", r.label}, {"value", r.value}});
    return a;
  };
  Json j;
  j["documents"] = s.documents;
  j["entities"] = s.entities;
  j["edges"] = s.edges;
  j["statements"] = s.statements;
  j["unattributed"] = s.unattributed;
  j["unattributed_share"] = s.unattributed_share;
  j["max_relay_depth"] = s.max_relay_depth;
  j["components"] = s.components;
  j["component_sizes"] = s.component_sizes;
  j["most_quoted"] = scores(s.most_quoted);
  j["most_talked_about"] = scores(s.most_talked_about);
  j["betweenness"] = scores(s.betweenness);
  Json deg = Json::array();
  for (const DegreeRow& d : s.degrees)
    deg.push_back({{"id", d.key}, {"label", d.label}, {"in_degree", d.in_degree}, {"out_degree", d.out_degree},
                   {"in_weight", d.in_weight}, {"out_weight", d.out_weight}});
  j["degrees"] = deg;
  return j.dump(indent, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace quotegraph::graph
