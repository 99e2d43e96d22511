// The attribution lexicon: cue verbs and their inflections, noun cues, and the
// closed word classes the rules need (pronouns, determiners, adjunct words).
// Built once from the tables in lexicon.cpp and shared read-only.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

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
};

enum class Form : uint8_t { kBase, kThird, kPast, kIng, kPastPart };

struct CueEntry {
  std::string lemma;
  uint32_t flags = 0;
  std::vector<std::string> particles;  // "point out", "call for": words that may follow
};

struct CueHit {
  const CueEntry* entry = nullptr;
  Form form = Form::kBase;
};

class Lexicon {
 public:
  Lexicon();  // builds every table; the only expensive step

  // Cue lookup by a folded (lower-case) word form; nullptr entry if none.
  CueHit cue(std::string_view folded) const;

  bool is_pronoun(std::string_view w) const { return pronouns_.count(std::string(w)) > 0; }
  bool is_determiner(std::string_view w) const { return determiners_.count(std::string(w)) > 0; }
  // Adverbs, auxiliaries, negation and time words that may stand between a
  // speaker and the cue ("Smith has also said", "police on Thursday said").
  bool is_skippable(std::string_view w) const;
  // Words that cannot be inside a speaker noun phrase (conjunctions, verbs of
  // being, most prepositions).
  bool is_np_stop(std::string_view w) const { return np_stops_.count(std::string(w)) > 0; }
  // Common nouns that name sources: officials, police, spokesman, report, poll.
  bool is_source_noun(std::string_view w) const { return source_nouns_.count(std::string(w)) > 0; }
  // Nouns for groups rather than one person ("police", "protesters").
  bool is_group_noun(std::string_view w) const { return group_nouns_.count(std::string(w)) > 0; }
  bool is_weekday_or_time(std::string_view w) const { return time_words_.count(std::string(w)) > 0; }
  // Words that cap an NP to the left when the sentence starts with them.
  bool is_sentence_adverb(std::string_view w) const { return sentence_adverbs_.count(std::string(w)) > 0; }
  // Adjunct openers after a cue: "said in a statement", "told reporters on Monday".
  bool is_adjunct_prep(std::string_view w) const { return adjunct_preps_.count(std::string(w)) > 0; }

 private:
  std::vector<CueEntry> entries_;
  std::unordered_map<std::string, CueHit> forms_;
  std::unordered_set<std::string> pronouns_, determiners_, skippable_, np_stops_, source_nouns_, group_nouns_,
      time_words_, sentence_adverbs_, adjunct_preps_;
};

// The inflections of a regular English verb, used to expand the cue table:
// base, third person, past, -ing ("note" -> notes, noted, noting).
std::vector<std::pair<std::string, Form>> inflect(std::string_view lemma, bool double_final);

}  // namespace quotegraph::attrib
