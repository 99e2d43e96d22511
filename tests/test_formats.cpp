// The writer table (io::write, format_names, csv_header, attribution_id), code-
// point offsets, CSV metadata columns, corpus --errors and the graph's node and
// edge CSV. Invented articles; every check compares against something computed
// another way (a naive count, the JSON of the same run, the GEXF).
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "cli_run.hpp"
#include "quotegraph/analyzer.hpp"
#include "quotegraph/graph.hpp"
#include "quotegraph/io.hpp"

namespace fs = std::filesystem;
using namespace quotegraph;
using qg_test::run_cli;

namespace {

// Multibyte before, inside and after the quotes: every offset after the first
// “ differs between bytes and code points.
const char* kArticle =
    "Zürich — “We will not bow to pressure from anyone,” Mayor Corine Mauch said on Monday. "
    "The council’s leader, Jürg Känzig, told reporters that the vote was “a mistake — nothing less.” "
    "Känzig added that talks would resume in März.\n";

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

fs::path scratch(const std::string& name) {
  fs::path d = fs::temp_directory_path() / ("qg-formats-" + std::to_string(::getpid())) / name;
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

// Code points of `s` as Python counts them: one per lead byte.
std::u32string decode(const std::string& s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = n == 1 ? c : c & (0x7F >> n);
    for (int k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out += cp;
    i += static_cast<size_t>(n);
  }
  return out;
}

std::vector<std::string> lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

}  // namespace

TEST_CASE("formats: one table names every format, and write() is the format's writer", "[formats]") {
  CHECK(format_names() == std::vector<std::string>{"text", "json", "jsonl", "csv"});
  for (const std::string& name : format_names()) {
    auto f = parse_format(name);
    REQUIRE(f);
    CHECK(to_string(*f) == name);
  }
  CHECK_FALSE(parse_format("xml"));
  CHECK(attribution_id(0) == "a1");
  CHECK(attribution_id(41) == "a42");
  auto a = Analyzer().analyze(kArticle, "z.txt");
  REQUIRE(a.ok());
  REQUIRE(a.value().attributions.size() >= 2);
  CHECK(write(Format::kJsonl, a.value()) == to_json(a.value(), -1));
  CHECK(write(Format::kJson, a.value()) == to_json(a.value(), 2));
  CHECK(write(Format::kCsv, a.value()) == to_csv(a.value(), false));
  CHECK(to_csv(a.value(), true).rfind(csv_header(), 0) == 0);

  // The stream frames several documents: JSON one object, then an array.
  // (Each call its own statement: the order of + operands is unspecified.)
  auto framed = [&](Format f, int documents) {
    AnalysisStream stream(f);
    std::string out;
    for (int i = 0; i < documents; ++i) out += stream.add(a.value());
    out += stream.finish();
    return out;
  };
  CHECK(nlohmann::json::parse(framed(Format::kJson, 1)).is_object());
  CHECK(nlohmann::json::parse(framed(Format::kJson, 2)).size() == 2);
  CHECK(nlohmann::json::parse(framed(Format::kJson, 3)).size() == 3);
  CHECK(lines(framed(Format::kCsv, 2)).size() == 1 + 2 * a.value().attributions.size());
  CHECK(framed(Format::kText, 2) == to_text(a.value()) + "\n" + to_text(a.value()));
}

TEST_CASE("formats: CodePointMap counts code points as a naive count does", "[formats]") {
  std::mt19937 rng(7);
  const std::vector<std::string> pieces = {"a", "ü", "—", "😀", " ", "“", "\n"};
  for (int round = 0; round < 200; ++round) {
    std::string s;
    std::vector<uint32_t> boundaries{0};
    for (int i = static_cast<int>(rng() % 300); i > 0; --i) {
      s += pieces[rng() % pieces.size()];
      boundaries.push_back(static_cast<uint32_t>(s.size()));
    }
    CodePointMap map(s);
    for (size_t k = 0; k < boundaries.size(); ++k) CHECK(map(boundaries[k]) == k);
  }
}

TEST_CASE("formats: --offsets chars slices each span back with code-point indexes", "[formats][cli]") {
  fs::path d = scratch("chars");
  std::ofstream(d / "z.txt", std::ios::binary) << kArticle;
  const std::u32string cps = decode(kArticle);
  std::string out;
  REQUIRE(run_cli("analyze --format json --offsets chars " + (d / "z.txt").string() + " -o " +
                      (d / "z.json").string(),
                  &out) == 0);
  auto j = nlohmann::json::parse(slurp(d / "z.json"));
  CHECK(j["document"]["offsets"] == "chars");
  CHECK(j["document"]["chars"] == cps.size());
  CHECK(j["document"]["bytes"] == std::string(kArticle).size());
  REQUIRE(j["attributions"].size() >= 2);
  size_t checked = 0;
  auto check_span = [&](const nlohmann::json& s) {
    size_t start = s["start"], end = s["end"];
    REQUIRE(end <= cps.size());
    CHECK(decode(s["text"].get<std::string>()) == cps.substr(start, end - start));
    ++checked;
  };
  for (const auto& a : j["attributions"]) {
    check_span(a["content"]);
    if (!a["cue"].is_null()) check_span(a["cue"]);
    if (!a["speaker_mention"].is_null()) check_span(a["speaker_mention"]);
  }
  for (const auto& e : j["entities"])
    for (const auto& m : e["mentions"]) check_span(m);
  for (const auto& f : j["framing"]) {
    size_t start = f["start"], end = f["end"];
    CHECK(decode(f["text"].get<std::string>()) == cps.substr(start, end - start));
  }
  CHECK(checked > 6);

  // Bytes stay the default, and the two runs agree on everything else.
  REQUIRE(run_cli("analyze --format json " + (d / "z.txt").string() + " -o " + (d / "b.json").string(), &out) == 0);
  auto b = nlohmann::json::parse(slurp(d / "b.json"));
  CHECK_FALSE(b["document"].contains("offsets"));
  REQUIRE(b["attributions"].size() == j["attributions"].size());
  const std::string text = kArticle;
  for (size_t i = 0; i < b["attributions"].size(); ++i) {
    const auto& cb = b["attributions"][i]["content"];
    size_t start = cb["start"], end = cb["end"];
    CHECK(text.substr(start, end - start) == cb["text"].get<std::string>());
    CHECK(cb["text"] == j["attributions"][i]["content"]["text"]);
    CHECK(decode(text.substr(0, start)).size() == j["attributions"][i]["content"]["start"]);
  }
  REQUIRE(run_cli("analyze --offsets lines " + (d / "z.txt").string(), &out) == 1);
  CHECK(out.find("--offsets") != std::string::npos);
}

TEST_CASE("formats: CSV carries speaker kind and id, outlet, url, date and title", "[formats][cli]") {
  fs::path d = scratch("csv");
  nlohmann::json rec = {{"id", "z-1"},       {"text", kArticle},   {"source", "Le Temps"},
                        {"url", "https://letemps.example/zurich"}, {"date", "2024-05-06"},
                        {"title", "Zürich's mayor: no bowing"}};
  std::ofstream(d / "in.jsonl", std::ios::binary) << rec.dump() << "\n{bad json\n";
  std::string out;
  for (const std::string& cmd :
       {"analyze --format csv --offsets chars " + (d / "in.jsonl").string() + " -o " + (d / "a.csv").string(),
        "corpus --csv --offsets chars " + (d / "in.jsonl").string() + " -o " + (d / "a.csv").string()}) {
    INFO(cmd);
    run_cli(cmd, &out);  // the bad line is an error either way (exit 2 for analyze)
    std::vector<std::string> rows = lines(slurp(d / "a.csv"));
    REQUIRE(rows.size() >= 3);
    CHECK(rows[0] + "\n" == csv_header().substr(0, csv_header().size() - 2) + "\r\n");
    CHECK(rows[0].find("speaker_kind,speaker_id,outlet,url,date,title") != std::string::npos);
    size_t with_kind = 0;
    for (size_t r = 1; r < rows.size(); ++r) {
      CHECK(rows[r].rfind("\"z-1\",a" + std::to_string(r) + ",", 0) == 0);
      CHECK(rows[r].find(",\"Le Temps\",\"https://letemps.example/zurich\",\"2024-05-06\",\"Zürich's mayor: no "
                         "bowing\"\r") != std::string::npos);
      with_kind += rows[r].find(",person,e") != std::string::npos;
    }
    CHECK(with_kind >= 2);  // Mauch and Känzig are resolved people
  }
}

TEST_CASE("formats: corpus --errors writes error records apart from the analyses", "[formats][cli]") {
  fs::path d = scratch("errors");
  nlohmann::json good = {{"id", "ok"}, {"text", kArticle}};
  std::ofstream(d / "in.jsonl", std::ios::binary) << good.dump() << "\nnot json\n" << good.dump() << "\n{\"x\":1}\n";
  std::string out;
  REQUIRE(run_cli("corpus " + (d / "in.jsonl").string() + " -o " + (d / "out.jsonl").string() + " --errors " +
                      (d / "err.jsonl").string(),
                  &out) == 0);
  std::vector<std::string> analyses = lines(slurp(d / "out.jsonl")), errors = lines(slurp(d / "err.jsonl"));
  REQUIRE(analyses.size() == 2);
  REQUIRE(errors.size() == 2);
  for (const std::string& l : analyses) CHECK(nlohmann::json::parse(l).contains("attributions"));
  CHECK(nlohmann::json::parse(errors[0])["line"] == 2);
  CHECK(nlohmann::json::parse(errors[0])["kind"] == "bad_json");
  CHECK(nlohmann::json::parse(errors[1])["line"] == 4);
  CHECK(nlohmann::json::parse(errors[1])["kind"] == "missing_text");
  // Without --errors the same records share the output, in input order.
  REQUIRE(run_cli("corpus " + (d / "in.jsonl").string() + " -o " + (d / "all.jsonl").string(), &out) == 0);
  CHECK(lines(slurp(d / "all.jsonl")).size() == 4);
  // --resume counts one line per record: refused with --errors; one file for both is refused.
  CHECK(run_cli("corpus " + (d / "in.jsonl").string() + " -o " + (d / "out.jsonl").string() + " --resume --errors " +
                    (d / "e2.jsonl").string(),
                &out) == 1);
  CHECK(out.find("--errors") != std::string::npos);
  CHECK(run_cli("corpus " + (d / "in.jsonl").string() + " -o " + (d / "out.jsonl").string() + " --errors " +
                    (d / "out.jsonl").string(),
                &out) == 1);
  CHECK(out.find("same file") != std::string::npos);
}

TEST_CASE("formats: graph --format csv writes nodes.csv and edges.csv that match the GEXF", "[formats][graph][cli]") {
  fs::path d = scratch("graph");
  std::ofstream(d / "z.txt", std::ios::binary) << kArticle;
  std::string out;
  REQUIRE(run_cli("graph " + (d / "z.txt").string() + " --format csv -o " + (d / "tables").string(), &out) == 0);
  REQUIRE(run_cli("graph " + (d / "z.txt").string() + " --format json -o " + (d / "g.json").string(), &out) == 0);
  auto g = nlohmann::json::parse(slurp(d / "g.json"));
  std::vector<std::string> nodes = lines(slurp(d / "tables" / "nodes.csv"));
  std::vector<std::string> edges = lines(slurp(d / "tables" / "edges.csv"));
  CHECK(nodes.at(0) == "id,label,kind,mentions,statements,roles,documents\r");
  CHECK(edges.at(0) == "source,target,relation,weight,cue,excerpt\r");
  CHECK(nodes.size() == 1 + g["nodes"].size());
  CHECK(edges.size() == 1 + g["links"].size());
  // Mauch speaks one statement: the node row says so, as the GEXF does.
  bool mauch = false;
  for (const std::string& row : nodes)
    if (row.rfind("\"entity:corine mauch\",\"Corine Mauch\",person,", 0) == 0) mauch = row.find(",1,") != std::string::npos;
  CHECK(mauch);
  bool said = false;
  for (const std::string& row : edges) said = said || row.find("\"entity:corine mauch\",\"document:") == 0;
  CHECK(said);
  // Two files cannot go to standard output; a file in the way is named.
  CHECK(run_cli("graph " + (d / "z.txt").string() + " --format csv", &out) == 1);
  CHECK(out.find("-o DIR") != std::string::npos);
  CHECK(run_cli("graph " + (d / "z.txt").string() + " --format csv -o " + (d / "z.txt").string(), &out) == 2);
  CHECK(out.find("not a directory") != std::string::npos);
}
