// Fuzz target for the whole engine, Analyzer::analyze: arbitrary bytes, strict and
// lenient. Every result must satisfy tests/fuzz/invariants.hpp (spans on UTF-8
// boundaries that slice back to their text, indices in range, JSON that parses),
// errors must be input errors naming the path and a byte offset, lenient decoding
// must accept everything but binary and UTF-16, and on valid input lenient and
// strict must give byte-identical JSON (determinism).
//
// One analysis per input, not one per mode: the input's length picks strict,
// lenient, or lenient with chrome kept, so every mode still gets a share of the
// inputs. A second analysis runs only where a property needs two (an input
// strict rejects is retried leniently; one input in eight compares lenient
// with strict). Analysis dominates the cost of an execution, so this doubles
// executions per second (scripts/fuzz.sh, docs/hardening.md). Likewise the
// JSON half of the invariants (write both forms, parse both, walk every span)
// cost four times the analysis under ASan: it runs on one input in four, the
// structural half on every input. fuzz_json_writer checks the writer field by
// field on every one of its inputs.
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
  // Windows of 256 bytes: fuzz inputs are far below the default 1 MiB, and this
  // mode is where cutting a body into windows and merging their entities
  // (src/text/windows.cpp, src/entity/merge.cpp) meet arbitrary text.
  static const Analyzer with_chrome(Options{.lenient_utf8 = true, .keep_chrome = true, .window_bytes = 256});

  const std::string input(reinterpret_cast<const char*>(data), size);
  const std::string path = "fuzz.txt";
  const bool binary = input.find('\0') != std::string::npos ||
                      (size >= 2 && (input.compare(0, 2, "\xFF\xFE") == 0 || input.compare(0, 2, "\xFE\xFF") == 0));
  auto expect_input_error = [&](const Status& st) {
    QG_FUZZ_CHECK(st.code() == ErrorCode::kInputError, st.message());
    QG_FUZZ_CHECK(st.message().rfind(path + ": byte ", 0) == 0, "error must name the file and byte offset: " + st.message());
  };
  const bool check_json = ((size >> 2) & 3) == 0;
  auto expect_valid = [&](const Result<Analysis>& r, const char* mode) {
    std::string bad = check_json ? testing::check_analysis(input, r.value())
                                 : testing::check_analysis_structure(input, r.value());
    QG_FUZZ_CHECK(bad.empty(), std::string(mode) + ": " + bad);
  };

  const unsigned mode = size % 4;  // 0, 1: strict; 2: lenient; 3: lenient, chrome kept, small windows
  if (mode <= 1) {
    auto r = strict.analyze(input, path);
    if (r.ok()) {
      expect_valid(r, "strict");
      (void)to_text(r.value());
      (void)to_csv(r.value(), mode == 0);
      return 0;
    }
    expect_input_error(r.status());
    // Strict said no: lenient must still read it unless it is binary or UTF-16.
    auto l = lenient.analyze(input, path);
    if (l.ok()) {
      QG_FUZZ_CHECK(!binary, "lenient read binary or UTF-16 input");
      expect_valid(l, "lenient");
    } else {
      expect_input_error(l.status());
      QG_FUZZ_CHECK(binary, "lenient rejected text input: " + l.status().message());
    }
    return 0;
  }

  const Analyzer& chosen = mode == 2 ? lenient : with_chrome;
  auto l = chosen.analyze(input, path);
  if (!l.ok()) {
    expect_input_error(l.status());
    QG_FUZZ_CHECK(binary, "lenient rejected text input: " + l.status().message());
    return 0;
  }
  QG_FUZZ_CHECK(!binary, "lenient read binary or UTF-16 input");
  expect_valid(l, mode == 2 ? "lenient" : "lenient, chrome kept");
  (void)to_text(l.value());
  if (size % 8 == 2) {
    // Determinism: on valid input strict and lenient agree byte for byte.
    auto r = strict.analyze(input, path);
    if (r.ok()) QG_FUZZ_CHECK(to_json(l.value(), 2) == to_json(r.value(), 2), "lenient and strict differ on valid input");
  }
  return 0;
}
