// The text layer: tokenize -> quotes -> sentences, and the headline block.
#include "text/layer.hpp"

namespace quotegraph::text {
namespace {

// Leading paragraphs of at most 20 words that do not end like a sentence
// (a full stop, or a closing quote after one).
uint32_t headline_block_end(const Tokens& t, uint32_t begin) {
  uint32_t end = begin;
  const auto& v = t.toks;
  for (size_t p = 0; p < t.para_first.size(); ++p) {
    uint32_t first = t.para_first[p];
    uint32_t last = p + 1 < t.para_first.size() ? t.para_first[p + 1] : static_cast<uint32_t>(v.size());
    if (first >= last || p + 1 >= t.para_first.size()) break;  // the last paragraph is body
    uint32_t words = 0;
    for (uint32_t k = first; k < last; ++k) words += v[k].type == TokType::kWord || v[k].type == TokType::kNumber;
    const Token& tail = v[last - 1];
    bool sentence_end = (tail.type == TokType::kPunct && (tail.ch == '.' || tail.ch == '!' || tail.ch == '?')) ||
                        (tail.type == TokType::kQuote && last - 1 > first && v[last - 2].type == TokType::kPunct) ||
                        (tail.type == TokType::kWord && tail.abbrev);
    if (words > 20 || sentence_end) break;
    end = tail.end;
  }
  return end;
}

}  // namespace

TextLayer make_layer(const Document& doc, uint32_t begin, uint32_t end) {
  TextLayer l;
  l.toks = tokenize(doc, begin, end);
  l.quotes = find_quotes(doc, l.toks);
  l.sentences = split_sentences(doc, l.toks, l.quotes);
  l.headline_end = headline_block_end(l.toks, begin);
  return l;
}

}  // namespace quotegraph::text
