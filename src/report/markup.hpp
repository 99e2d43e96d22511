// Internal to the report: the two building blocks every section of the page is
// written with (markup.cpp). Not public API: tests/test_report.cpp tests them
// directly.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "quotegraph/document.hpp"

namespace quotegraph::report {

// `text` escaped for HTML element content and quoted attribute values alike:
// & < > " ' become character references. The result is always valid UTF-8 and
// valid HTML5 text: invalid UTF-8 bytes, C0/C1 control characters other than
// tab, line feed and carriage return, and Unicode noncharacters become U+FFFD.
// O(n).
std::string escape_html(std::string_view text);

// One styled range of a text for mark_up(): an element wrapped around the bytes
// of `span`.
struct Mark {
  Span span;                  // UTF-8 byte offsets into the text given to mark_up()
  std::string tag = "span";   // element name, written as is
  std::string attributes;     // on the first fragment, already escaped: ` class="x" id="y"`
  std::string continued;      // on every later fragment (see mark_up); keep ids out of it
  int order = 0;              // among marks with the same span, lower is outer
};

// `text[range]`, HTML-escaped, with every mark's element wrapped around its
// bytes. Overlapping marks always give well-formed, properly nested markup:
// the text is cut at every mark boundary (boundary events); at each position
// the marks that end are closed, and an inner element that would have to close
// across an outer one is closed with it and reopened after it. Marks are ranked
// by (start, longer first, order), so nested spans (a content containing the
// cue of a nested attribution) nest without a cut, and only crossing spans
// are split. A split mark's first fragment carries `attributes`, the others
// `continued`; a mark that starts before `range` has only `continued`
// fragments. Span ends are moved outwards to code-point boundaries, marks are
// clipped to `range` (marks entirely outside it are dropped), and an empty
// span inside `range` gives an empty element. Time O((n + m log m + f)) for n
// bytes, m marks and f fragments written.
std::string mark_up(std::string_view text, Span range, std::vector<Mark> marks);

}  // namespace quotegraph::report
