// Stage 6, attribution rules: tokens + quotes + sentences -> attributions
// (speaker mention, cue, content, addressee and target mentions). Entities are
// resolved by the next stage; here EntityRef::entity stays -1.
#pragma once

#include <vector>

#include "attrib/lexicon.hpp"
#include "attrib/words.hpp"
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
  const TokenWords& words;  // lex_words() of toks
};

// "Blinken spoke on Thursday with Foreign Minister Tileuberdi": who talked with
// whom, anywhere in the text (also inside another attribution's content), so a
// later statement by the same speaker can name its addressee.
struct Conversation {
  Span speaker;
  Span partner;
  uint32_t sentence = 0;  // index into TextView::sentences
};

struct RuleOutput {
  std::vector<Attribution> attributions;  // ordered by content start
  std::vector<uint32_t> sentence_of;      // sentence index of each attribution's cue (or content)
  std::vector<Conversation> conversations;
};

// Runs every rule (see docs/rules.md). Nested attributions (a cue inside another
// attribution's content) carry `via`; a continuing speaker's floating quotes
// carry cue_lemma "(continuation)". Linear in the number of tokens (each rule
// looks a bounded distance around a cue).
RuleOutput find_attributions(const TextView& in, const Lexicon& lex);

}  // namespace quotegraph::attrib
