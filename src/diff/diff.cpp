// Stage: diff. N analyses of one story -> aligned entities, aligned statements
// and the findings where the outlets differ (include/quotegraph/diff.hpp).
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <map>
#include <numeric>
#include <set>
#include <tuple>
#include <unordered_map>

#include "diff/internal.hpp"
#include "text/senses.hpp"
#include "quotegraph/echo.hpp"
#include "quotegraph/graph.hpp"

namespace quotegraph::diff {

const char* to_string(FindingType t) {
  switch (t) {
    case FindingType::kSpeakerOnly: return "speaker_only";
    case FindingType::kStatementOnly: return "statement_only";
    case FindingType::kMisattribution: return "misattribution";
    case FindingType::kRelay: return "relay";
    case FindingType::kQuoteVsParaphrase: return "quote_vs_paraphrase";
    case FindingType::kQuoteAltered: return "quote_altered";
    case FindingType::kCueVerb: return "cue_verb";
    case FindingType::kFraming: return "framing";
  }
  return "unknown";
}

const char* to_string(Severity s) {
  switch (s) {
    case Severity::kLow: return "low";
    case Severity::kMedium: return "medium";
    case Severity::kHigh: return "high";
  }
  return "low";
}

Differ::Differ(DiffOptions options)
    : options_(options),
      echo_(std::make_unique<const echo::EchoAnalyzer>()),
      senses_(std::make_unique<const text::Senses>()) {}
Differ::~Differ() = default;

namespace {

using detail::Word;

struct UnionFind {
  std::vector<int> parent;
  explicit UnionFind(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  int find(int x) { return parent[x] == x ? x : parent[x] = find(parent[x]); }
  // The smaller root wins, so the result does not depend on the order of unions.
  void unite(int a, int b) {
    a = find(a), b = find(b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  }
};

// ---------------------------------------------------------------- entities --

struct EntityKeys {
  int input = -1, entity = -1;
  EntityKind kind = EntityKind::kUnknown;
  bool named = false;           // the name is more than a pronoun or function word
  std::string acronym;          // organisations: initials of the name, or the name if all capitals
  std::string display;
  std::vector<std::string> roles;  // name_norm of each role
  std::string role_only;           // a person named by a role alone ("Justice"): that role, normalised
};

bool proper(std::string_view s) { return !s.empty() && s[0] >= 'A' && s[0] <= 'Z'; }

EntityKeys keys_of(int input, int index, const Entity& e) {
  EntityKeys k;
  k.input = input;
  k.entity = index;
  k.kind = e.kind;
  k.display = e.name;
  // An entity named "He" (a sentence-initial pronoun the entity stage kept)
  // would chain every entity it was resolved to, across outlets, into one.
  const std::string norm = detail::name_norm(e.name);
  k.named = !norm.empty() && !detail::is_stop_word(norm);
  if (e.kind == EntityKind::kOrganization || e.kind == EntityKind::kUnknown) {
    k.acronym = detail::initials(e.name);
    bool all_caps = e.name.size() >= 2 && std::all_of(e.name.begin(), e.name.end(), [](char c) {
                      return (c >= 'A' && c <= 'Z') || c == '.';
                    });
    if (all_caps) k.acronym = detail::name_norm(e.name);
  }
  for (const std::string& role : e.roles) k.roles.push_back(detail::name_norm(role));
  // The entity stage makes a role an entity of its own when no one in the
  // article holds it ("Justice vows …", "the justice said"): its name is the role.
  if (e.kind == EntityKind::kPerson && k.named && std::find(k.roles.begin(), k.roles.end(), norm) != k.roles.end())
    k.role_only = norm;
  return k;
}

// Whether normalised `role` holds the normalised `title` as whole words
// ("supreme court justice" holds "justice"; "justice department" does not
// name a person, but it is no person's role either).
bool holds_title(std::string_view role, std::string_view title) {
  for (size_t at = role.find(title); at != std::string_view::npos; at = role.find(title, at + 1)) {
    const size_t end = at + title.size();
    if ((at == 0 || role[at - 1] == ' ') && (end == role.size() || role[end] == ' ')) return true;
  }
  return false;
}


// ---------------------------------------------------------------- statements --

// A content unit of a statement: a content word or a WordNet collocation
// ("give in"), with its lemma ids and synsets (senses.hpp).
struct Unit {
  std::vector<int> lemmas;        // ids in the diff's Lemmas, sorted
  std::vector<uint64_t> synsets;  // sorted
  bool number = false;            // digits: "38", "2,000"
};

struct Stmt {
  int input = -1, attribution = -1;
  int nested_in = -1;                    // the statement (index) whose content holds this one, a repeat of it
  int speaker = -1;                      // aligned entity, -1 when none
  std::vector<Word> words;               // all words of the content
  std::set<std::string> content;         // content words
  std::vector<std::string> plain;        // words as strings
  std::vector<Unit> units;               // content units, one per lemma
  std::vector<int> unit_of;              // per word: index into units, -1 for a function word
  std::vector<char> quoted;              // per word: inside quotation marks
};

// Lemma strings interned to ids, and each id's weight: rarer in the story's
// statements, heavier (a name or a number every outlet's statements share
// tells less about which statement is which than a word only two share).
struct Lemmas {
  std::map<std::string, int> ids;
  std::vector<double> weight;  // empty: every lemma weighs 1
  double max_weight = 1;       // the weight of a lemma only one statement has
  int id(const std::string& s) { return ids.emplace(s, static_cast<int>(ids.size())).first->second; }
  double of(const Unit& u) const {
    double w = 0;
    // A lemma first seen after the weights were set (in a sentence part) is rare.
    for (int l : u.lemmas) w = std::max(w, weight.empty() ? 1.0 : size_t(l) < weight.size() ? weight[l] : max_weight);
    return w;
  }
};

// Two statements of one outlet this similar are one statement told twice.
constexpr double kRepeatScore = 0.9;
// A content word that only shares a WordNet synset with the other side's word
// counts this much of a shared lemma: a paraphrase, not the same word.
constexpr double kSynonymCredit = 0.75;
// Two outlets giving a statement to the same speaker is evidence that it is the
// same statement: a translated or loosely paraphrased remark ("We will not bow to
// pressure" / "We shall not give in to threats") shares few words but one
// speaker. Added to the similarity of such pairs before the threshold.
constexpr double kSameSpeakerBonus = 0.2;
// Two outlets giving a remark to two different named people is evidence that
// it is two remarks on one topic ("I cannot support the nominee" / "I understand
// those who support him"), unless the words are the same (then it is one remark
// and possibly a misattribution). Subtracted from such pairs' similarity.
constexpr double kOtherSpeakerPenalty = 0.2;
// A run of words that two outlets both put in quotation marks, with at least
// kAnchorWords content words, is the same remark quoted ("long anticipated",
// "extremely careless") however different the rest of the sentence. Its score
// grows with the rarity of its words in the story (kAnchorBase + kAnchorPerWord
// per content word of a word only one statement has), up to kAnchorMax.
constexpr size_t kAnchorWords = 2;
// Content units a sentence of a content needs to align on its own, and what
// it needs above --align-score (a sentence is a smaller, likelier match).
constexpr int kPartUnits = 3;
constexpr double kPartMargin = 0.1;
constexpr double kAnchorBase = 0.4, kAnchorPerWord = 0.15, kAnchorMax = 0.85;
// Alignment score every member of a statement needs before two speakers of it
// are reported as a misattribution.
constexpr double kMisattributionScore = 0.6;
// Words two outlets' quotes must share, in a row (and half the shorter quote),
// for a misattribution.
constexpr size_t kSameWordsRun = 5;

bool shares(const std::vector<int>& a, const std::vector<int>& b) {
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] == b[j]) return true;
    a[i] < b[j] ? ++i : ++j;
  }
  return false;
}

bool shares(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] == b[j]) return true;
    a[i] < b[j] ? ++i : ++j;
  }
  return false;
}

// Weight of `a`'s units found in `b`: a shared lemma counts fully, a shared
// synset kSynonymCredit.
double soft_match(const Stmt& a, const Stmt& b, const Lemmas& lx) {
  double m = 0;
  for (const Unit& u : a.units) {
    double best = 0;
    for (const Unit& v : b.units) {
      if (shares(u.lemmas, v.lemmas)) {
        best = 1;
        break;
      }
      if (!u.number && !v.number && shares(u.synsets, v.synsets)) best = kSynonymCredit;
    }
    m += best * lx.of(u);
  }
  return m;
}

bool numbers_disagree(const Stmt& a, const Stmt& b) {
  bool na = false, nb = false, shared = false;
  for (const Unit& u : a.units) {
    if (!u.number) continue;
    na = true;
    for (const Unit& v : b.units) shared = shared || (v.number && shares(u.lemmas, v.lemmas));
  }
  for (const Unit& v : b.units) nb = nb || v.number;
  return na && nb && !shared;
}

// Longest run of equal consecutive words of a and b that `keep(i, n)` accepts,
// n words ending before a's word i.
template <class Keep>
size_t longest_run_if(const std::vector<std::string>& a, const std::vector<std::string>& b, Keep keep) {
  size_t run = 0;
  std::vector<size_t> prev(b.size() + 1, 0), cur(b.size() + 1, 0);
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      cur[j] = a[i - 1] == b[j - 1] ? prev[j - 1] + 1 : 0;
      if (cur[j] > run && keep(i, cur[j])) run = cur[j];
    }
    std::swap(prev, cur);
  }
  return run;
}

// Longest run of equal consecutive words.
size_t longest_run(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  return longest_run_if(a, b, [](size_t, size_t) { return true; });
}

// Longest run of equal consecutive words holding at least two content words:
// "in the future", "one of the" are phrasing, not one remark re-punctuated.
size_t longest_content_run(const Stmt& a, const Stmt& b) {
  std::vector<size_t> before(a.plain.size() + 1, 0);  // content words of a before each word
  for (size_t i = 0; i < a.plain.size(); ++i) before[i + 1] = before[i] + (a.unit_of[i] >= 0 ? 1 : 0);
  return longest_run_if(a.plain, b.plain, [&](size_t i, size_t n) { return before[i] - before[i - n] >= 2; });
}

// The score of the best run of words that both statements put in quotation
// marks (kAnchorWords content words or more), by the rarity of its content
// units; 0 when there is none.
double quoted_anchor(const Stmt& a, const Stmt& b, const Lemmas& lx) {
  double best = 0;
  std::vector<size_t> prev(b.plain.size() + 1, 0), cur(b.plain.size() + 1, 0);
  for (size_t i = 1; i <= a.plain.size(); ++i) {
    for (size_t j = 1; j <= b.plain.size(); ++j) {
      const bool same = a.quoted[i - 1] && b.quoted[j - 1] && a.plain[i - 1] == b.plain[j - 1];
      cur[j] = same ? prev[j - 1] + 1 : 0;
      if (cur[j] < kAnchorWords) continue;
      std::set<int> units;
      for (size_t k = i - cur[j]; k < i; ++k)
        if (a.unit_of[k] >= 0) units.insert(a.unit_of[k]);
      if (units.size() < kAnchorWords) continue;
      double strength = 0;
      for (int u : units) strength += lx.of(a.units[u]) / lx.max_weight;
      best = std::max(best, std::min(kAnchorMax, kAnchorBase + kAnchorPerWord * strength));
    }
    std::swap(prev, cur);
  }
  return best;
}

// Similarity in [0, 1]: the best of a weighted soft Jaccard index of the content
// units, the weighted containment of the smaller in the larger, the longest
// common run of words over the shorter length, and a run of words both quote
// (quoted_anchor); statements whose numbers all differ ("38 dead" / "12 dead")
// are marked down.
double stmt_similarity(const Stmt& a, const Stmt& b, const Lemmas& lx) {
  const auto &wa = a.plain, &wb = b.plain;
  if (wa.empty() || wb.empty()) return 0;
  double best = 0;
  if (!a.units.empty() && !b.units.empty()) {
    double wta = 0, wtb = 0;
    for (const Unit& u : a.units) wta += lx.of(u);
    for (const Unit& u : b.units) wtb += lx.of(u);
    double inter = std::min(std::min(wta, wtb), (soft_match(a, b, lx) + soft_match(b, a, lx)) / 2);
    if (wta + wtb - inter > 0) best = inter / (wta + wtb - inter);
    size_t small_n = std::min(a.units.size(), b.units.size());
    double small = std::min(wta, wtb), large = std::max(wta, wtb);
    if (small_n >= 3 && small > 0) {
      double cover = small / large;
      best = std::max(best, inter / small * (0.5 + 0.5 * std::min(1.0, cover * 2)));
    }
  }
  const size_t run = longest_content_run(a, b);
  if (run >= 3) best = std::max(best, double(run) / double(std::min(wa.size(), wb.size())));
  best = std::max(best, quoted_anchor(a, b, lx));
  if (numbers_disagree(a, b)) best *= 0.6;
  return std::min(1.0, best);
}

// What the alignment needs to know of each aligned entity as a speaker.
struct SpeakerFacts {
  // A named person (named_source, kind person). Not an organisation: "the FBI
  // concluded" and "Comey said" are one finding voiced by a body and its head.
  std::vector<char> person;
  std::vector<char> relays;  // speaks for someone (a spokesperson): a relay, not another speaker
  std::vector<std::string> name;
};

bool speaks_for(std::string_view org, std::string_view person);

// The same words: a common run of at least kSameWordsRun words, half the
// shorter statement or more ("to make America great again" in two speakers'
// longer remarks is a slogan, not one remark).
bool same_words(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  const size_t run = longest_run(a, b);
  return run >= kSameWordsRun && 2 * run >= std::min(a.size(), b.size());
}

// The alignment score of two statements of different outlets: their similarity,
// plus kSameSpeakerBonus when both give it to one speaker and the words already
// share something, less kOtherSpeakerPenalty when they give it to two named
// people, neither speaking for someone, in other words.
double pair_score(const Stmt& a, const Stmt& b, const Lemmas& lx, const SpeakerFacts* facts = nullptr) {
  double s = stmt_similarity(a, b, lx);
  if (a.speaker >= 0 && a.speaker == b.speaker && s > 0.1) s = std::min(1.0, s + kSameSpeakerBonus);
  if (facts && a.speaker >= 0 && b.speaker >= 0 && a.speaker != b.speaker && facts->person[a.speaker] &&
      facts->person[b.speaker] && !facts->relays[a.speaker] && !facts->relays[b.speaker] &&
      !speaks_for(facts->name[a.speaker], facts->name[b.speaker]) &&
      !speaks_for(facts->name[b.speaker], facts->name[a.speaker]) && !same_words(a.plain, b.plain))
    s = std::max(0.0, s - kOtherSpeakerPenalty);
  return s;
}

// Statements that can align with one another: those sharing a content unit's
// lemma or (for words) a synset. A pair sharing neither has similarity 0 unless
// three function words in a row match, so only these pairs are scored, not all
// pairs (quadratic: on two 450 KB inputs nearly all pairs share nothing). A key
// held by more than `cap` statements is a word of the whole story and proposes
// no pair; pairs that share only such words stay unscored.
class UnitIndex {
 public:
  explicit UnitIndex(size_t cap) : cap_(cap) {}
  void add(const Stmt& s, int id) {
    for_keys(s, [&](uint64_t k) {
      std::vector<int>& p = postings_[k];
      if (p.empty() || p.back() != id) p.push_back(id);
    });
  }
  // Calls f(other) once for each indexed statement sharing a key with s.
  template <class F>
  void partners(const Stmt& s, std::vector<int>& seen, int stamp, F&& f) const {
    for_keys(s, [&](uint64_t k) {
      auto it = postings_.find(k);
      if (it == postings_.end() || it->second.size() > cap_) return;
      for (int y : it->second)
        if (seen[y] != stamp) {
          seen[y] = stamp;
          f(y);
        }
    });
  }

 private:
  template <class F>
  static void for_keys(const Stmt& s, F&& f) {
    for (const Unit& u : s.units) {
      for (int l : u.lemmas) f(uint64_t{1} << 63 | static_cast<uint32_t>(l));
      if (!u.number)
        for (uint64_t syn : u.synsets) f(syn & ~(uint64_t{1} << 63));
    }
  }
  size_t cap_;
  std::unordered_map<uint64_t, std::vector<int>> postings_;
};

bool all_digits(std::string_view w) {
  bool digit = false;
  for (char c : w) {
    if (c >= '0' && c <= '9') digit = true;
    else if (c != ',' && c != '.') return false;
  }
  return digit;
}

// Per byte of `text`: inside one level of quotation marks. Double marks ("…",
// “…”, ''…'', «…») and typographic single marks (‘…’: an opening one after a
// space or at the start, a closing one before a non-letter, so "don’t" stays a
// word). A quote inside a quote (“I heard ‘lock her up’ last night”) is the
// speaker mentioning someone else's words, not their own: not quoted here.
std::vector<char> quoted_bytes(std::string_view t) {
  std::vector<char> out(t.size() + 1, 0);
  bool dq = false, sq = false;
  auto letter = [&](size_t k) { return k < t.size() && std::isalnum(static_cast<unsigned char>(t[k])); };
  for (size_t i = 0; i < t.size();) {
    size_t n = 1;
    if (t[i] == '"') {
      dq = !dq;
    } else if (t.compare(i, 2, "''") == 0 || t.compare(i, 2, "``") == 0) {
      dq = t[i] == '`' ? true : !dq, n = 2;
    } else if (t.compare(i, 3, "\xE2\x80\x9C") == 0 || t.compare(i, 3, "\xE2\x80\x9E") == 0) {
      dq = true, n = 3;
    } else if (t.compare(i, 3, "\xE2\x80\x9D") == 0) {
      dq = false, n = 3;
    } else if (t.compare(i, 2, "\xC2\xAB") == 0 || t.compare(i, 2, "\xC2\xBB") == 0) {
      dq = t[i + 1] == '\xAB', n = 2;
    } else if (t[i] == '\'' && dq) {
      // Inside a double quote, a straight single mark at a word's edge opens or
      // closes a quote within it; between letters it is an apostrophe.
      if ((i == 0 || !letter(i - 1)) && letter(i + 1)) sq = true;
      else if (sq && !letter(i + 1)) sq = false;
    } else if (t.compare(i, 3, "\xE2\x80\x98") == 0) {
      if (i == 0 || !letter(i - 1)) sq = true;
      n = 3;
    } else if (t.compare(i, 3, "\xE2\x80\x99") == 0) {
      if (sq && !letter(i + 3)) sq = false;
      n = 3;
    }
    for (size_t k = i; k < i + n && k < t.size(); ++k) out[k] = dq != sq;
    i += n;
  }
  return out;
}

// A named entity's mention in an article, with the entity it is across outlets.
struct NamedMention {
  Span span;
  int aligned = -1;  // index into DiffReport::entities
};

// Words of `text` (offsets from `base`) -> a statement's words and content units.
// A word inside one of `names` (sorted by start) is that entity's unit instead:
// "Hillary", "Clinton" and "Mrs. Clinton" are one content word across outlets.
// The sentences of content `c` of `text`: a boundary is a '.', '?' or '!'
// (with any closing quotation marks after it) followed by white space and a
// capital letter or an opening mark, unless the word before the period is a
// short capitalised abbreviation ("Mr.", "Sen.", "U.S."). One span when the
// content is one sentence.
std::vector<Span> sentences_of(std::string_view text, Span c) {
  std::vector<Span> out;
  uint32_t start = c.start;
  auto is_close = [&](uint32_t k) {
    return text[k] == '"' || text[k] == '\'' || text.compare(k, 3, "\xE2\x80\x9D") == 0 ||
           text.compare(k, 3, "\xE2\x80\x99") == 0;
  };
  for (uint32_t k = c.start; k < c.end; ++k) {
    const char ch = text[k];
    if (ch != '.' && ch != '?' && ch != '!') continue;
    bool abbreviation = false;
    if (ch == '.') {
      uint32_t w = k;
      while (w > c.start && std::isalpha(static_cast<unsigned char>(text[w - 1]))) --w;
      abbreviation = k - w <= 3 && w < k && std::isupper(static_cast<unsigned char>(text[w]));
      if (w == k && k > c.start && text[k - 1] == '.') continue;  // "..."
    }
    uint32_t e = k + 1;
    while (e < c.end && is_close(e)) e += (static_cast<unsigned char>(text[e]) == 0xE2) ? 3 : 1;
    // White space: ASCII, or a no-break space (U+00A0).
    auto space = [&](uint32_t k) {
      return text[k] == ' ' || text[k] == '\n' || text[k] == '\t' ? 1u : text.compare(k, 2, "\xC2\xA0") == 0 ? 2u : 0u;
    };
    if (e >= c.end || !space(e)) continue;
    uint32_t next = e;
    while (next < c.end && space(next)) next += space(next);
    if (next >= c.end) continue;
    const bool opens = text[next] == '"' || text.compare(next, 3, "\xE2\x80\x9C") == 0 ||
                       std::isupper(static_cast<unsigned char>(text[next]));
    if (!opens) continue;
    // After an abbreviation a sentence goes on ("Sen. Ada Okafor"), unless a
    // function word opens the next one ("in Washington, D.C. This is …").
    if (abbreviation) {
      uint32_t we = next;
      while (we < c.end && std::isalpha(static_cast<unsigned char>(text[we]))) ++we;
      std::string first(text.substr(next, we - next));
      for (char& x : first) x = static_cast<char>(std::tolower(static_cast<unsigned char>(x)));
      if (first.empty() || !detail::is_stop_word(first)) continue;
    }
    out.push_back({start, e});
    start = next;
    k = next;
  }
  out.push_back({start, c.end});
  return out;
}

// `inner` lies inside `outer` and is shorter.
bool inside(Span inner, Span outer) {
  return outer.start <= inner.start && inner.end <= outer.end && inner.end - inner.start < outer.end - outer.start;
}

// `quotes` (quoted_bytes of a larger text starting at `quotes_base`) says which
// words are quoted when `text` is a sentence of a content whose quotation marks
// lie outside it; by default those of `text` itself.
Stmt make_stmt(std::string_view text, uint32_t base, const text::Senses& senses, Lemmas& lx,
               const std::vector<NamedMention>& names = {}, const std::vector<char>* quotes = nullptr,
               uint32_t quotes_base = 0) {
  Stmt s;
  s.words = detail::split_words(text, base);
  std::vector<char> own;
  if (!quotes) own = quoted_bytes(text), quotes = &own, quotes_base = base;
  for (const auto& w : s.words) {
    s.plain.push_back(w.norm);
    s.quoted.push_back((*quotes)[w.span.start - quotes_base]);
    if (!detail::is_stop_word(w.norm)) s.content.insert(w.norm);
  }
  s.unit_of.assign(s.plain.size(), -1);
  std::map<std::vector<int>, int> seen;
  for (size_t i = 0; i < s.plain.size(); ++i) {
    const size_t first = i;
    const std::string& w = s.plain[i];
    Unit u;
    const Span at = s.words[i].span;
    auto nm = std::upper_bound(names.begin(), names.end(), at.start,
                               [](uint32_t x, const NamedMention& m) { return x < m.span.start; });
    if (nm != names.begin() && std::prev(nm)->span.start <= at.start && at.end <= std::prev(nm)->span.end) {
      const NamedMention& m = *std::prev(nm);
      u.lemmas = {lx.id("@" + std::to_string(m.aligned))};
      while (i + 1 < s.plain.size() && s.words[i + 1].span.end <= m.span.end) ++i;  // the rest of the name
    } else if (all_digits(w)) {
      std::string digits;
      for (char c : w)
        if (c >= '0' && c <= '9') digits += c;
      u.number = true;
      u.lemmas = {lx.id("#" + digits)};
    } else {
      if (detail::is_stop_word(w)) continue;
      text::Sense sense;
      if (i + 1 < s.plain.size() && senses.is_collocation(w + "_" + s.plain[i + 1])) {
        sense = senses.lookup(w + "_" + s.plain[i + 1]);
        ++i;
      } else {
        sense = senses.lookup(w);
      }
      for (const auto& l : sense.lemmas) u.lemmas.push_back(lx.id(l));
      std::sort(u.lemmas.begin(), u.lemmas.end());
      u.synsets = std::move(sense.synsets);
    }
    auto [it, fresh] = seen.emplace(u.lemmas, static_cast<int>(s.units.size()));
    if (fresh) s.units.push_back(std::move(u));
    for (size_t k = first; k <= i; ++k) s.unit_of[k] = it->second;
  }
  return s;
}

std::string join(const std::vector<std::string>& v, std::string_view sep) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : std::string(sep)) + s;
  return out;
}

bool is_quote(AttributionKind k) { return k != AttributionKind::kIndirect; }

struct Ctx {
  const DiffReport& r;
  const std::vector<std::vector<int>>& entity_of;  // [input][entity] -> aligned entity
  const Analysis& a(int input) const { return *r.inputs[input].analysis; }
  EvidenceSpan ev(int input, const char* what, Span s) const {
    return {input, what, s, std::string(a(input).doc.slice(s))};
  }
  std::string outlet(int input) const { return r.inputs[input].outlet; }
};

// Speakers along the relay chain of an attribution: its speaker and the speakers
// of the attributions that relay it (via), as aligned entity indexes.
std::set<int> relay_chain(const Ctx& cx, int input, int attribution) {
  std::set<int> out;
  const auto& at = cx.a(input).attributions;
  for (int k = attribution, guard = 0; k >= 0 && guard < 16; k = at[k].via, ++guard) {
    int e = at[k].speaker.entity;
    if (e >= 0) out.insert(cx.entity_of[input][e]);
  }
  return out;
}

// `org` is a body named after `person` that speaks for them: "Trump campaign",
// "the Clinton campaign", "Ryan's office", "Obama administration".
bool speaks_for(std::string_view org, std::string_view person) {
  std::vector<std::string> o = words(org), p = words(person);
  if (o.size() < 2 || p.empty() || o == p) return false;
  static const std::set<std::string_view> kBodies = {"campaign", "office", "administration", "team", "staff",
                                                     "aides", "spokesman", "spokeswoman", "spokesperson", "camp"};
  if (!kBodies.count(o.back())) return false;
  return std::find(o.begin(), o.end() - 1, p.back()) != o.end() - 1;
}

bool speaks_for_someone(const Ctx& cx, int aligned) {
  const AlignedEntity& ae = cx.r.entities[aligned];
  for (const auto& m : ae.members) {
    const Entity& e = cx.a(m.input).entities[m.entity];
    for (const auto& role : e.roles)
      if (detail::is_relay_role(role)) return true;
    for (const auto& al : e.aliases)
      if (detail::is_relay_role(al)) return true;
    if (detail::is_relay_role(e.name)) return true;
  }
  return false;
}

bool named_source(const AlignedEntity& e);

void compare_statement(const Ctx& cx, int si, size_t n_inputs, std::vector<Finding>& out) {
  const AlignedStatement& st = cx.r.statements[si];
  auto attr = [&](const AlignedStatement::Member& m) -> const Attribution& {
    return cx.a(m.input).attributions[m.attribution];
  };
  (void)n_inputs;
  // Speakers: misattribution or relay.
  std::map<int, std::vector<const AlignedStatement::Member*>> by_speaker;
  for (const auto& m : st.members)
    if (m.speaker >= 0) by_speaker[m.speaker].push_back(&m);
  if (by_speaker.size() > 1) {
    bool relay = false;
    // A misattribution needs two named speakers and nearly the same words: a
    // pronoun resolved to the wrong person in one outlet, or two remarks on one
    // topic aligned, would otherwise accuse an outlet of what the engine got wrong.
    bool named = true;
    for (const auto& m : st.members) {
      if (m.speaker < 0) continue;
      const std::string_view raw = cx.a(m.input).doc.slice(attr(m).speaker.mention);
      std::string mention = detail::name_norm(raw);
      // Named by the outlet: a proper name in the mention itself ("Lena Dahl",
      // "the FBI"), not a description the analyzer resolved ("the group",
      // "the senator"), which may be resolved to the wrong entity.
      std::string_view head = raw;
      if (head.size() > 4 && (head.substr(0, 4) == "the " || head.substr(0, 4) == "The ")) head.remove_prefix(4);
      // A source a reader knows by name: not a date the rules took for a
      // speaker ("Sunday, Trump, who has …" made "Sunday" one).
      named = named && !mention.empty() && !detail::is_stop_word(mention) && proper(head) &&
              proper(cx.r.entities[m.speaker].name) && named_source(cx.r.entities[m.speaker]);
    }
    // Two aligned entities of one name (an entity the identity does not join
    // across outlets) are one source to a reader: an article diffed against
    // itself gave "Sunday" vs "Sunday".
    std::set<std::string> names;
    for (const auto& [sp, ms] : by_speaker) names.insert(detail::name_norm(cx.r.entities[sp].name));
    named = named && names.size() > 1;
    double words_alike = 1;
    for (const auto& m : st.members) words_alike = std::min(words_alike, m.score);
    // The same words: two outlets quote (directly or in part) a common run of
    // at least kSameWordsRun words, half the shorter quote or more. Two
    // paraphrases that align are too loose a match to accuse an outlet of
    // giving a remark to the wrong person.
    bool same_words = false;
    for (size_t x = 0; x < st.members.size() && !same_words; ++x)
      for (size_t y = x + 1; y < st.members.size() && !same_words; ++y) {
        const Attribution& ax = attr(st.members[x]);
        const Attribution& ay = attr(st.members[y]);
        if (st.members[x].speaker == st.members[y].speaker || !is_quote(ax.kind) || !is_quote(ay.kind)) continue;
        const auto wx = words(cx.a(st.members[x].input).doc.slice(st.members[x].part));
        const auto wy = words(cx.a(st.members[y].input).doc.slice(st.members[y].part));
        const size_t run = longest_run(wx, wy);
        // Half the shorter quote at least: a slogan both speakers use ("to make
        // America great again") is no shared quote.
        same_words = run >= kSameWordsRun && 2 * run >= std::min(wx.size(), wy.size());
      }
    // "Trump campaign" for Donald Trump, "Ryan's office" for Paul Ryan: an
    // organisation named after the other speaker speaks for them.
    for (const auto& [a, ma] : by_speaker)
      for (const auto& [b, mb] : by_speaker)
        if (a != b && speaks_for(cx.r.entities[a].name, cx.r.entities[b].name)) relay = true;
    for (const auto& [sp, ms] : by_speaker) relay = relay || speaks_for_someone(cx, sp);
    // A relay chain in one outlet that contains another outlet's speaker.
    for (const auto& m : st.members)
      for (int e : relay_chain(cx, m.input, m.attribution))
        for (const auto& [sp, ms] : by_speaker)
          if (sp != m.speaker && sp == e) relay = true;
    if (relay || (named && same_words && words_alike >= kMisattributionScore)) {
      Finding f;
      f.type = relay ? FindingType::kRelay : FindingType::kMisattribution;
      f.subject = st.text;
      f.statement = si;
      std::string detail;
      for (const auto& [sp, ms] : by_speaker) {
        std::vector<std::string> outlets;
        for (const auto* m : ms) {
          outlets.push_back(cx.outlet(m->input));
          f.inputs.push_back(m->input);
          f.evidence.push_back(cx.ev(m->input, "content", m->part));
          f.evidence.push_back(cx.ev(m->input, "speaker", attr(*m).speaker.mention));
        }
        detail += (detail.empty() ? "" : "; ") + join(outlets, ", ") + ": " + cx.r.entities[sp].name;
      }
      f.detail = detail;
      out.push_back(std::move(f));
    }
  }
  // Quote vs paraphrase.
  std::vector<const AlignedStatement::Member*> quoted, para;
  for (const auto& m : st.members) (is_quote(attr(m).kind) ? quoted : para).push_back(&m);
  if (!quoted.empty() && !para.empty()) {
    Finding f;
    f.type = FindingType::kQuoteVsParaphrase;
    f.subject = st.text;
    f.statement = si;
    std::vector<std::string> q, p;
    for (const auto* m : quoted) q.push_back(cx.outlet(m->input));
    for (const auto* m : para) p.push_back(cx.outlet(m->input));
    f.detail = "quoted: " + join(q, ", ") + "; paraphrased: " + join(p, ", ");
    for (const auto& m : st.members) {
      f.inputs.push_back(m.input);
      f.evidence.push_back(cx.ev(m.input, "content", m.part));
    }
    out.push_back(std::move(f));
  }
  // Altered quote: the direct quotes' words differ.
  std::vector<const AlignedStatement::Member*> direct;
  for (const auto& m : st.members)
    if (attr(m).kind == AttributionKind::kDirect) direct.push_back(&m);
  if (direct.size() >= 2) {
    std::map<std::vector<std::string>, std::vector<int>> versions;
    for (const auto* m : direct) {
      std::vector<std::string> w;
      // The quote's pieces without the cue between them; a sentence part as it is.
      for (Span p : m->is_part || attr(*m).pieces.empty() ? std::vector<Span>{m->part} : attr(*m).pieces)
        for (auto& x : words(cx.a(m->input).doc.slice(p))) w.push_back(std::move(x));
      versions[w].push_back(m->input);
    }
    if (versions.size() > 1) {
      // Reference: the version most outlets carry, then the longest, then the first.
      auto ref = versions.begin();
      for (auto it = versions.begin(); it != versions.end(); ++it)
        if (std::make_tuple(it->second.size(), it->first.size()) > std::make_tuple(ref->second.size(), ref->first.size()))
          ref = it;
      Finding f;
      f.type = FindingType::kQuoteAltered;
      f.subject = st.text;
      f.statement = si;
      std::vector<std::string> ref_outlets;
      for (int i : ref->second) ref_outlets.push_back(cx.outlet(i));
      std::string detail = "reference: " + join(ref_outlets, ", ");
      for (auto it = versions.begin(); it != versions.end(); ++it) {
        if (it == ref) continue;
        detail::WordDiff d = detail::word_diff(ref->first, it->first);
        std::vector<std::string> outlets;
        for (int i : it->second) outlets.push_back(cx.outlet(i));
        std::string parts;
        for (const auto& x : d.removed) parts += " -\"" + x + "\"";
        for (const auto& x : d.added) parts += " +\"" + x + "\"";
        bool shortened = d.added.empty();
        detail += "; " + join(outlets, ", ") + (shortened ? " (shortened):" : " (altered):") + parts;
      }
      f.detail = detail;
      for (const auto* m : direct) {
        f.inputs.push_back(m->input);
        f.evidence.push_back(cx.ev(m->input, "content", m->part));
      }
      out.push_back(std::move(f));
    }
  }
  // Cue verbs.
  std::map<std::string, std::vector<const AlignedStatement::Member*>> cues;
  for (const auto& m : st.members) {
    const std::string& lemma = attr(m).cue_lemma;
    if (lemma.empty() || lemma[0] == '(' || attr(m).cue.empty()) continue;
    cues[lemma].push_back(&m);
  }
  if (cues.size() > 1) {
    Finding f;
    f.type = FindingType::kCueVerb;
    f.subject = st.text;
    f.statement = si;
    for (const auto& [lemma, ms] : cues) {
      std::vector<std::string> outlets;
      for (const auto* m : ms) {
        outlets.push_back(cx.outlet(m->input));
        f.inputs.push_back(m->input);
        f.evidence.push_back(cx.ev(m->input, "cue", attr(*m).cue));
      }
      f.detail += (f.detail.empty() ? "" : "; ") + join(outlets, ", ") + ": " + lemma;
    }
    out.push_back(std::move(f));
  }
}

void sort_finding(Finding& f) {
  std::sort(f.inputs.begin(), f.inputs.end());
  f.inputs.erase(std::unique(f.inputs.begin(), f.inputs.end()), f.inputs.end());
  std::sort(f.missing.begin(), f.missing.end());
  auto key = [](const EvidenceSpan& e) { return std::tie(e.input, e.span.start, e.span.end, e.what); };
  std::sort(f.evidence.begin(), f.evidence.end(),
            [&](const EvidenceSpan& a, const EvidenceSpan& b) { return key(a) < key(b); });
  f.evidence.erase(std::unique(f.evidence.begin(), f.evidence.end(),
                               [&](const EvidenceSpan& a, const EvidenceSpan& b) { return key(a) == key(b); }),
                   f.evidence.end());
}

// Who-is-missing is about named sources: a person or an organisation with a
// proper name (or an untyped proper name), not a group ("critics",
// "Republicans"), a place, a document, or a date the rules took for a speaker
// ("March", "Tuesday").
bool named_source(const AlignedEntity& e) {
  if (e.kind != EntityKind::kPerson && e.kind != EntityKind::kOrganization && e.kind != EntityKind::kUnknown)
    return false;
  if (!proper(e.name)) return false;
  static const std::set<std::string_view> kNotNames = {
      "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
      "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  std::vector<std::string> w = words(e.name);
  if (w.empty() || (w.size() == 1 && (kNotNames.count(w[0]) || detail::is_stop_word(w[0])))) return false;
  // An untyped single lower-case-looking word ("Hours", "Likewise", "Speaking")
  // is a sentence opener, not a source.
  if (e.kind == EntityKind::kUnknown && w.size() == 1) return false;
  return true;
}

// Reporting verbs that only report: a change between two of them ("said" /
// "told") says nothing about the outlet's view; a change to any other
// ("admitted", "blasted", "claimed") does.
bool neutral_cue(std::string_view lemma) {
  static const std::set<std::string_view> kNeutral = {
      "say",     "tell",  "add",   "state",   "note",   "explain", "according to", "write",   "report",
      "announce", "comment", "speak", "reply", "respond", "answer", "ask",     "continue",     "mention", "remark"};
  return kNeutral.count(lemma) > 0;
}

// The subject in the first article's words: the first member's content (else
// the subject) on one line, its outer quotation marks, commas and spaces trimmed.
std::string heading_of(const Finding& f, const DiffReport& r) {
  std::string_view t = f.subject;
  if (f.statement >= 0) {
    const auto& m = r.statements[f.statement].members.front();
    const Analysis& a = *r.inputs[m.input].analysis;
    t = a.doc.slice(m.part);
  }
  std::string out;
  for (char c : t) out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  static const char* const kMarks[] = {"\"",           "'",           "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x98",
                                       "\xE2\x80\x99", " ", ",", "\xC2\xAB",     "\xC2\xBB"};
  for (bool again = true; again;) {
    again = false;
    for (const char* m : kMarks) {
      size_t n = std::strlen(m);
      if (out.size() >= n && out.compare(0, n, m) == 0) out.erase(0, n), again = true;
      if (out.size() >= n && out.compare(out.size() - n, n, m) == 0) out.resize(out.size() - n), again = true;
    }
  }
  return out;
}

// Severity and score of a finding (docs/diff.md, "Ranking"): the type's weight
// for a reader, times the alignment's confidence for findings about one aligned
// statement.
void rank(Finding& f, const DiffReport& r) {
  double weight = 0.3;
  Severity sev = Severity::kLow;
  switch (f.type) {
    case FindingType::kMisattribution: weight = 0.95, sev = Severity::kHigh; break;
    case FindingType::kQuoteAltered:
      // Words added or changed weigh more than a quote only shortened.
      weight = f.detail.find("(altered)") != std::string::npos ? 0.9 : 0.8, sev = Severity::kHigh;
      break;
    case FindingType::kQuoteVsParaphrase: weight = 0.65, sev = Severity::kMedium; break;
    case FindingType::kCueVerb: {
      bool loaded = false;
      const auto& st = r.statements[f.statement];
      for (const auto& m : st.members) {
        const std::string& lemma = r.inputs[m.input].analysis->attributions[m.attribution].cue_lemma;
        if (!lemma.empty() && lemma[0] != '(' && !neutral_cue(lemma)) loaded = true;
      }
      weight = loaded ? 0.6 : 0.3, sev = loaded ? Severity::kMedium : Severity::kLow;
      break;
    }
    case FindingType::kFraming: weight = 0.5, sev = Severity::kMedium; break;
    case FindingType::kRelay: weight = 0.45, sev = Severity::kMedium; break;
    case FindingType::kStatementOnly: weight = 0.3; break;
    case FindingType::kSpeakerOnly: weight = 0.25; break;
  }
  double confidence = 1;
  if (f.statement >= 0 && f.type != FindingType::kStatementOnly)
    for (const auto& m : r.statements[f.statement].members) confidence = std::min(confidence, m.score);
  f.severity = sev;
  f.score = std::round(weight * confidence * 1000) / 1000;
  f.heading = heading_of(f, r);
}

// A remark that two outlets both report right before one reply of another
// speaker, aligned between them ("Hewitt suggested Trump hadn't meant it
// literally / Trump: 'No, I meant he's the founder'" in one outlet, "Hewitt
// said Trump simply meant that … / Trump: 'No, I meant …'" in the other), is
// one remark: the question or claim the reply answers, in each outlet's words,
// which may share little more than the speaker. Linked after the greedy pass,
// best score first, when both are given to one speaker, still alone, and
// score at least kExchangeScore; the reply is the statement that follows each
// in its article.
constexpr double kExchangeScore = 0.3;
template <class Stmts, class Lemmas_, class Facts>
void link_exchanges(const Stmts& stmts, UnionFind& suf, std::vector<std::vector<int>>& cluster_inputs,
                    std::map<int, std::vector<int>>& extra, const Lemmas_& lemmas, const Facts& facts) {
  const size_t n = stmts.size();
  std::vector<size_t> size(n, 0);
  for (size_t x = 0; x < n; ++x) ++size[suf.find(static_cast<int>(x))];
  auto alone = [&](size_t x) {
    const int root = suf.find(static_cast<int>(x));
    return size[root] == 1 && extra.find(root) == extra.end();
  };
  // The reply: the next statement of the same input, of another speaker, aligned.
  auto reply = [&](size_t x) -> int {
    if (x + 1 >= n || stmts[x + 1].input != stmts[x].input || stmts[x + 1].speaker == stmts[x].speaker) return -1;
    const int root = suf.find(static_cast<int>(x + 1));
    return size[root] >= 2 ? root : -1;
  };
  struct Pair {
    double score;
    int x, y;
  };
  std::vector<Pair> pairs;
  for (size_t x = 0; x < n; ++x) {
    if (stmts[x].speaker < 0 || !alone(x)) continue;
    const int rx = reply(x);
    if (rx < 0) continue;
    for (size_t y = x + 1; y < n; ++y) {
      if (stmts[y].input == stmts[x].input || stmts[y].speaker != stmts[x].speaker || !alone(y) || reply(y) != rx)
        continue;
      const double sc = pair_score(stmts[x], stmts[y], lemmas, &facts);
      if (sc >= kExchangeScore) pairs.push_back({sc, static_cast<int>(x), static_cast<int>(y)});
    }
  }
  std::sort(pairs.begin(), pairs.end(),
            [](const Pair& a, const Pair& b) { return std::tie(b.score, a.x, a.y) < std::tie(a.score, b.x, b.y); });
  for (const Pair& p : pairs) {
    if (!alone(p.x) || !alone(p.y)) continue;
    suf.unite(p.x, p.y);
    const int root = suf.find(p.x);
    size[root] = 2;
    std::vector<int> merged;
    std::set_union(cluster_inputs[p.x].begin(), cluster_inputs[p.x].end(), cluster_inputs[p.y].begin(),
                   cluster_inputs[p.y].end(), std::back_inserter(merged));
    cluster_inputs[root] = std::move(merged);
  }
}

// "Same story?": no entity and no statement is shared by two of the inputs.
bool shares_anything(const DiffReport& r) {
  for (const auto& st : r.statements)
    if (st.members.size() >= 2) return true;
  for (const auto& e : r.entities) {
    if (!proper(e.name) || detail::is_stop_word(detail::name_norm(e.name))) continue;
    for (const auto& m : e.members)
      if (m.input != e.members.front().input) return true;
  }
  return false;
}

}  // namespace

double similarity(std::string_view a, std::string_view b) {
  static const text::Senses senses;
  Lemmas lx;
  Stmt x = make_stmt(a, 0, senses, lx), y = make_stmt(b, 0, senses, lx);
  return stmt_similarity(x, y, lx);
}

Result<DiffReport> Differ::diff(const std::vector<DiffInput>& inputs) const {
  if (inputs.size() < 2) return Status(ErrorCode::kInvalidArgument, "diff: needs at least two articles");
  DiffReport r;
  for (const auto& in : inputs) {
    if (!in.analysis) return Status(ErrorCode::kInvalidArgument, "diff: an input has no analysis");
    std::string outlet = in.outlet.empty() ? in.analysis->doc.outlet : in.outlet;
    if (outlet.empty()) {
      std::string p = in.analysis->doc.path;
      size_t slash = p.find_last_of('/');
      if (slash != std::string::npos) p = p.substr(slash + 1);
      size_t dot = p.find_last_of('.');
      if (dot != std::string::npos && dot > 0) p = p.substr(0, dot);
      outlet = p;
    }
    r.inputs.push_back({outlet, in.analysis->doc.path, in.analysis});
  }
  std::sort(r.inputs.begin(), r.inputs.end(), [](const DiffReport::Input& a, const DiffReport::Input& b) {
    return std::tie(a.outlet, a.path, a.analysis->doc.text) < std::tie(b.outlet, b.path, b.analysis->doc.text);
  });
  const int n = static_cast<int>(r.inputs.size());

  // --- entities: union-find over all entities of all inputs.
  std::vector<EntityKeys> keys;
  std::vector<std::vector<int>> flat(n);  // [input][entity] -> index into keys
  for (int i = 0; i < n; ++i) {
    const auto& ents = r.inputs[i].analysis->entities;
    for (size_t e = 0; e < ents.size(); ++e) {
      flat[i].push_back(static_cast<int>(keys.size()));
      keys.push_back(keys_of(i, static_cast<int>(e), ents[e]));
    }
  }
  // One entity across outlets is what the corpus graph's identity says it is
  // (graph::identity_map: same name key, countries, middle initials, acronyms,
  // surnames by the four-in-five rule), so a diff and a corpus graph never
  // disagree on who is who.
  std::vector<std::string> identity(keys.size());
  {
    std::vector<graph::Graph> parts;
    for (int i = 0; i < n; ++i) parts.push_back(graph::build(*r.inputs[i].analysis));
    const graph::Graph merged = graph::merge(parts);
    const auto moved = graph::identity_map(merged);
    for (size_t x = 0; x < keys.size(); ++x) {
      std::string k = graph::entity_key(*r.inputs[keys[x].input].analysis, static_cast<size_t>(keys[x].entity));
      auto it = moved.find(k);
      identity[x] = it == moved.end() ? k : it->second;
      // A pronoun or a word that names no one joins nothing across outlets.
      if (!keys[x].named) identity[x].clear();
    }
  }
  UnionFind uf(keys.size());
  std::map<std::string, int> first_with;
  for (size_t x = 0; x < keys.size(); ++x) {
    if (identity[x].empty()) continue;
    auto [it, fresh] = first_with.emplace(identity[x], static_cast<int>(x));
    if (!fresh) uf.unite(it->second, static_cast<int>(x));
  }
  // An organisation and its initials ("Velmar Port Authority" / "VPA") when
  // only one outlet spells them out: the identity joins acronyms it finds among
  // a node's aliases, this joins them by the initials alone.
  for (size_t x = 0; x < keys.size(); ++x)
    for (size_t y = x + 1; y < keys.size(); ++y)
      if (keys[x].input != keys[y].input && !keys[x].acronym.empty() && keys[x].acronym == keys[y].acronym &&
          (words(keys[x].display).size() == 1) != (words(keys[y].display).size() == 1))
        uf.unite(static_cast<int>(x), static_cast<int>(y));
  // A person one outlet names only by a role ("the justice said") is the one
  // person the other outlets name with that role ("Justice Ruth Bader
  // Ginsburg"), when that person speaks there and no one else holds the role
  // in any outlet (two presidents: either). Only a role-only entity joins, so
  // two named people are never chained by a shared title.
  std::vector<char> speaks(keys.size(), 0);
  for (int i = 0; i < n; ++i)
    for (const auto& at : r.inputs[i].analysis->attributions)
      if (at.speaker.entity >= 0) speaks[flat[i][at.speaker.entity]] = 1;
  auto group_speaks = [&](int root) {
    for (size_t z = 0; z < keys.size(); ++z)
      if (speaks[z] && uf.find(static_cast<int>(z)) == root) return true;
    return false;
  };
  for (size_t x = 0; x < keys.size(); ++x) {
    if (keys[x].role_only.empty()) continue;
    int holder = -1;  // the root of the one holder's group
    bool ambiguous = false;
    for (size_t y = 0; y < keys.size() && !ambiguous; ++y) {
      if (y == x || !keys[y].named || !keys[y].role_only.empty() || keys[y].kind != EntityKind::kPerson) continue;
      bool holds = false;
      for (const std::string& role : keys[y].roles) holds = holds || holds_title(role, keys[x].role_only);
      if (!holds) continue;
      const int root = uf.find(static_cast<int>(y));
      // A holder in its own article that the entity stage did not join: not for the diff to guess.
      ambiguous = keys[y].input == keys[x].input || (holder >= 0 && holder != root);
      holder = root;
    }
    if (!ambiguous && holder >= 0 && group_speaks(holder)) uf.unite(static_cast<int>(x), holder);
  }
  std::map<int, std::vector<int>> groups;
  for (size_t x = 0; x < keys.size(); ++x) groups[uf.find(static_cast<int>(x))].push_back(static_cast<int>(x));
  std::vector<std::pair<std::string, std::vector<int>>> named;
  for (auto& [root, members] : groups) {
    std::string best;
    for (int m : members) {
      const std::string& d = keys[m].display;
      if (d.size() > best.size() || (d.size() == best.size() && d < best)) best = d;
    }
    named.emplace_back(best, members);
  }
  std::sort(named.begin(), named.end(), [&](const auto& a, const auto& b) {
    return std::tie(a.first, keys[a.second.front()].input, keys[a.second.front()].entity) <
           std::tie(b.first, keys[b.second.front()].input, keys[b.second.front()].entity);
  });
  std::vector<std::vector<int>> entity_of(n);
  for (int i = 0; i < n; ++i) entity_of[i].assign(r.inputs[i].analysis->entities.size(), -1);
  for (const auto& [name, members] : named) {
    AlignedEntity ae;
    ae.name = name;
    std::map<EntityKind, int> votes;
    for (int m : members) {
      ae.members.push_back({keys[m].input, keys[m].entity});
      entity_of[keys[m].input][keys[m].entity] = static_cast<int>(r.entities.size());
      ++votes[keys[m].kind];
    }
    ae.kind = std::max_element(votes.begin(), votes.end(), [](auto& a, auto& b) { return a.second < b.second; })->first;
    std::sort(ae.members.begin(), ae.members.end(),
              [](auto& a, auto& b) { return std::tie(a.input, a.entity) < std::tie(b.input, b.entity); });
    r.entities.push_back(std::move(ae));
  }
  for (int i = 0; i < n; ++i)
    for (const auto& at : r.inputs[i].analysis->attributions)
      if (at.speaker.entity >= 0) r.entities[entity_of[i][at.speaker.entity]].quoted_in.push_back(i);
  for (auto& ae : r.entities) {
    std::sort(ae.quoted_in.begin(), ae.quoted_in.end());
    ae.quoted_in.erase(std::unique(ae.quoted_in.begin(), ae.quoted_in.end()), ae.quoted_in.end());
  }

  // --- statements: score every pair of different inputs, link greedily from the
  // best score down, keeping at most one statement per input in a cluster.
  // Named entities' mentions per input, for entity units in the contents.
  std::vector<std::vector<NamedMention>> names(n);
  for (int i = 0; i < n; ++i) {
    const auto& ents = r.inputs[i].analysis->entities;
    for (size_t e = 0; e < ents.size(); ++e) {
      const int al = entity_of[i][e];
      if (al < 0 || !proper(r.entities[al].name) || detail::is_stop_word(detail::name_norm(r.entities[al].name)))
        continue;
      for (Span m : ents[e].mentions) names[i].push_back({m, al});
    }
    std::sort(names[i].begin(), names[i].end(), [](const NamedMention& a, const NamedMention& b) {
      return std::tie(a.span.start, a.span.end) < std::tie(b.span.start, b.span.end);
    });
  }
  std::vector<Stmt> stmts;
  Lemmas lemmas;
  std::vector<int> seen;  // stamp per statement, for the index's partner lists
  int stamp = 0;
  for (int i = 0; i < n; ++i) {
    const Analysis& a = *r.inputs[i].analysis;
    UnitIndex own(SIZE_MAX);  // this input's statements kept so far, for the repeat test
    for (size_t k = 0; k < a.attributions.size(); ++k) {
      Span c = a.attributions[k].content;
      Stmt s = make_stmt(a.doc.slice(c), c.start, *senses_, lemmas, names[i]);
      s.input = i;
      s.attribution = static_cast<int>(k);
      if (int e = a.attributions[k].speaker.entity; e >= 0) s.speaker = entity_of[i][e];
      if (static_cast<int>(s.content.size()) < options_.min_content_words) continue;
      // An outlet repeating its own statement (a quote in the lede and again in
      // the body, or a relayed quote and its relay) carries it once: the repeat
      // is left out of the alignment rather than reported as carried by one.
      int repeat = -1;
      seen.resize(stmts.size() + 1, -1);
      own.partners(s, seen, ++stamp, [&](int p) {
        if (repeat < 0 && stmt_similarity(stmts[p], s, lemmas) >= kRepeatScore) repeat = p;
      });
      // A repeat inside the content of the statement kept, with another
      // speaker ("Hewitt asked about statements he had made, when he claimed
      // Obama was the founder"), may be the remark itself, the outer one a
      // report of it: both stay candidates, and the alignment picks.
      if (repeat >= 0 && s.speaker >= 0 && s.speaker != stmts[repeat].speaker &&
          inside(c, a.attributions[stmts[repeat].attribution].content))
        s.nested_in = repeat, repeat = -1;
      if (repeat < 0) {
        own.add(s, static_cast<int>(stmts.size()));
        stmts.push_back(std::move(s));
      }
    }
  }
  // Lemma weights: inverse frequency over the statements of all outlets.
  {
    std::vector<int> df(lemmas.ids.size(), 0);
    for (const Stmt& st : stmts) {
      std::set<int> once;
      for (const Unit& u : st.units) once.insert(u.lemmas.begin(), u.lemmas.end());
      for (int l : once) ++df[l];
    }
    const double total = static_cast<double>(stmts.size());
    lemmas.weight.resize(df.size());
    for (size_t l = 0; l < df.size(); ++l) lemmas.weight[l] = std::log(1.0 + total / std::max(1, df[l]));
    lemmas.max_weight = std::log(1.0 + std::max(1.0, total));
  }
  SpeakerFacts facts;
  {
    Ctx cx{r, entity_of};
    for (size_t e = 0; e < r.entities.size(); ++e) {
      facts.person.push_back(r.entities[e].kind == EntityKind::kPerson && named_source(r.entities[e]));
      facts.relays.push_back(speaks_for_someone(cx, static_cast<int>(e)));
      facts.name.push_back(r.entities[e].name);
    }
  }
  // A content carrying several remarks ("Hillary wants to abolish the Second
  // Amendment. By the way, if she gets to pick her judges …") can be two
  // outlets' statements: each of its sentences (kPartUnits content units or
  // more) is also a candidate, and joins a group as a part of the attribution
  // when it matches a statement better than the whole content does.
  struct Part {
    int owner;  // index into stmts
    Span span;
    Stmt s;
  };
  std::vector<Part> parts;
  for (size_t x = 0; x < stmts.size(); ++x) {
    const Analysis& a = *r.inputs[stmts[x].input].analysis;
    const Span c = a.attributions[stmts[x].attribution].content;
    const std::vector<Span> sents = sentences_of(a.doc.text, c);
    if (sents.size() < 2) continue;
    const std::vector<char> quotes = quoted_bytes(a.doc.slice(c));
    for (Span sp : sents) {
      Stmt ps = make_stmt(a.doc.slice(sp), sp.start, *senses_, lemmas, names[stmts[x].input], &quotes, c.start);
      if (static_cast<int>(ps.units.size()) < kPartUnits) continue;
      ps.input = stmts[x].input;
      ps.attribution = stmts[x].attribution;
      ps.speaker = stmts[x].speaker;
      parts.push_back({static_cast<int>(x), sp, std::move(ps)});
    }
  }
  struct Link {
    double score;
    int x, y;
    int part = -1;  // y is then the part's owner, and the part (not y) joins x's group
  };
  std::vector<Link> links;
  {
    UnitIndex index(std::max<size_t>(256, stmts.size() / 8));
    seen.assign(stmts.size(), -1);
    for (size_t x = 0; x < stmts.size(); ++x) {
      // Partners among the statements indexed so far (all before x), so each pair once.
      index.partners(stmts[x], seen, ++stamp, [&](int y) {
        if (stmts[x].input == stmts[y].input) return;
        double s = pair_score(stmts[y], stmts[x], lemmas, &facts);
        if (s >= options_.min_statement_score) links.push_back({s, y, static_cast<int>(x)});
      });
      index.add(stmts[x], static_cast<int>(x));
    }
    for (size_t pi = 0; pi < parts.size(); ++pi) {
      const Part& pt = parts[pi];
      index.partners(pt.s, seen, ++stamp, [&](int x) {
        if (stmts[x].input == pt.s.input) return;
        double s = pair_score(stmts[x], pt.s, lemmas, &facts);
        if (s >= options_.min_statement_score + kPartMargin) links.push_back({s, x, pt.owner, static_cast<int>(pi)});
      });
    }
  }
  std::sort(links.begin(), links.end(), [](const Link& a, const Link& b) {
    return std::tie(b.score, a.x, a.y, a.part) < std::tie(a.score, b.x, b.y, b.part);
  });
  UnionFind suf(stmts.size());
  std::vector<std::vector<int>> cluster_inputs(stmts.size());
  for (size_t x = 0; x < stmts.size(); ++x) cluster_inputs[x] = {stmts[x].input};
  std::map<int, std::vector<int>> extra;  // group root -> parts in the group
  std::vector<char> part_used(parts.size(), 0);  // a sentence joins one group
  std::vector<std::vector<int>> group_of(stmts.size());  // root -> its statements
  for (size_t x = 0; x < stmts.size(); ++x) group_of[x] = {static_cast<int>(x)};
  for (const Link& l : links) {
    int a = suf.find(l.x), b = suf.find(l.y);
    if (a == b) continue;
    if (l.part >= 0) {
      std::vector<int>& ins = cluster_inputs[a];
      const Part& pt = parts[l.part];
      if (part_used[l.part] || std::binary_search(ins.begin(), ins.end(), pt.s.input)) continue;
      // The part stands for its attribution only when the whole cannot: the
      // whole is in another group already, or matches x less than the part.
      // And not the sentence that holds the whole in its group.
      bool fits = group_of[b].size() > 1 || pair_score(stmts[l.x], stmts[pt.owner], lemmas, &facts) < l.score;
      for (int m : group_of[b])
        if (fits && m != pt.owner && pair_score(stmts[m], pt.s, lemmas, &facts) >= l.score) fits = false;
      if (!fits) continue;
      const int input = pt.s.input;
      ins.insert(std::lower_bound(ins.begin(), ins.end(), input), input);
      extra[a].push_back(l.part);
      part_used[l.part] = 1;
      continue;
    }
    std::vector<int> both;
    std::set_intersection(cluster_inputs[a].begin(), cluster_inputs[a].end(), cluster_inputs[b].begin(),
                          cluster_inputs[b].end(), std::back_inserter(both));
    if (!both.empty()) continue;
    std::vector<int> merged;
    std::set_union(cluster_inputs[a].begin(), cluster_inputs[a].end(), cluster_inputs[b].begin(),
                   cluster_inputs[b].end(), std::back_inserter(merged));
    suf.unite(a, b);
    const int root = suf.find(a), gone = root == a ? b : a;
    cluster_inputs[root] = std::move(merged);
    group_of[root].insert(group_of[root].end(), group_of[gone].begin(), group_of[gone].end());
    group_of[gone].clear();
    if (auto it = extra.find(gone); it != extra.end()) {
      std::vector<int> moved = std::move(it->second);
      extra.erase(it);
      extra[root].insert(extra[root].end(), moved.begin(), moved.end());
    }
  }
  link_exchanges(stmts, suf, cluster_inputs, extra, lemmas, facts);
  std::map<int, std::vector<int>> sgroups;
  for (size_t x = 0; x < stmts.size(); ++x) sgroups[suf.find(static_cast<int>(x))].push_back(static_cast<int>(x));
  // A nested remark and the statement holding it are one remark told once:
  // the one of them left alone (no other outlet, no part) is not a statement
  // of its own, unless neither aligned (then the outer one stands, as for any
  // repeat).
  auto alone = [&](int x) {
    const int root = suf.find(x);
    return sgroups[root].size() == 1 && extra[root].empty();
  };
  std::vector<char> dropped(stmts.size(), 0);
  for (size_t x = 0; x < stmts.size(); ++x) {
    const int outer = stmts[x].nested_in;
    if (outer < 0) continue;
    if (alone(static_cast<int>(x))) dropped[x] = 1;
    else if (alone(outer)) dropped[outer] = 1;
  }
  for (auto& [root, members] : sgroups) {
    if (members.size() == 1 && dropped[members.front()]) continue;
    AlignedStatement st;
    // (statement, part or -1), in (input, start) order: stmts are in (input,
    // attribution) order, and a part joins only a group without its input.
    std::vector<std::pair<const Stmt*, int>> all;
    for (int m : members) all.push_back({&stmts[m], -1});
    for (int pi : extra[root]) all.push_back({&parts[pi].s, pi});
    auto start_of = [&](const std::pair<const Stmt*, int>& e) {
      return e.second >= 0 ? parts[e.second].span.start
                           : r.inputs[e.first->input].analysis->attributions[e.first->attribution].content.start;
    };
    std::sort(all.begin(), all.end(), [&](const auto& a, const auto& b) {
      return std::make_tuple(a.first->input, start_of(a), a.first->attribution) <
             std::make_tuple(b.first->input, start_of(b), b.first->attribution);
    });
    const Stmt& first = *all.front().first;
    for (const auto& [sp_stmt, pi] : all) {
      const Stmt& s = *sp_stmt;
      const Attribution& at = r.inputs[s.input].analysis->attributions[s.attribution];
      int sp = at.speaker.entity >= 0 ? entity_of[s.input][at.speaker.entity] : -1;
      AlignedStatement::Member mem;
      mem.input = s.input;
      mem.attribution = s.attribution;
      mem.speaker = sp;
      mem.score = &s == &first ? 1.0 : pair_score(first, s, lemmas, &facts);
      mem.part = pi >= 0 ? parts[pi].span : at.content;
      mem.is_part = pi >= 0;
      st.members.push_back(mem);
    }
    st.text = join(first.plain, " ");
    r.statements.push_back(std::move(st));
  }
  std::sort(r.statements.begin(), r.statements.end(), [&](const AlignedStatement& a, const AlignedStatement& b) {
    const auto& ma = a.members.front();
    const auto& mb = b.members.front();
    return std::tie(ma.input, ma.part.start, ma.attribution, ma.part.end) <
           std::tie(mb.input, mb.part.start, mb.attribution, mb.part.end);
  });

  // --- findings.
  Ctx cx{r, entity_of};
  std::vector<Finding> findings;
  for (size_t si = 0; si < r.statements.size(); ++si) {
    const AlignedStatement& st = r.statements[si];
    compare_statement(cx, static_cast<int>(si), n, findings);
    if (static_cast<int>(st.members.size()) < n) {
      // Carried by some outlets only; left to speaker_only when the speaker is
      // quoted only by exactly these outlets.
      std::vector<int> have;
      for (const auto& m : st.members) have.push_back(m.input);
      int sp = st.members.front().speaker;
      bool speaker_explains = sp >= 0 && r.entities[sp].quoted_in == have;
      if (!speaker_explains) {
        Finding f;
        f.type = FindingType::kStatementOnly;
        f.subject = st.text;
        f.statement = static_cast<int>(si);
        f.inputs = have;
        for (int i = 0; i < n; ++i)
          if (!std::binary_search(have.begin(), have.end(), i)) f.missing.push_back(i);
        std::vector<std::string> outlets;
        for (int i : have) outlets.push_back(r.inputs[i].outlet);
        f.detail = "carried by " + join(outlets, ", ");
        for (const auto& m : st.members)
          f.evidence.push_back(cx.ev(m.input, "content", m.part));
        findings.push_back(std::move(f));
      }
    }
  }
  // Speakers quoted by some outlets only, unless every statement of theirs is
  // carried (under another speaker) by the outlets that do not quote them.
  std::vector<std::vector<std::vector<int>>> stmt_of(n);  // [input][attribution] -> statements
  for (int i = 0; i < n; ++i) stmt_of[i].resize(r.inputs[i].analysis->attributions.size());
  for (size_t si = 0; si < r.statements.size(); ++si)
    for (const auto& m : r.statements[si].members) stmt_of[m.input][m.attribution].push_back(static_cast<int>(si));
  for (size_t ei = 0; ei < r.entities.size(); ++ei) {
    const AlignedEntity& ae = r.entities[ei];
    if (ae.quoted_in.empty() || static_cast<int>(ae.quoted_in.size()) == n) continue;
    if (!named_source(ae)) continue;
    std::vector<int> missing;
    for (int i = 0; i < n; ++i)
      if (!std::binary_search(ae.quoted_in.begin(), ae.quoted_in.end(), i)) missing.push_back(i);
    Finding f;
    f.type = FindingType::kSpeakerOnly;
    f.subject = ae.name;
    f.inputs = ae.quoted_in;
    f.missing = missing;
    bool unexplained = false;
    for (int i : ae.quoted_in) {
      const auto& ats = r.inputs[i].analysis->attributions;
      for (size_t k = 0; k < ats.size(); ++k) {
        if (ats[k].speaker.entity < 0 || entity_of[i][ats[k].speaker.entity] != static_cast<int>(ei)) continue;
        f.evidence.push_back(cx.ev(i, "speaker", ats[k].speaker.mention));
        f.evidence.push_back(cx.ev(i, "content", ats[k].content));
        for (int miss : missing) {
          bool carried = false;
          for (int si : stmt_of[i][k])
            for (const auto& m : r.statements[si].members) carried = carried || m.input == miss;
          if (!carried) unexplained = true;
        }
      }
    }
    if (!unexplained) continue;
    std::vector<std::string> q, mo;
    for (int i : ae.quoted_in) q.push_back(r.inputs[i].outlet);
    for (int i : missing) mo.push_back(r.inputs[i].outlet);
    f.detail = "quoted by " + join(q, ", ") + "; not by " + join(mo, ", ");
    findings.push_back(std::move(f));
  }
  // Framing: per term, how each outlet frames it (scare quote, adopted, none).
  std::map<std::string, std::map<int, std::set<std::string>>> terms;
  std::map<std::string, std::vector<EvidenceSpan>> term_evidence;
  for (int i = 0; i < n; ++i) {
    echo::EchoReport er = echo_->analyze(*r.inputs[i].analysis);
    for (const auto& fr : er.framing) {
      terms[fr.term][i].insert(echo::to_string(fr.kind));
      term_evidence[fr.term].push_back(cx.ev(i, "framing", fr.span));
    }
  }
  for (const auto& [term, per] : terms) {
    std::vector<std::string> label(n, "none");
    for (const auto& [i, kinds] : per) label[i] = join(std::vector<std::string>(kinds.begin(), kinds.end()), "+");
    if (std::all_of(label.begin(), label.end(), [&](const std::string& l) { return l == label[0]; })) continue;
    Finding f;
    f.type = FindingType::kFraming;
    f.subject = term;
    std::map<std::string, std::vector<std::string>> by_label;
    for (int i = 0; i < n; ++i) {
      by_label[label[i]].push_back(r.inputs[i].outlet);
      if (label[i] != "none") f.inputs.push_back(i);
      else f.missing.push_back(i);
    }
    for (const auto& [l, outlets] : by_label) f.detail += (f.detail.empty() ? "" : "; ") + l + ": " + join(outlets, ", ");
    f.evidence = term_evidence[term];
    findings.push_back(std::move(f));
  }
  for (auto& f : findings) {
    sort_finding(f);
    rank(f, r);
  }
  std::erase_if(findings, [&](const Finding& f) { return f.score < options_.min_finding_score; });
  std::sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    if (a.score != b.score) return a.score > b.score;
    auto ka = std::tie(a.type, a.subject, a.inputs, a.missing, a.detail);
    auto kb = std::tie(b.type, b.subject, b.inputs, b.missing, b.detail);
    if (ka != kb) return ka < kb;
    if (a.evidence.size() != b.evidence.size()) return a.evidence.size() < b.evidence.size();
    for (size_t k = 0; k < a.evidence.size(); ++k)
      if (a.evidence[k].span.start != b.evidence[k].span.start) return a.evidence[k].span.start < b.evidence[k].span.start;
    return false;
  });
  r.findings = std::move(findings);
  if (!shares_anything(r))
    r.warnings.push_back("these inputs share no entity or statement: same story?");
  return r;
}

}  // namespace quotegraph::diff
