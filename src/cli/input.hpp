// Reading and analysing one input file for a subcommand.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "quotegraph/analyzer.hpp"
#include "quotegraph/corpus.hpp"

namespace quotegraph::cli {

// Reads `path` ("-" is standard input) and analyses it. On failure prints the
// message (it names the file) to stderr, raises `rc` to kExitInput, or to
// kExitInternal for an internal error, and returns nothing.
std::optional<Analysis> analyze_file(const Analyzer& analyzer, const std::string& path, int& rc);

// Reads a JSONL file (one article per line, fields as for `corpus`; gzip and
// "-" as the corpus reader takes them) and analyses every line. White-space-only
// lines are skipped. Each Analysis has doc.path = "FILE:LINE" and doc.outlet =
// the record's outlet field ("" when it has none). A line that is not an article
// (invalid UTF-8, bad JSON, not an object, no text field) or that the analyzer
// rejects is printed as "FILE:LINE: reason", raises `rc` to kExitInput and is
// left out; an unreadable file likewise.
std::vector<Analysis> analyze_jsonl_file(const Analyzer& analyzer, const std::string& path,
                                         const corpus::FieldNames& fields, int& rc);

}  // namespace quotegraph::cli
