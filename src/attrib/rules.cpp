// Stage 6, attribution rules: the document-level rules over the sentence
// rules' candidates (floating quotes, dash credits, nesting, kind) and the
// stage's entry point. The sentence rules: sentence_rules.cpp, np_grammar.cpp.
#include "attrib/rules.hpp"

#include <algorithm>
#include <string>

#include "attrib/confidence.hpp"
#include "attrib/sentence_rules.hpp"

namespace quotegraph::attrib {
namespace {

Span byte_span(const std::vector<Token>& v, Range r) {
  if (!r.ok()) return {};
  return {v[r.first].start, v[r.last - 1].end};
}

// Converts candidates to attributions and adds the document-level rules:
// floating quotes that continue the previous speaker, nesting (via) and kind.
RuleOutput attributions_from(SentenceRules& sr, std::vector<Candidate> cands) {
  const TextView& in = sr.input();
  const auto& v = in.toks.toks;
  const auto& quotes = in.quotes;

  // Floating quotes: "“We will win.”" as a paragraph of its own after a quoted
  // speaker continues that speaker.
  // Letters in words and in quoted words before each token, and how many
  // contents cover each token: prefix sums keep this linear.
  std::vector<uint64_t> letters(v.size() + 1, 0), quoted(v.size() + 1, 0);
  std::vector<int32_t> depth(v.size() + 1, 0);
  for (uint32_t k = 0; k < v.size(); ++k) {
    uint32_t n = sr.word(k) ? v[k].end - v[k].start : 0;
    letters[k + 1] = letters[k] + n;
    quoted[k + 1] = quoted[k] + (quotes.top[k] >= 0 ? n : 0);
  }
  for (const Candidate& c : cands)
    for (Range r : c.content)
      if (r.ok()) { ++depth[r.first]; --depth[r.last]; }
  std::vector<bool> covered(quotes.quotes.size(), false);
  for (uint32_t k = 0, d = 0; k < v.size(); ++k) {
    d += depth[k];
    if (d > 0 && quotes.top[k] >= 0) covered[quotes.top[k]] = true;
  }
  std::vector<Candidate> floating;
  size_t ci = 0;
  const Candidate* last = nullptr;
  for (size_t qi = 0; qi < quotes.quotes.size(); ++qi) {
    const text::Quote& q = quotes.quotes[qi];
    if (quotes.top[q.open_tok] != static_cast<int>(qi) || covered[qi]) continue;
    while (ci < cands.size() && cands[ci].cue.first < q.open_tok) {
      if (cands[ci].speaker.ok()) last = &cands[ci];
      ++ci;
    }
    // Long enough to be speech, not a scare quote or a title.
    uint32_t words = 0;
    bool sentence_like = false;
    for (uint32_t k = q.open_tok; k <= q.close_tok; ++k) {
      words += sr.word(k);
      sentence_like = sentence_like || sr.terminal(k);
    }
    if (words < 4 || !(sentence_like || q.continued_from >= 0 || words >= 8)) continue;
    // It must open its sentence.
    bool opens_sentence = q.open_tok == 0 || v[q.open_tok].para != v[q.open_tok - 1].para ||
                          sr.terminal(q.open_tok - 1) || sr.closes_quote(q.open_tok - 1);
    if (!opens_sentence) continue;
    // "“We will not back down.” — Senator Jane Doe": a dash credit after the quote names its speaker.
    Range credit;
    const uint32_t para = v[q.close_tok].para;
    uint32_t after = q.close_tok + 1;
    if (after < v.size() && (sr.terminal(after) || sr.comma(after)) && v[after].para == para) ++after;
    if (after + 1 < v.size() && sr.dash(after) && v[after].para == para && v[after + 1].cap)
      credit = sr.credit_name(after + 1);
    // Narrator text after it in the same paragraph that names a new speaker
    // ("“…” Trump said on Monday." split by the period) gives the quote to that speaker.
    Range next_speaker;
    for (size_t j = ci; !credit.ok() && j < cands.size() && v[cands[j].cue.first].para == para; ++j)
      if (cands[j].speaker.ok() && !cands[j].inherited) {
        next_speaker = cands[j].speaker;
        break;
      }
    // Else the speaker must be recent (same or previous paragraph, or the
    // quote continues one across paragraphs).
    if (!credit.ok() && !next_speaker.ok() && (!last || v[q.open_tok].para > v[last->cue.first].para + 1)) continue;
    Candidate f;
    f.speaker = credit.ok() ? credit : next_speaker.ok() ? next_speaker : last->speaker;
    f.lemma = "(continuation)";
    f.flags = last && !credit.ok() && !next_speaker.ok() ? last->flags : kSpeech;
    f.content = {{q.open_tok, q.close_tok + 1}};
    f.rule = credit.ok() ? "dash-credit" : q.continued_from >= 0 ? "continued-quote" : "floating-quote";
    f.confidence = credit.ok()                ? confidence::kDashCredit
                   : q.continued_from >= 0 ? confidence::kContinuedQuote
                                           : confidence::kFloatingQuote;
    f.sentence = last && !credit.ok() && !next_speaker.ok() ? last->sentence : sr.sentence_at(q.open_tok);
    floating.push_back(f);
  }
  cands.insert(cands.end(), floating.begin(), floating.end());

  std::vector<Attribution> out;
  std::vector<uint32_t> sentence_of;
  // The cue is a plain speech act (say, tell, announce): not a belief or stance,
  // nor an accusation or characterisation ("accused him of", "called it").
  std::vector<bool> speech;
  out.reserve(cands.size());
  for (const Candidate& c : cands) {
    if (c.content.empty() || !c.content[0].ok()) continue;
    sentence_of.push_back(c.sentence);
    speech.push_back((c.flags & kSpeech) && !(c.flags & (kTarget | kCharacterize)));
    Attribution a;
    a.speaker.mention = byte_span(v, c.speaker);
    a.cue = byte_span(v, c.cue);
    a.cue_lemma = c.lemma;
    for (Range r : c.content)
      if (r.ok()) a.pieces.push_back(byte_span(v, r));
    a.content = {a.pieces.front().start, a.pieces.back().end};
    if (a.pieces.size() == 1) a.pieces.clear();
    a.addressee.mention = byte_span(v, c.addressee);
    if (c.target.ok()) a.about.push_back({-1, byte_span(v, c.target)});
    a.echoes.mention = byte_span(v, c.echoed);
    a.confidence = c.confidence;
    a.rule = c.rule;
    // Kind: share of the content's letters inside quotation marks.
    uint64_t in_q = 0, all = 0;
    for (Range r : c.content) {
      if (!r.ok()) continue;
      all += letters[r.last] - letters[r.first];
      in_q += quoted[r.last] - quoted[r.first];
    }
    a.kind = all && in_q * 10 >= all * 9 ? AttributionKind::kDirect
             : in_q                      ? AttributionKind::kMixed
                                         : AttributionKind::kIndirect;
    out.push_back(std::move(a));
  }
  // Deterministic order: by content start, then cue.
  {
    std::vector<size_t> order(out.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
      const Attribution& a = out[x];
      const Attribution& b = out[y];
      return a.content.start != b.content.start ? a.content.start < b.content.start : a.cue.start < b.cue.start;
    });
    std::vector<Attribution> sorted;
    std::vector<uint32_t> sorted_sent;
    std::vector<bool> sorted_speech;
    sorted.reserve(out.size());
    for (size_t i : order) {
      sorted.push_back(std::move(out[i]));
      sorted_sent.push_back(sentence_of[i]);
      sorted_speech.push_back(speech[i]);
    }
    out = std::move(sorted);
    sentence_of = std::move(sorted_sent);
    speech = std::move(sorted_speech);
  }
  // Nested chains: a statement (a speech act: "wanted", "supports" are the
  // relaying speaker's account, not words passed on) whose cue, content and speaker all lie inside
  // another attribution's content, in the sentence of its cue, is relayed by it ("Blinken reiterated '…,'
  // Price said": Blinken's words come via Price). A speaker outside it is the
  // same speaker going on (", saying …", "X said … and added"), no relay.
  // Containers start no later than the contained content, so only near
  // neighbours in content order need a look (bounded: linear overall).
  const size_t kWindow = 16;
  for (size_t i = 0; i < out.size(); ++i) {
    if (out[i].cue.empty() || out[i].speaker.mention.empty() || !speech[i]) continue;
    const Span who = out[i].speaker.mention;
    int best = -1;
    size_t lo = i > kWindow ? i - kWindow : 0, hi = std::min(out.size(), i + kWindow);
    for (size_t j = lo; j < hi; ++j) {
      if (i == j) continue;
      const Span& c = out[j].content;
      const bool within = out[i].content.start >= c.start && out[i].content.end <= c.end && sentence_of[i] == sentence_of[j];
      const bool nested = out[i].cue.start >= c.start && out[i].cue.end <= c.end && who.start >= c.start && who.end <= c.end;
      // "Francis made clear that …, according to Reuters": the source the
      // sentence cites passes on the whole statement, though its content was
      // read as the statement's words only (the cue and speaker outside it).
      const bool cited = out[j].cue_lemma == "according to";
      if (within && (nested || cited) && (best < 0 || c.size() < out[best].content.size()))
        best = static_cast<int>(j);
    }
    out[i].via = best;
  }
  RuleOutput result;
  result.attributions = std::move(out);
  result.sentence_of = std::move(sentence_of);
  for (const auto& c : sr.conversations())
    result.conversations.push_back({byte_span(v, c.speaker), byte_span(v, c.partner), c.sentence});
  return result;
}

}  // namespace

RuleOutput find_attributions(const TextView& in, const Lexicon& lex) {
  if (in.toks.toks.empty()) return {};
  SentenceRules sr(in, lex);
  return attributions_from(sr, sr.run());
}

}  // namespace quotegraph::attrib
