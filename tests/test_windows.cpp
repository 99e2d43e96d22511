// Long inputs analysed in windows (Options::window_bytes, src/text/windows.cpp,
// src/entity/merge.cpp): where the cuts fall, and that a document of
// self-contained stories gives the same attributions and speakers windowed as
// whole.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "cli_run.hpp"
#include "fuzz/invariants.hpp"
#include "quotegraph/analyzer.hpp"
#include "entity/merge.hpp"
#include "text/windows.hpp"

namespace {

using namespace quotegraph;
using text::cut_windows;

void check_tiling(std::string_view s, const std::vector<Span>& w, uint32_t begin, uint32_t end, uint32_t max) {
  REQUIRE(!w.empty());
  CHECK(w.front().start == begin);
  CHECK(w.back().end == end);
  for (size_t i = 0; i < w.size(); ++i) {
    CHECK((w[i].start < w[i].end || (begin == end && w.size() == 1)));
    CHECK(w[i].end - w[i].start <= std::max<uint32_t>(max, 8));
    CHECK(testing::on_utf8_boundary(s, w[i].start));
    if (i > 0) CHECK(w[i].start == w[i - 1].end);
  }
}

// Three stories; each names its speakers before quoting them, so none leans on
// the one before it. Lines within a story are single-spaced, stories are
// separated by a blank line (where cuts prefer to fall).
const char* kStories[] = {
    "Harbor officials in Velmar closed the port on Tuesday.\n"
    "\"We cannot guarantee the safety of the crews,\" said Ana Ruiz, the port director.\n"
    "Ruiz told reporters that the closure would last a week.\n",
    "The Norland Farmers Union criticised the new tariff.\n"
    "According to union chairman Piet Olsen, prices will rise by a fifth.\n"
    "\"This is a tax on bread,\" Olsen said.\n",
    "Police said the fire started in a warehouse near the station.\n"
    "Fire chief Mara Stein warned that the smoke was toxic.\n"
    "\"Keep your windows closed,\" Stein said in a statement.\n",
};

std::string stories(size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) {
    if (i) out += "\n";
    out += kStories[i % 3];
  }
  return out;
}

}  // namespace

TEST_CASE("windows: short bodies are one window, 0 means never cut", "[windows]") {
  std::string s = stories(3);
  auto one = cut_windows(s, 0, static_cast<uint32_t>(s.size()), 1u << 20);
  REQUIRE(one.size() == 1);
  CHECK(one[0].start == 0);
  CHECK(one[0].end == s.size());
  CHECK(cut_windows(s, 0, static_cast<uint32_t>(s.size()), 0).size() == 1);
  CHECK(cut_windows(s, 5, 5, 100).size() == 1);  // an empty body
}

TEST_CASE("windows: cuts prefer blank lines, then line breaks, then spaces", "[windows]") {
  const std::string story = kStories[0];  // about 190 bytes, three lines
  std::string s = stories(12);
  const uint32_t max = static_cast<uint32_t>(story.size() * 2.5);
  auto w = cut_windows(s, 0, static_cast<uint32_t>(s.size()), max);
  check_tiling(s, w, 0, static_cast<uint32_t>(s.size()), max);
  REQUIRE(w.size() > 3);
  for (size_t i = 1; i < w.size(); ++i) {
    INFO("cut " << i << " at " << w[i].start);
    CHECK(s.compare(w[i].start - 2, 2, "\n\n") == 0);  // right after a blank line
  }

  std::string lines;  // no blank lines: cut after a line break
  for (int i = 0; i < 40; ++i) lines += "Line number " + std::to_string(i) + " of the transcript.\n";
  w = cut_windows(lines, 0, static_cast<uint32_t>(lines.size()), 200);
  check_tiling(lines, w, 0, static_cast<uint32_t>(lines.size()), 200);
  for (size_t i = 1; i < w.size(); ++i) CHECK(lines[w[i].start - 1] == '\n');

  std::string words;  // one line: cut after a space
  for (int i = 0; i < 300; ++i) words += "word ";
  w = cut_windows(words, 0, static_cast<uint32_t>(words.size()), 128);
  check_tiling(words, w, 0, static_cast<uint32_t>(words.size()), 128);
  for (size_t i = 1; i < w.size(); ++i) CHECK(words[w[i].start - 1] == ' ');
}

TEST_CASE("windows: text with no break at all is cut on UTF-8 boundaries", "[windows]") {
  std::string s;
  for (int i = 0; i < 500; ++i) s += "\xE2\x80\x9C\xC3\xA9";  // “é, no space or newline
  for (uint32_t max : {8u, 9u, 10u, 64u, 101u, 1000u}) {
    auto w = cut_windows(s, 0, static_cast<uint32_t>(s.size()), max);
    check_tiling(s, w, 0, static_cast<uint32_t>(s.size()), max);
  }
  // Random bytes-level strings of code points, random limits and sub-ranges.
  std::mt19937 rng(11);
  const char* cps[] = {"a", " ", "\n", "\xC3\xA9", "\xE2\x80\x9D", "\xF0\x9F\x98\x80", "\n\n"};
  for (int round = 0; round < 200; ++round) {
    std::string t;
    int n = static_cast<int>(rng() % 400);
    for (int i = 0; i < n; ++i) t += cps[rng() % 7];
    std::vector<uint32_t> bounds;
    for (uint32_t i = 0; i <= t.size(); ++i)
      if (testing::on_utf8_boundary(t, i)) bounds.push_back(i);
    uint32_t b = bounds[rng() % bounds.size()], e = bounds[rng() % bounds.size()];
    if (b > e) std::swap(b, e);
    uint32_t max = 1 + rng() % 90;
    check_tiling(t, cut_windows(t, b, e, max), b, e, max);
  }
}

TEST_CASE("windows: a document of stories gives the same result windowed as whole", "[windows]") {
  const std::string doc = stories(30);
  const Analyzer whole(Options{.window_bytes = 0});
  const Analyzer windowed(Options{.window_bytes = 700});
  auto a = whole.analyze(doc, "stories.txt");
  auto b = windowed.analyze(doc, "stories.txt");
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  CHECK(testing::check_analysis(doc, b.value()) == "");
  const Analysis& x = a.value();
  const Analysis& y = b.value();
  REQUIRE(x.attributions.size() >= 60);  // at least two per story
  REQUIRE(x.attributions.size() == y.attributions.size());
  auto speaker = [](const Analysis& z, const Attribution& t) {
    return t.speaker.entity < 0 ? std::string("(none)") : z.entities[t.speaker.entity].name;
  };
  for (size_t i = 0; i < x.attributions.size(); ++i) {
    const Attribution& p = x.attributions[i];
    const Attribution& q = y.attributions[i];
    INFO("attribution " << i << ": " << x.doc.slice(p.content));
    CHECK(p.content == q.content);
    CHECK(p.cue == q.cue);
    CHECK(p.speaker.mention == q.speaker.mention);
    CHECK(speaker(x, p) == speaker(y, q));
    CHECK(p.via == q.via);
  }
  // The same speakers recur in every window: merged into one entity each, with
  // every mention, as in the whole analysis.
  std::map<std::string, size_t> mentions_x, mentions_y;
  for (const Entity& e : x.entities) mentions_x[e.name] += e.mentions.size();
  for (const Entity& e : y.entities) mentions_y[e.name] += e.mentions.size();
  CHECK(mentions_x == mentions_y);
  CHECK(x.entities.size() == y.entities.size());
}

TEST_CASE("windows: entities merge across windows, never within one", "[windows]") {
  auto entity = [](const char* name, EntityKind kind, uint32_t at) {
    Entity e;
    e.name = name;
    e.kind = kind;
    e.mentions = {{at, at + 3}};
    return e;
  };
  auto speaking = [](int entity) {
    Attribution t;
    t.speaker.entity = entity;
    return t;
  };
  entity::Merger m;
  // Window 1: the resolver kept two people named alike apart, and a place.
  std::vector<Attribution> first = {speaking(0), speaking(1)};
  m.add({entity("Ana Ruiz", EntityKind::kPerson, 0), entity("Ana Ruiz", EntityKind::kPerson, 10),
         entity("Velmar", EntityKind::kPlace, 20)},
        first);
  // Window 2: the same name and kind joins the first of them; another kind does not.
  std::vector<Attribution> second = {speaking(0), speaking(1), speaking(2)};
  m.add({entity("Ana Ruiz", EntityKind::kPerson, 100), entity("Velmar", EntityKind::kOrganization, 110),
         entity("Velmar", EntityKind::kPlace, 120)},
        second);
  std::vector<Entity> all = std::move(m).finish();
  REQUIRE(all.size() == 4);
  CHECK(all[0].id == "e1");
  CHECK(all[3].id == "e4");
  CHECK(first[0].speaker.entity == 0);
  CHECK(first[1].speaker.entity == 1);  // kept apart within window 1
  CHECK(second[0].speaker.entity == 0);
  CHECK(second[1].speaker.entity == 3);  // Velmar the organisation is new
  CHECK(second[2].speaker.entity == 2);
  CHECK(all[0].mentions.size() == 2);
  CHECK(all[1].mentions.size() == 1);
  CHECK(all[2].mentions.size() == 2);
}

TEST_CASE("windows cli: --window-mb is taken by the analysing subcommands and checked", "[windows][cli]") {
  namespace fs = std::filesystem;
  fs::path p = fs::temp_directory_path() / ("qg_windows_" + std::to_string(::getpid()) + ".txt");
  {
    std::ofstream f(p, std::ios::binary);
    f << stories(3);
  }
  std::string whole, never;
  REQUIRE(qg_test::run_cli("analyze --format jsonl " + p.string(), &whole) == 0);
  REQUIRE(qg_test::run_cli("analyze --format jsonl --window-mb 0 " + p.string(), &never) == 0);
  CHECK(whole == never);  // far below 1 MiB: one window either way
  CHECK(whole.find("\"Ana Ruiz\"") != std::string::npos);
  for (const char* cmd : {"graph", "stats", "echo", "report", "diff", "corpus"})
    CHECK(qg_test::run_cli(std::string(cmd) + " --window-mb 2 --help").first == 0);
  auto [rc, msg] = qg_test::run_cli("analyze --window-mb 5000 " + p.string());
  CHECK(rc == 1);  // usage error: more than 4095 MiB does not fit the option
  CHECK(msg.find("--window-mb") != std::string::npos);
  fs::remove(p);
}
