// Pathological input (issue 10): Analyzer::analyze on 1, 10 and 100 MB of each
// hostile class, so linear growth (constant MB/s) is visible. Besides MB/s it
// reports attributions and span_bytes_per_byte (bytes of content, cue and speaker
// spans per input byte): the library may be linear while its *output* is not.
//   build-hard/tests/bench/bench_pathological                      all classes
//   build-hard/tests/bench/bench_pathological --benchmark_filter=quotes
// Arguments are sizes in KB (1024 = 1 MB).
#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>
#include <vector>

#include "quotegraph/analyzer.hpp"

namespace {

using namespace quotegraph;

constexpr size_t kKB = size_t{1} << 10;
constexpr size_t kMB = size_t{1} << 20;

// `unit` repeated to `size` bytes, cut back to a code-point boundary.
std::string fill(const std::string& unit, size_t size) {
  std::string s;
  s.reserve(size + unit.size());
  while (s.size() < size) s += unit;
  size_t end = size;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  s.resize(end);
  return s;
}

struct PathologicalClass {
  const char* name;
  std::string (*make)(size_t size);
};

const std::string kOpen = "\xC2\xAB\xE2\x80\xB9\xE2\x80\x9C\xE2\x80\x98";   // «‹“‘
const std::string kClose = "\xE2\x80\x99\xE2\x80\x9D\xE2\x80\xBA\xC2\xBB";  // ’”›»

const std::vector<PathologicalClass> kClasses = {
    // Nothing but straight double quotes.
    {"quotes", [](size_t n) { return std::string(n, '"'); }},
    // Curly, low-9 and guillemet marks of both families, no words.
    {"marks", [](size_t n) { return fill("\xE2\x80\x9C\xE2\x80\x9D\xE2\x80\x98\xE2\x80\x99\xE2\x80\x9E\xC2\xAB\xC2\xBB\xE2\x80\xB9\xE2\x80\xBA\"'", n); }},
    // Apostrophes that must not pair: possessives, elisions, decades.
    {"apostrophes", [](size_t n) { return fill("Kazakhstan\xE2\x80\x99s \xE2\x80\x99" "90s rock \xE2\x80\x99n\xE2\x80\x99 roll ' ", n); }},
    // One huge line: news sentences with quotes and cues, never a newline.
    {"huge_line", [](size_t n) { return fill("\xE2\x80\x9CWe will not back down,\xE2\x80\x9D the governor said on Tuesday. Officials said that the plan was costly. ", n); }},
    // "said" and nothing else (10^5 of them in the first 500 KB).
    {"said", [](size_t n) { return fill("said ", n); }},
    // «‹“‘ nested as deep as the size allows, then all closed.
    {"nested", [](size_t n) { return fill(kOpen, n / 2) + "he said" + fill(kClose, n / 2); }},
    // Cues after closing marks on one line without sentence ends (a regression:
    // content spans used to reach back to the line start, quadratic output).
    {"unterminated", [](size_t n) { return fill("Officials said the \xE2\x80\x9C" "deal\xE2\x80\x9D was \xE2\x80\x98off\xE2\x80\x99 ", n); }},
    // Ever new people, each named in full and then by surname alone: the entity
    // stage's salience timeline receives single-word names out of text order
    // (a regression guard: a sorted vector there went quadratic).
    {"names", [](size_t n) {
       std::string s;
       for (size_t i = 0; s.size() < n; ++i) {
         std::string last = "Var";
         for (size_t k = i; k; k /= 26) last += static_cast<char>('a' + k % 26);
         s += "Ines " + last + " met officials. " + last + " spoke later.\n";
       }
       s.resize(n);
       return s;
     }},
};

void bench_analyze(benchmark::State& state, const PathologicalClass& cls) {
  static const Analyzer analyzer(Options{.lenient_utf8 = true, .keep_chrome = false});
  const std::string input = cls.make(static_cast<size_t>(state.range(0)) * kKB);
  size_t attributions = 0;
  uint64_t span_bytes = 0;
  for (auto _ : state) {
    state.PauseTiming();
    std::string copy = input;  // analyze takes ownership of its buffer
    state.ResumeTiming();
    auto r = analyzer.analyze(std::move(copy), cls.name);
    if (!r.ok()) {
      state.SkipWithError(r.status().message().c_str());
      return;
    }
    benchmark::DoNotOptimize(r);
    attributions = r.value().attributions.size();
    span_bytes = 0;
    for (const Attribution& t : r.value().attributions)
      span_bytes += uint64_t{t.content.size()} + t.cue.size() + t.speaker.mention.size();
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * input.size()));
  state.counters["MB"] = static_cast<double>(input.size()) / kMB;
  state.counters["attributions"] = static_cast<double>(attributions);
  state.counters["span_bytes_per_byte"] = static_cast<double>(span_bytes) / static_cast<double>(input.size());
}

}  // namespace

int main(int argc, char** argv) {
  for (const PathologicalClass& cls : kClasses) {
    auto* b = benchmark::RegisterBenchmark(cls.name, bench_analyze, cls)->Unit(benchmark::kMillisecond);
    // Sizes in KB: 1, 10 and 100 MB.
    b->Arg(1024)->Arg(10 * 1024)->Arg(100 * 1024);
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
