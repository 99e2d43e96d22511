// UTF-8 helpers shared by the text stages. Input is assumed validated (decode.cpp).
#pragma once

#include <cstdint>
#include <string_view>

namespace quotegraph::text {

// Decodes the code point at `i` and advances `i` past it. On a malformed
// sequence returns U+FFFD and advances one byte (never loops, never overreads).
inline char32_t next_cp(std::string_view s, size_t& i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) { ++i; return c; }
  int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
  if (len == 0 || i + len > s.size()) { ++i; return 0xFFFD; }
  char32_t cp = c & (0x7F >> len);
  for (int k = 1; k < len; ++k) {
    unsigned char cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xC0) != 0x80) { ++i; return 0xFFFD; }
    cp = (cp << 6) | (cc & 0x3F);
  }
  i += len;
  return cp;
}

// Code point ending right before `i` (i > 0); sets `start` to its first byte.
inline char32_t prev_cp(std::string_view s, size_t i, size_t& start) {
  size_t j = i;
  do { --j; } while (j > 0 && i - j < 4 && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80);
  start = j;
  size_t k = j;
  return next_cp(s, k);
}

inline bool is_boundary(std::string_view s, size_t i) {
  return i == 0 || i >= s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
}

// White space including NBSP, the Unicode space separators and CR.
inline bool is_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 ||
         c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
         c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

// Beyond ASCII, from ICU (utf8.cpp).
bool is_alpha_beyond_ascii(char32_t c);
bool is_upper_beyond_ascii(char32_t c);
// Letters of any script; upper or title case. ASCII is decided here, inline:
// the tokenizer asks for every character of the text.
inline bool is_alpha(char32_t c) { return c < 0x80 ? (c | 0x20) - 'a' < 26 : is_alpha_beyond_ascii(c); }
inline bool is_upper(char32_t c) { return c < 0x80 ? c - 'A' < 26 : is_upper_beyond_ascii(c); }
inline bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }
inline bool is_alnum(char32_t c) { return is_digit(c) || is_alpha(c); }

// Dashes used as clause punctuation (not the hyphen inside words).
inline bool is_dash(char32_t c) { return c == 0x2013 || c == 0x2014 || c == 0x2015 || c == 0x2012; }

// `s` ends with `suffix` (given in lower case), ASCII letters compared without
// case: file names (".HTML", ".JSONL.GZ").
inline bool ends_with_ci(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (size_t i = 0; i < suffix.size(); ++i) {
    char c = s[s.size() - suffix.size() + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (c != suffix[i]) return false;
  }
  return true;
}

}  // namespace quotegraph::text
