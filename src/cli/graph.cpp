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

// What one format writes: files named inside the -o directory, or "" for
// the -o file (or standard output) itself.
using Files = std::vector<std::pair<std::string, std::string>>;

// The graph formats, one row each: a new format is a row here and its writer.
struct GraphFormat {
  const char* name;
  const char* help;
  Result<Files> (*write)(const graph::Graph&, const graph::DotOptions&);
};

Result<Files> one(Result<std::string> data) {
  if (!data.ok()) return data.status();
  return Files{{"", std::move(data).value()}};
}

const GraphFormat kFormats[] = {
    {"dot", "Graphviz DOT", [](const graph::Graph& g, const graph::DotOptions& o) { return one(graph::to_dot(g, o)); }},
    {"svg", "drawn by Graphviz", [](const graph::Graph& g, const graph::DotOptions& o) { return one(graph::render(g, "svg", o)); }},
    {"png", "drawn by Graphviz", [](const graph::Graph& g, const graph::DotOptions& o) { return one(graph::render(g, "png", o)); }},
    {"json", "node-link, for merge and networkx", [](const graph::Graph& g, const graph::DotOptions&) { return one(graph::to_json(g, 2)); }},
    {"graphml", "Gephi, networkx, yEd", [](const graph::Graph& g, const graph::DotOptions&) { return one(graph::to_graphml(g)); }},
    {"gexf", "Gephi", [](const graph::Graph& g, const graph::DotOptions&) { return one(graph::to_gexf(g)); }},
    {"csv", "nodes.csv and edges.csv in the -o directory",
     [](const graph::Graph& g, const graph::DotOptions&) -> Result<Files> {
       graph::CsvTables t = graph::to_csv(g);
       return Files{{"nodes.csv", std::move(t.nodes)}, {"edges.csv", std::move(t.edges)}};
     }},
};

const GraphFormat* find_format(const std::string& name) {
  for (const GraphFormat& f : kFormats)
    if (name == f.name) return &f;
  return nullptr;
}

std::vector<std::string> graph_format_names() {
  std::vector<std::string> out;
  for (const GraphFormat& f : kFormats) out.emplace_back(f.name);
  return out;
}

std::string format_help() {
  std::string out = "Output format:";
  for (const GraphFormat& f : kFormats) out += std::string(out.back() == ':' ? " " : ", ") + f.name + " (" + f.help + ")";
  return out;
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
  CLI::Option* format_option = sub->add_option("-f,--format", args->format, format_help())
      ->check(CLI::IsMember(graph_format_names()))
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
      "  quotegraph graph corpus/*.txt --format csv -o tables/   # tables/nodes.csv, tables/edges.csv\n"
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
      const GraphFormat* format = find_format(job.format);
      const std::string shown = job.path.empty() ? "-" : job.path;
      auto files = format->write(g, dot);
      if (!files.ok()) {
        std::cerr << "quotegraph: " << shown << ": " << files.status().message() << "\n";
        return kExitInternal;
      }
      const bool into_dir = files.value().size() > 1 || !files.value().front().first.empty();
      if (into_dir && (job.path.empty() || job.path == "-")) {
        std::cerr << "quotegraph graph: --format " << job.format << " writes " << files.value().size()
                  << " files; give -o DIR\n";
        return kExitUsage;
      }
      if (into_dir && !make_directory(job.path)) return kExitInput;
      for (const auto& [name, data] : files.value()) {
        // A large drawing was laid out by sfdp instead of dot: say so, since its
        // shape (no ranks, no outlet clusters) differs from what dot draws.
        if (job.format == "svg" && data.find(graph::kLargeLayoutNote) != std::string::npos)
          std::cerr << "quotegraph: note: " << shown << ": more than " << graph::kDotMaxNodes << " nodes or "
                    << graph::kDotMaxEdges
                    << " edges to draw, laid out with sfdp (force-directed) instead of dot; --min-weight N draws fewer\n";
        if (!write_output(name.empty() ? job.path : job.path + "/" + name, data)) return kExitInput;
      }
    }
    return rc;
  };
}

}  // namespace quotegraph::cli
