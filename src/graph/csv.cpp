// Stage: CSV. Graph -> a node list and an edge list, the two tables Gephi's
// spreadsheet import, pandas and R read (id/label and source/target as
// Gephi names them), with the GEXF's attributes.
#include <string>

#include "graph/tables.hpp"
#include "io/csv.hpp"

namespace quotegraph::graph {

CsvTables to_csv(const Graph& g) {
  using io::csv_field;
  CsvTables t;
  t.nodes = "id,label,kind,mentions,statements,roles,documents\r\n";
  for (const detail::NodeRow& r : detail::node_rows(g)) {
    const Node& n = *r.node;
    t.nodes += csv_field(n.key) + "," + csv_field(r.label) + "," + to_string(n.kind) + "," +
               std::to_string(n.mentions) + "," + std::to_string(r.statements) + "," + csv_field(r.roles) + "," +
               std::to_string(n.documents.size()) + "\r\n";
  }
  t.edges = "source,target,relation,weight,cue,excerpt\r\n";
  for (const detail::EdgeRow& r : detail::edge_rows(g)) {
    const Edge& e = *r.edge;
    t.edges += csv_field(e.source) + "," + csv_field(e.target) + "," + to_string(e.relation) + "," +
               std::to_string(e.weight) + "," + csv_field(r.cue) + "," + csv_field(r.excerpt) + "\r\n";
  }
  return t;
}

}  // namespace quotegraph::graph
