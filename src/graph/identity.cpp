// Stage: identity. Graph -> Graph with one node per entity across articles
// (user aliases, countries, middle initials, acronyms, surnames).
#include <algorithm>
#include <set>

#include "entity/gazetteer.hpp"
#include "graph/model.hpp"
#include "quotegraph/graph.hpp"

namespace quotegraph::graph {
namespace {

constexpr std::string_view kEntity = "entity:";

// An entity node whose identity can move: named, not a group scoped to one
// document ("entity:police@document:…").
bool movable(const Node& n) {
  return n.key.starts_with(kEntity) && n.key.find('@') == std::string::npos && n.kind != NodeKind::kStatement;
}

// "entity:ivo strand" -> "ivo strand"; "" for a key that is not an entity's
// (a dropped one is "").
std::string_view name_of(const std::string& key) {
  return key.starts_with(kEntity) ? std::string_view(key).substr(kEntity.size()) : std::string_view();
}

std::vector<std::string_view> tokens(std::string_view k) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < k.size()) {
    size_t j = k.find(' ', i);
    if (j == std::string_view::npos) j = k.size();
    if (j > i) out.push_back(k.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

// "donald j trump" -> "donald trump": one-letter words inside a person's name.
std::string without_initials(std::string_view k) {
  std::vector<std::string_view> t = tokens(k);
  if (t.size() < 3) return std::string(k);
  std::string out(t.front());
  for (size_t i = 1; i + 1 < t.size(); ++i)
    if (t[i].size() > 1) (out += ' ') += t[i];
  (out += ' ') += t.back();
  return out;
}

bool all_caps(std::string_view s) {
  bool letter = false;
  for (char c : s) {
    if (c >= 'a' && c <= 'z') return false;
    letter = letter || (c >= 'A' && c <= 'Z');
  }
  return letter;
}

bool person_like(const Node& n) { return n.kind == NodeKind::kPerson || n.kind == NodeKind::kUnknown; }

}  // namespace

Result<Aliases> parse_aliases(std::string_view tsv, const std::string& path) {
  Aliases out;
  size_t line_no = 0;
  while (!tsv.empty()) {
    ++line_no;
    size_t nl = tsv.find('\n');
    std::string_view line = tsv.substr(0, nl);
    tsv.remove_prefix(nl == std::string_view::npos ? tsv.size() : nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    const size_t tab = line.find('\t');
    if (tab == std::string_view::npos || tab == 0)
      return Status(ErrorCode::kFormatError, path + ": line " + std::to_string(line_no) + ": expected variant<TAB>canonical");
    std::string canonical(line.substr(tab + 1));
    while (!canonical.empty() && canonical.back() == ' ') canonical.pop_back();
    if (canonical == "-") canonical.clear();
    const std::string key = name_key(line.substr(0, tab));
    if (key.empty())
      return Status(ErrorCode::kFormatError, path + ": line " + std::to_string(line_no) + ": the variant has no letters");
    out.canonical[key] = canonical;
  }
  return out;
}

std::map<std::string, std::string> identity_map(const Graph& g, const Aliases* aliases) {
  // Where each entity key goes ("" drops it); keys not listed stay.
  std::map<std::string, std::string> to;
  auto target = [&](const std::string& k) {
    std::string cur = k;
    for (int step = 0; step < 8; ++step) {  // chains are short; a cycle stops here
      auto it = to.find(cur);
      if (it == to.end() || it->second == cur) break;
      cur = it->second;
      if (cur.empty()) break;
    }
    return cur;
  };

  // 1. The user's word first.
  if (aliases && !aliases->canonical.empty())
    for (const Node& n : g.nodes) {
      if (!movable(n)) continue;
      auto it = aliases->canonical.find(std::string(name_of(n.key)));
      for (size_t i = 0; it == aliases->canonical.end() && i < n.names.size(); ++i)
        it = aliases->canonical.find(name_key(n.names[i]));
      if (it == aliases->canonical.end()) continue;
      to[n.key] = it->second.empty() ? std::string() : std::string(kEntity) + name_key(it->second);
    }

  // 2. Countries: every form of one country to the form with the most mentions.
  std::map<std::string_view, std::pair<uint64_t, std::string>> country;  // alpha-3 -> (mentions, key)
  for (const Node& n : g.nodes) {
    if (!movable(n) || n.kind != NodeKind::kPlace || to.count(n.key)) continue;
    std::string_view id = entity::country_id(name_of(n.key));
    if (id.empty()) continue;
    auto& best = country[id];
    if (best.second.empty() || n.mentions > best.first || (n.mentions == best.first && n.key < best.second))
      best = {n.mentions, n.key};
  }
  for (const Node& n : g.nodes) {
    if (!movable(n) || n.kind != NodeKind::kPlace || to.count(n.key)) continue;
    std::string_view id = entity::country_id(name_of(n.key));
    if (!id.empty() && country[id].second != n.key) to[n.key] = country[id].second;
  }

  // 3. Middle initials, and middle names where the name without them is known
  // ("Hillary Rodham Clinton" = "Hillary Clinton").
  std::set<std::string_view> keys;
  for (const Node& n : g.nodes) keys.insert(n.key);
  for (const Node& n : g.nodes) {
    if (!movable(n) || !person_like(n) || to.count(n.key)) continue;
    std::string k = std::string(kEntity) + without_initials(name_of(n.key));
    std::vector<std::string_view> t = tokens(name_of(k));
    if (t.size() >= 3) {
      const std::string short_key = std::string(kEntity) + std::string(t.front()) + " " + std::string(t.back());
      if (keys.count(short_key)) k = short_key;
    }
    if (k != n.key) to[n.key] = k;
  }

  // Keys as they stand now, for the two lookups below.
  std::map<std::string, const Node*> by_key;
  for (const Node& n : g.nodes)
    if (movable(n) && !target(n.key).empty()) by_key.emplace(target(n.key), &n);

  // 4. Acronyms: the node "entity:csto" to the one node with "CSTO" among its aliases.
  std::map<std::string, std::set<std::string>> claims;  // acronym key -> nodes claiming it
  for (const Node& n : g.nodes) {
    if (!movable(n) || n.kind == NodeKind::kPerson) continue;
    for (const std::string& a : n.aliases)
      if (all_caps(a) && a.size() >= 2) {
        const std::string k = std::string(kEntity) + name_key(a);
        if (k != n.key) claims[k].insert(target(n.key));
      }
  }
  for (const auto& [k, who] : claims) {
    if (who.size() != 1 || to.count(k)) continue;
    auto it = by_key.find(k);
    if (it != by_key.end() && it->second->kind != NodeKind::kPerson && *who.begin() != k) to[k] = *who.begin();
  }

  // 5. Surnames: a one-word person to the person whose name ends in it, when
  // that person has at least four in five of the mentions of all people with
  // the surname (an article that only ever says "Obama" in 2016 means Barack
  // Obama; "Lind" with Hanna and Peter Lind named alike stays apart).
  std::map<std::string, std::map<std::string, uint64_t>> surname;  // last word -> full-name people, mentions
  for (const Node& n : g.nodes) {
    if (!movable(n) || !person_like(n)) continue;  // "Ivo Strand" may be untyped in every article
    const std::string k = target(n.key);
    std::vector<std::string_view> t = tokens(name_of(k));
    if (!k.empty() && t.size() >= 2) surname[std::string(t.back())][k] += n.mentions;
  }
  for (const Node& n : g.nodes) {
    if (!movable(n) || !person_like(n) || to.count(n.key)) continue;
    std::vector<std::string_view> t = tokens(name_of(n.key));
    if (t.size() != 1) continue;
    auto it = surname.find(std::string(t[0]));
    if (it == surname.end()) continue;
    uint64_t all = 0, best = 0;
    std::string best_key;
    for (const auto& [k, m] : it->second) {
      all += m;
      if (best_key.empty() || m > best) best = m, best_key = k;
    }
    if (5 * best >= 4 * all) to[n.key] = best_key;
  }

  // Each listed key straight to where its chain ends.
  std::map<std::string, std::string> out;
  for (const auto& [k, v] : to) {
    std::string end = target(k);
    if (end != k) out[k] = end;
  }
  return out;
}

Graph unify_entities(const Graph& g, const Aliases* aliases, std::string* saturated) {
  const std::map<std::string, std::string> to = identity_map(g, aliases);
  auto target = [&](const std::string& k) {
    auto it = to.find(k);
    return it == to.end() ? k : it->second;
  };
  if (to.empty()) return g;
  Graph out;
  out.nodes.reserve(g.nodes.size());
  std::set<std::string> dropped;
  for (const Node& n : g.nodes) {
    Node copy = n;
    if (movable(n)) {
      copy.key = target(n.key);
      if (copy.key.empty()) {
        dropped.insert(n.key);
        continue;
      }
    }
    out.nodes.push_back(std::move(copy));
  }
  out.edges.reserve(g.edges.size());
  for (const Edge& e : g.edges) {
    if (dropped.count(e.source) || dropped.count(e.target)) continue;
    Edge copy = e;
    if (copy.source.starts_with(kEntity)) copy.source = target(copy.source);
    if (copy.target.starts_with(kEntity)) copy.target = target(copy.target);
    out.edges.push_back(std::move(copy));
  }
  return detail::canonicalize(std::move(out), nullptr, saturated);
}

}  // namespace quotegraph::graph
