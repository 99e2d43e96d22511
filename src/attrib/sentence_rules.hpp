// Stage 6 internals: the sentence-level attribution rules as one class over
// one document's tokens. Its parts live in three files, one job each:
//   np_grammar.cpp      speaker and object noun phrases, what may stand between
//                       a speaker and its cue (asides, adjuncts, framing verbs)
//   sentence_rules.cpp  contents and the rules that read one sentence (verb,
//                       according-to, colon, stance, viewpoint, …)
//   rules.cpp           the document-level rules (floating quotes, nesting,
//                       kind) and the stage's entry point
// Word lists live in the lexicon (lexicon.cpp); docs/rules.md lists every rule.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "attrib/rules.hpp"
#include "text/utf8.hpp"

namespace quotegraph::attrib {

using text::QuoteFamily;
using text::QuoteFace;
using text::Token;
using text::TokType;

inline constexpr uint32_t kNone = UINT32_MAX;

inline constexpr uint32_t kMaxNp = 12;          // tokens in a speaker noun phrase
inline constexpr uint32_t kMaxAppositive = 30;  // tokens between the commas of an appositive

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

  uint32_t sentence_at(uint32_t k) const { return text::sentence_of_token(in_.sentences, k); }

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
  bool word(uint32_t k) const {
    return k < v_.size() && (v_[k].type == TokType::kWord || v_[k].type == TokType::kNumber);
  }
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
  // Noun phrases (np_grammar.cpp).
  // A word that may end (head) a speaker noun phrase.
  bool np_head_ok(uint32_t k, uint32_t np_first) const;
  bool np_inner_ok(uint32_t k) const;
  // The noun phrase that ends right before token `end`, within [floor, end).
  // With `pp`, a head noun's prepositional phrase joins it: "a source close to
  // him", "people with knowledge of the talks", "officials in Ohio".
  Range np_left(uint32_t end, uint32_t floor, bool pp = true) const;
  // Given the first token of a noun phrase, the start of a person head whose
  // prepositional phrase it ends ("a source close to | him", "people with |
  // knowledge of …", "voters in | the state"), or kNone.
  uint32_t pp_head_left(uint32_t first, uint32_t floor) const;
  // "a group that endorsed …": "that" at `k` as a relative pronoun subject;
  // the mention is its antecedent and the "that", or none.
  Range relative_that(uint32_t k, uint32_t floor) const;
  // The head word of a noun phrase: before the first postmodifier's preposition.
  uint32_t phrase_head(Range sp) const;
  Range reduced_relative(Range sp, uint32_t ing) const;
  bool adjunct_tail(uint32_t j, uint32_t le) const;
  bool statement_before(Range before) const;
  bool verbless(Range r) const;
  bool role_within(uint32_t n, uint32_t end) const;
  static bool agent_plural(std::string_view w);
  static bool plural_word(std::string_view w);
  // Numbers and quantity words that make a source of poll figures: "74 percent", "half", "six in 10".
  bool quantity(uint32_t k) const;
  bool percent_sign(uint32_t k) const;  // the "%" of "42%"
  bool plural_quantity(uint32_t k) const;
  // A speaker phrase opens with a determiner, number, name, pronoun or a
  // source noun ("police"), never with an adjective or verb ("full U.S. support").
  bool np_start_ok(uint32_t k, uint32_t end) const;
  // The object of a cue: "describing protesters as", "accused the minister of".
  Range np_object(uint32_t k, uint32_t ceil) const;
  // The noun phrase starting at `k`, within [k, ceil).
  Range np_right(uint32_t k, uint32_t ceil) const;
  // "Nikol Pashinyan, the prime minister of Armenia, announced": given the comma
  // right before the cue, the head before the appositive and the whole mention.
  Range appositive_subject(uint32_t comma_tok, uint32_t floor) const;
  // Skips adverbs, auxiliaries and time adjuncts left of the cue. Sets `be` when
  // a form of "be" was skipped (progressive "is saying", passive "was told").
  uint32_t skip_left(uint32_t k, uint32_t floor, bool& be) const;
  // As above; `aux` is set when a modal or "do" was passed ("will say", "did not say").
  uint32_t skip_left(uint32_t k, uint32_t floor, bool& be, bool& aux) const;
  // Given the comma at `close`, the comma that opens a short aside ending
  // there (", though,", ", for his part,", ", in a statement,"), or kNone. An
  // aside opens with an adverb or a preposition, never with a noun phrase
  // (that is an appositive, handled by appositive_subject).
  uint32_t aside_left(uint32_t close, uint32_t floor) const;
  // The verb that frames an infinitive cue, reading left from the "to" at `to`:
  // "tried to argue", "went on to insist", "was quick to note". Returns where
  // the speaker's words end (the framing verb's first token), or kNone.
  uint32_t framing_verb_left(uint32_t to, uint32_t f) const;
  // "…, said Steve Grubbs, an operative." / "…, said Grubbs.": a name that
  // ends the sentence or runs into an appositive right after the cue.
  bool inverted_name(uint32_t a, uint32_t le) const;
  // A finite verb form that shows the word before it was a noun subject:
  // auxiliaries and modals, or a cue in its past or plural present form.
  bool finite_verb(uint32_t k) const;
  // A word whose ending marks an adjective or participle ("recent", "initial",
  // "conflicting", "unconfirmed"): at a sentence start it is no speaker's name.
  bool adjective_like(uint32_t k) const;
  // A quantifier right before a cue is its subject when it opens the clause and
  // the cue is a finite verb that agrees with it: "Some said", "Both say",
  // "Six in 10 said" (but "some reports", "the said", "three states").
  bool quantifier_subject(uint32_t q, uint32_t f, Form form) const;
  // A time adjunct that ends right before `end`: "in March", "in late 2019",
  // "on June 4", "during the summer", "since 2014". Returns its first token
  // (the preposition), or kNone. A place ("officials in Ohio") is no adjunct.
  uint32_t time_adjunct_left(uint32_t end, uint32_t floor) const;
  bool is_aux(uint32_t k) const;
  bool base_subject_ok(Range sp, uint32_t cue, uint32_t f) const;
  // Speaker to the left of a cue starting at `cue`: plain NP, appositive, or none.
  Range subject_left(uint32_t cue, uint32_t floor, bool& be) const;
  // First noun phrase of the clause, after an introductory phrase ("On Thursday, …").
  Range clause_subject(uint32_t f, uint32_t l) const;

  // Contents and sentence rules (sentence_rules.cpp).
  // End of the sentence's content: drop a final period outside quotes.
  uint32_t content_end(uint32_t f, uint32_t l) const;
  Range trim(Range r) const;
  // Where the content starts after a cue, past adjuncts: "said in a statement
  // on Monday that …", "said Wednesday, “…”", "told reporters: …". Returns
  // kNone when only adjuncts follow ("…," he said on Thursday.).
  uint32_t content_after(uint32_t j, uint32_t le) const;
  bool adjunct_start(uint32_t k) const;
  // A broadcast's title in an adjunct chunk starting at `chunk` ("on ABC's
  // “This Week,”"): given the opening mark `q` of a short Title Case quote,
  // the token after its closing mark, or kNone.
  uint32_t programme_title(uint32_t chunk, uint32_t q) const;
  bool clause_opener(uint32_t k) const;
  std::vector<Candidate> sentence(uint32_t si);
  bool colon_quote_rule(uint32_t f, uint32_t le, const std::vector<Candidate>& found, Candidate& c) const;
  bool colon_candidate(Range sp, uint32_t colon, uint32_t le, const char* rule, Candidate& c) const;
  // "Pashinyan echoed Tokayev's rhetoric characterizing protests 'as …'": the
  // echo cue marks the participle's statement as an echo of Tokayev and makes
  // no statement of its own.
  void merge_echo(std::vector<Candidate>& cs) const;
  // "X spoke (on Thursday) with Y", "X met with Y", "X talked to Y".
  void find_conversations(uint32_t si);
  // "said in a call with Y", "wrote in a letter to Y", "told Y" already handled:
  // an addressee named by an adjunct near the cue.
  Range adjunct_addressee(uint32_t from, uint32_t le) const;
  // "SMITH: We will fight." / "Price: 'We are concerned.'"
  bool colon_rule(uint32_t f, uint32_t l, uint32_t le, Candidate& c) const;
  // Most words capitalised: a headline in Title Case.
  bool title_case(uint32_t f, uint32_t l) const;
  bool all_caps(uint32_t k) const;
  bool viewpoint_rule(uint32_t f, uint32_t le, Candidate& c) const;
  // A participle that opens the sentence: its content runs to the comma, and
  // the subject of the main clause after it is the speaker.
  bool fronted_participle(uint32_t k, uint32_t a, uint32_t le, Candidate& c) const;
  // "Smith is convinced that …", "Voters were wary of …", "She was eager to
  // …": a form of "be" (or "seem", "remain", "feel") with an adjective of
  // attitude, and a clause or object after it.
  bool stance_rule(uint32_t f, uint32_t le, uint32_t k, Candidate& c) const;
  // "Ryan is a vocal advocate of trade deals", "she remains a supporter of
  // the plan": a stance noun with its "of" object, predicated of the subject
  // by a link verb.
  bool stance_noun_rule(uint32_t f, uint32_t le, uint32_t k, Candidate& c) const;
  // "Clinton drew support from black voters": the supporters speak, the backed one is the content.
  bool backing_rule(uint32_t f, uint32_t le, uint32_t k, Candidate& c) const;
  // is, was, been, remains, seems, became, …
  bool link_verb(uint32_t k) const;
  // A noun-phrase complement from `start`, to the clause's first comma or dash.
  Range object_content(uint32_t start, uint32_t le) const;
  // A one-word object that is a name or pronoun: "critical of Sanders", "of him".
  bool one_word_object(Range r) const;
  // "the mayor's criticism of the budget", "her refusal to testify": a
  // possessor and a noun of saying or intending with its complement.
  bool nominal_rule(uint32_t f, uint32_t le, uint32_t k, Candidate& c) const;
  // "In a new poll, the mayor leads …" / "Lind trails in the polls."
  bool poll_rule(uint32_t f, uint32_t le, uint32_t k, Candidate& c) const;
  bool standing_before(uint32_t f, uint32_t k) const;
  // "…, according to authorities." / "According to a statement from X, …" /
  // "C1, according to X, C2."
  bool according_to(uint32_t f, uint32_t le, uint32_t k, uint32_t floor, Candidate& c) const;
  // "X said (that) …", "…," X said, "…," said X, participles, coordinated
  // predicates, infinitive cues: every rule that starts from a cue verb.
  bool verb_rule(uint32_t f, uint32_t l, uint32_t le, uint32_t k, CueHit hit, Range last_speaker, uint32_t floor,
                 Candidate& c) const;
  // "spoke highly of", "talked more about", "spoke out against": manner
  // words between a speaking verb and its particle, which joins the cue.
  uint32_t manner_particle(uint32_t a, uint32_t le, const CueEntry& e, Candidate& c) const;
  // "made clear that", "made the case for", "made no mention of": the object
  // of a light verb (kLightVerb) that makes it a cue; kNone when there is none.
  uint32_t light_object(uint32_t a, uint32_t le, Candidate& c) const;
  uint32_t light_put_it(uint32_t a, uint32_t le, Candidate& c) const;    // "as X put it,"
  uint32_t light_look(uint32_t a, uint32_t le, Candidate& c) const;      // "is looking for / to"
  uint32_t light_particle(uint32_t a, uint32_t le, Candidate& c) const;  // "weighed in on", "went after"
  uint32_t light_noun(uint32_t a, uint32_t le, Candidate& c) const;      // "made the case for", "took aim at"
  // "The plan was rejected by most voters": the agent speaks, the subject is the content.
  bool passive_agent(uint32_t f, uint32_t le, uint32_t k, const CueEntry& e, Candidate& c) const;
  // "X was asked by the moderator whether …": the asker speaks, the question is the content.
  bool passive_question(uint32_t f, uint32_t le, uint32_t k, Candidate& c) const;
  // Within one sentence: "Smith said X, and Jones said Y" cuts Smith's content
  // before ", and Jones"; a cue inside another's content is nested (kept). A
  // sentence with very many cues (lists, hostile input) gets no nesting at all,
  // so the output stays linear in the input.
  void resolve_overlaps(std::vector<Candidate>& cs) const;

  std::vector<TokConversation> conversations_;
  const TextView& in_;
  const Lexicon& lex_;
  const std::vector<Token>& v_;
  // Per token (stage 5b): folded text, lexicon entry.
  const std::vector<std::string_view>& low_;
  const std::vector<const Lexicon::WordInfo*>& info_;
};

}  // namespace quotegraph::attrib
