// Lexicon tables. The cue list started from news style guides' "attribution
// verbs" and was widened with the cue words of the PolNeAR training split
// (statements, beliefs, intentions, findings), counted by frequency; every
// entry is a general English word, none names a story.
#include "attrib/lexicon.hpp"

#include <initializer_list>

#include "entity/name_words.hpp"

namespace quotegraph::attrib {
namespace {

constexpr uint32_t S = kSpeech, B = kBelief, A = kAddressee, C = kCharacterize, T = kTarget, I = kInvert,
                   E = kEcho, N = kNeedsClause, P = kNounToo, Q = kQuoteOnly, O = kStanceObject, L = kLightVerb;

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
    {"read", "read", "read", S | I | Q, {}},  // "the sign read, “…”", "“…,” read the statement"
    {"ask", nullptr, nullptr, S | A | I, {}},
    {"explain", nullptr, nullptr, S | I, {}},
    {"continue", nullptr, nullptr, S | I | Q, {}},
    {"note", nullptr, nullptr, S | I | P, {}},
    {"insist", nullptr, nullptr, S | I, {}},
    {"argue", nullptr, nullptr, S | I, {}},
    {"reply", nullptr, nullptr, S | I | P, {}},
    {"respond", nullptr, nullptr, S | I, {}},
    {"answer", nullptr, nullptr, S | I | P, {}},
    {"recall", nullptr, nullptr, S | I, {}},
    {"warn", nullptr, nullptr, S | A | I, {}},
    {"announce", nullptr, nullptr, S | I, {}},
    {"declare", nullptr, nullptr, S | I, {}},
    {"state", nullptr, nullptr, S | I | P, {}},
    {"claim", nullptr, nullptr, S | I | P, {}},
    {"conclude", nullptr, nullptr, S | I, {}},
    {"quip+", nullptr, nullptr, S | I | P, {}},
    {"joke", nullptr, nullptr, S | I | P, {}},
    {"admit+", nullptr, nullptr, S | I, {}},
    {"acknowledge", nullptr, nullptr, S | I, {}},
    {"tweet", nullptr, nullptr, S | I | P, {}},
    {"post", nullptr, nullptr, S | N | P, {}},
    {"shout", nullptr, nullptr, S | I | P, {}},
    {"exclaim", nullptr, nullptr, S | I, {}},
    {"remark", nullptr, nullptr, S | I | P, {}},
    {"observe", nullptr, nullptr, S | I, {}},
    {"counter", nullptr, nullptr, S | I | P, {}},
    {"retort", nullptr, nullptr, S | I, {}},
    {"scoff", nullptr, nullptr, S | I, {}},
    {"complain", nullptr, nullptr, S | I, {}},
    {"lament", nullptr, nullptr, S | I, {}},
    {"boast", nullptr, nullptr, S | I | P, {}},
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
    {"promise", nullptr, nullptr, S | A | P, {}},
    {"vow", nullptr, nullptr, S | P, {}},
    {"pledge", nullptr, nullptr, S | P, {}},
    {"threaten", nullptr, nullptr, S, {}},
    {"suggest", nullptr, nullptr, S | I, {}},
    {"propose", nullptr, nullptr, S, {}},
    {"recommend", nullptr, nullptr, S, {}},
    {"urge", nullptr, nullptr, S | A, {}},
    {"demand", nullptr, nullptr, S | P, {}},
    {"reiterate", nullptr, nullptr, S | I, {}},
    {"repeat", nullptr, nullptr, S | I, {}},
    {"reveal", nullptr, nullptr, S, {}},
    {"disclose", nullptr, nullptr, S, {}},
    {"testify", nullptr, nullptr, S, {}},
    {"report", nullptr, nullptr, S | P, {}},
    {"allege", nullptr, nullptr, S, {}},
    {"caution", nullptr, nullptr, S | I, {}},
    {"advise", nullptr, nullptr, S | A, {}},
    {"assure", nullptr, nullptr, S | A, {}},
    {"inform", nullptr, nullptr, S | A, {}},
    {"remind", nullptr, nullptr, S | A, {}},
    {"agree", nullptr, nullptr, S, {}},
    {"disagree", nullptr, nullptr, S, {}},
    {"dispute", nullptr, nullptr, S, {}},
    {"question", nullptr, nullptr, S | N | P, {}},
    {"wonder", nullptr, nullptr, S | I, {}},
    {"speculate", nullptr, nullptr, S, {}},
    {"estimate", nullptr, nullptr, S | P, {}},
    {"clarify", nullptr, nullptr, S, {}},
    {"hint", nullptr, nullptr, S | P, {}},
    {"signal", nullptr, nullptr, S | N | P, {}},
    {"indicate", nullptr, nullptr, S, {}},
    {"imply", nullptr, nullptr, S, {}},
    {"mention", nullptr, nullptr, S, {}},
    {"cite", nullptr, nullptr, S, {}},
    {"plead", nullptr, nullptr, S, {}},
    {"order", nullptr, nullptr, S | A | N | P, {}},
    {"request", nullptr, nullptr, S | N | P, {}},
    {"rule", nullptr, nullptr, S | N | P, {}},
    {"decide", nullptr, nullptr, B, {}},
    // Appointments: "Trump named Pence as his running mate", "Obama nominated Garland".
    {"name", nullptr, nullptr, B, {}},
    {"nominate", nullptr, nullptr, B, {}},
    {"appoint", nullptr, nullptr, B, {}},
    {"call", nullptr, nullptr, S | C | P, {"for", "on"}},
    // "made clear that", "made the case for", "made no mention of": only with
    // a statement's object (kLightObjectsList).
    {"make", "made", "made", S | L, {}},
    {"take", "took", "taken", S | L, {}},  // "took aim at", "took issue with" (kTakeObjectsList)
    {"put+", "put", "put", S | L, {}},     // "as one voter put it, …"
    {"raise", nullptr, nullptr, S | L, {}},  // "raised questions about" (kDoubtObjectsList)
    {"cast", "cast", "cast", S | L, {}},     // "cast doubt on"
    {"weigh", nullptr, nullptr, S | L, {}},  // "weighed in on"
    {"go", "went", "gone", S | L, {}},       // "went after Cruz"
    {"look", nullptr, nullptr, B | L, {}},   // "is looking for a win", "are looking to cut"
    {"like", nullptr, nullptr, B | L, {}},   // "would like to see", "I'd like a recount"
    {"pass", nullptr, nullptr, B | L, {}},   // "the Senate passed a bill" (kLawObjectsList)
    {"sign", nullptr, nullptr, B | L, {}},   // "the governor signed an order"
    {"describe", nullptr, nullptr, S | C, {}},
    {"characterize", nullptr, nullptr, S | C, {}},
    {"characterise", nullptr, nullptr, S | C, {}},
    {"label", nullptr, nullptr, S | C | P, {}},
    {"brand", nullptr, nullptr, S | C | P, {}},
    {"dub+", nullptr, nullptr, S | C, {}},
    {"portray", nullptr, nullptr, S | C, {}},
    {"refer+", nullptr, nullptr, S | C | N, {"to"}},
    {"accuse", nullptr, nullptr, S | T, {}},
    {"blame", nullptr, nullptr, S | T, {}},
    {"criticize", nullptr, nullptr, S | T, {}},
    {"criticise", nullptr, nullptr, S | T, {}},
    {"praise", nullptr, nullptr, S | T | P, {}},
    {"thank", nullptr, nullptr, S | T, {}},
    {"condemn", nullptr, nullptr, S | T, {}},
    {"denounce", nullptr, nullptr, S | T, {}},
    {"slam+", nullptr, nullptr, S | T, {}},
    {"blast", nullptr, nullptr, S | T, {}},
    {"dismiss", nullptr, nullptr, S | T, {}},
    {"reject", nullptr, nullptr, S, {}},
    {"defend", nullptr, nullptr, S | T, {}},
    {"mock", nullptr, nullptr, S | T, {}},
    {"echo", "echoed", "echoed", S | E | P, {}},
    // Beliefs, intentions, findings: PolNeAR counts these as attributions too.
    {"think", "thought", "thought", B, {}},
    {"believe", nullptr, nullptr, B, {}},
    {"feel", "felt", "felt", B, {}},
    {"know", "knew", "known", B, {}},
    {"expect", nullptr, nullptr, B, {}},
    {"hope", nullptr, nullptr, B | P, {}},
    {"fear", nullptr, nullptr, B | P, {}},
    {"worry", nullptr, nullptr, B | P, {}},
    {"suspect", nullptr, nullptr, B, {}},
    {"doubt", nullptr, nullptr, B | P, {}},
    {"assume", nullptr, nullptr, B, {}},
    {"understand", "understood", "understood", B | N, {}},
    {"realize", nullptr, nullptr, B, {}},
    {"recognize", nullptr, nullptr, B, {}},
    {"want", nullptr, nullptr, B, {}},
    {"wish", nullptr, nullptr, B | P, {}},
    {"plan+", nullptr, nullptr, B | N | P, {}},
    {"intend", nullptr, nullptr, B, {}},
    {"seek", "sought", "sought", B, {}},
    {"aim", nullptr, nullptr, B | N | P, {}},
    {"prefer+", nullptr, nullptr, B, {}},
    {"support", nullptr, nullptr, B | P | O, {}},
    {"oppose", nullptr, nullptr, B | O, {}},
    {"favor", nullptr, nullptr, B | O, {}},
    {"endorse", nullptr, nullptr, B | O, {}},
    {"find", "found", "found", B | P, {}},
    {"show", "showed", "shown", B | P, {}},
    {"see", "saw", "seen", B, {}},
    {"learn", nullptr, nullptr, B | N, {}},
    {"hear", "heard", "heard", B | N, {}},
    {"insinuate", nullptr, nullptr, S, {}},
    {"refuse", nullptr, nullptr, B | N, {}},
    {"decline", nullptr, nullptr, B | N, {}},
    // Further statement and stance verbs that PolNeAR's training split shows in attribution.
    {"express", nullptr, nullptr, S, {}},
    {"speak", "spoke", "spoken", S | A | N, {"about", "of", "to", "with"}},
    {"talk", nullptr, nullptr, S | N | P, {"about", "up", "of"}},
    {"discuss", nullptr, nullptr, S, {}},
    {"back", nullptr, nullptr, B | P | O, {}},
    {"attack", nullptr, nullptr, S | T | P, {}},
    {"view", nullptr, nullptr, B | C | P, {}},
    {"push", nullptr, nullptr, S | N, {"for", "back"}},
    {"consider", nullptr, nullptr, B, {}},
    {"decry", nullptr, nullptr, S | T, {}},
    {"identify", nullptr, nullptr, S, {}},
    {"charge", nullptr, nullptr, S | T | P, {}},
    {"encourage", nullptr, nullptr, S | A, {}},
    {"challenge", nullptr, nullptr, S | T | P, {}},
    {"tout", nullptr, nullptr, S, {}},
    {"highlight", nullptr, nullptr, S, {}},
    {"compare", nullptr, nullptr, S | T, {}},
    {"rail", nullptr, nullptr, S | N, {"against", "at"}},
    {"deem", nullptr, nullptr, B | C, {}},
    {"voice", nullptr, nullptr, S | P, {}},
    {"bemoan", nullptr, nullptr, S, {}},
    {"press", nullptr, nullptr, S | A | N | P, {"for"}},
    {"welcome", nullptr, nullptr, S | P, {}},
    {"embrace", nullptr, nullptr, B, {}},
    {"advocate", nullptr, nullptr, S, {"for"}},
    {"apologize", nullptr, nullptr, S, {"for"}},
    {"applaud", nullptr, nullptr, S | T, {}},
    // Acts that PolNeAR's guidelines count as expressing a stance or a message.
    {"focus", nullptr, nullptr, B | N | P, {"on"}},
    {"offer", nullptr, nullptr, S | P, {}},
    {"invoke", nullptr, nullptr, S, {}},
    {"vote", nullptr, nullptr, B | N | P, {"for", "against"}},
    {"reference", nullptr, nullptr, S | P, {}},
    {"yell", nullptr, nullptr, S | I | P, {}},
    {"email", nullptr, nullptr, S | I | P, {}},
    {"retweet", nullptr, nullptr, S | P, {}},
    {"chant", nullptr, nullptr, S | I | P, {}},
    {"list", nullptr, nullptr, S | N | P, {}},
    {"appear", nullptr, nullptr, B | N, {}},
    {"seem", nullptr, nullptr, B | N, {}},
    {"worry", nullptr, nullptr, B | P, {}},
    {"conclude", nullptr, nullptr, S | I, {}},
    // Speech verbs of news style that reporting guides list and PolNeAR's training split shows.
    {"gush", nullptr, nullptr, S | I, {}},
    {"interject", nullptr, nullptr, S | I, {}},
    {"comment", nullptr, nullptr, S | I | P, {}},
    {"muse", nullptr, nullptr, S | I, {}},
    {"concur+", nullptr, nullptr, S | I, {}},
    {"recount", nullptr, nullptr, S | I, {}},
    {"reason", nullptr, nullptr, S | N | P, {}},
    {"opine", nullptr, nullptr, S | I, {}},
    {"marvel+", nullptr, nullptr, S | I, {}},
    {"sigh", nullptr, nullptr, S | I, {}},
    {"whisper", nullptr, nullptr, S | I, {}},
    {"mutter", nullptr, nullptr, S | I, {}},
    {"grumble", nullptr, nullptr, S | I, {}},
    {"protest", nullptr, nullptr, S | I | N | P, {}},
    {"object", nullptr, nullptr, S | N | P, {}},
    {"affirm", nullptr, nullptr, S | I, {}},
    {"reaffirm", nullptr, nullptr, S | I, {}},
    {"proclaim", nullptr, nullptr, S | I, {}},
    {"theorize", nullptr, nullptr, S, {}},
    {"rebut+", nullptr, nullptr, S | I, {}},
    {"elaborate", nullptr, nullptr, S | I, {}},
    {"confide", nullptr, nullptr, S | I, {}},
    {"confess", nullptr, nullptr, S | I, {}},
    {"divulge", nullptr, nullptr, S, {}},
    {"underscore", nullptr, nullptr, S, {}},
    {"underline", nullptr, nullptr, S, {}},
    {"restate", nullptr, nullptr, S | I, {}},
    {"reassure", nullptr, nullptr, S | A, {}},
    {"notify", nullptr, nullptr, S | A, {}},
    {"admonish", nullptr, nullptr, S | A, {}},
    {"implore", nullptr, nullptr, S | A | I, {}},
    {"beg+", nullptr, nullptr, S | A | I, {}},
    {"snap+", nullptr, nullptr, S | I | N, {}},
    {"fume", nullptr, nullptr, S | I, {}},
    {"rant", nullptr, nullptr, S | I | P, {}},
    {"gloat", nullptr, nullptr, S | I, {}},
    {"whine", nullptr, nullptr, S | I, {}},
    {"gripe", nullptr, nullptr, S | I | P, {}},
    {"quibble", nullptr, nullptr, S | I, {}},
    {"inquire", nullptr, nullptr, S | I, {}},
    {"enquire", nullptr, nullptr, S | I, {}},
    {"specify", nullptr, nullptr, S, {}},
    {"stipulate", nullptr, nullptr, S, {}},
    {"swear", "swore", "sworn", S | I, {}},
    {"attest", nullptr, nullptr, S | N, {"to"}},
    {"allude", nullptr, nullptr, S | N, {"to"}},
    {"forecast", "forecast", "forecast", S | P, {}},
    {"guarantee", nullptr, nullptr, S | P, {}},
    {"surmise", nullptr, nullptr, B, {}},
    {"reckon", nullptr, nullptr, B, {}},
    {"ponder", nullptr, nullptr, B | N, {}},
    // Evaluative speech: the object is who the statement is about.
    {"deride", nullptr, nullptr, S | T, {}},
    {"chide", nullptr, nullptr, S | T, {}},
    {"scold", nullptr, nullptr, S | T, {}},
    {"rebuke", nullptr, nullptr, S | T, {}},
    {"lambaste", nullptr, nullptr, S | T, {}},
    {"castigate", nullptr, nullptr, S | T, {}},
    {"ridicule", nullptr, nullptr, S | T, {}},
    {"belittle", nullptr, nullptr, S | T, {}},
    {"chastise", nullptr, nullptr, S | T, {}},
    {"berate", nullptr, nullptr, S | T, {}},
    {"assail", nullptr, nullptr, S | T, {}},
    {"excoriate", nullptr, nullptr, S | T, {}},
    {"taunt", nullptr, nullptr, S | T, {}},
    {"commend", nullptr, nullptr, S | T, {}},
    {"laud", nullptr, nullptr, S | T, {}},
    {"extol+", nullptr, nullptr, S | T, {}},
    {"hail", nullptr, nullptr, S | T, {}},
    {"congratulate", nullptr, nullptr, S | T, {}},
    {"fault", nullptr, nullptr, S | T, {}},
};


const char* kPronounsList[] = {"he", "she", "they", "i", "we", "you", "it", "who", "which", "him", "her", "them"};
// Folded (straight apostrophe). "it's" and "that's" are left out: they open
// "it's hard to say" far more often than they name a speaker.
const char* kSubjectContractionsList[] = {"he's", "she's", "who's", "they're", "we're", "you're", "i'm",
                                          "he'd", "she'd", "they'd", "we'd", "i'd", "you'd", "i've",
                                          "we've", "they've", "you've", "he'll", "she'll", "they'll",
                                          "we'll", "i'll", "you'll"};
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
    "economy", "bill", "law", "order", "rule", "figures", "estimates", "records", "evidence", "results",
    "person", "persons", "polling", "research", "analysis", "findings", "numbers"};
const char* kGroupNounsList[] = {"police", "authorities", "officials", "sources", "protesters", "experts", "analysts",
                             "critics", "supporters", "residents", "witnesses", "democrats", "republicans",
                             "lawmakers", "aides", "advisers", "investigators", "prosecutors", "voters", "troops",
                             "observers", "diplomats", "activists", "officers", "leaders", "members", "people"};
// Weekdays and months: capitalised, but they name no one.
constexpr std::string_view kCalendarNames[] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "jan.", "feb.", "aug.", "sept.", "oct."};
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

// Prepositions that open a person noun's postmodifier ("officials in Ohio",
// "people with knowledge of …", "most of them"), and the adjectives before
// them ("sources close to", "a person familiar with").
const char* kPostmodifierPrepsList[] = {"with", "to", "in", "from", "on", "near", "inside", "outside", "across",
                                        "of"};
const char* kPostmodifierAdjsList[] = {"close", "closest", "familiar", "loyal", "knowledgeable", "briefed",
                                       "sympathetic"};

// Nouns that make their possessor a source (PolNeAR's guidelines count nominal
// attributions): "the mayor's criticism of the budget", "his claim that …",
// "her support for the bill", "their refusal to testify". Only with a
// possessor and a complement; "the criticism" alone attributes nothing.
const char* kAttributionNounsList[] = {
    "criticism", "criticisms", "claim", "claims", "assertion", "assertions", "allegation", "allegations",
    "accusation", "accusations", "argument", "arguments", "insistence", "denial", "denials", "view", "views",
    "belief", "beliefs", "opinion", "opinions", "suggestion", "suggestions", "support", "opposition",
    "endorsement", "praise", "condemnation", "rejection", "embrace", "defense", "defence", "attack", "attacks",
    "comment", "comments", "remark", "remarks", "statement", "statements", "speech", "speeches", "testimony",
    "message", "warning", "warnings", "complaint", "complaints", "objection", "objections", "concern",
    "concerns", "fear", "fears", "hope", "hopes", "doubts", "skepticism", "characterization", "description",
    "explanation", "explanations", "assessment", "assurance", "assurances", "prediction", "predictions",
    "response", "reply", "reaction", "answer", "admission", "acknowledgment", "acknowledgement",
    "announcement", "recommendation", "advice", "appeal", "plea", "call", "calls", "demand", "demands",
    "request", "proposal", "proposals", "threat", "threats", "stance", "rhetoric",
    "take", "thoughts", "passion", "enthusiasm", "focus", "questioning", "questions", "references",
    "comparison", "invocation", "mention",
    // intentions: their "to" clause is the content ("her decision to run")
    "decision", "refusal", "promise", "promises", "pledge", "vow", "plan", "plans", "willingness",
    "unwillingness", "effort", "efforts", "attempt", "determination", "commitment", "intention",
    "desire", "push", "wish", "reluctance", "eagerness", "vision"};
const char* kIntentionNounsList[] = {
    "decision", "refusal", "promise", "promises", "pledge", "vow", "plan", "plans", "willingness",
    "unwillingness", "effort", "efforts", "attempt", "determination", "commitment", "intention",
    "desire", "push", "wish", "reluctance", "eagerness", "call", "calls", "demand", "threat", "threats",
    "request", "appeal", "plea", "proposal", "insistence"};

// Opinion measurements that news treats as a source after "in": "In a new
// poll, the mayor leads by 8 points", "Lind trails in most surveys".
const char* kPollNounsList[] = {"poll", "polls", "survey", "surveys", "polling", "rankings", "tracking",
                                "exit-poll", "exit-polls"};

const char* kStandingWordsList[] = {
    "lead", "leads", "led", "leading", "trail", "trails", "trailed", "trailing", "ahead", "behind", "tied",
    "rose", "risen", "fell", "fallen", "surged", "slipped", "dropped", "gained", "edged", "edges", "climbed",
    "slumped", "sagged", "plummeted", "soared", "jumped", "dipped", "stands", "stood", "percent", "points",
    "first", "second", "third", "fourth", "fifth", "last", "favorite", "front-runner", "frontrunner"};

const char* kReceiveVerbsList[] = {
    "draw", "draws", "drew", "drawn", "drawing", "receive", "receives", "received", "receiving", "win", "wins",
    "won", "winning", "earn", "earns", "earned", "earning", "has", "have", "had", "having", "enjoy", "enjoys",
    "enjoyed", "enjoying", "get", "gets", "got", "gotten", "getting", "gain", "gains", "gained", "gaining",
    "garner", "garners", "garnered", "consolidate", "consolidated", "retain", "retains", "retained", "lost",
    "loses", "lose"};

const char* kVehicleNounsList[] = {
    "statement", "statements", "email", "emails", "e-mail", "letter", "letters", "tweet", "tweets", "post",
    "posts", "memo", "memos", "note", "notes", "message", "messages", "release", "video", "videos", "interview",
    "speech", "op-ed", "column", "filing", "motion", "lawsuit", "suit", "complaint", "brief", "text", "call",
    "day", "days", "hours", "minutes", "weeks", "months", "years", "time", "morning", "afternoon", "evening",
    "night", "week", "month", "year", "weekend", "moment", "campaign"};
const char* kIrregularPluralsList[] = {"data", "people", "police", "media", "men", "women", "children",
                                      "criteria", "personnel", "clergy", "cattle", "faithful"};
const char* kCollectiveNounsList[] = {"array", "number", "host", "handful", "couple", "variety", "range", "slew",
                                     "bunch", "lot", "lots", "group", "majority", "minority", "plurality",
                                     "share", "pair", "trio", "crowd", "string", "series", "wave"};

// Adjectives of attitude, certainty and will that make "X is ADJ that/to/of …"
// an attribution of belief or intention (PolNeAR's guidelines count them).
const char* kStanceAdjectivesList[] = {
    "convinced", "confident", "sure", "certain", "adamant", "eager", "keen", "willing", "unwilling", "reluctant",
    "determined", "hopeful", "optimistic", "pessimistic", "skeptical", "sceptical", "worried", "concerned",
    "afraid", "fearful", "wary", "proud", "glad", "pleased", "disappointed", "frustrated", "upset", "angry",
    "furious", "shocked", "surprised", "aware", "unaware", "opposed", "supportive", "insistent",
    "doubtful", "uncertain", "unsure", "grateful", "thankful", "sorry", "ashamed", "embarrassed",
    "enthusiastic", "excited", "nervous", "anxious", "alarmed", "troubled", "outraged", "dismayed", "unhappy",
    "happy", "satisfied", "dissatisfied", "resigned", "intent", "mindful", "suspicious", "appreciative",
    // Feelings about a cause, mostly with "by": "were angered by the deal".
    "angered", "delighted", "startled", "irritated", "impressed", "unimpressed", "intrigued", "scared",
    "distressed", "bothered", "heartened", "offended", "disturbed", "incensed", "infuriated", "unfazed"};

// Attitudes that take an object, not a clause: "has been critical of Trump",
// "were sympathetic to free trade", "is vocal about the need to …".
const char* kStanceObjectAdjectivesList[] = {"critical", "dismissive", "sympathetic", "outspoken", "vocal",
                                             "hostile", "receptive", "scornful", "contemptuous", "disdainful"};
// Holders of a stance named by a noun: "is a vocal critic of", "a longtime
// supporter of" (PolNeAR counts these as attributions of the stance).
const char* kStanceNounsList[] = {"critic", "critics", "supporter", "supporters", "proponent", "proponents",
                                  "opponent", "opponents", "advocate", "advocates", "champion", "defender",
                                  "defenders", "backer", "backers", "detractor", "detractors", "skeptic",
                                  "skeptics", "foe", "foes"};

// Nouns for something said, that a colon and a quote can spell out: "X
// delivered a blunt message to Y: '…'", "offered a simple explanation: '…'".
const char* kUtteranceNounsList[] = {
    "message", "warning", "statement", "advice", "plea", "response", "reply", "answer", "reminder", "retort",
    "prediction", "promise", "vow", "pledge", "words", "explanation", "assessment", "verdict", "appeal",
    "request", "demand", "challenge", "ultimatum", "rebuke", "comment", "remark", "remarks", "quip", "riposte",
    // also what one declines: "declined an interview request", "declined comment"
    "requests", "comments", "interview", "question", "questions", "offer", "invitation"};

// Objects that make "make" a statement: "made the case that", "made the
// point", "made no mention of", "made favorable comments about", "made a plea for".
constexpr std::string_view kLightObjectsList[] = {
    "case", "point", "argument", "mention", "secret", "comment", "comments", "remark", "remarks", "statement",
    "statements", "plea", "appeal", "pitch", "claim", "claims", "promise", "promises", "pledge", "prediction",
    "accusation", "accusations", "allegation", "allegations", "reference", "references", "apology", "apologies"};

// Objects that make "take" a statement about what its preposition names.
constexpr std::string_view kTakeObjectsList[] = {"aim", "issue", "credit", "shot", "shots", "swipe", "swipes", "swing", "swings",
                                  "whack", "jab", "jabs", "potshot", "potshots", "stance", "umbrage"};

// Objects that make "raise" or "cast" a statement about what follows.
constexpr std::string_view kDoubtObjectsList[] = {"question", "questions", "concern", "concerns", "doubt", "doubts", "objection",
                                   "objections", "alarm", "alarms", "aspersions"};

// Objects that make "pass" or "sign" a decree: "passed a bill", "signed an
// executive order", "signed a letter of apology".
constexpr std::string_view kLawObjectsList[] = {
    "bill", "bills", "law", "laws", "legislation", "resolution", "resolutions", "measure", "measures", "amendment",
    "amendments", "ordinance", "ordinances", "referendum", "referendums", "order", "orders", "treaty", "pledge",
    "letter", "petition", "agreement"};

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
    e.past_is_base = r.past && lemma == r.past;
    for (const char* p : r.particles) e.particles.emplace_back(p);
    entries_.push_back(std::move(e));
  }
  // Forms are added after all entries exist, so the pointers stay valid.
  for (size_t i = 0; i < entries_.size(); ++i) {
    const Row& r = kCues[i];
    const CueEntry* e = &entries_[i];
    bool dbl = std::string_view(r.lemma).ends_with("+");
    const bool light = r.flags & kLightVerb;
    for (auto& [form, kind] : inflect(e->lemma, dbl)) {
      if (kind == Form::kPast && r.past) form = r.past;
      CueHit& slot = light ? words_[form].light : words_[form].cue;
      if (!slot.entry) slot = CueHit{e, kind};
    }
    if (r.part) {
      CueHit& slot = light ? words_[r.part].light : words_[r.part].cue;
      if (!slot.entry) slot = CueHit{e, Form::kPastPart};
    }
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
  add(kStanceAdjectivesList, kStanceAdjective);
  add(kStanceObjectAdjectivesList, kStanceAdjective);
  add(kStanceObjectAdjectivesList, kStanceObjectAdjective);
  add(kStanceNounsList, kStanceNoun);
  add(kSubjectContractionsList, kSubjectContraction);
  add(kUtteranceNounsList, kUtteranceNoun);
  add(kReceiveVerbsList, kReceiveVerb);
  add(kPostmodifierPrepsList, kPostmodifierPrep);
  add(kPostmodifierAdjsList, kPostmodifierAdj);
  add(kAttributionNounsList, kAttributionNoun);
  add(kIntentionNounsList, kIntentionNoun);
  add(kPollNounsList, kPollNoun);
  add(kStandingWordsList, kStandingWord);
  add(kCollectiveNounsList, kCollectiveNoun);
  add(kVehicleNounsList, kVehicleNoun);
  add(kIrregularPluralsList, kIrregularPlural);
  add(kCalendarNames, kCalendarName);
  add(entity::kNameOpeners, kNameOpener);
  add(entity::kTitleWords, kTitleWord);
  add(entity::kTargetGroupNouns, kTargetGroup);
  add(entity::kOrgDescriptions, kDescriptionNoun);
  add(entity::kPlaceDescriptions, kDescriptionNoun);
  words_["the"].classes |= kThe;
  auto add_names = [&](auto& list, NameClass c) {
    for (std::string_view w : list) words_[w].names |= c;
  };
  add_names(entity::kCommonCapwords, kCommonCapword);
  add_names(entity::kHeadlineAdverbs, kCommonCapword);
  add_names(entity::kVerbCapwords, kVerbCapword);
  add_names(entity::kDemonyms, kDemonym);
}

CueHit Lexicon::cue(std::string_view folded) const { return info(folded).cue; }

bool Lexicon::light_object(std::string_view verb, std::string_view noun) const {
  if (verb == "make") return text::in_list<kLightObjectsList>(noun);
  if (verb == "take") return text::in_list<kTakeObjectsList>(noun);
  if (verb == "raise" || verb == "cast") return text::in_list<kDoubtObjectsList>(noun);
  if (verb == "pass" || verb == "sign") return text::in_list<kLawObjectsList>(noun);
  return false;
}

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
