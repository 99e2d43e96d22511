// quotegraph graph: articles (or partial graphs) in, the quote graph out as
// DOT, SVG, PNG, JSON node-link or GraphML.
#include <fstream>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/graph_input.hpp"
#include "quotegraph/graph.hpp"

// Graphviz 2.43's gvc keeps caches it never frees (plugin config, HTML label
// parser, fontconfig/pango font lists); LeakSanitizer (scripts/sanitize.sh)
// would fail every render on them. Only third-party libraries are named, so
// our own leaks are still reported. Unused outside sanitizer builds.
extern "C" const char* __lsan_default_suppressions() {
  return "leak:libgvc.so\nleak:libcgraph.so\nleak:libgvplugin_\nleak:libfontconfig.so\n"
         "leak:libpango\nleak:libcairo.so\nleak:libglib-2.0.so\nleak:libgobject-2.0.so\n";
}
// Without this LeakSanitizer prints its table of used suppressions to stderr
// at exit, which reads as output to anyone capturing stderr.
extern "C" const char* __lsan_default_options() { return "print_suppressions=0"; }

namespace quotegraph::cli {
namespace {

struct GraphArgs {
  std::vector<std::string> files;
  std::string format = "dot";
  std::string out;
  std::string aliases;
  std::string dot_out;
  std::string svg_out;
  bool statements = false;
  bool mentions = false;
  bool no_legend = false;
  bool excerpts = false;
  bool all_nodes = false;
  uint64_t min_weight = 1;
  Options analyzer;
  InputOptions input;
};

Result<std::string> serialise(const graph::Graph& g, const std::string& format, const graph::DotOptions& dot) {
  if (format == "dot") return graph::to_dot(g, dot);
  if (format == "json") return graph::to_json(g, 2);
  if (format == "graphml") return graph::to_graphml(g);
  if (format == "gexf") return graph::to_gexf(g);
  return graph::render(g, format, dot);  // svg, png
}

}  // namespace

Runner register_graph(CLI::App& app) {
  auto args = std::make_shared<GraphArgs>();
  CLI::App* sub = app.add_subcommand("graph", "Build the quote graph (who said what, to whom, about whom)");
  sub->add_option("files", args->files,
                  "Articles (text, HTML, JSONL, gzipped, directories; - reads standard input) and partial graphs "
                  "(*.json from --format json)")
      ->required();
  add_input_options(sub, args->input);
  CLI::Option* format_option = sub->add_option("-f,--format", args->format, "Output format: dot, svg, png, json (node-link), graphml, gexf (Gephi)")
      ->check(CLI::IsMember({"dot", "svg", "png", "json", "graphml", "gexf"}))
      ->capture_default_str();
  sub->add_option("-o,--output", args->out, "Write the --format output to this file instead of standard output");
  add_aliases_option(sub, args->aliases);
  sub->add_option("--dot", args->dot_out, "Also write DOT to this file");
  sub->add_option("--svg", args->svg_out, "Also render SVG to this file");
  sub->add_flag("--statements", args->statements, "One node per statement (attribution) instead of speaker -> document edges");
  sub->add_flag("--mentions", args->mentions, "Draw document -> entity mentions edges (DOT/SVG/PNG)");
  sub->add_flag("--no-legend", args->no_legend, "Leave the legend out of DOT/SVG/PNG");
  sub->add_flag("--excerpts", args->excerpts,
                "Write the first statement's words on each edge (default: the cue and the statement count, "
                "the words on hover in SVG)");
  sub->add_flag("--all-nodes", args->all_nodes,
                "Also draw speakers that name no one (quote-opening words such as \"My\" or \"But I\" that "
                "entity resolution could not place)");
  sub->add_option("--min-weight", args->min_weight, "Keep edges backed by at least N statements")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  add_analyzer_options(sub, args->analyzer);
  sub->footer(
      "Examples:\n"
      "  quotegraph graph seeds/000_1af91efddab21499.txt --svg docs/seed-graph.svg\n"
      "  quotegraph graph a.txt b.txt --format json -o part1.json\n"
      "  quotegraph graph part1.json part2.json --format graphml -o corpus.graphml\n"
      "  quotegraph graph corpus/*.txt --min-weight 2 --dot g.dot && dot -Tsvg g.dot > g.svg\n"
      "Conventions (shapes, colours, edge styles): docs/graph.md.");

  return [args, format_option]() -> int {
    int rc = kExitOk;
    graph::BuildOptions build;
    build.statements = args->statements;
    graph::Aliases aliases;
    if (!load_aliases(args->aliases, aliases)) return kExitInput;
    size_t loaded = 0;
    graph::Graph g = load_graph(args->files, args->analyzer, build, aliases, &rc, args->input, &loaded);
    if (loaded == 0) return rc;  // every input failed: previous output files are kept
    if (args->min_weight > 1) g = graph::filter_min_weight(g, args->min_weight);
    graph::DotOptions dot;
    dot.mention_edges = args->mentions;
    dot.legend = !args->no_legend;
    dot.excerpt_labels = args->excerpts;
    dot.names_only = !args->all_nodes;

    struct Job {
      std::string format, path;
    };
    std::vector<Job> jobs;
    if (!args->dot_out.empty()) jobs.push_back({"dot", args->dot_out});
    if (!args->svg_out.empty()) jobs.push_back({"svg", args->svg_out});
    // The main output goes to -o or stdout; with only --dot/--svg given (no -o,
    // no --format), nothing else is written.
    if (jobs.empty() || !args->out.empty() || format_option->count() > 0) jobs.push_back({args->format, args->out});
    for (const Job& job : jobs) {
      auto data = serialise(g, job.format, dot);
      if (!data.ok()) {
        std::cerr << "quotegraph: " << (job.path.empty() ? "-" : job.path) << ": " << data.status().message() << "\n";
        return kExitInternal;
      }
      // A large drawing was laid out by sfdp instead of dot: say so, since its
      // shape (no ranks, no outlet clusters) differs from what dot draws.
      if (job.format == "svg" && data.value().find(graph::kLargeLayoutNote) != std::string::npos)
        std::cerr << "quotegraph: note: " << (job.path.empty() ? "-" : job.path) << ": more than "
                  << graph::kDotMaxNodes << " nodes or " << graph::kDotMaxEdges
                  << " edges to draw, laid out with sfdp (force-directed) instead of dot; --min-weight N draws fewer\n";
      if (!write_output(job.path, data.value())) return kExitInput;
    }
    return rc;
  };
}

}  // namespace quotegraph::cli
