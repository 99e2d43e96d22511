// Scoring: GoldDocument x Analysis -> DocumentEval; DocumentEvals -> CorpusEval.
// The content matching is shared/tools/score_corpus.py's, step for step.
#include <algorithm>
#include <set>

#include "eval/text_match.hpp"
#include "quotegraph/eval.hpp"

namespace quotegraph::eval {
namespace {

// A prediction as the scorer sees it (what score_corpus.py reads from the JSON).
struct PredItem {
  Span span;                           // content start..end
  Span mention;                        // speaker mention; empty when none
  std::vector<std::string> name_keys;  // last words of entity name, aliases, mention text
  std::string speaker;                 // for the error listing
  std::string cue;
  std::string kind;
  bool speech = false;
  std::string rule;
};

std::vector<PredItem> pred_items(const Analysis& a) {
  std::vector<PredItem> out;
  out.reserve(a.attributions.size());
  for (const Attribution& t : a.attributions) {
    PredItem p;
    p.span = t.content;
    p.mention = t.speaker.mention;
    std::set<std::string> names;
    if (t.speaker.entity >= 0 && t.speaker.entity < static_cast<int>(a.entities.size())) {
      const Entity& e = a.entities[static_cast<size_t>(t.speaker.entity)];
      names.insert(e.name);
      names.insert(e.aliases.begin(), e.aliases.end());
      p.speaker = e.name;
    }
    if (!p.mention.empty()) {
      names.insert(std::string(a.doc.slice(p.mention)));
      p.speaker = std::string(a.doc.slice(p.mention));
    }
    for (const std::string& n : names)
      if (!n.empty()) p.name_keys.push_back(last_word(n));
    if (!t.cue.empty()) p.cue = std::string(a.doc.slice(t.cue));
    p.kind = to_string(t.kind);
    p.speech = is_speech_cue(p.cue);
    p.rule = t.rule;
    out.push_back(std::move(p));
  }
  return out;
}

uint64_t covered(const std::vector<Span>& pieces, Span s) {
  uint64_t n = 0;
  for (Span p : pieces) n += overlap(p, s);
  return n;
}

uint64_t total_size(const std::vector<Span>& pieces) {
  uint64_t n = 0;
  for (Span p : pieces) n += p.size();
  return n;
}

// score_corpus.py: overlap / max(1, min(gold length, prediction length)) >= t.
bool overlaps_enough(const std::vector<Span>& pieces, Span s, double t) {
  uint64_t shorter = std::max<uint64_t>(1, std::min<uint64_t>(total_size(pieces), s.size()));
  return static_cast<double>(covered(pieces, s)) / static_cast<double>(shorter) >= t;
}

// Share of the prediction lying inside `pieces` is at least t.
bool inside_enough(const std::vector<Span>& pieces, Span s, double t) {
  return static_cast<double>(covered(pieces, s)) / static_cast<double>(std::max<uint32_t>(1, s.size())) >= t;
}

struct Criterion {
  double overlap = 0.5;
  bool exact = false;
};

enum class PredState { kSpurious, kMatched, kNeutral };

struct Matching {
  std::vector<int> gold_to_pred;   // -1 when missed
  std::vector<bool> speaker_ok;    // per gold
  std::vector<PredState> pred_state;
};

Matching match_content(std::string_view text, const GoldDocument& gold, const std::vector<PredItem>& preds,
                       const std::vector<std::string>& gold_keys, Criterion c) {
  Matching m;
  m.gold_to_pred.assign(gold.attributions.size(), -1);
  m.speaker_ok.assign(gold.attributions.size(), false);
  m.pred_state.assign(preds.size(), PredState::kSpurious);
  std::vector<bool> used(preds.size(), false);
  for (size_t gi = 0; gi < gold.attributions.size(); ++gi) {
    const GoldAttribution& g = gold.attributions[gi];
    Span gold_trim = c.exact ? trim_span(text, g.content_span()) : Span{};
    int best = -1;
    bool best_ok = false;
    for (size_t pi = 0; pi < preds.size(); ++pi) {
      if (used[pi]) continue;
      const PredItem& p = preds[pi];
      bool hit = c.exact ? trim_span(text, p.span) == gold_trim : overlaps_enough(g.content_pieces, p.span, c.overlap);
      if (!hit) continue;
      bool ok = overlap(g.speaker_span, p.mention) > 0 ||
                std::find(p.name_keys.begin(), p.name_keys.end(), gold_keys[gi]) != p.name_keys.end();
      if (best < 0 || (ok && !best_ok)) {
        best = static_cast<int>(pi);
        best_ok = ok;
      }
      if (ok) break;
    }
    if (best >= 0) {
      used[static_cast<size_t>(best)] = true;
      m.gold_to_pred[gi] = best;
      m.speaker_ok[gi] = best_ok;
      m.pred_state[static_cast<size_t>(best)] = PredState::kMatched;
    }
  }
  // Split pieces of a matched gold, and predictions of optional golds, are neutral.
  double t = c.exact ? 0.5 : c.overlap;
  for (size_t pi = 0; pi < preds.size(); ++pi) {
    if (used[pi]) continue;
    bool neutral = false;
    for (size_t gi = 0; gi < gold.attributions.size() && !neutral; ++gi)
      neutral = m.gold_to_pred[gi] >= 0 && inside_enough(gold.attributions[gi].content_pieces, preds[pi].span, t);
    for (size_t oi = 0; oi < gold.optional.size() && !neutral; ++oi)
      neutral = !gold.optional[oi].content_pieces.empty() &&
                inside_enough({gold.optional[oi].content_span()}, preds[pi].span, t);
    if (neutral) m.pred_state[pi] = PredState::kNeutral;
  }
  return m;
}

Prf count(const Matching& m) {
  Prf r;
  r.gold = m.gold_to_pred.size();
  for (int p : m.gold_to_pred) r.tp += p >= 0;
  r.tp_pred = r.tp;
  for (PredState s : m.pred_state) r.pred += s != PredState::kNeutral;
  return r;
}

// One-to-one span matching for cues and sources; identical spans count once.
Prf match_spans(std::vector<std::vector<Span>> gold, std::vector<Span> preds,
                const std::vector<std::vector<Span>>& neutral, double t) {
  auto less = [](Span a, Span b) { return a.start != b.start ? a.start < b.start : a.end < b.end; };
  std::vector<std::vector<Span>> g_unique;
  for (auto& g : gold)
    if (!g.empty() && std::find(g_unique.begin(), g_unique.end(), g) == g_unique.end()) g_unique.push_back(g);
  std::sort(preds.begin(), preds.end(), less);
  preds.erase(std::unique(preds.begin(), preds.end()), preds.end());
  Prf r;
  r.gold = g_unique.size();
  std::vector<bool> used(preds.size(), false);
  for (const auto& g : g_unique) {
    for (size_t pi = 0; pi < preds.size(); ++pi) {
      if (used[pi] || !overlaps_enough(g, preds[pi], t) || covered(g, preds[pi]) == 0) continue;
      used[pi] = true;
      ++r.tp;
      break;
    }
  }
  r.tp_pred = r.tp;
  for (size_t pi = 0; pi < preds.size(); ++pi) {
    if (used[pi]) {
      ++r.pred;
      continue;
    }
    bool is_neutral = false;
    for (const auto& n : neutral) is_neutral |= !n.empty() && covered(n, preds[pi]) > 0 && overlaps_enough(n, preds[pi], t);
    r.pred += !is_neutral;
  }
  return r;
}

std::string slice_text(std::string_view text, Span s) {
  if (s.end > text.size() || s.empty()) return "";
  return std::string(text.substr(s.start, s.end - s.start));
}

}  // namespace

double Prf::precision() const { return pred ? static_cast<double>(tp_pred) / static_cast<double>(pred) : 0.0; }
double Prf::recall() const { return gold ? static_cast<double>(tp) / static_cast<double>(gold) : 0.0; }
double Prf::f1() const {
  double p = precision(), r = recall();
  return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}
Prf& Prf::operator+=(const Prf& o) {
  gold += o.gold;
  pred += o.pred;
  tp += o.tp;
  tp_pred += o.tp_pred;
  return *this;
}

SliceCounts& SliceCounts::operator+=(const SliceCounts& o) {
  content += o.content;
  speaker_ok += o.speaker_ok;
  return *this;
}

const char* to_string(ErrorKind k) {
  switch (k) {
    case ErrorKind::kMissed: return "missed";
    case ErrorKind::kSpurious: return "spurious";
    case ErrorKind::kWrongSpeaker: return "wrong-speaker";
  }
  return "missed";
}

double DocumentEval::speaker_agreement() const {
  return content.tp ? static_cast<double>(attribution.tp) / static_cast<double>(content.tp) : 0.0;
}

DocumentEval evaluate(const GoldDocument& gold, const Analysis& prediction, const EvalOptions& options) {
  std::string_view text = prediction.doc.text;
  DocumentEval d;
  d.name = gold.name;
  std::vector<PredItem> preds = pred_items(prediction);
  std::vector<std::string> gold_keys;
  for (const GoldAttribution& g : gold.attributions) gold_keys.push_back(last_word(g.speaker));

  Matching m = match_content(text, gold, preds, gold_keys, Criterion{options.overlap, false});
  d.content = count(m);
  d.content_exact = count(match_content(text, gold, preds, gold_keys, Criterion{0.5, true}));
  d.content_loose = count(match_content(text, gold, preds, gold_keys, Criterion{0.3, false}));
  d.attribution = d.content;
  d.attribution.tp = 0;
  for (size_t gi = 0; gi < m.gold_to_pred.size(); ++gi) d.attribution.tp += m.gold_to_pred[gi] >= 0 && m.speaker_ok[gi];
  d.attribution.tp_pred = d.attribution.tp;

  // Slices: gold side by gold kind / gold cue, prediction side by predicted kind / cue.
  for (const char* k : {"direct", "indirect", "mixed", "speech"}) d.slices[k];
  for (size_t gi = 0; gi < gold.attributions.size(); ++gi) {
    const GoldAttribution& g = gold.attributions[gi];
    std::vector<std::string> keys = {g.kind.empty() ? "unknown" : g.kind};
    if (is_speech_cue(g.cue)) keys.push_back("speech");
    for (const std::string& k : keys) {
      SliceCounts& s = d.slices[k];
      ++s.content.gold;
      if (m.gold_to_pred[gi] >= 0) {
        ++s.content.tp;
        s.speaker_ok += m.speaker_ok[gi];
      }
    }
  }
  for (size_t pi = 0; pi < preds.size(); ++pi) {
    if (m.pred_state[pi] == PredState::kNeutral) continue;
    std::vector<std::string> keys = {preds[pi].kind};
    if (preds[pi].speech) keys.push_back("speech");
    for (const std::string& k : keys) {
      SliceCounts& s = d.slices[k];
      ++s.content.pred;
      s.content.tp_pred += m.pred_state[pi] == PredState::kMatched;
    }
  }

  if (gold.has_cue_offsets) {
    d.cue_scored = true;
    std::vector<std::vector<Span>> g, n;
    for (const GoldAttribution& a : gold.attributions) g.push_back(a.cue_spans);
    for (const GoldAttribution& a : gold.optional) n.push_back(a.cue_spans);
    std::vector<Span> p;
    for (const Attribution& a : prediction.attributions)
      if (!a.cue.empty()) p.push_back(a.cue);
    d.cue = match_spans(g, p, n, options.overlap);
  }
  if (gold.has_source_offsets) {
    d.source_scored = true;
    std::vector<std::vector<Span>> g;
    for (const GoldAttribution& a : gold.attributions)
      if (!a.speaker_span.empty()) g.push_back({a.speaker_span});
    std::vector<Span> p;
    for (const Attribution& a : prediction.attributions)
      if (!a.speaker.mention.empty()) p.push_back(a.speaker.mention);
    d.source = match_spans(g, p, {}, options.overlap);
  }

  // Error listing at the headline overlap.
  for (size_t gi = 0; gi < gold.attributions.size(); ++gi) {
    const GoldAttribution& g = gold.attributions[gi];
    int pi = m.gold_to_pred[gi];
    if (pi >= 0 && m.speaker_ok[gi]) continue;
    EvalError e;
    e.kind = pi < 0 ? ErrorKind::kMissed : ErrorKind::kWrongSpeaker;
    e.document = gold.name;
    e.gold_id = g.id;
    e.span = g.content_span();
    e.cue = g.cue;
    e.gold_speaker = g.speaker;
    e.excerpt = excerpt(g.content.empty() ? slice_text(text, e.span) : g.content, options.excerpt_chars);
    if (pi >= 0) {
      e.pred_speaker = preds[static_cast<size_t>(pi)].speaker;
      e.rule = preds[static_cast<size_t>(pi)].rule;
    }
    d.errors.push_back(std::move(e));
  }
  for (size_t pi = 0; pi < preds.size(); ++pi) {
    if (m.pred_state[pi] != PredState::kSpurious) continue;
    EvalError e;
    e.kind = ErrorKind::kSpurious;
    e.document = gold.name;
    e.span = preds[pi].span;
    e.cue = preds[pi].cue;
    e.pred_speaker = preds[pi].speaker;
    e.excerpt = excerpt(slice_text(text, e.span), options.excerpt_chars);
    e.rule = preds[pi].rule;
    d.errors.push_back(std::move(e));
  }
  std::stable_sort(d.errors.begin(), d.errors.end(), [](const EvalError& a, const EvalError& b) {
    if (a.span.start != b.span.start) return a.span.start < b.span.start;
    return static_cast<int>(a.kind) < static_cast<int>(b.kind);
  });
  return d;
}

CorpusEval summarize(std::vector<DocumentEval> documents, const EvalOptions& options) {
  CorpusEval c;
  c.options = options;
  c.documents = std::move(documents);
  DocumentEval& t = c.total;
  t.name = "TOTAL";
  for (const DocumentEval& d : c.documents) {
    c.failed += d.failed;
    t.content += d.content;
    t.content_exact += d.content_exact;
    t.content_loose += d.content_loose;
    t.attribution += d.attribution;
    t.cue += d.cue;
    t.source += d.source;
    t.cue_scored |= d.cue_scored;
    t.source_scored |= d.source_scored;
    for (const auto& [k, s] : d.slices) t.slices[k] += s;
  }
  return c;
}

}  // namespace quotegraph::eval
