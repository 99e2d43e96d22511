// quotegraph corpus: JSONL / HTML / text corpora in, one JSONL record per input
// record out (plus an optional merged graph), on every core.
// quotegraph merge: partial graphs (JSON node-link) in, their merge out.
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <tuple>

#include "cli/commands.hpp"
#include "cli/input.hpp"
#include "cli/graph_input.hpp"
#include "cli/output.hpp"
#include "quotegraph/analyzer.hpp"
#include "quotegraph/corpus.hpp"
#include "quotegraph/graph.hpp"
#include "quotegraph/io.hpp"

namespace quotegraph::cli {
namespace {

struct CorpusArgs {
  std::vector<std::string> files;
  InputOptions input;
  std::string out;
  std::string graph_out;
  std::string aliases;
  unsigned threads = 0;
  std::vector<std::string> text_fields, id_fields, outlet_fields, html_fields;
  bool csv = false;
  std::string offsets = "bytes";
  std::string errors_out;
  bool resume = false;
  bool no_echo = false;
  bool strict = false;
  Options analyzer;
  std::string stdin_name = "-";
  uint64_t stdin_first_line = 1;
};

// --resume: the number of complete (newline-terminated) records in the partial
// file and the byte where the last one ends (a killed run may leave a torn
// record after it).
struct ResumePoint {
  uint64_t records = 0;
  uint64_t complete_bytes = 0;
  uint64_t bytes = 0;
  uint64_t first_end = 0;   // end of the first record's line
  uint64_t last_start = 0;  // start of the last complete record's line
};

Result<ResumePoint> scan_partial(int fd, const std::string& name) {
  ResumePoint p;
  char buf[1 << 16];
  off_t at = 0;
  for (;;) {
    ssize_t n = ::pread(fd, buf, sizeof buf, at);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Status(ErrorCode::kInputError, name + ": cannot read for --resume: " + std::strerror(errno));
    if (n == 0) break;
    for (ssize_t i = 0; i < n; ++i)
      if (buf[i] == '\n') {
        ++p.records;
        p.last_start = p.complete_bytes;
        p.complete_bytes = p.bytes + static_cast<uint64_t>(i) + 1;
        if (p.records == 1) p.first_end = p.complete_bytes;
      }
    p.bytes += static_cast<uint64_t>(n);
    at += n;
  }
  return p;
}

// One line [from, to) of the partial file, without its "\n".
std::string read_span(int fd, uint64_t from, uint64_t to) {
  std::string s(to - from, '\0');
  size_t got = 0;
  while (got < s.size()) {
    ssize_t n = ::pread(fd, s.data() + got, s.size() - got, static_cast<off_t>(from + got));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    got += static_cast<size_t>(n);
  }
  s.resize(got);
  if (!s.empty() && s.back() == '\n') s.pop_back();
  return s;
}

std::string human_duration(double s) {
  char buf[32];
  if (s >= 3600) std::snprintf(buf, sizeof buf, "%dh%02dm", static_cast<int>(s / 3600), static_cast<int>(s / 60) % 60);
  else if (s >= 60) std::snprintf(buf, sizeof buf, "%dm%02ds", static_cast<int>(s / 60), static_cast<int>(s) % 60);
  else std::snprintf(buf, sizeof buf, "%ds", static_cast<int>(s));
  return buf;
}

void draw_progress(const corpus::Progress& p) {
  double secs = p.seconds > 0 ? p.seconds : 1e-9;
  double mb_s = static_cast<double>(p.bytes) / 1e6 / secs;
  char line[256];
  int len = std::snprintf(line, sizeof line, "\r%12llu articles  %8.0f articles/s  %7.2f MB/s",
                          static_cast<unsigned long long>(p.records), static_cast<double>(p.records) / secs, mb_s);
  std::string text(line, static_cast<size_t>(len));
  if (p.total_bytes > 0 && p.bytes <= p.total_bytes) {
    double frac = static_cast<double>(p.bytes) / static_cast<double>(p.total_bytes);
    constexpr int kBar = 24;
    int filled = static_cast<int>(frac * kBar);
    text += "  [" + std::string(static_cast<size_t>(filled), '#') + std::string(static_cast<size_t>(kBar - filled), ' ') + "]";
    std::snprintf(line, sizeof line, " %3.0f%%", frac * 100);
    text += line;
    if (mb_s > 0) text += " ETA " + human_duration(static_cast<double>(p.total_bytes - p.bytes) / 1e6 / mb_s);
  }
  std::cerr << text << "   " << std::flush;
}

}  // namespace

Runner register_corpus(CLI::App& app) {
  auto args = std::make_shared<CorpusArgs>();
  CLI::App* sub = app.add_subcommand("corpus", "Analyse a corpus (JSONL, HTML or text files) on every core");
  sub->add_option("files", args->files,
                  "Inputs: *.jsonl (one article per line), *.html, *.txt, any of them .gz, directories of them; - reads "
                  "standard input (format by --stdin-name, else by content)")
      ->required();
  add_input_options(sub, args->input);
  sub->add_option("-o,--output", args->out, "Write JSONL (or CSV) here instead of standard output");
  sub->add_option("--graph", args->graph_out, "Also write the merged quote graph (JSON node-link) here");
  add_aliases_option(sub, args->aliases);
  sub->add_option("-j,--threads", args->threads, "Worker threads (default: all cores)");
  sub->add_option("--text-field", args->text_fields, "JSONL text field(s), first present wins (default: text,maintext)")
      ->delimiter(',');
  sub->add_option("--id-field", args->id_fields, "JSONL id field(s) (default: id)")->delimiter(',');
  sub->add_option("--outlet-field", args->outlet_fields,
                  "JSONL outlet field(s) (default: source,outlet,source_domain,media_name)")
      ->delimiter(',');
  sub->add_option("--html-field", args->html_fields,
                  "JSONL HTML field(s), used when no text field is present (default: html,raw_html)")
      ->delimiter(',');
  sub->add_flag("--csv", args->csv,
                "Write CSV rows (one per attribution, with the record's outlet, url, date and title) instead of "
                "JSONL; errors go to stderr (or --errors)");
  sub->add_option("--offsets", args->offsets,
                  "Offsets: bytes (UTF-8, as the engine counts) or chars (code points: Python's text[start:end])")
      ->check(CLI::IsMember({"bytes", "chars"}))
      ->capture_default_str();
  sub->add_option("--errors", args->errors_out,
                  "Write the error records (JSONL {\"error\",\"kind\",\"path\",\"line\"}) to this file instead of "
                  "the output, so the output holds analyses only");
  sub->add_flag("--resume", args->resume,
                "Continue a killed run: skip as many input records as -o already holds complete lines");
  sub->add_flag("--no-echo", args->no_echo, "Leave out the echoes[] and framing[] sections");
  sub->add_flag("--strict", args->strict, "Exit 2 when any record is an error record");
  add_analyzer_options(sub, args->analyzer);
  sub->add_option("--stdin-name", args->stdin_name,
                  "Name standard input (-) in records as this file (default: -); for drivers that feed a chunk "
                  "of a file");
  sub->add_option("--stdin-first-line", args->stdin_first_line,
                  "Number of the first line read from standard input (default: 1): the chunk's line in its file")
      ->check(CLI::PositiveNumber);
  sub->footer(
      "Examples:\n"
      "  quotegraph corpus news.jsonl.gz -o attributions.jsonl --graph graph.json\n"
      "  zcat part-*.jsonl.gz | quotegraph corpus - --threads 8 > out.jsonl\n"
      "  quotegraph corpus --text-field maintext --outlet-field source_domain newsplease.jsonl\n"
      "One output line per input record, in input order: the analysis (as analyze --format jsonl, with\n"
      "document.path = the id field or FILE:LINE and a \"corpus\" section), or an error record\n"
      "{\"error\",\"kind\",\"path\",\"line\"} (with --errors FILE: written there instead). Offsets index the\n"
      "record's text (for HTML: the extracted text), in UTF-8 bytes (--offsets chars: code points).\n"
      "Output goes to OUT.partial and is renamed to OUT when the run completes; --resume continues it.\n"
      "Exit codes: 0 done (error records included), 1 usage, 2 an input could not be read (or --strict and\n"
      "an error record), 3 internal error.");

  return [args]() -> int {
    if (args->resume && (args->out.empty() || args->out == "-")) {
      std::cerr << "quotegraph corpus: --resume needs -o FILE\n";
      return kExitUsage;
    }
    if (args->resume && args->csv) {
      std::cerr << "quotegraph corpus: --resume counts JSONL records; it does not work with --csv\n";
      return kExitUsage;
    }
    if (args->resume && !args->errors_out.empty()) {
      std::cerr << "quotegraph corpus: --resume counts one output line per input record; it does not work with "
                   "--errors (error records would be missing from the count)\n";
      return kExitUsage;
    }
    graph::Aliases aliases;
    if (!load_aliases(args->aliases, aliases)) return kExitInput;
    corpus::CorpusOptions opt;
    opt.threads = args->threads;
    if (!args->text_fields.empty()) opt.fields.text = args->text_fields;
    if (!args->id_fields.empty()) opt.fields.id = args->id_fields;
    if (!args->outlet_fields.empty()) opt.fields.outlet = args->outlet_fields;
    if (!args->html_fields.empty()) opt.fields.html = args->html_fields;
    opt.output = args->csv ? Format::kCsv : Format::kJsonl;
    opt.offsets = *parse_offsets(args->offsets);
    opt.echo_sections = !args->no_echo;
    opt.build_graph = !args->graph_out.empty();
    opt.analyze_skipped = opt.build_graph;  // the graph covers the whole corpus, resumed or not
    opt.stdin_name = args->stdin_name;
    opt.stdin_first_line = args->stdin_first_line;
    opt.warning = [](const std::string& w) { std::cerr << "quotegraph corpus: warning: " << w << "\n"; };
    if (const corpus::InputFormat* forced = args->input.forced()) opt.format = *forced;
    int expand_rc = kExitOk;
    std::vector<std::string> files = expand_paths(args->files, args->input, expand_rc);
    if (expand_rc != kExitOk) return expand_rc;

    // Output: stdout, a FIFO or device in place, or OUT.partial (appended
    // record by record, locked for the run) renamed to OUT at the end.
    for (const std::string& in : args->files)
      for (const auto& [flag, target] : {std::pair{"-o", &args->out}, {"--errors", &args->errors_out}})
        if (in != "-" && !target->empty() && *target != "-" &&
            (same_file(in, *target) || same_file(in, *target + ".partial"))) {
          std::cerr << "quotegraph corpus: " << flag << " " << *target << " is also an input (" << in
                    << "); writing it would destroy what is being read\n";
          return kExitUsage;
        }
    if (!args->errors_out.empty() && !args->out.empty() && args->out != "-" &&
        (args->errors_out == args->out || same_file(args->errors_out, args->out))) {
      std::cerr << "quotegraph corpus: --errors and -o name the same file (" << args->out << ")\n";
      return kExitUsage;
    }
    OutputFile errors;
    if (!args->errors_out.empty() && !errors.open(args->errors_out)) return kExitInput;
    OutputFile out;
    if (!out.open_partial(args->out, args->resume)) return kExitInput;
    if (args->resume && out.in_place()) {
      std::cerr << "quotegraph corpus: --resume needs -o naming a regular file, not " << out.name() << "\n";
      return kExitUsage;
    }
    if (args->resume) {
      auto done = scan_partial(out.partial_fd(), args->out + ".partial");
      if (!done.ok()) {
        std::cerr << "quotegraph: " << done.status().message() << "\n";
        out.close_keep();
        return kExitInput;
      }
      if (done.value().complete_bytes != done.value().bytes && !out.truncate_to(done.value().complete_bytes)) {
        out.close_keep();
        return kExitInput;
      }
      opt.skip_records = done.value().records;
      // Trust the partial only if its first and last records are the inputs'
      // records at those places.
      if (opt.skip_records > 0) {
        const ResumePoint& rp = done.value();
        for (auto [index, from, to] : {std::tuple{uint64_t{0}, uint64_t{0}, rp.first_end},
                                       std::tuple{rp.records - 1, rp.last_start, rp.complete_bytes}}) {
          auto key = corpus::record_key(read_span(out.partial_fd(), from, to));
          if (!key.ok()) {
            std::cerr << "quotegraph corpus: " << args->out << ".partial: record " << index + 1 << " is "
                      << key.status().message() << "; not resuming from it (remove it to start afresh)\n";
            out.close_keep();
            return kExitInput;
          }
          opt.expect.emplace_back(index, key.value());
        }
      }
    }

    Analyzer analyzer(args->analyzer);
    bool header = args->csv && opt.skip_records == 0;
    bool unreadable = false;
    auto sink = [&](const corpus::RecordResult& r) -> Status {
      if (r.error == corpus::RecordError::kUnreadable || r.error == corpus::RecordError::kTruncated) {
        unreadable = true;  // exit 2: say why on stderr too, not only in the output
        if (!args->csv) std::cerr << "quotegraph: " << r.message << "\n";
      }
      if (r.error != corpus::RecordError::kNone && !args->errors_out.empty()) {
        if (!errors.write(r.output)) return Status(ErrorCode::kInputError, errors.name() + ": write failed");
        return Status();
      }
      if (args->csv && r.error != corpus::RecordError::kNone) {
        std::cerr << "quotegraph: " << r.source << ":" << r.line << ": " << r.message << "\n";
        return Status();
      }
      if (header) {  // once, before the first row, even when the first records are errors
        if (!out.write(csv_header())) return Status(ErrorCode::kInputError, out.name() + ": write failed");
        header = false;
      }
      if (!out.write(r.output)) return Status(ErrorCode::kInputError, out.name() + ": write failed");
      return Status();
    };
    bool tty = ::isatty(STDERR_FILENO);
    corpus::ProgressCallback progress;
    if (tty) progress = draw_progress;
    auto summary = corpus::run_corpus(files, analyzer, opt, sink, progress);
    if (tty) std::cerr << "\r" << std::string(100, ' ') << "\r";
    if (!summary.ok()) {
      // Keep what was written: the records before the failure are complete, and
      // --resume continues after them. A write error was printed by `out`.
      bool write_error = out.close_keep() == false;
      if (!write_error) std::cerr << "quotegraph: " << summary.status().message() << "\n";
      return summary.status().code() == ErrorCode::kInternal ? kExitInternal : kExitInput;
    }
    if (summary.value().skipped < opt.skip_records) {
      std::cerr << "quotegraph corpus: " << args->out << ".partial holds " << opt.skip_records
                << " records but the inputs have only " << summary.value().skipped
                << "; it does not belong to these inputs (not resuming)\n";
      out.close_keep();
      return kExitInput;
    }
    // A run that analysed nothing (every input unreadable, say) keeps the
    // previous output rather than replacing it with error records.
    if (summary.value().analysed == 0 && summary.value().errors > 0 && opt.skip_records == 0 && out.replaces_file()) {
      out.discard();
      std::cerr << "quotegraph corpus: " << corpus::summary_text(summary.value()) << "\n"
              << corpus::inputs_text(summary.value());
      std::cerr << "quotegraph corpus: no record was analysed; " << args->out << " left as it was\n";
      if (!args->errors_out.empty()) errors.commit();  // the error records say why
      return kExitInput;
    }
    if (!out.commit() || (!args->errors_out.empty() && !errors.commit())) return kExitInput;
    std::cerr << "quotegraph corpus: " << corpus::summary_text(summary.value()) << "\n"
              << corpus::inputs_text(summary.value());
    if (opt.build_graph &&
        !write_output(args->graph_out, graph::to_json(graph::unify_entities(summary.value().graph, &aliases), 2)))
      return kExitInput;
    if (unreadable || (args->strict && summary.value().errors > 0)) return kExitInput;
    return kExitOk;
  };
}

Runner register_merge(CLI::App& app) {
  auto files = std::make_shared<std::vector<std::string>>();
  auto out = std::make_shared<std::string>();
  auto aliases_path = std::make_shared<std::string>();
  CLI::App* sub = app.add_subcommand("merge", "Merge partial quote graphs (JSON node-link) into one");
  sub->add_option("files", *files, "Partial graphs written by corpus --graph or graph --format json")->required();
  sub->add_option("-o,--output", *out, "Write the merged graph here instead of standard output");
  add_aliases_option(sub, *aliases_path);
  sub->footer(
      "Examples:\n"
      "  quotegraph merge part-*.json -o graph.json\n"
      "merge is associative and commutative: map outputs reduce in any order or tree shape.\n"
      "A part that does not read is an error (exit 2) and nothing is written: a reduce with a lost part is wrong;\n"
      "so is a count (weight, mentions, ...) whose sum does not fit in 64 bits, named with the part.\n"
      "Entities get one identity across the parts (graph::unify_entities; docs/graph.md), so merging merged\n"
      "graphs again is safe.");
  return [files, out, aliases_path]() -> int {
    graph::Aliases aliases;
    if (!load_aliases(*aliases_path, aliases)) return kExitInput;
    std::vector<graph::Graph> parts;
    parts.reserve(files->size());
    for (const std::string& path : *files) {
      auto bytes = read_file(path);
      if (!bytes.ok()) {
        std::cerr << "quotegraph: " << bytes.status().message() << "\n";
        return kExitInput;
      }
      auto g = graph::from_json(bytes.value(), path);
      if (!g.ok()) {
        std::cerr << "quotegraph: " << g.status().message() << "\n";
        return kExitInput;
      }
      parts.push_back(std::move(g).value());
    }
    // A count past 64 bits is an error, not a saturated or wrapped number:
    // the reduce would be silently wrong.
    auto merged = graph::merge_checked(parts, *files);
    if (!merged.ok()) {
      std::cerr << "quotegraph: " << merged.status().message() << "\n";
      return kExitInput;
    }
    std::string saturated;
    graph::Graph unified = graph::unify_entities(merged.value(), &aliases, &saturated);
    if (!saturated.empty()) {
      std::cerr << "quotegraph: merge: " << saturated << " overflows a 64-bit count where entities are unified\n";
      return kExitInput;
    }
    return write_output(*out, graph::to_json(unified, 2)) ? kExitOk : kExitInput;
  };
}

}  // namespace quotegraph::cli
