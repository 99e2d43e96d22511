// Reads `graph`/`stats` inputs: articles are analysed, *.json files are read as
// partial graphs, and everything is merged.
#include "cli/graph_input.hpp"

#include <iostream>

#include "cli/commands.hpp"
#include "quotegraph/analyzer.hpp"
#include "quotegraph/io.hpp"

namespace quotegraph::cli {

graph::Graph load_graph(const std::vector<std::string>& files, const graph::BuildOptions& options, int* rc) {
  Analyzer analyzer;
  std::vector<graph::Graph> parts;
  for (const std::string& path : files) {
    auto bytes = read_file(path);
    if (!bytes.ok()) {
      std::cerr << "quotegraph: " << bytes.status().message() << "\n";
      *rc = kExitInput;
      continue;
    }
    if (path.size() > 5 && path.ends_with(".json")) {
      auto g = graph::from_json(bytes.value(), path);
      if (!g.ok()) {
        std::cerr << "quotegraph: " << g.status().message() << "\n";
        *rc = kExitInput;
        continue;
      }
      parts.push_back(std::move(g).value());
      continue;
    }
    auto a = analyzer.analyze(std::move(bytes).value(), path);
    if (!a.ok()) {
      std::cerr << "quotegraph: " << a.status().message() << "\n";
      *rc = kExitInput;
      continue;
    }
    parts.push_back(graph::build(a.value(), options));
  }
  return graph::merge(parts);
}

}  // namespace quotegraph::cli
