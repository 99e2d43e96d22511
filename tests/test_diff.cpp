// Tests for the story diff (src/diff): similarity and word diff on single
// sentences; the three-outlet fixture in tests/cases/diff/pier with its planted
// differences (labels.tsv); self-diff; argument-order independence; writers;
// the CLI with text files and with JSONL inputs (outlet names from a field).
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <tuple>

#include <nlohmann/json.hpp>
#include <sys/wait.h>
#include <unistd.h>

#include "cli_run.hpp"
#include "diff/internal.hpp"
#include "quotegraph/analyzer.hpp"
#include "quotegraph/diff.hpp"
#include "quotegraph/io.hpp"

using qg_test::run_cli;

using namespace quotegraph;

namespace {

const std::string kPier = std::string(QG_SOURCE_DIR) + "/tests/cases/diff/pier/";
const char* const kPierFiles[] = {"coastline_daily.txt", "harbor_times.txt", "valley_post.txt"};

const Analyzer& analyzer() {
  static const Analyzer a;
  return a;
}

Analysis analyse(const std::string& path) {
  auto bytes = read_file(path);
  REQUIRE(bytes.ok());
  auto a = analyzer().analyze(std::move(bytes).value(), path);
  REQUIRE(a.ok());
  return std::move(a).value();
}

std::vector<Analysis> pier() {
  std::vector<Analysis> out;
  for (const char* f : kPierFiles) out.push_back(analyse(kPier + f));
  return out;
}

diff::DiffReport run(const std::vector<const Analysis*>& as, const std::vector<std::string>& outlets = {}) {
  std::vector<diff::DiffInput> in;
  for (size_t i = 0; i < as.size(); ++i) in.push_back({as[i], outlets.empty() ? "" : outlets[i]});
  static const diff::Differ differ;
  auto r = differ.diff(in);
  REQUIRE(r.ok());
  return std::move(r).value();
}

using Label = std::tuple<std::string, std::string, std::string>;  // type, subject, outlets

std::set<Label> read_labels(const std::string& path) {
  std::ifstream f(path);
  REQUIRE(f);
  std::set<Label> out;
  std::string line;
  while (std::getline(f, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream ss(line);
    std::string type, subject, outlets;
    std::getline(ss, type, '\t');
    std::getline(ss, subject, '\t');
    std::getline(ss, outlets, '\t');
    out.insert({type, subject, outlets});
  }
  return out;
}

std::set<Label> found(const diff::DiffReport& r) {
  std::set<Label> out;
  for (const auto& f : r.findings) {
    std::string outlets;
    for (int i : f.inputs) outlets += (outlets.empty() ? "" : ",") + r.inputs[i].outlet;
    out.insert({diff::to_string(f.type), f.subject, outlets});
  }
  return out;
}

}  // namespace

TEST_CASE("diff similarity: paraphrase, trimming and re-punctuation align, unrelated does not", "[diff]") {
  // Paraphrase: "we will" becomes "the city would", the content words stay.
  CHECK(diff::similarity("“We will rebuild the pier before the summer season,”",
                         "the city would rebuild the pier before the summer season") >= 0.8);
  // Trimmed quote: words dropped from the middle.
  CHECK(diff::similarity("Our engineers warned about the cracks two years ago, and nobody listened",
                         "Our engineers warned about the cracks, and nobody listened") >= 0.8);
  // Re-punctuated: same words, other marks and case.
  CHECK(diff::similarity("\"Repairs will take at least six weeks.\"", "repairs -- will take, at least, six weeks") ==
        Approx(1.0));
  CHECK(diff::similarity("The inspection was postponed three times", "The ferry terminal would remain closed") < 0.3);
  // One shared word is no alignment.
  CHECK(diff::similarity("saboteurs", "the saboteurs blocked the gate on Friday night") < 0.5);
  CHECK(diff::similarity("", "anything") == 0);
}

TEST_CASE("diff similarity: a run of function words is phrasing, not one remark", "[diff]") {
  // "in the future" is three words in a row of both, with one content word:
  // half the shorter content, but no evidence of one remark.
  CHECK(diff::similarity("that could happen in the future",
                         "that it is likely the pier will be used as a ferry stop in the future") < 0.5);
  // The same run with the remark's content words in it still counts.
  CHECK(diff::similarity("the ferry stop will open in the future", "officials said the ferry stop will open in the "
                                                                   "future, if money allows") >= 0.5);
}

TEST_CASE("diff words: quotation marks and punctuation dropped, apostrophes kept", "[diff]") {
  CHECK(diff::words("“Nobody listened,” she said.") == std::vector<std::string>{"nobody", "listened", "she", "said"});
  CHECK(diff::words("the fishermen’s union") == std::vector<std::string>{"the", "fishermen", "union"});
  CHECK(diff::words("a six-week repair") == std::vector<std::string>{"a", "six-week", "repair"});
}

TEST_CASE("diff word_diff: shortened and altered quotes", "[diff]") {
  auto d = diff::detail::word_diff(diff::words("warned about the cracks two years ago and nobody listened"),
                                   diff::words("warned about the cracks and nobody listened"));
  CHECK(d.removed == std::vector<std::string>{"two years ago"});
  CHECK(d.added.empty());
  d = diff::detail::word_diff(diff::words("the pier will reopen in May"), diff::words("the pier will reopen in June"));
  CHECK(d.removed == std::vector<std::string>{"may"});
  CHECK(d.added == std::vector<std::string>{"june"});
}

TEST_CASE("diff entity names: initials and normalisation", "[diff]") {
  CHECK(diff::detail::initials("Velmar Port Authority") == "vpa");
  CHECK(diff::detail::initials("Dahl") == "");
  CHECK(diff::detail::name_norm("Kazakhstan’s President") == "kazakhstan president");
  CHECK(diff::detail::is_relay_role("a spokeswoman for the transport ministry"));
  CHECK_FALSE(diff::detail::is_relay_role("transport minister"));
}

TEST_CASE("diff pier: every planted difference is found and nothing else", "[diff]") {
  std::vector<Analysis> as = pier();
  diff::DiffReport r = run({&as[0], &as[1], &as[2]});
  std::set<Label> want = read_labels(kPier + "labels.tsv");
  std::set<Label> got = found(r);
  for (const auto& l : want) {
    INFO(std::get<0>(l) << " | " << std::get<1>(l) << " | " << std::get<2>(l));
    CHECK(got.count(l) == 1);
  }
  for (const auto& l : got) {
    INFO("unexpected: " << std::get<0>(l) << " | " << std::get<1>(l) << " | " << std::get<2>(l));
    CHECK(want.count(l) == 1);
  }
  CHECK(r.findings.size() == want.size());
}

TEST_CASE("diff pier: evidence spans slice the named files", "[diff]") {
  std::vector<Analysis> as = pier();
  diff::DiffReport r = run({&as[0], &as[1], &as[2]});
  REQUIRE(!r.findings.empty());
  for (const auto& f : r.findings) {
    CHECK(!f.evidence.empty());
    for (const auto& e : f.evidence) {
      const Document& doc = r.inputs[e.input].analysis->doc;
      REQUIRE(e.span.end <= doc.text.size());
      CHECK(doc.slice(e.span) == e.text);
      CHECK(!e.text.empty());
    }
  }
  // The shortened quote names the dropped words; the cue finding names both verbs.
  for (const auto& f : r.findings) {
    if (f.type == diff::FindingType::kQuoteAltered) CHECK_THAT(f.detail, Catch::Contains("-\"two years ago\""));
    if (f.type == diff::FindingType::kCueVerb) {
      CHECK_THAT(f.detail, Catch::Contains("admit"));
      CHECK_THAT(f.detail, Catch::Contains("say"));
    }
  }
}

TEST_CASE("diff pier: entities align by surname, role and initials", "[diff]") {
  std::vector<Analysis> as = pier();
  diff::DiffReport r = run({&as[0], &as[1], &as[2]});
  auto outlets_of = [&](const std::string& name) {
    for (const auto& e : r.entities)
      if (e.name == name) return e.members.size();
    return size_t(0);
  };
  CHECK(outlets_of("Lena Dahl") == 3);
  CHECK(outlets_of("Ivo Brandt") == 3);
  CHECK(outlets_of("Velmar Port Authority") == 3);  // "VPA" in valley_post
  CHECK(outlets_of("Marta Kovac") == 1);
}

TEST_CASE("diff: an article against itself reports no differences", "[diff]") {
  for (const char* f : kPierFiles) {
    Analysis a = analyse(kPier + f);
    Analysis b = analyse(kPier + f);
    diff::DiffReport r = run({&a, &b});
    INFO(f);
    CHECK(r.findings.empty());
    diff::DiffReport same = run({&a, &a}, {"x", "y"});
    CHECK(same.findings.empty());
  }
}

TEST_CASE("diff: argument order does not change the findings or the output", "[diff]") {
  std::vector<Analysis> as = pier();
  std::vector<int> order{0, 1, 2};
  std::string json0, text0, dot0;
  do {
    diff::DiffReport r = run({&as[order[0]], &as[order[1]], &as[order[2]]});
    std::string json = diff::to_json(r), text = diff::to_text(r);
    auto dot = diff::to_dot(r);
    REQUIRE(dot.ok());
    if (json0.empty()) {
      json0 = json, text0 = text, dot0 = dot.value();
    } else {
      CHECK(json == json0);
      CHECK(text == text0);
      CHECK(dot.value() == dot0);
    }
  } while (std::next_permutation(order.begin(), order.end()));
}

TEST_CASE("diff: explicit outlet names, and too few inputs is an error", "[diff]") {
  std::vector<Analysis> as = pier();
  diff::DiffReport r = run({&as[0], &as[1], &as[2]}, {"Coast", "Harbor", "Valley"});
  CHECK(r.inputs[0].outlet == "Coast");
  CHECK(r.findings.size() == read_labels(kPier + "labels.tsv").size());
  diff::Differ differ;
  auto bad = differ.diff({{&as[0], "one"}});
  CHECK_FALSE(bad.ok());
  CHECK(bad.status().code() == ErrorCode::kInvalidArgument);
}

TEST_CASE("diff writers: JSON names every input by outlet and path, DOT has a legend", "[diff]") {
  std::vector<Analysis> as = pier();
  diff::DiffReport r = run({&as[0], &as[1], &as[2]});
  std::string json = diff::to_json(r);
  CHECK_THAT(json, Catch::Contains("\"schema\": \"0.1\""));
  CHECK_THAT(json, Catch::Contains("\"outlet\": \"valley_post\""));
  CHECK_THAT(json, Catch::Contains("harbor_times.txt"));
  auto dot = diff::to_dot(r);
  REQUIRE(dot.ok());
  // The legend is the graph's label, at the top, one swatch per outlet.
  CHECK_THAT(dot.value(), Catch::Contains("labelloc=t"));
  CHECK_THAT(dot.value(), Catch::Contains("shared by all outlets"));
  for (const auto& in : r.inputs) CHECK_THAT(dot.value(), Catch::Contains(">" + in.outlet + "</TD>"));
  // Outlet names are input text: escaped in the HTML-like legend.
  Analysis x = analyse(kPier + "harbor_times.txt"), y = analyse(kPier + "valley_post.txt");
  diff::DiffReport hostile = run({&x, &y}, {"<b>Times</b> & \"Co\"", "Post"});
  auto hdot = diff::to_dot(hostile);
  REQUIRE(hdot.ok());
  CHECK_THAT(hdot.value(), Catch::Contains("&lt;b&gt;Times&lt;/b&gt; &amp; &quot;Co&quot;"));
  CHECK(diff::render(hostile, "svg").ok());
}

namespace {


}  // namespace

TEST_CASE("diff CLI: same JSON in any file order, errors name the file", "[diff][cli]") {
  std::string a = kPier + "coastline_daily.txt", b = kPier + "harbor_times.txt", c = kPier + "valley_post.txt";
  auto fwd = run_cli("diff --format json " + a + " " + b + " " + c);
  auto rev = run_cli("diff --format json " + c + " " + a + " " + b);
  CHECK(fwd.first == 0);
  CHECK(fwd.second == rev.second);
  CHECK_THAT(fwd.second, Catch::Contains("\"type\": \"misattribution\""));
  // Outlet names follow their files, whatever the order.
  auto named = run_cli("diff --outlet Valley --outlet Coast " + c + " " + a);
  CHECK(named.first == 0);
  CHECK_THAT(named.second, Catch::Contains("Valley  (" + c + ")"));
  auto missing = run_cli("diff " + a + " /nonexistent/story.txt");
  CHECK(missing.first == 2);
  CHECK_THAT(missing.second, Catch::Contains("/nonexistent/story.txt"));
  auto wrong = run_cli("diff --outlet X " + a + " " + b);
  CHECK(wrong.first == 1);
  auto one = run_cli("diff " + a);
  CHECK(one.first == 1);
  auto svg = run_cli("diff --format svg " + a + " " + b);
  CHECK(svg.first == 0);
  CHECK_THAT(svg.second, Catch::Contains("<svg"));
}

TEST_CASE("diff: an outlet repeating its own quote carries it once", "[diff]") {
  auto bytes = read_file(kPier + "harbor_times.txt");
  REQUIRE(bytes.ok());
  std::string repeated =
      bytes.value() + "\n\"Nobody will be allowed to hide behind paperwork this time,\" Dahl said again on Wednesday.\n";
  auto a = analyzer().analyze(bytes.value(), "harbor_times.txt");
  auto b = analyzer().analyze(repeated, "harbor_times_late.txt");
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  REQUIRE(b.value().attributions.size() == a.value().attributions.size() + 1);
  diff::DiffReport r = run({&a.value(), &b.value()});
  CHECK(r.findings.empty());
}

namespace {

// The pier articles as JSONL lines: {"source": OUTLET, "text": TEXT} (no source
// when `with_outlet` is false), in the order given.
std::string pier_jsonl(const std::vector<std::string>& files, bool with_outlet) {
  std::string out;
  for (const std::string& f : files) {
    auto bytes = read_file(kPier + f);
    REQUIRE(bytes.ok());
    nlohmann::json j;
    if (with_outlet) j["source"] = f.substr(0, f.find('.'));
    j["text"] = bytes.value();
    out += j.dump() + "\n";
  }
  return out;
}

std::string write_temp(const std::string& name, const std::string& data) {
  std::string path =
      (std::filesystem::temp_directory_path() / ("qg_diff_" + std::to_string(::getpid()) + "_" + name)).string();
  std::ofstream(path, std::ios::binary) << data;
  return path;
}

// A diff's JSON without the "path" members: what is left names inputs by outlet only.
nlohmann::json without_paths(nlohmann::json j) {
  if (j.is_object()) {
    j.erase("path");
    for (auto& [k, v] : j.items()) v = without_paths(v);
  } else if (j.is_array()) {
    for (auto& v : j) v = without_paths(v);
  }
  return j;
}

}  // namespace

TEST_CASE("diff CLI: JSONL inputs take outlet names from a field, else the url's site, else FILE:LINE", "[diff][cli]") {
  std::vector<std::string> files(std::begin(kPierFiles), std::end(kPierFiles));
  std::string txt;
  for (const std::string& f : files) txt += " " + kPier + f;
  auto from_files = run_cli("diff --format json" + txt);
  REQUIRE(from_files.first == 0);

  // One outlet's article per line, outlet from the default field "source": the
  // same findings as the text files named by their file names, in any line order.
  std::string fwd = write_temp("fwd.jsonl", pier_jsonl(files, true));
  std::string rev = write_temp("rev.jsonl", pier_jsonl({files[2], files[0], files[1]}, true));
  auto a = run_cli("diff --format json " + fwd);
  auto b = run_cli("diff --format json " + rev);
  REQUIRE(a.first == 0);
  REQUIRE(b.first == 0);
  nlohmann::json ja = nlohmann::json::parse(a.second), jb = nlohmann::json::parse(b.second);
  CHECK(without_paths(ja) == without_paths(nlohmann::json::parse(from_files.second)));
  CHECK(without_paths(ja) == without_paths(jb));
  CHECK(ja["inputs"][0]["outlet"] == "coastline_daily");
  CHECK(ja["inputs"][0]["path"] == fwd + ":1");
  CHECK(jb["inputs"][0]["path"] == rev + ":2");

  // --outlet-field picks another field; a line without it is named FILE:LINE.
  std::string other = pier_jsonl(files, false);
  other.insert(1, "\"paper\":\"Coast\",");  // first line only
  std::string mixed = write_temp("field.jsonl", other);
  auto c = run_cli("diff --format json --outlet-field paper,outlet " + mixed);
  REQUIRE(c.first == 0);
  nlohmann::json jc = nlohmann::json::parse(c.second);
  std::set<std::string> names;
  for (const auto& in : jc["inputs"]) names.insert(in["outlet"].get<std::string>());
  // The outlet is shown (and pages are shared): the file's name, without its folders.
  std::string name = mixed.substr(mixed.find_last_of('/') + 1);
  CHECK(names == std::set<std::string>{"Coast", name + ":2", name + ":3"});
  CHECK(jc["findings"].size() == ja["findings"].size());
  auto text = run_cli("diff " + mixed);
  CHECK(text.first == 0);
  CHECK_THAT(text.second, Catch::Contains(mixed + ":3"));

  // Text files and JSONL lines mix; blank lines are skipped; --jsonl reads standard input.
  std::string two = write_temp("two.jsonl", pier_jsonl({files[0], files[1]}, true) + "\n   \n");
  auto mix = run_cli("diff --format json " + two + " " + kPier + files[2]);
  REQUIRE(mix.first == 0);
  CHECK(without_paths(nlohmann::json::parse(mix.second)) == without_paths(ja));
  auto stdin_run = run_cli("diff --format json --jsonl - < " + fwd);
  REQUIRE(stdin_run.first == 0);
  CHECK(without_paths(nlohmann::json::parse(stdin_run.second)) == without_paths(ja));

  // Errors: --outlet with JSONL (1), one article in all (1), a bad line (2, named FILE:LINE).
  CHECK(run_cli("diff --outlet X " + fwd).first == 1);
  std::string single = write_temp("one.jsonl", pier_jsonl({files[0]}, true));
  CHECK(run_cli("diff " + single).first == 1);
  std::string bad = write_temp("bad.jsonl", pier_jsonl({files[0], files[1]}, true) + "{\"source\": \"x\"}\n");
  auto broken = run_cli("diff " + bad);
  CHECK(broken.first == 2);
  CHECK_THAT(broken.second, Catch::Contains(bad + ":3: no string text field"));
  for (const std::string& p : {fwd, rev, mixed, two, single, bad}) std::filesystem::remove(p);
}

namespace {

const std::string kParaphrase = std::string(QG_SOURCE_DIR) + "/tests/cases/diff/paraphrase/";

// The attribution of `a` whose content contains `words`, or -1.
int attribution_with(const Analysis& a, const std::string& words) {
  for (size_t k = 0; k < a.attributions.size(); ++k)
    if (a.doc.slice(a.attributions[k].content).find(words) != std::string_view::npos) return static_cast<int>(k);
  return -1;
}

}  // namespace

TEST_CASE("diff paraphrase: one remark in two outlets' different words is aligned", "[diff]") {
  Analysis herald = analyse(kParaphrase + "river_herald.txt");
  Analysis courier = analyse(kParaphrase + "plains_courier.txt");
  diff::DiffReport r = run({&herald, &courier});
  REQUIRE(r.inputs[0].outlet == "plains_courier");
  std::ifstream labels(kParaphrase + "labels.tsv");
  REQUIRE(labels);
  std::string line;
  int pairs = 0;
  while (std::getline(labels, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::string h = line.substr(0, line.find('\t')), c = line.substr(line.find('\t') + 1);
    int ah = attribution_with(herald, h), ac = attribution_with(courier, c);
    INFO(h << " / " << c);
    REQUIRE(ah >= 0);
    REQUIRE(ac >= 0);
    bool together = false;
    for (const auto& st : r.statements) {
      bool has_h = false, has_c = false;
      for (const auto& m : st.members) {
        has_h = has_h || (m.input == 1 && m.attribution == ah);
        has_c = has_c || (m.input == 0 && m.attribution == ac);
      }
      together = together || (has_h && has_c);
    }
    CHECK(together);
    ++pairs;
  }
  CHECK(pairs == 4);
  CHECK(r.warnings.empty());
}

TEST_CASE("diff similarity: WordNet synonyms and lemmas count, unrelated words do not", "[diff]") {
  // "bow" and "give in" share a WordNet synset; "threats"/"threat" one lemma.
  CHECK(diff::similarity("will not bow", "shall not give in") > 0.5);
  CHECK(diff::similarity("the threats grew", "the threat grew") == Approx(1.0));
  CHECK(diff::similarity("will not bow", "will not eat") < 0.2);
  // Numbers that all differ mark a pair down.
  CHECK(diff::similarity("38 people died in the flood", "12 people died in the flood") <
        diff::similarity("38 people died in the flood", "38 people died in the floods"));
}

TEST_CASE("diff ranking: findings sorted by score, the words and speakers before coverage", "[diff]") {
  std::vector<Analysis> as = pier();
  diff::DiffReport r = run({&as[0], &as[1], &as[2]});
  REQUIRE(!r.findings.empty());
  for (size_t k = 1; k < r.findings.size(); ++k) CHECK(r.findings[k - 1].score >= r.findings[k].score);
  size_t first_low = r.findings.size(), last_high = 0;
  for (size_t k = 0; k < r.findings.size(); ++k) {
    const auto& f = r.findings[k];
    CHECK(f.score > 0);
    CHECK(f.score <= 1);
    CHECK(!f.heading.empty());
    if (f.severity == diff::Severity::kLow) first_low = std::min(first_low, k);
    if (f.severity == diff::Severity::kHigh) last_high = k;
    if (f.type == diff::FindingType::kStatementOnly || f.type == diff::FindingType::kSpeakerOnly)
      CHECK(f.severity == diff::Severity::kLow);
    // Evidence is listed once.
    std::set<std::tuple<int, uint32_t, uint32_t, std::string>> seen;
    for (const auto& e : f.evidence) CHECK(seen.insert({e.input, e.span.start, e.span.end, e.what}).second);
  }
  CHECK(last_high < first_low);
  std::string text = diff::to_text(r);
  CHECK(text.find("Top findings:") != std::string::npos);
  CHECK(text.find("Top findings:") < text.find("\n["));
  // --min-score keeps only what reaches it.
  static const diff::Differ strict(diff::DiffOptions{0.5, 2, 0.5});
  auto kept = strict.diff({{&as[0], ""}, {&as[1], ""}, {&as[2], ""}});
  REQUIRE(kept.ok());
  CHECK(kept.value().findings.size() < r.findings.size());
  for (const auto& f : kept.value().findings) CHECK(f.score >= 0.5);
}

TEST_CASE("diff: two unrelated stories are flagged, related ones are not", "[diff]") {
  Analysis herald = analyse(kParaphrase + "river_herald.txt");
  Analysis other = analyse(kParaphrase + "unrelated.txt");
  diff::DiffReport r = run({&herald, &other});
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0].find("same story?") != std::string::npos);
  CHECK(diff::to_text(r).find("Warning: these inputs share no entity or statement") != std::string::npos);
  CHECK(nlohmann::json::parse(diff::to_json(r))["warnings"].size() == 1);
  std::vector<Analysis> as = pier();
  CHECK(run({&as[0], &as[1]}).warnings.empty());
}

TEST_CASE("diff: a pronoun speaker does not join two outlets' different people", "[diff]") {
  auto a = analyzer().analyze(
      "Senator Mara Quill spoke first. He said the bridge tolls would double next year, according to the plan.\n\n"
      "Quill said the tolls were unfair to commuters.\n",
      "one.txt");
  auto b = analyzer().analyze(
      "Mayor Ivo Brandt opened the hearing. He said the harbor would be dredged in the spring.\n\n"
      "Brandt said the dredging would cost little.\n",
      "two.txt");
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  diff::DiffReport r = run({&a.value(), &b.value()});
  for (const auto& e : r.entities) {
    std::set<std::string> names;
    for (const auto& m : e.members) names.insert(r.inputs[m.input].analysis->entities[m.entity].name);
    INFO(e.name);
    CHECK(!(names.count("Mara Quill") && names.count("Ivo Brandt")));
  }
  for (const auto& f : r.findings) CHECK(f.type != diff::FindingType::kMisattribution);
}

namespace {

// Whether one aligned statement holds the attributions of `a` and `b` whose
// contents contain `wa` and `wb`.
bool aligned_together(const diff::DiffReport& r, const Analysis& a, const std::string& wa, const Analysis& b,
                      const std::string& wb) {
  int ka = attribution_with(a, wa), kb = attribution_with(b, wb);
  REQUIRE(ka >= 0);
  REQUIRE(kb >= 0);
  for (const auto& st : r.statements) {
    bool has_a = false, has_b = false;
    for (const auto& m : st.members) {
      has_a = has_a || (r.inputs[m.input].analysis == &a && m.attribution == ka);
      has_b = has_b || (r.inputs[m.input].analysis == &b && m.attribution == kb);
    }
    if (has_a && has_b) return true;
  }
  return false;
}

Analysis analyse_text(const std::string& text, const std::string& path) {
  auto a = analyzer().analyze(text, path);
  REQUIRE(a.ok());
  return std::move(a).value();
}

}  // namespace

TEST_CASE("diff anchor: two outlets quoting the same words align, however different the sentence", "[diff]") {
  // The same two words in quotation marks: one remark, one outlet paraphrasing
  // around it, the other quoting it in a longer sentence.
  Analysis a = analyse_text(
      "The harbor board met on Monday.\n\n"
      "Director Lena Varga acknowledged the two bidders had split the first rounds, an outcome, she said, that "
      "was \"fully foreseen.\"\n",
      "gull_gazette.txt");
  Analysis b = analyse_text(
      "The harbor board met on Monday.\n\n"
      "A letter to members was sent as the bids closed, stating that the defeat at the port was \"fully "
      "foreseen.\"\n",
      "tern_tribune.txt");
  diff::DiffReport r = run({&a, &b});
  CHECK(aligned_together(r, a, "fully foreseen", b, "fully foreseen"));
  // A quote inside a quote is someone else's words mentioned, no anchor: two
  // speakers repeating a chant are two remarks.
  Analysis c = analyse_text(
      "Dock workers gathered at noon.\n\n"
      "\"I heard 'no more cuts' all morning and thought the union would win,\" said Piet Olsen, a welder.\n",
      "gull_gazette.txt");
  Analysis d = analyse_text(
      "Dock workers gathered at noon.\n\n"
      "The crowd chanted \"no more cuts\" as the mayor arrived, organisers said.\n",
      "tern_tribune.txt");
  diff::DiffReport r2 = run({&c, &d});
  CHECK(!aligned_together(r2, c, "no more cuts", d, "no more cuts"));
}

TEST_CASE("diff speakers: two named people's remarks on one topic do not align", "[diff]") {
  // Senator Okafor's refusal and Senator Brandt's understanding share the topic
  // words (support, nominee, party) but are two people's remarks; Okafor's
  // refusal and the other outlet's paraphrase of it are one.
  Analysis a = analyse_text(
      "Senators reacted on Tuesday.\n\n"
      "\"I cannot and will not support my party's nominee for governor,\" said Senator Ada Okafor.\n",
      "gull_gazette.txt");
  Analysis b = analyse_text(
      "Senators reacted on Tuesday.\n\n"
      "\"To those who support our nominee for governor, I understand sticking with the party,\" said Senator "
      "Hal Brandt.\n\n"
      "Senator Ada Okafor, who faces a close race, said she could no longer back the nominee, who lacks the "
      "judgment to be governor.\n",
      "tern_tribune.txt");
  diff::DiffReport r = run({&a, &b});
  CHECK(!aligned_together(r, a, "cannot and will not", b, "To those who support"));
  CHECK(aligned_together(r, a, "cannot and will not", b, "lacks the judgment"));
}

TEST_CASE("diff parts: one quote carrying two remarks aligns with each outlet's statement of them", "[diff]") {
  // The Tern Tribune quotes two remarks in one quotation; the Gull Gazette
  // reports them apart, the first in its own words. Each sentence of the long
  // quote is a member of its own aligned statement.
  Analysis a = analyse_text(
      "The mayor spoke at the quay on Friday.\n\n"
      "Mayor Rosa Lind said the council would \"close the old ferry terminal for good.\"\n\n"
      "\"If the state cuts our budget again, there is nothing the harbor can do,\" Lind said.\n",
      "gull_gazette.txt");
  Analysis b = analyse_text(
      "The mayor spoke at the quay on Friday.\n\n"
      "\"We will close the old ferry terminal for good. By the way, if the state cuts our budget again, there is "
      "nothing the harbor can do, nothing,\" Mayor Rosa Lind said.\n",
      "tern_tribune.txt");
  diff::DiffReport r = run({&a, &b});
  CHECK(aligned_together(r, a, "ferry terminal", b, "ferry terminal"));
  CHECK(aligned_together(r, a, "cuts our budget", b, "cuts our budget"));
  int parts = 0;
  for (const auto& st : r.statements)
    for (const auto& m : st.members)
      if (m.is_part) {
        ++parts;
        const Attribution& at = r.inputs[m.input].analysis->attributions[m.attribution];
        CHECK(at.content.start <= m.part.start);
        CHECK(m.part.end <= at.content.end);
      }
  CHECK(parts == 1);
  // The evidence of findings about the part quotes the sentence, not the whole.
  for (const auto& f : r.findings)
    for (const auto& e : f.evidence)
      if (e.what == "content") CHECK(e.text == std::string(r.inputs[e.input].analysis->doc.slice(e.span)));
  // A self-diff stays empty, and the order of inputs changes nothing.
  CHECK(run({&b, &b}).findings.empty());
  CHECK(diff::to_json(run({&b, &a})) == diff::to_json(r));
}

TEST_CASE("diff parts: a sentence ending in an abbreviation ends before a function word", "[diff]") {
  // "D.C. This is …": two sentences, each another outlet's statement; "Sen. Ada
  // Okafor" would not be cut (the next word is a name).
  Analysis a = analyse_text(
      "The mayor spoke at the quay on Friday.\n\n"
      "Mayor Rosa Lind said a museum in Washington had asked to display the old ferry bell.\n\n"
      "\"It is a piece of harbor history that belongs to everyone,\" Lind said.\n",
      "gull_gazette.txt");
  Analysis b = analyse_text(
      "The mayor spoke at the quay on Friday.\n\n"
      "\"A museum has asked to display the old ferry bell in Washington, D.C. It is a piece of harbor history that "
      "belongs to everyone,\" Mayor Rosa Lind said.\n",
      "tern_tribune.txt");
  diff::DiffReport r = run({&a, &b});
  CHECK(aligned_together(r, a, "ferry bell", b, "ferry bell"));
  CHECK(aligned_together(r, a, "harbor history", b, "harbor history"));
}

TEST_CASE("diff misattribution: a description the analyzer resolved does not accuse an outlet", "[diff]") {
  // The Tern Tribune gives the words to "the senator", which the analysis
  // resolves to the one senator it has seen, rightly or not ("the group" was
  // resolved to a broadcaster in a real story); only names the outlet writes
  // count.
  Analysis a = analyse_text(
      "The dock union met on Friday.\n\n"
      "\"Nobody will be allowed to hide behind paperwork this time,\" said Lena Dahl, the union's leader.\n",
      "gull_gazette.txt");
  Analysis b = analyse_text(
      "The dock union met on Friday, and Senator Ivo Brandt, the mayor, attended.\n\n"
      "\"Nobody will be allowed to hide behind paperwork this time,\" the senator said.\n",
      "tern_tribune.txt");
  diff::DiffReport r = run({&a, &b});
  CHECK(aligned_together(r, a, "hide behind paperwork", b, "hide behind paperwork"));
  for (const auto& f : r.findings) CHECK(f.type != diff::FindingType::kMisattribution);
}

TEST_CASE("diff nesting: a remark reported inside another speaker's question is its own candidate", "[diff]") {
  // The host's question holds the governor's claim ("asked about remarks …,
  // when Hale claimed …"); the other outlet reports the claim itself. The
  // claim aligns with it, not the governor's later interview answer.
  Analysis a = analyse_text(
      "The governor spoke on the radio on Tuesday.\n\n"
      "Radio host Mira Stone asked Governor Tom Hale about remarks from the night before, when Hale claimed the "
      "harbor board was \"the cause\" of the flooding.\n\n"
      "\"No, I meant the board is the cause of the flooding. I do,\" Hale said.\n",
      "gull_gazette.txt");
  Analysis b = analyse_text(
      "The governor spoke on the radio on Tuesday.\n\n"
      "Governor Tom Hale said the harbor board was the cause of the flooding on Monday at a rally in Dunmore.\n",
      "tern_tribune.txt");
  diff::DiffReport r = run({&a, &b});
  // The claim's own attribution: the one whose content is the claim alone.
  int claim = -1;
  for (size_t k = 0; k < a.attributions.size(); ++k)
    if (a.doc.slice(a.attributions[k].content) == "the harbor board was \"the cause\" of the flooding")
      claim = static_cast<int>(k);
  REQUIRE(claim >= 0);
  const int rally = attribution_with(b, "at a rally");
  bool together = false;
  for (const auto& st : r.statements) {
    bool has_a = false, has_b = false;
    for (const auto& m : st.members) {
      has_a = has_a || (r.inputs[m.input].analysis == &a && m.attribution == claim);
      has_b = has_b || (r.inputs[m.input].analysis == &b && m.attribution == rally);
    }
    together = together || (has_a && has_b);
  }
  CHECK(together);
  CHECK(!aligned_together(r, a, "I meant", b, "at a rally"));
  // The question holding the claim is not a second, one-outlet statement of it.
  const int question = attribution_with(a, "about remarks");
  REQUIRE(question >= 0);
  for (const auto& st : r.statements)
    for (const auto& m : st.members) CHECK(!(r.inputs[m.input].analysis == &a && m.attribution == question));
}

TEST_CASE("diff: a self-diff stays empty when a date was taken for a speaker", "[diff]") {
  // "Sunday, Lind, who has …" makes "Sunday" the speaker: an entity the
  // cross-outlet identity does not join, so the article against itself had
  // two "Sunday" speakers and reported a misattribution.
  const std::string text =
      "The pier collapsed on Saturday night.\n\n"
      "Sunday, Lind, who has nearly 9,000 followers, wrote on Twitter: \"Reporting that the ferry captain ignored "
      "every warning as the old pier gave way. When will the council act?\"\n\n"
      "Mayor Rosa Lind later spoke at the harbor.\n";
  Analysis a = analyse_text(text, "gull_gazette.txt");
  Analysis b = analyse_text(text, "gull_gazette.txt");
  CHECK(run({&a, &b}).findings.empty());
  CHECK(run({&a, &a}, {"x", "y"}).findings.empty());
}

TEST_CASE("diff entities: a person one outlet names only by a role is the other outlet's one holder of it", "[diff]") {
  // The Gull Gazette never writes the justice's title beside her name, so the
  // analysis makes "Justice" (a headline's subject) and "the justice" an
  // entity of their own; the Tern Tribune names Justice Anna Verdi. One
  // person: her interview remark, in two outlets' words, is one statement.
  const std::string gull =
      "Verdi regrets harbor comments; \nJustice vows to keep out of the race.\n\n"
      "Anna Verdi regrets her words about Tomas Brandt.\n\n"
      "The Supreme Court justice said she regretted the remarks and would stay out of politics.\n\n"
      "In two interviews, the justice said she did not want to contemplate what a Brandt governorship would "
      "mean for the courts.\n";
  const std::string tern_lede =
      "Justice Anna Verdi criticised Tomas Brandt in interviews this week.\n\n"
      "Verdi said she did not want to think about what a Brandt term would do to the courts.\n";
  Analysis a = analyse_text(gull, "gull_gazette.txt");
  Analysis b = analyse_text(tern_lede + "\nBrandt said the judge should resign.\n", "tern_tribune.txt");
  auto members_of = [](const diff::DiffReport& r, const std::string& name) {
    std::set<std::string> out;
    for (const auto& e : r.entities)
      for (const auto& m : e.members)
        if (r.inputs[m.input].analysis->entities[m.entity].name == name)
          for (const auto& o : e.members) out.insert(r.inputs[o.input].analysis->entities[o.entity].name);
    return out;
  };
  diff::DiffReport r = run({&a, &b});
  CHECK(members_of(r, "Justice") == std::set<std::string>{"Anna Verdi", "Justice"});
  CHECK(aligned_together(r, a, "contemplate", b, "think about"));
  // Two justices in the other outlet: "the justice" is either, and joins neither.
  Analysis c = analyse_text(tern_lede + "\nJustice Omar Lind said the court would not comment.\n", "tern_tribune.txt");
  diff::DiffReport r2 = run({&a, &c});
  CHECK(members_of(r2, "Justice") == std::set<std::string>{"Justice"});
}

TEST_CASE("diff exchanges: one speaker's remarks right before one aligned reply are one remark", "[diff]") {
  // Two outlets render a host's suggestion in other words; the mayor's reply,
  // quoted by both, follows each.
  const std::string reply = " \"No, I meant the bridge will close in May,\" Varga said.\n";
  Analysis a = analyse_text(
      "Mayor stands by bridge warning.\n\nRadio host Piet Olsen suggested on Thursday that Mayor Lena Varga had not "
      "meant her warning about the bridge to be taken literally." + reply,
      "gull_gazette.txt");
  Analysis b = analyse_text(
      "Mayor repeats bridge warning.\n\nSpeaking on his show, Piet Olsen said the mayor had simply meant that repairs "
      "to the bridge were running late." + reply,
      "tern_tribune.txt");
  diff::DiffReport r = run({&a, &b});
  REQUIRE(aligned_together(r, a, "bridge will close", b, "bridge will close"));
  CHECK(aligned_together(r, a, "taken literally", b, "running late"));
  // Without the reply in one outlet, the two renderings share too little.
  Analysis c = analyse_text(
      "Mayor repeats bridge warning.\n\nSpeaking on his show, Piet Olsen said the mayor had simply meant that repairs "
      "to the bridge were running late.\n",
      "tern_tribune.txt");
  diff::DiffReport r2 = run({&a, &c});
  CHECK_FALSE(aligned_together(r2, a, "taken literally", c, "running late"));
  // Before one reply, but words of nothing in common: two remarks.
  Analysis d = analyse_text(
      "Mayor repeats bridge warning.\n\nSpeaking on his show, Piet Olsen said the weather had turned mild." + reply,
      "tern_tribune.txt");
  diff::DiffReport r3 = run({&a, &d});
  REQUIRE(aligned_together(r3, a, "bridge will close", d, "bridge will close"));
  CHECK_FALSE(aligned_together(r3, a, "taken literally", d, "turned mild"));
}
