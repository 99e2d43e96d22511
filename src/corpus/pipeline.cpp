// Corpus pipeline: input files in, one ordered output record per input record out.
//   reader thread -> bounded window -> N worker threads -> writer (caller's thread)
// The window (records and bytes between reader and writer) is what bounds memory.
#include <sys/stat.h>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>

#include <nlohmann/json.hpp>

#include "quotegraph/corpus.hpp"
#include "quotegraph/echo.hpp"
#include "quotegraph/io.hpp"
#include "quotegraph/line_reader.hpp"

namespace quotegraph::corpus {
namespace {

using Json = nlohmann::ordered_json;
using Clock = std::chrono::steady_clock;

// Beyond this many bytes in flight the reader waits (one record is always let
// through, so a single huge article still passes).
constexpr uint64_t kWindowBytes = 64ull << 20;

struct Job {
  uint64_t index = 0;
  size_t input = 0;  // index into the inputs
  std::string source;
  uint64_t line = 0;
  InputFormat format = InputFormat::kJsonl;
  std::string bytes;
  RecordError error = RecordError::kNone;  // set by the reader for unreadable input
  std::string message;
  bool skip = false;
  bool analyse = true;
};

struct Done {
  size_t input = 0;
  RecordResult result;
  uint64_t bytes = 0;
};

std::string error_record(const Job& job, RecordError e, const std::string& message) {
  return corpus::error_record(job.source, job.line, e, message);
}

// Merges partial graphs like a binary counter: part k is merged once per
// level it climbs, so n parts cost O(n log n) instead of O(n^2).
class GraphAccumulator {
 public:
  void add(graph::Graph g) {
    size_t level = 0;
    while (level < levels_.size() && levels_[level]) {
      g = graph::merge(*levels_[level], g);
      levels_[level].reset();
      ++level;
    }
    if (level == levels_.size()) levels_.emplace_back();
    levels_[level] = std::move(g);
  }
  graph::Graph finish() {
    std::vector<graph::Graph> parts;
    for (auto& l : levels_)
      if (l) parts.push_back(std::move(*l));
    levels_.clear();
    return graph::merge(parts);
  }

 private:
  std::vector<std::optional<graph::Graph>> levels_;
};

class Pipeline {
 public:
  Pipeline(const std::vector<std::string>& inputs, const Analyzer& analyzer, const CorpusOptions& options)
      : inputs_(inputs), analyzer_(analyzer), options_(options) {
    threads_ = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    window_ = options.window ? options.window : 8 * threads_;
    accumulators_.resize(threads_);
    for (const std::string& path : inputs) summary_.per_input.push_back({path == "-" ? options.stdin_name : path});
  }

  Result<CorpusSummary> run(const RecordSink& sink, const ProgressCallback& progress) {
    auto start = Clock::now();
    // A thread that cannot start (memory or process limits) must not end the
    // run in std::terminate: the run goes on with the workers that started.
    std::thread reader;
    try {
      reader = std::thread([this] { read_all(); });
    } catch (const std::system_error& e) {
      return Status(ErrorCode::kInternal, std::string("cannot start the reader thread: ") + e.what());
    }
    std::vector<std::thread> workers;
    workers.reserve(threads_);
    std::string thread_error;
    for (unsigned t = 0; t < threads_; ++t) {
      try {
        workers.emplace_back([this, t] { work(t); });
      } catch (const std::system_error& e) {
        thread_error = e.what();
        break;
      }
    }
    summary_.threads = static_cast<unsigned>(workers.size());
    if (workers.size() < threads_ && options_.warning)
      options_.warning("only " + std::to_string(workers.size()) + " of " + std::to_string(threads_) +
                       " worker threads could start (" + thread_error + "); going on with " +
                       (workers.empty() ? std::string("the writer's thread alone") : std::to_string(workers.size())));
    {
      std::lock_guard lock(m_);
      inline_work_ = workers.empty();
    }
    Status status = write(sink, progress, start);
    {
      std::lock_guard lock(m_);
      if (!status.ok()) stop_ = true;
    }
    can_read_.notify_all();
    can_work_.notify_all();
    reader.join();
    for (auto& w : workers) w.join();
    if (!status.ok()) return status;
    if (options_.build_graph) {
      std::vector<graph::Graph> parts;
      for (auto& acc : accumulators_) parts.push_back(acc.finish());
      summary_.graph = graph::merge(parts);
    }
    summary_.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    return summary_;
  }

 private:
  // ---- reader
  bool push(Job job) {
    uint64_t size = job.bytes.size() + 1;
    std::unique_lock lock(m_);
    can_read_.wait(lock, [&] {
      return stop_ || (read_ - written_ < window_ && (in_flight_ + size <= kWindowBytes || read_ == written_));
    });
    if (stop_) return false;
    job.index = read_++;
    job.skip = job.index < options_.skip_records;
    job.analyse = !job.skip || options_.analyze_skipped;
    in_flight_ += size;
    jobs_.push_back(std::move(job));
    can_work_.notify_one();
    if (inline_work_) can_write_.notify_one();
    return true;
  }

  void read_all() {
    for (size_t i = 0; i < inputs_.size(); ++i) {
      if (!read_input(inputs_[i], i)) break;
    }
    std::lock_guard lock(m_);
    reader_done_ = true;
    can_work_.notify_all();
    can_write_.notify_all();
  }

  bool read_input(const std::string& path, size_t input) {
    Job base;
    base.input = input;
    base.source = path == "-" ? options_.stdin_name : path;
    LineReader reader;
    reader.set_max_line(analyzer_.options().max_input_bytes);
    Status st = reader.open(path);
    // The format: forced, else the name's (standard input's by its
    // stdin_name), else what the first bytes look like. Formats no reader
    // takes (PDF, DOCX, UTF-16…) are refused whatever the name says.
    Result<InputFormat> sniffed = st.ok() ? sniff_format(reader.peek(4096), base.source) : Result<InputFormat>(st);
    if (sniffed.ok() && !reader.status().ok()) sniffed = reader.status();
    if (!sniffed.ok()) {
      Job job = base;
      job.error = RecordError::kUnreadable;
      job.message = sniffed.status().message();
      return push(std::move(job));
    }
    base.format = sniffed.value();
    if (options_.format) base.format = *options_.format;
    else format_from_name(base.source, &base.format);
    if (base.format != InputFormat::kJsonl) {
      Job job = base;
      job.line = 1;
      auto all = reader.read_all();
      if (all.ok()) {
        job.bytes = std::move(all).value();
      } else {
        job.error = reader.truncated()        ? RecordError::kTruncated
                    : reader.line_too_long() ? RecordError::kOverBudget
                                             : RecordError::kUnreadable;
        job.message = all.status().message();
      }
      return push(std::move(job));
    }
    std::string line;
    uint64_t n = path == "-" && options_.stdin_first_line > 0 ? options_.stdin_first_line - 1 : 0;
    while (reader.next(&line)) {
      Job job = base;
      job.line = ++n;
      if (reader.line_too_long()) {
        job.error = RecordError::kOverBudget;
        job.message = job.source + ":" + std::to_string(n) + ": a record larger than the input cap of " +
                      std::to_string(reader.max_line() >> 20) + " MiB (--max-mb); skipped";
      }
      job.bytes = std::move(line);
      line = std::string();
      if (!push(std::move(job))) return false;
    }
    if (!reader.status().ok()) {
      Job job = base;
      job.line = n + 1;  // the torn (or unreadable) line
      job.error = reader.truncated() ? RecordError::kTruncated : RecordError::kUnreadable;
      job.message = reader.status().message();
      return push(std::move(job));
    }
    return true;
  }

  // ---- workers
  void work(unsigned t) {
    for (;;) {
      Job job;
      {
        std::unique_lock lock(m_);
        can_work_.wait(lock, [&] { return stop_ || !jobs_.empty() || reader_done_; });
        if (stop_ || jobs_.empty()) return;
        job = std::move(jobs_.front());
        jobs_.pop_front();
      }
      Done d = run_job(job, t);
      std::lock_guard lock(m_);
      done_.emplace(job.index, std::move(d));
      if (job.index == written_) can_write_.notify_one();
    }
  }

  Done run_job(Job& job, unsigned t) {
    Done d;
    d.input = job.input;
    d.bytes = job.bytes.size() + 1;
    try {
      d.result = process(job, t);
    } catch (const std::exception& e) {  // bad_alloc on a hostile record: report it, keep going
      d.result = RecordResult{};
      d.result.index = job.index;
      d.result.source = job.source;
      d.result.line = job.line;
      d.result.skipped = job.skip;
      d.result.error = RecordError::kAnalysis;
      d.result.message = std::string("internal error: ") + e.what();
      if (!job.skip) d.result.output = error_record(job, d.result.error, d.result.message);
    }
    return d;
  }

  RecordResult process(Job& job, unsigned t) {
    RecordResult r;
    r.index = job.index;
    r.source = job.source;
    r.line = job.line;
    r.skipped = job.skip;
    auto fail = [&](RecordError e, std::string message) {
      r.error = e;
      r.message = std::move(message);
      if (!job.skip) r.output = error_record(job, e, r.message);
      return r;
    };
    if (job.error != RecordError::kNone) return fail(job.error, job.message);
    if (!job.analyse) return r;

    Article article;
    if (job.format == InputFormat::kJsonl) {
      RecordError e;
      auto parsed = parse_record(job.bytes, options_.fields, &e);
      if (!parsed.ok()) return fail(e, parsed.status().message());
      article = std::move(parsed).value();
    } else if (job.format == InputFormat::kHtml) {
      Status budget = check_html_budget(job.bytes);
      if (!budget.ok()) return fail(RecordError::kOverBudget, job.source + ": " + budget.message());
      HtmlArticle html = extract_html(job.bytes);
      article.text = std::move(html.text);
      article.title = std::move(html.title);
      article.byline = std::move(html.byline);
      article.date = std::move(html.date);
      article.url = std::move(html.url);
      article.outlet = std::move(html.site_name);
      article.from_html = true;
    } else {
      article.text = std::move(job.bytes);
    }
    job.bytes = std::string();

    std::string path = !article.id.empty()              ? article.id
                       : job.format == InputFormat::kJsonl ? job.source + ":" + std::to_string(job.line)
                                                           : job.source;
    auto analysed = analyzer_.analyze(std::move(article.text), path);
    if (!analysed.ok()) return fail(RecordError::kAnalysis, analysed.status().message());
    Analysis& a = analysed.value();
    a.doc.outlet = article.outlet;
    r.attributions = a.attributions.size();
    if (!job.skip) {
      const RecordInfo info = record_info(article, job.source, job.line, job.format);
      WriteOptions w;
      w.offsets = options_.offsets;
      w.record = &info;
      w.corpus_section = true;
      std::optional<echo::EchoReport> echoes;
      if (options_.output == Format::kJsonl && options_.echo_sections) w.echo = &echoes.emplace(echo_.analyze(a));
      r.output = quotegraph::write(options_.output, a, w);
    }
    if (options_.build_graph) accumulators_[t].add(graph::build(a, options_.graph_options));
    return r;
  }

  // ---- writer
  Status write(const RecordSink& sink, const ProgressCallback& progress, Clock::time_point start) {
    auto last_progress = start;
    Progress p;
    p.total_bytes = total_bytes();
    for (;;) {
      Done d;
      {
        std::unique_lock lock(m_);
        for (;;) {
          if (done_.count(written_)) break;
          if (reader_done_ && written_ == read_) return Status();
          if (inline_work_ && !jobs_.empty()) {  // no worker thread could start: work here
            Job job = std::move(jobs_.front());
            jobs_.pop_front();
            lock.unlock();
            Done done = run_job(job, 0);
            lock.lock();
            done_.emplace(job.index, std::move(done));
            continue;
          }
          can_write_.wait_for(lock, std::chrono::milliseconds(250));
          if (progress && Clock::now() - last_progress > std::chrono::milliseconds(250)) break;
        }
        auto it = done_.find(written_);
        if (it == done_.end()) {
          lock.unlock();
          last_progress = Clock::now();
          p.seconds = std::chrono::duration<double>(last_progress - start).count();
          progress(p);
          continue;
        }
        d = std::move(it->second);
        done_.erase(it);
        ++written_;
        in_flight_ -= d.bytes;
      }
      can_read_.notify_one();
      const RecordResult& r = d.result;
      ++summary_.inputs;
      InputSummary& in = summary_.per_input[d.input];
      ++in.records;
      if (r.error != RecordError::kNone) ++in.errors;
      if (r.error == RecordError::kTruncated) in.truncated = true;
      if (r.error == RecordError::kUnreadable) in.unreadable = true;
      summary_.bytes += d.bytes;
      for (const auto& [index, key] : options_.expect)
        if (index == r.index && !(key == RecordKey{r.source, r.line}))
          return Status(ErrorCode::kInputError,
                        "the partial output does not belong to these inputs: its record " + std::to_string(index + 1) +
                            " came from " + key.source + ":" + std::to_string(key.line) + ", but record " +
                            std::to_string(index + 1) + " of the inputs is " + r.source + ":" +
                            std::to_string(r.line) + " (an input changed, or other inputs wrote it)");
      if (r.skipped) {
        ++summary_.skipped;
      } else {
        if (r.error == RecordError::kNone) {
          ++summary_.analysed;
          summary_.attributions += r.attributions;
        } else {
          ++summary_.errors;
          ++summary_.by_error[static_cast<size_t>(r.error)];
        }
        ++summary_.outputs;
        Status st = sink(r);
        if (!st.ok()) return st;
      }
      p.records = summary_.inputs;
      p.bytes = summary_.bytes;
      if (progress && Clock::now() - last_progress > std::chrono::milliseconds(250)) {
        last_progress = Clock::now();
        p.seconds = std::chrono::duration<double>(last_progress - start).count();
        progress(p);
      }
    }
  }

  // Sum of the input sizes when all are plain files (gzip and stdin: unknown).
  uint64_t total_bytes() const {
    uint64_t total = 0;
    for (const std::string& path : inputs_) {
      struct stat st {};
      if (path == "-" || path.ends_with(".gz") || ::stat(path.c_str(), &st) != 0) return 0;
      total += static_cast<uint64_t>(st.st_size);
    }
    return total;
  }

  const std::vector<std::string>& inputs_;
  const Analyzer& analyzer_;
  const CorpusOptions& options_;
  echo::EchoAnalyzer echo_;
  unsigned threads_ = 1;
  uint64_t window_ = 8;
  std::vector<GraphAccumulator> accumulators_;  // one per worker, no sharing
  CorpusSummary summary_;

  std::mutex m_;
  std::condition_variable can_read_, can_work_, can_write_;
  std::deque<Job> jobs_;
  std::map<uint64_t, Done> done_;
  uint64_t read_ = 0, written_ = 0, in_flight_ = 0;
  bool reader_done_ = false, stop_ = false;
  bool inline_work_ = false;  // no worker started: the writer analyses the records itself
};

std::string with_commas(uint64_t n) {
  // Built forwards: g++ 12 reports a false -Wrestrict on string::insert here.
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

}  // namespace

std::string error_record(const std::string& source, uint64_t line, RecordError e, const std::string& message) {
  Json j;
  j["error"] = message;
  j["kind"] = to_string(e);
  j["path"] = source;
  j["line"] = line;
  return j.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
}

RecordInfo record_info(const Article& a, const std::string& source, uint64_t line, InputFormat format) {
  RecordInfo r;
  r.source = source;
  r.line = line;
  r.id = a.id;
  r.url = a.url;
  r.date = a.date;
  r.title = a.title;
  r.byline = a.byline;
  if (a.from_html) r.site_name = a.outlet;
  r.offsets_of = a.from_html ? "the text extracted from the HTML, not into the HTML"
                 : format == InputFormat::kJsonl ? "the record's text field"
                                                 : "the file";
  return r;
}

std::string summary_text(const CorpusSummary& s) {
  std::string out = with_commas(s.inputs) + " records read = " + with_commas(s.analysed) + " analysed + " +
                    with_commas(s.errors) + " errors";
  std::string detail;
  for (size_t e = 1; e < kRecordErrorCount; ++e) {
    if (!s.by_error[e]) continue;
    detail += (detail.empty() ? "" : ", ") + with_commas(s.by_error[e]) + " " + to_string(static_cast<RecordError>(e));
  }
  if (!detail.empty()) out += " (" + detail + ")";
  out += " + " + with_commas(s.skipped) + " skipped (resume); " + with_commas(s.outputs) + " records written; " +
         with_commas(s.attributions) + " attributions";
  char rate[128];
  double secs = s.seconds > 0 ? s.seconds : 1e-9;
  std::snprintf(rate, sizeof rate, "; %.1f s, %.0f articles/s, %.2f MB/s", s.seconds,
                static_cast<double>(s.inputs) / secs, static_cast<double>(s.bytes) / 1e6 / secs);
  out += rate;
  return out;
}

Result<RecordKey> record_key(std::string_view output_line) {
  Json j = Json::parse(output_line.begin(), output_line.end(), nullptr, false);
  const Json* from = nullptr;
  const char* name = "source";
  if (j.is_object() && j.contains("corpus") && j["corpus"].is_object()) {
    from = &j["corpus"];
  } else if (j.is_object() && j.contains("error") && j.contains("kind")) {
    from = &j;
    name = "path";
  }
  if (!from || !from->contains(name) || !(*from)[name].is_string() || !from->contains("line") ||
      !(*from)["line"].is_number_unsigned())
    return Status(ErrorCode::kFormatError, "not a record of quotegraph corpus output");
  return RecordKey{(*from)[name].get<std::string>(), (*from)["line"].get<uint64_t>()};
}

std::string inputs_text(const CorpusSummary& s, size_t max_lines) {
  std::string out;
  size_t quiet = 0;
  for (const InputSummary& in : s.per_input) {
    if (s.per_input.size() > max_lines && in.errors == 0) {
      ++quiet;
      continue;
    }
    out += in.source + ": " + with_commas(in.records) + (in.records == 1 ? " record" : " records");
    std::string notes;
    if (in.errors) notes = with_commas(in.errors) + (in.errors == 1 ? " error" : " errors");
    if (in.truncated) notes += ", truncated";
    if (in.unreadable) notes += ", unreadable";
    if (!notes.empty()) out += " (" + notes + ")";
    out += "\n";
  }
  if (quiet) out += "and " + with_commas(quiet) + " more inputs without errors\n";
  return out;
}

Result<CorpusSummary> run_corpus(const std::vector<std::string>& inputs, const Analyzer& analyzer,
                                 const CorpusOptions& options, const RecordSink& sink,
                                 const ProgressCallback& progress) {
  try {
    Pipeline pipeline(inputs, analyzer, options);
    return pipeline.run(sink, progress);
  } catch (const std::exception& e) {
    return Status(ErrorCode::kInternal, std::string("corpus pipeline: ") + e.what());
  }
}

}  // namespace quotegraph::corpus
