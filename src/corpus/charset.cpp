// Charset decoding for pages that say they are not UTF-8: bytes in, UTF-8 out.
#include "corpus/charset.hpp"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <cstdint>

namespace quotegraph::corpus::detail {
namespace {

bool valid_utf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : (c >= 0xC2 && c <= 0xDF) ? 2 : (c >= 0xE0 && c <= 0xEF) ? 3 : (c >= 0xF0 && c <= 0xF4) ? 4 : 0;
    if (len == 0 || i + len > s.size()) return false;
    for (size_t k = 1; k < len; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += len;
  }
  return true;
}

// The charset label declared in the head, lower-cased ("" when none).
std::string declared_charset(std::string_view html) {
  std::string head(html.substr(0, 4096));
  for (char& c : head)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  for (std::string_view key : {std::string_view("charset="), std::string_view("encoding=")}) {
    size_t at = head.find(key);
    if (at == std::string::npos) continue;
    size_t i = at + key.size();
    while (i < head.size() && (head[i] == '"' || head[i] == '\'' || head[i] == ' ')) ++i;
    size_t j = i;
    while (j < head.size() && ((head[j] >= 'a' && head[j] <= 'z') || (head[j] >= '0' && head[j] <= '9') ||
                               head[j] == '-' || head[j] == '_'))
      ++j;
    return head.substr(i, j - i);
  }
  return {};
}

// windows-1252 0x80-0x9F (WHATWG index); 0 marks the five unassigned bytes,
// which map to the C1 control of the same number.
constexpr uint16_t kHigh[32] = {0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
                                0x2039, 0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
                                0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace

std::optional<std::string> decode_declared_charset(std::string_view html) {
  // The label first: most pages declare UTF-8 and need no validation pass here.
  std::string label = declared_charset(html);
  if (label != "iso-8859-1" && label != "latin1" && label != "iso8859-1" && label != "windows-1252" &&
      label != "cp1252" && label != "us-ascii" && label != "ascii" && label != "iso-8859-15" && label != "l1")
    return std::nullopt;
  if (valid_utf8(html)) return std::nullopt;
  std::string out;
  out.reserve(html.size() + html.size() / 8);
  for (char ch : html) {
    unsigned char c = static_cast<unsigned char>(ch);
    uint32_t cp = c;
    if (c >= 0x80 && c <= 0x9F && kHigh[c - 0x80]) cp = kHigh[c - 0x80];
    append_utf8(out, cp);
  }
  return out;
}

std::string to_nfc(std::string text) {
  bool ascii = true;
  for (char c : text)
    if (static_cast<unsigned char>(c) >= 0x80) {
      ascii = false;
      break;
    }
  if (ascii) return text;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return text;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
  if (nfc->quickCheck(u, status) == UNORM_YES && U_SUCCESS(status)) return text;
  status = U_ZERO_ERROR;
  icu::UnicodeString normalized = nfc->normalize(u, status);
  if (U_FAILURE(status)) return text;
  std::string out;
  normalized.toUTF8String(out);
  return out;
}

}  // namespace quotegraph::corpus::detail
