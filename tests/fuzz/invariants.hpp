// Properties every Analysis must have, whatever the input (issue 10): spans on
// UTF-8 boundaries inside the input that slice back to the reported text, indices
// in range, and JSON output that parses. Shared by fuzz_analyze.cpp and
// tests/test_hostile.cpp. Each check returns "" when all holds, else what broke.
#pragma once

#include <cmath>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "quotegraph/document.hpp"
#include "quotegraph/io.hpp"

namespace quotegraph::testing {

inline bool on_utf8_boundary(std::string_view s, size_t i) {
  return i == 0 || i >= s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
}

inline std::string check_span(std::string_view text, Span s, const std::string& what) {
  auto where = [&] { return what + " [" + std::to_string(s.start) + "," + std::to_string(s.end) + ")"; };
  if (s.start > s.end) return where() + ": start after end";
  if (s.end > text.size()) return where() + ": ends past the input (" + std::to_string(text.size()) + " bytes)";
  if (!on_utf8_boundary(text, s.start) || !on_utf8_boundary(text, s.end))
    return where() + ": not on a UTF-8 boundary";
  return {};
}

// Every JSON object with "text", "start" and "end" is a span: its text must be
// exactly the bytes [start, end) of the document. `where` names the caller.
inline std::string check_json_spans(const nlohmann::json& j, std::string_view text, const std::string& where) {
  if (j.is_object()) {
    auto t = j.find("text"), s = j.find("start"), e = j.find("end");
    if (t != j.end() && s != j.end() && e != j.end()) {
      std::string span = where + ": span " + s->dump() + ".." + e->dump();
      if (!s->is_number_unsigned() || !e->is_number_unsigned() || !t->is_string()) return span + ": bad types";
      size_t b = s->get<size_t>(), f = e->get<size_t>();
      if (b > f || f > text.size()) return span + ": out of range";
      if (t->get_ref<const std::string&>() != text.substr(b, f - b)) return span + ": text differs from the slice";
    }
    for (const auto& v : j) {
      if (!v.is_structured()) continue;
      std::string r = check_json_spans(v, text, where);
      if (!r.empty()) return r;
    }
  } else if (j.is_array()) {
    for (const auto& v : j) {
      if (!v.is_structured()) continue;
      std::string r = check_json_spans(v, text, where);
      if (!r.empty()) return r;
    }
  }
  return {};
}

// `input` is what was given to Analyzer::analyze; `a` is its result. The
// structural half: the Analysis itself, no JSON (cheap enough for every fuzz input).
inline std::string check_analysis_structure(std::string_view input, const Analysis& a) {
  const Document& d = a.doc;
  const std::string_view text = d.text;
  if (text.size() != input.size()) return "document length " + std::to_string(text.size()) + " != input length";
  uint32_t replaced = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == input[i]) continue;
    if (text[i] != '?') return "byte " + std::to_string(i) + " changed to something other than '?'";
    ++replaced;
  }
  if (replaced != d.replaced_bytes) return "replaced_bytes does not count the replaced bytes";
  if (d.body_start > d.body_end || d.body_end > text.size()) return "body_start/body_end out of order or range";

  const int n_ent = static_cast<int>(a.entities.size());
  const int n_att = static_cast<int>(a.attributions.size());
  auto ref_ok = [&](const EntityRef& r, const std::string& what) -> std::string {
    if (r.entity < -1 || r.entity >= n_ent) return what + ": entity index out of range";
    return check_span(text, r.mention, what + ".mention");
  };
  for (int i = 0; i < n_ent; ++i) {
    const Entity& e = a.entities[i];
    std::string w = "entities[" + std::to_string(i) + "]";
    if (e.id != "e" + std::to_string(i + 1)) return w + ": id is " + e.id;
    for (size_t k = 0; k < e.mentions.size(); ++k) {
      std::string r = check_span(text, e.mentions[k], w + ".mentions[" + std::to_string(k) + "]");
      if (!r.empty()) return r;
      if (k > 0 && e.mentions[k].start < e.mentions[k - 1].start) return w + ": mentions not in text order";
    }
  }
  for (int i = 0; i < n_att; ++i) {
    const Attribution& t = a.attributions[i];
    std::string w = "attributions[" + std::to_string(i) + "]";
    for (auto r : {check_span(text, t.cue, w + ".cue"), check_span(text, t.content, w + ".content"),
                   ref_ok(t.speaker, w + ".speaker"), ref_ok(t.addressee, w + ".addressee")})
      if (!r.empty()) return r;
    for (size_t k = 0; k < t.pieces.size(); ++k) {
      Span p = t.pieces[k];
      std::string r = check_span(text, p, w + ".pieces[" + std::to_string(k) + "]");
      if (!r.empty()) return r;
      if (p.start < t.content.start || p.end > t.content.end) return w + ": piece outside the content span";
    }
    for (size_t k = 0; k < t.about.size(); ++k) {
      std::string r = ref_ok(t.about[k], w + ".about[" + std::to_string(k) + "]");
      if (!r.empty()) return r;
    }
    if (t.via < -1 || t.via >= n_att || t.via == i) return w + ": via out of range";
    if (std::string r = ref_ok(t.echoes, w + ".echoes"); !r.empty()) return r;
    if (!std::isfinite(t.confidence) || t.confidence <= 0.0 || t.confidence > 1.0)
      return w + ": confidence " + std::to_string(t.confidence) + " outside (0, 1]";
    if (i > 0 && t.content.start < a.attributions[i - 1].content.start) return w + ": not ordered by content start";
  }
  return {};
}

// The JSON half: both output forms parse, agree, and every span in them slices
// back to the document's text.
inline std::string check_analysis_json(const Analysis& a) {
  const std::string_view text = a.doc.text;
  nlohmann::json pretty, line;
  const std::string jl = to_json(a, -1);
  try {
    pretty = nlohmann::json::parse(to_json(a, 2));
    line = nlohmann::json::parse(jl);
  } catch (const std::exception& e) {
    return std::string("JSON output does not parse: ") + e.what();
  }
  if (jl.empty() || jl.back() != '\n' || jl.find('\n') != jl.size() - 1)
    return "JSONL output is not exactly one line ending in a newline";
  if (pretty != line) return "indented and single-line JSON differ";
  if (!pretty.contains("attributions") || pretty["attributions"].size() != a.attributions.size())
    return "JSON attribution count differs";
  if (pretty["document"]["bytes"] != text.size()) return "JSON document.bytes differs";
  return check_json_spans(pretty, text, "json");
}

inline std::string check_analysis(std::string_view input, const Analysis& a) {
  std::string bad = check_analysis_structure(input, a);
  return bad.empty() ? check_analysis_json(a) : bad;
}

}  // namespace quotegraph::testing
