// quotegraph analyze: run the analyzer on files and print attributions.
#include <algorithm>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/input.hpp"
#include "cli/output.hpp"
#include "quotegraph/analyzer.hpp"
#include "quotegraph/echo.hpp"
#include "quotegraph/io.hpp"

namespace quotegraph::cli {
namespace {

struct AnalyzeArgs {
  std::vector<std::string> files;
  std::string format = "text";
  std::string out;
  Options analyzer;
  bool no_echo = false;
};

}  // namespace

Runner register_analyze(CLI::App& app) {
  auto args = std::make_shared<AnalyzeArgs>();
  CLI::App* sub = app.add_subcommand("analyze", "Find attributions (who said what) in news articles");
  sub->add_option("files", args->files, "Article files (UTF-8 text); - reads standard input")->required();
  sub->add_option("-f,--format", args->format, "Output format: text, json, jsonl, csv")
      ->check(CLI::IsMember({"text", "json", "jsonl", "csv"}))
      ->capture_default_str();
  sub->add_option("-o,--output", args->out, "Write output to this file instead of standard output");
  add_analyzer_options(sub, args->analyzer);
  sub->add_flag("--no-echo", args->no_echo, "Leave out the echoes[] and framing[] sections of JSON output");
  sub->footer(
      "Examples:\n"
      "  quotegraph analyze seeds/000_1af91efddab21499.txt\n"
      "  quotegraph analyze --format json article.txt -o article.json\n"
      "  cat a.txt b.txt | quotegraph analyze --format jsonl -\n"
      "Offsets in json/jsonl/csv are UTF-8 byte offsets into the input file.\n"
      "With several files, json writes one JSON array of analyses, each naming its path.");

  return [args]() -> int {
    // Compiling the echo patterns costs about a tenth of a second: only when they are used.
    const bool with_echo = (args->format == "json" || args->format == "jsonl") && !args->no_echo;
    Options options = args->analyzer;
    options.keep_text_layer = with_echo;  // echo reads the engine's tokens and quotes
    Analyzer analyzer(options);
    std::unique_ptr<echo::EchoAnalyzer> echoes;
    if (with_echo) echoes = std::make_unique<echo::EchoAnalyzer>();
    OutputFile out;
    if (!out.open(args->out)) return kExitInput;
    int rc = kExitOk;
    bool multi_json = args->format == "json" && args->files.size() > 1;
    bool first = true;
    std::string head = multi_json ? "[\n" : "";
    for (const std::string& path : args->files) {
      std::optional<Analysis> result = analyze_file(analyzer, path, rc);
      if (!result) continue;
      const Analysis& a = *result;
      JsonSections sections;
      if (echoes) {
        echo::AnalysisSections s = echo::analysis_sections(echoes->analyze(a), a);
        sections = {{"echoes", s.echoes_json}, {"framing", s.framing_json}};
      }
      std::string piece = std::move(head);
      head.clear();
      if (args->format == "json") {
        if (multi_json && !first) piece += ",\n";
        piece += to_json(a, 2, sections);
      } else if (args->format == "jsonl") {
        piece += to_json(a, -1, sections);
      } else if (args->format == "csv") {
        piece += to_csv(a, first);
      } else {
        if (!first) piece += "\n";
        piece += to_text(a);
      }
      first = false;
      if (!out.write(piece)) return kExitInput;  // the message names the output
    }
    // Every file failed: a replaced -o keeps its previous content.
    if (first && rc != kExitOk) {
      out.discard();
      return rc;
    }
    if (multi_json) head += "]\n";
    if (!out.write(head) || !out.commit()) return kExitInput;
    return rc;
  };
}

}  // namespace quotegraph::cli
