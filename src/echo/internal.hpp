// Echo internals shared by the stage files: the compiled cue patterns and
// lexicons (Compiled, which EchoAnalyzer owns) and the per-call
// context the stages read.
//   cues.cpp    explicit echoes and explicit self-repetition (cue phrases)
//   phrases.cpp implicit echoes and self-repetition (shared distinctive phrases)
//   framing.cpp scare quotes and adopted terms
#pragma once

#include <re2/re2.h>

#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "echo/lexicon.hpp"
#include "echo/scan.hpp"
#include "quotegraph/echo.hpp"
#include "text/senses.hpp"
#include "text/word_table.hpp"

namespace quotegraph::echo {

// An RE2 compiled on first use. Most articles hold no keyword of most cue
// patterns, and compiling all 22 (their name classes are large Unicode sets)
// takes 0.1 s, more than analysing a short article. Thread-safe.
class LazyRE2 {
 public:
  LazyRE2(std::string pattern, const RE2::Options& options) : pattern_(std::move(pattern)), options_(options) {}
  const RE2* operator->() const { return &get(); }
  const RE2& operator*() const { return get(); }
  const RE2& get() const {
    std::call_once(once_, [this] { re_ = std::make_unique<RE2>(pattern_, options_); });
    return *re_;
  }

 private:
  std::string pattern_;
  RE2::Options options_;
  mutable std::once_flag once_;
  mutable std::unique_ptr<RE2> re_;
};

// Where a cue pattern can match, as words any match holds: the pattern is
// compiled and run only on the sentences that hold them. Most sentences of
// news hold none, and most patterns never match an article: compiling each
// and scanning each sentence with it cost more than the rest of echo.
struct CueTrigger {
  // The cue verb's forms, lower case, as whole words: every match holds one,
  // followed by white space ("echoed Tokayev’s …", never "repeatedly").
  // None: the pattern searches the whole body.
  std::vector<std::string> keywords;
  // Every match starts where a keyword starts ("\b((?i:echo…"): the pattern
  // is tried anchored at each keyword of the sentence, not searched along it.
  // Needs keywords.
  bool at_keyword = false;
  // What follows the keyword in every match, in white-space separated words:
  // X's name, a run of capitalised words, opens among the next `name_within`
  // (0: no test), and holds the possessive mark ("Tokayev’s") or ends in a
  // comma ("Like Tokayev, …") when `name_then` says so.
  enum NameThen { kAnything, kPossessive, kComma };
  int name_within = 0;
  NameThen name_then = kAnything;
  // The keyword is capitalised in every match ("Like X, Y called"), or
  // follows a comma ("Y, like X, called").
  bool capital_keyword = false;
  bool comma_before = false;
  // The words right after the keyword, each one of a group, any case
  // ("agreed with", "took a page").
  std::vector<std::vector<std::string>> then;
  // One of the next `thing_within` words is one of `things` (lower case): what
  // is echoed, "echoed the claim made by X", "borrowed a phrase from X".
  int thing_within = 0;
  const std::vector<std::string>* things = nullptr;
  // The words of `then` may carry a closing ",", "." or ";" ("agreed with
  // him, …").
  bool then_punct = false;
  // One of the next `verb_within` words opens with one of `verbs` (lower
  // case): the characterising verb ("Like X, Y called …").
  int verb_within = 0;
  std::vector<std::string> verbs;
  // One of words 2 to `in_within` after the keyword is "in", and the word
  // after it holds "ing" past its first letter ("joined X in calling").
  int in_within = 0;
  // The word before the keyword is a form of "be" ("was echoed by"), or an
  // -ly word after one ("was widely echoed by"), and a possessive ("X's",
  // "Sanders'") is the second or third word before that ("have been": before
  // "have").
  bool after_be = false;
  // A keyword followed otherwise ("used to", "quoted him as saying",
  // "agreement") is no place for a match, and a pattern whose keywords all
  // fail is never compiled.
};

// The white-space separated words after the one holding byte `p` of `text`
// (at most 12, before `end`), numbered from 1, as CueTrigger's tests read them:
// where the first capitalised one is, and how early a name (up to five
// capitalised words) may open that holds an apostrophe or ends in a comma; 0
// when there is none.
struct CueFollow {
  int name = 0, possessive = 0, comma = 0;
  std::vector<std::string_view> words;  // the first few, as written
  bool comma_before = false;            // a comma before the keyword's word
  // Words 1 to 14, as written: the farthest a pattern's characterising verb
  // or "in" can be ("Like the Acme Party, the Beta Union … called").
  std::vector<std::string_view> later;
  std::string_view before[6];  // the six words before the keyword's word, nearest first
};
CueFollow follow_words(std::string_view text, size_t p, size_t end);
// Whether keyword `kw` (lower case) is at `p` as a word of its own: any case,
// no letter, digit or '_' before it (RE2's \b), white space after it, before `end`.
bool keyword_at(std::string_view text, size_t p, std::string_view kw, size_t end);
// The words that open the alternatives of what is echoed in the cue patterns
// ("claim", "claims", "words", "talking", …), every form spelled out.
const std::vector<std::string>& thing_words();
// Whether a keyword of `t` at `p`, followed by `f`, may start a match's cue.
bool admits(const CueTrigger& t, const CueFollow& f, std::string_view text, size_t p);

// One explicit cue construction.
struct CuePattern {
  CuePattern(std::string pattern, const RE2::Options& options) : re(std::move(pattern), options) {}
  LazyRE2 re;
  std::string lemma;      // "echo", "repeat", "parrot", ...
  double score = 0.9;     // how reliably the construction states an echo
  int x_group = 0;        // capture group (1-based) of the echoed speaker X
  int y_group = 0;        // capture group of the echoing speaker Y when the pattern holds it
  bool self = false;      // states self-repetition ("reiterated his call")
  bool demonstrative = false;  // no X: "echoed that promise" points at the statement just before
  CueTrigger trigger;
};

// A one-hash bit filter over 64-bit hashes, sized to about 16 bits per key:
// may_hold() is false for most hashes not added, never for one added.
class HashFilter {
 public:
  explicit HashFilter(size_t keys) {
    size_t bits = 1024;
    while (bits < keys * 16) bits <<= 1;
    mask_ = bits - 1;
    words_.assign(bits / 64, 0);
  }
  void add(uint64_t h) { words_[(h & mask_) >> 6] |= 1ULL << (h & 63); }
  bool may_hold(uint64_t h) const { return (words_[(h & mask_) >> 6] >> (h & 63)) & 1; }

 private:
  uint64_t mask_ = 0;
  std::vector<uint64_t> words_;
};

// What EchoAnalyzer builds once (echo.cpp) and every analyze() call reads.
struct Compiled {
  EchoLexicon lex;
  std::deque<CuePattern> cues;  // deque: a CuePattern (its once_flag) does not move
  std::vector<std::string> keywords;              // unique, lower case
  std::vector<std::vector<size_t>> keyword_cues;  // keyword index -> indices into cues
  text::WordTable<uint32_t> keyword_index;                // keyword -> its index
  // The keywords' (length, first letter, last letter), any case: most words of
  // a text fail this one bit test and are never folded and looked up.
  struct Shapes {
    std::vector<bool> bits = std::vector<bool>(32 * 26 * 26, false);
    static int letter(char c) { return c >= 'a' && c <= 'z' ? c - 'a' : c >= 'A' && c <= 'Z' ? c - 'A' : -1; }
    void add(std::string_view w) { bits[(w.size() % 32 * 26 + letter(w.front())) * 26 + letter(w.back())] = true; }
    bool may_hold(size_t n, char first, char last) const {
      const int f = letter(first), l = letter(last);
      return f >= 0 && l >= 0 && bits[(n % 32 * 26 + f) * 26 + l];
    }
  } keyword_shapes;
  size_t max_keyword = 0;                                 // the longest keyword's length
  std::unordered_set<uint64_t> stock_hashes;  // hash of every stock phrase (stemmed)
  std::vector<std::pair<std::vector<uint64_t>, std::string>> loaded_phrases;  // word hashes, text
  // Token hashes (Token::hash) of the one-word loaded labels and of the first
  // word of each loaded phrase: a token is tested by its hash, never re-stemmed.
  std::unordered_set<uint64_t> loaded_word_hashes, loaded_first_hashes;
  // Both sets' hashes: most tokens of a content are in neither, and this
  // answers them without a hash-set probe.
  HashFilter loaded_filter{0};
  text::Senses senses;  // WordNet: a collocation it lists ("health care") is language, not framing
  Compiled();
};

struct Context {
  const Compiled& compiled;
  const EchoOptions& options;
  const std::vector<EchoInput>& inputs;
  std::vector<DocText> docs;  // one per input, same order
  const Analysis& analysis(int i) const { return *inputs[i].analysis; }
};

void find_explicit(const Context& cx, EchoReport& out);
void find_implicit(const Context& cx, EchoReport& out);
void find_framing(const Context& cx, EchoReport& out);

// Whether a speaker's name is a proper name, not a dateline ("WASHINGTON"), a
// weekday, a number word, a quantifier or a plural common noun ("Officials")
// that the rules took for a subject. Echo's records need named parties.
bool is_proper_name(std::string_view name);

// The entity that `mention` names in `a` (d: its scan): one whose name, else a
// short alias, ends in the same word, else one with a mention inside it. -1
// when none.
int resolve_mention(const Analysis& a, const DocText& d, Span mention);

// Hash of tokens [b, e) as the n-gram index computes it.
inline uint64_t ngram_hash(const std::vector<Token>& toks, size_t b, size_t e) {
  uint64_t h = toks[b].hash;
  for (size_t k = b + 1; k < e; ++k) h = combine_hash(h, toks[k].hash);
  return h;
}

}  // namespace quotegraph::echo
