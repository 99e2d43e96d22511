// quotegraph extract: inputs in, the article text the analyzer reads out
// (for HTML the extracted body, exactly: every offset of an HTML input
// indexes it), as text or as JSONL with the page's metadata.
#include <nlohmann/json.hpp>

#include <iostream>

#include "cli/commands.hpp"
#include "cli/input.hpp"
#include "cli/output.hpp"
#include "quotegraph/corpus.hpp"

namespace quotegraph::cli {
namespace {

struct ExtractArgs {
  std::vector<std::string> files;
  std::string format = "text";
  std::string out;
  InputOptions input;
};

}  // namespace

Runner register_extract(CLI::App& app) {
  auto args = std::make_shared<ExtractArgs>();
  CLI::App* sub = app.add_subcommand("extract", "Print the article text the analyzer reads from each input "
                                                "(the extracted body of an HTML page)");
  sub->add_option("files", args->files,
                  "Articles: HTML pages, text, JSONL, any of them gzipped, directories; - reads standard input")
      ->required();
  add_input_options(sub, args->input);
  sub->add_option("-f,--format", args->format,
                  "Output format: text (each body, then a blank line between inputs), jsonl (one record per "
                  "article: path, format, title, byline, date, url, site_name, text)")
      ->check(CLI::IsMember({"text", "jsonl"}))
      ->capture_default_str();
  sub->add_option("-o,--output", args->out, "Write output to this file instead of standard output");
  sub->footer(
      "Examples:\n"
      "  quotegraph extract page.html\n"
      "  quotegraph extract --format jsonl saved-pages/ --glob '*.html' -o bodies.jsonl\n"
      "Offsets that analyze, corpus and report give for an HTML input index exactly this text (the jsonl\n"
      "\"text\" field; in text output, each body without the blank line that separates inputs).");

  return [args]() -> int {
    int rc = kExitOk;
    std::string data;
    size_t n = 0;
    for (const std::string& path : expand_paths(args->files, args->input, rc)) {
      Status st = corpus::read_documents(path, args->input.forced(), args->input.fields,
                                         [&](corpus::InputDocument&& doc) {
        if (doc.error != corpus::RecordError::kNone) {
          std::cerr << "quotegraph: " << doc.message << "\n";
          rc = std::max(rc, kExitInput);
          return;
        }
        if (args->format == "jsonl") {
          const corpus::Article& a = doc.article;
          nlohmann::ordered_json j;
          j["path"] = doc.name;
          j["format"] = corpus::to_string(doc.format);
          j["title"] = a.title;
          j["byline"] = a.byline;
          j["date"] = a.date;
          j["url"] = a.url;
          j["site_name"] = a.outlet;
          j["text"] = a.text;
          data += j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
        } else {
          if (n > 0) data += "\n";
          data += doc.article.text;
        }
        ++n;
      });
      if (!st.ok()) {
        std::cerr << "quotegraph: " << st.message() << "\n";
        rc = std::max(rc, kExitInput);
      }
    }
    if (!write_output(args->out, data)) return kExitInput;
    return rc;
  };
}

}  // namespace quotegraph::cli
