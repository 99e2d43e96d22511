// Where the time goes: the pipeline of src/analyzer.cpp run stage by stage, so
// the cost of the entity stage (names + resolution) shows against the engine
// (decode .. attribution rules) on the same input.
//   bench_stages                      generated news-like articles, and one
//                                     1 MiB generated input (one window)
//   QG_BENCH_TEXTS=dir bench_stages   also every *.txt in dir (e.g. a folder of
//                                     real articles; skipped when unset)
// The *_EntitiesAlone benchmarks time the entity stage by itself on articles
// the engine has prepared beforehand: against the difference of the other two,
// what the stage costs in the pipeline beyond its own work (caches shared with
// the engine).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
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

  // An article the engine (decode .. attribution rules) has run on.
  struct Prepared {
    Analysis a;
    text::Tokens toks;
    std::vector<text::Sentence> sentences;
    attrib::TokenWords words;
    attrib::RuleOutput rules;
  };
  // The engine's stages on `bytes` into `p`; false when the input does not decode.
  bool prepare(const std::string& bytes, Prepared& p) const {
    auto decoded = text::decode(bytes, "bench", false);
    if (!decoded.ok()) return false;
    p.a.doc = std::move(decoded).value();
    p.a.doc.body_end = chrome.body_end(p.a.doc);
    p.toks = text::tokenize(p.a.doc, p.a.doc.body_start, p.a.doc.body_end);
    text::Quotes quotes = text::find_quotes(p.a.doc, p.toks);
    p.sentences = text::split_sentences(p.a.doc, p.toks, quotes);
    p.words = attrib::lex_words(p.a.doc, p.toks, lexicon);
    p.rules = attrib::find_attributions({p.a.doc, p.toks, quotes, p.sentences, p.words}, lexicon);
    return true;
  }

  size_t run(const std::string& bytes, Upto upto) const {
    Prepared p;
    if (!prepare(bytes, p)) return 0;
    p.a.attributions = std::move(p.rules.attributions);
    if (upto == Upto::kEntities) {
      std::vector<entity::NameMention> names = entity::scan_names(p.a.doc, p.toks, p.words, p.sentences);
      p.a.entities = entity::resolve(p.a.doc, p.toks, p.words, p.a.attributions, names, p.rules);
    }
    return p.a.attributions.size();
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

// The entity stage alone (names + resolution, and freeing what they return),
// on articles prepared before timing starts; each run works on a fresh copy of
// the article's attributions, made outside the timed part.
void run_entities_alone(benchmark::State& state, const std::vector<std::string>& articles) {
  std::vector<std::unique_ptr<Pipeline::Prepared>> prepared;
  for (const std::string& a : articles) {
    auto p = std::make_unique<Pipeline::Prepared>();
    if (pipeline().prepare(a, *p)) prepared.push_back(std::move(p));
  }
  if (prepared.empty()) {
    state.SkipWithError("no input (set QG_BENCH_TEXTS to a folder of .txt articles)");
    return;
  }
  size_t bytes = 0, n = 0;
  for (auto _ : state) {
    Pipeline::Prepared& p = *prepared[n % prepared.size()];
    std::vector<Attribution> atts = p.rules.attributions;
    const auto start = std::chrono::steady_clock::now();
    {
      std::vector<entity::NameMention> names = entity::scan_names(p.a.doc, p.toks, p.words, p.sentences);
      std::vector<Entity> entities = entity::resolve(p.a.doc, p.toks, p.words, atts, names, p.rules);
      benchmark::DoNotOptimize(entities.data());
    }
    state.SetIterationTime(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    bytes += p.a.doc.text.size();
    ++n;
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["articles/s"] = benchmark::Counter(static_cast<double>(n), benchmark::Counter::kIsRate);
}

template <std::vector<std::string> (*Inputs)()>
void BM_EntitiesAlone(benchmark::State& s) {
  static const auto a = Inputs();
  run_entities_alone(s, a);
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
BENCHMARK_TEMPLATE(BM_EntitiesAlone, generated)->Name("BM_Generated_EntitiesAlone")->UseManualTime();
BENCHMARK_TEMPLATE(BM_EntitiesAlone, from_dir)->Name("BM_Texts_EntitiesAlone")->UseManualTime();

BENCHMARK_MAIN();
