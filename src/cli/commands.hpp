// Each subcommand lives in its own file: it registers its options on the app and
// returns the callback that runs it. The callback returns the process exit code.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

#include "quotegraph/analyzer.hpp"

namespace quotegraph::cli {

// Exit codes, documented in the README.
inline constexpr int kExitOk = 0;
inline constexpr int kExitUsage = 1;
inline constexpr int kExitInput = 2;
inline constexpr int kExitInternal = 3;

using Runner = std::function<int()>;

// The analyzer options of every subcommand that analyses articles, bound into
// `opt`: --lenient, --keep-chrome, --window-mb.
void add_analyzer_options(CLI::App* sub, Options& opt);

Runner register_analyze(CLI::App& app);
Runner register_eval(CLI::App& app);
Runner register_echo(CLI::App& app);
Runner register_graph(CLI::App& app);
Runner register_stats(CLI::App& app);
Runner register_corpus(CLI::App& app);
Runner register_merge(CLI::App& app);
Runner register_diff(CLI::App& app);
Runner register_report(CLI::App& app);
Runner register_extract(CLI::App& app);

}  // namespace quotegraph::cli
