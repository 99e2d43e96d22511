// Internal to the report: the page model that page.cpp builds once (columns,
// speaker colours, statement groups, anchors) and panels.cpp reads.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "quotegraph/report.hpp"
#include "report/markup.hpp"

namespace quotegraph::report::detail {

extern const char* const kStyleSheet;
extern const char* const kScript;

// Mark order among marks with the same span (lower is outer).
inline constexpr int kOrderContent = 0;
inline constexpr int kOrderSpeaker = 1;
inline constexpr int kOrderCue = 2;
inline constexpr int kOrderEcho = 3;
inline constexpr int kOrderFrame = 4;

// One article column.
struct Column {
  const Analysis* a = nullptr;
  std::string outlet;  // display name
  std::string title, url, date;  // provenance (report::Article), "" when unknown
  std::string prefix;  // element id prefix: "c1", "c2", ...
};

// One speaker colour: an entity (aligned across columns when there is a diff),
// or an unresolved mention text.
struct Speaker {
  std::string key;     // "d3" (aligned entity), "c1:e4" (entity of column 1), "m:the mayor"
  std::string colour;  // "#0072b2"
  std::string tint;    // the colour at 20% over white, for backgrounds
};

struct Page {
  const ReportInputs* in = nullptr;
  const ReportOptions* options = nullptr;
  std::vector<Column> columns;
  std::vector<Speaker> speakers;            // colour class "qg-sp{index + 1}"
  std::vector<std::vector<int>> speaker_of;  // [column][attribution]: speaker index, -1 none
  std::vector<std::vector<int>> group_of;    // [column][attribution]: diff statement, -1 none
  // (column, start, end) -> id of the element marking exactly that span.
  std::map<std::tuple<int, uint32_t, uint32_t>, std::string> anchors;

  bool multi() const { return columns.size() > 1; }
  const Attribution& attribution(int col, int i) const { return columns[col].a->attributions[i]; }
  std::string attribution_id(int col, int i) const;  // "c1-a3": the statement's highlight
  std::string label(int col, int i) const;           // "#3", or "outlet #3" on a multi page
  std::string speaker_class(int col, int i) const;   // "qg-sp2" or "qg-none"
  std::string speaker_name(int col, int i) const;
  std::string entity_name(int col, const EntityRef& r) const;  // name, else mention text, else ""
  std::string anchor(int col, Span s) const;  // "" when no element marks the span
};

// Escaped attribute ` name="value"`.
std::string attr(std::string_view name, std::string_view value);
// One line of at most `max_bytes` (cut on a code point, "…" added), unescaped.
std::string excerpt(std::string_view text, size_t max_bytes);
// `<a href="#id">html</a>`, or `html` alone when id is "".
std::string link(const std::string& id, const std::string& html);
// A statement's number as the page shows it: "#3" (ids such as "a3" stay in
// element ids and data attributes).
std::string statement_no(int i);
// Confidence and scores as "0.85".
std::string fixed2(double v);

// ---- panels.cpp: sections of the page ----------------------------------------
std::string tooltip_sources(const Page& p, int col);   // the hidden statement details
std::string speakers_panel(const Page& p, int col);
std::string about_panel(const Page& p, int col);
std::string echo_panel(const Page& p, int col);
std::string attribution_table(const Page& p, int col);
std::string findings_section(const Page& p);
std::string aligned_section(const Page& p);

}  // namespace quotegraph::report::detail
