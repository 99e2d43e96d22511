// Stage 5b, token words: tokens -> each token's folded text and what the
// lexicon knows of it. Made once and read by the attribution rules and the
// entity stage alike (one fold and one lexicon lookup per token, not one per
// stage).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "attrib/lexicon.hpp"
#include "quotegraph/document.hpp"
#include "text/tokenize.hpp"

namespace quotegraph::attrib {

struct TokenWords {
  std::vector<char> folded;                    // the folded texts, back to back
  std::vector<std::string_view> low;           // per token: its folded text, a view into `folded`
  std::vector<const Lexicon::WordInfo*> info;  // per token: its lexicon entry
  uint32_t classes(size_t k) const { return info[k]->classes; }  // Lexicon::Class bits
  uint8_t names(size_t k) const { return info[k]->names; }        // Lexicon::NameClass bits
};

TokenWords lex_words(const Document& doc, const text::Tokens& toks, const Lexicon& lex);

}  // namespace quotegraph::attrib
