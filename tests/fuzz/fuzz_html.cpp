// Fuzz target for HTML ingest: arbitrary bytes to corpus::extract_html (the
// article extractor, charset decoding, metadata) and corpus::sniff_format.
// Checks: the body and every metadata field are valid UTF-8 without NUL bytes;
// extraction is deterministic and extract_html_text gives the same body; the
// body has no blank line at its start and ends with one newline when not
// empty; sniffing never throws and refuses only with a message naming the path.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.hpp"
#include "quotegraph/corpus.hpp"

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

void check_field(std::string_view name, const std::string& value) {
  QG_FUZZ_CHECK(valid_utf8(value), std::string(name) + " is not valid UTF-8");
  QG_FUZZ_CHECK(value.find('\0') == std::string::npos, std::string(name) + " holds a NUL byte");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace corpus = quotegraph::corpus;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  corpus::HtmlArticle a = corpus::extract_html(input);
  check_field("text", a.text);
  check_field("title", a.title);
  check_field("byline", a.byline);
  check_field("date", a.date);
  check_field("url", a.url);
  check_field("site_name", a.site_name);
  QG_FUZZ_CHECK(a.text.empty() || (a.text.back() == '\n' && a.text.front() != '\n'), "body layout");
  QG_FUZZ_CHECK(corpus::extract_html_text(input) == a.text, "extract_html_text differs from extract_html");
  corpus::HtmlArticle again = corpus::extract_html(input);
  QG_FUZZ_CHECK(again.text == a.text && again.title == a.title && again.date == a.date, "not deterministic");

  auto sniffed = corpus::sniff_format(input.substr(0, 4096), "fuzz.in");
  if (!sniffed.ok()) QG_FUZZ_CHECK(sniffed.status().message().rfind("fuzz.in: is ", 0) == 0, sniffed.status().message());
  return 0;
}
