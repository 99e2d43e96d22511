// Plain text assembled from HTML text nodes: white space collapsed inside a
// paragraph, paragraphs separated by a blank line. Shared by the article
// extractor and the tag-stripping fallback so both lay text out alike.
#pragma once

#include <string>
#include <string_view>

namespace quotegraph::corpus::detail {

class TextBuilder {
 public:
  void text(std::string_view s) {
    for (char c : s) {
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
        pending_space_ = true;
        continue;
      }
      if (pending_break_ && !out_.empty()) out_ += "\n\n";
      else if (pending_line_ && !out_.empty()) out_ += '\n';
      else if (pending_space_ && !out_.empty() && out_.back() != '\n') out_ += ' ';
      pending_break_ = pending_line_ = pending_space_ = false;
      out_ += c;
    }
  }
  void paragraph() { pending_break_ = true; }
  // Bytes written so far, and a cut back to an earlier size (pending breaks stay).
  size_t size() const { return out_.size(); }
  void truncate(size_t n) {
    if (n < out_.size()) out_.resize(n);
  }
  void line() { pending_line_ = true; }
  std::string finish() {
    if (!out_.empty()) out_ += '\n';
    return std::move(out_);
  }

 private:
  std::string out_;
  bool pending_space_ = false, pending_line_ = false, pending_break_ = false;
};

}  // namespace quotegraph::corpus::detail
