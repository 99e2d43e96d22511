// Stage 1, decode: raw bytes -> Document. Linear, one pass.
#include "text/decode.hpp"

#include <cstdint>
#include <cstring>

namespace quotegraph::text {
namespace {

// The end of the run of ASCII bytes from i, found eight bytes at a time:
// news is mostly ASCII, and a call of valid_seq per byte was most of the stage.
size_t ascii_run_end(std::string_view s, size_t i) {
  while (i + 8 <= s.size()) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    if (w & 0x8080808080808080ull) break;
    i += 8;
  }
  while (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) ++i;
  return i;
}

// Length of the valid UTF-8 sequence at i, or 0 if it is invalid (RFC 3629).
size_t valid_seq(std::string_view s, size_t i) {
  auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = b(i);
  if (c < 0x80) return 1;
  size_t n = s.size() - i;
  auto cont = [&](size_t k) { return (b(k) & 0xC0) == 0x80; };
  if (c >= 0xC2 && c <= 0xDF) return n >= 2 && cont(i + 1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (n < 3 || !cont(i + 1) || !cont(i + 2)) return 0;
    if (c == 0xE0 && b(i + 1) < 0xA0) return 0;   // overlong
    if (c == 0xED && b(i + 1) >= 0xA0) return 0;  // surrogate
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (n < 4 || !cont(i + 1) || !cont(i + 2) || !cont(i + 3)) return 0;
    if (c == 0xF0 && b(i + 1) < 0x90) return 0;  // overlong
    if (c == 0xF4 && b(i + 1) >= 0x90) return 0;  // above U+10FFFF
    return 4;
  }
  return 0;  // C0, C1 (overlong 2-byte), F5..FF, stray continuation
}

}  // namespace

size_t first_invalid_utf8(std::string_view s) {
  for (size_t i = ascii_run_end(s, 0); i < s.size(); i = ascii_run_end(s, i)) {
    size_t n = valid_seq(s, i);
    if (n == 0) return i;
    i += n;
  }
  return std::string_view::npos;
}

Result<Document> decode(std::string bytes, std::string path, bool lenient) {
  auto fail = [&](size_t at, const std::string& what) {
    return Status(ErrorCode::kInputError, path + ": byte " + std::to_string(at) + ": " + what);
  };
  if (bytes.size() > 0xFFFFFFF0u) return fail(0, "input larger than 4 GiB is not supported");
  if (bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF')))
    return fail(0, "UTF-16 input (byte-order mark); convert it to UTF-8 first, e.g. iconv -f UTF-16 -t UTF-8");
  if (size_t nul = bytes.find('\0'); nul != std::string::npos)
    return fail(nul, "NUL byte: this looks like a binary file, not text");

  Document doc;
  for (size_t i = ascii_run_end(bytes, 0); i < bytes.size(); i = ascii_run_end(bytes, i)) {
    size_t n = valid_seq(bytes, i);
    if (n != 0) { i += n; continue; }
    if (!lenient) {
      return fail(i, "invalid UTF-8 (use --lenient to replace invalid bytes)");
    }
    bytes[i] = '?';
    ++doc.replaced_bytes;
    ++i;
  }
  // Only now: fail() above names the file through `path`.
  doc.path = std::move(path);
  if (bytes.size() >= 3 && bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) doc.body_start = 3;
  doc.text = std::move(bytes);
  doc.body_end = static_cast<uint32_t>(doc.text.size());
  return doc;
}

}  // namespace quotegraph::text
