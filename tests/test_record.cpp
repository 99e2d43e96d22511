// corpus::parse_record (simdjson's tape, nlohmann for what it leaves) against
// the nlohmann DOM reader it replaced (tests/oracle/record_dom_reader.cpp):
// the same article, or the same error kind and message, for every line.
// Invented records.
#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "oracle/record_dom_reader.hpp"
#include "quotegraph/corpus.hpp"

namespace {

using quotegraph::corpus::Article;
using quotegraph::corpus::FieldNames;
using quotegraph::corpus::RecordError;

void same_as_dom(const std::string& line, const FieldNames& fields = {}) {
  INFO("line: " << line.substr(0, 300) << (line.size() > 300 ? "..." : ""));
  RecordError got_error = RecordError::kNone, want_error = RecordError::kNone;
  auto got = quotegraph::corpus::parse_record(line, fields, &got_error);
  auto want = quotegraph::testing::parse_record_dom(line, fields, &want_error);
  REQUIRE(got.ok() == want.ok());
  CHECK(got_error == want_error);
  if (!want.ok()) {
    CHECK(got.status().message() == want.status().message());
    return;
  }
  const Article &g = got.value(), &w = want.value();
  CHECK(g.text == w.text);
  CHECK(g.id == w.id);
  CHECK(g.url == w.url);
  CHECK(g.outlet == w.outlet);
  CHECK(g.date == w.date);
  CHECK(g.title == w.title);
  CHECK(g.from_html == w.from_html);
}

}  // namespace

TEST_CASE("record reader: the lines JSON's grammar and nlohmann's choices decide, as the DOM reader read them",
          "[corpus][record]") {
  const std::vector<std::string> lines = {
      R"({"id":"r1","source":"Daily","text":"\"Taxes will fall,\" the minister said."})",
      R"({"text":"first","text":"last","id":"a","id":"b"})",  // duplicate keys: the last wins
      R"({"id":7,"text":"t"})", R"({"id":7.0,"text":"t"})", R"({"id":-0,"text":"t"})", R"({"id":1e5,"text":"t"})",
      R"({"id":12345678901234567890,"text":"t"})", R"({"id":123456789012345678901234,"text":"t"})",
      R"({"id":1e400,"text":"t"})", R"({"id":null,"text":"t"})", R"({"id":true,"text":"t"})",
      R"({"id":{"x":1},"text":"t","url":["u"]})", R"({"source":null,"outlet":"The Ledger","text":"t"})",
      R"({"source":false,"outlet":3,"text":"t"})", R"({"text":5,"maintext":"the body"})",
      R"({"text":null,"html":"<p>\u201cWe will rebuild,\u201d Ana Ruiz said.</p>"})",
      R"({"raw_html":"<article><p>Body text here.</p></article>"})", R"({"id":"x"})",
      R"({"quotegraph":"1","attributions":[]})",
      R"({"text":"\" \\ \/ \b \f \n \r \t \u00e9 \u20AC \ud83d\ude00 \u0000 end"})",
      R"({"text":"lone \ud800 high"})", R"({"text":"lone \udc00 low"})", R"({"text":"\ud800\u0041"})",
      R"({"text":"\ud83d"})", R"({"text":"bad \x escape"})", R"({"text":"\u12"})",
      "{\"text\":\"raw \x01 control\"}", "{\"text\":\"raw \t tab\"}", std::string("{\"text\":\"nul \0 in\"}", 20),
      "\xEF\xBB\xBF{\"text\":\"after a byte-order mark\"}", R"({"text":"a"} {"text":"b"})", R"({"text":"a"}x)",
      "{\"text\":\"crlf\"}\r", "  \t{\"text\":\"padded\"}  ", R"(["text","a"])", R"("text")", "42", "null",
      "{\"text\":\"caf\xC3\xA9\"}", "{\"text\":\"bad \xC3\x28 utf8\"}", "{\"text\":\"overlong \xC0\xAF\"}",
      "{\"text\":\"surrogate \xED\xA0\x80\"}", R"({"id":01,"text":"t"})", R"({"id":1.,"text":"t"})",
      R"({"id":-,"text":"t"})", R"({"id":+1,"text":"t"})", R"({"id":tru,"text":"t"})", R"({"id":"a",})",
      R"({"id" "a","text":"t"})", R"({,"text":"t"})", R"({"text":"t")", "", "   ", "\f\v", R"({})",
      R"({"te\u0078t":"escaped key"})", "{\"t\xC3\xA9xt\":\"other key\",\"text\":\"t\"}",
      R"({"meta":{"text":"nested, not the record's"},"text":"top"})", R"({"text":""})",
      R"({"text":"t","date":"2024-03-04","title":"A \"title\"","url":"https://ledger.example/a"})"};
  for (const std::string& line : lines) same_as_dom(line);
  // Nesting past simdjson's depth limit, around and beside the text field.
  same_as_dom("{\"deep\":" + std::string(3000, '[') + std::string(3000, ']') + ",\"text\":\"t\"}");
  same_as_dom("{\"deep\":" + std::string(3000, '[') + ",\"text\":\"t\"}");
  // Records just inside and past the largest the fast path takes (1 MiB).
  same_as_dom("{\"id\":\"large\",\"text\":\"" + std::string((1u << 20) - 40, 'w') + "\"}");
  same_as_dom("{\"id\":\"big\",\"text\":\"" + std::string(5u << 20, 'w') + "\"}");
  // Other field names.
  FieldNames custom;
  custom.text = {"body"};
  custom.id = {"uid", "id"};
  same_as_dom(R"({"body":"b","uid":null,"id":"i","text":"not this"})", custom);
  same_as_dom(R"({"text":"only text"})", custom);
}

TEST_CASE("record reader: random records with hostile strings and values, as the DOM reader read them",
          "[corpus][record]") {
  std::mt19937 rng(29);
  auto pick = [&](size_t n) { return static_cast<size_t>(rng() % n); };
  const std::vector<std::string> pieces = {"a", " ", "\\\"", "\\\\", "\\n", "\\u00e9", "\\ud83d\\ude00", "\xC3\xA9",
                                           "\xE2\x80\x9C", "\\/", "\\t", "\\u0000", "\\ud800", "\t", "\xFF", "\\q"};
  auto str = [&] {
    std::string s = "\"";
    for (size_t i = pick(8); i > 0; --i) s += pieces[pick(pieces.size())];
    return s + "\"";
  };
  const std::vector<std::string> names = {"id", "text", "maintext", "source", "outlet", "url", "date", "title",
                                          "html", "other"};
  auto value = [&]() -> std::string {
    switch (pick(8)) {
      case 0: return "null";
      case 1: return std::to_string(pick(1000));
      case 2: return "1.5e3";
      case 3: return "[1,{\"a\":" + str() + "}]";
      case 4: return "true";
      default: return str();
    }
  };
  for (int round = 0; round < 2000; ++round) {
    std::string line = "{";
    for (size_t i = pick(7); i > 0; --i) {
      if (line.size() > 1) line += ',';
      line += "\"" + names[pick(names.size())] + "\":" + value();
    }
    line += "}";
    if (round % 50 == 0) line += " x";
    same_as_dom(line);
  }
}
