// Reading and analysing one input file for a subcommand.
#include "cli/input.hpp"

#include <algorithm>
#include <iostream>

#include "cli/commands.hpp"
#include "quotegraph/io.hpp"

namespace quotegraph::cli {

void add_analyzer_options(CLI::App* sub, Options& opt) {
  sub->add_flag("--lenient", opt.lenient_utf8, "Replace invalid UTF-8 bytes with '?' instead of failing");
  sub->add_flag("--keep-chrome", opt.keep_chrome, "Also analyse web chrome after the article body (bios, comments)");
  sub->add_option_function<uint32_t>(
         "--window-mb", [&opt](uint32_t mb) { opt.window_bytes = mb << 20; },
         "Analyse a body longer than N MiB in windows of N MiB cut at paragraph breaks, so memory stays "
         "bounded (default 1; 0: never)")
      ->check(CLI::Range(0, 4095));
  sub->add_option_function<uint64_t>(
         "--max-mb", [&opt](uint64_t mb) { opt.max_input_bytes = mb << 20; },
         "Refuse an input (a file, or one corpus record) larger than N MiB instead of reading on (default 1024)")
      ->check(CLI::Range(uint64_t{1}, uint64_t{1} << 20));
}

std::optional<Analysis> analyze_file(const Analyzer& analyzer, const std::string& path, int& rc) {
  auto bytes = read_file(path, analyzer.options().max_input_bytes);
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

std::vector<Analysis> analyze_jsonl_file(const Analyzer& analyzer, const std::string& path,
                                         const corpus::FieldNames& fields, int& rc) {
  std::vector<Analysis> out;
  corpus::LineReader reader;
  Status opened = reader.open(path);
  if (!opened.ok()) {
    std::cerr << "quotegraph: " << opened.message() << "\n";
    rc = std::max(rc, kExitInput);
    return out;
  }
  std::string line;
  uint64_t n = 0;
  while (reader.next(&line)) {
    ++n;
    std::string where = path + ":" + std::to_string(n);
    corpus::RecordError kind;
    auto article = corpus::parse_record(line, fields, &kind);
    if (kind == corpus::RecordError::kEmptyLine) continue;  // not an article, nothing missing
    if (!article.ok()) {
      std::cerr << "quotegraph: " << where << ": " << article.status().message() << "\n";
      rc = std::max(rc, kExitInput);
      continue;
    }
    auto result = analyzer.analyze(std::move(article.value().text), where);
    if (!result.ok()) {
      std::cerr << "quotegraph: " << result.status().message() << "\n";
      rc = std::max(rc, result.status().code() == ErrorCode::kInternal ? kExitInternal : kExitInput);
      continue;
    }
    result.value().doc.outlet = article.value().outlet;
    out.push_back(std::move(result).value());
  }
  if (!reader.status().ok()) {
    std::cerr << "quotegraph: " << reader.status().message() << "\n";
    rc = std::max(rc, kExitInput);
  }
  return out;
}

}  // namespace quotegraph::cli
