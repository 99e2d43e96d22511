// Article body of a parsed HTML page (src/corpus/article.cpp).
#pragma once

#include <gumbo.h>

#include <string>

namespace quotegraph::corpus::detail {

// The article body under `root` as plain text: paragraphs separated by a
// blank line, white space inside a paragraph collapsed. The container is the
// element whose paragraphs score highest (length, commas, link density, class
// and id words), widened to its enclosing <article>, joined by sibling blocks
// that score alike; inside it navigation, asides, headers, footers, forms,
// captions and blocks named like furniture (comments, sharing, related,
// newsletter, byline…) are dropped unless they hold most of the prose, link
// lists are dropped (but for lists of links to other sites set among the
// story's paragraphs), and repeated paragraphs are written once. Iterative (no
// recursion on the tree); linear in the nodes but for the walk from each
// candidate to its ancestors, which is bounded by the depth.
std::string article_text(const GumboNode* root);

}  // namespace quotegraph::corpus::detail
