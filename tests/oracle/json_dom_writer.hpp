// The DOM-building JSON writer kept as the oracle for the streaming one.
#pragma once

#include <string>

#include "quotegraph/echo.hpp"
#include "quotegraph/io.hpp"

namespace quotegraph::testing {

// `echo`: the echoes[] and framing[] sections; `chars`: code-point offsets
// (counted here afresh, not by CodePointMap).
std::string to_json_dom(const Analysis& a, int indent = 2, const echo::EchoReport* echo = nullptr, bool chars = false);

}  // namespace quotegraph::testing
