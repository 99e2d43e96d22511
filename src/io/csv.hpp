// CSV cells for every CSV the tool writes (analyses, graph node and edge
// tables): one quoting rule, one guard against spreadsheet formulas.
#pragma once

#include <string>
#include <string_view>

namespace quotegraph::io {

// RFC 4180 quoting, and a cell that a spreadsheet would run as a formula
// (starting with =, +, -, @, tab or carriage return) gets a leading ' as
// OWASP's CSV-injection advice says: the cell then shows as text.
inline std::string csv_field(std::string_view s) {
  std::string out = "\"";
  if (!s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r'))
    out += '\'';
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace quotegraph::io
