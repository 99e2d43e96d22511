// Echo scoring: EchoGold x EchoReport -> EchoEval, and its reports.
#include <cstdio>
#include <map>

#include <nlohmann/json.hpp>

#include "eval/figures.hpp"
#include "eval/text_match.hpp"
#include "quotegraph/echo_eval.hpp"

namespace quotegraph::eval {
namespace {

using echo::Echo;
using echo::Evidence;
using echo::Party;


bool speaker_is(const std::string& gold_name, const Party& p, const Analysis& a) {
  const std::string g = last_name_key(gold_name);
  if (g.empty()) return false;
  if (!p.name.empty() && last_name_key(p.name) == g) return true;
  return !p.mention.empty() && last_name_key(a.doc.slice(p.mention)) == g;
}

bool overlaps(Span a, Span b) { return !a.empty() && !b.empty() && overlap(a, b) > 0; }

// Either party's phrase overlaps either gold use of the phrase.
bool phrase_hits(const Echo& e, const EchoGoldItem& g) {
  for (Span p : {e.from.phrase, e.to.phrase})
    if (overlaps(p, g.phrase) || overlaps(p, g.to_phrase)) return true;
  return false;
}

// Does reported pair `e` (an echo when !repetition) stand for gold item `g`?
// `check_evidence` false: any echo/repetition item, for pair precision.
bool pair_matches(const Echo& e, bool repetition, const EchoGoldItem& g, const Analysis& a, bool check_evidence) {
  if (g.type == EchoItemType::kScareQuote || g.type == EchoItemType::kNegative) return false;
  if ((g.type == EchoItemType::kRepetition) != repetition) return false;
  if (check_evidence && g.type == EchoItemType::kExplicit && e.evidence != Evidence::kExplicit) return false;
  if (check_evidence && g.type == EchoItemType::kImplicit && e.evidence != Evidence::kImplicit) return false;
  if (!speaker_is(g.from, e.from, a) || !speaker_is(g.to, e.to, a)) return false;
  // The evidence in the text: the phrase when the gold gives one, else the cue.
  if (!g.phrase.empty()) return phrase_hits(e, g) || overlaps(e.cue, g.cue);
  return overlaps(e.cue, g.cue);
}


std::string describe(const Echo& e, bool repetition, const Analysis& a) {
  auto who = [&](const Party& p) { return p.name.empty() ? std::string(a.doc.slice(p.mention)) : p.name; };
  std::string s = repetition ? "repetition " : std::string(echo::to_string(e.evidence)) + " echo ";
  s += repetition ? who(e.from) : who(e.from) + " -> " + who(e.to);
  if (!e.phrase.empty()) s += " \"" + e.phrase + "\"";
  return s;
}

Span first_span(const EchoGoldItem& g) {
  for (Span s : {g.cue, g.phrase, g.span, g.to_phrase})
    if (!s.empty()) return s;
  return {};
}

Span first_span(const Echo& e) {
  for (Span s : {e.cue, e.from.phrase, e.to.phrase, e.from.mention})
    if (!s.empty()) return s;
  return {};
}

}  // namespace

EchoEval& EchoEval::operator+=(const EchoEval& o) {
  explicit_gold += o.explicit_gold, explicit_found += o.explicit_found;
  implicit_gold += o.implicit_gold, implicit_found += o.implicit_found;
  repetition_gold += o.repetition_gold, repetition_found += o.repetition_found;
  scare_gold += o.scare_gold, scare_found += o.scare_found;
  pairs_pred += o.pairs_pred, pairs_ok += o.pairs_ok;
  scare_pred += o.scare_pred, scare_ok += o.scare_ok;
  negatives += o.negatives, negatives_reported += o.negatives_reported;
  return *this;
}

EchoEval evaluate_echoes(const EchoGold& gold, const Analysis& a, const echo::EchoReport& report) {
  EchoEval r;
  r.name = gold.name;
  r.split = gold.split;
  const std::string_view text = a.doc.text;
  auto err = [&](const char* what, Span s, std::string detail) {
    r.errors.push_back({gold.name, what, code_point_at(text, s.start), std::move(detail)});
  };
  struct Reported {
    const Echo* e;
    bool repetition;
  };
  std::vector<Reported> pairs;
  for (const Echo& e : report.echoes) pairs.push_back({&e, false});
  for (const Echo& e : report.repetitions) pairs.push_back({&e, true});

  for (const EchoGoldItem& g : gold.items) {
    switch (g.type) {
      case EchoItemType::kExplicit:
      case EchoItemType::kImplicit:
      case EchoItemType::kRepetition: {
        bool found = false;
        for (const Reported& p : pairs) found = found || pair_matches(*p.e, p.repetition, g, a, true);
        size_t& n = g.type == EchoItemType::kExplicit   ? r.explicit_gold
                    : g.type == EchoItemType::kImplicit ? r.implicit_gold
                                                        : r.repetition_gold;
        size_t& k = g.type == EchoItemType::kExplicit   ? r.explicit_found
                    : g.type == EchoItemType::kImplicit ? r.implicit_found
                                                        : r.repetition_found;
        ++n;
        if (found) ++k;
        else
          err("miss", first_span(g), std::string(to_string(g.type)) + " " +
                                         (g.type == EchoItemType::kRepetition ? g.from : g.from + " -> " + g.to));
        break;
      }
      case EchoItemType::kScareQuote: {
        ++r.scare_gold;
        bool found = false;
        for (const echo::Framing& f : report.framing)
          found = found || (f.kind == echo::FramingKind::kScareQuote && overlaps(f.span, g.span));
        if (found) ++r.scare_found;
        else err("miss", g.span, "scare_quote \"" + g.term + "\"");
        break;
      }
      case EchoItemType::kNegative: {
        ++r.negatives;
        bool reported = false;
        for (const Reported& p : pairs)
          if ((p.repetition || p.e->evidence == Evidence::kImplicit) && phrase_hits(*p.e, g)) reported = true;
        if (reported) {
          ++r.negatives_reported;
          err("negative_reported", g.phrase, "stock phrase \"" + g.term + "\" reported");
        }
        break;
      }
    }
  }

  // Precision: every reported pair against every gold echo/repetition item.
  for (const Reported& p : pairs) {
    ++r.pairs_pred;
    bool ok = false;
    for (const EchoGoldItem& g : gold.items) ok = ok || pair_matches(*p.e, p.repetition, g, a, false);
    if (ok) ++r.pairs_ok;
    else err("false_pair", first_span(*p.e), describe(*p.e, p.repetition, a));
  }
  for (const echo::Framing& f : report.framing) {
    if (f.kind != echo::FramingKind::kScareQuote) continue;
    ++r.scare_pred;
    bool ok = false;
    for (const EchoGoldItem& g : gold.items) ok = ok || (g.type == EchoItemType::kScareQuote && overlaps(f.span, g.span));
    if (ok) ++r.scare_ok;
    else err("false_scare", f.span, "scare_quote \"" + f.term + "\"");
  }
  return r;
}

std::string echo_summary_line(const EchoEval& t) {
  return "ECHO explicit_recall=" + fmt3(ratio(t.explicit_found, t.explicit_gold)) +
         " implicit_recall=" + fmt3(ratio(t.implicit_found, t.implicit_gold)) +
         " repetition_recall=" + fmt3(ratio(t.repetition_found, t.repetition_gold)) +
         " scare_recall=" + fmt3(ratio(t.scare_found, t.scare_gold)) +
         " pair_precision=" + fmt3(ratio(t.pairs_ok, t.pairs_pred)) +
         " scare_precision=" + fmt3(ratio(t.scare_ok, t.scare_pred)) +
         " negatives_reported=" + std::to_string(t.negatives_reported);
}

namespace {

std::string row(const std::string& name, const EchoEval& e) {
  char buf[512];
  std::snprintf(buf, sizeof buf, "%-52.52s %3zu/%-3zu %3zu/%-3zu %3zu/%-3zu %3zu/%-3zu %4zu/%-4zu %4zu/%-4zu %3zu/%-3zu\n",
                name.c_str(), e.explicit_found, e.explicit_gold, e.implicit_found, e.implicit_gold,
                e.repetition_found, e.repetition_gold, e.scare_found, e.scare_gold, e.pairs_ok, e.pairs_pred,
                e.scare_ok, e.scare_pred, e.negatives_reported, e.negatives);
  return buf;
}

std::map<std::string, EchoEval> by_split(const std::vector<EchoEval>& docs, EchoEval& total) {
  std::map<std::string, EchoEval> splits;
  for (const EchoEval& d : docs) {
    splits[d.split.empty() ? "-" : d.split] += d;
    total += d;
  }
  return splits;
}

nlohmann::json counts_json(const EchoEval& e) {
  return {{"explicit", {{"gold", e.explicit_gold}, {"found", e.explicit_found}}},
          {"implicit", {{"gold", e.implicit_gold}, {"found", e.implicit_found}}},
          {"repetition", {{"gold", e.repetition_gold}, {"found", e.repetition_found}}},
          {"scare_quote", {{"gold", e.scare_gold}, {"found", e.scare_found}}},
          {"pairs", {{"reported", e.pairs_pred}, {"correct", e.pairs_ok}}},
          {"scare_reported", {{"reported", e.scare_pred}, {"correct", e.scare_ok}}},
          {"negatives", {{"gold", e.negatives}, {"reported", e.negatives_reported}}}};
}

}  // namespace

std::string echo_report_text(const std::vector<EchoEval>& docs, bool with_errors) {
  std::string out =
      "document                                             explicit implicit  repeat   scare    pairs_ok   scare_ok  negs\n";
  for (const EchoEval& d : docs) out += row(d.name, d);
  EchoEval total;
  for (const auto& [split, e] : by_split(docs, total)) out += row("TOTAL " + split, e);
  out += row("TOTAL", total);
  if (with_errors)
    for (const EchoEval& d : docs)
      for (const EchoErrorLine& l : d.errors)
        out += l.what + "\t" + l.document + "\t@" + std::to_string(l.at) + "\t" + l.detail + "\n";
  out += echo_summary_line(total) + "\n";
  return out;
}

std::string echo_report_json(const std::vector<EchoEval>& docs, bool with_errors) {
  nlohmann::json j = {{"documents", nlohmann::json::array()}};
  for (const EchoEval& d : docs) {
    nlohmann::json dj = {{"name", d.name}, {"split", d.split}, {"counts", counts_json(d)}};
    if (with_errors) {
      dj["errors"] = nlohmann::json::array();
      for (const EchoErrorLine& l : d.errors)
        dj["errors"].push_back({{"what", l.what}, {"at", l.at}, {"detail", l.detail}});
    }
    j["documents"].push_back(std::move(dj));
  }
  EchoEval total;
  for (const auto& [split, e] : by_split(docs, total)) j["splits"][split] = counts_json(e);
  j["total"] = counts_json(total);
  j["figures"] = {{"explicit_recall", ratio(total.explicit_found, total.explicit_gold)},
                  {"implicit_recall", ratio(total.implicit_found, total.implicit_gold)},
                  {"repetition_recall", ratio(total.repetition_found, total.repetition_gold)},
                  {"scare_recall", ratio(total.scare_found, total.scare_gold)},
                  {"pair_precision", ratio(total.pairs_ok, total.pairs_pred)},
                  {"scare_precision", ratio(total.scare_ok, total.scare_pred)},
                  {"negatives_reported", total.negatives_reported}};
  j["summary"] = echo_summary_line(total);
  return j.dump(2) + "\n";
}

}  // namespace quotegraph::eval
