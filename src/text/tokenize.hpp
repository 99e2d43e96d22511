// Stage 3, tokenize: Document body -> tokens (words, numbers, punctuation, quote
// marks) with byte spans and paragraph numbers. Linear in the body size.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "quotegraph/document.hpp"

namespace quotegraph::text {

enum class TokType : uint8_t { kWord, kNumber, kPunct, kQuote };

// Which family a quote mark belongs to and which way it can face.
enum class QuoteFamily : uint8_t { kNone, kDouble, kSingle };
enum class QuoteFace : uint8_t { kOpen, kClose, kEither };

struct Token {
  uint32_t start = 0, end = 0;
  TokType type = TokType::kWord;
  QuoteFamily family = QuoteFamily::kNone;
  QuoteFace face = QuoteFace::kEither;
  bool cap = false;          // first letter upper case
  bool space_before = false;
  bool space_after = false;
  bool abbrev = false;       // word token that swallowed its final period ("U.S.", "Sen.")
  uint32_t para = 0;         // paragraph index (blank line or new line with a capital)
  char32_t ch = 0;           // first code point (for punctuation and quote marks)
};

struct Tokens {
  std::vector<Token> toks;
  std::vector<uint32_t> para_first;  // index of the first token of each paragraph
};

// Tokenizes doc.text within [begin, end).
Tokens tokenize(const Document& doc, uint32_t begin, uint32_t end);

// Lower-cased ASCII copy of a token's text (non-ASCII bytes kept), with curly
// apostrophes folded to "'": the key used for every lexicon lookup.
std::string fold(std::string_view s);
// The same, appended to `out` (no allocation once `out` has grown).
void fold_into(std::string& out, std::string_view s);
// The same, written to `dst` (room for s.size() bytes); returns the bytes written.
size_t fold_to(char* dst, std::string_view s);

}  // namespace quotegraph::text
