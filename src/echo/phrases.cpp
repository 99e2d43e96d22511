// Implicit echoes and self-repetition: attributed contents of every input ->
// shared distinctive phrases -> Echo records (and the source statement of the
// explicit records found earlier).
//
// One inverted index of hashed word n-grams over all attributed contents; only
// postings of the same n-gram are paired, n-grams with many postings or a high
// document frequency are dropped as common, and each candidate pair of
// statements is extended to its maximal shared run once. No all-pairs step.
#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "echo/internal.hpp"

namespace quotegraph::echo {
namespace {

// A statement taking part: one attribution with a known speaker.
struct Unit {
  int input = 0;
  int attribution = 0;
  std::string key;   // speaker_key
  int group = 0;     // statements with overlapping content (a relay) share a group
  std::vector<std::pair<uint32_t, uint32_t>> ranges;  // token ranges of the content pieces
  uint32_t size = 0;  // tokens in all ranges
  std::tuple<int, int, int64_t, int64_t> rank;  // who owns words shared with a group mate
  bool named = false;  // the speaker is a named person or organisation (see named_speaker)
  bool contains(uint32_t tok) const {
    for (auto [b, e] : ranges)
      if (tok >= b && tok < e) return true;
    return false;
  }
};

struct Posting {
  uint64_t hash;
  uint32_t unit;
  uint32_t tok;
  uint8_t n;
  uint32_t pos;  // the first token's byte offset, for near(): in the struct's padding
};
static_assert(sizeof(Posting) == 24, "a posting stays three words");

struct Seed {
  uint32_t tok_a, tok_b;  // in unit a's and unit b's documents
  int df;
};

constexpr uint64_t kQuotedSalt = 0x5151515151515151ULL;
constexpr size_t kPostingCap = 64;  // more postings than this: a common phrase
constexpr size_t kSeedsPerPair = 16;
// Two statements of one document pair only when they lie within this many
// bytes of each other. A news article is far shorter; a longer document is
// many stories end to end (a feed, a transcript, an archive), and bounding
// each statement's partners to its neighbourhood keeps the cost per byte the
// same at any length instead of growing with the number of statements.
constexpr uint32_t kPairWindowBytes = 256u << 10;

// Weight of one word in a phrase: function words nothing, names and common news
// words little, everything else one.
double word_weight(const Token& x, const Token& y) {
  if (x.has(kStopWord)) return 0.0;
  if (x.has(kCapitalised) && y.has(kCapitalised)) return 0.1;
  if (x.has(kCommonWord)) return 0.35;
  return 1.0;
}

// Whether a statement's speaker can carry an implicit echo: an entity the engine
// typed person or organisation whose name is a proper name. A phrase two statements
// share says nothing about "who takes up whose words" when one side is a dateline
// ("WASHINGTON"), a weekday, a number word or a common-noun phrase ("the announcer",
// "early results"); explicit echoes are exempt, the text names both sides there.
bool named_speaker(const Analysis& a, const Attribution& t) {
  if (t.speaker.entity < 0 || t.speaker.entity >= static_cast<int>(a.entities.size())) return false;
  const Entity& en = a.entities[t.speaker.entity];
  if (en.kind != EntityKind::kPerson && en.kind != EntityKind::kOrganization) return false;
  return is_proper_name(en.name);
}

// Weight of a word that is neither a function word, a common news word nor a
// name, by how often English uses it (WordNet's sense-tagged corpus counts,
// text::Senses::frequency): a word anyone says ("win", "move", "happen") cannot
// make a phrase one speaker's own; "deportation", "sexism", "debt" can.
double english_weight(int count) {
  if (count <= 10) return 1.0;  // rare, or not in WordNet at all (-1): a coinage
  if (count <= 50) return 0.6;
  if (count <= 150) return 0.3;
  return 0.1;
}

struct Run {
  uint32_t a = 0, b = 0, len = 0;  // start tokens in the two documents, length
  double weight = 0.0, score = 0.0;
  int df = 0;
  bool quoted = false;
  bool direct = false;  // inside quotation marks in both statements: the speakers' own words
  bool term = false;    // and a quoted term on one side (kTermQuote)
};

constexpr double kTermWeight = 1.0;  // what marking words as a quoted term adds to a run

}  // namespace

void find_implicit(const Context& cx, EchoReport& out) {
  const EchoOptions& opt = cx.options;
  const int n_inputs = static_cast<int>(cx.inputs.size());
  const int min_n = std::max(2, opt.min_ngram), max_n = std::max(min_n, opt.max_ngram);

  // 1. Units.
  std::vector<Unit> units;
  std::vector<Span> whole(1);  // the one piece of a content given in one piece
  for (int in = 0; in < n_inputs; ++in) {
    const Analysis& a = cx.analysis(in);
    const DocText& d = cx.docs[in];
    size_t first_unit = units.size();
    for (size_t k = 0; k < a.attributions.size(); ++k) {
      const Attribution& t = a.attributions[k];
      Unit u;
      u.input = in;
      u.attribution = static_cast<int>(k);
      u.key = d.speaker_keys[k];
      if (u.key.empty() || t.content.start < d.headline_end) continue;
      whole[0] = t.content;
      const std::vector<Span>& pieces = t.pieces.empty() ? whole : t.pieces;
      for (Span p : pieces) {
        auto [b, e] = token_range(d, p);
        if (e > b) {
          u.ranges.emplace_back(static_cast<uint32_t>(b), static_cast<uint32_t>(e));
          u.size += static_cast<uint32_t>(e - b);
        }
      }
      if (u.ranges.empty()) continue;
      u.named = named_speaker(a, t);
      u.group = static_cast<int>(units.size());
      units.push_back(std::move(u));
    }
    // Relays and nested statements: overlapping contents or a via link are one
    // group, i.e. the connected components of "overlaps or relays". Contents are
    // intervals, so the overlapping ones are found by one sweep in start order
    // (components of an interval graph are runs in that order), not by testing
    // all pairs, which is quadratic: a 1 MB line holds 20,000 attributions.
    {
      const uint32_t n = static_cast<uint32_t>(units.size() - first_unit);
      std::vector<uint32_t> root(n), by_start(n);
      std::iota(root.begin(), root.end(), 0u);
      std::iota(by_start.begin(), by_start.end(), 0u);
      auto find = [&](uint32_t x) {
        while (root[x] != x) x = root[x] = root[root[x]];
        return x;
      };
      auto unite = [&](uint32_t x, uint32_t y) {
        x = find(x);
        y = find(y);
        if (x != y) root[std::max(x, y)] = std::min(x, y);
      };
      auto content = [&](uint32_t i) { return a.attributions[units[first_unit + i].attribution].content; };
      std::stable_sort(by_start.begin(), by_start.end(),
                       [&](uint32_t x, uint32_t y) { return content(x).start < content(y).start; });
      bool open = false;
      uint32_t run = 0, run_end = 0;
      for (uint32_t i : by_start) {
        Span c = content(i);
        if (c.empty()) continue;  // overlaps nothing
        if (open && c.start < run_end) {
          unite(i, run);
          run_end = std::max(run_end, c.end);
        } else {
          open = true;
          run = i;
          run_end = c.end;
        }
      }
      std::vector<int> unit_of(a.attributions.size(), -1);
      for (uint32_t i = 0; i < n; ++i) unit_of[units[first_unit + i].attribution] = static_cast<int>(i);
      for (uint32_t i = 0; i < n; ++i) {
        int via = a.attributions[units[first_unit + i].attribution].via;
        if (via >= 0 && static_cast<size_t>(via) < unit_of.size() && unit_of[via] >= 0)
          unite(i, static_cast<uint32_t>(unit_of[via]));
      }
      for (uint32_t i = 0; i < n; ++i) units[first_unit + i].group = static_cast<int>(first_unit + find(i));
    }
    // Where statements of one group overlap, each word belongs to one of them:
    // the speaker the engine is surest of (a named person or organisation over a
    // group or an unknown), then the inner one of a relay ("Blinken reiterated …,
    // Price said": Blinken), then the shorter content.
    for (size_t i = first_unit; i < units.size(); ++i) {
      const Attribution& t = a.attributions[units[i].attribution];
      int kind = 1;
      if (t.speaker.entity >= 0) {
        EntityKind k = a.entities[t.speaker.entity].kind;
        kind = (k == EntityKind::kPerson || k == EntityKind::kOrganization) ? 2 : 0;
      }
      units[i].rank = std::make_tuple(kind, t.via >= 0 ? 1 : 0, -static_cast<int64_t>(t.content.size()),
                                      -static_cast<int64_t>(i));
    }
  }
  // Group labels are unit indices, and a group never spans two inputs.
  std::vector<std::vector<uint32_t>> group_mates(units.size()), members(units.size());
  for (uint32_t i = 0; i < units.size(); ++i) members[static_cast<size_t>(units[i].group)].push_back(i);
  for (const std::vector<uint32_t>& m : members)
    if (m.size() > 1)
      for (uint32_t i : m)
        for (uint32_t j : m)
          if (i != j) group_mates[i].push_back(j);
  auto owns = [&](uint32_t ui, uint32_t tok) {
    for (uint32_t j : group_mates[ui])
      if (units[j].rank > units[ui].rank && units[j].contains(tok)) return false;
    return true;
  };

  // 2. Postings: n-grams that start and end on a content word and hold at least
  //    one rare word or three content words; single words inside quotation marks.
  //    A cited term (kTermQuote: "‘Little Marco’" inside a quote) may be names
  //    and everyday words only; its n-grams are posted wherever they occur in
  //    a content, so the other use ("they control Crooked Hillary") pairs too.
  std::unordered_set<uint64_t> term_hashes;
  for (const Unit& u : units) {
    const std::vector<Token>& toks = cx.docs[u.input].tokens;
    for (auto [b, e] : u.ranges)
      for (uint32_t i = b; i < e; ++i) {
        if (!toks[i].has(kTermQuote) || toks[i].has(kStopWord)) continue;
        uint64_t h = toks[i].hash;
        for (uint32_t j = i + 1; j < e && j < i + static_cast<uint32_t>(max_n) && toks[j].has(kTermQuote) &&
                                 !toks[j].has(kBoundary);
             ++j) {
          h = combine_hash(h, toks[j].hash);
          if (!toks[j].has(kStopWord)) term_hashes.insert(h);
        }
      }
  }
  std::vector<Posting> postings;
  {
    size_t content_tokens = 0;
    for (const Unit& u : units) content_tokens += u.size;
    postings.reserve(content_tokens * 3);  // about three n-grams start on a content token
  }
  for (uint32_t ui = 0; ui < units.size(); ++ui) {
    const Unit& u = units[ui];
    const std::vector<Token>& toks = cx.docs[u.input].tokens;
    for (auto [b, e] : u.ranges) {
      for (uint32_t i = b; i < e; ++i) {
        const Token& t0 = toks[i];
        if (t0.has(kStopWord) || !owns(ui, i)) continue;
        bool rare0 = !t0.has(kCommonWord) && !t0.has(kCapitalised);
        // One word counts only as a quoted term ("“peacekeeping”"), not as any
        // word two direct quotes happen to share ("understand").
        if (t0.has(kShortQuote) && rare0 && t0.span.size() >= 4)
          postings.push_back({t0.hash ^ kQuotedSalt, ui, i, 1, t0.span.start});
        uint64_t h = t0.hash;
        int content = 1, rare = rare0 ? 1 : 0;
        for (int n = 2; n <= max_n; ++n) {
          uint32_t j = i + n - 1;
          if (j >= e || toks[j].has(kBoundary)) break;
          h = combine_hash(h, toks[j].hash);
          if (toks[j].has(kStopWord)) continue;
          ++content;
          if (!toks[j].has(kCommonWord) && !toks[j].has(kCapitalised)) ++rare;
          if (n >= min_n && content >= 2 &&
              (rare >= 1 || content >= 3 || (!term_hashes.empty() && term_hashes.count(h))))
            postings.push_back({h, ui, i, static_cast<uint8_t>(n), t0.span.start});
        }
      }
    }
  }
  // Only an n-gram posted at least twice can pair, and nearly every n-gram of
  // an article is posted once: two bit filters ("seen", "seen again") drop
  // those before the sort, which had cost as much as making the postings. A
  // filter's false positive keeps a lone posting, which pairs with nothing.
  {
    HashFilter seen(postings.size()), again(postings.size());
    for (const Posting& p : postings) {
      if (seen.may_hold(p.hash)) again.add(p.hash);
      else seen.add(p.hash);
    }
    postings.erase(std::remove_if(postings.begin(), postings.end(),
                                  [&](const Posting& p) { return !again.may_hold(p.hash); }),
                   postings.end());
  }
  std::sort(postings.begin(), postings.end(), [](const Posting& x, const Posting& y) {
    return std::tie(x.hash, x.unit, x.tok) < std::tie(y.hash, y.unit, y.tok);
  });
  // Whether two postings may pair: different documents, or one document's
  // neighbourhood (kPairWindowBytes).
  // Read from the postings and a flat table of each unit's input: in a long
  // document the copies of an n-gram lie far apart, and looking up their
  // units and tokens was a cache miss per posting pair.
  std::vector<int> input_of(units.size());
  for (size_t i = 0; i < units.size(); ++i) input_of[i] = units[i].input;
  auto near = [&](const Posting& x, const Posting& y) {
    if (input_of[x.unit] != input_of[y.unit]) return true;
    return (x.pos > y.pos ? x.pos - y.pos : y.pos - x.pos) <= kPairWindowBytes;
  };

  // 3. Candidate n-grams: used by two speakers, or twice by one speaker in one
  //    article (in two statements that are not one relay).
  struct Candidate {
    size_t begin, end;
    int df = 0;
    int last_doc = -1;
  };
  std::vector<Candidate> cands;
  std::unordered_map<uint64_t, size_t> cand_of;
  int max_len_needed = 0;
  for (size_t i = 0; i < postings.size();) {
    size_t j = i;
    while (j < postings.size() && postings[j].hash == postings[i].hash) ++j;
    if (j - i >= 2 && j - i <= kPostingCap) {
      bool pair = false;
      for (size_t x = i; x < j && !pair; ++x)
        for (size_t y = x + 1; y < j && !pair; ++y) {
          const Unit& ux = units[postings[x].unit];
          const Unit& uy = units[postings[y].unit];
          if (!near(postings[x], postings[y])) continue;
          pair = ux.key != uy.key ? true : (ux.input == uy.input && ux.group != uy.group);
        }
      if (pair) {
        cand_of.emplace(postings[i].hash, cands.size());
        cands.push_back({i, j});
        max_len_needed = std::max<int>(max_len_needed, postings[i].n);
      }
    }
    i = j;
  }

  // 4. Document frequency of the candidates over every input's whole body.
  //    Nearly every n-gram of a body is no candidate: a bit filter on the hash
  //    answers most of them without a hash-table probe.
  HashFilter cand_filter(cands.size());
  for (const auto& kv : cand_of) cand_filter.add(kv.first);
  for (int in = 0; in < n_inputs && !cands.empty(); ++in) {
    const std::vector<Token>& toks = cx.docs[in].tokens;
    for (size_t i = 0; i < toks.size(); ++i) {
      auto bump = [&](uint64_t h) {
        if (!cand_filter.may_hold(h)) return;
        auto it = cand_of.find(h);
        if (it != cand_of.end() && cands[it->second].last_doc != in) {
          cands[it->second].last_doc = in;
          ++cands[it->second].df;
        }
      };
      bump(toks[i].hash ^ kQuotedSalt);
      uint64_t h = toks[i].hash;
      for (int n = 2; n <= max_len_needed; ++n) {
        size_t j = i + n - 1;
        if (j >= toks.size() || toks[j].has(kBoundary)) break;
        h = combine_hash(h, toks[j].hash);
        bump(h);
      }
    }
  }
  const int df_cap = std::max(opt.min_df_cap, static_cast<int>(std::ceil(opt.max_df_share * n_inputs)));

  // 5. Pairs of statements with their seeds.
  // Keyed by the two unit indices; visited in key order below, so the output
  // does not depend on the hash order.
  std::unordered_map<uint64_t, std::vector<Seed>> pair_seeds;
  // Work per statement is bounded: a statement pairs with at most this many
  // others (a text that repeats whole articles would otherwise pair every copy
  // of every statement with every other).
  constexpr uint32_t kPartnersPerUnit = 32;
  std::vector<uint32_t> partners(units.size(), 0);
  for (const Candidate& c : cands) {
    if (c.df > df_cap) continue;
    for (size_t x = c.begin; x < c.end; ++x)
      for (size_t y = x + 1; y < c.end; ++y) {
        uint32_t ua = postings[x].unit, ub = postings[y].unit;
        if (ua == ub) continue;
        const Unit& u = units[ua];
        const Unit& v = units[ub];
        if (u.input == v.input && u.group == v.group) continue;
        if (u.key == v.key && u.input != v.input) continue;  // one speaker reported twice
        if (!near(postings[x], postings[y])) continue;
        const uint64_t pk = (static_cast<uint64_t>(ua) << 32) | ub;
        auto it = pair_seeds.find(pk);
        if (it == pair_seeds.end()) {
          if (partners[ua] >= kPartnersPerUnit || partners[ub] >= kPartnersPerUnit) continue;
          ++partners[ua];
          ++partners[ub];
          it = pair_seeds.emplace(pk, std::vector<Seed>{}).first;
        }
        if (it->second.size() < kSeedsPerPair) it->second.push_back({postings[x].tok, postings[y].tok, c.df});
      }
  }

  // Explicit records whose source statement is still unknown: their pairs need only
  // a shared content word, since the text already states the echo.
  // Indexed by their echoing statement, in record order: a pass over every
  // record per pair would grow with the square of a long document.
  auto explicit_by_statement = [](std::vector<Echo>& v) {
    std::map<std::pair<int, int>, std::vector<size_t>> by;
    for (size_t i = 0; i < v.size(); ++i)
      if (v[i].evidence == Evidence::kExplicit) by[{v[i].from.input, v[i].from.attribution}].push_back(i);
    return by;
  };
  const auto explicit_echo_of = explicit_by_statement(out.echoes);
  const auto explicit_rep_of = explicit_by_statement(out.repetitions);
  auto explicit_for = [&](const Unit& from, const Unit& to) -> Echo* {
    auto it = explicit_echo_of.find({from.input, from.attribution});
    if (it == explicit_echo_of.end()) return nullptr;
    for (size_t i : it->second) {
      Echo& e = out.echoes[i];
      const Analysis& a = cx.analysis(e.to.input);
      if (speaker_key(a, EntityRef{e.to.entity, e.to.mention}) == to.key) return &e;
    }
    return nullptr;
  };
  auto explicit_rep_for = [&](const Unit& from) -> Echo* {
    auto it = explicit_rep_of.find({from.input, from.attribution});
    return it == explicit_rep_of.end() ? nullptr : &out.repetitions[it->second.front()];
  };

  // Order of first occurrence: date when both are known and differ, then input, then position.
  auto earlier = [&](int in_a, uint32_t pos_a, int in_b, uint32_t pos_b) {
    const std::string& da = cx.inputs[in_a].date;
    const std::string& db = cx.inputs[in_b].date;
    if (!da.empty() && !db.empty() && da != db) return da < db;
    if (in_a != in_b) return in_a < in_b;
    return pos_a < pos_b;
  };

  // 6. Maximal shared run per pair, scored; the best one becomes the record.
  struct Pending {
    uint32_t from_unit, to_unit, from_tok, to_tok;
    Run best;
  };
  std::vector<Pending> pending;
  std::vector<uint64_t> pair_keys;
  pair_keys.reserve(pair_seeds.size());
  for (const auto& kv : pair_seeds) pair_keys.push_back(kv.first);
  std::sort(pair_keys.begin(), pair_keys.end());
  for (uint64_t pk : pair_keys) {
    const std::vector<Seed>& seeds = pair_seeds[pk];
    const std::pair<uint32_t, uint32_t> key{static_cast<uint32_t>(pk >> 32), static_cast<uint32_t>(pk)};
    const Unit& u = units[key.first];
    const Unit& v = units[key.second];
    const std::vector<Token>& ta = cx.docs[u.input].tokens;
    const Document& fa_doc = cx.analysis(u.input).doc;
    const std::vector<Token>& tb = cx.docs[v.input].tokens;
    Run best;
    // Seeds on one diagonal inside a run already extended give that run again:
    // each maximal run is extended and weighed once (long shared passages have
    // a seed for every n-gram).
    std::vector<std::pair<uint32_t, uint32_t>> done_runs;  // (start in a, end in a) with b - a fixed below
    std::vector<int64_t> done_diag;
    // Weighs the shared run [a, a+len) / [b, b+len) and keeps it when it beats `best`.
    auto consider = [&](uint32_t a, uint32_t b, uint32_t len, int df, bool direct) {
      while (len > 0 && ta[a].has(kStopWord)) { ++a; ++b; --len; }
      while (len > 0 && ta[a + len - 1].has(kStopWord)) --len;
      if (len == 0) return;
      Run r;
      r.a = a;
      r.b = b;
      r.len = len;
      r.df = df;
      r.direct = direct;
      std::vector<double> w(len);
      bool all_quoted = true;
      for (uint32_t k = 0; k < len; ++k) {
        w[k] = word_weight(ta[a + k], tb[b + k]);
        r.quoted = r.quoted || ta[a + k].has(kQuoted) || tb[b + k].has(kQuoted);
        all_quoted = all_quoted && ta[a + k].has(kQuoted) && tb[b + k].has(kQuoted);
      }
      r.direct = r.direct || all_quoted;
      // Words one side marks as a quoted term are someone's term: they count
      // whatever their frequency ("Little Marco", "Second Amendment people").
      bool term_a = true, term_b = true;
      for (uint32_t k = 0; k < len; ++k) {
        term_a = term_a && ta[a + k].has(kTermQuote);
        term_b = term_b && tb[b + k].has(kTermQuote);
      }
      r.term = r.direct && (term_a || term_b);
      // Words inside a stock phrase weigh nothing ("the United States").
      for (uint32_t x = 0; x < len; ++x) {
        uint64_t h = ta[a + x].hash;
        for (uint32_t y = x + 2; y <= std::min(len, x + 6); ++y) {
          h = combine_hash(h, ta[a + y - 1].hash);
          if (cx.compiled.stock_hashes.count(h))
            for (uint32_t k = x; k < y; ++k) w[k] = 0.0;
        }
      }
      auto score_of = [&](Run& run) {
        // A rare word, or three words of middling frequency ("most valuable
        // player award"); a run of everyday words ("going to win") is no one's.
        bool rare = false;
        run.weight = 0.0;
        for (uint32_t k = 0; k < len; ++k) rare = rare || w[k] >= 1.0;
        for (double x : w) run.weight += x;
        if (!rare && run.weight < 1.8 && !run.term) return 0.0;
        if (run.quoted) run.weight += 0.5;
        if (run.term) run.weight += kTermWeight;
        double specificity = 1.0 - std::exp(-run.weight / 1.5);
        double df_factor = 1.0 - std::max(0, run.df - 2) / static_cast<double>(df_cap);
        return specificity * df_factor;
      };
      r.score = score_of(r);
      // A quoted run beats an indirect one whatever their scores: only quoted
      // runs can be reported as implicit echoes (the indirect ones serve the
      // explicit records).
      auto better = [&](const Run& x) { return std::make_pair(x.direct, x.score) > std::make_pair(best.direct, best.score); };
      if (!better(r) || r.score < opt.min_score) return;
      // Words English uses everywhere weigh less. Asked only of runs that would
      // count, since weights only go down.
      for (uint32_t k = 0; k < len; ++k)
        if (w[k] >= 1.0) w[k] = english_weight(cx.compiled.senses.frequency(normalize_word(fa_doc.slice(ta[a + k].span))));
      r.score = score_of(r);
      if (better(r)) best = r;
    };
    for (const Seed& s : seeds) {
      bool inside = false;
      for (size_t r = 0; r < done_runs.size() && !inside; ++r)
        inside = done_diag[r] == static_cast<int64_t>(s.tok_b) - s.tok_a && s.tok_a >= done_runs[r].first &&
                 s.tok_a < done_runs[r].second;
      if (inside) continue;
      uint32_t a = s.tok_a, b = s.tok_b, len = 1;
      while (a > 0 && b > 0 && u.contains(a - 1) && v.contains(b - 1) && ta[a - 1].hash == tb[b - 1].hash &&
             !ta[a].has(kBoundary) && !tb[b].has(kBoundary)) {
        --a;
        --b;
        ++len;
      }
      while (u.contains(a + len) && v.contains(b + len) && ta[a + len].hash == tb[b + len].hash &&
             !ta[a + len].has(kBoundary) && !tb[b + len].has(kBoundary))
        ++len;
      done_runs.emplace_back(a, a + len);
      done_diag.push_back(static_cast<int64_t>(b) - a);
      // The whole run serves the explicit records; each stretch of it inside
      // quotation marks in both statements is a candidate of its own, the only
      // kind an implicit echo is made of: the words after a closing mark are
      // the reporter's ("“expanded the Republican party,” claiming that …").
      consider(a, b, len, s.df, false);
      for (uint32_t k = a; k < a + len;) {
        if (!(ta[k].has(kQuoted) && tb[b + (k - a)].has(kQuoted))) {
          ++k;
          continue;
        }
        uint32_t e = k;
        while (e < a + len && ta[e].has(kQuoted) && tb[b + (e - a)].has(kQuoted)) ++e;
        if (k != a || e != a + len) consider(k, b + (k - a), e - k, s.df, true);
        k = e;
      }
    }
    if (best.len == 0 || best.weight <= 0.0) continue;
    // Direction.
    uint32_t pos_a = ta[best.a].span.start, pos_b = tb[best.b].span.start;
    bool u_first = earlier(u.input, pos_a, v.input, pos_b);
    // In one article, a statement that holds the words in a quotation inside its
    // own quotation cites someone ("“Crooked Hillary Clinton and her team ‘were
    // extremely careless …’”"): it is the later one, wherever the article puts it.
    // So does one that names them as words ("refused to use the words “…”").
    // One that names their owner ("Clinton’s call to “…”") cites them in any
    // pair: in another article, the owner saying them is no echo of the citation.
    const bool nest_u = ta[best.a].has(kNestedQuote) || ta[best.a].has(kTermQuote);
    const bool nest_v = tb[best.b].has(kNestedQuote) || tb[best.b].has(kTermQuote);
    const bool owned = ta[best.a].has(kOwnedQuote) || tb[best.b].has(kOwnedQuote);
    if ((u.input == v.input || owned) && nest_u != nest_v) u_first = nest_v;
    pending.push_back({u_first ? key.second : key.first, u_first ? key.first : key.second,
                       u_first ? best.b : best.a, u_first ? best.a : best.b, best});
  }

  // The narrator uses the phrase too (topic vocabulary, not someone's framing):
  // every phrase of at most 8 words that needs the test is looked up in one pass
  // over each document's narrator words, so the cost stays linear in the text
  // however many pairs there are.
  constexpr uint32_t kNarratorMax = 8;
  std::vector<std::unordered_map<uint64_t, bool>> narrator_has(static_cast<size_t>(n_inputs));
  std::vector<uint32_t> lens_needed(static_cast<size_t>(n_inputs), 0);
  auto phrase_hash = [&](const Pending& p) {
    return ngram_hash(cx.docs[units[p.from_unit].input].tokens, p.from_tok, p.from_tok + p.best.len);
  };
  auto reaches_report = [&](const Pending& p) {  // passes the cheap tests before the narrator's
    const Unit& f = units[p.from_unit];
    const Unit& t = units[p.to_unit];
    return p.best.score >= opt.min_score && f.named && t.named;
  };
  for (const Pending& p : pending) {
    if (p.best.len > kNarratorMax || !reaches_report(p)) continue;
    uint64_t h = phrase_hash(p);
    for (int in : {units[p.from_unit].input, units[p.to_unit].input}) {
      narrator_has[in].emplace(h, false);
      lens_needed[in] |= 1u << p.best.len;
    }
  }
  std::vector<HashFilter> narrator_filter;
  narrator_filter.reserve(static_cast<size_t>(n_inputs));
  for (int in = 0; in < n_inputs; ++in) {
    narrator_filter.emplace_back(narrator_has[in].size());
    for (const auto& kv : narrator_has[in]) narrator_filter.back().add(kv.first);
  }
  for (int in = 0; in < n_inputs; ++in) {
    if (narrator_has[in].empty()) continue;
    const std::vector<Token>& toks = cx.docs[in].tokens;
    for (size_t i = 0; i < toks.size(); ++i) {
      uint64_t h = 0;
      for (uint32_t n = 1; n <= kNarratorMax && i + n <= toks.size(); ++n) {
        const Token& t = toks[i + n - 1];
        if (!t.has(kNarrator) || t.has(kQuoted)) break;
        h = n == 1 ? t.hash : combine_hash(h, t.hash);
        if (!(lens_needed[in] & (1u << n)) || !narrator_filter[in].may_hold(h)) continue;
        auto it = narrator_has[in].find(h);
        if (it != narrator_has[in].end()) it->second = true;
      }
    }
  }
  auto narrator_uses = [&](const Pending& p) {
    if (p.best.len > kNarratorMax) return false;
    uint64_t h = phrase_hash(p);
    return narrator_has[units[p.from_unit].input].at(h) || narrator_has[units[p.to_unit].input].at(h);
  };

  // The headline's own words, unquoted, name the story's topic ("Momentum builds
  // to tax consumption" and two speakers' "consumption tax"): a run whose every
  // content word is one of them, in any order, is the topic's vocabulary. Words
  // the headline quotes are someone's term, not the topic.
  std::vector<std::unordered_set<uint64_t>> headline_words(static_cast<size_t>(n_inputs));
  for (int in = 0; in < n_inputs; ++in)
    for (const Token& t : cx.docs[in].tokens) {
      if (t.span.start >= cx.docs[in].headline_end) break;
      if (!t.has(kStopWord) && !t.has(kQuoted)) headline_words[in].insert(t.hash);
    }
  auto headline_topic = [&](const Pending& p) {
    for (int in : {units[p.from_unit].input, units[p.to_unit].input}) {
      if (headline_words[in].empty()) continue;
      const std::vector<Token>& tf = cx.docs[units[p.from_unit].input].tokens;
      bool all = true;
      for (uint32_t k = p.from_tok; k < p.from_tok + p.best.len && all; ++k)
        all = tf[k].has(kStopWord) || headline_words[in].count(tf[k].hash);
      if (all) return true;
    }
    return false;
  };

  // A run whose content words are one collocation WordNet lists ("health care",
  // "common ground", "law enforcement", "make sure") is English, not one speaker's
  // framing. Looked up only for runs that would otherwise be reported.
  auto wordnet_stock = [&](const Pending& p) {
    if (!cx.compiled.senses.available()) return false;
    const Analysis& an = cx.analysis(units[p.from_unit].input);
    const std::vector<Token>& tf = cx.docs[units[p.from_unit].input].tokens;
    std::string joined;
    int words = 0;
    for (uint32_t k = p.from_tok; k < p.from_tok + p.best.len; ++k) {
      if (tf[k].has(kStopWord) && (words == 0 || k + 1 == p.from_tok + p.best.len)) continue;
      std::string_view w = an.doc.slice(tf[k].span);
      if (!joined.empty()) joined += '_';
      for (char c : w) joined += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
      if (++words > 4) return false;
    }
    return words >= 2 && cx.compiled.senses.is_collocation(joined);
  };

  auto all_quoted = [](const std::vector<Token>& toks, uint32_t b, uint32_t len) {
    for (uint32_t k = b; k < b + len; ++k)
      if (!toks[k].has(kQuoted)) return false;
    return true;
  };
  // Units of each input in content order, for one_turn.
  std::vector<std::vector<uint32_t>> by_pos(static_cast<size_t>(n_inputs));
  for (uint32_t i = 0; i < units.size(); ++i) by_pos[units[i].input].push_back(i);
  auto first_tok = [&](uint32_t ui) { return units[ui].ranges.front().first; };
  auto last_tok = [&](uint32_t ui) { return units[ui].ranges.back().second; };
  for (auto& v : by_pos)
    std::stable_sort(v.begin(), v.end(), [&](uint32_t x, uint32_t y) { return first_tok(x) < first_tok(y); });
  // Whether two statements of one speaker in one article are one speaking turn:
  // every statement that starts between them is that speaker's too, and
  // between them no stretch outside quotation marks is longer than a tag
  // ("“…,” he says. “…,” Viguerie adds."). Bounded: it stops at the first
  // sign of another turn.
  constexpr uint32_t kTagWords = 12;
  auto one_turn = [&](uint32_t x, uint32_t y) {
    if (first_tok(y) < first_tok(x)) std::swap(x, y);
    const std::vector<uint32_t>& order = by_pos[units[x].input];
    auto it = std::upper_bound(order.begin(), order.end(), first_tok(x),
                               [&](uint32_t pos, uint32_t ui) { return pos < first_tok(ui); });
    for (; it != order.end() && first_tok(*it) < first_tok(y); ++it)
      if (units[*it].key != units[x].key) return false;
    const std::vector<Token>& toks = cx.docs[units[x].input].tokens;
    uint32_t unquoted = 0;
    for (uint32_t k = last_tok(x); k < first_tok(y); ++k) {
      unquoted = toks[k].has(kQuoted) ? 0 : unquoted + 1;
      if (unquoted > kTagWords) return false;
    }
    return true;
  };

  std::map<std::tuple<uint32_t, std::string, std::string>, size_t> seen;  // (from unit, to key, phrase)
  std::vector<Echo> implicit_echoes, implicit_reps;
  for (const Pending& p : pending) {
    const Run& best = p.best;
    const Unit& from = units[p.from_unit];
    const Unit& to = units[p.to_unit];
    const uint32_t from_tok = p.from_tok, to_tok = p.to_tok;
    const std::vector<Token>& tf = cx.docs[from.input].tokens;
    const std::vector<Token>& tt = cx.docs[to.input].tokens;
    Span from_phrase{tf[from_tok].span.start, tf[from_tok + best.len - 1].span.end};
    Span to_phrase{tt[to_tok].span.start, tt[to_tok + best.len - 1].span.end};
    const Analysis& fa = cx.analysis(from.input);
    const Analysis& ta_an = cx.analysis(to.input);
    bool self = from.key == to.key;
    const bool fragment_a = tf[from_tok].has(kShortQuote), fragment_b = tt[to_tok].has(kShortQuote);

    // The text already states it: complete the explicit record.
    Echo* ex = self ? explicit_rep_for(from) : explicit_for(from, to);
    if (ex) {
      if (ex->to.attribution < 0 || (ex->to.input == to.input && ex->to.attribution == to.attribution)) {
        const Attribution& t = ta_an.attributions[to.attribution];
        ex->to.input = to.input;
        ex->to.attribution = to.attribution;
        ex->to.entity = t.speaker.entity;
        ex->to.mention = t.speaker.mention;
        ex->to.name = speaker_name(ta_an, t.speaker);
        ex->to.phrase = to_phrase;
        ex->reason += "; shared phrase \"" + one_line(fa.doc.slice(from_phrase)) + "\"";
      }
      continue;
    }
    if (best.score < opt.min_score) continue;
    if (!from.named || !to.named) continue;

    // The words must be the speakers' own: inside quotation marks in both
    // statements. An indirect statement ("Clinton cited derogatory comments
    // Trump had made") is the reporter's wording, and two of them share the
    // reporter's vocabulary, not the speakers'.
    if (!all_quoted(tf, from_tok, best.len) || !all_quoted(tt, to_tok, best.len)) continue;
    // One speaker's two statements with nothing between them but the tag
    // ("“… support and endorse …,” Trump told a crowd. “… support and endorse
    // …,” Trump said") are one remark cut in two, not a repetition.
    if (self && from.input == to.input && one_turn(p.from_unit, p.to_unit)) continue;
    if (narrator_uses(p) || headline_topic(p)) continue;
    // One statement reported twice with different speakers: nearly all of both.
    if (from.input != to.input && best.len >= 8 && best.len * 5 >= std::min(from.size, to.size) * 4) continue;
    // Within one article a shared run of more than six words is one remark given
    // twice (the lead and the body, or a statement the rules attributed twice),
    // not a phrase taken up: echoed framings are short.
    // A run inside a quotation within a quotation is the speaker quoting the other
    // one word for word ("… that, quote, ‘A wise Latina woman …’"): kept, however long.
    const bool nested = tf[from_tok].has(kNestedQuote) || tt[to_tok].has(kNestedQuote);
    if (from.input == to.input && best.len > 6 && !nested) continue;
    // A speaker's short quoted fragment in one statement and the same words in a
    // longer quote of theirs is one remark reported twice ("Trump called for a
    // “deportation force”" ... "“You're going to have a deportation force,” Trump
    // said"), not a repetition.
    if (self && from.input == to.input && fragment_a != fragment_b) continue;
    // Two speakers of one article sharing words that neither puts in quotation
    // marks as a fragment: the article's topic ("legal abortion", "the mortgage
    // crisis"), unless the run is long and rare enough to be a formula someone
    // coined. Across articles the document frequency weighs topic words instead.
    if (!self && from.input == to.input && !fragment_a && !fragment_b && !best.term && best.weight < 3.0) continue;

    // Last: a dictionary lookup, for the few runs every cheaper test let through.
    if (wordnet_stock(p)) continue;

    const std::string phrase = one_line(fa.doc.slice(from_phrase));
    auto dedup_key = std::make_tuple(p.from_unit, to.key, phrase);
    if (seen.count(dedup_key)) continue;
    seen.emplace(dedup_key, 0);

    Echo e;
    e.evidence = Evidence::kImplicit;
    auto party = [&](const Unit& x, Span ph) {
      const Analysis& an = cx.analysis(x.input);
      const Attribution& t = an.attributions[x.attribution];
      Party p;
      p.input = x.input;
      p.attribution = x.attribution;
      p.entity = t.speaker.entity;
      p.name = speaker_name(an, t.speaker);
      p.mention = t.speaker.mention;
      p.phrase = ph;
      return p;
    };
    e.from = party(from, from_phrase);
    e.to = party(to, to_phrase);
    e.phrase = phrase;
    e.score = std::round(best.score * 1000) / 1000;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2f", best.weight);
    e.reason = "shared phrase of " + std::to_string(best.len) + " word" + (best.len == 1 ? "" : "s") +
               (best.quoted ? ", quoted," : "") + " with weight " + buf + ", in " + std::to_string(best.df) + " of " +
               std::to_string(n_inputs) + " document" + (n_inputs == 1 ? "" : "s") + "; " +
               (self ? "same speaker" : "first used by " + e.to.name);
    (self ? implicit_reps : implicit_echoes).push_back(std::move(e));
  }
  // Keep one record per (from statement, to speaker): the one with the best score.
  auto keep_best = [&](std::vector<Echo>& v, std::vector<Echo>& dest) {
    std::map<std::tuple<int, int, std::string>, size_t> best_of;
    std::vector<Echo> kept;
    for (Echo& e : v) {
      const Analysis& a = cx.analysis(e.to.input);
      auto k = std::make_tuple(e.from.input, e.from.attribution, speaker_key(a, EntityRef{e.to.entity, e.to.mention}));
      auto it = best_of.find(k);
      if (it == best_of.end()) {
        best_of.emplace(k, kept.size());
        kept.push_back(std::move(e));
      } else if (e.score > kept[it->second].score) {
        kept[it->second] = std::move(e);
      }
    }
    for (Echo& e : kept) dest.push_back(std::move(e));
  };
  keep_best(implicit_echoes, out.echoes);
  keep_best(implicit_reps, out.repetitions);
}

}  // namespace quotegraph::echo
