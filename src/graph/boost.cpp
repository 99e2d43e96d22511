// The Boost.Graph view of the canonical model (graph_boost.hpp): the only
// library file besides stats.cpp that needs Boost.Graph.
#include "quotegraph/graph_boost.hpp"

#include "graph/model.hpp"

namespace quotegraph::graph {

QuoteGraph to_boost(const Graph& g) {
  QuoteGraph bg(g.nodes.size());
  for (size_t i = 0; i < g.nodes.size(); ++i) bg[i] = g.nodes[i];
  for (const Edge& e : g.edges) {
    long s = g.find(e.source), t = g.find(e.target);
    if (s >= 0 && t >= 0) boost::add_edge(static_cast<size_t>(s), static_cast<size_t>(t), e, bg);
  }
  return bg;
}

Graph from_boost(const QuoteGraph& bg) {
  Graph g;
  for (auto v : boost::make_iterator_range(boost::vertices(bg))) g.nodes.push_back(bg[v]);
  for (auto e : boost::make_iterator_range(boost::edges(bg))) {
    Edge copy = bg[e];
    copy.source = bg[boost::source(e, bg)].key;  // the topology wins over stale keys
    copy.target = bg[boost::target(e, bg)].key;
    g.edges.push_back(std::move(copy));
  }
  return detail::canonicalize(std::move(g));
}

}  // namespace quotegraph::graph
