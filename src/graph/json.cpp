// Stage: JSON node-link. Graph <-> JSON ({"directed", "multigraph", "graph",
// "nodes", "links"}), lossless both ways; the reader is what `merge` of
// partial graphs reads.
#include <algorithm>
#include <cstdint>

#include <nlohmann/json.hpp>

#include "graph/model.hpp"
#include "quotegraph/io.hpp"

namespace quotegraph::graph {

namespace {

using Json = nlohmann::ordered_json;

Json strings(const std::vector<std::string>& v) { return Json(v); }

// Reading: each accessor records the first problem and returns a neutral value,
// so the reader stays a straight line and reports one precise message.
class Reader {
 public:
  explicit Reader(std::string path) : path_(std::move(path)) {}

  bool failed() const { return !error_.empty(); }
  Status status() const { return Status(ErrorCode::kFormatError, path_ + ": " + error_); }
  void fail(const std::string& where, const std::string& what) {
    if (error_.empty()) error_ = where + ": " + what;
  }

  std::string str(const Json& j, const char* field, const std::string& where) {
    auto it = j.find(field);
    if (it == j.end() || !it->is_string()) return fail(where, std::string("\"") + field + "\" must be a string"), "";
    return it->get<std::string>();
  }
  uint64_t num(const Json& j, const char* field, const std::string& where) {
    auto it = j.find(field);
    if (it == j.end() || !it->is_number_unsigned()) {
      if (it != j.end() && it->is_number_integer() && it->get<int64_t>() >= 0) return it->get<uint64_t>();
      return fail(where, std::string("\"") + field + "\" must be a non-negative integer"), 0;
    }
    return it->get<uint64_t>();
  }
  // A value wider than the field is refused, never truncated: an offset past
  // 4 GiB would point at other text.
  uint32_t num32(const Json& j, const char* field, const std::string& where) {
    const uint64_t v = num(j, field, where);
    if (v > UINT32_MAX) return fail(where, std::string("\"") + field + "\" is " + std::to_string(v) + ", more than 32 bits hold"), 0;
    return static_cast<uint32_t>(v);
  }
  std::vector<std::string> strs(const Json& j, const char* field, const std::string& where) {
    std::vector<std::string> out;
    auto it = j.find(field);
    if (it == j.end() || !it->is_array()) return fail(where, std::string("\"") + field + "\" must be an array"), out;
    for (const Json& s : *it) {
      if (!s.is_string()) return fail(where, std::string("\"") + field + "\" must hold strings"), out;
      out.push_back(s.get<std::string>());
    }
    return out;
  }

 private:
  std::string path_;
  std::string error_;
};

}  // namespace

std::string to_json(const Graph& g, int indent) {
  Json j;
  j["quotegraph_graph"] = kGraphSchemaVersion;
  j["quotegraph"] = kVersion;
  j["directed"] = true;
  j["multigraph"] = true;
  j["graph"] = Json::object();
  Json nodes = Json::array();
  for (const Node& n : g.nodes) {
    Json v;
    v["id"] = n.key;
    v["kind"] = to_string(n.kind);
    v["label"] = n.label;
    v["names"] = strings(n.names);
    v["aliases"] = strings(n.aliases);
    v["roles"] = strings(n.roles);
    v["documents"] = strings(n.documents);
    Json votes = Json::object();
    for (size_t i = 0; i < kNodeKindCount; ++i)
      if (n.kind_votes[i]) votes[to_string(static_cast<NodeKind>(i))] = n.kind_votes[i];
    v["kind_votes"] = votes;
    v["mentions"] = n.mentions;
    v["statements"] = n.statements;
    v["unattributed"] = n.unattributed;
    v["relay_depth"] = n.relay_depth;
    nodes.push_back(std::move(v));
  }
  j["nodes"] = std::move(nodes);
  Json links = Json::array();
  for (const Edge& e : g.edges) {
    Json l;
    l["source"] = e.source;
    l["target"] = e.target;
    l["key"] = to_string(e.relation);
    l["relation"] = to_string(e.relation);
    l["weight"] = e.weight;
    Json ev = Json::array();
    for (const Evidence& x : e.evidence)
      ev.push_back(Json{{"document", x.document}, {"start", x.start}, {"end", x.end}, {"cue", x.cue}, {"excerpt", x.excerpt}});
    l["evidence"] = std::move(ev);
    links.push_back(std::move(l));
  }
  j["links"] = std::move(links);
  // Invalid UTF-8 cannot reach here (Documents are validated), but a
  // hand-made Graph might carry it: replace rather than throw.
  return j.dump(indent, ' ', false, Json::error_handler_t::replace) + "\n";
}

Result<Graph> from_json(std::string_view text, const std::string& path) {
  Json j = Json::parse(text.begin(), text.end(), nullptr, false);
  if (j.is_discarded()) return Status(ErrorCode::kFormatError, path + ": not valid JSON");
  if (!j.is_object() || !j.contains("quotegraph_graph"))
    return Status(ErrorCode::kFormatError, path + ": not a quotegraph graph (no \"quotegraph_graph\" field)");
  if (j["quotegraph_graph"] != kGraphSchemaVersion)
    return Status(ErrorCode::kFormatError, path + ": graph schema " + j["quotegraph_graph"].dump() +
                                               ", this build reads " + kGraphSchemaVersion);
  if (!j.contains("nodes") || !j["nodes"].is_array() || !j.contains("links") || !j["links"].is_array())
    return Status(ErrorCode::kFormatError, path + ": \"nodes\" and \"links\" must be arrays");

  Reader r(path);
  Graph g;
  size_t index = 0;
  for (const Json& v : j["nodes"]) {
    std::string where = "nodes[" + std::to_string(index++) + "]";
    if (!v.is_object()) return Status(ErrorCode::kFormatError, path + ": " + where + " is not an object");
    Node n;
    n.key = r.str(v, "id", where);
    n.names = r.strs(v, "names", where);
    n.aliases = r.strs(v, "aliases", where);
    n.roles = r.strs(v, "roles", where);
    n.documents = r.strs(v, "documents", where);
    auto votes = v.find("kind_votes");
    if (votes == v.end() || !votes->is_object()) {
      r.fail(where, "\"kind_votes\" must be an object");
    } else {
      for (auto it = votes->begin(); it != votes->end(); ++it) {
        NodeKind k;
        if (!parse_node_kind(it.key(), &k)) r.fail(where, "unknown kind \"" + it.key() + "\"");
        else n.kind_votes[static_cast<size_t>(k)] = r.num(*votes, it.key().c_str(), where);
      }
    }
    n.mentions = r.num(v, "mentions", where);
    n.statements = r.num(v, "statements", where);
    n.unattributed = r.num(v, "unattributed", where);
    n.relay_depth = r.num32(v, "relay_depth", where);
    if (r.failed()) return r.status();
    g.nodes.push_back(std::move(n));
  }
  index = 0;
  for (const Json& l : j["links"]) {
    std::string where = "links[" + std::to_string(index++) + "]";
    if (!l.is_object()) return Status(ErrorCode::kFormatError, path + ": " + where + " is not an object");
    Edge e;
    e.source = r.str(l, "source", where);
    e.target = r.str(l, "target", where);
    std::string rel = r.str(l, "relation", where);
    if (!r.failed() && !parse_relation(rel, &e.relation)) r.fail(where, "unknown relation \"" + rel + "\"");
    e.weight = r.num(l, "weight", where);
    auto ev = l.find("evidence");
    if (ev == l.end() || !ev->is_array()) {
      r.fail(where, "\"evidence\" must be an array");
    } else {
      for (const Json& x : *ev) {
        if (!x.is_object()) { r.fail(where, "evidence must hold objects"); break; }
        Evidence item;
        item.document = r.str(x, "document", where);
        item.start = r.num32(x, "start", where);
        item.end = r.num32(x, "end", where);
        item.cue = r.str(x, "cue", where);
        item.excerpt = r.str(x, "excerpt", where);
        e.evidence.push_back(std::move(item));
      }
    }
    if (r.failed()) return r.status();
    g.edges.push_back(std::move(e));
  }

  // Duplicate keys would make merge ambiguous; dangling edges point nowhere.
  std::vector<std::string> keys;
  for (const Node& n : g.nodes) keys.push_back(n.key);
  std::sort(keys.begin(), keys.end());
  for (size_t i = 1; i < keys.size(); ++i)
    if (keys[i] == keys[i - 1]) return Status(ErrorCode::kFormatError, path + ": duplicate node id \"" + keys[i] + "\"");
  size_t dangling = 0;
  std::string saturated;
  Graph canonical = detail::canonicalize(std::move(g), &dangling, &saturated);
  if (dangling) return Status(ErrorCode::kFormatError, path + ": " + std::to_string(dangling) + " link(s) name a node id that is not in \"nodes\"");
  if (!saturated.empty())
    return Status(ErrorCode::kFormatError, path + ": " + saturated + " of a repeated link overflows a 64-bit count");
  return canonical;
}

}  // namespace quotegraph::graph
