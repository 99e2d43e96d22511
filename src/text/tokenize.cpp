// Stage 3, tokenize: body text -> tokens with byte spans and paragraph numbers.
#include "text/tokenize.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <string>

#include "text/utf8.hpp"
#include "text/word_table.hpp"

namespace quotegraph::text {
namespace {

// Abbreviations whose period never ends a word, from news style guides
// (titles, months, company suffixes). "U.S."-style initialisms are found by shape.
constexpr std::array<std::string_view, 44> kAbbrev = {
    "mr", "mrs", "ms", "dr", "sen", "sens", "rep", "reps", "gov", "gen", "lt", "col", "sgt", "capt", "cmdr",
    "adm", "st", "jr", "sr", "prof", "rev", "hon", "pres", "supt", "det", "jan", "feb", "mar", "apr", "aug",
    "sep", "sept", "oct", "nov", "dec", "inc", "corp", "co", "ltd", "bros", "vs", "mt", "ft", "atty"};

// `w` (as written) is one of kAbbrev: folded in a buffer on the stack, and
// only when it is short enough to be one (a std::string each and a search of
// the whole list for every word before a period cost more than the rest of
// the word's tokenizing).
bool is_abbrev(std::string_view w) {
  constexpr size_t kLongest = 4;
  if (w.size() > kLongest) return false;
  char buf[kLongest];
  const std::string_view lower(buf, fold_to(buf, w));
  return in_list<kAbbrev>(lower);
}

// What the tokenizer needs of an ASCII byte, by table: most of the text is
// ASCII, and the words' letters are passed over without decoding a code
// point or asking ICU about it.
// Bytes from 0x80 up are 0: a code point beyond ASCII takes the general path.
enum : uint8_t { kAsciiSpace = 1, kAsciiDigit = 2, kAsciiLetter = 4 };
constexpr std::array<uint8_t, 256> kAscii = [] {
  std::array<uint8_t, 256> t{};
  for (char c : {' ', '\t', '\n', '\r', '\f', '\v'}) t[static_cast<unsigned char>(c)] = kAsciiSpace;
  for (int c = '0'; c <= '9'; ++c) t[c] = kAsciiDigit;
  for (int c = 'a'; c <= 'z'; ++c) t[c] = t[c - 32] = kAsciiLetter;
  return t;
}();

struct QuoteInfo {
  QuoteFamily family = QuoteFamily::kNone;
  QuoteFace face = QuoteFace::kEither;
};

QuoteInfo quote_info(char32_t c) {
  switch (c) {
    case '"': return {QuoteFamily::kDouble, QuoteFace::kEither};
    case 0x201C: case 0x201E: case 0x201F: case 0xAB: return {QuoteFamily::kDouble, QuoteFace::kOpen};
    case 0x201D: case 0xBB: return {QuoteFamily::kDouble, QuoteFace::kClose};
    case '\'': return {QuoteFamily::kSingle, QuoteFace::kEither};
    case 0x2018: case 0x201A: case 0x2039: case '`': return {QuoteFamily::kSingle, QuoteFace::kOpen};
    case 0x2019: case 0x203A: return {QuoteFamily::kSingle, QuoteFace::kClose};
    default: return {};
  }
}

bool is_apostrophe(char32_t c) { return c == '\'' || c == 0x2019; }
bool is_hyphen(char32_t c) { return c == '-' || c == 0x2010 || c == 0x2011; }

char32_t peek(std::string_view s, size_t i, size_t end) {
  if (i >= end) return 0;
  return next_cp(s, i);
}

}  // namespace

std::string fold(std::string_view s) {
  std::string out;
  fold_into(out, s);
  return out;
}

namespace {

// ASCII upper-case letters of a word lowered, every byte below 0x80 (each
// byte plus 0x3F or 0x25 stays below 0x100: no carry between bytes).
template <typename T>
T lower_ascii(T w) {
  constexpr T kOnes = static_cast<T>(0x0101010101010101ull), kHigh = static_cast<T>(0x8080808080808080ull);
  const T from_a = w + 0x3F * kOnes;  // high bit: byte >= 'A'
  const T past_z = w + 0x25 * kOnes;  // high bit: byte > 'Z'
  return w | ((from_a & ~past_z & kHigh) >> 2);
}

// A word of 4-16 ASCII bytes folded as two overlapping loads and stores
// (its first and last 4 or 8 bytes): most tokens are that long, and a byte
// loop tested each byte for the curly apostrophe's lead byte too. False,
// with nothing written, when a byte is not ASCII.
template <typename T>
bool fold_ascii_ends(char* dst, std::string_view s) {
  constexpr T kHigh = static_cast<T>(0x8080808080808080ull);
  T a, b;
  std::memcpy(&a, s.data(), sizeof(T));
  std::memcpy(&b, s.data() + s.size() - sizeof(T), sizeof(T));
  if ((a | b) & kHigh) return false;
  a = lower_ascii(a);
  b = lower_ascii(b);
  std::memcpy(dst, &a, sizeof(T));
  std::memcpy(dst + s.size() - sizeof(T), &b, sizeof(T));
  return true;
}

}  // namespace

size_t fold_to(char* dst, std::string_view s) {
  if (s.size() >= 8 && s.size() <= 16 && fold_ascii_ends<uint64_t>(dst, s)) return s.size();
  if (s.size() >= 4 && s.size() < 8 && fold_ascii_ends<uint32_t>(dst, s)) return s.size();
  char* d = dst;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == 0xE2 && i + 2 < s.size() && s[i + 1] == '\x80' && s[i + 2] == '\x99') {
      *d++ = '\'';  // curly apostrophe
      i += 2;
    } else {
      *d++ = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
  }
  return static_cast<size_t>(d - dst);
}

void fold_into(std::string& out, std::string_view s) {
  size_t n = out.size();
  out.resize(n + s.size());
  out.resize(n + fold_to(out.data() + n, s));
}

namespace {

// The tokenizer proper: calls emit(token, space_before, newlines_before) for
// each token of s[begin, end) in order. tokenize() runs it to fill the tokens,
// and on a huge input once before that to count them.
template <typename Emit>
void scan(std::string_view s, size_t begin, size_t end, Emit&& emit) {
  int newlines = 0;
  bool space = true;
  // Inlined at its three calls: out of line, its call and bit-field shuffling
  // cost more than the rest of a short token.
  auto push = [&](const Token& t) __attribute__((always_inline)) {
    emit(t, space, newlines);
    newlines = 0;
    space = false;
  };

  size_t i = begin;
  while (i < end) {
    size_t at = i;
    const unsigned char b = static_cast<unsigned char>(s[i]);
    if (kAscii[b] == kAsciiSpace) {
      newlines += b == '\n';
      space = true;
      ++i;
      continue;
    }
    // An ASCII byte the table did not call space is no space: the dozen
    // comparisons of is_space are for code points beyond ASCII.
    char32_t c = b;
    if (b < 0x80) {
      ++i;
    } else if (c = next_cp(s, i); is_space(c)) {
      if (c == 0x2029) ++newlines;
      space = true;
      continue;
    }
    Token t;
    t.start = static_cast<uint32_t>(at);
    t.ch = c;
    if (is_alnum(c) || (is_apostrophe(c) && space && is_digit(peek(s, i, end)))) {
      // Word or number: letters and digits joined by hyphens, inner apostrophes
      // ("Kazakhstan's", "don't", "'90s"), and periods of initialisms ("U.S").
      bool digits_only = is_digit(c);
      bool hyphen_seen = false;
      size_t seg_start = at;
      const unsigned char* bytes = reinterpret_cast<const unsigned char*>(s.data());
      while (i < end) {
        // A run of ASCII letters and digits, the common case, by table; the
        // bits of its classes, and-ed, say whether it was digits only.
        size_t k = i;
        uint8_t kinds = kAsciiDigit | kAsciiLetter;
        for (uint8_t c; k < end && ((c = kAscii[bytes[k]]) & (kAsciiDigit | kAsciiLetter)); ++k) kinds &= c;
        if (k > i) {
          digits_only = digits_only && kinds == kAsciiDigit;
          i = k;
          if (i >= end) break;
        }
        size_t j = i;
        char32_t d = next_cp(s, j);
        if (is_alnum(d)) {
          digits_only = digits_only && is_digit(d);
          i = j;
          continue;
        }
        char32_t after = peek(s, j, end);
        if ((is_hyphen(d) || is_apostrophe(d) || d == '&') && is_alnum(after)) {
          if (d == '-' && !hyphen_seen) {
            hyphen_seen = true;
            t.lower_part = after >= 'a' && after <= 'z';
          }
          i = j;
          seg_start = j;
          continue;
        }
        if ((d == ',' || d == '.') && digits_only && is_digit(after)) { i = j; continue; }
        if (d == '.' && is_alpha(after) && i - seg_start == 1) { i = j; seg_start = j; continue; }
        break;
      }
      t.end = static_cast<uint32_t>(i);
      t.type = digits_only ? TokType::kNumber : TokType::kWord;
      t.cap = is_upper(c);
      if (i < end && s[i] == '.' && t.type == TokType::kWord) {
        std::string_view w = s.substr(t.start, t.end - t.start);
        bool initialism = w.find('.') != std::string_view::npos;
        bool initial = w.size() == 1 && t.cap;
        // A period right before a comma ends no sentence: "Mitch McConnell,
        // R-Ky., said", "Acme Inc., which", "etc.,".
        bool before_comma = i + 1 < end && s[i + 1] == ',';
        if (initialism || initial || before_comma || is_abbrev(w)) {
          ++i;
          t.end = static_cast<uint32_t>(i);
          t.abbrev = true;
        }
      }
      push(t);
      continue;
    }
    QuoteInfo q = quote_info(c);
    if (q.family != QuoteFamily::kNone) {
      t.type = TokType::kQuote;
      t.family = q.family;
      t.face = q.face;
      // Two apostrophes or backticks stand for a double quote (''NYT style'', ``TeX style'').
      if ((c == '\'' || c == '`') && i < end && static_cast<char32_t>(s[i]) == c) {
        ++i;
        t.family = QuoteFamily::kDouble;
        t.face = c == '`' ? QuoteFace::kOpen : QuoteFace::kEither;
      }
      t.end = static_cast<uint32_t>(i);
      push(t);
      continue;
    }
    t.type = TokType::kPunct;
    // "--" is a dash in plain-text news.
    if (c == '-' && i < end && s[i] == '-') {
      while (i < end && s[i] == '-') ++i;
      t.ch = 0x2014;
    }
    t.end = static_cast<uint32_t>(i);
    push(t);
  }
}

}  // namespace

Tokens tokenize(const Document& doc, uint32_t begin, uint32_t end) {
  std::string_view s = doc.text;
  end = std::min<uint32_t>(end, static_cast<uint32_t>(s.size()));
  Tokens out;
  if (begin >= end) return out;
  // Never a doubling vector's spare half and copies: up to 64 MB the vector
  // reserves one token per byte, an upper bound whose untouched pages cost
  // address space, not memory; above that a counting pass sizes it exactly, at
  // the price of a second scan.
  constexpr uint32_t kCountAbove = 64u << 20;
  size_t count = 0;
  if (end - begin > kCountAbove)
    scan(s, begin, end, [&](const Token&, bool, int) { ++count; });
  else
    count = end - begin;
  out.toks.reserve(count);
  uint32_t para = 0;
  // Inlined into the scan (its three token pushes), as push is.
  scan(s, begin, end, [&](Token t, bool space, int newlines) __attribute__((always_inline)) {
    t.space_before = space;
    if (!out.toks.empty()) out.toks.back().space_after = space;
    if (!out.toks.empty() && (newlines >= 2 || (newlines == 1 && (t.cap || t.type != TokType::kWord)))) ++para;
    if (out.para_first.size() <= para) out.para_first.push_back(static_cast<uint32_t>(out.toks.size()));
    t.para = para;
    out.toks.push_back(t);
  });
  if (!out.toks.empty()) out.toks.back().space_after = true;
  return out;
}

}  // namespace quotegraph::text
