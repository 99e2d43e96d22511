// Echo evaluation: does the echo engine (echo.hpp) find the echoes, self-
// repetitions and scare quotes a person marked, and does it stay quiet on stock
// phrases?
//
//   Result<eval::EchoGold> gold = eval::parse_echo_gold(json, text, "a.echo.json");
//   eval::EchoEval e = eval::evaluate_echoes(gold.value(), analysis, echoes.analyze(analysis));
//   std::cout << eval::echo_summary_line(e) << "\n";
//
// Reads the hand-labelled echo gold of docs/echo-gold.md (`NAME.echo.json`:
// items of type explicit, implicit, repetition, scare_quote, negative, with
// code-point offsets, converted to bytes here) and scores one article's
// EchoReport (EchoAnalyzer::analyze on that article alone) against it.
//
// Speaker names are compared by their last word, folded: lower case, curly
// apostrophes straight, periods and a trailing "'s" dropped ("Mr. Trump's" and
// "Donald Trump" agree), against the predicted party's entity name and its
// mention text. That is the project's usual last-name rule; it can confuse two
// people of one surname in an article, which the gold avoids.
//
// Errors are values; nothing throws. Deterministic, pure, thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "quotegraph/document.hpp"
#include "quotegraph/echo.hpp"
#include "quotegraph/eval.hpp"
#include "quotegraph/status.hpp"

namespace quotegraph::eval {

enum class EchoItemType { kExplicit, kImplicit, kRepetition, kScareQuote, kNegative };
const char* to_string(EchoItemType t);

// One gold item. Spans are bytes into the article; empty when the gold gives null.
struct EchoGoldItem {
  EchoItemType type = EchoItemType::kExplicit;
  std::string from;   // explicit/implicit: the echoing (later) speaker; repetition: the speaker
  std::string to;     // explicit/implicit: the echoed speaker; repetition: the speaker again
  std::string owner;  // scare_quote: whose word it is, "" when the article does not say
  std::string term;   // scare_quote/negative: the normalised phrase, a check value
  Span cue;           // explicit, repetition: the cue ("echoed Mr. Putin's justification")
  Span phrase;        // the shared phrase in `from`'s words (negative: one use)
  Span to_phrase;     // the same phrase in `to`'s words (negative: the other use)
  Span span;          // scare_quote: the fragment with its quotation marks
};

struct EchoGold {
  std::string name;   // NAME of NAME.txt
  std::string split;  // "train", "dev", or ""
  std::string gold_path;
  std::vector<EchoGoldItem> items;
};

// Parses one echo gold file against the article bytes. Errors: kFormatError
// naming `path` and the item ("items[3]: phrase [900, 920) outside the article's
// 880 code points", "items[0]: explicit needs from and to"); kInputError when the
// article is not valid UTF-8. Linear time.
Result<EchoGold> parse_echo_gold(std::string_view json, std::string_view article, const std::string& path);

// Pairs NAME.echo.json files with NAME.txt, sorted by name; `gold` is one file or
// a directory of them, texts are looked up in `text_dirs` in order. Errors
// (kInputError): missing paths, no gold files, a NAME.txt in none of the dirs.
Result<std::vector<EvalInput>> find_echo_inputs(const std::string& gold, const std::vector<std::string>& text_dirs);

struct EchoErrorLine {
  std::string document;
  std::string what;  // "miss", "false_pair", "false_scare", "negative_reported"
  size_t at = 0;     // code-point offset into the article (as the gold's offsets)
  std::string detail;
};

// Counts for one article or a sum; every ratio is 0 when its denominator is 0.
struct EchoEval {
  std::string name;
  std::string split;
  size_t explicit_gold = 0, explicit_found = 0;
  size_t implicit_gold = 0, implicit_found = 0;
  size_t repetition_gold = 0, repetition_found = 0;
  size_t scare_gold = 0, scare_found = 0;
  // Reported echoes + repetitions, and those matching some gold echo/repetition item.
  size_t pairs_pred = 0, pairs_ok = 0;
  // Reported scare quotes, and those overlapping a gold scare quote.
  size_t scare_pred = 0, scare_ok = 0;
  // Negative items, and those the engine reported (an implicit echo or a
  // repetition whose phrase overlaps either use).
  size_t negatives = 0, negatives_reported = 0;
  std::vector<EchoErrorLine> errors;

  EchoEval& operator+=(const EchoEval& o);  // sums the counts, keeps name and errors
};

// Scores `report` (EchoAnalyzer::analyze(prediction)) against `gold`.
// Matching (docs/echo-gold.md): explicit/implicit = a reported echo of that
// evidence whose from and to match the gold names and, when the gold gives a
// phrase, whose phrase overlaps it (explicit without a phrase: whose cue overlaps
// the gold cue); repetition likewise with one speaker; scare quote = a reported
// scare_quote framing overlapping the span. Linear in gold items x reports.
EchoEval evaluate_echoes(const EchoGold& gold, const Analysis& prediction, const echo::EchoReport& report);

// "ECHO explicit_recall=0.300 implicit_recall=0.250 repetition_recall=0.125
//  scare_recall=0.600 pair_precision=0.400 scare_precision=0.500 negatives_reported=2"
std::string echo_summary_line(const EchoEval& total);

// Per-document table, totals by split and overall, optional error listing; the
// summary line last.
std::string echo_report_text(const std::vector<EchoEval>& docs, bool with_errors);
std::string echo_report_json(const std::vector<EchoEval>& docs, bool with_errors);

}  // namespace quotegraph::eval
