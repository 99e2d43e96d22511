// The reference for src/io/json_writer.cpp: the JSON writer as it was first
// written, building an nlohmann::ordered_json DOM and dumping it. The library's
// streaming writer must produce the same bytes (tests/test_json_writer.cpp); it
// replaced this one because building the DOM cost more than the analysis.
#include <cmath>

#include <nlohmann/json.hpp>

#include "oracle/json_dom_writer.hpp"

namespace quotegraph::testing {
namespace {

using Json = nlohmann::ordered_json;

std::string entity_id(const Analysis& a, int idx) {
  return idx >= 0 && idx < static_cast<int>(a.entities.size()) ? a.entities[idx].id : std::string();
}

Json span_json(const Document& d, Span s) {
  Json j;
  j["text"] = std::string(d.slice(s));
  j["start"] = s.start;
  j["end"] = s.end;
  return j;
}

Json ref_id(const Analysis& a, const EntityRef& r) {
  std::string id = entity_id(a, r.entity);
  return id.empty() ? Json(nullptr) : Json(id);
}

Json mention_json(const Analysis& a, const EntityRef& r) {
  return r.mention.empty() ? Json(nullptr) : span_json(a.doc, r.mention);
}

}  // namespace

std::string to_json_dom(const Analysis& a, int indent, const JsonSections& sections) {
  Json j;
  j["quotegraph"] = kVersion;
  j["schema"] = kSchemaVersion;
  Json doc;
  doc["path"] = a.doc.path;
  if (!a.doc.outlet.empty()) doc["outlet"] = a.doc.outlet;
  doc["bytes"] = a.doc.text.size();
  doc["body_start"] = a.doc.body_start;
  doc["body_end"] = a.doc.body_end;
  if (a.doc.replaced_bytes) doc["replaced_bytes"] = a.doc.replaced_bytes;
  j["document"] = doc;

  Json ents = Json::array();
  for (const Entity& e : a.entities) {
    Json je;
    je["id"] = e.id;
    je["name"] = e.name;
    je["kind"] = to_string(e.kind);
    je["aliases"] = e.aliases;
    je["roles"] = e.roles;
    Json ms = Json::array();
    for (Span s : e.mentions) ms.push_back(span_json(a.doc, s));
    je["mentions"] = ms;
    ents.push_back(je);
  }
  j["entities"] = ents;

  Json atts = Json::array();
  for (size_t i = 0; i < a.attributions.size(); ++i) {
    const Attribution& t = a.attributions[i];
    Json ja;
    ja["id"] = "a" + std::to_string(i + 1);
    ja["kind"] = to_string(t.kind);
    ja["speaker"] = ref_id(a, t.speaker);
    ja["speaker_mention"] = mention_json(a, t.speaker);
    if (t.cue.empty()) {
      ja["cue"] = nullptr;
    } else {
      Json c = span_json(a.doc, t.cue);
      c["lemma"] = t.cue_lemma;
      ja["cue"] = c;
    }
    ja["content"] = span_json(a.doc, t.content);
    Json pieces = Json::array();
    for (Span p : t.pieces) pieces.push_back(span_json(a.doc, p));
    ja["pieces"] = pieces;
    ja["addressee"] = ref_id(a, t.addressee);
    ja["addressee_mention"] = mention_json(a, t.addressee);
    Json about = Json::array();
    for (const EntityRef& r : t.about) {
      Json jr = span_json(a.doc, r.mention);
      jr["entity"] = ref_id(a, r);
      about.push_back(jr);
    }
    ja["about"] = about;
    ja["via"] = t.via >= 0 ? Json("a" + std::to_string(t.via + 1)) : Json(nullptr);
    ja["echoes"] = ref_id(a, t.echoes);
    ja["echoes_mention"] = mention_json(a, t.echoes);
    ja["confidence"] = std::round(t.confidence * 100) / 100;
    ja["rule"] = t.rule;
    atts.push_back(ja);
  }
  j["attributions"] = atts;
  for (const auto& [name, value] : sections) j[name] = Json::parse(value, nullptr, false).is_discarded() ? Json(nullptr) : Json::parse(value);
  return j.dump(indent, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace quotegraph::testing
