// The writer table: every analysis format, its name, its writer and how
// several documents join in one stream. A new format is its `Format` value
// (io.hpp), one row here and its writer's own file.
#include <array>
#include <string>
#include <utility>

#include "quotegraph/io.hpp"

namespace quotegraph {
namespace {

struct FormatRow {
  Format format;
  const char* name;
  std::string (*write)(const Analysis&, const WriteOptions&);
  // Several documents in one stream (AnalysisStream): what opens the stream
  // (CSV's header), what stands between two documents, and whether they form
  // a JSON array (opened only when a second document comes, so one document
  // stays the object `write` gives).
  std::string (*head)();
  const char* between;
  bool array;
};

constexpr std::array<FormatRow, 4> kFormats{{
    {Format::kText, "text", [](const Analysis& a, const WriteOptions&) { return to_text(a); }, nullptr, "\n", false},
    {Format::kJson, "json", [](const Analysis& a, const WriteOptions& o) { return to_json(a, o.indent, o); }, nullptr,
     ",\n", true},
    {Format::kJsonl, "jsonl", [](const Analysis& a, const WriteOptions& o) { return to_json(a, -1, o); }, nullptr, "",
     false},
    {Format::kCsv, "csv", [](const Analysis& a, const WriteOptions& o) { return to_csv(a, false, o); }, csv_header, "",
     false},
}};

const FormatRow& row(Format f) {
  for (const FormatRow& r : kFormats)
    if (r.format == f) return r;
  return kFormats[0];
}

}  // namespace

const char* to_string(Format f) { return row(f).name; }

std::optional<Format> parse_format(std::string_view name) {
  for (const FormatRow& r : kFormats)
    if (name == r.name) return r.format;
  return std::nullopt;
}

std::vector<std::string> format_names() {
  std::vector<std::string> out;
  for (const FormatRow& r : kFormats) out.emplace_back(r.name);
  return out;
}

const char* to_string(Offsets o) { return o == Offsets::kChars ? "chars" : "bytes"; }

std::optional<Offsets> parse_offsets(std::string_view name) {
  if (name == "bytes") return Offsets::kBytes;
  if (name == "chars") return Offsets::kChars;
  return std::nullopt;
}

std::string write(Format format, const Analysis& a, const WriteOptions& options) {
  return row(format).write(a, options);
}

std::string attribution_id(size_t index) { return "a" + std::to_string(index + 1); }

std::string AnalysisStream::add(const Analysis& a, const WriteOptions& options) {
  const FormatRow& r = row(format_);
  const bool first = documents_++ == 0;
  std::string doc = r.write(a, options);
  if (r.array) {
    if (first) {
      held_ = std::move(doc);
      return "";
    }
    if (documents_ == 2) return "[\n" + std::exchange(held_, std::string()) + r.between + doc;
    return r.between + doc;
  }
  if (first) return r.head ? r.head() + doc : doc;
  return r.between + doc;
}

std::string AnalysisStream::finish() {
  if (!row(format_).array) return "";
  if (documents_ == 1) return std::exchange(held_, std::string());
  return documents_ > 1 ? "]\n" : "";
}

}  // namespace quotegraph
