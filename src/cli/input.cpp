// Reading and analysing one input file for a subcommand.
#include "cli/input.hpp"

#include <algorithm>
#include <iostream>

#include "cli/commands.hpp"
#include "quotegraph/io.hpp"

namespace quotegraph::cli {

std::optional<Analysis> analyze_file(const Analyzer& analyzer, const std::string& path, int& rc) {
  auto bytes = read_file(path);
  if (!bytes.ok()) {
    std::cerr << "quotegraph: " << bytes.status().message() << "\n";
    rc = std::max(rc, kExitInput);
    return std::nullopt;
  }
  auto result = analyzer.analyze(std::move(bytes).value(), path);
  if (!result.ok()) {
    std::cerr << "quotegraph: " << result.status().message() << "\n";
    rc = std::max(rc, result.status().code() == ErrorCode::kInternal ? kExitInternal : kExitInput);
    return std::nullopt;
  }
  return std::move(result).value();
}

}  // namespace quotegraph::cli
