// Story scorer: a DiffReport against STORY.story.json (story_eval.hpp), and its
// text and JSON reports.
#include <algorithm>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "eval/figures.hpp"
#include "eval/text_match.hpp"
#include "quotegraph/story_eval.hpp"

namespace quotegraph::eval {
namespace {

// The attributions of `a` that carry the gold span: those with at least half
// of their content inside it, else the one overlapping it most. A remark the
// gold marks as one ("…?" Clinton said. "…") may be two attributions here.
std::vector<int> attributions_at(const Analysis& a, const StoryMember& m) {
  std::vector<int> out;
  int best = -1;
  uint32_t most = 0;
  for (size_t k = 0; k < a.attributions.size(); ++k) {
    const Attribution& at = a.attributions[k];
    const std::vector<Span> pieces = at.pieces.empty() ? std::vector<Span>{at.content} : at.pieces;
    uint32_t len = 0, o = 0;
    for (Span p : pieces) len += p.size(), o += overlap(p, m.span);
    if (o > most) most = o, best = static_cast<int>(k);
    for (Span r : m.also) {
      uint32_t oa = 0;
      for (Span p : pieces) oa += overlap(p, r);
      o = std::max(o, oa);
    }
    if (o > 0 && 2 * o >= len) out.push_back(static_cast<int>(k));
  }
  if (out.empty() && best >= 0) out.push_back(best);
  return out;
}

std::string where(const StoryGold& g, const std::vector<const Analysis*>& as, int article, Span s) {
  return g.articles[article].outlet + " @" + std::to_string(code_point_at(as[article]->doc.text, s.start));
}

}  // namespace

StoryEval& StoryEval::operator+=(const StoryEval& o) {
  articles += o.articles;
  statements += o.statements, statements_aligned += o.statements_aligned;
  pairs += o.pairs, pairs_aligned += o.pairs_aligned;
  predicted_pairs += o.predicted_pairs, false_pairs += o.false_pairs;
  misattributions += o.misattributions, misattributions_true += o.misattributions_true;
  speaker_only += o.speaker_only, speaker_only_true += o.speaker_only_true;
  return *this;
}

StoryEval evaluate_story(const StoryGold& gold, const std::vector<const Analysis*>& analyses,
                         const diff::DiffReport& report) {
  StoryEval r;
  r.name = gold.name;
  r.articles = gold.articles.size();
  // Report input -> gold article, by the analysis each was made from.
  std::vector<int> article_of(report.inputs.size(), -1);
  for (size_t i = 0; i < report.inputs.size(); ++i)
    for (size_t a = 0; a < analyses.size(); ++a)
      if (report.inputs[i].analysis == analyses[a]) article_of[i] = static_cast<int>(a);
  // (article, attribution) -> aligned statements, and -> gold statements holding it.
  // A member that is one sentence of its attribution (diff::AlignedStatement::
  // Member::is_part) is matched by that sentence: it carries a gold member
  // when at least half of it lies inside the member's span or an `also` span.
  std::map<std::pair<int, int>, std::set<int>> group;
  for (size_t s = 0; s < report.statements.size(); ++s)
    for (const auto& m : report.statements[s].members)
      if (!m.is_part) group[{article_of[m.input], m.attribution}].insert(static_cast<int>(s));
  auto part_carries = [&](Span part, const StoryMember& gm) {
    uint32_t o = overlap(part, gm.span);
    for (Span r : gm.also) o = std::max(o, overlap(part, r));
    return o > 0 && 2 * o >= part.size();
  };
  std::map<std::pair<int, int>, std::set<int>> gold_of;
  // [gold statement][member] -> the attributions carrying it
  std::vector<std::vector<std::vector<int>>> predicted(gold.statements.size());
  for (size_t s = 0; s < gold.statements.size(); ++s)
    for (const StoryMember& m : gold.statements[s].members) {
      predicted[s].push_back(attributions_at(*analyses[m.article], m));
      for (int at : predicted[s].back()) gold_of[{m.article, at}].insert(static_cast<int>(s));
    }
  // The gold statements a report member carries.
  auto gold_of_member = [&](const diff::AlignedStatement::Member& m) {
    const int art = article_of[m.input];
    if (!m.is_part) return gold_of[{art, m.attribution}];
    std::set<int> out;
    for (size_t s = 0; s < gold.statements.size(); ++s)
      for (const StoryMember& gm : gold.statements[s].members)
        if (gm.article == art && part_carries(m.part, gm)) out.insert(static_cast<int>(s));
    return out;
  };
  // The aligned statements holding any of a member's attributions, or a
  // sentence of an attribution that carries the member.
  auto groups_of_member = [&](size_t s, size_t x) {
    const StoryMember& gm = gold.statements[s].members[x];
    std::set<int> out;
    for (int at : predicted[s][x])
      if (auto it = group.find({gm.article, at}); it != group.end()) out.insert(it->second.begin(), it->second.end());
    for (size_t g = 0; g < report.statements.size(); ++g)
      for (const auto& m : report.statements[g].members)
        if (m.is_part && article_of[m.input] == gm.article && part_carries(m.part, gm)) out.insert(static_cast<int>(g));
    return out;
  };
  for (size_t s = 0; s < gold.statements.size(); ++s) {
    const auto& ms = gold.statements[s].members;
    ++r.statements;
    // Fully aligned: one aligned statement holds a part of every member.
    std::set<int> common;
    for (size_t x = 0; x < ms.size(); ++x) {
      std::set<int> g = groups_of_member(s, x), next;
      for (int v : g)
        if (x == 0 || common.count(v)) next.insert(v);
      common = std::move(next);
    }
    if (!common.empty()) ++r.statements_aligned;
    for (size_t x = 0; x < ms.size(); ++x)
      for (size_t y = x + 1; y < ms.size(); ++y) {
        if (ms[x].article == ms[y].article) continue;
        ++r.pairs;
        std::set<int> gx = groups_of_member(s, x), gy = groups_of_member(s, y);
        if (std::any_of(gx.begin(), gx.end(), [&](int v) { return gy.count(v) > 0; })) {
          ++r.pairs_aligned;
          continue;
        }
        std::string why = predicted[s][x].empty() || predicted[s][y].empty() ? " (no attribution found)" : " (not aligned)";
        r.errors.push_back({"missed_pair", gold.statements[s].speaker + " \"" + gold.statements[s].key + "\": " +
                                               where(gold, analyses, ms[x].article, ms[x].span) + " / " +
                                               where(gold, analyses, ms[y].article, ms[y].span) + why + ": \"" +
                                               excerpt(analyses[ms[x].article]->doc.slice(ms[x].span), 70) +
                                               "\" / \"" +
                                               excerpt(analyses[ms[y].article]->doc.slice(ms[y].span), 70) + "\""});
      }
  }
  for (const auto& st : report.statements)
    for (size_t x = 0; x < st.members.size(); ++x)
      for (size_t y = x + 1; y < st.members.size(); ++y) {
        int ax = article_of[st.members[x].input], ay = article_of[st.members[y].input];
        ++r.predicted_pairs;
        const std::set<int> gx = gold_of_member(st.members[x]), gy = gold_of_member(st.members[y]);
        bool shared = std::any_of(gx.begin(), gx.end(), [&](int g) { return gy.count(g) > 0; });
        if (shared) continue;
        ++r.false_pairs;
        const Span a = st.members[x].part, b = st.members[y].part;
        r.errors.push_back({"false_pair", where(gold, analyses, ax, a) + " / " + where(gold, analyses, ay, b) +
                                              " score " + fmt3(st.members[y].score) + ": \"" +
                                              excerpt(analyses[ax]->doc.slice(a), 70) + "\" / \"" +
                                              excerpt(analyses[ay]->doc.slice(b), 70) + "\""});
      }
  // Findings: misattributions need different speakers in the gold; one-outlet
  // speakers need the gold to name that speaker in exactly those articles.
  for (const auto& f : report.findings) {
    std::vector<int> arts;
    for (int i : f.inputs) arts.push_back(article_of[i]);
    std::sort(arts.begin(), arts.end());
    if (f.type == diff::FindingType::kMisattribution) {
      ++r.misattributions;
      std::string verdict = "false: members of no one gold statement (a false alignment)";
      const auto& st = report.statements[f.statement];
      std::set<int> common;
      bool first = true;
      for (const auto& m : st.members) {
        const std::set<int> g = gold_of_member(m);
        std::set<int> next;
        for (int x : g)
          if (first || common.count(x)) next.insert(x);
        common = std::move(next);
        first = false;
      }
      if (!common.empty()) {
        const StoryStatement& gs = gold.statements[*common.begin()];
        std::set<std::string> speakers;
        for (const auto& m : gs.members) speakers.insert(last_name_key(m.speaker.empty() ? gs.speaker : m.speaker));
        if (speakers.size() > 1) {
          ++r.misattributions_true;
          verdict = "true: the outlets give it to different speakers";
        } else {
          verdict = "false: one speaker in the gold (" + gs.speaker + "), an entity error";
        }
      }
      r.errors.push_back({"misattribution", f.heading.substr(0, 80) + " [" + f.detail + "] " + verdict});
    } else if (f.type == diff::FindingType::kSpeakerOnly) {
      ++r.speaker_only;
      const std::string key = last_name_key(f.subject);
      bool ok = false;
      for (const auto& sp : gold.speakers) ok = ok || (last_name_key(sp.name) == key && sp.articles == arts);
      r.speaker_only_true += ok;
      if (!ok) r.errors.push_back({"speaker_only", f.subject + " [" + f.detail + "] not in the gold so"});
    }
  }
  return r;
}

std::string story_summary_line(const StoryEval& t, size_t stories) {
  return "STORIES pair_recall=" + fmt3(ratio(t.pairs_aligned, t.pairs)) +
         " statement_recall=" + fmt3(ratio(t.statements_aligned, t.statements)) +
         " pair_precision=" + fmt3(ratio(t.predicted_pairs - t.false_pairs, t.predicted_pairs)) +
         " false_pairs_per_story=" + fmt3(ratio(t.false_pairs, stories)) +
         " misattribution_precision=" + fmt3(ratio(t.misattributions_true, t.misattributions)) + " (" +
         std::to_string(t.misattributions) + ")" +
         " speaker_only_precision=" + fmt3(ratio(t.speaker_only_true, t.speaker_only)) + " (" +
         std::to_string(t.speaker_only) + ")";
}

std::string story_report_text(const std::vector<StoryEval>& stories, bool with_errors) {
  std::string out = "story                                     articles  statements  pairs_aligned  false_pairs  misattr  speaker_only\n";
  StoryEval total;
  for (const StoryEval& s : stories) {
    char line[512];
    std::snprintf(line, sizeof line, "%-42s %7zu  %5zu/%-5zu  %6zu/%-6zu  %5zu/%-5zu  %3zu/%-3zu  %4zu/%-4zu\n",
                  s.name.c_str(), s.articles, s.statements_aligned, s.statements, s.pairs_aligned, s.pairs,
                  s.false_pairs, s.predicted_pairs, s.misattributions_true, s.misattributions, s.speaker_only_true,
                  s.speaker_only);
    out += line;
    total += s;
  }
  if (with_errors)
    for (const StoryEval& s : stories)
      for (const StoryErrorLine& l : s.errors) out += l.what + "\t" + s.name + "\t" + l.detail + "\n";
  out += story_summary_line(total, stories.size()) + "\n";
  return out;
}

std::string story_report_json(const std::vector<StoryEval>& stories, bool with_errors) {
  nlohmann::ordered_json j = {{"stories", nlohmann::ordered_json::array()}};
  StoryEval total;
  auto counts = [](const StoryEval& s) {
    return nlohmann::ordered_json{{"articles", s.articles},
                                  {"statements", s.statements},
                                  {"statements_aligned", s.statements_aligned},
                                  {"pairs", s.pairs},
                                  {"pairs_aligned", s.pairs_aligned},
                                  {"predicted_pairs", s.predicted_pairs},
                                  {"false_pairs", s.false_pairs},
                                  {"misattributions", s.misattributions},
                                  {"misattributions_true", s.misattributions_true},
                                  {"speaker_only", s.speaker_only},
                                  {"speaker_only_true", s.speaker_only_true}};
  };
  for (const StoryEval& s : stories) {
    nlohmann::ordered_json sj = {{"name", s.name}, {"counts", counts(s)}};
    if (with_errors) {
      sj["errors"] = nlohmann::ordered_json::array();
      for (const auto& l : s.errors) sj["errors"].push_back({{"what", l.what}, {"detail", l.detail}});
    }
    j["stories"].push_back(std::move(sj));
    total += s;
  }
  j["total"] = counts(total);
  j["figures"] = {{"pair_recall", ratio(total.pairs_aligned, total.pairs)},
                  {"statement_recall", ratio(total.statements_aligned, total.statements)},
                  {"pair_precision", ratio(total.predicted_pairs - total.false_pairs, total.predicted_pairs)},
                  {"false_pairs_per_story", ratio(total.false_pairs, stories.size())},
                  {"misattribution_precision", ratio(total.misattributions_true, total.misattributions)},
                  {"speaker_only_precision", ratio(total.speaker_only_true, total.speaker_only)}};
  j["summary"] = story_summary_line(total, stories.size());
  return j.dump(2) + "\n";
}

}  // namespace quotegraph::eval
