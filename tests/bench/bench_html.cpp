// HTML body extraction throughput (corpus::extract_html_text), one core.
// BM_ExtractGenerated: invented news pages the shape of real ones (about 100 KB:
// head with scripts and styles, a menu, a story of generated paragraphs inside
// nested layout divs, a sidebar of teasers, comments, a footer). BM_ExtractDevSet:
// the saved dev pages (scripts/html_devset.py), when they are present.
// Reports MB/s of HTML and pages/s.
//   build/tests/bench/bench_html
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "news_gen.hpp"
#include "quotegraph/corpus.hpp"

namespace {

std::string generated_page(quotegraph::bench::NewsGenerator& gen) {
  std::string p = "<!doctype html><html lang=en><head><meta charset=utf-8><title>Generated Gazette</title>";
  for (int i = 0; i < 6; ++i)
    p += "<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag('js',new "
         "Date());var cfg={site:'gazette',section:'news',ads:[1,2,3,4,5,6,7,8,9]};</script>"
         "<style>.nav a{color:#333;padding:4px 8px}.story p{line-height:1.5;margin:0 0 1em}</style>";
  p += "</head><body><header class=site-header><nav class=main-nav><ul>";
  for (int i = 0; i < 40; ++i) p += "<li class=nav-item><a href=/section/" + std::to_string(i) + ">Section " + std::to_string(i) + "</a></li>";
  p += "</ul></nav></header><div class=page><div class=layout><main class=l-main><div class=row><div class=col>";
  p += "<article class=\"story post\"><h1>Generated headline</h1><div class=byline>By A. Writer</div><div class=story-body>";
  std::string body = gen.article(24);
  size_t i = 0;
  while (i < body.size()) {
    size_t end = body.find("\n\n", i);
    if (end == std::string::npos) end = body.size();
    p += "<p>" + body.substr(i, end - i) + " <a href=/more>more</a></p>";
    i = end + 2;
  }
  p += "</div><div class=share-bar><a href=#>Share</a><a href=#>Tweet</a></div></article>";
  p += "<aside class=sidebar><h3>Trending</h3><ul>";
  for (int k = 0; k < 30; ++k)
    p += "<li class=teaser><a href=/t/" + std::to_string(k) + "><img src=t.jpg alt=''><span>Teaser headline number " +
         std::to_string(k) + " about the council</span></a></li>";
  p += "</ul></aside><section id=comments>";
  for (int k = 0; k < 20; ++k) p += "<div class=comment><p>" + gen.article(1) + "</p></div>";
  p += "</section></div></div></main></div></div><footer class=site-footer>";
  for (int k = 0; k < 30; ++k) p += "<a href=/f/" + std::to_string(k) + ">Footer link " + std::to_string(k) + "</a> ";
  p += "</footer></body></html>";
  return p;
}

void run(benchmark::State& state, const std::vector<std::string>& pages) {
  size_t bytes = 0;
  for (const std::string& p : pages) bytes += p.size();
  size_t out = 0;
  for (auto _ : state) {
    for (const std::string& p : pages) out += quotegraph::corpus::extract_html_text(p).size();
    benchmark::DoNotOptimize(out);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["pages/s"] =
      benchmark::Counter(static_cast<double>(state.iterations() * pages.size()), benchmark::Counter::kIsRate);
}

void BM_ExtractGenerated(benchmark::State& state) {
  static const std::vector<std::string> pages = [] {
    quotegraph::bench::NewsGenerator gen(11);
    std::vector<std::string> v;
    for (int i = 0; i < 40; ++i) v.push_back(generated_page(gen));
    return v;
  }();
  run(state, pages);
}
BENCHMARK(BM_ExtractGenerated)->Unit(benchmark::kMillisecond);

void BM_ExtractDevSet(benchmark::State& state) {
  static const std::vector<std::string> pages = [] {
    std::vector<std::string> v;
    std::filesystem::path dir = QG_SOURCE_DIR "/../shared/data/html-dev/pages";
    if (!std::filesystem::exists(dir)) return v;
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(dir)) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      std::ifstream in(f, std::ios::binary);
      std::ostringstream ss;
      ss << in.rdbuf();
      v.push_back(ss.str());
    }
    return v;
  }();
  if (pages.empty()) {
    state.SkipWithError("no dev set (scripts/html_devset.py builds ../shared/data/html-dev)");
    return;
  }
  run(state, pages);
}
BENCHMARK(BM_ExtractDevSet)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
