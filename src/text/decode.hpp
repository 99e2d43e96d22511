// Stage 1, decode: raw bytes -> Document (validated UTF-8 of the same length).
#pragma once

#include <string>

#include "quotegraph/document.hpp"
#include "quotegraph/status.hpp"

namespace quotegraph::text {

// Validates `bytes` as UTF-8 (rejecting overlong forms, surrogates and code
// points above U+10FFFF) and wraps it in a Document without changing its length.
// Errors (kInputError, message "PATH: byte N: ..."): NUL bytes (binary input),
// a UTF-16 byte-order mark, and invalid UTF-8 unless `lenient`, in which case
// each invalid byte becomes '?'. A UTF-8 BOM is skipped via body_start.
Result<Document> decode(std::string bytes, std::string path, bool lenient);

// Offset of the first invalid UTF-8 byte, or npos when the input is valid.
size_t first_invalid_utf8(std::string_view s);

}  // namespace quotegraph::text
