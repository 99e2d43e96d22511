// Stage 2, boilerplate: Document -> where the article body ends and web chrome
// (author bio boxes, comment forms, share bars, newsletter sign-ups) begins.
#pragma once

#include <memory>

#include "quotegraph/document.hpp"

namespace re2 { class RE2; }

namespace quotegraph::text {

class ChromeDetector {
 public:
  ChromeDetector();  // compiles the patterns once
  ~ChromeDetector();

  // Byte offset where the trailing chrome starts, or doc.text.size() when there
  // is none. Only a tail is cut: the chrome must start after the article's first
  // paragraphs and run to the end. Linear in the text size.
  uint32_t body_end(const Document& doc) const;

 private:
  std::unique_ptr<re2::RE2> hard_;    // a widget line that always starts chrome
  std::unique_ptr<re2::RE2> soft_;    // a widget line that starts chrome near the end
  std::unique_ptr<re2::RE2> bio_;     // a third-person author bio
};

}  // namespace quotegraph::text
