// Tests for the story evaluation (include/quotegraph/story_eval.hpp): the gold
// reader's errors, the scorer on the invented two-outlet fixture in
// tests/cases/diff/paraphrase (its corbel-dam.story.json), the CLI, and the
// repository's story gold on PolNeAR when the texts are present.
#include <catch2/catch.hpp>

#include <filesystem>

#include "cli_run.hpp"
#include "quotegraph/analyzer.hpp"
#include "quotegraph/diff.hpp"
#include "quotegraph/io.hpp"
#include "quotegraph/story_eval.hpp"

using namespace quotegraph;

namespace {

const std::string kFixture = std::string(QG_SOURCE_DIR) + "/tests/cases/diff/paraphrase/";

const Analyzer& analyzer() {
  static const Analyzer a;
  return a;
}

// Reads, analyses, diffs and scores one story whose articles are in `dir`.
eval::StoryEval score_story(const std::string& gold_path, const std::vector<std::string>& dirs) {
  auto json = read_file(gold_path);
  REQUIRE(json.ok());
  auto gold = eval::parse_story_gold(json.value(), gold_path);
  REQUIRE(gold.ok());
  std::vector<std::string> texts;
  std::vector<Analysis> as;
  for (const auto& art : gold.value().articles) {
    std::string path;
    for (const auto& d : dirs)
      if (std::filesystem::exists(d + "/" + art.doc)) path = d + "/" + art.doc;
    INFO(art.doc);
    REQUIRE(!path.empty());
    auto text = read_file(path);
    REQUIRE(text.ok());
    texts.push_back(text.value());
    auto a = analyzer().analyze(text.value(), path);
    REQUIRE(a.ok());
    as.push_back(std::move(a).value());
  }
  REQUIRE(eval::convert_story_spans(gold.value(), texts).ok());
  std::vector<diff::DiffInput> in;
  std::vector<const Analysis*> ptrs;
  for (size_t i = 0; i < as.size(); ++i) {
    in.push_back({&as[i], gold.value().articles[i].outlet});
    ptrs.push_back(&as[i]);
  }
  static const diff::Differ differ;
  auto r = differ.diff(in);
  REQUIRE(r.ok());
  return eval::evaluate_story(gold.value(), ptrs, r.value());
}

}  // namespace

TEST_CASE("story gold reader: format errors name the file and the item", "[diff][eval]") {
  auto not_json = eval::parse_story_gold("nope", "x.story.json");
  REQUIRE_FALSE(not_json.ok());
  CHECK(not_json.status().message().find("x.story.json") != std::string::npos);
  const std::string head =
      R"({"format": "quotegraph-story-gold/1", "story": "s", "articles": [{"id": "A", "doc": "a.txt"}, {"id": "B", "doc": "b.txt"}], )";
  auto unknown = eval::parse_story_gold(
      head + R"("statements": [{"speaker": "X", "members": [{"article": "A", "span": [0, 4]}, {"article": "C", "span": [0, 4]}]}]})",
      "y.story.json");
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.status().message().find("statements[0].members[1]: no article \"C\"") != std::string::npos);
  auto one_member = eval::parse_story_gold(
      head + R"("statements": [{"speaker": "X", "members": [{"article": "A", "span": [0, 4]}]}]})", "z.story.json");
  REQUIRE_FALSE(one_member.ok());
  auto ok = eval::parse_story_gold(
      head + R"("statements": [{"speaker": "X", "members": [{"article": "A", "span": [0, 4]}, {"article": "B", "span": [2, 9]}]}]})",
      "w.story.json");
  REQUIRE(ok.ok());
  // A span past the end of its article is caught when the texts are known.
  CHECK_FALSE(eval::convert_story_spans(ok.value(), {"abcdef", "abc"}).ok());
  CHECK(eval::convert_story_spans(ok.value(), {"abcdef", "abcdefghij"}).ok());
}

TEST_CASE("story scorer on the invented two-outlet fixture", "[diff][eval]") {
  eval::StoryEval e = score_story(kFixture + "corbel-dam.story.json", {kFixture});
  CHECK(e.statements == 5);
  CHECK(e.pairs == 5);
  // Four of the five shared remarks align (the fifth is split differently by the
  // two articles' rules: "found cracks" / "saying inspectors had discovered").
  CHECK(e.pairs_aligned >= 4);
  CHECK(e.false_pairs == 0);
  CHECK(e.misattributions == 0);
  std::string line = eval::story_summary_line(e, 1);
  CHECK(line.rfind("STORIES pair_recall=", 0) == 0);
}

TEST_CASE("eval --stories: report and summary line", "[diff][eval][cli]") {
  std::string out;
  int rc = qg_test::run_cli("eval --stories " + kFixture + " --text " + kFixture + " --errors", &out);
  CHECK(rc == 0);
  CHECK(out.find("corbel-dam") != std::string::npos);
  CHECK(out.find("STORIES pair_recall=") != std::string::npos);
  rc = qg_test::run_cli("eval --stories " + kFixture, &out);
  CHECK(rc != 0);
  CHECK(out.find("--stories needs the directories") != std::string::npos);
}

TEST_CASE("story gold of the repository scores on the PolNeAR texts", "[diff][eval][polnear]") {
  namespace fs = std::filesystem;
  const fs::path data = fs::path(QG_SHARED_DIR) / "data" / "polnear" / "data";
  if (!fs::is_directory(data)) {
    WARN("PolNeAR not present (" << data.string() << "): skipped");
    return;
  }
  auto files = eval::find_story_files(std::string(QG_SOURCE_DIR) + "/tests/gold/stories");
  REQUIRE(files.ok());
  CHECK(files.value().size() >= 17);
  eval::StoryEval total;
  for (const std::string& f : files.value()) {
    INFO(f);
    eval::StoryEval e = score_story(f, {(data / "train" / "text").string(), (data / "dev" / "text").string()});
    // At most a little over one false alignment in any one story.
    CHECK(e.false_pairs <= 3);
    total += e;
  }
  const size_t n = files.value().size();
  WARN(eval::story_summary_line(total, n));
  // Floors: the figures measured on all the stories (docs/diff.md,
  // "Measured on real stories"), minus a little. The issue's recall target
  // (0.85) is met on all 17 since 2026-12-04 evening (0.857), with a pair of
  // margin below it.
  auto ratio = [](size_t a, size_t b) { return b ? static_cast<double>(a) / static_cast<double>(b) : 0.0; };
  CHECK(total.pairs >= 30);
  // 0.829 (34 of 41) on 2026-12-04 a.m., with nested remarks as candidates;
  // 0.816 (40 of 49) on all 17 stories in the p.m. (0.854 on the first 12);
  // 0.857 (42 of 49) in the evening, with remarks before one reply aligned.
  CHECK(ratio(total.pairs_aligned, total.pairs) >= 0.84);
  // 0.837 with the attribution rules of early 2026-12-03; the nominal and
  // particle rules give more statements to pair (0.788), and the issue's
  // bound is the false pairs per story below. 0.781 (50 of 64) on all 17,
  // 2026-12-04 p.m.: the 5 stories added then align 7 of 12 rightly, so the
  // floor (0.78 on the 12) is lowered to keep about two pairs of margin.
  // 0.788 (52 of 66) in the evening.
  CHECK(ratio(total.predicted_pairs - total.false_pairs, total.predicted_pairs) >= 0.77);
  CHECK(ratio(total.false_pairs, n) <= 1.0);
  // 0.723 before the entity stage's counted groups ('two Democrats') of
  // 2026-12-03 made more one-outlet speakers (0.680, 97); see docs/diff.md.
  // 0.800 (104 of 130) on all 17 in the evening of 2026-12-04, with party-state
  // descriptors ('a Tennessee Republican') no longer names.
  CHECK(ratio(total.speaker_only_true, total.speaker_only) >= 0.77);
  // Misattributions accuse an outlet: every one reported must be true, 4 in 5 at least.
  CHECK(5 * total.misattributions_true >= 4 * total.misattributions);
}

TEST_CASE("story scorer: a sentence of a quote carrying two remarks counts for its own remark", "[diff][eval]") {
  // The Tern Tribune's one quotation carries both remarks the Gull Gazette
  // reports apart; the diff aligns each sentence (diff::AlignedStatement::Member
  // ::part), and the scorer matches a sentence member by the sentence.
  const std::string a =
      "The mayor spoke at the quay on Friday.\n\n"
      "Mayor Rosa Lind said the council would \"close the old ferry terminal for good.\"\n\n"
      "\"If the state cuts our budget again, there is nothing the harbor can do,\" Lind said.\n";
  const std::string b =
      "The mayor spoke at the quay on Friday.\n\n"
      "\"We will close the old ferry terminal for good. By the way, if the state cuts our budget again, there is "
      "nothing the harbor can do, nothing,\" Mayor Rosa Lind said.\n";
  auto span = [](const std::string& t, const std::string& from, const std::string& to) {
    size_t s = t.find(from), e = t.find(to, s) + to.size();
    REQUIRE(s != std::string::npos);
    return "[" + std::to_string(s) + ", " + std::to_string(e) + "]";
  };
  const std::string gold_json =
      R"({"format": "quotegraph-story-gold/1", "story": "quay", "articles": [{"id": "A", "doc": "gull.txt"},
       {"id": "B", "doc": "tern.txt"}], "statements": [
       {"speaker": "Rosa Lind", "key": "close terminal", "members": [{"article": "A", "span": )" +
      span(a, "close the old", "for good.") + R"(}, {"article": "B", "span": )" + span(b, "We will close", "for good.") +
      R"(}]}, {"speaker": "Rosa Lind", "key": "budget cuts", "members": [{"article": "A", "span": )" +
      span(a, "If the state", "can do,") + R"(}, {"article": "B", "span": )" + span(b, "By the way", "nothing,") +
      R"(}]}], "speakers": [{"name": "Rosa Lind", "articles": ["A", "B"]}]})";
  auto gold = eval::parse_story_gold(gold_json, "quay.story.json");
  REQUIRE(gold.ok());
  REQUIRE(eval::convert_story_spans(gold.value(), {a, b}).ok());
  auto aa = analyzer().analyze(a, "gull.txt");
  auto ab = analyzer().analyze(b, "tern.txt");
  REQUIRE(aa.ok());
  REQUIRE(ab.ok());
  static const diff::Differ differ;
  auto r = differ.diff({{&aa.value(), "gull"}, {&ab.value(), "tern"}});
  REQUIRE(r.ok());
  eval::StoryEval e = eval::evaluate_story(gold.value(), {&aa.value(), &ab.value()}, r.value());
  CHECK(e.pairs == 2);
  CHECK(e.pairs_aligned == 2);
  CHECK(e.false_pairs == 0);
}
