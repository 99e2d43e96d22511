// Page metadata of a parsed HTML page (src/corpus/html_meta.cpp).
#pragma once

#include <gumbo.h>

#include "quotegraph/corpus.hpp"

namespace quotegraph::corpus::detail {

// Fills title, byline, date, url and site_name of `out` from meta tags,
// <link rel=canonical>, <title>, <time> and JSON-LD, as extract_html documents.
void read_metadata(const GumboNode* root, HtmlArticle* out);

}  // namespace quotegraph::corpus::detail
