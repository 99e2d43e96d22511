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
