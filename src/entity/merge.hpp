// Stage 7c, merge: the entities of consecutive windows of one document -> one
// entity list. Windows are resolved on their own (Options::window_bytes); an
// entity of a later window with the same canonical name and kind as one of an
// earlier window is the same entity (within a window the resolver decides).
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "quotegraph/document.hpp"

namespace quotegraph::entity {

class Merger {
 public:
  // Takes one window's entities (in text order of windows) and renumbers the
  // entity references of that window's attributions to the merged list.
  void add(std::vector<Entity> entities, std::vector<Attribution>& attributions);
  // The merged list, ids "e1", "e2", … in order of first mention.
  std::vector<Entity> finish() &&;

 private:
  std::vector<Entity> merged_;
  std::map<std::pair<EntityKind, std::string>, int> by_name_;
};

}  // namespace quotegraph::entity
