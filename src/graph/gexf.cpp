// Stage: GEXF. Graph -> GEXF 1.2 XML, the format Gephi opens natively (and
// networkx.read_gexf reads), with the attributes network analysts filter and
// size by: each node's kind, mentions and the statements it speaks; each
// edge's relation, weight, and the first statement's cue and excerpt.
#include <map>

#include "graph/model.hpp"
#include "graph/xml.hpp"

namespace quotegraph::graph {
namespace {

using detail::xml_text;

void attvalue(std::string& out, int id, std::string_view value) {
  out += "          <attvalue for=\"" + std::to_string(id) + "\" value=\"" + xml_text(value) + "\"/>\n";
}

}  // namespace

std::string to_gexf(const Graph& g) {
  // Statements a node speaks: the weights of its said edges.
  std::map<std::string_view, uint64_t> spoken;
  for (const Edge& e : g.edges)
    if (e.relation == Relation::kSaid) spoken[e.source] += e.weight;
  std::string out;
  out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<gexf xmlns=\"http://www.gexf.net/1.2draft\" version=\"1.2\">\n";
  out += "  <meta><creator>quotegraph</creator><description>quote graph: who said what, to whom, about "
         "whom</description></meta>\n";
  out += "  <graph defaultedgetype=\"directed\" mode=\"static\">\n";
  out += "    <attributes class=\"node\">\n"
         "      <attribute id=\"0\" title=\"kind\" type=\"string\"/>\n"
         "      <attribute id=\"1\" title=\"mentions\" type=\"long\"/>\n"
         "      <attribute id=\"2\" title=\"statements\" type=\"long\"/>\n"
         "      <attribute id=\"3\" title=\"roles\" type=\"string\"/>\n"
         "      <attribute id=\"4\" title=\"documents\" type=\"long\"/>\n"
         "    </attributes>\n";
  out += "    <attributes class=\"edge\">\n"
         "      <attribute id=\"0\" title=\"relation\" type=\"string\"/>\n"
         "      <attribute id=\"1\" title=\"cue\" type=\"string\"/>\n"
         "      <attribute id=\"2\" title=\"excerpt\" type=\"string\"/>\n"
         "    </attributes>\n";
  out += "    <nodes>\n";
  for (const Node& n : g.nodes) {
    out += "      <node id=\"" + xml_text(n.key) + "\" label=\"" + xml_text(n.label.empty() ? n.key : n.label) +
           "\">\n        <attvalues>\n";
    attvalue(out, 0, to_string(n.kind));
    attvalue(out, 1, std::to_string(n.mentions));
    // Documents count what they carry; entities what they speak.
    const bool doc = n.kind == NodeKind::kDocument || n.kind == NodeKind::kOutlet;
    auto it = spoken.find(n.key);
    attvalue(out, 2, std::to_string(doc ? n.statements : it == spoken.end() ? 0 : it->second));
    std::string roles;
    for (const std::string& r : n.roles) roles += (roles.empty() ? "" : "; ") + r;
    attvalue(out, 3, roles);
    attvalue(out, 4, std::to_string(n.documents.size()));
    out += "        </attvalues>\n      </node>\n";
  }
  out += "    </nodes>\n    <edges>\n";
  for (size_t i = 0; i < g.edges.size(); ++i) {
    const Edge& e = g.edges[i];
    out += "      <edge id=\"" + std::to_string(i) + "\" source=\"" + xml_text(e.source) + "\" target=\"" +
           xml_text(e.target) + "\" weight=\"" + std::to_string(e.weight) + "\" label=\"" + to_string(e.relation) +
           "\">\n        <attvalues>\n";
    attvalue(out, 0, to_string(e.relation));
    attvalue(out, 1, e.evidence.empty() ? std::string_view() : std::string_view(e.evidence.front().cue));
    attvalue(out, 2, e.evidence.empty() ? std::string_view() : std::string_view(e.evidence.front().excerpt));
    out += "        </attvalues>\n      </edge>\n";
  }
  out += "    </edges>\n  </graph>\n</gexf>\n";
  return out;
}

}  // namespace quotegraph::graph
