// The quote graph as a Boost.Graph adjacency_list, for Boost.Graph algorithms
// (stats uses it for betweenness centrality and connected components). Opt-in:
// graph.hpp does not include Boost, so only users who want Boost pay for it.
//
//   #include "quotegraph/graph_boost.hpp"
//   quotegraph::graph::QuoteGraph bg = quotegraph::graph::to_boost(g);
//   for (auto v : boost::make_iterator_range(boost::vertices(bg)))
//     std::cout << bg[v].label << " " << boost::out_degree(v, bg) << "\n";
//
// Thread safety: pure functions of their arguments.
#pragma once

#include <boost/graph/adjacency_list.hpp>

#include "quotegraph/graph.hpp"

namespace quotegraph::graph {

// The Boost.Graph view: Node and Edge as bundled properties. Vertex i of
// to_boost(g) is g.nodes[i]; edges keep Graph order. to_boost() and
// from_boost() convert losslessly.
using QuoteGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, Node, Edge>;
QuoteGraph to_boost(const Graph& g);             // O(V + E log V)
Graph from_boost(const QuoteGraph& bg);          // re-canonicalises; O((V + E) log)

}  // namespace quotegraph::graph
