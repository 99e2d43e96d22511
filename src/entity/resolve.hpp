// Stage 7, entities: attribution mentions -> document entities. Links every
// speaker, addressee and target mention to one entity (name variants, titles,
// appositives, acronyms, pronouns, definite descriptions), without a knowledge base.
#pragma once

#include <vector>

#include "quotegraph/document.hpp"

namespace quotegraph::entity {

// Fills a.entities and sets EntityRef::entity on every mention of every
// attribution. A mention that cannot be resolved with evidence from the
// document (a pronoun with no compatible antecedent, "the president" with two
// presidents in play) keeps entity = -1. Ids are "e1", "e2", … in order of
// first mention. Near-linear: each mention is compared with the entities so
// far through a name index.
void resolve(Analysis& a);

}  // namespace quotegraph::entity
