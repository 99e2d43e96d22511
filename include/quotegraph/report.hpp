// The HTML report: analyses in, one static, self-contained HTML5 page out, for
// people who read an analysis rather than parse it (docs/report.md).
//
//   report::Reporter reporter;  // builds the echo and diff analyzers once
//   Result<std::string> page = reporter.render({{&analysis, ""}});
//   if (page.ok()) write(page.value());  // one self-contained HTML file
//
// The page shows each article's text with every attribution highlighted
// (content, cue and speaker mention in distinct styles, one colour per speaker
// entity; hover or keyboard focus shows speaker, kind, cue, addressee, about,
// relay chain and confidence), the web-chrome tail greyed out, side panels
// (speakers, who talks to and about whom, echoes and framing, every
// attribution), and the quote graph as inline SVG rendered through gvc. With
// two or more articles the articles stand side by side, statements aligned by
// the diff engine are linked across the columns, and the diff's findings are
// listed; the graph is then the diff's graph.
//
// Self-contained: CSS and JavaScript are inline, nothing is fetched, and the
// page works without JavaScript except for the floating tooltip (the
// attribution table carries the same details, also in print).
// Safety: every piece of input text (article, names, paths, outlets) is
// HTML-escaped, in element content and attribute values alike, and the only
// <script> element is the page's own.
// Offsets: marks are UTF-8 byte spans into Document::text, as everywhere in the
// library; slicing snaps to code-point boundaries, so multibyte text stays intact.
// Determinism: the same inputs give byte-identical pages (no dates, no
// unordered iteration). Errors are Status values (only Graphviz can fail).
// Thread safety: free functions are pure; a Reporter is immutable after
// construction and render() may run on many threads (gvc calls take turns).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "quotegraph/diff.hpp"
#include "quotegraph/document.hpp"
#include "quotegraph/echo.hpp"
#include "quotegraph/status.hpp"

namespace quotegraph::report {

// -------------------------------------------------------------------- the page

// One article of the page (one column). The analysis is borrowed. Title, url
// and date are the provenance a JSONL record or a web page gives (RecordInfo);
// the page shows them under the outlet, the url as a link when it is http(s).
struct Article {
  const Analysis* analysis = nullptr;
  std::string outlet;  // display name; "" means Document::outlet, else the file name
  std::string title;   // the article's headline; "" means none known
  std::string url;     // where it was published; "" means none known
  std::string date;    // as the record gives it ("2016-03-01T12:00:00Z"); "" means none known
};

struct ReportOptions {
  std::string title;  // <title> and heading; "" means the first article's title, else its first line
  bool graph = true;  // render the graph (gvc) as inline SVG
};

// Everything one page shows, computed beforehand. Pointers are borrowed.
struct ReportInputs {
  std::vector<Article> articles;             // the columns, in this order
  const echo::EchoReport* echoes = nullptr;  // its input i is articles[i]; null: no echo panel
  const diff::DiffReport* diff = nullptr;    // its input i is articles[i]; null: no diff sections
};

// The site a url names, as an outlet's name when a record gives none:
// "https://www.harbor.example:8080/a?b" -> "harbor.example"; "" when the url is
// not http(s) or has no host.
std::string url_site(std::string_view url);

// The page. Errors: kInvalidArgument for no articles, a null analysis, or a
// diff whose inputs are not the articles in order; kInternal when Graphviz
// fails. Size and time are linear in the texts plus the graph layout.
Result<std::string> to_html(const ReportInputs& inputs, const ReportOptions& options = {});

// Builds the echo analyzer (and the diff engine's lexicons) once, then renders
// pages: what `quotegraph report` and `quotegraph diff --format html` call.
class Reporter {
 public:
  explicit Reporter(ReportOptions options = {}, diff::DiffOptions diff_options = {});
  ~Reporter();
  Reporter(const Reporter&) = delete;
  Reporter& operator=(const Reporter&) = delete;

  // One article: its page. Two or more: the echo analysis over all of them and
  // their diff; the columns follow the diff's canonical order, so the page does
  // not depend on the argument order. Errors as for to_html.
  Result<std::string> render(const std::vector<Article>& articles) const;

  // The page of an existing diff (columns in the report's input order): the
  // same page as render() of its articles with the same diff options.
  // `about` gives the inputs' title, url and date, matched by analysis.
  Result<std::string> render(const diff::DiffReport& diff, const std::vector<Article>& about = {}) const;

 private:
  // Public types only, so held directly.
  ReportOptions options_;
  echo::EchoAnalyzer echo_;
  diff::Differ differ_;
};

}  // namespace quotegraph::report
