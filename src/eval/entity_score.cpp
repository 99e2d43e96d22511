// Entity scoring: EntityGold x Analysis -> EntityEval, and its reports.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "eval/figures.hpp"
#include "eval/text_match.hpp"
#include "quotegraph/entity_eval.hpp"

namespace quotegraph::eval {
namespace {

// The comparison key of a name (see entity_eval.hpp).
std::string name_key(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == 0xE2 && i + 2 < s.size() && s[i + 1] == '\x80' && (s[i + 2] == '\x99' || s[i + 2] == '\x98')) {
      out += '\'';
      i += 2;
    } else if (c == 0xC2 && i + 1 < s.size() && s[i + 1] == '\xA0') {
      if (!out.empty() && out.back() != ' ') out += ' ';  // no-break space
      ++i;
    } else if (c == '.') {
      continue;
    } else if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == ',' || out.back() == ':')) out.pop_back();
  if (out.ends_with("'s")) out.resize(out.size() - 2);
  if (out.starts_with("the ")) out.erase(0, 4);
  return out;
}

// A pronoun or relative pronoun, by its folded form (periods kept: "U.S." is no "us").
bool is_pronoun(std::string_view s) {
  static const std::set<std::string, std::less<>> kPronouns = {
      "he", "she", "it", "they", "him", "her", "them", "his", "hers", "its", "their", "theirs",
      "who", "whom", "whose", "which", "that", "i", "we", "you", "me", "us", "himself", "herself", "themselves"};
  std::string f;
  for (char c : s) f += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  while (!f.empty() && (f.back() == ' ' || f.back() == ',' || f.back() == '\n')) f.pop_back();
  while (!f.empty() && (f.front() == ' ' || f.front() == '\n')) f.erase(0, 1);
  return kPronouns.count(f) > 0;
}

struct GoldKeys {
  std::map<std::string, int> key_to_entity;  // -2: a key two entities share (identifies none)
  void add(std::string_view name, int id) {
    if (is_pronoun(name)) return;
    add_key(name_key(name), id);
  }
  void add_key(const std::string& k, int id) {
    if (k.empty()) return;
    auto [it, fresh] = key_to_entity.emplace(k, id);
    if (!fresh && it->second != id) it->second = -2;
  }
  int find(std::string_view name) const {
    if (is_pronoun(name)) return -1;
    auto it = key_to_entity.find(name_key(name));
    return it == key_to_entity.end() ? -1 : it->second;
  }
};

GoldKeys gold_keys(const EntityGold& g) {
  GoldKeys keys;
  for (size_t i = 0; i < g.entities.size(); ++i) {
    keys.add(g.entities[i].name, static_cast<int>(i));
    for (const std::string& v : g.entities[i].variants) keys.add(v, static_cast<int>(i));
  }
  // Surnames, where they are not already a key and no other person has them.
  std::map<std::string, int> surname;
  for (size_t i = 0; i < g.entities.size(); ++i) {
    if (g.entities[i].kind != EntityKind::kPerson) continue;
    std::string k = name_key(g.entities[i].name);
    size_t sp = k.rfind(' ');
    if (sp == std::string::npos) continue;
    auto [it, fresh] = surname.emplace(k.substr(sp + 1), static_cast<int>(i));
    if (!fresh && it->second != static_cast<int>(i)) it->second = -2;
  }
  for (const auto& [k, id] : surname)
    if (!keys.key_to_entity.count(k)) keys.add_key(k, id);
  return keys;
}

// The gold entity a predicted entity is: by its canonical name, else by the
// most of its aliases; -1 for none.
int identify(const Entity& e, const GoldKeys& keys) {
  if (int id = keys.find(e.name); id >= 0) return id;
  std::map<int, int> votes;
  for (const std::string& a : e.aliases)
    if (int id = keys.find(a); id >= 0) ++votes[id];
  int best = -1, n = 0;
  for (auto [id, v] : votes)
    if (v > n) best = id, n = v;
  return best;
}

bool overlaps_half(Span a, Span b) {
  uint32_t shorter = std::min(a.size(), b.size());
  return shorter > 0 && 2 * static_cast<uint64_t>(overlap(a, b)) >= shorter;
}

}  // namespace

EntityEval& EntityEval::operator+=(const EntityEval& o) {
  speakers += o.speakers, speakers_ok += o.speakers_ok, pronouns += o.pronouns, pronouns_ok += o.pronouns_ok;
  speakers_unmatched += o.speakers_unmatched;
  entities_pred += o.entities_pred, entities_real += o.entities_real, duplicates += o.duplicates;
  entities_gold += o.entities_gold, entities_found += o.entities_found;
  kinds += o.kinds, kinds_ok += o.kinds_ok, places += o.places, places_ok += o.places_ok;
  via_pred += o.via_pred, via_ok += o.via_ok, relays_gold += o.relays_gold, relays_found += o.relays_found;
  return *this;
}

EntityEval evaluate_entities(const EntityGold& gold, const Analysis& a) {
  EntityEval r;
  r.name = gold.name;
  r.split = gold.split;
  const GoldKeys keys = gold_keys(gold);
  auto err = [&](const char* what, Span s, std::string detail) {
    r.errors.push_back({gold.name, what, s, std::move(detail)});
  };
  auto first_mention = [](const Entity& e) { return e.mentions.empty() ? Span{} : e.mentions.front(); };

  // Entities: identity, precision, duplicates, kinds.
  std::vector<int> identity(a.entities.size(), -1);
  std::vector<bool> taken(gold.entities.size(), false);
  r.entities_pred = a.entities.size();
  r.entities_gold = gold.entities.size();
  for (size_t i = 0; i < a.entities.size(); ++i) {
    const Entity& e = a.entities[i];
    const int id = identify(e, keys);
    identity[i] = id;
    if (id < 0) {
      err("junk", first_mention(e), "'" + e.name + "' (" + to_string(e.kind) + ") is no gold entity");
      continue;
    }
    ++r.entities_real;
    const GoldEntity& g = gold.entities[static_cast<size_t>(id)];
    if (taken[static_cast<size_t>(id)]) {
      ++r.duplicates;
      err("duplicate", first_mention(e), "'" + e.name + "' is a second entity for '" + g.name + "'");
    }
    taken[static_cast<size_t>(id)] = true;
    ++r.kinds;
    if (e.kind == g.kind) ++r.kinds_ok;
    else err("kind", first_mention(e), "'" + e.name + "' is " + to_string(e.kind) + ", gold " + to_string(g.kind));
    if (g.kind == EntityKind::kPlace) {
      ++r.places;
      if (e.kind == EntityKind::kPlace) ++r.places_ok;
    }
  }
  r.entities_found = static_cast<size_t>(std::count(taken.begin(), taken.end(), true));

  // Speakers: gold and predicted contents paired one to one, the pairs that
  // overlap most (over their union) first, so that a relayed statement is not
  // paired with the statement relaying it.
  struct Pair {
    double score;
    size_t gold, pred;
  };
  std::vector<Pair> pairs;
  for (size_t g = 0; g < gold.attributions.size(); ++g)
    for (size_t p = 0; p < a.attributions.size(); ++p) {
      const Span gs = gold.attributions[g].content, ps = a.attributions[p].content;
      if (gold.attributions[g].entity < 0 || !overlaps_half(gs, ps)) continue;
      const double uni = std::max(gs.end, ps.end) - std::min(gs.start, ps.start);
      pairs.push_back({overlap(gs, ps) / uni, g, p});
    }
  std::stable_sort(pairs.begin(), pairs.end(), [](const Pair& x, const Pair& y) { return x.score > y.score; });
  std::vector<const Attribution*> paired(gold.attributions.size(), nullptr);
  std::vector<bool> pred_used(a.attributions.size(), false);
  for (const Pair& pr : pairs)
    if (!paired[pr.gold] && !pred_used[pr.pred]) paired[pr.gold] = &a.attributions[pr.pred], pred_used[pr.pred] = true;
  for (size_t g = 0; g < gold.attributions.size(); ++g) {
    const GoldSpeaker& s = gold.attributions[g];
    if (s.entity < 0) continue;
    const Attribution* best = paired[g];
    if (!best) {
      ++r.speakers_unmatched;
      continue;
    }
    const bool pronoun = is_pronoun(a.doc.slice(s.source));
    const int got = best->speaker.entity >= 0 && best->speaker.entity < static_cast<int>(identity.size())
                        ? identity[static_cast<size_t>(best->speaker.entity)]
                        : -1;
    const bool ok = got == s.entity;
    ++r.speakers;
    r.speakers_ok += ok;
    if (pronoun) ++r.pronouns, r.pronouns_ok += ok;
    if (!ok) {
      std::string pred = best->speaker.entity >= 0 && best->speaker.entity < static_cast<int>(a.entities.size())
                             ? "'" + a.entities[static_cast<size_t>(best->speaker.entity)].name + "'"
                             : "no entity";
      err("speaker", s.content,
          "source '" + excerpt(a.doc.slice(s.source), 40) + "' is '" + gold.entities[static_cast<size_t>(s.entity)].name +
              "', got " + pred + (best->speaker.mention.empty() ? "" : " from '" + excerpt(a.doc.slice(best->speaker.mention), 40) + "'"));
    }
  }

  // Relays.
  r.relays_gold = gold.relays.size();
  std::vector<bool> found(gold.relays.size(), false);
  for (const Attribution& t : a.attributions) {
    if (t.via < 0 || t.via >= static_cast<int>(a.attributions.size())) continue;
    const Span outer = a.attributions[static_cast<size_t>(t.via)].content;
    ++r.via_pred;
    bool ok = false;
    for (size_t i = 0; i < gold.relays.size(); ++i)
      if (overlaps_half(gold.relays[i].inner, t.content) && overlaps_half(gold.relays[i].outer, outer)) {
        ok = true;
        found[i] = true;
      }
    r.via_ok += ok;
    if (!ok) err("via", t.content, "'" + excerpt(a.doc.slice(t.content), 60) + "' is no relay");
  }
  r.relays_found = static_cast<size_t>(std::count(found.begin(), found.end(), true));
  return r;
}

std::string entity_summary_line(const EntityEval& t) {
  return "ENTITY speaker_entity=" + fmt3(ratio(t.speakers_ok, t.speakers)) +
         " pronoun=" + fmt3(ratio(t.pronouns_ok, t.pronouns)) +
         " entity_precision=" + fmt3(ratio(t.entities_real, t.entities_pred)) +
         " kind=" + fmt3(ratio(t.kinds_ok, t.kinds)) + " place_kind=" + fmt3(ratio(t.places_ok, t.places)) +
         " via_precision=" + fmt3(ratio(t.via_ok, t.via_pred));
}

namespace {

std::string row(const std::string& label, const EntityEval& e) {
  char buf[512];
  std::snprintf(buf, sizeof buf, "%-44.44s %4zu %6s %4zu %6s %4zu %6s %4zu %6s %6s %6s %3zu %6s %3zu\n", label.c_str(),
                e.speakers, fmt3(ratio(e.speakers_ok, e.speakers)).c_str(), e.pronouns,
                fmt3(ratio(e.pronouns_ok, e.pronouns)).c_str(), e.entities_pred,
                fmt3(ratio(e.entities_real, e.entities_pred)).c_str(), e.entities_gold,
                fmt3(ratio(e.entities_found, e.entities_gold)).c_str(), fmt3(ratio(e.kinds_ok, e.kinds)).c_str(),
                fmt3(ratio(e.places_ok, e.places)).c_str(), e.via_pred, fmt3(ratio(e.via_ok, e.via_pred)).c_str(),
                e.duplicates);
  return buf;
}

// Totals: all documents, then one per split that occurs.
std::vector<EntityEval> totals(const std::vector<EntityEval>& docs) {
  EntityEval all;
  all.name = "TOTAL";
  std::map<std::string, EntityEval> by_split;
  for (const EntityEval& d : docs) {
    all += d;
    if (!d.split.empty()) {
      EntityEval& s = by_split[d.split];
      s.name = "TOTAL " + d.split;
      s.split = d.split;
      s += d;
    }
  }
  std::vector<EntityEval> out;
  for (auto& [k, s] : by_split) out.push_back(s);
  out.push_back(all);
  return out;
}

}  // namespace

std::string entity_report_text(const std::vector<EntityEval>& docs, bool with_errors) {
  std::string out;
  if (with_errors)
    for (const EntityEval& d : docs)
      for (const EntityErrorLine& e : d.errors)
        out += e.what + "\t" + e.document + "\t[" + std::to_string(e.span.start) + "," + std::to_string(e.span.end) +
               ")\t" + e.detail + "\n";
  char head[512];
  std::snprintf(head, sizeof head, "%-44s %4s %6s %4s %6s %4s %6s %4s %6s %6s %6s %3s %6s %3s\n", "document",
                "spk", "acc", "pro", "acc", "ent", "prec", "gold", "recall", "kind", "place", "via", "prec", "dup");
  out += head;
  for (const EntityEval& d : docs) out += row(d.name, d);
  std::vector<EntityEval> t = totals(docs);
  for (const EntityEval& s : t) out += row(s.name, s);
  out += entity_summary_line(t.back()) + "\n";
  return out;
}

std::string entity_report_json(const std::vector<EntityEval>& docs, bool with_errors) {
  using Json = nlohmann::ordered_json;
  auto r4 = [](double v) { return std::round(v * 10000) / 10000; };
  auto one = [&](const EntityEval& e) {
    Json j;
    j["name"] = e.name;
    if (!e.split.empty()) j["split"] = e.split;
    j["speaker_entity"] = {{"matched", e.speakers}, {"correct", e.speakers_ok}, {"accuracy", r4(ratio(e.speakers_ok, e.speakers))},
                           {"content_not_found", e.speakers_unmatched}};
    j["pronoun_speaker_entity"] = {{"matched", e.pronouns}, {"correct", e.pronouns_ok}, {"accuracy", r4(ratio(e.pronouns_ok, e.pronouns))}};
    j["entities"] = {{"pred", e.entities_pred}, {"real", e.entities_real}, {"precision", r4(ratio(e.entities_real, e.entities_pred))},
                     {"gold", e.entities_gold}, {"found", e.entities_found}, {"recall", r4(ratio(e.entities_found, e.entities_gold))},
                     {"duplicates", e.duplicates}};
    j["kind"] = {{"scored", e.kinds}, {"correct", e.kinds_ok}, {"accuracy", r4(ratio(e.kinds_ok, e.kinds))}};
    j["place_kind"] = {{"scored", e.places}, {"correct", e.places_ok}, {"accuracy", r4(ratio(e.places_ok, e.places))}};
    j["via"] = {{"pred", e.via_pred}, {"correct", e.via_ok}, {"precision", r4(ratio(e.via_ok, e.via_pred))},
                {"gold", e.relays_gold}, {"found", e.relays_found}};
    return j;
  };
  Json root;
  std::vector<EntityEval> t = totals(docs);
  root["total"] = one(t.back());
  Json splits = Json::array();
  for (size_t i = 0; i + 1 < t.size(); ++i) splits.push_back(one(t[i]));
  root["splits"] = splits;
  Json ds = Json::array();
  for (const EntityEval& d : docs) ds.push_back(one(d));
  root["documents"] = ds;
  if (with_errors) {
    Json es = Json::array();
    for (const EntityEval& d : docs)
      for (const EntityErrorLine& e : d.errors)
        es.push_back({{"document", e.document}, {"what", e.what}, {"start", e.span.start}, {"end", e.span.end}, {"detail", e.detail}});
    root["errors"] = es;
  }
  root["summary"] = entity_summary_line(t.back());
  return root.dump(1) + "\n";
}

}  // namespace quotegraph::eval
