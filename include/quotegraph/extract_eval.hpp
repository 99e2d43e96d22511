// Scoring HTML body extraction against a dev set of saved pages.
//
//   Result<std::vector<eval::ExtractPage>> pages = eval::read_extract_devset("devset/");
//   for (eval::ExtractPage& p : pages.value())
//     eval::score_page(p, corpus::extract_html_text(html_of(p)), truth_of(p));
//   std::cout << eval::extract_report_text(pages.value(), /*errors=*/false);
//
// A dev set is a directory (scripts/html_devset.py builds one from the
// trafilatura project's test pages):
//   DIR/snippets.json   {"pages": [{"page": "NAME.html", "with": [...], "without": [...]}]}
//   DIR/pages/NAME.html the saved page
//   DIR/bodies/NAME.txt (optional) the page's full article body, for token P/R/F1
// A with-snippet must occur in the extracted body, a without-snippet must not;
// both are compared with runs of white space collapsed to one space, because
// extractors differ in how they lay out white space, not in what text they keep.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "quotegraph/document.hpp"
#include "quotegraph/status.hpp"

namespace quotegraph::eval {

// Token-level overlap of an extracted body with the true body: tokens are
// maximal runs of letters and digits (every non-ASCII byte counts as a letter,
// so words of any script stay whole), compared as multisets, case-sensitively.
// precision = shared / extracted tokens, recall = shared / true tokens.
// An empty side gives 0 for the figures that divide by it. O(n log n).
struct TokenScore {
  size_t extracted = 0, truth = 0, shared = 0;
  double precision() const { return extracted ? double(shared) / double(extracted) : 0.0; }
  double recall() const { return truth ? double(shared) / double(truth) : 0.0; }
  double f1() const {
    double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
};
TokenScore score_tokens(std::string_view extracted, std::string_view truth);

// One page of a dev set and how an extraction did on it.
struct ExtractPage {
  std::string page;                          // file name under DIR/pages
  std::vector<std::string> with, without;    // snippets
  std::string body_path;                     // DIR/bodies/NAME.txt when present, else ""
  // Filled by score_page:
  std::vector<std::string> missed;           // with-snippets not found
  std::vector<std::string> leaked;           // without-snippets found
  bool has_body = false;
  TokenScore tokens;
  size_t html_bytes = 0;
  // Filled by score_attributions:
  size_t attributions = 0;
  size_t chrome_attributions = 0;  // whose sentence text holds a without-snippet
};

// Reads DIR/snippets.json. Errors: kInputError naming the file (missing, bad
// JSON, a page entry without a "page" string).
Result<std::vector<ExtractPage>> read_extract_devset(const std::string& dir);

// Scores one extracted body against the page's snippets (and `truth`, the
// full body, when has_body).
void score_page(ExtractPage& page, std::string_view extracted, std::string_view truth);

// Counts the analysis's attributions of the extracted body, and those that
// come from page chrome as far as the dev set can tell: the content, cue and
// speaker mention (from the first to the last byte they cover) overlap a
// without-snippet's occurrence in the body. A lower bound: chrome the
// snippets do not name is not seen.
void score_attributions(ExtractPage& page, const Analysis& analysis);

// Totals: snippet hit rates and token P/R/F1 micro-averaged over pages with a
// body, macro F1 too. "snippet F1" is the harmonic mean of the with-hit rate
// (a recall) and the without-absent rate (a precision).
std::string extract_report_text(const std::vector<ExtractPage>& pages, bool errors);
std::string extract_report_json(const std::vector<ExtractPage>& pages, bool errors);

}  // namespace quotegraph::eval
