// The writer table: every analysis format, its name and its writer. A new
// format is one row here plus its writer's own file.
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
};

constexpr std::array<FormatRow, 4> kFormats{{
    {Format::kText, "text", [](const Analysis& a, const WriteOptions&) { return to_text(a); }},
    {Format::kJson, "json", [](const Analysis& a, const WriteOptions& o) { return to_json(a, o.indent, o); }},
    {Format::kJsonl, "jsonl", [](const Analysis& a, const WriteOptions& o) { return to_json(a, -1, o); }},
    {Format::kCsv, "csv", [](const Analysis& a, const WriteOptions& o) { return to_csv(a, false, o); }},
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
  const bool first = documents_++ == 0;
  switch (format_) {
    case Format::kJson:
      if (first) {
        held_ = write(format_, a, options);
        return "";
      }
      if (documents_ == 2) return "[\n" + std::exchange(held_, std::string()) + ",\n" + write(format_, a, options);
      return ",\n" + write(format_, a, options);
    case Format::kCsv:
      return first ? to_csv(a, true, options) : write(format_, a, options);
    case Format::kText:
      return first ? write(format_, a, options) : "\n" + write(format_, a, options);
    case Format::kJsonl:
      break;
  }
  return write(format_, a, options);
}

std::string AnalysisStream::finish() {
  if (format_ != Format::kJson) return "";
  if (documents_ == 1) return std::exchange(held_, std::string());
  return documents_ > 1 ? "]\n" : "";
}

}  // namespace quotegraph
