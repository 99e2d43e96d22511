// Internal: XML character data shared by the GraphML and GEXF writers.
#pragma once

#include <string>
#include <string_view>

namespace quotegraph::graph::detail {

// XML 1.0 text: & < > " ' as entities, and the characters XML forbids outright
// (C0 controls other than tab, newline, return; U+FFFE, U+FFFF) dropped, since
// no escape can carry them. Linear.
std::string xml_text(std::string_view s);

}  // namespace quotegraph::graph::detail
