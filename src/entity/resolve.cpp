// Stage 7, entities: mentions -> entities, by name structure and salience.
#include "entity/resolve.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "text/tokenize.hpp"
#include "text/utf8.hpp"

namespace quotegraph::entity {
namespace {

// Titles and role words: stripped from names into roles (news style: "Sen.",
// "Secretary of State", "spokesperson").
constexpr std::array<std::string_view, 62> kTitleWords = {
    "mr.", "mrs.", "ms.", "dr.", "sen.", "rep.", "gov.", "gen.", "lt.", "col.", "sgt.", "capt.", "adm.", "prof.",
    "rev.", "president", "vice", "secretary", "minister", "prime", "foreign", "senator", "governor",
    "representative", "spokesperson", "spokesman", "spokeswoman", "chairman", "chairwoman", "chair", "director",
    "leader", "mayor", "judge", "justice", "chief", "general", "attorney", "ambassador", "king", "queen",
    "prince", "pope", "speaker", "sheriff", "commissioner", "deputy", "former", "acting", "interim", "candidate",
    "nominee", "officer", "chancellor", "premier", "emir", "sheikh", "state", "defense", "treasury", "interior",
    "u.s."};

constexpr std::array<std::string_view, 30> kOrgWords = {
    "organization", "organisation", "department", "ministry", "party", "council", "committee", "agency",
    "association", "union", "company", "corp.", "inc.", "university", "court", "congress", "senate", "house",
    "times", "post", "news", "press", "bureau", "office", "commission", "alliance", "campaign", "administration",
    "government", "institute"};

// Definite descriptions that point back at an organisation.
constexpr std::array<std::string_view, 16> kOrgDescriptions = {
    "organization", "organisation", "ministry", "department", "agency", "alliance", "group", "company",
    "committee", "council", "government", "administration", "campaign", "bloc", "coalition", "court"};

template <size_t N>
bool in(const std::array<std::string_view, N>& list, std::string_view w) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

struct Word {
  std::string text;   // surface form
  std::string low;    // folded
  bool cap = false;
};

std::vector<Word> words_of(std::string_view s) {
  std::vector<Word> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r')) ++i;
    size_t b = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '\n' && s[i] != '\t' && s[i] != '\r') ++i;
    if (i > b) {
      Word w;
      w.text = std::string(s.substr(b, i - b));
      while (!w.text.empty() && (w.text.back() == ',' || w.text.back() == ';' || w.text.back() == ':'))
        w.text.pop_back();
      if (w.text.empty()) continue;
      w.low = text::fold(w.text);
      size_t k = 0;
      char32_t c = text::next_cp(w.text, k);
      w.cap = text::is_upper(c);
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

std::string join(const std::vector<Word>& w, size_t b, size_t e) {
  std::string out;
  for (size_t k = b; k < e; ++k) out += (k > b ? " " : "") + w[k].text;
  return out;
}

bool is_acronym(std::string_view w) {
  int caps = 0;
  for (char c : w) {
    if (c >= 'A' && c <= 'Z') ++caps;
    else if (c != '.' && c != '&') return false;
  }
  return caps >= 2;
}

// What a noun phrase says about its referent.
struct Parsed {
  std::string name;       // proper name without titles, or the description
  std::string key;        // merge key: surname, acronym, or head noun
  std::string role;       // title / appositive / description
  EntityKind kind = EntityKind::kUnknown;
  bool proper = false;    // a proper name was found
  bool pronoun = false;
  bool definite = false;  // "the organization", "the president"
  std::string head;       // head noun of a description
};

// The last run of capitalised non-title words: "U.S. Secretary of State Antony
// J. Blinken" -> "Antony J. Blinken".
bool proper_name(const std::vector<Word>& w, size_t& b, size_t& e) {
  size_t end = w.size();
  while (end > 0) {
    size_t k = end;
    while (k > 0 && w[k - 1].cap && !in(kTitleWords, w[k - 1].low) && w[k - 1].low != "the") --k;
    if (k < end) {
      b = k;
      e = end;
      return true;
    }
    --end;
  }
  return false;
}

Parsed parse_part(std::string_view part) {
  Parsed p;
  std::vector<Word> w = words_of(part);
  if (w.empty()) return p;
  size_t b = 0, e = 0;
  bool has_proper = proper_name(w, b, e);
  const Word& last = w.back();
  std::string head = strip_possessive(last.low);
  // "Kazakh police", "State Department officials": a group led by adjectives.
  bool group_head = !last.cap;
  if (has_proper && e == w.size() && !group_head) {
    p.proper = true;
    p.name = strip_possessive(join(w, b, e));
    size_t r0 = 0;
    while (r0 < b && (w[r0].low == "the" || w[r0].low == "a" || w[r0].low == "an")) ++r0;
    if (b > r0) p.role = join(w, r0, b);
    std::vector<Word> nw = words_of(p.name);
    std::string lastw = nw.empty() ? "" : nw.back().low;
    if (nw.size() == 1 && is_acronym(nw[0].text)) {
      p.kind = EntityKind::kOrganization;
      p.key = nw[0].low;
    } else if (in(kOrgWords, lastw) || (nw.size() >= 3 && lastw != "jr." && !nw[1].text.ends_with("."))) {
      bool org = in(kOrgWords, lastw);
      p.kind = org ? EntityKind::kOrganization : EntityKind::kPerson;
      p.key = org ? text::fold(p.name) : lastw;
    } else {
      p.kind = EntityKind::kPerson;
      p.key = lastw;
    }
    return p;
  }
  // A description: "the organization", "Kazakhstan's president", "police".
  size_t start = 0;
  while (start < w.size() && (w[start].low == "the" || w[start].low == "a" || w[start].low == "an")) ++start;
  p.definite = start > 0 && w[0].low == "the";
  p.name = join(w, start, w.size());
  p.head = head;
  p.key = head;
  if (in(kOrgDescriptions, head)) p.kind = EntityKind::kOrganization;
  else if (head.ends_with("s") && !head.ends_with("ss")) p.kind = EntityKind::kGroup;
  else if (head == "police" || head == "authorities" || head == "people" || head == "staff") p.kind = EntityKind::kGroup;
  else if (in(kTitleWords, head)) p.kind = EntityKind::kPerson;
  p.role = in(kTitleWords, head) ? p.name : "";
  return p;
}

Parsed parse(std::string_view mention) {
  std::vector<Word> w = words_of(mention);
  if (w.size() == 1) {
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
  if (comma == std::string_view::npos) return parse_part(mention);
  Parsed head = parse_part(mention.substr(0, comma));
  Parsed app = parse_part(mention.substr(comma + 1));
  if (head.proper) {
    std::string r = std::string(mention.substr(comma + 1));
    while (!r.empty() && (r.front() == ' ')) r.erase(r.begin());
    while (!r.empty() && (r.back() == ',' || r.back() == ' ')) r.pop_back();
    head.role = head.role.empty() ? r : head.role + "; " + r;
    return head;
  }
  if (app.proper) {
    app.role = app.role.empty() ? head.name : head.name + "; " + app.role;
    return app;
  }
  return head;
}

struct Builder {
  Analysis& a;
  std::vector<Entity> ents;
  std::vector<uint32_t> last_seen;  // byte offset of the latest mention, for salience
  std::vector<std::string> keys;

  int find_key(const Parsed& p) const {
    for (size_t i = ents.size(); i-- > 0;) {
      if (keys[i] == p.key && !p.key.empty()) {
        // Two people with one surname but different first names stay apart.
        if (p.kind == EntityKind::kPerson && ents[i].kind == EntityKind::kPerson) {
          auto a1 = words_of(p.name), a2 = words_of(ents[i].name);
          if (a1.size() >= 2 && a2.size() >= 2 && a1[0].low != a2[0].low && a1[0].text.size() > 2 &&
              a2[0].text.size() > 2)
            continue;
        }
        return static_cast<int>(i);
      }
    }
    // Acronym of an organisation's name: "CSTO" = "Collective Security Treaty Organization".
    if (p.kind == EntityKind::kOrganization) {
      for (size_t i = 0; i < ents.size(); ++i) {
        std::string initials;
        for (const Word& w : words_of(ents[i].name))
          if (w.cap) initials += w.low[0];
        std::string acr;
        for (char c : p.name)
          if (c >= 'A' && c <= 'Z') acr += static_cast<char>(c + 32);
        if (initials.size() >= 2 && (initials == p.key || (is_acronym(ents[i].name) && acr == keys[i])) &&
            acr.size() == initials.size() + 0)
          return static_cast<int>(i);
        if (is_acronym(ents[i].name) && initials.empty()) {
          std::string pin;
          for (const Word& w : words_of(p.name))
            if (w.cap) pin += w.low[0];
          if (pin == keys[i]) return static_cast<int>(i);
        }
      }
    }
    return -1;
  }

  // Most recent entity compatible with a pronoun or a definite description.
  int salient(const Parsed& p, uint32_t before) const {
    int best = -1;
    uint32_t best_pos = 0;
    for (size_t i = 0; i < ents.size(); ++i) {
      if (last_seen[i] > before) continue;
      const Entity& e = ents[i];
      bool ok = false;
      if (p.pronoun) {
        if (p.key == "he" || p.key == "she" || p.key == "him" || p.key == "her") ok = e.kind == EntityKind::kPerson;
        else if (p.key == "they" || p.key == "them") ok = e.kind == EntityKind::kGroup || e.kind == EntityKind::kOrganization;
        else if (p.key == "it" || p.key == "which") ok = e.kind == EntityKind::kOrganization || e.kind == EntityKind::kArtifact;
        else if (p.key == "who") ok = e.kind == EntityKind::kPerson || e.kind == EntityKind::kGroup;
      } else if (p.definite) {
        if (p.kind == EntityKind::kOrganization) ok = e.kind == EntityKind::kOrganization;
        else
          for (const std::string& r : e.roles) ok = ok || text::fold(r).find(p.head) != std::string::npos;
      }
      if (ok && (best < 0 || last_seen[i] >= best_pos)) {
        best = static_cast<int>(i);
        best_pos = last_seen[i];
      }
    }
    // "the president" with two presidents in play stays unresolved.
    if (best >= 0 && p.definite && p.kind != EntityKind::kOrganization) {
      int count = 0;
      for (size_t i = 0; i < ents.size(); ++i)
        for (const std::string& r : ents[i].roles)
          if (text::fold(r).find(p.head) != std::string::npos) { ++count; break; }
      if (count > 1) return -1;
    }
    return best;
  }

  void add_mention(int id, Span s, const std::string& surface, const Parsed& p) {
    Entity& e = ents[id];
    e.mentions.push_back(s);
    last_seen[id] = std::max(last_seen[id], s.start);
    if (std::find(e.aliases.begin(), e.aliases.end(), surface) == e.aliases.end() && surface != e.name)
      e.aliases.push_back(surface);
    if (!p.role.empty() && std::find(e.roles.begin(), e.roles.end(), p.role) == e.roles.end())
      e.roles.push_back(p.role);
    // Prefer the fullest proper name as canonical.
    if (p.proper && !p.name.empty() && p.name.size() > e.name.size() && !is_acronym(p.name) &&
        (e.kind == p.kind || e.kind == EntityKind::kUnknown || e.kind == EntityKind::kGroup)) {
      if (std::find(e.aliases.begin(), e.aliases.end(), e.name) == e.aliases.end()) e.aliases.push_back(e.name);
      e.name = p.name;
      e.kind = p.kind;
    }
    if (!p.proper && !p.pronoun && e.kind == EntityKind::kGroup && p.name.size() > e.name.size() &&
        p.key == keys[id]) {
      e.aliases.push_back(e.name);
      e.name = p.name;
    }
  }

  int resolve_one(EntityRef& ref) {
    if (ref.mention.empty()) return -1;
    std::string surface(a.doc.slice(ref.mention));
    for (char& c : surface)
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    while (!surface.empty() && (surface.back() == ',' || surface.back() == ' ')) surface.pop_back();
    Parsed p = parse(surface);
    int id = -1;
    if (p.pronoun) {
      if (p.key == "i" || p.key == "we" || p.key == "you") return -1;  // the author or an unnamed party
      id = salient(p, ref.mention.start);
      if (id >= 0) add_mention(id, ref.mention, surface, p);
      return id;
    }
    if (p.name.empty()) return -1;
    if (p.definite && (p.kind == EntityKind::kOrganization || p.kind == EntityKind::kPerson)) {
      id = salient(p, ref.mention.start);
    }
    if (id < 0) id = find_key(p);
    if (id < 0) {
      Entity e;
      e.name = p.name;
      e.kind = p.kind;
      ents.push_back(e);
      last_seen.push_back(ref.mention.start);
      keys.push_back(p.key);
      id = static_cast<int>(ents.size() - 1);
      // Keep the role even for the first mention.
    }
    add_mention(id, ref.mention, surface, p);
    return id;
  }
};

}  // namespace

void resolve(Analysis& a) {
  // Every mention, in text order, so salience follows reading order.
  std::vector<EntityRef*> refs;
  for (Attribution& t : a.attributions) {
    refs.push_back(&t.speaker);
    refs.push_back(&t.addressee);
    for (EntityRef& r : t.about) refs.push_back(&r);
    refs.push_back(&t.echoes);
  }
  std::stable_sort(refs.begin(), refs.end(),
                   [](const EntityRef* x, const EntityRef* y) { return x->mention.start < y->mention.start; });
  Builder b{a, {}, {}, {}};
  // One mention span may be shared (a floating quote reuses its speaker's mention).
  std::map<std::pair<uint32_t, uint32_t>, int> seen;
  for (EntityRef* r : refs) {
    if (r->mention.empty()) continue;
    auto key = std::make_pair(r->mention.start, r->mention.end);
    auto it = seen.find(key);
    if (it != seen.end()) {
      r->entity = it->second;
      continue;
    }
    r->entity = b.resolve_one(*r);
    seen[key] = r->entity;
  }
  for (size_t i = 0; i < b.ents.size(); ++i) {
    b.ents[i].id = "e" + std::to_string(i + 1);
    std::sort(b.ents[i].mentions.begin(), b.ents[i].mentions.end(),
              [](Span x, Span y) { return x.start < y.start; });
  }
  a.entities = std::move(b.ents);
}

}  // namespace quotegraph::entity
