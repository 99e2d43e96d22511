// quotegraph extract: HTML pages in, the article body the analyzer reads out.
#include <iostream>

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "quotegraph/corpus.hpp"
#include "quotegraph/io.hpp"

namespace quotegraph::cli {
namespace {

struct ExtractArgs {
  std::vector<std::string> files;
  std::string out;
};

}  // namespace

Runner register_extract(CLI::App& app) {
  auto args = std::make_shared<ExtractArgs>();
  CLI::App* sub = app.add_subcommand("extract", "Print the article body the analyzer reads from each input");
  sub->add_option("files", args->files, "HTML pages (- reads standard input)")->required();
  sub->add_option("-o,--output", args->out, "Write output to this file instead of standard output");
  sub->footer(
      "Examples:\n"
      "  quotegraph extract page.html\n"
      "Offsets that analyze, corpus and report give for an HTML input index exactly this text.");

  return [args]() -> int {
    int rc = kExitOk;
    std::string data;
    for (const std::string& path : args->files) {
      auto bytes = read_file(path);
      if (!bytes.ok()) {
        std::cerr << "quotegraph: " << bytes.status().message() << "\n";
        rc = kExitInput;
        continue;
      }
      data += corpus::extract_html_text(bytes.value());
    }
    if (!write_output(args->out, data)) return kExitInput;
    return rc;
  };
}

}  // namespace quotegraph::cli
