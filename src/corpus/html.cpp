// HTML ingest: an HTML page in, the article body as plain text out (gumbo).
// Offsets reported for such an article index this extracted text.
#include <gumbo.h>

#include <string>
#include <vector>

#include "corpus/article.hpp"
#include "corpus/charset.hpp"
#include "corpus/html_meta.hpp"
#include "corpus/text_builder.hpp"
#include "quotegraph/corpus.hpp"

namespace quotegraph::corpus {
namespace {

using detail::TextBuilder;

// Replaces each byte that does not begin a well-formed sequence by U+FFFD.
// A page that declares a Latin charset is decoded from it first.
std::string sanitize_utf8(std::string_view s) {
  if (auto decoded = detail::decode_declared_charset(s)) return std::move(*decoded);
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : (c >= 0xC2 && c <= 0xDF) ? 2 : (c >= 0xE0 && c <= 0xEF) ? 3 : (c >= 0xF0 && c <= 0xF4) ? 4 : 0;
    bool ok = len > 0 && i + len <= s.size();
    for (size_t k = 1; ok && k < len; ++k) ok = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
    if (ok && len == 3) {
      unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
      ok = !(c == 0xE0 && c1 < 0xA0) && !(c == 0xED && c1 > 0x9F);
    }
    if (ok && len == 4) {
      unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
      ok = !(c == 0xF0 && c1 < 0x90) && !(c == 0xF4 && c1 > 0x8F);
    }
    if (!ok) {
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    out.append(s.substr(i, len));
    i += len;
  }
  return out;
}

// Fallback for pages over the HTML budget: drops tags and the contents of script and
// style, keeps text with white space collapsed. Linear; entities stay as written.
std::string strip_tags(std::string_view html) {
  TextBuilder b;
  size_t i = 0;
  auto starts_ci = [&](size_t at, std::string_view word) {
    if (at + word.size() > html.size()) return false;
    for (size_t k = 0; k < word.size(); ++k) {
      char c = html[at + k];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
      if (c != word[k]) return false;
    }
    return true;
  };
  while (i < html.size()) {
    size_t lt = html.find('<', i);
    b.text(html.substr(i, lt == std::string_view::npos ? std::string_view::npos : lt - i));
    if (lt == std::string_view::npos) break;
    for (std::string_view raw : {std::string_view("script"), std::string_view("style")}) {
      if (starts_ci(lt + 1, raw)) {
        size_t end = lt + 1;
        while ((end = html.find("</", end)) != std::string_view::npos && !starts_ci(end + 2, raw)) end += 2;
        lt = end == std::string_view::npos ? html.size() : end;
        break;
      }
    }
    size_t gt = lt < html.size() ? html.find('>', lt) : std::string_view::npos;
    b.paragraph();
    i = gt == std::string_view::npos ? html.size() : gt + 1;
  }
  return b.finish();
}

}  // namespace

HtmlArticle extract_html(std::string_view html) {
  HtmlArticle article;
  std::string clean = sanitize_utf8(html);
  // The guard (html_budget.cpp): a page gumbo would nest or work past its
  // budget is not given to gumbo.
  if (!check_html_budget(clean).ok()) {
    article.text = strip_tags(clean);
    return article;
  }
  // NUL bytes end gumbo's view of the buffer early on some versions; drop them.
  std::erase(clean, '\0');
  // max_errors = 0: gumbo copies the whole open-element stack into every parse
  // error it records (20,000 stray end tags 1,000 deep: 160 MB); we read none.
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  GumboOutput* output = gumbo_parse_with_options(&options, clean.data(), clean.size());
  if (!output) return article;
  article.text = detail::article_text(output->root);
  detail::read_metadata(output->root, &article);
  gumbo_destroy_output(&options, output);
  return article;
}

std::string extract_html_text(std::string_view html) { return extract_html(html).text; }

}  // namespace quotegraph::corpus
