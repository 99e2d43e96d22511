// The entity stage's word lists about names and mentions. The lexicon
// (attrib/lexicon.cpp) marks every token with them once, so that names.cpp and
// resolve.cpp read them off the token's classes (attrib/words.hpp); mention.cpp
// tests the words of a parsed mention against them. Folded forms.
#pragma once

#include <string_view>

namespace quotegraph::entity {

// Titles and role words: stripped from names into roles (news style: "Sen.",
// "Secretary of State", "spokesperson").
inline constexpr std::string_view kTitleWords[] = {
    "mr.", "mrs.", "ms.", "dr.", "sen.", "rep.", "gov.", "gen.", "lt.", "col.", "sgt.", "capt.", "adm.", "prof.",
    "sens.", "reps.", "govs.", "messrs.", "drs.",
    "rev.", "president", "vice", "secretary", "minister", "prime", "foreign", "senator", "governor",
    "representative", "spokesperson", "spokesman", "spokeswoman", "chairman", "chairwoman", "chair", "director",
    "leader", "mayor", "judge", "justice", "chief", "general", "attorney", "ambassador", "king", "queen",
    "prince", "pope", "speaker", "sheriff", "commissioner", "deputy", "former", "acting", "interim", "candidate",
    "nominee", "officer", "chancellor", "premier", "emir", "sheikh", "spokesman", "governor-elect"};

// Common nouns for groups that news names as sources and targets.
inline constexpr std::string_view kTargetGroupNouns[] = {
    "police", "authorities", "officials", "protesters", "demonstrators", "troops", "soldiers", "residents",
    "witnesses", "voters", "lawmakers", "activists", "rebels", "militants", "terrorists", "refugees",
    "migrants", "workers", "students", "critics", "supporters", "opponents", "investigators", "prosecutors",
    "experts", "analysts", "doctors", "journalists", "reporters", "democrats", "republicans", "conservatives",
    "liberals", "protests", "officers", "diplomats", "observers", "sources"};

// Nouns of definite descriptions that point back at an organisation ("the
// agency") or a place ("the country").
inline constexpr std::string_view kOrgDescriptions[] = {
    "organization", "organisation", "ministry", "department", "agency", "alliance", "group", "company",
    "committee", "council", "government", "administration", "campaign", "bloc", "coalition", "court",
    "bank", "firm", "newspaper", "paper", "outlet", "magazine", "network", "station", "channel", "union",
    "board", "team", "university", "institute", "center", "party", "commission", "association", "foundation",
    "corporation", "company", "pac"};
inline constexpr std::string_view kPlaceDescriptions[] = {"country", "nation", "city", "region", "capital"};

// Capitalised words that open sentences without naming anything.
inline constexpr std::string_view kNameOpeners[] = {
    "the", "a", "an", "in", "on", "at", "but", "and", "or", "so", "he", "she", "it", "they", "we", "i", "you",
    "this", "that", "these", "those", "there", "his", "her", "their", "its", "our", "my", "your", "after",
    "before", "when", "while", "as", "if", "according", "for", "with", "from", "by", "to", "of", "since",
    "although", "though", "yet", "still", "however", "meanwhile", "some", "many", "most", "no", "not", "what",
    "why", "how", "where"};

}  // namespace quotegraph::entity
