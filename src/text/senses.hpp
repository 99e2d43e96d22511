// WordNet senses, shared by the diff's paraphrase alignment and echo's stock-phrase test: a word -> its lemmas
// ("threats" -> "threat", "slammed" -> "slam") and the synsets of its first
// senses, so "bow to" and "give in to" (one WordNet synset) count as the same
// content word. Collocations ("give in") are looked up as WordNet writes them
// ("give_in").
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace quotegraph::text {

struct Sense {
  std::vector<std::string> lemmas;  // sorted, unique; the word itself when WordNet has no other base form
  std::vector<uint64_t> synsets;    // (part of speech << 32 | synset offset) of the first kFirstSenses senses, sorted
  bool known = false;               // WordNet lists the word (or a base form of it)
};

// WordNet's C library keeps its state in globals and is not thread-safe, so
// every call goes through one process-wide mutex; answers are cached per word.
// When the dictionary is not installed, every word is its own lemma with no
// synsets (alignment falls back to exact words) and available() is false.
class Senses {
 public:
  // Senses of a word's first senses per part of speech: later senses are rare
  // meanings that would make common verbs synonyms of everything.
  static constexpr int kFirstSenses = 3;

  Senses();
  ~Senses();
  Senses(const Senses&) = delete;
  Senses& operator=(const Senses&) = delete;

  bool available() const { return available_; }

  // `word`: lower case, no spaces; "give_in" for a collocation. Thread-safe.
  Sense lookup(const std::string& word) const;

  // Whether WordNet lists `a_b` as a collocation whose synsets are `a_b`'s own
  // (so "give in" is one unit). Thread-safe.
  bool is_collocation(const std::string& joined) const;

  // How common `word` (lower case) is in English: the number of times its senses
  // were tagged in WordNet's sense-tagged corpus (SemCor; the dictionary's
  // cntlist.rev), over every part of speech and base form. "know" 954, "win"
  // 117, "debt" 6, "deportation" 0; 0 also for words WordNet does not list (a
  // name, a coinage). -1 when the dictionary is not installed. Thread-safe: the
  // counts are read into memory once per process.
  int frequency(const std::string& word) const;

 private:
  struct Cache;
  bool available_ = false;
  std::unique_ptr<Cache> cache_;
};

}  // namespace quotegraph::text
