// Benchmark: a 10-outlet diff of ~1,000-word articles on one story. The
// articles come from NewsGenerator with different seeds, so they share speakers
// and claims the way outlets covering one event do (many alignments, many
// differences). They are analysed once outside the timed loop; BM_Diff10 times
// Differ::diff alone, BM_Diff10WithAnalysis the whole `quotegraph diff` path
// (analysis of the 10 articles + diff + JSON).
//
//   cmake -S . -B build-diff -DQG_BUILD_BENCH=ON && cmake --build build-diff -j2 --target bench_diff
//   build-diff/tests/bench/bench_diff
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "news_gen.hpp"
#include "quotegraph/analyzer.hpp"
#include "quotegraph/diff.hpp"

namespace {

using namespace quotegraph;

constexpr int kOutlets = 10;

size_t word_count(const std::string& s) {
  size_t n = 0;
  bool in = false;
  for (char c : s) {
    bool w = !(c == ' ' || c == '\n' || c == '\t');
    n += w && !in;
    in = w;
  }
  return n;
}

struct Story {
  std::vector<std::string> texts;
  std::vector<Analysis> analyses;
  size_t bytes = 0, words = 0, attributions = 0;
};

const Story& story() {
  static const Story s = [] {
    Story st;
    Analyzer analyzer;
    for (int i = 0; i < kOutlets; ++i) {
      bench::NewsGenerator gen(1000 + i);
      std::string text;
      while (word_count(text) < 1000) text += gen.article(6);
      st.bytes += text.size();
      st.words += word_count(text);
      auto a = analyzer.analyze(text, "outlet" + std::to_string(i) + ".txt");
      st.attributions += a.value().attributions.size();
      st.analyses.push_back(std::move(a).value());
      st.texts.push_back(std::move(text));
    }
    return st;
  }();
  return s;
}

void BM_Diff10(benchmark::State& state) {
  const Story& s = story();
  diff::Differ differ;
  std::vector<diff::DiffInput> in;
  for (const auto& a : s.analyses) in.push_back({&a, ""});
  size_t findings = 0, statements = 0;
  for (auto _ : state) {
    auto r = differ.diff(in);
    findings = r.value().findings.size();
    statements = r.value().statements.size();
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * s.bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * kOutlets));
  state.counters["words_per_article"] = static_cast<double>(s.words) / kOutlets;
  state.counters["attributions"] = static_cast<double>(s.attributions);
  state.counters["aligned_statements"] = static_cast<double>(statements);
  state.counters["findings"] = static_cast<double>(findings);
  state.SetLabel("articles/s = items_per_second");
}
BENCHMARK(BM_Diff10)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_Diff10WithAnalysis(benchmark::State& state) {
  const Story& s = story();
  Analyzer analyzer;
  diff::Differ differ;
  for (auto _ : state) {
    std::vector<Analysis> as;
    for (size_t i = 0; i < s.texts.size(); ++i)
      as.push_back(analyzer.analyze(s.texts[i], "outlet" + std::to_string(i) + ".txt").value());
    std::vector<diff::DiffInput> in;
    for (const auto& a : as) in.push_back({&a, ""});
    std::string json = diff::to_json(differ.diff(in).value());
    benchmark::DoNotOptimize(json);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * s.bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * kOutlets));
  state.SetLabel("articles/s = items_per_second");
}
BENCHMARK(BM_Diff10WithAnalysis)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace

BENCHMARK_MAIN();
