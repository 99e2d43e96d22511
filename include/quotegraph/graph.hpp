// The quote graph: who said what, to whom, about whom, as a graph to look at
// (DOT, SVG, PNG) and to compute on (GraphML, JSON node-link; Boost.Graph
// through graph_boost.hpp).
//
//   Analyzer analyzer;
//   Result<Analysis> a = analyzer.analyze(text, "a.txt");
//   graph::Graph g = graph::unify_entities(graph::build(a.value()));
//   Result<std::string> dot = graph::to_dot(g);        // or to_graphml, to_json
//   graph::Stats s = graph::compute_stats(g);
//
// Graph is the canonical, mergeable model: nodes sorted by key, edges sorted by
// (source, target, relation), every set field a sorted vector of distinct
// values. Building, merging, reading and writing all speak Graph. Two Graphs
// are equal (operator==) exactly when they describe the same graph, so "same
// input, same bytes" holds for every writer. The Boost.Graph view of it
// (QuoteGraph, to_boost, from_boost) is in graph_boost.hpp, so that including
// this header does not pull in Boost.
//
// Pipeline: Analysis --build--> Graph --merge--> Graph --to_dot/render/
// to_graphml/to_json--> bytes; from_json reads a written Graph back, so partial
// graphs made on many machines reduce with merge in any order or tree shape.
//
// Thread safety: every function here is a pure function of its arguments; any
// number of threads may call them concurrently. No function throws; errors are
// Status values naming the input.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "quotegraph/document.hpp"
#include "quotegraph/status.hpp"

namespace quotegraph::graph {

// Version of the JSON node-link schema written by to_json; from_json accepts
// exactly this version.
inline constexpr const char* kGraphSchemaVersion = "0.1";

// What a node stands for. The first six mirror EntityKind (same order).
enum class NodeKind : uint8_t {
  kPerson,
  kOrganization,
  kGroup,      // "police", "protesters", "officials"
  kPlace,
  kArtifact,   // "the report", "a statement"
  kUnknown,    // an entity of unknown kind, or a speaker mention left unresolved
  kDocument,   // one input article (Document::path), when it has no outlet
  kOutlet,     // a publisher (Document::outlet); all its articles share the node
  kStatement,  // one attribution, only with BuildOptions::statements
};
inline constexpr size_t kNodeKindCount = 9;
const char* to_string(NodeKind k);
// Parses the to_string() name; false if `name` is not one.
bool parse_node_kind(std::string_view name, NodeKind* out);

// What an edge says. Every edge is directed.
enum class Relation : uint8_t {
  kSaid,       // speaker -> document/outlet that carries the words (without
               // statements), or speaker -> statement (with statements)
  kAddressed,  // speaker (or statement) -> whom it was said to ("told Y")
  kAbout,      // speaker (or statement) -> whom it is about ("describing Y as")
  kVia,        // relayed speaker -> relaying speaker: in `Blinken reiterated
               // "...", Price said`, Blinken -via-> Price. Relayed words get a
               // via edge instead of a said edge, so a chain reads
               // Blinken -via-> Price -said-> document.
  kEchoes,     // speaker (or statement) -> speaker whose words are echoed
  kMentions,   // document/outlet -> every entity it mentions
};
inline constexpr size_t kRelationCount = 6;
const char* to_string(Relation r);
bool parse_relation(std::string_view name, Relation* out);

// One statement behind an edge: where it is and how it reads.
struct Evidence {
  std::string document;  // key of the document/outlet node
  uint32_t start = 0;    // content span in the document, UTF-8 byte offsets
  uint32_t end = 0;
  std::string cue;       // cue as written ("describing"), empty for mentions
  std::string excerpt;   // content text, at most kMaxExcerptBytes, cut on a
                         // code-point boundary and ended with "…" when cut
  auto operator<=>(const Evidence&) const = default;
};
inline constexpr size_t kMaxExcerptBytes = 240;
// An edge keeps the first kMaxEvidence evidence records in Evidence order (a
// deterministic choice that merge preserves: the first k of a union is the first
// k of the union of the first k's). Weight still counts every statement.
inline constexpr size_t kMaxEvidence = 4;

// A vertex (bundled property).
//
// Keys. Every node has a unique key, a normalised, readable id that is also its
// DOT node id and its JSON id:
//   "entity:<name key>"          entity, unified across documents by name key
//   "entity:<name key>@<doc>"    group entity, or one named by a common noun or
//                                a letter, scoped to its document (see
//                                BuildOptions::scope_groups)
//   "document:<path>"            document without outlet
//   "outlet:<name key>"          outlet
//   "statement:<doc>#<start>-<end>"  statement, with its content span
// The name key (name_key()) is the name case-folded, NFKC-normalised, with
// punctuation and a possessive "'s" removed and white space collapsed:
// "Kazakhstan’s president" -> "kazakhstan president", "CSTO" -> "csto".
struct Node {
  std::string key;
  NodeKind kind = NodeKind::kUnknown;  // derived: the most voted kind, see kind_votes
  std::string label;                   // derived: display name, see names
  std::vector<std::string> names;      // surface names that produced this key, sorted
  std::vector<std::string> aliases;    // Entity::aliases of every contributor, sorted
  std::vector<std::string> roles;      // Entity::roles of every contributor, sorted
  std::vector<std::string> documents;  // keys of the documents it appears in, sorted
  std::array<uint64_t, kNodeKindCount> kind_votes{};  // contributors per NodeKind
  uint64_t mentions = 0;      // entity: mentions; statement: 1
  // Document and outlet nodes: how many attributions they carry, how many of
  // those have no speaker at all, and the longest relay (via) chain among them
  // (1 = said directly, 2 = relayed once, ...). Zero elsewhere.
  uint64_t statements = 0;
  uint64_t unattributed = 0;
  uint32_t relay_depth = 0;
  bool operator==(const Node&) const = default;
};

// An edge (bundled property). (source, target, relation) is unique in a Graph.
struct Edge {
  std::string source;  // node key
  std::string target;  // node key
  Relation relation = Relation::kSaid;
  uint64_t weight = 0;  // statements behind the edge (mentions: mention count)
  std::vector<Evidence> evidence;  // sorted, at most kMaxEvidence
  bool operator==(const Edge&) const = default;
};

// The canonical model. Invariants (kept by every function here, checked by
// from_json): nodes sorted by key, keys unique; edges sorted by (source,
// target, relation), unique, both ends present; set fields sorted and distinct;
// derived fields (kind, label) consistent with votes and names.
struct Graph {
  std::vector<Node> nodes;
  std::vector<Edge> edges;
  bool operator==(const Graph&) const = default;

  // Index of the node with this key, or -1. O(log n).
  long find(std::string_view key) const;
};

// ---- build (src/graph/build.cpp) --------------------------------------------

struct BuildOptions {
  // One node per attribution (kStatement); said/addressed/about/via/echoes then
  // start at the statement instead of the speaker, and via links statements.
  bool statements = false;
  // Group entities ("police", "officials", "protesters") are different crowds
  // in different articles; keying them by document keeps them apart, and so
  // are entities named by one listed common noun ("Poll", "the PAC") or a
  // lone letter (an interview's "Q"). Named entities are always unified
  // across documents by name key.
  bool scope_groups = true;
  // Add document -> entity `mentions` edges.
  bool mentions = true;
};

// The name key used in entity keys (see Node). Empty when the name has no
// letters or digits. O(n) in the name's length.
std::string name_key(std::string_view name);

// The graph of one analysis. Attributions without a speaker count towards the
// document's `unattributed` and produce no said edge; a speaker mention that
// entity resolution left unresolved (entity -1) becomes a kUnknown node named
// by the mention text. O(A log A + M) for A attributions and M mentions.
Graph build(const Analysis& a, const BuildOptions& options = {});
// The node key build() gives entity `i` of `a`: "entity:" + name_key of its
// name (else of its first mention), a group scoped to its document
// ("entity:police@document:a.txt") when options.scope_groups; "" when neither
// has a letter or digit. The one place entity keys are made.
std::string entity_key(const Analysis& a, size_t i, const BuildOptions& options = {});
// The merge of build() over all analyses.
Graph build(std::span<const Analysis> analyses, const BuildOptions& options = {});

// ---- merge (src/graph/merge.cpp) --------------------------------------------

// Unifies nodes by key and edges by (source, target, relation): weights,
// mention and statement counts and kind votes add up, sets unite, relay_depth
// takes the maximum, evidence keeps the first kMaxEvidence of the union, and
// derived fields are recomputed. merge is associative and commutative, and the
// empty Graph is its identity, so partial graphs reduce in any order or tree
// shape. Inputs are assumed to cover disjoint sets of documents: merging a
// graph with itself doubles its weights. O(n log n) in the total size.
// Counts saturate at UINT64_MAX rather than wrap; merge_checked makes that an
// error.
Graph merge(const Graph& a, const Graph& b);
Graph merge(std::span<const Graph> parts);
// merge(parts), except that a count whose sum does not fit in 64 bits is
// kFormatError naming the part (names[i], the part that overflows the sum of
// those before it), the node or link and the field.
Result<Graph> merge_checked(std::span<const Graph> parts, std::span<const std::string> names);

// Keeps the edges with weight >= min_weight (mentions edges count their
// mentions) and drops entity and statement nodes left without edges; document
// and outlet nodes stay. A presentation filter: apply it after merging, never
// before (it does not commute with merge).
Graph filter_min_weight(const Graph& g, uint64_t min_weight);

// ---- identity (src/graph/identity.cpp) -------------------------------------

// A user's corrections of who is who: name_key(variant) -> canonical name;
// an empty canonical drops the entity from the graph.
struct Aliases {
  std::map<std::string, std::string> canonical;
};

// Reads TSV: one `variant<TAB>canonical` a line; blank lines and lines starting
// with '#' are skipped; a canonical of "-" or nothing drops the entity
// ("Subscribe Sign In<TAB>-"). Errors: kFormatError naming `path` and the line
// ("aliases.tsv: line 3: expected variant<TAB>canonical"). Linear.
Result<Aliases> parse_aliases(std::string_view tsv, const std::string& path);

// One identity for each entity where articles meet, applied after merging
// (like filter_min_weight: it needs the whole graph, so it does not commute
// with merge; merging unified graphs and unifying again is safe). Entity nodes
// are renamed, and merged where two keys meet:
//   - by the user's aliases, first;
//   - countries under any of their names and codes ("U.S.", "United States",
//     "America"; ISO 3166 via iso-codes), to the form used most;
//   - middle initials dropped from people's keys ("Donald J. Trump" = "Donald
//     Trump"), and middle names where the short name is known too;
//   - an acronym node to the one node that has it as an alias ("CSTO");
//   - a one-word person to the person whose name ends in it ("OBAMA" =
//     "Barack Obama") when that person has four in five of the mentions of
//     everyone with the surname, never between people named alike.
// Group nodes scoped to their document and unresolved mentions stay as they
// are. Labels are the best-formed name: fewest words written oddly ("HILLARY",
// "HIllary"), then the longest.
// Counts of nodes merged here saturate at UINT64_MAX; *saturated (may be null)
// then describes the first ("node \"entity:x\": \"mentions\"").
// O(n log n) in the size of the graph.
Graph unify_entities(const Graph& g, const Aliases* aliases = nullptr, std::string* saturated = nullptr);

// The identity unify_entities() applies, as a map: entity key -> the key it
// ends at ("" when dropped); keys that stay are not listed. For callers that
// keep their own structures and need to know which entities are one (the
// story diff). O(n log n).
std::map<std::string, std::string> identity_map(const Graph& g, const Aliases* aliases = nullptr);

// ---- writers and reader -----------------------------------------------------

struct DotOptions {
  bool legend = true;           // a "Legend" cluster with the kinds and relations present
  // One cluster per document/outlet when there are 2..max_clusters of them.
  // Beyond that a drawing is unreadable anyway, and cgraph's writer checks
  // every node and edge against every subgraph (O((V + E) · clusters)).
  bool clusters = true;
  size_t max_clusters = 64;
  bool mention_edges = false;   // draw mentions edges (always kept in the graph model)
  bool isolated_nodes = false;  // draw entities without a drawn edge (mentioned only)
  size_t wrap_columns = 28;     // excerpt labels wrap at this many code points
  size_t max_label_chars = 90;  // and are cut (with "…") after this many
  // Edge labels: false (default) writes the cue and the statement count
  // ("told ×14") and puts the statements' words in the edge's tooltip (SVG
  // hover); true writes the first statement's words on the edge as well.
  bool excerpt_labels = false;
  // Draw only nodes that name someone: entities and unresolved mentions whose
  // label has a capitalised word that is not a sentence opener ("My", "So",
  // "But I" are quote-initial words the entity stage could not place), and
  // groups. Documents, outlets and statements are always drawn.
  bool names_only = true;
  // Graphviz `size` in inches: a larger drawing is scaled down to fit a page.
  // "" leaves the natural size.
  std::string page_size = "11,8.5";
};

// DOT built through Graphviz cgraph (agopen/agnode/agedge/agsafeset/agwrite).
// Node ids are node keys in escString form (backslashes doubled, as in every
// text attribute; unchanged for keys without one); the legend node is
// "legend:table" (with '~' appended while a node has that key); nodes and
// edges are created in Graph order, so the
// same Graph gives byte-identical DOT. Shapes and colours by kind, styles by
// relation, labels "cue: “excerpt”" wrapped and capped, penwidth by weight;
// docs/graph.md lists the conventions. Machine-readable attributes ride along:
// nodes carry `kind`, edges `relation`, `weight`, `cue` and `excerpt` (the
// first evidence). Every text attribute is in Graphviz escString form: a
// backslash is written as two, so any text survives DOT (cgraph does not escape
// backslashes itself); labels additionally use "\n" for line breaks.
// The output renders with plain `dot -Tsvg`. Errors: kInternal if cgraph fails.
Result<std::string> to_dot(const Graph& g, const DotOptions& options = {});

// Lays out to_dot() with the dot engine and renders it in-process with gvc.
// `format` is a Graphviz output format: "svg" or "png" (anything gvc's plugins
// accept). Errors: kInvalidArgument for an unknown format, kInternal when
// layout fails. Thread-safe: gvc keeps process-wide state, so concurrent
// calls are serialised on an internal mutex. dot's layout is superlinear, so a
// drawing of more than kDotMaxNodes nodes or kDotMaxEdges edges is laid out
// by sfdp (force-directed, O(n log n); no clusters or ranks) instead, and an
// SVG then opens with a comment starting with kLargeLayoutNote.
inline constexpr int kDotMaxNodes = 300;
inline constexpr int kDotMaxEdges = 600;
inline constexpr const char* kLargeLayoutNote = "quotegraph: laid out with sfdp";
Result<std::string> render(const Graph& g, std::string_view format, const DotOptions& options = {});

// GraphML (Gephi, networkx, yEd): every Node and Edge field as a typed <data>
// key; set fields and evidence as JSON strings. Characters XML 1.0 forbids
// (C0 controls other than tab/newline/return) are dropped. Deterministic.
std::string to_graphml(const Graph& g);

// GEXF 1.2 for Gephi (and networkx.read_gexf): nodes with label, kind,
// mentions, statements (documents: carried; entities: spoken, the weights of
// their said edges), roles and document count; edges with weight, relation,
// and the first evidence's cue and excerpt. Every value XML-escaped; characters
// XML forbids are dropped. Deterministic, linear.
std::string to_gexf(const Graph& g);

// Node and edge lists as RFC 4180 CSV, for Gephi's spreadsheet import, pandas
// (networkx.from_pandas_edgelist) and R: nodes.csv "id,label,kind,mentions,
// statements,roles,documents" and edges.csv "source,target,relation,weight,
// cue,excerpt", the GEXF's attributes. Deterministic, linear.
struct CsvTables {
  std::string nodes;
  std::string edges;
};
CsvTables to_csv(const Graph& g);

// JSON node-link ({"directed", "multigraph", "graph", "nodes", "links"}, as
// networkx.node_link_graph reads it; links carry "key" = relation). Lossless:
// from_json(to_json(g)) == g. `indent` < 0 writes one line.
std::string to_json(const Graph& g, int indent = 2);
// Reads to_json() output. `path` names the input in messages. Errors:
// kFormatError for invalid JSON, another schema version, a missing or mistyped
// field, a number that does not fit its field (offsets and relay_depth are 32
// bits; repeated links whose weights sum past 64 bits), an unknown kind or
// relation, a duplicate key or an edge to a missing node. Derived fields are recomputed, so a hand-edited label is not trusted.
Result<Graph> from_json(std::string_view json, const std::string& path);

// ---- stats (src/graph/stats.cpp) --------------------------------------------

struct NodeScore {
  std::string key;
  std::string label;
  double value = 0;
  bool operator==(const NodeScore&) const = default;
};

struct DegreeRow {
  std::string key;
  std::string label;
  uint64_t in_degree = 0;   // distinct incoming edges (any relation but mentions)
  uint64_t out_degree = 0;  // distinct outgoing edges (any relation but mentions)
  uint64_t in_weight = 0;   // statements behind them
  uint64_t out_weight = 0;
};

struct Stats {
  uint64_t documents = 0;     // document and outlet nodes
  uint64_t entities = 0;      // entity nodes
  uint64_t edges = 0;         // all edges, mentions included
  uint64_t statements = 0;    // attributions in all documents
  uint64_t unattributed = 0;  // of which without any speaker
  double unattributed_share = 0;  // unattributed / statements (0 when none)
  uint32_t max_relay_depth = 0;   // longest via chain (1 = no relay)
  uint64_t components = 0;        // connected components of the who-to-whom graph
                                  // (entities and statements; documents and
                                  // mentions edges left out, so a shared article
                                  // does not connect everyone; nodes without
                                  // such an edge are not counted)
  std::vector<uint64_t> component_sizes;  // largest first, at most top_n
  std::vector<NodeScore> most_quoted;      // statements spoken: said + via weight out
  std::vector<NodeScore> most_talked_about;  // about weight in
  std::vector<NodeScore> betweenness;      // Brandes betweenness on the who-to-whom graph
  std::vector<DegreeRow> degrees;          // entity nodes, by total weight then key
};

// O(V·E) for betweenness (Brandes); the rest is O(V + E). Lists hold at most
// `top_n` rows, ties broken by key, zero scores left out.
Stats compute_stats(const Graph& g, size_t top_n = 10);
std::string stats_to_text(const Stats& s);
std::string stats_to_json(const Stats& s, int indent = 2);

}  // namespace quotegraph::graph
