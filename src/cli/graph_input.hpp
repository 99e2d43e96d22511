// Shared by `graph` and `stats`: turn the command line's files into one Graph.
#pragma once

#include <string>
#include <vector>

#include "quotegraph/analyzer.hpp"
#include "quotegraph/graph.hpp"

namespace quotegraph::cli {

// Analyses every article file and merges their graphs; a file ending in
// ".json" is read as a graph written by `quotegraph graph --format json`
// (a partial graph), so partial graphs and articles mix freely. Each failing
// file is reported on stderr by name and sets *rc to kExitInput; the rest
// still count.
graph::Graph load_graph(const std::vector<std::string>& files, const Options& analyzer_options,
                        const graph::BuildOptions& options, int* rc);

}  // namespace quotegraph::cli
