// Evaluation: hand-annotated gold attributions against an Analysis.
//
//   Result<std::vector<eval::EvalInput>> inputs = eval::find_inputs("seeds/", "seeds/");
//   std::vector<eval::DocumentEval> docs;
//   for (const eval::EvalInput& in : inputs.value()) {
//     std::string text = read_file(in.text_path).value();
//     Result<eval::GoldDocument> gold = eval::read_gold(in, text);
//     docs.push_back(eval::evaluate(gold.value(), analyzer.analyze(text, in.text_path).value()));
//   }
//   std::cout << eval::summary_line(eval::summarize(std::move(docs))) << "\n";
//
// Two gold shapes are read:
//   - the seed layout (`NAME.gold.json`, as in seeds/ and PolNeAR's derived/ folder):
//     `attributions[]` and `optional[]` with code-point offsets `start`/`end`,
//     optional `content_spans`, `speaker_start`/`speaker_end`, `cue_spans`, and a
//     `type` or `type_heuristic` ("direct", "indirect", "mixed");
//   - BRAT standoff in the PolNeAR/PARC style (`.ann` beside or apart from the `.txt`):
//     `Source`/`Cue`/`Content` text-bound spans, `Attribution` and
//     `Attribution-no-source` events, discontinuous spans `a b;c d`, `Discard` spans.
// Gold offsets are Unicode code points into the article; the readers convert every
// one of them to UTF-8 byte offsets, so all Spans below are byte offsets into the
// article bytes exactly as read from disk (a BOM counts as one code point, CR as one).
//
// Scoring reproduces shared/tools/score_corpus.py for its headline figures
// (content P/R/F1, content+speaker P/R/F1, speech-cue recall, speaker agreement),
// and adds exact / loose overlap, cue and source spans, and kind breakdowns.
//
// Errors are values: no function here throws. Everything is deterministic: the
// same inputs give byte-identical reports. Functions are pure and thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "quotegraph/document.hpp"
#include "quotegraph/status.hpp"

namespace quotegraph::eval {

// ---------------------------------------------------------------- gold ------

// One gold attribution. Spans are UTF-8 byte offsets into the article.
struct GoldAttribution {
  std::string id;                            // "a1" (seed) or "E3" (BRAT event id)
  std::string speaker;                       // source text or canonical name; "" when none
  std::vector<std::string> speaker_aliases;  // as given; BRAT: the source text only
  Span speaker_span;                         // empty when the gold gives no source offsets
  std::string cue;                           // cue text as written in the gold
  std::vector<Span> cue_spans;               // empty when the gold gives no cue offsets
  std::string content;                       // content text as written in the gold
  std::vector<Span> content_pieces;          // in gold order; empty when the gold has no offsets
  std::string kind;                          // "direct", "indirect", "mixed", or "" when unknown
  std::string relation;                      // BRAT event type or `polnear_relation`; may be ""

  // The content from the earliest piece start to the latest piece end (empty
  // when there are no offsets); pieces in gold order need not be sorted.
  Span content_span() const;
};

struct GoldDocument {
  std::string name;       // article name: the NAME of NAME.txt
  std::string gold_path;  // the file the gold was read from
  // Attributions that must be found. Every one has content offsets.
  std::vector<GoldAttribution> attributions;
  // May be predicted or not without penalty (seed `optional[]`, BRAT relations
  // without a source). Items without offsets take no part in matching.
  std::vector<GoldAttribution> optional;
  std::vector<Span> discard_spans;  // text the annotators marked as not article body
  bool has_cue_offsets = false;     // cue P/R/F1 is scored only when true
  bool has_source_offsets = false;  // source-span P/R/F1 is scored only when true
  int skipped_relations = 0;        // BRAT events with no content (nothing to score)
  // Harmless oddities worth a look, e.g. "line 12: T7 text differs from the article".
  std::vector<std::string> warnings;
};

// Reads the seed layout. `json` is the gold file's bytes, `article` the article's
// bytes (needed to convert code points to bytes). Errors: kFormatError naming
// `gold_path` and the item ("attributions[3] (id a4): end 912 beyond the article's
// 880 code points"); kInputError when `article` is not valid UTF-8.
// Linear in the sizes of both inputs.
Result<GoldDocument> parse_seed_gold(std::string_view json, std::string_view article,
                                     const std::string& gold_path);

// Reads one BRAT standoff file. Lines that continue the text field of the
// previous T line (a span containing a newline) are skipped; R, A, N, M and #
// lines are ignored. Relations whose events name a Source become `attributions`,
// the others `optional`; several Content roles (Content, Content2, ...) are one
// attribution with all their pieces. `kind` is derived from quotation marks
// (direct: >= 90% of the content's letters inside quotation marks, mixed: some,
// indirect: none), as PolNeAR's derived files do. Errors: kFormatError naming
// `ann_path` and the line ("line 7: bad offsets '12 x'", "line 9: unknown
// annotation T99"); kInputError when `article` is not valid UTF-8. Bounded:
// more than 256 pieces to an annotation or an event's role, more than 256
// arguments to an event, or annotations quoting more than 32 times the
// article's text are kFormatError naming the line, so time and memory stay
// linear in the sizes of both inputs. At most 20 warnings, then one counting
// the rest. parse_seed_gold refuses more than 256 pieces in one span list.
Result<GoldDocument> parse_brat(std::string_view ann, std::string_view article,
                                const std::string& ann_path);

enum class GoldFormat { kSeedJson, kBrat };

// One article to evaluate: where its gold and its text are.
struct EvalInput {
  std::string name;
  std::string gold_path;
  std::string text_path;
  GoldFormat format = GoldFormat::kSeedJson;
};

// Pairs gold files with article texts, sorted by name.
// `gold` is a file (NAME.gold.json, any .json, or NAME.ann) or a directory: all
// its *.gold.json files when it has any, else its *.ann files. Several .ann files
// for one article (PolNeAR names them NAME_ANNOTATOR.ann) are several annotators:
// the first in sorted order is taken. `text` is a file or a directory holding
// NAME.txt; for an .ann file STEM.ann the article is STEM.txt, else STEM minus its
// last "_ANNOTATOR" part. An empty `text` means the gold's own directory.
// Errors (kInputError): missing paths, no gold files, an article with no text.
Result<std::vector<EvalInput>> find_inputs(const std::string& gold, const std::string& text);

// Reads and parses the gold of `input` against the article bytes; a gold file
// larger than `max_bytes` is refused unread (kInputError, as io::read_file).
Result<GoldDocument> read_gold(const EvalInput& input, std::string_view article, uint64_t max_bytes = 1ull << 30);

// ------------------------------------------------------------- scoring ------

struct EvalOptions {
  // A content match needs a byte overlap of at least this share of the shorter of
  // (the gold's pieces, the predicted content). In (0, 1]; score_corpus.py uses 0.5.
  double overlap = 0.5;
  // Excerpts in the error listing are cut to this many code points.
  size_t excerpt_chars = 90;
};

// Counts for precision, recall and F1. P = tp_pred / pred, R = tp / gold; the two
// true-positive counts differ only in the kind breakdown, where a gold item and
// its matched prediction may fall in different rows. A ratio with a zero
// denominator is 0.
struct Prf {
  size_t gold = 0;
  size_t pred = 0;
  size_t tp = 0;       // matched gold items
  size_t tp_pred = 0;  // matched predictions
  double precision() const;
  double recall() const;
  double f1() const;
  Prf& operator+=(const Prf& o);
};

// Content matching restricted to one slice of the items: a gold kind, or speech cues.
// gold/tp count gold items in the slice; pred/tp_pred predictions in the slice
// (by the predicted kind, or a predicted cue that is a speech cue); speaker_ok
// counts matched gold items whose predicted speaker agrees.
struct SliceCounts {
  Prf content;
  size_t speaker_ok = 0;
  SliceCounts& operator+=(const SliceCounts& o);
};

enum class ErrorKind { kMissed, kSpurious, kWrongSpeaker };
const char* to_string(ErrorKind k);

// One line of the error listing, at the headline overlap.
struct EvalError {
  ErrorKind kind = ErrorKind::kMissed;
  std::string document;
  std::string gold_id;          // "" for spurious predictions
  Span span;                    // gold content (missed, wrong speaker) or predicted content
  std::string cue;              // gold cue text, or the predicted cue text
  std::string gold_speaker;     // "" for spurious predictions
  std::string pred_speaker;     // predicted mention text, else entity name; "" if none
  std::string excerpt;          // content text, white space collapsed, cut with "…"
  std::string rule;             // rule of the predicted attribution, if any
};

struct DocumentEval {
  std::string name;
  bool failed = false;  // the analysis failed; scored as an empty prediction
  Prf content;          // at EvalOptions::overlap: the headline
  Prf content_exact;    // same boundaries up to white space, quotation marks and , . ; :
  Prf content_loose;    // at overlap 0.3
  Prf attribution;      // content match whose speaker agrees (tp counts both)
  Prf cue;              // cue spans; zero unless the gold has cue offsets
  Prf source;           // source spans vs speaker mentions; zero unless the gold has them
  bool cue_scored = false;
  bool source_scored = false;
  // Keys: "direct", "indirect", "mixed", "unknown" (gold kind missing), "speech".
  std::map<std::string, SliceCounts> slices;
  std::vector<EvalError> errors;  // missed, spurious, wrong speaker; in text order per kind

  // Matched content whose speaker agrees, over matched content.
  double speaker_agreement() const;
};

// Scores one analysis against its gold. The gold and the analysis must be of the
// same article bytes. Matching, at options.overlap (default as score_corpus.py):
//   - gold items in gold order each take the first unused prediction that overlaps
//     enough, preferring (and stopping at) the first whose speaker agrees;
//   - a speaker agrees when the predicted mention overlaps the gold source span,
//     or a name of the predicted speaker (entity name, aliases, mention text)
//     shares its last word (NFKC, lower-cased) with the gold `speaker`;
//   - an unmatched prediction lying >= overlap inside a matched gold's pieces (a
//     split piece of it) or inside an optional gold is neutral: neither TP nor FP.
// Cue and source spans are matched one to one at the same overlap, each distinct
// span counted once. Linear in the article size plus (gold x predictions).
DocumentEval evaluate(const GoldDocument& gold, const Analysis& prediction, const EvalOptions& options = {});

// Micro-averaged totals over documents (counts are summed, then ratios taken).
struct CorpusEval {
  EvalOptions options;
  std::vector<DocumentEval> documents;  // in the order given
  DocumentEval total;                   // name "TOTAL"; errors left empty
  size_t failed = 0;
};

CorpusEval summarize(std::vector<DocumentEval> documents, const EvalOptions& options = {});

// The one-line summary, in score_corpus.py's format:
// "SUMMARY content_f1=0.512 attribution_f1=0.401 speech_recall=0.700 speaker_agreement=0.783"
std::string summary_line(const CorpusEval& c);

// Plain-text report: optional error listing, per-document table, totals, and the
// summary as its last line. Ends with a newline.
std::string report_text(const CorpusEval& c, bool with_errors);

// The same as one JSON object (totals, per document, and errors when asked),
// keys in a fixed order, numbers rounded to 4 decimals.
std::string report_json(const CorpusEval& c, bool with_errors);

}  // namespace quotegraph::eval
