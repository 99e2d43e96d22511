// quotegraph eval: run the analyzer on annotated articles and score it against the gold.
#include <iostream>

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "quotegraph/analyzer.hpp"
#include "quotegraph/echo.hpp"
#include "quotegraph/echo_eval.hpp"
#include "quotegraph/entity_eval.hpp"
#include "quotegraph/eval.hpp"
#include "quotegraph/io.hpp"

namespace quotegraph::cli {
namespace {

struct EvalArgs {
  std::string gold;
  std::string entity_gold;
  std::string echo_gold;
  std::vector<std::string> text;
  double overlap = 0.5;
  std::string format = "text";
  bool errors = false;
};

// Reads a file's bytes, or says why not.
bool read_or_report(const std::string& path, std::string& out) {
  auto bytes = read_file(path);
  if (!bytes.ok()) {
    std::cerr << "quotegraph: " << bytes.status().message() << "\n";
    return false;
  }
  out = std::move(bytes.value());
  return true;
}

// Each gold file with its article: reads both, parses the gold, analyses the
// article alone and scores it; false (the message printed) on the first error.
template <typename Parse, typename Score>
bool score_each(Result<std::vector<eval::EvalInput>> inputs, Parse parse, Score score) {
  if (!inputs.ok()) {
    std::cerr << "quotegraph: " << inputs.status().message() << "\n";
    return false;
  }
  Analyzer analyzer;
  for (const eval::EvalInput& in : inputs.value()) {
    std::string article, json;
    if (!read_or_report(in.text_path, article) || !read_or_report(in.gold_path, json)) return false;
    auto gold = parse(json, article, in.gold_path);
    if (!gold.ok()) {
      std::cerr << "quotegraph: " << gold.status().message() << "\n";
      return false;
    }
    gold.value().name = in.name;
    auto analysis = analyzer.analyze(article, in.text_path);
    if (!analysis.ok()) {
      std::cerr << "quotegraph: " << analysis.status().message() << "\n";
      return false;
    }
    score(gold.value(), analysis.value());
  }
  return true;
}

int run_entity_eval(const EvalArgs& args) {
  std::vector<eval::EntityEval> docs;
  if (!score_each(eval::find_entity_inputs(args.entity_gold, args.text), eval::parse_entity_gold,
                  [&](const auto& gold, const Analysis& a) { docs.push_back(eval::evaluate_entities(gold, a)); }))
    return kExitInput;
  return write_output("", args.format == "json" ? eval::entity_report_json(docs, args.errors)
                                                : eval::entity_report_text(docs, args.errors))
             ? kExitOk
             : kExitInput;
}

// Each article alone through the analyzer and the echo engine: the gold marks
// echoes within one article, so cross-article pairing would only add noise.
int run_echo_eval(const EvalArgs& args) {
  echo::EchoAnalyzer echoes;
  std::vector<eval::EchoEval> docs;
  if (!score_each(eval::find_echo_inputs(args.echo_gold, args.text), eval::parse_echo_gold,
                  [&](const auto& gold, const Analysis& a) {
                    docs.push_back(eval::evaluate_echoes(gold, a, echoes.analyze(a)));
                  }))
    return kExitInput;
  return write_output("", args.format == "json" ? eval::echo_report_json(docs, args.errors)
                                                : eval::echo_report_text(docs, args.errors))
             ? kExitOk
             : kExitInput;
}

}  // namespace

Runner register_eval(CLI::App& app) {
  auto args = std::make_shared<EvalArgs>();
  CLI::App* sub = app.add_subcommand("eval", "Score the analyzer against hand-annotated gold attributions");
  sub->add_option("--gold", args->gold,
                  "Gold: a NAME.gold.json file (seed layout), a BRAT .ann file, or a directory of either")
;
  sub->add_option("--entity-gold", args->entity_gold,
                  "Entity gold (docs/entity-gold.md): a NAME.entities.json file or a directory of them; scores "
                  "speaker entities, entity precision, kinds and relays");
  sub->add_option("--echo", args->echo_gold,
                  "Echo gold (docs/echo-gold.md): a NAME.echo.json file or a directory of them; scores explicit, "
                  "implicit and self-repetition echoes, scare quotes and stock-phrase negatives");
  sub->add_option("--text", args->text,
                  "Article text: a file, or a directory holding NAME.txt (default: the gold's directory); with "
                  "--entity-gold or --echo, several directories may be given, searched in order")
      ->expected(1, -1);
  sub->add_option("--overlap", args->overlap, "Content match: overlap share of the shorter span")
      ->check(CLI::Range(0.01, 1.0))
      ->capture_default_str();
  sub->add_option("-f,--format", args->format, "Output format: text, json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  sub->add_flag("--errors", args->errors, "List each missed, spurious and wrong-speaker attribution");
  sub->footer(
      "Examples:\n"
      "  quotegraph eval --gold seeds/ --text seeds/\n"
      "  quotegraph eval --gold ../shared/data/polnear/derived/dev --text ../shared/data/polnear/data/dev/text\n"
      "  quotegraph eval --gold ../shared/data/polnear/data/dev/attributions --text ../shared/data/polnear/data/dev/text --errors\n"
      "  quotegraph eval --entity-gold tests/gold/entities --text ../shared/data/polnear/data/train/text "
      "../shared/data/polnear/data/dev/text\n"
      "  quotegraph eval --echo tests/gold/echo --text ../shared/data/polnear/data/train/text "
      "../shared/data/polnear/data/dev/text --errors\n"
      "Gold offsets are code points; they are converted to the UTF-8 byte offsets the analyzer reports.\n"
      "The last line of text output is a one-line SUMMARY (as shared/tools/score_corpus.py prints), ENTITY or ECHO.");

  sub->callback([args] {
    if (!args->gold.empty() + !args->entity_gold.empty() + !args->echo_gold.empty() != 1)
      throw CLI::ValidationError("eval", "give one of --gold, --entity-gold and --echo");
    if (!args->gold.empty() && args->text.size() > 1)
      throw CLI::ValidationError("--text", "one file or directory with --gold");
  });

  return [args]() -> int {
    if (!args->entity_gold.empty()) return run_entity_eval(*args);
    if (!args->echo_gold.empty()) return run_echo_eval(*args);
    auto inputs = eval::find_inputs(args->gold, args->text.empty() ? std::string() : args->text.front());
    if (!inputs.ok()) {
      std::cerr << "quotegraph: " << inputs.status().message() << "\n";
      return kExitInput;
    }
    eval::EvalOptions options;
    options.overlap = args->overlap;
    Analyzer analyzer;
    std::vector<eval::DocumentEval> docs;
    for (const eval::EvalInput& in : inputs.value()) {
      auto bytes = read_file(in.text_path);
      if (!bytes.ok()) {
        std::cerr << "quotegraph: " << bytes.status().message() << "\n";
        return kExitInput;
      }
      auto gold = eval::read_gold(in, bytes.value());
      if (!gold.ok()) {
        std::cerr << "quotegraph: " << gold.status().message() << "\n";
        return kExitInput;
      }
      for (const std::string& w : gold.value().warnings) std::cerr << "quotegraph: warning: " << w << "\n";
      auto analysis = analyzer.analyze(bytes.value(), in.text_path);
      if (analysis.ok()) {
        docs.push_back(eval::evaluate(gold.value(), analysis.value(), options));
      } else {
        // As score_corpus.py: a failed analysis scores as an empty prediction.
        std::cerr << "quotegraph: " << analysis.status().message() << "\n";
        Analysis empty;
        empty.doc.text = bytes.value();
        docs.push_back(eval::evaluate(gold.value(), empty, options));
        docs.back().failed = true;
      }
    }
    eval::CorpusEval result = eval::summarize(std::move(docs), options);
    return write_output("", args->format == "json" ? eval::report_json(result, args->errors)
                                                   : eval::report_text(result, args->errors))
               ? kExitOk
               : kExitInput;
  };
}

}  // namespace quotegraph::cli
