// Reading and analysing the inputs of a subcommand: every subcommand takes the
// same inputs (text, HTML, JSONL, gzip of any, directories, "-") through these.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

#include "quotegraph/analyzer.hpp"
#include "quotegraph/corpus.hpp"

namespace quotegraph::cli {

// --input-format and --glob, and the JSONL field names the subcommand uses.
struct InputOptions {
  std::string format = "auto";  // auto, text, html, jsonl
  std::string glob;             // file-name pattern for directories
  corpus::FieldNames fields;
  // The forced format, or nullptr for "auto".
  const corpus::InputFormat* forced() const;

 private:
  mutable corpus::InputFormat forced_ = corpus::InputFormat::kText;
};

// Adds --input-format and --glob to `sub`, bound into `in`.
void add_input_options(CLI::App* sub, InputOptions& in);

// The files the subcommand's arguments stand for (directories expanded,
// recursively and sorted, filtered by --glob). A directory that cannot be
// listed or holds no matching file is printed and raises `rc` to kExitInput; the other paths are still
// returned (a missing file is reported when it is read).
std::vector<std::string> expand_paths(const std::vector<std::string>& paths, const InputOptions& in, int& rc);

// Reads one input in any format and analyses each of its articles: a text or
// HTML file is one Analysis (doc.path = FILE; for HTML doc.text is the
// extracted body, the text its offsets index), a JSONL file one per record
// (doc.path = the record's id, else FILE:LINE; doc.outlet = its outlet field).
// A refused format, an unreadable file, a record that is not an article and
// an article the analyzer rejects are printed ("FILE:LINE: reason") and raise
// `rc` to kExitInput (kExitInternal for an internal error); the rest goes on.
// `meta` (optional) receives each analysed article's provenance (source,
// line, id, url, date, title: corpus::record_info), parallel to the result.
std::vector<Analysis> analyze_input(const Analyzer& analyzer, const std::string& path, const InputOptions& in,
                                    int& rc, std::vector<RecordInfo>* meta = nullptr);

// analyze_input over expand_paths(paths), concatenated in order.
std::vector<Analysis> analyze_inputs(const Analyzer& analyzer, const std::vector<std::string>& paths,
                                     const InputOptions& in, int& rc, std::vector<RecordInfo>* meta = nullptr);

}  // namespace quotegraph::cli
