// Stage 4, quotes: tokens -> paired quotation marks. Linear in the token count;
// memory 4 bytes per token (top) plus one Quote per quotation mark at most.
#pragma once

#include <cstdint>
#include <vector>

#include "text/tokenize.hpp"

namespace quotegraph::text {

struct Quote {
  uint32_t open_tok = 0;   // token of the opening mark
  uint32_t close_tok = 0;  // token of the closing mark, or the last token of the paragraph when unclosed
  Span span;               // marks included
  QuoteFamily family = QuoteFamily::kDouble;
  bool closed = true;      // false: no closing mark before the paragraph ended
  int continued_from = -1; // multi-paragraph quote: the quote of the previous paragraph
  int parent = -1;         // enclosing quote for nested ones ("‘…’" inside "“…”")
};

struct Quotes {
  std::vector<Quote> quotes;  // by paragraph; within one, double marks first, then single
  // For every token, the top-level (outermost) quote containing it, marks
  // included, or -1 when the token is narrator text.
  std::vector<int> top;
};

// Pairs quotation marks paragraph by paragraph:
// - curly and angled marks face one way; straight marks and '' face by their
//   flanking white space, and by the open/closed state when that is unclear;
// - apostrophes inside words were already kept in the word by the tokenizer;
//   a closing single mark with no opener (protesters' demands) stays unpaired;
// - a double quote still open at the end of a paragraph whose successor opens
//   with a double mark continues there (news style for multi-paragraph quotes);
//   otherwise it is closed at the paragraph end (closed = false), so an
//   unbalanced mark never swallows the rest of the article.
Quotes find_quotes(const Document& doc, const Tokens& toks);

}  // namespace quotegraph::text
