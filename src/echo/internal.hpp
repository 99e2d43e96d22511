// Echo internals shared by the stage files: the compiled cue patterns (owned by
// EchoAnalyzer::Impl) and the per-call context the stages read.
//   cues.cpp    explicit echoes and explicit self-repetition (cue phrases)
//   phrases.cpp implicit echoes and self-repetition (shared distinctive phrases)
//   framing.cpp scare quotes and adopted terms
#pragma once

#include <re2/re2.h>

#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include "echo/lexicon.hpp"
#include "echo/scan.hpp"
#include "quotegraph/echo.hpp"
#include "text/senses.hpp"

namespace quotegraph::echo {

// One explicit cue construction.
struct CuePattern {
  std::unique_ptr<RE2> re;
  std::string lemma;      // "echo", "repeat", "parrot", ...
  double score = 0.9;     // how reliably the construction states an echo
  int x_group = 0;        // capture group (1-based) of the echoed speaker X
  int y_group = 0;        // capture group of the echoing speaker Y when the pattern holds it
  bool self = false;      // states self-repetition ("reiterated his call")
  std::vector<std::string> keywords;  // lower case; a match holds one of them (empty: always run)
};

struct EchoAnalyzer::Impl {
  EchoLexicon lex;
  std::vector<CuePattern> cues;
  std::unordered_set<uint64_t> stock_hashes;  // hash of every stock phrase (stemmed)
  std::vector<std::pair<std::vector<uint64_t>, std::string>> loaded_phrases;  // word hashes, text
  text::Senses senses;  // WordNet: a collocation it lists ("health care") is language, not framing
  Impl();
};

struct Context {
  const EchoAnalyzer::Impl& impl;
  const EchoOptions& options;
  const std::vector<EchoInput>& inputs;
  std::vector<DocText> docs;  // one per input, same order
  const Analysis& analysis(int i) const { return *inputs[i].analysis; }
};

void find_explicit(const Context& cx, EchoReport& out);
void find_implicit(const Context& cx, EchoReport& out);
void find_framing(const Context& cx, EchoReport& out);

// The entity that `mention` names in `a`: an entity with a mention overlapping it,
// else one whose name or alias ends in the same word. -1 when none.
int resolve_mention(const Analysis& a, Span mention);

// Hash of tokens [b, e) as the n-gram index computes it.
inline uint64_t ngram_hash(const std::vector<Token>& toks, size_t b, size_t e) {
  uint64_t h = toks[b].hash;
  for (size_t k = b + 1; k < e; ++k) h = combine_hash(h, toks[k].hash);
  return h;
}

}  // namespace quotegraph::echo
