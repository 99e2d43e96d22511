// Reads `graph`/`stats` inputs: articles are analysed, *.json files are read as
// partial graphs, and everything is merged.
#include "cli/graph_input.hpp"

#include <algorithm>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/input.hpp"
#include "quotegraph/analyzer.hpp"
#include "quotegraph/io.hpp"

namespace quotegraph::cli {

bool load_aliases(const std::string& path, graph::Aliases& out) {
  if (path.empty()) return true;
  auto bytes = read_file(path);
  auto a = bytes.ok() ? graph::parse_aliases(bytes.value(), path) : Result<graph::Aliases>(bytes.status());
  if (!a.ok()) {
    std::cerr << "quotegraph: " << a.status().message() << "\n";
    return false;
  }
  out = std::move(a).value();
  return true;
}

void add_aliases_option(CLI::App* sub, std::string& path) {
  sub->add_option("--aliases", path,
                  "TSV of identity corrections, one 'variant<TAB>canonical' a line ('-' as canonical drops the "
                  "entity); see docs/graph.md");
}

graph::Graph load_graph(const std::vector<std::string>& paths, const Options& analyzer_options,
                        const graph::BuildOptions& options, const graph::Aliases& aliases, int* rc,
                        const InputOptions& input, size_t* loaded) {
  Analyzer analyzer(analyzer_options);
  std::vector<graph::Graph> parts;
  std::vector<std::string> names;  // of each part, for messages
  for (const std::string& path : expand_paths(paths, input, *rc)) {
    if (path.size() > 5 && path.ends_with(".json")) {
      auto bytes = read_file(path, analyzer_options.max_input_bytes);
      auto g = bytes.ok() ? graph::from_json(bytes.value(), path) : Result<graph::Graph>(bytes.status());
      if (!g.ok()) {
        std::cerr << "quotegraph: " << g.status().message() << "\n";
        *rc = std::max(*rc, kExitInput);
        continue;
      }
      parts.push_back(std::move(g).value());
      names.push_back(path);
      continue;
    }
    for (const Analysis& a : analyze_input(analyzer, path, input, *rc)) {
      parts.push_back(graph::build(a, options));
      names.push_back(path);
    }
  }
  if (loaded) *loaded = parts.size();
  // An overflowing count is reported like a part that does not read; the
  // graph goes on with the count saturated at UINT64_MAX.
  auto checked = graph::merge_checked(parts, names);
  if (checked.ok()) return graph::unify_entities(checked.value(), &aliases);
  std::cerr << "quotegraph: " << checked.status().message() << "; saturated at 2^64-1\n";
  *rc = std::max(*rc, kExitInput);
  return graph::unify_entities(graph::merge(parts), &aliases);
}

}  // namespace quotegraph::cli
