// Text helpers of the evaluation: word keys for speaker names, the speech-cue
// test, code-point -> byte maps, excerpts. All mirror shared/tools/score_corpus.py.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "quotegraph/document.hpp"
#include "quotegraph/status.hpp"

namespace quotegraph::eval {

// Last word of `s` as score_corpus.py's words(s)[-1]: NFKC, lower-cased, then
// the last run of word characters (letters, numbers, '_') and '-'. "" if none.
std::string last_word(std::string_view s);

// True when `cue` holds a speech cue word (say, told, according, announced, ...):
// score_corpus.py's SPEECH pattern, matched on whole words, case-insensitively.
bool is_speech_cue(std::string_view cue);

// byte_at[i] is the byte offset of code point i of `article`; byte_at has one
// entry per code point plus the end. Error (kInputError) on invalid UTF-8, naming
// `path` and the byte offset.
Result<std::vector<uint32_t>> code_point_offsets(std::string_view article, const std::string& path);

// `s` with white space runs collapsed to one space, cut to `max_chars` code points
// ("…" appended when cut).
std::string excerpt(std::string_view s, size_t max_chars);

// `span` without white space, quotation marks and , . ; : at either end.
Span trim_span(std::string_view text, Span span);

// Share of the letters of `content` that lie inside quotation marks, by a left-to-
// right scan (“ ” ‘ ’ « » and straight " toggling); -1 when it has no letters.
double quoted_letter_share(std::string_view content);

// The folded last word of a name: lower case, curly apostrophes straight,
// periods and a trailing "'s" or "'" dropped ("Mr. O’Malley's" -> "o'malley").
std::string last_name_key(std::string_view s);

// Code-point offset of byte `b` of `text` (the gold files' unit, so errors can be looked up).
size_t code_point_at(std::string_view text, uint32_t b);

}  // namespace quotegraph::eval
