// Stage: markup. Text and styled byte spans in, escaped HTML with well-formed
// nested elements out (report/markup.hpp: escape_html, mark_up).
#include <algorithm>
#include <cstdint>

#include "report/markup.hpp"
#include "text/utf8.hpp"

namespace quotegraph::report {
namespace {

// HTML5 calls these parse errors in the input stream (controls other than
// tab/LF/FF/CR, C1 controls, noncharacters); a valid page must not contain them.
bool html_forbidden(char32_t c) {
  if (c < 0x20) return c != '\t' && c != '\n' && c != '\r' && c != '\f';
  if (c >= 0x7F && c <= 0x9F) return true;
  if (c >= 0xFDD0 && c <= 0xFDEF) return true;
  if ((c & 0xFFFE) == 0xFFFE) return true;  // U+xFFFE, U+xFFFF in every plane
  return c >= 0xD800 && c <= 0xDFFF;        // surrogates (only from malformed input)
}

// A code point at `i` only when its bytes are the shortest well-formed form;
// next_cp alone accepts overlong forms and surrogates, which are not UTF-8.
bool well_formed(size_t len, char32_t cp) {
  if (len == 2) return cp >= 0x80;
  if (len == 3) return cp >= 0x800 && !(cp >= 0xD800 && cp <= 0xDFFF);
  return len == 4 && cp >= 0x10000 && cp <= 0x10FFFF;
}

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Moves `start` back and `end` forward to code-point boundaries within `text`.
Span snap_outwards(std::string_view text, Span s) {
  auto is_cont = [&](uint32_t i) { return i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80; };
  uint32_t start = std::min<uint32_t>(s.start, static_cast<uint32_t>(text.size()));
  uint32_t end = std::min<uint32_t>(std::max(s.end, start), static_cast<uint32_t>(text.size()));
  for (int k = 0; k < 3 && start > 0 && is_cont(start); ++k) --start;
  for (int k = 0; k < 3 && end < text.size() && is_cont(end); ++k) ++end;
  return {start, end};
}

// A mark after clipping and snapping.
struct Item {
  uint32_t start = 0;
  uint32_t end = 0;
  const Mark* mark = nullptr;
  bool first_written = false;  // the next fragment is a continuation
};

}  // namespace

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  size_t i = 0;
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default:
          if (html_forbidden(c)) out += kReplacement;
          else out += static_cast<char>(c);
      }
      ++i;
      continue;
    }
    size_t at = i;
    char32_t cp = text::next_cp(text, i);
    size_t len = i - at;
    if (len == 1 || !well_formed(len, cp) || html_forbidden(cp)) {
      out += kReplacement;  // one U+FFFD per invalid byte, or per forbidden code point
    } else {
      out.append(text.substr(at, len));
    }
  }
  return out;
}

std::string mark_up(std::string_view text, Span range, std::vector<Mark> marks) {
  range = snap_outwards(text, range);

  // 1. Clip and snap every mark; rank them: start, then longer first, then order.
  std::vector<Item> items;
  items.reserve(marks.size());
  for (const Mark& m : marks) {
    Span s = snap_outwards(text, m.span);
    bool empty = s.start == s.end;
    if (empty ? (s.start < range.start || s.start > range.end) : (s.end <= range.start || s.start >= range.end))
      continue;
    Item it;
    it.start = std::max(s.start, range.start);
    it.end = std::min(s.end, range.end);
    it.mark = &m;
    it.first_written = s.start < range.start;  // its first fragment lies before the range
    items.push_back(it);
  }
  std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
    if (a.start != b.start) return a.start < b.start;
    if (a.end != b.end) return a.end > b.end;
    return a.mark->order < b.mark->order;
  });

  // 2. Boundary events: every position where some mark opens or closes.
  std::vector<uint32_t> cuts{range.start, range.end};
  for (const Item& it : items) {
    cuts.push_back(it.start);
    cuts.push_back(it.end);
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());

  std::string out;
  out.reserve(range.size() + range.size() / 4 + items.size() * 64);
  auto open = [&](Item& it) {
    out += '<';
    out += it.mark->tag;
    out += it.first_written ? it.mark->continued : it.mark->attributes;
    out += '>';
    it.first_written = true;
  };
  auto close = [&](const Item& it) {
    out += "</";
    out += it.mark->tag;
    out += '>';
  };

  // 3. Walk the cuts with a stack of open items (indices in rank order, so the
  // stack is always sorted by rank and closing from the top keeps nesting).
  std::vector<size_t> stack;
  std::vector<size_t> reopen;
  size_t next = 0;  // first item not yet opened
  for (size_t c = 0; c < cuts.size(); ++c) {
    uint32_t pos = cuts[c];
    // Close: the lowest open item that ends here, and everything above it;
    // those above that go on are reopened after it.
    size_t lowest = stack.size();
    for (size_t k = 0; k < stack.size(); ++k)
      if (items[stack[k]].end <= pos) {
        lowest = k;
        break;
      }
    reopen.clear();
    while (stack.size() > lowest) {
      size_t top = stack.back();
      stack.pop_back();
      close(items[top]);
      if (items[top].end > pos) reopen.push_back(top);
    }
    std::reverse(reopen.begin(), reopen.end());  // back to rank order
    for (size_t k : reopen) {
      open(items[k]);
      stack.push_back(k);
    }
    // Open what starts here, in rank order; an empty item opens and closes at once.
    for (; next < items.size() && items[next].start == pos; ++next) {
      open(items[next]);
      if (items[next].end == pos) close(items[next]);
      else stack.push_back(next);
    }
    if (c + 1 < cuts.size()) out += escape_html(text.substr(pos, cuts[c + 1] - pos));
  }
  return out;
}

}  // namespace quotegraph::report
