// Echo truth (issue 24): the echo scorer on an invented article with a gold
// written here, and the repository's hand-labelled echo gold on the PolNeAR texts.
#include <catch2/catch.hpp>

#include <filesystem>

#include "quotegraph/analyzer.hpp"
#include "quotegraph/echo.hpp"
#include "quotegraph/echo_eval.hpp"
#include "quotegraph/io.hpp"

using namespace quotegraph;

namespace {

// Floors: the figures last measured (docs/echo.md) minus about 0.01; negatives reported may
// not rise. When the gold was made: 0.308, 0.000, 0.789, 0.333, 0.085, 0.156, 3 negatives.
// The set grew on 2026-12-03 (20 articles: implicit echoes, negatives and their scare
// quotes), so the scare recall floor is of the larger set (0.733 of the first 15 items).
constexpr double kFloorExplicit = 0.99;
constexpr double kFloorImplicit = 0.60;
constexpr double kFloorRepetition = 0.86;
constexpr double kFloorScare = 0.74;
constexpr double kFloorPairPrecision = 0.925;
constexpr double kFloorScarePrecision = 0.40;
constexpr size_t kCeilingNegatives = 0;

const Analyzer& analyzer() {
  static const Analyzer a;
  return a;
}

const echo::EchoAnalyzer& echoes() {
  static const echo::EchoAnalyzer e;
  return e;
}

// [start, end] of the n-th occurrence of `s` in `text`, as JSON (ASCII: code points = bytes).
std::string at(const std::string& text, const std::string& s, int n = 0) {
  size_t p = text.find(s);
  while (n-- > 0 && p != std::string::npos) p = text.find(s, p + 1);
  REQUIRE(p != std::string::npos);
  return "[" + std::to_string(p) + ", " + std::to_string(p + s.size()) + "]";
}

}  // namespace

TEST_CASE("echo scorer: a hit, a miss and a false positive", "[echo][eval]") {
  // Invented sentences: an explicit echo the engine knows ("echoed X's rhetoric"),
  // a scare quote, and a gold item nothing reports.
  const std::string text =
      "Mayor Jon Tavi said the bridge tax was \"a tollbooth on freedom.\"\n\n"
      "Senator Ivo Strand echoed Tavi's rhetoric, saying the levy was \"a tollbooth on freedom\" too.\n\n"
      "The council met on Monday to discuss the \"emergency\" budget.\n";
  Analysis a = [&] {
    auto r = analyzer().analyze(text, "truth.txt");
    REQUIRE(r.ok());
    return std::move(r).value();
  }();
  const echo::EchoReport report = echoes().analyze(a);
  const std::string gold = std::string(R"({"format": "quotegraph-echo-gold/1", "doc": "truth.txt", "split": "dev", "items": [)") +
                           R"({"type": "explicit", "from": "Ivo Strand", "to": "Jon Tavi", "cue": )" +
                           at(text, "echoed Tavi's rhetoric") + R"(, "phrase": null},)" +
                           R"({"type": "repetition", "speaker": "Jon Tavi", "cue": )" + at(text, "Mayor Jon Tavi") +
                           R"(, "phrase": null},)" + R"({"type": "scare_quote", "span": )" +
                           at(text, "\"emergency\"") + R"(, "term": "emergency", "owner": null}]})";
  auto g = eval::parse_echo_gold(gold, text, "t.echo.json");
  REQUIRE(g.ok());
  REQUIRE(g.value().items.size() == 3);
  const eval::EchoEval e = eval::evaluate_echoes(g.value(), a, report);
  INFO(eval::echo_report_text({e}, true));
  // The hit: the explicit echo.
  CHECK(e.explicit_gold == 1);
  CHECK(e.explicit_found == 1);
  // The miss: no repetition by Tavi is in the text, so the gold item is missed.
  CHECK(e.repetition_gold == 1);
  CHECK(e.repetition_found == 0);
  CHECK(e.scare_found == 1);
  // Every reported pair but the explicit echo is a false positive against this gold.
  CHECK(e.pairs_pred >= 1);
  CHECK(e.pairs_ok >= 1);

  // A false positive counted as such: a gold that names another echoing speaker
  // turns the same report into a miss plus a false pair.
  const std::string wrong_gold = std::string(R"({"format": "quotegraph-echo-gold/1", "items": [)") +
                                 R"({"type": "explicit", "from": "Ana Pell", "to": "Jon Tavi", "cue": )" +
                                 at(text, "echoed Tavi's rhetoric") + "}]}";
  auto w = eval::parse_echo_gold(wrong_gold, text, "w.echo.json");
  REQUIRE(w.ok());
  const eval::EchoEval we = eval::evaluate_echoes(w.value(), a, report);
  CHECK(we.explicit_found == 0);
  CHECK(we.pairs_ok == 0);
  CHECK(we.pairs_pred == e.pairs_pred);
  CHECK(eval::echo_summary_line(we).rfind("ECHO explicit_recall=0.000 ", 0) == 0);

  // A negative: a stock phrase shared by two speakers must not be reported.
  const std::string neg = std::string(R"({"format": "quotegraph-echo-gold/1", "items": [)") +
                          R"({"type": "negative", "phrase": )" + at(text, "tollbooth on freedom", 1) +
                          R"(, "to_phrase": )" + at(text, "tollbooth on freedom", 0) +
                          R"(, "term": "tollbooth on freedom"}]})";
  auto n = eval::parse_echo_gold(neg, text, "n.echo.json");
  REQUIRE(n.ok());
  const eval::EchoEval ne = eval::evaluate_echoes(n.value(), a, report);
  CHECK(ne.negatives == 1);
  CHECK(ne.negatives_reported <= 1);

  // Errors name the file and the item.
  auto bad = eval::parse_echo_gold(R"({"format": "quotegraph-echo-gold/1", "items": [
    {"type": "scare_quote", "span": [5, 99999], "term": "x"}]})", text, "b.echo.json");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message().find("b.echo.json: items[0]") != std::string::npos);
  auto bad2 = eval::parse_echo_gold(R"({"format": "quotegraph-echo-gold/1", "items": [{"type": "explicit", "from": "A"}]})",
                                    text, "c.echo.json");
  REQUIRE_FALSE(bad2.ok());
}

TEST_CASE("echo gold of the repository scores on the PolNeAR texts", "[echo][eval][polnear]") {
  namespace fs = std::filesystem;
  const fs::path root = QG_SOURCE_DIR;
  const fs::path data = fs::path(QG_SHARED_DIR) / "data" / "polnear" / "data";
  if (!fs::is_directory(data)) {
    WARN("PolNeAR not present (" << data.string() << "): skipped");
    return;
  }
  auto inputs = eval::find_echo_inputs((root / "tests" / "gold" / "echo").string(),
                                       {(data / "train" / "text").string(), (data / "dev" / "text").string()});
  REQUIRE(inputs.ok());
  eval::EchoEval total;
  size_t items = 0;
  for (const eval::EvalInput& in : inputs.value()) {
    auto text = read_file(in.text_path);
    auto json = read_file(in.gold_path);
    REQUIRE(text.ok());
    REQUIRE(json.ok());
    INFO(in.gold_path);
    // Parsing checks every offset lies inside its text (code points, non-empty).
    auto g = eval::parse_echo_gold(json.value(), text.value(), in.gold_path);
    REQUIRE(g.ok());
    items += g.value().items.size();
    auto a = analyzer().analyze(text.value(), in.text_path);
    REQUIRE(a.ok());
    total += eval::evaluate_echoes(g.value(), a.value(), echoes().analyze(a.value()));
  }
  CHECK(items >= 60);
  WARN(eval::echo_summary_line(total) << " over " << inputs.value().size() << " articles, " << items << " items");
  // Floors: the figures measured when this gold was made, minus 0.01 (docs/echo.md,
  // "Measured accuracy"); the issue's targets are not met yet and are not asserted.
  auto ratio = [](size_t a, size_t b) { return b ? static_cast<double>(a) / static_cast<double>(b) : 0.0; };
  CHECK(ratio(total.explicit_found, total.explicit_gold) >= kFloorExplicit);
  CHECK(ratio(total.implicit_found, total.implicit_gold) >= kFloorImplicit);
  CHECK(ratio(total.repetition_found, total.repetition_gold) >= kFloorRepetition);
  CHECK(ratio(total.scare_found, total.scare_gold) >= kFloorScare);
  CHECK(ratio(total.pairs_ok, total.pairs_pred) >= kFloorPairPrecision);
  CHECK(ratio(total.scare_ok, total.scare_pred) >= kFloorScarePrecision);
  CHECK(total.negatives_reported <= kCeilingNegatives);
}
