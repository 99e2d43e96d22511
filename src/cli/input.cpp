// Reading and analysing the inputs of a subcommand.
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

const corpus::InputFormat* InputOptions::forced() const {
  if (format == "text") forced_ = corpus::InputFormat::kText;
  else if (format == "html") forced_ = corpus::InputFormat::kHtml;
  else if (format == "jsonl") forced_ = corpus::InputFormat::kJsonl;
  else return nullptr;
  return &forced_;
}

void add_input_options(CLI::App* sub, InputOptions& in) {
  sub->add_option("--input-format", in.format,
                  "How to read the inputs: auto (by name: .html/.htm, .jsonl/.ndjson/.json, .txt; else by content: "
                  "a doctype or tag is HTML, '{' a JSONL file), text, html, jsonl")
      ->check(CLI::IsMember({"auto", "text", "html", "jsonl"}))
      ->capture_default_str();
  sub->add_option("--glob", in.glob, "With a directory: only files whose name matches this pattern (e.g. '*.html')");
}

std::vector<std::string> expand_paths(const std::vector<std::string>& paths, const InputOptions& in, int& rc) {
  std::vector<std::string> out;
  for (const std::string& p : paths) {
    auto files = corpus::expand_inputs({p}, in.glob);
    if (!files.ok()) {
      std::cerr << "quotegraph: " << files.status().message() << "\n";
      rc = std::max(rc, kExitInput);
      continue;
    }
    out.insert(out.end(), files.value().begin(), files.value().end());
  }
  return out;
}

std::vector<Analysis> analyze_input(const Analyzer& analyzer, const std::string& path, const InputOptions& in,
                                    int& rc, std::vector<RecordInfo>* meta) {
  std::vector<Analysis> out;
  Status st = corpus::read_documents(path, in.forced(), in.fields, [&](corpus::InputDocument&& doc) {
    if (doc.error != corpus::RecordError::kNone) {
      std::cerr << "quotegraph: " << doc.message << "\n";
      rc = std::max(rc, kExitInput);
      return;
    }
    auto result = analyzer.analyze(std::move(doc.article.text), doc.name);
    if (!result.ok()) {
      std::cerr << "quotegraph: " << result.status().message() << "\n";
      rc = std::max(rc, result.status().code() == ErrorCode::kInternal ? kExitInternal : kExitInput);
      return;
    }
    result.value().doc.outlet = doc.article.outlet;
    out.push_back(std::move(result).value());
    if (meta) meta->push_back(corpus::record_info(doc.article, path, doc.line, doc.format));
  }, "-", analyzer.options().max_input_bytes);
  if (!st.ok()) {
    std::cerr << "quotegraph: " << st.message() << "\n";
    rc = std::max(rc, kExitInput);
  }
  return out;
}

std::vector<Analysis> analyze_inputs(const Analyzer& analyzer, const std::vector<std::string>& paths,
                                     const InputOptions& in, int& rc, std::vector<RecordInfo>* meta) {
  std::vector<Analysis> out;
  for (const std::string& path : expand_paths(paths, in, rc)) {
    std::vector<Analysis> part = analyze_input(analyzer, path, in, rc, meta);
    std::move(part.begin(), part.end(), std::back_inserter(out));
  }
  return out;
}

}  // namespace quotegraph::cli
