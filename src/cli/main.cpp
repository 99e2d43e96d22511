// quotegraph: the command-line front end. Only wires subcommands to the library.
#include <csignal>
#include <iostream>
#include <map>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "cli/commands.hpp"
#include "quotegraph/io.hpp"

int main(int argc, char** argv) {
  using namespace quotegraph::cli;
  CLI::App app{"quotegraph: who said what, to whom, about whom, in news text"};
  app.set_version_flag("--version", std::string(quotegraph::kVersion));
  app.require_subcommand(1);
  app.footer(
      "Examples:\n"
      "  quotegraph analyze seeds/000_1af91efddab21499.txt\n"
      "  quotegraph analyze --format json article.txt -o article.json\n"
      "  quotegraph eval --gold seeds/ --text seeds/\n"
      "  quotegraph report seeds/000_1af91efddab21499.txt -o report.html\n"
      "\nExit codes: 0 ok, 1 usage error, 2 input error (unreadable, binary, invalid UTF-8), 3 internal error.");

#if defined(__GLIBC__)
  // Keep up to 4 MiB of freed heap from one document to the next. Each
  // document's analysis and echo free their buffers at its end, and glibc
  // gives the top of the heap back to the system whenever 128 KiB are free
  // there, so the next document faulted the same pages in again: with echo, 2,000
  // page faults and 4 ms over the 84 PolNeAR dev articles (docs/echo.md,
  // "Speed"). Resident memory stays the same (24.5 MB over 840 articles).
  mallopt(M_TOP_PAD, 4 << 20);
#endif

  // A reader that went away (a closed pipe, a FIFO whose reader exited) is a
  // write error with a message and exit 2, not a silent death by SIGPIPE.
  std::signal(SIGPIPE, SIG_IGN);

  std::map<std::string, Runner> runners;
  runners["analyze"] = register_analyze(app);
  runners["eval"] = register_eval(app);
  runners["echo"] = register_echo(app);
  runners["graph"] = register_graph(app);
  runners["stats"] = register_stats(app);
  runners["corpus"] = register_corpus(app);
  runners["merge"] = register_merge(app);
  runners["diff"] = register_diff(app);
  runners["report"] = register_report(app);
  runners["extract"] = register_extract(app);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  for (auto* sub : app.get_subcommands()) {
    auto it = runners.find(sub->get_name());
    if (it != runners.end()) {
      try {
        return it->second();
      } catch (const std::exception& e) {
        std::cerr << "quotegraph: internal error: " << e.what() << "\n";
        return kExitInternal;
      }
    }
  }
  return kExitUsage;
}
