// Entity gold reader: NAME.entities.json (docs/entity-gold.md) -> EntityGold,
// code points converted to byte spans.
#include <algorithm>
#include <map>

#include <nlohmann/json.hpp>

#include "eval/gold_files.hpp"
#include "eval/text_match.hpp"
#include "quotegraph/entity_eval.hpp"

namespace quotegraph::eval {
namespace {

using Json = nlohmann::json;

Status bad(const std::string& path, const std::string& what) {
  return Status(ErrorCode::kFormatError, path + ": " + what);
}

bool kind_of(const std::string& s, EntityKind& out) {
  static const std::map<std::string, EntityKind> kKinds = {
      {"person", EntityKind::kPerson}, {"organization", EntityKind::kOrganization},
      {"group", EntityKind::kGroup},   {"place", EntityKind::kPlace},
      {"artifact", EntityKind::kArtifact}};
  auto it = kKinds.find(s);
  if (it == kKinds.end()) return false;
  out = it->second;
  return true;
}

// [start, end] in code points -> bytes; "" or what is wrong.
std::string span_of(const Json& j, const std::vector<uint32_t>& byte_at, Span& out) {
  if (!j.is_array() || j.size() != 2 || !j[0].is_number_integer() || !j[1].is_number_integer())
    return "is not [start, end]";
  const int64_t s = j[0].get<int64_t>(), e = j[1].get<int64_t>(), n = static_cast<int64_t>(byte_at.size()) - 1;
  if (s < 0 || e < s || e > n)
    return "[" + std::to_string(s) + ", " + std::to_string(e) + ") outside the article's " + std::to_string(n) +
           " code points";
  out = {byte_at[static_cast<size_t>(s)], byte_at[static_cast<size_t>(e)]};
  return "";
}

}  // namespace

Result<EntityGold> parse_entity_gold(std::string_view json, std::string_view article, const std::string& path) {
  Json root = Json::parse(json.begin(), json.end(), nullptr, false);
  if (root.is_discarded() || !root.is_object()) return bad(path, "not a JSON object");
  if (root.value("format", "") != "quotegraph-entity-gold/1")
    return bad(path, "format is not \"quotegraph-entity-gold/1\"");
  auto offsets = code_point_offsets(article, path);
  if (!offsets.ok()) return offsets.status();
  const std::vector<uint32_t>& byte_at = offsets.value();

  EntityGold g;
  g.gold_path = path;
  g.split = root.value("split", "");
  std::map<std::string, int> by_name;
  const Json& ents = root.value("entities", Json::array());
  for (size_t i = 0; i < ents.size(); ++i) {
    const Json& e = ents[i];
    const std::string at = "entities[" + std::to_string(i) + "]";
    GoldEntity ge;
    if (!e.is_object() || !e.contains("name") || !e["name"].is_string()) return bad(path, at + ": no name");
    ge.name = e["name"].get<std::string>();
    if (!kind_of(e.value("kind", ""), ge.kind)) return bad(path, at + " (" + ge.name + "): unknown kind");
    for (const Json& v : e.value("variants", Json::array()))
      if (v.is_string()) ge.variants.push_back(v.get<std::string>());
    if (!by_name.emplace(ge.name, static_cast<int>(g.entities.size())).second)
      return bad(path, at + ": '" + ge.name + "' listed twice");
    g.entities.push_back(std::move(ge));
  }
  for (const Json& n : root.value("not_entities", Json::array()))
    if (n.is_string()) g.not_entities.push_back(n.get<std::string>());

  auto entity_named = [&](const Json& j, const char* key, int& out) -> std::string {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return "";
    if (!it->is_string()) return std::string(key) + " is not a name";
    auto f = by_name.find(it->get<std::string>());
    if (f == by_name.end()) return std::string(key) + " '" + it->get<std::string>() + "' is not an entity's name";
    out = f->second;
    return "";
  };
  const Json& atts = root.value("attributions", Json::array());
  for (size_t i = 0; i < atts.size(); ++i) {
    const Json& a = atts[i];
    const std::string at = "attributions[" + std::to_string(i) + "]: ";
    GoldSpeaker s;
    if (!a.is_object()) return bad(path, at + "not an object");
    if (std::string err = span_of(Json::array({a.value("start", Json()), a.value("end", Json())}), byte_at, s.content);
        !err.empty())
      return bad(path, at + "start/end " + err);
    if (std::string err = span_of(a.value("source", Json()), byte_at, s.source); !err.empty())
      return bad(path, at + "source " + err);
    if (std::string err = entity_named(a, "speaker", s.entity); !err.empty()) return bad(path, at + err);
    g.attributions.push_back(s);
  }
  const Json& relays = root.value("relays", Json::array());
  for (size_t i = 0; i < relays.size(); ++i) {
    const Json& r = relays[i];
    const std::string at = "relays[" + std::to_string(i) + "]: ";
    GoldRelay gr;
    if (!r.is_object()) return bad(path, at + "not an object");
    if (std::string err = span_of(r.value("outer", Json()), byte_at, gr.outer); !err.empty())
      return bad(path, at + "outer " + err);
    if (std::string err = span_of(r.value("inner", Json()), byte_at, gr.inner); !err.empty())
      return bad(path, at + "inner " + err);
    if (std::string err = entity_named(r, "outer_speaker", gr.outer_entity); !err.empty()) return bad(path, at + err);
    if (std::string err = entity_named(r, "inner_speaker", gr.inner_entity); !err.empty()) return bad(path, at + err);
    g.relays.push_back(gr);
  }
  return g;
}

Result<std::vector<EvalInput>> find_entity_inputs(const std::string& gold, const std::vector<std::string>& text_dirs) {
  return find_suffixed_inputs(gold, text_dirs, ".entities.json");
}

}  // namespace quotegraph::eval
