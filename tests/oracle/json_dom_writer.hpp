// The DOM-building JSON writer kept as the oracle for the streaming one.
#pragma once

#include <string>

#include "quotegraph/io.hpp"

namespace quotegraph::testing {

std::string to_json_dom(const Analysis& a, int indent = 2, const JsonSections& sections = {});

}  // namespace quotegraph::testing
