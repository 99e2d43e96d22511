// Stage 6, attribution rules: sentences -> attributions. Each rule's comment
// gives the construction it handles as one example sentence.
#include "attrib/rules.hpp"

#include <algorithm>
#include <set>
#include <string>

#include "text/utf8.hpp"

namespace quotegraph::attrib {
namespace {

using text::QuoteFamily;
using text::QuoteFace;
using text::Token;
using text::TokType;

constexpr uint32_t kNone = UINT32_MAX;

// Words that head a line with a colon without naming a speaker ("Update: …").
const std::set<std::string, std::less<>> kHeadingWords = {"update", "note", "editor's", "correction", "watch", "read",
                                             "related", "photos", "video", "breaking", "exclusive", "opinion",
                                             "analysis", "live", "abstract", "source", "sources", "warning"};
constexpr uint32_t kMaxNp = 12;          // tokens in a speaker noun phrase
constexpr uint32_t kMaxAppositive = 30;  // tokens between the commas of an appositive

// Token range [first, last).
struct Range {
  uint32_t first = kNone, last = kNone;
  bool ok() const { return first != kNone && last > first; }
  uint32_t size() const { return ok() ? last - first : 0; }
};

struct Candidate {
  Range cue;
  std::string lemma;
  uint32_t flags = 0;
  Range speaker;
  Range addressee;
  Range target;
  Range echoed;  // the possessor in "echoed X's rhetoric"
  std::vector<Range> content;
  std::string rule;
  double confidence = 0.7;
  uint32_t sentence = 0;
  bool inherited = false;  // speaker taken from the clause's subject (", saying …")
  bool coordinated = false;  // inherited across "and"/"but"/";": a predicate of its own
};

class SentenceRules {
 public:
  SentenceRules(const TextView& in, const Lexicon& lex)
      : in_(in), lex_(lex), v_(in.toks.toks), low_(in.words.low), info_(in.words.info) {}

  std::vector<Candidate> run() {
    std::vector<Candidate> all;
    for (uint32_t s = 0; s < in_.sentences.size(); ++s) {
      auto c = sentence(s);
      all.insert(all.end(), c.begin(), c.end());
      find_conversations(s);
    }
    return all;
  }

  struct TokConversation {
    Range speaker, partner;
    uint32_t sentence;
  };
  const std::vector<TokConversation>& conversations() const { return conversations_; }

  const TextView& input() const { return in_; }

  // Index of the sentence holding token `k` (sentences are sorted and cover the text).
  uint32_t sentence_at(uint32_t k) const {
    auto it = std::upper_bound(in_.sentences.begin(), in_.sentences.end(), k,
                               [](uint32_t x, const text::Sentence& st) { return x < st.first; });
    return it == in_.sentences.begin() ? 0 : static_cast<uint32_t>(it - in_.sentences.begin() - 1);
  }

  // The name in a dash credit ("— Senator Jane Doe", "— Jane Doe (@janedoe)"):
  // capitalised words to the end of the paragraph or to a parenthesis.
  Range credit_name(uint32_t k) const {
    uint32_t e = k;
    while (e < v_.size() && v_[e].para == v_[k].para && word(e) && (v_[e].cap || is(e, "of")) && e - k < 6) ++e;
    if (e == k || is(e - 1, "of")) return {};
    bool ends = e >= v_.size() || v_[e].para != v_[k].para || punct(e, '(') || terminal(e) || comma(e);
    return ends ? Range{k, e} : Range{};
  }

  bool has(uint32_t k, Lexicon::Class c) const { return k < info_.size() && (info_[k]->classes & c); }

  // --- token predicates -------------------------------------------------
  bool word(uint32_t k) const { return k < v_.size() && (v_[k].type == TokType::kWord || v_[k].type == TokType::kNumber); }
  bool punct(uint32_t k, char32_t c) const { return k < v_.size() && v_[k].type == TokType::kPunct && v_[k].ch == c; }
  bool comma(uint32_t k) const { return punct(k, ',') || punct(k, 0x060C); }
  bool dash(uint32_t k) const { return k < v_.size() && v_[k].type == TokType::kPunct && text::is_dash(v_[k].ch); }
  bool quote_mark(uint32_t k) const { return k < v_.size() && v_[k].type == TokType::kQuote; }
  bool narrator(uint32_t k) const { return in_.quotes.top[k] < 0; }
  bool is(uint32_t k, std::string_view w) const { return k < v_.size() && low_[k] == w; }
  bool possessive(uint32_t k) const {
    return word(k) && (low_[k].ends_with("'s") || low_[k].ends_with("s'"));
  }
  // Closing mark of a top-level quote, i.e. the last token of the quote region.
  bool closes_quote(uint32_t k) const {
    if (k >= v_.size()) return false;
    int q = in_.quotes.top[k];
    return q >= 0 && in_.quotes.quotes[q].close_tok == k;
  }
  bool opens_quote(uint32_t k) const {
    if (k >= v_.size()) return false;
    int q = in_.quotes.top[k];
    return q >= 0 && in_.quotes.quotes[q].open_tok == k;
  }
  bool terminal(uint32_t k) const {
    return k < v_.size() && v_[k].type == TokType::kPunct &&
           (v_[k].ch == '.' || v_[k].ch == '!' || v_[k].ch == '?' || v_[k].ch == 0x2026);
  }

 private:
  // --- noun phrases ----------------------------------------------------------

  // A word that may end (head) a speaker noun phrase.
  bool np_head_ok(uint32_t k, uint32_t np_first) const {
    if (!word(k)) return false;
    std::string_view w = low_[k];
    if (lex_.is_pronoun(w)) return w != "him" && w != "them";
    if (possessive(k) || w == "of" || w == "for" || w == "at" || w == "in") return false;
    if (quantity(k) || w == "others" || w == "some" || w == "many" || w == "most" || w == "both" || w == "several" ||
        w == "another" || w == "each" || w == "neither" || w == "either")
      return true;  // "half said", "74 percent said", "some say", "another says"
    if (lex_.is_determiner(w)) return false;  // "The" is no head, capital or not
    if (v_[k].cap) return true;
    if (lex_.is_source_noun(w)) return true;
    // A common noun led by a determiner: "the organization", "Trump's campaign".
    if (lex_.is_skippable(w) || lex_.is_np_stop(w) || w.ends_with("ing")) return false;
    if (w.size() > 3 && w.ends_with("s") && !w.ends_with("ss") && !w.ends_with("ous")) return true;  // plural noun
    return k > np_first && (has(np_first, Lexicon::kDeterminer) || possessive(np_first) || quantity(np_first));
  }

  bool np_inner_ok(uint32_t k) const {
    if (v_[k].type == TokType::kNumber) return true;
    if (!word(k)) return false;
    std::string_view w = low_[k];
    if (w == "of" || w == "for" || w == "at") return true;  // "secretary of state", "spokesman for"
    if (w == "to" && k > 0 && has(k - 1, Lexicon::kSourceNoun) && k + 1 < v_.size() && v_[k + 1].cap)
      return true;  // "aides to Clinton", "adviser to the president"
    if (lex_.is_np_stop(w) && !lex_.is_determiner(w)) return false;
    if (const CueEntry* cue = info_[k]->cue.entry; cue && !v_[k].cap && !lex_.is_source_noun(w)) {
      // "the protest organizers", "her remarks": a noun after its determiner.
      bool noun = (cue->flags & kNounToo) && k > 0 &&
                  (has(k - 1, Lexicon::kDeterminer) || possessive(k - 1) || is(k - 1, "of"));
      if (!noun) return false;
    }
    if (lex_.is_pronoun(w) && w != "her" && w != "his") return false;
    return true;
  }

  // The noun phrase that ends right before token `end`, within [floor, end).
  // With `pp`, a head noun's prepositional phrase joins it: "a source close to
  // him", "people with knowledge of the talks", "officials in Ohio".
  Range np_left(uint32_t end, uint32_t floor, bool pp = true) const {
    if (end <= floor) return {};
    uint32_t k = end - 1;
    // "Sen. Bernie Sanders (I-Vt.) said": pass a short parenthesis after the name.
    uint32_t paren_end = end;
    if (punct(k, ')')) {
      uint32_t j = k;
      while (j > floor && k - j < 8 && !punct(j, '(')) --j;
      if (!punct(j, '(') || j == floor) return {};
      end = j;
      k = end - 1;
    }
    if (!word(k)) return {};
    std::string_view w = low_[k];
    if (w == "who" || w == "which") return {k, paren_end};  // relative pronoun: the local mention
    if (w == "him" || w == "them" || w == "her" || w == "us" || w == "me") {
      uint32_t head = pp ? pp_head_left(k, floor) : kNone;
      if (head != kNone) return {head, paren_end};
    }
    if (lex_.is_pronoun(w)) return (w == "him" || w == "them") ? Range{} : Range{k, paren_end};
    uint32_t first = end;
    while (first > floor && end - first < kMaxNp) {
      uint32_t j = first - 1;
      if (!np_inner_ok(j)) {
        // "Smith and Jones said": a conjunction between two names.
        if (is(j, "and") && j > floor && v_[j - 1].cap && first < end && v_[first].cap) { first = j; continue; }
        // "six in 10 said", "two out of three".
        if ((is(j, "in") || is(j, "of") || is(j, "out")) && j > floor && quantity(j - 1) && quantity(first)) {
          first = j;
          continue;
        }
        break;
      }
      first = j;
    }
    // Trim sentence adverbs and prepositions that cannot start the phrase.
    while (first < end && (has(first, Lexicon::kSentenceAdverb) || is(first, "of") || is(first, "for") ||
                           is(first, "at") || is(first, "and") || is(first, "in") || is(first, "out")))
      ++first;
    if (pp && first < end && np_head_ok(end - 1, first) && !lex_.is_weekday_or_time(low_[end - 1]) &&
        !has(end - 1, Lexicon::kCalendarName)) {
      uint32_t head = pp_head_left(first, floor);
      if (head != kNone) return {head, paren_end};
    }
    if (first >= end || !np_head_ok(end - 1, first) || !np_start_ok(first, end)) return {};
    return {first, paren_end};
  }

  // Given the first token of a noun phrase, the start of a person head whose
  // prepositional phrase it ends ("a source close to | him", "people with |
  // knowledge of …", "voters in | the state"), or kNone.
  uint32_t pp_head_left(uint32_t first, uint32_t floor) const {
    if (first <= floor + 1) return kNone;
    uint32_t p = first - 1;
    if (!(is(p, "with") || is(p, "to") || is(p, "in") || is(p, "from") || is(p, "on") || is(p, "near") ||
          is(p, "inside") || is(p, "outside") || is(p, "across")))
      return kNone;
    uint32_t h = p;
    if (is(h - 1, "close") || is(h - 1, "closest") || is(h - 1, "familiar") || is(h - 1, "loyal") ||
        is(h - 1, "knowledgeable") || is(h - 1, "briefed") || is(h - 1, "sympathetic"))
      --h;
    Range head = np_left(h, floor, false);
    if (!head.ok()) return kNone;
    std::string_view hw = low_[head.last - 1];
    bool person = lex_.is_source_noun(hw) || lex_.is_group_noun(hw) || hw == "person" || hw == "persons";
    return person ? head.first : kNone;
  }

  // Numbers and quantity words that make a source of poll figures: "74 percent", "half", "six in 10".
  bool quantity(uint32_t k) const {
    if (k >= v_.size()) return false;
    if (v_[k].type == TokType::kNumber) return true;
    static const char* const kQ[] = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                                     "half", "third", "thirds", "quarter", "percent", "majority", "plurality",
                                     "most", "many", "some", "few", "all", "none", "two-thirds", "three-quarters",
                                     "nearly", "about", "roughly", "almost", "only", "just", "over", "fewer",
                                     "dozen", "dozens", "hundreds", "thousands", "millions"};
    for (const char* q : kQ)
      if (low_[k] == q) return true;
    return false;
  }

  // A speaker phrase opens with a determiner, number, name, pronoun or a
  // source noun ("police"), never with an adjective or verb ("full U.S. support").
  bool np_start_ok(uint32_t k, uint32_t end) const {
    if (v_[k].cap || quantity(k)) return true;
    std::string_view w = low_[k];
    if (lex_.is_determiner(w) || lex_.is_pronoun(w) || lex_.is_source_noun(w) || w == "who" || w == "which")
      return true;
    // "harbour master Ines Varga": job words before a full name.
    if (end - k <= 5 && end - k >= 3 && v_[end - 1].cap && v_[end - 2].cap) return true;
    // "political experts", "hacking specialists": a short phrase ending in a plural noun.
    std::string_view head = low_[end - 1];
    return end - k <= 4 && head.size() > 3 && head.ends_with("s") && !head.ends_with("ss") && !v_[end - 1].cap &&
           !low_[k].ends_with("ly");
  }

  // The object of a cue: "describing protesters as", "accused the minister of".
  Range np_object(uint32_t k, uint32_t ceil) const {
    uint32_t e = k;
    while (e < ceil && e - k < 8 && word(e) && narrator(e)) {
      std::string_view w = low_[e];
      if (w == "as" || w == "of" || w == "that" || w == "to" || w == "for" || w == "with" || w == "in" ||
          w == "on" || w == "over" || w == "about" || w == "and" || w == "after" || w == "before")
        break;
      ++e;
    }
    if (e == k) return {};
    return {k, e};
  }

  // The noun phrase starting at `k`, within [k, ceil).
  Range np_right(uint32_t k, uint32_t ceil) const {
    uint32_t e = k;
    while (e < ceil && e - k < kMaxNp) {
      if (!word(e)) break;
      std::string_view w = low_[e];
      if (e > k && (w == "of" || w == "for" || w == "at")) {
        if (e + 1 < ceil && word(e + 1) && (v_[e + 1].cap || has(e + 1, Lexicon::kDeterminer))) { ++e; continue; }
        break;
      }
      if (lex_.is_pronoun(w) && w != "his" && w != "her" && w != "its" && w != "their") {
        if (e == k) return {k, k + 1};
        break;
      }
      if (lex_.is_np_stop(w) && !lex_.is_determiner(w)) break;
      if (e > k && lex_.cue(w).entry && !v_[e].cap && !lex_.is_source_noun(w)) break;
      if (e > k && !v_[e].cap && (lex_.is_skippable(w) || lex_.is_weekday_or_time(w))) break;
      ++e;
    }
    // Shrink to the longest prefix that ends in a head: "officials involved at the time" -> "officials".
    while (e > k && (!np_head_ok(e - 1, k) || is(e - 1, "of") || is(e - 1, "for") || is(e - 1, "at"))) --e;
    if (e == k) return {};
    return {k, e};
  }

  // "Nikol Pashinyan, the prime minister of Armenia, announced": given the comma
  // right before the cue, the head before the appositive and the whole mention.
  Range appositive_subject(uint32_t comma_tok, uint32_t floor) const {
    // Walk left over commas: a list inside the appositive ("composed of Russia,
    // Armenia, Belarus and Tajikistan,") is passed until a head opens the clause.
    Range best;
    uint32_t j = comma_tok;
    while (j > floor && comma_tok - j < kMaxAppositive) {
      --j;
      if (quote_mark(j) || terminal(j)) break;
      if (!comma(j)) continue;
      Range head = np_left(j, floor);
      if (!head.ok()) continue;  // "composed of Russia," inside the appositive
      // The appositive must itself look like a noun phrase, a participle or a relative clause.
      uint32_t n = j + 1;
      if (!(word(n) && (v_[n].cap || has(n, Lexicon::kDeterminer) || is(n, "who") || is(n, "which") ||
                        has(n, Lexicon::kSourceNoun) || possessive(n) || low_[n].ends_with("ed") ||
                        low_[n].ends_with("ing") || is(n, "like") || is(n, "including") || is(n, "along") ||
                        is(n, "as") || is(n, "then") || is(n, "now") || is(n, "formerly") || quantity(n))))
        continue;
      best = {head.first, comma_tok};
      if (head.first == floor || !comma(head.first - 1)) break;  // the head opens its clause
    }
    return best;
  }

  // Skips adverbs, auxiliaries and time adjuncts left of the cue. Sets `be` when
  // a form of "be" was skipped (progressive "is saying", passive "was told").
  uint32_t skip_left(uint32_t k, uint32_t floor, bool& be) const {
    bool aux = false;
    return skip_left(k, floor, be, aux);
  }

  // As above; `aux` is set when a modal or "do" was passed ("will say", "did not say").
  uint32_t skip_left(uint32_t k, uint32_t floor, bool& be, bool& aux) const {
    be = false;
    aux = false;
    const uint32_t from = k;
    while (k > floor && from - k < kMaxNp) {
      uint32_t j = k - 1;
      if (!word(j)) break;
      std::string_view w = low_[j];
      if (w == "is" || w == "was" || w == "are" || w == "were" || w == "been" || w == "being" || w == "be") {
        be = true;
        k = j;
        continue;
      }
      if (w == "only" && j > floor && is_aux(j - 1)) {  // "could only quip"
        k = j;
        continue;
      }
      if ((w == "here" || w == "there") && j > floor && !v_[j].cap) {  // "campaign workers here said"
        k = j;
        continue;
      }
      if (lex_.is_skippable(w) && !v_[j].cap) {
        static const char* const kAux[] = {"will", "would", "can", "could", "should", "may", "might", "must",
                                          "do", "does", "did", "didn't", "doesn't", "don't", "won't",
                                          "wouldn't", "has", "have", "had"};
        for (const char* x : kAux) aux = aux || w == x;
        k = j;
        continue;
      }
      if (uint32_t t = time_adjunct_left(k, floor); t != kNone) {
        k = t;  // "Varga in March warned", "the council in late 2019 said"
        continue;
      }
      if (lex_.is_weekday_or_time(w) && j > floor && (is(j - 1, "on") || is(j - 1, "last") || is(j - 1, "this"))) {
        k = j - 1;
        continue;
      }
      if ((w == "monday" || w == "tuesday" || w == "wednesday" || w == "thursday" || w == "friday" ||
           w == "saturday" || w == "sunday") && j > floor && word(j - 1) && v_[j - 1].cap) {
        k = j;  // "Police Thursday said"
        continue;
      }
      break;
    }
    return k;
  }

  // Given the comma at `close`, the comma that opens a short aside ending
  // there (", though,", ", for his part,", ", in a statement,"), or kNone. An
  // aside opens with an adverb or a preposition, never with a noun phrase
  // (that is an appositive, handled by appositive_subject).
  uint32_t aside_left(uint32_t close, uint32_t floor) const {
    constexpr uint32_t kMaxAside = 6;
    uint32_t j = close;
    while (j > floor && close - j <= kMaxAside) {
      --j;
      if (comma(j)) break;
      if (!word(j)) return kNone;
      // A verb makes it a clause, not an aside ("in a tweet" is a noun after its determiner).
      if (lex_.cue(low_[j]).entry && !v_[j].cap && !has(j - 1, Lexicon::kDeterminer)) return kNone;
    }
    if (!comma(j) || j + 1 >= close) return kNone;
    uint32_t first = j + 1;
    std::string_view w = low_[first];
    bool opens = has(first, Lexicon::kSentenceAdverb) || (lex_.is_skippable(w) && !lex_.is_np_stop(w)) ||
                 w == "though" || w == "however" || has(first, Lexicon::kAdjunctPrep) || w == "by" ||
                 w == "of" || w == "like";
    if (!opens || v_[first].cap || lex_.is_determiner(w)) return kNone;
    if (w == "like" && close - first > 3) return kNone;  // "like many others" aside vs. a long comparison
    return j;
  }

  // The verb that frames an infinitive cue, reading left from the "to" at `to`:
  // "tried to argue", "went on to insist", "was quick to note". Returns where
  // the speaker's words end (the framing verb's first token), or kNone.
  uint32_t framing_verb_left(uint32_t to, uint32_t f) const {
    if (to <= f) return kNone;
    uint32_t v = to - 1;
    std::string_view w = low_[v];
    if (w == "on" && v > f && (is(v - 1, "went") || is(v - 1, "goes") || is(v - 1, "go"))) return v - 1;
    static const char* const kFraming[] = {"tried", "tries", "try", "attempted", "sought", "seeks", "began",
                                           "begins", "begun", "started", "starts", "moved", "moves", "rushed",
                                           "hastened", "proceeded", "continued", "continues", "stopped",
                                           "paused", "quick", "careful", "eager", "keen",
                                           "ready", "willing", "first", "quickest", "unable", "happy",
                                           "reluctant", "hesitant", "able", "chose", "chooses", "dared"};
    for (const char* x : kFraming)
      if (w == x) return v;
    // "took pains to", "took time to": the framing object stands between "took" and "to".
    if ((w == "pains" || w == "time" || w == "care") && v > f && (is(v - 1, "took") || is(v - 1, "takes")))
      return v - 1;
    return kNone;
  }

  // "…, said Steve Grubbs, an operative." / "…, said Grubbs.": a name that
  // ends the sentence or runs into an appositive right after the cue.
  bool inverted_name(uint32_t a, uint32_t le) const {
    if (a >= le || !word(a) || !v_[a].cap || has(a, Lexicon::kTime) || has(a, Lexicon::kCalendarName)) return false;
    Range r = np_right(a, le);
    return r.ok() && (r.last >= le || comma(r.last));
  }

  // A finite verb form that shows the word before it was a noun subject:
  // auxiliaries and modals, or a cue in its past or plural present form.
  bool finite_verb(uint32_t k) const {
    if (!word(k) || v_[k].cap) return false;
    static const char* const kAux[] = {"is", "was", "will", "would", "could", "can", "should", "may", "might",
                                       "must", "had", "has", "do", "did", "remain", "remained", "continue",
                                       "appear", "seem", "test", "changed", "raised", "prompted", "led"};
    for (const char* x : kAux)
      if (is(k, x)) return true;
    const CueHit& h = info_[k]->cue;
    return h.entry && (h.form == Form::kPast || h.form == Form::kBase) && !(h.entry->flags & kNounToo);
  }

  // A word whose ending marks an adjective or participle ("recent", "initial",
  // "conflicting", "unconfirmed"): at a sentence start it is no speaker's name.
  bool adjective_like(uint32_t k) const {
    std::string_view w = low_[k];
    static const char* const kEndings[] = {"ent", "ant", "al", "ous", "ive", "ic", "ary", "ing", "ed", "ful",
                                           "less", "ier", "iest", "ish"};
    if (w.size() < 5) return false;
    for (const char* x : kEndings)
      if (w.ends_with(x)) return true;
    return false;
  }

  // A quantifier right before a cue is its subject when it opens the clause and
  // the cue is a finite verb that agrees with it: "Some said", "Both say",
  // "Six in 10 said" (but "some reports", "the said", "three states").
  bool quantifier_subject(uint32_t q, uint32_t f, Form form) const {
    std::string_view w = low_[q];
    const bool singular = w == "another" || w == "each" || w == "one" || w == "neither" || w == "either";
    if (form != Form::kPast && form != (singular ? Form::kThird : Form::kBase)) return false;
    bool pronoun_like = quantity(q) || singular || w == "both" || w == "several" || w == "others";
    if (!pronoun_like || w == "only" || w == "just" || w == "about" || w == "nearly" || w == "over") return false;
    if (q == f || comma(q - 1) || is(q - 1, "and") || is(q - 1, "but") || is(q - 1, "while") ||
        has(q - 1, Lexicon::kSentenceAdverb) || dash(q - 1))
      return true;
    // "six in 10", "two of three", "nine out of 10".
    return q >= f + 2 && (is(q - 1, "in") || is(q - 1, "of")) && quantity(q - 2);
  }

  // A time adjunct that ends right before `end`: "in March", "in late 2019",
  // "on June 4", "during the summer", "since 2014". Returns its first token
  // (the preposition), or kNone. A place ("officials in Ohio") is no adjunct.
  uint32_t time_adjunct_left(uint32_t end, uint32_t floor) const {
    constexpr uint32_t kMaxTime = 5;
    bool dated = false;
    for (uint32_t j = end; j > floor && end - j < kMaxTime;) {
      --j;
      std::string_view w = low_[j];
      if (j + 1 < end && (w == "in" || w == "on" || w == "during" || w == "since" || w == "until" || w == "by"))
        return dated ? j : kNone;
      if (!word(j)) return kNone;
      bool year = v_[j].type == TokType::kNumber && v_[j].end - v_[j].start == 4;
      bool day = v_[j].type == TokType::kNumber && v_[j].end - v_[j].start <= 2;
      if (has(j, Lexicon::kCalendarName) || has(j, Lexicon::kTime) || year) {
        dated = true;
        continue;
      }
      static const char* const kTimeFill[] = {"late", "early", "mid", "the", "past", "this", "last", "next",
                                              "same", "spring", "summer", "fall", "autumn", "winter", "days",
                                              "weeks", "months", "years", "recent", "first", "a", "an"};
      bool fill = day;
      for (const char* x : kTimeFill) fill = fill || w == x;
      if (!fill) return kNone;
      dated = dated || w == "spring" || w == "summer" || w == "fall" || w == "autumn" || w == "winter" ||
              w == "days" || w == "weeks" || w == "months" || w == "years";
    }
    return kNone;
  }

  bool is_aux(uint32_t k) const {
    static const char* const kAux[] = {"will", "would", "can", "could", "should", "may", "might", "must", "do",
                                       "does", "did", "has", "have", "had", "is", "was", "are", "were"};
    for (const char* x : kAux)
      if (is(k, x)) return true;
    return false;
  }

  bool base_subject_ok(Range sp, uint32_t cue, uint32_t f) const {
    bool be = false, aux = false;
    skip_left(cue, f, be, aux);
    if (aux) return true;
    std::string_view w = low_[sp.last - 1];
    if (w == "i" || w == "we" || w == "you" || w == "they" || w == "who" || w == "which") return true;
    if (quantity(sp.last - 1) || lex_.is_group_noun(w)) return true;
    for (uint32_t k = sp.first; k < sp.last; ++k)
      if (is(k, "and")) return true;
    return w.size() > 3 && w.ends_with("s") && !w.ends_with("ss") && !w.ends_with("'s");
  }

  // Speaker to the left of a cue starting at `cue`: plain NP, appositive, or none.
  Range subject_left(uint32_t cue, uint32_t floor, bool& be) const {
    uint32_t k = skip_left(cue, floor, be);
    if (k > floor && comma(k - 1)) {
      // "Varga, though, said", "the ministry, in a statement, said": an aside
      // between two commas; the speaker is the phrase before it.
      if (uint32_t open = aside_left(k - 1, floor); open != kNone) {
        Range r = np_left(open, floor);
        if (r.ok()) return r;
      }
      Range r = appositive_subject(k - 1, floor);
      if (r.ok()) return r;
      return {};
    }
    return np_left(k, floor);
  }

  // First noun phrase of the clause, after an introductory phrase ("On Thursday, …").
  Range clause_subject(uint32_t f, uint32_t l) const {
    uint32_t k = f;
    while (k < l && word(k) && has(k, Lexicon::kSentenceAdverb)) ++k;
    if (k < l && word(k) && (has(k, Lexicon::kAdjunctPrep) || has(k, Lexicon::kNpStop))) {
      uint32_t c = k;
      while (c < l && !comma(c) && c - k < 15) ++c;
      if (c < l && comma(c)) k = c + 1;
    }
    Range r = np_right(k, l);
    if (!r.ok()) return {};
    // Extend over an appositive: "Kazakhstan's president, Kassym-Jomart Tokayev,".
    if (comma(r.last)) {
      uint32_t c = r.last + 1;
      while (c < l && c - r.last < kMaxAppositive && !comma(c) && !quote_mark(c) && !terminal(c)) ++c;
      if (c < l && comma(c) && word(r.last + 1)) r.last = c;
    }
    return r;
  }

  // --- content -------------------------------------------------------------

  // End of the sentence's content: drop a final period outside quotes.
  uint32_t content_end(uint32_t f, uint32_t l) const {
    while (l > f && narrator(l - 1) && (terminal(l - 1) || comma(l - 1) || punct(l - 1, ';') || punct(l - 1, ':'))) --l;
    return l;
  }

  Range trim(Range r) const {
    while (r.ok() && (comma(r.first) || punct(r.first, ':') || dash(r.first) || punct(r.first, ';'))) ++r.first;
    while (r.ok() && (comma(r.last - 1) || dash(r.last - 1) || punct(r.last - 1, ':') || punct(r.last - 1, ';') ||
                      (terminal(r.last - 1) && narrator(r.last - 1))))
      --r.last;
    return r;
  }

  // Where the content starts after a cue, past adjuncts: "said in a statement
  // on Monday that …", "said Wednesday, “…”", "told reporters: …". Returns
  // kNone when only adjuncts follow ("…," he said on Thursday.).
  uint32_t content_after(uint32_t j, uint32_t le) const {
    const uint32_t kMaxChunk = 8;
    for (int chunks = 0; j < le && chunks < 4; ++chunks) {
      if (is(j, "according") && is(j + 1, "to")) return kNone;  // "expected, according to …": content is before
      if (is(j, "that")) return j + 1 < le ? j : kNone;  // the content keeps its "that", as PolNeAR's does
      if (punct(j, ':') || (comma(j) && opens_quote(j + 1))) return j + 1 < le ? j + 1 : kNone;
      if (!adjunct_start(j)) return j;
      // An adjunct chunk runs to a comma, "that", a quote or the end, within a few tokens.
      uint32_t e = j + 1;
      while (e < le && e - j < kMaxChunk && !comma(e) && !is(e, "that") && !quote_mark(e) && !punct(e, ':')) ++e;
      if (e >= le) return e - j <= 6 ? kNone : j;  // only adjuncts, unless it is long (then content)
      if (e - j >= kMaxChunk) return j;
      if (is(e, "that") && !(e + 1 < le && has(e + 1, Lexicon::kTime))) return e + 1 < le ? e : kNone;
      if (is(e, "that")) { j = e + 2; continue; }  // "later that evening"
      if (comma(e)) {
        j = e + 1;
        continue;
      }
      return e;  // a quote or a colon follows the adjunct
    }
    return j < le ? j : kNone;
  }

  bool adjunct_start(uint32_t k) const {
    if (!word(k)) return false;
    std::string_view w = low_[k];
    if (w == "to") {
      // "said to reporters", "told to the crowd" vs. the infinitive "plans to open".
      if (k + 1 >= v_.size() || !word(k + 1)) return false;
      std::string_view n = low_[k + 1];
      return v_[k + 1].cap || lex_.is_determiner(n) || n == "him" || n == "her" || n == "them" || n == "me" ||
             n == "us" || lex_.is_source_noun(n);
    }
    static const char* const kPreps[] = {"in", "on", "at", "during", "via", "through", "after", "before",
                                         "from", "with", "over", "as", "when", "while", "outside", "inside"};
    for (const char* p : kPreps)
      if (w == p) return true;
    if (lex_.is_weekday_or_time(w) && w != "this" && w != "last" && w != "next") return true;
    if ((w == "this" || w == "last" || w == "next" || w == "late" || w == "early") && k + 1 < v_.size() &&
        has(k + 1, Lexicon::kTime))
      return true;
    return lex_.is_skippable(w) && !v_[k].cap && w != "not";
  }

  bool clause_opener(uint32_t k) const {
    if (k >= v_.size()) return false;
    if (quote_mark(k) || punct(k, ':')) return true;
    std::string_view w = low_[k];
    return w == "that" || w == "to" || w == "whether" || w == "if" || w == "how" || w == "why" ||
           w == "what" || w == "when" || w == "where" || w == "who";
  }

  // --- rules ---------------------------------------------------------------

  std::vector<Candidate> sentence(uint32_t si) {
    const text::Sentence& s = in_.sentences[si];
    uint32_t f = s.first, l = s.last;
    std::vector<Candidate> out;
    uint32_t le = content_end(f, l);
    // Transcript style: "SMITH: We will …", "Sen. Jane Doe: '…'".
    if (Candidate c; colon_rule(f, l, le, c)) {
      c.sentence = si;
      out.push_back(c);
      return out;
    }
    // "To many, Santilli is a provocateur": a viewpoint phrase opening the sentence.
    if (Candidate c; viewpoint_rule(f, le, c)) {
      c.sentence = si;
      out.push_back(c);
    }
    Range last_speaker;
    uint32_t content_floor = f, last_boundary = f;
    for (uint32_t k = f; k < l; ++k) {
      if (!narrator(k) || !word(k)) continue;
      Candidate c;
      c.sentence = si;
      bool found = false;
      if (is(k, "according") && is(k + 1, "to")) {
        found = according_to(f, le, k, content_floor, c);
        k += 1;
      } else if (CueHit hit = info_[k]->cue; hit.entry) {
        found = verb_rule(f, l, le, k, hit, last_speaker, content_floor, c);
      } else if (has(k, Lexicon::kStanceAdjective)) {
        found = stance_rule(f, le, k, c);
      }
      if (!found) continue;
      if (c.speaker.ok()) last_speaker = c.speaker;
      // Content before a later cue may reach back over one earlier attribution
      // (a nested chain: "X reiterated '…,' Price said") but not further: n
      // cues on one line give n short spans, not n spans back to the sentence start.
      content_floor = std::max(content_floor, last_boundary);
      last_boundary = std::max(c.cue.last, c.speaker.ok() ? c.speaker.last : 0u);
      out.push_back(std::move(c));
    }
    // "The mayor put it bluntly: '…'", "Okafor, Daily Ledger: '…'": a quote
    // after a colon that no cue has taken.
    if (Candidate c; colon_quote_rule(f, le, out, c)) {
      c.sentence = si;
      out.push_back(c);
    }
    merge_echo(out);
    resolve_overlaps(out);
    return out;
  }

  bool colon_quote_rule(uint32_t f, uint32_t le, const std::vector<Candidate>& found, Candidate& c) const {
    constexpr uint32_t kMaxLead = 14;  // narrator words before the colon
    uint32_t m = f;
    while (m < le && m - f <= kMaxLead && !(punct(m, ':') && narrator(m))) {
      if (!narrator(m) || terminal(m)) return false;
      ++m;
    }
    if (m >= le || m == f || !punct(m, ':') || !opens_quote(m + 1)) return false;
    for (const Candidate& x : found)
      for (Range r : x.content)
        if (r.first <= m + 1 && m + 1 < r.last) return false;
    // A verb before the colon is the verb rule's to read ("could only quip:").
    for (uint32_t j = f; j < m; ++j)
      if (const CueEntry* e = info_[j]->cue.entry; e && !v_[j].cap) {
        // "a simple answer:" is a noun after its determiner.
        bool noun = (e->flags & kNounToo) &&
                    ((j > f && has(j - 1, Lexicon::kDeterminer)) || (j > f + 1 && has(j - 2, Lexicon::kDeterminer)));
        if (!noun) return false;
      }
    if (kHeadingWords.contains(low_[f]) || (v_[f].para == 0 && title_case(f, m))) return false;  // "Update:", a headline
    Range sp = np_right(f, m);
    if (!sp.ok()) return false;
    std::string_view head = low_[sp.last - 1];
    bool person = v_[sp.last - 1].cap || lex_.is_pronoun(head) || lex_.is_source_noun(head) || possessive(sp.last - 1);
    if (!person || lex_.is_weekday_or_time(head) || has(sp.last - 1, Lexicon::kCalendarName)) return false;
    c.speaker = sp;
    c.cue = {m, m + 1};
    c.lemma = ":";
    c.flags = kSpeech;
    c.content = {trim({m + 1, le})};
    c.rule = "colon-quote";
    c.confidence = 0.6;
    return c.content[0].size() >= 3;
  }

  // "Pashinyan echoed Tokayev's rhetoric characterizing protests 'as …'": the
  // echo cue marks the participle's statement as an echo of Tokayev and makes
  // no statement of its own.
  void merge_echo(std::vector<Candidate>& cs) const {
    for (size_t i = 0; i + 1 < cs.size(); ++i) {
      if (!(cs[i].flags & kEcho) || !cs[i + 1].inherited) continue;
      cs[i + 1].echoed = cs[i].echoed;
      cs[i + 1].speaker = cs[i].speaker;
      cs.erase(cs.begin() + static_cast<long>(i));
    }
  }

  // "X spoke (on Thursday) with Y", "X met with Y", "X talked to Y".
  void find_conversations(uint32_t si) {
    const text::Sentence& st = in_.sentences[si];
    for (uint32_t k = st.first; k < st.last; ++k) {
      if (!word(k) || v_[k].cap) continue;
      std::string_view w = low_[k];
      bool meet = w == "met" || w == "meets" || w == "meeting";
      if (!(meet || w == "spoke" || w == "speaks" || w == "talked" || w == "talks" || w == "conferred"))
        continue;
      bool be = false;
      Range sp = subject_left(k, st.first, be);
      if (!sp.ok()) continue;
      for (uint32_t j = k + 1; j < st.last && j - k < 8; ++j) {
        if (comma(j) || terminal(j) || quote_mark(j)) break;
        if (is(j, "with") || (is(j, "to") && !meet)) {
          Range partner = np_right(j + 1, st.last);
          if (partner.ok()) conversations_.push_back({sp, partner, si});
          break;
        }
      }
      if (meet && word(k + 1) && v_[k + 1].cap) {  // "met Foreign Minister Lavrov"
        Range partner = np_right(k + 1, st.last);
        if (partner.ok()) conversations_.push_back({sp, partner, si});
      }
    }
  }

  // "said in a call with Y", "wrote in a letter to Y", "told Y" already handled:
  // an addressee named by an adjunct near the cue.
  Range adjunct_addressee(uint32_t from, uint32_t le) const {
    for (uint32_t j = from; j + 2 < le && j - from < 10; ++j) {
      if (quote_mark(j) || terminal(j)) break;
      std::string_view w = low_[j];
      bool channel = w == "call" || w == "letter" || w == "conversation" || w == "meeting" || w == "message" ||
                     w == "interview" || w == "email" || w == "note";
      if (channel && (is(j + 1, "with") || is(j + 1, "to"))) {
        Range r = np_right(j + 2, le);
        if (r.ok()) return r;
      }
    }
    return {};
  }

  // "SMITH: We will fight." / "Price: 'We are concerned.'"
  bool colon_rule(uint32_t f, uint32_t l, uint32_t le, Candidate& c) const {
    for (uint32_t k = f; k < l && k - f <= 5; ++k) {
      if (!punct(k, ':')) {
        if (!word(k) || !(v_[k].cap || (k > f && has(k, Lexicon::kSourceNoun)))) return false;
        continue;
      }
      if (k == f || k + 1 >= le) return false;
      Range sp = {f, k};
      // A name, not a heading word such as "Update:" or "Note:": one word must be
      // an all-caps transcript name (SMITH:, Q:), or stand in the article's headline.
      bool headline = v_[f].para == 0;
      bool transcript = all_caps(f) && (v_[f].end - v_[f].start > 2 || is(f, "q") || is(f, "a"));
      if (sp.size() == 1 && !transcript && !(headline && !kHeadingWords.contains(low_[f]))) return false;
      c.speaker = sp;
      c.cue = {k, k + 1};
      c.lemma = ":";
      c.flags = kSpeech;
      c.content = {trim({k + 1, le})};
      c.rule = "colon";
      c.confidence = 0.6;
      return c.content[0].size() >= 3;
    }
    return false;
  }

  // Most words capitalised: a headline in Title Case.
  bool title_case(uint32_t f, uint32_t l) const {
    uint32_t words = 0, caps = 0;
    for (uint32_t k = f; k < l; ++k) {
      if (!word(k) || v_[k].type == TokType::kNumber) continue;
      ++words;
      caps += v_[k].cap || low_[k].size() <= 3;  // short function words may stay lower case
    }
    return words >= 3 && caps * 10 >= words * 9;
  }

  bool all_caps(uint32_t k) const {
    for (char ch : in_.doc.slice({v_[k].start, v_[k].end}))
      if (ch >= 'a' && ch <= 'z') return false;
    return true;
  }

  bool viewpoint_rule(uint32_t f, uint32_t le, Candidate& c) const {
    if (!(is(f, "to") || is(f, "for")) || f + 2 >= le) return false;
    Range sp = np_right(f + 1, le);
    if (!sp.ok() || !comma(sp.last) || sp.size() > 5) return false;
    std::string_view head = low_[sp.last - 1];
    bool person = v_[sp.last - 1].cap || lex_.is_source_noun(head) || lex_.is_group_noun(head) ||
                  head == "many" || head == "others" || head == "some" || head == "critics";
    if (!person || lex_.is_weekday_or_time(head)) return false;
    c.speaker = sp;
    c.cue = {f, f + 1};
    c.lemma = low_[f];
    c.flags = kBelief;
    c.content = {trim({sp.last + 1, le})};
    c.rule = "viewpoint";
    c.confidence = 0.5;
    return c.content[0].size() >= 3;
  }

  // A participle that opens the sentence: its content runs to the comma, and
  // the subject of the main clause after it is the speaker.
  bool fronted_participle(uint32_t k, uint32_t a, uint32_t le, Candidate& c) const {
    constexpr uint32_t kMaxFronted = 40;
    uint32_t m = a;
    while (m < le && m - k < kMaxFronted && !(comma(m) && narrator(m)) && !terminal(m)) ++m;
    if (m >= le || !comma(m)) return false;
    Range sp = np_right(m + 1, le);
    if (!sp.ok()) return false;
    uint32_t start = content_after(a, m);
    if (start == kNone || start >= m) return false;
    c.speaker = sp;
    c.content = {trim({start, m})};
    c.rule = "fronted-participle";
    c.confidence = 0.6;
    return c.content[0].size() >= 2;
  }

  // "Smith is convinced that …", "Voters were wary of …", "She was eager to
  // …": a form of "be" (or "seem", "remain", "feel") with an adjective of
  // attitude, and a clause or object after it.
  bool stance_rule(uint32_t f, uint32_t le, uint32_t k, Candidate& c) const {
    if (v_[k].cap || k + 2 >= le) return false;
    uint32_t b = k;
    while (b > f && word(b - 1) && (lex_.is_skippable(low_[b - 1]) || is(b - 1, "very") || is(b - 1, "so") ||
                                    is(b - 1, "more") || is(b - 1, "less") || is(b - 1, "increasingly")))
      --b;
    static const char* const kLink[] = {"is", "was", "are", "were", "am", "be", "been", "'s", "’s", "'re", "’re",
                                        "'m", "’m", "seems", "seemed", "seem", "remains", "remained", "remain",
                                        "feels", "felt", "feel", "appeared", "appears", "grew", "became"};
    uint32_t link = kNone;
    for (uint32_t j = b; j < k && link == kNone; ++j)
      for (const char* x : kLink)
        if (is(j, x)) { link = j; break; }
    if (link == kNone && b > f)
      for (const char* x : kLink)
        if (is(b - 1, x)) { link = b - 1; break; }
    if (link == kNone) return false;
    std::string_view next = low_[k + 1];
    if (!(next == "that" || next == "to" || next == "of" || next == "about" || next == "with" || next == "over" ||
          next == "whether" || next == "in"))
      return false;
    bool be = false;
    Range sp = subject_left(link, f, be);
    if (!sp.ok()) return false;
    c.speaker = sp;
    c.cue = {link, k + 1};
    c.lemma = "be " + std::string(low_[k]);
    c.flags = kBelief;
    uint32_t start = next == "that" || next == "whether" || next == "to" ? k + 1 : k + 2;
    c.content = {trim({start, le})};
    c.rule = "stance";
    c.confidence = 0.55;
    return c.content[0].size() >= 2;
  }

  // "…, according to authorities." / "According to a statement from X, …" /
  // "C1, according to X, C2."
  bool according_to(uint32_t f, uint32_t le, uint32_t k, uint32_t floor, Candidate& c) const {
    c.cue = {k, k + 2};
    c.lemma = "according to";
    c.flags = kSpeech;
    uint32_t n = k + 2;
    Range sp = np_right(n, le);
    if (!sp.ok()) return false;
    c.rule = "according-to";
    // Relay: "a statement from State Department spokesperson Ned Price".
    uint32_t after = sp.last;
    if ((is(after, "from") || is(after, "by") || is(after, "of") || is(after, "released")) && after + 1 < le) {
      uint32_t m = after + 1;
      if (is(after, "released") && is(m, "by")) ++m;
      Range inner = np_right(m, le);
      if (inner.ok()) {
        sp = inner;  // the artifact ("a statement") only carries the words
        c.rule = "according-to-statement";
      }
    }
    c.speaker = sp;
    uint32_t np_end = sp.last;
    // Extend over an appositive after the name: "according to Smith, a spokesman, …".
    bool at_start = k == f || (k == f + 1 && has(f, Lexicon::kSentenceAdverb));
    if (at_start) {
      uint32_t j = np_end;
      while (j < le && !comma(j) && j - np_end < 10) ++j;
      if (j >= le) return false;
      c.content = {trim({j + 1, le})};
    } else {
      Range before = trim({std::max(f, floor), k});
      Range rest = trim({np_end, le});
      c.content = {before};
      if (rest.ok() && comma(np_end) && rest.size() >= 3) c.content.push_back(rest);
    }
    c.confidence = 0.85;
    return c.content[0].size() >= 2;
  }

  bool verb_rule(uint32_t f, uint32_t l, uint32_t le, uint32_t k, CueHit hit, Range last_speaker, uint32_t floor,
                 Candidate& c) const {
    const CueEntry& e = *hit.entry;
    // Lower-case cue words only, except in a headline's Title Case ("New Poll
    // Shows Large Gap") or a headline-initial "Says".
    if (v_[k].cap && k != f && !title_case(f, l)) return false;
    // "to say" (infinitive) and "the said …" are not cues here, except an
    // infinitive whose verb only frames the statement ("tried to argue") and a
    // quantifier that is itself the subject ("some said", "six in 10 said").
    uint32_t lead = k;  // where the words before the cue, and so the speaker, end
    if (k > f && is(k - 1, "to")) {
      lead = framing_verb_left(k - 1, f);
      if (lead == kNone) return false;
    } else if (k > f && (has(k - 1, Lexicon::kDeterminer) || v_[k - 1].type == TokType::kNumber) &&
               !quantifier_subject(k - 1, f, hit.form) && time_adjunct_left(k, f) == kNone) {
      return false;
    }
    const bool infinitive = lead != k;
    // "reports of flooding", "remarks were", "claims by": a plural noun, not a verb.
    // "the Paris attacks test …", "attacks in Paris have": a noun followed by its verb.
    const bool plural_noun_form = (e.flags & kNounToo) && hit.form == Form::kThird;
    if (plural_noun_form && (is(k + 1, "of") || is(k + 1, "from") || is(k + 1, "are") || is(k + 1, "were") ||
                             is(k + 1, "have") || is(k + 1, "by") || is(k + 1, "about") || finite_verb(k + 1)))
      return false;
    // "five states", "four of five states": a quantity never agrees with "-s".
    if (hit.form == Form::kThird && k > f && quantity(k - 1) && !is(k - 1, "one")) return false;
    // "the sanctions announced by the neighbours": a past participle with its
    // agent is a modifier, not a statement.
    if ((hit.form == Form::kPast || hit.form == Form::kPastPart) && is(k + 1, "by")) return false;
    c.cue = {k, k + 1};
    c.lemma = e.lemma;
    c.flags = e.flags;
    uint32_t a = k + 1;
    if (!e.particles.empty() && a < le) {
      for (const std::string& p : e.particles)
        if (is(a, p)) { c.cue.last = ++a; c.lemma += " " + p; break; }
    }
    if ((e.lemma == "speak" || e.lemma == "talk") && (c.lemma.ends_with(" with") || c.lemma.ends_with(" to"))) {
      Range partner = np_right(a, le);
      if (partner.ok()) { c.addressee = partner; a = partner.last; }
    }
    if ((e.lemma == "call") && c.lemma == "call") c.flags |= kCharacterize;
    if (c.lemma == "call for" || c.lemma == "call on") c.flags &= ~kCharacterize;

    // "Insisting that the plan was sound, the mayor refused to resign."
    if (hit.form == Form::kIng && (k == f || (k == f + 1 && has(f, Lexicon::kSentenceAdverb))))
      return fronted_participle(k, a, le, c);

    bool be = false;
    Range sp = subject_left(lead, f, be);
    if (be && !infinitive && (hit.form == Form::kPast || hit.form == Form::kPastPart)) return false;  // "was told"
    // "Recent reports say": the sentence's capital on an adjective is no name.
    if (plural_noun_form && sp.size() == 1 && sp.first == f && adjective_like(f)) return false;
    bool ing = hit.form == Form::kIng;
    bool coordinated = false;
    {
      bool be2 = false;
      uint32_t p = skip_left(lead, f, be2);
      // "X said … and warned …", "X questioned …; blamed …": a second predicate of the same subject.
      coordinated = p > f && !sp.ok() && hit.form != Form::kIng &&
                    (is(p - 1, "and") || is(p - 1, "but") || is(p - 1, "or") ||
                     (is(p - 1, "then") && p - 1 > f && is(p - 2, "and")) ||
                     (punct(p - 1, ';') && last_speaker.ok() && hit.form == Form::kPast));
    }
    c.coordinated = coordinated;
    if ((ing && !be) || coordinated) {
      // ", saying …", "describing protesters as …": the clause's speaker.
      sp = last_speaker.ok() ? last_speaker : clause_subject(f, k);
      c.inherited = true;
      if (!sp.ok()) return false;
    }
    bool inverted = false;
    // "…, candidates have room to walk away, said Steve Grubbs, an operative": a
    // name right after ", said" that ends the sentence or opens an appositive is
    // the speaker, whatever phrase the comma before the cue closes.
    if (sp.ok() && !c.inherited && (e.flags & kInvert) && hit.form == Form::kPast && k > f && comma(k - 1) &&
        inverted_name(a, le))
      sp = {};
    if (!sp.ok() && (e.flags & kInvert) && hit.form != Form::kBase && k > f && (comma(k - 1) || closes_quote(k - 1))) {
      // "…," said Smith, a spokesman.
      sp = np_right(a, le);
      if (sp.ok()) {
        inverted = true;
        a = sp.last;
        if (comma(a)) {  // skip the appositive to the next comma or the end
          uint32_t j = a + 1;
          while (j < le && !comma(j) && !quote_mark(j) && j - a < kMaxAppositive) ++j;
          a = j;
        }
      }
    }
    if (!sp.ok()) return false;
    // A base-form cue needs a plural or first/second-person subject or an
    // auxiliary ("they say", "officials say", "will say"); "his home state" is a noun.
    if (hit.form == Form::kBase && !c.inherited && !inverted && !infinitive && !base_subject_ok(sp, k, f))
      return false;
    c.speaker = sp;

    uint32_t before_end = inverted ? k : sp.first;  // content-first material ends here
    // Objects: hearer, target, characterised thing, echoed speaker.
    if (!inverted) {
      if ((c.flags & kAddressee) && !clause_opener(a)) {
        // "told me", "told us": object pronouns that name no one else.
        Range obj = is(a, "me") || is(a, "us") ? Range{a, a + 1} : np_right(a, le);
        if (obj.ok() && obj.size() <= 6) { c.addressee = obj; a = obj.last; }
      } else if (c.flags & (kCharacterize | kTarget | kEcho)) {
        Range obj = np_object(a, le);
        if (obj.ok()) {
          if (c.flags & kEcho) {
            for (uint32_t j = obj.first; j < obj.last; ++j)
              if (possessive(j)) { c.echoed = {obj.first, j + 1}; break; }
          } else {
            c.target = obj;
          }
          // "described protesters as 'a band of …'": the quoted complement is the
          // speaker's words. Otherwise the object belongs to the content
          // ("criticized the plan for …", "backed Trump").
          uint32_t comp = obj.last + (is(obj.last, "as") ? 1 : 0);
          if ((c.flags & (kCharacterize | kEcho)) && opens_quote(comp)) a = comp;
        }
      }
    }
    if (!c.addressee.ok() && !inverted) c.addressee = adjunct_addressee(c.cue.last, le);
    uint32_t content_start = content_after(a, le);
    bool after_ok = content_start != kNone && content_start < le;
    // "states that will hold primaries": a relative clause after a plural noun, not a complement.
    if (after_ok && plural_noun_form && is(content_start, "that") && finite_verb(content_start + 1)) after_ok = false;
    // A clause cue's content opens a clause: right after the cue ("plans to
    // open", "asked whether") or past adjuncts and a "that" or colon.
    const bool clause_follows = clause_opener(content_start) || (content_start > a && punct(content_start - 1, ':'));
    if (after_ok && (e.flags & kNeedsClause) && !clause_follows && !(c.flags & (kCharacterize))) after_ok = false;
    // "…," he continued / he continued: "…" but not "the lead continues to grow".
    if (after_ok && (e.flags & kQuoteOnly) && !opens_quote(content_start) && !punct(content_start - 1, ':'))
      after_ok = false;
    bool after_parenthetical = comma(a) || (inverted && a < le);
    bool before_ok = before_end > f && (comma(before_end - 1) || closes_quote(before_end - 1) || dash(before_end - 1));
    Range before = trim({std::min(std::max(f, floor), before_end), before_end});
    if (before_ok && before.size() < 2 && !closes_quote(before.last - 1)) before_ok = false;
    // "…," X said: content before; "X said (that) …": content after.
    bool quote_before = before_ok && closes_quote(before_end - 1 - (comma(before_end - 1) ? 1 : 0));
    // A participle's content always follows it ("…," McCain said, citing …).
    if (c.inherited && !coordinated) before_ok = false;
    if (before_ok && (quote_before || !after_ok || after_parenthetical)) {
      c.content = {before};
      c.rule = inverted ? "inverted" : "content-first";
      c.confidence = quote_before ? 0.9 : 0.75;
      // Split quote: "…," he said, "…" / parenthetical: C1, he said, C2.
      uint32_t r = a;
      if (comma(r) || (inverted && r < le)) {
        Range rest = trim({comma(r) ? r + 1 : r, le});
        // After a quote only a quote continues it; a participle (", citing …")
        // starts its own attribution.
        bool continues = quote_before ? opens_quote(rest.first)
                                      : !(word(rest.first) && info_[rest.first]->cue.entry);
        if (rest.ok() && rest.size() >= 2 && continues) {
          c.content.push_back(rest);
          c.rule += "-split";
        }
      }
      return true;
    }
    if (!after_ok || inverted) return false;
    c.content = {trim({content_start, le})};
    c.rule = coordinated ? "coordinated" : c.inherited ? "participle" : "speaker-first";
    c.confidence = (e.flags & kSpeech) ? 0.8 : 0.6;
    if (c.content[0].size() < 2 && !opens_quote(c.content[0].first)) return false;
    (void)l;
    return true;
  }

  // Within one sentence: "Smith said X, and Jones said Y" cuts Smith's content
  // before ", and Jones"; a cue inside another's content is nested (kept). A
  // sentence with very many cues (lists, hostile input) gets no nesting at all,
  // so the output stays linear in the input.
  void resolve_overlaps(std::vector<Candidate>& cs) const {
    const size_t kMaxNested = 8;
    bool flat = cs.size() > kMaxNested;
    for (size_t i = 0; i < cs.size(); ++i) {
      for (size_t j = i + 1; j < cs.size() && j <= i + kMaxNested; ++j) {
        Candidate& a = cs[i];
        const Candidate& b = cs[j];
        // A participle (", saying …") goes on inside the content it belongs
        // to; a coordinated predicate ("… and warned …") ends it.
        if (a.content.empty() || (b.inherited && !b.coordinated && !flat)) continue;
        Range& ac = a.content.back();
        uint32_t bstart = b.inherited ? b.cue.first : std::min(b.speaker.first, b.cue.first);
        if (bstart <= ac.first || bstart >= ac.last) continue;
        // "X reiterated '…,' Price said": the outer attribution's speaker and cue
        // are not part of the inner content.
        if (!b.content.empty() && b.content.front().last <= bstart && b.content.front().first <= ac.first) {
          ac.last = bstart;
          while (ac.last > ac.first && (comma(ac.last - 1) || dash(ac.last - 1))) --ac.last;
          continue;
        }
        uint32_t cut = bstart;
        while (cut > ac.first && (is(cut - 1, "and") || is(cut - 1, "but") || is(cut - 1, "while") ||
                                  is(cut - 1, "whereas") || comma(cut - 1) || punct(cut - 1, ';')))
          --cut;
        if (flat || (cut < bstart && cut > ac.first + 1)) ac.last = std::max(cut, ac.first);
      }
    }
  }

  std::vector<TokConversation> conversations_;
  const TextView& in_;
  const Lexicon& lex_;
  const std::vector<Token>& v_;
  // Per token (stage 5b): folded text, lexicon entry.
  const std::vector<std::string_view>& low_;
  const std::vector<const Lexicon::WordInfo*>& info_;

};

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
    f.confidence = credit.ok() ? 0.75 : q.continued_from >= 0 ? 0.85 : 0.6;
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
      if (out[i].cue.start >= c.start && out[i].cue.end <= c.end && out[i].content.start >= c.start &&
          out[i].content.end <= c.end && who.start >= c.start && who.end <= c.end && sentence_of[i] == sentence_of[j] &&
          (best < 0 || c.size() < out[best].content.size()))
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
