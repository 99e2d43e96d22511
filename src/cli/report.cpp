// quotegraph report: articles in, one self-contained HTML page out (highlighted
// attributions, speakers, targets, echoes, graph; several files side by side
// with the diff). The page itself is report::Reporter's (src/report).
#include <iostream>

#include "cli/commands.hpp"
#include "cli/input.hpp"
#include "cli/output.hpp"
#include "quotegraph/analyzer.hpp"
#include "quotegraph/report.hpp"

namespace quotegraph::cli {
namespace {

struct ReportArgs {
  std::vector<std::string> files;
  std::vector<std::string> outlets;
  std::string out;
  std::string title;
  double align_score = 0.5;
  double min_score = 0.0;
  bool no_graph = false;
  Options analyzer;
  InputOptions input;
};

}  // namespace

Runner register_report(CLI::App& app) {
  auto args = std::make_shared<ReportArgs>();
  CLI::App* sub = app.add_subcommand("report", "Write one self-contained HTML page: the article with every attribution "
                                               "highlighted, speakers, targets, echoes and the graph; several files "
                                               "side by side with their diff");
  sub->add_option("files", args->files, "Articles: text, HTML (.html/.htm), JSONL (.jsonl/.ndjson), any of them gzipped, directories; - reads standard input")->required();
  add_input_options(sub, args->input);
  sub->add_option("-o,--output", args->out, "Write the page to this file instead of standard output");
  sub->add_option("--outlet", args->outlets,
                  "Outlet name of each file, in file order (repeatable, one per file); default: the file name "
                  "without extension")
      ->allow_extra_args(false);
  sub->add_option("--title", args->title, "Page title (default: the first article's title from its record or web page, else its first line)");
  sub->add_flag("--no-graph", args->no_graph, "Leave the graph out (no Graphviz layout)");
  sub->add_option("--align-score", args->align_score, "Statement alignment threshold in [0, 1] (several files)")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  sub->add_option("--min-score", args->min_score,
                  "Leave out differences scoring below this, in [0, 1] (0.5 keeps the high and medium ones) (several files)")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  add_analyzer_options(sub, args->analyzer);
  sub->footer(
      "Examples:\n"
      "  quotegraph report seeds/000_1af91efddab21499.txt -o report.html\n"
      "  quotegraph report times.txt post.txt daily.txt -o story.html   # side by side, with the diff\n"
      "The page needs no network: style, script and the SVG graph are inline. See docs/report.md.");

  return [args]() -> int {
    int rc = kExitOk;
    std::vector<std::string> files = expand_paths(args->files, args->input, rc);
    if (!args->outlets.empty() && args->outlets.size() != files.size()) {
      std::cerr << "quotegraph: report: " << args->outlets.size() << " --outlet name(s) for " << args->files.size()
                << " files; give one per file or none\n";
      return kExitUsage;
    }
    Analyzer analyzer(args->analyzer);
    std::vector<Analysis> analyses;
    std::vector<RecordInfo> meta;
    std::vector<std::string> outlets;
    for (size_t f = 0; f < files.size(); ++f) {
      for (Analysis& a : analyze_input(analyzer, files[f], args->input, rc, &meta)) {
        analyses.push_back(std::move(a));
        outlets.push_back(args->outlets.empty() ? std::string() : args->outlets[f]);
      }
    }
    // A page with an article missing would show its absence as differences.
    if (rc != kExitOk) return rc;

    report::ReportOptions ropt;
    ropt.title = args->title;  // "" : the page takes the first article's title
    ropt.graph = !args->no_graph;
    diff::DiffOptions dopt;
    dopt.min_statement_score = args->align_score;
    dopt.min_finding_score = args->min_score;
    report::Reporter reporter(ropt, dopt);
    std::vector<report::Article> articles;
    for (size_t i = 0; i < analyses.size(); ++i)
      // A record that names no outlet is named by its site, not by a hash or a file name.
      articles.push_back({&analyses[i],
                          outlets[i].empty() && analyses[i].doc.outlet.empty() ? report::url_site(meta[i].url) : outlets[i],
                          meta[i].title, meta[i].url, meta[i].date});
    auto page = reporter.render(articles);
    if (!page.ok()) {
      std::cerr << "quotegraph: report: " << page.status().message() << "\n";
      return page.status().code() == ErrorCode::kInternal ? kExitInternal : kExitUsage;
    }
    return write_output(args->out, page.value()) ? kExitOk : kExitInput;
  };
}

}  // namespace quotegraph::cli
