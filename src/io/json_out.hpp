// The streaming JSON writer every analysis output is written with (the
// document, its echo and framing sections, the corpus section, the echo
// command's report): keys in a fixed order straight into one string, no DOM.
//
// The bytes are nlohmann's dump of the same values (tests/oracle/
// json_dom_writer.cpp is the reference): ", " and ": " with an indent, ","
// and ":" without, "[]" and "{}" when empty, its string escapes and its
// number formatting. A DOM cost more than the analysis itself for JSONL.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "quotegraph/document.hpp"
#include "quotegraph/io.hpp"

namespace quotegraph::io {

class JsonOut {
 public:
  // `cp` converts the offsets of span() when set (--offsets chars).
  explicit JsonOut(int indent, const CodePointMap* cp = nullptr) : indent_(indent), cp_(cp) {}

  void open(char c) {
    put(c);
    first_.push_back(1);
  }
  void close(char c) {
    const bool empty = first_.back() != 0;
    first_.pop_back();
    if (!empty) newline();
    put(c);
  }
  // A key of the schema: its names are plain ASCII (no byte to escape), so
  // they are written as they are, with the quotes and colon in one step.
  // Inlined at every call, where the key is a literal: a copy of known
  // length, not a memcpy call.
  [[gnu::always_inline]] void key(std::string_view k) {
    element();
    char* p = room(k.size() + 4);
    *p++ = '"';
    std::memcpy(p, k.data(), k.size());
    p += k.size();
    *p++ = '"';
    *p++ = ':';
    if (indent_ >= 0) *p++ = ' ';
    len_ = static_cast<size_t>(p - out_.data());
  }
  // The separator before an array element.
  void element() {
    if (!first_.back()) put(',');
    first_.back() = 0;
    newline();
  }

  void string(std::string_view s);
  void number(uint64_t n);
  void real(double x);  // as nlohmann writes a double
  void null() { put("null"); }
  void raw(std::string_view s) { put(s); }

  // An offset into the document being written, in the chosen unit.
  void offset(uint32_t byte) { number(cp_ ? (*cp_)(byte) : byte); }
  // {"text", "start", "end"}, left open for a further key (a cue's lemma,
  // a target's entity); span() closes it.
  void open_span(const Document& d, Span s) {
    open('{');
    key("text");
    string(d.slice(s));
    key("start");
    offset(s.start);
    key("end");
    offset(s.end);
  }
  void span(const Document& d, Span s) {
    open_span(d, s);
    close('}');
  }
  // A span, or null when it is empty.
  void span_or_null(const Document& d, Span s) {
    if (s.empty()) null();
    else span(d, s);
  }
  void key_string(std::string_view k, std::string_view v) {
    key(k);
    string(v);
  }
  // A string, or null when it is empty.
  void string_or_null(std::string_view s) {
    if (s.empty()) null();
    else string(s);
  }
  // The id of the attribution at `index` ("a3"), or null for -1.
  void attribution_or_null(int index) {
    if (index >= 0) string(attribution_id(static_cast<size_t>(index)));
    else null();
  }

  // Room for n bytes of output: a document's JSON is written into one string,
  // which would otherwise be copied each time it doubles.
  void reserve(size_t n) { out_.reserve(n); }

  std::string take() && {
    out_.resize(len_);
    return std::move(out_);
  }

 private:
  void newline() {
    if (indent_ < 0) return;
    const size_t n = first_.size() * static_cast<size_t>(indent_);
    char* p = room(n + 1);
    *p = '\n';
    std::memset(p + 1, ' ', n);
    len_ += n + 1;
  }
  // The output is written through a pointer, not std::string's append (a
  // call, a capacity check and a length update for every piece, most of them
  // one to five bytes: about half of the writer's instructions). out_'s size
  // is the bytes made writable, len_ those written.
  [[gnu::always_inline]] char* room(size_t n) {
    if (out_.size() - len_ < n) [[unlikely]] grow(n);
    return out_.data() + len_;
  }
  // Writable in steps of at least 16 KiB: std::string's capacity still grows
  // geometrically, and only the step is zero-filled, never the whole capacity
  // (its pages stay untouched until written, as with append).
  [[gnu::noinline]] void grow(size_t n) { out_.resize(len_ + (n > kStep ? n : kStep)); }
  static constexpr size_t kStep = 16 << 10;
  void put(char c) {
    *room(1) = c;
    ++len_;
  }
  void put(std::string_view s) {
    if (s.empty()) return;  // an empty view's data() may be null, which memcpy must not get
    std::memcpy(room(s.size()), s.data(), s.size());
    len_ += s.size();
  }

  std::string out_;
  size_t len_ = 0;
  int indent_;
  const CodePointMap* cp_;
  // Per open container: nothing written in it yet. Bytes, not vector<bool>:
  // element() reads and clears the last one a million times a corpus.
  std::vector<char> first_;
};

}  // namespace quotegraph::io
