// Reading inputs and writing analyses in the documented output formats
// (docs/output-format.md). Writers are deterministic: same Analysis, same bytes.
//
//   Result<std::string> bytes = read_file("a.txt");
//   Result<Analysis> a = analyzer.analyze(bytes.value(), "a.txt");
//   quotegraph::WriteOptions w;
//   w.offsets = quotegraph::Offsets::kChars;      // Python-style str indexes
//   std::cout << quotegraph::write(quotegraph::Format::kJsonl, a.value(), w);
//
// Every analysis output of the CLI goes through write(): the format table in
// src/io/formats.cpp is the one place a new format is registered.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "quotegraph/document.hpp"
#include "quotegraph/status.hpp"

namespace quotegraph {

namespace echo {
struct EchoReport;
}

// Version of the JSON output schema; bumped on any incompatible change.
inline constexpr const char* kSchemaVersion = "0.1";
// Version of the tool.
inline constexpr const char* kVersion = "0.1.0";

// Reads a whole file ("-" reads standard input). Errors name the path: missing
// file, a directory, unreadable, or longer than `max_bytes` (reading stops
// there: a device or pipe without end is refused, not read into memory).
Result<std::string> read_file(const std::string& path, uint64_t max_bytes = 1ull << 30);

// The output formats of an analysis.
enum class Format {
  kText,   // for people: one block per attribution
  kJson,   // one JSON document (docs/output-format.md), indented
  kJsonl,  // the same on one line
  kCsv,    // RFC 4180, one row per attribution (header: csv_header())
};
const char* to_string(Format f);
// "text" -> kText, ...; nullopt for a name that is not a format.
std::optional<Format> parse_format(std::string_view name);
// Every format's name, in the order --help lists them.
std::vector<std::string> format_names();

// How offsets are counted in JSON, JSONL and CSV.
enum class Offsets {
  kBytes,  // UTF-8 bytes into the input (the engine's own Span)
  kChars,  // Unicode code points: Python's str indexes, JavaScript's for the BMP
};
const char* to_string(Offsets o);
std::optional<Offsets> parse_offsets(std::string_view name);

// Byte offset -> code-point offset over one text. One pass to build; each
// lookup reads at most 64 bytes, and memory is one word per 64 bytes.
class CodePointMap {
 public:
  explicit CodePointMap(std::string_view text);
  // `byte` must lie on a code-point boundary, in [0, text.size()].
  uint32_t operator()(uint32_t byte) const;

 private:
  std::string_view text_;
  std::vector<uint32_t> before_;  // code points before byte 64*i
};

// Where a corpus record came from: the "corpus" section of JSON/JSONL and the
// metadata columns of CSV.
struct RecordInfo {
  std::string source;  // the input file as given
  uint64_t line = 0;   // 1-based line of a JSONL record, 1 for a whole file
  std::string id, url, date, title, byline;
  std::string site_name;   // a web page's publisher (og:site_name)
  std::string offsets_of;  // what the offsets index ("the record's text field")
};

struct WriteOptions {
  Offsets offsets = Offsets::kBytes;
  // JSON/JSONL: the article's echoes[] and framing[] (echo::EchoAnalyzer on
  // this analysis), when given.
  const echo::EchoReport* echo = nullptr;
  // CSV: the url, date and title columns; with `corpus_section` also JSON's
  // "corpus" section (as `quotegraph corpus` writes each record).
  const RecordInfo* record = nullptr;
  bool corpus_section = false;
  // JSON: spaces per level (docs/output-format.md uses 2); JSONL ignores it.
  int indent = 2;
};

// One analysis in `format`, ending with a newline. CSV rows come without the
// header (csv_header()); text is one block, without a separating blank line.
std::string write(Format format, const Analysis& a, const WriteOptions& options = {});

// Several analyses as one output stream, as `analyze` writes them: JSON
// wraps them in an array (one alone stays an object), CSV writes its header
// once, text separates the blocks with a blank line, JSONL is one line each.
// add() and finish() return the bytes to write next.
class AnalysisStream {
 public:
  explicit AnalysisStream(Format format) : format_(format) {}
  std::string add(const Analysis& a, const WriteOptions& options = {});
  std::string finish();
  size_t documents() const { return documents_; }

 private:
  Format format_;
  size_t documents_ = 0;
  std::string held_;  // JSON: the first document, until a second arrives
};

// The CSV header row (with its CRLF).
std::string csv_header();

// The id of the attribution at `index` in Analysis::attributions ("a1", ...),
// the same in every format and every command.
std::string attribution_id(size_t index);

// The individual writers, as write() dispatches to them.
// `indent` < 0 writes a single line (JSONL).
std::string to_json(const Analysis& a, int indent = 2, const WriteOptions& options = {});
std::string to_text(const Analysis& a);
std::string to_csv(const Analysis& a, bool header, const WriteOptions& options = {});

}  // namespace quotegraph
