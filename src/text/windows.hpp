// Stage 2b, windows: a very long body -> stretches the later stages analyse one
// at a time. Token, quote and sentence tables grow with the text they cover;
// bounding that text bounds the memory and keeps the working set in cache, so
// a 100 MB input costs per byte what a 1 MB one does.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "quotegraph/document.hpp"

namespace quotegraph::text {

// Cuts [begin, end) of `text` into consecutive spans of at most `max_bytes`
// (one span when it fits, or when max_bytes is 0). Each cut falls at the last
// blank line in the second half of the window, else at the last line break,
// else after the last space, else at the last UTF-8 boundary: a paragraph
// (and so a quote or an attribution) is only split when it alone is longer
// than half a window. Linear in the text.
std::vector<Span> cut_windows(std::string_view text, uint32_t begin, uint32_t end, uint32_t max_bytes);

}  // namespace quotegraph::text
