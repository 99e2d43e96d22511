// Page bytes in a declared single-byte charset to UTF-8 (src/corpus/charset.cpp).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace quotegraph::corpus::detail {

// When `html` is not valid UTF-8 and its first 4 KiB declare ISO-8859-1,
// Latin-1, US-ASCII or windows-1252 (<meta charset>, http-equiv content type,
// or the XML declaration), the page decoded as windows-1252, which is what
// browsers do for all of these labels (WHATWG Encoding). Otherwise nothing:
// the caller replaces invalid bytes. Linear.
std::optional<std::string> decode_declared_charset(std::string_view html);

}  // namespace quotegraph::corpus::detail

namespace quotegraph::corpus::detail {

// `text` (valid UTF-8) in Unicode normalization form C: pages written in NFD
// ("u" + U+0308) read and match like their composed form. ASCII and text
// already in NFC are returned unchanged at the cost of one scan.
std::string to_nfc(std::string text);

}  // namespace quotegraph::corpus::detail
