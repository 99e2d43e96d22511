// Framing by the outlet: narrator quotations and narrator words -> Framing
// records. A short quoted fragment outside every attributed content is a scare
// quote unless it is a title or a name; a speaker's loaded term reused by the
// narrator without quotation marks is adopted.
#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "echo/internal.hpp"

namespace quotegraph::echo {
namespace {

bool upper_initial(std::string_view s) { return !s.empty() && s[0] >= 'A' && s[0] <= 'Z'; }

bool is_naming_verb(std::string_view w) {
  static const char* const kVerbs[] = {"call",   "calls",   "called",   "describes", "described", "terms",
                                       "termed", "labels",  "labelled", "labeled",   "brands",    "branded",
                                       "dubs",   "dubbed",  "refers",   "referred",  "characterizes",
                                       "characterized", "characterises", "characterised"};
  for (const char* v : kVerbs)
    if (w == v) return true;
  return false;
}

// Where a speaker used the words of each query range `[b, e)` of `d` in an
// attributed content of the same article: the first quoted use, else the first
// use, in attribution order ({-1, {}} when none). All queries are answered by
// one pass over the contents with rolling hashes of the lengths asked for, so a
// document with many scare quotes and many statements stays linear.
std::vector<std::pair<int, Span>> find_speaker_uses(const Analysis& a, const DocText& d,
                                                    const std::vector<std::pair<size_t, size_t>>& queries) {
  std::vector<std::pair<int, Span>> best(queries.size(), {-1, Span{}});
  std::vector<bool> best_quoted(queries.size(), false);
  std::vector<int> last_k(queries.size(), -1);  // only the first match inside one content counts
  std::unordered_map<uint64_t, std::vector<uint32_t>> by_hash;
  uint32_t lens = 0, max_len = 0;
  for (uint32_t q = 0; q < queries.size(); ++q) {
    auto [b, e] = queries[q];
    by_hash[ngram_hash(d.tokens, b, e)].push_back(q);
    lens |= 1u << (e - b);
    max_len = std::max<uint32_t>(max_len, static_cast<uint32_t>(e - b));
  }
  if (queries.empty()) return best;
  HashFilter filter(by_hash.size());
  for (const auto& kv : by_hash) filter.add(kv.first);
  for (size_t k = 0; k < a.attributions.size(); ++k) {
    if (d.speaker_keys[k].empty()) continue;
    auto [cb, ce] = d.content_tokens[k];
    for (size_t i = cb; i < ce; ++i) {
      uint64_t h = 0;
      for (uint32_t n = 1; n <= max_len && i + n <= ce; ++n) {
        h = n == 1 ? d.tokens[i].hash : combine_hash(h, d.tokens[i + n - 1].hash);
        if (!(lens & (1u << n)) || !filter.may_hold(h)) continue;
        auto it = by_hash.find(h);
        if (it == by_hash.end()) continue;
        for (uint32_t q : it->second) {
          if (queries[q].second - queries[q].first != n || last_k[q] == static_cast<int>(k)) continue;
          last_k[q] = static_cast<int>(k);
          bool quoted = d.tokens[i].has(kQuoted);
          if (best[q].first < 0 || (quoted && !best_quoted[q])) {
            best[q] = {static_cast<int>(k), Span{d.tokens[i].span.start, d.tokens[i + n - 1].span.end}};
            best_quoted[q] = quoted;
          }
        }
      }
    }
  }
  return best;
}

// Do spans overlap any of a set? Spans sorted by start with the running maximum
// of their ends answer it in O(log n) per question.
class SpanSet {
 public:
  void add(Span s) {
    if (!s.empty()) spans_.emplace_back(s.start, s.end);
  }
  void seal() {
    std::sort(spans_.begin(), spans_.end());
    max_end_.resize(spans_.size());
    for (size_t i = 0; i < spans_.size(); ++i) max_end_[i] = std::max(spans_[i].second, i ? max_end_[i - 1] : 0u);
  }
  bool overlaps(Span s) const {
    if (s.empty()) return false;
    size_t n = static_cast<size_t>(std::lower_bound(spans_.begin(), spans_.end(), std::make_pair(s.end, 0u)) -
                                   spans_.begin());
    return n > 0 && max_end_[n - 1] > s.start;
  }

 private:
  std::vector<std::pair<uint32_t, uint32_t>> spans_;
  std::vector<uint32_t> max_end_;
};

std::string term_of(const Document& doc, const std::vector<Token>& toks, size_t b, size_t e) {
  std::string out;
  for (size_t i = b; i < e; ++i) out += (out.empty() ? "" : " ") + normalize_word(doc.slice(toks[i].span));
  return out;
}

// Whether the quote [b, e) of pair q is a phrase of two or more words that
// modifies the noun right after it inside a noun phrase: "the “opt out”
// movement", "North Korea's “reckless, provocative, dangerous” actions",
// "Brill’s “Bring Back Jobs” rallying cry". Used so, the words are a label for
// a thing (a slogan, a movement, a plan), the writer's framing even inside a
// paraphrase; a one-word quote there ("the nation’s “broken” system") is a
// speaker's adjective, a partial quote. The noun phrase opens with an article or
// possessive pronoun, or with a possessive ("X's"), and only a possessive
// makes a Title-Case quote a label: "the “Red Neck Country Club” honkytonk" is
// a name.
bool labels_noun(const Analysis& a, const DocText& d, const QuotePair& q, size_t b, size_t e, bool title) {
  if (e - b < 2 || b == 0 || e >= d.tokens.size() || d.tokens[b].has(kBoundary)) return false;
  const Token& next = d.tokens[e];
  std::string_view inner = a.doc.slice(q.inner);
  const char last = inner.empty() ? ' ' : inner.back();
  const unsigned char n0 = static_cast<unsigned char>(a.doc.text[next.span.start]);
  // The noun follows the closing mark after one space, and the quote ends in a
  // word, not in the comma or period of a quoted clause.
  if (next.has(kStopWord) || !(n0 >= 'a' && n0 <= 'z') || next.span.start != q.outer.end + 1 ||
      !((last >= 'a' && last <= 'z') || (last >= 'A' && last <= 'Z')))
    return false;
  const Token& prev = d.tokens[b - 1];
  const std::string_view raw = a.doc.slice(prev.span);
  const std::string_view after = std::string_view(a.doc.text).substr(prev.span.end, 4);
  const bool possessive = raw.ends_with("'s") || raw.ends_with("\xE2\x80\x99s") || raw.ends_with("s'") ||
                          raw.ends_with("s\xE2\x80\x99") || after.starts_with("'s") || after.starts_with("\xE2\x80\x99s");
  if (possessive) return true;
  if (title) return false;
  static const char* const kOpeners[] = {"the", "a", "an", "his", "her", "its", "their", "our", "my", "your"};
  const std::string w = normalize_word(raw);
  for (const char* o : kOpeners)
    if (w == o) return true;
  return false;
}

void scare_quotes(const Context& cx, int input, std::vector<Framing>& out) {
  const Analysis& a = cx.analysis(input);
  const DocText& d = cx.docs[input];
  const EchoLexicon& lex = cx.compiled.lex;
  SpanSet contents;
  for (const Attribution& t : a.attributions) contents.add(t.content);
  contents.seal();
  std::vector<Span> by_start;  // the contents in start order, for "a content inside this quote"
  for (const Attribution& t : a.attributions) by_start.push_back(t.content);
  std::sort(by_start.begin(), by_start.end(), [](Span x, Span y) { return x.start < y.start; });
  // Quotes whose owner is still to be found: their records and token ranges,
  // answered together after the loop.
  std::vector<size_t> unowned;
  std::vector<std::pair<size_t, size_t>> unowned_ranges;
  for (const QuotePair& q : d.quotes) {
    // Inside an attributed content a quote is the speaker's, unless the text
    // distances it ("what some call the “Charleston loophole”", below) and it is
    // not itself the whole content.
    const bool in_content = contents.overlaps(q.outer);
    bool whole_content = false;
    if (in_content)  // a content lying inside the quote: the quote is a statement
      for (auto it = std::lower_bound(by_start.begin(), by_start.end(), q.outer.start,
                                      [](Span x, uint32_t v) { return x.start < v; });
           it != by_start.end() && it->start < q.outer.end && !whole_content; ++it)
        whole_content = it->end <= q.outer.end;
    if (whole_content) continue;
    auto [b, e] = token_range(d, q.inner);
    if (e <= b || static_cast<int>(e - b) > cx.options.max_scare_words) continue;
    std::string_view inner = a.doc.slice(q.inner);
    // A quoted sentence ("“We will win.”") is an unattributed quote, not a term;
    // one led by a proper name ("“New York values,”") is a term before a comma.
    char last = inner.empty() ? ' ' : inner.back();
    bool name_led = e - b >= 2 && upper_initial(a.doc.slice(d.tokens[b + 1].span));
    if (upper_initial(inner) && !name_led && (last == '.' || last == '!' || last == '?' || last == ',') && e - b >= 3)
      continue;

    // Look back within the sentence: "so-called", "what X calls", "a film titled".
    bool distancing = false, naming = false;
    int named_by = -1;
    Span named_by_span;
    size_t lo = b >= 6 ? b - 6 : 0;
    for (size_t i = b; i > lo; --i) {
      const Token& t = d.tokens[i - 1];
      std::string w = normalize_word(a.doc.slice(t.span));
      if (w == "so-called" || w == "supposed" || w == "self-styled" || w == "self-proclaimed") distancing = true;
      if (is_naming_verb(w) && b - i <= 2) {
        // "what Tokayev called", "which the Kremlin calls": the word's owner.
        if (i >= 2) {
          const Token& s = d.tokens[i - 2];
          int ent = resolve_mention(a, d, s.span);
          if (ent >= 0 && a.entities[ent].kind != EntityKind::kArtifact) {
            named_by = ent;
            named_by_span = s.span;
          }
        }
        if (named_by < 0 && w != "calls" && w != "call") naming = true;
        // "what he calls the ''crooked'' process", "which critics call": the
        // writer marks the word as someone else's.
        for (size_t j = i - 1; j > lo && j + 4 >= i; --j) {
          std::string r = normalize_word(a.doc.slice(d.tokens[j - 1].span));
          if (r == "what" || r == "which") distancing = true;
        }
      } else if (b - i <= 2 && lex.is_title_cue(w) && !is_naming_verb(w)) {
        naming = true;  // "the book “…”", "a documentary titled"
      }
      if (t.has(kSentenceStart) || t.has(kBoundary)) break;
    }
    // Title-like: every content word capitalised ("“The Long Night”"), or one
    // capitalised word inside a sentence ("the “Freedom” convoy").
    bool title_case = true;
    int content_words = 0;
    for (size_t i = b; i < e; ++i) {
      if (d.tokens[i].has(kStopWord) && i != b) continue;
      ++content_words;
      title_case = title_case && upper_initial(a.doc.slice(d.tokens[i].span));
    }
    // At a sentence start every first word is capitalised, so only a quote of two
    // or more capitalised words is taken for a title there ("''The Big Short'' was
    // nominated").
    bool starts_sentence = d.tokens[b].has(kSentenceStart);
    if (title_case && (!starts_sentence || content_words >= 2)) naming = true;
    // "the “king of debt” moniker", "his “America First” slogan": the writer
    // names the quote as a label, someone's word for a thing.
    if (e < d.tokens.size() && !d.tokens[e].has(kBoundary)) {
      std::string next = normalize_word(a.doc.slice(d.tokens[e].span));
      static const char* const kLabelNouns[] = {"moniker", "nickname", "label", "slogan", "catchphrase",
                                                "epithet", "tag", "tagline", "phrase", "term", "line", "mantra"};
      for (const char* w : kLabelNouns) distancing = distancing || next == w;
      distancing = distancing || (!lex.is_title_cue(next) && labels_noun(a, d, q, b, e, naming));
    }
    if (naming && !distancing) continue;
    if (in_content && !distancing) continue;
    // Right after a verb of being, seeming or saying, or its object pronoun, a
    // short quote is a partial quote of someone the rules did not attribute
    // ("said he was “gratified”", "called it “a con”", "as “extremely fit”"),
    // not the outlet's framing, which sits in a noun phrase ("a “peacekeeping”
    // force", "the ''crooked'' process", "against “printing money”").
    if (!distancing && named_by < 0 && b > 0) {
      std::string prev = normalize_word(a.doc.slice(d.tokens[b - 1].span));
      static const char* const kPartialQuoteLead[] = {
          "is", "was", "were", "are", "am", "be", "been", "being", "seemed", "seems", "felt", "feel", "feels",
          "looked", "looks", "became", "become", "sounded", "remained", "called", "calls", "call", "calling",
          "said", "says", "saying", "described", "as", "it", "him", "them", "us", "me"};
      bool partial = false;
      for (const char* w : kPartialQuoteLead) partial = partial || prev == w;
      // "calling him a “nice guy”", "calling the candidate “extremely fit”": a
      // characterising verb and its object before the quote; "what he calls the
      // ''crooked'' process" has found its owner above.
      for (size_t i = b - 1; i > 0 && i + 3 >= b && !partial; --i) {
        std::string w = normalize_word(a.doc.slice(d.tokens[i - 1].span));
        bool relative = i >= 2 && (normalize_word(a.doc.slice(d.tokens[i - 2].span)) == "what" ||
                                   normalize_word(a.doc.slice(d.tokens[i - 2].span)) == "which");
        if (is_naming_verb(w) && !relative && i + 1 < b) partial = true;
        if (d.tokens[i - 1].has(kSentenceStart) || d.tokens[i - 1].has(kBoundary)) break;
      }
      if (partial) continue;
    }

    Framing f;
    f.kind = FramingKind::kScareQuote;
    f.input = input;
    f.span = q.outer;
    f.term = term_of(a.doc, d.tokens, b, e);
    if (named_by >= 0) {
      f.entity = named_by;
      f.entity_name = a.entities[named_by].name;
      f.source = named_by_span;
      f.reason = "narrator quotes a term the article attributes to " + f.entity_name;
    } else {
      f.reason = std::string("short quotation in the narrator's voice, outside every attributed content") +
                 (distancing ? ", marked as distancing" : "");
      unowned.push_back(out.size());
      unowned_ranges.emplace_back(b, e);
    }
    out.push_back(std::move(f));
  }
  std::vector<std::pair<int, Span>> uses = find_speaker_uses(a, d, unowned_ranges);
  for (size_t u = 0; u < unowned.size(); ++u) {
    auto [k, use] = uses[u];
    if (k < 0) continue;
    Framing& f = out[unowned[u]];
    const Attribution& t = a.attributions[k];
    f.entity = t.speaker.entity;
    f.entity_name = speaker_name(a, t.speaker);
    f.attribution = k;
    f.source = use;
    f.reason = "narrator quotes a term that " + f.entity_name + " uses in the article";
  }
}

void adopted_terms(const Context& cx, int input, std::vector<Framing>& out) {
  const Analysis& a = cx.analysis(input);
  const DocText& d = cx.docs[input];
  struct Term {
    std::vector<uint64_t> hashes;
    int attribution;
    Span use;
    uint64_t hash = 0;  // of the whole term, as ngram_hash makes it
  };
  std::vector<Term> terms;
  auto add = [&](size_t b, size_t e, int k) {
    Term t{{}, k, Span{d.tokens[b].span.start, d.tokens[e - 1].span.end}, ngram_hash(d.tokens, b, e)};
    for (size_t i = b; i < e; ++i) t.hashes.push_back(d.tokens[i].hash);
    terms.push_back(std::move(t));
  };
  for (size_t k = 0; k < a.attributions.size(); ++k) {
    const Attribution& t = a.attributions[k];
    if (d.speaker_keys[k].empty()) continue;
    auto [cb, ce] = d.content_tokens[k];
    for (size_t i = cb; i < ce; ++i) {
      const uint64_t h = d.tokens[i].hash;
      if (!cx.compiled.loaded_filter.may_hold(h)) continue;
      if (cx.compiled.loaded_word_hashes.count(h)) add(i, i + 1, static_cast<int>(k));
      if (!cx.compiled.loaded_first_hashes.count(h)) continue;
      for (const auto& [hs, text] : cx.compiled.loaded_phrases) {
        if (i + hs.size() > ce) continue;
        bool ok = true;
        for (size_t m = 0; m < hs.size() && ok; ++m) ok = d.tokens[i + m].hash == hs[m];
        if (ok) add(i, i + hs.size(), static_cast<int>(k));
      }
    }
    // A characterisation's quoted complement and its head word:
    // "describing protesters as “a band of international terrorists”".
    static const char* const kCharacterising[] = {"describe", "call", "brand", "label", "characterize",
                                                  "characterise", "term", "dub", "denounce"};
    bool characterising = false;
    for (const char* c : kCharacterising) characterising = characterising || t.cue_lemma == c;
    if (!characterising) continue;
    // Quotes are in text order and not nested: those overlapping the content
    // are one run, found by binary search.
    auto from = std::lower_bound(d.quotes.begin(), d.quotes.end(), t.content.start,
                                 [](const QuotePair& x, uint32_t v) { return x.inner.end <= v; });
    for (auto qi = from; qi != d.quotes.end() && qi->inner.start < t.content.end; ++qi) {
      const QuotePair& q = *qi;
      if (overlap(q.inner, t.content) == 0) continue;
      auto [qb, qe] = token_range(d, q.inner);
      while (qb < qe && d.tokens[qb].has(kStopWord)) ++qb;
      if (qe <= qb || qe - qb > 4) continue;
      add(qb, qe, static_cast<int>(k));
      const Token& head = d.tokens[qe - 1];
      if (qe - qb > 1 && !head.has(kStopWord) && !head.has(kCommonWord)) add(qe - 1, qe, static_cast<int>(k));
    }
  }
  // Narrator uses of every term, found in one pass over the document with
  // rolling hashes of the term lengths asked for: linear however many terms.
  std::unordered_map<uint64_t, std::vector<uint32_t>> narrator_at;  // term hash -> first tokens
  uint32_t lens = 0, max_len = 0;
  for (const Term& term : terms) {
    narrator_at.emplace(term.hash, std::vector<uint32_t>{});
    lens |= 1u << term.hashes.size();
    max_len = std::max<uint32_t>(max_len, static_cast<uint32_t>(term.hashes.size()));
  }
  HashFilter term_filter(narrator_at.size());
  for (const auto& kv : narrator_at) term_filter.add(kv.first);
  for (size_t i = 0; i < d.tokens.size() && !terms.empty(); ++i) {
    uint64_t h = 0;
    for (uint32_t n = 1; n <= max_len && i + n <= d.tokens.size(); ++n) {
      const Token& t = d.tokens[i + n - 1];
      if (!t.has(kNarrator) || t.has(kQuoted)) break;
      h = n == 1 ? t.hash : combine_hash(h, t.hash);
      if (!(lens & (1u << n)) || !term_filter.may_hold(h)) continue;
      auto it = narrator_at.find(h);
      if (it != narrator_at.end()) it->second.push_back(static_cast<uint32_t>(i));
    }
  }
  SpanSet mentions;  // "the rioters said": a speaker mention, not a framing
  for (const Attribution& t : a.attributions) mentions.add(t.speaker.mention);
  mentions.seal();
  std::set<std::string> done;
  for (const Term& term : terms) {
    size_t n = term.hashes.size();
    Span use_sentence = sentence_around(d, term.use.start);
    for (uint32_t i : narrator_at.at(term.hash)) {
      bool ok = true;
      for (size_t m = 0; m < n && ok; ++m) ok = d.tokens[i + m].hash == term.hashes[m];
      if (!ok) continue;  // a hash collision
      Span at{d.tokens[i].span.start, d.tokens[i + n - 1].span.end};
      if (overlap(at, use_sentence) > 0) continue;
      if (mentions.overlaps(at)) continue;
      std::string key;
      for (size_t m = 0; m < n; ++m) key += token_stem(a.doc, d.tokens[i + m]) + " ";
      if (!done.insert(key).second) break;
      const Attribution& t = a.attributions[term.attribution];
      Framing f;
      f.kind = FramingKind::kAdopted;
      f.input = input;
      f.span = at;
      f.term = term_of(a.doc, d.tokens, i, i + n);
      f.entity = t.speaker.entity;
      f.entity_name = speaker_name(a, t.speaker);
      f.attribution = term.attribution;
      f.source = term.use;
      f.reason = "narrator uses, without quotation marks, the loaded term \"" + one_line(a.doc.slice(term.use)) +
                 "\" that " + f.entity_name + " uses";
      out.push_back(std::move(f));
      break;
    }
  }
}

}  // namespace

void find_framing(const Context& cx, EchoReport& out) {
  for (size_t in = 0; in < cx.inputs.size(); ++in) {
    scare_quotes(cx, static_cast<int>(in), out.framing);
    adopted_terms(cx, static_cast<int>(in), out.framing);
  }
}

}  // namespace quotegraph::echo
