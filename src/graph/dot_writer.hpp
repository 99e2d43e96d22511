// Internal: the cgraph graph behind to_dot(), shared with render() so SVG and
// PNG are laid out from exactly the graph the DOT describes.
#pragma once

#include <graphviz/cgraph.h>

#include <memory>

#include "quotegraph/graph.hpp"

namespace quotegraph::graph::detail {

struct CgraphCloser {
  void operator()(Agraph_t* g) const;
};
using CgraphPtr = std::unique_ptr<Agraph_t, CgraphCloser>;

// Builds the presentation graph with cgraph. Null on cgraph failure. With
// `drawing` (SVG and PNG, which show node names as <title>s and comments),
// node names drop the folders of the paths in keys (drawn_name).
CgraphPtr make_cgraph(const Graph& g, const DotOptions& options, bool drawing = false);

// `key` with the folders of the document paths in it dropped:
// "document:/home/ana/news/a.txt" -> "document:a.txt",
// "statement:/x/a.txt#3-9" -> "statement:a.txt#3-9",
// "entity:police@document:/x/a.txt" -> "entity:police@document:a.txt".
std::string drawn_name(std::string_view key);

// `g` as DOT text (cgraph's agwrite into memory); `who` ("graph", "diff") starts
// error messages.
Result<std::string> write_dot(Agraph_t* g, std::string_view who);

// Lays `g` out with dot and renders it as `format` (svg, png, …). Every render
// in the process shares one gvc context and takes turns; `who` ("graph",
// "diff") starts error messages.
Result<std::string> layout_and_render(Agraph_t* g, std::string_view format, std::string_view who);

// Graphviz escString form of `text` for a label: white space collapsed,
// capped at `max_chars` code points (with "…"), wrapped at `columns`, each
// backslash doubled, lines joined by "\n". columns == 0: no wrapping.
std::string label_text(std::string_view text, size_t columns, size_t max_chars);

// Backslashes doubled and line breaks written "\n", nothing else changed: the
// form in which any text survives a DOT round trip through cgraph's writer and
// reader. A raw line break is not safe there: cgraph 2.42's reader drops one
// that follows an escaped quote and precedes a backslash (`\"`, break, `\`),
// which its writer produces when it wraps a long string right after a break.
std::string escstring(std::string_view text);
// `text` for an HTML-like label (<TD>…</TD>): white space collapsed, capped at
// `max_chars` code points (with "…"), then xml_text() (& < > " ' as entities,
// characters XML forbids dropped), so no input text can open a tag.
std::string html_text(std::string_view text, size_t max_chars);

// Inverse of escstring().
std::string unescstring(std::string_view text);

}  // namespace quotegraph::graph::detail
