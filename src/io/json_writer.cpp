// Writer: Analysis -> JSON (docs/output-format.md). Keys keep a fixed order;
// io::JsonOut streams them (its header says why not a DOM). The echo and
// framing sections are written by the echo stage's writer into the same
// stream, and the corpus section from the record's provenance.
#include <array>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "echo/sections.hpp"
#include "io/json_out.hpp"
#include "quotegraph/io.hpp"

namespace quotegraph {
namespace {

using io::JsonOut;
using Json = nlohmann::ordered_json;

void spans(JsonOut& o, const Document& d, const std::vector<Span>& v) {
  o.open('[');
  for (Span s : v) {
    o.element();
    o.span(d, s);
  }
  o.close(']');
}

void ref_id(JsonOut& o, const Analysis& a, const EntityRef& r) {
  if (r.entity >= 0 && r.entity < static_cast<int>(a.entities.size()) && !a.entities[r.entity].id.empty())
    o.string(a.entities[r.entity].id);
  else
    o.null();
}

void mention(JsonOut& o, const Analysis& a, const EntityRef& r) {
  o.span_or_null(a.doc, r.mention);
}

void strings(JsonOut& o, const std::vector<std::string>& v) {
  o.open('[');
  for (const std::string& s : v) {
    o.element();
    o.string(s);
  }
  o.close(']');
}

// Confidences are rounded to hundredths: 101 possible values, each formatted
// once by nlohmann so the digits are exactly those it writes.
std::string_view confidence(double c) {
  static const std::array<std::string, 101> kText = [] {
    std::array<std::string, 101> t;
    for (int i = 0; i <= 100; ++i) t[i] = Json(static_cast<double>(i) / 100).dump();
    return t;
  }();
  const double r = std::round(c * 100) / 100;
  if (std::isfinite(r) && r >= 0 && r <= 1) {
    const long i = std::lround(r * 100);
    if (r == static_cast<double>(i) / 100) return kText[i];
  }
  static thread_local std::string other;  // outside [0, 1]: not produced by the analyzer
  other = Json(r).dump();
  return other;
}

// Where a corpus record came from, and what its offsets index.
void corpus_section(JsonOut& o, const RecordInfo& r, Offsets offsets) {
  o.open('{');
  o.key_string("source", r.source);
  o.key("line");
  o.number(r.line);
  for (auto [k, v] : {std::pair{"id", &r.id}, {"url", &r.url}, {"date", &r.date}, {"title", &r.title},
                      {"byline", &r.byline}, {"site_name", &r.site_name}})
    if (!v->empty()) o.key_string(k, *v);
  o.key_string("offsets", std::string(offsets == Offsets::kChars ? "code-point" : "UTF-8 byte") + " offsets into " +
                              r.offsets_of);
  o.close('}');
}

}  // namespace

std::string to_json(const Analysis& a, int indent, const WriteOptions& options) {
  std::optional<CodePointMap> cp;
  if (options.offsets == Offsets::kChars) cp.emplace(a.doc.text);
  JsonOut o(indent, cp ? &*cp : nullptr);
  // News comes out at about four bytes of JSONL a byte of text (every span
  // written with its text), more with an indent.
  o.reserve(a.doc.text.size() * (indent < 0 ? 4 : 8) + 4096);
  o.open('{');
  o.key("quotegraph");
  o.string(kVersion);
  o.key("schema");
  o.string(kSchemaVersion);
  o.key("document");
  o.open('{');
  o.key("path");
  o.string(a.doc.path);
  if (!a.doc.outlet.empty()) {
    o.key("outlet");
    o.string(a.doc.outlet);
  }
  o.key("bytes");
  o.number(a.doc.text.size());
  if (cp) {
    o.key("chars");
    o.offset(static_cast<uint32_t>(a.doc.text.size()));
    o.key_string("offsets", "chars");
  }
  o.key("body_start");
  o.offset(a.doc.body_start);
  o.key("body_end");
  o.offset(a.doc.body_end);
  if (a.doc.replaced_bytes) {
    o.key("replaced_bytes");
    o.number(a.doc.replaced_bytes);
  }
  o.close('}');

  o.key("entities");
  o.open('[');
  for (const Entity& e : a.entities) {
    o.element();
    o.open('{');
    o.key("id");
    o.string(e.id);
    o.key("name");
    o.string(e.name);
    o.key("kind");
    o.string(to_string(e.kind));
    o.key("aliases");
    strings(o, e.aliases);
    o.key("roles");
    strings(o, e.roles);
    o.key("mentions");
    spans(o, a.doc, e.mentions);
    o.close('}');
  }
  o.close(']');

  o.key("attributions");
  o.open('[');
  for (size_t i = 0; i < a.attributions.size(); ++i) {
    const Attribution& t = a.attributions[i];
    o.element();
    o.open('{');
    o.key("id");
    o.string(attribution_id(i));
    o.key("kind");
    o.string(to_string(t.kind));
    o.key("speaker");
    ref_id(o, a, t.speaker);
    o.key("speaker_mention");
    mention(o, a, t.speaker);
    o.key("cue");
    if (t.cue.empty()) {
      o.null();
    } else {
      o.open_span(a.doc, t.cue);
      o.key("lemma");
      o.string(t.cue_lemma);
      o.close('}');
    }
    o.key("content");
    o.span(a.doc, t.content);
    o.key("pieces");
    spans(o, a.doc, t.pieces);
    o.key("addressee");
    ref_id(o, a, t.addressee);
    o.key("addressee_mention");
    mention(o, a, t.addressee);
    o.key("about");
    o.open('[');
    for (const EntityRef& r : t.about) {
      o.element();
      o.open_span(a.doc, r.mention);
      o.key("entity");
      ref_id(o, a, r);
      o.close('}');
    }
    o.close(']');
    o.key("via");
    o.attribution_or_null(t.via);
    o.key("echoes");
    ref_id(o, a, t.echoes);
    o.key("echoes_mention");
    mention(o, a, t.echoes);
    o.key("confidence");
    o.raw(confidence(t.confidence));
    o.key("rule");
    o.string(t.rule);
    o.close('}');
  }
  o.close(']');
  if (options.echo) echo::write_sections(o, *options.echo, a);
  if (options.record && options.corpus_section) {
    o.key("corpus");
    corpus_section(o, *options.record, options.offsets);
  }
  o.close('}');
  std::string out = std::move(o).take();
  out += '\n';
  return out;
}

}  // namespace quotegraph
