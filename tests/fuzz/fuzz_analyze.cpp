// Fuzz target for the whole engine, Analyzer::analyze: arbitrary bytes, strict and
// lenient. Every result must satisfy tests/fuzz/invariants.hpp (spans on UTF-8
// boundaries that slice back to their text, indices in range, JSON that parses),
// errors must be input errors naming the path and a byte offset, and on valid
// input lenient and strict must give byte-identical JSON (determinism).
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_check.hpp"
#include "invariants.hpp"
#include "quotegraph/analyzer.hpp"
#include "quotegraph/io.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace quotegraph;
  // Built once: construction compiles every pattern (the Analyzer is immutable).
  static const Analyzer strict(Options{});
  static const Analyzer lenient(Options{.lenient_utf8 = true, .keep_chrome = false});
  static const Analyzer with_chrome(Options{.lenient_utf8 = true, .keep_chrome = true});

  const std::string input(reinterpret_cast<const char*>(data), size);
  const std::string path = "fuzz.txt";
  std::string strict_json;

  auto r = strict.analyze(input, path);
  if (r.ok()) {
    std::string bad = testing::check_analysis(input, r.value());
    QG_FUZZ_CHECK(bad.empty(), "strict: " + bad);
    strict_json = to_json(r.value(), 2);
    (void)to_text(r.value());
    (void)to_csv(r.value(), true);
  } else {
    QG_FUZZ_CHECK(r.status().code() == ErrorCode::kInputError, r.status().message());
    QG_FUZZ_CHECK(r.status().message().rfind(path + ": byte ", 0) == 0,
                  "error must name the file and byte offset: " + r.status().message());
  }

  // Chrome stripping alternates per input so both paths get coverage at one
  // analysis per mode.
  const Analyzer& second = (size % 2 == 0) ? lenient : with_chrome;
  auto l = second.analyze(input, path);
  if (l.ok()) {
    std::string bad = testing::check_analysis(input, l.value());
    QG_FUZZ_CHECK(bad.empty(), "lenient: " + bad);
    (void)to_text(l.value());
    (void)to_csv(l.value(), false);
    if (r.ok() && &second == &lenient)
      QG_FUZZ_CHECK(to_json(l.value(), 2) == strict_json, "lenient and strict differ on valid input");
  } else {
    // Lenient decoding only refuses binary (NUL) and UTF-16 input.
    QG_FUZZ_CHECK(!r.ok(), "lenient failed where strict succeeded: " + l.status().message());
    QG_FUZZ_CHECK(l.status().code() == ErrorCode::kInputError, l.status().message());
    QG_FUZZ_CHECK(input.find('\0') != std::string::npos ||
                      (size >= 2 && (input.compare(0, 2, "\xFF\xFE") == 0 || input.compare(0, 2, "\xFE\xFF") == 0)),
                  "lenient rejected text input: " + l.status().message());
  }
  return 0;
}
