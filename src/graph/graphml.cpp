// Stage: GraphML. Graph -> GraphML XML for Gephi, networkx and yEd, every
// field a typed <data> key. Written directly (XML is regular enough), with
// every character data and attribute value escaped by xml_text().
#include <nlohmann/json.hpp>

#include "graph/model.hpp"
#include "graph/xml.hpp"

namespace quotegraph::graph {

namespace detail {

// XML 1.0 text: markup characters as entities, and the characters XML forbids
// outright (C0 controls other than tab, newline, return; U+FFFE, U+FFFF)
// dropped, since no escape can carry them.
std::string xml_text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    switch (c) {
      case '&': out += "&amp;"; continue;
      case '<': out += "&lt;"; continue;
      case '>': out += "&gt;"; continue;
      case '"': out += "&quot;"; continue;
      case '\'': out += "&apos;"; continue;
      default: break;
    }
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;
    if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBF &&
        (static_cast<unsigned char>(s[i + 2]) & 0xFE) == 0xBE) {
      i += 2;
      continue;
    }
    out += static_cast<char>(c);
  }
  return out;
}

}  // namespace detail

namespace {

using detail::xml_text;


std::string json_list(const std::vector<std::string>& v) {
  return nlohmann::json(v).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

struct Key {
  const char* id;
  const char* domain;  // node or edge
  const char* type;    // GraphML attr.type
};

constexpr Key kKeys[] = {
    {"kind", "node", "string"},        {"label", "node", "string"},     {"names", "node", "string"},
    {"aliases", "node", "string"},     {"roles", "node", "string"},     {"documents", "node", "string"},
    {"kind_votes", "node", "string"},  {"mentions", "node", "long"},    {"statements", "node", "long"},
    {"unattributed", "node", "long"},  {"relay_depth", "node", "int"},  {"relation", "edge", "string"},
    {"weight", "edge", "long"},        {"cue", "edge", "string"},       {"excerpt", "edge", "string"},
    {"evidence", "edge", "string"},
};

void data(std::string& out, const char* key, std::string_view value) {
  out += "      <data key=\"";
  out += key;
  out += "\">";
  out += xml_text(value);
  out += "</data>\n";
}

}  // namespace

std::string to_graphml(const Graph& g) {
  std::string out;
  out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n";
  out += "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n";
  out += "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  out += "  <!-- quotegraph graph schema " + std::string(kGraphSchemaVersion) +
         "; list fields are JSON arrays; docs/graph.md -->\n";
  for (const Key& k : kKeys) {
    out += "  <key id=\"" + std::string(k.id) + "\" for=\"" + k.domain + "\" attr.name=\"" + k.id +
           "\" attr.type=\"" + k.type + "\"/>\n";
  }
  out += "  <graph id=\"quotegraph\" edgedefault=\"directed\">\n";
  for (const Node& n : g.nodes) {
    out += "    <node id=\"" + xml_text(n.key) + "\">\n";
    data(out, "kind", to_string(n.kind));
    data(out, "label", n.label);
    data(out, "names", json_list(n.names));
    data(out, "aliases", json_list(n.aliases));
    data(out, "roles", json_list(n.roles));
    data(out, "documents", json_list(n.documents));
    nlohmann::ordered_json votes = nlohmann::ordered_json::object();
    for (size_t i = 0; i < kNodeKindCount; ++i)
      if (n.kind_votes[i]) votes[to_string(static_cast<NodeKind>(i))] = n.kind_votes[i];
    data(out, "kind_votes", votes.dump());
    data(out, "mentions", std::to_string(n.mentions));
    data(out, "statements", std::to_string(n.statements));
    data(out, "unattributed", std::to_string(n.unattributed));
    data(out, "relay_depth", std::to_string(n.relay_depth));
    out += "    </node>\n";
  }
  size_t id = 0;
  for (const Edge& e : g.edges) {
    out += "    <edge id=\"e" + std::to_string(id++) + "\" source=\"" + xml_text(e.source) + "\" target=\"" +
           xml_text(e.target) + "\">\n";
    data(out, "relation", to_string(e.relation));
    data(out, "weight", std::to_string(e.weight));
    data(out, "cue", e.evidence.empty() ? "" : e.evidence.front().cue);
    data(out, "excerpt", e.evidence.empty() ? "" : e.evidence.front().excerpt);
    nlohmann::ordered_json ev = nlohmann::ordered_json::array();
    for (const Evidence& x : e.evidence)
      ev.push_back({{"document", x.document}, {"start", x.start}, {"end", x.end}, {"cue", x.cue}, {"excerpt", x.excerpt}});
    data(out, "evidence", ev.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
    out += "    </edge>\n";
  }
  out += "  </graph>\n</graphml>\n";
  return out;
}

}  // namespace quotegraph::graph
