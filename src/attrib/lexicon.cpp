// Lexicon tables. The cue list started from news style guides' "attribution
// verbs" and was widened with the cue words of the PolNeAR training split
// (statements, beliefs, intentions, findings), counted by frequency; every
// entry is a general English word, none names a story.
#include "attrib/lexicon.hpp"

#include <initializer_list>

#include "attrib/name_words.hpp"

namespace quotegraph::attrib {
namespace {

constexpr uint32_t S = kSpeech, B = kBelief, A = kAddressee, C = kCharacterize, T = kTarget, I = kInvert,
                   E = kEcho, N = kNeedsClause;

struct Row {
  const char* lemma;  // a trailing '+' doubles the final consonant (admit -> admitted)
  const char* past;   // irregular past, or nullptr
  const char* part;   // irregular past participle, or nullptr
  uint32_t flags;
  std::initializer_list<const char*> particles;
};

const Row kCues[] = {
    // Speech acts that take quotes and can be inverted ("…," said X).
    {"say", "said", "said", S | I, {}},
    {"add", nullptr, nullptr, S | I, {}},
    {"tell", "told", "told", S | A | I, {}},
    {"write", "wrote", "written", S | I, {}},
    {"ask", nullptr, nullptr, S | A | I, {}},
    {"explain", nullptr, nullptr, S | I, {}},
    {"continue", nullptr, nullptr, S | I, {}},
    {"note", nullptr, nullptr, S | I, {}},
    {"insist", nullptr, nullptr, S | I, {}},
    {"argue", nullptr, nullptr, S | I, {}},
    {"reply", nullptr, nullptr, S | I, {}},
    {"respond", nullptr, nullptr, S | I, {}},
    {"answer", nullptr, nullptr, S | I, {}},
    {"recall", nullptr, nullptr, S | I, {}},
    {"warn", nullptr, nullptr, S | A | I, {}},
    {"announce", nullptr, nullptr, S | I, {}},
    {"declare", nullptr, nullptr, S | I, {}},
    {"state", nullptr, nullptr, S | I, {}},
    {"claim", nullptr, nullptr, S | I, {}},
    {"conclude", nullptr, nullptr, S | I, {}},
    {"quip+", nullptr, nullptr, S | I, {}},
    {"joke", nullptr, nullptr, S | I, {}},
    {"admit+", nullptr, nullptr, S | I, {}},
    {"acknowledge", nullptr, nullptr, S | I, {}},
    {"tweet", nullptr, nullptr, S | I, {}},
    {"post", nullptr, nullptr, S | N, {}},
    {"shout", nullptr, nullptr, S | I, {}},
    {"exclaim", nullptr, nullptr, S | I, {}},
    {"remark", nullptr, nullptr, S | I, {}},
    {"observe", nullptr, nullptr, S | I, {}},
    {"counter", nullptr, nullptr, S | I, {}},
    {"retort", nullptr, nullptr, S | I, {}},
    {"scoff", nullptr, nullptr, S | I, {}},
    {"complain", nullptr, nullptr, S | I, {}},
    {"lament", nullptr, nullptr, S | I, {}},
    {"boast", nullptr, nullptr, S | I, {}},
    {"brag+", nullptr, nullptr, S | I, {}},
    {"concede", nullptr, nullptr, S | I, {}},
    {"confirm", nullptr, nullptr, S | I, {}},
    {"deny", nullptr, nullptr, S | I, {}},
    {"assert", nullptr, nullptr, S | I, {}},
    {"contend", nullptr, nullptr, S | I, {}},
    {"maintain", nullptr, nullptr, S, {}},
    {"stress", nullptr, nullptr, S | I, {}},
    {"emphasize", nullptr, nullptr, S | I, {}},
    {"emphasise", nullptr, nullptr, S | I, {}},
    {"point", nullptr, nullptr, S | N, {"out"}},
    {"predict", nullptr, nullptr, S | I, {}},
    {"promise", nullptr, nullptr, S | A, {}},
    {"vow", nullptr, nullptr, S, {}},
    {"pledge", nullptr, nullptr, S, {}},
    {"threaten", nullptr, nullptr, S, {}},
    {"suggest", nullptr, nullptr, S | I, {}},
    {"propose", nullptr, nullptr, S, {}},
    {"recommend", nullptr, nullptr, S, {}},
    {"urge", nullptr, nullptr, S | A, {}},
    {"demand", nullptr, nullptr, S, {}},
    {"reiterate", nullptr, nullptr, S | I, {}},
    {"repeat", nullptr, nullptr, S | I, {}},
    {"reveal", nullptr, nullptr, S, {}},
    {"disclose", nullptr, nullptr, S, {}},
    {"testify", nullptr, nullptr, S, {}},
    {"report", nullptr, nullptr, S, {}},
    {"allege", nullptr, nullptr, S, {}},
    {"caution", nullptr, nullptr, S | I, {}},
    {"advise", nullptr, nullptr, S | A, {}},
    {"assure", nullptr, nullptr, S | A, {}},
    {"inform", nullptr, nullptr, S | A, {}},
    {"remind", nullptr, nullptr, S | A, {}},
    {"agree", nullptr, nullptr, S, {}},
    {"disagree", nullptr, nullptr, S, {}},
    {"dispute", nullptr, nullptr, S, {}},
    {"question", nullptr, nullptr, S | N, {}},
    {"wonder", nullptr, nullptr, S | I, {}},
    {"speculate", nullptr, nullptr, S, {}},
    {"estimate", nullptr, nullptr, S, {}},
    {"clarify", nullptr, nullptr, S, {}},
    {"hint", nullptr, nullptr, S, {}},
    {"signal", nullptr, nullptr, S | N, {}},
    {"indicate", nullptr, nullptr, S, {}},
    {"imply", nullptr, nullptr, S, {}},
    {"mention", nullptr, nullptr, S | N, {}},
    {"cite", nullptr, nullptr, S, {}},
    {"plead", nullptr, nullptr, S, {}},
    {"order", nullptr, nullptr, S | A | N, {}},
    {"request", nullptr, nullptr, S | N, {}},
    {"rule", nullptr, nullptr, S | N, {}},
    {"decide", nullptr, nullptr, B, {}},
    {"call", nullptr, nullptr, S | C, {"for", "on"}},
    {"describe", nullptr, nullptr, S | C, {}},
    {"characterize", nullptr, nullptr, S | C, {}},
    {"characterise", nullptr, nullptr, S | C, {}},
    {"label", nullptr, nullptr, S | C, {}},
    {"brand", nullptr, nullptr, S | C, {}},
    {"dub+", nullptr, nullptr, S | C, {}},
    {"portray", nullptr, nullptr, S | C, {}},
    {"refer+", nullptr, nullptr, S | C | N, {"to"}},
    {"accuse", nullptr, nullptr, S | T, {}},
    {"blame", nullptr, nullptr, S | T, {}},
    {"criticize", nullptr, nullptr, S | T, {}},
    {"criticise", nullptr, nullptr, S | T, {}},
    {"praise", nullptr, nullptr, S | T, {}},
    {"thank", nullptr, nullptr, S | T, {}},
    {"condemn", nullptr, nullptr, S | T, {}},
    {"denounce", nullptr, nullptr, S | T, {}},
    {"slam+", nullptr, nullptr, S | T, {}},
    {"blast", nullptr, nullptr, S | T, {}},
    {"dismiss", nullptr, nullptr, S | T, {}},
    {"reject", nullptr, nullptr, S, {}},
    {"defend", nullptr, nullptr, S | T, {}},
    {"mock", nullptr, nullptr, S | T, {}},
    {"echo", "echoed", "echoed", S | E, {}},
    // Beliefs, intentions, findings: PolNeAR counts these as attributions too.
    {"think", "thought", "thought", B, {}},
    {"believe", nullptr, nullptr, B, {}},
    {"feel", "felt", "felt", B, {}},
    {"know", "knew", "known", B, {}},
    {"expect", nullptr, nullptr, B, {}},
    {"hope", nullptr, nullptr, B, {}},
    {"fear", nullptr, nullptr, B, {}},
    {"worry", nullptr, nullptr, B, {}},
    {"suspect", nullptr, nullptr, B, {}},
    {"doubt", nullptr, nullptr, B, {}},
    {"assume", nullptr, nullptr, B, {}},
    {"understand", "understood", "understood", B | N, {}},
    {"realize", nullptr, nullptr, B, {}},
    {"recognize", nullptr, nullptr, B, {}},
    {"want", nullptr, nullptr, B, {}},
    {"wish", nullptr, nullptr, B, {}},
    {"plan+", nullptr, nullptr, B | N, {}},
    {"intend", nullptr, nullptr, B, {}},
    {"seek", "sought", "sought", B, {}},
    {"aim", nullptr, nullptr, B | N, {}},
    {"prefer+", nullptr, nullptr, B, {}},
    {"support", nullptr, nullptr, B, {}},
    {"oppose", nullptr, nullptr, B, {}},
    {"favor", nullptr, nullptr, B, {}},
    {"endorse", nullptr, nullptr, B, {}},
    {"find", "found", "found", B, {}},
    {"show", "showed", "shown", B, {}},
    {"see", "saw", "seen", B, {}},
    {"learn", nullptr, nullptr, B | N, {}},
    {"hear", "heard", "heard", B | N, {}},
    {"insinuate", nullptr, nullptr, S, {}},
    {"refuse", nullptr, nullptr, B | N, {}},
    {"decline", nullptr, nullptr, B | N, {}},
    // Further statement and stance verbs that PolNeAR's training split shows in attribution.
    {"express", nullptr, nullptr, S, {}},
    {"speak", "spoke", "spoken", S | A | N, {"about", "of", "to", "with"}},
    {"talk", nullptr, nullptr, S | N, {"about", "up", "of"}},
    {"discuss", nullptr, nullptr, S, {}},
    {"back", nullptr, nullptr, B, {}},
    {"attack", nullptr, nullptr, S | T, {}},
    {"view", nullptr, nullptr, B | C, {}},
    {"push", nullptr, nullptr, S | N, {"for", "back"}},
    {"consider", nullptr, nullptr, B, {}},
    {"decry", nullptr, nullptr, S | T, {}},
    {"identify", nullptr, nullptr, S, {}},
    {"charge", nullptr, nullptr, S | T, {}},
    {"encourage", nullptr, nullptr, S | A, {}},
    {"challenge", nullptr, nullptr, S | T, {}},
    {"tout", nullptr, nullptr, S, {}},
    {"highlight", nullptr, nullptr, S, {}},
    {"compare", nullptr, nullptr, S | T, {}},
    {"rail", nullptr, nullptr, S | N, {"against", "at"}},
    {"deem", nullptr, nullptr, B | C, {}},
    {"voice", nullptr, nullptr, S, {}},
    {"bemoan", nullptr, nullptr, S, {}},
    {"press", nullptr, nullptr, S | A | N, {"for"}},
    {"welcome", nullptr, nullptr, S, {}},
    {"embrace", nullptr, nullptr, B, {}},
    {"advocate", nullptr, nullptr, S, {"for"}},
    {"apologize", nullptr, nullptr, S, {"for"}},
    {"applaud", nullptr, nullptr, S | T, {}},
    {"reference", nullptr, nullptr, S, {}},
    {"yell", nullptr, nullptr, S | I, {}},
    {"email", nullptr, nullptr, S | I, {}},
    {"retweet", nullptr, nullptr, S, {}},
    {"chant", nullptr, nullptr, S | I, {}},
    {"list", nullptr, nullptr, S | N, {}},
    {"appear", nullptr, nullptr, B | N, {}},
    {"seem", nullptr, nullptr, B | N, {}},
    {"worry", nullptr, nullptr, B, {}},
    {"conclude", nullptr, nullptr, S | I, {}},
};

const char* kPronounsList[] = {"he", "she", "they", "i", "we", "you", "it", "who", "which", "him", "her", "them"};
// "that" is left out: as a complementizer it ends phrases far more often than it opens one.
const char* kDeterminersList[] = {"the", "a", "an", "this", "these", "those", "his", "her", "their", "its",
                              "our", "my", "your", "some", "many", "most", "several", "other", "another", "both",
                              "all", "each", "one", "two", "three", "few", "more", "no", "any"};
const char* kSkippableList[] = {
    "also", "later", "earlier", "previously", "recently", "repeatedly", "reportedly", "then", "once", "often",
    "never", "already", "even", "publicly", "privately", "just", "first", "initially", "separately", "subsequently",
    "ultimately", "finally", "further", "again", "still", "now", "has", "have", "had", "will", "would", "could",
    "should", "might", "may", "must", "can", "did", "does", "do", "is", "was", "are", "were", "been", "be", "not",
    "n't", "didn't", "doesn't", "don't", "hasn't", "haven't", "hadn't", "won't", "wouldn't", "isn't", "wasn't",
    "himself", "herself", "themselves", "itself", "quickly", "simply", "long", "always", "allegedly", "clearly",
    "openly", "flatly", "widely", "generally", "frequently", "usually", "ever", "apparently", "certainly",
    "however", "too", "today", "yesterday", "tonight", "previously", "once"};
const char* kNpStopsList[] = {
    "that", "which", "while", "because", "if", "when", "but", "or", "so", "than", "as", "although", "though",
    "since", "until", "unless", "where", "whether", "after", "before", "is", "are", "was", "were", "be", "been",
    "being", "has", "have", "had", "will", "would", "can", "could", "should", "may", "might", "must", "do", "does",
    "did", "in", "on", "to", "with", "by", "about", "during", "into", "over", "under", "against", "among",
    "between", "through", "without", "within", "not", "also", "and", "said", "says", "say", "told", "tells",
    "why", "how", "what", "whom", "whose", "there", "here", "then", "now", "yet", "nor", "if", "just", "even",
    "very", "too", "only", "again", "once", "ago", "like", "unlike", "despite", "amid", "upon", "toward",
    "towards", "across", "behind", "beyond", "near", "off", "out", "up", "down", "around", "via", "per",
    "according", "from", "regarding", "concerning", "because", "whereas", "wherever", "whenever", "its", "it's", "this", "these", "those"};
const char* kSourceNounsList[] = {
    "official", "officials", "police", "authorities", "sources", "source", "spokesman", "spokeswoman",
    "spokesperson", "spokespeople", "president", "minister", "secretary", "senator", "governor", "mayor",
    "lawmaker", "lawmakers", "aide", "aides", "adviser", "advisers", "advisor", "advisors", "expert", "experts",
    "analyst", "analysts", "critic", "critics", "supporter", "supporters", "opponent", "opponents", "residents",
    "resident", "witness", "witnesses", "protesters", "protester", "democrats", "republicans", "voters", "voter",
    "investigators", "prosecutors", "prosecutor", "report", "poll", "polls", "survey", "study", "statement",
    "campaign", "administration", "government", "department", "ministry", "agency", "committee", "court",
    "judge", "lawyer", "lawyers", "attorney", "attorneys", "economist", "economists", "researchers",
    "researcher", "scientists", "doctors", "leaders", "leader", "chairman", "chairwoman", "chair", "director",
    "officer", "officers", "candidate", "candidates", "people", "observers", "members", "member", "group",
    "organization", "company", "party", "team", "spokesmen", "representative", "representatives", "diplomats",
    "diplomat", "commander", "military", "army", "troops", "authority", "board", "council", "union", "union's",
    "data", "documents", "document", "letter", "memo", "filing", "article", "editorial", "network", "newspaper",
    "paper", "website", "site", "ad", "ads", "pollster", "pollsters", "strategist", "strategists", "allies",
    "ally", "colleagues", "friends", "friend", "family", "others", "some", "many", "most", "both", "everyone",
    "nobody", "someone", "insiders", "staff", "staffers", "man", "woman", "men", "women", "father", "mother",
    "wife", "husband", "son", "daughter", "author", "professor", "historian", "activist", "activists", "host",
    "anchor", "reporter", "reporters", "journalist", "journalists", "writer", "fans", "users", "americans",
    "economy", "bill", "law", "order", "rule", "figures", "estimates", "records", "evidence", "results"};
const char* kGroupNounsList[] = {"police", "authorities", "officials", "sources", "protesters", "experts", "analysts",
                             "critics", "supporters", "residents", "witnesses", "democrats", "republicans",
                             "lawmakers", "aides", "advisers", "investigators", "prosecutors", "voters", "troops",
                             "observers", "diplomats", "activists", "officers", "leaders", "members", "people"};
const char* kTimeWordsList[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                            "today", "yesterday", "tonight", "morning", "afternoon", "evening", "night",
                            "week", "month", "year", "weekend", "earlier", "later", "last", "this", "next"};
const char* kSentenceAdverbsList[] = {"but", "and", "so", "yet", "still", "then", "now", "meanwhile", "however",
                                  "instead", "also", "later", "earlier", "separately", "indeed", "or"};
const char* kAdjunctPrepsList[] = {"in", "on", "at", "during", "to", "via", "through", "after", "before", "from",
                               "for", "with", "when", "while", "outside", "inside", "last", "this", "earlier",
                               "late", "early", "monday", "tuesday", "wednesday", "thursday", "friday",
                               "saturday", "sunday", "today", "yesterday", "tonight", "recently", "again",
                               "repeatedly", "publicly", "privately", "flatly", "simply", "then", "later",
                               "also", "previously", "once", "too", "as", "over"};

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

}  // namespace

std::vector<std::pair<std::string, Form>> inflect(std::string_view lemma, bool double_final) {
  std::string b(lemma);
  std::vector<std::pair<std::string, Form>> out{{b, Form::kBase}};
  char last = b.back();
  bool ends_e = last == 'e';
  bool cons_y = last == 'y' && b.size() > 1 && !is_vowel(b[b.size() - 2]);
  bool sibilant = last == 's' || last == 'x' || last == 'z' || last == 'o' || b.ends_with("sh") || b.ends_with("ch");
  std::string stem = double_final ? b + last : b;
  out.push_back({cons_y ? b.substr(0, b.size() - 1) + "ies" : sibilant ? b + "es" : b + "s", Form::kThird});
  std::string past = ends_e ? b + "d" : cons_y ? b.substr(0, b.size() - 1) + "ied" : stem + "ed";
  out.push_back({past, Form::kPast});
  std::string ing = (ends_e && !b.ends_with("ee")) ? b.substr(0, b.size() - 1) + "ing" : stem + "ing";
  out.push_back({ing, Form::kIng});
  return out;
}

Lexicon::Lexicon() {
  entries_.reserve(std::size(kCues));
  for (const Row& r : kCues) {
    std::string lemma = r.lemma;
    bool dbl = !lemma.empty() && lemma.back() == '+';
    if (dbl) lemma.pop_back();
    CueEntry e;
    e.lemma = lemma;
    e.flags = r.flags;
    for (const char* p : r.particles) e.particles.emplace_back(p);
    entries_.push_back(std::move(e));
  }
  // Forms are added after all entries exist, so the pointers stay valid.
  for (size_t i = 0; i < entries_.size(); ++i) {
    const Row& r = kCues[i];
    const CueEntry* e = &entries_[i];
    bool dbl = std::string_view(r.lemma).ends_with("+");
    for (auto& [form, kind] : inflect(e->lemma, dbl)) {
      if (kind == Form::kPast && r.past) form = r.past;
      if (!words_[form].cue.entry) words_[form].cue = CueHit{e, kind};
    }
    if (r.part && !words_[r.part].cue.entry) words_[r.part].cue = CueHit{e, Form::kPastPart};
  }
  auto add = [&](auto& list, Class c) {
    for (std::string_view w : list) words_[w].classes |= c;
  };
  add(kPronounsList, kPronoun);
  add(kDeterminersList, kDeterminer);
  add(kSkippableList, kSkippable);
  add(kNpStopsList, kNpStop);
  add(kSourceNounsList, kSourceNoun);
  add(kGroupNounsList, kGroupNoun);
  add(kTimeWordsList, kTime);
  add(kSentenceAdverbsList, kSentenceAdverb);
  add(kAdjunctPrepsList, kAdjunctPrep);
  add(kNameOpeners, kNameOpener);
  add(kCalendarNames, kCalendarName);
  add(kTitleWords, kTitleWord);
  add(kTargetGroupNouns, kTargetGroup);
  add(kOrgDescriptions, kDescriptionNoun);
  add(kPlaceDescriptions, kDescriptionNoun);
  words_["the"].classes |= kThe;
}

CueHit Lexicon::cue(std::string_view folded) const { return info(folded).cue; }

bool Lexicon::is_skippable(std::string_view w) const {
  if (info(w).classes & kSkippable) return true;
  // -ly adverbs ("flatly", "angrily"), but not the nouns and verbs that end so.
  static const std::string_view kNotAdverbList[] = {
      "family", "supply", "assembly", "anomaly", "monopoly", "july", "italy", "ally", "rally", "reply",
      "tally", "belly", "bully", "jelly", "holly", "folly", "homily", "comply", "apply", "multiply",
      "imply", "only", "rely", "fly", "sly", "lily", "emily", "kelly", "sally", "wally", "billy"};
  static const text::WordSet kNotAdverbs(std::begin(kNotAdverbList), std::end(kNotAdverbList));
  return w.size() >= 5 && w.ends_with("ly") && !kNotAdverbs.contains(w);
}

}  // namespace quotegraph::attrib
