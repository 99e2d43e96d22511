// quotegraph echo: analyse articles together and print echoes, self-repetition
// and the outlet's framing (scare quotes, adopted terms).
#include <fstream>
#include <iostream>
#include <map>

#include "cli/commands.hpp"
#include "cli/input.hpp"
#include "cli/output.hpp"
#include "quotegraph/analyzer.hpp"
#include "quotegraph/echo.hpp"
#include "quotegraph/io.hpp"

namespace quotegraph::cli {
namespace {

struct EchoArgs {
  std::vector<std::string> files;
  std::string format = "text";
  std::string out;
  std::vector<std::string> dates;
  Options analyzer;
  InputOptions input;
  bool no_dates = false;
  double min_score = echo::EchoOptions{}.min_score;
};

}  // namespace

Runner register_echo(CLI::App& app) {
  auto args = std::make_shared<EchoArgs>();
  CLI::App* sub = app.add_subcommand("echo", "Find echoed rhetoric across articles: who repeats whose words, and "
                                             "the outlet's scare quotes and adopted terms");
  sub->add_option("files", args->files, "Articles: text, HTML (.html/.htm), JSONL (.jsonl/.ndjson), any of them gzipped, directories; - reads standard input")->required();
  add_input_options(sub, args->input);
  sub->add_option("-f,--format", args->format, "Output format: text, json, dot")
      ->check(CLI::IsMember({"text", "json", "dot"}))
      ->capture_default_str();
  sub->add_option("-o,--output", args->out, "Write output to this file instead of standard output");
  sub->add_option("--date", args->dates, "PATH=YYYY-MM-DD: the date of one input (repeatable); overrides the "
                                         "date found in the article's first lines");
  sub->add_flag("--no-dates", args->no_dates, "Ignore dates: direction by input order, then position");
  sub->add_option("--min-score", args->min_score,
                  "Report only echoes and repetitions scoring at least this, in [0, 1] (implicit ones are found "
                  "from this score up; explicit ones score by the cue's reliability, 0.8-0.95)")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  add_analyzer_options(sub, args->analyzer);
  sub->footer(
      "Examples:\n"
      "  quotegraph echo seeds/000_1af91efddab21499.txt\n"
      "  quotegraph echo --format json monday.txt tuesday.txt\n"
      "  quotegraph echo --format dot *.txt | dot -Tsvg > echoes.svg\n"
      "The earlier of two uses is the source: by date (--date, or one found in the article's first lines),\n"
      "then by input order, then by position. JSON offsets are UTF-8 byte offsets into each named file.");

  return [args]() -> int {
    std::map<std::string, std::string> dates;
    for (const std::string& d : args->dates) {
      size_t eq = d.rfind('=');
      if (eq == std::string::npos || eq + 11 != d.size()) {
        std::cerr << "quotegraph: --date " << d << ": expected PATH=YYYY-MM-DD\n";
        return kExitUsage;
      }
      dates[d.substr(0, eq)] = d.substr(eq + 1);
    }
    Options options = args->analyzer;
    options.keep_text_layer = true;  // echo reads the engine's tokens and quotes
    Analyzer analyzer(options);
    int rc = kExitOk;
    std::vector<RecordInfo> meta;
    std::vector<Analysis> analyses = analyze_inputs(analyzer, args->files, args->input, rc, &meta);
    if (analyses.empty() && rc != kExitOk) return rc;  // every input failed: a previous -o file is kept
    std::vector<echo::EchoInput> inputs;
    for (size_t i = 0; i < analyses.size(); ++i) {
      const Analysis& a = analyses[i];
      echo::EchoInput in{&a, ""};
      if (!args->no_dates) {
        // --date, else the record's or the page's date (its first 10 characters, YYYY-MM-DD), else one
        // found in the article's first lines.
        auto it = dates.find(a.doc.path);
        std::string given = meta[i].date.size() >= 10 ? meta[i].date.substr(0, 10) : std::string();
        bool iso = given.size() == 10 && given[4] == '-' && given[7] == '-';
        in.date = it != dates.end() ? it->second : iso ? given : echo::detect_date(a.doc);
      }
      inputs.push_back(in);
    }
    echo::EchoOptions echo_options;
    echo_options.min_score = args->min_score;
    echo::EchoAnalyzer echoes(echo_options);
    echo::EchoReport report = echoes.analyze(inputs);
    auto below = [&](const echo::Echo& e) { return e.score < args->min_score; };
    std::erase_if(report.echoes, below);
    std::erase_if(report.repetitions, below);
    std::string text = args->format == "json"  ? echo::to_json(report, inputs, 2)
                       : args->format == "dot" ? echo::to_dot(report, inputs)
                                               : echo::to_text(report, inputs);
    if (!write_output(args->out, text)) return kExitInput;
    return rc;
  };
}

}  // namespace quotegraph::cli
