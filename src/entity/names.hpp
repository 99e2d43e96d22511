// Stage 7a, names: tokens -> proper-name mentions (runs of capitalised words,
// titles included, sentence-initial function words dropped). Linear.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "attrib/words.hpp"
#include "quotegraph/document.hpp"
#include "text/segment.hpp"
#include "text/tokenize.hpp"

namespace quotegraph::entity {

struct NameMention {
  Span span;                 // the name without a possessive "'s"
  // Views into the document's text (it outlives the mentions): no copy per name.
  std::string_view text;     // surface text of span
  bool possessive = false;   // "Tokayev's"
  bool after_place_prep = false;  // "in Kazakhstan", "from Armenia": a place hint
  std::string_view acronym;  // "(CSTO)" right after the name
  std::string_view role;     // "Norland's premier, Ivo Strand" / "Ivo Strand, the premier of Norland,"
};

// Every proper-name run in the body, in text order. Headlines in Title Case
// are skipped (every word is capitalised there), as are weekdays and months.
std::vector<NameMention> scan_names(const Document& doc, const text::Tokens& toks, const attrib::TokenWords& words,
                                    const std::vector<text::Sentence>& sentences);

}  // namespace quotegraph::entity
