// Stage helpers for diff: text -> normalised words, and word sequences -> a
// similarity score or a word-level diff. Pure functions, no state.
#include <algorithm>
#include <set>
#include <unordered_set>

#include "text/tokenize.hpp"
#include "diff/internal.hpp"

namespace quotegraph::diff {
namespace detail {
namespace {

// Length of the UTF-8 sequence at s[i] and whether it is punctuation that never
// belongs to a word: ASCII punctuation other than the apostrophe and hyphen, and
// the typographic quotation marks and dashes (U+2013, U+2014, U+2018..U+201F, U+2026).
size_t punct_len(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '\'' || c == '-')
      return 0;
    return 1;
  }
  if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
    unsigned char d = static_cast<unsigned char>(s[i + 2]);
    if (d == 0x93 || d == 0x94 || (d >= 0x98 && d <= 0x9F) || d == 0xA6) return 3;
  }
  if (c == 0xC2 && i + 1 < s.size()) {
    unsigned char d = static_cast<unsigned char>(s[i + 1]);
    if (d == 0xA0 || d == 0xAB || d == 0xBB) return 2;  // no-break space, guillemets
  }
  return 0;
}

std::string lower_trim(std::string_view w) {
  std::string out;
  out.reserve(w.size());
  for (char c : w) out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  while (!out.empty() && (out.back() == '\'' || out.back() == '-')) out.pop_back();
  size_t b = 0;
  while (b < out.size() && (out[b] == '\'' || out[b] == '-')) ++b;
  out.erase(0, b);
  if (out.size() > 2 && out.compare(out.size() - 2, 2, "'s") == 0) out.resize(out.size() - 2);
  return out;
}

}  // namespace

std::vector<Word> split_words(std::string_view text, uint32_t base) {
  std::vector<Word> out;
  size_t i = 0, start = std::string_view::npos;
  auto flush = [&](size_t end) {
    if (start == std::string_view::npos) return;
    // fold() lower-cases and turns U+2019 inside a word ("fishermen’s") into '.
    std::string w = text::fold(text.substr(start, end - start));
    std::string n = lower_trim(w);
    if (!n.empty()) out.push_back({std::move(n), Span{base + uint32_t(start), base + uint32_t(end)}});
    start = std::string_view::npos;
  };
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    size_t pl = space ? 1 : punct_len(text, i);
    // A right single quotation mark between letters is an apostrophe, not punctuation.
    if (pl == 3 && text.compare(i, 3, "\xE2\x80\x99") == 0 && start != std::string_view::npos && i + 3 < text.size() &&
        std::isalpha(static_cast<unsigned char>(text[i + 3])))
      pl = 0;
    if (pl > 0) {
      flush(i);
      i += pl;
      continue;
    }
    if (start == std::string_view::npos) start = i;
    ++i;
  }
  flush(text.size());
  return out;
}

bool is_stop_word(std::string_view w) {
  // General English function words, pronouns and modal verbs: paraphrase changes
  // them ("we will" -> "the city would") while the content words survive.
  static const std::unordered_set<std::string_view> kStop = {
      "a",     "an",    "the",   "and",   "or",    "but",   "of",    "to",    "in",    "on",     "at",
      "for",   "with",  "by",    "from",  "as",    "that",  "this",  "these", "those", "it",     "its",
      "is",    "are",   "was",   "were",  "be",    "been",  "being", "will",  "would", "shall",  "should",
      "can",   "could", "may",   "might", "must",  "do",    "does",  "did",   "has",   "have",   "had",
      "we",    "us",    "our",   "i",     "me",    "my",    "you",   "your",  "he",    "him",    "his",
      "she",   "her",   "they",  "them",  "their", "there", "here",  "not",   "no",    "so",     "if",
      "then",  "than",  "about", "into",  "over",  "after", "before", "very", "just",  "also",   "who",
      "which", "what",  "when",  "where", "all",   "any",   "some",  "said", "says",  "say",
      // When a remark was made is the story's circumstance, shared by every
      // outlet's statements, not what was said.
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
      "tonight", "tomorrow", "morning", "afternoon", "evening", "night", "week", "weekend",
  };
  return kStop.count(w) > 0;
}

bool is_relay_role(std::string_view s) {
  // Job titles of people who speak for someone else (newsroom usage).
  static const char* const kRelay[] = {"spokesman", "spokeswoman", "spokesperson", "spokespeople", "press secretary",
                                       "press officer", "press office", "aide", "representative", "mouthpiece"};
  std::string low = name_norm(s);
  for (const char* r : kRelay)
    if (low.find(r) != std::string::npos) return true;
  return false;
}

std::string name_norm(std::string_view name) {
  std::string out;
  for (const Word& w : split_words(name, 0)) {
    if (!out.empty()) out += ' ';
    out += w.norm;
  }
  return out;
}

std::string initials(std::string_view name) {
  std::string out;
  size_t caps = 0;
  for (const Word& w : split_words(name, 0)) {
    char c = name[w.span.start];
    if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c + 32);
      ++caps;
    }
  }
  return caps >= 2 ? out : "";
}

WordDiff word_diff(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  size_t n = a.size(), m = b.size();
  std::vector<std::vector<uint32_t>> l(n + 1, std::vector<uint32_t>(m + 1, 0));
  for (size_t i = n; i-- > 0;)
    for (size_t j = m; j-- > 0;) l[i][j] = a[i] == b[j] ? l[i + 1][j + 1] + 1 : std::max(l[i + 1][j], l[i][j + 1]);
  WordDiff d;
  std::string rem, add;
  auto flush = [&] {
    if (!rem.empty()) d.removed.push_back(std::move(rem));
    if (!add.empty()) d.added.push_back(std::move(add));
    rem.clear();
    add.clear();
  };
  size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] == b[j]) {
      flush();
      ++i, ++j;
    } else if (j < m && (i == n || l[i][j + 1] > l[i + 1][j])) {
      add += (add.empty() ? "" : " ") + b[j++];
    } else {
      rem += (rem.empty() ? "" : " ") + a[i++];
    }
  }
  flush();
  return d;
}

}  // namespace detail

std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  for (auto& w : detail::split_words(text, 0)) out.push_back(std::move(w.norm));
  return out;
}

}  // namespace quotegraph::diff
