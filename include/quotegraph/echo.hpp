// Echoed rhetoric: who takes up whose words, and how the outlet frames them.
//
//   echo::EchoAnalyzer echoes;  // compiles the cue patterns once; then immutable
//   echo::EchoReport r = echoes.analyze({{&monday, "2023-03-05"}, {&tuesday, ""}});
//   std::cout << echo::to_text(r, {{&monday, "2023-03-05"}, {&tuesday, ""}});
//
// Input: analyses (quotegraph::Analysis, as returned by Analyzer::analyze) of one
// or more articles. Output: an EchoReport with
//   - echoes:      speaker Y takes up speaker X's words or framing. `explicit` when
//                  the text says so ("echoed X's rhetoric", "repeated X's claim",
//                  "parroted X", "in language reminiscent of X", "borrowing X's
//                  phrase", "Like X, Y called it …"); `implicit` when two different
//                  speakers' attributed contents share a distinctive phrase, within
//                  one article or across the articles given;
//   - repetitions: a speaker repeating their own words ("reiterated", or the same
//                  distinctive phrase in two of their statements in one article);
//   - framing:     the outlet's own voice: `scare_quote` (a short quoted fragment in
//                  narrator text, outside every attributed content) and `adopted`
//                  (a speaker's loaded term used by the narrator without quotation
//                  marks). Titles of works and named things in quotation marks
//                  ("a book titled “The Long Night”") are neither.
// docs/echo.md defines each record, the scoring and the measured accuracy.
//
// Offsets: every Span is a UTF-8 byte offset pair into the `Document::text` of the
// input it names (EchoInput index), so every span is checkable by slicing that file.
// Determinism: the same inputs in the same order give byte-identical reports and
// output; records are sorted before they are returned.
// Errors: the analysis cannot fail on a valid Analysis; writers never throw.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "quotegraph/document.hpp"

namespace quotegraph::echo {

// The compiled RE2 patterns and echo's lexicons (src/echo/internal.hpp),
// declared only: their definitions and RE2 stay out of the public API.
struct Compiled;

// One article to analyse. The analysis is borrowed: it must outlive the call.
struct EchoInput {
  const Analysis* analysis = nullptr;
  // ISO date "YYYY-MM-DD", or "" when unknown. Orders documents for the direction
  // of cross-article echoes: an earlier date is the source. See detect_date().
  std::string date;
};

struct EchoOptions {
  // Word n-grams shared between contents are indexed from min_ngram to max_ngram
  // words. Longer shared runs are still found: matches extend to maximal runs.
  int min_ngram = 2;
  int max_ngram = 5;
  // An implicit echo (and an implicit self-repetition) needs at least this score.
  double min_score = 0.65;
  // A phrase found in more documents than max(min_df_cap, max_df_share × inputs)
  // is common in this input set and never fires.
  int min_df_cap = 8;
  double max_df_share = 0.05;
  // Narrator quotations with more words than this are unattributed quotes, not
  // scare quotes.
  int max_scare_words = 5;
};

enum class Evidence {
  kExplicit,  // a cue in the text states it ("echoed X's rhetoric", "reiterated")
  kImplicit,  // inferred from a shared distinctive phrase
};
const char* to_string(Evidence e);

// One side of an echo or repetition: a speaker and, when known, the statement.
struct Party {
  int input = -1;        // index into the inputs
  int attribution = -1;  // index into that Analysis::attributions; -1 when the text names
                         // the speaker but gives no statement ("echoed X's rhetoric")
  int entity = -1;       // index into that Analysis::entities; -1 when unresolved
  std::string name;      // entity name, else the mention text; "" when unknown
  Span mention;          // the speaker mention; may be empty
  Span phrase;           // the shared phrase in this party's statement; may be empty
};

// Y takes up X's words (echo), or Y repeats Y's own words (repetition).
// `from` is Y (the later use), `to` is X (the earlier one).
struct Echo {
  Evidence evidence = Evidence::kImplicit;
  Party from;
  Party to;
  std::string phrase;  // the shared phrase as written in `from` (or in `to`); "" when the
                       // cue gives none
  Span cue;            // explicit: the cue phrase in from.input ("echoed Tokayev’s rhetoric")
  std::string cue_lemma;  // explicit: "echo", "repeat", "parrot", "reminiscent", "borrow",
                          // "like", "reiterate"; implicit: ""
  double score = 0.0;     // in (0, 1]; explicit cues score by cue reliability
  std::string reason;     // one line saying why it counts
};

enum class FramingKind {
  kScareQuote,  // a “peacekeeping” force: the outlet quotes a term it does not own
  kAdopted,     // the outlet uses a speaker's loaded term as its own ("the looters")
};
const char* to_string(FramingKind k);

struct Framing {
  FramingKind kind = FramingKind::kScareQuote;
  int input = -1;
  Span span;         // scare_quote: the fragment with its quotation marks; adopted: the term
  std::string term;  // normalised: lower case, inner text without quotation marks
  // Whose word it is, when the article says so (the speaker who used the term in
  // an attributed content, or "what X called"); -1 / "" / empty when it does not.
  int entity = -1;
  std::string entity_name;
  int attribution = -1;  // the attribution where the speaker used the term
  Span source;           // the speaker's use of the term; may be empty
  std::string reason;
};

struct EchoReport {
  std::vector<Echo> echoes;       // sorted by (from.input, from position, to.input, to position)
  std::vector<Echo> repetitions;  // same order; from and to name the same speaker
  std::vector<Framing> framing;   // sorted by (input, span.start)
};

// Compiled cue patterns and lexicons (stock phrases, common words, loaded terms,
// title cues). Construction compiles every pattern once; afterwards the object is
// immutable and analyze() may run on many threads at once.
class EchoAnalyzer {
 public:
  explicit EchoAnalyzer(EchoOptions options = {});
  ~EchoAnalyzer();
  EchoAnalyzer(const EchoAnalyzer&) = delete;
  EchoAnalyzer& operator=(const EchoAnalyzer&) = delete;

  // Analyses a set of articles together (cross-article echoes need the set).
  // Direction of an implicit echo: the earlier occurrence is the source: an earlier
  // date when both inputs have different known dates, else the earlier input, else
  // the earlier byte position. Two speakers are the same when their entity names
  // agree after normalisation (lower case; for people, the last name).
  // Complexity: linear in the total text plus the matched n-gram postings: n-grams
  // are hashed into one inverted index and only postings of the same n-gram are
  // paired; n-grams with more postings than the common-phrase cap are dropped, so
  // there is no all-pairs step over attributions.
  EchoReport analyze(const std::vector<EchoInput>& inputs) const;

  // One article (no date). Same as analyze({{&a, ""}}).
  EchoReport analyze(const Analysis& a) const;

  const EchoOptions& options() const { return options_; }

 private:
  EchoOptions options_;
  std::unique_ptr<const Compiled> compiled_;
};

// The first date in the article's first 300 body bytes, as "YYYY-MM-DD": ISO
// ("2023-03-05") or "March 5, 2023" / "5 March 2023". "" when none. Linear.
std::string detect_date(const Document& doc);

// ------------------------------------------------------------------ writers --
// All writers are deterministic and name each input by its Document::path.

// {"inputs":[{"path","date"}], "echoes":[…], "repetitions":[…], "framing":[…]}
// (docs/echo.md, "JSON"). `indent` < 0 writes one line.
std::string to_json(const EchoReport& r, const std::vector<EchoInput>& inputs, int indent = 2);

// `analyze --format json` carries one article's echoes[] and framing[]:
// pass the report as quotegraph::WriteOptions::echo (quotegraph/io.hpp).

// People: one line per record, grouped by section.
std::string to_text(const EchoReport& r, const std::vector<EchoInput>& inputs);

// Graphviz DOT: speakers as nodes (one per normalised name), echoes as dashed
// edges Y -> X labelled with the phrase, repetitions as dotted self-loops.
std::string to_dot(const EchoReport& r, const std::vector<EchoInput>& inputs);

}  // namespace quotegraph::echo
