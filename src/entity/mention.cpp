// Stage 7 helper, mention parsing. Title and organisation words follow news
// style guides (AP, Reuters): titles go to roles, never into names.
#include "entity/mention.hpp"
#include "entity/gazetteer.hpp"
#include "entity/name_words.hpp"

#include <algorithm>
#include <array>
#include <deque>
#include <unordered_set>

#include "text/tokenize.hpp"
#include "text/utf8.hpp"
#include "text/word_table.hpp"

namespace quotegraph::entity {

// The parse of a mention known to carry no trailing parenthesis.
Parsed parse_plain(std::string_view mention);
std::string strip_possessive(std::string s);

namespace {

// Last words that make a proper name an organisation or a place.
constexpr std::string_view kOrgWords[] = {
    "organization", "organisation", "department", "ministry", "party", "council", "committee", "agency",
    "association", "union", "company", "corp.", "inc.", "university", "court", "congress", "senate", "house",
    "times", "post", "news", "press", "bureau", "office", "commission", "alliance", "campaign", "administration",
    "government", "institute", "authority", "board", "service", "bank", "fund", "foundation", "corporation",
    "network", "federation", "league", "coalition", "tribunal", "parliament", "assembly", "police", "army",
    "tribune", "journal", "herald", "star", "gazette", "globe", "examiner", "magazine", "inquirer", "telegraph",
    "guardian", "observer", "chronicle", "daily", "weekly", "radio", "television", "channel", "broadcasting",
    "reserve", "navy", "forces", "guard", "group", "club", "society", "centre", "center", "school", "college",
    "academy", "hospital", "church", "caucus", "chamber", "inc", "corp", "llc", "ltd", "co.", "ministries",
    "airlines", "motors", "systems", "technologies", "partners", "holdings", "industries", "pac", "super pac"};

// Last words that make a proper name a place.
constexpr std::string_view kPlaceHeads[] = {
    "park", "square", "plaza", "hall", "airport", "stadium", "arena", "bridge", "tower", "avenue",
    "boulevard", "road", "county", "parish", "district", "borough", "township", "heights", "beach",
    "mountains", "mountain", "lake", "bay", "harbor", "harbour", "peninsula", "strait", "desert", "forest"};

// Last words that make a proper name a document, law or poll ("Affordable
// Care Act", "Patriot Act", "Keystone XL bill").
constexpr std::string_view kArtifactWords[] = {
    "act", "bill", "amendment", "law", "treaty", "accord", "accords", "agreement", "resolution", "report",
    "poll", "survey", "doctrine", "constitution", "convention", "charter", "manifesto", "memo", "dossier"};

constexpr std::string_view kPlaceWords[] = {
    "states", "kingdom", "republic", "city", "county", "island", "islands", "valley", "river", "street",
    "province", "region", "emirates", "coast"};

// Nouns for one person ("a spokesman", "the economist") beyond the titles.
constexpr std::string_view kPersonNouns[] = {
    "aide", "adviser", "advisor", "official", "source", "analyst", "expert", "voter", "lawmaker",
    "congressman", "congresswoman", "economist", "professor", "researcher", "strategist", "consultant",
    "pollster", "lawyer", "resident", "witness", "activist", "critic", "supporter", "opponent", "member",
    "host", "anchor", "reporter", "journalist", "writer", "author", "columnist", "editor", "founder",
    "manager", "executive", "owner", "worker", "student", "teacher", "doctor", "man", "woman", "mother",
    "father", "wife", "husband", "son", "daughter", "friend", "person", "veteran", "delegate", "donor",
    "operative", "staffer", "organizer", "protester", "protestor", "demonstrator", "victim", "suspect",
    "agent", "investigator", "prosecutor", "diplomat", "commander", "soldier", "head", "caller", "scholar",
    "scientist", "historian", "fellow", "partner", "employee", "lobbyist", "surrogate", "insider",
    "observer", "official", "rival", "ally", "backer", "proponent", "advocate", "opponent", "republican",
    "democrat", "conservative", "liberal", "progressive", "independent", "immigrant", "refugee", "migrant",
    "official", "leader", "worker", "parent", "citizen", "taxpayer", "customer", "user", "fan", "viewer",
    "reader", "listener", "respondent", "participant", "entrepreneur", "investor", "banker", "farmer",
    "businessman", "businesswoman", "billionaire", "mogul", "tycoon", "politician", "frontrunner",
    "front-runner", "incumbent", "challenger", "contender", "hopeful", "congressman", "lady", "gentleman"};

// Nouns for documents and findings that speak ("the report found", "a poll shows").
constexpr std::string_view kArtifactNouns[] = {
    "report", "poll", "survey", "study", "statement", "letter", "memo", "document", "documents", "ad",
    "advertisement", "video", "speech", "interview", "transcript", "tweet", "post", "article", "book",
    "bill", "law", "plan", "proposal", "data", "figures", "numbers", "analysis", "filing", "complaint",
    "lawsuit", "ruling", "order", "website", "release", "excerpts", "email", "emails", "message",
    "editorial", "column", "story", "investigation", "review", "audit", "platform", "policy",
    "legislation", "measure", "resolution", "agreement", "treaty", "research", "findings", "records",
    "estimate", "estimates", "projection", "forecast", "tally", "results", "budget", "polls", "surveys",
    "studies", "reports", "statistics", "record", "footage", "photo", "image", "commercial", "petition",
    "indictment", "verdict", "decision", "opinion", "brief", "testimony", "notice", "announcement",
    "missive", "referral", "average", "page", "account", "blog", "podcast", "broadcast", "program"};

// Group nouns beyond the plural of a person noun.
constexpr std::string_view kCollectiveNouns[] = {
    "police", "authorities", "people", "staff", "public", "crowd", "audience", "family", "electorate",
    "establishment", "base", "leadership", "delegation", "panel", "jury", "majority", "minority", "military",
    "media", "outlets", "networks", "press"};

// The word lists the parse tests a mention's words against, as bits of one
// table: words_of looks each word up once (Word::lists), where the parse
// hashed it again for every list it asked about.
enum WordList : uint16_t {
  kTitle = 1u << 0,        // kTitleWords
  // A title word, or its plural of five letters or more before a list of
  // names ("Senators Mitch McConnell and John Cornyn": the plural is no part
  // of the first name).
  kTitleOrPlural = 1u << 1,
  kOrg = 1u << 2,          // kOrgWords
  kOrgDesc = 1u << 3,      // kOrgDescriptions
  kPlaceDesc = 1u << 4,    // kPlaceDescriptions
  kArtifactWord = 1u << 5,  // kArtifactWords
  kTargetGroup = 1u << 6,  // kTargetGroupNouns (is_group_noun)
  kVerbCap = 1u << 7,      // kVerbCapwords (is_verb_capword)
  kHeadlineAdverb = 1u << 8,  // kHeadlineAdverbs (is_headline_adverb)
  kDemonymWord = 1u << 9,  // kDemonyms (is_demonym)
  kPlaceHead = 1u << 10,   // kPlaceHeads
  kPlaceWord = 1u << 11,   // kPlaceWords
};

const text::WordTable<uint16_t>& word_list_table() {
  static const text::WordTable<uint16_t> table = [] {
    text::WordTable<uint16_t> t;
    auto add = [&](const auto& list, uint16_t bit) {
      for (std::string_view w : list) t[w] |= bit;
    };
    add(kTitleWords, kTitle | kTitleOrPlural);
    for (std::string_view w : kTitleWords)
      if (w.size() + 1 > 4) t[std::string(w) + "s"] |= kTitleOrPlural;
    add(kOrgWords, kOrg);
    add(kOrgDescriptions, kOrgDesc);
    add(kPlaceDescriptions, kPlaceDesc);
    add(kArtifactWords, kArtifactWord);
    add(kTargetGroupNouns, kTargetGroup);
    add(kVerbCapwords, kVerbCap);
    add(kHeadlineAdverbs, kHeadlineAdverb);
    add(kDemonyms, kDemonymWord);
    add(kPlaceHeads, kPlaceHead);
    add(kPlaceWords, kPlaceWord);
    return t;
  }();
  return table;
}

uint16_t word_lists(std::string_view folded) {
  const uint16_t* bits = word_list_table().find(folded);
  return bits ? *bits : 0;
}

// The words of a mention to parse, each with the lists it is in.
std::vector<Word> listed_words(std::string_view s) {
  std::vector<Word> w = words_of(s);
  for (Word& x : w) {
    x.lists = x.bare_lists = word_lists(x.low);
    if (x.low.ends_with("'s") || x.low.ends_with("\xE2\x80\x99s")) x.bare_lists = word_lists(strip_possessive(x.low));
  }
  return w;
}

// A description's kind from its head noun; unknown ("the battle", "a large
// margin") when the head names no one: such a phrase becomes no entity.
EntityKind description_kind(const std::string& head) {
  if (text::in_list<kOrgDescriptions>(head)) return EntityKind::kOrganization;
  if (text::in_list<kArtifactNouns>(head)) return EntityKind::kArtifact;
  if (text::in_list<kCollectiveNouns>(head) || is_group_noun(head) || is_demonym_plural(head))
    return EntityKind::kGroup;
  if (head.size() > 3 && head.ends_with("s") && !head.ends_with("ss")) {
    std::string one = head.substr(0, head.size() - 1);
    if (head.ends_with("ies")) one = head.substr(0, head.size() - 3) + "y";
    if (text::in_list<kPersonNouns>(one) || text::in_list<kTitleWords>(one) || text::in_list<kOrgDescriptions>(one) ||
        (head.ends_with("men") && text::in_list<kTitleWords>(head.substr(0, head.size() - 3) + "man")))
      return EntityKind::kGroup;
    if (head.ends_with("ers") || head.ends_with("ors") || head.ends_with("ists") || head.ends_with("ians") ||
        head.ends_with("ants") || head.ends_with("ents"))
      return EntityKind::kGroup;  // "organizers", "analysts", "residents": people by what they do
    return EntityKind::kUnknown;
  }
  if (head.ends_with("men") && (text::in_list<kTitleWords>(head.substr(0, head.size() - 3) + "man") ||
                                text::in_list<kPersonNouns>(head.substr(0, head.size() - 3) + "man")))
    return EntityKind::kGroup;  // "chairmen", "congressmen"
  if (text::in_list<kTitleWords>(head) || text::in_list<kPersonNouns>(head)) return EntityKind::kPerson;
  if (text::in_list<kPlaceDescriptions>(head)) return EntityKind::kPlace;
  return EntityKind::kUnknown;
}

// The sex a person noun names: "spokeswoman", "businessman", "widow"; 0 for
// the many that name none ("senator", "aide").
int noun_gender(std::string_view head) {
  static constexpr std::string_view kFemale[] = {"wife", "mother", "daughter", "sister", "widow", "actress",
                                                 "queen", "princess", "lady", "girl", "grandmother", "niece",
                                                 "aunt", "mrs.", "ms."};
  static constexpr std::string_view kMale[] = {"husband", "father", "son", "brother", "widower", "king",
                                               "prince", "boy", "grandfather", "nephew", "uncle", "mr."};
  if (head.ends_with("woman")) return -1;
  if (text::in_list<kFemale>(head)) return -1;
  if (text::in_list<kMale>(head)) return 1;
  // "chairman", "spokesman", "businessman", "congressman"; not "human", "ottoman".
  if (head.size() > 4 && head.ends_with("man") && head != "human" && description_kind(std::string(head)) == EntityKind::kPerson)
    return 1;
  return 0;
}

// "two", "12": a count before a plural.
bool is_cardinal(std::string_view w) {
  static constexpr std::string_view kNumbers[] = {"two", "three", "four", "five", "six", "seven", "eight", "nine",
                                                  "ten", "eleven", "twelve", "dozen"};
  if (text::in_list<kNumbers>(w)) return true;
  if (w.empty() || w.size() > 4) return false;
  for (char c : w)
    if (c < '0' || c > '9') return false;
  return true;
}

std::string join(const std::vector<Word>& w, size_t b, size_t e) {
  std::string out;
  for (size_t k = b; k < e; ++k) {
    if (k > b) out += ' ';
    out += w[k].text;
  }
  return out;
}

// "Chamber of Commerce", "Bank of Norland": the head before "of" is an organisation's.
bool org_before_of(std::string_view name) {
  size_t of = name.find(" of ");
  // "Brennan Center for Justice", "Council on Foreign Relations" likewise.
  if (of == std::string_view::npos) of = name.find(" for ");
  if (of == std::string_view::npos) of = name.find(" on ");
  if (of == std::string_view::npos) return false;
  size_t sp = name.rfind(' ', of - 1);
  std::string head = text::fold(name.substr(sp == std::string_view::npos ? 0 : sp + 1, of - (sp == std::string_view::npos ? 0 : sp + 1)));
  return text::in_list<kOrgWords>(head);
}

// The last run of capitalised non-title words: "U.S. Secretary of State Antony
// J. Blinken" -> "Antony J. Blinken".
bool proper_name(const std::vector<Word>& w, size_t& b, size_t& e) {
  // "Brennan Center for Justice", "Council on Foreign Relations": an
  // organisation's head before "for" or "on" keeps the name whole, even when
  // the words after it would read as a title ("Justice").
  for (size_t j = 1; j + 1 < w.size(); ++j) {
    if ((w[j].low != "for" && w[j].low != "on") || !w[j - 1].cap || !(w[j - 1].lists & kOrg)) continue;
    bool tail = true;
    for (size_t k = j + 1; k < w.size(); ++k) tail = tail && (w[k].cap || w[k].low == "and" || w[k].low == "of");
    if (!tail || !w.back().cap) break;
    size_t k = j - 1;
    while (k > 0 && w[k - 1].cap && !(w[k - 1].lists & kTitleOrPlural) && w[k - 1].low != "the") --k;
    b = k;
    e = w.size();
    return true;
  }
  size_t end = w.size();
  while (end > 0) {
    size_t k = end;
    while (k > 0 && w[k - 1].cap && !(w[k - 1].lists & kTitleOrPlural) && w[k - 1].low != "the") {
      // "Secretary of State", "Minister of Defence": the word after "of" belongs to the title.
      if (k >= 3 && w[k - 2].low == "of" && (w[k - 3].lists & kTitle)) break;
      --k;
      // "Chamber of Commerce", "Bank of America", "University of Michigan": an
      // organisation's head before "of" keeps the name whole.
      if (k >= 2 && w[k - 1].low == "of" && w[k - 2].cap && (w[k - 2].lists & kOrg)) k -= 1;
    }
    if (k < end) {
      // Headline case runs across its verb: "Trump Addresses Munich Attack"
      // names Trump; the words from the verb on are the headline's.
      for (size_t j = k + 1; j < end; ++j)
        if (w[j].lists & kVerbCap) {
          b = k;
          e = j;
          return true;
        }
      // "Securities and Exchange Commission": "and" inside an organisation's name.
      if (k >= 2 && w[k - 1].low == "and" && w[k - 2].cap && !(w[k - 2].lists & kTitle) &&
          is_org_head(strip_possessive(w[end - 1].low))) {
        k -= 2;
        while (k > 0 && w[k - 1].cap && !(w[k - 1].lists & kTitleOrPlural) && w[k - 1].low != "the") --k;
      }
      b = k;
      e = end;
      return true;
    }
    --end;
  }
  return false;
}

// A mention is its head and what follows it: "Angela Merkel of Germany",
// "Rep. Lee Zeldin (R-N.Y.)", "officials at the agency" name the person or the
// officials, never the place or the agency after them. The mention is cut
// before "of", "at", "from", "in" or "(" that follows a name or a plain noun;
// "Secretary of State", "University of Oxford" keep theirs (a title or an
// organisation's head before it).
size_t head_end(const std::vector<Word>& w) {
  for (size_t k = 1; k + 1 < w.size(); ++k) {
    const std::string& x = w[k].low;
    const bool prep = x == "of" || x == "at" || x == "from" || x == "in" || x == "with" || x == "who" ||
                      x == "which" || x == "by";
    const bool paren = w[k].text.starts_with("(");
    if (!prep && !paren) continue;
    const uint16_t prev = w[k - 1].bare_lists;  // the word before, without its possessive
    if (prev & (kTitle | kOrg | kOrgDesc | kPlaceDesc | kArtifactWord)) continue;
    if (paren || w[k - 1].cap || (prev & kTargetGroup)) return k;
  }
  return w.size();
}

// Where a role phrase's preposition is ("a spokesman for Hanna Lind": 3),
// or 0 when the mention is none: the first preposition after the head, with
// a lower-case person or document noun before it. A capitalised head is a
// title or a name's ("Secretary of State", "Bank of America"); a name after a
// common word is the referent's own ("secretary of state John Kerry").
size_t role_phrase_prep(const std::vector<Word>& w) {
  size_t s = 0;
  while (s < w.size() && (w[s].low == "the" || w[s].low == "a" || w[s].low == "an")) ++s;
  for (size_t k = s + 1; k + 1 < w.size(); ++k) {
    const std::string& x = w[k].low;
    if (x != "of" && x != "for" && x != "at" && x != "by" && x != "from" && x != "with" && x != "in" && x != "on")
      continue;
    if (w[k - 1].cap) return 0;
    const EntityKind kind = description_kind(strip_possessive(w[k - 1].low));
    if (kind != EntityKind::kPerson && kind != EntityKind::kArtifact) return 0;
    size_t r = w.size();
    while (r > k + 1 && w[r - 1].cap) --r;
    if (r < w.size() && r > k + 1) {
      const std::string& before = w[r - 1].low;
      if (before != "the" && before != "a" && before != "an" && before != "of" && before != "for" && before != "at" &&
          before != "by" && before != "from" && before != "with" && before != "in" && before != "on" && before != "and")
        return 0;
    }
    return k;
  }
  return 0;
}

// A party member named by the place he or she represents ("a Tennessee
// Republican", "the North Carolina Democrat", "Republican of West Virginia"):
// news style for a lawmaker beside or instead of the name. It describes a
// person and names no one (every such phrase shares the head "republican", so
// read as a name it would join all the article's lawmakers of that party).
// The end of the phrase's words from `start` (after an article), or 0.
bool party_member(std::string_view folded) {
  static constexpr std::string_view kMembers[] = {"republican", "democrat", "independent", "libertarian"};
  return text::in_list<kMembers>(folded);
}
size_t party_descriptor_end(const std::vector<Word>& w, size_t start) {
  auto member = [&](size_t k) { return w[k].cap && party_member(strip_possessive(w[k].low)); };
  auto place = [&](size_t b, size_t e) {
    if (b >= e) return false;
    std::string folded;
    for (size_t k = b; k < e; ++k) {
      if (!w[k].cap) return false;
      if (k > b) folded += ' ';
      folded += strip_possessive(w[k].low);
    }
    return known_kind(folded) == EntityKind::kPlace;
  };
  // The whole phrase: "Nevada Democrat Lucy Flores" is a name with its role.
  const size_t n = w.size();
  // "Republican of West Virginia".
  if (start + 2 < n && member(start) && w[start + 1].low == "of") return place(start + 2, n) ? n : 0;
  // "Tennessee Republican", "North Carolina Democrat".
  return n >= start + 2 && n <= start + 4 && member(n - 1) && place(start, n - 1) ? n : 0;
}

// The parse of a mention's words. Sets words/first_word as words_of(p.name)
// would give them, from the words already split, so the name is not split a
// second time.
// A quoted nickname ('“Tig”' in 'John “Tig” Tiegen') between two words of a name: no word of it.
bool quoted_nickname(std::string_view t) {
  auto opens = [](std::string_view x) { return x.starts_with("\"") || x.starts_with("\xE2\x80\x9C") || x.starts_with("'"); };
  auto closes = [](std::string_view x) { return x.ends_with("\"") || x.ends_with("\xE2\x80\x9D") || x.ends_with("'"); };
  if (t.size() < 4 || !opens(t) || !closes(t)) return false;
  const size_t skip = t[0] == '\xE2' ? 3 : 1;
  return skip < t.size() && t[skip] >= 'A' && t[skip] <= 'Z';
}

Parsed parse_words(std::vector<Word> w) {
  Parsed p;
  if (w.empty()) return p;
  for (size_t k = 1; k + 1 < w.size(); ++k)
    if (quoted_nickname(w[k].text) && w[k - 1].cap && w[k + 1].cap) w.erase(w.begin() + static_cast<long>(k--));
  {
    size_t start = 0;
    while (start < w.size() && (w[start].low == "the" || w[start].low == "a" || w[start].low == "an")) ++start;
    if (const size_t end = party_descriptor_end(w, start); end != 0) {
      w.resize(end);
      p.definite = start > 0 && w[0].low == "the";
      p.indefinite = start > 0 && !p.definite;
      p.name = strip_possessive(join(w, start, end));
      p.words = end - start;
      p.first_word = w[start].low;
      p.first_len = w[start].text.size();
      const bool of_form = start + 1 < end && w[start + 1].low == "of";  // "Republican of Ohio"
      p.head = strip_possessive(w[of_form ? start : end - 1].low);
      p.key = p.head;
      p.kind = EntityKind::kPerson;
      p.role = p.name;
      p.party_descriptor = true;
      return p;
    }
  }
  w.resize(head_end(w));
  if (const size_t k = role_phrase_prep(w); k != 0) {
    size_t start = 0;
    while (start < w.size() && (w[start].low == "the" || w[start].low == "a" || w[start].low == "an")) ++start;
    p.definite = start > 0 && w[0].low == "the";
    p.indefinite = start > 0 && !p.definite;
    p.role_phrase = true;
    p.name = strip_possessive(join(w, start, w.size()));
    p.words = w.size() - start;
    p.first_word = w[start].low;
    p.first_len = w[start].text.size();
    p.head = strip_possessive(w[k - 1].low);
    p.key = text::fold(p.name);
    p.kind = description_kind(p.head);
    p.gender = p.kind == EntityKind::kPerson ? noun_gender(p.head) : 0;
    if (p.kind == EntityKind::kPerson) p.role = p.name;
    return p;
  }
  size_t b = 0, e = 0;
  bool has_proper = proper_name(w, b, e);
  // "Former Democratic candidate …" cut before its noun: a party or
  // nationality adjective after a title names no one; "the Republican" is a
  // person described by party ("The Atlantic", "The Swiss" stay names).
  if (has_proper && e == b + 1 && b > 0) {
    const std::string bare = strip_possessive(w[b].low);
    if (((w[b - 1].lists & kTitleOrPlural) && (w[b].bare_lists & kDemonymWord)) ||
        (w[b - 1].low == "the" && (bare == "republican" || bare == "democrat")))  // not "the Independent", a newspaper
      has_proper = false;
  }
  if (has_proper && e < w.size() && (w[e].lists & kVerbCap)) w.resize(e);  // a headline's subject
  // "Dan Ortiz Finally" (a headline's subject before its verb): an adverb
  // ends no name.
  while (has_proper && e == w.size() && e >= b + 2 && (w[e - 1].bare_lists & kHeadlineAdverb)) w.resize(--e);
  const Word& last = w.back();
  std::string head = strip_possessive(last.low);
  const uint16_t head_lists = last.bare_lists;  // the lists `head` is in
  // "Kazakh police", "State Department officials": a group led by adjectives.
  bool group_head = !last.cap;
  // "Police said …": a capitalised group noun at the start of a sentence.
  if (w.size() == 1 && (w[0].lists & kTargetGroup)) group_head = true;
  if (has_proper && e == w.size() && !group_head) {
    p.proper = true;
    p.name = strip_possessive(join(w, b, e));
    size_t r0 = 0;
    while (r0 < b && (w[r0].low == "the" || w[r0].low == "a" || w[r0].low == "an")) ++r0;
    if (b > r0) p.role = join(w, r0, b);
    // "Hillary Clinton"; a title below overrides. One word alone may be a
    // surname too ("Warren"), so its given-name gender is only a default.
    if (e - b >= 2) p.gender = given_name_gender(w[b].low);
    else p.given_gender = given_name_gender(w[b].low);
    for (size_t k = 0; k < b; ++k) {
      if (w[k].low == "mr." || w[k].low == "mr") p.gender = 1;
      if (w[k].low == "mrs." || w[k].low == "ms." || w[k].low == "mrs" || w[k].low == "ms" || w[k].low == "miss")
        p.gender = -1;
    }
    // The name's words are w[b, e) with the possessive gone from the last one
    // (which then may lose a trailing , ; : too, or vanish): what words_of(p.name)
    // would give, without splitting the name again.
    std::string_view last_text = w[e - 1].text;
    if (last_text.ends_with("'s")) last_text.remove_suffix(2);
    else if (last_text.ends_with("\xE2\x80\x99s")) last_text.remove_suffix(4);
    while (!last_text.empty() && (last_text.back() == ',' || last_text.back() == ';' || last_text.back() == ':'))
      last_text.remove_suffix(1);
    const size_t n_end = last_text.empty() ? e - 1 : e;
    p.words = n_end - b;
    std::string lastw = p.words == 0 ? "" : n_end == e ? text::fold(last_text) : w[n_end - 1].low;
    if (p.words > 0) p.first_word = n_end - 1 == b ? lastw : w[b].low;
    std::string_view first_text;
    if (p.words > 0) first_text = n_end - 1 == b && n_end == e ? last_text : w[b].text;
    p.first_len = first_text.size();
    // The name folded once, for the gazetteer, the keys and the memo's record
    // (parse_mention_uncached folds only names the parse left unfolded).
    p.folded = text::fold(p.name);
    const EntityKind known = known_kind(p.folded);
    const uint16_t last_lists = word_lists(lastw);
    if (known != EntityKind::kUnknown) {
      p.kind = known;  // "Kazakhstan", "Texas", "Chicago", "Mich.": the data knows them
      p.key = p.words == 1 ? lastw : p.folded;
    } else if (p.words == 1 && is_demonym_plural(lastw)) {
      p.kind = EntityKind::kGroup;  // "Republicans", "Russians"
      p.key = lastw;
      // "two Democrats", "only 12 Republicans": a counted few are a group of
      // their own, not the party.
      if (b > 0 && is_cardinal(w[b - 1].low)) {
        p.proper = false;
        p.definite = w[0].low == "the";
        p.name = std::string(w[b - 1].text) + " " + p.name;
        p.head = lastw;
        p.folded = text::fold(p.name);
        p.key = p.folded;
        p.role.clear();
        p.words += 1;
        p.gender = p.given_gender = 0;
      }
    } else if ((last_lists & kArtifactWord) || (p.words == 1 && lastw.size() > 6 && lastw.ends_with("care"))) {
      p.kind = EntityKind::kArtifact;  // "Affordable Care Act", "Obamacare"
      p.key = p.folded;
    } else if (p.words == 1 && is_acronym(first_text)) {
      // "U.S.", "U.K.": dotted two-letter initialisms are countries; "U.N.", "CSTO" organisations.
      bool country = first_text.size() == 4 && first_text[1] == '.' && p.first_word != "u.n.";
      p.kind = country ? EntityKind::kPlace : EntityKind::kOrganization;
      p.key = p.first_word;
    } else if ((last_lists & kOrg) || (org_before_of(p.name) && !(last_lists & kPlaceHead))) {
      p.kind = EntityKind::kOrganization;  // "Port Authority", "Chamber of Commerce"
      p.key = p.folded;
    } else if (last_lists & kPlaceWord) {
      p.kind = EntityKind::kPlace;
      p.key = p.folded;
    } else if ((last_lists & kPlaceHead) && p.words >= 2) {
      p.kind = EntityKind::kPlace;  // "Romare Bearden Park", "Tel Aviv City Hall"
      p.key = p.folded;
    } else if (p.words == 1) {
      // One word: a surname, a given name, a country or an outlet; without a
      // title or a given name the document decides.
      p.kind = b > 0 || p.gender || p.given_gender ? EntityKind::kPerson : EntityKind::kUnknown;
      p.key = lastw;
    } else {
      // Several words: a person when a title or a given name says so ("Sen.
      // Jon Tester", "Hillary Clinton"); else unknown until the document says
      // more (a he or she, a role), never a guess ("San Bernardino", "Wells Fargo").
      p.kind = b > 0 || p.gender ? EntityKind::kPerson : EntityKind::kUnknown;
      p.key = lastw;
    }
    return p;
  }
  // A description: "the organization", "Kazakhstan's president", "police".
  size_t start = 0;
  while (start < w.size() && (w[start].low == "the" || w[start].low == "a" || w[start].low == "an")) ++start;
  p.definite = start > 0 && w[0].low == "the";
  p.indefinite = start > 0 && !p.definite;
  p.name = join(w, start, w.size());
  p.words = w.size() - start;  // join() kept each word whole
  if (start < w.size()) {
    p.first_word = w[start].low;
    p.first_len = w[start].text.size();
  }
  p.head = head;
  p.key = head;
  // "the Cruz campaign", "Rubio's campaign", "the Obama administration": an
  // organisation named by its owner, not the latest organisation in the text.
  if ((head_lists & kOrgDesc) && w.size() - start >= 2) {
    bool owner = false;
    for (size_t k = start; k + 1 < w.size(); ++k) owner = owner || w[k].cap;
    if (owner) {
      std::string named;
      for (size_t k = start; k < w.size(); ++k) {
        if (k > start) named += ' ';
        named += strip_possessive(std::string(w[k].text));
      }
      p.name = named;
      p.key = text::fold(named);
      p.named = true;
      p.kind = EntityKind::kOrganization;
      return p;
    }
  }
  p.kind = description_kind(head);
  for (size_t k = start; k + 1 < w.size(); ++k) p.epithet = p.epithet || w[k].cap;
  p.role = (head_lists & kTitle) ? p.name : "";
  if (p.kind == EntityKind::kPerson) p.gender = noun_gender(head);  // "the businessman", "the congresswoman"
  return p;
}

Parsed parse_part(std::string_view part) { return parse_words(listed_words(part)); }

}  // namespace

std::vector<Word> words_of(std::string_view s) {
  std::vector<Word> out;
  out.reserve(8);
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r')) ++i;
    size_t b = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '\n' && s[i] != '\t' && s[i] != '\r') ++i;
    if (i > b) {
      Word w;
      w.text = s.substr(b, i - b);
      while (!w.text.empty() && (w.text.back() == ',' || w.text.back() == ';' || w.text.back() == ':'))
        w.text.remove_suffix(1);
      if (w.text.empty()) continue;
      w.low.resize(w.text.size());
      w.low.resize(text::fold_to(w.low.data(), w.text));
      const unsigned char c0 = static_cast<unsigned char>(w.text[0]);
      if (c0 < 0x80) {
        w.cap = c0 >= 'A' && c0 <= 'Z';
      } else {
        size_t k = 0;
        w.cap = text::is_upper(text::next_cp(w.text, k));
      }
      // "al-Awlaki", "el-Sayed": an Arabic article joined to a capitalised name is part of the name.
      if (!w.cap && (c0 == 'a' || c0 == 'e' || c0 == 'b' || c0 == 'i'))  // the articles' first letters
        for (std::string_view a : {"al-", "el-", "ad-", "bin-", "ibn-"})
          if (w.text.size() > a.size() && w.text.starts_with(a) && w.text[a.size()] >= 'A' && w.text[a.size()] <= 'Z')
            w.cap = true;
      out.push_back(std::move(w));
    }
  }
  return out;
}

std::string strip_possessive(std::string s) {
  if (s.ends_with("'s")) s.resize(s.size() - 2);
  else if (s.ends_with("\xE2\x80\x99s")) s.resize(s.size() - 4);
  return s;
}

bool is_acronym(std::string_view w) {
  int caps = 0;
  for (char c : w) {
    if (c >= 'A' && c <= 'Z') ++caps;
    else if (c != '.' && c != '&') return false;
  }
  return caps >= 2;
}

bool is_group_noun(std::string_view w) { return text::in_list<kTargetGroupNouns>(w); }
bool is_description_head(std::string_view w) { return description_kind(std::string(w)) != EntityKind::kUnknown; }
bool is_listed_common_noun(std::string_view w) {
  auto listed = [](std::string_view x) {
    return text::in_list<kArtifactNouns>(x) || text::in_list<kOrgDescriptions>(x) ||
           text::in_list<kPlaceDescriptions>(x) || text::in_list<kCollectiveNouns>(x) ||
           text::in_list<kTargetGroupNouns>(x) || text::in_list<kPersonNouns>(x);
  };
  if (listed(w)) return true;
  if (w.size() > 3 && w.ends_with("ies")) return listed(std::string(w.substr(0, w.size() - 3)) + "y");
  return w.size() > 3 && w.ends_with("s") && !w.ends_with("ss") && listed(w.substr(0, w.size() - 1));
}
bool is_description_noun(std::string_view w) {
  return text::in_list<kOrgDescriptions>(w) || text::in_list<kPlaceDescriptions>(w);
}

std::string initials(std::string_view name) {
  std::string out;
  for (const Word& w : words_of(name))
    if (w.cap && !w.low.empty()) out += w.low[0];
  return out;
}

// A mention's parse is a pure function of its text, and names repeat across a
// corpus ("Trump" in thousands of articles): each thread keeps a memo, bounded
// between documents (trim_parse_memo), so that within one the references it
// hands out stay valid and need no per-document copy or reference count.
Parsed parse_mention_uncached(std::string_view mention);

namespace {
text::WordTable<std::unique_ptr<const Parsed>>& parse_memo() {
  thread_local text::WordTable<std::unique_ptr<const Parsed>> memo;
  return memo;
}
// The records in a deque: their addresses outlive the table's regrowth, and
// the records of one document's strings, made one after another, lie side by
// side (an allocation each would scatter them about the heap).
struct InternedTable {
  text::WordTable<Interned*> index;
  std::deque<Interned> records;
  // The empty string's record, kept apart: most parses have no acronym, no
  // letters and no initials, and hashing "" three times a parse added up.
  Interned* empty = nullptr;
};
InternedTable& interned_table() {
  thread_local InternedTable table;
  return table;
}
}  // namespace

Interned& interned(std::string_view folded) {
  InternedTable& t = interned_table();
  if (folded.empty()) {
    if (!t.empty) t.empty = &t.records.emplace_back();
    return *t.empty;
  }
  if (Interned** hit = t.index.find(folded)) return **hit;
  Interned& r = t.records.emplace_back();
  t.index.insert(folded, &r);
  return r;
}

const Parsed& parse_mention_cached(std::string_view mention) {
  auto& memo = parse_memo();
  if (const auto* hit = memo.find(mention)) return **hit;
  auto p = std::make_unique<Parsed>(parse_mention_uncached(mention));
  p->folded_rec = &interned(p->folded);
  p->key_rec = &interned(p->key);
  p->letters_rec = &interned(p->acronym_letters);
  p->initials_rec = &interned(p->name_initials);
  p->acronym_rec = p->acronym.empty() ? &interned({}) : &interned(text::fold(p->acronym));
  return **memo.insert(mention, std::move(p)).first;
}

void trim_parse_memo() {
  constexpr size_t kMaxMemo = 50000;
  if (parse_memo().size() > kMaxMemo) {
    parse_memo().clear();
    interned_table().index.clear();  // the parses pointing at its records are gone
    interned_table().records.clear();
    interned_table().empty = nullptr;
  }
}

Parsed parse_mention_uncached(std::string_view mention) {
  // A trailing parenthesis is an acronym or a party label: "… Organization
  // (NFO)", "Sen. Bernie Sanders (I-Vt.)". It names no one by itself.
  std::string paren;
  if (mention.ends_with(")")) {
    size_t open = mention.rfind('(');
    if (open != std::string_view::npos && open > 0) {
      paren = std::string(mention.substr(open + 1, mention.size() - open - 2));
      mention = mention.substr(0, open);
      while (!mention.empty() && mention.back() == ' ') mention.remove_suffix(1);
    }
  }
  Parsed parsed = parse_plain(mention);
  if (is_acronym(paren)) parsed.acronym = paren;
  if (parsed.folded.empty()) parsed.folded = text::fold(parsed.name);
  parsed.name_is_acronym = is_acronym(parsed.name);
  if (parsed.name_is_acronym)
    for (char c : parsed.name)
      if (c >= 'A' && c <= 'Z') parsed.acronym_letters += static_cast<char>(c + 32);
  if (parsed.kind == EntityKind::kOrganization) parsed.name_initials = initials(parsed.name);
  return parsed;
}

Parsed parse_plain(std::string_view mention) {
  std::vector<Word> w = listed_words(mention);
  if (w.size() == 1) {
    // A possessor ("his criticism of …", "their refusal to …") resolves as its pronoun.
    static constexpr std::pair<std::string_view, std::string_view> kPossessive[] = {
        {"his", "he"}, {"its", "it"}, {"their", "they"}, {"my", "i"}, {"our", "we"}};
    for (auto [poss, pron] : kPossessive)
      if (w[0].low == poss) {
        Parsed p;
        p.pronoun = true;
        p.key = std::string(pron);
        return p;
      }
    const std::string& l = w[0].low;
    if (l == "he" || l == "she" || l == "they" || l == "it" || l == "who" || l == "which" || l == "i" ||
        l == "we" || l == "you" || l == "him" || l == "her" || l == "them") {
      Parsed p;
      p.pronoun = true;
      p.key = l;
      return p;
    }
  }
  // Appositive: "Nikol Pashinyan, the prime minister …" / "Kazakhstan's president, Kassym-Jomart Tokayev".
  size_t comma = mention.find(',');
  if (comma == std::string_view::npos) return parse_words(std::move(w));  // its words, not a copy of each
  // The head without a party-state or acronym parenthesis ("Sen. Bernie
  // Sanders (Vt.)", "Rep. Lee Zeldin (R-N.Y.)").
  std::string_view head_text = mention.substr(0, comma);
  while (!head_text.empty() && head_text.back() == ' ') head_text.remove_suffix(1);
  if (head_text.ends_with(")"))
    if (size_t open = head_text.rfind('('); open != std::string_view::npos && open > 0) {
      head_text = head_text.substr(0, open);
      while (!head_text.empty() && head_text.back() == ' ') head_text.remove_suffix(1);
    }
  Parsed head = parse_part(head_text);
  // A relative clause after the comma describes the head; a name inside it
  // ("…, who lost the nomination to Hillary Clinton") is not the mention's.
  std::string_view rest = mention.substr(comma + 1);
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  const std::vector<Word> rw = words_of(rest);
  const std::string_view first = rw.empty() ? std::string_view() : std::string_view(rw[0].low);
  if (first == "who" || first == "which" || first == "whose" || first == "that" || first == "whom") return head;
  // A second appositive ("…, Senator Shelley Moore Capito, Republican of West
  // Virginia") is the name's own: read the rest as a mention of its own, or
  // the commas vanish and "Capito Republican" reads as one name.
  Parsed app = rest.find(',') != std::string_view::npos ? parse_plain(rest) : parse_part(rest);
  if (head.proper) {
    std::string r(rest);
    while (!r.empty() && (r.back() == ',' || r.back() == ' ')) r.pop_back();
    // A participle ("composed of Russia, …") describes; only noun phrases
    // ("the prime minister of Armenia") are roles.
    const bool clause = first.ends_with("ed") || first.ends_with("ing");
    if (!clause) head.role = head.role.empty() ? r : head.role + "; " + r;
    return head;
  }
  if (app.proper) {
    app.role = app.role.empty() ? head.name : head.name + "; " + app.role;
    return app;
  }
  return head;
}

bool role_names_a_person(std::string_view role) {
  // The head is the last word before a preposition or clause ("teacher" of
  // "retired teacher from the harbor district").
  static constexpr std::string_view kStops[] = {"of", "from", "at", "for", "in", "with", "who", "that", "on", "to"};
  std::string head;
  bool digits_only = true, any = false;
  for (const Word& w : words_of(role)) {
    const std::string& f = w.low;
    if (std::find(std::begin(kStops), std::end(kStops), f) != std::end(kStops)) break;
    any = true;
    for (char c : f) digits_only = digits_only && c >= '0' && c <= '9';
    head = f;
  }
  if (!any) return false;
  if (digits_only) return head.size() <= 3;  // "Mara Lind, 70,": an age
  return description_kind(head) == EntityKind::kPerson;
}

}  // namespace quotegraph::entity
