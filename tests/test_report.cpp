// Tests for the HTML report (src/report): escaping; the span-to-markup step on
// nested, crossing, identical, empty and clipped spans, multibyte text, and a
// randomised property check (well-formed, and the text survives); whole pages
// for the seed, a hostile article (<script> in a quote, markup in names and
// paths), an empty article and many files; the CLI (report, diff --format html).
// The live-DOM checks (highlights, colours, tooltip, no script execution) are
// tests/report/browser_test.py.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <random>
#include <set>

#include <re2/re2.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli_run.hpp"
#include "quotegraph/analyzer.hpp"
#include "quotegraph/io.hpp"
#include "quotegraph/report.hpp"
#include "report/internal.hpp"
#include "report/markup.hpp"

using qg_test::run_cli;

using namespace quotegraph;
using report::Mark;

namespace {

const std::string kSeed = std::string(QG_SOURCE_DIR) + "/seeds/000_1af91efddab21499.txt";
const std::string kPier = std::string(QG_SOURCE_DIR) + "/tests/cases/diff/pier/";

const Analyzer& analyzer() {
  static const Analyzer a;
  return a;
}

const report::Reporter& reporter() {
  static const report::Reporter r;
  return r;
}

Analysis analyse_text(std::string text, std::string path) {
  auto a = analyzer().analyze(std::move(text), std::move(path));
  REQUIRE(a.ok());
  return std::move(a).value();
}

Analysis analyse(const std::string& path) {
  auto bytes = read_file(path);
  REQUIRE(bytes.ok());
  return analyse_text(std::move(bytes).value(), path);
}

std::string page(const std::vector<const Analysis*>& as, const std::vector<std::string>& outlets = {}) {
  std::vector<report::Article> articles;
  for (size_t i = 0; i < as.size(); ++i) articles.push_back({as[i], outlets.empty() ? "" : outlets[i], "", "", ""});
  auto html = reporter().render(articles);
  REQUIRE(html.ok());
  return std::move(html).value();
}

Mark mk(uint32_t start, uint32_t end, const std::string& name, int order = 0) {
  Mark m;
  m.span = {start, end};
  m.tag = "b";
  m.attributes = " id=\"" + name + "\"";
  m.continued = " class=\"" + name + "\"";
  m.order = order;
  return m;
}

size_t count(const std::string& s, const std::string& needle) {
  size_t n = 0;
  for (size_t i = s.find(needle); i != std::string::npos; i = s.find(needle, i + needle.size())) ++n;
  return n;
}

bool valid_utf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (len == 0 || i + len > s.size()) return false;
    for (size_t k = 1; k < len; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += len;
  }
  return true;
}

// A small HTML5 checker for what the report writes: every element closed in
// order (void elements and SVG's self-closing tags aside), script and style
// contents skipped, ids unique, every "#id" link resolving, attribute values
// quoted. Returns "" when the page passes, else what is wrong.
std::string check_html(const std::string& h) {
  static const std::set<std::string> kVoid = {"area", "base", "br", "col", "embed", "hr", "img", "input",
                                              "link", "meta", "source", "track", "wbr"};
  std::vector<std::string> stack;
  std::set<std::string> ids, hrefs;
  static const re2::RE2 kAttr(R"re(\s([a-zA-Z:-]+)(?:="([^"]*)")?)re");
  size_t i = 0;
  while ((i = h.find('<', i)) != std::string::npos) {
    if (h.compare(i, 4, "<!--") == 0) {
      i = h.find("-->", i);
      if (i == std::string::npos) return "unterminated comment";
      continue;
    }
    if (h.compare(i, 2, "<!") == 0) {  // DOCTYPE
      i = h.find('>', i);
      continue;
    }
    size_t end = h.find('>', i);
    if (end == std::string::npos) return "unterminated tag at " + std::to_string(i);
    std::string tag = h.substr(i + 1, end - i - 1);
    i = end + 1;
    if (tag.empty()) return "empty tag";
    if (tag[0] == '/') {
      std::string name = tag.substr(1);
      if (stack.empty() || stack.back() != name)
        return "</" + name + "> closes <" + (stack.empty() ? std::string("nothing") : stack.back()) + ">";
      stack.pop_back();
      continue;
    }
    size_t sp = tag.find_first_of(" \n/");
    std::string name = tag.substr(0, sp);
    if (tag.find('<') != std::string::npos) return "'<' inside tag <" + name + ">";
    re2::StringPiece rest(tag);
    std::string an, av;
    while (re2::RE2::FindAndConsume(&rest, kAttr, &an, &av)) {
      if (an == "id" && !ids.insert(av).second) return "duplicate id " + av;
      if (an == "href" && !av.empty() && av[0] == '#') hrefs.insert(av.substr(1));
    }
    bool self_closing = !tag.empty() && tag.back() == '/';
    if (kVoid.count(name) || self_closing) continue;
    if (name == "script" || name == "style") {
      size_t close = h.find("</" + name + ">", i);
      if (close == std::string::npos) return "unterminated <" + name + ">";
      i = close + name.size() + 3;
      continue;
    }
    stack.push_back(name);
  }
  if (!stack.empty()) return "<" + stack.back() + "> never closed";
  for (const std::string& target : hrefs)
    if (!ids.count(target)) return "link to missing #" + target;
  return "";
}

// The text of marked-up output: tags removed, the five escapes undone.
std::string strip_markup(const std::string& h) {
  std::string out;
  for (size_t i = 0; i < h.size();) {
    if (h[i] == '<') {
      i = h.find('>', i) + 1;
      continue;
    }
    if (h[i] == '&') {
      size_t semi = h.find(';', i);
      std::string ent = h.substr(i, semi - i + 1);
      out += ent == "&amp;" ? "&" : ent == "&lt;" ? "<" : ent == "&gt;" ? ">" : ent == "&quot;" ? "\"" : "'";
      i = semi + 1;
      continue;
    }
    out += h[i++];
  }
  return out;
}

}  // namespace

TEST_CASE("report: escape_html escapes the five characters, in text and attribute values alike", "[report]") {
  CHECK(report::escape_html("<script>alert(\"x\") & 'y'</script>") ==
        "&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;");
  CHECK(report::escape_html("") == "");
  CHECK(report::escape_html("Zoë “ça” 北京 😀\ttab\nline") == "Zoë “ça” 北京 😀\ttab\nline");
}

TEST_CASE("report: escape_html turns invalid UTF-8 and characters HTML forbids into U+FFFD", "[report]") {
  const std::string r = "\xEF\xBF\xBD";
  CHECK(report::escape_html("a\xFF" "b") == "a" + r + "b");
  CHECK(report::escape_html(std::string("a\0b", 3)) == "a" + r + "b");
  CHECK(report::escape_html("a\x01\x7F" "b") == "a" + r + r + "b");
  CHECK(report::escape_html("\xC2\x85") == r);          // C1 control NEL
  CHECK(report::escape_html("\xEF\xBF\xBE") == r);      // U+FFFE noncharacter
  CHECK(report::escape_html("\xC0\xAF") == r);          // overlong '/'
  CHECK(report::escape_html("\xED\xA0\x80") == r);      // a surrogate
  CHECK(report::escape_html("caf\xC3") == "caf" + r);   // cut multibyte sequence
  CHECK(valid_utf8(report::escape_html("\x80\x81\xFE\xF4\x90\x80\x80 ok")));
}

TEST_CASE("report: mark_up nests a content holding a nested attribution's speaker and cue", "[report]") {
  // ‘Blinken reiterated full support,’ Price said: the outer content holds the
  // inner speaker, cue and content; both contents end at the same byte.
  std::string text = "Blinken reiterated full support, Price said.";
  std::vector<Mark> marks = {mk(0, 31, "outer"), mk(0, 7, "speaker", 1), mk(8, 18, "cue", 2), mk(19, 31, "inner"),
                             mk(33, 38, "s2", 1), mk(39, 43, "c2", 2)};
  std::string h = report::mark_up(text, {0, static_cast<uint32_t>(text.size())}, marks);
  CHECK(h ==
        "<b id=\"outer\"><b id=\"speaker\">Blinken</b> <b id=\"cue\">reiterated</b> <b id=\"inner\">full support</b></b>"
        ", <b id=\"s2\">Price</b> <b id=\"c2\">said</b>.");
  CHECK(check_html(h).empty());
}

TEST_CASE("report: mark_up splits crossing spans into well-formed fragments, later ones carry `continued`", "[report]") {
  std::string text = "abcdefghij";
  std::string h = report::mark_up(text, {0, 10}, {mk(0, 6, "A"), mk(3, 9, "B")});
  CHECK(h == "<b id=\"A\">abc<b id=\"B\">def</b></b><b class=\"B\">ghi</b>j");
  // Three-way crossing: every fragment closes inside its parent.
  h = report::mark_up(text, {0, 10}, {mk(0, 4, "A"), mk(2, 7, "B"), mk(5, 10, "C")});
  CHECK(h == "<b id=\"A\">ab<b id=\"B\">cd</b></b><b class=\"B\">e<b id=\"C\">fg</b></b><b class=\"C\">hij</b>");
  CHECK(check_html(h).empty());
}

TEST_CASE("report: mark_up: identical spans nest by order, empty spans give empty elements, text is escaped", "[report]") {
  std::string text = "x <y> & z";
  std::string h = report::mark_up(text, {0, 9}, {mk(2, 5, "in", 2), mk(2, 5, "out", 0), mk(6, 6, "empty")});
  CHECK(h == "x <b id=\"out\"><b id=\"in\">&lt;y&gt;</b></b> <b id=\"empty\"></b>&amp; z");
  CHECK(report::mark_up("", {0, 0}, {}) == "");
  CHECK(report::mark_up("abc", {0, 3}, {}) == "abc");
}

TEST_CASE("report: mark_up clips marks to the range, a mark starting before it has only continued fragments", "[report]") {
  std::string text = "0123456789";
  std::string h = report::mark_up(text, {3, 8}, {mk(0, 5, "A"), mk(6, 12, "B"), mk(0, 2, "gone"), mk(8, 9, "gone2")});
  CHECK(h == "<b class=\"A\">34</b>5<b id=\"B\">67</b>");
}

TEST_CASE("report: mark_up keeps multibyte text intact when spans fall inside a code point", "[report]") {
  std::string text = "Zoë said “ça va” 😀 ok";
  // Byte 3 is inside "ë" (2 bytes at 2..4), byte 11 inside "“" (3 bytes), byte 24 inside the emoji.
  std::vector<Mark> marks = {mk(3, 11, "A"), mk(12, 24, "B"), mk(0, 3, "C")};
  std::string h = report::mark_up(text, {0, static_cast<uint32_t>(text.size())}, marks);
  CHECK(valid_utf8(h));
  CHECK(strip_markup(h) == text);
  CHECK(check_html(h).empty());
  CHECK(h.find("ë") != std::string::npos);
  CHECK(h.find("😀") != std::string::npos);
  // A range cut inside a code point widens to it rather than splitting it.
  CHECK(valid_utf8(report::mark_up(text, {3, 24}, {})));
}

TEST_CASE("report: mark_up on random overlapping spans: well-formed, text preserved, one first fragment per mark", "[report]") {
  std::mt19937 rng(1234);
  const std::vector<std::string> pieces = {"a", "b", " ", "é", "“", "”", "<", "&", "😀", "\n", "'"};
  for (int round = 0; round < 300; ++round) {
    std::string text;
    int n = std::uniform_int_distribution<int>(0, 40)(rng);
    for (int k = 0; k < n; ++k) text += pieces[rng() % pieces.size()];
    uint32_t size = static_cast<uint32_t>(text.size());
    std::vector<Mark> marks;
    int m = std::uniform_int_distribution<int>(0, 12)(rng);
    for (int k = 0; k < m; ++k) {
      uint32_t a = size ? rng() % (size + 1) : 0, b = size ? rng() % (size + 1) : 0;
      marks.push_back(mk(std::min(a, b), std::max(a, b), "m" + std::to_string(k), static_cast<int>(rng() % 3)));
    }
    std::string h = report::mark_up(text, {0, size}, marks);
    INFO("round " << round << ": " << h);
    REQUIRE(check_html(h).empty());
    REQUIRE(valid_utf8(h));
    REQUIRE(strip_markup(h) == text);
    for (int k = 0; k < m; ++k) REQUIRE(count(h, "id=\"m" + std::to_string(k) + "\"") == 1);
  }
}

TEST_CASE("report page of the seed: valid structure, one highlight per attribution, graph, tables", "[report]") {
  Analysis a = analyse(kSeed);
  std::string h = page({&a});
  INFO(check_html(h));
  CHECK(check_html(h).empty());
  CHECK(valid_utf8(h));
  CHECK(h.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0) == 0);
  // One focusable highlight per attribution, with its id.
  CHECK(count(h, "tabindex=\"0\"") == a.attributions.size());
  for (size_t i = 0; i < a.attributions.size(); ++i) CHECK(count(h, "id=\"c1-a" + std::to_string(i + 1) + "\"") == 1);
  // One colour class per speaker entity: the seed has 7 speakers.
  re2::StringPiece rest(h);
  int colour_classes = 0;
  while (re2::RE2::FindAndConsume(&rest, R"re(\.qg-sp\d+ \{ --c: #)re")) ++colour_classes;
  CHECK(colour_classes == 7);
  CHECK(count(h, "<svg") == 1);
  CHECK(count(h, "<script") == 1);  // the page's own
  CHECK(h.find("Not article body") != std::string::npos);
  CHECK(h.find("<?xml") == std::string::npos);
  CHECK(h.find("“peacekeeping”") != std::string::npos);
  CHECK(h.find("Antony J. Blinken → Ned Price (#9)") != std::string::npos);  // a10's relay chain
  // Deterministic.
  CHECK(page({&a}) == h);
}

TEST_CASE("report page: a <script> inside a quote, and markup in names and paths, stay text", "[report]") {
  Analysis a = analyse_text(
      "The mayor said: “<script>alert(1)</script> is not a plan & never was,” on Monday.\n\n"
      "“We will <img src=x onerror=alert(2)> fight this,” said Anna O’Neil, the city’s “chief” planner.\n",
      "dir/\"><svg onload=alert(3)>.txt");
  REQUIRE(a.attributions.size() >= 2);
  std::string h = page({&a}, {"Daily \"<b>\" & 'Co'"});
  CHECK(check_html(h).empty());
  CHECK(count(h, "<script") == 1);
  CHECK(count(h, "<img") == 0);
  CHECK(count(h, "<svg") == 1);  // the graph only
  CHECK(h.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(h.find("Daily &quot;&lt;b&gt;&quot; &amp; &#39;Co&#39;") != std::string::npos);
  CHECK(h.find("&lt;img src=x onerror=alert(2)&gt;") != std::string::npos);
  // Attribute values are escaped the same way.
  CHECK(report::detail::attr("title", "a\"b<c>'d&") == " title=\"a&quot;b&lt;c&gt;&#39;d&amp;\"");
}

TEST_CASE("report page of an empty or blank article", "[report]") {
  for (std::string text : {std::string(), std::string(" \n\n\t ")}) {
    Analysis a = analyse_text(text, "empty.txt");
    std::string h = page({&a});
    CHECK(check_html(h).empty());
    CHECK(count(h, "tabindex=\"0\"") == 0);
    CHECK(h.find("The article body is empty.") != std::string::npos);
    CHECK(h.find("No attributions found") != std::string::npos);
    CHECK(h.find("<title>quotegraph report: empty</title>") != std::string::npos);
  }
}

TEST_CASE("report page of many files: columns, aligned groups, findings, independent of argument order", "[report]") {
  std::vector<Analysis> as;
  for (const char* f : {"coastline_daily.txt", "harbor_times.txt", "valley_post.txt"}) as.push_back(analyse(kPier + f));
  as.push_back(analyse(kSeed));
  as.push_back(analyse_text("“Nothing to add,” a spokeswoman said.", "short.txt"));
  as.push_back(analyse_text("", "empty.txt"));
  std::vector<const Analysis*> fwd, rev;
  for (auto& a : as) fwd.push_back(&a);
  rev.assign(fwd.rbegin(), fwd.rend());
  std::string h = page(fwd);
  INFO(check_html(h));
  CHECK(check_html(h).empty());
  CHECK(page(rev) == h);
  size_t total = 0;
  for (auto& a : as) total += a.attributions.size();
  CHECK(count(h, "tabindex=\"0\"") == total);
  CHECK(count(h, "<article class=\"qg-article\"") == as.size());
  CHECK(h.find("id=\"findings\"") != std::string::npos);
  CHECK(h.find("misattribution") != std::string::npos);
  CHECK(h.find("data-qg-group=\"g1\"") != std::string::npos);
  // The pier's Lena Dahl is one aligned entity: one colour class in every column.
  re2::StringPiece rest(h);
  std::string cls;
  std::set<std::string> classes;
  while (re2::RE2::FindAndConsume(&rest, R"re(class="qg-swatch (qg-sp\d+)" aria-hidden="true"></span>Lena Dahl)re", &cls))
    classes.insert(cls);
  CHECK(classes.size() == 1);
}

TEST_CASE("report: to_html rejects what it cannot show", "[report]") {
  Analysis a = analyse_text("x", "x.txt");
  CHECK(report::to_html({}).status().code() == ErrorCode::kInvalidArgument);
  CHECK(report::to_html({{{nullptr, "", "", "", ""}}}).status().code() == ErrorCode::kInvalidArgument);
  diff::DiffReport other;
  other.inputs.push_back({"o", "x.txt", nullptr});
  CHECK(report::to_html({{{&a, "", "", "", ""}}, nullptr, &other}).status().code() == ErrorCode::kInvalidArgument);
  // Without the echo report and the graph the page is still whole.
  auto h = report::to_html({{{&a, "", "", "", ""}}}, report::ReportOptions{"A title", false});
  REQUIRE(h.ok());
  CHECK(check_html(h.value()).empty());
  CHECK(h.value().find("<svg") == std::string::npos);
  CHECK(h.value().find("<title>A title</title>") != std::string::npos);
}

namespace {


}  // namespace

TEST_CASE("report CLI: writes the page, exit codes, and diff --format html is the same page", "[report][cli]") {
  auto dir = std::filesystem::temp_directory_path() / ("qg_report_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::string out = (dir / "seed.html").string();
  auto r = run_cli("report " + kSeed + " -o " + out);
  CHECK(r.first == 0);
  auto written = read_file(out);
  REQUIRE(written.ok());
  Analysis a = analyse(kSeed);
  CHECK(written.value() == page({&a}));

  CHECK(run_cli("report /nonexistent/a.txt").first == 2);
  CHECK(run_cli("report --outlet X " + kSeed + " " + kSeed).first == 1);
  CHECK(run_cli("report").first == 1);

  std::string pier = kPier + "coastline_daily.txt " + kPier + "harbor_times.txt " + kPier + "valley_post.txt";
  auto report_page = run_cli("report " + pier);
  auto diff_page = run_cli("diff --format html " + pier);
  CHECK(report_page.first == 0);
  CHECK(diff_page.first == 0);
  CHECK(report_page.second == diff_page.second);
  CHECK(report_page.second.find("Differences between the outlets") != std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST_CASE("report page to share: no local folders, no internal ids or rule names in the visible text", "[report]") {
  // Paths as a user passes them: absolute, into the repository's folders.
  std::vector<Analysis> as;
  for (const char* f : {"coastline_daily.txt", "harbor_times.txt"}) as.push_back(analyse(kPier + f));
  Analysis seed = analyse(kSeed);
  for (const std::string& h : {page({&as[0], &as[1]}), page({&seed})}) {
    CHECK(h.find(std::string(QG_SOURCE_DIR)) == std::string::npos);
    CHECK(h.find("/tests/cases/") == std::string::npos);
    // The text between tags: statement numbers are "#3", never the "a3" ids;
    // rule names and entity ids stay in attributes.
    std::string visible;
    bool in_tag = false;
    for (char c : h) {
      if (c == '<') in_tag = true;
      else if (c == '>') in_tag = false, visible += ' ';
      else if (!in_tag) visible += c;
    }
    CHECK(!RE2::PartialMatch(visible, R"(\ba[0-9]+\b)"));
    CHECK(!RE2::PartialMatch(visible, R"(\(e[0-9]+, )"));
    CHECK(visible.find("(rule ") == std::string::npos);
  }
}

TEST_CASE("report page to share: each article's title, outlet, date and url link from its record", "[report]") {
  Analysis a = analyse_text("“We will rebuild the pier,” Mayor Lena Dahl said on Tuesday.", "/home/someone/work/a1b2c3.txt");
  Analysis b = analyse_text("Mayor Lena Dahl said the pier would be rebuilt.", "/home/someone/work/d4e5f6.txt");
  std::vector<report::Article> articles = {
      {&a, "Harbor Times", "Pier to be rebuilt, mayor says", "https://www.harbortimes.example/news/pier?id=7&x=1", "2016-03-01T12:00:00Z"},
      {&b, "Valley Post", "", "javascript:alert(1)", "March 2, 2016"}};
  auto made = reporter().render(articles);
  REQUIRE(made.ok());
  const std::string& h = made.value();
  INFO(check_html(h));
  CHECK(check_html(h).empty());
  // The record's headline titles the page and heads its column.
  CHECK(h.find("<title>quotegraph diff: Pier to be rebuilt, mayor says</title>") != std::string::npos);
  CHECK(h.find("<p class=\"qg-headline\">Pier to be rebuilt, mayor says</p>") != std::string::npos);
  // The date as a day, the full value machine-readable; the url as a link (escaped), shown without scheme.
  CHECK(h.find("<time datetime=\"2016-03-01T12:00:00Z\">2016-03-01</time>") != std::string::npos);
  CHECK(h.find("<a href=\"https://www.harbortimes.example/news/pier?id=7&amp;x=1\" rel=\"noopener noreferrer\">"
               "harbortimes.example/news/pier?id=7&amp;x=1</a>") != std::string::npos);
  // A date in words stays as written; a url that is not http(s) is never a link.
  CHECK(h.find(">March 2, 2016</time>") != std::string::npos);
  CHECK(h.find("href=\"javascript:") == std::string::npos);
  CHECK(h.find("/home/someone") == std::string::npos);
  // The diff orders the columns by outlet; the provenance follows its article.
  std::vector<report::Article> swapped = {articles[1], articles[0]};
  auto again = reporter().render(swapped);
  REQUIRE(again.ok());
  CHECK(again.value() == h);
  // One article: its title heads the page.
  auto one = reporter().render({articles[0]});
  REQUIRE(one.ok());
  CHECK(one.value().find("<title>quotegraph report: Pier to be rebuilt, mayor says</title>") != std::string::npos);
}

TEST_CASE("report and diff --format html CLI: JSONL records give title, url and date; no local folder shows", "[report][cli]") {
  auto dir = std::filesystem::temp_directory_path() / ("qg_share_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::string jsonl = (dir / "story.jsonl").string();
  {
    std::FILE* f = std::fopen(jsonl.c_str(), "w");
    REQUIRE(f);
    std::fputs("{\"url\": \"https://harbor.example/pier\", \"date\": \"2016-03-01\", \"title\": \"Pier to reopen\", "
               "\"text\": \"\\u201cWe will rebuild the pier,\\u201d Mayor Lena Dahl said.\"}\n"
               "{\"url\": \"https://valley.example/p\", \"date\": \"2016-03-02\", \"title\": \"Mayor vows new pier\", "
               "\"text\": \"Mayor Lena Dahl said the pier would be rebuilt.\"}\n",
               f);
    std::fclose(f);
  }
  auto report_page = run_cli("report " + jsonl);
  auto diff_page = run_cli("diff --format html " + jsonl);
  CHECK(report_page.first == 0);
  CHECK(diff_page.first == 0);
  for (const std::string& h : {report_page.second, diff_page.second}) {
    CHECK(h.find(dir.string()) == std::string::npos);
    CHECK(h.find("<a href=\"https://valley.example/p\"") != std::string::npos);
    CHECK(h.find("<p class=\"qg-headline\">Mayor vows new pier</p>") != std::string::npos);
    CHECK(h.find("<time datetime=\"2016-03-01\">2016-03-01</time>") != std::string::npos);
    CHECK(h.find("story.jsonl:2") != std::string::npos);  // the record, named without its folder
    // No outlet field: each column is named by its url's site, not by FILE:LINE.
    CHECK(h.find("<h2 id=\"c1-h\">harbor.example</h2>") != std::string::npos);
    CHECK(h.find("<h2 id=\"c2-h\">valley.example</h2>") != std::string::npos);
  }
  CHECK(run_cli("diff " + jsonl).second.find("valley.example") != std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST_CASE("report: url_site names the site of an http(s) url, nothing else", "[report]") {
  CHECK(report::url_site("https://www.Harbor.example:8080/a/b?c=1#d") == "harbor.example");
  CHECK(report::url_site("http://user:pw@news.example") == "news.example");
  CHECK(report::url_site("HTTPS://valley.example?x") == "valley.example");
  CHECK(report::url_site("javascript:alert(1)").empty());
  CHECK(report::url_site("file:///home/someone/a.html").empty());
  CHECK(report::url_site("https://bad host/").empty());
  CHECK(report::url_site("").empty());
}
