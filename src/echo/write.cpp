// Echo writers: EchoReport -> JSON (docs/echo.md), text, DOT (through cgraph, so
// any quote text is escaped correctly). Deterministic: records are already sorted.
#include <graphviz/cgraph.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "echo/scan.hpp"
#include "graph/dot_writer.hpp"
#include "quotegraph/echo.hpp"

namespace quotegraph::echo {
namespace {

using Json = nlohmann::ordered_json;

const Analysis* analysis_of(const std::vector<EchoInput>& inputs, int i) {
  return i >= 0 && i < static_cast<int>(inputs.size()) ? inputs[i].analysis : nullptr;
}

Json span_json(const Document& d, Span s) {
  if (s.empty()) return nullptr;
  Json j;
  j["text"] = std::string(d.slice(s));
  j["start"] = s.start;
  j["end"] = s.end;
  return j;
}

std::string attribution_id(int k) { return "a" + std::to_string(k + 1); }

Json entity_id(const Analysis& a, int e) {
  return e >= 0 && e < static_cast<int>(a.entities.size()) ? Json(a.entities[e].id) : Json(nullptr);
}

double rounded(double x) { return std::round(x * 1000) / 1000; }

Json party_json(const Party& p, const Analysis& a, bool with_path) {
  Json j;
  if (with_path) j["path"] = a.doc.path;
  j["speaker"] = p.name.empty() ? Json(nullptr) : Json(p.name);
  j["entity"] = entity_id(a, p.entity);
  j["attribution"] = p.attribution >= 0 ? Json(attribution_id(p.attribution)) : Json(nullptr);
  j["mention"] = span_json(a.doc, p.mention);
  j["phrase"] = span_json(a.doc, p.phrase);
  return j;
}

Json echo_json(const Echo& e, const std::vector<EchoInput>& inputs, const char* type, bool with_path) {
  const Analysis* fa = analysis_of(inputs, e.from.input);
  const Analysis* ta = analysis_of(inputs, e.to.input);
  Json j;
  j["type"] = type;
  j["evidence"] = to_string(e.evidence);
  j["from"] = fa ? party_json(e.from, *fa, with_path) : Json(nullptr);
  j["to"] = ta ? party_json(e.to, *ta, with_path) : Json(nullptr);
  j["phrase"] = e.phrase.empty() ? Json(nullptr) : Json(e.phrase);
  if (e.cue.empty() || !fa) {
    j["cue"] = nullptr;
  } else {
    Json c = span_json(fa->doc, e.cue);
    c["lemma"] = e.cue_lemma;
    j["cue"] = c;
  }
  j["score"] = rounded(e.score);
  j["reason"] = e.reason;
  return j;
}

Json framing_json(const Framing& f, const Analysis& a, bool with_path) {
  Json j;
  j["type"] = to_string(f.kind);
  if (with_path) j["path"] = a.doc.path;
  j["text"] = std::string(a.doc.slice(f.span));
  j["start"] = f.span.start;
  j["end"] = f.span.end;
  j["term"] = f.term;
  j["speaker"] = f.entity_name.empty() ? Json(nullptr) : Json(f.entity_name);
  j["entity"] = entity_id(a, f.entity);
  j["attribution"] = f.attribution >= 0 ? Json(attribution_id(f.attribution)) : Json(nullptr);
  j["source"] = span_json(a.doc, f.source);
  j["reason"] = f.reason;
  return j;
}

std::string dump(const Json& j, int indent) {
  return j.dump(indent, ' ', false, Json::error_handler_t::replace);
}

std::string party_text(const Party& p, const std::vector<EchoInput>& inputs, bool paths) {
  std::string s = p.name.empty() ? "(unknown)" : p.name;
  const Analysis* a = analysis_of(inputs, p.input);
  std::string where;
  if (paths && a) where = a->doc.path;
  if (p.attribution >= 0) where += (where.empty() ? "" : " ") + attribution_id(p.attribution);
  return where.empty() ? s : s + " [" + where + "]";
}

}  // namespace

std::string to_json(const EchoReport& r, const std::vector<EchoInput>& inputs, int indent) {
  Json j;
  j["quotegraph"] = "0.1.0";
  j["inputs"] = Json::array();
  for (const EchoInput& in : inputs) {
    Json ji;
    ji["path"] = in.analysis ? in.analysis->doc.path : "";
    ji["date"] = in.date.empty() ? Json(nullptr) : Json(in.date);
    j["inputs"].push_back(ji);
  }
  j["echoes"] = Json::array();
  for (const Echo& e : r.echoes) j["echoes"].push_back(echo_json(e, inputs, "echo", true));
  j["repetitions"] = Json::array();
  for (const Echo& e : r.repetitions) j["repetitions"].push_back(echo_json(e, inputs, "repetition", true));
  j["framing"] = Json::array();
  for (const Framing& f : r.framing) {
    const Analysis* a = analysis_of(inputs, f.input);
    if (a) j["framing"].push_back(framing_json(f, *a, true));
  }
  return dump(j, indent) + (indent >= 0 ? "\n" : "");
}

AnalysisSections analysis_sections(const EchoReport& r, const Analysis& a) {
  std::vector<EchoInput> inputs{{&a, ""}};
  Json echoes = Json::array();
  for (const Echo& e : r.echoes)
    if (e.from.input == 0 && e.to.input == 0) echoes.push_back(echo_json(e, inputs, "echo", false));
  for (const Echo& e : r.repetitions)
    if (e.from.input == 0 && e.to.input == 0) echoes.push_back(echo_json(e, inputs, "repetition", false));
  Json framing = Json::array();
  for (const Framing& f : r.framing)
    if (f.input == 0) framing.push_back(framing_json(f, a, false));
  return {dump(echoes, -1), dump(framing, -1)};
}

std::string to_text(const EchoReport& r, const std::vector<EchoInput>& inputs) {
  std::ostringstream o;
  bool paths = inputs.size() > 1;
  o << "echoes: " << r.echoes.size() << ", repetitions: " << r.repetitions.size() << ", framing: " << r.framing.size()
    << " (" << inputs.size() << " input" << (inputs.size() == 1 ? "" : "s") << ")\n";
  auto block = [&](const char* title, const std::vector<Echo>& v) {
    if (v.empty()) return;
    o << "\n" << title << "\n";
    for (const Echo& e : v) {
      o << "  " << party_text(e.from, inputs, paths) << " -> " << party_text(e.to, inputs, paths) << "  "
        << to_string(e.evidence);
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.2f", e.score);
      o << " " << buf << "\n";
      if (!e.phrase.empty()) o << "    phrase: \"" << e.phrase << "\"\n";
      const Analysis* a = analysis_of(inputs, e.from.input);
      if (!e.cue.empty() && a) o << "    cue: \"" << one_line(a->doc.slice(e.cue)) << "\"\n";
      o << "    why: " << e.reason << "\n";
    }
  };
  block("Echoes (speaker -> whose words):", r.echoes);
  block("Self-repetition:", r.repetitions);
  if (!r.framing.empty()) {
    o << "\nFraming by the outlet:\n";
    for (const Framing& f : r.framing) {
      const Analysis* a = analysis_of(inputs, f.input);
      if (!a) continue;
      o << "  " << to_string(f.kind) << "  " << one_line(a->doc.slice(f.span)) << "  [";
      if (paths) o << a->doc.path << " ";
      o << f.span.start << "," << f.span.end << ")";
      if (!f.entity_name.empty()) o << "  word of " << f.entity_name;
      o << "\n    why: " << f.reason << "\n";
    }
  }
  return o.str();
}

std::string to_dot(const EchoReport& r, const std::vector<EchoInput>& inputs) {
  Agraph_t* g = agopen(const_cast<char*>("echoes"), Agdirected, nullptr);
  agattr(g, AGRAPH, const_cast<char*>("rankdir"), const_cast<char*>("LR"));
  agattr(g, AGNODE, const_cast<char*>("shape"), const_cast<char*>("box"));
  agattr(g, AGEDGE, const_cast<char*>("style"), const_cast<char*>("dashed"));
  agattr(g, AGEDGE, const_cast<char*>("label"), const_cast<char*>(""));
  // One node per speaker: the normalised key names it, so inputs merge.
  std::map<std::string, Agnode_t*> nodes;
  auto node = [&](const Party& p) -> Agnode_t* {
    const Analysis* a = analysis_of(inputs, p.input);
    if (!a) return nullptr;
    std::string key = speaker_key(*a, EntityRef{p.entity, p.mention});
    if (key.empty()) key = p.name;
    if (key.empty()) return nullptr;
    auto it = nodes.find(key);
    if (it != nodes.end()) return it->second;
    // Ids and labels in escString form, as in the quote graph's DOT (docs/graph.md):
    // cgraph writes backslashes as they are, so one ending a name would escape
    // the closing quote.
    std::string id = graph::detail::escstring(key);
    Agnode_t* n = agnode(g, id.data(), 1);
    std::string label = graph::detail::label_text(p.name, 0, 48);
    agsafeset(n, const_cast<char*>("label"), label.data(), const_cast<char*>(""));
    nodes.emplace(key, n);
    return n;
  };
  auto label_of = [](const std::string& phrase) {
    std::string s = phrase.size() > 40 ? phrase.substr(0, 40) : phrase;
    while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80) s.pop_back();
    if (!s.empty() && static_cast<unsigned char>(s.back()) >= 0xC0) s.pop_back();
    return s.size() < phrase.size() ? s + "…" : s;
  };
  int count = 0;
  auto edge = [&](const Echo& e, const char* style) {
    Agnode_t* a = node(e.from);
    Agnode_t* b = node(e.to);
    if (!a || !b) return;
    std::string name = "x" + std::to_string(++count);
    Agedge_t* ed = agedge(g, a, b, const_cast<char*>(name.c_str()), 1);
    std::string label = graph::detail::label_text(label_of(e.phrase), 0, 48);
    if (label.empty()) label = graph::detail::label_text(e.cue_lemma, 0, 48);
    agsafeset(ed, const_cast<char*>("label"), const_cast<char*>(label.c_str()), const_cast<char*>(""));
    agsafeset(ed, const_cast<char*>("style"), const_cast<char*>(style), const_cast<char*>("dashed"));
  };
  for (const Echo& e : r.echoes) edge(e, "dashed");
  for (const Echo& e : r.repetitions) edge(e, "dotted");
  char* buf = nullptr;
  size_t len = 0;
  FILE* f = open_memstream(&buf, &len);
  std::string out;
  if (f) {
    agwrite(g, f);
    std::fclose(f);
    out.assign(buf, len);
    std::free(buf);
  }
  agclose(g);
  return out;
}

}  // namespace quotegraph::echo
