// The attribution lexicon: cue verbs and their inflections, noun cues, and the
// closed word classes the rules need (pronouns, determiners, adjunct words).
// Built once from the tables in lexicon.cpp and shared read-only.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/word_table.hpp"

namespace quotegraph::attrib {

enum CueFlags : uint32_t {
  kSpeech = 1u << 0,        // a speech act (say, tell, announce): may take a direct quote
  kBelief = 1u << 1,        // belief, intention, finding (think, plan, find)
  kAddressee = 1u << 2,     // object is the hearer: "told reporters that", "assured Y that"
  kCharacterize = 1u << 3,  // "described Y as '…'", "called Y '…'": content is the complement
  kTarget = 1u << 4,        // object is who the statement is about: "accused Y of", "praised Y"
  kInvert = 1u << 5,        // may precede its speaker: "…," said Smith.
  kEcho = 1u << 6,          // "echoed X's rhetoric": the speaker repeats another's words
  kNeedsClause = 1u << 7,   // only a cue before a that-clause, a to-infinitive or a quote (see, find)
  kNounToo = 1u << 8,       // the -s form is as often a plural noun: "reports", "remarks", "calls"
  kQuoteOnly = 1u << 9,     // content after the cue only as a quote ("he continued: '…'", not "continues to")
  kStanceObject = 1u << 10, // a stance toward its object, which may be one word: "support Clinton", "opposed him"
  kLightVerb = 1u << 11,    // a cue only with its object: "made clear that", "took aim at" (Lexicon::light_object)
};

enum class Form : uint8_t { kBase, kThird, kPast, kIng, kPastPart };

struct CueEntry {
  std::string lemma;
  uint32_t flags = 0;
  std::vector<std::string> particles;  // "point out", "call for": words that may follow
  bool past_is_base = false;  // "read", "put", "cast": the base form may be the past ("the sign read")
};

struct CueHit {
  const CueEntry* entry = nullptr;
  Form form = Form::kBase;
};


class Lexicon {
 public:
  Lexicon();  // builds every table; the only expensive step

  // Word classes, as bits of WordInfo::classes.
  enum Class : uint32_t {
    kPronoun = 1u << 0, kDeterminer = 1u << 1, kSkippable = 1u << 2, kNpStop = 1u << 3,
    kSourceNoun = 1u << 4, kGroupNoun = 1u << 5, kTime = 1u << 6, kSentenceAdverb = 1u << 7,
    kAdjunctPrep = 1u << 8,
    // Calendar names (the rules' and the entity stage's) and the entity
    // stage's lists (entity/name_words.hpp), so that both read them off each
    // token instead of folding and looking words up again.
    kNameOpener = 1u << 9, kCalendarName = 1u << 10, kTitleWord = 1u << 11, kTargetGroup = 1u << 12,
    kDescriptionNoun = 1u << 13, kThe = 1u << 14,
    kStanceAdjective = 1u << 15,  // "is convinced that", "was eager to", "are wary of"
    kUtteranceNoun = 1u << 16,    // "delivered a blunt message to Trump: '…'", "had a warning:"
    // A person noun's postmodifier: "aides | to the governor", "a source close | to him".
    kPostmodifierPrep = 1u << 17, kPostmodifierAdj = 1u << 18,
    // Nouns of saying, believing and intending that carry an attribution of
    // their possessor: "his criticism of the plan", "her refusal to resign".
    kAttributionNoun = 1u << 19, kIntentionNoun = 1u << 20,
    kPollNoun = 1u << 21,  // "in the latest poll, …", "… leads in the polls"
    kStandingWord = 1u << 22,  // "leads", "trails", "ahead": a standing that a poll measures
    kCollectiveNoun = 1u << 23,  // "a wide array of economists say": the noun after "of" agrees
    // What carries someone else's words: "released a statement saying …" is the
    // releaser's; and spans of time: "spent the day attacking …".
    kVehicleNoun = 1u << 24,
    kIrregularPlural = 1u << 25,  // "data show", "people say": plural without an -s
    // A stance toward a prepositional object, never a clause: "critical of the
    // plan", "sympathetic to free trade", "vocal about it" (also kStanceAdjective).
    kStanceObjectAdjective = 1u << 26,
    kStanceNoun = 1u << 27,  // "a fierce critic of", "is a supporter of", "proponents of"
    // A subject pronoun with its auxiliary in one token: "he's", "they're", "I've".
    kSubjectContraction = 1u << 28,
    // Verbs of receiving backing: "drew support from", "has the backing of",
    // "won the support of" (the supporters are the source).
    kReceiveVerb = 1u << 29,
  };
  // The entity stage's lists that its name scan tests every capitalised
  // run's words against (entity/name_words.hpp), as bits of WordInfo::names:
  // read off the token instead of looked up again by string.
  enum NameClass : uint8_t {
    kCommonCapword = 1u << 0,  // "Thousands", "I'm", "Today": no name starts or ends with one
    kVerbCapword = 1u << 1,    // "Is", "Slams": ends a title-cased run
    kDemonym = 1u << 2,        // "Russian", "Republican": names no one alone
  };
  // Everything the rules know about one folded word, found with one hash lookup.
  struct WordInfo {
    CueHit cue;
    // A light verb's form ("made"): a cue only with its object, so kept apart
    // from `cue`, which the noun-phrase grammar reads as "a verb stands here".
    CueHit light;
    uint32_t classes = 0;
    uint8_t names = 0;  // NameClass bits
  };
  const WordInfo& info(std::string_view folded) const {
    const WordInfo* i = words_.find(folded);
    return i ? *i : unknown_;
  }
  // A number for each entry info() returns, 0 for a word in no table and
  // below entry_ids() for the rest: later stages keep what they derive from
  // a word per entry, in an array, instead of hashing the word again.
  uint32_t entry_id(const WordInfo& i) const {
    return &i == &unknown_ ? 0 : static_cast<uint32_t>(words_.index_of(&i) + 1);
  }
  size_t entry_ids() const { return words_.capacity() + 1; }

  // Cue lookup by a folded (lower-case) word form; nullptr entry if none.
  CueHit cue(std::string_view folded) const;

  bool is_pronoun(std::string_view w) const { return info(w).classes & kPronoun; }
  bool is_determiner(std::string_view w) const { return info(w).classes & kDeterminer; }
  // Adverbs, auxiliaries, negation and time words that may stand between a
  // speaker and the cue ("Smith has also said", "police on Thursday said").
  bool is_skippable(std::string_view w) const;
  // Words that cannot be inside a speaker noun phrase (conjunctions, verbs of
  // being, most prepositions).
  bool is_np_stop(std::string_view w) const { return info(w).classes & kNpStop; }
  // Common nouns that name sources: officials, police, spokesman, report, poll.
  bool is_source_noun(std::string_view w) const { return info(w).classes & kSourceNoun; }
  // Nouns for groups rather than one person ("police", "protesters").
  bool is_group_noun(std::string_view w) const { return info(w).classes & kGroupNoun; }
  bool is_weekday_or_time(std::string_view w) const { return info(w).classes & kTime; }
  // Words that cap an NP to the left when the sentence starts with them.
  bool is_sentence_adverb(std::string_view w) const { return info(w).classes & kSentenceAdverb; }
  // Adjunct openers after a cue: "said in a statement", "told reporters on Monday".
  bool is_adjunct_prep(std::string_view w) const { return info(w).classes & kAdjunctPrep; }
  // An object that makes a light verb (kLightVerb) a statement: "made the
  // case", "took aim", "raised questions", "passed a bill"; `verb` is its lemma.
  bool light_object(std::string_view verb, std::string_view noun) const;

 private:
  std::vector<CueEntry> entries_;
  text::WordTable<WordInfo> words_;
  WordInfo unknown_;  // returned for words in no table
};

// The inflections of a regular English verb, used to expand the cue table:
// base, third person, past, -ing ("note" -> notes, noted, noting).
std::vector<std::pair<std::string, Form>> inflect(std::string_view lemma, bool double_final);

}  // namespace quotegraph::attrib
