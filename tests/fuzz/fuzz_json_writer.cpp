// Fuzz target for the JSON writer (to_json): builds an arbitrary but well-formed
// Analysis from the input (a decoded document, spans on code-point boundaries,
// valid indices), writes it, parses it back with nlohmann and checks that every
// field survives the round trip, in both indented and single-line (JSONL) form.
#include <fuzzer/FuzzedDataProvider.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "fuzz_check.hpp"
#include "quotegraph/io.hpp"
#include "text/decode.hpp"

namespace {

using namespace quotegraph;
using nlohmann::json;

struct Builder {
  FuzzedDataProvider& fdp;
  const Document& doc;
  std::vector<uint32_t> bounds;  // every code-point boundary, 0 and size included

  Span span() {
    size_t i = fdp.ConsumeIntegralInRange<size_t>(0, bounds.size() - 1);
    size_t j = fdp.ConsumeIntegralInRange<size_t>(0, bounds.size() - 1);
    if (i > j) std::swap(i, j);
    return {bounds[i], bounds[j]};
  }
  std::string slice() { return std::string(doc.slice(span())); }
  EntityRef ref(int n_entities) {
    EntityRef r;
    r.entity = fdp.ConsumeIntegralInRange<int>(-1, n_entities - 1);
    if (fdp.ConsumeBool()) r.mention = span();
    return r;
  }
};

bool valid_utf8(const std::string& s) { return text::first_invalid_utf8(s) == std::string::npos; }

void expect_span(const json& j, const Document& d, Span s, const char* what) {
  QG_FUZZ_CHECK(j.is_object(), what);
  QG_FUZZ_CHECK(j.at("start") == s.start && j.at("end") == s.end, what);
  QG_FUZZ_CHECK(j.at("text") == std::string(d.slice(s)), what);
}

void expect_ref(const json& id, const Analysis& a, const EntityRef& r, const char* what) {
  if (r.entity < 0) QG_FUZZ_CHECK(id.is_null(), what);
  else QG_FUZZ_CHECK(id == a.entities[r.entity].id, what);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzedDataProvider fdp(data, size);
  Analysis a;
  std::string path = fdp.ConsumeRandomLengthString(64);  // file names need not be UTF-8
  std::string outlet = fdp.ConsumeBool() ? fdp.ConsumeRandomLengthString(16) : std::string();
  std::string raw = fdp.ConsumeRandomLengthString(4096);
  // The writer's contract is a decoded Document; decode refuses NUL and UTF-16.
  for (char& c : raw)
    if (c == '\0') c = ' ';
  if (raw.size() >= 2 && (raw[0] == '\xFF' || raw[0] == '\xFE')) raw[0] = ' ';
  auto decoded = text::decode(raw, path, /*lenient=*/true);
  QG_FUZZ_CHECK(decoded.ok(), decoded.status().message());
  a.doc = std::move(decoded).value();
  a.doc.outlet = outlet;
  a.doc.body_end = fdp.ConsumeIntegralInRange<uint32_t>(a.doc.body_start, static_cast<uint32_t>(a.doc.text.size()));

  Builder b{fdp, a.doc, {}};
  for (uint32_t i = 0; i <= a.doc.text.size(); ++i)
    if (i == a.doc.text.size() || (static_cast<unsigned char>(a.doc.text[i]) & 0xC0) != 0x80) b.bounds.push_back(i);

  const int n_ent = fdp.ConsumeIntegralInRange<int>(0, 4);
  for (int i = 0; i < n_ent; ++i) {
    Entity e;
    e.id = "e" + std::to_string(i + 1);
    e.name = b.slice();
    e.kind = static_cast<EntityKind>(fdp.ConsumeIntegralInRange<int>(0, 5));
    for (int k = fdp.ConsumeIntegralInRange<int>(0, 3); k > 0; --k) e.aliases.push_back(b.slice());
    for (int k = fdp.ConsumeIntegralInRange<int>(0, 2); k > 0; --k) e.roles.push_back(b.slice());
    for (int k = fdp.ConsumeIntegralInRange<int>(0, 3); k > 0; --k) e.mentions.push_back(b.span());
    a.entities.push_back(std::move(e));
  }
  static const char* kLemmas[] = {"say", "according to", "tell", "(continuation)", "describe"};
  const int n_att = fdp.ConsumeIntegralInRange<int>(0, 6);
  for (int i = 0; i < n_att; ++i) {
    Attribution t;
    t.kind = static_cast<AttributionKind>(fdp.ConsumeIntegralInRange<int>(0, 2));
    t.speaker = b.ref(n_ent);
    if (fdp.ConsumeBool()) t.cue = b.span();
    t.cue_lemma = kLemmas[fdp.ConsumeIntegralInRange<int>(0, 4)];
    t.content = b.span();
    for (int k = fdp.ConsumeIntegralInRange<int>(0, 3); k > 0; --k) t.pieces.push_back(b.span());
    t.addressee = b.ref(n_ent);
    for (int k = fdp.ConsumeIntegralInRange<int>(0, 2); k > 0; --k) t.about.push_back(b.ref(n_ent));
    t.via = fdp.ConsumeIntegralInRange<int>(-1, n_att - 1);
    t.echoes = b.ref(n_ent);
    t.confidence = fdp.ConsumeIntegralInRange<int>(1, 1000) / 1000.0;
    t.rule = b.slice();
    a.attributions.push_back(std::move(t));
  }

  const std::string pretty_text = to_json(a, 2);
  QG_FUZZ_CHECK(pretty_text == to_json(a, 2), "writer is not deterministic");
  const std::string line_text = to_json(a, -1);
  QG_FUZZ_CHECK(!line_text.empty() && line_text.find('\n') == line_text.size() - 1,
                "a JSONL record is exactly one line ending in a newline");
  json j, line;
  try {
    j = json::parse(pretty_text);
    line = json::parse(line_text);
  } catch (const std::exception& e) {
    QG_FUZZ_CHECK(false, std::string("output does not parse: ") + e.what());
  }
  QG_FUZZ_CHECK(j == line, "indented and single-line output differ");

  // Top level, in the documented key order (nlohmann::json sorts keys, so the
  // order is checked on the raw text; the keys come before any string value).
  QG_FUZZ_CHECK(pretty_text.find("\"quotegraph\"") < pretty_text.find("\"document\"") &&
                    pretty_text.find("\"document\"") < pretty_text.find("\"entities\""),
                "top-level keys out of order");
  QG_FUZZ_CHECK(j.at("quotegraph") == kVersion && j.at("schema") == kSchemaVersion, "versions");
  const json& d = j.at("document");
  if (valid_utf8(path)) QG_FUZZ_CHECK(d.at("path") == path, "path");
  QG_FUZZ_CHECK(d.contains("outlet") == !outlet.empty(), "outlet presence");
  if (!outlet.empty() && valid_utf8(outlet)) QG_FUZZ_CHECK(d.at("outlet") == outlet, "outlet");
  QG_FUZZ_CHECK(d.at("bytes") == a.doc.text.size(), "bytes");
  QG_FUZZ_CHECK(d.at("body_start") == a.doc.body_start && d.at("body_end") == a.doc.body_end, "body");
  QG_FUZZ_CHECK(d.contains("replaced_bytes") == (a.doc.replaced_bytes != 0), "replaced_bytes presence");
  if (a.doc.replaced_bytes) QG_FUZZ_CHECK(d.at("replaced_bytes") == a.doc.replaced_bytes, "replaced_bytes");

  const json& ents = j.at("entities");
  QG_FUZZ_CHECK(ents.size() == a.entities.size(), "entity count");
  for (size_t i = 0; i < a.entities.size(); ++i) {
    const Entity& e = a.entities[i];
    const json& je = ents[i];
    QG_FUZZ_CHECK(je.at("id") == e.id && je.at("name") == e.name, "entity id/name");
    QG_FUZZ_CHECK(je.at("kind") == to_string(e.kind), "entity kind");
    QG_FUZZ_CHECK(je.at("aliases") == e.aliases && je.at("roles") == e.roles, "entity aliases/roles");
    QG_FUZZ_CHECK(je.at("mentions").size() == e.mentions.size(), "mention count");
    for (size_t k = 0; k < e.mentions.size(); ++k) expect_span(je.at("mentions")[k], a.doc, e.mentions[k], "mention");
  }

  const json& atts = j.at("attributions");
  QG_FUZZ_CHECK(atts.size() == a.attributions.size(), "attribution count");
  for (size_t i = 0; i < a.attributions.size(); ++i) {
    const Attribution& t = a.attributions[i];
    const json& ja = atts[i];
    QG_FUZZ_CHECK(ja.at("id") == "a" + std::to_string(i + 1), "attribution id");
    QG_FUZZ_CHECK(ja.at("kind") == to_string(t.kind), "kind");
    expect_ref(ja.at("speaker"), a, t.speaker, "speaker");
    if (t.speaker.mention.empty()) QG_FUZZ_CHECK(ja.at("speaker_mention").is_null(), "speaker_mention null");
    else expect_span(ja.at("speaker_mention"), a.doc, t.speaker.mention, "speaker_mention");
    if (t.cue.empty()) {
      QG_FUZZ_CHECK(ja.at("cue").is_null(), "cue null");
    } else {
      expect_span(ja.at("cue"), a.doc, t.cue, "cue");
      QG_FUZZ_CHECK(ja.at("cue").at("lemma") == t.cue_lemma, "lemma");
    }
    expect_span(ja.at("content"), a.doc, t.content, "content");
    QG_FUZZ_CHECK(ja.at("pieces").size() == t.pieces.size(), "piece count");
    for (size_t k = 0; k < t.pieces.size(); ++k) expect_span(ja.at("pieces")[k], a.doc, t.pieces[k], "piece");
    expect_ref(ja.at("addressee"), a, t.addressee, "addressee");
    if (t.addressee.mention.empty()) QG_FUZZ_CHECK(ja.at("addressee_mention").is_null(), "addressee_mention null");
    else expect_span(ja.at("addressee_mention"), a.doc, t.addressee.mention, "addressee_mention");
    QG_FUZZ_CHECK(ja.at("about").size() == t.about.size(), "about count");
    for (size_t k = 0; k < t.about.size(); ++k) {
      expect_span(ja.at("about")[k], a.doc, t.about[k].mention, "about");
      expect_ref(ja.at("about")[k].at("entity"), a, t.about[k], "about entity");
    }
    if (t.via < 0) QG_FUZZ_CHECK(ja.at("via").is_null(), "via null");
    else QG_FUZZ_CHECK(ja.at("via") == "a" + std::to_string(t.via + 1), "via");
    expect_ref(ja.at("echoes"), a, t.echoes, "echoes");
    if (t.echoes.mention.empty()) QG_FUZZ_CHECK(ja.at("echoes_mention").is_null(), "echoes_mention null");
    else expect_span(ja.at("echoes_mention"), a.doc, t.echoes.mention, "echoes_mention");
    QG_FUZZ_CHECK(ja.at("confidence") == std::round(t.confidence * 100) / 100, "confidence");
    QG_FUZZ_CHECK(ja.at("rule") == t.rule, "rule");
  }
  (void)to_text(a);
  (void)to_csv(a, true);
  return 0;
}
