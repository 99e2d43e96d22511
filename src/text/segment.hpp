// Stage 5, segment: tokens + quotes -> sentences. Linear in the token count.
#pragma once

#include <cstdint>
#include <vector>

#include "text/quotes.hpp"
#include "text/tokenize.hpp"

namespace quotegraph::text {

struct Sentence {
  uint32_t first = 0;  // first token
  uint32_t last = 0;   // one past the last token
  uint32_t para = 0;
};

// Splits each paragraph into sentences at . ! ? (and their closing quote
// marks or brackets) before a capital, digit or opening mark. Titles and
// months (Sen., Jan.) never end a sentence; initialisms (U.S.) do only before a
// typical sentence opener ("… in the U.S. The …"). No sentence boundary falls
// inside a top-level quote, so a quote of several sentences stays with the
// attribution around it. A wire dateline opening a paragraph ("DECATUR, Ill. —",
// "WASHINGTON (AP) —") is a sentence of its own.
std::vector<Sentence> split_sentences(const Document& doc, const Tokens& toks, const Quotes& quotes);

// Index of the sentence holding token `k` (the last one starting at or before
// it; 0 when none does). O(log n).
uint32_t sentence_of_token(const std::vector<Sentence>& sentences, uint32_t k);

}  // namespace quotegraph::text
