// Reading and analysing one input file for a subcommand.
#pragma once

#include <optional>
#include <string>

#include "quotegraph/analyzer.hpp"

namespace quotegraph::cli {

// Reads `path` ("-" is standard input) and analyses it. On failure prints the
// message (it names the file) to stderr, raises `rc` to kExitInput, or to
// kExitInternal for an internal error, and returns nothing.
std::optional<Analysis> analyze_file(const Analyzer& analyzer, const std::string& path, int& rc);

}  // namespace quotegraph::cli
