// The node and edge attributes the network formats for analysts share (GEXF,
// node/edge CSV): one definition of each column, so Gephi shows the same
// numbers whichever file it opened.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "quotegraph/graph.hpp"

namespace quotegraph::graph::detail {

struct NodeRow {
  const Node* node = nullptr;
  std::string_view label;  // the label, else the key
  // Documents and outlets: the statements they carry; entities: the
  // statements they speak (the weights of their said edges).
  uint64_t statements = 0;
  std::string roles;  // "; "-separated
};

struct EdgeRow {
  const Edge* edge = nullptr;
  std::string_view cue;      // the first statement's cue, "" when none
  std::string_view excerpt;  // and its words
};

std::vector<NodeRow> node_rows(const Graph& g);
std::vector<EdgeRow> edge_rows(const Graph& g);

}  // namespace quotegraph::graph::detail
