// Echo lexicon tables. Every list is hand-compiled by the quotegraph authors for
// this analysis from general English and general news usage; no entry names a
// story, a person or an outlet. Sources per table below.
#include "echo/lexicon.hpp"

#include "echo/scan.hpp"

#include <sstream>

namespace quotegraph::echo {
namespace {

// English function words (articles, pronouns, auxiliaries, prepositions,
// conjunctions, common adverbs): the usual closed classes of a stop list.
const char* const kStop[] = {
    "a", "an", "the", "this", "that", "these", "those", "there", "here", "it", "its", "it's", "i", "me", "my",
    "we", "us", "our", "you", "your", "he", "him", "his", "she", "her", "they", "them", "their", "who", "whom",
    "whose", "which", "what", "when", "where", "why", "how", "is", "are", "was", "were", "be", "been", "being",
    "am", "do", "does", "did", "done", "have", "has", "had", "having", "will", "would", "shall", "should",
    "can", "could", "may", "might", "must", "not", "no", "nor", "and", "or", "but", "if", "then", "than", "so",
    "as", "at", "by", "for", "from", "in", "into", "of", "off", "on", "onto", "out", "over", "to", "up", "with",
    "within", "without", "about", "above", "after", "against", "along", "among", "around", "before", "behind",
    "below", "between", "beyond", "during", "except", "inside", "near", "since", "through", "toward",
    "towards", "under", "until", "upon", "via", "all", "any", "both", "each", "either", "every", "few", "more",
    "most", "other", "some", "such", "own", "same", "too", "very", "just", "only", "also", "even", "still",
    "yet", "again", "ever", "never", "always", "already", "not", "don't", "won't", "can't", "isn't", "aren't",
    "wasn't", "weren't", "didn't", "doesn't", "haven't", "hasn't", "we're", "they're", "i'm", "we've",
    "we'll", "they'll", "you're", "one", "ones", "because", "while", "although", "though", "whether", "s",
    "t", "much", "many", "well", "now", "very", "really", "quite", "rather", "whatever", "whoever", "itself",
    "themselves", "ourselves", "himself", "herself", "myself", "yourself", "let", "lets",
};

// High-frequency news vocabulary: the words of everyday political and general
// news that carry little framing on their own ("government", "people", "said").
// Compiled from general knowledge of newswire style; words in the loaded table
// below are deliberately absent.
const char* const kCommon[] = {
    "say", "said", "says", "saying", "tell", "told", "people", "person", "government", "governments", "year",
    "years", "day", "days", "week", "weeks", "month", "months", "time", "times", "today", "yesterday",
    "tomorrow", "tonight", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "country", "countries", "state", "states", "nation", "national", "international", "world", "new", "old",
    "first", "last", "next", "good", "great", "big", "small", "large", "important", "major", "public", "local",
    "official", "officials", "minister", "ministry", "president", "prime", "secretary", "leader", "leaders",
    "police", "security", "support", "work", "working", "continue", "continues", "continued", "need", "needs",
    "make", "makes", "made", "way", "ways", "number", "part", "going", "go", "get", "got", "take", "took",
    "come", "came", "give", "gave", "know", "think", "want", "see", "look", "use", "used", "find", "found",
    "help", "keep", "put", "show", "try", "call", "called", "ask", "asked", "believe", "feel", "like", "right",
    "rights", "plan", "plans", "issue", "issues", "problem", "problems", "situation", "process", "decision",
    "question", "questions", "matter", "fact", "case", "point", "place", "area", "region", "city", "town",
    "group", "groups", "team", "party", "parties", "member", "members", "company", "companies", "business",
    "economy", "economic", "political", "policy", "policies", "law", "laws", "court", "vote", "election",
    "campaign", "war", "peace", "military", "forces", "force", "troops", "power", "control", "help",
    "future", "past", "today's", "citizens", "community", "family", "families", "children", "women", "men",
    "health", "money", "million", "billion", "percent", "report", "reports", "statement", "news", "media",
    "information", "change", "changes", "development", "action", "actions", "measures", "efforts", "effort",
    "house", "office", "department", "agency", "committee", "council", "union", "united", "american",
    "europe", "european", "foreign", "domestic", "federal", "region", "regional", "global", "full", "clear",
    "strong", "long", "high", "low", "several", "certain", "real", "possible", "able", "sure", "whole",
    "better", "best", "bad", "worse", "different", "open", "free", "early", "late", "current", "recent",
    "two", "three", "four", "five", "ten", "hundred", "thousand", "once", "later", "ago", "soon", "together",
    "situation", "order", "level", "side", "sides", "life", "lives", "home", "water", "land", "border",
    "relations", "cooperation", "talks", "meeting", "agreement", "deal", "program", "system", "service",
    "services", "school", "schools", "job", "jobs", "market", "price", "prices", "tax", "taxes", "budget",
    "bill", "act", "support", "responsibility", "interest", "interests", "thing", "things", "lot", "everyone",
    "everything", "something", "nothing", "anyone", "someone", "everybody", "nobody", "sir", "mr", "mrs",
    "ms", "dr", "killed", "injured", "wounded", "dead", "died", "arrested", "detained", "dozens", "hundreds",
    "thousands", "millions", "protest", "protests", "protesters",
};

// Loaded labels: evaluative names for people, groups and events whose use style
// guides (the AP and Reuters guidance on "terrorist", "regime", "riot", "thug")
// ask writers to attribute rather than adopt. Stemmed singular forms; several
// words are one multi-word label.
const char* const kLoaded[] = {
    "terrorist", "terror", "thug", "looter", "rioter", "extremist", "radical", "militant", "insurgent",
    "bandit", "saboteur", "traitor", "puppet", "regime", "junta", "fascist", "nazi", "invader", "occupier",
    "occupation", "invasion", "aggression", "aggressor", "provocateur", "provocation", "mob", "gang",
    "criminal", "separatist", "mercenary", "propaganda", "genocide", "massacre", "pogrom", "coup", "hoax",
    "witch hunt", "fake news", "special military operation", "illegal alien", "death tax", "foreign agent",
    "color revolution", "peacekeeper", "peacekeeping", "liberation", "denazification", "infiltrator",
    "agitator", "hooligan", "anarchist", "zealot", "fanatic", "dictator", "tyrant", "crackdown", "purge",
};

// Words that, just before a quotation, make it the title of a work or the name
// of a thing rather than a term in dispute: naming verbs and work nouns. General
// English; "so-called" is handled by the framing rule, not here.
// Nouns that, just before a quotation, name it as words cited rather than
// used: "refused to use the words “Islamic terrorism”", "the phrase
// “deportation force”". English news usage.
const char* const kCitingNouns[] = {
    "word", "words", "phrase", "phrases", "term", "terms", "expression", "label", "moniker",
    "nickname", "catchphrase", "mantra", "refrain", "slogan", "line",
};

// Nouns of what someone says that, after a possessive name, make a quotation
// further on that name's words: "Clinton’s call earlier in the night to “…”",
// "Trump’s claim that the vote was “rigged”". The citing nouns above, and these.
const char* const kUtteranceNouns[] = {
    "call", "calls", "claim", "claims", "promise", "promises", "pledge", "vow", "charge", "charges",
    "warning", "assertion", "remark", "remarks", "comment", "comments", "description", "motto", "cry",
};

const char* const kTitleCues[] = {
    "titled", "entitled", "named", "nicknamed", "dubbed", "called", "book", "books", "novel", "memoir",
    "film", "films", "movie", "documentary", "show", "series", "programme", "program", "podcast", "song",
    "album", "play", "poem", "essay", "column", "op-ed", "exhibition", "exhibit", "painting", "opera",
    "musical", "episode", "headline", "hashtag", "slogan", "motto", "operation", "codenamed", "code-named",
    "brand", "label", "magazine", "newspaper", "channel", "app", "game", "hit", "single", "sketch", "speech",
    "lecture", "report",
};

// Stock phrases: the collocations of routine news and official language that
// two speakers share without taking anything from each other. Hand-compiled from
// common newswire and press-release wording; stemmed with stem_word at load.
const char* const kStock[] = {
    "the united states", "united states", "united nations", "united kingdom", "european union",
    "white house", "prime minister", "foreign minister", "foreign ministry", "state department",
    "press conference", "news conference", "human rights", "national security", "law enforcement",
    "public health", "climate change", "social media", "last year", "this year", "next year", "last week",
    "this week", "next week", "last month", "next month", "in the past", "in the future", "at the same time",
    "for the first time", "in order to", "as well as", "a lot of", "a number of", "the fact that",
    "at this time", "at this point", "right now", "going forward", "moving forward", "the american people",
    "the international community", "work together", "working together", "continue to work",
    "we will continue", "thank you", "all options", "on the table", "all parties", "both sides",
    "deeply concerned", "very concerned", "closely monitoring", "the situation", "the ongoing situation",
    "state of emergency", "peaceful resolution", "rule of law", "territorial integrity", "the region",
    "the people", "the world", "around the world", "the country", "across the country", "the government",
    "the president", "the public", "the economy", "middle class", "working families", "common sense",
    "the bottom line", "at the end of the day", "make no mistake", "let me be clear", "a step forward",
    "the right thing", "the right direction", "best interests", "no comment", "more than", "less than",
    "a long time", "a great deal", "the next step", "step up", "in the coming days", "in the coming weeks",
    "in recent years", "in recent days", "over the past", "the past year", "the last few", "each other",
    "one another", "the other side", "a matter of time", "on the ground", "in the wake of", "on behalf of",
    "in terms of", "with respect to", "in light of", "due to", "according to", "as soon as possible",
    "as a result", "at least", "at most", "so far", "for now", "up to", "the rest of", "part of",
    "a lot", "a little", "of course", "by the way", "in fact", "in particular", "for example",
};

std::vector<std::string> split_stemmed(const char* phrase) {
  std::vector<std::string> out;
  std::istringstream in(phrase);
  std::string w;
  while (in >> w) out.push_back(stem_word(normalize_word(w)));
  return out;
}

}  // namespace

void normalize_word_into(std::string_view word, std::string& out) {
  out.clear();
  for (size_t i = 0; i < word.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(word[i]);
    if (c == 0xE2 && i + 2 < word.size() && static_cast<unsigned char>(word[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(word[i + 2]) == 0x99 || static_cast<unsigned char>(word[i + 2]) == 0x98)) {
      out += '\'';
      i += 2;
    } else if (c < 0x80) {
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    } else {
      out += static_cast<char>(c);
    }
  }
  if (out.size() > 2 && out.ends_with("'s")) out.resize(out.size() - 2);
  while (!out.empty() && (out.back() == '\'' || out.back() == '.' || out.back() == '-')) out.pop_back();
}

std::string normalize_word(std::string_view word) {
  std::string out;
  normalize_word_into(word, out);
  return out;
}

std::string_view stem_view(std::string_view w, std::string& buf) {
  // Ordinals written in figures are the words ("2nd Amendment" is "Second Amendment").
  static const char* const kOrdinals[][2] = {{"1st", "first"},  {"2nd", "second"}, {"3rd", "third"},
                                             {"4th", "fourth"}, {"5th", "fifth"},  {"6th", "sixth"},
                                             {"7th", "seventh"}, {"8th", "eighth"}, {"9th", "ninth"},
                                             {"10th", "tenth"}};
  if (w.size() <= 4 && !w.empty() && w[0] >= '0' && w[0] <= '9')
    for (const auto& o : kOrdinals)
      if (w == o[0]) return o[1];
  if (w.size() <= 4 || w.back() != 's') return w;  // every rule below strips an "s" ending
  if (w.ends_with("ies")) {
    buf.assign(w.substr(0, w.size() - 3));
    buf += 'y';
    return buf;
  }
  if (w.ends_with("sses") || w.ends_with("xes") || w.ends_with("ches") || w.ends_with("shes"))
    return w.substr(0, w.size() - 2);
  if (w.ends_with("s") && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is")) return w.substr(0, w.size() - 1);
  return w;
}

std::string stem_word(std::string_view norm) {
  std::string buf;
  return std::string(stem_view(norm, buf));
}

EchoLexicon::EchoLexicon() {
  for (const char* w : kStop) stop_.insert(w);
  for (const char* w : kCommon) common_.insert(w);
  for (const char* w : kStop) classes_[w] |= 1;
  for (const char* w : kCommon) classes_[w] |= 2;
  size_t slots = 16;
  while (slots < 4 * classes_.size()) slots <<= 1;
  class_keys_.assign(slots, 0);
  class_values_.assign(slots, 0);
  class_mask_ = slots - 1;
  classes_.for_each([&](std::string_view w, uint8_t cls) {
    const uint64_t h = word_hash(w);
    if (h == 0) return;  // 0 marks an empty slot: the scan asks word_class() of a word hashing to 0
    size_t i = h & class_mask_;
    while (class_keys_[i] != 0) i = (i + 1) & class_mask_;
    class_keys_[i] = h;
    class_values_[i] = cls;
  });
  for (const char* w : kTitleCues) title_cues_.insert(w);
  for (const char* w : kCitingNouns) {
    citing_nouns_.insert(w);
    utterance_nouns_.insert(w);
  }
  for (const char* w : kUtteranceNouns) utterance_nouns_.insert(w);
  for (const char* w : kLoaded) {
    auto toks = split_stemmed(w);
    if (toks.size() == 1) {
      loaded_.insert(toks[0]);
      loaded_words_.push_back(toks[0]);
    } else {
      loaded_phrases_.push_back(std::move(toks));
    }
  }
  for (const char* p : kStock) stock_.push_back(split_stemmed(p));
}

}  // namespace quotegraph::echo
