// Where the time goes: the pipeline of src/analyzer.cpp run stage by stage, so
// the cost of the entity stage (names + resolution) shows against the engine
// (decode .. attribution rules) on the same input.
//   bench_stages                      generated news-like articles, and one
//                                     1 MiB generated input (one window)
//   QG_BENCH_TEXTS=dir bench_stages   also every *.txt in dir (e.g. a folder of
//                                     real articles; skipped when unset)
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "attrib/lexicon.hpp"
#include "attrib/rules.hpp"
#include "entity/names.hpp"
#include "entity/resolve.hpp"
#include "news_gen.hpp"
#include "text/boilerplate.hpp"
#include "text/decode.hpp"
#include "text/quotes.hpp"
#include "text/segment.hpp"
#include "text/tokenize.hpp"

using namespace quotegraph;

namespace {

enum class Upto { kRules, kEntities };

struct Pipeline {
  attrib::Lexicon lexicon;
  text::ChromeDetector chrome;

  size_t run(const std::string& bytes, Upto upto) const {
    auto decoded = text::decode(bytes, "bench", false);
    if (!decoded.ok()) return 0;
    Analysis a;
    a.doc = std::move(decoded).value();
    a.doc.body_end = chrome.body_end(a.doc);
    text::Tokens toks = text::tokenize(a.doc, a.doc.body_start, a.doc.body_end);
    text::Quotes quotes = text::find_quotes(a.doc, toks);
    std::vector<text::Sentence> sentences = text::split_sentences(a.doc, toks, quotes);
    attrib::TokenWords words = attrib::lex_words(a.doc, toks, lexicon);
    attrib::RuleOutput rules = attrib::find_attributions({a.doc, toks, quotes, sentences, words}, lexicon);
    a.attributions = std::move(rules.attributions);
    if (upto == Upto::kEntities) {
      std::vector<entity::NameMention> names = entity::scan_names(a.doc, toks, words, sentences);
      a.entities = entity::resolve(a.doc, toks, words, a.attributions, names, rules);
    }
    return a.attributions.size();
  }
};

const Pipeline& pipeline() {
  static const Pipeline p;
  return p;
}

std::vector<std::string> generated() {
  bench::NewsGenerator gen(7);
  std::vector<std::string> out;
  for (int i = 0; i < 200; ++i) out.push_back(gen.article());
  return out;
}

std::vector<std::string> from_dir() {
  std::vector<std::string> out;
  const char* dir = std::getenv("QG_BENCH_TEXTS");
  if (!dir) return out;
  std::vector<std::filesystem::path> paths;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().extension() == ".txt") paths.push_back(e.path());
  std::sort(paths.begin(), paths.end());
  for (const auto& p : paths) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    out.push_back(ss.str());
  }
  return out;
}

void run(benchmark::State& state, const std::vector<std::string>& articles, Upto upto) {
  if (articles.empty()) {
    state.SkipWithError("no input (set QG_BENCH_TEXTS to a folder of .txt articles)");
    return;
  }
  size_t bytes = 0, n = 0;
  for (auto _ : state) {
    const std::string& a = articles[n % articles.size()];
    benchmark::DoNotOptimize(pipeline().run(a, upto));
    bytes += a.size();
    ++n;
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["articles/s"] = benchmark::Counter(static_cast<double>(n), benchmark::Counter::kIsRate);
}

// One 1 MiB generated input: the size of one analysis window, where the
// entity stage sees thousands of names and their repeats in one document.
std::vector<std::string> one_window() {
  bench::NewsGenerator gen(11);
  return {gen.corpus(size_t{1} << 20)};
}

// One benchmark per (inputs, stages): each set of inputs is built once.
template <std::vector<std::string> (*Inputs)(), Upto U>
void BM_Stages(benchmark::State& s) {
  static const auto a = Inputs();
  run(s, a, U);
}

}  // namespace

BENCHMARK_TEMPLATE(BM_Stages, one_window, Upto::kRules)->Name("BM_Window_Engine")->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_Stages, one_window, Upto::kEntities)
    ->Name("BM_Window_EngineEntities")
    ->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_Stages, generated, Upto::kRules)->Name("BM_Generated_Engine");
BENCHMARK_TEMPLATE(BM_Stages, generated, Upto::kEntities)->Name("BM_Generated_EngineEntities");
BENCHMARK_TEMPLATE(BM_Stages, from_dir, Upto::kRules)->Name("BM_Texts_Engine");
BENCHMARK_TEMPLATE(BM_Stages, from_dir, Upto::kEntities)->Name("BM_Texts_EngineEntities");

BENCHMARK_MAIN();
