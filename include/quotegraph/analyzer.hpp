// The analyzer: bytes in, attributions and entities out.
//
//   quotegraph::Analyzer analyzer;  // builds the lexicons once; then immutable
//   quotegraph::Result<quotegraph::Analysis> a = analyzer.analyze(bytes, "a.txt");
//   if (!a.ok()) return a.status();  // "a.txt: byte 17: invalid UTF-8"
//   for (const quotegraph::Attribution& at : a.value().attributions)
//     std::cout << a.value().doc.slice(at.content) << "\n";
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "quotegraph/document.hpp"
#include "quotegraph/status.hpp"

namespace quotegraph {

// Internal types the Analyzer owns (src/attrib, src/text), declared only, as
// re2.h declares its Prog: their definitions stay out of the public API.
namespace attrib { class Lexicon; }
namespace text { class ChromeDetector; }

struct Options {
  // Replace invalid UTF-8 bytes with '?' instead of failing.
  bool lenient_utf8 = false;
  // Keep web chrome (author bios, comment forms) in the analysed text.
  bool keep_chrome = false;
  // A body longer than this is analysed in windows of at most this many bytes,
  // cut at paragraph breaks (0: never). Memory then stays bounded and the cost
  // per byte constant however long the input. Quotes, pronouns and
  // descriptions are not followed across a cut; entities of the same name and
  // kind in different windows are merged. No news article comes near 1 MiB.
  uint32_t window_bytes = 1u << 20;
  // Hand the engine's text layer on in Analysis::text (for echo: tokens,
  // folded words and lexicon entries, about 48 bytes per token while the
  // Analysis lives).
  bool keep_text_layer = false;
  // The largest input accepted: analyze() refuses a longer text, and the
  // readers (read_file, the corpus reader for one record) stop there instead
  // of reading on, so /dev/zero or a gzip bomb cannot take all memory.
  // `--max-mb` in the CLI; the default, 1 GiB, is a thousand times any article.
  uint64_t max_input_bytes = 1ull << 30;
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
  // Time is linear in the input size; memory is the input's plus a bounded
  // working set (Options::window_bytes). Thread-safe: any number of
  // threads may call analyze() on one Analyzer concurrently.
  Result<Analysis> analyze(std::string bytes, std::string path) const;

  const Options& options() const { return options_; }

 private:
  Options options_;
  std::unique_ptr<const attrib::Lexicon> lexicon_;  // cues and word classes
  std::unique_ptr<const text::ChromeDetector> chrome_;  // where a page's body ends
};

}  // namespace quotegraph
