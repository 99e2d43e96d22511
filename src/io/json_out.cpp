// JsonOut's scalars: strings escaped and numbers formatted as nlohmann does.
#include "io/json_out.hpp"

#include <array>
#include <charconv>
#include <cstdint>
#include <cstring>

#include <nlohmann/json.hpp>


namespace quotegraph::io {

using Json = nlohmann::ordered_json;

namespace {

// What string() does with a byte: 0 copy it, 1 escape it, 2-4 check the
// UTF-8 sequence of that length it starts, 5 invalid anywhere.
constexpr std::array<unsigned char, 256> kByteClass = [] {
  std::array<unsigned char, 256> t{};
  for (int c = 0; c < 0x20; ++c) t[c] = 1;
  t['"'] = t['\\'] = 1;
  for (int c = 0x80; c < 0x100; ++c) t[c] = 5;  // continuation bytes, C0, C1, F5..FF
  for (int c = 0xC2; c <= 0xDF; ++c) t[c] = 2;
  for (int c = 0xE0; c <= 0xEF; ++c) t[c] = 3;
  for (int c = 0xF0; c <= 0xF4; ++c) t[c] = 4;
  return t;
}();

// The sequence of `len` bytes at s[i] is well-formed UTF-8 (text::first_invalid_utf8's test).
bool valid_at(std::string_view s, size_t i, size_t len) {
  if (s.size() - i < len) return false;
  auto b = [&](size_t k) { return static_cast<unsigned char>(s[i + k]); };
  for (size_t k = 1; k < len; ++k)
    if ((b(k) & 0xC0) != 0x80) return false;
  const unsigned char c = b(0);
  if (c == 0xE0 && b(1) < 0xA0) return false;   // overlong
  if (c == 0xED && b(1) >= 0xA0) return false;  // surrogate
  if (c == 0xF0 && b(1) < 0x90) return false;   // overlong
  if (c == 0xF4 && b(1) >= 0x90) return false;  // above U+10FFFF
  return true;
}

// Whether the 8 bytes at p are all plain (class 0: ASCII, no control byte,
// no '"' or '\\'), tested together: the spans' text is most of the output and
// nearly all of it plain, which a byte-at-a-time table walk paid 4-5
// instructions a byte for. Exact: the "any byte below n" and "any byte zero"
// word tests have no false positives.
inline bool plain8(const char* p) {
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  uint64_t w;
  std::memcpy(&w, p, 8);
  auto zero_byte = [&](uint64_t x) { return (x - kOnes) & ~x & kHigh; };
  const uint64_t control = (w - 0x20 * kOnes) & ~w & kHigh;  // a byte below 0x20 (among those below 0x80)
  return ((w & kHigh) | control | zero_byte(w ^ ('"' * kOnes)) | zero_byte(w ^ ('\\' * kOnes))) == 0;
}

}  // namespace

void JsonOut::string(std::string_view s) {
  // One pass: runs of plain bytes are copied whole (passed over eight at a
  // time), escapes written between them, and multi-byte sequences checked as
  // they are met (a check of the whole string first walked every string twice).
  const size_t mark = len_;
  put('"');
  size_t run = 0;  // start of the bytes not yet copied
  for (size_t i = 0; i < s.size();) {
    if (i + 8 <= s.size() && plain8(s.data() + i)) {
      i += 8;
      continue;
    }
    // The last 1-7 bytes of a longer string: its last eight bytes as one word
    // (those before them are already known plain).
    if (i + 8 > s.size() && s.size() >= 8 && plain8(s.data() + s.size() - 8)) {
      i = s.size();
      break;
    }
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const unsigned char k = kByteClass[c];
    if (k == 0) {
      ++i;
      continue;
    }
    if (k >= 2) {
      if (k == 5 || !valid_at(s, i, k)) {
        // Paths and outlet names come from outside and need not be UTF-8:
        // nlohmann replaces invalid bytes (U+FFFD).
        len_ = mark;
        put(Json(std::string(s)).dump(-1, ' ', false, Json::error_handler_t::replace));
        return;
      }
      i += k;
      continue;
    }
    put(s.substr(run, i - run));
    run = ++i;
    switch (c) {
      case '"': put("\\\""); break;
      case '\\': put("\\\\"); break;
      case 0x08: put("\\b"); break;
      case 0x09: put("\\t"); break;
      case 0x0A: put("\\n"); break;
      case 0x0C: put("\\f"); break;
      case 0x0D: put("\\r"); break;
      default: {
        static constexpr char kHex[] = "0123456789abcdef";
        put("\\u00");
        put(kHex[c >> 4]);
        put(kHex[c & 15]);
      }
    }
  }
  put(s.substr(run));
  put('"');
}

void JsonOut::number(uint64_t n) {
  constexpr size_t kDigits = 20;  // of the largest uint64_t
  char* p = room(kDigits);
  len_ = static_cast<size_t>(std::to_chars(p, p + kDigits, n).ptr - out_.data());
}

void JsonOut::real(double x) { put(Json(x).dump()); }

}  // namespace quotegraph::io
