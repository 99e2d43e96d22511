// Stage 5, segment: tokens + quotes -> sentences.
#include "text/segment.hpp"

#include <algorithm>

#include <array>
#include <string>

namespace quotegraph::text {
namespace {

// Words that open sentences, used to decide whether "U.S." ends one.
constexpr std::array<std::string_view, 36> kOpeners = {
    "the", "he", "she", "it", "they", "we", "i", "in", "but", "and", "a", "an", "this", "that", "there", "his",
    "her", "their", "on", "at", "as", "after", "for", "if", "when", "while", "some", "many", "most", "according",
    "its", "our", "yet", "so", "still", "however"};

bool is_terminal(const Token& t) {
  return t.type == TokType::kPunct && (t.ch == '.' || t.ch == '!' || t.ch == '?' || t.ch == 0x2026);
}

bool initialism(std::string_view w) {
  // "U.S.", "U.N.", "D.C.": letters and periods only, at least two periods.
  int periods = 0;
  for (char c : w) periods += c == '.';
  return periods >= 2;
}

bool is_dash(const Token& t) {
  return t.type == TokType::kPunct && (t.ch == 0x2014 || t.ch == 0x2013 || t.ch == '-');
}

bool all_caps_word(std::string_view w) {
  int letters = 0;
  for (char c : w) {
    if (c >= 'a' && c <= 'z') return false;
    letters += c >= 'A' && c <= 'Z';
  }
  return letters >= 2;
}

// A wire dateline opening paragraph token k: "WASHINGTON —", "DECATUR, Ill. —",
// "NEW YORK (AP) —", "BEIRUT, Lebanon (Reuters) --". Returns the token after its
// dash, or k when there is none. The place and the agency are not part of the
// sentence that follows, whose subject the rules look for at its start.
uint32_t dateline_end(const Document& doc, const std::vector<Token>& v, uint32_t k) {
  auto word = [&](uint32_t i) { return std::string_view(doc.text.data() + v[i].start, v[i].end - v[i].start); };
  const uint32_t para = v[k].para;
  uint32_t i = k;
  while (i < v.size() && i < k + 4 && v[i].para == para && v[i].type == TokType::kWord && all_caps_word(word(i))) ++i;
  if (i == k) return k;
  if (i < v.size() && v[i].para == para && v[i].type == TokType::kPunct && v[i].ch == ',') {
    uint32_t j = i + 1;  // "Ill.", "N.J.", "South Carolina", "Lebanon"
    while (j < v.size() && j < i + 5 && v[j].para == para &&
           ((v[j].type == TokType::kWord && v[j].cap) || (v[j].type == TokType::kPunct && v[j].ch == '.' && j > i + 1)))
      ++j;
    if (j == i + 1) return k;
    i = j;
  }
  if (i + 2 < v.size() && v[i].type == TokType::kPunct && v[i].ch == '(' && v[i + 1].type == TokType::kWord &&
      v[i + 1].cap && v[i + 2].type == TokType::kPunct && v[i + 2].ch == ')')
    i += 3;  // "(AP)", "(Reuters)"
  uint32_t d = i;
  while (d < v.size() && d < i + 2 && v[d].para == para && is_dash(v[d])) ++d;  // "—", "--"
  if (d == i || d >= v.size() || v[d].para != para) return k;
  return d;
}

// The reporting verbs that follow a quoted exclamation or question in the
// same sentence: '"We will win!" Bush said.', '"Why now?" Ms. Lind asked.'
constexpr std::array<std::string_view, 16> kCreditVerbs = {
    "said", "says", "asked", "asks", "added", "adds", "told", "wrote", "writes", "shouted", "yelled",
    "replied", "exclaimed", "recalled", "tweeted", "wondered"};

// After a quote that ends in "!" or "?", a name and a reporting verb go on
// the same sentence: `j` is the token after the closing mark.
bool credit_follows(const Document& doc, const std::vector<Token>& v, uint32_t j) {
  const uint32_t para = v[j].para;
  uint32_t i = j;
  while (i < v.size() && i < j + 4 && v[i].para == para && v[i].type == TokType::kWord && v[i].cap) ++i;
  if (i == j || i >= v.size() || v[i].para != para || v[i].type != TokType::kWord) return false;
  std::string w = fold(std::string_view(doc.text.data() + v[i].start, v[i].end - v[i].start));
  return std::find(kCreditVerbs.begin(), kCreditVerbs.end(), w) != kCreditVerbs.end();
}

}  // namespace

std::vector<Sentence> split_sentences(const Document& doc, const Tokens& tk, const Quotes& qs) {
  const auto& v = tk.toks;
  std::vector<Sentence> out;
  uint32_t start = 0;
  auto emit = [&](uint32_t end) {
    if (end > start) out.push_back({start, end, v[start].para});
    start = end;
  };
  for (uint32_t k = 0; k < v.size(); ++k) {
    if (k > start && v[k].para != v[k - 1].para) emit(k);
    if (k == start && (k == 0 || v[k].para != v[k - 1].para)) {
      uint32_t d = dateline_end(doc, v, k);
      if (d > k) {  // the dateline is a sentence of its own
        emit(d);
        k = d - 1;
        continue;
      }
    }
    const Token& t = v[k];
    bool abbrev_end = false;
    if (t.abbrev) {
      std::string_view w(doc.text.data() + t.start, t.end - t.start);
      if (!initialism(w) || k + 1 >= v.size() || v[k + 1].para != t.para) {
        continue;  // titles, months, initials: never an end inside a paragraph
      }
      std::string next = fold(std::string_view(doc.text.data() + v[k + 1].start, v[k + 1].end - v[k + 1].start));
      bool opener = false;
      for (auto o : kOpeners) opener = opener || next == o;
      if (!(opener && v[k + 1].cap) && v[k + 1].type != TokType::kQuote) continue;
      abbrev_end = true;
    }
    if (!is_terminal(t) && !abbrev_end) continue;
    uint32_t j = k + 1;
    while (j < v.size() && v[j].para == t.para &&
           ((v[j].type == TokType::kQuote && v[j].space_after) || (v[j].type == TokType::kPunct && (v[j].ch == ')' || v[j].ch == ']' || is_terminal(v[j])))))
      ++j;
    if (j >= v.size() || v[j].para != t.para) continue;  // paragraph end handles it
    const Token& n = v[j];
    bool starts = n.cap || n.type == TokType::kNumber || n.type == TokType::kQuote ||
                  (n.type == TokType::kPunct && (n.ch == '(' || n.ch == '['));
    if (!starts) continue;
    if ((t.ch == '!' || t.ch == '?') && j > k + 1 && v[j - 1].type == TokType::kQuote && credit_follows(doc, v, j))
      continue;
    // Never inside a quote: the tokens on both sides must not share a top-level quote.
    if (qs.top[j - 1] >= 0 && qs.top[j - 1] == qs.top[j]) continue;
    if (qs.top[k] >= 0 && qs.top[k] == qs.top[j]) continue;
    emit(j);
    k = j - 1;
  }
  emit(static_cast<uint32_t>(v.size()));
  return out;
}

uint32_t sentence_of_token(const std::vector<Sentence>& sentences, uint32_t k) {
  auto it = std::upper_bound(sentences.begin(), sentences.end(), k,
                             [](uint32_t x, const Sentence& st) { return x < st.first; });
  return it == sentences.begin() ? 0 : static_cast<uint32_t>(it - sentences.begin() - 1);
}

}  // namespace quotegraph::text
