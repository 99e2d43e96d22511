// Echo scan: Analysis (and its text layer) -> DocText, the article body as word
// tokens (hashed, stemmed, flagged) and quotation-mark pairs. Every later echo
// stage reads this.
#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
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
  // A term whose owner the text names: a possessive name and a noun of saying
  // lead to it ("Clinton’s call … to “make America whole again”").
  kOwnedQuote = 1u << 10,
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

// Spans of one kind (attribution cues, speaker mentions or contents) in start
// order, so "which of them overlap this sentence" reads the few near it
// instead of every span of the document: a long document holds tens of
// thousands, and a cue or a quote asks per occurrence.
struct SpanIndex {
  std::vector<std::pair<Span, int>> items;  // (span, owner index), by start then owner
  uint32_t max_len = 0;
  void add(Span s, int owner);
  void finish();  // sorts; call once after the last add
  // Calls f(span, owner) for every non-empty span overlapping `q`, in start order.
  template <class F>
  void each_overlapping(Span q, F&& f) const {
    each_starting(q.start > max_len ? q.start - max_len : 0, q.end, [&](Span s, int o) {
      if (overlap(s, q) > 0) f(s, o);
    });
  }
  // Calls f(span, owner) for every span starting in [from, to), in start order.
  template <class F>
  void each_starting(uint32_t from, uint32_t to, F&& f) const {
    auto it = std::lower_bound(items.begin(), items.end(), from,
                               [](const std::pair<Span, int>& x, uint32_t v) { return x.first.start < v; });
    for (; it != items.end() && it->first.start < to; ++it) f(it->first, it->second);
  }
};

// Who a mention names, by the same tests as resolve_mention() in echo.cpp,
// from tables made once per document rather than a pass over every entity
// per mention.
struct EntityIndex {
  std::unordered_map<std::string, int> by_last_word;   // first entity whose name ends in the word
  std::unordered_map<std::string, int> by_alias_word;  // first entity with a short alias ending in it
  std::vector<std::pair<Span, int>> mentions;           // every entity mention, by start
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
  SpanIndex cues, speakers, contents;  // of Analysis::attributions, owner = attribution index
  // Made on the first resolve_mention() of the document: most articles
  // resolve no mention at all. One analyze() call reads a DocText from one
  // thread, so the lazy fill needs no lock.
  mutable std::unique_ptr<EntityIndex> entities;
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

// The last word of a name or mention, normalised ("Tokayev’s" -> "tokayev"):
// the key resolve_mention() matches on.
std::string last_name_word(std::string_view s);

// The entity tables of `a` (EntityIndex).
std::unique_ptr<EntityIndex> index_entities(const Analysis& a);

// Collapses white space runs to one space and trims.
std::string one_line(std::string_view s);

}  // namespace quotegraph::echo
