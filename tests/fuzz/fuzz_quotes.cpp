// Fuzz target for the text stages on their own: tokenize -> find_quotes ->
// split_sentences (src/text/), on arbitrary bytes decoded leniently (and from
// an arbitrary start offset, as after a BOM or a cut-off header).
//
// Checked, for tokens: in order, non-empty, inside [begin, end) on UTF-8
// boundaries, only white space between them, paragraphs numbered without gaps
// and para_first consistent. For quotes: open <= close inside the token list
// and in one paragraph; the span is exactly the marks' bytes (so inside the
// input, on UTF-8 boundaries); the opening token is a quote mark and a closed
// quote's closing token a mark of the same family; top-level quotes ordered and
// disjoint, top[] consistent with them; double quotes of one paragraph ordered
// and disjoint; single quotes nested or disjoint; continued_from and parent
// point back to real quotes. For sentences: they tile the tokens in order, stay
// in one paragraph, and never split a top-level quote.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_check.hpp"
#include "text/decode.hpp"
#include "text/quotes.hpp"
#include "text/segment.hpp"
#include "text/tokenize.hpp"
#include "text/utf8.hpp"

namespace {

using namespace quotegraph;
using namespace quotegraph::text;

std::string at(size_t k) { return " (token " + std::to_string(k) + ")"; }

void check_tokens(const Document& doc, const Tokens& tk, uint32_t begin, uint32_t end) {
  const auto& v = tk.toks;
  std::string_view s = doc.text;
  uint32_t prev_end = begin;
  for (size_t k = 0; k < v.size(); ++k) {
    const Token& t = v[k];
    QG_FUZZ_CHECK(t.start < t.end, "empty token" + at(k));
    QG_FUZZ_CHECK(t.start >= prev_end && t.end <= end, "token out of order or range" + at(k));
    QG_FUZZ_CHECK(is_boundary(s, t.start) && is_boundary(s, t.end), "token not on UTF-8 boundaries" + at(k));
    for (size_t i = prev_end; i < t.start;)
      QG_FUZZ_CHECK(is_space(next_cp(s, i)), "non-space text between tokens" + at(k));
    size_t i = t.start;
    QG_FUZZ_CHECK(t.type == TokType::kPunct || next_cp(s, i) == t.ch, "ch is not the first code point" + at(k));
    QG_FUZZ_CHECK((t.type == TokType::kQuote) == (t.family != QuoteFamily::kNone), "quote family" + at(k));
    if (k > 0) {
      QG_FUZZ_CHECK(t.para == v[k - 1].para || t.para == v[k - 1].para + 1, "paragraph numbers skip" + at(k));
      QG_FUZZ_CHECK(t.space_before == v[k - 1].space_after, "space_before != previous space_after" + at(k));
    } else {
      QG_FUZZ_CHECK(t.para == 0, "first paragraph is not 0");
    }
    QG_FUZZ_CHECK(t.para < tk.para_first.size() && tk.para_first[t.para] <= k, "para_first" + at(k));
    QG_FUZZ_CHECK(k == 0 || t.para == v[k - 1].para || tk.para_first[t.para] == k, "para_first start" + at(k));
    prev_end = t.end;
  }
  for (size_t i = prev_end; i < end;) QG_FUZZ_CHECK(is_space(next_cp(s, i)), "non-space text after the last token");
  QG_FUZZ_CHECK(v.empty() ? tk.para_first.empty() : tk.para_first.size() == v.back().para + 1, "paragraph count");
}

void check_quotes(const Tokens& tk, const Quotes& qs) {
  const auto& v = tk.toks;
  const int n = static_cast<int>(qs.quotes.size());
  QG_FUZZ_CHECK(qs.top.size() == v.size(), "top[] has one entry per token");
  std::vector<int> tops;
  for (int qi = 0; qi < n; ++qi) {
    const Quote& q = qs.quotes[qi];
    const std::string w = " (quote " + std::to_string(qi) + ")";
    QG_FUZZ_CHECK(q.open_tok <= q.close_tok && q.close_tok < v.size(), "token range" + w);
    const Token& o = v[q.open_tok];
    const Token& c = v[q.close_tok];
    QG_FUZZ_CHECK(o.para == c.para, "quote spans paragraphs" + w);
    QG_FUZZ_CHECK(q.span.start == o.start && q.span.end == c.end, "span is not the marks' bytes" + w);
    QG_FUZZ_CHECK(o.type == TokType::kQuote && o.family == q.family, "does not open with a mark of its family" + w);
    if (q.closed) QG_FUZZ_CHECK(c.type == TokType::kQuote && c.family == q.family && q.close_tok > q.open_tok, "closing mark" + w);
    else QG_FUZZ_CHECK(q.close_tok + 1 == v.size() || v[q.close_tok + 1].para != c.para || v[q.close_tok + 1].type == TokType::kQuote,
                       "an unclosed quote ends at its paragraph end or at the next opening mark" + w);
    if (q.continued_from >= 0) {
      QG_FUZZ_CHECK(q.continued_from < qi, "continued_from points forward" + w);
      const Quote& p = qs.quotes[q.continued_from];
      QG_FUZZ_CHECK(!p.closed && p.family == QuoteFamily::kDouble && v[p.open_tok].para + 1 == o.para,
                    "continues a quote that is not open at the previous paragraph's end" + w);
    }
    QG_FUZZ_CHECK(q.parent >= -1 && q.parent < n, "parent index" + w);
    if (q.parent >= 0) {
      const Quote& p = qs.quotes[q.parent];
      QG_FUZZ_CHECK(p.open_tok <= q.open_tok && q.close_tok <= p.close_tok, "not inside its parent" + w);
    }
    if (qs.top[q.open_tok] == qi) {
      // A top-level quote: every token of it maps to it.
      for (uint32_t k = q.open_tok; k <= q.close_tok; ++k) QG_FUZZ_CHECK(qs.top[k] == qi, "top[] inside a top-level quote" + w);
      tops.push_back(qi);
    }
  }
  // Top-level quotes are disjoint (in the list, a paragraph's single marks follow its double ones).
  std::sort(tops.begin(), tops.end(), [&](int a, int b) { return qs.quotes[a].open_tok < qs.quotes[b].open_tok; });
  for (size_t i = 1; i < tops.size(); ++i)
    QG_FUZZ_CHECK(qs.quotes[tops[i - 1]].close_tok < qs.quotes[tops[i]].open_tok, "top-level quotes overlap");
  for (size_t k = 0; k < v.size(); ++k) {
    int t = qs.top[k];
    QG_FUZZ_CHECK(t >= -1 && t < n, "top[] index" + at(k));
    if (t >= 0) QG_FUZZ_CHECK(qs.quotes[t].open_tok <= k && k <= qs.quotes[t].close_tok, "top[] outside its quote" + at(k));
  }
  // Double quotes of a paragraph: ordered and disjoint; singles: nested or disjoint.
  for (int a = 0; a < n; ++a) {
    for (int b = a + 1; b < n && b < a + 64; ++b) {
      const Quote& x = qs.quotes[a];
      const Quote& y = qs.quotes[b];
      if (v[x.open_tok].para != v[y.open_tok].para || x.family != y.family) continue;
      if (x.family == QuoteFamily::kDouble) {
        QG_FUZZ_CHECK(x.close_tok < y.open_tok, "double quotes overlap or out of order");
      } else {
        bool disjoint = x.close_tok < y.open_tok || y.close_tok < x.open_tok;
        bool nested = (x.open_tok < y.open_tok && y.close_tok < x.close_tok) ||
                      (y.open_tok < x.open_tok && x.close_tok < y.close_tok);
        QG_FUZZ_CHECK(disjoint || nested, "single quotes cross");
      }
    }
  }
}

void check_sentences(const Tokens& tk, const Quotes& qs, const std::vector<Sentence>& ss) {
  const auto& v = tk.toks;
  uint32_t next = 0;
  for (const Sentence& s : ss) {
    QG_FUZZ_CHECK(s.first == next && s.first < s.last && s.last <= v.size(), "sentences do not tile the tokens");
    QG_FUZZ_CHECK(v[s.first].para == s.para && v[s.last - 1].para == s.para, "sentence crosses a paragraph");
    if (s.last < v.size())
      QG_FUZZ_CHECK(qs.top[s.last] < 0 || qs.top[s.last] != qs.top[s.last - 1], "sentence boundary inside a quote");
    next = s.last;
  }
  QG_FUZZ_CHECK(next == v.size(), "sentences do not cover every token");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto d = decode(std::string(reinterpret_cast<const char*>(data), size), "fuzz.txt", true);
  if (!d.ok()) return 0;  // NUL bytes or UTF-16: fuzz_decode checks those
  const Document& doc = d.value();
  // Start after the BOM, and every 7th input at a later code-point boundary.
  uint32_t begin = doc.body_start;
  const uint32_t end = static_cast<uint32_t>(doc.text.size());
  if (size % 7 == 3 && end > begin) {
    begin += (end - begin) / 3;
    while (begin < end && !is_boundary(doc.text, begin)) ++begin;
  }
  Tokens tk = tokenize(doc, begin, end);
  check_tokens(doc, tk, begin, end);
  Quotes qs = find_quotes(doc, tk);
  check_quotes(tk, qs);
  check_sentences(tk, qs, split_sentences(doc, tk, qs));
  return 0;
}
