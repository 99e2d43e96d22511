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
  InputOptions input;
  bool no_echo = false;
};

}  // namespace

Runner register_analyze(CLI::App& app) {
  auto args = std::make_shared<AnalyzeArgs>();
  CLI::App* sub = app.add_subcommand("analyze", "Find attributions (who said what) in news articles");
  sub->add_option("files", args->files, "Articles: text, HTML (.html/.htm), JSONL (.jsonl/.ndjson), any of them gzipped, directories; - reads standard input")->required();
  add_input_options(sub, args->input);
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
      "  quotegraph analyze --format jsonl saved-pages/ --glob '*.html'\n"
      "Offsets in json/jsonl/csv are UTF-8 byte offsets into the input file; for a web page into its extracted\n"
      "body (quotegraph extract prints it), for a JSONL record into its text field.\n"
      "With several documents (files, or the records of a JSONL file), json writes one JSON array of analyses,\n"
      "each naming its path (the record's id or FILE:LINE).");

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
    // json: one document alone is an object; from the second on, an array.
    // The first is held back until a second arrives or the inputs end.
    std::string held;
    size_t documents = 0;
    for (const std::string& path : expand_paths(args->files, args->input, rc)) {
      for (const Analysis& a : analyze_input(analyzer, path, args->input, rc)) {
        JsonSections sections;
        if (echoes) {
          echo::AnalysisSections s = echo::analysis_sections(echoes->analyze(a), a);
          sections = {{"echoes", s.echoes_json}, {"framing", s.framing_json}};
        }
        bool first = documents++ == 0;
        std::string piece;
        if (args->format == "json") {
          if (first) {
            held = to_json(a, 2, sections);
            continue;
          }
          if (documents == 2) piece = "[\n" + std::move(held);
          piece += ",\n" + to_json(a, 2, sections);
        } else if (args->format == "jsonl") {
          piece = to_json(a, -1, sections);
        } else if (args->format == "csv") {
          piece = to_csv(a, first);
        } else {
          if (!first) piece = "\n";
          piece += to_text(a);
        }
        if (!out.write(piece)) return kExitInput;  // the message names the output
      }
    }
    // Every input failed: a replaced -o keeps its previous content.
    if (documents == 0 && rc != kExitOk) {
      out.discard();
      return rc;
    }
    std::string tail = args->format != "json" ? "" : documents == 1 ? held : documents > 1 ? "]\n" : "";
    if (!out.write(tail) || !out.commit()) return kExitInput;
    return rc;
  };
}

}  // namespace quotegraph::cli
