// Throughput of Analyzer::analyze on news-like text: MB/s and articles/s, and
// the same per-byte cost at 1, 4 and 16 MB (linear growth shows as flat MB/s).
#include <benchmark/benchmark.h>

#include "news_gen.hpp"
#include "quotegraph/analyzer.hpp"

using namespace quotegraph;

static void BM_AnalyzeArticle(benchmark::State& state) {
  Analyzer analyzer;
  bench::NewsGenerator gen(7);
  std::vector<std::string> articles;
  for (int i = 0; i < 200; ++i) articles.push_back(gen.article());
  size_t bytes = 0, n = 0, attributions = 0;
  for (auto _ : state) {
    const std::string& a = articles[n % articles.size()];
    auto r = analyzer.analyze(a, "bench");
    attributions += r.ok() ? r.value().attributions.size() : 0;
    bytes += a.size();
    ++n;
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["articles/s"] = benchmark::Counter(static_cast<double>(n), benchmark::Counter::kIsRate);
  state.counters["attributions/article"] = static_cast<double>(attributions) / static_cast<double>(n ? n : 1);
}
BENCHMARK(BM_AnalyzeArticle);

static void BM_AnalyzeLargeInput(benchmark::State& state) {
  Analyzer analyzer;
  bench::NewsGenerator gen(11);
  std::string text = gen.corpus(static_cast<size_t>(state.range(0)) << 20);
  for (auto _ : state) {
    auto r = analyzer.analyze(text, "bench");
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_AnalyzeLargeInput)->Arg(1)->Arg(4)->Arg(16)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
