// Stage: reporter. Articles in; the echo analysis over all of them and, for two
// or more, their diff; then the page (to_html). The analyzers are built once.
#include "quotegraph/report.hpp"

namespace quotegraph::report {

Reporter::Reporter(ReportOptions options, diff::DiffOptions diff_options)
    : options_(std::move(options)), differ_(diff_options) {}

Reporter::~Reporter() = default;

namespace {

// The echo analysis of the page's articles, in column order, each dated by its
// own text (an earlier date makes an article the source of a shared phrase).
echo::EchoReport echoes_of(const echo::EchoAnalyzer& analyzer, const std::vector<Article>& articles) {
  std::vector<echo::EchoInput> inputs;
  for (const Article& a : articles) inputs.push_back({a.analysis, echo::detect_date(a.analysis->doc)});
  return analyzer.analyze(inputs);
}

}  // namespace

Result<std::string> Reporter::render(const std::vector<Article>& articles) const {
  if (articles.empty()) return Status(ErrorCode::kInvalidArgument, "report: no articles");
  for (const Article& a : articles)
    if (!a.analysis) return Status(ErrorCode::kInvalidArgument, "report: an article has no analysis");
  if (articles.size() == 1) {
    echo::EchoReport echoes = echoes_of(echo_, articles);
    return to_html({articles, &echoes, nullptr}, options_);
  }
  std::vector<diff::DiffInput> inputs;
  for (const Article& a : articles) inputs.push_back({a.analysis, a.outlet});
  Result<diff::DiffReport> d = differ_.diff(inputs);
  if (!d.ok()) return d.status();
  return render(d.value(), articles);
}

Result<std::string> Reporter::render(const diff::DiffReport& d, const std::vector<Article>& about) const {
  std::vector<Article> columns;
  for (const auto& in : d.inputs) {
    Article c;
    c.analysis = in.analysis;
    c.outlet = in.outlet;
    // The diff reorders its inputs; provenance follows the analysis.
    for (const Article& a : about)
      if (a.analysis == in.analysis) {
        c.title = a.title, c.url = a.url, c.date = a.date;
        break;
      }
    columns.push_back(std::move(c));
  }
  for (const Article& a : columns)
    if (!a.analysis) return Status(ErrorCode::kInvalidArgument, "report: a diff input has no analysis");
  echo::EchoReport echoes = echoes_of(echo_, columns);
  return to_html({columns, &echoes, &d}, options_);
}

}  // namespace quotegraph::report
