// Stage: diff. N analyses of one story -> aligned entities, aligned statements
// and the findings where the outlets differ (include/quotegraph/diff.hpp).
#include <algorithm>
#include <cstring>
#include <map>
#include <numeric>
#include <set>
#include <tuple>

#include "diff/internal.hpp"
#include "quotegraph/echo.hpp"

namespace quotegraph::diff {

const char* to_string(FindingType t) {
  switch (t) {
    case FindingType::kSpeakerOnly: return "speaker_only";
    case FindingType::kStatementOnly: return "statement_only";
    case FindingType::kMisattribution: return "misattribution";
    case FindingType::kRelay: return "relay";
    case FindingType::kQuoteVsParaphrase: return "quote_vs_paraphrase";
    case FindingType::kQuoteAltered: return "quote_altered";
    case FindingType::kCueVerb: return "cue_verb";
    case FindingType::kFraming: return "framing";
  }
  return "unknown";
}

struct Differ::Impl {
  echo::EchoAnalyzer echo;
};

Differ::Differ(DiffOptions options) : options_(options), impl_(std::make_unique<const Impl>()) {}
Differ::~Differ() = default;

namespace {

using detail::Word;

struct UnionFind {
  std::vector<int> parent;
  explicit UnionFind(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  int find(int x) { return parent[x] == x ? x : parent[x] = find(parent[x]); }
  // The smaller root wins, so the result does not depend on the order of unions.
  void unite(int a, int b) {
    a = find(a), b = find(b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  }
};

// ---------------------------------------------------------------- entities --

struct EntityKeys {
  int input = -1, entity = -1;
  EntityKind kind = EntityKind::kUnknown;
  std::set<std::string> names;  // normalised name and aliases that look like names
  std::string first, surname;   // people
  std::string acronym;          // organisations: initials of the name, or the name if all capitals
  std::string display;
};

bool proper(std::string_view s) { return !s.empty() && s[0] >= 'A' && s[0] <= 'Z'; }

EntityKeys keys_of(int input, int index, const Entity& e) {
  EntityKeys k;
  k.input = input;
  k.entity = index;
  k.kind = e.kind;
  k.display = e.name;
  k.names.insert(detail::name_norm(e.name));
  for (const auto& a : e.aliases)
    if (proper(a)) k.names.insert(detail::name_norm(a));
  k.names.erase("");
  std::vector<std::string> w = words(e.name);
  if (e.kind == EntityKind::kPerson && proper(e.name) && !w.empty()) {
    k.surname = w.back();
    if (w.size() >= 2) k.first = w.front();
  }
  if (e.kind == EntityKind::kOrganization || e.kind == EntityKind::kUnknown) {
    k.acronym = detail::initials(e.name);
    bool all_caps = e.name.size() >= 2 && std::all_of(e.name.begin(), e.name.end(), [](char c) {
                      return (c >= 'A' && c <= 'Z') || c == '.';
                    });
    if (all_caps) k.acronym = detail::name_norm(e.name);
  }
  return k;
}

bool kinds_compatible(EntityKind a, EntityKind b) {
  return a == b || a == EntityKind::kUnknown || b == EntityKind::kUnknown;
}

// Same entity in two articles: a shared normalised name or alias; for people the
// same surname with compatible first names ("Lena Dahl" = "Dahl" = "L. Dahl");
// for organisations the initials of one equal to the other ("VPA").
bool same_entity(const EntityKeys& a, const EntityKeys& b) {
  // A shared name or alias wins over the kinds: the analyzer sometimes tags an
  // organisation as a person ("The Velmar Port Authority (VPA) said").
  for (const auto& n : a.names)
    if (b.names.count(n)) return true;
  if (!kinds_compatible(a.kind, b.kind)) return false;
  if (!a.surname.empty() && a.surname == b.surname) {
    if (a.first.empty() || b.first.empty() || a.first == b.first) return true;
    if (a.first.size() == 1 || b.first.size() == 1) return a.first[0] == b.first[0];
  }
  // "Velmar Port Authority" (initials vpa) and "VPA" (a one-word name).
  if (!a.acronym.empty() && !b.acronym.empty() && a.acronym == b.acronym)
    return (words(a.display).size() == 1) != (words(b.display).size() == 1);
  return false;
}

// ---------------------------------------------------------------- statements --

struct Stmt {
  int input = -1, attribution = -1;
  std::vector<Word> words;               // all words of the content
  std::set<std::string> content;         // content words
  std::vector<std::string> plain;        // words as strings
};

// Two statements of one outlet this similar are one statement told twice.
constexpr double kRepeatScore = 0.9;

double stmt_similarity(const Stmt& a, const Stmt& b) {
  const auto &wa = a.plain, &wb = b.plain;
  if (wa.empty() || wb.empty()) return 0;
  size_t inter = 0;
  for (const auto& x : a.content) inter += b.content.count(x);
  double best = a.content.empty() || b.content.empty()
                    ? 0
                    : double(inter) / double(a.content.size() + b.content.size() - inter);
  size_t small = std::min(a.content.size(), b.content.size());
  if (small >= 3) {
    double cover = double(small) / double(std::max(a.content.size(), b.content.size()));
    best = std::max(best, double(inter) / double(small) * (0.5 + 0.5 * std::min(1.0, cover * 2)));
  }
  size_t run = 0;
  std::vector<size_t> prev(wb.size() + 1, 0), cur(wb.size() + 1, 0);
  for (size_t i = 1; i <= wa.size(); ++i) {
    for (size_t j = 1; j <= wb.size(); ++j) {
      cur[j] = wa[i - 1] == wb[j - 1] ? prev[j - 1] + 1 : 0;
      run = std::max(run, cur[j]);
    }
    std::swap(prev, cur);
  }
  if (run >= 3) best = std::max(best, double(run) / double(std::min(wa.size(), wb.size())));
  return std::min(1.0, best);
}

std::string join(const std::vector<std::string>& v, std::string_view sep) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : std::string(sep)) + s;
  return out;
}

bool is_quote(AttributionKind k) { return k != AttributionKind::kIndirect; }

struct Ctx {
  const DiffReport& r;
  const std::vector<std::vector<int>>& entity_of;  // [input][entity] -> aligned entity
  const Analysis& a(int input) const { return *r.inputs[input].analysis; }
  EvidenceSpan ev(int input, const char* what, Span s) const {
    return {input, what, s, std::string(a(input).doc.slice(s))};
  }
  std::string outlet(int input) const { return r.inputs[input].outlet; }
};

// Speakers along the relay chain of an attribution: its speaker and the speakers
// of the attributions that relay it (via), as aligned entity indexes.
std::set<int> relay_chain(const Ctx& cx, int input, int attribution) {
  std::set<int> out;
  const auto& at = cx.a(input).attributions;
  for (int k = attribution, guard = 0; k >= 0 && guard < 16; k = at[k].via, ++guard) {
    int e = at[k].speaker.entity;
    if (e >= 0) out.insert(cx.entity_of[input][e]);
  }
  return out;
}

bool speaks_for_someone(const Ctx& cx, int aligned) {
  const AlignedEntity& ae = cx.r.entities[aligned];
  for (const auto& m : ae.members) {
    const Entity& e = cx.a(m.input).entities[m.entity];
    for (const auto& role : e.roles)
      if (detail::is_relay_role(role)) return true;
    for (const auto& al : e.aliases)
      if (detail::is_relay_role(al)) return true;
    if (detail::is_relay_role(e.name)) return true;
  }
  return false;
}

void compare_statement(const Ctx& cx, int si, size_t n_inputs, std::vector<Finding>& out) {
  const AlignedStatement& st = cx.r.statements[si];
  auto attr = [&](const AlignedStatement::Member& m) -> const Attribution& {
    return cx.a(m.input).attributions[m.attribution];
  };
  (void)n_inputs;
  // Speakers: misattribution or relay.
  std::map<int, std::vector<const AlignedStatement::Member*>> by_speaker;
  for (const auto& m : st.members)
    if (m.speaker >= 0) by_speaker[m.speaker].push_back(&m);
  if (by_speaker.size() > 1) {
    bool relay = false;
    for (const auto& [sp, ms] : by_speaker) relay = relay || speaks_for_someone(cx, sp);
    // A relay chain in one outlet that contains another outlet's speaker.
    for (const auto& m : st.members)
      for (int e : relay_chain(cx, m.input, m.attribution))
        for (const auto& [sp, ms] : by_speaker)
          if (sp != m.speaker && sp == e) relay = true;
    Finding f;
    f.type = relay ? FindingType::kRelay : FindingType::kMisattribution;
    f.subject = st.text;
    f.statement = si;
    std::string detail;
    for (const auto& [sp, ms] : by_speaker) {
      std::vector<std::string> outlets;
      for (const auto* m : ms) {
        outlets.push_back(cx.outlet(m->input));
        f.inputs.push_back(m->input);
        f.evidence.push_back(cx.ev(m->input, "content", attr(*m).content));
        f.evidence.push_back(cx.ev(m->input, "speaker", attr(*m).speaker.mention));
      }
      detail += (detail.empty() ? "" : "; ") + join(outlets, ", ") + ": " + cx.r.entities[sp].name;
    }
    f.detail = detail;
    out.push_back(std::move(f));
  }
  // Quote vs paraphrase.
  std::vector<const AlignedStatement::Member*> quoted, para;
  for (const auto& m : st.members) (is_quote(attr(m).kind) ? quoted : para).push_back(&m);
  if (!quoted.empty() && !para.empty()) {
    Finding f;
    f.type = FindingType::kQuoteVsParaphrase;
    f.subject = st.text;
    f.statement = si;
    std::vector<std::string> q, p;
    for (const auto* m : quoted) q.push_back(cx.outlet(m->input));
    for (const auto* m : para) p.push_back(cx.outlet(m->input));
    f.detail = "quoted: " + join(q, ", ") + "; paraphrased: " + join(p, ", ");
    for (const auto& m : st.members) {
      f.inputs.push_back(m.input);
      f.evidence.push_back(cx.ev(m.input, "content", attr(m).content));
    }
    out.push_back(std::move(f));
  }
  // Altered quote: the direct quotes' words differ.
  std::vector<const AlignedStatement::Member*> direct;
  for (const auto& m : st.members)
    if (attr(m).kind == AttributionKind::kDirect) direct.push_back(&m);
  if (direct.size() >= 2) {
    std::map<std::vector<std::string>, std::vector<int>> versions;
    for (const auto* m : direct) {
      std::vector<std::string> w;
      for (Span p : attr(*m).pieces.empty() ? std::vector<Span>{attr(*m).content} : attr(*m).pieces)
        for (auto& x : words(cx.a(m->input).doc.slice(p))) w.push_back(std::move(x));
      versions[w].push_back(m->input);
    }
    if (versions.size() > 1) {
      // Reference: the version most outlets carry, then the longest, then the first.
      auto ref = versions.begin();
      for (auto it = versions.begin(); it != versions.end(); ++it)
        if (std::make_tuple(it->second.size(), it->first.size()) > std::make_tuple(ref->second.size(), ref->first.size()))
          ref = it;
      Finding f;
      f.type = FindingType::kQuoteAltered;
      f.subject = st.text;
      f.statement = si;
      std::vector<std::string> ref_outlets;
      for (int i : ref->second) ref_outlets.push_back(cx.outlet(i));
      std::string detail = "reference: " + join(ref_outlets, ", ");
      for (auto it = versions.begin(); it != versions.end(); ++it) {
        if (it == ref) continue;
        detail::WordDiff d = detail::word_diff(ref->first, it->first);
        std::vector<std::string> outlets;
        for (int i : it->second) outlets.push_back(cx.outlet(i));
        std::string parts;
        for (const auto& x : d.removed) parts += " -\"" + x + "\"";
        for (const auto& x : d.added) parts += " +\"" + x + "\"";
        bool shortened = d.added.empty();
        detail += "; " + join(outlets, ", ") + (shortened ? " (shortened):" : " (altered):") + parts;
      }
      f.detail = detail;
      for (const auto* m : direct) {
        f.inputs.push_back(m->input);
        f.evidence.push_back(cx.ev(m->input, "content", attr(*m).content));
      }
      out.push_back(std::move(f));
    }
  }
  // Cue verbs.
  std::map<std::string, std::vector<const AlignedStatement::Member*>> cues;
  for (const auto& m : st.members) {
    const std::string& lemma = attr(m).cue_lemma;
    if (lemma.empty() || lemma[0] == '(' || attr(m).cue.empty()) continue;
    cues[lemma].push_back(&m);
  }
  if (cues.size() > 1) {
    Finding f;
    f.type = FindingType::kCueVerb;
    f.subject = st.text;
    f.statement = si;
    for (const auto& [lemma, ms] : cues) {
      std::vector<std::string> outlets;
      for (const auto* m : ms) {
        outlets.push_back(cx.outlet(m->input));
        f.inputs.push_back(m->input);
        f.evidence.push_back(cx.ev(m->input, "cue", attr(*m).cue));
      }
      f.detail += (f.detail.empty() ? "" : "; ") + join(outlets, ", ") + ": " + lemma;
    }
    out.push_back(std::move(f));
  }
}

Stmt make_stmt(std::string_view text) {
  Stmt s;
  s.words = detail::split_words(text, 0);
  for (const auto& w : s.words) {
    s.plain.push_back(w.norm);
    if (!detail::is_stop_word(w.norm)) s.content.insert(w.norm);
  }
  return s;
}

void sort_finding(Finding& f) {
  std::sort(f.inputs.begin(), f.inputs.end());
  f.inputs.erase(std::unique(f.inputs.begin(), f.inputs.end()), f.inputs.end());
  std::sort(f.missing.begin(), f.missing.end());
  std::sort(f.evidence.begin(), f.evidence.end(), [](const EvidenceSpan& a, const EvidenceSpan& b) {
    return std::tie(a.input, a.span.start, a.span.end, a.what) < std::tie(b.input, b.span.start, b.span.end, b.what);
  });
}

}  // namespace

double similarity(std::string_view a, std::string_view b) { return stmt_similarity(make_stmt(a), make_stmt(b)); }

Result<DiffReport> Differ::diff(const std::vector<DiffInput>& inputs) const {
  if (inputs.size() < 2) return Status(ErrorCode::kInvalidArgument, "diff: needs at least two articles");
  DiffReport r;
  for (const auto& in : inputs) {
    if (!in.analysis) return Status(ErrorCode::kInvalidArgument, "diff: an input has no analysis");
    std::string outlet = in.outlet.empty() ? in.analysis->doc.outlet : in.outlet;
    if (outlet.empty()) {
      std::string p = in.analysis->doc.path;
      size_t slash = p.find_last_of('/');
      if (slash != std::string::npos) p = p.substr(slash + 1);
      size_t dot = p.find_last_of('.');
      if (dot != std::string::npos && dot > 0) p = p.substr(0, dot);
      outlet = p;
    }
    r.inputs.push_back({outlet, in.analysis->doc.path, in.analysis});
  }
  std::sort(r.inputs.begin(), r.inputs.end(), [](const DiffReport::Input& a, const DiffReport::Input& b) {
    return std::tie(a.outlet, a.path, a.analysis->doc.text) < std::tie(b.outlet, b.path, b.analysis->doc.text);
  });
  const int n = static_cast<int>(r.inputs.size());

  // --- entities: union-find over all entities of all inputs.
  std::vector<EntityKeys> keys;
  std::vector<std::vector<int>> flat(n);  // [input][entity] -> index into keys
  for (int i = 0; i < n; ++i) {
    const auto& ents = r.inputs[i].analysis->entities;
    for (size_t e = 0; e < ents.size(); ++e) {
      flat[i].push_back(static_cast<int>(keys.size()));
      keys.push_back(keys_of(i, static_cast<int>(e), ents[e]));
    }
  }
  UnionFind uf(keys.size());
  for (size_t x = 0; x < keys.size(); ++x)
    for (size_t y = x + 1; y < keys.size(); ++y)
      if (keys[x].input != keys[y].input && (same_entity(keys[x], keys[y]) || same_entity(keys[y], keys[x])))
        uf.unite(static_cast<int>(x), static_cast<int>(y));
  std::map<int, std::vector<int>> groups;
  for (size_t x = 0; x < keys.size(); ++x) groups[uf.find(static_cast<int>(x))].push_back(static_cast<int>(x));
  std::vector<std::pair<std::string, std::vector<int>>> named;
  for (auto& [root, members] : groups) {
    std::string best;
    for (int m : members) {
      const std::string& d = keys[m].display;
      if (d.size() > best.size() || (d.size() == best.size() && d < best)) best = d;
    }
    named.emplace_back(best, members);
  }
  std::sort(named.begin(), named.end(), [&](const auto& a, const auto& b) {
    return std::tie(a.first, keys[a.second.front()].input, keys[a.second.front()].entity) <
           std::tie(b.first, keys[b.second.front()].input, keys[b.second.front()].entity);
  });
  std::vector<std::vector<int>> entity_of(n);
  for (int i = 0; i < n; ++i) entity_of[i].assign(r.inputs[i].analysis->entities.size(), -1);
  for (const auto& [name, members] : named) {
    AlignedEntity ae;
    ae.name = name;
    std::map<EntityKind, int> votes;
    for (int m : members) {
      ae.members.push_back({keys[m].input, keys[m].entity});
      entity_of[keys[m].input][keys[m].entity] = static_cast<int>(r.entities.size());
      ++votes[keys[m].kind];
    }
    ae.kind = std::max_element(votes.begin(), votes.end(), [](auto& a, auto& b) { return a.second < b.second; })->first;
    std::sort(ae.members.begin(), ae.members.end(),
              [](auto& a, auto& b) { return std::tie(a.input, a.entity) < std::tie(b.input, b.entity); });
    r.entities.push_back(std::move(ae));
  }
  for (int i = 0; i < n; ++i)
    for (const auto& at : r.inputs[i].analysis->attributions)
      if (at.speaker.entity >= 0) r.entities[entity_of[i][at.speaker.entity]].quoted_in.push_back(i);
  for (auto& ae : r.entities) {
    std::sort(ae.quoted_in.begin(), ae.quoted_in.end());
    ae.quoted_in.erase(std::unique(ae.quoted_in.begin(), ae.quoted_in.end()), ae.quoted_in.end());
  }

  // --- statements: score every pair of different inputs, link greedily from the
  // best score down, keeping at most one statement per input in a cluster.
  std::vector<Stmt> stmts;
  for (int i = 0; i < n; ++i) {
    const Analysis& a = *r.inputs[i].analysis;
    const size_t first_of_input = stmts.size();
    for (size_t k = 0; k < a.attributions.size(); ++k) {
      Stmt s;
      s.input = i;
      s.attribution = static_cast<int>(k);
      Span c = a.attributions[k].content;
      s.words = detail::split_words(a.doc.slice(c), c.start);
      for (const auto& w : s.words) {
        s.plain.push_back(w.norm);
        if (!detail::is_stop_word(w.norm)) s.content.insert(w.norm);
      }
      if (static_cast<int>(s.content.size()) < options_.min_content_words) continue;
      // An outlet repeating its own statement (a quote in the lede and again in
      // the body, or a relayed quote and its relay) carries it once: the repeat
      // is left out of the alignment rather than reported as carried by one.
      bool repeat = false;
      for (size_t p = first_of_input; p < stmts.size() && !repeat; ++p)
        repeat = stmt_similarity(stmts[p], s) >= kRepeatScore;
      if (!repeat) stmts.push_back(std::move(s));
    }
  }
  struct Link {
    double score;
    int x, y;
  };
  std::vector<Link> links;
  for (size_t x = 0; x < stmts.size(); ++x)
    for (size_t y = x + 1; y < stmts.size(); ++y) {
      if (stmts[x].input == stmts[y].input) continue;
      double s = stmt_similarity(stmts[x], stmts[y]);
      if (s >= options_.min_statement_score) links.push_back({s, static_cast<int>(x), static_cast<int>(y)});
    }
  std::sort(links.begin(), links.end(), [](const Link& a, const Link& b) {
    return std::tie(b.score, a.x, a.y) < std::tie(a.score, b.x, b.y);
  });
  UnionFind suf(stmts.size());
  std::vector<std::vector<int>> cluster_inputs(stmts.size());
  for (size_t x = 0; x < stmts.size(); ++x) cluster_inputs[x] = {stmts[x].input};
  for (const Link& l : links) {
    int a = suf.find(l.x), b = suf.find(l.y);
    if (a == b) continue;
    std::vector<int> both;
    std::set_intersection(cluster_inputs[a].begin(), cluster_inputs[a].end(), cluster_inputs[b].begin(),
                          cluster_inputs[b].end(), std::back_inserter(both));
    if (!both.empty()) continue;
    std::vector<int> merged;
    std::set_union(cluster_inputs[a].begin(), cluster_inputs[a].end(), cluster_inputs[b].begin(),
                   cluster_inputs[b].end(), std::back_inserter(merged));
    suf.unite(a, b);
    cluster_inputs[suf.find(a)] = std::move(merged);
  }
  std::map<int, std::vector<int>> sgroups;
  for (size_t x = 0; x < stmts.size(); ++x) sgroups[suf.find(static_cast<int>(x))].push_back(static_cast<int>(x));
  for (auto& [root, members] : sgroups) {
    AlignedStatement st;
    std::sort(members.begin(), members.end());  // stmts are in (input, attribution) order
    const Stmt& first = stmts[members.front()];
    for (int m : members) {
      const Stmt& s = stmts[m];
      const Attribution& at = r.inputs[s.input].analysis->attributions[s.attribution];
      int sp = at.speaker.entity >= 0 ? entity_of[s.input][at.speaker.entity] : -1;
      st.members.push_back({s.input, s.attribution, sp, m == members.front() ? 1.0 : stmt_similarity(first, s)});
    }
    st.text = join(first.plain, " ");
    r.statements.push_back(std::move(st));
  }
  std::sort(r.statements.begin(), r.statements.end(), [&](const AlignedStatement& a, const AlignedStatement& b) {
    const auto& ma = a.members.front();
    const auto& mb = b.members.front();
    uint32_t sa = r.inputs[ma.input].analysis->attributions[ma.attribution].content.start;
    uint32_t sb = r.inputs[mb.input].analysis->attributions[mb.attribution].content.start;
    return std::tie(ma.input, sa, ma.attribution) < std::tie(mb.input, sb, mb.attribution);
  });

  // --- findings.
  Ctx cx{r, entity_of};
  std::vector<Finding> findings;
  for (size_t si = 0; si < r.statements.size(); ++si) {
    const AlignedStatement& st = r.statements[si];
    compare_statement(cx, static_cast<int>(si), n, findings);
    if (static_cast<int>(st.members.size()) < n) {
      // Carried by some outlets only; left to speaker_only when the speaker is
      // quoted only by exactly these outlets.
      std::vector<int> have;
      for (const auto& m : st.members) have.push_back(m.input);
      int sp = st.members.front().speaker;
      bool speaker_explains = sp >= 0 && r.entities[sp].quoted_in == have;
      if (!speaker_explains) {
        Finding f;
        f.type = FindingType::kStatementOnly;
        f.subject = st.text;
        f.statement = static_cast<int>(si);
        f.inputs = have;
        for (int i = 0; i < n; ++i)
          if (!std::binary_search(have.begin(), have.end(), i)) f.missing.push_back(i);
        std::vector<std::string> outlets;
        for (int i : have) outlets.push_back(r.inputs[i].outlet);
        f.detail = "carried by " + join(outlets, ", ");
        for (const auto& m : st.members)
          f.evidence.push_back(cx.ev(m.input, "content", cx.a(m.input).attributions[m.attribution].content));
        findings.push_back(std::move(f));
      }
    }
  }
  // Speakers quoted by some outlets only, unless every statement of theirs is
  // carried (under another speaker) by the outlets that do not quote them.
  std::vector<std::vector<int>> stmt_of(n);  // [input][attribution] -> statement
  for (int i = 0; i < n; ++i) stmt_of[i].assign(r.inputs[i].analysis->attributions.size(), -1);
  for (size_t si = 0; si < r.statements.size(); ++si)
    for (const auto& m : r.statements[si].members) stmt_of[m.input][m.attribution] = static_cast<int>(si);
  for (size_t ei = 0; ei < r.entities.size(); ++ei) {
    const AlignedEntity& ae = r.entities[ei];
    if (ae.quoted_in.empty() || static_cast<int>(ae.quoted_in.size()) == n) continue;
    std::vector<int> missing;
    for (int i = 0; i < n; ++i)
      if (!std::binary_search(ae.quoted_in.begin(), ae.quoted_in.end(), i)) missing.push_back(i);
    Finding f;
    f.type = FindingType::kSpeakerOnly;
    f.subject = ae.name;
    f.inputs = ae.quoted_in;
    f.missing = missing;
    bool unexplained = false;
    for (int i : ae.quoted_in) {
      const auto& ats = r.inputs[i].analysis->attributions;
      for (size_t k = 0; k < ats.size(); ++k) {
        if (ats[k].speaker.entity < 0 || entity_of[i][ats[k].speaker.entity] != static_cast<int>(ei)) continue;
        f.evidence.push_back(cx.ev(i, "speaker", ats[k].speaker.mention));
        f.evidence.push_back(cx.ev(i, "content", ats[k].content));
        int si = stmt_of[i][k];
        for (int miss : missing) {
          bool carried = false;
          if (si >= 0)
            for (const auto& m : r.statements[si].members) carried = carried || m.input == miss;
          if (!carried) unexplained = true;
        }
      }
    }
    if (!unexplained) continue;
    std::vector<std::string> q, mo;
    for (int i : ae.quoted_in) q.push_back(r.inputs[i].outlet);
    for (int i : missing) mo.push_back(r.inputs[i].outlet);
    f.detail = "quoted by " + join(q, ", ") + "; not by " + join(mo, ", ");
    findings.push_back(std::move(f));
  }
  // Framing: per term, how each outlet frames it (scare quote, adopted, none).
  std::map<std::string, std::map<int, std::set<std::string>>> terms;
  std::map<std::string, std::vector<EvidenceSpan>> term_evidence;
  for (int i = 0; i < n; ++i) {
    echo::EchoReport er = impl_->echo.analyze(*r.inputs[i].analysis);
    for (const auto& fr : er.framing) {
      terms[fr.term][i].insert(echo::to_string(fr.kind));
      term_evidence[fr.term].push_back(cx.ev(i, "framing", fr.span));
    }
  }
  for (const auto& [term, per] : terms) {
    std::vector<std::string> label(n, "none");
    for (const auto& [i, kinds] : per) label[i] = join(std::vector<std::string>(kinds.begin(), kinds.end()), "+");
    if (std::all_of(label.begin(), label.end(), [&](const std::string& l) { return l == label[0]; })) continue;
    Finding f;
    f.type = FindingType::kFraming;
    f.subject = term;
    std::map<std::string, std::vector<std::string>> by_label;
    for (int i = 0; i < n; ++i) {
      by_label[label[i]].push_back(r.inputs[i].outlet);
      if (label[i] != "none") f.inputs.push_back(i);
      else f.missing.push_back(i);
    }
    for (const auto& [l, outlets] : by_label) f.detail += (f.detail.empty() ? "" : "; ") + l + ": " + join(outlets, ", ");
    f.evidence = term_evidence[term];
    findings.push_back(std::move(f));
  }
  for (auto& f : findings) sort_finding(f);
  std::sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    auto ka = std::tie(a.type, a.subject, a.inputs, a.missing, a.detail);
    auto kb = std::tie(b.type, b.subject, b.inputs, b.missing, b.detail);
    if (ka != kb) return ka < kb;
    if (a.evidence.size() != b.evidence.size()) return a.evidence.size() < b.evidence.size();
    for (size_t k = 0; k < a.evidence.size(); ++k)
      if (a.evidence[k].span.start != b.evidence[k].span.start) return a.evidence[k].span.start < b.evidence[k].span.start;
    return false;
  });
  r.findings = std::move(findings);
  return r;
}

}  // namespace quotegraph::diff
