// Shared by `graph` and `stats`: turn the command line's files into one Graph.
#pragma once

#include <string>
#include <vector>

#include "quotegraph/analyzer.hpp"
#include "quotegraph/graph.hpp"
#include "cli/commands.hpp"
#include "cli/input.hpp"

namespace quotegraph::cli {

// Analyses every article of the inputs (any format cli/input.hpp reads;
// directories expanded) and merges their graphs; a file ending in
// ".json" is read as a graph written by `quotegraph graph --format json`
// (a partial graph), so partial graphs and articles mix freely. Each failing
// file is reported on stderr by name and sets *rc to kExitInput; the rest
// still count. Entities are then given one identity across the inputs
// (graph::unify_entities), with the user's aliases. *loaded (when given) is
// the number of files that were read, so a caller can keep its previous
// output when every input failed.
graph::Graph load_graph(const std::vector<std::string>& files, const Options& analyzer_options,
                        const graph::BuildOptions& options, const graph::Aliases& aliases, int* rc,
                        const InputOptions& input, size_t* loaded = nullptr);

// Reads an alias file (`--aliases`), or says why not on stderr; an empty path is no file.
bool load_aliases(const std::string& path, graph::Aliases& out);

// The `--aliases FILE` option, the same on every command that meets entities of several articles.
void add_aliases_option(CLI::App* sub, std::string& path);

}  // namespace quotegraph::cli
