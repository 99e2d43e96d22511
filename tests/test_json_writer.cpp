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

void same_as_oracle(const Analysis& a, const echo::EchoReport* echo = nullptr) {
  for (bool chars : {false, true})
    for (int indent : {2, -1, 0, 4}) {
      INFO(a.doc.path << ", indent " << indent << (chars ? ", code-point offsets" : ""));
      WriteOptions w;
      w.echo = echo;
      w.offsets = chars ? Offsets::kChars : Offsets::kBytes;
      CHECK(to_json(a, indent, w) == testing::to_json_dom(a, indent, echo, chars));
    }
}

void analyse_and_compare(const Analyzer& analyzer, const echo::EchoAnalyzer& echoes, const fs::path& p) {
  auto r = analyzer.analyze(slurp(p), p.string());
  REQUIRE(r.ok());
  const Analysis& a = r.value();
  const echo::EchoReport report = echoes.analyze(a);
  same_as_oracle(a);
  same_as_oracle(a, &report);
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
    // Each way a sequence can be ill-formed, which the one-pass writer checks
    // as it meets it: overlong, surrogate, above U+10FFFF, cut short, stray.
    static const char* const kIllFormed[] = {"\xe0\x80\x80", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xf0\x80\x80\x80",
                                             "\xe2\x80", "\x80", "\xc0\xaf", "\xf5\x80\x80\x80", "\xc3"};
    if (round % 5 == 1) a.doc.path += std::string("x\u00e9") + kIllFormed[(round / 5) % 9];
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
    // Echo records with hostile strings, scores to round, and records of
    // another input (left out of this article's sections).
    echo::EchoReport report;
    const int n_att = static_cast<int>(a.attributions.size());
    auto party = [&] {
      echo::Party p;
      p.input = pick(5) == 0 ? 1 : 0;
      p.attribution = pick(n_att + 1) - 1;
      p.entity = pick(n_ent + 1) - 1;
      p.name = pick(3) ? text(6) : std::string();
      if (pick(2)) p.mention = span();
      if (pick(2)) p.phrase = span();
      return p;
    };
    const double scores[] = {0.5, 1.0, 0.12345, 0.9996, 0.0004, 1.0 / 3};
    for (auto* list : {&report.echoes, &report.repetitions})
      for (int i = pick(3); i > 0; --i) {
        echo::Echo e;
        e.evidence = pick(2) ? echo::Evidence::kExplicit : echo::Evidence::kImplicit;
        e.from = party();
        e.to = party();
        e.phrase = pick(2) ? text(8) : std::string();
        if (pick(2)) e.cue = span();
        e.cue_lemma = text(4);
        e.score = scores[pick(6)];
        e.reason = text(10);
        list->push_back(std::move(e));
      }
    for (int i = pick(3); i > 0; --i) {
      echo::Framing f;
      f.kind = pick(2) ? echo::FramingKind::kScareQuote : echo::FramingKind::kAdopted;
      f.input = pick(5) == 0 ? 1 : 0;
      f.span = span();
      f.term = text(5);
      f.entity = pick(n_ent + 1) - 1;
      f.entity_name = pick(2) ? text(5) : std::string();
      f.attribution = pick(n_att + 1) - 1;
      if (pick(2)) f.source = span();
      f.reason = text(8);
      report.framing.push_back(std::move(f));
    }
    INFO("round " << round);
    same_as_oracle(a);
    same_as_oracle(a, &report);
  }
}

TEST_CASE("json writer: a byte to escape or check anywhere in a long plain run, as the DOM writer wrote it",
          "[json]") {
  // The writer passes plain bytes over eight at a time: each kind of byte it
  // must stop at, at every place of a run longer than two words, and the
  // longest runs around it (word-sized, one short, one over).
  const std::vector<std::string> stops = {"\"", "\\", "\n", "\x01", "\x1f", " ", "~", "\x7f", "é", "“", "😀", "\xff"};
  for (const std::string& stop : stops)
    for (size_t at = 0; at <= 24; ++at)
      for (size_t len : {size_t{7}, size_t{8}, size_t{9}, size_t{24}}) {
        std::string s(std::max(len, at), 'x');
        s.insert(at, stop);
        Analysis a;
        a.doc.text = s;
        a.doc.path = s;  // a name from outside: "\xff" goes to the replacing writer
        a.doc.body_end = static_cast<uint32_t>(s.size());
        Entity e;
        e.id = "e1";
        e.name = stop == "\xff" ? std::string(len, 'y') : s;
        e.mentions.push_back({0, static_cast<uint32_t>(stop == "\xff" ? 0 : s.size())});
        a.entities.push_back(e);
        same_as_oracle(a);
      }
}
