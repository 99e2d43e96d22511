// One story across outlets: N analyses of the same event in, the differences
// between the outlets' attributions out.
//
//   diff::Differ differ;  // builds the lexicons once; then immutable
//   Result<diff::DiffReport> r = differ.diff({{&a1, "Outlet A"}, {&a2, "Outlet B"}});
//   for (const diff::Finding& f : r.value().findings)
//     std::cout << diff::to_string(f.type) << ": " << f.heading << "\n";
//   std::cout << diff::to_json(r.value());
//
// Input: two or more analyses (quotegraph::Analysis, as returned by
// Analyzer::analyze), each with an outlet name. Output: a DiffReport with
//   - entities:   entities aligned across the articles (normalised name, aliases,
//                 roles; surname for people, acronym/initials for organisations);
//   - statements: attributions aligned across the articles by content similarity
//                 (normalised tokens, word shingles, containment, longest common
//                 run of words), at most one per outlet, each link with a score;
//   - findings:   the differences, each with evidence spans from every article
//                 concerned (docs/diff.md defines each type):
//       speaker_only         an entity quoted by some outlets only
//       statement_only       a statement carried by some outlets only
//       misattribution       the same words given to different speakers
//       relay                the same words given to a spokesperson in one outlet
//                            and to the principal in another (or relayed "via")
//       quote_vs_paraphrase  quoted directly in one outlet, paraphrased in another
//       quote_altered        the quoted words differ (shortened or changed); the
//                            finding carries a word-level diff
//       cue_verb             different reporting verbs (said / claimed / admitted)
//       framing              a loaded term scare-quoted by one outlet, adopted as
//                            the outlet's own word by another (echo framing)
//   Each finding has a severity and a score in [0, 1] saying how much it matters
//   to a reader (docs/diff.md, "Ranking"); findings are sorted by score, highest
//   first, so a report opens with the misattributions and altered quotes and the
//   one-outlet statements come last.
//   - warnings:   "these inputs share no entity or statement: same story?"
//
// Offsets: every Span is a UTF-8 byte offset pair into the Document::text of the
// input it names, so every evidence span is checkable by slicing that file.
// Determinism and order independence: inputs are put in a canonical order (by
// outlet, then path, then text) before anything is compared, and every list is
// sorted, so the same set of inputs gives byte-identical reports and output in
// any argument order.
// Errors: diffing cannot fail on valid analyses; diff() checks only its
// arguments. Writers never throw.
// Thread safety: Differ is immutable after construction; diff() may run on many
// threads at once. to_svg() serialises Graphviz calls on an internal mutex.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "quotegraph/document.hpp"
#include "quotegraph/status.hpp"

// Internal types a Differ owns, declared only: it runs echo on each input
// and reads WordNet senses (src/text/senses.hpp) to align paraphrases.
namespace quotegraph::echo { class EchoAnalyzer; }
namespace quotegraph::text { class Senses; }

namespace quotegraph::diff {

// One outlet's article. The analysis is borrowed: it must outlive the report.
struct DiffInput {
  const Analysis* analysis = nullptr;
  std::string outlet;  // "" means: Document::outlet, else the file name without extension
};

struct DiffOptions {
  // Two statements of different outlets align when their similarity score
  // (in [0, 1], see docs/diff.md) reaches this.
  double min_statement_score = 0.5;
  // Statements with fewer content words than this never align (too little
  // evidence: "he said no").
  int min_content_words = 2;
  // Findings scoring below this are left out of the report (see Finding::score).
  double min_finding_score = 0.0;
};

enum class FindingType {
  kSpeakerOnly,
  kStatementOnly,
  kMisattribution,
  kRelay,
  kQuoteVsParaphrase,
  kQuoteAltered,
  kCueVerb,
  kFraming,
};
const char* to_string(FindingType t);

// How much a finding matters to a reader: high (the words or the speaker differ),
// medium (how the words are presented differs), low (coverage differs).
enum class Severity { kLow, kMedium, kHigh };
const char* to_string(Severity s);

// An entity aligned across outlets: its entities in every outlet that mentions
// it (usually one per outlet; two when one article's entity stage kept "Clinton"
// apart from "Hillary Clinton" and the corpus identity joins them).
struct AlignedEntity {
  std::string name;  // display name: the longest member name, ties alphabetical
  EntityKind kind = EntityKind::kUnknown;
  struct Member {
    int input = -1;   // index into DiffReport::inputs (canonical order)
    int entity = -1;  // index into that Analysis::entities
  };
  std::vector<Member> members;  // sorted by input
  std::vector<int> quoted_in;   // inputs where it speaks at least once, sorted
};

// A statement aligned across outlets: at most one attribution per outlet. An
// attribution is a member of one statement, or of several through its sentences
// (Member::part).
struct AlignedStatement {
  struct Member {
    int input = -1;
    int attribution = -1;  // index into that Analysis::attributions
    int speaker = -1;      // index into DiffReport::entities; -1 when no or unresolved speaker
    double score = 1.0;    // similarity to the cluster's first member (1 for the first)
    // The words of the attribution that are this statement: its content, or one
    // sentence of it when the content carries several remarks and another
    // outlet reports only this one (the attribution is then a member of more
    // than one aligned statement, once for each sentence it shares).
    Span part;
    bool is_part = false;  // part is one sentence of the content, not all of it
  };
  std::vector<Member> members;  // sorted by input
  std::string text;             // normalised content words of the first member
};

// Evidence for a finding: a span in one input and what it is.
struct EvidenceSpan {
  int input = -1;
  std::string what;  // "content", "speaker", "cue", "framing", "relay"
  Span span;
  std::string text;  // the span's text, as written
};

struct Finding {
  FindingType type = FindingType::kStatementOnly;
  Severity severity = Severity::kLow;
  double score = 0;               // in [0, 1]: the type's weight times the alignment's confidence
  std::string subject;            // entity name, normalised statement words, or term
  std::string heading;            // the subject in the words of the first article, one line
  std::vector<int> inputs;        // outlets that have it (or each side's outlets), sorted
  std::vector<int> missing;       // outlets without it (speaker_only, statement_only)
  std::string detail;             // one line: what differs, per outlet
  std::vector<EvidenceSpan> evidence;  // sorted by (input, span.start, what), no duplicates
  int statement = -1;             // index into DiffReport::statements, when statement-based
};

struct DiffReport {
  struct Input {
    std::string outlet;
    std::string path;
    const Analysis* analysis = nullptr;
  };
  std::vector<Input> inputs;  // canonical order: (outlet, path, text)
  std::vector<AlignedEntity> entities;      // sorted by (name, first member)
  std::vector<AlignedStatement> statements; // sorted by first member (input, content start)
  std::vector<Finding> findings;            // sorted by (score descending, type, subject, inputs, evidence)
  std::vector<std::string> warnings;        // about the inputs as a whole ("same story?")
};

// Aligns and compares. Holds the echo analyzer (for framing) and the lexicons
// (stop words, relay roles), built once.
class Differ {
 public:
  explicit Differ(DiffOptions options = {});
  ~Differ();
  Differ(const Differ&) = delete;
  Differ& operator=(const Differ&) = delete;

  // Errors: kInvalidArgument when fewer than two inputs are given or an input has
  // no analysis. Two inputs with the same outlet name are told apart by path.
  // Complexity: O(S² · w) for S attributions of w words in all, plus O(E²) for E
  // entities: 10 articles of 1,000 words take a few milliseconds
  // (docs/diff.md).
  Result<DiffReport> diff(const std::vector<DiffInput>& inputs) const;

  const DiffOptions& options() const { return options_; }

 private:
  DiffOptions options_;
  std::unique_ptr<const echo::EchoAnalyzer> echo_;
  std::unique_ptr<const text::Senses> senses_;
};

// ------------------------------------------------------------------ writers --
// Deterministic; each input is named by outlet and path, never only by position.

// People: the inputs, then one block per finding with its evidence.
std::string to_text(const DiffReport& r);

// {"schema":"0.1","inputs":[…],"entities":[…],"statements":[…],"findings":[…]}
// (docs/diff.md, "JSON"). `indent` < 0 writes one line.
std::string to_json(const DiffReport& r, int indent = 2);

// Graphviz DOT built with cgraph: speakers and outlets as nodes; an edge
// speaker -> statement topic per aligned statement: grey when every outlet that
// carries the statement gives it to this speaker and all outlets carry it, else
// in the colour of the outlets that do (one edge per outlet); a legend cluster
// names each outlet's colour. Errors: kInternal when cgraph fails.
Result<std::string> to_dot(const DiffReport& r);

// to_dot() laid out by dot and rendered by gvc ("svg", "png").
Result<std::string> render(const DiffReport& r, std::string_view format);

}  // namespace quotegraph::diff
