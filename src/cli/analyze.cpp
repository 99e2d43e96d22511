// quotegraph analyze: run the analyzer on files and print attributions.
#include <algorithm>
#include <iostream>
#include <memory>
#include <optional>

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
  std::string offsets = "bytes";
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
      ->check(CLI::IsMember(format_names()))
      ->capture_default_str();
  sub->add_option("--offsets", args->offsets,
                  "Offsets in json/jsonl/csv: bytes (UTF-8, as the engine counts) or chars (code points: "
                  "Python's text[start:end])")
      ->check(CLI::IsMember({"bytes", "chars"}))
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
      "Offsets in json/jsonl/csv are UTF-8 byte offsets into the input file (--offsets chars: code points); for\n"
      "a web page into its extracted body (quotegraph extract prints it), for a JSONL record into its text field.\n"
      "With several documents (files, or the records of a JSONL file), json writes one JSON array of analyses,\n"
      "each naming its path (the record's id or FILE:LINE).");

  return [args]() -> int {
    const Format format = *parse_format(args->format);
    // Compiling the echo patterns costs about a tenth of a second: only when they are used.
    const bool with_echo = (format == Format::kJson || format == Format::kJsonl) && !args->no_echo;
    Options options = args->analyzer;
    options.keep_text_layer = with_echo;  // echo reads the engine's tokens and quotes
    Analyzer analyzer(options);
    std::unique_ptr<echo::EchoAnalyzer> echoes;
    if (with_echo) echoes = std::make_unique<echo::EchoAnalyzer>();
    OutputFile out;
    if (!out.open(args->out)) return kExitInput;
    int rc = kExitOk;
    AnalysisStream stream(format);
    const Offsets offsets = *parse_offsets(args->offsets);
    const bool csv = format == Format::kCsv;  // only CSV writes the records' url, date and title
    for (const std::string& path : expand_paths(args->files, args->input, rc)) {
      std::vector<RecordInfo> records;
      std::vector<Analysis> analyses = analyze_input(analyzer, path, args->input, rc, csv ? &records : nullptr);
      for (size_t i = 0; i < analyses.size(); ++i) {
        const Analysis& a = analyses[i];
        WriteOptions w;
        w.offsets = offsets;
        if (csv) w.record = &records[i];
        std::optional<echo::EchoReport> report;
        if (echoes) w.echo = &report.emplace(echoes->analyze(a));
        if (!out.write(stream.add(a, w))) return kExitInput;  // the message names the output
      }
    }
    // Every input failed: a replaced -o keeps its previous content.
    if (stream.documents() == 0 && rc != kExitOk) {
      out.discard();
      return rc;
    }
    if (!out.write(stream.finish()) || !out.commit()) return kExitInput;
    return rc;
  };
}

}  // namespace quotegraph::cli
