// The echo stage's part of the analysis JSON: the "echoes" and "framing"
// keys, written by the echo writer into the document's own stream.
#pragma once

#include "io/json_out.hpp"
#include "quotegraph/echo.hpp"

namespace quotegraph::echo {

// Writes "echoes" (echoes, then repetitions, "type":"echo"/"repetition") and
// "framing" for the records of `r` inside article `a` (input 0). Spans are
// offsets into `a` in the unit `o` writes; records carry the attribution ids
// ("a3") and entity ids ("e2") of the analysis.
void write_sections(io::JsonOut& o, const EchoReport& r, const Analysis& a);

}  // namespace quotegraph::echo
