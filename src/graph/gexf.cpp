// Stage: GEXF. Graph -> GEXF 1.2 XML, the format Gephi opens natively (and
// networkx.read_gexf reads), with the attributes network analysts filter and
// size by: each node's kind, mentions and the statements it speaks; each
// edge's relation, weight, and the first statement's cue and excerpt.
#include "graph/model.hpp"
#include "graph/tables.hpp"
#include "graph/xml.hpp"

namespace quotegraph::graph {
namespace {

using detail::xml_text;

void attvalue(std::string& out, int id, std::string_view value) {
  out += "          <attvalue for=\"" + std::to_string(id) + "\" value=\"" + xml_text(value) + "\"/>\n";
}

}  // namespace

std::string to_gexf(const Graph& g) {
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
  for (const detail::NodeRow& r : detail::node_rows(g)) {
    const Node& n = *r.node;
    out += "      <node id=\"" + xml_text(n.key) + "\" label=\"" + xml_text(r.label) + "\">\n        <attvalues>\n";
    attvalue(out, 0, to_string(n.kind));
    attvalue(out, 1, std::to_string(n.mentions));
    attvalue(out, 2, std::to_string(r.statements));
    attvalue(out, 3, r.roles);
    attvalue(out, 4, std::to_string(n.documents.size()));
    out += "        </attvalues>\n      </node>\n";
  }
  out += "    </nodes>\n    <edges>\n";
  const std::vector<detail::EdgeRow> edges = detail::edge_rows(g);
  for (size_t i = 0; i < edges.size(); ++i) {
    const Edge& e = *edges[i].edge;
    out += "      <edge id=\"" + std::to_string(i) + "\" source=\"" + xml_text(e.source) + "\" target=\"" +
           xml_text(e.target) + "\" weight=\"" + std::to_string(e.weight) + "\" label=\"" + to_string(e.relation) +
           "\">\n        <attvalues>\n";
    attvalue(out, 0, to_string(e.relation));
    attvalue(out, 1, edges[i].cue);
    attvalue(out, 2, edges[i].excerpt);
    out += "        </attvalues>\n      </edge>\n";
  }
  out += "    </edges>\n  </graph>\n</gexf>\n";
  return out;
}

}  // namespace quotegraph::graph
