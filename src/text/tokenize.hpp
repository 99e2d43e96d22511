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

// One token in 16 bytes: every later stage keeps a few arrays indexed by token,
// and 100 MB of quotation marks is 100 million tokens, so the size of this
// struct is most of the tokenizer's share of peak memory. The code point and
// the flags share one 32-bit word (21 bits hold any code point).
struct Token {
  uint32_t start = 0, end = 0;
  uint32_t para = 0;             // paragraph index (blank line or new line with a capital)
  char32_t ch : 21 = 0;          // first code point (for punctuation and quote marks)
  // Bit-fields never straddle a byte of their own type: the three after the
  // code point fill its third byte, the rest the fourth.
  bool space_after : 1 = false;
  bool abbrev : 1 = false;       // word token that swallowed its final period ("U.S.", "Sen.")
  bool lower_part : 1 = false;   // its first '-' is followed by a lower-case letter ("Russia-led")
  TokType type : 2 = TokType::kWord;
  QuoteFamily family : 2 = QuoteFamily::kNone;
  QuoteFace face : 2 = QuoteFace::kEither;
  bool cap : 1 = false;          // first letter upper case
  bool space_before : 1 = false;
};
static_assert(sizeof(Token) == 16, "Token is 16 bytes: one per input byte in the worst case");

struct Tokens {
  std::vector<Token> toks;
  std::vector<uint32_t> para_first;  // index of the first token of each paragraph
};

// Tokenizes doc.text within [begin, end). Two passes over the text: the first
// counts the tokens, so `toks` is allocated once at its exact size (16 bytes a
// token, never a doubling vector's spare half or a reallocation's two copies).
// Linear time; memory 16 bytes per token plus 4 per paragraph.
Tokens tokenize(const Document& doc, uint32_t begin, uint32_t end);

// Lower-cased ASCII copy of a token's text (non-ASCII bytes kept), with curly
// apostrophes folded to "'": the key used for every lexicon lookup.
std::string fold(std::string_view s);
// The same, appended to `out` (no allocation once `out` has grown).
void fold_into(std::string& out, std::string_view s);
// The same, written to `dst` (room for s.size() bytes); returns the bytes written.
size_t fold_to(char* dst, std::string_view s);

}  // namespace quotegraph::text
