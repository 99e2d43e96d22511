// The engine's text layer of one document: tokens, quotation marks and
// sentences as stages 3-5 made them. The analyzer can hand it on with the
// Analysis (Options::keep_text_layer) so later stages (echo) read the same
// tokens and quotes instead of scanning the text again.
#pragma once

#include <string_view>
#include <vector>

#include "attrib/lexicon.hpp"
#include "quotegraph/document.hpp"
#include "text/quotes.hpp"
#include "text/segment.hpp"
#include "text/tokenize.hpp"

namespace quotegraph {

struct TextLayer {
  text::Tokens toks;
  text::Quotes quotes;
  std::vector<text::Sentence> sentences;
  // End of the leading short lines without a final period (dateline, headline,
  // standfirst) at the top of the body: a headline restates the story.
  uint32_t headline_end = 0;
  // Per token, its folded text (text::fold_to) as the analyzer's token-words
  // stage made it (attrib::lex_words), so echo reads the engine's words
  // instead of folding each one again. Views into `folded`; empty when the
  // layer was made without that stage (make_layer alone).
  std::vector<char> folded;
  std::vector<std::string_view> low;
  // Per token, its lexicon entry from the same stage (TokenWords::info, moved,
  // not copied), and the lexicon it belongs to: echo keeps what it derives
  // from a word per entry (Lexicon::entry_id()) instead of per token. Empty
  // when `low` is.
  std::vector<const attrib::Lexicon::WordInfo*> info;
  const attrib::Lexicon* lexicon = nullptr;
};

namespace text {

// Stages 3-5 on [begin, end) of the document. Linear.
TextLayer make_layer(const Document& doc, uint32_t begin, uint32_t end);

}  // namespace text
}  // namespace quotegraph
