// Stage 7b, entities: proper names and attribution mentions -> entities.
#include "entity/resolve.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "entity/advance.hpp"
#include "entity/gazetteer.hpp"
#include "entity/mention.hpp"
#include "entity/resolve_work.hpp"
#include "text/tokenize.hpp"
#include "text/word_table.hpp"

namespace quotegraph::entity {
namespace {

using namespace detail;  // the resolver's working tables (resolve_work.hpp)

// A mention's text with line breaks and tabs as spaces and trailing commas,
// colons and spaces dropped: a view of `s` itself when no break or tab needs
// replacing (most mentions), else of `buf`.
std::string_view clean_surface(std::string_view s, std::string& buf) {
  auto trim = [](std::string_view& t) {
    while (!t.empty() && (t.back() == ',' || t.back() == ' ' || t.back() == ':')) t.remove_suffix(1);
  };
  trim(s);
  // A plain loop: find_first_of would call memchr on the three characters
  // once for every byte of the mention.
  bool breaks = false;
  for (char c : s) breaks |= c == '\n' || c == '\r' || c == '\t';
  if (!breaks) return s;
  buf.assign(s);
  for (char& c : buf)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  std::string_view out = buf;
  trim(out);
  return out;
}

// A past participle or -ed adjective ("Understated", "Embattled"): no given
// name ends so, save the few the name list knows (Mohamed) and "-eed" (Rasheed).
bool participle_opener(std::string_view folded) {
  return folded.size() >= 7 && folded.ends_with("ed") && !folded.ends_with("eed") && given_name_gender(folded) == 0;
}

// "Some", "Many", "Others" (say): an unnamed part of people, no entity (and
// never one entity across the sentences or articles that use the word).
bool indefinite_pronoun(std::string_view surface) {
  static constexpr std::string_view kWords[] = {"some", "many", "few", "several", "others", "most", "both",
                                                "all", "each", "another", "none", "one"};
  if (surface.empty() || surface.size() > 8) return false;
  char buf[8];
  for (size_t i = 0; i < surface.size(); ++i)
    buf[i] = (surface[i] >= 'A' && surface[i] <= 'Z') ? static_cast<char>(surface[i] + 32) : surface[i];
  const std::string_view w(buf, surface.size());
  return std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords);
}

// Weekdays and the months no one is named after (not May, June, August):
// capitalised, but never an entity.
bool calendar_word(std::string_view folded) {
  static constexpr std::string_view kWords[] = {"monday", "tuesday", "wednesday", "thursday", "friday",
                                                "saturday", "sunday", "january", "february", "september",
                                                "october", "november", "december"};
  return std::find(std::begin(kWords), std::end(kWords), folded) != std::end(kWords);
}

class Resolver {
 public:
  Resolver(const Document& doc, const text::Tokens& toks, const attrib::TokenWords& words,
           std::vector<Attribution>& atts, Work& work)
      : doc_(doc), toks_(toks), words_(words), atts_(atts), w_(work) {}

  // Pass 1: proper names. Full names first, so a surname seen before the full
  // name ("Price … Ned Price") still joins it.
  void index_names(const std::vector<NameMention>& names) {
    // At most one entity per name plus a few per attribution: no regrowth
    // moving entities (each a handful of strings and vectors).
    const size_t expected = names.size() + 3 * atts_.size() + 8;
    ents_.reserve(expected);
    gender_.clear();
    proper_.clear();
    gender_.reserve(expected);
    same_key_before_.clear();
    same_key_before_.reserve(expected);
    name_shape_.clear();
    name_shape_.reserve(expected);
    timeline_.reset(names.size());
    span_entity_.reset(names.size() + 2 * atts_.size());
    folded_roles_.clear();
    folded_roles_.reserve(atts_.size() + 8);
    by_role_.reset(16, 512);  // an article names a handful of roles
    conversations_.clear();
    // Parsed once, used in the second loop.
    std::vector<std::pair<size_t, const Parsed*>>& singles = w_.singles;
    singles.clear();
    singles.reserve(names.size());  // about half the names
    std::vector<size_t> openers;    // two-word names opened by a participle (rare)
    for (size_t i = 0; i < names.size(); ++i) {
      const Parsed& p = parsed(names[i].text);
      if (!p.proper) continue;
      if (p.words == 1 && !p.name_is_acronym) {
        singles.emplace_back(i, &p);
        continue;
      }
      if (p.words == 2 && participle_opener(p.first_word) && opens_sentence(names[i].span.start)) {
        openers.push_back(i);
        continue;
      }
      int id = find_proper(p);
      if (id < 0) id = create(p);
      add_mention(id, names[i].span, names[i].text, p, names[i].role);
      if (!names[i].acronym.empty()) set(interned(text::fold(names[i].acronym)).acronym, id);
    }
    for (auto [i, parse] : singles) {
      const Parsed& p = *parse;
      int id = find_proper(p);
      if (id < 0) {
        id = create(p);
        if (names[i].after_place_prep && ents_[id].kind == EntityKind::kUnknown) ents_[id].kind = EntityKind::kPlace;
      }
      add_mention(id, names[i].span, names[i].text, p, names[i].role);
    }
    // "Understated Perez raises his profile … Thomas Perez": a participle
    // opening a sentence is no given name when the article names a person
    // with that surname; else the name stays whole ("Planned Parenthood").
    for (size_t i : openers) {
      const std::string_view text = names[i].text;
      const size_t cut = text.find(' ') + 1;
      const Parsed& rest = parsed(text.substr(cut));
      int id = rest.proper ? find_proper(rest) : -1;
      if (id >= 0 && (ents_[id].kind == EntityKind::kPerson || gender_[id] != 0)) {
        add_mention(id, {names[i].span.start + static_cast<uint32_t>(cut), names[i].span.end}, text.substr(cut), rest,
                    names[i].role);
        continue;
      }
      const Parsed& p = parsed(text);
      id = find_proper(p);
      if (id < 0) id = create(p);
      add_mention(id, names[i].span, text, p, names[i].role);
    }
    timeline_.seal();
  }

  // Pass 2: every attribution mention, in text order, with salience from all
  // mentions before it.
  void resolve_attributions(const attrib::RuleOutput& rules) {
    std::vector<EntityRef*>& refs = w_.refs;
    refs.clear();
    refs.reserve(3 * atts_.size() + 8);
    // The statement each speaker mention speaks: its words hold no antecedent
    // for the mention ("'… Ryan …,' he said": he is not Ryan).
    std::vector<Span> own;
    own.reserve(3 * atts_.size() + 8);
    // The speaker of the statement each addressee or target mention belongs
    // to: "Strand told her", "Strand accused him": her, him are not Strand.
    std::vector<const EntityRef*> subject;
    subject.reserve(3 * atts_.size() + 8);
    quoted_.clear();
    contents_.clear();
    content_of_.clear();
    for (Attribution& t : atts_) {
      refs.push_back(&t.speaker);
      own.push_back(t.content);
      subject.push_back(nullptr);
      refs.push_back(&t.addressee);
      own.push_back({});
      subject.push_back(&t.speaker);
      for (EntityRef& r : t.about) refs.push_back(&r), own.push_back({}), subject.push_back(&t.speaker);
      refs.push_back(&t.echoes);
      own.push_back({});
      subject.push_back(nullptr);
      if (t.kind == AttributionKind::kDirect) quoted_.push_back(t.content);
      contents_.push_back(t.content);
      content_of_.push_back({t.content, static_cast<int>(&t - atts_.data())});
    }
    std::sort(quoted_.begin(), quoted_.end(), [](Span a, Span b) { return a.start < b.start; });
    std::sort(contents_.begin(), contents_.end(), [](Span a, Span b) { return a.start < b.start; });
    std::sort(content_of_.begin(), content_of_.end(),
              [](const std::pair<Span, int>& a, const std::pair<Span, int>& b) { return a.first.start < b.first.start; });
    spoke_.assign(ents_.size(), false);
    last_speaker_ = -1;
    last_speaker_at_ = 0;
    // In text order, equal starts in the order above (sorted keys, as a
    // stable sort would order them, without its buffer).
    std::vector<uint64_t>& order = w_.order;
    // Only the mentions there are (about half the slots are empty: no
    // addressee, no echo) are sorted.
    order.clear();
    for (size_t i = 0; i < refs.size(); ++i)
      if (!refs[i]->mention.empty()) order.push_back(uint64_t{refs[i]->mention.start} << 32 | i);
    std::sort(order.begin(), order.end());
    SpanMap& seen = w_.seen;  // a floating quote shares its speaker's mention
    seen.reset(refs.size());
    for (uint64_t key : order) {
      EntityRef* r = refs[key & 0xFFFFFFFFu];
      if (const int* id = seen.find(r->mention)) {
        r->entity = *id;
        continue;
      }
      const size_t i = key & 0xFFFFFFFFu;
      not_ = subject[i] ? subject[i]->entity : -1;
      r->entity = resolve_mention(r->mention, own[i]);
      not_ = -1;
      seen.set(r->mention, r->entity);
      // A speaker named inside another's statement ("Lind said Weir's plan
      // would fail"; "Lind said he refused") is reported, not heard: the
      // narration's turn stays with the reporter.
      if (r->entity >= 0 && !own[i].empty() && !reported_speaker(r->mention, own[i])) {
        if (spoke_.size() <= static_cast<size_t>(r->entity)) spoke_.resize(r->entity + 1, false);
        spoke_[r->entity] = true;
        last_speaker_ = r->entity;
        last_speaker_at_ = r->mention.start;
      }
    }
    keep_real_relays();
    // Conversations: who talked with whom, for context addressees.
    for (const attrib::Conversation& c : rules.conversations) {
      int sp = resolve_at(c.speaker, seen);
      int pa = resolve_at(c.partner, seen);
      if (sp >= 0 && pa >= 0 && sp != pa) conversations_.push_back({sp, pa, c.partner, c.sentence});
    }
    for (size_t i = 0; i < atts_.size(); ++i) {
      Attribution& t = atts_[i];
      if (!t.addressee.mention.empty() || t.speaker.entity < 0) continue;
      uint32_t s = i < rules.sentence_of.size() ? rules.sentence_of[i] : 0;
      for (auto c = conversations_.rbegin(); c != conversations_.rend(); ++c) {
        if (c->speaker == t.speaker.entity && c->sentence <= s && c->sentence + 2 >= s) {
          t.addressee = {c->partner, c->partner_mention};
          break;
        }
      }
    }
  }

  // Pass 3: who each statement is about: the names, groups and definite
  // descriptions inside its content, after any target the rules found.
  void add_targets(const std::vector<NameMention>& names) {
    for (Attribution& t : atts_) {
      // Targets the rules found come first; the content's are added after them.
      std::vector<EntityRef>& about = t.about;
      const bool rules_found_target = !about.empty();
      // Collected apart and appended once: one allocation per statement, not
      // one each time the list doubles.
      found_.clear();
      auto add = [&](int id, Span s) {
        if (id < 0 || id == t.speaker.entity) return;
        for (const EntityRef& r : about)
          if (r.entity == id) return;
        for (const EntityRef& r : found_)
          if (r.entity == id) return;
        found_.push_back({id, s});
      };
      names_from_ = advance_to(names, names_from_, t.content.start,
                               [](const NameMention& m, uint32_t pos) { return m.span.start < pos; });
      for (auto it = names.begin() + names_from_; it != names.end() && it->span.start < t.content.end; ++it) {
        if (it->span.end > t.content.end) continue;
        if (overlap(it->span, t.speaker.mention)) continue;
        add(entity_at(it->span), it->span);
      }
      // A characterised or accused target is the statement's subject; the
      // words of the characterisation ("a band of terrorists") are not targets.
      if (!rules_found_target) scan_descriptions(t.content, add);
      about.insert(about.end(), found_.begin(), found_.end());
    }
  }

  std::vector<Entity> finish() {
    drop_unsupported();
    for (size_t i = 0; i < ents_.size(); ++i) {
      ents_[i].id = entity_id(i);
      std::sort(ents_[i].mentions.begin(), ents_[i].mentions.end(),
                [](Span x, Span y) { return x.start != y.start ? x.start < y.start : x.end < y.end; });
      ents_[i].mentions.erase(std::unique(ents_[i].mentions.begin(), ents_[i].mentions.end()),
                              ents_[i].mentions.end());
      // He or she, by title, given name or the pronouns that took it: a person.
      if (ents_[i].kind == EntityKind::kUnknown && (gender_[i] != 0 || learned_gender(static_cast<int>(i)) != 0))
        ents_[i].kind = EntityKind::kPerson;
      // Or by a role: "Tomas Elkin, another resident", "Mara Lind, 70, a retired teacher".
      if (ents_[i].kind == EntityKind::kUnknown)
        for (const std::string& r : ents_[i].roles)
          if (role_names_a_person(r)) {
            ents_[i].kind = EntityKind::kPerson;
            break;
          }
    }
    return std::move(ents_);
  }

 private:
  // A capitalised word named once, of no known kind, that no statement is
  // spoken by, to or about ("Success", "Revealed" in a subhead, "Arriving"):
  // nothing says it names anyone, so it is no entity. The others keep their
  // order; every reference is renumbered.
  void drop_unsupported() {
    std::vector<bool> used(ents_.size(), false);
    auto mark = [&](const EntityRef& r) {
      if (r.entity >= 0 && static_cast<size_t>(r.entity) < used.size()) used[r.entity] = true;
    };
    for (const Attribution& t : atts_) {
      mark(t.speaker), mark(t.addressee), mark(t.echoes);
      for (const EntityRef& r : t.about) mark(r);
    }
    std::vector<int> renumber(ents_.size(), -1);
    size_t kept = 0;
    for (size_t i = 0; i < ents_.size(); ++i) {
      const Entity& e = ents_[i];
      const bool unsupported = !used[i] && e.kind == EntityKind::kUnknown && e.mentions.size() == 1 &&
                               e.aliases.empty() && e.name.find(' ') == std::string::npos && gender_[i] == 0;
      if (unsupported) continue;
      renumber[i] = static_cast<int>(kept);
      if (kept != i) {
        ents_[kept] = std::move(ents_[i]);
        gender_[kept] = gender_[i];
        note_learned(static_cast<int>(kept), learned_gender(static_cast<int>(i)));
      }
      ++kept;
    }
    if (kept == ents_.size()) return;
    ents_.resize(kept);
    auto fix = [&](EntityRef& r) {
      if (r.entity >= 0 && static_cast<size_t>(r.entity) < renumber.size()) r.entity = renumber[r.entity];
    };
    for (Attribution& t : atts_) {
      fix(t.speaker), fix(t.addressee), fix(t.echoes);
      for (EntityRef& r : t.about) fix(r);
    }
  }

  // Mentions repeat ("Trump" forty times): each surface form is parsed once
  // per thread; references stay valid for the whole document (resolve() trims
  // the memo only before it starts).
  static const Parsed& parsed(std::string_view surface) { return parse_mention_cached(surface); }

  int create(const Parsed& p) {
    Entity& e = ents_.emplace_back();  // built in place: no Entity moved and destroyed
    e.name = p.name;
    e.kind = p.kind;
    e.mentions.reserve(4);  // most entities are named a few times: one allocation, not three
    gender_.push_back(p.gender ? p.gender : p.given_gender);
    proper_.push_back(p.proper);
    int id = static_cast<int>(ents_.size() - 1);
    same_key_before_.push_back(-1);
    if (!p.key.empty()) {
      same_key_before_[id] = get(p.key_rec->key);  // -1 when the key is new
      set(p.key_rec->key, id);
    }
    if (p.proper) set(p.folded_rec->name, id);
    note_short_form(id, p);
    note_name(id, p);
    if (p.kind == EntityKind::kOrganization && p.name_initials.size() >= 2 && get(p.initials_rec->acronym) < 0)
      set(p.initials_rec->acronym, id);
    return id;
  }

  // A proper name's entity: same full name; a person with the same surname and
  // compatible first name; an organisation by acronym or initials.
  int find_proper(const Parsed& p) const {
    // The same name, unless the title says another sex ("Mrs. Clinton" is not "Mr. Clinton").
    if (int id = get(p.folded_rec->name); id >= 0 && !(p.gender != 0 && gender_[id] == -p.gender)) return id;
    if (p.name_is_acronym)
      if (int id = get(p.letters_rec->acronym); id >= 0) return id;
    if (p.kind == EntityKind::kOrganization) {
      if (int id = get(p.initials_rec->acronym); id >= 0 && is_acronym(ents_[id].name)) return id;
      return -1;
    }
    // Of the people with this surname, the one introduced first: news style
    // gives the story's principal the bare surname and a relative or namesake
    // the first name ("Hillary Clinton … her husband, Bill Clinton … Clinton
    // said": Hillary); when none was met before the mention, the first named
    // after it ("Price … Ned Price").
    int best = -1;
    for (int id = get(p.key_rec->key); id >= 0; id = same_key_before_[id]) {
      const Entity& e = ents_[id];
      if (e.kind != EntityKind::kPerson && e.kind != EntityKind::kUnknown) continue;
      // Two people who share a surname but not a first name stay apart.
      if (p.words >= 2 && p.first_word.size() > 2) {
        const NameShape& theirs = name_shape_[id];
        if (theirs.words >= 2 && theirs.first_low != p.first_word && theirs.first_len > 2) continue;
      }
      // "Mrs. Lind" is not the man named Lind.
      if (p.gender != 0 && gender_[id] == -p.gender) continue;
      // The chain runs from the latest created back: it ends at the first
      // introduced, unless a title names the sex and only a later one agrees.
      if (best < 0 || !(p.gender != 0 && gender_[best] == p.gender && gender_[id] != p.gender)) best = id;
    }
    return best;
  }

  // `extra_role` is a role the narration gives beside the name ("Norland's premier, Ivo Strand").
  void add_mention(int id, Span s, std::string_view full_surface, const Parsed& p,
                   std::string_view extra_role = {}) {
    Entity& e = ents_[id];
    if (!extra_role.empty() && std::find(e.roles.begin(), e.roles.end(), extra_role) == e.roles.end())
      add_role(id, extra_role);
    e.mentions.push_back(s);
    note_seen(id, s);
    // An appositive mention ("Jon Tavi, borrowing Park's phrase,") gives its
    // role to roles; the alias is the part that names.
    std::string_view surface = full_surface;
    bool renamed = false;  // aliases may now hold the canonical name
    if (size_t comma = surface.find(", "); comma != std::string::npos) {
      std::string_view head = surface.substr(0, comma);
      bool name_first = p.name.empty() || head.find(p.name) != std::string::npos;
      surface = name_first ? head : surface.substr(comma + 2);
      // "Kazakhstan's president, Kassym-Jomart Tokayev": a possessive role that
      // refers to the person is an alias too.
      if (!name_first && (head.find("'s ") != std::string::npos || head.find("\xE2\x80\x99s ") != std::string::npos) &&
          std::find(e.aliases.begin(), e.aliases.end(), head) == e.aliases.end()) {
        e.aliases.emplace_back(head);
        renamed = true;
      }
    }
    // Pronouns are mentions, never names ("He" would chain unrelated people across articles).
    if (!p.pronoun && surface != e.name && std::find(e.aliases.begin(), e.aliases.end(), surface) == e.aliases.end()) {
      if (e.aliases.empty()) e.aliases.reserve(2);  // a third of the entities with an alias get a second
      e.aliases.emplace_back(surface);
    }
    // A description that was resolved ("the nominee") is no evidence of a role:
    // adding it would make a wrong guess its own proof.
    if (!p.role.empty() && (p.proper || !p.definite) && std::find(e.roles.begin(), e.roles.end(), p.role) == e.roles.end())
      add_role(id, p.role);
    if (p.gender && !gender_[id]) gender_[id] = p.gender;
    // The fullest proper name is canonical ("Antony J. Blinken", not "Blinken").
    if (p.proper && p.name.size() > e.name.size() && !p.name_is_acronym &&
        (e.kind == p.kind || e.kind == EntityKind::kUnknown || p.kind == EntityKind::kUnknown)) {
      if (std::find(e.aliases.begin(), e.aliases.end(), e.name) == e.aliases.end()) e.aliases.push_back(e.name);
      e.name = p.name;
      set(p.folded_rec->name, id);
      note_short_form(id, p);
      note_name(id, p);
      renamed = true;
    }
    if (e.kind == EntityKind::kUnknown && p.kind != EntityKind::kUnknown) e.kind = p.kind;
    // Groups take their fullest description ("Kazakh police" over "police").
    if (!p.proper && !p.pronoun && e.kind == EntityKind::kGroup && p.name.size() > e.name.size()) {
      if (std::find(e.aliases.begin(), e.aliases.end(), e.name) == e.aliases.end()) e.aliases.push_back(e.name);
      e.name = p.name;
      note_name(id, p);
      renamed = true;
    }
    if (renamed) std::erase(e.aliases, e.name);
  }

  void add_role(int id, std::string_view role) {
    ents_[id].roles.emplace_back(role);
    std::string folded = text::fold(role);
    // "Sen. Ted Cruz" is "the senator" later: titles written out for matching.
    static constexpr std::pair<std::string_view, std::string_view> kTitles[] = {
        {"sen.", "senator"}, {"rep.", "representative"}, {"gov.", "governor"}, {"gen.", "general"},
        {"lt.", "lieutenant"}, {"col.", "colonel"}, {"sgt.", "sergeant"}, {"capt.", "captain"},
        {"adm.", "admiral"}, {"prof.", "professor"}, {"dr.", "doctor"}, {"rev.", "reverend"},
        {"pres.", "president"}, {"sens.", "senator"}, {"reps.", "representative"}};
    // Every abbreviation ends in a full stop: a role without one (most) has none.
    if (folded.find('.') != std::string::npos)
      for (auto [abbr, full] : kTitles)
        if (folded.find(abbr) != std::string::npos) (folded += ' ') += full;
    // "a spokesman for Hanna Lind" is "the spokesman for Hanna Lind" later;
    // "Norland's president" is "the president of Norland".
    std::string_view bare = folded;
    for (std::string_view article : {"a ", "an ", "the "})
      if (bare.starts_with(article)) bare.remove_prefix(article.size());
    if (bare.size() != folded.size()) by_role_.insert(bare, id);
    if (size_t pos = bare.find("'s "); pos != std::string::npos && pos > 0 && bare.find(' ') >= pos &&
                                        bare.find(' ', pos + 3) == std::string::npos)
      folded += " " + std::string(bare.substr(pos + 3)) + " of " + std::string(bare.substr(0, pos));
    by_role_.insert(folded, id);
    folded_roles_.emplace_back(id, std::move(folded));
  }

  void note_seen(int id, Span s) {
    timeline_.add(s.start, id);
    span_entity_.set(s, id);
  }

  // "Brennan Center for Justice" is "the Brennan Center" later: an
  // organisation's name up to its head, of two words or more, names it too
  // unless it names another.
  void note_short_form(int id, const Parsed& p) {
    if (!p.proper || p.kind != EntityKind::kOrganization) return;
    size_t cut = p.folded.find(" for ");
    if (cut == std::string::npos) cut = p.folded.find(" on ");
    if (cut == std::string::npos || p.folded.rfind(' ', cut - 1) == std::string::npos) return;
    Stamp& s = interned(std::string_view(p.folded).substr(0, cut)).name;
    if (get(s) < 0) set(s, id);
  }

  // The shape of the entity's name, which was just set to p.name: the parse
  // already counted its words and folded the first.
  void note_name(int id, const Parsed& p) {
    if (name_shape_.size() <= static_cast<size_t>(id)) name_shape_.resize(id + 1);
    NameShape& n = name_shape_[id];
    n.first_low = p.first_word;
    n.first_len = p.first_len;
    n.words = p.words;
  }

  // The most recent entity mentioned before `pos` that passes `ok`; looks back
  // over a bounded number of mentions, as a reader's memory does.
  template <typename Pred>
  int most_recent(uint32_t pos, Pred ok) const {
    const int kLookBack = 64;
    int found = -1;
    timeline_.back_from(pos, kLookBack, [&](int id, uint32_t) {
      if (!ok(id)) return false;
      found = id;
      return true;
    });
    return found;
  }

  // Among the entities of one kind mentioned recently, the one mentioned most
  // often ("the organization" is the alliance the story is about, not a body
  // named once in an appositive); ties go to the most recent.
  // With `named`, only an entity introduced by a proper name: "the mayor" is
  // never "one analyst", a description met before it.
  // With `gender`, only an entity not known to be of the other sex ("the New
  // York businessman" is not the woman the story is about).
  // With `not_reporter`, not the speaker of a statement that holds `pos`.
  int most_prominent(uint32_t pos, EntityKind kind, bool named = false, int gender = 0, bool not_reporter = false) const {
    const int kLookBack = 64;
    int best = -1;
    size_t best_count = 0;
    timeline_.back_from(pos, kLookBack, [&](int id, uint32_t) {
      if (named && !proper_[id]) return false;
      if (other_sex(id, gender) || (not_reporter && reporter_of(id, pos))) return false;
      if (ents_[id].kind == kind && (best < 0 || ents_[id].mentions.size() > best_count)) {
        best = id;
        best_count = ents_[id].mentions.size();
      }
      return false;
    });
    return best;
  }

  int entity_at(Span s) const {
    const int* id = span_entity_.find(s);
    return id ? *id : -1;
  }

  int resolve_at(Span s, SpanMap& seen) {
    if (const int* id = seen.find(s)) return *id;
    int id = resolve_mention(s);
    seen.set(s, id);
    return id;
  }

  // "Trump and Ryan", "Mr. Grassley and Mr. Leahy", "China, Russia and Iran":
  // several named entities speaking together are one joint entity (a group
  // named by its members' canonical names, so every form of the pair meets
  // in it). -2 when the mention is no such list.
  int resolve_joint(Span span, std::string_view surface) {
    if (surface.find(" and ") == std::string_view::npos) return -2;
    std::string_view rest = surface;
    for (std::string_view lead : {"both ", "Both ", "the ", "The "})
      if (rest.starts_with(lead)) rest.remove_prefix(lead.size());
    std::vector<std::string_view> parts;
    while (!rest.empty()) {
      size_t cut = std::min(rest.find(", "), rest.find(" and "));
      std::string_view part = rest.substr(0, cut);
      if (part.starts_with("and ")) part.remove_prefix(4);
      if (!part.empty()) parts.push_back(part);
      if (cut == std::string_view::npos) break;
      rest.remove_prefix(cut + (rest.substr(cut, 5) == " and " ? 5 : 2));
    }
    if (parts.size() < 2 || parts.size() > 6) return -2;
    std::string name;
    std::vector<int> members;
    for (size_t i = 0; i < parts.size(); ++i) {
      const Parsed& part = parsed(parts[i]);
      if (!part.proper || part.pronoun) return -2;  // "the candidate and her staff": no list of names
      const int id = find_proper(part);
      if (id < 0 || std::find(members.begin(), members.end(), id) != members.end()) return -2;
      members.push_back(id);
      if (i > 0) name += i + 1 == parts.size() ? " and " : ", ";
      name += ents_[id].name;
    }
    Parsed joint;
    joint.proper = true;
    joint.kind = EntityKind::kGroup;
    joint.name = name;
    joint.folded = text::fold(name);
    joint.key = joint.folded;
    joint.words = parts.size();
    joint.folded_rec = joint.key_rec = &interned(joint.folded);
    int id = get(joint.folded_rec->name);
    if (id < 0) id = create(joint);
    add_mention(id, span, surface, joint);
    return id;
  }

  // A relay passes on someone else's words, so the relayed speaker is named
  // and is someone else: "Trump said he would …" is the same voice going on,
  // and a pronoun inside another's statement is too uncertain to call a relay.
  // Clears every `via` the rules proposed that is no such relay.
  void keep_real_relays() {
    for (Attribution& t : atts_) {
      if (t.via < 0 || t.via >= static_cast<int>(atts_.size())) continue;
      if (!relay_of_words(t, atts_[t.via])) {
        t.via = -1;
        continue;
      }
      const int outer = atts_[t.via].speaker.entity;
      const bool named = t.speaker.entity >= 0 && t.speaker.entity != outer &&
                         !parsed(doc_.slice(t.speaker.mention)).pronoun;
      // Things that speak: people, bodies, groups, documents, or a name ("Adams");
      // "the battle", "a large margin" do not.
      const std::string_view who = doc_.slice(t.speaker.mention);
      const EntityKind k = named ? ents_[t.speaker.entity].kind : EntityKind::kPlace;
      const bool capitalised = !who.empty() && who[0] >= 'A' && who[0] <= 'Z' && !who.starts_with("The ") &&
                               !who.starts_with("A ") && !who.starts_with("An ");
      if (k == EntityKind::kPlace || (k == EntityKind::kUnknown && !capitalised)) t.via = -1;
    }
  }

  // Whether `outer` passes on words that `inner` said, by their cues and rules.
  bool relay_of_words(const Attribution& inner, const Attribution& outer) const {
    // Words passed on are said, told, announced: "urged", "rejected",
    // "clarify" report an act, not words; and the relaying statement names
    // its own speaker (a participle's or a floating quote's borrows one).
    // The relaying statement reports too: "he could not answer the
    // questions because Republicans had asked …" passes nothing on.
    if (!passes_on_words(inner.cue_lemma) || !passes_on_words(outer.cue_lemma) || !names_its_speaker(outer.rule))
      return false;
    const bool cited = outer.cue_lemma == "according to";
    // A participle borrows its speaker from the clause it hangs on ("Lind
    // said …, adding that …"; "with Weir telling reporters …"): words passed
    // on only when the sentence cites a source for the whole ("…, saying …,
    // according to the Herald").
    if (inner.rule == "participle" && !cited) return false;
    // A content of one word ("The AP reported that") holds no words to pass on.
    if (words_in(inner.content) < 2) return false;
    // Words not (yet) said pass nothing on: "Weir will insist", "Weir should
    // say", "if Weir announced", "Weir did not say".
    return !hedged(inner) && !hedged(outer);
  }

  // The word tokens in `s`.
  size_t words_in(Span s) const {
    const std::vector<text::Token>& v = toks_.toks;
    auto it = std::lower_bound(v.begin(), v.end(), s.start, [](const text::Token& x, uint32_t p) { return x.start < p; });
    size_t n = 0;
    for (; it != v.end() && it->end <= s.end && n < 2; ++it) n += it->type == text::TokType::kWord;
    return n;
  }

  // Whether a modal or a negation governs a statement's cue ("will insist",
  // "did not say", "should never say"), or a conditional opens its speaker's
  // clause ("if Weir announced"). A direct quotation is words said whatever
  // its tense ("'…,' the president will say" in released excerpts).
  bool hedged(const Attribution& t) const {
    if (t.kind == AttributionKind::kDirect || t.cue.empty()) return false;
    static constexpr std::string_view kHedges[] = {"will", "would", "should", "could", "might", "may", "must",
                                                   "can", "shall", "not", "n't", "never", "cannot", "won't",
                                                   "wouldn't", "didn't", "doesn't", "don't", "can't"};
    // Words that may stand between the modal and the cue ("would also have said").
    static constexpr std::string_view kBetween[] = {"also", "still", "just", "ever", "really", "then", "actually",
                                                    "have", "has", "had", "be", "been", "did", "does", "do"};
    static constexpr std::string_view kConditionals[] = {"if", "unless", "whether"};
    auto in = [](const auto& list, std::string_view w) { return std::find(std::begin(list), std::end(list), w) != std::end(list); };
    const std::vector<text::Token>& v = toks_.toks;
    auto at = [&](uint32_t pos) {
      return static_cast<size_t>(std::lower_bound(v.begin(), v.end(), pos, [](const text::Token& x, uint32_t p) { return x.start < p; }) - v.begin());
    };
    const size_t cue = at(t.cue.start);
    for (size_t k = cue, n = 0; k > 0 && n < 3; ++n) {
      --k;
      if (v[k].type != text::TokType::kWord) break;
      if (in(kHedges, words_.low[k])) return true;
      if (!in(kBetween, words_.low[k])) break;
    }
    if (t.speaker.mention.empty()) return false;
    const size_t who = at(t.speaker.mention.start);
    return who > 0 && in(kConditionals, words_.low[who - 1]);
  }

  // Speech acts. Not "agree" (to take part: an act) nor beliefs; "talk
  // about" is speech on a topic, "point" cites ("critics point to …").
  static bool passes_on_words(std::string_view lemma) {
    static constexpr std::string_view kLemmas[] = {
        "say", "tell", "add", "note", "state", "report", "announce", "explain", "claim", "insist", "argue",
        "point out", "write", "ask", "reply", "respond", "suggest", "warn", "acknowledge", "admit", "confirm",
        "deny", "declare", "repeat", "reiterate", "quote", "recall", "assert", "contend", "maintain",
        "predict", "promise", "vow", "pledge", "testify", "tweet", "post", "according to", "describe",
        "call", "conclude", "find", "show", "reveal", "disclose", "indicate", "stress", "emphasize",
        "complain", "boast", "concede", "observe", "remark", "comment", "echo", "talk about", "point"};
    return std::find(std::begin(kLemmas), std::end(kLemmas), lemma) != std::end(kLemmas);
  }
  static bool names_its_speaker(std::string_view rule) {
    return rule == "speaker-first" || rule == "content-first" || rule == "according-to" ||
           rule == "according-to-statement";
  }

  // `own`: the content the mention speaks, when it is a speaker.
  int resolve_mention(Span span, Span own = {}) {
    std::string cleaned;
    const std::string_view surface = clean_surface(doc_.slice(span), cleaned);
    const Parsed& p = parsed(surface);
    if (indefinite_pronoun(surface)) return -1;
    // A name the names pass read whole ("Securities and Exchange Commission") is no list.
    if (!p.pronoun && entity_at(span) < 0)
      if (int joint = resolve_joint(span, surface); joint != -2) return joint;
    int id = -1;
    if (p.pronoun) {
      id = resolve_pronoun(p.key, span, own);
      if (id >= 0) add_mention(id, span, surface, p);
      return id;
    }
    if (p.name.empty()) return -1;
    if (p.proper) {
      id = find_proper(p);
    } else if (p.named) {
      id = get(p.key_rec->key);  // "the Cruz campaign" met before
    } else if (p.role_phrase) {
      id = resolve_role_phrase(p);
      // Two entities hold the role: an explicit unknown, as "the president" with two presidents.
      if (id == -2) return -1;
    } else if (const int* r = by_role_.find(p.folded)) {
      id = *r;  // "Oststadt's president" named beside "Paul Weir" earlier
    } else if (p.indefinite && p.kind == EntityKind::kPerson) {
      id = -1;  // "a State Department spokesperson": its own entity unless the article links it
    } else if (p.definite || !is_group_noun(p.head)) {
      id = resolve_description(p, span.start);
      // "the president" with two presidents in play: an explicit unknown, not
      // a new entity; with no one in play, a person of the role's own.
      // The same role met before ("the minister … the minister") is that person.
      if (id == kNoOneInPlay) {
        id = get(p.key_rec->key);
        if (id >= 0 && (proper_[id] || ents_[id].kind != EntityKind::kPerson)) id = -1;
      }
      else if (id < 0 && p.definite && p.kind == EntityKind::kPerson) return -1;
    } else {
      id = group(p);
    }
    // A phrase whose head names no one ("the battle", "a large margin") is no entity.
    if (id < 0 && !p.proper && !p.named && p.kind == EntityKind::kUnknown) return -1;
    // Nor is a day ("a poll conducted on Thursday" read as a speaker names "Thursday").
    if (id < 0 && p.proper && p.words == 1 && calendar_word(p.folded)) return -1;
    if (id < 0) id = create(p);
    add_mention(id, span, surface, p);
    if (!p.acronym.empty()) set(p.acronym_rec->acronym, id);
    return id;
  }

  int group(const Parsed& p) {
    int first = -1;  // the earliest group with this head noun (a description's key)
    for (int id = get(p.key_rec->key); id >= 0; id = same_key_before_[id])
      if (ents_[id].kind == EntityKind::kGroup) first = id;
    return first;
  }

  // True when `pos` lies in one of `spans` (sorted by start) that `from` does
  // not lie in.
  static bool inside_apart(const std::vector<Span>& spans, uint32_t pos, Span from) {
    auto it = std::upper_bound(spans.begin(), spans.end(), pos, [](uint32_t x, Span q) { return x < q.start; });
    for (int k = 0; k < 4 && it != spans.begin(); ++k) {
      const Span q = *--it;
      if (pos >= q.start && pos < q.end) return !(from.start >= q.start && from.start < q.end);
    }
    return false;
  }
  // A name someone quotes is no antecedent for the narration around the quote.
  bool quoted_apart(uint32_t pos, Span from) const { return inside_apart(quoted_, pos, from); }
  // A name inside someone's reported words is less salient than the speaker
  // ("Miller told the Post that Trump's plan … He could not explain": Miller).
  bool reported_apart(uint32_t pos, Span from) const { return inside_apart(contents_, pos, from); }
  // Whether a speaker mention lies inside the content of a statement other than its own.
  bool reported_speaker(Span mention, Span own) const {
    auto it = std::upper_bound(contents_.begin(), contents_.end(), mention.start,
                               [](uint32_t x, Span q) { return x < q.start; });
    for (int k = 0; k < 4 && it != contents_.begin(); ++k) {
      const Span q = *--it;
      if (mention.start >= q.start && mention.end <= q.end && !(q.start == own.start && q.end == own.end)) return true;
    }
    return false;
  }
  // Whether `id` speaks a statement whose content holds `pos`: "Weir said that
  // the minister had promised …": the minister is not Weir, who would say "I".
  bool reporter_of(int id, uint32_t pos) const {
    auto it = std::upper_bound(content_of_.begin(), content_of_.end(), pos,
                               [](uint32_t x, const std::pair<Span, int>& q) { return x < q.first.start; });
    for (int k = 0; k < 4 && it != content_of_.begin(); ++k) {
      const auto& [c, a] = *--it;
      if (pos >= c.start && pos < c.end && atts_[static_cast<size_t>(a)].speaker.entity == id) return true;
    }
    return false;
  }

  // A pronoun's antecedent: among the compatible entities of the last 64
  // mentions, outside the pronoun's own statement and outside quotations it is
  // not in, the best by recency, by having spoken before (news pronouns pick
  // up the last speaker: "Trump met Ryan. He said …" is Trump) and by gender
  // learned from earlier pronouns (a preference only, revisable: titles and
  // given names are the only firm evidence).
  static constexpr double kLastSpeakerBonus = 0.3;
  int resolve_pronoun(const std::string& w, Span span, Span own) {
    const uint32_t pos = span.start;
    if (w == "i" || w == "we" || w == "you" || w == "me" || w == "us") return -1;  // the author or an unnamed party
    if (w == "who" || w == "which" || w == "that") return resolve_relative(w, span);
    auto kind = [&](int id) { return ents_[id].kind; };
    int want = 0;
    std::function<bool(int)> ok;
    if (w == "he" || w == "him" || w == "she" || w == "her") {
      want = (w == "he" || w == "him") ? 1 : -1;
      // A person, or a name of several words no one has typed yet ("Nikol Pashinyan").
      ok = [&, want](int i) {
        const bool maybe_person = kind(i) == EntityKind::kUnknown && (gender_[i] != 0 || name_shape_[i].words >= 2);
        return (kind(i) == EntityKind::kPerson || maybe_person) && gender_[i] != -want;
      };
    } else if (w == "they" || w == "them") {
      ok = [&](int i) { return kind(i) == EntityKind::kGroup || kind(i) == EntityKind::kOrganization; };
    } else {  // it
      ok = [&](int i) { return kind(i) == EntityKind::kOrganization || kind(i) == EntityKind::kArtifact; };
    }
    int best = -1, rank = 0;
    double best_score = 0;
    std::vector<int>& seen = w_.candidates;
    seen.clear();
    const uint32_t pronoun_para = para_of(pos);
    bool turn_taken = false;  // a voice met since the last speaker spoke
    // "'… I met with Director Comey … on Secretary Hillary Clinton's use of
    // …,' she said": whom a speaker names by title in her own quoted words is
    // someone else. By title only: a politician may name himself ("they say
    // Bernie Sanders should drop out," he said), and a reported content may
    // be the narration's ("When Trump used the words …, he was echoing Ryan").
    int named_inside[8];  // a quote names a few people at most; more are not looked at
    size_t n_inside = 0;
    bool quoted_own = false;
    if (!own.empty())
      for (auto q = std::lower_bound(quoted_.begin(), quoted_.end(), own.start,
                                     [](Span x, uint32_t p) { return x.start < p; });
           q != quoted_.end() && q->start == own.start; ++q)
        quoted_own = quoted_own || q->end == own.end;
    if (quoted_own)
      timeline_.back_from(own.end, 64, [&](int id, uint32_t at) {
        if (at < own.start || n_inside == std::size(named_inside)) return true;
        if (at < own.end && named_by_title(at)) named_inside[n_inside++] = id;
        return false;
      });
    timeline_.back_from(pos, 64, [&](int id, uint32_t at) {
      if ((at >= own.start && at < own.end) || quoted_apart(at, span) || id == not_ || !ok(id)) return false;
      if (std::find(seen.begin(), seen.end(), id) != seen.end()) return false;
      seen.push_back(id);
      const double recency = 1.0 / (1 + rank++);
      // Not a candidate, but as near in memory as it is: the others' ranks stay.
      if (std::find(named_inside, named_inside + n_inside, id) != named_inside + n_inside) return rank >= 6;
      double score = recency;
      // Having spoken and being a subject keep a name in focus for the
      // paragraph it is in and the next, not for the rest of the article.
      const bool in_focus = para_of(at) + 1 >= pronoun_para;
      // "… listening to Comey's statement. He called …": a name whose
      // statement the narration itself mentions after the last speaker spoke
      // is heard there and takes the turn (the preposition governs the
      // statement, not him).
      const bool voice = in_focus && kind(id) == EntityKind::kPerson && at > last_speaker_at_ &&
                         possessor_of_speech(at) && !in_content(at);
      if (voice) {
        score += 0.45 + kLastSpeakerBonus;
        turn_taken = true;
      } else {
        if (in_focus && static_cast<size_t>(id) < spoke_.size() && spoke_[id]) score += 0.45;
        if (id == last_speaker_ && !turn_taken) score += kLastSpeakerBonus;
      }
      if (in_focus && opens_sentence(at)) score += 0.3;  // the subject ("Strand met Weir. He said …": Strand)
      // A name after a preposition is no subject ("Trump commented on Lind's
      // death. He said …": Trump, not Lind).
      if (!voice && oblique(at)) score -= kObliquePenalty;
      if (reported_apart(at, span)) score -= 0.4;
      if (want && learned_gender(id) == want) score += 0.2;
      if (want && learned_gender(id) == -want) score -= 0.6;
      if (best < 0 || score > best_score) best = id, best_score = score;
      return rank >= 6;  // the six latest candidates are enough
    });
    if (best >= 0 && want && gender_[best] == 0) note_learned(best, want);
    return best;
  }

  // Whether the mention at `at` opens with a title ("Secretary Hillary Clinton", "Director Comey").
  bool named_by_title(uint32_t at) const {
    const std::vector<text::Token>& v = toks_.toks;
    auto it = std::lower_bound(v.begin(), v.end(), at, [](const text::Token& t, uint32_t x) { return t.start < x; });
    if (it == v.end() || it->start != at || it->type != text::TokType::kWord || !it->cap) return false;
    return (words_.classes(static_cast<size_t>(it - v.begin())) & attrib::Lexicon::kTitleWord) != 0;
  }

  // Whether the name mentioned at `at` is a possessor of words: "Comey's
  // statement", "Lind's remarks" (its capitalised words, the last with 's, then
  // a noun for something said).
  bool possessor_of_speech(uint32_t at) const {
    static constexpr std::string_view kSpeech[] = {"statement", "remarks", "comments", "speech", "testimony",
                                                   "announcement", "address", "words", "tweet", "tweets",
                                                   "interview", "letter"};
    const std::vector<text::Token>& v = toks_.toks;
    auto it = std::lower_bound(v.begin(), v.end(), at, [](const text::Token& t, uint32_t x) { return t.start < x; });
    for (int n = 0; it != v.end() && n < 6 && it->type == text::TokType::kWord && it->cap; ++it, ++n) {
      const std::string_view w = doc_.slice({it->start, it->end});
      if (!w.ends_with("'s") && !w.ends_with("\xE2\x80\x99s")) continue;
      const auto next = it + 1;
      if (next == v.end() || next->type != text::TokType::kWord) return false;
      const std::string_view noun = words_.low[static_cast<size_t>(next - v.begin())];
      return std::find(std::begin(kSpeech), std::end(kSpeech), noun) != std::end(kSpeech);
    }
    return false;
  }
  // Whether `pos` lies in some statement's content.
  bool in_content(uint32_t pos) const {
    auto it = std::upper_bound(contents_.begin(), contents_.end(), pos, [](uint32_t x, Span q) { return x < q.start; });
    for (int k = 0; k < 4 && it != contents_.begin(); ++k) {
      const Span q = *--it;
      if (pos >= q.start && pos < q.end) return true;
    }
    return false;
  }

  // A mention right after a preposition ("on Lind's death", "with Weir"), but
  // not a source ("according to Weir") nor a topic ("As for Weir, he said").
  // Not "of" nor "by": they name the noun's or the verb's own subject
  // ("Footage of Lind appears. He says …"; "a strong finish by Lind. He hopes …").
  static constexpr double kObliquePenalty = 0.3;
  bool oblique(uint32_t at) const {
    static constexpr std::string_view kPreps[] = {"on", "in", "at", "for", "with", "about", "from",
                                                  "against", "over", "into", "toward", "towards",
                                                  "under", "between", "among", "during", "without", "like",
                                                  "than", "to", "onto", "upon", "behind", "near"};
    // Read off the bytes before the mention (a pronoun weighs six candidates:
    // no token search each time).
    char w[8], before[12];
    uint32_t from = 0;
    const std::string_view prep = word_before(at, w, from);
    if (prep.empty() || std::find(std::begin(kPreps), std::end(kPreps), prep) == std::end(kPreps)) return false;
    const std::string_view prev = word_before(from, before, from);
    return !(prep == "to" && prev == "according") && !(prep == "for" && prev == "as");
  }

  // The word (ASCII letters, folded into `buf`) that ends at `pos` after
  // spaces; empty when something else stands there or it is longer than the
  // buffer. `start` gets where it begins.
  template <size_t N>
  std::string_view word_before(uint32_t pos, char (&buf)[N], uint32_t& start) const {
    const std::string_view t = doc_.text;
    uint32_t e = pos;
    while (e > 0 && t[e - 1] == ' ') --e;
    uint32_t b = e;
    auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    while (b > 0 && e - b <= N && letter(t[b - 1])) --b;
    start = b;
    if (b == e || e - b > N || (b > 0 && static_cast<unsigned char>(t[b - 1]) >= 0x80)) return {};
    for (uint32_t i = b; i < e; ++i) buf[i - b] = (t[i] >= 'A' && t[i] <= 'Z') ? static_cast<char>(t[i] + 32) : t[i];
    return std::string_view(buf, e - b);
  }

  // A mention that opens its sentence: only white space, and a full stop or a
  // paragraph break, or the start of the text, before it.
  bool opens_sentence(uint32_t at) const {
    uint32_t k = at;
    while (k > 0 && (doc_.text[k - 1] == ' ' || doc_.text[k - 1] == '\t')) --k;
    return k == 0 || doc_.text[k - 1] == '.' || doc_.text[k - 1] == '\n';
  }

  // The paragraph index of the token at `pos`.
  uint32_t para_of(uint32_t pos) const {
    const std::vector<text::Token>& v = toks_.toks;
    auto it = std::lower_bound(v.begin(), v.end(), pos, [](const text::Token& t, uint32_t x) { return t.start < x; });
    return it == v.end() ? (v.empty() ? 0 : v.back().para) : it->para;
  }
  // Where the paragraph of `pos` starts.
  uint32_t paragraph_start(uint32_t pos) const {
    const std::vector<text::Token>& v = toks_.toks;
    auto it = std::lower_bound(v.begin(), v.end(), pos, [](const text::Token& t, uint32_t x) { return t.start < x; });
    if (it == v.end() || it->para >= toks_.para_first.size()) return pos;
    return v[toks_.para_first[it->para]].start;
  }
  // The start of the last token of the paragraph before the one of `pos` (a
  // position paragraph_opener reads as that paragraph); `pos` when there is none.
  uint32_t previous_paragraph_pos(uint32_t pos) const {
    const std::vector<text::Token>& v = toks_.toks;
    auto it = std::lower_bound(v.begin(), v.end(), pos, [](const text::Token& t, uint32_t x) { return t.start < x; });
    if (it == v.end() || it->para >= toks_.para_first.size()) return pos;
    const size_t first = toks_.para_first[it->para];
    return first > 0 ? v[first - 1].start : pos;
  }
  // Whether entity `id` is mentioned between the start of the paragraph of `pos` and `pos`.
  bool named_in_paragraph(int id, uint32_t pos) const {
    const uint32_t from = paragraph_start(pos);
    for (Span m : ents_[id].mentions)
      if (m.start >= from && m.start < pos) return true;
    return false;
  }
  // The person the paragraph of `pos` names first outside quotations, by a
  // proper name, not of the other sex; -1 for none.
  int paragraph_opener(uint32_t pos, int gender) const {
    const uint32_t para_start = paragraph_start(pos);
    int found = -1;
    timeline_.back_from(pos, 64, [&](int id, uint32_t at) {
      if (at < para_start) return true;
      if (quoted_apart(at, {pos, pos}) || !proper_[id] || other_sex(id, gender)) return false;
      const EntityKind k = ents_[id].kind;
      if (k == EntityKind::kPerson || (k == EntityKind::kUnknown && (gender_[id] != 0 || name_shape_[id].words >= 2)))
        found = id;
      return false;
    });
    return found;
  }

  // Whether the entity is known, by title, given name or pronoun, to be of the sex other than `gender`.
  bool other_sex(int id, int gender) const {
    return gender != 0 && (gender_[id] == -gender || (gender_[id] == 0 && learned_gender(id) == -gender));
  }
  int learned_gender(int id) const {
    return static_cast<size_t>(id) < learned_.size() ? learned_[id] : 0;
  }
  void note_learned(int id, int g) {
    if (learned_.size() <= static_cast<size_t>(id)) learned_.resize(id + 1, 0);
    learned_[id] = g;
  }

  // "who", "which", "that" as a source: the phrase right before it ("the
  // unions, who said", "Mr. Lind, who said"): a mention ending at most two
  // bytes before (", "), else a plural noun there as a group, else unknown.
  int resolve_relative(const std::string& w, Span span) {
    int found = -1;
    timeline_.back_from(span.start, 8, [&](int id, uint32_t at) {
      if (span.start - at > 120) return true;
      for (Span m : ents_[id].mentions)
        if (m.start == at && m.end <= span.start && span.start - m.end <= 2) {
          found = id;
          return true;
        }
      return false;
    });
    if (found >= 0) {
      const EntityKind k = ents_[found].kind;
      const bool thing = k == EntityKind::kOrganization || k == EntityKind::kArtifact || k == EntityKind::kPlace;
      if (w == "who" && k == EntityKind::kArtifact) return -1;
      // "who" after a body or a place ends a role appositive ("Ivo Strand, a
      // clerk at the Port Authority who said"): the person it describes.
      if (w == "who" && (k == EntityKind::kOrganization || k == EntityKind::kPlace)) return appositive_person(span.start);
      if (w == "which" && !thing && k != EntityKind::kGroup) return -1;
      return found;
    }
    // The word before (a comma skipped): "unions who"; or the plural noun a
    // prepositional phrase follows, with the adjectives before it ("political
    // opponents on the left, who": "political opponents").
    const std::vector<text::Token>& v = toks_.toks;
    auto it = std::lower_bound(v.begin(), v.end(), span.start, [](const text::Token& t, uint32_t x) { return t.start < x; });
    auto plural_group = [&](const text::Token& t) -> const Parsed* {
      const std::string_view word = doc_.slice({t.start, t.end});
      if (t.type != text::TokType::kWord || t.cap || word.size() <= 3 || !word.ends_with("s") || word.ends_with("ss"))
        return nullptr;
      const Parsed& p = parsed(word);
      return p.kind == EntityKind::kGroup ? &p : nullptr;
    };
    auto take_group = [&](Span at) {
      const Parsed& p = parsed(doc_.slice(at));
      int id = group(p);
      if (id < 0) id = create(p);
      add_mention(id, at, doc_.slice(at), p);
      return id;
    };
    if (it != v.begin()) {
      --it;
      if (it->type == text::TokType::kPunct && it->ch == ',' && it != v.begin()) --it;
      if (plural_group(*it)) return take_group({it->start, it->end});
      static constexpr std::string_view kPreps[] = {"on", "of", "in", "at", "from", "with", "for", "across"};
      static constexpr std::string_view kStops[] = {"the", "a", "an", "and", "or", "of", "on", "in", "at", "from",
                                                    "with", "for", "to", "by", "some", "many", "most", "all"};
      auto low = [&](const text::Token& t) { return words_.low[static_cast<size_t>(&t - v.data())]; };
      for (auto j = it; j != v.begin() && it - j < 6; --j) {
        if (j == it || j->type != text::TokType::kWord || !plural_group(*j)) continue;
        const std::string_view next = low(*(j + 1));
        if (std::find(std::begin(kPreps), std::end(kPreps), next) == std::end(kPreps)) break;
        auto l = j;
        while (l != v.begin() && j - l < 3 && (l - 1)->type == text::TokType::kWord && !(l - 1)->cap &&
               std::find(std::begin(kStops), std::end(kStops), low(*(l - 1))) == std::end(kStops))
          --l;
        return take_group({l->start, j->end});
      }
    }
    // Else a name a short appositive back ("Trump, the nominee who"): the latest
    // person, organisation or group within a clause's length.
    timeline_.back_from(span.start, 8, [&](int id, uint32_t at) {
      if (span.start - at > 150) return true;
      const EntityKind k = ents_[id].kind;
      if (k == EntityKind::kPlace || k == EntityKind::kArtifact || k == EntityKind::kUnknown) return false;
      found = id;
      return true;
    });
    return found;
  }

  // The person named just before a role appositive that ends at `pos` ("Ivo
  // Strand, a clerk at the Port Authority" + "who"): the latest person within a
  // clause's length whose mention a comma follows; -1 for none.
  int appositive_person(uint32_t pos) const {
    int found = -1;
    timeline_.back_from(pos, 8, [&](int id, uint32_t at) {
      if (pos - at > 150) return true;
      const EntityKind k = ents_[id].kind;
      if (k != EntityKind::kPerson && !(k == EntityKind::kUnknown && (gender_[id] != 0 || name_shape_[id].words >= 2)))
        return false;
      for (Span m : ents_[id].mentions)
        if (m.start == at && m.end < pos && doc_.text[m.end] == ',') {
          found = id;
          return true;
        }
      return false;
    });
    return found;
  }

  // Whether a folded role names the title `head` as a word of its own
  // ("president" is not in "presidential"), and the same office: "vice
  // president", "deputy director" are others, unless the description says so too.
  static bool role_has_title(std::string_view role, std::string_view head, std::string_view description) {
    static constexpr std::string_view kOtherOffice[] = {"vice", "deputy", "assistant", "associate", "lieutenant",
                                                        "under", "sub", "co", "ex", "former"};
    auto letter = [](char c) { return (c >= 'a' && c <= 'z') || c == '-'; };
    for (size_t at = role.find(head); at != std::string_view::npos; at = role.find(head, at + 1)) {
      const size_t end = at + head.size();
      if ((at > 0 && letter(role[at - 1])) || (end < role.size() && letter(role[end]))) continue;
      // The word before the title.
      size_t b = at;
      while (b > 0 && role[b - 1] == ' ') --b;
      size_t a = b;
      while (a > 0 && letter(role[a - 1])) --a;
      const std::string_view before = role.substr(a, b - a);
      const bool other = std::find(std::begin(kOtherOffice), std::end(kOtherOffice), before) != std::end(kOtherOffice) &&
                         description.find(before) == std::string_view::npos;
      if (!other) return true;
    }
    return false;
  }

  // "the spokesman for Hanna Lind": the entity the article gave that role
  // ("Ivo Strand, a spokesman for Hanna Lind,"; "Norland's president" for "the
  // president of Norland"), else the one this phrase named before; -1 for
  // none (the caller makes the phrase an entity of its own: never Hanna
  // Lind), -2 when two entities hold the role.
  int resolve_role_phrase(const Parsed& p) const {
    if (const int* r = by_role_.find(p.folded)) return *r;
    int found = -1;
    for (const auto& [id, role] : folded_roles_)
      if (id != found && role.find(p.folded) != std::string::npos) {
        if (found >= 0) return -2;
        found = id;
      }
    if (found >= 0) return found;
    if (int id = get(p.key_rec->key); id >= 0 && ents_[id].kind == p.kind) return id;
    return -1;
  }

  // "the organization" -> the latest organisation; "the president" -> the one
  // entity whose roles name a president (none when two do); "the country" ->
  // the latest place.
  // resolve_description's answer for "the minister" when no named person is
  // in play at all (not even an ambiguous pair): the caller makes the role an
  // entity of its own, as issue 22 asks for role phrases.
  static constexpr int kNoOneInPlay = -3;
  int resolve_description(const Parsed& p, uint32_t pos) {
    if (p.kind == EntityKind::kOrganization) {
      // "The Lind Foundation declined, telling Channel 5 that … '…,' the
      // group said": an organisation that has just spoken goes on speaking;
      // the one it told is spoken to.
      // Only a description that fits any body ("the group", "the
      // organization") or names the speaker's own head ("the foundation").
      if (last_speaker_ >= 0 && ents_[last_speaker_].kind == EntityKind::kOrganization &&
          para_of(last_speaker_at_) + 1 >= para_of(pos) && !reporter_of(last_speaker_, pos) &&
          (p.head == "group" || p.head == "organization" || p.head == "organisation" ||
           text::fold(ents_[last_speaker_].name).ends_with(" " + p.head)))
        return last_speaker_;
      return most_prominent(pos, EntityKind::kOrganization);
    }
    if (p.kind == EntityKind::kPlace)
      return most_recent(pos, [&](int i) { return ents_[i].kind == EntityKind::kPlace; });
    if (p.kind == EntityKind::kPerson && p.definite && p.party_descriptor) return party_member_of(p, pos);
    if (p.kind == EntityKind::kPerson && p.definite) {
      // The one entity with a role naming the head.
      std::vector<int> holders;
      for (const auto& [id, role] : folded_roles_)
        if (role_has_title(role, p.head, p.folded) && !other_sex(id, p.gender) && !reporter_of(id, pos) &&
            std::find(holders.begin(), holders.end(), id) == holders.end())
          holders.push_back(id);
      if (holders.size() == 1) return holders[0];
      // No one role holder: the person named at the head of the paragraph
      // ("Harry Reid blasted Rubio … '…,' the Senate minority leader said"):
      // news names a speaker and then varies the name with what he is.
      // Unless another holder of the role is named in the paragraph too: two
      // presidents met, "the president said" is either.
      if (int id = paragraph_opener(pos, p.gender); id >= 0 && !reporter_of(id, pos)) {
        bool rival = false;
        for (int h : holders) rival = rival || (h != id && named_in_paragraph(h, pos));
        if (!rival) return id;
      }
      // Two role holders and no opener: an explicit unknown.
      if (holders.size() > 1) return -1;
      // A description with a proper adjective ("the Vermont senator", an
      // epithet) that opens its paragraph varies the name of the last speaker
      // when the paragraph before opens with him ("Bernie Sanders said … \n\n
      // The Vermont senator declined …"), not the story's most mentioned
      // person; one who did not speak there ("a protest by the group Code
      // Pink. \n\n The protester yelled") is no such variation. A plain
      // role ("The candidate said", after a host asked him) is not read so.
      if (holders.empty() && last_speaker_ >= 0 && paragraph_start(pos) == pos && p.epithet)
        if (int id = paragraph_opener(previous_paragraph_pos(pos), p.gender); id == last_speaker_ && !reporter_of(id, pos))
          return id;
      // No role names it: "the senator", "the New York businessman" is the
      // person the story is about just now, the most mentioned of the recent ones.
      const int prominent = most_prominent(pos, EntityKind::kPerson, true, p.gender, true);
      return prominent >= 0 ? prominent : kNoOneInPlay;
    }
    return get(p.key_rec->key);
  }

  // "the Florida Republican": the one person the article gave that role
  // ("Marco Rubio, the Florida Republican,"), else the person the narration
  // follows, the last speaker, when he spoke in this paragraph or the one
  // before ("Mr. Rubio said on CNN … Mr. Trump's opponents … the Florida
  // Republican would only say"); else no one: the words say where a lawmaker
  // is from, which no other mention says, so it is no guess (not the person
  // who opens the paragraph: "addressed to … Channing D. Phillips — the Utah
  // Republican asks").
  int party_member_of(const Parsed& p, uint32_t pos) const {
    int holder = -1;
    for (const auto& [id, role] : folded_roles_)
      if (role.find(p.folded) != std::string::npos && id != holder) {
        if (holder >= 0) return -1;
        holder = id;
      }
    if (holder >= 0) return holder;
    if (last_speaker_ >= 0 && ents_[last_speaker_].kind == EntityKind::kPerson && !other_sex(last_speaker_, p.gender) &&
        para_of(last_speaker_at_) + 1 >= para_of(pos) && !reporter_of(last_speaker_, pos))
      return last_speaker_;
    return -1;
  }

  // Group nouns and definite descriptions among the words of a content span:
  // its word tokens, a possessive "'s" left out of the noun ("the police's
  // account"). The lexicon has marked every token already (stage 5b), so most
  // words cost one test of their class bits.
  template <typename Add>
  void scan_descriptions(Span content, Add add) {
    // The first token of the content, from where the last scan ended
    // (attributions come in order of content start).
    const std::vector<text::Token>& v = toks_.toks;
    scan_from_ = advance_to(v, scan_from_, content.start, [](const text::Token& t, uint32_t pos) { return t.start < pos; });
    using attrib::Lexicon;
    constexpr uint32_t kNoun = Lexicon::kTargetGroup | Lexicon::kDescriptionNoun;
    constexpr uint32_t kLook = kNoun | Lexicon::kThe;
    char buf[24], the[28] = "the ";
    const text::Token* the_before = nullptr;  // the token before, when it was "the"
    size_t k = scan_from_;
    for (; k < v.size() && v[k].end <= content.end; ++k) {
      const text::Token& t = v[k];
      const text::Token* prev_the = the_before;
      the_before = nullptr;
      const uint32_t c = words_.classes(k);
      std::string_view f = words_.low[k];  // the noun, folded
      const bool ends_in_s = f.ends_with("'s");
      if ((!(c & kLook) && !ends_in_s) || t.type != text::TokType::kWord) continue;
      bool group_noun, description_noun;
      if (!ends_in_s) {
        if ((c & Lexicon::kThe) && t.end - t.start == 3) {
          the_before = &t;
          continue;
        }
        // Folding changes only the case of ASCII letters (and curly
        // apostrophes), so a list word's token is that word in some case.
        if (!(c & kNoun)) continue;
        group_noun = c & Lexicon::kTargetGroup;
        description_noun = c & Lexicon::kDescriptionNoun;
      } else {
        // A possessive: the word without "'s" (or "’s"), folded here.
        std::string_view w = doc_.slice({t.start, t.end});
        if (w.ends_with("'s")) w.remove_suffix(2);
        else if (w.ends_with("\xE2\x80\x99s")) w.remove_suffix(4);
        const size_t n = w.size();
        if (n < 2 || n >= sizeof buf) continue;
        bool letters = true;  // the nouns are ASCII letters only
        for (size_t i = 0; i < n; ++i) {
          buf[i] = (w[i] >= 'A' && w[i] <= 'Z') ? static_cast<char>(w[i] + 32) : w[i];
          letters = letters && buf[i] >= 'a' && buf[i] <= 'z';
        }
        f = std::string_view(buf, n);
        if (f == "the") {
          the_before = &t;
          continue;
        }
        if (!letters) continue;
        group_noun = is_group_noun(f);
        description_noun = !group_noun && is_description_noun(f);
      }
      const Span at{t.start, t.start + static_cast<uint32_t>(f.size())};
      if (group_noun) {
        const Parsed& p = parsed(f);
        int id = group(p);
        if (id < 0) id = create(p);
        add_mention(id, at, doc_.slice(at), p);
        add(id, at);
      } else if (description_noun && prev_the && prev_the->end + 1 == t.start && doc_.text[prev_the->end] == ' ') {
        // "the city", one space apart: the span is exactly those bytes (a
        // "the" before "—city" describes nothing).
        std::copy(f.begin(), f.end(), the + 4);
        const Parsed& p = parsed(std::string_view(the, f.size() + 4));
        if (p.kind == EntityKind::kOrganization || p.kind == EntityKind::kPlace) {
          int id = resolve_description(p, at.start);
          if (id >= 0) add(id, {at.start - 4, at.end});
        }
      }
    }
    scan_from_ = k;  // the next content starts here or later, unless it nests in this one
  }

  const Document& doc_;
  const text::Tokens& toks_;
  const attrib::TokenWords& words_;
  size_t scan_from_ = 0;   // scan_descriptions' token cursor
  size_t names_from_ = 0;  // add_targets' cursor into the names
  std::vector<Attribution>& atts_;
  Work& w_;
  std::vector<Entity> ents_;
  std::vector<int>& gender_ = w_.gender;
  std::vector<bool>& proper_ = w_.proper;
  // Full name, merge key and acronym -> entity live in the strings' interned
  // records (mention.hpp), stamped with this resolver's generation: reached
  // through the parse, with no table of this document's own to hash into,
  // fill and free (issue 5). A merge key's record holds the latest entity with
  // it; each entity links to the one before it with the same key (a list
  // threaded through one vector, not a vector per key).
  const uint64_t generation_ = ++last_generation;
  int get(const Stamp& s) const { return s.generation == generation_ ? s.entity : -1; }
  void set(Stamp& s, int id) const { s = {generation_, id}; }
  std::vector<int>& same_key_before_ = w_.same_key_before;
  text::WordTable<int>& by_role_ = w_.by_role;
  std::vector<std::pair<int, std::string>>& folded_roles_ = w_.folded_roles;
  SpanMap& span_entity_ = w_.span_entity;
  std::vector<NameShape>& name_shape_ = w_.name_shape;
  Timeline& timeline_ = w_.timeline;
  std::vector<Conv>& conversations_ = w_.conversations;
  std::vector<EntityRef>& found_ = w_.found;
  std::vector<Span> quoted_;    // direct quotations, by start
  std::vector<Span> contents_;  // every statement's content, by start
  std::vector<std::pair<Span, int>> content_of_;  // the same, with the index of its attribution
  std::vector<bool> spoke_;   // entities resolved as a speaker so far
  int last_speaker_ = -1;     // the latest of them, in text order
  uint32_t last_speaker_at_ = 0;  // where its speaker mention starts
  int not_ = -1;  // the subject of the clause a pronoun object is in: never its antecedent
  std::vector<int> learned_;  // gender learned from pronouns: a preference, never a bar
};

}  // namespace

std::string entity_id(size_t index) {
  // Built apart from its destination: "e" + std::to_string(…) assigned into an
  // existing string makes GCC 12 -O3 warn falsely (-Wrestrict, PR 105329).
  std::string id(1, 'e');
  id += std::to_string(index + 1);
  return id;
}

std::vector<Entity> resolve(const Document& doc, const text::Tokens& toks, const attrib::TokenWords& words,
                            std::vector<Attribution>& attributions, const std::vector<NameMention>& names,
                            const attrib::RuleOutput& rules) {
  trim_parse_memo();
  Resolver r(doc, toks, words, attributions, thread_work());
  r.index_names(names);
  r.resolve_attributions(rules);
  r.add_targets(names);
  return r.finish();
}

}  // namespace quotegraph::entity
