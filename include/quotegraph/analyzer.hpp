// The analyzer: bytes in, attributions and entities out.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "quotegraph/document.hpp"
#include "quotegraph/status.hpp"

namespace quotegraph {

struct Options {
  // Replace invalid UTF-8 bytes with '?' instead of failing.
  bool lenient_utf8 = false;
  // Keep web chrome (author bios, comment forms) in the analysed text.
  bool keep_chrome = false;
};

class Analyzer {
 public:
  // Builds the lexicons and compiles every pattern once. Construction is the
  // only expensive step; afterwards the Analyzer is immutable.
  explicit Analyzer(Options options = {});
  ~Analyzer();
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  // Analyses one article. `path` only names the input in messages and output.
  // Errors: kInputError for binary input (NUL bytes) or invalid UTF-8 (unless
  // lenient); the message names the path and the byte offset.
  // Empty or white-space-only input yields an Analysis with no attributions.
  // Time and memory are linear in the input size. Thread-safe: any number of
  // threads may call analyze() on one Analyzer concurrently.
  Result<Analysis> analyze(std::string bytes, std::string path) const;

  const Options& options() const { return options_; }

  struct Impl;  // internal: lexicons and compiled patterns

 private:
  Options options_;
  std::unique_ptr<const Impl> impl_;
};

}  // namespace quotegraph
