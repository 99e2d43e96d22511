// Stage 5b, token words.
#include "attrib/words.hpp"

namespace quotegraph::attrib {

TokenWords lex_words(const Document& doc, const text::Tokens& toks, const Lexicon& lex) {
  const std::vector<text::Token>& v = toks.toks;
  TokenWords out;
  // Folding never lengthens a word: one buffer of the tokens' total size. A
  // vector, not a string, so that moving it keeps the views valid.
  size_t total = 0;
  for (const text::Token& t : v) total += t.end - t.start;
  out.folded.resize(total);
  out.low.reserve(v.size());
  out.info.reserve(v.size());
  char* d = out.folded.data();
  for (const text::Token& t : v) {
    const size_t n = text::fold_to(d, doc.slice({t.start, t.end}));
    const std::string_view w(d, n);
    out.low.push_back(w);
    out.info.push_back(&lex.info(w));
    d += n;
  }
  return out;
}

}  // namespace quotegraph::attrib
