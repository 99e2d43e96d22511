// The entity stage's word lists about names and mentions. The lexicon
// (attrib/lexicon.cpp) marks every token with them once, so that names.cpp and
// resolve.cpp read them off the token's classes and name classes
// (attrib/words.hpp); mention.cpp and gazetteer.cpp test the words of a
// parsed mention against them. Folded forms.
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

// Nationality, regional, religious and party adjectives (singular). Folded.
inline constexpr std::string_view kDemonyms[] = {
    "american", "russian", "chinese", "british", "english", "french", "german", "italian", "spanish",
    "portuguese", "dutch", "belgian", "swiss", "austrian", "swedish", "norwegian", "danish", "finnish",
    "polish", "czech", "slovak", "hungarian", "romanian", "bulgarian", "greek", "turkish", "ukrainian",
    "belarusian", "serbian", "croatian", "bosnian", "albanian", "irish", "scottish", "welsh", "icelandic",
    "israeli", "palestinian", "iranian", "iraqi", "syrian", "lebanese", "jordanian", "saudi", "egyptian",
    "libyan", "tunisian", "algerian", "moroccan", "yemeni", "qatari", "emirati", "kuwaiti", "afghan",
    "pakistani", "indian", "bangladeshi", "sri lankan", "nepali", "japanese", "korean", "vietnamese",
    "thai", "filipino", "indonesian", "malaysian", "australian", "canadian", "mexican", "cuban",
    "venezuelan", "colombian", "brazilian", "argentine", "argentinian", "chilean", "peruvian", "nigerian",
    "kenyan", "ethiopian", "somali", "sudanese", "south african", "ghanaian", "kazakh", "uzbek", "kyrgyz",
    "tajik", "armenian", "azerbaijani", "georgian", "chechen", "kurdish", "european", "asian", "african",
    "arab", "arabic", "latino", "latina", "hispanic", "eurasian", "western", "eastern", "northern",
    "southern", "soviet", "atlantic", "transatlantic", "muslim", "islamic", "christian", "catholic",
    "protestant", "evangelical", "jewish", "mormon", "hindu", "buddhist", "sunni", "shiite", "shia",
    "republican", "democratic", "democrat", "libertarian", "conservative", "liberal", "progressive",
    "socialist", "communist", "federal", "congressional", "presidential", "american-born", "asian-american",
    "african-american", "mexican-american", "jihadist", "islamist"};

// Verbs and auxiliaries: a capitalised one inside a title-cased run ends the name.
inline constexpr std::string_view kVerbCapwords[] = {
    "is", "are", "was", "were", "be", "been", "will", "would", "can", "could", "should", "must", "do", "does",
    "did", "has", "have", "had", "says", "said", "say", "wants", "gets", "makes", "takes", "calls", "slams",
    "blasts", "vows", "warns", "urges", "backs", "rips", "hits", "defends", "denies", "admits", "claims",
    "goes", "comes", "stands", "remains", "faces", "wins", "loses", "leads", "plans", "sees", "tells", "asks",
    "gives", "puts", "shows", "finds", "keeps", "turns", "moves", "holds", "brings", "pushes", "seeks", "sets",
    "ends", "starts", "begins", "meets", "joins", "drops", "rises", "falls", "fights", "pledges", "touts",
    "praises", "hails", "addresses", "explores", "needs", "thinks", "hammers", "chides", "elects", "reveals"};

// Headline adverbs before the verb ("Trump Finally Endorses Ryan"): common
// capitalised words too, so the lexicon marks them with kCommonCapwords.
inline constexpr std::string_view kHeadlineAdverbs[] = {"finally", "officially", "formally", "quietly", "publicly",
                                                        "privately", "reportedly", "suddenly", "already", "openly",
                                                        "still", "again", "now", "also"};

// Capitalised common words (folded) that open quotes and sentences.
inline constexpr std::string_view kCommonCapwords[] = {
    "i'm", "i've", "i'll", "i'd", "it's", "that's", "let's", "we're", "we've", "we'll", "you're", "you've",
    "they're", "they've", "there's", "here's", "what's", "who's", "don't", "doesn't", "didn't", "can't",
    "won't", "isn't", "aren't", "wasn't", "yes", "no", "well", "oh", "ok", "okay", "thank", "thanks", "please",
    "now", "then", "here", "tv", "web", "today", "tonight", "yesterday", "tomorrow", "year", "years", "week", "weeks",
    "month", "months", "day", "days", "thousands", "hundreds", "dozens", "millions", "billions", "scores",
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "every", "each", "all",
    "any", "both", "either", "neither", "other", "another", "such", "only", "just", "even", "also", "again",
    "instead", "indeed", "perhaps", "maybe", "first", "last", "next", "more", "less", "much", "very", "not",
    "never", "always", "sometimes", "often", "whether", "because", "unless", "until", "despite", "during",
    "following", "including", "like", "unlike", "without", "within", "between", "among", "against", "about",
    "over", "under", "through", "into", "onto", "upon", "here", "why", "which", "who", "whom", "whose",
    "let", "imagine", "remember", "look", "listen", "see", "think", "believe", "read", "watch", "click",
    "subscribe", "share", "follow", "sign", "related", "advertisement", "photo", "video", "photos", "videos",
    "update", "updated", "breaking", "correction", "warning", "exclusive", "developing", "editor's", "text",
    "transcript", "full", "watch", "furthermore", "moreover", "nearly", "almost", "due", "given", "nothing"};

}  // namespace quotegraph::entity
