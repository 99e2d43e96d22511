// Corpora: many articles in, one record per article out, on every core.
//
//   Analyzer analyzer;
//   corpus::CorpusOptions options;  // threads = all cores, JSONL records
//   Result<corpus::CorpusSummary> s = corpus::run_corpus(
//       {"news.jsonl.gz"}, analyzer, options,
//       [](const corpus::RecordResult& r) { std::cout << r.output; return Status(); });
//   std::cerr << corpus::summary_text(s.value()) << "\n";
//
// Ingest (src/corpus/input.cpp, reader.cpp, record.cpp; HTML: html.cpp, article.cpp):
//   JSONL   one article per line, fields named by FieldNames (defaults fit
//           news-please, trafilatura and Media Cloud exports)
//   HTML    one article per file, or an HTML field of a JSONL record; the
//           article body is extracted with gumbo and navigation, asides,
//           footers, comment blocks, scripts and styles are dropped. Offsets in
//           the output then refer to the *extracted* text, not to the HTML.
//   text    one article per file
//   Any input may be gzip-compressed (zlib reads plain files transparently);
//   "-" reads standard input.
//
// Pipeline (src/corpus/pipeline.cpp):
//   reader thread --bounded window--> N workers (one shared, immutable Analyzer)
//   --> ordered writer (the caller's thread, through a RecordSink)
// At most `window` records are between the reader and the writer, so memory is
// bounded by window × the largest record, independent of the corpus size.
// Every input record yields exactly one output record, in input order: the
// analysis, or an error record naming the file, the line and the reason.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "quotegraph/analyzer.hpp"
#include "quotegraph/document.hpp"
#include "quotegraph/graph.hpp"
#include "quotegraph/io.hpp"
#include "quotegraph/status.hpp"

namespace quotegraph::corpus {

// JSONL field names. For each role the first name present in a record wins.
struct FieldNames {
  std::vector<std::string> id = {"id"};
  std::vector<std::string> url = {"url"};
  std::vector<std::string> outlet = {"source", "outlet", "source_domain", "media_name"};
  std::vector<std::string> date = {"date", "publish_date", "date_publish"};
  std::vector<std::string> title = {"title"};
  std::vector<std::string> text = {"text", "maintext"};
  // Used only when no text field is present: HTML to extract the body from.
  std::vector<std::string> html = {"html", "raw_html"};
};

// One article read from a JSONL record (or a whole text/HTML file).
struct Article {
  std::string id, url, outlet, date, title;
  std::string byline;        // HTML pages only (extract_html)
  std::string text;          // what the analyzer sees
  bool from_html = false;    // text was extracted from HTML: offsets refer to it
};

// Why a record produced no analysis. Stable names (to_string) appear in error
// records as "kind".
enum class RecordError {
  kNone,
  kEmptyLine,      // an empty (or white-space-only) line
  kInvalidUtf8,    // the line is not valid UTF-8
  kBadJson,        // the line does not parse as JSON
  kNotObject,      // the line is JSON, but not an object
  kMissingText,    // no text (or HTML) field, or it is not a string
  kAnalysis,       // the analyzer rejected the text
  kUnreadable,     // the input file could not be opened or read
  kTruncated,      // a gzip input ends inside a member: the file was cut short
  kOverBudget,     // the record exceeds a parser budget (HTML nesting, nodes, bytes)
};
inline constexpr size_t kRecordErrorCount = 10;
const char* to_string(RecordError e);

// The error record of the corpus output, one JSONL line:
// {"error": message, "kind": to_string(e), "path": source, "line": line}.
std::string error_record(const std::string& source, uint64_t line, RecordError e, const std::string& message);

// Parses one JSONL line into an Article. Never throws. On failure *error says
// why and the Status message gives the detail (byte offset into the line for
// invalid UTF-8, the JSON parser's message for bad JSON). Linear in the line.
Result<Article> parse_record(std::string_view line, const FieldNames& fields, RecordError* error);

// The article text of an HTML page (src/corpus/article.cpp): the element whose
// paragraphs score highest (length, commas, link density, class and id words
// matched as whole words), widened to its enclosing <article> and to the
// sections and lead beside it; inside it nav, aside, header, footer, form,
// figcaption, script, style and blocks named for comments, sharing, related
// links, trending lists, newsletters, bylines, captions, sidebars or ads are
// dropped (unless one holds most of the prose: a page wrapped in a <form>, a
// story in "l-sidebar-fixed l-article-body"), as are hidden elements and lists
// of links; a paragraph repeated (a second copy of the body) is written once.
// Pages that declare ISO-8859-1/windows-1252 are decoded from it; the text is
// in Unicode NFC.
// Block elements become paragraphs separated by a blank line; white space
// inside a paragraph collapses to one space; entities are decoded. The input
// must be valid UTF-8 (gumbo's requirement); invalid bytes are replaced by
// U+FFFD first. Pages over the HTML budget (check_html_budget: hostile input,
// gumbo is recursive and superlinear there) fall back to stripping tags and
// script/style contents. Linear in the input. The corpus pipeline checks the
// budget first and makes such a record an `over_budget` error record instead.
std::string extract_html_text(std::string_view html);

// An HTML page's article: the body exactly as extract_html_text gives it (the
// text every offset of an HTML input refers to) and what the page says about
// itself. Each field is the first found of: title: og:title, twitter:title,
// JSON-LD headline, <title>; byline: JSON-LD author name(s), meta author,
// article:author (names, not URLs); date: JSON-LD datePublished,
// article:published_time, meta date / dc.date, the first <time datetime>; url:
// <link rel=canonical>, og:url, JSON-LD url; site_name: og:site_name, JSON-LD
// publisher name, application-name. Values are trimmed, white space collapsed,
// "" when absent. Never throws (bad JSON-LD is skipped). Linear in the input.
struct HtmlArticle {
  std::string text;
  std::string title, byline, date, url, site_name;
};
HtmlArticle extract_html(std::string_view html);

// What gumbo may be given (src/corpus/html_budget.cpp). gumbo has no limits:
// time grows with tags × nesting depth and its tree is freed recursively, so
// a page past any of these is not parsed. Real news pages nest 20–60 deep
// and have a few thousand elements; the defaults are far above that.
struct HtmlBudget {
  size_t max_bytes = 16u << 20;        // HTML bytes of one page
  size_t max_depth = 1000;             // open elements, nested as gumbo nests them
  size_t max_nodes = 500'000;          // elements and text runs gumbo would create (~370 bytes each)
  uint64_t max_work = 50'000'000;      // Σ depth over tags: gumbo's scope walks
};

// The shape gumbo would give a page, measured by a linear scan that follows
// the HTML5 tree-construction rules deciding depth (a stray "</x>" is ignored,
// as gumbo ignores it; implied closes of <p>, <li>, cells; formatting elements
// reopened) without building a tree. Where the rules are simplified it keeps
// elements open, so gumbo's tree is at most 2 deeper (a leaf and its text);
// checked against gumbo (docs/hardening.md). Stops at the first budget exceeded.
struct HtmlShape {
  enum Limit { kNone, kBytes, kDepth, kNodes, kWork };
  bool within_budget = true;
  Limit exceeded = kNone;
  size_t at_byte = 0;                  // where the scan stopped (the tag that crossed a limit)
  size_t depth = 0, nodes = 0;         // the maximum seen, up to where it stopped
  uint64_t work = 0;
};
HtmlShape measure_html(std::string_view html, const HtmlBudget& budget = {});

// Ok, or kFormatError "HTML over budget at byte N: WHAT" when measure_html
// finds the page past the budget. Linear in the input.
Status check_html_budget(std::string_view html, const HtmlBudget& budget = {});

// How an input file is read, from its name without ".gz": .jsonl, .ndjson,
// .json and "-" are JSONL; .html, .htm are HTML; anything else is plain text.
enum class InputFormat { kJsonl, kHtml, kText };
InputFormat input_format(std::string_view path);

// Where an article came from, as the writers name it (the "corpus" section,
// CSV's url/date/title): `source` and `line` as in RecordResult, `format` the
// input's, which says what the offsets index.
RecordInfo record_info(const Article& a, const std::string& source, uint64_t line, InputFormat format);

// ------------------------------------------------------------------- inputs --
// One input layer for every subcommand: a path names a file (plain or gzip),
// a directory, or "-" (standard input); its format comes from its name, from
// its first bytes, or from the caller.

// "text", "html", "jsonl" (as --input-format spells them).
const char* to_string(InputFormat f);

// The format a path's name says: .jsonl/.ndjson/.json → JSONL, .html/.htm →
// HTML, .txt/.text/.md → text (".gz" is looked through); false for "-" and
// any other name, whose content decides (sniff_format).
bool format_from_name(std::string_view path, InputFormat* out);

// What the first bytes of an input (after gzip; up to 4 KiB is enough) are.
// Formats quotegraph cannot read are refused with kInputError "PATH: is a PDF
// document; convert it to text first: pdftotext PATH PATH.txt" (likewise
// DOCX, ODT, DOC, RTF, ZIP, UTF-16/UTF-32, images and other binary files, each
// with its conversion). A readable head is HTML when it opens (after white
// space, a BOM or comments) with a doctype or a tag, JSONL when its first
// non-blank line starts with "{", else text. `path` only names the input in
// messages. Linear in the head.
Result<InputFormat> sniff_format(std::string_view head, std::string_view path);

// Files under `paths`: a directory stands for the regular files below it,
// recursively, in byte order of their paths, hidden entries (".name")
// skipped, filtered by `glob` (fnmatch on the file name; "" keeps all); any
// other path (a file, "-", a path that does not exist, which its reader will
// report) stands for itself, whatever `glob` says. Errors: kInputError naming
// a directory that cannot be listed or holds no (matching) file.
Result<std::vector<std::string>> expand_inputs(const std::vector<std::string>& paths, const std::string& glob);

// One article read from an input, or why a record of it is not one.
struct InputDocument {
  std::string name;          // the document's path in outputs: the record's id, else FILE:LINE (JSONL);
                             // FILE (a whole text or HTML file)
  uint64_t line = 1;         // 1-based line of a JSONL record; 1 for whole files
  InputFormat format = InputFormat::kText;
  Article article;           // text is what the analyzer reads (the extracted body for HTML)
  RecordError error = RecordError::kNone;
  std::string message;       // "FILE:LINE: reason" (or "FILE: reason") when error != kNone
};

// Reads every article of one input in order and hands each to `each`: a text
// or HTML file is one article, a JSONL file one per non-blank line (a line
// that is not an article is handed over with its error). `forced` overrides
// the format the name or the content gives. `stdin_name` names "-" in
// documents and messages. Returns a non-ok Status (and hands nothing) when the
// input cannot be opened or its format is refused; a read error midway is
// returned after the documents read so far. Not thread-safe.
// `max_bytes` caps a text or HTML file and each JSONL line (a longer line is
// skipped and its record is an error, a longer file an error Status), so a device or a pipe without end is not read into memory.
Status read_documents(const std::string& path, const InputFormat* forced, const FieldNames& fields,
                      const std::function<void(InputDocument&&)>& each, const std::string& stdin_name = "-",
                      uint64_t max_bytes = 1ull << 30);

// ------------------------------------------------------------------ pipeline --

// Where an output record came from: its input file (as named in records) and
// line. --resume compares these with the inputs before it trusts a partial
// output.
struct RecordKey {
  std::string source;
  uint64_t line = 0;
  bool operator==(const RecordKey&) const = default;
};

// The RecordKey of one line of corpus output (an analysis with its "corpus"
// section, or an error record). kFormatError for anything else.
Result<RecordKey> record_key(std::string_view output_line);

struct CorpusOptions {
  FieldNames fields;
  unsigned threads = 0;        // workers; 0 = std::thread::hardware_concurrency()
  size_t window = 0;           // records between reader and writer; 0 = 8 × threads
  uint64_t skip_records = 0;   // --resume: the first records already have output
  bool analyze_skipped = false;  // analyse skipped records anyway (for the graph)
  Format output = Format::kJsonl;  // each analysis as a JSONL line, or kCsv rows (no header)
  Offsets offsets = Offsets::kBytes;
  bool echo_sections = true;   // add echoes[] and framing[] as `analyze` does
  bool build_graph = false;    // merge every analysis into CorpusSummary::graph
  graph::BuildOptions graph_options;
  // How standard input ("-") is named in records (corpus.source, an error
  // record's "path", FILE:LINE document paths) and the number of its first
  // line (>= 1). A driver that feeds one chunk of a larger file on standard
  // input passes the file's name and the chunk's first line number, so the
  // records read as if the whole file had been read (contrib/dask).
  std::string stdin_name = "-";
  uint64_t stdin_first_line = 1;
  // Every input read as this format (--input-format); unset: by name, else
  // by content (read_documents' rule).
  std::optional<InputFormat> format;
  // Called (on the caller's thread) with a warning the run survives, such as
  // fewer worker threads starting than asked for. Optional.
  std::function<void(const std::string&)> warning;
  // --resume: records that must be at these indexes of the inputs (the first
  // and last record of the partial output). A mismatch stops the run with a
  // kInputError before anything is written: the partial belongs to other
  // inputs, or an input changed since.
  std::vector<std::pair<uint64_t, RecordKey>> expect;
};

// One record, handed to the sink in input order.
struct RecordResult {
  uint64_t index = 0;          // 0-based, over all inputs
  std::string source;          // input file as given
  uint64_t line = 0;           // 1-based line in `source` (1 for whole files)
  RecordError error = RecordError::kNone;
  std::string message;         // the error, when error != kNone
  std::string output;          // the JSONL line (or CSV rows), newline-terminated;
                               // for errors the JSONL error record
                               // {"error","kind","path","line"}
  uint64_t attributions = 0;
  bool skipped = false;        // before skip_records: output is empty
};

// Called on the caller's thread, strictly in input order. Returning a non-ok
// Status (a failed write) stops the run; the Status is returned by run_corpus.
using RecordSink = std::function<Status(const RecordResult&)>;

struct Progress {
  uint64_t records = 0;        // records written (or skipped)
  uint64_t bytes = 0;          // input bytes of those records
  uint64_t total_bytes = 0;    // size of all (uncompressed) inputs if known, else 0
  double seconds = 0;
};
using ProgressCallback = std::function<void(const Progress&)>;

// What one input file gave: a file that is shorter than it should be shows as
// fewer records than its neighbours, or as `truncated`.
struct InputSummary {
  std::string source;          // as named in records
  uint64_t records = 0;        // records read from it (analysed + errors + skipped)
  uint64_t errors = 0;         // of them, error records
  bool truncated = false;      // it ended inside a gzip member
  bool unreadable = false;     // it could not be opened or read to the end
};

struct CorpusSummary {
  uint64_t inputs = 0;         // records read (lines, or whole files)
  uint64_t analysed = 0;       // records with an analysis
  uint64_t errors = 0;         // records with an error record
  uint64_t skipped = 0;        // records skipped by skip_records
  uint64_t outputs = 0;        // records handed to the sink (analysed + errors)
  uint64_t attributions = 0;
  uint64_t bytes = 0;          // input bytes
  double seconds = 0;
  uint64_t by_error[kRecordErrorCount] = {};
  unsigned threads = 0;        // worker threads that ran (fewer than asked when
                               // the system refused to start more)
  std::vector<InputSummary> per_input;  // one per input, in input order
  graph::Graph graph;          // when build_graph
};
// "1200 records read = 1190 analysed + 10 errors (...) + 0 skipped; 1200 written; ..."
std::string summary_text(const CorpusSummary& s);
// One line per input, "FILE: N records (E errors, truncated)", each ending in
// "\n". Past `max_lines` inputs only those with errors are listed, then a
// count of the rest.
std::string inputs_text(const CorpusSummary& s, size_t max_lines = 50);

// Runs the pipeline over `inputs` in order. Invariant on success:
// inputs == analysed + errors + skipped and outputs == analysed + errors.
// `progress` (optional) is called from the writer about 4 times a second.
// Returns the sink's first error, if any; unreadable inputs are error records,
// not a failed run. Thread-safe with respect to other runs.
Result<CorpusSummary> run_corpus(const std::vector<std::string>& inputs, const Analyzer& analyzer,
                                 const CorpusOptions& options, const RecordSink& sink,
                                 const ProgressCallback& progress = {});

}  // namespace quotegraph::corpus
