// Echo scan: Analysis -> DocText (tokens and quotation-mark pairs of the body).
#include "echo/scan.hpp"

#include <algorithm>

namespace quotegraph::echo {
namespace {

// Code point at byte i (0 when invalid) and its length.
uint32_t decode(std::string_view s, size_t i, int& len) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) { len = 1; return c; }
  int n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  if (i + n > s.size() || n == 1) { len = 1; return 0; }
  uint32_t cp = c & (0x3F >> (n - 1));
  for (int k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  len = n;
  return cp;
}

bool is_ascii_alnum(uint32_t c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Letters outside ASCII: everything from U+00C0 up except the punctuation blocks.
bool is_word_cp(uint32_t c) {
  if (c < 0x80) return is_ascii_alnum(c);
  if (c < 0xC0 || c == 0xD7 || c == 0xF7) return false;
  if (c >= 0x2000 && c <= 0x206F) return false;  // general punctuation: quotes, dashes, ellipsis
  if (c >= 0x3000 && c <= 0x303F) return false;  // CJK punctuation
  if (c == 0xFEFF) return false;
  return true;
}

bool is_apostrophe(uint32_t c) { return c == '\'' || c == 0x2019; }

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

// "Mr." "U.S." "Jan.": a period that does not end a sentence.
bool abbreviation_before(std::string_view text, size_t dot) {
  size_t b = dot;
  while (b > 0 && !is_space(text[b - 1]) && text[b - 1] != '(' ) --b;
  std::string_view w = text.substr(b, dot - b);
  if (w.empty()) return false;
  if (w.find('.') != std::string_view::npos) return true;  // U.S, e.g
  if (w.size() == 1 && w[0] >= 'A' && w[0] <= 'Z') return true;  // J. Blinken
  static const char* const kAbbrev[] = {"Mr", "Mrs", "Ms", "Dr", "St", "Sen", "Rep", "Gov", "Gen", "Col",
                                        "Lt", "Sgt", "Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec", "No",
                                        "vs", "Jr", "Sr", "Prof", "Inc", "Co", "Corp", "Ltd"};
  for (const char* a : kAbbrev)
    if (w == a) return true;
  return false;
}

std::vector<QuotePair> find_quote_pairs(std::string_view text, uint32_t begin, uint32_t end) {
  std::vector<QuotePair> out;
  int open_kind = -1;  // 0 curly double, 1 straight, 2 guillemet, 3 curly single
  uint32_t open_at = 0, open_len = 0;
  auto blank_line_between = [&](uint32_t a, uint32_t b) {
    for (uint32_t i = a; i < b; ++i) {
      if (text[i] != '\n') continue;
      uint32_t j = i + 1;
      while (j < b && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r')) ++j;
      if (j < b && text[j] == '\n') return true;
    }
    return false;
  };
  for (uint32_t i = begin; i < end;) {
    int len = 1;
    uint32_t c = decode(text, i, len);
    int kind = -1;
    bool opens = false, closes = false;
    if (c == 0x201C) { kind = 0; opens = true; }
    else if (c == 0x201D) { kind = 0; closes = true; }
    else if (c == 0xAB) { kind = 2; opens = true; }
    else if (c == 0xBB) { kind = 2; closes = true; }
    else if (c == '"') {
      kind = 1;
      bool after_space = i == begin || is_space(text[i - 1]) || text[i - 1] == '(' || text[i - 1] == '[';
      if (open_kind == 1) closes = true; else if (after_space) opens = true;
    } else if (c == 0x2018) {
      bool after_space = i == begin || is_space(text[i - 1]) || text[i - 1] == '(';
      if (after_space && open_kind < 0) { kind = 3; opens = true; }
    } else if (c == 0x2019 && open_kind == 3) {
      int l2 = 1;
      uint32_t next = i + len < end ? decode(text, i + len, l2) : ' ';
      if (!is_word_cp(next)) { kind = 3; closes = true; }
    }
    if (kind >= 0) {
      if (closes && open_kind == kind) {
        if (!blank_line_between(open_at, i)) {
          out.push_back({Span{open_at, i + static_cast<uint32_t>(len)}, Span{open_at + open_len, i}});
        }
        open_kind = -1;
      } else if (opens && (open_kind < 0 || kind != 3)) {
        open_kind = kind;
        open_at = i;
        open_len = static_cast<uint32_t>(len);
      }
    }
    i += static_cast<uint32_t>(len);
  }
  return out;
}

}  // namespace

uint64_t word_hash(std::string_view stem) {
  uint64_t h = 1469598103934665603ULL;
  for (char c : stem) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  return h ^ (h >> 33);
}

std::string token_stem(const Document& doc, const Token& t) { return stem_word(normalize_word(doc.slice(t.span))); }

DocText scan(const Analysis& a, const EchoLexicon& lex) {
  DocText d;
  std::string_view text = a.doc.text;
  uint32_t begin = std::min<uint32_t>(a.doc.body_start, text.size());
  uint32_t end = a.doc.body_end > begin ? std::min<uint32_t>(a.doc.body_end, text.size()) : text.size();
  d.quotes = find_quote_pairs(text, begin, end);

  std::vector<Span> contents;
  for (const Attribution& t : a.attributions) contents.push_back(t.content);
  std::sort(contents.begin(), contents.end(), [](Span x, Span y) { return x.start < y.start; });

  // Leading paragraphs of at most 20 words that do not end like a sentence.
  d.headline_end = begin;
  for (uint32_t p = begin; p < end;) {
    while (p < end && is_space(text[p])) ++p;
    uint32_t q = p;
    while (q < end && !(text[q] == '\n' && q + 1 < end && (text[q + 1] == '\n' || text[q + 1] == '\r'))) ++q;
    std::string_view para = text.substr(p, q - p);
    while (!para.empty() && is_space(para.back())) para.remove_suffix(1);
    int words = 0;
    for (size_t k = 0; k < para.size(); ++k)
      if (!is_space(para[k]) && (k == 0 || is_space(para[k - 1]))) ++words;
    bool sentence_end = !para.empty() && (para.back() == '.' || para.back() == '!' || para.back() == '?' ||
                                          para.back() == '"' || para.ends_with("\xE2\x80\x9D"));
    if (para.empty() || words > 20 || sentence_end || q >= end) break;
    d.headline_end = q;
    p = q;
  }

  bool boundary = true, sentence_start = true;
  size_t qi = 0, ci = 0;
  uint32_t covered_to = 0;  // max end among contents started so far
  for (uint32_t i = begin; i < end;) {
    int len = 1;
    uint32_t c = decode(text, i, len);
    if (!is_word_cp(c)) {
      if (c == '!' || c == '?' || c == ';' || c == ':') { boundary = true; if (c != ';' && c != ':') sentence_start = true; }
      if (c == '.' && !abbreviation_before(text, i)) { boundary = true; sentence_start = true; }
      if (c == '\n') {
        uint32_t j = i + 1;
        while (j < end && (text[j] == ' ' || text[j] == '\r' || text[j] == '\t')) ++j;
        if (j < end && text[j] == '\n') { boundary = true; sentence_start = true; }
      }
      i += static_cast<uint32_t>(len);
      continue;
    }
    // A word: letters and digits, with inner apostrophes, hyphens and periods.
    uint32_t s = i;
    while (i < end) {
      int l = 1;
      uint32_t cp = decode(text, i, l);
      if (is_word_cp(cp)) { i += static_cast<uint32_t>(l); continue; }
      if (is_apostrophe(cp) || cp == '-' || cp == '.') {
        int l2 = 1;
        uint32_t next = i + l < end ? decode(text, i + l, l2) : ' ';
        if (is_word_cp(next)) { i += static_cast<uint32_t>(l); continue; }
        if (is_apostrophe(cp) && i > s && (text[i - 1] == 's' || text[i - 1] == 'S')) {  // plural possessive
          i += static_cast<uint32_t>(l);
        }
      }
      break;
    }
    Token t;
    t.span = Span{s, i};
    std::string norm = normalize_word(text.substr(s, i - s));
    if (norm.empty()) continue;
    t.hash = word_hash(stem_word(norm));
    if (lex.is_stop(norm)) t.flags |= kStopWord;
    if (lex.is_common(norm)) t.flags |= kCommonWord;
    unsigned char first = static_cast<unsigned char>(text[s]);
    if (first >= 'A' && first <= 'Z' && !sentence_start) t.flags |= kCapitalised;
    if (boundary) t.flags |= kBoundary;
    if (sentence_start) t.flags |= kSentenceStart;
    while (qi < d.quotes.size() && d.quotes[qi].inner.end <= s) ++qi;
    if (qi < d.quotes.size() && d.quotes[qi].inner.start <= s) t.flags |= kQuoted;
    while (ci < contents.size() && contents[ci].start <= s) covered_to = std::max(covered_to, contents[ci++].end);
    if (covered_to <= s) t.flags |= kNarrator;
    boundary = false;
    sentence_start = false;
    d.tokens.push_back(t);
  }
  d.speaker_keys.reserve(a.attributions.size());
  d.content_tokens.reserve(a.attributions.size());
  for (const Attribution& t : a.attributions) {
    d.speaker_keys.push_back(speaker_key(a, t.speaker));
    auto [b, e] = token_range(d, t.content);
    d.content_tokens.emplace_back(static_cast<uint32_t>(b), static_cast<uint32_t>(e));
  }
  return d;
}

std::pair<size_t, size_t> token_range(const DocText& d, Span s) {
  auto lo = std::lower_bound(d.tokens.begin(), d.tokens.end(), s.start,
                             [](const Token& t, uint32_t v) { return t.span.start < v; });
  auto hi = std::lower_bound(lo, d.tokens.end(), s.end, [](const Token& t, uint32_t v) { return t.span.end <= v; });
  return {static_cast<size_t>(lo - d.tokens.begin()), static_cast<size_t>(hi - d.tokens.begin())};
}

Span sentence_around(const Document& doc, uint32_t pos) {
  std::string_view text = doc.text;
  uint32_t lo = doc.body_start, hi = doc.body_end > lo ? doc.body_end : text.size();
  pos = std::clamp(pos, lo, hi);
  auto ends_sentence = [&](uint32_t i) {
    char c = text[i];
    if (c == '!' || c == '?') return true;
    if (c == '.') return !abbreviation_before(text, i);
    if (c == '\n') {
      uint32_t j = i + 1;
      while (j < hi && (text[j] == ' ' || text[j] == '\r' || text[j] == '\t')) ++j;
      return j >= hi || text[j] == '\n';
    }
    return false;
  };
  uint32_t s = pos;
  while (s > lo && !ends_sentence(s - 1)) --s;
  uint32_t e = pos;
  while (e < hi && !ends_sentence(e)) ++e;
  if (e < hi) ++e;
  // Closing quotation marks after the period belong to the sentence.
  while (e < hi && (text[e] == '"' || static_cast<unsigned char>(text[e]) >= 0x80) &&
         text.substr(e, 3) == "\xE2\x80\x9D")
    e += 3;
  while (s < e && is_space(text[s])) ++s;
  return Span{s, e};
}

std::string speaker_key(const Analysis& a, const EntityRef& r) {
  std::string name;
  bool person = false;
  if (r.entity >= 0 && r.entity < static_cast<int>(a.entities.size())) {
    name = a.entities[r.entity].name;
    person = a.entities[r.entity].kind == EntityKind::kPerson;
  } else if (!r.mention.empty()) {
    name = std::string(a.doc.slice(r.mention));
  }
  std::vector<std::string> words;
  size_t i = 0;
  while (i < name.size()) {
    while (i < name.size() && (is_space(name[i]) || name[i] == ',')) ++i;
    size_t j = i;
    while (j < name.size() && !is_space(name[j]) && name[j] != ',') ++j;
    if (j > i) words.push_back(normalize_word(std::string_view(name).substr(i, j - i)));
    i = j;
  }
  if (words.empty()) return "";
  static const char* const kPronouns[] = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them"};
  if (words.size() == 1)
    for (const char* p : kPronouns)
      if (words[0] == p) return "";
  if (words.front() == "the" || words.front() == "a" || words.front() == "an") words.erase(words.begin());
  if (words.empty()) return "";
  bool all_caps = true;  // "Nikol Pashinyan" as an unresolved mention: a person's name
  for (const std::string& w : words) all_caps = all_caps && !w.empty();
  if (!person && r.entity < 0 && !r.mention.empty()) {
    std::string_view m = a.doc.slice(r.mention);
    person = words.size() >= 2 && !m.empty() && m[0] >= 'A' && m[0] <= 'Z';
  }
  if (person) return words.back();
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

std::string speaker_name(const Analysis& a, const EntityRef& r) {
  if (r.entity >= 0 && r.entity < static_cast<int>(a.entities.size())) return a.entities[r.entity].name;
  return r.mention.empty() ? std::string() : one_line(a.doc.slice(r.mention));
}

std::string one_line(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (is_space(c)) { space = !out.empty(); continue; }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

}  // namespace quotegraph::echo
