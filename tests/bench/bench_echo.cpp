// Benchmark: cross-document echo over 1,000 generated articles (inverted n-gram
// index, no all-pairs step). The articles are analysed once by the real Analyzer
// outside the timed loop; the loop times EchoAnalyzer::analyze over all of them.
// Reports articles/s, MB/s and peak resident memory (getrusage).
//
//   build/tests/bench/bench_echo
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <random>
#include <string>
#include <vector>

#include "quotegraph/analyzer.hpp"
#include "quotegraph/echo.hpp"

namespace {

using namespace quotegraph;

// Invented parts only. Some phrases recur across articles with different
// speakers (implicit echoes to find), some in nearly every article (common
// phrases the document-frequency cap must drop).
const char* const kFirst[] = {"Alma", "Ivo", "Rosa", "Tomas", "Lena", "Kasim", "Mira", "Oskar", "Petra", "Jon",
                              "Ines", "Paulo", "Greta", "Ola", "Dana", "Rui", "Noor", "Luca", "Hana", "Leon"};
const char* const kLast[] = {"Dorn", "Lent", "Varga", "Reyes", "Kell", "Rahl", "Oduya", "Brandt", "Sato", "Hale",
                             "Idris", "Tavi", "Park", "Ames", "Moreau", "Reis", "Holm", "Bent", "Voss", "Marsh",
                             "Pell", "Hadid", "Fenn", "Ito", "Shaw", "Aro", "Loren", "Dahl", "Odin", "Wilk"};
const char* const kRoles[] = {"the interior minister", "a senator", "the mayor", "an opposition deputy",
                              "the union leader", "the police chief", "a party spokesman", "the finance minister"};
const char* const kMemes[] = {"economic hostage-taking",        "a slow-motion coup against the courts",
                              "foreign-paid provocateurs",      "a shield for every neighbourhood",
                              "a tax on every kitchen table",   "a band of hired vandals",
                              "the plunder of our mountains",   "build bridges not walls",
                              "a fantasy written on a napkin",  "orchestrated from distant capitals"};
const char* const kClaims[] = {"the budget will be balanced by the spring",
                               "the harbour will reopen after the repairs",
                               "we will continue to work with the United States",
                               "the new rules protect tenants and landlords alike",
                               "the talks made progress on fishing quotas",
                               "the river crossing will carry four lanes of traffic",
                               "the schools will stay open through the winter",
                               "prices at the pump fell for a third week"};
const char* const kNarration[] = {"The council meets again on Thursday.",
                                  "Shops on the main street stayed closed for most of the day.",
                                  "The ministry published the figures on its website.",
                                  "About two hundred people gathered outside the town hall.",
                                  "The measure passed by a narrow margin after a long debate.",
                                  "Traffic was diverted around the square until the evening."};

// Distinctive two-word phrases, 20 x 20 of them: each recurs in a few articles.
const char* const kMemeHead[] = {"hired", "foreign-paid", "slow-motion", "economic", "silent", "velvet", "paper",
                                 "borrowed", "midnight", "phantom", "hollow", "gilded", "rusted", "frozen",
                                 "masked", "stolen", "crooked", "burning", "sunken", "broken"};
const char* const kMemeTail[] = {"saboteurs", "hostage-taking", "coup", "plunder", "siege", "blackmail",
                                 "sabotage", "landgrab", "heist", "betrayal", "swindle", "ambush", "stranglehold",
                                 "carve-up", "giveaway", "shakedown", "whitewash", "charade", "stampede", "purge"};

template <size_t N>
const char* pick(std::mt19937& rng, const char* const (&a)[N]) {
  return a[rng() % N];
}

std::string article(std::mt19937& rng) {
  std::string out = std::string("Leaders trade words over ") + (rng() % 2 ? "budget" : "harbour") + " plan\n\n";
  for (int p = 0; p < 10; ++p) {
    std::string name = std::string(pick(rng, kFirst)) + " " + pick(rng, kLast);
    switch (rng() % 4) {
      case 0:
        out += name + ", " + pick(rng, kRoles) + ", said " + pick(rng, kClaims) + ".";
        break;
      case 1:
        out += "\u201C" + std::string(pick(rng, kClaims)) + ",\u201D " + name + " said.";
        break;
      case 2:
        if (rng() % 3 == 0) {
          out += name + " said the plan was \u201C" + std::string(pick(rng, kMemes)) + ".\u201D";
        } else {
          out += name + " called the plan " + pick(rng, kMemeHead) + " " + pick(rng, kMemeTail) + ".";
        }
        break;
      default:
        out += pick(rng, kNarration);
        break;
    }
    out += std::string(" ") + pick(rng, kNarration) + "\n\n";
  }
  return out;
}

struct Corpus {
  std::vector<Analysis> analyses;
  std::vector<echo::EchoInput> inputs;
  size_t bytes = 0;
};

const Corpus& corpus() {
  static const Corpus c = [] {
    Corpus out;
    Analyzer analyzer;
    std::mt19937 rng(20240501);
    for (int i = 0; i < 1000; ++i) {
      auto r = analyzer.analyze(article(rng), "gen/" + std::to_string(i) + ".txt");
      if (r.ok()) out.analyses.push_back(std::move(r).value());
    }
    for (const Analysis& a : out.analyses) {
      out.inputs.push_back({&a, ""});
      out.bytes += a.doc.text.size();
    }
    return out;
  }();
  return c;
}

double peak_rss_mb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss / 1024.0;  // Linux reports KiB
}

void BM_EchoCrossDocument1000(benchmark::State& state) {
  const Corpus& c = corpus();
  echo::EchoAnalyzer analyzer;
  size_t echoes = 0, repetitions = 0, framing = 0, attributions = 0;
  for (const Analysis& a : c.analyses) attributions += a.attributions.size();
  double rss_before = peak_rss_mb();
  for (auto _ : state) {
    echo::EchoReport r = analyzer.analyze(c.inputs);
    echoes = r.echoes.size();
    repetitions = r.repetitions.size();
    framing = r.framing.size();
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * c.inputs.size()));
  state.counters["articles"] = static_cast<double>(c.inputs.size());
  state.counters["attributions"] = static_cast<double>(attributions);
  state.counters["echoes"] = static_cast<double>(echoes);
  state.counters["repetitions"] = static_cast<double>(repetitions);
  state.counters["framing"] = static_cast<double>(framing);
  state.counters["peak_rss_MB"] = peak_rss_mb();
  state.counters["peak_rss_growth_MB"] = peak_rss_mb() - rss_before;
  state.SetLabel("articles/s = items_per_second");
}
BENCHMARK(BM_EchoCrossDocument1000)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace

BENCHMARK_MAIN();
