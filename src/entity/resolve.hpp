// Stage 7b, entities: names + attribution mentions -> document entities. Links
// every speaker, addressee, target and echo mention to one entity (name
// variants, titles, appositives, acronyms, pronouns, definite descriptions),
// without a knowledge base, and fills each attribution's targets (`about`) and
// context addressees.
#pragma once

#include <string>
#include <vector>

#include "attrib/rules.hpp"
#include "entity/names.hpp"
#include "quotegraph/document.hpp"

namespace quotegraph::entity {

// Returns the entities of `doc` (or of the stretch of it that `toks`, `names`
// and `attributions` come from) and sets EntityRef::entity on every mention of
// every attribution; adds to each attribution's `about` the entities named
// inside its content; gives an attribution without an addressee the partner of
// a conversation its speaker had in the same or the two previous sentences
// ("Blinken spoke with Tileuberdi … Blinken reiterated …").
// Clears `via` where the contained statement's speaker is the relaying speaker
// again, a pronoun or unresolved (a relay names someone else), or where no words
// are passed on: an act ("agreed to"), a hedged or negated cue ("would insist",
// "did not say"), a participle no cited source relays.
// A mention that cannot be resolved with evidence from the document (a pronoun
// with no compatible antecedent, "the president" with two presidents in play)
// keeps entity = -1. Ids are "e1", "e2", … in order of first mention.
// Linear in the number of mentions: every lookup goes through a name index.
std::vector<Entity> resolve(const Document& doc, const text::Tokens& toks, const attrib::TokenWords& words,
                            std::vector<Attribution>& attributions, const std::vector<NameMention>& names,
                            const attrib::RuleOutput& rules);

// The id of the entity at `index` of a document's list: "e1", "e2", …
std::string entity_id(size_t index);

}  // namespace quotegraph::entity
