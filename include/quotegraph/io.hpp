// Reading inputs and writing analyses in the documented output formats
// (docs/output-format.md). Writers are deterministic: same Analysis, same bytes.
//
//   Result<std::string> bytes = read_file("a.txt");
//   Result<Analysis> a = analyzer.analyze(bytes.value(), "a.txt");
//   std::cout << to_json(a.value());          // docs/output-format.md
//   std::cout << to_csv(a.value(), /*header=*/true);
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "quotegraph/document.hpp"
#include "quotegraph/status.hpp"

namespace quotegraph {

// Version of the JSON output schema; bumped on any incompatible change.
inline constexpr const char* kSchemaVersion = "0.1";
// Version of the tool.
inline constexpr const char* kVersion = "0.1.0";

// Reads a whole file ("-" reads standard input). Errors name the path: missing
// file, a directory, unreadable, or longer than `max_bytes` (reading stops
// there: a device or pipe without end is refused, not read into memory).
Result<std::string> read_file(const std::string& path, uint64_t max_bytes = 1ull << 30);

// Further top-level sections of the analyze output, each a name and a JSON
// value already serialised (the echo analysis adds "echoes" and "framing").
// Names are distinct and none of the document's own keys.
using JsonSections = std::vector<std::pair<std::string, std::string>>;

// One analysis as the JSON document described in docs/output-format.md.
// `indent` < 0 writes a single line (JSONL). Always ends with a newline.
// Sections whose text does not parse as JSON are written as null.
std::string to_json(const Analysis& a, int indent = 2, const JsonSections& sections = {});

// Human-readable listing: one block per attribution with a who -> whom line.
std::string to_text(const Analysis& a);

// RFC 4180 CSV, one row per attribution. `header` adds the column names.
std::string to_csv(const Analysis& a, bool header);

}  // namespace quotegraph
