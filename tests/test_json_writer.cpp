// The streaming JSON writer (src/io/json_writer.cpp) against the DOM writer it
// replaced (tests/oracle/json_dom_writer.cpp): byte for byte, indented and
// single-line, on real analyses with their echo sections and on random ones
// full of escapes, control bytes, invalid UTF-8 names and odd confidences.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "oracle/json_dom_writer.hpp"
#include "quotegraph/analyzer.hpp"
#include "quotegraph/echo.hpp"
#include "quotegraph/io.hpp"

namespace {

using namespace quotegraph;
namespace fs = std::filesystem;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void same_as_oracle(const Analysis& a, const JsonSections& sections = {}) {
  for (int indent : {2, -1, 0, 4}) {
    INFO(a.doc.path << ", indent " << indent);
    CHECK(to_json(a, indent, sections) == testing::to_json_dom(a, indent, sections));
  }
}

void analyse_and_compare(const Analyzer& analyzer, const echo::EchoAnalyzer& echoes, const fs::path& p) {
  auto r = analyzer.analyze(slurp(p), p.string());
  REQUIRE(r.ok());
  const Analysis& a = r.value();
  echo::AnalysisSections s = echo::analysis_sections(echoes.analyze(a), a);
  same_as_oracle(a);
  same_as_oracle(a, {{"echoes", s.echoes_json}, {"framing", s.framing_json}});
}

}  // namespace

TEST_CASE("json writer: the seed article, with and without echo sections, as the DOM writer wrote it", "[json]") {
  Analyzer analyzer;
  echo::EchoAnalyzer echoes;
  analyse_and_compare(analyzer, echoes, fs::path(QG_SOURCE_DIR) / "seeds" / "000_1af91efddab21499.txt");
}

TEST_CASE("json writer: every PolNeAR dev text as the DOM writer wrote it", "[json][polnear]") {
  const fs::path dir = fs::path(QG_SHARED_DIR) / "data" / "polnear" / "data" / "dev" / "text";
  if (!fs::is_directory(dir)) {
    WARN("skipped: " << dir << " is absent");
    return;
  }
  Analyzer analyzer;
  echo::EchoAnalyzer echoes;
  int n = 0;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() != ".txt") continue;
    analyse_and_compare(analyzer, echoes, e.path());
    ++n;
  }
  CHECK(n > 0);
}

TEST_CASE("json writer: random analyses with hostile strings as the DOM writer wrote them", "[json]") {
  std::mt19937 rng(2026);
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  const std::vector<std::string> pieces = {"a", "Ö", "\"", "\\", "\n", "\t", "\r", "\b", "\f", "\x01", "\x1f",
                                           "\x7f", "/", "“", "😀", " ", "{", "}", "\u2028"};
  auto text = [&](int max) {
    std::string s;
    for (int i = pick(max + 1); i > 0; --i) s += pieces[pick(static_cast<int>(pieces.size()))];
    return s;
  };
  for (int round = 0; round < 300; ++round) {
    Analysis a;
    a.doc.text = text(60);
    a.doc.path = text(8);
    if (round % 5 == 0) a.doc.path += "\xff\xfe bad";  // names from outside need not be UTF-8
    if (round % 3 == 0) a.doc.outlet = round % 6 == 0 ? text(5) : std::string("Out\xc3let");
    a.doc.body_end = static_cast<uint32_t>(a.doc.text.size());
    a.doc.replaced_bytes = round % 4 == 0 ? static_cast<uint32_t>(round) : 0;
    // Spans on code-point boundaries.
    std::vector<uint32_t> b;
    for (uint32_t i = 0; i <= a.doc.text.size(); ++i)
      if (i == a.doc.text.size() || (static_cast<unsigned char>(a.doc.text[i]) & 0xC0) != 0x80) b.push_back(i);
    auto span = [&] {
      uint32_t x = b[pick(static_cast<int>(b.size()))], y = b[pick(static_cast<int>(b.size()))];
      return x <= y ? Span{x, y} : Span{y, x};
    };
    const int n_ent = pick(4);
    for (int i = 0; i < n_ent; ++i) {
      Entity e;
      e.id = i == 2 ? std::string() : "e" + std::to_string(i + 1);
      e.name = text(10);
      e.kind = static_cast<EntityKind>(pick(6));
      for (int k = pick(3); k > 0; --k) e.aliases.push_back(text(6));
      for (int k = pick(3); k > 0; --k) e.roles.push_back(text(6));
      for (int k = pick(3); k > 0; --k) e.mentions.push_back(span());
      a.entities.push_back(std::move(e));
    }
    const double confidences[] = {0.85, 1.0, 0.005, 0.994, 0.29, 0.57, 1.5, -0.2, 0.0, 1e-9, 0.333333};
    for (int i = pick(5); i > 0; --i) {
      Attribution t;
      t.kind = static_cast<AttributionKind>(pick(3));
      t.speaker = {pick(n_ent + 2) - 1, pick(2) ? span() : Span{}};
      if (pick(2)) t.cue = span();
      t.cue_lemma = text(5);
      t.content = span();
      for (int k = pick(3); k > 0; --k) t.pieces.push_back(span());
      t.addressee = {pick(n_ent + 1) - 1, pick(2) ? span() : Span{}};
      for (int k = pick(3); k > 0; --k) t.about.push_back({pick(n_ent + 1) - 1, span()});
      t.via = pick(4) - 1;
      t.echoes = {pick(n_ent + 1) - 1, pick(2) ? span() : Span{}};
      t.confidence = confidences[pick(11)];
      t.rule = text(6);
      a.attributions.push_back(std::move(t));
    }
    const JsonSections sections = {{"echoes", "[{\"phrase\": \"a\\nb\", \"n\": [1, 2.5, {}], \"e\": []}]"},
                                   {"framing", round % 2 ? "not json" : "{\"k\": {\"x\": null}}"}};
    INFO("round " << round);
    same_as_oracle(a);
    same_as_oracle(a, sections);
  }
}
