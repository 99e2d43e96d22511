// Stage 2b, windows: cut a long body at paragraph breaks.
#include "text/windows.hpp"

namespace quotegraph::text {
namespace {

bool continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Where a window that starts at `start` and may reach `limit` should end.
uint32_t cut_point(std::string_view text, uint32_t start, uint32_t limit) {
  const uint32_t floor = start + (limit - start) / 2;
  std::string_view window = text.substr(floor, limit - floor);
  // A blank line, possibly with spaces or a CR on it.
  for (size_t i = window.rfind('\n'); i != std::string_view::npos && i > 0; i = window.rfind('\n', i - 1)) {
    size_t j = i;
    while (j > 0 && (window[j - 1] == ' ' || window[j - 1] == '\r' || window[j - 1] == '\t')) --j;
    if (j > 0 && window[j - 1] == '\n') return floor + static_cast<uint32_t>(i + 1);
  }
  for (char sep : {'\n', ' '})
    if (size_t i = window.rfind(sep); i != std::string_view::npos) return floor + static_cast<uint32_t>(i + 1);
  uint32_t cut = limit;
  while (cut > floor + 1 && continuation_byte(text[cut])) --cut;
  return cut;
}

}  // namespace

std::vector<Span> cut_windows(std::string_view text, uint32_t begin, uint32_t end, uint32_t max_bytes) {
  std::vector<Span> out;
  if (max_bytes == 0 || end - begin <= max_bytes) {
    out.push_back({begin, end});
    return out;
  }
  if (max_bytes < 8) max_bytes = 8;  // room for a code point in either half
  uint32_t start = begin;
  while (end - start > max_bytes) {
    uint32_t cut = cut_point(text, start, start + max_bytes);
    out.push_back({start, cut});
    start = cut;
  }
  out.push_back({start, end});
  return out;
}

}  // namespace quotegraph::text
