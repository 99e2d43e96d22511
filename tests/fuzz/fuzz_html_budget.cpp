// Fuzz target for the HTML input path: bytes -> corpus::measure_html (the
// budget corpus checks before gumbo) -> gumbo itself when within budget, and
// corpus::extract_html_text (what corpus runs on an HTML record).
// Properties: measure_html stops inside the input and, within budget, below
// every limit; gumbo's tree is never deeper than the model's depth + 2 (a leaf
// element and its text); the extracted text is valid UTF-8.
#include <gumbo.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_check.hpp"
#include "quotegraph/corpus.hpp"
#include "text/decode.hpp"

namespace {

size_t gumbo_depth(const std::string& html) {
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  GumboOutput* out = gumbo_parse_with_options(&options, html.data(), html.size());
  struct Frame {
    const GumboNode* node;
    size_t depth;
  };
  std::vector<Frame> stack{{out->root, 0}};
  size_t deepest = 0;
  while (!stack.empty()) {
    Frame f = stack.back();
    stack.pop_back();
    if (f.node->type != GUMBO_NODE_ELEMENT) continue;
    deepest = std::max(deepest, f.depth);
    const GumboVector& c = f.node->v.element.children;
    for (unsigned i = 0; i < c.length; ++i) stack.push_back({static_cast<const GumboNode*>(c.data[i]), f.depth + 1});
  }
  gumbo_destroy_output(&options, out);
  return deepest > 0 ? deepest - 1 : 0;  // <html> is 0, <body> 1
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace corpus = quotegraph::corpus;
  const std::string html(reinterpret_cast<const char*>(data), size);
  const corpus::HtmlBudget budget;
  corpus::HtmlShape shape = corpus::measure_html(html, budget);
  QG_FUZZ_CHECK(shape.at_byte <= html.size(), "measure_html stopped past the end");
  if (!shape.within_budget) {
    QG_FUZZ_CHECK(shape.exceeded != corpus::HtmlShape::kNone, "over budget without a reason");
    QG_FUZZ_CHECK(!corpus::check_html_budget(html).ok(), "check_html_budget disagrees with measure_html");
    return 0;
  }
  QG_FUZZ_CHECK(shape.depth <= budget.max_depth && shape.nodes <= budget.max_nodes && shape.work <= budget.max_work,
                "within budget but over a limit");
  // gumbo reads the buffer up to a NUL on some versions, as extract_html_text
  // knows; compare on what both see.
  if (html.find('\0') == std::string::npos && quotegraph::text::first_invalid_utf8(html) == std::string::npos) {
    size_t g = gumbo_depth(html);
    QG_FUZZ_CHECK(g <= shape.depth + 2, "gumbo nests " + std::to_string(g) + " deep, the model said " +
                                             std::to_string(shape.depth));
  }
  std::string text = corpus::extract_html_text(html);
  QG_FUZZ_CHECK(quotegraph::text::first_invalid_utf8(text) == std::string::npos, "extracted text is not UTF-8");
  return 0;
}
