// Stage 6, attribution rules: tokens + quotes + sentences -> attributions
// (speaker mention, cue, content, addressee and target mentions). Entities are
// resolved by the next stage; here EntityRef::entity stays -1.
#pragma once

#include <vector>

#include "attrib/lexicon.hpp"
#include "quotegraph/document.hpp"
#include "text/quotes.hpp"
#include "text/segment.hpp"
#include "text/tokenize.hpp"

namespace quotegraph::attrib {

struct TextView {
  const Document& doc;
  const text::Tokens& toks;
  const text::Quotes& quotes;
  const std::vector<text::Sentence>& sentences;
};

// Runs every rule (see docs/rules.md) and returns attributions ordered by
// content start. Nested ones (a cue inside another attribution's content) carry
// `via`; a continuing speaker's floating quotes carry cue_lemma "(continuation)".
// Linear in the number of tokens (each rule looks a bounded distance around a cue).
std::vector<Attribution> find_attributions(const TextView& in, const Lexicon& lex);

}  // namespace quotegraph::attrib
