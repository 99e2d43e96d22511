// Corpus ingest and pipeline: malformed lines, order, gzip, HTML, equality with
// `analyze`, resume, merge of partial graphs, chunks of a file on standard input.
// Inputs are invented sentences.
#include <sys/wait.h>
#include <zlib.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "quotegraph/analyzer.hpp"
#include "quotegraph/corpus.hpp"
#include "quotegraph/graph.hpp"
#include "quotegraph/io.hpp"

namespace fs = std::filesystem;
using nlohmann::json;
using namespace quotegraph;

namespace {

fs::path temp_dir(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("qg_corpus_" + name + "_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

void write(const fs::path& p, const std::string& data) {
  std::ofstream f(p, std::ios::binary);
  f << data;
}

std::string slurp(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  std::string line;
  while (std::getline(in, line)) out.push_back(line);
  return out;
}

int run(const std::string& command) {
  int rc = std::system(command.c_str());
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

std::string cli() { return QG_CLI_PATH; }

// Invented news sentences, each with at least one attribution.
const std::vector<std::string> kTexts = {
    "\"We will not go back until the contract is signed,\" union leader Maria Okafor said on Tuesday.\n\n"
    "The port authority said that talks would resume next week.\n",
    "Finance minister Tomas Berg told reporters the budget would be balanced by 2026.\n",
    "Mayor Lena Fischer said the bridge would reopen in May. \"It is safe,\" she added.\n",
    "The new clinic will serve 4,000 families, according to the regional health office.\n",
    "Coach Daniel Reyes described the defeat as \u201Ca lesson we needed.\u201D\n\n"
    "Club president Ana Silva warned that ticket prices would rise.\n",
    "Police said two people were arrested after the protest. Organisers believe the march drew 10,000 people.\n",
};

std::string jsonl_record(const std::string& id, const std::string& text, const std::string& outlet = "") {
  json j;
  j["id"] = id;
  if (!outlet.empty()) j["source"] = outlet;
  j["text"] = text;
  return j.dump() + "\n";
}

struct Collected {
  std::vector<corpus::RecordResult> records;
  corpus::CorpusSummary summary;
};

Collected run_lib(const std::vector<std::string>& inputs, corpus::CorpusOptions opt) {
  static const Analyzer analyzer;
  Collected c;
  auto r = corpus::run_corpus(inputs, analyzer, opt, [&](const corpus::RecordResult& rec) {
    c.records.push_back(rec);
    return Status();
  });
  REQUIRE(r.ok());
  c.summary = std::move(r).value();
  return c;
}

}  // namespace

TEST_CASE("corpus: malformed lines give one record each, with the right error", "[corpus]") {
  fs::path dir = temp_dir("malformed");
  std::string big;  // a 20 MB article of plain narration
  const std::string sentence = "The committee met again on Thursday morning to review the harbour plans. ";
  while (big.size() < 20u << 20) big += sentence;
  big += "Harbour master Ines Varga said the plans were final.";
  std::string corpus_text = jsonl_record("ok1", kTexts[0], "Daily Ledger") +  // 1
                            "{\"text\": not json\n" +                          // 2 bad JSON
                            "{\"title\": \"no text here\"}\n" +                // 3 missing text
                            "{\"text\": \"bad \xC3\x28 byte\"}\n" +            // 4 invalid UTF-8
                            "\n" +                                              // 5 empty
                            "[\"an\", \"array\"]\n" +                           // 6 not an object
                            jsonl_record("big", big) +                          // 7 20 MB article
                            "{\"text\": 42}\n" +                                // 8 text not a string
                            jsonl_record("ok2", kTexts[1]);                     // 9, no final newline below
  corpus_text.pop_back();
  write(dir / "mixed.jsonl", corpus_text);

  corpus::CorpusOptions opt;
  opt.threads = 2;
  opt.echo_sections = false;
  Collected c = run_lib({(dir / "mixed.jsonl").string()}, opt);
  REQUIRE(c.records.size() == 9);
  using E = corpus::RecordError;
  const std::vector<E> expected = {E::kNone,      E::kBadJson,   E::kMissingText, E::kInvalidUtf8, E::kEmptyLine,
                                   E::kNotObject, E::kNone,      E::kMissingText, E::kNone};
  for (size_t i = 0; i < expected.size(); ++i) {
    INFO("line " << i + 1 << ": " << c.records[i].message);
    CHECK(c.records[i].line == i + 1);
    CHECK(c.records[i].error == expected[i]);
    json j = json::parse(c.records[i].output);  // every record is one JSON line
    if (expected[i] == E::kNone) {
      CHECK(j.contains("attributions"));
    } else {
      CHECK(j["kind"] == corpus::to_string(expected[i]));
      CHECK(j["line"] == i + 1);
      CHECK(j["path"] == (dir / "mixed.jsonl").string());
      CHECK(!j["error"].get<std::string>().empty());
    }
  }
  CHECK(c.records[6].attributions >= 1);  // the harbour master at the end of 20 MB
  CHECK(c.summary.inputs == 9);
  CHECK(c.summary.analysed == 3);
  CHECK(c.summary.errors == 6);
  CHECK(c.summary.outputs == 9);
  CHECK(c.summary.by_error[static_cast<size_t>(E::kMissingText)] == 2);
  fs::remove_all(dir);
}

TEST_CASE("corpus: output order equals input order with several threads", "[corpus]") {
  fs::path dir = temp_dir("order");
  std::string text;
  const size_t n = 300;
  for (size_t i = 0; i < n; ++i) {
    // Long and short records alternate so workers finish out of order.
    std::string body = kTexts[i % kTexts.size()];
    if (i % 7 == 0)
      for (int k = 0; k < 40; ++k) body += kTexts[(i + k) % kTexts.size()];
    text += jsonl_record("r" + std::to_string(i), body);
  }
  write(dir / "order.jsonl", text);
  for (unsigned threads : {1u, 4u}) {
    corpus::CorpusOptions opt;
    opt.threads = threads;
    opt.window = 5;
    opt.echo_sections = false;
    Collected c = run_lib({(dir / "order.jsonl").string()}, opt);
    REQUIRE(c.records.size() == n);
    for (size_t i = 0; i < n; ++i) {
      CHECK(c.records[i].index == i);
      CHECK(json::parse(c.records[i].output)["document"]["path"] == "r" + std::to_string(i));
    }
  }
  fs::remove_all(dir);
}

TEST_CASE("corpus: the same attributions as single-article analyze", "[corpus][cli]") {
  fs::path dir = temp_dir("same");
  std::string jsonl;
  std::string files;
  for (size_t i = 0; i < kTexts.size(); ++i) {
    fs::path p = dir / ("a" + std::to_string(i) + ".txt");
    write(p, kTexts[i]);
    files += " " + p.string();
    jsonl += jsonl_record("a" + std::to_string(i), kTexts[i]);
  }
  write(dir / "c.jsonl", jsonl);
  REQUIRE(run(cli() + " analyze --format jsonl" + files + " -o " + (dir / "single.jsonl").string()) == 0);
  REQUIRE(run(cli() + " corpus --threads 3 " + (dir / "c.jsonl").string() + " -o " + (dir / "corpus.jsonl").string() +
              " 2>/dev/null") == 0);
  auto single = lines_of(slurp(dir / "single.jsonl"));
  auto many = lines_of(slurp(dir / "corpus.jsonl"));
  REQUIRE(single.size() == kTexts.size());
  REQUIRE(many.size() == kTexts.size());
  size_t attributions = 0;
  for (size_t i = 0; i < kTexts.size(); ++i) {
    json a = json::parse(single[i]), b = json::parse(many[i]);
    CHECK(a["attributions"] == b["attributions"]);
    CHECK(a["entities"] == b["entities"]);
    CHECK(a["echoes"] == b["echoes"]);
    CHECK(b["document"]["path"] == "a" + std::to_string(i));
    CHECK(b["corpus"]["line"] == i + 1);
    attributions += a["attributions"].size();
  }
  CHECK(attributions >= kTexts.size());
  fs::remove_all(dir);
}

TEST_CASE("corpus: gzip input reads like the plain file", "[corpus]") {
  fs::path dir = temp_dir("gzip");
  std::string jsonl;
  for (size_t i = 0; i < kTexts.size(); ++i) jsonl += jsonl_record("g" + std::to_string(i), kTexts[i]);
  write(dir / "plain.jsonl", jsonl);
  gzFile gz = gzopen((dir / "packed.jsonl.gz").c_str(), "wb");
  REQUIRE(gz);
  REQUIRE(gzwrite(gz, jsonl.data(), static_cast<unsigned>(jsonl.size())) == static_cast<int>(jsonl.size()));
  gzclose(gz);
  REQUIRE(slurp(dir / "packed.jsonl.gz").substr(0, 2) == "\x1f\x8b");
  corpus::CorpusOptions opt;
  opt.threads = 2;
  Collected plain = run_lib({(dir / "plain.jsonl").string()}, opt);
  Collected packed = run_lib({(dir / "packed.jsonl.gz").string()}, opt);
  REQUIRE(plain.records.size() == kTexts.size());
  REQUIRE(packed.records.size() == kTexts.size());
  for (size_t i = 0; i < kTexts.size(); ++i) {
    json a = json::parse(plain.records[i].output), b = json::parse(packed.records[i].output);
    CHECK(a["attributions"] == b["attributions"]);
    CHECK(b["document"]["path"] == "g" + std::to_string(i));
  }
  // A missing input is one error record, and the rest still runs.
  Collected missing = run_lib({(dir / "nope.jsonl.gz").string(), (dir / "plain.jsonl").string()}, opt);
  REQUIRE(missing.records.size() == kTexts.size() + 1);
  CHECK(missing.records[0].error == corpus::RecordError::kUnreadable);
  fs::remove_all(dir);
}

TEST_CASE("corpus: HTML ingest keeps the body, drops nav, footer, scripts and comments", "[corpus]") {
  const std::string page =
      "<!doctype html><html><head><title>Harbour</title><style>p{color:red}</style>"
      "<script>var said = \"tracking said nothing\";</script></head><body>"
      "<nav><a href=/>Home</a> Politics said menu</nav>"
      "<header>Site banner text</header>"
      "<article><h1>Harbour plans approved</h1>"
      "<p>&ldquo;We will not go back until the contract is signed,&rdquo; union leader Maria Okafor said on Tuesday.</p>"
      "<p>The council  voted\n 7 to 2.<br>Work starts in June.</p>"
      "<aside>Read more: unrelated story</aside>"
      "<div class=\"comments-section\"><p>Reader Bob said this is wrong.</p></div>"
      "<script>console.log('inline')</script></article>"
      "<footer>Copyright 2024 The Ledger</footer></body></html>";
  std::string text = corpus::extract_html_text(page);
  CHECK(text.find("Harbour plans approved") != std::string::npos);
  CHECK(text.find("\u201CWe will not go back until the contract is signed,\u201D union leader Maria Okafor said") !=
        std::string::npos);
  CHECK(text.find("The council voted 7 to 2.\nWork starts in June.") != std::string::npos);
  for (const char* dropped : {"Home", "menu", "banner", "tracking", "color", "unrelated", "Bob", "console", "Copyright"})
    CHECK(text.find(dropped) == std::string::npos);
  CHECK(text.find("\n\n") != std::string::npos);  // paragraphs stay apart

  fs::path dir = temp_dir("html");
  write(dir / "page.html", page);
  corpus::CorpusOptions opt;
  opt.threads = 1;
  Collected c = run_lib({(dir / "page.html").string()}, opt);
  REQUIRE(c.records.size() == 1);
  json j = json::parse(c.records[0].output);
  CHECK(j["corpus"]["offsets"].get<std::string>().find("extracted") != std::string::npos);
  REQUIRE(j["attributions"].size() >= 1);
  // Offsets slice the extracted text.
  auto content = j["attributions"][0]["content"];
  CHECK(text.substr(content["start"].get<size_t>(), content["end"].get<size_t>() - content["start"].get<size_t>()) ==
        content["text"].get<std::string>());
  // Hostile nesting does not overflow the stack.
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<div>";
  deep += "Deep text said nothing.";
  CHECK(corpus::extract_html_text(deep).find("Deep text") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("corpus: --resume after a killed run gives the same output", "[corpus][cli]") {
  fs::path dir = temp_dir("resume");
  std::string jsonl;
  for (size_t i = 0; i < 24; ++i) jsonl += jsonl_record("r" + std::to_string(i), kTexts[i % kTexts.size()]);
  jsonl += "not json\n";
  write(dir / "c.jsonl", jsonl);
  std::string in = (dir / "c.jsonl").string(), out = (dir / "out.jsonl").string();
  REQUIRE(run(cli() + " corpus --threads 2 " + in + " -o " + out + " 2>/dev/null") == 0);
  std::string full = slurp(out);
  REQUIRE(lines_of(full).size() == 25);
  CHECK(!fs::exists(out + ".partial"));
  // Simulate a kill: 10 complete records and half of the 11th in OUT.partial.
  size_t cut = 0;
  for (int k = 0; k < 10; ++k) cut = full.find('\n', cut) + 1;
  write(out + ".partial", full.substr(0, cut + 40));
  fs::remove(out);
  REQUIRE(run(cli() + " corpus --resume --threads 2 " + in + " -o " + out + " 2>/dev/null") == 0);
  CHECK(slurp(out) == full);
  // Usage errors.
  CHECK(run(cli() + " corpus --resume " + in + " 2>/dev/null") == 1);
  fs::remove_all(dir);
}

TEST_CASE("corpus: merge of partial graphs equals the graph of the whole", "[corpus][cli]") {
  fs::path dir = temp_dir("merge");
  std::vector<std::string> parts(3);
  std::string whole;
  for (size_t i = 0; i < 18; ++i) {
    std::string rec = jsonl_record("m" + std::to_string(i), kTexts[i % kTexts.size()], i % 2 ? "Daily Ledger" : "");
    parts[i % 3] += rec;
    whole += rec;
  }
  write(dir / "whole.jsonl", whole);
  std::string part_graphs;
  for (size_t p = 0; p < parts.size(); ++p) {
    std::string name = "p" + std::to_string(p);
    write(dir / (name + ".jsonl"), parts[p]);
    REQUIRE(run(cli() + " corpus --threads 2 " + (dir / (name + ".jsonl")).string() + " -o " + (dir / (name + ".out")).string() + " --graph " +
                (dir / (name + ".json")).string() + " 2>/dev/null") == 0);
    part_graphs += " " + (dir / (name + ".json")).string();
  }
  REQUIRE(run(cli() + " corpus --threads 2 " + (dir / "whole.jsonl").string() + " --graph " +
              (dir / "whole.json").string() + " >/dev/null 2>/dev/null") == 0);
  REQUIRE(run(cli() + " merge" + part_graphs + " -o " + (dir / "merged.json").string()) == 0);
  auto whole_graph = graph::from_json(slurp(dir / "whole.json"), "whole.json");
  auto merged = graph::from_json(slurp(dir / "merged.json"), "merged.json");
  REQUIRE(whole_graph.ok());
  REQUIRE(merged.ok());
  CHECK(whole_graph.value().nodes.size() > 5);
  CHECK(merged.value() == whole_graph.value());
  CHECK(slurp(dir / "merged.json") == slurp(dir / "whole.json"));
  // A broken part is an input error and nothing is written.
  write(dir / "broken.json", "{\"nodes\": [");
  CHECK(run(cli() + " merge" + part_graphs + " " + (dir / "broken.json").string() + " -o " +
            (dir / "never.json").string() + " 2>/dev/null") == 2);
  CHECK(!fs::exists(dir / "never.json"));
  fs::remove_all(dir);
}

TEST_CASE("corpus: a chunk on standard input with --stdin-name and --stdin-first-line reads as the whole file",
          "[corpus][cli]") {
  // What contrib/dask does with a range of a large file: the chunks' records and
  // graphs, concatenated and merged, equal those of the whole file.
  fs::path dir = temp_dir("stdin_chunk");
  std::string whole;
  size_t cut = 0;
  for (size_t i = 0; i < 12; ++i) {
    if (i == 7) cut = whole.size();
    whole += i == 9 ? std::string("{broken\n") : jsonl_record(i % 2 ? "" : "s" + std::to_string(i), kTexts[i % kTexts.size()]);
  }
  std::string in = (dir / "whole.jsonl").string();
  write(in, whole);
  write(dir / "a.part", whole.substr(0, cut));
  write(dir / "b.part", whole.substr(cut));
  REQUIRE(run(cli() + " corpus --threads 2 " + in + " -o " + (dir / "whole.out").string() + " --graph " +
              (dir / "whole.json").string() + " 2>/dev/null") == 0);
  auto chunk = [&](const std::string& name, int first_line) {
    return run(cli() + " corpus --threads 1 --stdin-name " + in + " --stdin-first-line " + std::to_string(first_line) +
               " - -o " + (dir / (name + ".out")).string() + " --graph " + (dir / (name + ".json")).string() + " < " +
               (dir / (name + ".part")).string() + " 2>/dev/null");
  };
  REQUIRE(chunk("a", 1) == 0);
  REQUIRE(chunk("b", 8) == 0);
  std::string records = slurp(dir / "a.out") + slurp(dir / "b.out");
  CHECK(records == slurp(dir / "whole.out"));
  CHECK_THAT(records, Catch::Contains("\"path\":\"" + in + ":8\""));             // line 8: no id, named FILE:LINE
  CHECK_THAT(records, Catch::Contains("\"path\":\"" + in + "\",\"line\":10}"));  // line 10: the error record
  REQUIRE(run(cli() + " merge " + (dir / "a.json").string() + " " + (dir / "b.json").string() + " -o " +
              (dir / "merged.json").string()) == 0);
  CHECK(slurp(dir / "merged.json") == slurp(dir / "whole.json"));
  // Without the options, records name standard input "-" and count from 1.
  REQUIRE(run(cli() + " corpus --threads 1 - < " + (dir / "b.part").string() + " > " + (dir / "plain.out").string() +
              " 2>/dev/null") == 0);
  CHECK_THAT(slurp(dir / "plain.out"), Catch::Contains("\"path\":\"-:1\""));
  CHECK_THAT(slurp(dir / "plain.out"), Catch::Contains("\"path\":\"-\",\"line\":3}"));
  CHECK(run(cli() + " corpus --stdin-first-line 0 - < /dev/null 2>/dev/null") == 1);
  fs::remove_all(dir);
}
