// Stage 4, quotes: tokens -> paired quotation marks.
#include "text/quotes.hpp"

#include <algorithm>

namespace quotegraph::text {
namespace {

bool opening_punct(const Token& t) {
  return t.type == TokType::kPunct && (t.ch == '(' || t.ch == '[' || t.ch == '{' || t.ch == 0x2014 ||
                                       t.ch == 0x2013 || t.ch == ':' || t.ch == '/');
}

bool closing_punct(const Token& t) {
  return t.type == TokType::kPunct && t.ch != '(' && t.ch != '[' && t.ch != '{';
}

// Which way a mark faces in context, for marks that do not say so themselves.
QuoteFace face_of(const std::vector<Token>& v, size_t k, size_t para_begin, size_t para_end) {
  const Token& t = v[k];
  if (t.face != QuoteFace::kEither) return t.face;
  bool left = t.space_before || k == para_begin || opening_punct(v[k - 1]) ||
              (v[k - 1].type == TokType::kQuote && v[k - 1].face == QuoteFace::kOpen);
  bool right = t.space_after || k + 1 == para_end || closing_punct(v[k + 1]) ||
               (v[k + 1].type == TokType::kQuote && v[k + 1].face == QuoteFace::kClose);
  if (left && !right) return QuoteFace::kOpen;
  if (right && !left) return QuoteFace::kClose;
  return QuoteFace::kEither;
}

}  // namespace

Quotes find_quotes(const Document& doc, const Tokens& tk) {
  (void)doc;
  const auto& v = tk.toks;
  Quotes out;
  out.top.assign(v.size(), -1);
  // Every quote opens with a mark token of its own, so the marks bound the
  // quotes: one allocation, never a reallocation's two copies (100 MB of '"'
  // is 50 million quotes).
  size_t marks = 0;
  for (const Token& t : v) marks += t.type == TokType::kQuote;
  out.quotes.reserve(marks);
  size_t npara = tk.para_first.size();
  int pending = -1;  // quote index left open at the previous paragraph's end

  auto make = [&](uint32_t open, uint32_t close, bool closed, QuoteFamily fam) {
    Quote q;
    q.open_tok = open;
    q.close_tok = close;
    q.span = {v[open].start, v[close].end};
    q.closed = closed;
    q.family = fam;
    out.quotes.push_back(q);
    return static_cast<int>(out.quotes.size() - 1);
  };

  for (size_t p = 0; p < npara; ++p) {
    size_t b = tk.para_first[p];
    size_t e = p + 1 < npara ? tk.para_first[p + 1] : v.size();
    // Double marks first: they define the top-level quotes of the paragraph.
    long open = -1;
    int from = -1;
    if (pending >= 0) {
      if (v[b].type == TokType::kQuote && v[b].family == QuoteFamily::kDouble &&
          face_of(v, b, b, e) != QuoteFace::kClose) {
        from = pending;
      }
      pending = -1;
    }
    // The paragraph's double quotes are out.quotes[para_quotes, end).
    const size_t para_quotes = out.quotes.size();
    for (size_t k = b; k < e; ++k) {
      if (v[k].type != TokType::kQuote || v[k].family != QuoteFamily::kDouble) continue;
      QuoteFace f = face_of(v, k, b, e);
      if (f == QuoteFace::kEither) f = open < 0 ? QuoteFace::kOpen : QuoteFace::kClose;
      // German style: „…“ closes with the mark English uses to open.
      if (f == QuoteFace::kOpen && open >= 0 && v[open].ch == 0x201E && v[k].ch == 0x201C) f = QuoteFace::kClose;
      if (f == QuoteFace::kOpen) {
        if (open >= 0 && k > static_cast<size_t>(open) + 1) {
          // Open while open: the earlier quote lost its closing mark; end it here.
          make(static_cast<uint32_t>(open), static_cast<uint32_t>(k - 1), false, QuoteFamily::kDouble);
        }
        open = static_cast<long>(k);
      } else if (open >= 0) {
        int qi = make(static_cast<uint32_t>(open), static_cast<uint32_t>(k), true, QuoteFamily::kDouble);
        if (from >= 0 && static_cast<size_t>(open) == b) out.quotes[qi].continued_from = from;
        open = -1;
      }
    }
    if (open >= 0 && static_cast<size_t>(open) + 1 < e) {
      int qi = make(static_cast<uint32_t>(open), static_cast<uint32_t>(e - 1), false, QuoteFamily::kDouble);
      if (from >= 0 && static_cast<size_t>(open) == b) out.quotes[qi].continued_from = from;
      pending = qi;
    }
    for (size_t qi = para_quotes; qi < out.quotes.size(); ++qi)
      for (uint32_t k = out.quotes[qi].open_tok; k <= out.quotes[qi].close_tok; ++k) out.top[k] = static_cast<int>(qi);

    // Single marks: nested inside a double quote, or top-level in narrator text
    // (headline style: Flynn says Trump 'absolutely right').
    std::vector<uint32_t> stack;
    int stack_region = -2;
    for (size_t k = b; k < e; ++k) {
      if (v[k].type != TokType::kQuote || v[k].family != QuoteFamily::kSingle) continue;
      int region = out.top[k];
      if (region != stack_region) {
        stack.clear();
        stack_region = region;
      }
      QuoteFace f = face_of(v, k, b, e);
      if (f == QuoteFace::kOpen) {
        stack.push_back(static_cast<uint32_t>(k));
      } else if (f == QuoteFace::kClose || (f == QuoteFace::kEither && !stack.empty())) {
        if (stack.empty()) continue;  // an apostrophe (protesters' demands)
        uint32_t o = stack.back();
        stack.pop_back();
        if (k == o + 1) continue;
        int qi = make(o, static_cast<uint32_t>(k), true, QuoteFamily::kSingle);
        out.quotes[qi].parent = region;
        if (region < 0 && stack.empty()) {
          for (uint32_t j = o; j <= k; ++j) out.top[j] = qi;
        }
      } else {
        stack.push_back(static_cast<uint32_t>(k));
      }
    }
  }
  return out;
}

}  // namespace quotegraph::text
