// quotegraph stats: articles (or partial graphs) in, graph statistics out.
#include <fstream>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/graph_input.hpp"
#include "quotegraph/graph.hpp"

namespace quotegraph::cli {
namespace {

struct StatsArgs {
  std::vector<std::string> files;
  std::string format = "text";
  std::string out;
  size_t top = 10;
  bool statements = false;
};

}  // namespace

Runner register_stats(CLI::App& app) {
  auto args = std::make_shared<StatsArgs>();
  CLI::App* sub = app.add_subcommand("stats", "Statistics of the quote graph: most quoted, most talked about, centrality");
  sub->add_option("files", args->files, "Article files (UTF-8 text; - reads standard input) and partial graphs (*.json)")
      ->required();
  sub->add_option("-f,--format", args->format, "Output format: text, json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  sub->add_option("-o,--output", args->out, "Write output to this file instead of standard output");
  sub->add_option("--top", args->top, "Rows per ranking")->check(CLI::PositiveNumber)->capture_default_str();
  sub->footer(
      "Examples:\n"
      "  quotegraph stats seeds/000_1af91efddab21499.txt\n"
      "  quotegraph stats --format json part*.json\n"
      "Definitions: docs/graph.md.");

  return [args]() -> int {
    int rc = kExitOk;
    graph::Graph g = load_graph(args->files, {}, &rc);
    graph::Stats s = graph::compute_stats(g, args->top);
    std::string data = args->format == "json" ? graph::stats_to_json(s) : graph::stats_to_text(s);
    if (args->out.empty() || args->out == "-") {
      std::cout << data;
      return rc;
    }
    std::string tmp = args->out + ".tmp";
    {
      std::ofstream file(tmp, std::ios::binary);
      if (!file || !file.write(data.data(), static_cast<std::streamsize>(data.size()))) {
        std::cerr << "quotegraph: " << args->out << ": cannot write\n";
        std::remove(tmp.c_str());
        return kExitInput;
      }
    }
    if (std::rename(tmp.c_str(), args->out.c_str()) != 0) {
      std::cerr << "quotegraph: " << args->out << ": write failed\n";
      return kExitInput;
    }
    return rc;
  };
}

}  // namespace quotegraph::cli
