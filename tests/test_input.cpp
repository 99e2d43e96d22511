// One input layer for every subcommand (cli/input.cpp, corpus::read_documents):
// each subcommand on an HTML page, its .gz, a JSONL file, a directory and
// standard input; refused formats; sniffing and --input-format. Invented pages.
#include <zlib.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli_run.hpp"
#include "quotegraph/corpus.hpp"
#include "quotegraph/line_reader.hpp"

namespace fs = std::filesystem;
using qg_test::run_cli;

namespace {

const char* kPage =
    "<!doctype html><html lang=en><head><title>Harbour to be rebuilt | The Ledger</title>"
    "<meta property=\"og:site_name\" content=\"The Ledger\"><meta name=author content=\"Jane Roe\">"
    "<meta property=\"article:published_time\" content=\"2024-03-04T08:00:00Z\">"
    "<link rel=canonical href=\"https://ledger.example/harbour\"></head><body>"
    "<nav><a href=/>Home</a> <a href=/s>Subscribe</a> <a href=/i>Sign In</a></nav>"
    "<article><h1>Harbour to be rebuilt</h1>"
    "<p>&ldquo;We will rebuild the harbour, whatever it costs,&rdquo; Mayor Ana Ruiz said on Monday, after the "
    "storm.</p><p>The council, which met late into the night, agreed with her. &ldquo;There is no other way,&rdquo; "
    "said councillor Tom Reyes.</p></article>"
    "<aside class=trending><p>Popular Videos: a dog, a cat, and a boat on the river.</p></aside></body></html>\n";

const char* kJsonl =
    "{\"id\":\"r1\",\"source\":\"Daily\",\"text\":\"\\\"Taxes will fall,\\\" Finance Minister Lee Park said on "
    "Tuesday.\"}\n"
    "{\"id\":\"r2\",\"source\":\"Weekly\",\"text\":\"\\\"Taxes will rise,\\\" opposition leader Mia Stone said on "
    "Wednesday.\"}\n";

struct Fixture {
  fs::path dir;
  std::string html, gz, jsonl, tree;

  Fixture() {
    dir = fs::temp_directory_path() / ("qg_input_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir / "tree" / "sub");
    html = write("page.html", kPage);
    gz = (dir / "page.html.gz").string();
    gzFile f = gzopen(gz.c_str(), "wb");
    REQUIRE(f);
    gzwrite(f, kPage, static_cast<unsigned>(std::string(kPage).size()));
    gzclose(f);
    jsonl = write("articles.jsonl", kJsonl);
    write("tree/a.txt", "\"The bridge is safe,\" engineer Sam Cole said.\n");
    write("tree/sub/b.html", kPage);
    write("tree/sub/c.ndjson", kJsonl);
    write("tree/.hidden.txt", "\"Never read this,\" a Hidden Person said.\n");
    tree = (dir / "tree").string();
  }
  ~Fixture() { fs::remove_all(dir); }

  std::string write(const std::string& name, const std::string& bytes) const {
    std::ofstream(dir / name, std::ios::binary) << bytes;
    return (dir / name).string();
  }
};

std::string q(const std::string& s) { return "'" + s + "'"; }

bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

// What any reading of the page must show: the speakers, no chrome, no markup.
void check_page(const std::string& out, const std::string& what) {
  INFO(what << " output:\n" << out.substr(0, 2000));
  CHECK(has(out, "Ana Ruiz"));
  CHECK_FALSE(has(out, "Popular Videos"));
  CHECK_FALSE(has(out, "Sign In"));
  CHECK_FALSE(has(out, "lang=en"));
}

void check_jsonl(const std::string& out, const std::string& what) {
  INFO(what << " output:\n" << out.substr(0, 2000));
  CHECK(has(out, "Lee Park"));
  CHECK(has(out, "Mia Stone"));
  CHECK_FALSE(has(out, "{\"id\":\"r1\""));  // the record is not read as text
  CHECK_FALSE(has(out, "\\\"text\\\""));   // nor its keys as scare quotes
}

}  // namespace

TEST_CASE("input cli: every subcommand reads HTML, .html.gz, JSONL, a directory and standard input",
          "[input][cli]") {
  Fixture fx;
  // The subcommands and how each names its speakers in default output (graph:
  // node labels; echo: json lists its inputs by path, so the speakers are
  // checked through the input count).
  const std::vector<std::string> commands = {"analyze", "graph", "stats", "report", "corpus", "extract"};
  for (const std::string& cmd : commands) {
    std::string out;
    INFO(cmd);
    REQUIRE(run_cli(cmd + " " + q(fx.html), &out) == 0);
    check_page(out, cmd + " .html");
    REQUIRE(run_cli(cmd + " " + q(fx.gz), &out) == 0);
    check_page(out, cmd + " .html.gz");
    REQUIRE(run_cli(cmd + " - < " + q(fx.html), &out) == 0);
    check_page(out, cmd + " stdin");
    REQUIRE(run_cli(cmd + " " + q(fx.jsonl), &out) == 0);
    if (cmd == "extract") {
      CHECK(has(out, "Finance Minister Lee Park said"));
    } else {
      check_jsonl(out, cmd + " .jsonl");
    }
    REQUIRE(run_cli(cmd + " " + q(fx.tree), &out) == 0);
    CHECK(has(out, "Sam Cole"));
    CHECK(has(out, "Ana Ruiz"));
    CHECK(has(out, "Mia Stone"));
    CHECK_FALSE(has(out, "Hidden Person"));  // hidden files are skipped
  }

  // echo: one input per article.
  std::string out;
  REQUIRE(run_cli("echo " + q(fx.html) + " " + q(fx.gz), &out) == 0);
  CHECK(has(out, "(2 inputs)"));
  REQUIRE(run_cli("echo --format json " + q(fx.tree), &out) == 0);
  auto j = nlohmann::json::parse(out);
  REQUIRE(j["inputs"].size() == 4);  // a.txt, r1, r2 (by id), b.html
  CHECK(j["inputs"][2]["path"] == "r1");  // sorted: a.txt, sub/b.html, sub/c.ndjson
  REQUIRE(run_cli("echo --format json - < " + q(fx.jsonl), &out) == 0);
  CHECK(nlohmann::json::parse(out)["inputs"].size() == 2);
  REQUIRE(run_cli("echo --format json " + q(fx.jsonl), &out) == 0);
  CHECK(nlohmann::json::parse(out)["inputs"].size() == 2);
  REQUIRE(run_cli("echo - < " + q(fx.html), &out) == 0);
  CHECK(has(out, "(1 input)"));

  // diff needs two articles: two pages, the JSONL's two records, the tree, stdin with a file.
  REQUIRE(run_cli("diff " + q(fx.html) + " " + q(fx.gz), &out) == 0);
  CHECK(has(out, "The Ledger"));  // the page's site name names its outlet
  REQUIRE(run_cli("diff " + q(fx.jsonl), &out) == 0);
  CHECK(has(out, "Daily"));
  CHECK(has(out, "Weekly"));
  REQUIRE(run_cli("diff " + q(fx.tree), &out) == 0);
  CHECK(has(out, "Ana Ruiz"));
  REQUIRE(run_cli("diff - " + q(fx.jsonl) + " < " + q(fx.html), &out) == 0);
  CHECK(has(out, "Ana Ruiz"));
}

TEST_CASE("input cli: --glob filters a directory; JSONL records are named by id or FILE:LINE", "[input][cli]") {
  Fixture fx;
  std::string out;
  REQUIRE(run_cli("stats --glob '*.html' " + q(fx.tree), &out) == 0);
  CHECK(has(out, "1 document(s)"));
  REQUIRE(run_cli("stats " + q(fx.tree), &out) == 0);
  CHECK(has(out, "4 document(s)"));
  CHECK(run_cli("stats --glob '*.pdf' " + q(fx.tree), &out) == 2);
  CHECK(has(out, "is a directory with no files matching *.pdf"));

  std::string noid = fx.write("noid.jsonl", "{\"text\":\"\\\"Yes,\\\" Ana Ruiz said.\"}\n\n{\"text\":\"\\\"No,\\\" Tom Reyes said.\"}\n");
  REQUIRE(run_cli("analyze --format jsonl " + q(noid), &out) == 0);
  CHECK(has(out, "\"path\":\"" + noid + ":1\""));
  CHECK(has(out, "\"path\":\"" + noid + ":3\""));
  std::string bad = fx.write("bad.jsonl", "{\"id\":\"ok\",\"text\":\"\\\"Yes,\\\" Ana Ruiz said.\"}\nnot json\n");
  CHECK(run_cli("analyze --format jsonl " + q(bad), &out) == 2);
  CHECK(has(out, bad + ":2: "));
  CHECK(has(out, "\"path\":\"ok\""));
}

TEST_CASE("input cli: quotegraph's own output fed back is named as such", "[input][cli]") {
  Fixture fx;
  std::string out;
  std::string analysed = (fx.dir / "out.jsonl").string();
  REQUIRE(run_cli("corpus " + q(fx.jsonl) + " -o " + q(analysed), &out) == 0);
  CHECK(run_cli("stats " + q(analysed), &out) == 2);
  CHECK(has(out, analysed + ":1: a quotegraph analysis record, not an article"));
}

TEST_CASE("input cli: standard input is sniffed, --input-format forces", "[input][cli]") {
  Fixture fx;
  std::string out;
  // HTML piped to corpus is one page, not one bad-JSON record per line.
  REQUIRE(run_cli("corpus - < " + q(fx.html), &out) == 0);
  CHECK(has(out, "1 records read = 1 analysed + 0 errors"));
  REQUIRE(run_cli("stats - < " + q(fx.jsonl), &out) == 0);
  CHECK(has(out, "2 document(s)"));
  std::string text = fx.write("story.txt", "\"Plain text stays text,\" Ana Ruiz said.\n");
  REQUIRE(run_cli("analyze - < " + q(text), &out) == 0);
  CHECK(has(out, "Ana Ruiz"));
  // A page saved without an extension: its doctype says HTML.
  std::string noext = fx.write("saved-page", kPage);
  REQUIRE(run_cli("extract " + q(noext), &out) == 0);
  CHECK_FALSE(has(out, "<"));
  // Forced: the page read as text keeps its markup; JSONL read as text is one article.
  REQUIRE(run_cli("extract --input-format text " + q(fx.html), &out) == 0);
  CHECK(has(out, "<nav>"));
  REQUIRE(run_cli("stats --input-format text " + q(fx.jsonl), &out) == 0);
  CHECK(has(out, "1 document(s)"));
  REQUIRE(run_cli("stats --input-format jsonl - < " + q(fx.jsonl), &out) == 0);
  CHECK(has(out, "2 document(s)"));
  CHECK(run_cli("stats --input-format pdf " + q(fx.jsonl), &out) == 1);  // usage error
}

TEST_CASE("input cli: PDF, DOCX, ZIP and UTF-16 are refused on every subcommand, naming the format and the fix",
          "[input][cli]") {
  Fixture fx;
  struct Refused {
    std::string name, bytes, message;
  };
  const std::vector<Refused> cases = {
      {"a.pdf", "%PDF-1.4\n1 0 obj\n", "is a PDF document, not text, HTML or JSONL; convert it to text first: pdftotext"},
      {"a.docx", std::string("PK\3\4\x14\0\6\0", 8) + "word/document.xml", "is a Word document (DOCX)"},
      {"a.zip", std::string("PK\3\4\x14\0\0\0", 8) + "story.txt", "is a ZIP archive, not text, HTML or JSONL; unpack it"},
      {"a.txt", std::string("\xFF\xFE\"\0O\0k\0", 8), "is UTF-16 text, not text, HTML or JSONL; convert it to UTF-8 first: iconv"},
      // The name says HTML; the bytes say otherwise.
      {"b.html", "%PDF-1.4\n", "is a PDF document"},
  };
  for (const Refused& c : cases) {
    std::string p = fx.write(c.name, c.bytes);
    for (const char* cmd : {"analyze", "graph", "stats", "echo", "report", "corpus", "extract"}) {
      std::string out;
      int rc = run_cli(std::string(cmd) + " " + q(p), &out);
      INFO(cmd << " " << c.name << ": " << out);
      CHECK(has(out, p + ": " + c.message));
      CHECK(rc == 2);
    }
    std::string out;
    CHECK(run_cli("diff " + q(p) + " " + q(fx.html) + " " + q(fx.gz), &out) == 2);
    CHECK(has(out, c.message));
    CHECK(run_cli("analyze - < " + q(p), &out) == 2);
    CHECK(has(out, "-: " + c.message));
    // eval's annotated article is read the same way (the gold is not reached).
    std::string gold = fx.write("refused.gold.json", "{\"attributions\": []}");
    CHECK(run_cli("eval --gold " + q(gold) + " --text " + q(p), &out) == 2);
    CHECK(has(out, p + ": " + c.message));
  }
}

TEST_CASE("input cli: eval reads its annotated article plain or gzipped, offsets unchanged", "[input][cli]") {
  Fixture fx;
  const std::string seed = std::string(QG_SOURCE_DIR) + "/seeds/000_1af91efddab21499";
  std::string plain_out, gz_out;
  REQUIRE(run_cli("eval --gold " + q(seed + ".gold.json") + " --text " + q(seed + ".txt"), &plain_out) == 0);
  std::ifstream in(seed + ".txt", std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::string gz = (fx.dir / "seed.txt.gz").string();
  gzFile f = gzopen(gz.c_str(), "wb");
  REQUIRE(f);
  gzwrite(f, text.data(), static_cast<unsigned>(text.size()));
  gzclose(f);
  REQUIRE(run_cli("eval --gold " + q(seed + ".gold.json") + " --text " + q(gz), &gz_out) == 0);
  auto summary = [](const std::string& out) { return out.substr(out.find("SUMMARY")); };
  REQUIRE(has(plain_out, "SUMMARY content_f1="));
  CHECK(summary(gz_out) == summary(plain_out));
}

TEST_CASE("input: sniff_format and expand_inputs", "[input]") {
  using quotegraph::corpus::InputFormat;
  using quotegraph::corpus::sniff_format;
  CHECK(sniff_format("\xEF\xBB\xBF  <!-- saved --> <!DOCTYPE html><p>x", "p").value() == InputFormat::kHtml);
  CHECK(sniff_format("<div class=x>Text</div>", "p").value() == InputFormat::kHtml);
  CHECK(sniff_format("\n{\"text\": \"a\"}\n", "p").value() == InputFormat::kJsonl);
  CHECK(sniff_format("The mayor said <b> is a tag.", "p").value() == InputFormat::kText);
  CHECK(sniff_format("", "p").value() == InputFormat::kText);
  auto refused = sniff_format(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8), "old.doc");
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.status().message().find("old.doc: is a legacy Office document") == 0);
  // Every refused format names itself and the fix.
  struct Refused {
    std::string bytes, message;
  };
  const std::vector<Refused> others = {
      {"{\\rtf1\\ansi", "x: is an RTF document, not text, HTML or JSONL; convert it to text first: unrtf"},
      {"\x89PNG\r\n", "x: is an image, not text, HTML or JSONL; quotegraph reads article text; run OCR"},
      {std::string("\xFF\xD8\xFF\xE0", 4), "x: is an image"},
      {std::string("PK\3\4\x14\0\0\0", 8) + "mimetypeapplication/vnd.oasis.opendocument.text",
       "x: is an OpenDocument file (ODT), not text, HTML or JSONL; convert it to text first: libreoffice"},
      {std::string("\xFF\xFE\0\0\"\0\0\0", 8), "x: is UTF-32 text, not text, HTML or JSONL; convert it to UTF-8 first: iconv -f UTF-32"},
      {std::string("\x1F\x8B\x08\0", 4), "x: is gzip-compressed twice, not text, HTML or JSONL; decompress it once first: gunzip"},
      {std::string("\"\0O\0k\0,\0\"\0 \0", 12), "x: is UTF-16 text (no byte-order mark), not text, HTML or JSONL; convert it to UTF-8 first: iconv -f UTF-16LE"},
      {std::string("ELF\0\x02\x01\x01\0\0\0\0\0\0\0\0\0junk", 20), "x: is a binary file (NUL byte at offset 3), not text, HTML or JSONL; give the article as UTF-8 text, HTML or JSONL"},
  };
  for (const Refused& r : others) {
    auto st = sniff_format(r.bytes, "x");
    INFO(r.message);
    REQUIRE_FALSE(st.ok());
    CHECK(st.status().message().find(r.message) == 0);
  }

  Fixture fx;
  auto files = quotegraph::corpus::expand_inputs({fx.tree, "-", fx.html}, "");
  REQUIRE(files.ok());
  std::vector<std::string> want = {fx.tree + "/a.txt", fx.tree + "/sub/b.html", fx.tree + "/sub/c.ndjson", "-",
                                   fx.html};
  CHECK(files.value() == want);
  auto globbed = quotegraph::corpus::expand_inputs({fx.tree, fx.jsonl}, "*.html");
  REQUIRE(globbed.ok());
  CHECK(globbed.value() == std::vector<std::string>{fx.tree + "/sub/b.html", fx.jsonl});  // a named file stays
}

TEST_CASE("extract cli: the text analyze's offsets index, and the page's metadata as JSONL", "[input][cli]") {
  Fixture fx;
  std::string text, json;
  REQUIRE(run_cli("extract " + q(fx.html), &text) == 0);
  REQUIRE(run_cli("analyze --format json " + q(fx.html), &json) == 0);
  auto a = nlohmann::json::parse(json);
  REQUIRE(!a["attributions"].empty());
  for (const auto& t : a["attributions"]) {
    size_t start = t["content"]["start"], end = t["content"]["end"];
    CHECK(text.substr(start, end - start) == t["content"]["text"].get<std::string>());
  }
  std::string rec;
  REQUIRE(run_cli("extract --format jsonl " + q(fx.html), &rec) == 0);
  auto r = nlohmann::json::parse(rec);
  CHECK(r["title"] == "Harbour to be rebuilt | The Ledger");
  CHECK(r["byline"] == "Jane Roe");
  CHECK(r["date"] == "2024-03-04T08:00:00Z");
  CHECK(r["url"] == "https://ledger.example/harbour");
  CHECK(r["site_name"] == "The Ledger");
  CHECK(r["text"] == text);
  // JSON-LD is read too, and preferred for the byline and the date.
  std::string ld = fx.write(
      "ld.html",
      "<html><head><script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":[{\"@type\":"
      "\"NewsArticle\",\"headline\":\"Port reopens\",\"datePublished\":\"2024-05-06\",\"author\":[{\"@type\":"
      "\"Person\",\"name\":\"A. Writer\"},{\"name\":\"B. Writer\"}],\"publisher\":{\"name\":\"Port News\"}}]}"
      "</script><meta name=author content=\"Someone Else\"></head><body><p>&ldquo;Open,&rdquo; said the harbour "
      "master, a patient man, on Monday.</p></body></html>");
  REQUIRE(run_cli("extract --format jsonl " + q(ld), &rec) == 0);
  r = nlohmann::json::parse(rec);
  CHECK(r["title"] == "Port reopens");
  CHECK(r["byline"] == "A. Writer, B. Writer");
  CHECK(r["date"] == "2024-05-06");
  CHECK(r["site_name"] == "Port News");
  // corpus records carry the same metadata.
  REQUIRE(run_cli("corpus " + q(fx.html), &rec) == 0);
  auto c = nlohmann::json::parse(rec.substr(0, rec.find('\n')));
  CHECK(c["corpus"]["title"] == "Harbour to be rebuilt | The Ledger");
  CHECK(c["corpus"]["byline"] == "Jane Roe");
  CHECK(c["corpus"]["site_name"] == "The Ledger");
}

TEST_CASE("input: LineReader's reads, sized to the file, return every byte of small, boundary and gzip inputs",
          "[input]") {
  Fixture fx;
  // Lines of varying length so that some cross each read boundary (16 KiB and
  // up); sizes either side of one read; with and without a final newline.
  for (size_t size : {size_t{2}, size_t{16383}, size_t{16384}, size_t{16385}, size_t{40000}, size_t{300000}})
    for (bool final_newline : {true, false}) {
      std::string text;
      for (size_t i = 0; text.size() < size; ++i) text += std::string(1 + (i * 37) % 211, 'a' + i % 26) + "\n";
      text.resize(size);
      if (!final_newline && text.back() == '\n') text.back() = 'z';
      if (final_newline) text.back() = '\n';
      INFO("size " << size << (final_newline ? " with" : " without") << " a final newline");
      const std::string path = fx.write("sized.txt", text);
      quotegraph::corpus::LineReader lines;
      REQUIRE(lines.open(path).ok());
      CHECK(lines.peek(4096) == std::string_view(text).substr(0, 4096));
      std::string joined, line;
      while (lines.next(&line)) joined += line + "\n";
      if (!final_newline) joined.pop_back();
      CHECK(joined == text);
      quotegraph::corpus::LineReader whole;
      REQUIRE(whole.open(path).ok());
      auto all = whole.read_all();
      REQUIRE(all.ok());
      CHECK(all.value() == text);
      // Compressed, the file is far smaller than its text: more reads, same bytes.
      const std::string gz = (fx.dir / "sized.txt.gz").string();
      gzFile f = gzopen(gz.c_str(), "wb");
      REQUIRE(f);
      gzwrite(f, text.data(), static_cast<unsigned>(text.size()));
      gzclose(f);
      quotegraph::corpus::LineReader unzipped;
      REQUIRE(unzipped.open(gz).ok());
      auto unzipped_all = unzipped.read_all();
      REQUIRE(unzipped_all.ok());
      CHECK(unzipped_all.value() == text);
    }
}
