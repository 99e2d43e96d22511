// Graph build + DOT export for 10,000 articles' attributions (issue 6).
// The analyses are synthesised (news-like: a shared cast of people and
// organisations across articles, per-article crowds, relays, echoes), so the
// figure measures the graph stages alone, not the analyzer.
//
//   cmake -S . -B build-graph -DQG_BUILD_BENCH=ON && cmake --build build-graph --target bench_graph
//   build-graph/tests/bench/bench_graph
#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

#include "quotegraph/graph.hpp"

namespace {

namespace qg = quotegraph;
namespace gr = quotegraph::graph;

constexpr size_t kArticles = 10000;

const char* kFirst[] = {"Anna", "Boris", "Chen", "Dilnoza", "Emeka", "Farah", "Goran", "Hana", "Ivan", "Julia",
                        "Kofi", "Lena", "Marek", "Nadia", "Omar", "Priya", "Quentin", "Rosa", "Sergei", "Tamar"};
const char* kLast[] = {"Abenov", "Brown", "Castillo", "Dvorak", "Eriksen", "Fischer", "Garcia", "Haddad",
                       "Ivanova", "Jensen", "Kowalski", "Lopez", "Mensah", "Nakamura", "Okafor", "Petrov",
                       "Quispe", "Rahman", "Schmidt", "Tanaka", "Umarov", "Varga", "Wright", "Yilmaz", "Zhou"};
const char* kOrgs[] = {"Ministry of Health", "CSTO", "United Nations", "State Department", "Central Bank",
                       "Supreme Court", "World Bank", "Red Cross", "European Commission", "Interior Ministry"};
const char* kGroups[] = {"police", "protesters", "officials", "authorities", "residents", "analysts"};
const char* kCues[] = {"said", "told", "according to", "warned", "described", "announced", "echoed"};

std::vector<qg::Analysis> synthesise(size_t count, uint32_t seed) {
  std::mt19937 rng(seed);
  std::vector<qg::Analysis> out;
  out.reserve(count);
  for (size_t d = 0; d < count; ++d) {
    qg::Analysis a;
    a.doc.path = "corpus/article-" + std::to_string(d) + ".txt";
    if (d % 3 == 0) a.doc.outlet = "Outlet " + std::to_string(d % 40);
    std::string& text = a.doc.text;
    auto mention = [&](const std::string& s) {
      qg::Span sp{static_cast<uint32_t>(text.size()), static_cast<uint32_t>(text.size() + s.size())};
      text += s + " ";
      return sp;
    };
    size_t people = 3 + rng() % 4;
    for (size_t i = 0; i < people + 3; ++i) {
      qg::Entity e;
      if (i < people) {
        e.name = std::string(kFirst[rng() % 20]) + " " + kLast[rng() % 25];
        e.kind = qg::EntityKind::kPerson;
        e.roles.push_back("spokesperson");
      } else if (i < people + 2) {
        e.name = kOrgs[rng() % 10];
        e.kind = qg::EntityKind::kOrganization;
      } else {
        e.name = kGroups[rng() % 6];
        e.kind = qg::EntityKind::kGroup;
      }
      e.id = "e" + std::to_string(i + 1);
      e.mentions.push_back(mention(e.name));
      e.mentions.push_back(mention(e.name));
      a.entities.push_back(std::move(e));
    }
    size_t n = 4 + rng() % 6;
    for (size_t j = 0; j < n; ++j) {
      qg::Attribution at;
      int speaker = static_cast<int>(rng() % a.entities.size());
      at.speaker = {speaker, a.entities[speaker].mentions[0]};
      at.cue = mention(kCues[rng() % 7]);
      at.content = mention("“the situation remains under control and we will respond to any provocation, " +
                           std::to_string(rng() % 1000) + " people were affected”");
      if (rng() % 3 == 0) at.addressee = {static_cast<int>(rng() % a.entities.size()), at.speaker.mention};
      for (int k = rng() % 3; k > 0; --k) at.about.push_back({static_cast<int>(rng() % a.entities.size()), at.cue});
      if (j > 0 && rng() % 5 == 0) at.via = static_cast<int>(rng() % j);
      if (rng() % 10 == 0) at.echoes = {static_cast<int>(rng() % a.entities.size()), at.cue};
      if (rng() % 12 == 0) at.speaker = {};
      a.attributions.push_back(std::move(at));
    }
    out.push_back(std::move(a));
  }
  return out;
}

const std::vector<qg::Analysis>& corpus() {
  static const std::vector<qg::Analysis> c = synthesise(kArticles, 42);
  return c;
}

size_t attributions(const std::vector<qg::Analysis>& c) {
  size_t n = 0;
  for (const auto& a : c) n += a.attributions.size();
  return n;
}

void report(benchmark::State& state, const gr::Graph& g) {
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * kArticles));
  state.counters["nodes"] = static_cast<double>(g.nodes.size());
  state.counters["edges"] = static_cast<double>(g.edges.size());
  state.counters["attributions"] = static_cast<double>(attributions(corpus()));
}

// The figure: articles' attributions -> merged graph -> DOT text.
void BM_BuildAndDot10k(benchmark::State& state) {
  const auto& c = corpus();
  gr::Graph g;
  size_t bytes = 0;
  for (auto _ : state) {
    g = gr::build(c);
    auto dot = gr::to_dot(g);
    bytes = dot.value().size();
    benchmark::DoNotOptimize(dot);
  }
  report(state, g);
  state.counters["dot_MB"] = static_cast<double>(bytes) / 1e6;
}
BENCHMARK(BM_BuildAndDot10k)->Unit(benchmark::kMillisecond);

void BM_Build10k(benchmark::State& state) {
  const auto& c = corpus();
  gr::Graph g;
  for (auto _ : state) {
    g = gr::build(c);
    benchmark::DoNotOptimize(g);
  }
  report(state, g);
}
BENCHMARK(BM_Build10k)->Unit(benchmark::kMillisecond);

void BM_Dot10k(benchmark::State& state) {
  gr::Graph g = gr::build(corpus());
  for (auto _ : state) {
    auto dot = gr::to_dot(g);
    benchmark::DoNotOptimize(dot);
  }
  report(state, g);
}
BENCHMARK(BM_Dot10k)->Unit(benchmark::kMillisecond);

// The reduce step of a corpus run: 16 partial graphs of 625 articles each.
void BM_MergePartials10k(benchmark::State& state) {
  const auto& c = corpus();
  std::vector<gr::Graph> parts;
  for (size_t i = 0; i < 16; ++i)
    parts.push_back(gr::build(std::span<const qg::Analysis>(c.data() + i * kArticles / 16, kArticles / 16)));
  gr::Graph g;
  for (auto _ : state) {
    g = gr::merge(parts);
    benchmark::DoNotOptimize(g);
  }
  report(state, g);
}
BENCHMARK(BM_MergePartials10k)->Unit(benchmark::kMillisecond);

void BM_JsonRoundTrip10k(benchmark::State& state) {
  gr::Graph g = gr::build(corpus());
  for (auto _ : state) {
    auto back = gr::from_json(gr::to_json(g, -1), "bench.json");
    benchmark::DoNotOptimize(back);
  }
  report(state, g);
}
BENCHMARK(BM_JsonRoundTrip10k)->Unit(benchmark::kMillisecond);

void BM_Stats10k(benchmark::State& state) {
  gr::Graph g = gr::build(corpus());
  for (auto _ : state) {
    auto s = gr::compute_stats(g);
    benchmark::DoNotOptimize(s);
  }
  report(state, g);
}
BENCHMARK(BM_Stats10k)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
