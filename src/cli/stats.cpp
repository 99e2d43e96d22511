// quotegraph stats: articles (or partial graphs) in, graph statistics out.
#include <fstream>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/graph_input.hpp"
#include "quotegraph/graph.hpp"

namespace quotegraph::cli {
namespace {

struct StatsArgs {
  std::vector<std::string> files;
  std::string format = "text";
  std::string out;
  std::string aliases;
  size_t top = 10;
  bool statements = false;
  Options analyzer;
  InputOptions input;
};

}  // namespace

Runner register_stats(CLI::App& app) {
  auto args = std::make_shared<StatsArgs>();
  CLI::App* sub = app.add_subcommand("stats", "Statistics of the quote graph: most quoted, most talked about, centrality");
  sub->add_option("files", args->files, "Articles (text, HTML, JSONL, gzipped, directories; - reads standard input) and partial graphs (*.json)")
      ->required();
  add_input_options(sub, args->input);
  sub->add_option("-f,--format", args->format, "Output format: text, json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  sub->add_option("-o,--output", args->out, "Write output to this file instead of standard output");
  add_aliases_option(sub, args->aliases);
  sub->add_option("--top", args->top, "Rows per ranking")->check(CLI::PositiveNumber)->capture_default_str();
  add_analyzer_options(sub, args->analyzer);
  sub->footer(
      "Examples:\n"
      "  quotegraph stats seeds/000_1af91efddab21499.txt\n"
      "  quotegraph stats --format json part*.json\n"
      "Definitions: docs/graph.md.");

  return [args]() -> int {
    int rc = kExitOk;
    graph::Aliases aliases;
    if (!load_aliases(args->aliases, aliases)) return kExitInput;
    size_t loaded = 0;
    graph::Graph g = load_graph(args->files, args->analyzer, {}, aliases, &rc, args->input, &loaded);
    if (loaded == 0) return rc;  // every input failed: a previous -o file is kept
    graph::Stats s = graph::compute_stats(g, args->top);
    std::string data = args->format == "json" ? graph::stats_to_json(s) : graph::stats_to_text(s);
    if (!write_output(args->out, data)) return kExitInput;
    return rc;
  };
}

}  // namespace quotegraph::cli
