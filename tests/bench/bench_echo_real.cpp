// Echo on real news: what echo adds to `analyze --format jsonl` on the 84
// PolNeAR dev articles, and whether it costs the same per byte on one long
// document of concatenated real articles (1, 2, 4 and 16 MB). PolNeAR texts are
// read from ../shared/data (never from the repository); every benchmark is
// skipped when they are absent.
//
//   build/tests/bench/bench_echo_real
//
// The train and dev texts hold about 4.3 MB: the 1, 2 and 4 MB documents are
// each article once, and they are the per-byte comparison; the 16 MB one
// repeats each article about four times, and repeated statements are echoes
// and repetitions of each other (every shared n-gram a candidate), so that row
// measures a text far richer in echoes than news is (docs/echo.md, "Speed").
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "quotegraph/analyzer.hpp"
#include "quotegraph/echo.hpp"
#include "quotegraph/io.hpp"

namespace fs = std::filesystem;
using namespace quotegraph;

namespace {

const std::string kPolnear = std::string(QG_SOURCE_DIR) + "/../shared/data/polnear/data";

std::vector<std::string> read_texts(const std::string& split) {
  std::vector<std::string> out;
  std::error_code ec;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(kPolnear + "/" + split + "/text", ec))
    if (e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    out.push_back(ss.str());
  }
  return out;
}

const std::vector<std::string>& dev() {
  static const std::vector<std::string> texts = read_texts("dev");
  return texts;
}

// One document of `mb` MiB: train then dev articles, repeated when needed.
std::string concatenated(size_t mb) {
  static const std::vector<std::string> train = read_texts("train");
  std::string out;
  const std::vector<std::string>* sets[] = {&train, &dev()};
  while (out.size() < mb << 20) {
    size_t before = out.size();
    for (const auto* set : sets)
      for (const std::string& t : *set) {
        if (out.size() >= mb << 20) break;
        out += t;
        out += "\n\n";
      }
    if (out.size() == before) break;  // no texts
  }
  return out;
}

// The whole per-article path of `analyze --format jsonl`: analysis, (echo), JSON.
void run_dev(benchmark::State& state, bool with_echo) {
  const auto& texts = dev();
  if (texts.empty()) {
    state.SkipWithError("PolNeAR dev texts absent (../shared/data)");
    return;
  }
  static const Analyzer analyzer(Options{.keep_text_layer = true});
  static const echo::EchoAnalyzer echoes;
  size_t bytes = 0;
  for (const auto& t : texts) bytes += t.size();
  for (auto _ : state) {
    size_t out = 0;
    for (size_t i = 0; i < texts.size(); ++i) {
      auto r = analyzer.analyze(texts[i], "dev" + std::to_string(i));
      if (!r.ok()) continue;
      WriteOptions w;
      std::optional<echo::EchoReport> report;
      if (with_echo) w.echo = &report.emplace(echoes.analyze(r.value()));
      out += to_json(r.value(), -1, w).size();
    }
    benchmark::DoNotOptimize(out);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["articles/s"] =
      benchmark::Counter(static_cast<double>(texts.size()), benchmark::Counter::kIsIterationInvariantRate);
}

void BM_AnalyzeDev_NoEcho(benchmark::State& state) { run_dev(state, false); }
void BM_AnalyzeDev_Echo(benchmark::State& state) { run_dev(state, true); }
BENCHMARK(BM_AnalyzeDev_NoEcho)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_AnalyzeDev_Echo)->Unit(benchmark::kMillisecond)->UseRealTime();

// Echo alone on one long real document, analysed once outside the timed loop.
void BM_EchoConcatenated(benchmark::State& state) {
  std::string text = concatenated(static_cast<size_t>(state.range(0)));
  if (text.empty()) {
    state.SkipWithError("PolNeAR texts absent (../shared/data)");
    return;
  }
  static const Analyzer analyzer;
  static const echo::EchoAnalyzer echoes;
  auto r = analyzer.analyze(text, "concatenated");  // windowed: echo makes its own layer
  if (!r.ok()) {
    state.SkipWithError("analysis failed");
    return;
  }
  size_t records = 0;
  for (auto _ : state) {
    echo::EchoReport report = echoes.analyze(r.value());
    records = report.echoes.size() + report.repetitions.size() + report.framing.size();
    benchmark::DoNotOptimize(records);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["records"] = static_cast<double>(records);
}
BENCHMARK(BM_EchoConcatenated)->Arg(1)->Arg(2)->Arg(4)->Arg(16)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
