// Internal to src/diff: word normalisation (words.cpp), content similarity and
// the small lexicons that alignment and comparison (diff.cpp) share. Not public
// API; tests/test_diff.cpp tests similarity and words directly.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "quotegraph/diff.hpp"

namespace quotegraph::diff {

// Similarity of two contents in [0, 1] (symmetric): the maximum of the Jaccard
// index of content-word sets, of word-bigram shingles, the containment of the
// smaller content-word set in the larger, the longest common run of words over
// the shorter length, and a run of words both put in quotation marks (an
// anchor). Case and punctuation are ignored. No speaker bonus or penalty: those
// need the story's entities (docs/diff.md).
double similarity(std::string_view a, std::string_view b);

// Lower-case words of `text` with punctuation and quotation marks dropped.
std::vector<std::string> words(std::string_view text);

}  // namespace quotegraph::diff

namespace quotegraph::diff::detail {

// A word of a content with its byte span in the document.
struct Word {
  std::string norm;  // lower case, quotation marks and edge punctuation dropped
  Span span;
};

// Words of doc.text[span] with their spans (offsets into the document).
std::vector<Word> split_words(std::string_view text, uint32_t base);

// Function words left out of the content-word sets ("the", "will", "we").
bool is_stop_word(std::string_view w);

// Role words that mark a speaker as someone who speaks for another
// ("spokeswoman", "press secretary"): the words behind a relay finding.
bool is_relay_role(std::string_view role_or_name);

// Normalised name: lower case, punctuation and a possessive "'s" dropped,
// white space collapsed ("Kazakhstan's President" -> "kazakhstan president").
std::string name_norm(std::string_view name);

// Initials of the capitalised words of a name ("Velmar Port Authority" -> "vpa");
// "" for fewer than two such words.
std::string initials(std::string_view name);

// Word-level diff: the words of `a` missing from `b` and the words of `b` missing
// from `a`, by longest common subsequence, each run joined by spaces.
struct WordDiff {
  std::vector<std::string> removed;  // runs in a, not in b
  std::vector<std::string> added;    // runs in b, not in a
};
WordDiff word_diff(const std::vector<std::string>& a, const std::vector<std::string>& b);

}  // namespace quotegraph::diff::detail
