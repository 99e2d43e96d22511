// Stage 6, noun phrases: who speaks and to or about whom, read off the tokens
// around a cue. Each function's comment gives the phrase it reads.
#include "attrib/sentence_rules.hpp"

namespace quotegraph::attrib {

// A word that may end (head) a speaker noun phrase.
bool SentenceRules::np_head_ok(uint32_t k, uint32_t np_first) const {
  if (percent_sign(k)) return true;  // "42% say"
  if (!word(k)) return false;
  std::string_view w = low_[k];
  if (lex_.is_pronoun(w)) return w != "him" && w != "them";
  if (has(k, Lexicon::kSubjectContraction)) return k == np_first;  // "He's predicting"
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

bool SentenceRules::np_inner_ok(uint32_t k) const {
  if (v_[k].type == TokType::kNumber || percent_sign(k)) return true;
  if (!word(k)) return false;
  std::string_view w = low_[k];
  if (w == "of" || w == "for" || w == "at") return true;  // "secretary of state", "spokesman for"
  if (w == "to" && k > 0 && has(k - 1, Lexicon::kSourceNoun) && k + 1 < v_.size() && v_[k + 1].cap)
    return true;  // "aides to Clinton", "adviser to the president"
  if (lex_.is_np_stop(w) && !lex_.is_determiner(w)) return false;
  if (const CueEntry* cue = info_[k]->cue.entry; cue && !v_[k].cap && !lex_.is_source_noun(w)) {
    // "the protest organizers", "her remarks": a noun after its determiner;
    // "fundraising reports show": a noun before a verb's base form.
    const bool before_base_verb = k + 1 < v_.size() && word(k + 1) && info_[k + 1]->cue.entry &&
                                  info_[k + 1]->cue.form == Form::kBase && info_[k]->cue.form == Form::kThird;
    bool noun = (cue->flags & kNounToo) &&
                ((k > 0 && (has(k - 1, Lexicon::kDeterminer) || possessive(k - 1) || is(k - 1, "of"))) ||
                 before_base_verb);
    if (!noun) return false;
  }
  if (lex_.is_pronoun(w) && w != "her" && w != "his") return false;
  return true;
}

// The noun phrase that ends right before token `end`, within [floor, end).
// With `pp`, a head noun's prepositional phrase joins it: "a source close to
// him", "people with knowledge of the talks", "officials in Ohio".
Range SentenceRules::np_left(uint32_t end, uint32_t floor, bool pp) const {
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
  if (!word(k) && !percent_sign(k)) return {};
  std::string_view w = low_[k];
  if (w == "who" || w == "which") return {k, paren_end};  // relative pronoun: the local mention
  if (w == "that") {
    Range r = relative_that(k, floor);
    if (r.ok()) r.last = paren_end;
    return r;
  }
  // "those surveyed say", "voters polled said": a plural head and its participle.
  if (k > floor && w.size() > 4 && w.ends_with("ed") && !v_[k].cap &&
      (is(k - 1, "those") || lex_.is_group_noun(low_[k - 1]) || agent_plural(low_[k - 1]) ||
       is(k - 1, "respondents") || is(k - 1, "people")))
    return {k - 1, paren_end};
  // "most of them said", "some of us say", "two of them told": a quantity's partitive.
  if ((w == "them" || w == "us" || w == "you") && k >= floor + 2 && is(k - 1, "of") &&
      (quantity(k - 2) || is(k - 2, "each") || is(k - 2, "both") || is(k - 2, "several") || is(k - 2, "either") ||
       is(k - 2, "neither")))
    return {percent_sign(k - 2) ? k - 3 : k - 2, paren_end};
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
  // "at least half" keeps its "at".
  while (first < end && (has(first, Lexicon::kSentenceAdverb) || is(first, "of") || is(first, "for") ||
                         (is(first, "at") && !is(first + 1, "least")) || is(first, "and") || is(first, "in") ||
                         is(first, "out")))
    ++first;
  if (pp && first < end && np_head_ok(end - 1, first) && !lex_.is_weekday_or_time(low_[end - 1]) &&
      !has(end - 1, Lexicon::kCalendarName)) {
    uint32_t head = pp_head_left(first, floor);
    if (head != kNone) return {head, paren_end};
  }
  if (first >= end || !np_head_ok(end - 1, first) || !np_start_ok(first, end)) return {};
  return {first, paren_end};
}

// "a group that endorsed Sanders", "a message that said": "that" after a noun,
// with the cue's verb after it (the caller reads leftward from the cue), is a
// relative pronoun subject. After a verb ("said that"), a determiner, a
// pronoun or an adverb ("so that", "now that") it is a complementizer or a
// demonstrative; at the clause's start ("That suggests …") it is left out.
// The mention is the antecedent with its "that" ("a super PAC that"):
// PolNeAR marks either one as the source.
Range SentenceRules::relative_that(uint32_t k, uint32_t floor) const {
  if (k <= floor || !word(k - 1) || possessive(k - 1)) return {};
  std::string_view p = low_[k - 1];
  if (info_[k - 1]->cue.entry || lex_.is_np_stop(p) || lex_.is_determiner(p) || lex_.is_pronoun(p) ||
      lex_.is_skippable(p) || has(k - 1, Lexicon::kSentenceAdverb) || has(k - 1, Lexicon::kTime) ||
      has(k - 1, Lexicon::kCalendarName) || has(k - 1, Lexicon::kStanceAdjective) ||
      v_[k - 1].type == TokType::kNumber || p.ends_with("ly") || p.ends_with("ing"))
    return {};
  Range ante = np_left(k, floor);
  if (!ante.ok()) return {};
  // "a speech by the mayor that explains …", "a post on Twitter that said":
  // the clause may modify the noun before the prepositional phrase, so the
  // mention takes both.
  if (ante.first > floor + 1 && word(ante.first - 1) &&
      (is(ante.first - 1, "by") || is(ante.first - 1, "on") || is(ante.first - 1, "in") ||
       is(ante.first - 1, "from") || is(ante.first - 1, "at"))) {
    Range head = np_left(ante.first - 1, floor, false);
    if (head.ok()) ante.first = head.first;
  }
  // "The union printed leaflets that …": a finite or past form inside (not
  // after a determiner: "the embattled mayor") is the clause's own verb; the
  // antecedent starts after it.
  for (uint32_t j = ante.last; j > ante.first + 1; --j) {
    if (comma(j - 1)) return {};
    if (finite_verb(j - 1) ||
        (!v_[j - 1].cap && low_[j - 1].ends_with("ed") && !has(j - 2, Lexicon::kDeterminer) && !possessive(j - 2))) {
      ante.first = j;
      break;
    }
  }
  return ante.first < k ? Range{ante.first, k + 1} : Range{};
}

// Given the first token of a noun phrase, the start of a person head whose
// prepositional phrase it ends ("a source close to | him", "people with |
// knowledge of …", "voters in | the state"), or kNone.
uint32_t SentenceRules::pp_head_left(uint32_t first, uint32_t floor) const {
  if (first <= floor + 1) return kNone;
  uint32_t p = first - 1;
  if (!word(p) || !has(p, Lexicon::kPostmodifierPrep) || is(p, "of")) return kNone;
  uint32_t h = p;
  if (word(h - 1) && has(h - 1, Lexicon::kPostmodifierAdj)) --h;
  Range head = np_left(h, floor, false);
  if (!head.ok()) return kNone;
  std::string_view hw = low_[head.last - 1];
  bool person = lex_.is_source_noun(hw) || lex_.is_group_noun(hw) || hw == "person" || hw == "persons" ||
                agent_plural(hw);
  return person ? head.first : kNone;
}

// A plural agent noun ("organizers", "economists", "historians", "donors"):
// people, whatever the lexicon lists.
bool SentenceRules::agent_plural(std::string_view w) {
  return w.size() > 5 && (w.ends_with("ers") || w.ends_with("ors") || w.ends_with("ists") || w.ends_with("ians"));
}

// The sign of "42%", which the tokenizer keeps apart from its number: a
// share, read as "percent" is.
bool SentenceRules::percent_sign(uint32_t k) const {
  return punct(k, '%') && k > 0 && v_[k - 1].type == TokType::kNumber && v_[k - 1].end == v_[k].start;
}

// Numbers and quantity words that make a source of poll figures: "74 percent", "half", "six in 10".
bool SentenceRules::quantity(uint32_t k) const {
  if (k >= v_.size()) return false;
  if (v_[k].type == TokType::kNumber || percent_sign(k)) return true;
  static constexpr std::string_view kQ[] = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                                   "ten", "half", "third", "thirds", "quarter", "percent", "majority", "plurality",
                                   "most", "many", "some", "few", "all", "none", "two-thirds", "three-quarters",
                                   "nearly", "about", "roughly", "almost", "only", "just", "over", "fewer",
                                   "dozen", "dozens", "hundreds", "thousands", "millions"};
  for (std::string_view q : kQ)
    if (low_[k] == q) return true;
  return false;
}

// A number or quantifier that makes its phrase plural: a number other than
// 1 or a year, "two" .. "ten", "dozens", "all", "both", "several", "many", "most",
// "few" (not "one", "some", or the adverbs before numbers).
bool SentenceRules::plural_quantity(uint32_t k) const {
  if (k >= v_.size()) return false;
  if (v_[k].type == TokType::kNumber) {
    // A year ("A 2010 YouTube video shows") modifies; it counts nothing.
    const std::string_view n = low_[k];
    const bool year = n.size() == 4 && (n.starts_with("19") || n.starts_with("20") || n.starts_with("18"));
    return n != "1" && !year;
  }
  static constexpr std::string_view kQ[] = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                                   "dozen", "dozens", "hundreds", "thousands", "millions", "all", "both",
                                   "several", "many", "most", "few", "two-dozen"};
  for (std::string_view q : kQ)
    if (low_[k] == q) return true;
  return false;
}

// A speaker phrase opens with a determiner, number, name, pronoun or a
// source noun ("police"), never with an adjective or verb ("full U.S. support").
bool SentenceRules::np_start_ok(uint32_t k, uint32_t end) const {
  if (v_[k].cap || quantity(k)) return true;
  std::string_view w = low_[k];
  if (lex_.is_determiner(w) || lex_.is_pronoun(w) || lex_.is_source_noun(w) || w == "who" || w == "which" ||
      has(k, Lexicon::kSubjectContraction))
    return true;
  // "harbour master Ines Varga": job words before a full name.
  if (end - k <= 5 && end - k >= 3 && v_[end - 1].cap && v_[end - 2].cap) return true;
  // "political experts", "hacking specialists": a short phrase ending in a plural noun.
  std::string_view head = low_[end - 1];
  return end - k <= 4 && head.size() > 3 && head.ends_with("s") && !head.ends_with("ss") && !v_[end - 1].cap &&
         !low_[k].ends_with("ly");
}

// The object of a cue: "describing protesters as", "accused the minister of".
Range SentenceRules::np_object(uint32_t k, uint32_t ceil) const {
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
Range SentenceRules::np_right(uint32_t k, uint32_t ceil) const {
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
    // "Governor Ana Ruiz closed the dam": a lower-case past form right after a
    // name is the clause's verb; no noun phrase runs on from a name that way.
    // So is one right after a common noun that follows its determiner ("the
    // justice sounded off on Trump"); not after the determiner itself, an
    // adverb or a number ("the reported attack", "a bitterly divided court").
    if (e > k && !v_[e].cap && !possessive(e - 1) && w.size() >= 4 && w.ends_with("ed") &&
        w.find('-') == std::string_view::npos &&
        (v_[e - 1].cap || (e - 1 > k && has(e - 2, Lexicon::kDeterminer) && word(e - 1) &&
                           v_[e - 1].type == TokType::kWord && !has(e - 1, Lexicon::kDeterminer) &&
                           !lex_.is_skippable(low_[e - 1]))))
      break;
    ++e;
  }
  // Shrink to the longest prefix that ends in a head: "officials involved at the time" -> "officials".
  while (e > k && (!np_head_ok(e - 1, k) || is(e - 1, "of") || is(e - 1, "for") || is(e - 1, "at"))) --e;
  if (e == k) return {};
  return {k, e};
}

// "Nikol Pashinyan, the prime minister of Armenia, announced": given the comma
// right before the cue, the head before the appositive and the whole mention.
Range SentenceRules::appositive_subject(uint32_t comma_tok, uint32_t floor) const {
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
                      is(n, "as") || is(n, "then") || is(n, "now") || is(n, "formerly") || quantity(n) ||
                      is(n, "whose") ||
                      role_within(n, comma_tok))))
      continue;
    best = {head.first, comma_tok};
    if (head.first == floor || !comma(head.first - 1)) break;  // the head opens its clause
  }
  return best;
}

// A job or title word among the first words from `n` ("vice president of …",
// "senior adviser to …", "executive director"): an appositive without a determiner.
// Any role noun with its organisation counts too: "dean of the law school",
// "senior fellow at the institute", "co-founder of the group".
bool SentenceRules::role_within(uint32_t n, uint32_t end) const {
  for (uint32_t j = n; j < end && j < n + 3 && word(j); ++j) {
    if (has(j, Lexicon::kTitleWord) || has(j, Lexicon::kSourceNoun)) return true;
    if (v_[j].cap || lex_.is_np_stop(low_[j])) return false;
    if (j + 1 < end && (is(j + 1, "of") || is(j + 1, "at"))) return true;
  }
  return false;
}

// Skips adverbs, auxiliaries and time adjuncts left of the cue. Sets `be` when
// a form of "be" was skipped (progressive "is saying", passive "was told").
uint32_t SentenceRules::skip_left(uint32_t k, uint32_t floor, bool& be) const {
  bool aux = false;
  return skip_left(k, floor, be, aux);
}

// As above; `aux` is set when a modal or "do" was passed ("will say", "did not say").
uint32_t SentenceRules::skip_left(uint32_t k, uint32_t floor, bool& be, bool& aux) const {
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
    // "have begun urging", "kept insisting": an aspectual verb before an -ing
    // cue is its auxiliary, and its subject is the speaker.
    if ((w == "begun" || w == "began" || w == "begin" || w == "begins" || w == "started" || w == "start" ||
         w == "starts" || w == "kept" || w == "keep" || w == "keeps" || w == "continued" || w == "continue" ||
         w == "continues") &&
        !v_[j].cap && k < v_.size() && low_[k].ends_with("ing") && k == from) {
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
      static constexpr std::string_view kAux[] = {"will", "would", "can", "could", "should", "may", "might", "must",
                                        "do", "does", "did", "didn't", "doesn't", "don't", "won't",
                                        "wouldn't", "has", "have", "had"};
      for (std::string_view x : kAux) aux = aux || w == x;
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
    // "Priebus, the GOP chairman, this past week announced"
    if (lex_.is_weekday_or_time(w) && j > floor + 1 && (is(j - 1, "past") || is(j - 1, "coming")) &&
        (is(j - 2, "this") || is(j - 2, "the") || is(j - 2, "last"))) {
      k = j - 2;
      continue;
    }
    if ((w == "monday" || w == "tuesday" || w == "wednesday" || w == "thursday" || w == "friday" ||
         w == "saturday" || w == "sunday") && j > floor && word(j - 1) && v_[j - 1].cap) {
      k = j;  // "Police Thursday said"
      continue;
    }
    break;
  }
  // "He's predicting", "they've argued", "she'd said": the subject's token
  // carries the auxiliary.
  if (k > floor && has(k - 1, Lexicon::kSubjectContraction)) {
    std::string_view w = low_[k - 1];
    // "He's said", "she's argued": before a past form with no "be" passed,
    // "'s" is "has" (the passive "he's been told" passes "been").
    const CueHit& cue = info_[from]->cue;
    const bool perfect = w.ends_with("'s") && !be && cue.entry &&
                         (cue.form == Form::kPast || cue.form == Form::kPastPart) && !is(from + 1, "by");
    if (perfect) aux = true;
    else if (w.ends_with("'s") || w.ends_with("'re") || w.ends_with("'m")) be = true;
    else aux = true;
  }
  return k;
}

// Given the comma at `close`, the comma that opens a short aside ending
// there (", though,", ", for his part,", ", in a statement,"), or kNone. An
// aside opens with an adverb or a preposition, never with a noun phrase
// (that is an appositive, handled by appositive_subject).
uint32_t SentenceRules::aside_left(uint32_t close, uint32_t floor) const {
  constexpr uint32_t kMaxAside = 6;
  uint32_t j = close;
  while (j > floor && close - j <= kMaxAside) {
    --j;
    if (comma(j)) break;
    if (!word(j)) return kNone;
    // A verb makes it a clause, not an aside ("in a tweet" is a noun after its determiner).
    if (info_[j]->cue.entry && !v_[j].cap && !has(j - 1, Lexicon::kDeterminer)) return kNone;
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
uint32_t SentenceRules::framing_verb_left(uint32_t to, uint32_t f) const {
  if (to <= f) return kNone;
  uint32_t v = to - 1;
  std::string_view w = low_[v];
  if (w == "on" && v > f && (is(v - 1, "went") || is(v - 1, "goes") || is(v - 1, "go"))) return v - 1;
  static constexpr std::string_view kFraming[] = {"tried", "tries", "try", "attempted", "sought", "seeks", "began",
                                         "begins", "begun", "started", "starts", "moved", "moves", "rushed",
                                         "hastened", "proceeded", "continued", "continues", "stopped",
                                         "paused", "quick", "careful", "eager", "keen",
                                         "ready", "willing", "first", "quickest", "unable", "happy",
                                         "reluctant", "hesitant", "able", "chose", "chooses", "dared"};
  for (std::string_view x : kFraming)
    if (w == x) return v;
  // "took pains to", "took time to": the framing object stands between "took" and "to".
  if ((w == "pains" || w == "time" || w == "care") && v > f && (is(v - 1, "took") || is(v - 1, "takes")))
    return v - 1;
  return kNone;
}

// "…, said Steve Grubbs, an operative." / "…, said Grubbs.": a name that
// ends the sentence or runs into an appositive right after the cue.
bool SentenceRules::inverted_name(uint32_t a, uint32_t le) const {
  if (a >= le || !word(a) || !v_[a].cap || has(a, Lexicon::kTime) || has(a, Lexicon::kCalendarName)) return false;
  Range r = np_right(a, le);
  return r.ok() && (r.last >= le || comma(r.last));
}

// A finite verb form that shows the word before it was a noun subject:
// auxiliaries and modals, or a cue in its past or plural present form.
bool SentenceRules::finite_verb(uint32_t k) const {
  if (!word(k) || v_[k].cap) return false;
  static constexpr std::string_view kAux[] = {"is", "was", "will", "would", "could", "can", "should", "may", "might",
                                     "must", "had", "has", "do", "did", "remain", "remained", "continue",
                                     "appear", "seem", "test", "changed", "raised", "prompted", "led"};
  for (std::string_view x : kAux)
    if (is(k, x)) return true;
  const CueHit& h = info_[k]->cue;
  return h.entry && (h.form == Form::kPast || h.form == Form::kBase) && !(h.entry->flags & kNounToo);
}

// A word whose ending marks an adjective or participle ("recent", "initial",
// "conflicting", "unconfirmed"): at a sentence start it is no speaker's name.
bool SentenceRules::adjective_like(uint32_t k) const {
  std::string_view w = low_[k];
  static constexpr std::string_view kEndings[] = {"ent", "ant", "al", "ous", "ive", "ic", "ary", "ing", "ed", "ful",
                                         "less", "ier", "iest", "ish"};
  if (w.size() < 5) return false;
  for (std::string_view x : kEndings)
    if (w.ends_with(x)) return true;
  return false;
}

// A quantifier right before a cue is its subject when it opens the clause and
// the cue is a finite verb that agrees with it: "Some said", "Both say",
// "Six in 10 said" (but "some reports", "the said", "three states").
bool SentenceRules::quantifier_subject(uint32_t q, uint32_t f, Form form) const {
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
uint32_t SentenceRules::time_adjunct_left(uint32_t end, uint32_t floor) const {
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
    static constexpr std::string_view kTimeFill[] = {"late", "early", "mid", "the", "past", "this", "last", "next",
                                            "same", "spring", "summer", "fall", "autumn", "winter", "days",
                                            "weeks", "months", "years", "recent", "first", "a", "an"};
    bool fill = day;
    for (std::string_view x : kTimeFill) fill = fill || w == x;
    if (!fill) return kNone;
    dated = dated || w == "spring" || w == "summer" || w == "fall" || w == "autumn" || w == "winter" ||
            w == "days" || w == "weeks" || w == "months" || w == "years";
  }
  return kNone;
}

bool SentenceRules::is_aux(uint32_t k) const {
  static constexpr std::string_view kAux[] = {"will", "would", "can", "could", "should", "may", "might", "must", "do",
                                     "does", "did", "has", "have", "had", "is", "was", "are", "were"};
  for (std::string_view x : kAux)
    if (is(k, x)) return true;
  return false;
}

bool SentenceRules::base_subject_ok(Range sp, uint32_t cue, uint32_t f) const {
  bool be = false, aux = false;
  skip_left(cue, f, be, aux);
  if (aux) return true;
  // The head agrees, not the last word: "aides to the governor say", "voters
  // in each state say", "most of them say".
  const uint32_t head = phrase_head(sp);
  std::string_view w = low_[head];
  if (w == "i" || w == "we" || w == "you" || w == "they" || w == "who" || w == "which" || w == "that" || w == "those" ||
      w == "these")
    return true;
  if (quantity(head) || lex_.is_group_noun(w) ||
      (has(head, Lexicon::kIrregularPlural) && !(head > 0 && (is(head - 1, "a") || is(head - 1, "an")))))
    return true;
  for (uint32_t k = sp.first; k < sp.last; ++k)
    if (is(k, "and")) return true;
  return plural_word(w);
}

// A plural by its ending ("officials", "voters"), not "press" or "Trump's".
bool SentenceRules::plural_word(std::string_view w) {
  return w.size() > 3 && w.ends_with("s") && !w.ends_with("ss") && !w.ends_with("'s");
}

// The head word of a noun phrase: the word before the first preposition of a
// postmodifier ("aides | to the governor", "a source close | to him" -> source).
// A collective or a participle is passed: "a wide array of economists" ->
// economists, "those surveyed" -> those.
uint32_t SentenceRules::phrase_head(Range sp) const {
  for (uint32_t j = sp.first + 1; j < sp.last; ++j) {
    if (!word(j) || !has(j, Lexicon::kPostmodifierPrep)) continue;
    uint32_t h = j - 1;
    if (h > sp.first && has(h, Lexicon::kPostmodifierAdj)) --h;
    if (is(j, "of") && has(h, Lexicon::kCollectiveNoun)) return phrase_head({j + 1, sp.last});
    return h;
  }
  if (sp.size() >= 2 && low_[sp.last - 1].ends_with("ed") && !v_[sp.last - 1].cap) return sp.last - 2;
  return sp.last - 1;
}

// Speaker to the left of a cue starting at `cue`: plain NP, appositive, or none.
Range SentenceRules::subject_left(uint32_t cue, uint32_t floor, bool& be) const {
  uint32_t k = skip_left(cue, floor, be);
  if (k > floor && comma(k - 1)) {
    // "Varga, though, said", "the ministry, in a statement, said": an aside
    // between two commas; the speaker is the phrase before it.
    if (uint32_t open = aside_left(k - 1, floor); open != kNone) {
      Range r = np_left(open, floor);
      // "Tom Hale, 30, of Leeds, said": the age is an appositive of the name before it.
      if (r.size() == 1 && v_[r.first].type == TokType::kNumber && r.first > floor + 1 && comma(r.first - 1)) {
        Range name = np_left(r.first - 1, floor);
        if (name.ok() && v_[name.last - 1].cap) return {name.first, k - 1};
      }
      if (r.ok()) return r;
    }
    Range r = appositive_subject(k - 1, floor);
    if (r.ok()) return r;
    return {};
  }
  // "Jason Sims — a teacher from Mount Pleasant — says", "Farmers — and some
  // ranchers — say": an aside between dashes; the speaker is the phrase before it.
  if (k > floor + 2 && dash(k - 1)) {
    uint32_t open = k - 1;
    while (open > floor && k - open < kMaxAppositive) {
      --open;
      if (dash(open) || quote_mark(open) || terminal(open)) break;
    }
    if (!dash(open) || open + 2 >= k) return {};
    Range head = np_left(open, floor);
    if (!head.ok() || !(head.first == floor || comma(head.first - 1) || has(head.first - 1, Lexicon::kSentenceAdverb)))
      return {};
    // "Farmers — and some ranchers — say": the aside adds to the subject.
    if (is(open + 1, "and") || is(open + 1, "or")) return {head.first, k - 1};
    // "A former candidate -- John Hale -- said": the name between the dashes.
    bool name = k - 1 - (open + 1) <= 4;
    for (uint32_t j = open + 1; j < k - 1 && name; ++j) name = word(j) && v_[j].cap;
    return name && !v_[head.last - 1].cap ? Range{open + 1, k - 1} : head;
  }
  return np_left(k, floor);
}

// The noun phrase an -ing form modifies when nothing stands between them
// ("carried placards supporting Sanders", "about 50 protesters chanting"), or
// none: a vehicle of words or a span of time carries the clause subject's
// statement ("released a statement saying", "spent the day attacking"), and a
// subject pronoun is no phrase a participle modifies.
Range SentenceRules::reduced_relative(Range sp, uint32_t ing) const {
  if (!sp.ok() || sp.last != ing) return {};
  const uint32_t head = phrase_head(sp);
  if (!word(head) || has(head, Lexicon::kVehicleNoun) || has(head, Lexicon::kCalendarName) ||
      lex_.is_weekday_or_time(low_[head]))
    return {};
  for (const char* p : {"he", "she", "they", "we", "i", "it", "you"})
    if (is(head, p)) return {};
  // Only people speak this way: "protesters chanting", "a spokesman saying",
  // "Trump attacking Cruz", "them saying"; not "many cases reporting".
  std::string_view h = low_[head];
  const bool person = lex_.is_source_noun(h) || lex_.is_group_noun(h) || agent_plural(h) || lex_.is_pronoun(h) ||
                      (v_[head].cap && !(head == sp.first && sp.first > 0 && terminal(sp.first - 1)) &&
                       !adjective_like(head));
  // A recipient or a place is no speaker: "sent a letter to the board urging",
  // "at a news conference announcing".
  const bool after_prep = sp.first > 0 && word(sp.first - 1) &&
                          (is(sp.first - 1, "to") || is(sp.first - 1, "at") || is(sp.first - 1, "in") ||
                           is(sp.first - 1, "on") || is(sp.first - 1, "during") || is(sp.first - 1, "for"));
  return person && !after_prep ? sp : Range{};
}

// First noun phrase of the clause, after an introductory phrase ("On Thursday, …").
Range SentenceRules::clause_subject(uint32_t f, uint32_t l) const {
  uint32_t k = f;
  while (k < l && word(k) && has(k, Lexicon::kSentenceAdverb)) ++k;
  // "Arriving upon the scene, police began …", "Asked about the plan, Smith
  // said …": a fronted participial phrase is no subject either.
  const bool participle = k < l && word(k) && !has(k, Lexicon::kNpStop) && low_[k].size() > 4 &&
                          (low_[k].ends_with("ing") || low_[k].ends_with("ed")) && k + 1 < l && word(k + 1) &&
                          !v_[k + 1].cap;
  const uint32_t opening = k;
  if (k < l && word(k) && (has(k, Lexicon::kAdjunctPrep) || has(k, Lexicon::kNpStop) || participle)) {
    uint32_t c = k;
    while (c < l && !comma(c) && c - k < 15) ++c;
    if (c < l && comma(c)) k = c + 1;
  }
  Range r = np_right(k, l);
  // No noun phrase after the participle's comma: the sentence is read as before.
  if (!r.ok() && participle && k != opening) r = np_right(opening, l);
  if (!r.ok()) return {};
  // Extend over an appositive: "Kazakhstan's president, Kassym-Jomart Tokayev,".
  if (comma(r.last)) {
    uint32_t c = r.last + 1;
    while (c < l && c - r.last < kMaxAppositive && !comma(c) && !quote_mark(c) && !terminal(c)) ++c;
    if (c < l && comma(c) && word(r.last + 1)) r.last = c;
  }
  return r;
}

}  // namespace quotegraph::attrib
