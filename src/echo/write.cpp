// Echo writers: EchoReport -> JSON (docs/echo.md), text, DOT (through cgraph, so
// any quote text is escaped correctly). Deterministic: records are already sorted.
#include <graphviz/cgraph.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <sstream>

#include "echo/scan.hpp"
#include "echo/sections.hpp"
#include "graph/dot_writer.hpp"
#include "quotegraph/echo.hpp"
#include "quotegraph/io.hpp"

namespace quotegraph::echo {
namespace {

using io::JsonOut;

const Analysis* analysis_of(const std::vector<EchoInput>& inputs, int i) {
  return i >= 0 && i < static_cast<int>(inputs.size()) ? inputs[i].analysis : nullptr;
}

void entity_id(JsonOut& o, const Analysis& a, int e) {
  if (e >= 0 && e < static_cast<int>(a.entities.size())) o.string(a.entities[e].id);
  else o.null();
}

double rounded(double x) { return std::round(x * 1000) / 1000; }

// Whose words: "speaker" (the name), "entity" and "attribution" (their ids).
void whose(JsonOut& o, const Analysis& a, std::string_view name, int entity, int attribution) {
  o.key("speaker");
  o.string_or_null(name);
  o.key("entity");
  entity_id(o, a, entity);
  o.key("attribution");
  o.attribution_or_null(attribution);
}

void party_json(JsonOut& o, const Party& p, const Analysis& a, bool with_path) {
  o.open('{');
  if (with_path) o.key_string("path", a.doc.path);
  whose(o, a, p.name, p.entity, p.attribution);
  o.key("mention");
  o.span_or_null(a.doc, p.mention);
  o.key("phrase");
  o.span_or_null(a.doc, p.phrase);
  o.close('}');
}

void echo_json(JsonOut& o, const Echo& e, const std::vector<EchoInput>& inputs, const char* type, bool with_path) {
  const Analysis* fa = analysis_of(inputs, e.from.input);
  const Analysis* ta = analysis_of(inputs, e.to.input);
  o.open('{');
  o.key_string("type", type);
  o.key_string("evidence", to_string(e.evidence));
  o.key("from");
  if (fa) party_json(o, e.from, *fa, with_path);
  else o.null();
  o.key("to");
  if (ta) party_json(o, e.to, *ta, with_path);
  else o.null();
  o.key("phrase");
  o.string_or_null(e.phrase);
  o.key("cue");
  if (e.cue.empty() || !fa) {
    o.null();
  } else {
    o.open_span(fa->doc, e.cue);
    o.key_string("lemma", e.cue_lemma);
    o.close('}');
  }
  o.key("score");
  o.real(rounded(e.score));
  o.key_string("reason", e.reason);
  o.close('}');
}

void framing_json(JsonOut& o, const Framing& f, const Analysis& a, bool with_path) {
  o.open('{');
  o.key_string("type", to_string(f.kind));
  if (with_path) o.key_string("path", a.doc.path);
  o.key_string("text", a.doc.slice(f.span));
  o.key("start");
  o.offset(f.span.start);
  o.key("end");
  o.offset(f.span.end);
  o.key_string("term", f.term);
  whose(o, a, f.entity_name, f.entity, f.attribution);
  o.key("source");
  o.span_or_null(a.doc, f.source);
  o.key_string("reason", f.reason);
  o.close('}');
}

std::string party_text(const Party& p, const std::vector<EchoInput>& inputs, bool paths) {
  std::string s = p.name.empty() ? "(unknown)" : p.name;
  const Analysis* a = analysis_of(inputs, p.input);
  std::string where;
  if (paths && a) where = a->doc.path;
  if (p.attribution >= 0) where += (where.empty() ? "" : " ") + attribution_id(static_cast<size_t>(p.attribution));
  return where.empty() ? s : s + " [" + where + "]";
}

}  // namespace

std::string to_json(const EchoReport& r, const std::vector<EchoInput>& inputs, int indent) {
  JsonOut o(indent);
  o.open('{');
  o.key_string("quotegraph", kVersion);
  o.key("inputs");
  o.open('[');
  for (const EchoInput& in : inputs) {
    o.element();
    o.open('{');
    o.key_string("path", in.analysis ? std::string_view(in.analysis->doc.path) : std::string_view());
    o.key("date");
    o.string_or_null(in.date);
    o.close('}');
  }
  o.close(']');
  for (auto [name, list] : {std::pair{"echoes", &r.echoes}, {"repetitions", &r.repetitions}}) {
    o.key(name);
    o.open('[');
    for (const Echo& e : *list) {
      o.element();
      echo_json(o, e, inputs, list == &r.echoes ? "echo" : "repetition", true);
    }
    o.close(']');
  }
  o.key("framing");
  o.open('[');
  for (const Framing& f : r.framing)
    if (const Analysis* a = analysis_of(inputs, f.input)) {
      o.element();
      framing_json(o, f, *a, true);
    }
  o.close(']');
  o.close('}');
  std::string out = std::move(o).take();
  if (indent >= 0) out += '\n';
  return out;
}

void write_sections(JsonOut& o, const EchoReport& r, const Analysis& a) {
  const std::vector<EchoInput> inputs{{&a, ""}};
  o.key("echoes");
  o.open('[');
  for (auto [list, type] : {std::pair{&r.echoes, "echo"}, {&r.repetitions, "repetition"}})
    for (const Echo& e : *list)
      if (e.from.input == 0 && e.to.input == 0) {
        o.element();
        echo_json(o, e, inputs, type, false);
      }
  o.close(']');
  o.key("framing");
  o.open('[');
  for (const Framing& f : r.framing)
    if (f.input == 0) {
      o.element();
      framing_json(o, f, a, false);
    }
  o.close(']');
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
