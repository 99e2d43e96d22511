// Echo lexicon: the word lists the echo and framing stages read (as data, in
// lexicon.cpp, each with a comment on its source). Built once, read-only.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/word_table.hpp"

namespace quotegraph::echo {

class EchoLexicon {
 public:
  EchoLexicon();

  // Function words: weight 0 in a phrase; a phrase never starts or ends on one.
  bool is_stop(std::string_view norm) const { return stop_.contains(norm); }
  // High-frequency news vocabulary: low weight in a phrase.
  bool is_common(std::string_view norm) const { return common_.contains(norm); }
  // Both answers in one lookup, for the scan that asks them of every word:
  // bit 0 a function word, bit 1 a common news word.
  uint8_t word_class(std::string_view norm) const {
    const uint8_t* v = classes_.find(norm);
    return v ? *v : 0;
  }
  // The same by the word's hash (scan.hpp's word_hash() of `norm`), which the
  // scan computes anyway for nearly every word (its stem is itself): a probe of
  // 64-bit keys instead of hashing and comparing the string again. The echo
  // stages already take equal hashes for equal words.
  uint8_t class_of_hash(uint64_t h) const {
    for (size_t i = h & class_mask_;; i = (i + 1) & class_mask_) {
      if (class_keys_[i] == h) return class_values_[i];
      if (class_keys_[i] == 0) return 0;
    }
  }
  // Loaded labels (stemmed): "terrorist", "thug", "regime": candidates for `adopted`.
  bool is_loaded(std::string_view stem) const { return loaded_.contains(stem); }
  // A word that, just before a quotation, makes it a title or a name ("titled", "film").
  bool is_title_cue(std::string_view norm) const { return title_cues_.contains(norm); }
  // A noun that, just before a quotation, names it as cited words ("the words", "the phrase").
  bool is_citing_noun(std::string_view norm) const { return citing_nouns_.contains(norm); }
  // A citing noun or a noun of what someone says ("call", "claim", "promise").
  bool is_utterance_noun(std::string_view norm) const { return utterance_nouns_.contains(norm); }

  // Stock phrases as stemmed token lists ("the united state", "press conference").
  const std::vector<std::vector<std::string>>& stock_phrases() const { return stock_; }
  // Multi-word loaded labels as stemmed token lists ("special military operation").
  const std::vector<std::vector<std::string>>& loaded_phrases() const { return loaded_phrases_; }
  // The one-word loaded labels, stemmed (what is_loaded() answers for).
  const std::vector<std::string>& loaded_words() const { return loaded_words_; }

 private:
  // Looked up once per token: no string is built for a lookup.
  text::WordSet stop_, common_, loaded_, title_cues_, citing_nouns_, utterance_nouns_;
  text::WordTable<uint8_t> classes_;
  std::vector<uint64_t> class_keys_;  // word_hash() of each classed word; 0: empty slot
  std::vector<uint8_t> class_values_;
  uint64_t class_mask_ = 0;
  std::vector<std::vector<std::string>> stock_, loaded_phrases_;
  std::vector<std::string> loaded_words_;
};

// Lower-case ASCII, "’" -> "'", possessive "'s" / trailing "'" dropped.
std::string normalize_word(std::string_view word);
// The same into `out`, whose storage is reused: no allocation per word in a scan.
void normalize_word_into(std::string_view word, std::string& out);
// A light plural stem of a normalised word: "terrorists" -> "terrorist",
// "parties" -> "party"; words of four letters or fewer are kept; "2nd" -> "second".
std::string stem_word(std::string_view norm);
// The same as a view into `norm`, into `buf` (reused) or into static storage.
std::string_view stem_view(std::string_view norm, std::string& buf);

}  // namespace quotegraph::echo
