// The public headers (issue 28): only graph_boost.hpp brings in Boost, and the
// Boost.Graph view it declares converts a Graph losslessly.
#include "quotegraph/analyzer.hpp"
#include "quotegraph/corpus.hpp"
#include "quotegraph/diff.hpp"
#include "quotegraph/document.hpp"
#include "quotegraph/echo.hpp"
#include "quotegraph/echo_eval.hpp"
#include "quotegraph/entity_eval.hpp"
#include "quotegraph/eval.hpp"
#include "quotegraph/extract_eval.hpp"
#include "quotegraph/graph.hpp"
#include "quotegraph/io.hpp"
#include "quotegraph/report.hpp"
#include "quotegraph/status.hpp"
#include "quotegraph/story_eval.hpp"

// Before any Boost header of our own: every Boost header includes boost/config.hpp.
#ifdef BOOST_CONFIG_HPP
#error "a public header other than graph_boost.hpp includes Boost"
#endif

#include "quotegraph/graph_boost.hpp"

#include <catch2/catch.hpp>

using namespace quotegraph;

TEST_CASE("to_boost and from_boost round-trip a graph", "[graph][api]") {
  static const Analyzer analyzer;
  auto a = analyzer.analyze(
      "Officials in Kyiv said on Monday that the talks would go on. \"We will not give up,\" the mayor told "
      "reporters, describing the offer as \"a trap\".\n",
      "a.txt");
  REQUIRE(a.ok());
  graph::Graph g = graph::build(a.value());
  REQUIRE(!g.edges.empty());
  graph::QuoteGraph bg = graph::to_boost(g);
  CHECK(boost::num_vertices(bg) == g.nodes.size());
  CHECK(boost::num_edges(bg) == g.edges.size());
  for (size_t i = 0; i < g.nodes.size(); ++i) CHECK(bg[i].key == g.nodes[i].key);
  CHECK(graph::from_boost(bg) == g);
}
