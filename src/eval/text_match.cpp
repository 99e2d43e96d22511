// Text helpers of the evaluation (see text_match.hpp).
#include "eval/text_match.hpp"

#include <re2/re2.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "text/decode.hpp"
#include "text/utf8.hpp"

namespace quotegraph::eval {
namespace {

// Python's \w on str: alphanumeric (letters, decimals, digits, numerics) or '_'.
bool is_word_cp(UChar32 c) {
  return c == '_' || u_isalpha(c) || u_getIntPropertyValue(c, UCHAR_NUMERIC_TYPE) != U_NT_NONE;
}

// score_corpus.py's SPEECH alternation. Its \b...\b match is always one whole run
// of word characters, so we test each run against the anchored alternation;
// inside a run, `\w*` is any rest of the run, hence `.*`.
const RE2& speech_pattern() {
  static const RE2 kSpeech(
      "(?i)(?:say|says|said|saying|tell|tells|told|telling|add|adds|added|adding|according|"
      "wrote|write|writes|announc.*|not(?:e|es|ed|ing)|explain.*|claim.*|insist.*|argu.*|"
      "warn.*|ask.*|describ.*|stat(?:e|es|ed|ing|ement)|den(?:y|ies|ied)|repl.*|respon.*|"
      "tweet.*|comment.*|remark.*|acknowledg.*|admit.*|declar.*|reiterat.*|call(?:ed|s)?|"
      "interview|statement|testif.*|recount.*|quip.*|urg.*|accus.*)");
  return kSpeech;
}

bool is_quote_mark(char32_t c) {
  return c == '"' || c == '\'' || c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019 ||
         c == 0x00AB || c == 0x00BB || c == 0x201E || c == 0x201A || c == 0x2039 || c == 0x203A;
}

bool is_trimmed(char32_t c) {
  return text::is_space(c) || is_quote_mark(c) || c == ',' || c == '.' || c == ';' || c == ':';
}

}  // namespace

std::string last_word(std::string_view s) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(err);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  icu::UnicodeString n = U_SUCCESS(err) ? nfkc->normalize(u, err) : u;
  if (U_FAILURE(err)) n = u;
  n.toLower(icu::Locale::getRoot());
  // Scan backwards for the last run of [\w-].
  int32_t end = n.length();
  while (end > 0) {
    UChar32 c = n.char32At(end - 1);
    if (is_word_cp(c) || c == '-') break;
    end = n.moveIndex32(end, -1);
  }
  int32_t start = end;
  while (start > 0) {
    UChar32 c = n.char32At(start - 1);
    if (!(is_word_cp(c) || c == '-')) break;
    start = n.moveIndex32(start, -1);
  }
  std::string out;
  n.tempSubStringBetween(start, end).toUTF8String(out);
  return out;
}

bool is_speech_cue(std::string_view cue) {
  const RE2& re = speech_pattern();
  size_t i = 0;
  while (i < cue.size()) {
    size_t start = i;
    char32_t c = text::next_cp(cue, i);
    if (!is_word_cp(static_cast<UChar32>(c))) continue;
    size_t end = i;
    while (end < cue.size()) {
      size_t j = end;
      if (!is_word_cp(static_cast<UChar32>(text::next_cp(cue, j)))) break;
      end = j;
    }
    if (RE2::FullMatch(re2::StringPiece(cue.data() + start, end - start), re)) return true;
    i = end;
  }
  return false;
}

Result<std::vector<uint32_t>> code_point_offsets(std::string_view article, const std::string& path) {
  size_t bad = text::first_invalid_utf8(article);
  if (bad != std::string_view::npos)
    return Status(ErrorCode::kInputError, path + ": byte " + std::to_string(bad) + ": invalid UTF-8");
  std::vector<uint32_t> out;
  out.reserve(article.size() + 1);
  size_t i = 0;
  while (i < article.size()) {
    out.push_back(static_cast<uint32_t>(i));
    text::next_cp(article, i);
  }
  out.push_back(static_cast<uint32_t>(article.size()));
  return out;
}

std::string excerpt(std::string_view s, size_t max_chars) {
  std::string out;
  size_t i = 0, n = 0;
  bool space = false;
  while (i < s.size()) {
    size_t start = i;
    char32_t c = text::next_cp(s, i);
    if (text::is_space(c)) {
      space = !out.empty();
      continue;
    }
    if (n >= max_chars) {
      out += "…";
      return out;
    }
    if (space) {
      out += ' ';
      ++n;
      space = false;
    }
    out.append(s.substr(start, i - start));
    ++n;
  }
  return out;
}

Span trim_span(std::string_view text, Span span) {
  size_t s = span.start, e = span.end;
  if (e > text.size() || s >= e) return Span{span.start, span.start};
  while (s < e) {
    size_t j = s;
    if (!is_trimmed(text::next_cp(text, j)) || j > e) break;
    s = j;
  }
  while (e > s) {
    size_t start = 0;
    if (!is_trimmed(text::prev_cp(text, e, start)) || start < s) break;
    e = start;
  }
  return Span{static_cast<uint32_t>(s), static_cast<uint32_t>(e)};
}

double quoted_letter_share(std::string_view content) {
  size_t letters = 0, inside = 0, i = 0;
  bool dbl = false, sgl = false;
  while (i < content.size()) {
    char32_t c = text::next_cp(content, i);
    if (c == 0x201C || c == 0x00AB) {
      dbl = true;
    } else if (c == 0x201D || c == 0x00BB) {
      dbl = false;
    } else if (c == '"') {
      dbl = !dbl;
    } else if (c == '\'' && i < content.size() && content[i] == '\'') {
      dbl = !dbl;  // ''typewriter double quotes'' (NYT style)
      ++i;
    } else if (c == 0x2018) {
      sgl = true;
    } else if (c == 0x2019) {
      // An apostrophe (“Clinton’s”) is followed by a letter; a closing mark is not.
      size_t j = i;
      if (sgl && (j >= content.size() || !u_isalpha(static_cast<UChar32>(text::next_cp(content, j))))) sgl = false;
    } else if (u_isalpha(static_cast<UChar32>(c))) {
      ++letters;
      inside += dbl || sgl;
    }
  }
  return letters ? static_cast<double>(inside) / static_cast<double>(letters) : -1.0;
}

// The folded last word of a name (echo_eval.hpp, story_eval.hpp): "Mr. O’Malley's" -> "o'malley".
std::string last_name_key(std::string_view s) {
  std::string f;
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == 0xE2 && i + 2 < s.size() && s[i + 1] == '\x80' && (s[i + 2] == '\x99' || s[i + 2] == '\x98')) {
      f += '\'';
      i += 2;
    } else if (c == '.' || c == ',' || c == ':') {
      continue;
    } else if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      f += ' ';
    } else {
      f += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
  }
  while (!f.empty() && f.back() == ' ') f.pop_back();
  if (f.ends_with("'s")) f.resize(f.size() - 2);
  if (f.ends_with("'")) f.pop_back();  // "Sanders'"
  const size_t sp = f.rfind(' ');
  return sp == std::string::npos ? f : f.substr(sp + 1);
}

// Code-point offset of byte `b` (the gold's unit, so errors can be looked up).
size_t code_point_at(std::string_view text, uint32_t b) {
  size_t n = 0;
  for (uint32_t i = 0; i < b && i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++n;
  return n;
}

}  // namespace quotegraph::eval
