// The text layer: tokenize -> quotes -> sentences, and the headline block.
#include "text/layer.hpp"

namespace quotegraph::text {
namespace {

// Leading paragraphs of at most 20 words that do not end like a sentence
// (a full stop, or a closing quote after one). The first paragraph is the
// title even with a final full stop when it is one sentence: text exports
// put one after every line ("Clinton blasts Trump over ‘deportation force’
// idea."). A database export's front matter (title, "ABSTRACT", the abstract)
// ends at its "FULL TEXT" label line.
uint32_t headline_block_end(const Document& doc, const Tokens& t, uint32_t begin) {
  uint32_t end = begin;
  const auto& v = t.toks;
  auto para_last = [&](size_t p) {
    return p + 1 < t.para_first.size() ? t.para_first[p + 1] : static_cast<uint32_t>(v.size());
  };
  for (size_t p = 0; p < t.para_first.size(); ++p) {
    uint32_t first = t.para_first[p];
    uint32_t last = para_last(p);
    if (first >= last || p + 1 >= t.para_first.size()) break;  // the last paragraph is body
    uint32_t words = 0, stops_inside = 0;
    for (uint32_t k = first; k < last; ++k) {
      words += v[k].type == TokType::kWord || v[k].type == TokType::kNumber;
      stops_inside += k + 2 < last && v[k].type == TokType::kPunct && (v[k].ch == '.' || v[k].ch == '!' || v[k].ch == '?');
    }
    const Token& tail = v[last - 1];
    bool sentence_end = (tail.type == TokType::kPunct && (tail.ch == '.' || tail.ch == '!' || tail.ch == '?')) ||
                        (tail.type == TokType::kQuote && last - 1 > first && v[last - 2].type == TokType::kPunct) ||
                        (tail.type == TokType::kWord && tail.abbrev);
    const bool title = p == 0 && stops_inside == 0;
    if (words > 20 || (sentence_end && !title)) break;
    end = tail.end;
  }
  constexpr size_t kFrontMatterParas = 8;
  for (size_t p = 0; p < t.para_first.size() && p < kFrontMatterParas; ++p) {
    uint32_t first = t.para_first[p], last = para_last(p);
    if (last < first + 2 || last > first + 3) continue;
    auto is = [&](uint32_t k, std::string_view w) {
      std::string_view s = std::string_view(doc.text).substr(v[k].start, v[k].end - v[k].start);
      if (v[k].type != TokType::kWord || s.size() != w.size()) return false;
      for (size_t i = 0; i < s.size(); ++i)
        if ((s[i] | 0x20) != w[i]) return false;
      return true;
    };
    if (is(first, "full") && is(first + 1, "text") && (last == first + 2 || v[first + 2].type == TokType::kPunct))
      end = std::max(end, v[last - 1].end);
  }
  return end;
}

}  // namespace

TextLayer make_layer(const Document& doc, uint32_t begin, uint32_t end) {
  TextLayer l;
  l.toks = tokenize(doc, begin, end);
  l.quotes = find_quotes(doc, l.toks);
  l.sentences = split_sentences(doc, l.toks, l.quotes);
  l.headline_end = headline_block_end(doc, l.toks, begin);
  return l;
}

}  // namespace quotegraph::text
