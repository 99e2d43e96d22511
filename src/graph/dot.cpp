// Stage: DOT. Graph -> DOT text, built with Graphviz cgraph (agopen, agnode,
// agedge, agsafeset, agwrite), never by concatenating DOT syntax, so quoting is
// cgraph's job. Presentation conventions: docs/graph.md.
#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "graph/dot_writer.hpp"
#include "graph/xml.hpp"
#include "graph/model.hpp"

namespace quotegraph::graph {

namespace detail {

void CgraphCloser::operator()(Agraph_t* g) const {
  if (g) agclose(g);
}

namespace {

// cgraph orders subgraphs by object id, and its default id discipline uses
// the address of the interned name, which depends on heap history. This one
// hands out ids in creation order, so clusters are written in the order we
// create them: same Graph, same bytes, in any process. Names are interned with
// agstrdup, as cgraph expects (agwrite asks aghtmlstr() of every name).
struct IdState {
  Agraph_t* root = nullptr;
  std::unordered_map<std::string, IDTYPE> ids;
  std::vector<char*> names;
  IDTYPE anonymous = 1;
};

void* id_open(Agraph_t* g, Agdisc_t*) {
  auto* s = new IdState;
  s->root = g;
  return s;
}
long id_map(void* state, int, char* str, IDTYPE* id, int create) {
  auto* s = static_cast<IdState*>(state);
  if (!str) {
    *id = s->anonymous;
    s->anonymous += 2;  // odd: anonymous objects
    return 1;
  }
  auto it = s->ids.find(str);
  if (it != s->ids.end()) return *id = it->second, 1;
  if (!create) return 0;
  s->names.push_back(agstrdup(s->root, str));
  *id = static_cast<IDTYPE>(2 * s->names.size());  // even: named objects
  s->ids.emplace(str, *id);
  return 1;
}
long id_alloc(void*, int, IDTYPE) { return 0; }
void id_free(void*, int, IDTYPE) {}
char* id_print(void* state, int, IDTYPE id) {
  auto* s = static_cast<IdState*>(state);
  if (id % 2 == 1 || id == 0 || id / 2 > s->names.size()) return nullptr;
  return s->names[id / 2 - 1];
}
void id_close(void* state) {
  auto* s = static_cast<IdState*>(state);
  for (char* name : s->names) agstrfree(s->root, name);
  delete s;
}
void id_register(void*, int, void*) {}

Agiddisc_t kSequentialIds = {id_open, id_map, id_alloc, id_free, id_print, id_close, id_register};
Agdisc_t kDisc = {&AgMemDisc, &kSequentialIds, &AgIoDisc};

struct KindStyle {
  const char* shape;
  const char* style;
  const char* fill;
  const char* border;
};

// Colour-blind-safe pastels (Okabe-Ito hues, lightened); shapes differ too, so
// a greyscale print still tells the kinds apart.
constexpr std::array<KindStyle, kNodeKindCount> kKindStyles = {{
    {"ellipse", "filled", "#dbe9f6", "#2c6fad"},          // person
    {"box", "rounded,filled", "#fde2c4", "#c26a00"},      // organization
    {"octagon", "filled", "#d9f0d3", "#3b8c2a"},          // group
    {"house", "filled", "#eadcf2", "#7b3f9e"},            // place
    {"note", "filled", "#f2f2f2", "#666666"},             // artifact
    {"ellipse", "dashed,filled", "#ffffff", "#888888"},   // unknown
    {"folder", "filled", "#fff4c2", "#a08400"},           // document
    {"tab", "filled", "#fff4c2", "#a08400"},              // outlet
    {"box", "rounded,filled", "#ffffff", "#999999"},      // statement
}};

struct RelationStyle {
  const char* style;
  const char* color;
  const char* arrowhead;
};

constexpr std::array<RelationStyle, kRelationCount> kRelationStyles = {{
    {"solid", "#333333", "normal"},   // said
    {"solid", "#2c6fad", "vee"},      // addressed
    {"solid", "#c0392b", "normal"},   // about
    {"bold", "#7b3f9e", "onormal"},   // via
    {"dashed", "#e67e22", "normal"},  // echoes
    {"dotted", "#bbbbbb", "none"},    // mentions
}};

void set(void* obj, const char* name, const std::string& value) {
  agsafeset(obj, const_cast<char*>(name), const_cast<char*>(value.c_str()), const_cast<char*>(""));
}

void style_node(Agnode_t* n, NodeKind kind) {
  const KindStyle& s = kKindStyles[static_cast<size_t>(kind)];
  set(n, "shape", s.shape);
  set(n, "style", s.style);
  set(n, "fillcolor", s.fill);
  set(n, "color", s.border);
}

void style_edge(Agedge_t* e, Relation r, uint64_t weight) {
  const RelationStyle& s = kRelationStyles[static_cast<size_t>(r)];
  set(e, "style", s.style);
  set(e, "color", s.color);
  set(e, "arrowhead", s.arrowhead);
  if (weight > 1) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.1f", std::min(6.0, 1.0 + std::log2(static_cast<double>(weight))));
    set(e, "penwidth", buf);
  }
}

// "cue: “excerpt”", without a second pair of marks when the excerpt is itself
// a quotation ("describing: “a band of international terrorists.”").
std::string cue_and_excerpt(std::string_view cue, std::string_view excerpt) {
  static constexpr std::string_view kOpeners[] = {"“", "\"", "«", "„", "‘", "'", "「", "»"};
  bool quoted = false;
  for (std::string_view q : kOpeners) quoted = quoted || excerpt.starts_with(q);
  std::string out(cue);
  if (!out.empty()) out += ": ";
  if (quoted) return out + std::string(excerpt);
  return out + "“" + std::string(excerpt) + "”";
}

std::string basename_of(std::string_view path) {
  size_t slash = path.find_last_of('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

// A role with no letters ("70", an age in "Smith, 70,") says nothing in a label.
bool has_letter(std::string_view s) {
  for (char c : s)
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80) return true;
  return false;
}

// Whether a node names someone (DotOptions::names_only): some word of its label
// is more than a sentence or quote opener ("My", "So", "But I", "Thank").
bool names_someone(const Node& n) {
  if (n.kind != NodeKind::kPerson && n.kind != NodeKind::kUnknown) return true;
  static const std::set<std::string, std::less<>> kOpeners = {
      "i", "i'm", "i've", "i'll", "my", "me", "we", "we're", "our", "us", "you", "your", "he", "she", "his", "her",
      "they", "their", "it", "it's", "its", "this", "that", "these", "those", "there", "then", "now", "well",
      "yes", "no", "oh", "if", "when", "what", "why", "how", "and", "but", "or", "so", "thank", "thanks", "please",
      "let", "let's", "here", "just", "not", "okay", "ok", "look", "sure", "really"};
  std::string_view t = n.label;
  for (size_t i = 0; i < t.size();) {
    while (i < t.size() && (t[i] == ' ' || t[i] == '.' || t[i] == ',' || t[i] == '\'' || t[i] == '"')) ++i;
    size_t j = i;
    while (j < t.size() && t[j] != ' ' && t[j] != ',') ++j;
    std::string w(t.substr(i, j - i));
    while (!w.empty() && (w.back() == '.' || w.back() == '\'' || w.back() == '"')) w.pop_back();
    for (char& c : w) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    if (has_letter(w) && !kOpeners.count(w)) return true;
    i = j;
  }
  return false;
}

std::string node_label(const Node& n) {
  switch (n.kind) {
    case NodeKind::kDocument: return label_text(basename_of(n.label), 0, 60);
    case NodeKind::kStatement: {
      std::string text = cue_and_excerpt(n.roles.empty() ? std::string() : n.roles.front(), n.label);
      return label_text(text, 28, 90);
    }
    default: break;
  }
  std::string label = label_text(n.label, 0, 48);
  // The shortest role reads best on a slide ("State Department spokesperson").
  const std::string* role = nullptr;
  for (const std::string& r : n.roles)
    if (has_letter(r) && (!role || code_points(r) < code_points(*role))) role = &r;
  if (role) {
    // "70, a retired teacher": the age opens the appositive; the role follows it.
    std::string_view shown = *role;
    size_t d = 0;
    while (d < shown.size() && shown[d] >= '0' && shown[d] <= '9') ++d;
    if (d > 0 && d + 2 < shown.size() && shown.substr(d, 2) == ", ") shown.remove_prefix(d + 2);
    label += "\\n" + label_text(shown, 0, 36);
  }
  return label;
}

}  // namespace

std::string escstring(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
    if (c == '\\') out += '\\';
  }
  return out;
}

std::string unescstring(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size() && text[i + 1] == 'n') {
      out += '\n';
      ++i;
      continue;
    }
    out += text[i];
    if (text[i] == '\\' && i + 1 < text.size() && text[i + 1] == '\\') ++i;
  }
  return out;
}

std::string html_text(std::string_view text, size_t max_chars) {
  // White space collapsed and capped on a code point, then XML-escaped (the
  // entities an HTML-like label needs are XML's).
  std::string plain;
  size_t n = 0;
  bool space = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = !plain.empty();
      continue;
    }
    if ((c & 0xC0) != 0x80) {
      if (n == max_chars) return xml_text(plain) + "…";
      ++n;
      if (space) plain += ' ', space = false;
    }
    plain += static_cast<char>(c);
  }
  return xml_text(plain);
}

std::string label_text(std::string_view text, size_t columns, size_t max_chars) {
  // Words of the text with white space (newlines included) collapsed.
  std::vector<std::string_view> words;
  for (size_t i = 0; i < text.size();) {
    while (i < text.size() && std::strchr(" \t\r\n\f\v", text[i]) && text[i]) ++i;
    size_t j = i;
    while (j < text.size() && !(std::strchr(" \t\r\n\f\v", text[j]) && text[j])) ++j;
    if (j > i) words.push_back(text.substr(i, j - i));
    i = j;
  }
  std::string out, line;
  size_t total = 0, line_chars = 0;
  bool cut = false;
  for (std::string_view w : words) {
    size_t wc = code_points(w);
    size_t need = wc + (line.empty() ? 0 : 1);
    if (total + need > max_chars) {
      // Cut inside the word only when it is the first, so a label never ends empty.
      if (total == 0) {
        size_t bytes = 0, n = 0;
        while (bytes < w.size() && n < max_chars) {
          ++bytes;
          while (bytes < w.size() && (static_cast<unsigned char>(w[bytes]) & 0xC0) == 0x80) ++bytes;
          ++n;
        }
        line += w.substr(0, bytes);
      }
      cut = true;
      break;
    }
    if (columns && !line.empty() && line_chars + 1 + wc > columns) {
      out += escstring(line) + "\\n";
      line.clear();
      line_chars = 0;
      need = wc;
    }
    if (!line.empty()) line += ' ', ++line_chars;
    line += w;
    line_chars += wc;
    total += need;
  }
  if (cut) line += "…";
  out += escstring(line);
  return out;
}

std::string drawn_name(std::string_view key) {
  std::string_view kind = key.starts_with("statement:") ? "statement:" : "document:";
  size_t at = key.starts_with(kind) ? 0 : key.find("@document:");
  if (at == std::string_view::npos) return std::string(key);
  if (at > 0) ++at, kind = "document:";
  const size_t path = at + kind.size();
  // A statement key ends in "#start-end" after its path.
  size_t end = kind == "statement:" ? key.find_last_of('#') : key.size();
  if (end == std::string_view::npos || end < path) end = key.size();
  return std::string(key.substr(0, path)) + basename_of(key.substr(path, end - path)) + std::string(key.substr(end));
}

CgraphPtr make_cgraph(const Graph& g, const DotOptions& opt, bool drawing) {
  CgraphPtr root(agopen(const_cast<char*>("quotegraph"), Agdirected, &kDisc));
  if (!root) return root;
  Agraph_t* r = root.get();
  auto attr = [&](int kind, const char* name, const char* value) {
    agattr(r, kind, const_cast<char*>(name), const_cast<char*>(value));
  };
  attr(AGRAPH, "rankdir", "LR");
  attr(AGRAPH, "fontname", "Helvetica");
  attr(AGRAPH, "nodesep", "0.3");
  attr(AGRAPH, "ranksep", "0.6");
  attr(AGNODE, "fontname", "Helvetica");
  attr(AGNODE, "fontsize", "11");
  attr(AGEDGE, "fontname", "Helvetica");
  attr(AGEDGE, "fontsize", "9");
  if (!opt.page_size.empty()) attr(AGRAPH, "size", opt.page_size.c_str());

  // Clusters: one per document/outlet, holding the entities seen only there.
  std::vector<const Node*> documents;
  for (const Node& n : g.nodes)
    if (n.kind == NodeKind::kDocument || n.kind == NodeKind::kOutlet) documents.push_back(&n);
  std::map<std::string_view, Agraph_t*> cluster_of_doc;
  if (opt.clusters && documents.size() > 1 && documents.size() <= opt.max_clusters) {
    for (size_t i = 0; i < documents.size(); ++i) {
      std::string name = "cluster_doc" + std::to_string(i);
      Agraph_t* sub = agsubg(r, name.data(), 1);
      const Node& d = *documents[i];
      set(sub, "label", d.kind == NodeKind::kDocument ? label_text(basename_of(d.label), 0, 60)
                                                      : label_text(d.label, 0, 60));
      set(sub, "style", "rounded");
      set(sub, "color", "#cccccc");
      cluster_of_doc[d.key] = sub;
    }
    // Graphviz 2.43's default ranking of clusters fails on real articles'
    // graphs: 10 PolNeAR articles gave 430 lines of "trouble in init_rank" and
    // dot exit 1, and 15 of 24 two- and three-article graphs aborted in
    // gvFreeLayout; with the global ranking (newrank) none of them does.
    attr(AGRAPH, "newrank", "true");
  }

  // What is drawn: mentions edges only when asked, and entities with no drawn
  // edge (places and names the article only mentions) only when asked.
  std::vector<bool> drawn_edge(g.edges.size(), false), drawn_node(g.nodes.size(), opt.isolated_nodes);
  std::vector<std::pair<long, long>> ends(g.edges.size(), {-1, -1});
  for (size_t i = 0; i < g.edges.size(); ++i) {
    const Edge& e = g.edges[i];
    ends[i] = {g.find(e.source), g.find(e.target)};
    if (ends[i].first < 0 || ends[i].second < 0) continue;
    if (e.relation == Relation::kMentions && !opt.mention_edges) continue;
    if (opt.names_only && (!names_someone(g.nodes[ends[i].first]) || !names_someone(g.nodes[ends[i].second])))
      continue;
    drawn_edge[i] = true;
    drawn_node[ends[i].first] = drawn_node[ends[i].second] = true;
  }

  std::set<NodeKind> kinds;
  std::vector<Agnode_t*> vertex(g.nodes.size(), nullptr);
  for (size_t i = 0; i < g.nodes.size(); ++i) {
    const Node& n = g.nodes[i];
    bool is_doc = n.kind == NodeKind::kDocument || n.kind == NodeKind::kOutlet;
    if (!drawn_node[i] && !is_doc) continue;
    Agraph_t* where = r;
    std::string_view home = is_doc ? std::string_view(n.key)
                                   : (n.documents.size() == 1 ? std::string_view(n.documents[0]) : std::string_view());
    if (auto it = cluster_of_doc.find(home); it != cluster_of_doc.end()) where = it->second;
    // escString form: cgraph writes names without escaping backslashes, so a
    // key ending in one ("entity:x\\" from a hand-made graph JSON) would escape
    // its closing quote and the DOT would not parse.
    std::string name = escstring(n.key);
    if (drawing) {
      // A drawing is shared: its <title>s name files, not local folders. Two
      // files of one name in two folders stay two nodes.
      name = escstring(drawn_name(n.key));
      for (int k = 2; agnode(r, name.data(), 0); ++k) name = escstring(drawn_name(n.key)) + "~" + std::to_string(k);
    }
    Agnode_t* v = agnode(where, name.data(), 1);
    if (!v) return nullptr;
    vertex[i] = v;
    kinds.insert(n.kind);
    style_node(v, n.kind);
    set(v, "label", node_label(n));
    set(v, "kind", to_string(n.kind));
    if (n.kind == NodeKind::kStatement) set(v, "fontsize", "9");
  }

  // Each statement's excerpt is printed once: on its first about, addressed or
  // echoes edge (who it is about reads best with the words), else on its said
  // or via edge; the other edges of the statement show the cue only.
  std::vector<std::string> text(g.edges.size());
  std::set<std::tuple<std::string_view, std::string_view, uint32_t>> shown;
  for (int pass = 0; pass < 2; ++pass) {
    for (size_t i = 0; i < g.edges.size(); ++i) {
      const Edge& e = g.edges[i];
      bool speech = e.relation == Relation::kSaid || e.relation == Relation::kVia;
      if (!drawn_edge[i] || e.evidence.empty() || e.relation == Relation::kMentions || speech != (pass == 1)) continue;
      const Evidence& ev = e.evidence.front();
      bool statement_end = g.nodes[ends[i].first].kind == NodeKind::kStatement ||
                           g.nodes[ends[i].second].kind == NodeKind::kStatement;
      bool fresh = !statement_end && shown.emplace(e.source, ev.document, ev.start).second;
      std::string cue = e.relation == Relation::kVia      ? "via (" + ev.cue + ")"
                        : e.relation == Relation::kEchoes ? std::string("echoes")
                                                          : ev.cue;
      if (g.nodes[ends[i].first].kind == NodeKind::kStatement) cue = to_string(e.relation);
      // One cue for the edge only when every statement it stands for has it:
      // "told" on an edge of 14 statements with five different verbs misleads.
      bool one_cue = e.evidence.size() == e.weight;
      for (const Evidence& x : e.evidence) one_cue = one_cue && x.cue == ev.cue;
      if (!opt.excerpt_labels && !one_cue && e.relation != Relation::kVia && e.relation != Relation::kEchoes)
        cue = to_string(e.relation);
      text[i] = fresh && opt.excerpt_labels ? cue_and_excerpt(cue, ev.excerpt) : cue;
    }
  }

  std::set<Relation> relations;
  for (size_t i = 0; i < g.edges.size(); ++i) {
    if (!drawn_edge[i]) continue;
    const Edge& e = g.edges[i];
    Agedge_t* ed = agedge(r, vertex[ends[i].first], vertex[ends[i].second], nullptr, 1);
    if (!ed) return nullptr;
    relations.insert(e.relation);
    style_edge(ed, e.relation, e.weight);
    set(ed, "relation", to_string(e.relation));
    set(ed, "weight", std::to_string(e.weight));
    if (!e.evidence.empty() && e.relation != Relation::kMentions) {
      set(ed, "cue", escstring(e.evidence.front().cue));
      set(ed, "excerpt", escstring(e.evidence.front().excerpt));
    }
    std::string label = label_text(text[i], opt.wrap_columns, opt.max_label_chars);
    if (e.weight > 1 && e.relation != Relation::kMentions)
      label += opt.excerpt_labels ? (label.empty() ? "" : "\\n") + std::to_string(e.weight) + " statements"
                                  : " ×" + std::to_string(e.weight);
    if (!label.empty()) set(ed, "label", label);
    // The statements' words on hover (SVG <title>), one per line.
    if (e.relation != Relation::kMentions && !e.evidence.empty()) {
      std::string tip;
      for (const Evidence& x : e.evidence)
        tip += (tip.empty() ? "" : "\\n") + label_text(cue_and_excerpt(x.cue, x.excerpt), 0, 160);
      if (e.weight > e.evidence.size()) tip += "\\n(" + std::to_string(e.weight - e.evidence.size()) + " more)";
      set(ed, "tooltip", tip);
    }
  }

  if (opt.legend && !g.nodes.empty()) {
    // One HTML-table node: compact, and unlike sample nodes and edges it does
    // not stretch across the graph's ranks. Built from the constant style
    // tables only; no input text goes into it.
    std::string html = "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"2\">";
    html += "<TR><TD COLSPAN=\"2\"><B>Legend</B></TD></TR>";
    for (NodeKind k : kinds) {
      const KindStyle& ks = kKindStyles[static_cast<size_t>(k)];
      html += std::string("<TR><TD BGCOLOR=\"") + ks.fill + "\" BORDER=\"1\" COLOR=\"" + ks.border +
              "\" STYLE=\"rounded\">" + to_string(k) + "</TD><TD ALIGN=\"LEFT\">" + ks.shape + "</TD></TR>";
    }
    constexpr std::array<const char*, kRelationCount> kStrokes = {"───▶", "───▷", "───▶", "━━━▷", "─ ─ ▶", "┈┈┈"};
    for (Relation rel : relations) {
      const RelationStyle& rs = kRelationStyles[static_cast<size_t>(rel)];
      html += std::string("<TR><TD ALIGN=\"RIGHT\"><FONT COLOR=\"") + rs.color + "\">" +
              kStrokes[static_cast<size_t>(rel)] + "</FONT></TD><TD ALIGN=\"LEFT\">" + to_string(rel) + "</TD></TR>";
    }
    html += "</TABLE>";
    Agraph_t* legend = agsubg(r, const_cast<char*>("cluster_legend"), 1);
    set(legend, "label", "");
    set(legend, "color", "#999999");
    set(legend, "style", "rounded");
    // A name no node has: a graph read from JSON may hold any key, and a node
    // keyed "legend:table" would otherwise be restyled as the legend.
    std::string legend_name = "legend:table";
    while (g.find(legend_name) >= 0) legend_name += '~';
    Agnode_t* v = agnode(legend, legend_name.data(), 1);
    set(v, "shape", "plaintext");
    set(v, "fontsize", "9");
    char* label = agstrdup_html(r, html.data());
    agsafeset(v, const_cast<char*>("label"), label, const_cast<char*>(""));
    agstrfree(r, label);
  }
  return root;
}

Result<std::string> write_dot(Agraph_t* g, std::string_view who) {
  std::string name(who);
  char* buf = nullptr;
  size_t len = 0;
  FILE* f = open_memstream(&buf, &len);
  if (!f) return Status(ErrorCode::kInternal, name + ": cannot open a memory stream for DOT");
  int rc = agwrite(g, f);
  std::fclose(f);
  std::string out(buf ? buf : "", len);
  std::free(buf);
  if (rc != 0) return Status(ErrorCode::kInternal, name + ": agwrite failed");
  return out;
}

}  // namespace detail

Result<std::string> to_dot(const Graph& g, const DotOptions& options) {
  detail::CgraphPtr cg = detail::make_cgraph(g, options);
  if (!cg) return Status(ErrorCode::kInternal, "graph: cgraph could not build the DOT graph");
  return detail::write_dot(cg.get(), "graph");
}

}  // namespace quotegraph::graph
