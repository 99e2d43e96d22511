// quotegraph diff: one story told by several outlets; print where their
// attributions differ (speakers, statements, quotes, cues, framing, relays).
#include <algorithm>
#include <fstream>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/input.hpp"
#include "cli/output.hpp"
#include "quotegraph/analyzer.hpp"
#include "quotegraph/corpus.hpp"
#include "quotegraph/diff.hpp"
#include "quotegraph/io.hpp"
#include "quotegraph/report.hpp"

namespace quotegraph::cli {
namespace {

struct DiffArgs {
  std::vector<std::string> files;
  std::vector<std::string> outlets;
  std::vector<std::string> text_fields, outlet_fields, html_fields;  // JSONL inputs, as for corpus
  bool jsonl = false;
  std::string format = "text";
  std::string out;
  double align_score = 0.5;
  double min_score = 0.0;
  Options analyzer;
  InputOptions input;
};

}  // namespace

Runner register_diff(CLI::App& app) {
  auto args = std::make_shared<DiffArgs>();
  CLI::App* sub = app.add_subcommand("diff", "Compare one story across outlets: who each quoted, left out, "
                                             "paraphrased, misattributed, trimmed or framed");
  sub->add_option("files", args->files,
                  "Articles about the same event, two or more in all: UTF-8 text files (one article each), or "
                  "*.jsonl / *.ndjson / *.json[.gz] (one article per line, as corpus reads them), HTML pages, "
                  "directories of any of them")
      ->required()
      ->expected(1, -1);
  add_input_options(sub, args->input);
  sub->add_option("--outlet", args->outlets,
                  "Outlet name of each file, in file order (repeatable, one per file); default: the file name "
                  "without extension")
      ->allow_extra_args(false);  // --outlet X takes one name; the files stay positional
  sub->add_flag("--jsonl", args->jsonl, "Read every input as JSONL, whatever its name (--input-format jsonl)");
  sub->add_option("--outlet-field", args->outlet_fields,
                  "JSONL: outlet field(s), first present wins (default: source,outlet,source_domain,media_name); "
                  "a line without one is named by its url's site, else FILE:LINE")
      ->delimiter(',');
  sub->add_option("--text-field", args->text_fields, "JSONL: text field(s) (default: text,maintext)")->delimiter(',');
  sub->add_option("--html-field", args->html_fields,
                  "JSONL: HTML field(s), used when no text field is present (default: html,raw_html)")
      ->delimiter(',');
  sub->add_option("-f,--format", args->format, "Output format: text, json, dot, svg, html (the report page)")
      ->check(CLI::IsMember({"text", "json", "dot", "svg", "html"}))
      ->capture_default_str();
  sub->add_option("-o,--output", args->out, "Write output to this file instead of standard output");
  sub->add_option("--align-score", args->align_score, "Statement alignment threshold in [0, 1]")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  sub->add_option("--min-score", args->min_score,
                  "Leave out differences scoring below this, in [0, 1] (0.5 keeps the high and medium ones)")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  add_analyzer_options(sub, args->analyzer);
  sub->footer(
      "Examples:\n"
      "  quotegraph diff times.txt post.txt daily.txt\n"
      "  quotegraph diff --outlet Times --outlet Post a.txt b.txt --format json -o diff.json\n"
      "  quotegraph diff --format svg a.txt b.txt c.txt -o diff.svg\n"
      "  quotegraph diff story.jsonl --outlet-field source_domain   # one outlet's article per line\n"
      "Findings do not depend on the order of the inputs. Offsets are UTF-8 byte offsets into each named file\n"
      "(for JSONL, FILE:LINE: into that line's text field).");

  return [args]() -> int {
    if (args->jsonl) args->input.format = "jsonl";
    int rc = kExitOk;
    std::vector<std::string> files = expand_paths(args->files, args->input, rc);
    auto is_jsonl = [&](const std::string& path) {
      corpus::InputFormat f;
      if (const corpus::InputFormat* forced = args->input.forced()) return *forced == corpus::InputFormat::kJsonl;
      return corpus::format_from_name(path, &f) && f == corpus::InputFormat::kJsonl;
    };
    bool any_jsonl = std::any_of(files.begin(), files.end(), is_jsonl);
    if (any_jsonl && !args->outlets.empty()) {
      std::cerr << "quotegraph: diff: --outlet names text files; JSONL inputs name each line's outlet by a field "
                   "(--outlet-field)\n";
      return kExitUsage;
    }
    if (!args->outlets.empty() && args->outlets.size() != files.size()) {
      std::cerr << "quotegraph: diff: " << args->outlets.size() << " --outlet name(s) for " << files.size()
                << " files; give one per file or none\n";
      return kExitUsage;
    }
    Analyzer analyzer(args->analyzer);
    corpus::FieldNames& fields = args->input.fields;
    if (!args->text_fields.empty()) fields.text = args->text_fields;
    if (!args->outlet_fields.empty()) fields.outlet = args->outlet_fields;
    if (!args->html_fields.empty()) fields.html = args->html_fields;
    std::vector<Analysis> analyses;
    std::vector<std::string> outlets;  // "" = the differ's default (the file name without extension)
    std::vector<RecordInfo> meta;      // title, url, date for the html page
    for (size_t f = 0; f < files.size(); ++f) {
      const std::string& path = files[f];
      bool jsonl = is_jsonl(path);
      for (Analysis& a : analyze_input(analyzer, path, args->input, rc, &meta)) {
        // A JSONL line is one outlet's article, named by its outlet field, else by its url's
        // site, else by its id or FILE:LINE without the folders (the name is shown, and pages
        // are shared). A file: --outlet, else the differ's default (Document::outlet, else the
        // file name), but a web page with a url and no site name is named by its site.
        std::string site = report::url_site(meta[analyses.size()].url);
        if (jsonl)
          outlets.push_back(!a.doc.outlet.empty() ? a.doc.outlet
                            : !site.empty()      ? site
                                                 : a.doc.path.substr(a.doc.path.find_last_of('/') + 1));
        else if (!args->outlets.empty()) outlets.push_back(args->outlets[f]);
        else outlets.push_back(a.doc.outlet.empty() ? site : std::string());
        analyses.push_back(std::move(a));
      }
    }
    if (rc != kExitOk) return rc;  // a diff with an article missing would report its absence as findings
    if (analyses.size() < 2) {
      std::cerr << "quotegraph: diff: needs at least two articles, got " << analyses.size() << "\n";
      return kExitUsage;
    }
    std::vector<diff::DiffInput> inputs;
    for (size_t i = 0; i < analyses.size(); ++i) inputs.push_back({&analyses[i], outlets[i]});
    diff::DiffOptions dopt;
    dopt.min_statement_score = args->align_score;
    dopt.min_finding_score = args->min_score;
    diff::Differ differ(dopt);
    auto report = differ.diff(inputs);
    if (!report.ok()) {
      std::cerr << "quotegraph: " << report.status().message() << "\n";
      return report.status().code() == ErrorCode::kInternal ? kExitInternal : kExitUsage;
    }
    std::string data;
    if (args->format == "json") {
      data = diff::to_json(report.value());
    } else if (args->format == "dot" || args->format == "svg") {
      auto drawn = args->format == "dot" ? diff::to_dot(report.value()) : diff::render(report.value(), "svg");
      if (!drawn.ok()) {
        std::cerr << "quotegraph: " << drawn.status().message() << "\n";
        return kExitInternal;
      }
      data = std::move(drawn).value();
    } else if (args->format == "html") {
      // The page `quotegraph report` writes for these files: one renderer (src/report).
      std::vector<report::Article> about;
      for (size_t i = 0; i < analyses.size(); ++i)
        about.push_back({&analyses[i], outlets[i], meta[i].title, meta[i].url, meta[i].date});
      auto page = report::Reporter({}, dopt).render(report.value(), about);
      if (!page.ok()) {
        std::cerr << "quotegraph: " << page.status().message() << "\n";
        return kExitInternal;
      }
      data = std::move(page).value();
    } else {
      data = diff::to_text(report.value());
    }
    return write_output(args->out, data) ? kExitOk : kExitInput;
  };
}

}  // namespace quotegraph::cli
