// Echo scan: Analysis (and its text layer) -> DocText, the article body as word
// tokens (hashed, stemmed, flagged) and quotation-mark pairs. Every later echo
// stage reads this.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "echo/lexicon.hpp"
#include "quotegraph/document.hpp"
#include "text/layer.hpp"

namespace quotegraph::echo {

enum TokenFlag : uint16_t {
  kStopWord = 1u << 0,
  kCommonWord = 1u << 1,
  kCapitalised = 1u << 2,    // first letter upper case and not sentence-initial
  kQuoted = 1u << 3,         // inside a quotation-mark pair
  kBoundary = 1u << 4,       // strong punctuation (. ! ? ; :) or a blank line before it
  kNarrator = 1u << 5,       // outside every attribution content
  kSentenceStart = 1u << 6,  // first token of a sentence
  kShortQuote = 1u << 7,     // inside a quotation of at most three words: a quoted term
  kNestedQuote = 1u << 8,    // inside a quotation within a quotation: the speaker quoting someone
  // Inside a cited term: a quotation of two to eight words within a
  // quotation ("“… calling me ‘Little Marco.’ …”"). The speaker marks these
  // words as someone's, whatever English does with them.
  kTermQuote = 1u << 9,
};

struct Token {
  Span span;          // byte offsets into Document::text
  uint64_t hash = 0;  // of the stemmed normalised word
  uint16_t flags = 0;
  bool has(TokenFlag f) const { return (flags & f) != 0; }
};

struct QuotePair {
  Span outer;  // with the marks
  Span inner;  // without them
};

struct DocText {
  std::shared_ptr<const TextLayer> layer;  // the engine's tokens, quotes and sentences
  std::vector<Token> tokens;      // body word tokens in text order
  std::vector<QuotePair> quotes;  // in text order, not nested
  // End of the leading short lines without a final period (dateline, headline,
  // standfirst): a headline restates the story, so nobody echoes it.
  uint32_t headline_end = 0;
  // Per attribution, in Analysis::attributions order: the speaker key
  // (speaker_key(), "" when unknown) and the token range [first, last) of its
  // content, computed once so no stage looks them up per pair.
  std::vector<std::string> speaker_keys;
  std::vector<std::pair<uint32_t, uint32_t>> content_tokens;
};

// The echo view of the engine's text layer of `a` (Analysis::text, or made
// here by the same stages when the analyzer did not keep it): word tokens
// hashed, stemmed and flagged, quotation pairs, the headline block. Linear.
DocText scan(const Analysis& a, const EchoLexicon& lex);

// The tokens lying inside `s`: [first, last) indices into d.tokens.
std::pair<size_t, size_t> token_range(const DocText& d, Span s);

// Hash of one stemmed word, and of a word sequence (order matters).
uint64_t word_hash(std::string_view stem);
inline uint64_t combine_hash(uint64_t h, uint64_t t) {
  uint64_t x = (h ^ (t + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2))) * 0xff51afd7ed558ccdULL;
  return x ^ (x >> 31);
}

// Normalised, stemmed form of a token.
std::string token_stem(const Document& doc, const Token& t);

// The engine's sentence around byte `pos`.
Span sentence_around(const DocText& d, uint32_t pos);

// Who a speaker is, for "same" or "different" speaker: the entity's name folded
// to lower case (people: the last name); "" when the speaker is unknown or a
// pronoun that was not resolved.
std::string speaker_key(const Analysis& a, const EntityRef& r);
// Display name: the entity's name, else the mention text.
std::string speaker_name(const Analysis& a, const EntityRef& r);

// Collapses white space runs to one space and trims.
std::string one_line(std::string_view s);

}  // namespace quotegraph::echo
