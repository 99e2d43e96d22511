// JsonOut's scalars: strings escaped and numbers formatted as nlohmann does.
#include "io/json_out.hpp"

#include <array>
#include <charconv>

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

}  // namespace

void JsonOut::string(std::string_view s) {
  // One pass: runs of plain bytes are copied whole, escapes written between
  // them, and multi-byte sequences checked as they are met (a check of the
  // whole string first walked every string twice).
  const size_t mark = out_.size();
  out_ += '"';
  size_t run = 0;  // start of the bytes not yet copied
  for (size_t i = 0; i < s.size();) {
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
        out_.resize(mark);
        out_ += Json(std::string(s)).dump(-1, ' ', false, Json::error_handler_t::replace);
        return;
      }
      i += k;
      continue;
    }
    out_.append(s, run, i - run);
    run = ++i;
    switch (c) {
      case '"': out_ += "\\\""; break;
      case '\\': out_ += "\\\\"; break;
      case 0x08: out_ += "\\b"; break;
      case 0x09: out_ += "\\t"; break;
      case 0x0A: out_ += "\\n"; break;
      case 0x0C: out_ += "\\f"; break;
      case 0x0D: out_ += "\\r"; break;
      default: {
        static constexpr char kHex[] = "0123456789abcdef";
        out_ += "\\u00";
        out_ += kHex[c >> 4];
        out_ += kHex[c & 15];
      }
    }
  }
  out_.append(s, run, s.size() - run);
  out_ += '"';
}

void JsonOut::number(uint64_t n) {
  std::array<char, 24> buf;
  auto r = std::to_chars(buf.data(), buf.data() + buf.size(), n);
  out_.append(buf.data(), r.ptr);
}

void JsonOut::real(double x) { out_ += Json(x).dump(); }

}  // namespace quotegraph::io
