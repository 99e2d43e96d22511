// Stage 6, sentence rules: one sentence -> candidate attributions. Each rule's
// comment gives the construction it handles as one example sentence.
#include <algorithm>
#include <set>

#include "attrib/confidence.hpp"
#include "attrib/sentence_rules.hpp"

namespace quotegraph::attrib {
namespace {

// Words that head a line with a colon without naming a speaker ("Update: …").
const std::set<std::string, std::less<>> kHeadingWords = {"update", "note", "editor's", "correction", "watch", "read",
                                             "related", "photos", "video", "breaking", "exclusive", "opinion",
                                             "analysis", "live", "abstract", "source", "sources", "warning",
                                             "email", "e-mail", "contact", "credit", "credits", "latest", "boom",
                                             "advertisement", "listen", "transcript", "disclosure", "clarification"};

}  // namespace

// End of the sentence's content: drop a final period outside quotes.
uint32_t SentenceRules::content_end(uint32_t f, uint32_t l) const {
  while (l > f && narrator(l - 1) && (terminal(l - 1) || comma(l - 1) || punct(l - 1, ';') || punct(l - 1, ':'))) --l;
  return l;
}

Range SentenceRules::trim(Range r) const {
  while (r.ok() && (comma(r.first) || punct(r.first, ':') || dash(r.first) || punct(r.first, ';'))) ++r.first;
  while (r.ok() && (comma(r.last - 1) || dash(r.last - 1) || punct(r.last - 1, ':') || punct(r.last - 1, ';') ||
                    (terminal(r.last - 1) && narrator(r.last - 1))))
    --r.last;
  return r;
}

// Where the content starts after a cue, past adjuncts: "said in a statement
// on Monday that …", "said Wednesday, “…”", "told reporters: …". Returns
// kNone when only adjuncts follow ("…," he said on Thursday.).
uint32_t SentenceRules::content_after(uint32_t j, uint32_t le) const {
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
    // "said Sunday on Fox News Channel's “Sunday Morning Futures,” that …":
    // the programme's title belongs to the adjunct.
    if (uint32_t after = programme_title(j, e); after != kNone) {
      j = after < le && comma(after) ? after + 1 : after;
      continue;
    }
    return e;  // a quote or a colon follows the adjunct
  }
  return j < le ? j : kNone;
}

uint32_t SentenceRules::programme_title(uint32_t chunk, uint32_t q) const {
  if (!opens_quote(q)) return kNone;
  bool on = false;  // "on" or "in" opens the phrase the title ends, a few words before it
  for (uint32_t k = std::max(chunk, q > 5 ? q - 5 : 0u); k < q && !on; ++k) on = is(k, "on") || is(k, "in");
  if (!on) return kNone;
  // The mark opens right after "on", a name or a possessive ("on ABC's", "on NBC").
  if (!(q == chunk + 1 || (word(q - 1) && (v_[q - 1].cap || possessive(q - 1))))) return kNone;
  const int qi = in_.quotes.top[q];
  const uint32_t close = in_.quotes.quotes[qi].close_tok;
  if (!in_.quotes.quotes[qi].closed || close <= q + 1 || close - q > 7) return kNone;
  for (uint32_t k = q + 1; k < close; ++k) {
    if (!word(k)) {
      if ((comma(k) || terminal(k)) && k + 1 == close) continue;  // “This Week,” “Morning Joe.”
      if (punct(k, '&') || dash(k)) continue;
      return kNone;
    }
    // Title Case: capitals, but for the small words of titles.
    if (!v_[k].cap && !(is(k, "the") || is(k, "of") || is(k, "and") || is(k, "with") || is(k, "a") ||
                        is(k, "in") || is(k, "on") || is(k, "to") || is(k, "for")))
      return kNone;
  }
  return close + 1;
}

// "…, she said in a video message to the convention.", "…, Hollande said
// Tuesday in Paris, noting …": only adjuncts follow the cue, however long,
// and a participle after them makes a statement of its own.
bool SentenceRules::adjunct_tail(uint32_t j, uint32_t le) const {
  if (j >= le || !adjunct_start(j) || is(j, "to") || (is(j, "at") && is(j + 1, "least"))) return false;
  for (uint32_t e = j; e < le; ++e) {
    if (uint32_t after = programme_title(j, e); after != kNone) {  // "… he said on MSNBC's “Morning Joe.”"
      e = after - 1;
      continue;
    }
    if (is(e, "that") || quote_mark(e) || punct(e, ':') || finite_verb(e)) return false;
    if (comma(e)) return e + 1 < le && word(e + 1) && !v_[e + 1].cap && low_[e + 1].ends_with("ing");
  }
  return true;
}

// Words before a cue that can be its statement, not a fronted adjunct
// ("Earlier this week, …", "Under federal law, …", "With two crews filming, …").
bool SentenceRules::statement_before(Range before) const {
  if (before.size() < 4) return false;
  const uint32_t w = before.first;
  if (!word(w)) return true;  // opened by a quote mark or a number
  return !adjunct_start(w) && !has(w, Lexicon::kAdjunctPrep) && !has(w, Lexicon::kNpStop) &&
         !low_[w].ends_with("ing") && !has(w, Lexicon::kSentenceAdverb);
}

// No verb in the range: no auxiliary, no past or -s form of a cue, no other
// lower-case -ed word. "In a 1963 speech" is verbless; "In 2015, the firm spent" is not.
bool SentenceRules::verbless(Range r) const {
  for (uint32_t j = r.first; j < r.last; ++j) {
    if (!word(j)) continue;
    const CueHit& h = info_[j]->cue;
    if (is_aux(j) || (h.entry && (h.form == Form::kPast || h.form == Form::kThird)) ||
        (!v_[j].cap && low_[j].size() > 3 && low_[j].ends_with("ed")) || low_[j].ends_with("n't"))
      return false;
  }
  return true;
}

bool SentenceRules::adjunct_start(uint32_t k) const {
  if (!word(k)) return false;
  std::string_view w = low_[k];
  if (w == "to") {
    // "said to reporters", "told to the crowd" vs. the infinitive "plans to open".
    if (k + 1 >= v_.size() || !word(k + 1)) return false;
    std::string_view n = low_[k + 1];
    return v_[k + 1].cap || lex_.is_determiner(n) || n == "him" || n == "her" || n == "them" || n == "me" ||
           n == "us" || lex_.is_source_noun(n);
  }
  static constexpr std::string_view kPreps[] = {"in", "on", "at", "during", "via", "through", "after", "before",
                                       "from", "with", "over", "as", "when", "while", "outside", "inside"};
  for (std::string_view p : kPreps)
    if (w == p) return true;
  if (lex_.is_weekday_or_time(w) && w != "this" && w != "last" && w != "next") return true;
  if ((w == "this" || w == "last" || w == "next" || w == "late" || w == "early") && k + 1 < v_.size() &&
      has(k + 1, Lexicon::kTime))
    return true;
  // "called herself a moderate": a reflexive after the cue is its object.
  if (w == "himself" || w == "herself" || w == "themselves" || w == "itself") return false;
  return lex_.is_skippable(w) && !v_[k].cap && w != "not";
}

bool SentenceRules::clause_opener(uint32_t k) const {
  if (k >= v_.size()) return false;
  if (quote_mark(k) || punct(k, ':')) return true;
  std::string_view w = low_[k];
  return w == "that" || w == "to" || w == "whether" || w == "if" || w == "how" || w == "why" ||
         w == "what" || w == "when" || w == "where" || w == "who";
}

std::vector<Candidate> SentenceRules::sentence(uint32_t si) {
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
  std::vector<Candidate> nominal;  // kept apart: they neither lead nor nest
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
    } else if (CueHit light = info_[k]->light; light.entry) {
      found = verb_rule(f, l, le, k, light, last_speaker, content_floor, c);
    } else if (has(k, Lexicon::kStanceAdjective)) {
      found = stance_rule(f, le, k, c);
    } else if (is(k, "in")) {
      found = poll_rule(f, le, k, c);
    }
    if (!found && (is(k, "support") || is(k, "backing"))) found = backing_rule(f, le, k, c);
    // Also after a cue verb's rules fail: "advocate", "champion" are both.
    if (!found && has(k, Lexicon::kStanceNoun)) {
      Candidate n;
      n.sentence = si;
      if ((found = stance_noun_rule(f, le, k, n))) c = std::move(n);
    }
    if (!found && has(k, Lexicon::kAttributionNoun)) {
      Candidate n;
      n.sentence = si;
      if (nominal_rule(f, le, k, n)) nominal.push_back(std::move(n));
      continue;
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
  // A nominal inside another statement's content is part of that statement
  // ("she cheered his attacks on the plan"), not one of its own.
  for (Candidate& n : nominal) {
    bool inside = false;
    for (const Candidate& o : out)
      for (const Range& r : o.content) inside = inside || (n.cue.first >= r.first && n.cue.first < r.last);
    if (!inside) out.push_back(std::move(n));
  }
  merge_echo(out);
  resolve_overlaps(out);
  return out;
}

bool SentenceRules::colon_quote_rule(uint32_t f0, uint32_t le, const std::vector<Candidate>& found,
                                     Candidate& c) const {
  constexpr uint32_t kMaxLead = 14;  // narrator words before the colon (punctuation not counted)
  constexpr uint32_t kMaxScan = 40;  // how far to look for the colon
  uint32_t m = f0, scanned = 0;
  while (m < le && scanned <= kMaxScan && !(punct(m, ':') && narrator(m))) {
    if (!narrator(m) || terminal(m)) return false;
    scanned += word(m);
    ++m;
  }
  if (m >= le || m == f0 || !punct(m, ':') || !opens_quote(m + 1)) return false;
  // "… important for Republicans - Jane Roe: “…”", "More from the report:
  // “…”": the phrase after a dash, or after a last "from", leads the quote.
  uint32_t f = f0;
  for (uint32_t j = f0; j < m; ++j)
    if ((dash(j) || punct(j, '-')) && j + 1 < m) f = j + 1;
  bool from = false;
  for (uint32_t j = f; j + 1 < m; ++j)
    if (is(j, "from")) { f = j + 1; from = true; }
  uint32_t lead = 0;
  for (uint32_t j = f; j < m; ++j) lead += word(j);
  if (lead > kMaxLead) return false;
  for (const Candidate& x : found)
    for (Range r : x.content)
      if (r.first <= m + 1 && m + 1 < r.last) return false;
  // A verb before the colon is the verb rule's to read ("could only quip:"),
  // unless its object is an utterance the quote spells out ("delivered a blunt
  // message to Trump: '…'").
  bool utterance = false;
  for (uint32_t j = f; j < m && !utterance; ++j) utterance = word(j) && has(j, Lexicon::kUtteranceNoun);
  for (uint32_t j = f; j < m; ++j)
    if (const CueEntry* e = info_[j]->cue.entry; e && !v_[j].cap) {
      // "a simple answer:" is a noun after its determiner.
      bool noun = (e->flags & kNounToo) &&
                  ((j > f && has(j - 1, Lexicon::kDeterminer)) || (j > f + 1 && has(j - 2, Lexicon::kDeterminer)));
      bool object_spelled = utterance && [&] {
        for (uint32_t x = j; x < m; ++x)
          if (word(x) && has(x, Lexicon::kUtteranceNoun)) return true;
        return false;
      }();
      if (!noun && !object_spelled) return false;
    }
  if (kHeadingWords.contains(low_[f]) || (v_[f].para == 0 && title_case(f, m))) return false;  // "Update:", a headline
  Range sp = np_right(f, m);
  if (!sp.ok() || ((from || f != f0) && sp.last != m)) return false;
  std::string_view head = low_[sp.last - 1];
  bool person = v_[sp.last - 1].cap || lex_.is_pronoun(head) || lex_.is_source_noun(head) || possessive(sp.last - 1);
  if (!person || lex_.is_weekday_or_time(head) || has(sp.last - 1, Lexicon::kCalendarName)) return false;
  return colon_candidate(sp, m, le, "colon-quote", c);
}

// A speaker, the colon after it as the cue, and what follows as the content.
bool SentenceRules::colon_candidate(Range sp, uint32_t colon, uint32_t le, const char* rule, Candidate& c) const {
  c.speaker = sp;
  c.cue = {colon, colon + 1};
  c.lemma = ":";
  c.flags = kSpeech;
  c.content = {trim({colon + 1, le})};
  c.rule = rule;
  c.confidence = std::string_view(rule) == "colon-quote" ? confidence::kColonQuote : confidence::kColon;
  return c.content[0].size() >= 3;
}

// "Pashinyan echoed Tokayev's rhetoric characterizing protests 'as …'": the
// echo cue marks the participle's statement as an echo of Tokayev and makes
// no statement of its own.
void SentenceRules::merge_echo(std::vector<Candidate>& cs) const {
  for (size_t i = 0; i + 1 < cs.size(); ++i) {
    if (!(cs[i].flags & kEcho) || !cs[i + 1].inherited) continue;
    cs[i + 1].echoed = cs[i].echoed;
    cs[i + 1].speaker = cs[i].speaker;
    cs.erase(cs.begin() + static_cast<long>(i));
  }
}

// "X spoke (on Thursday) with Y", "X met with Y", "X talked to Y".
void SentenceRules::find_conversations(uint32_t si) {
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
Range SentenceRules::adjunct_addressee(uint32_t from, uint32_t le) const {
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
bool SentenceRules::colon_rule(uint32_t f, uint32_t l, uint32_t le, Candidate& c) const {
  const bool headline = v_[f].para == 0;
  // A headline's "Clinton to Planned Parenthood: …", "Gillibrand on the
  // Transcripts: …": the speaker, then whom or what the remark is to or about.
  uint32_t prep = kNone;
  for (uint32_t k = f; k < l && k - f <= (prep == kNone ? 5u : prep - f + 5); ++k) {
    if (!punct(k, ':')) {
      if (word(k) && headline && prep == kNone && k > f && k - f <= 3 && v_[k - 1].cap &&
          (is(k, "to") || is(k, "on") || is(k, "at"))) {
        prep = k;
        continue;
      }
      if (!word(k) || !(v_[k].cap || (k > f && has(k, Lexicon::kSourceNoun)) ||
                        (prep != kNone && low_[k].size() <= 3)))
        return false;
      continue;
    }
    if (k == f || k + 1 >= le || prep + 1 == k) return false;
    Range sp = {f, prep == kNone ? k : prep};
    // "CORRECTION:", "Editor's Note:", "The Latest:": a label, however written.
    if (kHeadingWords.contains(low_[f]) || kHeadingWords.contains(low_[sp.last - 1])) return false;
    // A name, not a heading word such as "Update:" or "Note:": one word must be
    // an all-caps transcript name (SMITH:, Q:), or stand in the article's headline.
    bool transcript = all_caps(f) && (v_[f].end - v_[f].start > 2 || is(f, "q") || is(f, "a"));
    if (sp.size() == 1 && !transcript && !(headline && !kHeadingWords.contains(low_[f]))) return false;
    return colon_candidate(sp, k, le, "colon", c);
  }
  return false;
}

// Most words capitalised: a headline in Title Case.
bool SentenceRules::title_case(uint32_t f, uint32_t l) const {
  uint32_t words = 0, caps = 0;
  for (uint32_t k = f; k < l; ++k) {
    if (!word(k) || v_[k].type == TokType::kNumber) continue;
    ++words;
    caps += v_[k].cap || low_[k].size() <= 3;  // short function words may stay lower case
  }
  return words >= 3 && caps * 10 >= words * 9;
}

bool SentenceRules::all_caps(uint32_t k) const {
  for (char ch : in_.doc.slice({v_[k].start, v_[k].end}))
    if (ch >= 'a' && ch <= 'z') return false;
  return true;
}

// "To critics, the plan is a giveaway": the view of the phrase after "to". Not
// "for": "For Mr. Biden, it was a day of celebration" is mostly the narrator's
// framing (on PolNeAR train a quarter of "for" readings were attributions).
bool SentenceRules::viewpoint_rule(uint32_t f, uint32_t le, Candidate& c) const {
  if (!is(f, "to") || f + 2 >= le) return false;
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
  c.confidence = confidence::kViewpoint;
  return c.content[0].size() >= 3;
}

// A participle that opens the sentence: its content runs to the comma, and
// the subject of the main clause after it is the speaker.
bool SentenceRules::fronted_participle(uint32_t k, uint32_t a, uint32_t le, Candidate& c) const {
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
  c.confidence = confidence::kFrontedParticiple;
  return c.content[0].size() >= 2;
}

// "Smith is convinced that …", "Voters were wary of …", "She was eager to
// …": a form of "be" (or "seem", "remain", "feel") with an adjective of
// attitude, and a clause or object after it.
bool SentenceRules::link_verb(uint32_t k) const {
  static constexpr std::string_view kLink[] = {"is", "was", "are", "were", "am", "be", "been", "'s", "’s", "'re",
                                      "’re", "'m", "’m", "seems", "seemed", "seem", "remains", "remained", "remain",
                                      "feels", "felt", "feel", "appeared", "appears", "grew", "became",
                                      "become", "becomes"};
  for (std::string_view x : kLink)
    if (is(k, x)) return true;
  return false;
}

// A noun object ends at the clause's first comma, dash or semicolon: "was
// critical of Obama's leadership, saying …" holds only "Obama's leadership".
Range SentenceRules::object_content(uint32_t start, uint32_t le) const {
  uint32_t e = start;
  while (e < le && !(narrator(e) && (comma(e) || dash(e) || punct(e, ';') || punct(e, ':')))) ++e;
  return trim({start, e});
}

bool SentenceRules::one_word_object(Range r) const {
  return r.size() == 1 && word(r.first) && (v_[r.first].cap || has(r.first, Lexicon::kPronoun));
}

bool SentenceRules::stance_rule(uint32_t f, uint32_t le, uint32_t k, Candidate& c) const {
  if (v_[k].cap || k + 2 >= le) return false;
  uint32_t b = k;
  while (b > f && word(b - 1) && (lex_.is_skippable(low_[b - 1]) || is(b - 1, "very") || is(b - 1, "so") ||
                                  is(b - 1, "more") || is(b - 1, "less") || is(b - 1, "increasingly")))
    --b;
  uint32_t link = kNone;
  for (uint32_t j = b; j < k && link == kNone; ++j)
    if (link_verb(j)) link = j;
  if (link == kNone && b > f && link_verb(b - 1)) link = b - 1;
  if (link == kNone) return false;
  std::string_view next = low_[k + 1];
  const bool object_only = has(k, Lexicon::kStanceObjectAdjective);
  if (object_only) {
    // Only a preposition follows; "critical to" means "essential to", no stance.
    if (!(next == "of" || next == "to" || next == "about" || next == "on" || next == "in" || next == "toward" ||
          next == "towards"))
      return false;
    if (is(k, "critical") && next != "of") return false;
  } else if (!(next == "that" || next == "to" || next == "of" || next == "about" || next == "with" ||
               next == "over" || next == "whether" || next == "in" ||
               (next == "by" && low_[k].ends_with("ed")))) {  // "were troubled by the deal"
    return false;
  }
  bool be = false;
  Range sp = subject_left(link, f, be);
  if (!sp.ok()) return false;
  c.speaker = sp;
  c.cue = {link, k + 1};
  c.lemma = "be " + std::string(low_[k]);
  c.flags = kBelief;
  c.rule = "stance";
  c.confidence = confidence::kStance;
  if (object_only) {
    c.cue.last = k + 2;  // the preposition is the cue's, not the content's
    c.content = {object_content(k + 2, le)};
    return c.content[0].size() >= 2 || one_word_object(c.content[0]);
  }
  uint32_t start = next == "that" || next == "whether" || next == "to" ? k + 1 : k + 2;
  c.content = {trim({start, le})};
  return c.content[0].size() >= 2;
}

// "Clinton drew support from black voters", "has the backing of most
// unions", "won the overwhelming support of Democrats": backing received. The
// supporters after the preposition are the source, the one backed (the
// subject) is the content.
bool SentenceRules::backing_rule(uint32_t f, uint32_t le, uint32_t k, Candidate& c) const {
  if (v_[k].cap || !(is(k + 1, "of") || is(k + 1, "from") || is(k + 1, "among")) || k + 2 >= le) return false;
  uint32_t v = k;  // the verb of receiving, before up to three modifiers ("the overwhelming", "more")
  while (v > f && k - v < 4 && word(v - 1) && !has(v - 1, Lexicon::kReceiveVerb) && !v_[v - 1].cap &&
         !has(v - 1, Lexicon::kNpStop))
    --v;
  if (v == f || !has(v - 1, Lexicon::kReceiveVerb)) return false;
  bool be = false;
  Range subject = subject_left(v - 1, f, be);
  Range agent = np_right(k + 2, le);
  if (!subject.ok() || !agent.ok()) return false;
  c.cue = {v - 1, k + 2};
  c.lemma = "support " + std::string(low_[k + 1]);
  c.flags = kBelief;
  c.speaker = agent;
  c.content = {subject};
  c.rule = "backing";
  c.confidence = confidence::kBacking;
  return true;
}

bool SentenceRules::stance_noun_rule(uint32_t f, uint32_t le, uint32_t k, Candidate& c) const {
  if (v_[k].cap || !is(k + 1, "of") || k + 2 >= le) return false;
  uint32_t d = k;  // first modifier: "a | fierce | critic of"
  while (d > f && k - d < 3 && word(d - 1) && !v_[d - 1].cap && !has(d - 1, Lexicon::kDeterminer) &&
         !has(d - 1, Lexicon::kNpStop) && !info_[d - 1]->cue.entry && !link_verb(d - 1))
    --d;
  const bool plural = low_[k].ends_with("s");
  uint32_t before;  // the token before the determiner (or the bare plural)
  if (d > f + 1 && (is(d - 1, "a") || is(d - 1, "an"))) {
    if (plural) return false;
    before = d - 2;
  } else if (plural && d > f) {
    before = d - 1;
  } else {
    return false;
  }
  // "Ryan is a vocal advocate of trade deals", "they have long been critics
  // of …". Not an appositive ("Thiel, a strong supporter of Trump, …"): on
  // PolNeAR train fewer than half of those are marked as attributions.
  if (!link_verb(before)) return false;
  bool be = false;
  Range sp = subject_left(before, f, be);
  if (!sp.ok()) return false;
  c.speaker = sp;
  c.cue = {before, k + 2};
  c.lemma = std::string(low_[k]);
  c.flags = kBelief;
  c.rule = "stance";
  c.confidence = confidence::kStance;
  c.content = {object_content(k + 2, le)};
  return c.content[0].size() >= 2 || one_word_object(c.content[0]);
}

// "the mayor's sharp criticism of the budget", "his claim that the vote was
// rigged", "her refusal to testify": a possessor, up to two modifiers, a noun
// of saying or intending, and its complement. The possessor is the source.
bool SentenceRules::nominal_rule(uint32_t f, uint32_t le, uint32_t k, Candidate& c) const {
  if (v_[k].cap || k == f || k + 2 > le) return false;
  uint32_t p = k - 1;  // the possessor: "his", "Trump's", "the senators'"
  while (p > f && k - p <= 2 && word(p) && !possessive(p) && !has(p, Lexicon::kDeterminer) && !v_[p].cap &&
         !has(p, Lexicon::kNpStop) && !info_[p]->cue.entry)
    --p;
  Range sp;
  if (is(p, "his") || is(p, "her") || is(p, "their") || is(p, "its") || is(p, "my") || is(p, "our")) {
    // "told her plans": "her" is an object there, not a possessor.
    if (is(p, "her") && p > f && word(p - 1) && info_[p - 1]->cue.entry && (info_[p - 1]->cue.entry->flags & kAddressee))
      return false;
    sp = {p, p + 1};
  } else if (possessive(p)) {
    uint32_t s0 = p;
    while (s0 > f && p - s0 < 5 && word(s0 - 1) && (v_[s0 - 1].cap || is(s0 - 1, "the")) && !possessive(s0 - 1)) --s0;
    if (!v_[p].cap && s0 == p) return false;  // "voters' support", "today's speech": no named possessor
    sp = {s0, p + 1};
  } else {
    return false;
  }
  uint32_t n = k + 1;  // the complement
  uint32_t start = kNone;
  bool clause = false;
  c.cue = {k, k + 1};
  if (is(n, "that") || punct(n, ':')) {
    start = is(n, "that") ? n : n + 1;
    clause = true;
  } else if (is(n, "to") && has(k, Lexicon::kIntentionNoun) && word(n + 1) && !v_[n + 1].cap &&
             !has(n + 1, Lexicon::kDeterminer)) {
    start = n;  // "her refusal to testify": the infinitive is the content
    clause = true;
  } else if (is(n, "of") || is(n, "on") || is(n, "for") || is(n, "about") || is(n, "against") ||
             is(n, "over") || is(n, "toward") || is(n, "towards") ||
             // "opposition to the plan"; but "his speech to the convention" names a hearer
             (is(n, "to") && (is(k, "opposition") || is(k, "objection") || is(k, "objections")))) {
    start = n + 1;
    c.cue.last = n + 1;
    // "her criticism on Tuesday", "his remarks on Twitter": a time or a medium, not a topic.
    if (word(start) && (has(start, Lexicon::kTime) || has(start, Lexicon::kCalendarName) ||
                        (is(n, "on") && v_[start].cap && start + 1 < le && !word(start + 1))))
      return false;
  } else {
    return false;
  }
  if (start >= le) return false;
  // A clause runs to the next comma or dash; a noun phrase also stops at the
  // sentence's verb ("his criticism of the plan was sharp").
  uint32_t end = start;
  while (end < le && !comma(end) && !punct(end, ';') && !dash(end) && !punct(end, ')') &&
         (clause || end == start || !finite_verb(end))) {
    if (opens_quote(end)) end = in_.quotes.quotes[in_.quotes.top[end]].close_tok;
    ++end;
  }
  Range content = trim({start, std::min(end, le)});
  if (!content.ok() || (clause && content.size() < 3)) return false;
  // "his criticism of “New York values”": a short quoted term is the
  // narrator citing the possessor's phrase (a scare quote), not a statement.
  if (opens_quote(content.first) && closes_quote(content.last - 1) && content.size() <= 7) return false;
  c.speaker = sp;
  c.lemma = std::string(low_[k]);
  for (uint32_t j = k + 1; j < c.cue.last; ++j) c.lemma += " " + std::string(low_[j]);
  c.flags = kBelief;
  c.content = {content};
  c.rule = "nominal";
  c.confidence = confidence::kNominal;
  return true;
}

// "In a new poll released Sunday, the mayor leads by eight points" / "Lind
// trails in the polls": a poll or survey after "in" is the source of the
// clause it opens or closes.
bool SentenceRules::poll_rule(uint32_t f, uint32_t le, uint32_t k, Candidate& c) const {
  // Before the poll noun only its modifiers ("the latest CBS News/New York
  // Times", "most", "Monday's"); after it only a short postmodifier ("released
  // Sunday", "of likely voters", "in Ohio"), never a clause ("that …", "was").
  uint32_t j = k + 1, poll = kNone;
  for (; j < le && j - k <= 16 && !comma(j) && !punct(j, ';') && !dash(j) && !quote_mark(j) && !punct(j, '(') &&
         !punct(j, ':');
       ++j) {
    if (!word(j) || v_[j].type == TokType::kNumber) continue;
    if (poll == kNone && has(j, Lexicon::kPollNoun)) {
      poll = j;
      continue;
    }
    if (poll == kNone) {
      if (lex_.is_np_stop(low_[j]) && !has(j, Lexicon::kDeterminer) && !is(j, "of")) return false;
      if (!v_[j].cap && info_[j]->cue.entry && !has(j - 1, Lexicon::kDeterminer)) return false;
    } else if (is(j, "that") || is(j, "which") || is(j, "who") || is(j, "and") || finite_verb(j) ||
               lex_.is_pronoun(low_[j])) {
      return false;
    }
  }
  if (poll == kNone || poll > k + 8 || j - poll > 7) return false;
  const uint32_t np_end = j;
  c.cue = {k, k + 1};
  c.lemma = "in";
  c.flags = kBelief;
  c.speaker = {k + 1, np_end};
  c.rule = "poll";
  c.confidence = confidence::kPoll;
  const bool opens = k == f || (k == f + 1 && has(f, Lexicon::kSentenceAdverb));
  if (opens && comma(np_end)) {
    c.content = {trim({np_end + 1, le})};
  } else if (!opens && k >= f + 2 && (np_end == le || comma(np_end)) && standing_before(f, k)) {
    uint32_t e = k;
    while (e > f && (comma(e - 1) || dash(e - 1))) --e;
    c.content = {trim({f, e})};
  } else {
    return false;
  }
  return c.content[0].size() >= 3;
}

// A verb or adverb of standing in a race just before `k`: "leads", "trailed
// badly", "is ahead", "slipped to third".
bool SentenceRules::standing_before(uint32_t f, uint32_t k) const {
  for (uint32_t j = k; j > f && k - j < 6;) {
    --j;
    if (has(j, Lexicon::kStandingWord)) return true;
  }
  return false;
}

// "…, according to authorities." / "According to a statement from X, …" /
// "C1, according to X, C2."
bool SentenceRules::according_to(uint32_t f, uint32_t le, uint32_t k, uint32_t floor, Candidate& c) const {
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
  // "(According to police, …" opens its sentence too.
  bool at_start = k == f || (k == f + 1 && (has(f, Lexicon::kSentenceAdverb) || punct(f, '(')));
  if (at_start) {
    uint32_t j = np_end;
    while (j < le && !comma(j) && j - np_end < 10) ++j;
    if (j >= le) return false;
    c.content = {trim({j + 1, le})};
  } else {
    Range before = trim({std::max(f, floor), k});
    Range rest = trim({np_end, le});
    const bool continues = rest.ok() && comma(np_end) && rest.size() >= 3;
    // "But, according to the poll, 46 percent …": a connective before it is
    // no content; "Fundraising, according to the campaign, has surged": one
    // word is, with the rest.
    if (continues && before.size() == 1 && (has(before.first, Lexicon::kSentenceAdverb) ||
                                            has(before.first, Lexicon::kNpStop)))
      c.content = {rest};
    else if (continues && before.size() == 1)
      c.content = {before, rest};
    else
      c.content = {before};
    if (continues && c.content.size() == 1 && c.content[0].first != rest.first) c.content.push_back(rest);
  }
  c.confidence = c.rule == "according-to" ? confidence::kAccordingTo : confidence::kAccordingToArtifact;
  // "That's according to exit polls.": the demonstrative stands for the words before.
  const Range& first = c.content[0];
  if (c.content.size() == 1 && first.size() == 1 && is(first.first, "that's")) return true;
  return first.size() >= 2 || c.content.size() > 1;
}

// "spoke highly of", "talked more about", "spoke out against", "speaks at
// length about", "has spoken out in favor of": a speaking verb's manner words
// before its particle. Only for the verbs that take "about" (speak, talk):
// their object is the topic. Returns where the content may start.
uint32_t SentenceRules::manner_particle(uint32_t a, uint32_t le, const CueEntry& e, Candidate& c) const {
  if (std::find(e.particles.begin(), e.particles.end(), "about") == e.particles.end()) return a;
  uint32_t j = a;
  bool out = false;
  for (int n = 0; n < 3 && j + 1 < le && word(j); ++n) {
    std::string_view w = low_[j];
    if (w == "out" || w == "up") { out = true; ++j; continue; }
    if ((w.size() > 4 && w.ends_with("ly") && !v_[j].cap) || w == "more" || w == "much" || w == "instead") { ++j; continue; }
    if (w == "at" && is(j + 1, "length")) { j += 2; continue; }
    break;
  }
  if (j == a || j >= le) return a;
  std::string particle;
  uint32_t last = j + 1;
  for (const std::string& p : e.particles)
    if (is(j, p) && p != "to" && p != "with") particle = p;
  if (particle.empty() && out && (is(j, "against") || is(j, "for") || is(j, "on"))) particle = std::string(low_[j]);
  if (particle.empty() && out && is(j, "in") && is(j + 1, "favor") && is(j + 2, "of")) {
    particle = "in favor of";
    last = j + 3;
  }
  if (particle.empty() || last >= le) return a;
  c.cue.last = last;
  c.lemma += " " + particle;
  return last;
}

// A light verb's object that makes it a statement; it joins the cue, with
// its preposition. Returns where the content may start, or kNone (no such
// object). One stage per kind of object, below.
uint32_t SentenceRules::light_object(uint32_t a, uint32_t le, Candidate& c) const {
  if (c.lemma == "put") return light_put_it(a, le, c);
  if (c.lemma == "like") {
    // "would like to see …", "I'd like a recount": a wish (the caller checks
    // the "would"); "like" alone is most often a preposition.
    c.lemma = "would like";
    return a;
  }
  if (c.lemma == "look") return light_look(a, le, c);
  if (c.lemma == "weigh" || c.lemma == "go") return light_particle(a, le, c);
  if (c.lemma == "make") {
    // "made (it) clear that …"
    uint32_t j = a;
    if (is(j, "it") && is(j + 1, "clear")) j += 2;
    else if (is(j, "clear")) j += 1;
    if (j > a) {
      c.cue.last = j;
      c.lemma += " clear";
      return j < le ? j : kNone;
    }
  }
  return light_noun(a, le, c);
}

// "As one voter put it, …", "as he put it bluntly:"; the caller checks the
// "as" before the speaker.
uint32_t SentenceRules::light_put_it(uint32_t a, uint32_t le, Candidate& c) const {
  uint32_t j = a;
  if (!is(j, "it")) return kNone;
  ++j;
  if (j < le && word(j) && lex_.is_skippable(low_[j])) ++j;
  if (!(comma(j) || punct(j, ':')) || j + 1 >= le) return kNone;
  c.cue.last = a + 1;
  c.lemma = "put it";
  return j;
}

// "is looking for a strong finish", "are looking to cut taxes", "is looking
// forward to": an aim (the caller keeps only the progressive).
uint32_t SentenceRules::light_look(uint32_t a, uint32_t le, Candidate& c) const {
  uint32_t j = a;
  if (is(j, "forward") && is(j + 1, "to")) {
    c.lemma = "look forward to";
    j += 2;
  } else if (is(j, "for")) {
    c.lemma = "look for";
    ++j;
  } else if (is(j, "to") && word(j + 1) && !v_[j + 1].cap && !lex_.is_determiner(low_[j + 1])) {
    c.lemma = "look to";  // the infinitive's "to" opens the content
  } else {
    return kNone;
  }
  c.cue.last = j;
  return j < le ? j : kNone;
}

// "weighed in on the plan", "weighed in:"; "went after Cruz", "goes after him".
uint32_t SentenceRules::light_particle(uint32_t a, uint32_t le, Candidate& c) const {
  uint32_t j = a;
  const char* particle = c.lemma == "weigh" ? "in" : "after";
  if (!is(j, particle) || j + 1 >= le) return kNone;
  c.lemma += std::string(" ") + particle;
  ++j;
  if (c.lemma == "go after") {
    if (!(v_[j].cap || is(j, "him") || is(j, "her") || is(j, "them")) || has(j, Lexicon::kCalendarName) ||
        lex_.is_weekday_or_time(low_[j]))
      return kNone;  // "went after the debate" is a time
  } else if (is(j, "on") || is(j, "with") || is(j, "about")) {
    c.lemma += " " + std::string(low_[j]);
    ++j;
  } else if (!(punct(j, ':') || (comma(j) && opens_quote(j + 1)))) {
    return kNone;
  }
  c.cue.last = j;
  return j < le ? j : kNone;
}

// A noun object from the verb's list (Lexicon::light_object) and its
// preposition: "made the case for", "made a strong case that", "made no
// mention of", "has made several controversial statements on"; "took aim
// at", "took issue with", "took a swipe at"; "raised questions about", "cast
// doubt on"; "passed a bill", "signed an executive order" (the decree is the
// content, not the cue's).
uint32_t SentenceRules::light_noun(uint32_t a, uint32_t le, Candidate& c) const {
  const bool take = c.lemma == "take";
  const bool doubt = c.lemma == "raise" || c.lemma == "cast";
  const bool decree = c.lemma == "pass" || c.lemma == "sign";
  uint32_t j = a;
  if (is(j, "the") || is(j, "a") || is(j, "an") || is(j, "no") || is(j, "several") || is(j, "many") ||
      is(j, "some") || is(j, "his") || is(j, "her") || is(j, "their") || is(j, "its"))
    ++j;
  // Up to two modifiers: "a strong case", "favorable comments", "multiple swipes".
  for (int n = 0; n < 2 && j < le && word(j) && !lex_.light_object(c.lemma, low_[j]) && !v_[j].cap &&
                  !has(j, Lexicon::kNpStop) && !lex_.is_determiner(low_[j]);
       ++n)
    ++j;
  if (j >= le || !lex_.light_object(c.lemma, low_[j])) return kNone;
  if (decree) return a;
  c.lemma += " " + std::string(low_[j]);
  ++j;
  const bool prep = j < le && (is(j, "for") || is(j, "of") || is(j, "about") || is(j, "on") ||
                               is(j, "against") || (!take && !doubt && is(j, "to")) ||
                               (take && (is(j, "at") || is(j, "with"))) || (doubt && is(j, "over")));
  if (prep) {
    c.lemma += " " + std::string(low_[j]);
    ++j;
  } else if (take || !(is(j, "that") || (doubt && is(j, "whether")) || opens_quote(j) || punct(j, ':') ||
                       (comma(j) && opens_quote(j + 1)))) {
    return kNone;  // "Trump made the comments at a rally": words reported elsewhere
  }
  c.cue.last = j;
  return j < le ? j : kNone;
}

// "The plan was rejected by 64 percent of voters", "He is backed by a third
// of Republicans", "The story was first reported by Politico": a passive
// stance, judgement or report with its agent. The agent speaks, the subject
// is the content. Other participles with "by" are modifiers ("the sanctions
// announced by the neighbours"), no statement.
bool SentenceRules::passive_agent(uint32_t f, uint32_t le, uint32_t k, const CueEntry& e, Candidate& c) const {
  if (e.lemma == "ask") return passive_question(f, le, k, c);
  const bool judgement = (e.flags & (kStanceObject | kTarget)) || e.lemma == "report" || e.lemma == "reject" ||
                         e.lemma == "propose";
  if (!judgement || k + 2 >= le) return false;
  bool be = false;
  const uint32_t p = skip_left(k, f, be);
  if (!be) return false;
  Range subject = subject_left(k, f, be);
  if (!subject.ok()) {
    // Not only people are judged: "The new plan was rejected by …". The
    // words from the clause's start, if short and verbless, are the subject.
    uint32_t s0 = p;
    while (s0 > f && !comma(s0 - 1) && !punct(s0 - 1, ';') && p - s0 < 8) --s0;
    if (s0 > f && !comma(s0 - 1) && !punct(s0 - 1, ';')) return false;
    for (uint32_t j = s0; j < p; ++j)
      if (!word(j) || is_aux(j) || (info_[j]->cue.entry && info_[j]->cue.form == Form::kPast)) return false;
    subject = {s0, p};
  }
  Range agent = np_right(k + 2, le);
  if (!subject.ok() || !agent.ok() || lex_.is_pronoun(low_[subject.first])) return false;
  c.cue = {p, k + 2};
  c.lemma = e.lemma + " by";
  c.flags = e.flags;
  c.speaker = agent;
  c.content = {subject};
  c.rule = "passive";
  c.confidence = confidence::kPassiveAgent;
  return true;
}

// "Rubio was asked by the moderator whether …", "When asked by a host if …":
// the asker speaks, the question after the agent is the content, and the
// one asked is the hearer.
bool SentenceRules::passive_question(uint32_t f, uint32_t le, uint32_t k, Candidate& c) const {
  Range agent = np_right(k + 2, le);
  if (!agent.ok() || agent.last >= le) return false;
  uint32_t q = agent.last;
  if (comma(q) && q + 1 < le) ++q;
  if (!(is(q, "whether") || is(q, "if") || is(q, "about") || opens_quote(q) || punct(q, ':'))) return false;
  bool be = false;
  c.addressee = subject_left(k, f, be);
  c.cue = {k, k + 2};
  c.lemma = "ask by";
  c.flags = kSpeech;
  c.speaker = agent;
  c.content = {trim({punct(q, ':') ? q + 1 : q, le})};
  c.rule = "passive";
  c.confidence = confidence::kPassiveAgent;
  return c.content[0].size() >= 2;
}

bool SentenceRules::verb_rule(uint32_t f, uint32_t l, uint32_t le, uint32_t k, CueHit hit, Range last_speaker,
                              uint32_t floor, Candidate& c) const {
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
  // "talks about a deal" is a noun, but "Merkel talks about", "he often talks
  // about" has a subject right before it.
  const bool subject_before = k > f && word(k - 1) &&
                              ((v_[k - 1].cap && !has(k - 1, Lexicon::kDeterminer)) ||
                               lex_.is_pronoun(low_[k - 1]) || lex_.is_skippable(low_[k - 1]));
  // "a move the kingdom hopes will work", "that Clinton hopes can help": in a
  // relative clause the -s word is the verb, the auxiliary its gapped clause's.
  bool relative_gap = false;
  for (uint32_t j = k; j > f && k - j < 5 && word(j - 1) && !relative_gap; --j)
    relative_gap = j < k && (is(j - 1, "which") || is(j - 1, "that") || is(j - 1, "who") || is(j - 1, "whom"));
  if (plural_noun_form && (is(k + 1, "of") || is(k + 1, "from") || is(k + 1, "are") || is(k + 1, "were") ||
                           is(k + 1, "have") || is(k + 1, "by") || (is(k + 1, "about") && !subject_before) ||
                           (finite_verb(k + 1) && !(relative_gap && is_aux(k + 1)))))
    return false;
  // "the Orlando attacks in June", "coordinated attacks", "Republican states
  // like Arizona": a modifier before, or "like"/"such as" after, makes it a
  // noun. Not "the FBI lists 12 …", "The NEA estimates that …" (an object
  // follows), nor "the government claims" (only adjective endings count).
  if (plural_noun_form && k > f) {
    const bool object_follows = k + 1 < le && (is(k + 1, "that") || v_[k + 1].type == TokType::kNumber ||
                                               has(k + 1, Lexicon::kDeterminer) || lex_.is_pronoun(low_[k + 1]));
    std::string_view m = low_[k - 1];
    const bool adjective = word(k - 1) && !v_[k - 1].cap && m.size() >= 5 && !lex_.is_skippable(m) &&
                           (m.ends_with("ed") || m.ends_with("ous") || m.ends_with("ive") || m.ends_with("ic") ||
                            m.ends_with("ary") || m.ends_with("ful") || m.ends_with("less"));
    if ((v_[k - 1].cap && k - 1 > f && has(k - 2, Lexicon::kDeterminer) && !object_follows) ||
        (adjective && !object_follows) || is(k + 1, "like") || (is(k + 1, "such") && is(k + 2, "as")))
      return false;
  }
  // "five states", "four of five states": a quantity never agrees with "-s".
  if (hit.form == Form::kThird && k > f && quantity(k - 1) && !is(k - 1, "one")) return false;
  // "won with 60% support:", "His 32 percent support gives him …": a share's
  // noun, with no object after it or a possessor before the share.
  if (hit.form == Form::kBase && k > f && quantity(k - 1) && (e.flags & kStanceObject)) {
    uint32_t q = k - 1;
    while (q > f && quantity(q - 1)) --q;
    const bool no_object = !word(k + 1) || (lex_.is_np_stop(low_[k + 1]) && !is(k + 1, "that"));
    if (no_object || (q > f && (possessive(q - 1) || has(q - 1, Lexicon::kDeterminer)))) return false;
  }
  // "the sanctions announced by the neighbours": a past participle with its
  // agent is a modifier, not a statement.
  if ((hit.form == Form::kPast || hit.form == Form::kPastPart) && is(k + 1, "by"))
    return passive_agent(f, le, k, e, c);
  // "Illinois state Rep. Ammons", "state GOP officials", "most state parties":
  // "state" the noun. The verb takes "that", a quote, an adverb or a
  // determiner's phrase ("state the obvious", "state their case").
  if (e.lemma == "state" && hit.form == Form::kBase && word(k + 1) && !has(k + 1, Lexicon::kDeterminer) &&
      !lex_.is_pronoun(low_[k + 1]) && !is(k + 1, "that") && !lex_.is_skippable(low_[k + 1]))
    return false;
  // "a contest known as Super Tuesday", "a golfer known for mulligans", "is
  // known to …": "known" is a passive or a modifier unless "have" makes it
  // the perfect of "know" ("had long known that").
  if (low_[k] == "known") {
    uint32_t j = k;
    while (j > f && lex_.is_skippable(low_[j - 1]) && !is(j - 1, "has") && !is(j - 1, "have") && !is(j - 1, "had"))
      --j;
    const bool perfect = j > f && (is(j - 1, "has") || is(j - 1, "have") || is(j - 1, "had") ||
                                   (has(j - 1, Lexicon::kSubjectContraction) &&
                                    (low_[j - 1].ends_with("'ve") || low_[j - 1].ends_with("'d"))));
    if (!perfect) return false;
  }
  // "found itself at the centre of …", "finds himself embroiled": a state, not a finding.
  if (e.lemma == "find" && (is(k + 1, "himself") || is(k + 1, "herself") || is(k + 1, "itself") ||
                            is(k + 1, "themselves") || is(k + 1, "myself") || is(k + 1, "ourselves")))
    return false;
  c.cue = {k, k + 1};
  c.lemma = e.lemma;
  c.flags = e.flags;
  uint32_t a = k + 1;
  if (!e.particles.empty() && a < le) {
    for (const std::string& p : e.particles)
      if (is(a, p)) { c.cue.last = ++a; c.lemma += " " + p; break; }
    if (c.cue.last == k + 1) a = manner_particle(a, le, e, c);
    // "spoke about the plan", "spoke highly of him": the particle's object is
    // the topic, no hearer.
    if (c.cue.last > k + 1 && !c.lemma.ends_with(" to") && !c.lemma.ends_with(" with")) c.flags &= ~kAddressee;
  }
  if (e.flags & kLightVerb) {
    a = light_object(a, le, c);
    if (a == kNone) return false;
  }
  if ((e.lemma == "speak" || e.lemma == "talk") && (c.lemma.ends_with(" with") || c.lemma.ends_with(" to"))) {
    Range partner = np_right(a, le);
    if (partner.ok()) { c.addressee = partner; a = partner.last; }
  }
  if ((e.lemma == "call") && c.lemma == "call") c.flags |= kCharacterize;
  // "a group called Black Votes Matter", "an app called “Vine”": a naming
  // participle after an indefinite thing, not a speaker calling something.
  if (c.lemma == "call" && hit.form != Form::kBase && k > f + 1 && word(k - 1) && !v_[k - 1].cap &&
      !has(k - 1, Lexicon::kTitleWord) && !agent_plural(low_[k - 1]) && !low_[k - 1].ends_with("man") &&
      !low_[k - 1].ends_with("woman") && !low_[k - 1].ends_with("er") && !low_[k - 1].ends_with("or") &&
      !low_[k - 1].ends_with("ist") && (v_[a].cap || opens_quote(a))) {
    uint32_t j = k - 1;
    while (j > f && k - j < 5 && word(j - 1) && !has(j - 1, Lexicon::kNpStop)) --j;
    if (is(j, "a") || is(j, "an")) return false;
  }
  if (c.lemma == "call for" || c.lemma == "call on") c.flags &= ~kCharacterize;
  // Appointments name a person: "named Pence as", "nominated him", "appointed
  // a new board". Not "a man named Hale" (a common noun before it), "named
  // after", "the name of".
  if (e.lemma == "name" || e.lemma == "nominate" || e.lemma == "appoint") {
    uint32_t j = k;
    while (j > f && word(j - 1) && lex_.is_skippable(low_[j - 1])) --j;
    const bool subject = j > f && word(j - 1) &&
                         (v_[j - 1].cap || lex_.is_pronoun(low_[j - 1]) || has(j - 1, Lexicon::kSourceNoun) ||
                          lex_.is_group_noun(low_[j - 1]) || agent_plural(low_[j - 1]) || is_aux(j - 1));
    const bool object = a < le && word(a) && (v_[a].cap || is(a, "him") || is(a, "her") || is(a, "them") ||
                                              has(a, Lexicon::kDeterminer) || v_[a].type == TokType::kNumber);
    const bool indefinite = j > f + 1 && !v_[j - 1].cap && (is(j - 2, "a") || is(j - 2, "an"));  // "a man named"
    if (!subject || indefinite || !object || is(a, "after") || hit.form == Form::kIng) return false;
  }

  // "Insisting that the plan was sound, the mayor refused to resign."
  if (hit.form == Form::kIng && (k == f || (k == f + 1 && has(f, Lexicon::kSentenceAdverb))))
    return fronted_participle(k, a, le, c);

  bool be = false;
  Range sp = subject_left(lead, f, be);
  // "As one voter put it, …": "put it" is a credit only after "as".
  if (c.lemma == "put it" && !(sp.ok() && sp.first > f && is(sp.first - 1, "as"))) return false;
  // "would like", "'d like": a wish only under "would".
  if (c.lemma == "would like") {
    uint32_t j = k;
    while (j > f && word(j - 1) && lex_.is_skippable(low_[j - 1]) && !is(j - 1, "would")) --j;
    if (!(j > f && (is(j - 1, "would") || low_[j - 1].ends_with("'d")))) return false;
  }
  // "is looking for", not "looked for the keys" or "groups looking for donors".
  if (c.lemma.starts_with("look ") && !(be && hit.form == Form::kIng)) return false;
  if (be && !infinitive && (hit.form == Form::kPast || hit.form == Form::kPastPart)) return false;  // "was told"
  // "Recent reports say": the sentence's capital on an adjective is no name.
  if (plural_noun_form && sp.size() == 1 && sp.first == f && adjective_like(f)) return false;
  // "caucus states", "terror attacks", "Western states": a bare modifier before
  // a noun-like -s form is a compound's first word; a singular subject of the
  // verb would need its determiner ("the committee states") or be a name.
  if (plural_noun_form && sp.size() == 1 && word(sp.first) && !possessive(sp.first) &&
      ((!v_[sp.first].cap && !lex_.is_pronoun(low_[sp.first]) && !has(sp.first, Lexicon::kSourceNoun) &&
        !quantity(sp.first)) ||
       (v_[sp.first].cap && (adjective_like(sp.first) || low_[sp.first].ends_with("ern")))))
    return false;
  // "all battleground states", "two chemical weapons attacks", "roughly
  // two-dozen states": a plural quantity in the phrase before a noun-like -s
  // form never agrees with a verb; the -s word is the phrase's plural head.
  // Only at the phrase's start (after at most one word: "roughly two-dozen"),
  // not inside a modifier ("the average of polls over the past two weeks shows").
  if (plural_noun_form && sp.ok() && !c.inherited)
    for (uint32_t j = sp.first; j < sp.last && j < k && j <= sp.first + 1; ++j)
      if (plural_quantity(j)) return false;
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
    // "protesters chanting …", "with the tycoon vowing …": an -ing form right
    // after a noun phrase modifies it, and that phrase speaks; else (", saying
    // …", "describing protesters as …") the clause's speaker does.
    const Range near = ing && !coordinated ? reduced_relative(sp, k) : Range{};
    sp = near.ok() ? near : last_speaker.ok() ? last_speaker : clause_subject(f, k);
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
  // "…, say experts like Paul Bauman": a base form inverts only before a plural.
  const bool plural_after = hit.form != Form::kBase || [&] {
    Range r = np_right(a, le);
    if (!r.ok()) return false;
    const uint32_t head = phrase_head(r);
    std::string_view h = low_[head];
    return lex_.is_group_noun(h) || agent_plural(h) || (plural_word(h) && !v_[head].cap);
  }();
  // "Said Comey, “…”": a sentence-opening past cue before its speaker and quote.
  const bool opening = k == f && hit.form == Form::kPast && v_[k].cap;
  if (!sp.ok() && (e.flags & kInvert) && plural_after && ((k > f && (comma(k - 1) || closes_quote(k - 1))) || opening)) {
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
  // A verb that is its own past ("As one voter put it", "the sign read") may be either.
  if (hit.form == Form::kBase && !c.inherited && !inverted && !infinitive && !e.past_is_base &&
      !base_subject_ok(sp, k, f))
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
  // "a law which critics say could raise rents", "a budget that the mayor said
  // was balanced": in a relative clause the complement's subject is the
  // relative pronoun, so an auxiliary right after the cue opens the content.
  if (!inverted && !c.inherited && sp.ok() && sp.first > f && a == k + 1 && a + 1 < le && is_aux(a) &&
      (is(sp.first - 1, "which") || is(sp.first - 1, "that") || is(sp.first - 1, "who") || is(sp.first - 1, "whom")))
    content_start = a;
  bool after_ok = content_start != kNone && content_start < le;
  // "states that will hold primaries": a relative clause after a plural noun, not a complement.
  if (after_ok && plural_noun_form && is(content_start, "that") && finite_verb(content_start + 1)) after_ok = false;
  // A clause cue's content opens a clause: right after the cue ("plans to
  // open", "asked whether") or past adjuncts and a "that" or colon.
  const bool clause_follows = clause_opener(content_start) || (content_start > a && punct(content_start - 1, ':'));
  // A particle cue takes its object as the content ("talked about raising the wage").
  const bool particle = c.cue.last > k + 1;
  // "declined an interview request", "refused requests to testify": what is
  // declined may be an utterance, not only a clause.
  bool declined_utterance = false;
  if ((e.lemma == "decline" || e.lemma == "refuse") && after_ok && !clause_follows)
    for (uint32_t j = content_start; j < le && j < content_start + 4 && word(j) && !declined_utterance; ++j)
      declined_utterance = has(j, Lexicon::kUtteranceNoun);
  if (after_ok && (e.flags & kNeedsClause) && !clause_follows && !(c.flags & (kCharacterize)) && !particle &&
      !declined_utterance)
    after_ok = false;
  // "…," he continued / he continued: "…" but not "the lead continues to grow".
  if (after_ok && (e.flags & kQuoteOnly) && !opens_quote(content_start) && !punct(content_start - 1, ':'))
    after_ok = false;
  bool after_parenthetical = comma(a) || (inverted && a < le);
  bool before_ok = before_end > f && (comma(before_end - 1) || closes_quote(before_end - 1) || dash(before_end - 1));
  Range before = trim({std::min(std::max(f, floor), before_end), before_end});
  if (before_ok && before.size() < 2 && !closes_quote(before.last - 1)) before_ok = false;
  // "…," X said: content before; "X said (that) …": content after.
  // "Speaking on ABC's “This Week,” Kell admitted …": a programme's title is no quote.
  if (before_ok && closes_quote(before_end - 1) &&
      programme_title(f, in_.quotes.quotes[in_.quotes.top[before_end - 1]].open_tok) != kNone)
    before_ok = false;
  bool quote_before = before_ok && closes_quote(before_end - 1 - (comma(before_end - 1) ? 1 : 0));
  // A participle's content always follows it ("…," McCain said, citing …).
  if (c.inherited && !coordinated) before_ok = false;
  // "…, who voted": the words before a relative pronoun are its antecedent's clause.
  // So too "…, a group that backed": a speaker ending in relative "that".
  if (before_ok && !quote_before &&
      ((sp.size() == 1 && (is(sp.first, "who") || is(sp.first, "which"))) || (sp.size() > 1 && is(sp.last - 1, "that"))))
    before_ok = false;
  // "While the controversy burned, the team appeared …": a clause opened by an
  // adjunct word is no statement of a cue that is not one of speech.
  // A finding keeps it ("In 2015, the firm spent $2 million, records show"):
  // a source that is no group of people, with a cue other than "seem"/"appear".
  const bool finding = sp.ok() && lex_.is_source_noun(low_[sp.last - 1]) && !lex_.is_group_noun(low_[sp.last - 1]) &&
                       e.lemma != "appear" && e.lemma != "seem";
  if (before_ok && !quote_before && !(e.flags & kSpeech) && !statement_before(before) && !finding) before_ok = false;
  // Nor, for any cue, a short fronted prepositional adjunct with no verb in it
  // ("In a 1963 speech, he declared …", "On May 5, Trump posted …").
  if (before_ok && !quote_before && before.size() <= 6 && word(before.first) &&
      (has(before.first, Lexicon::kAdjunctPrep) || adjunct_start(before.first)) && verbless(before))
    before_ok = false;
  const bool only_adjuncts_after = (e.flags & kSpeech) && statement_before(before) && adjunct_tail(a, le);
  if (before_ok && (quote_before || !after_ok || after_parenthetical || only_adjuncts_after)) {
    c.content = {before};
    c.rule = inverted ? "inverted" : "content-first";
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
    const bool split = c.content.size() > 1;
    namespace cf = confidence;
    c.confidence = quote_before ? (split ? cf::kQuoteSplit : inverted ? cf::kQuoteThenInverted : cf::kQuoteThenCredit)
                   : inverted   ? (split ? cf::kClauseSplitInverted : cf::kClauseThenInverted)
                                : (split ? cf::kClauseSplit : cf::kClauseThenCredit);
    return true;
  }
  // "But, said Varga, “I do not want …”": an inverted credit before its quote.
  if (inverted && a < le && (opens_quote(a) || ((comma(a) || punct(a, ':')) && opens_quote(a + 1)))) {
    c.content = {trim({opens_quote(a) ? a : a + 1, le})};
    c.rule = "inverted";
    c.confidence = confidence::kInvertedBeforeQuote;
    return c.content[0].size() >= 2;
  }
  if (!after_ok || inverted) return false;
  // "Smith, who has long criticized the plan, said …": a cue inside a
  // non-restrictive relative clause; its content ends where the clause does, at
  // the comma before the main clause's verb, which has its own statement.
  uint32_t content_last = le;
  if (sp.size() == 1 && (is(sp.first, "who") || is(sp.first, "which")) && sp.first > f && comma(sp.first - 1))
    for (uint32_t j = content_start + 1; j + 1 < le; ++j)
      if (comma(j) && narrator(j) && word(j + 1) && (info_[j + 1]->cue.entry || finite_verb(j + 1))) {
        content_last = j;
        break;
      }
  c.content = {trim({content_start, content_last})};
  c.rule = coordinated ? "coordinated" : c.inherited ? "participle" : "speaker-first";
  const bool speech = e.flags & kSpeech;
  c.confidence = coordinated  ? (speech ? confidence::kCoordinatedSpeech : confidence::kCoordinatedOther)
                 : c.inherited ? (speech ? confidence::kParticipleSpeech : confidence::kParticipleOther)
                               : (speech ? confidence::kSpeechVerb : confidence::kOtherVerb);
  // "75 percent said yes": a one-word answer is a content.
  const uint32_t one = c.content[0].first;
  const bool answer = c.content[0].size() == 1 && (is(one, "yes") || is(one, "no"));
  // "support Clinton", "opposed him", "back deportation": a stance's object.
  const bool stance_object = c.content[0].size() == 1 && (e.flags & kStanceObject) && word(one) &&
                             !lex_.is_np_stop(low_[one]) && !is(one, "it") && !is(one, "so");
  // "talks about immigration": a particle's one-word noun object.
  const bool topic_object = c.content[0].size() == 1 && c.lemma.ends_with(" about") && word(one) &&
                            !lex_.is_np_stop(low_[one]) && !lex_.is_pronoun(low_[one]) && !is(one, "it");
  if (c.content[0].size() < 2 && !opens_quote(one) && !answer && !stance_object && !topic_object) return false;
  (void)l;
  return true;
}

// Within one sentence: "Smith said X, and Jones said Y" cuts Smith's content
// before ", and Jones"; a cue inside another's content is nested (kept). A
// sentence with very many cues (lists, hostile input) gets no nesting at all,
// so the output stays linear in the input.
void SentenceRules::resolve_overlaps(std::vector<Candidate>& cs) const {
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

}  // namespace quotegraph::attrib
