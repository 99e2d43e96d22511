// Stage 7c, merge: one entity list from the windows of a long document.
#include "entity/merge.hpp"

#include <algorithm>

namespace quotegraph::entity {
namespace {

void add_missing(std::vector<std::string>& to, std::vector<std::string>& from) {
  for (std::string& s : from)
    if (std::find(to.begin(), to.end(), s) == to.end()) to.push_back(std::move(s));
}

}  // namespace

void Merger::add(std::vector<Entity> entities, std::vector<Attribution>& attributions) {
  // Only entities of earlier windows are matched: two entities the resolver
  // kept apart within this window stay apart.
  const size_t earlier = merged_.size();
  std::vector<int> remap(entities.size());
  for (size_t i = 0; i < entities.size(); ++i) {
    Entity& e = entities[i];
    auto it = by_name_.find({e.kind, e.name});
    if (it == by_name_.end() || static_cast<size_t>(it->second) >= earlier) {
      remap[i] = static_cast<int>(merged_.size());
      by_name_.try_emplace({e.kind, e.name}, remap[i]);
      merged_.push_back(std::move(e));
      continue;
    }
    remap[i] = it->second;
    Entity& into = merged_[it->second];
    add_missing(into.aliases, e.aliases);
    add_missing(into.roles, e.roles);
    // Windows come in text order, so the mentions stay sorted.
    into.mentions.insert(into.mentions.end(), e.mentions.begin(), e.mentions.end());
  }
  auto fix = [&](EntityRef& r) {
    if (r.entity >= 0) r.entity = remap[r.entity];
  };
  for (Attribution& t : attributions) {
    fix(t.speaker);
    fix(t.addressee);
    for (EntityRef& r : t.about) fix(r);
    fix(t.echoes);
  }
}

std::vector<Entity> Merger::finish() && {
  for (size_t i = 0; i < merged_.size(); ++i) {
    // Built apart and moved in: assigning into the old id, GCC 12 -O3 warns
    // falsely (-Wrestrict, PR 105329).
    std::string id(1, 'e');
    id += std::to_string(i + 1);
    merged_[i].id = std::move(id);
  }
  return std::move(merged_);
}

}  // namespace quotegraph::entity
