// Fuzz target for stage 1, text::decode: arbitrary bytes -> Document or error.
// Differential: the decoder must agree byte for byte with a reference validator
// written from the UTF-8 definition (shortest form, no surrogates, <= U+10FFFF),
// in strict mode (same first error offset) and lenient mode (same replacements).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.hpp"
#include "text/decode.hpp"

namespace {

// Length of the well-formed sequence at p[0..n), or 0. Decodes the scalar value
// and checks it against the minimum for its length instead of byte ranges.
size_t reference_sequence_length(const unsigned char* p, size_t n) {
  unsigned char c = p[0];
  if (c < 0x80) return 1;
  size_t len;
  uint32_t cp, min;
  if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; min = 0x80; }
  else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; min = 0x800; }
  else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; min = 0x10000; }
  else return 0;
  if (n < len) return 0;
  for (size_t k = 1; k < len; ++k) {
    if ((p[k] & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (p[k] & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using quotegraph::ErrorCode;
  namespace text = quotegraph::text;
  const std::string input(reinterpret_cast<const char*>(data), size);
  const auto* u = reinterpret_cast<const unsigned char*>(input.data());

  // What the reference expects: the first invalid offset and the lenient text.
  size_t first_invalid = std::string::npos;
  std::string expected = input;
  uint32_t expected_replaced = 0;
  for (size_t i = 0; i < size;) {
    size_t n = reference_sequence_length(u + i, size - i);
    if (n != 0) { i += n; continue; }
    if (first_invalid == std::string::npos) first_invalid = i;
    expected[i] = '?';
    ++expected_replaced;
    ++i;
  }
  QG_FUZZ_CHECK(text::first_invalid_utf8(input) == first_invalid, "first_invalid_utf8 disagrees with the reference");

  const bool utf16_bom = size >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF));
  const size_t nul = input.find('\0');
  const std::string path = "fuzz.txt";

  for (bool lenient : {false, true}) {
    auto r = text::decode(input, path, lenient);
    size_t expect_error_at = std::string::npos;
    if (utf16_bom) expect_error_at = 0;
    else if (nul != std::string::npos) expect_error_at = nul;
    else if (!lenient) expect_error_at = first_invalid;

    if (expect_error_at != std::string::npos) {
      QG_FUZZ_CHECK(!r.ok(), "decode accepted input it must reject");
      QG_FUZZ_CHECK(r.status().code() == ErrorCode::kInputError, r.status().message());
      const std::string prefix = path + ": byte " + std::to_string(expect_error_at) + ": ";
      QG_FUZZ_CHECK(r.status().message().rfind(prefix, 0) == 0, "message '" + r.status().message() + "' should start with '" + prefix + "'");
      continue;
    }
    QG_FUZZ_CHECK(r.ok(), "decode rejected valid input: " + r.status().message());
    const quotegraph::Document& d = r.value();
    QG_FUZZ_CHECK(d.path == path, "path not kept");
    QG_FUZZ_CHECK(d.text.size() == size, "length changed");
    QG_FUZZ_CHECK(d.text == (lenient ? expected : input), "decoded text differs from the reference");
    QG_FUZZ_CHECK(d.replaced_bytes == (lenient ? expected_replaced : 0u), "replaced_bytes wrong");
    QG_FUZZ_CHECK(text::first_invalid_utf8(d.text) == std::string::npos, "output is not valid UTF-8");
    const bool utf8_bom = std::string_view(d.text).substr(0, 3) == "\xEF\xBB\xBF";
    QG_FUZZ_CHECK(d.body_start == (utf8_bom ? 3u : 0u), "body_start wrong for the BOM");
    QG_FUZZ_CHECK(d.body_end == size, "body_end must be the end before chrome detection");
  }
  return 0;
}
