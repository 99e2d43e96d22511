// Corpus pipeline throughput: a generated JSONL corpus (default 100 MB of
// news-like articles, QG_BENCH_CORPUS_MB overrides) through run_corpus with 1
// and 2 worker threads. Reports articles/s, MB/s and the process's peak RSS
// (getrusage), which must stay flat however large the corpus is.
//   build-corpus/tests/bench/bench_corpus
#include <benchmark/benchmark.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "news_gen.hpp"
#include "quotegraph/analyzer.hpp"
#include "quotegraph/corpus.hpp"

namespace {

// Written article by article, so the generator never holds the corpus.
const std::string& corpus_path() {
  static const std::string path = [] {
    size_t mb = 100;
    if (const char* env = std::getenv("QG_BENCH_CORPUS_MB")) mb = std::strtoul(env, nullptr, 10);
    std::string p = (std::filesystem::temp_directory_path() / ("qg_bench_corpus_" + std::to_string(::getpid()) + ".jsonl")).string();
    std::FILE* f = std::fopen(p.c_str(), "wb");
    quotegraph::bench::NewsGenerator gen(7);
    size_t bytes = 0, n = 0;
    while (bytes < mb << 20) {
      nlohmann::json j;
      j["id"] = "bench-" + std::to_string(n++);
      j["source"] = "Generated Gazette";
      j["text"] = gen.article();
      std::string line = j.dump() + "\n";
      std::fwrite(line.data(), 1, line.size(), f);
      bytes += line.size();
    }
    std::fclose(f);
    std::atexit([] { std::remove(corpus_path().c_str()); });
    return p;
  }();
  return path;
}

double peak_rss_mb() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_maxrss) / 1024.0;  // KB on Linux
}

void BM_Corpus(benchmark::State& state) {
  static const quotegraph::Analyzer analyzer;
  const std::string& path = corpus_path();
  quotegraph::corpus::CorpusOptions opt;
  opt.threads = static_cast<unsigned>(state.range(0));
  quotegraph::corpus::CorpusSummary last;
  uint64_t out_bytes = 0;
  for (auto _ : state) {
    auto r = quotegraph::corpus::run_corpus({path}, analyzer, opt, [&](const quotegraph::corpus::RecordResult& rec) {
      out_bytes += rec.output.size();
      return quotegraph::Status();
    });
    if (!r.ok()) {
      state.SkipWithError(r.status().message().c_str());
      return;
    }
    last = std::move(r).value();
  }
  state.counters["articles/s"] = benchmark::Counter(static_cast<double>(last.inputs) * state.iterations(),
                                                    benchmark::Counter::kIsRate);
  state.counters["MB/s"] = benchmark::Counter(static_cast<double>(last.bytes) / 1e6 * state.iterations(),
                                              benchmark::Counter::kIsRate);
  state.counters["corpus_MB"] = static_cast<double>(last.bytes) / 1e6;
  state.counters["attributions"] = static_cast<double>(last.attributions);
  state.counters["errors"] = static_cast<double>(last.errors);
  state.counters["peak_RSS_MB"] = peak_rss_mb();
}
BENCHMARK(BM_Corpus)->Arg(1)->Arg(2)->Iterations(1)->UseRealTime()->Unit(benchmark::kSecond);

}  // namespace

BENCHMARK_MAIN();
