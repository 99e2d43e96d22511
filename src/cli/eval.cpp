// quotegraph eval: run the analyzer on annotated articles and score it against the gold.
#include <ctime>
#include <cstdio>
#include <iostream>

#include "cli/commands.hpp"
#include <filesystem>

#include "cli/output.hpp"
#include "quotegraph/analyzer.hpp"
#include "quotegraph/diff.hpp"
#include "quotegraph/echo.hpp"
#include "quotegraph/echo_eval.hpp"
#include "quotegraph/entity_eval.hpp"
#include "quotegraph/eval.hpp"
#include "quotegraph/extract_eval.hpp"
#include "quotegraph/corpus.hpp"
#include "quotegraph/io.hpp"
#include "quotegraph/line_reader.hpp"
#include "quotegraph/story_eval.hpp"

namespace quotegraph::cli {
namespace {

struct EvalArgs {
  std::string gold;
  std::string entity_gold;
  std::string echo_gold;
  std::string story_gold;
  std::string extract_dev;
  std::vector<std::string> text;
  // Gold files, articles and pages alike: a gold file is an input too.
  uint64_t max_bytes = Options{}.max_input_bytes;
  double overlap = 0.5;
  double align_score = diff::DiffOptions{}.min_statement_score;
  std::string format = "text";
  bool errors = false;
};

// Reads a file's bytes, or says why not.
bool read_or_report(const std::string& path, std::string& out, uint64_t max_bytes) {
  auto bytes = read_file(path, max_bytes);
  if (!bytes.ok()) {
    std::cerr << "quotegraph: " << bytes.status().message() << "\n";
    return false;
  }
  out = std::move(bytes.value());
  return true;
}

// An annotated article's text, read as every subcommand reads a file
// (corpus::LineReader: plain or gzip; a PDF, Word, ZIP or UTF-16 file refused
// with the same message, corpus::sniff_format). Its gold offsets index the
// text as it is, so an HTML article is not extracted.
bool read_article_or_report(const std::string& path, std::string& out, uint64_t max_bytes) {
  corpus::LineReader reader;
  reader.set_max_line(max_bytes);
  Status st = reader.open(path);
  if (st.ok()) {
    auto format = corpus::sniff_format(reader.peek(4096), path);
    st = reader.status().ok() ? format.status() : reader.status();
  }
  if (st.ok()) {
    auto all = reader.read_all();
    if (all.ok()) out = std::move(all).value();
    st = all.status();
  }
  if (!st.ok()) std::cerr << "quotegraph: " << st.message() << "\n";
  return st.ok();
}

// Each gold file with its article: reads both, parses the gold, analyses the
// article alone and scores it; false (the message printed) on the first error.
template <typename Parse, typename Score>
bool score_each(Result<std::vector<eval::EvalInput>> inputs, Parse parse, Score score, uint64_t max_bytes) {
  if (!inputs.ok()) {
    std::cerr << "quotegraph: " << inputs.status().message() << "\n";
    return false;
  }
  Analyzer analyzer;
  for (const eval::EvalInput& in : inputs.value()) {
    std::string article, json;
    if (!read_article_or_report(in.text_path, article, max_bytes) || !read_or_report(in.gold_path, json, max_bytes))
      return false;
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
                  [&](const auto& gold, const Analysis& a) { docs.push_back(eval::evaluate_entities(gold, a)); },
                  args.max_bytes))
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
                  },
                  args.max_bytes))
    return kExitInput;
  return write_output("", args.format == "json" ? eval::echo_report_json(docs, args.errors)
                                                : eval::echo_report_text(docs, args.errors))
             ? kExitOk
             : kExitInput;
}

// Each story's articles analysed alone, then diffed together, as a user runs
// `quotegraph diff` on them.
int run_story_eval(const EvalArgs& args) {
  auto files = eval::find_story_files(args.story_gold);
  if (!files.ok()) {
    std::cerr << "quotegraph: " << files.status().message() << "\n";
    return kExitInput;
  }
  Analyzer analyzer;
  diff::DiffOptions dopt;
  dopt.min_statement_score = args.align_score;
  diff::Differ differ(dopt);
  std::vector<eval::StoryEval> stories;
  for (const std::string& path : files.value()) {
    std::string json;
    if (!read_or_report(path, json, args.max_bytes)) return kExitInput;
    auto gold = eval::parse_story_gold(json, path);
    if (!gold.ok()) {
      std::cerr << "quotegraph: " << gold.status().message() << "\n";
      return kExitInput;
    }
    eval::StoryGold& g = gold.value();
    std::vector<std::string> texts, paths;
    for (const auto& art : g.articles) {
      std::string found;
      for (const std::string& d : args.text)
        if (std::error_code ec; std::filesystem::is_regular_file(std::filesystem::path(d) / art.doc, ec)) {
          found = (std::filesystem::path(d) / art.doc).string();
          break;
        }
      if (found.empty()) {
        std::cerr << "quotegraph: " << path << ": no " << art.doc << " in the --text directories\n";
        return kExitInput;
      }
      std::string text;
      if (!read_article_or_report(found, text, args.max_bytes)) return kExitInput;
      texts.push_back(std::move(text));
      paths.push_back(found);
    }
    if (Status st = eval::convert_story_spans(g, texts); !st.ok()) {
      std::cerr << "quotegraph: " << st.message() << "\n";
      return kExitInput;
    }
    std::vector<Analysis> analyses;
    for (size_t i = 0; i < texts.size(); ++i) {
      auto a = analyzer.analyze(texts[i], paths[i]);
      if (!a.ok()) {
        std::cerr << "quotegraph: " << a.status().message() << "\n";
        return kExitInput;
      }
      analyses.push_back(std::move(a).value());
    }
    std::vector<diff::DiffInput> inputs;
    std::vector<const Analysis*> ptrs;
    for (size_t i = 0; i < analyses.size(); ++i) {
      inputs.push_back({&analyses[i], g.articles[i].outlet});
      ptrs.push_back(&analyses[i]);
    }
    auto report = differ.diff(inputs);
    if (!report.ok()) {
      std::cerr << "quotegraph: " << path << ": " << report.status().message() << "\n";
      return kExitInput;
    }
    if (g.name.empty()) g.name = std::filesystem::path(path).filename().string();
    stories.push_back(eval::evaluate_story(g, ptrs, report.value()));
  }
  std::cout << (args.format == "json" ? eval::story_report_json(stories, args.errors)
                                      : eval::story_report_text(stories, args.errors));
  return kExitOk;
}

// Every dev page through the HTML extractor, scored against its snippets (and
// its full body when the dev set has one); the extraction speed goes to stderr
// so the report stays deterministic.
int run_extract_eval(const EvalArgs& args) {
  auto pages = eval::read_extract_devset(args.extract_dev);
  if (!pages.ok()) {
    std::cerr << "quotegraph: " << pages.status().message() << "\n";
    return kExitInput;
  }
  double seconds = 0;
  Analyzer analyzer;
  for (eval::ExtractPage& page : pages.value()) {
    std::string html, truth;
    if (!read_or_report(args.extract_dev + "/pages/" + page.page, html, args.max_bytes)) return kExitInput;
    if (!page.body_path.empty() && !read_or_report(page.body_path, truth, args.max_bytes)) return kExitInput;
    page.html_bytes = html.size();
    // CPU time of this process: the figure stays put when other work shares the cores.
    std::clock_t start = std::clock();
    std::string body = corpus::extract_html_text(html);
    seconds += double(std::clock() - start) / CLOCKS_PER_SEC;
    eval::score_page(page, body, truth);
    // What the analyzer makes of the body: attributions that come from chrome.
    auto analysis = analyzer.analyze(body, page.page);
    if (analysis.ok()) eval::score_attributions(page, analysis.value());
  }
  size_t bytes = 0;
  for (const eval::ExtractPage& p : pages.value()) bytes += p.html_bytes;
  std::cout << (args.format == "json" ? eval::extract_report_json(pages.value(), args.errors)
                                      : eval::extract_report_text(pages.value(), args.errors));
  char speed[96];
  std::snprintf(speed, sizeof speed, "extraction: %.1f MB/s of HTML, %.0f pages/s (CPU time, one thread)\n",
                seconds > 0 ? double(bytes) / 1e6 / seconds : 0.0,
                seconds > 0 ? double(pages.value().size()) / seconds : 0.0);
  std::cerr << speed;
  return kExitOk;
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
  sub->add_option("--stories", args->story_gold,
                  "Story gold (docs/story-gold.md): a STORY.story.json file or a directory of them; diffs each "
                  "story's articles and scores the aligned statements, misattribution and one-outlet-speaker "
                  "findings");
  sub->add_option("--extract", args->extract_dev,
                  "HTML extraction dev set (a directory with snippets.json and pages/, built by "
                  "scripts/html_devset.py): snippet hit rates, and token P/R/F1 where bodies/NAME.txt exists");
  sub->add_option("--text", args->text,
                  "Article text: a file, or a directory holding NAME.txt (default: the gold's directory); with "
                  "--entity-gold, --echo or --stories, several directories may be given, searched in order")
      ->expected(1, -1);
  sub->add_option("--align-score", args->align_score, "With --stories: the diff's statement alignment threshold")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  sub->add_option("--overlap", args->overlap, "Content match: overlap share of the shorter span")
      ->check(CLI::Range(0.01, 1.0))
      ->capture_default_str();
  sub->add_option("-f,--format", args->format, "Output format: text, json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  sub->add_flag("--errors", args->errors, "List each missed, spurious and wrong-speaker attribution");
  sub->add_option_function<uint64_t>(
         "--max-mb", [args](uint64_t mb) { args->max_bytes = mb << 20; },
         "Refuse a gold file, article or page larger than N MiB instead of reading it (default 1024)")
      ->check(CLI::Range(uint64_t{1}, uint64_t{1} << 20));
  sub->footer(
      "Examples:\n"
      "  quotegraph eval --gold seeds/ --text seeds/\n"
      "  quotegraph eval --gold ../shared/data/polnear/derived/dev --text ../shared/data/polnear/data/dev/text\n"
      "  quotegraph eval --gold ../shared/data/polnear/data/dev/attributions --text ../shared/data/polnear/data/dev/text --errors\n"
      "  quotegraph eval --entity-gold tests/gold/entities --text ../shared/data/polnear/data/train/text "
      "../shared/data/polnear/data/dev/text\n"
      "  quotegraph eval --echo tests/gold/echo --text ../shared/data/polnear/data/train/text "
      "../shared/data/polnear/data/dev/text --errors\n"
      "  quotegraph eval --stories tests/gold/stories --text ../shared/data/polnear/data/train/text "
      "../shared/data/polnear/data/dev/text --errors\n"
      "Gold offsets are code points; they are converted to the UTF-8 byte offsets the analyzer reports.\n"
      "The last line of text output is a one-line SUMMARY (as shared/tools/score_corpus.py prints), ENTITY, ECHO or STORIES.");

  sub->callback([args] {
    if (!args->gold.empty() + !args->entity_gold.empty() + !args->echo_gold.empty() + !args->story_gold.empty() +
            !args->extract_dev.empty() != 1)
      throw CLI::ValidationError("eval", "give one of --gold, --entity-gold, --echo, --stories and --extract");
    if (!args->story_gold.empty() && args->text.empty())
      throw CLI::ValidationError("--text", "--stories needs the directories holding the articles");
    if (!args->gold.empty() && args->text.size() > 1)
      throw CLI::ValidationError("--text", "one file or directory with --gold");
  });

  return [args]() -> int {
    if (!args->entity_gold.empty()) return run_entity_eval(*args);
    if (!args->echo_gold.empty()) return run_echo_eval(*args);
    if (!args->story_gold.empty()) return run_story_eval(*args);
    if (!args->extract_dev.empty()) return run_extract_eval(*args);
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
      std::string text;
      if (!read_article_or_report(in.text_path, text, args->max_bytes)) return kExitInput;
      auto gold = eval::read_gold(in, text, args->max_bytes);
      if (!gold.ok()) {
        std::cerr << "quotegraph: " << gold.status().message() << "\n";
        return kExitInput;
      }
      for (const std::string& w : gold.value().warnings) std::cerr << "quotegraph: warning: " << w << "\n";
      auto analysis = analyzer.analyze(text, in.text_path);
      if (analysis.ok()) {
        docs.push_back(eval::evaluate(gold.value(), analysis.value(), options));
      } else {
        // As score_corpus.py: a failed analysis scores as an empty prediction.
        std::cerr << "quotegraph: " << analysis.status().message() << "\n";
        Analysis empty;
        empty.doc.text = text;
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
