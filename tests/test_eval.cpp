// Tests of src/eval: gold readers (seed JSON, BRAT), the scorer against hand-computed
// figures, agreement with shared/tools/score_corpus.py, and the accuracy floors.
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "quotegraph/analyzer.hpp"
#include "quotegraph/eval.hpp"
#include "quotegraph/io.hpp"

using namespace quotegraph;
namespace fs = std::filesystem;

namespace {

const std::string kCases = std::string(QG_SOURCE_DIR) + "/tests/cases/eval/";
const std::string kPolnear = std::string(QG_SHARED_DIR) + "/data/polnear";

std::string slurp(const std::string& path) {
  auto r = read_file(path);
  REQUIRE(r.ok());
  return r.value();
}

// The byte span of the `nth` occurrence of `needle` in `text`.
Span find_span(const std::string& text, const std::string& needle, int nth = 0) {
  size_t at = text.find(needle);
  while (nth-- > 0 && at != std::string::npos) at = text.find(needle, at + 1);
  REQUIRE(at != std::string::npos);
  return Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + needle.size())};
}

Attribution pred(Span content, AttributionKind kind = AttributionKind::kIndirect) {
  Attribution a;
  a.content = content;
  a.kind = kind;
  a.rule = "test";
  return a;
}

// A prediction that repeats the gold: content, cue and source spans.
Analysis echo_gold(const eval::GoldDocument& g, const std::string& text) {
  Analysis a;
  a.doc.text = text;
  for (const eval::GoldAttribution& ga : g.attributions) {
    Attribution t = pred(ga.content_span());
    t.speaker.mention = ga.speaker_span;
    if (!ga.cue_spans.empty()) t.cue = ga.cue_spans.front();
    if (ga.speaker_span.empty()) {
      Entity e;
      e.id = "e" + std::to_string(a.entities.size() + 1);
      e.name = ga.speaker;
      a.entities.push_back(e);
      t.speaker.entity = static_cast<int>(a.entities.size()) - 1;
    }
    a.attributions.push_back(t);
  }
  return a;
}

std::string last_line(const std::string& s) {
  std::string t = s;
  while (!t.empty() && t.back() == '\n') t.pop_back();
  size_t nl = t.rfind('\n');
  return nl == std::string::npos ? t : t.substr(nl + 1);
}

// Runs the library analyzer over every article of a gold set.
eval::CorpusEval run_corpus(const std::string& gold, const std::string& text, const std::string& pred_dir = "") {
  auto inputs = eval::find_inputs(gold, text);
  REQUIRE(inputs.ok());
  Analyzer analyzer;
  std::vector<eval::DocumentEval> docs;
  for (const eval::EvalInput& in : inputs.value()) {
    std::string bytes = slurp(in.text_path);
    auto g = eval::read_gold(in, bytes);
    INFO(g.status().message());
    REQUIRE(g.ok());
    auto a = analyzer.analyze(bytes, in.text_path);
    REQUIRE(a.ok());
    if (!pred_dir.empty()) std::ofstream(pred_dir + "/" + in.name + ".json", std::ios::binary) << to_json(a.value());
    docs.push_back(eval::evaluate(g.value(), a.value()));
  }
  return eval::summarize(std::move(docs));
}

struct Summary {
  double content_f1 = 0, attribution_f1 = 0, speech_recall = 0, speaker_agreement = 0;
};

Summary summary_of(const eval::CorpusEval& c) {
  Summary s;
  s.content_f1 = c.total.content.f1();
  s.attribution_f1 = c.total.attribution.f1();
  s.speech_recall = c.total.slices.at("speech").content.recall();
  s.speaker_agreement = c.total.speaker_agreement();
  return s;
}

void check_floor(const Summary& s, const nlohmann::json& floor) {
  CHECK(s.content_f1 >= floor.at("content_f1").get<double>());
  CHECK(s.attribution_f1 >= floor.at("attribution_f1").get<double>());
  CHECK(s.speech_recall >= floor.at("speech_recall").get<double>());
  CHECK(s.speaker_agreement >= floor.at("speaker_agreement").get<double>());
}

}  // namespace

TEST_CASE("eval: a prediction equal to the gold scores exactly 1.0", "[eval]") {
  std::string text = slurp(kCases + "hand.txt");
  auto g = eval::parse_seed_gold(slurp(kCases + "hand.gold.json"), text, kCases + "hand.gold.json");
  REQUIRE(g.ok());
  eval::DocumentEval d = eval::evaluate(g.value(), echo_gold(g.value(), text));
  CHECK(d.content.f1() == 1.0);
  CHECK(d.attribution.f1() == 1.0);
  CHECK(d.content_exact.f1() == 1.0);
  CHECK(d.speaker_agreement() == 1.0);
  CHECK(d.errors.empty());
  auto c = eval::summarize({d});
  CHECK(eval::summary_line(c) ==
        "SUMMARY content_f1=1.000 attribution_f1=1.000 speech_recall=1.000 speaker_agreement=1.000");
}

TEST_CASE("eval: a BRAT gold echoed back scores 1.0 on content, cue and source", "[eval]") {
  std::string text = "Zoë Müller said “we agree” 🙂 — and later, in Zürich, “we don’t”.\nIt rained, the report noted.\n";
  std::string ann =
      "T1\tSource 0 10\tZoë Müller\nT2\tCue 11 15\tsaid\nT3\tContent 16 26;53 63\t“we agree” “we don’t”\n"
      "E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n";
  auto g = eval::parse_brat(ann, text, "x.ann");
  REQUIRE(g.ok());
  eval::DocumentEval d = eval::evaluate(g.value(), echo_gold(g.value(), text));
  CHECK(d.content.f1() == 1.0);
  CHECK(d.attribution.f1() == 1.0);
  REQUIRE(d.cue_scored);
  CHECK(d.cue.f1() == 1.0);
  REQUIRE(d.source_scored);
  CHECK(d.source.f1() == 1.0);
}

TEST_CASE("eval: hand-written article with known misses, spurious and wrong speakers", "[eval]") {
  std::string text = slurp(kCases + "hand.txt");
  auto g = eval::parse_seed_gold(slurp(kCases + "hand.gold.json"), text, kCases + "hand.gold.json");
  REQUIRE(g.ok());
  REQUIRE(g.value().attributions.size() == 5);
  REQUIRE(g.value().optional.size() == 2);
  // Code points -> bytes: a1 starts at code point 90; "Café", "Zoë", "Müller" add 4 bytes.
  CHECK(g.value().attributions[1].content_span().start == 94);
  CHECK(g.value().attributions[2].content_pieces.size() == 2);

  Analysis a;
  a.doc.text = text;
  Entity dupont;
  dupont.id = "e1";
  dupont.name = "Jean Dupont";
  dupont.aliases = {"mayor"};
  a.entities.push_back(dupont);
  // P1 = h1, speaker by entity name (last word "Dupont"): match, speaker ok, exact.
  Attribution p1 = pred(find_span(text, "Café owners protest new rules"));
  p1.speaker.entity = 0;
  // P2 = part of a1, speaker by mention text: match, speaker ok, not exact.
  Attribution p2 = pred(find_span(text, "the new licence fees would “ruin small businesses"), AttributionKind::kMixed);
  p2.speaker.mention = find_span(text, "Zoë Müller");
  // P3 = first piece of a2 with the wrong speaker; P4 = its second piece (neutral split piece).
  Attribution p3 = pred(find_span(text, "“We were never consulted,”"), AttributionKind::kDirect);
  p3.speaker.mention = find_span(text, "reporters");
  p3.cue = find_span(text, "told");
  Attribution p4 = pred(find_span(text, "“Not once. Not by anyone.”"), AttributionKind::kDirect);
  // P5 = the optional item (neutral); P6 = spurious; P7 = a3 by mention.
  Attribution p5 = pred(find_span(text, "Some residents were said to welcome the change"));
  Attribution p6 = pred(find_span(text, "The weather on Monday was cold and wet"));
  Attribution p7 = pred(find_span(text, "the fees are fair and will fund street cleaning"));
  p7.speaker.mention = find_span(text, "The mayor, Jean Dupont");
  // a4 ("according to the minutes") is missed.
  a.attributions = {p1, p2, p3, p4, p7, p5, p6};

  eval::DocumentEval d = eval::evaluate(g.value(), a);
  // 5 gold; matched h1 a1 a2 a3; counted predictions: 4 matched + P6 (P4, P5 neutral).
  CHECK(d.content.gold == 5);
  CHECK(d.content.tp == 4);
  CHECK(d.content.pred == 5);
  CHECK(d.content.precision() == Approx(0.8));
  CHECK(d.content.recall() == Approx(0.8));
  CHECK(d.content.f1() == Approx(0.8));
  // Speakers agree on h1, a1, a3, not on a2.
  CHECK(d.attribution.tp == 3);
  CHECK(d.attribution.f1() == Approx(0.6));
  CHECK(d.speaker_agreement() == Approx(0.75));
  // Speech cues: says, said, told, according to (not "believes"); 3 of 4 found.
  CHECK(d.slices.at("speech").content.gold == 4);
  CHECK(d.slices.at("speech").content.recall() == Approx(0.75));
  // Gold kinds: indirect h1 a3 a4 (2 found); predicted indirect counted: P1 P7 P6 (2 right).
  CHECK(d.slices.at("indirect").content.gold == 3);
  CHECK(d.slices.at("indirect").content.tp == 2);
  CHECK(d.slices.at("indirect").content.pred == 3);
  CHECK(d.slices.at("indirect").content.precision() == Approx(2.0 / 3));
  // Exact: only h1 and a3 keep their boundaries; P2, P3, P4, P6 are then spurious, P5 neutral.
  CHECK(d.content_exact.tp == 2);
  CHECK(d.content_exact.pred == 6);
  CHECK(d.content_loose.f1() == Approx(0.8));
  CHECK_FALSE(d.cue_scored);
  CHECK_FALSE(d.source_scored);
  // Errors, in text order: wrong speaker (a2), missed (a4), spurious (P6).
  REQUIRE(d.errors.size() == 3);
  CHECK(d.errors[0].kind == eval::ErrorKind::kWrongSpeaker);
  CHECK(d.errors[0].gold_id == "a2");
  CHECK(d.errors[0].pred_speaker == "reporters");
  CHECK(d.errors[1].kind == eval::ErrorKind::kMissed);
  CHECK(d.errors[1].gold_id == "a4");
  CHECK(d.errors[1].cue == "according to");
  CHECK(d.errors[2].kind == eval::ErrorKind::kSpurious);
  CHECK(d.errors[2].excerpt == "The weather on Monday was cold and wet");

  auto c = eval::summarize({d});
  std::string report = eval::report_text(c, true);
  CHECK(last_line(report) ==
        "SUMMARY content_f1=0.800 attribution_f1=0.600 speech_recall=0.750 speaker_agreement=0.750");
  CHECK(report.find("missed") != std::string::npos);
  auto j = nlohmann::json::parse(eval::report_json(c, true));
  CHECK(j["total"]["content"]["tp"] == 4);
  CHECK(j["errors"].size() == 3);

  // Overlap is a share of the shorter span: predictions wholly inside their gold match at 0.9 too.
  eval::EvalOptions strict;
  strict.overlap = 0.9;
  CHECK(eval::evaluate(g.value(), a, strict).content.tp == 4);  // P2 lies wholly inside a1
}

TEST_CASE("eval: BRAT discontinuous spans and code points to bytes", "[eval]") {
  // "ë", "ü" are 2 bytes, curly quotes and "—" 3, the emoji 4.
  std::string text = "Zoë Müller said “we agree” 🙂 — and later, in Zürich, “we don’t”.\nIt rained, the report noted.\n";
  std::string ann =
      "T1\tSource 0 10\tZoë Müller\n"
      "T2\tCue 11 15\tsaid\n"
      "T3\tContent 16 26;53 63\t“we agree” “we don’t”\n"
      "T4\tAttribution 11 15\tsaid\n"
      "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n"
      "T5\tCue 87 92\tnoted\n"
      "T6\tContent 65 74\tIt rained\n"
      "T7\tAttribution-no-source 87 92\tnoted\n"
      "E2\tAttribution-no-source:T7 Cue:T5 Content:T6\n"
      "T8\tDiscard 76 86\tthe report\n"
      "#1\tAnnotatorNotes T3\ta note\n";
  auto r = eval::parse_brat(ann, text, "a_4b22.ann");
  INFO(r.status().message());
  REQUIRE(r.ok());
  const eval::GoldDocument& g = r.value();
  REQUIRE(g.attributions.size() == 1);
  const eval::GoldAttribution& a = g.attributions[0];
  CHECK(a.id == "E1");
  CHECK(a.speaker == "Zoë Müller");
  CHECK(a.speaker_span == Span{0, 12});
  REQUIRE(a.cue_spans.size() == 1);
  CHECK(a.cue_spans[0] == Span{13, 17});
  REQUIRE(a.content_pieces.size() == 2);
  CHECK(a.content_pieces[0] == Span{18, 32});
  CHECK(a.content_pieces[1] == Span{65, 81});
  CHECK(a.content_span() == Span{18, 81});
  CHECK(a.content == "“we agree” “we don’t”");
  CHECK(a.kind == "direct");
  REQUIRE(g.optional.size() == 1);
  CHECK(g.optional[0].content_pieces[0] == Span{83, 92});
  CHECK(g.optional[0].cue_spans[0] == Span{105, 110});
  REQUIRE(g.discard_spans.size() == 1);
  CHECK(g.discard_spans[0] == Span{94, 104});
  CHECK(g.warnings.empty());

  SECTION("errors name the file and the line") {
    auto bad = eval::parse_brat("T1\tSource 0 x\tZoë\n", text, "b.ann");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.status().code() == ErrorCode::kFormatError);
    CHECK(bad.status().message() == "b.ann: line 1: bad offsets '0 x'");
    auto unknown = eval::parse_brat("T1\tCue 11 15\tsaid\nE1\tAttribution:T1 Content:T9\n", text, "c.ann");
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.status().message() == "c.ann: line 2: unknown annotation T9");
    auto range = eval::parse_brat("T1\tCue 90 95\tx\n", text, "d.ann");
    REQUIRE_FALSE(range.ok());
    CHECK(range.status().message().find("line 1: offsets 90 95 outside the article's 94 code points") !=
          std::string::npos);
    auto utf8 = eval::parse_brat("", std::string("ab\xff"), "e.ann");
    REQUIRE_FALSE(utf8.ok());
    CHECK(utf8.status().code() == ErrorCode::kInputError);
  }
  SECTION("a span text spilling onto the next line is skipped, the article wins") {
    auto spill = eval::parse_brat("T1\tContent 65 74\tIt\nrained\nT2\tCue 87 92\tnoted\nE1\tAttribution:T2 Content:T1\n",
                                  text, "f.ann");
    REQUIRE(spill.ok());
    REQUIRE(spill.value().optional.size() == 1);
    CHECK(spill.value().optional[0].content == "It rained");
  }
}

TEST_CASE("eval: seed JSON errors name the file and the item", "[eval]") {
  std::string text = "Ünïcödé text.";
  auto bad = eval::parse_seed_gold(R"({"attributions":[{"id":"a1","speaker":"x","start":3,"end":99}]})", text, "g.gold.json");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message().rfind("g.gold.json: attributions[0] (id a1): start 3 / end 99 outside", 0) == 0);
  auto syntax = eval::parse_seed_gold("{", text, "h.gold.json");
  REQUIRE_FALSE(syntax.ok());
  CHECK(syntax.status().code() == ErrorCode::kFormatError);
  auto ok = eval::parse_seed_gold(R"({"attributions":[{"id":"a1","speaker":"x","start":1,"end":7}]})", text, "i.gold.json");
  REQUIRE(ok.ok());
  CHECK(ok.value().attributions[0].content_span() == Span{2, 11});
}

TEST_CASE("eval: inputs pair gold with text, first annotator first", "[eval]") {
  fs::path dir = fs::temp_directory_path() / ("qg_eval_inputs_" + std::to_string(::getpid()));
  fs::create_directories(dir / "ann");
  fs::create_directories(dir / "text");
  std::ofstream(dir / "text" / "story_one.txt") << "x";
  std::ofstream(dir / "ann" / "story_one_b2.ann") << "";
  std::ofstream(dir / "ann" / "story_one_a1.ann") << "";
  auto in = eval::find_inputs((dir / "ann").string(), (dir / "text").string());
  REQUIRE(in.ok());
  REQUIRE(in.value().size() == 1);
  CHECK(in.value()[0].name == "story_one");
  CHECK(fs::path(in.value()[0].gold_path).filename() == "story_one_a1.ann");
  CHECK(in.value()[0].format == eval::GoldFormat::kBrat);
  auto missing = eval::find_inputs((dir / "ann").string(), (dir / "nothing").string());
  CHECK_FALSE(missing.ok());
  fs::remove_all(dir);
}

TEST_CASE("eval: the CLI prints a SUMMARY last and maps errors to exit codes", "[eval][cli]") {
  std::string out = (fs::temp_directory_path() / ("qg_eval_cli_" + std::to_string(::getpid()))).string();
  std::string cmd = std::string(QG_CLI_PATH) + " eval --gold " + QG_SOURCE_DIR + "/seeds --text " + QG_SOURCE_DIR +
                    "/seeds --errors > " + out;
  REQUIRE(std::system(cmd.c_str()) == 0);
  CHECK(last_line(slurp(out)).rfind("SUMMARY content_f1=", 0) == 0);
  cmd = std::string(QG_CLI_PATH) + " eval --gold " + kCases + "hand.gold.json --text " + kCases +
        "hand.txt --format json > " + out;
  REQUIRE(std::system(cmd.c_str()) == 0);
  CHECK(nlohmann::json::parse(slurp(out))["documents"] == 1);
  cmd = std::string(QG_CLI_PATH) + " eval --gold /nonexistent/gold > " + out + " 2>&1";
  int rc = std::system(cmd.c_str());
  CHECK(WEXITSTATUS(rc) == 2);
  fs::remove(out);
}

TEST_CASE("eval: agrees with score_corpus.py on PolNeAR dev", "[eval][polnear]") {
  if (!fs::is_directory(kPolnear + "/derived/dev")) {
    WARN("skipped: " << kPolnear << " is absent");
    return;
  }
  if (std::system("python3 -c 'import json' > /dev/null 2>&1") != 0) {
    WARN("skipped: python3 is not available");
    return;
  }
  fs::path pred = fs::temp_directory_path() / ("qg_eval_pred_" + std::to_string(::getpid()));
  fs::create_directories(pred);
  eval::CorpusEval mine = run_corpus(kPolnear + "/derived/dev", kPolnear + "/data/dev/text", pred.string());
  std::string out = pred.string() + "/score.out";
  std::string cmd = "python3 " + std::string(QG_SHARED_DIR) + "/tools/score_corpus.py " + kPolnear + "/derived/dev " +
                    kPolnear + "/data/dev/text --pred " + pred.string() + " > " + out;
  REQUIRE(std::system(cmd.c_str()) == 0);
  std::string reference = last_line(slurp(out));
  fs::remove_all(pred);
  CHECK(eval::summary_line(mine) == reference);
  // The BRAT originals give the same figures as their derived JSON.
  eval::CorpusEval brat = run_corpus(kPolnear + "/data/dev/attributions", kPolnear + "/data/dev/text");
  CHECK(eval::summary_line(brat) == reference);
  CHECK(brat.total.cue.gold == mine.total.cue.gold);
}

TEST_CASE("eval: accuracy does not drop below the recorded floors", "[eval][accuracy]") {
  auto floor = nlohmann::json::parse(slurp(std::string(QG_SOURCE_DIR) + "/tests/accuracy_floor.json"));
  std::string seeds = std::string(QG_SOURCE_DIR) + "/seeds";
  Summary seed = summary_of(run_corpus(seeds, seeds));
  INFO("seed: content_f1=" << seed.content_f1 << " attribution_f1=" << seed.attribution_f1
                           << " speech_recall=" << seed.speech_recall << " speaker_agreement=" << seed.speaker_agreement);
  check_floor(seed, floor.at("seed"));
  if (!fs::is_directory(kPolnear + "/derived/dev")) {
    WARN("PolNeAR dev floor skipped: " << kPolnear << " is absent");
    return;
  }
  Summary dev = summary_of(run_corpus(kPolnear + "/derived/dev", kPolnear + "/data/dev/text"));
  INFO("dev: content_f1=" << dev.content_f1 << " attribution_f1=" << dev.attribution_f1
                          << " speech_recall=" << dev.speech_recall << " speaker_agreement=" << dev.speaker_agreement);
  check_floor(dev, floor.at("polnear_dev"));
}
