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
    out_ += c;
    first_.push_back(1);
  }
  void close(char c) {
    const bool empty = first_.back() != 0;
    first_.pop_back();
    if (!empty) newline();
    out_ += c;
  }
  void key(std::string_view k) {
    element();
    string(k);
    out_ += indent_ >= 0 ? ": " : ":";
  }
  // The separator before an array element.
  void element() {
    if (!first_.back()) out_ += ',';
    first_.back() = 0;
    newline();
  }

  void string(std::string_view s);
  void number(uint64_t n);
  void real(double x);  // as nlohmann writes a double
  void null() { out_ += "null"; }
  void raw(std::string_view s) { out_ += s; }

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

  std::string take() && { return std::move(out_); }

 private:
  void newline() {
    if (indent_ < 0) return;
    out_ += '\n';
    out_.append(first_.size() * static_cast<size_t>(indent_), ' ');
  }

  std::string out_;
  int indent_;
  const CodePointMap* cp_;
  // Per open container: nothing written in it yet. Bytes, not vector<bool>:
  // element() reads and clears the last one a million times a corpus.
  std::vector<char> first_;
};

}  // namespace quotegraph::io
