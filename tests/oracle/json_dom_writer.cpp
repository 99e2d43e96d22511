// The reference for src/io/json_writer.cpp and the echo sections of
// src/echo/write.cpp: the JSON writers built as an nlohmann::ordered_json DOM
// and dumped. The library's streaming writer must produce the same bytes
// (tests/test_json_writer.cpp); building a DOM costs more than the analysis.
#include <cmath>

#include <nlohmann/json.hpp>

#include "oracle/json_dom_writer.hpp"

namespace quotegraph::testing {
namespace {

using Json = nlohmann::ordered_json;

std::string entity_id(const Analysis& a, int idx) {
  return idx >= 0 && idx < static_cast<int>(a.entities.size()) ? a.entities[idx].id : std::string();
}

// --offsets chars: code points before `byte`, counted from the start.
bool g_chars = false;
uint32_t off(const Document& d, uint32_t byte) {
  if (!g_chars) return byte;
  uint32_t n = 0;
  for (uint32_t i = 0; i < byte; ++i) n += (static_cast<unsigned char>(d.text[i]) & 0xC0) != 0x80;
  return n;
}

Json span_json(const Document& d, Span s) {
  Json j;
  j["text"] = std::string(d.slice(s));
  j["start"] = off(d, s.start);
  j["end"] = off(d, s.end);
  return j;
}

Json span_or_null(const Document& d, Span s) { return s.empty() ? Json(nullptr) : span_json(d, s); }

std::string aid(int k) { return "a" + std::to_string(k + 1); }

Json entity_json(const Analysis& a, int e) {
  return e >= 0 && e < static_cast<int>(a.entities.size()) ? Json(a.entities[e].id) : Json(nullptr);
}

Json party_json(const echo::Party& p, const Analysis& a) {
  Json j;
  j["speaker"] = p.name.empty() ? Json(nullptr) : Json(p.name);
  j["entity"] = entity_json(a, p.entity);
  j["attribution"] = p.attribution >= 0 ? Json(aid(p.attribution)) : Json(nullptr);
  j["mention"] = span_or_null(a.doc, p.mention);
  j["phrase"] = span_or_null(a.doc, p.phrase);
  return j;
}

Json echo_json(const echo::Echo& e, const Analysis& a, const char* type) {
  Json j;
  j["type"] = type;
  j["evidence"] = echo::to_string(e.evidence);
  j["from"] = party_json(e.from, a);
  j["to"] = party_json(e.to, a);
  j["phrase"] = e.phrase.empty() ? Json(nullptr) : Json(e.phrase);
  if (e.cue.empty()) {
    j["cue"] = nullptr;
  } else {
    Json c = span_json(a.doc, e.cue);
    c["lemma"] = e.cue_lemma;
    j["cue"] = c;
  }
  j["score"] = std::round(e.score * 1000) / 1000;
  j["reason"] = e.reason;
  return j;
}

Json framing_json(const echo::Framing& f, const Analysis& a) {
  Json j;
  j["type"] = echo::to_string(f.kind);
  j["text"] = std::string(a.doc.slice(f.span));
  j["start"] = off(a.doc, f.span.start);
  j["end"] = off(a.doc, f.span.end);
  j["term"] = f.term;
  j["speaker"] = f.entity_name.empty() ? Json(nullptr) : Json(f.entity_name);
  j["entity"] = entity_json(a, f.entity);
  j["attribution"] = f.attribution >= 0 ? Json(aid(f.attribution)) : Json(nullptr);
  j["source"] = span_or_null(a.doc, f.source);
  j["reason"] = f.reason;
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

std::string to_json_dom(const Analysis& a, int indent, const echo::EchoReport* echo, bool chars) {
  g_chars = chars;
  Json j;
  j["quotegraph"] = kVersion;
  j["schema"] = kSchemaVersion;
  Json doc;
  doc["path"] = a.doc.path;
  if (!a.doc.outlet.empty()) doc["outlet"] = a.doc.outlet;
  doc["bytes"] = a.doc.text.size();
  if (chars) {
    doc["chars"] = off(a.doc, static_cast<uint32_t>(a.doc.text.size()));
    doc["offsets"] = "chars";
  }
  doc["body_start"] = off(a.doc, a.doc.body_start);
  doc["body_end"] = off(a.doc, a.doc.body_end);
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
  if (echo) {
    Json echoes = Json::array();
    for (const echo::Echo& e : echo->echoes)
      if (e.from.input == 0 && e.to.input == 0) echoes.push_back(echo_json(e, a, "echo"));
    for (const echo::Echo& e : echo->repetitions)
      if (e.from.input == 0 && e.to.input == 0) echoes.push_back(echo_json(e, a, "repetition"));
    Json framing = Json::array();
    for (const echo::Framing& f : echo->framing)
      if (f.input == 0) framing.push_back(framing_json(f, a));
    j["echoes"] = echoes;
    j["framing"] = framing;
  }
  return j.dump(indent, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace quotegraph::testing
