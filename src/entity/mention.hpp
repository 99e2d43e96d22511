// Stage 7 helper, mention parsing: the text of one mention -> what it says about
// its referent (proper name, titles and roles, kind, merge key).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "quotegraph/document.hpp"
#include "text/word_table.hpp"

namespace quotegraph::entity {

struct Word {
  std::string_view text;  // surface form: a view into the string split
  std::string low;        // folded
  bool cap = false;
  // The parse's word lists (mention.cpp, WordList) that `low` and `low`
  // without a possessive "'s" are in: one lookup per word, not one per list.
  // Set by the parse only (words_of leaves them 0).
  uint16_t lists = 0;
  uint16_t bare_lists = 0;
};

// Words split on white space, trailing , ; : removed. The words view `s`,
// which must outlive them.
std::vector<Word> words_of(std::string_view s);

// What one document's resolver knows about one folded string (a name, a merge
// key, an acronym): the entity it points at, valid while `generation` is the
// resolver's own. Interned once per thread, so a resolver reaches them through
// a parse without hashing the string again; a new resolver starts a new
// generation instead of clearing tables.
struct Stamp {
  uint64_t generation = 0;
  int entity = -1;
};
struct Interned {
  Stamp name;     // the entity with this full name (folded)
  Stamp key;      // the latest entity with this merge key
  Stamp acronym;  // the organisation with these initials or this acronym
};
// The record of a folded string, made on first use. Valid until this thread's
// next trim_parse_memo() clears the memo.
Interned& interned(std::string_view folded);

struct Parsed {
  // What resolution reads for every mention comes first, so that a parse
  // reached again (a name repeated in the article) is a few cache lines, not
  // the whole struct's eight.
  EntityKind kind = EntityKind::kUnknown;
  bool proper = false;    // a proper name was found
  bool pronoun = false;
  bool definite = false;  // "the organization", "the president"
  bool indefinite = false;  // "a State Department spokesperson"
  bool named = false;     // a description named by its owner: "the Cruz campaign"
  // A party member named by state: "the Texas Republican" (mention.cpp).
  bool party_descriptor = false;
  // A description with a capitalised word before its head: "the Vermont senator".
  bool epithet = false;
  // A person or document noun before a preposition: "a spokesman for Hanna
  // Lind", "the president of Norland", "a study by the institute". The whole
  // phrase is the description (name, key, role); the name after the
  // preposition says whose, and is never the referent.
  bool role_phrase = false;
  // The name is an acronym ("CSTO", "U.N."): per surface form rather than per mention.
  bool name_is_acronym = false;
  int gender = 0;         // +1 male title (Mr.) or given name, -1 female (Mrs., Ms.), 0 unknown
  int given_gender = 0;   // a one-word name that is a given name ("Jane"): the gender of a new entity only
  size_t first_len = 0;   // bytes of the name's first word as written
  size_t words = 0;       // words in the name
  // The interned records of folded, key, acronym_letters, name_initials and
  // fold(acronym) (set by parse_mention_cached only). A description's key is
  // its head noun, so key_rec serves the head too.
  Interned* folded_rec = nullptr;
  Interned* key_rec = nullptr;
  Interned* letters_rec = nullptr;
  Interned* initials_rec = nullptr;
  Interned* acronym_rec = nullptr;
  std::string name;       // proper name without titles, or the description
  std::string role;       // title / appositive / description
  std::string first_word; // folded first word of the name
  std::string key;        // merge key: surname, acronym, or head noun
  std::string head;       // head noun of a description
  std::string acronym;    // "(NFO)" after the name
  // Derived once so that lookups need not recompute them.
  std::string folded;     // fold(name)
  // The acronym's capital letters folded ("csto", "un"); for an organisation,
  // the initials of its capitalised words ("Collective Security Treaty
  // Organization" -> "csto").
  std::string acronym_letters;
  std::string name_initials;
};

// "U.S. Secretary of State Antony J. Blinken" -> name "Antony J. Blinken", role
// "U.S. Secretary of State", kind person, key "blinken". "Nikol Pashinyan, the
// prime minister of Armenia" -> the name with the appositive as role.
// "the organization" -> a definite description with head "organization".
// Memoised: the parse of a surface form is made once per thread (names repeat
// across a corpus) and handed out without copying its strings.
// The reference stays valid until this thread's next trim_parse_memo().
const Parsed& parse_mention_cached(std::string_view mention);
// Empties this thread's memo, and the interned records its parses point at,
// once it holds more than 50,000 forms. Run between documents, never while
// references from parse_mention_cached() or interned() are held.
void trim_parse_memo();

bool is_acronym(std::string_view w);
bool is_group_noun(std::string_view folded);
// Whether a role says its bearer is one person: its head noun is a person noun
// or a title ("a retired teacher from the harbor district", "Another
// resident", "council member"), or it is an age ("70"). Roles are what
// appositives and role phrases gave the entity.
bool role_names_a_person(std::string_view role);
// Whether a folded word is a common noun for a person, group, document,
// organisation or place ("footage", "supporters", "agency"): no name by itself.
bool is_description_head(std::string_view folded);
// Whether a folded word is one of the word lists' common nouns for a
// document, body, place, group or person ("poll", "polls", "campaign",
// "woman"), or the plural of one; no guess from its ending ("Reuters", "Sanders").
bool is_listed_common_noun(std::string_view folded);
// Nouns of definite descriptions that point back at an organisation or place ("the agency", "the country").
bool is_description_noun(std::string_view folded);
// Initials of the capitalised words: "Collective Security Treaty Organization" -> "csto".
std::string initials(std::string_view name);

}  // namespace quotegraph::entity
