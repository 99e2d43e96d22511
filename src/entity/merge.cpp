// Stage 7c, merge: one entity list from the windows of a long document.
#include "entity/merge.hpp"

#include <algorithm>

#include "entity/resolve.hpp"

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
    // A name first seen in this window keeps its first entity in the index.
    auto [it, fresh] = by_name_.try_emplace({e.kind, e.name}, static_cast<int>(merged_.size()));
    if (fresh || static_cast<size_t>(it->second) >= earlier) {
      remap[i] = static_cast<int>(merged_.size());
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
  for (size_t i = 0; i < merged_.size(); ++i) merged_[i].id = entity_id(i);
  return std::move(merged_);
}

}  // namespace quotegraph::entity
