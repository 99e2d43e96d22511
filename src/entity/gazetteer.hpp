// What kind of thing a name is, from data rather than from its shape:
// countries and their major subdivisions from Debian's iso-codes (ISO 3166-1
// and 3166-2, read once per process), a kept list of major cities, US state
// abbreviations in AP style, nationality and party adjectives. Read-only after
// the first call; shared by every thread.
#pragma once

#include <string_view>

#include "quotegraph/document.hpp"

namespace quotegraph::entity {

// The kind the data gives a whole name (folded: lower case, straight
// apostrophes): kPlace for "united states", "kazakhstan", "texas", "mich.",
// "chicago"; kUnknown when the data does not know it.
EntityKind known_kind(std::string_view folded_name);

// The ISO 3166-1 alpha-3 code of a country under any of its names, codes and
// news forms ("united states", "us", "usa", "america", "britain", "russian
// federation", "russia"), given lower case without periods; "" when unknown.
std::string_view country_id(std::string_view lower_no_periods);

// A nationality, regional, religious or party adjective ("russian",
// "republican", "eurasian"): capitalised, but on its own it names no entity.
bool is_demonym(std::string_view folded_word);

// The same word in the plural ("russians", "republicans", "democrats"): a group.
bool is_demonym_plural(std::string_view folded_word);

// A capitalised word that opens a phrase without naming anything: verbs and
// contractions ("Is", "I'm"), number and quantity words ("Thousands"), time
// words ("Year", "Today"), interjections ("Thank", "Yes"). A name run never
// starts or ends with one, and never runs across a verb ("Donald Trump Is Right").
bool is_common_capword(std::string_view folded_word);
// "finally", "officially": an adverb a headline puts before its verb ("Trump Finally Endorses Ryan").
bool is_headline_adverb(std::string_view folded_word);
bool is_verb_capword(std::string_view folded_word);

// "r-utah", "d-n.j.", "i-vt.": a party-state tag after a lawmaker's name.
bool is_party_tag(std::string_view folded_word);

// A last word that makes a capitalised run an organisation's name
// ("commission", "department", "services", "enforcement").
bool is_org_head(std::string_view folded_word);

// +1 for a common male given name, -1 for a female one, 0 when the list does
// not know it or it is used for both ("jordan", "taylor"). Folded.
int given_name_gender(std::string_view folded_word);

}  // namespace quotegraph::entity
