// Explicit echoes: cue phrases in the text ("echoed X's rhetoric", "parroted X",
// "Like X, Y called …") and the engine's Attribution::echoes -> Echo records;
// "reiterated" and friends -> explicit self-repetition records.
#include <algorithm>

#include "echo/internal.hpp"

namespace quotegraph::echo {
namespace {

Party party_of_attribution(const Analysis& a, int input, int k) {
  const Attribution& t = a.attributions[k];
  Party p;
  p.input = input;
  p.attribution = k;
  p.entity = t.speaker.entity;
  p.name = speaker_name(a, t.speaker);
  p.mention = t.speaker.mention;
  return p;
}

Party party_of_mention(const Analysis& a, const DocText& d, int input, Span m) {
  Party p;
  p.input = input;
  p.entity = resolve_mention(a, d, m);
  p.mention = m;
  p.name = p.entity >= 0 ? a.entities[p.entity].name : one_line(a.doc.slice(m));
  return p;
}

Span sv_span(const Document& doc, re2::StringPiece g) {
  uint32_t s = static_cast<uint32_t>(g.data() - doc.text.data());
  return Span{s, s + static_cast<uint32_t>(g.size())};
}

// Drops white space, closing punctuation and quotation marks at both ends.
Span trim_phrase(const Document& doc, Span s) {
  auto junk_at_end = [&](uint32_t e) -> int {
    std::string_view t = std::string_view(doc.text).substr(0, e);
    if (t.ends_with("\xE2\x80\x9D") || t.ends_with("\xE2\x80\x9C") || t.ends_with("\xE2\x80\x99")) return 3;
    char c = t.back();
    return (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '.' || c == ',' || c == ';' || c == ':' ||
            c == '"' || c == '!' || c == '?') ? 1 : 0;
  };
  auto junk_at_start = [&](uint32_t b) -> int {
    std::string_view t = std::string_view(doc.text).substr(b);
    if (t.starts_with("\xE2\x80\x9C") || t.starts_with("\xE2\x80\x98")) return 3;
    char c = t.front();
    return (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '"') ? 1 : 0;
  };
  while (s.end > s.start) {
    int n = junk_at_end(s.end);
    if (!n) break;
    s.end -= n;
  }
  while (s.start < s.end) {
    int n = junk_at_start(s.start);
    if (!n) break;
    s.start += n;
  }
  return s;
}

bool upper_initial(const std::string& text, const Token& t) {
  unsigned char c = static_cast<unsigned char>(text[t.span.start]);
  return c >= 'A' && c <= 'Z';
}

// "Senator Jeff Flake, Republican of Arizona, who echoed …": the relative
// pronoun's antecedent is the nearest speaker named before it in its sentence
// (an appositive between is skipped). -1 when the mention is no relative
// pronoun or no speaker precedes it.
int relative_antecedent(const Analysis& a, const DocText& d, Span mention) {
  std::string_view w = a.doc.slice(mention);
  if (w != "who" && w != "Who") return -1;
  Span sent = sentence_around(d, mention.start);
  int best = -1;
  d.speakers.each_starting(sent.start, mention.start + 1, [&](Span m, int k) {
    if (m.end > mention.start || a.doc.slice(m) == "who") return;
    const Span b = best < 0 ? Span{} : a.attributions[best].speaker.mention;
    if (best < 0 || m.end > b.end || (m.end == b.end && k < best)) best = k;
  });
  return best;
}

// The party of attribution k, its speaker taken from the antecedent when the
// speaker mention is a relative pronoun: the entity stage's reading of "who"
// is the one echo trusts least.
Party speaker_party(const Analysis& a, const DocText& d, int input, int k) {
  Party p = party_of_attribution(a, input, k);
  int ante = relative_antecedent(a, d, a.attributions[k].speaker.mention);
  if (ante >= 0) {
    const Attribution& t = a.attributions[ante];
    p.entity = t.speaker.entity;
    p.name = speaker_name(a, t.speaker);
    p.mention = t.speaker.mention;
  }
  return p;
}

// The first statement of `entity` whose content overlaps `sent`; -1 when none.
int statement_in(const Analysis& a, const DocText& d, int entity, Span sent) {
  int first = -1;
  d.contents.each_overlapping(sent, [&](Span, int k) {
    if (a.attributions[k].speaker.entity == entity && (first < 0 || k < first)) first = k;
  });
  return first;
}

// The speaker doing the echoing for a cue at `cue` in sentence `sent`.
Party find_echoer(const Analysis& a, const DocText& d, int input, Span cue, Span sent) {
  // 1. The engine's attribution whose cue is this cue.
  {
    int first = -1;
    d.cues.each_overlapping(cue, [&](Span, int k) {
      if (!a.attributions[k].speaker.mention.empty() && (first < 0 || k < first)) first = k;
    });
    if (first >= 0) return speaker_party(a, d, input, first);
  }
  // 2. The subject just before the cue: a capitalised run, skipping up to three
  //    lower-case words or capitalised function words such as weekdays ("Pashinyan
  //    also echoed", "Smith on Thursday repeated": Smith, not Thursday).
  auto [first, last] = token_range(d, Span{sent.start, cue.start});
  size_t i = last, skipped = 0;
  while (i > first && skipped < 3) {
    const Token& t = d.tokens[i - 1];
    unsigned char c = static_cast<unsigned char>(a.doc.text[t.span.start]);
    if (c >= 'A' && c <= 'Z' && !t.has(kStopWord)) break;
    --i;
    ++skipped;
  }
  if (i > first && upper_initial(a.doc.text, d.tokens[i - 1])) {
    size_t j = i;
    while (j > first) {
      unsigned char c = static_cast<unsigned char>(a.doc.text[d.tokens[j - 1].span.start]);
      if (!(c >= 'A' && c <= 'Z')) break;
      --j;
      if (d.tokens[j].has(kSentenceStart)) break;
    }
    Span subj{d.tokens[j].span.start, d.tokens[i - 1].span.end};
    int first = -1;
    d.speakers.each_overlapping(subj, [&](Span, int k) { first = first < 0 ? k : std::min(first, k); });
    if (first >= 0) return party_of_attribution(a, input, first);
    Party p = party_of_mention(a, d, input, subj);
    if (p.entity >= 0) p.attribution = statement_in(a, d, p.entity, sent);  // theirs in this sentence
    return p;
  }
  // 3. The nearest speaker mention in the sentence.
  int best = -1;
  uint32_t best_dist = UINT32_MAX;
  d.speakers.each_overlapping(sent, [&](Span m, int k) {
    uint32_t dist = m.end <= cue.start ? cue.start - m.end : m.start - cue.end + 1000;
    if (dist < best_dist || (dist == best_dist && k < best)) { best_dist = dist; best = k; }
  });
  if (best >= 0) return party_of_attribution(a, input, best);
  Party p;
  p.input = input;
  return p;
}

// An object pronoun X ("agreed with him"): the person named last before it, in
// its sentence or the one before, who is not the echoer. Entity -1 when none.
Party pronoun_antecedent(const Analysis& a, const DocText& d, int input, Span pronoun, int echoer) {
  Span sent = sentence_around(d, pronoun.start);
  Span before = sent.start > 0 ? sentence_around(d, sent.start - 1) : sent;
  const uint32_t from = std::min(sent.start, before.start);
  int best = -1;
  Span best_m;
  for (size_t i = 0; i < a.entities.size(); ++i) {
    if (static_cast<int>(i) == echoer || a.entities[i].kind != EntityKind::kPerson) continue;
    for (Span m : a.entities[i].mentions)
      if (m.start >= from && m.end <= pronoun.start && (best < 0 || m.end > best_m.end)) {
        best = static_cast<int>(i);
        best_m = m;
      }
  }
  Party p;
  p.input = input;
  if (best < 0) return p;
  p.entity = best;
  p.mention = best_m;
  p.name = a.entities[best].name;
  return p;
}

// The name that opens sentence `sent` as a possessive ("Trump’s refusal …"),
// before `cue`, resolved to an entity; entity -1 when the sentence opens otherwise.
Party sentence_possessor(const Analysis& a, const DocText& d, int input, Span sent, Span cue) {
  Party p;
  p.input = input;
  auto [first, last] = token_range(d, Span{sent.start, cue.start});
  size_t j = first;
  while (j < last && upper_initial(a.doc.text, d.tokens[j])) ++j;
  if (j == first || j >= last) return p;
  std::string_view after = std::string_view(a.doc.text).substr(d.tokens[j - 1].span.end, 4);
  std::string_view word = a.doc.slice(d.tokens[j - 1].span);
  const bool possessive = after.starts_with("'s") || after.starts_with("\xE2\x80\x99s") || word.ends_with("'s") ||
                          word.ends_with("\xE2\x80\x99s");
  if (!possessive) return p;
  Party owner = party_of_mention(a, d, input, Span{d.tokens[first].span.start, d.tokens[j - 1].span.end});
  if (owner.entity < 0) return p;
  owner.attribution = statement_in(a, d, owner.entity, sent);  // theirs in this sentence
  return owner;
}

// The phrase a cue names: the first quotation after the cue in its sentence, else
// a that-clause after the cue, else the echoing statement's content in the sentence.
Span phrase_after_cue(const Analysis& a, const DocText& d, const Party& y, Span cue, Span sent) {
  auto q = std::lower_bound(d.quotes.begin(), d.quotes.end(), cue.end,
                            [](const QuotePair& x, uint32_t v) { return x.outer.start < v; });
  if (q != d.quotes.end() && q->outer.start < sent.end) return trim_phrase(a.doc, q->inner);
  std::string_view after = std::string_view(a.doc.text).substr(cue.end, sent.end - cue.end);
  size_t that = after.find(" that ");
  if (that != std::string_view::npos && that < 12)
    return trim_phrase(a.doc, Span{cue.end + static_cast<uint32_t>(that) + 6, sent.end});
  if (y.attribution >= 0) {
    Span c = a.attributions[y.attribution].content;
    if (overlap(c, sent) > 0 && c.start >= cue.start) return trim_phrase(a.doc, c);
    // "… could last a year, echoing Hale": the statement before the cue.
    if (overlap(c, sent) > 0 && c.start < cue.start) return trim_phrase(a.doc, Span{c.start, std::min(c.end, cue.start)});
  }
  return {};
}

// Whether the cue verb at `pos` is negated: "not", "never" or an "n't" form
// among the two words before it ("do not agree with", "didn't really echo").
bool negated(const Document& doc, const DocText& d, uint32_t pos) {
  auto [first, last] = token_range(d, Span{pos > 40 ? pos - 40 : 0, pos});
  for (size_t k = last; k > first && k + 2 >= last; --k) {
    if (d.tokens[k - 1].has(kBoundary) && k != last) break;
    std::string w = normalize_word(doc.slice(d.tokens[k - 1].span));
    if (w == "not" || w == "never" || w == "no" || w.ends_with("n't") || w.ends_with("n\xE2\x80\x99t")) return true;
    if (d.tokens[k - 1].has(kBoundary)) break;
  }
  return false;
}

// Whether `text` holds lower-case `word` at `p`, ASCII letters folded.
bool same_folded(std::string_view text, size_t p, std::string_view word) {
  for (size_t j = 0; j < word.size(); ++j) {
    char ch = text[p + j];
    if ((ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch) != word[j]) return false;
  }
  return true;
}

bool same_place(const Echo& x, const Echo& y) {
  return x.from.input == y.from.input && overlap(x.cue, y.cue) > 0;
}

}  // namespace

CueFollow follow_words(std::string_view text, size_t p, size_t body_e) {
  constexpr int kFollowWords = 12, kLaterWords = 14, kNameWords = 5;
  auto space = [&](size_t i) {
    char c = text[i];
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
  };
  CueFollow f;
  size_t i = p;
  while (i < body_e && !space(i)) ++i;  // the keyword's own word
  int run = 0;  // where the current run of capitalised words began
  bool ended = false;  // a word before the run closed a sentence or clause: no name comes after it
  for (int w = 1; w <= kLaterWords && i < body_e; ++w) {
    while (i < body_e && space(i)) ++i;
    if (i >= body_e) break;
    const size_t word_start = i;
    // A capital: ASCII, or a lead byte of Latin-1 and Latin Extended letters and beyond.
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const bool capital = !ended && ((c >= 'A' && c <= 'Z') || c >= 0xC3);
    run = capital ? (run ? run : w) : 0;
    if (capital && !f.name) f.name = w;
    bool apostrophe = false, comma = false, stop = false;
    for (; i < body_e && !space(i); ++i) {
      comma = comma || text[i] == ',';
      stop = stop || text[i] == '.' || text[i] == '!' || text[i] == '?' || text[i] == ';';
      apostrophe = apostrophe || text[i] == '\'' ||
                   (text[i] == '\xE2' && i + 2 < body_e && text[i + 1] == '\x80' && text[i + 2] == '\x99');
    }
    if (w <= 3) f.words.push_back(text.substr(word_start, i - word_start));
    f.later.push_back(text.substr(word_start, i - word_start));
    if (w > kFollowWords) continue;  // no name test reads so far
    // A name ending in word w opens at the latest of the run's start and w - 4.
    const int open = std::max(run, w - kNameWords + 1);
    if (run && apostrophe && !f.possessive) f.possessive = open;
    if (run && comma && !f.comma) f.comma = open;
    // Between a cue verb and X's name the patterns hold only words and white
    // space ("echoed remarks by"); a name may hold periods ("Mr.", "J.").
    if (!run && stop) ended = true;
  }
  // The patterns that end X's name in a comma have one before the keyword too
  // ("Y, like X, called").
  size_t b = p;
  while (b > 0 && space(b - 1)) --b;
  f.comma_before = b > 0 && text[b - 1] == ',';
  // The words before, for "X's words were echoed by".
  for (std::string_view& w : f.before) {
    while (b > 0 && space(b - 1)) --b;
    const size_t e = b;
    while (b > 0 && !space(b - 1)) --b;
    w = text.substr(b, e - b);
  }
  return f;
}

bool keyword_at(std::string_view text, size_t p, std::string_view kw, size_t end) {
  auto word_char = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  };
  if (p + kw.size() >= end || (p > 0 && word_char(text[p - 1])) || !same_folded(text, p, kw)) return false;
  const char c = text[p + kw.size()];
  return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
}

bool admits(const CueTrigger& t, const CueFollow& f, std::string_view text, size_t p) {
  if (t.capital_keyword && !(text[p] >= 'A' && text[p] <= 'Z')) return false;
  if (t.comma_before && !f.comma_before) return false;
  if (t.thing_within > 0 && t.things) {
    bool thing = false;
    for (int k = 0; k < t.thing_within && k < static_cast<int>(f.words.size()) && !thing; ++k)
      for (const std::string& w : *t.things)
        thing = thing || (f.words[k].size() == w.size() && same_folded(f.words[k], 0, w));
    if (!thing) return false;
  }
  for (size_t k = 0; k < t.then.size(); ++k) {
    bool one = false;
    for (const std::string& w : t.then[k]) {
      if (k >= f.words.size()) break;
      std::string_view x = f.words[k];
      if (t.then_punct && x.size() > w.size() && (x[w.size()] == ',' || x[w.size()] == '.' || x[w.size()] == ';'))
        x = x.substr(0, w.size());
      one = one || (x.size() == w.size() && same_folded(x, 0, w));
    }
    if (!one) return false;
  }
  if (t.verb_within > 0) {
    bool verb = false;
    for (int k = 0; k < t.verb_within && k < static_cast<int>(f.later.size()) && !verb; ++k)
      for (const std::string& v : t.verbs)
        verb = verb || (f.later[k].size() >= v.size() && same_folded(f.later[k], 0, v));
    if (!verb) return false;
  }
  if (t.in_within > 0) {
    bool in = false;
    for (int k = 1; k < t.in_within && k + 1 < static_cast<int>(f.later.size()); ++k)
      in = in || (f.later[k].size() == 2 && same_folded(f.later[k], 0, "in") &&
                  f.later[k + 1].find("ing", 1) != std::string_view::npos);
    if (!in) return false;
  }
  if (t.after_be) {
    auto be = [](std::string_view w) { return w == "was" || w == "were" || w == "been" || w == "are" || w == "is"; };
    auto possessive = [](std::string_view w) {
      return w.ends_with("'s") || w.ends_with("\xE2\x80\x99s") || w.ends_with("'") || w.ends_with("\xE2\x80\x99");
    };
    int at = be(f.before[0]) ? 0 : f.before[0].ends_with("ly") && be(f.before[1]) ? 1 : -1;
    if (at >= 0 && f.before[at] == "been") ++at;  // "have been", "has been"
    if (at < 0 || !(possessive(f.before[at + 2]) || possessive(f.before[at + 3]))) return false;
  }
  if (t.name_within == 0) return true;
  const int at = t.name_then == CueTrigger::kAnything ? f.name : t.name_then == CueTrigger::kPossessive ? f.possessive : f.comma;
  return at > 0 && at <= t.name_within;
}

void find_explicit(const Context& cx, EchoReport& out) {
  for (size_t in = 0; in < cx.inputs.size(); ++in) {
    const Analysis& a = cx.analysis(static_cast<int>(in));
    const DocText& d = cx.docs[in];
    const int input = static_cast<int>(in);
    std::vector<Echo> echoes, reps;
    uint32_t body_b = std::min<uint32_t>(a.doc.body_start, a.doc.text.size());
    uint32_t body_e = a.doc.body_end > body_b ? std::min<uint32_t>(a.doc.body_end, a.doc.text.size())
                                              : a.doc.text.size();
    re2::StringPiece text(a.doc.text.data(), body_e);

    // Text cues. Group 1 starts the cue; the match end ends it.
    // Where each pattern may match: the sentences holding one of its keywords, a
    // few bytes before each so that a pattern's "after . ! ?" context is in
    // reach; every match lies in one sentence, so the rest is never searched.
    const Compiled& compiled = cx.compiled;
    std::vector<std::vector<std::pair<size_t, size_t>>> windows_of(compiled.cues.size());
    std::vector<std::vector<size_t>> hits_of(compiled.cues.size());  // where its keywords start, in order
    for (size_t i = 0; i < compiled.cues.size(); ++i)
      if (compiled.cues[i].trigger.keywords.empty()) windows_of[i].emplace_back(body_b, body_e);
    // Keywords are whole words followed by white space: each is the trailing
    // run of ASCII letters of a token, so one pass over the engine's tokens with
    // a table lookup finds them all.
    const std::string_view body(text.data(), text.size());
    for (const text::Token& t : d.layer->toks.toks) {
      if (t.start < body_b || t.end >= body_e) continue;
      size_t q = t.end;
      while (q > t.start && q + compiled.max_keyword > t.end &&
             ((text[q - 1] >= 'a' && text[q - 1] <= 'z') || (text[q - 1] >= 'A' && text[q - 1] <= 'Z')))
        --q;
      if (q == t.end || (q > t.start && ((text[q - 1] >= 'a' && text[q - 1] <= 'z') || (text[q - 1] >= 'A' && text[q - 1] <= 'Z'))))
        continue;  // no letters, or a run longer than any keyword
      char buf[32];
      const size_t n = t.end - q;
      if (n > sizeof buf || !compiled.keyword_shapes.may_hold(n, text[q], text[t.end - 1])) continue;
      for (size_t j = 0; j < n; ++j) {
        const char ch = text[q + j];
        buf[j] = ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch;
      }
      const uint32_t* found = compiled.keyword_index.find(std::string_view(buf, n));
      if (!found || !keyword_at(body, q, std::string_view(buf, n), body_e)) continue;
      const size_t p = q, k = *found;
      const std::string& kw = compiled.keywords[k];
      const CueFollow follow = follow_words(body, p, body_e);
      Span st;
      bool sentence_found = false;
      for (size_t ci : compiled.keyword_cues[k]) {
        if (!admits(compiled.cues[ci].trigger, follow, body, p)) continue;
        if (!sentence_found) {
          st = sentence_around(d, static_cast<uint32_t>(p));
          sentence_found = true;
        }
        size_t lo = st.empty() ? p : st.start, hi = std::max<size_t>(st.empty() ? 0 : st.end, p + kw.size());
        lo = lo > body_b + 4 ? lo - 4 : body_b;
        windows_of[ci].emplace_back(lo, std::min<size_t>(hi, body_e));
        if (hits_of[ci].empty() || hits_of[ci].back() != p) hits_of[ci].push_back(p);
      }
    }
    for (size_t ci = 0; ci < compiled.cues.size(); ++ci) {
      const CuePattern& c = compiled.cues[ci];
      std::vector<std::pair<size_t, size_t>>& windows = windows_of[ci];
      if (windows.empty()) continue;
      std::sort(windows.begin(), windows.end());
      std::vector<std::pair<size_t, size_t>> merged;
      for (auto w : windows) {
        if (!merged.empty() && w.first <= merged.back().second) merged.back().second = std::max(merged.back().second, w.second);
        else merged.push_back(w);
      }
      const std::vector<size_t>& hits = hits_of[ci];
      std::vector<re2::StringPiece> g;
      int ngroups = 0;
      for (const auto& win : merged) {
        // Named copies, not a structured binding: clang 14 does not let a lambda capture one.
        const size_t win_b = win.first, win_e = win.second;
        if (!c.re->ok()) break;  // compiled here, on the first sentence that may match
        if (g.empty()) {
          ngroups = c.re->NumberOfCapturingGroups() + 1;
          g.resize(ngroups);
        }
        size_t at = win_b;
        auto hit_at = std::lower_bound(hits.begin(), hits.end(), win_b);
        // The next match at or after `at`: anchored at each keyword for a pattern
        // that starts with one (the leftmost match of a search along the window
        // starts at one of them), else searched along the window.
        auto next_match = [&]() {
          if (!c.trigger.at_keyword) return at < win_e && c.re->Match(text, at, win_e, RE2::UNANCHORED, g.data(), ngroups);
          for (; hit_at != hits.end() && *hit_at < win_e; ++hit_at)
            if (*hit_at >= at && c.re->Match(text, *hit_at, win_e, RE2::ANCHOR_START, g.data(), ngroups)) return true;
          return false;
        };
        while (next_match()) {
          Span whole = sv_span(a.doc, g[0]);
          at = std::max<size_t>(whole.end, at + 1);
          Span g1 = sv_span(a.doc, g[1]);
          if (negated(a.doc, d, g1.start)) continue;  // "The American people do not agree with Trump"
          Span cue{g1.start, c.x_group > 0 ? std::max(g1.end, sv_span(a.doc, g[c.x_group]).end) : g1.end};
          Span sent = sentence_around(d, cue.start);
          Echo e;
          e.evidence = Evidence::kExplicit;
          e.cue = cue;
          e.cue_lemma = c.lemma;
          e.score = c.score;
          if (c.y_group > 0) {
            Span ys = sv_span(a.doc, g[c.y_group]);
            e.from = party_of_mention(a, d, input, ys);
            int first = -1;
            d.speakers.each_overlapping(ys, [&](Span, int k) { first = first < 0 ? k : std::min(first, k); });
            if (first >= 0) e.from = party_of_attribution(a, input, first);
          } else {
            e.from = find_echoer(a, d, input, cue, sent);
          }
          Span ph = phrase_after_cue(a, d, e.from, cue, sent);
          e.from.phrase = ph;
          e.phrase = one_line(a.doc.slice(ph));
          if (c.self) {
            e.to = e.from;
            e.to.attribution = -1;
            e.to.phrase = {};
            e.reason = "cue \"" + one_line(a.doc.slice(cue)) + "\" states that the speaker repeats their own words";
            bool dup = false;
            for (const Echo& r : reps) dup = dup || same_place(r, e);
            if (!dup) reps.push_back(std::move(e));
            continue;
          }
          if (c.x_group > 0) {
            Span xs = sv_span(a.doc, g[c.x_group]);
            std::string_view xt = a.doc.slice(xs);
            if (xt == "him" || xt == "her") {
              e.to = pronoun_antecedent(a, d, input, xs, e.from.entity);
              if (e.to.entity < 0) continue;  // no one to read it as
            } else {
              e.to = party_of_mention(a, d, input, xs);
            }
          } else {
            // "echoed the criticism" names no X: the words are those of the
            // statement just before, by a named speaker other than the echoer.
            const std::string self_key = speaker_key(a, EntityRef{e.from.entity, e.from.mention});
            int before = -1;
            for (size_t k = 0; k < a.attributions.size(); ++k) {
              const Attribution& t = a.attributions[k];
              if (t.content.end > cue.start || t.speaker.entity < 0) continue;
              EntityKind kind = a.entities[t.speaker.entity].kind;
              if (kind != EntityKind::kPerson && kind != EntityKind::kOrganization) continue;
              // "echoed that promise": the statement just before, the echoer's own included.
              if (!c.demonstrative && speaker_key(a, t.speaker) == self_key) continue;
              if (before < 0 || t.content.start > a.attributions[before].content.start) before = static_cast<int>(k);
            }
            if (before < 0) continue;
            if (c.demonstrative && !self_key.empty() && speaker_key(a, a.attributions[before].speaker) == self_key) {
              e.to = e.from;
              e.to.attribution = before;
              e.to.phrase = trim_phrase(a.doc, a.attributions[before].content);
              e.reason = "cue \"" + one_line(a.doc.slice(cue)) + "\" states that the speaker repeats their own words";
              bool dup = false;
              for (const Echo& r : reps) dup = dup || same_place(r, e);
              if (!dup && !e.from.name.empty()) reps.push_back(std::move(e));
              continue;
            }
            e.to = party_of_attribution(a, input, before);
          }
          // "Trump’s refusal to endorse Ryan ― using Ryan’s own phrase ―": the
          // subject found is X itself, inside the subject noun phrase; the echoer
          // is the possessor that opens the sentence.
          if (speaker_key(a, EntityRef{e.from.entity, e.from.mention}) ==
              speaker_key(a, EntityRef{e.to.entity, e.to.mention})) {
            Party owner = sentence_possessor(a, d, input, sent, cue);
            if (owner.entity >= 0) {
              owner.phrase = e.from.phrase;
              e.from = owner;
            }
          }
          e.reason = "cue \"" + one_line(a.doc.slice(cue)) + "\" states that " +
                     (e.from.name.empty() ? std::string("the speaker") : e.from.name) + " takes up " + e.to.name +
                     "'s words";
          if (e.from.name.empty() || !is_proper_name(e.from.name) ||
            speaker_key(a, EntityRef{e.from.entity, e.from.mention}) ==
                                         speaker_key(a, EntityRef{e.to.entity, e.to.mention}))
            continue;  // no echoer found, or an echo of oneself
          bool dup = false;
          for (const Echo& r : echoes) dup = dup || same_place(r, e);
          if (!dup) echoes.push_back(std::move(e));
        }
      }
    }

    // The engine's echo field ("Pashinyan echoed Tokayev’s rhetoric characterizing …").
    for (size_t k = 0; k < a.attributions.size(); ++k) {
      const Attribution& t = a.attributions[k];
      if (t.echoes.mention.empty() && t.echoes.entity < 0) continue;
      Echo* match = nullptr;
      for (Echo& e : echoes)
        if (overlap(e.cue, t.echoes.mention) > 0 || e.from.attribution == static_cast<int>(k)) match = &e;
      Party from = speaker_party(a, d, input, static_cast<int>(k));
      Party to;
      to.input = input;
      to.entity = t.echoes.entity;
      to.mention = t.echoes.mention;
      to.name = speaker_name(a, t.echoes);
      if (match) {  // the engine resolved both speakers: its references win
        Span ph = match->from.phrase;
        match->from = from;
        match->from.phrase = ph.empty() ? trim_phrase(a.doc, t.content) : ph;
        match->phrase = one_line(a.doc.slice(match->from.phrase));
        match->to = to;
        continue;
      }
      Echo e;
      e.evidence = Evidence::kExplicit;
      e.from = from;
      e.to = to;
      e.cue = t.echoes.mention;
      e.cue_lemma = "echo";
      e.score = 0.95;
      e.from.phrase = trim_phrase(a.doc, t.content);
      e.phrase = one_line(a.doc.slice(e.from.phrase));
      e.reason = "the attribution engine marks " + from.name + "'s statement as echoing " + to.name;
      echoes.push_back(std::move(e));
    }

    // Statements whose cue is itself a repetition verb ("Blinken reiterated …").
    for (size_t k = 0; k < a.attributions.size(); ++k) {
      const Attribution& t = a.attributions[k];
      const std::string& l = t.cue_lemma;
      if (l != "reiterate" && l != "restate" && l != "reaffirm" && l != "repeat") continue;
      if (t.speaker.mention.empty() && t.speaker.entity < 0) continue;
      bool is_echo = false;
      for (const Echo& e : echoes) is_echo = is_echo || (overlap(e.cue, t.cue) > 0);
      if (is_echo) continue;
      Echo e;
      e.evidence = Evidence::kExplicit;
      e.from = party_of_attribution(a, input, static_cast<int>(k));
      e.from.phrase = trim_phrase(a.doc, t.content);
      e.to = e.from;
      e.to.attribution = -1;
      e.to.phrase = {};
      e.cue = t.cue;
      e.cue_lemma = l;
      e.score = 0.9;
      e.phrase = one_line(a.doc.slice(e.from.phrase));
      e.reason = "cue \"" + one_line(a.doc.slice(t.cue)) + "\" states that the speaker repeats their own words";
      Echo* match = nullptr;
      for (Echo& r : reps)
        if (same_place(r, e)) match = &r;
      if (match) {
        Span cue = match->cue;
        *match = e;
        match->cue = Span{std::min(cue.start, e.cue.start), std::max(cue.end, e.cue.end)};
      } else {
        reps.push_back(std::move(e));
      }
    }
    for (Echo& e : reps)
      if (!e.from.name.empty()) out.repetitions.push_back(std::move(e));
    for (Echo& e : echoes) out.echoes.push_back(std::move(e));
  }
}

}  // namespace quotegraph::echo
