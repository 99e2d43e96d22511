// Writers for diff: DiffReport -> DOT (built with cgraph) and SVG/PNG (laid out
// and rendered in-process with gvc). Speakers and statements are nodes; an edge
// speaker -> statement is grey when every outlet carries it the same way, else
// one edge per outlet in that outlet's colour. A legend names the colours;
// statements with findings have a red outline and name the finding types.
#include <graphviz/cgraph.h>

#include <map>
#include <memory>
#include <set>

#include "graph/dot_writer.hpp"
#include "quotegraph/diff.hpp"

namespace quotegraph::diff {
namespace {

// Outlet colours: ColorBrewer Set2 (colour-blind safe), light hues kept apart
// from the saturated speaker colours of the report (report/page.cpp), so a
// colour means an outlet in the graph and a person in the text, never both.
const char* const kPalette[] = {"#66c2a5", "#fc8d62", "#8da0cb", "#e78ac3", "#a6d854",
                                "#ffd92f", "#e5c494", "#b3b3b3", "#80b1d3", "#fdb462"};
constexpr const char* kShared = "#555555";

struct Closer {
  void operator()(Agraph_t* g) const { agclose(g); }
};
using GraphPtr = std::unique_ptr<Agraph_t, Closer>;

void set(void* obj, const char* name, const std::string& value) {
  agsafeset(obj, const_cast<char*>(name), const_cast<char*>(value.c_str()), const_cast<char*>(""));
}

Agnode_t* node(Agraph_t* g, const std::string& id) {
  return agnode(g, const_cast<char*>(id.c_str()), 1);
}

GraphPtr build(const DiffReport& r) {
  GraphPtr g(agopen(const_cast<char*>("diff"), Agdirected, nullptr));
  if (!g) return nullptr;
  Agraph_t* G = g.get();
  set(G, "rankdir", "LR");
  set(G, "fontname", "Helvetica");
  agattr(G, AGNODE, const_cast<char*>("fontname"), const_cast<char*>("Helvetica"));
  // Finding types per statement: drawn in the statement's note.
  std::map<int, std::set<std::string>> marks;
  for (const auto& f : r.findings)
    if (f.statement >= 0 && f.type != FindingType::kStatementOnly) marks[f.statement].insert(to_string(f.type));
  const size_t n = r.inputs.size();
  auto colour = [](int input) { return std::string(kPalette[input % (sizeof kPalette / sizeof *kPalette)]); };
  // Legend: the graph's own label at the top, one swatch per outlet in a row,
  // and the neutral colour (an HTML-like label: compact, and it never moves
  // down the ranks as a cluster does).
  std::string legend = "<<TABLE BORDER=\"0\" CELLSPACING=\"4\" CELLPADDING=\"3\"><TR><TD><B>Outlets</B></TD>";
  for (size_t i = 0; i < n; ++i)
    legend += "<TD BGCOLOR=\"" + colour(static_cast<int>(i)) + "\">" +
              graph::detail::html_text(r.inputs[i].outlet, 40) + "</TD>";
  legend += "<TD BORDER=\"1\" COLOR=\"" + std::string(kShared) + "\">shared by all outlets</TD></TR></TABLE>>";
  std::string html = legend.substr(1, legend.size() - 2);
  char* label = agstrdup_html(G, html.data());
  agsafeset(G, const_cast<char*>("label"), label, const_cast<char*>(""));
  agstrfree(G, label);
  set(G, "labelloc", "t");
  set(G, "labeljust", "l");
  set(G, "size", "11,8.5");
  // Speaker nodes for aligned entities that speak; statement nodes for aligned statements.
  for (size_t si = 0; si < r.statements.size(); ++si) {
    const AlignedStatement& st = r.statements[si];
    std::string sid = "statement:" + std::to_string(si + 1);
    Agnode_t* sn = node(G, sid);
    set(sn, "shape", "note");
    // The first outlet's words as written, not the normalised key.
    const auto& first = st.members.front();
    const Analysis& fa = *r.inputs[first.input].analysis;
    std::string label = graph::detail::label_text(fa.doc.slice(first.part), 28, 90);
    auto mk = marks.find(static_cast<int>(si));
    if (mk != marks.end()) {
      std::string types;
      for (const auto& t : mk->second) types += (types.empty() ? "" : ", ") + t;
      label += "\\n[" + types + "]";
      set(sn, "color", "#CC0000");
      set(sn, "findings", types);
    }
    set(sn, "label", label);
    // Group members by speaker: an edge is shared when every outlet carries the
    // statement and gives it to this speaker.
    std::map<int, std::vector<int>> by_speaker;
    for (const auto& m : st.members) by_speaker[m.speaker].push_back(m.input);
    for (const auto& [sp, ins] : by_speaker) {
      std::string pid = sp >= 0 ? "entity:" + graph::name_key(r.entities[sp].name) : "entity:(unknown)";
      Agnode_t* pn = node(G, pid);
      set(pn, "shape", "ellipse");
      set(pn, "label", graph::detail::label_text(sp >= 0 ? r.entities[sp].name : "(no speaker)", 28, 60));
      if (ins.size() == n) {
        Agedge_t* e = agedge(G, pn, sn, const_cast<char*>("shared"), 1);
        if (!e) return nullptr;
        set(e, "color", kShared);
        set(e, "outlets", "all");
        continue;
      }
      for (int i : ins) {
        std::string key = "outlet" + std::to_string(i);
        Agedge_t* e = agedge(G, pn, sn, const_cast<char*>(key.c_str()), 1);
        if (!e) return nullptr;
        set(e, "color", colour(i));
        set(e, "penwidth", "2.5");
        set(e, "outlets", graph::detail::escstring(r.inputs[i].outlet));
      }
    }
  }
  return g;
}

}  // namespace

Result<std::string> to_dot(const DiffReport& r) {
  GraphPtr g = build(r);
  if (!g) return Status(ErrorCode::kInternal, "diff: cgraph could not build the graph");
  return graph::detail::write_dot(g.get(), "diff");
}

Result<std::string> render(const DiffReport& r, std::string_view format) {
  GraphPtr g = build(r);
  if (!g) return Status(ErrorCode::kInternal, "diff: cgraph could not build the graph");
  return graph::detail::layout_and_render(g.get(), format, "diff");
}

}  // namespace quotegraph::diff
