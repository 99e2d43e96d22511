// Entity evaluation: does each statement reach the right entity, are the
// entities real, are their kinds right, are the relays real?
//
//   Result<eval::EntityGold> gold = eval::parse_entity_gold(json, text, "a.entities.json");
//   eval::EntityEval e = eval::evaluate_entities(gold.value(), analysis);
//   std::cout << eval::entity_summary_line(e) << "\n";
//
// Reads the entity gold of docs/entity-gold.md (`NAME.entities.json`: gold
// entities with kinds and variants, each PolNeAR attribution's resolved
// speaker, the article's real relays; code-point offsets, converted to bytes
// here) and scores an Analysis against it.
//
// Identity: each predicted entity is identified with at most one gold entity:
// the one whose name or a variant equals the predicted canonical name, else the
// one that most of its aliases name. Names are compared by a key: lower-cased,
// curly apostrophes straight, periods and a leading "the " and trailing "'s"
// dropped, white space collapsed; a gold person's surname is a key too when no
// other gold person has it. Pronouns never identify anything.
//
// Errors are values; nothing throws. Deterministic, pure, thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "quotegraph/document.hpp"
#include "quotegraph/eval.hpp"
#include "quotegraph/status.hpp"

namespace quotegraph::eval {

struct GoldEntity {
  std::string name;
  EntityKind kind = EntityKind::kUnknown;
  std::vector<std::string> variants;
};

// One attribution's resolved speaker. `entity` indexes EntityGold::entities, or
// is -1 when the gold says the source is the author or cannot be resolved.
struct GoldSpeaker {
  Span content;  // first to last byte of the content
  Span source;   // the local mention PolNeAR marks ("he", "the senator")
  int entity = -1;
};

struct GoldRelay {
  Span outer, inner;  // the relaying content and the relayed one
  int outer_entity = -1, inner_entity = -1;
};

struct EntityGold {
  std::string name;   // NAME of NAME.txt
  std::string split;  // "train", "dev", or "" when not given
  std::string gold_path;
  std::vector<GoldEntity> entities;
  std::vector<std::string> not_entities;
  std::vector<GoldSpeaker> attributions;
  std::vector<GoldRelay> relays;
};

// Parses one entity gold file against the article bytes. Errors: kFormatError
// naming `path` and the item ("attributions[4]: speaker 'Jon Tavi' is not an
// entity's name", "relays[0]: outer [900, 1200) outside the article's 880 code
// points"); kInputError when the article is not valid UTF-8. Linear time.
Result<EntityGold> parse_entity_gold(std::string_view json, std::string_view article, const std::string& path);

// Pairs NAME.entities.json files with their texts, sorted by name. `gold` is
// one such file or a directory of them; each text is looked up as NAME.txt in
// `text_dirs` in order (PolNeAR keeps train and dev apart). Errors
// (kInputError): missing paths, no gold files, a NAME.txt in none of the dirs.
Result<std::vector<EvalInput>> find_entity_inputs(const std::string& gold, const std::vector<std::string>& text_dirs);

struct EntityErrorLine {
  std::string document;
  std::string what;  // "speaker", "junk", "kind", "duplicate", "via"
  Span span;         // the statement's content, the entity's first mention, the inner content
  std::string detail;
};

// Counts; every ratio is over the count beside it and 0 when that is 0.
struct EntityEval {
  std::string name;
  std::string split;
  // Gold attributions with a speaker entity whose content a prediction matches
  // (50% overlap of the shorter, as content matching), and how many of those
  // reach the gold speaker's entity; pronoun and relative-pronoun sources apart.
  size_t speakers = 0, speakers_ok = 0;
  size_t pronouns = 0, pronouns_ok = 0;
  size_t speakers_unmatched = 0;  // gold speakers whose content nothing matched
  // Predicted entities identified with a gold entity, of all predicted.
  size_t entities_pred = 0, entities_real = 0;
  size_t duplicates = 0;  // identified with a gold entity another prediction already took
  size_t entities_gold = 0, entities_found = 0;
  // Identified predictions whose kind is the gold kind; those identified with a gold place.
  size_t kinds = 0, kinds_ok = 0;
  size_t places = 0, places_ok = 0;
  // Predicted via links that match a gold relay (both contents at 50% overlap).
  size_t via_pred = 0, via_ok = 0;
  size_t relays_gold = 0, relays_found = 0;
  std::vector<EntityErrorLine> errors;

  EntityEval& operator+=(const EntityEval& o);  // sums the counts, keeps name and errors
};

// Scores `prediction` (of the same article bytes) against `gold`.
// Linear in the article plus (gold items x predictions).
EntityEval evaluate_entities(const EntityGold& gold, const Analysis& prediction);

// The one-line summary:
// "ENTITY speaker_entity=0.812 pronoun=0.700 entity_precision=0.851 kind=0.900 place_kind=0.800 via_precision=0.500"
std::string entity_summary_line(const EntityEval& total);

// Per-document table, totals by split and overall, optional error listing; the
// summary line last.
std::string entity_report_text(const std::vector<EntityEval>& docs, bool with_errors);
std::string entity_report_json(const std::vector<EntityEval>& docs, bool with_errors);

}  // namespace quotegraph::eval
