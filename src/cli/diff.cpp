// quotegraph diff: one story told by several outlets; print where their
// attributions differ (speakers, statements, quotes, cues, framing, relays).
#include <fstream>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/input.hpp"
#include "cli/output.hpp"
#include "quotegraph/analyzer.hpp"
#include "quotegraph/diff.hpp"
#include "quotegraph/io.hpp"

namespace quotegraph::cli {
namespace {

struct DiffArgs {
  std::vector<std::string> files;
  std::vector<std::string> outlets;
  std::string format = "text";
  std::string out;
  double min_score = 0.5;
  bool lenient = false;
  bool keep_chrome = false;
};

}  // namespace

Runner register_diff(CLI::App& app) {
  auto args = std::make_shared<DiffArgs>();
  CLI::App* sub = app.add_subcommand("diff", "Compare one story across outlets: who each quoted, left out, "
                                             "paraphrased, misattributed, trimmed or framed");
  sub->add_option("files", args->files, "Two or more article files (UTF-8 text) about the same event")
      ->required()
      ->expected(2, -1);
  sub->add_option("--outlet", args->outlets,
                  "Outlet name of each file, in file order (repeatable, one per file); default: the file name "
                  "without extension")
      ->allow_extra_args(false);  // --outlet X takes one name; the files stay positional
  sub->add_option("-f,--format", args->format, "Output format: text, json, dot, svg")
      ->check(CLI::IsMember({"text", "json", "dot", "svg"}))
      ->capture_default_str();
  sub->add_option("-o,--output", args->out, "Write output to this file instead of standard output");
  sub->add_option("--min-score", args->min_score, "Statement alignment threshold in [0, 1]")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  sub->add_flag("--lenient", args->lenient, "Replace invalid UTF-8 bytes with '?' instead of failing");
  sub->add_flag("--keep-chrome", args->keep_chrome, "Also analyse web chrome after the article body");
  sub->footer(
      "Examples:\n"
      "  quotegraph diff times.txt post.txt daily.txt\n"
      "  quotegraph diff --outlet Times --outlet Post a.txt b.txt --format json -o diff.json\n"
      "  quotegraph diff --format svg a.txt b.txt c.txt -o diff.svg\n"
      "Findings do not depend on the order of the files. Offsets are UTF-8 byte offsets into each named file.");

  return [args]() -> int {
    if (!args->outlets.empty() && args->outlets.size() != args->files.size()) {
      std::cerr << "quotegraph: diff: " << args->outlets.size() << " --outlet name(s) for " << args->files.size()
                << " files; give one per file or none\n";
      return kExitUsage;
    }
    Options opt;
    opt.lenient_utf8 = args->lenient;
    opt.keep_chrome = args->keep_chrome;
    Analyzer analyzer(opt);
    std::vector<Analysis> analyses;
    analyses.reserve(args->files.size());
    int rc = kExitOk;
    for (const std::string& path : args->files) {
      std::optional<Analysis> result = analyze_file(analyzer, path, rc);
      if (!result) continue;
      analyses.push_back(std::move(*result));
    }
    if (rc != kExitOk) return rc;  // a diff with an article missing would report its absence as findings
    std::vector<diff::DiffInput> inputs;
    for (size_t i = 0; i < analyses.size(); ++i)
      inputs.push_back({&analyses[i], args->outlets.empty() ? std::string() : args->outlets[i]});
    diff::DiffOptions dopt;
    dopt.min_statement_score = args->min_score;
    diff::Differ differ(dopt);
    auto report = differ.diff(inputs);
    if (!report.ok()) {
      std::cerr << "quotegraph: " << report.status().message() << "\n";
      return report.status().code() == ErrorCode::kInternal ? kExitInternal : kExitUsage;
    }
    std::string data;
    if (args->format == "json") {
      data = diff::to_json(report.value());
    } else if (args->format == "dot" || args->format == "svg") {
      auto drawn = args->format == "dot" ? diff::to_dot(report.value()) : diff::render(report.value(), "svg");
      if (!drawn.ok()) {
        std::cerr << "quotegraph: " << drawn.status().message() << "\n";
        return kExitInternal;
      }
      data = std::move(drawn).value();
    } else {
      data = diff::to_text(report.value());
    }
    return write_output(args->out, data) ? kExitOk : kExitInput;
  };
}

}  // namespace quotegraph::cli
