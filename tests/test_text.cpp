// Unit tests of the text stages: decode, tokenize, quotes, sentences, chrome.
#include <catch2/catch.hpp>

#include "text/boilerplate.hpp"
#include "text/decode.hpp"
#include "text/quotes.hpp"
#include "text/segment.hpp"
#include "text/senses.hpp"
#include "text/tokenize.hpp"

using namespace quotegraph;
using namespace quotegraph::text;

namespace {

Document doc_of(std::string s) {
  auto r = decode(std::move(s), "t.txt", false);
  REQUIRE(r.ok());
  return std::move(r).value();
}

struct Staged {
  Document doc;
  Tokens toks;
  Quotes quotes;
  std::vector<Sentence> sentences;
};

Staged stage(std::string s) {
  Staged st{doc_of(std::move(s)), {}, {}, {}};
  st.toks = tokenize(st.doc, st.doc.body_start, st.doc.body_end);
  st.quotes = find_quotes(st.doc, st.toks);
  st.sentences = split_sentences(st.doc, st.toks, st.quotes);
  return st;
}

std::vector<std::string> quote_texts(const Staged& st, bool top_only = true) {
  std::vector<std::string> out;
  for (size_t i = 0; i < st.quotes.quotes.size(); ++i) {
    const Quote& q = st.quotes.quotes[i];
    if (top_only && st.quotes.top[q.open_tok] != static_cast<int>(i)) continue;
    out.emplace_back(st.doc.slice(q.span));
  }
  return out;
}

std::vector<std::string> sentence_texts(const Staged& st) {
  std::vector<std::string> out;
  for (const Sentence& s : st.sentences)
    out.emplace_back(st.doc.slice({st.toks.toks[s.first].start, st.toks.toks[s.last - 1].end}));
  return out;
}

}  // namespace

TEST_CASE("decode validates UTF-8 and keeps offsets", "[decode]") {
  CHECK(decode("plain ascii", "a", false).ok());
  CHECK(decode("Kazakhstan\xE2\x80\x99s", "a", false).ok());
  auto bad = decode("ab\xC3(", "bad.txt", false);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message() == "bad.txt: byte 2: invalid UTF-8 (use --lenient to replace invalid bytes)");
  CHECK_FALSE(decode("\xC0\xAF", "overlong", false).ok());           // overlong '/'
  CHECK_FALSE(decode("\xED\xA0\x80", "surrogate", false).ok());      // UTF-16 surrogate
  CHECK_FALSE(decode("\xF4\x90\x80\x80", "too-big", false).ok());    // above U+10FFFF
  auto nul = decode(std::string("a\0b", 3), "bin", false);
  REQUIRE_FALSE(nul.ok());
  CHECK(nul.status().message().find("byte 1") != std::string::npos);
  CHECK_FALSE(decode("\xFF\xFEh\0i\0", "u16", false).ok());
  auto lenient = decode("ab\xC3(", "x", true);
  REQUIRE(lenient.ok());
  CHECK(lenient.value().text == "ab?(");
  CHECK(lenient.value().replaced_bytes == 1);
  auto bom = decode("\xEF\xBB\xBFHello", "b", false);
  REQUIRE(bom.ok());
  CHECK(bom.value().body_start == 3);
  CHECK(bom.value().text.size() == 8);
}

TEST_CASE("decode finds an invalid byte after ASCII runs of any length and alignment", "[decode]") {
  // ASCII is skipped eight bytes at a time: the byte after a run of every
  // length up to three words, a sequence cut across a word, a run to the end.
  for (size_t before = 0; before < 26; ++before)
    for (size_t after : {size_t{0}, size_t{1}, size_t{7}, size_t{9}}) {
      const std::string text = std::string(before, 'a') + "\xC3(" + std::string(after, 'b') + "\xE2\x80\x99" + "\xFF";
      INFO("ASCII before: " << before << ", after: " << after);
      auto strict = decode(text, "t", false);
      REQUIRE_FALSE(strict.ok());
      CHECK(strict.status().message().starts_with("t: byte " + std::to_string(before) + ": invalid UTF-8"));
      CHECK(first_invalid_utf8(text) == before);
      CHECK(first_invalid_utf8(std::string(before, 'a') + "\xE2\x80\x99" + std::string(after, 'b')) ==
            std::string_view::npos);
      auto lenient = decode(text, "t", true);
      REQUIRE(lenient.ok());
      CHECK(lenient.value().replaced_bytes == 2);
      CHECK(lenient.value().text ==
            std::string(before, 'a') + "?(" + std::string(after, 'b') + "\xE2\x80\x99" + "?");
    }
}

TEST_CASE("tokenizer keeps apostrophes in words and initialisms whole", "[tokenize]") {
  Document d = doc_of("Kazakhstan\xE2\x80\x99s U.S. envoy didn't say 'no' in the \xE2\x80\x99""90s -- Sen. Lee");
  Tokens t = tokenize(d, 0, static_cast<uint32_t>(d.text.size()));
  std::vector<std::string> words;
  for (const Token& k : t.toks) words.emplace_back(d.slice({k.start, k.end}));
  CHECK(words[0] == "Kazakhstan\xE2\x80\x99s");
  CHECK(words[1] == "U.S.");
  CHECK(words[3] == "didn't");
  CHECK(words[5] == "'");  // a quote mark, not part of the word
  CHECK(std::find(words.begin(), words.end(), "\xE2\x80\x99""90s") != words.end());
  CHECK(std::find(words.begin(), words.end(), "Sen.") != words.end());
  CHECK(std::find(words.begin(), words.end(), "--") != words.end());
}

TEST_CASE("tokenizer flags a lower-case part after the first hyphen, and its first byte", "[tokenize]") {
  // "Russia-led" is an adjective; "Al-Qaeda-linked" and "Kassym-Jomart" are not flagged
  // (only the first '-' counts); "non-Russian" starts lower case anyway.
  Document d = doc_of("Russia-led Al-Qaeda-linked Kassym-Jomart non-Russian \xC3\x89mile");
  Tokens t = tokenize(d, 0, static_cast<uint32_t>(d.text.size()));
  REQUIRE(t.toks.size() == 5);
  CHECK(t.toks[0].lower_part);
  CHECK_FALSE(t.toks[1].lower_part);
  CHECK_FALSE(t.toks[2].lower_part);
  CHECK_FALSE(t.toks[3].lower_part);
  CHECK_FALSE(t.toks[4].lower_part);
}

TEST_CASE("tokenizer treats NBSP and CR as space without moving offsets", "[tokenize]") {
  Document d = doc_of("a\xC2\xA0" "b\r\nc");
  Tokens t = tokenize(d, 0, static_cast<uint32_t>(d.text.size()));
  REQUIRE(t.toks.size() == 3);
  CHECK(t.toks[1].start == 3);
  CHECK(t.toks[2].start == 6);
}

TEST_CASE("tokenizer: words that mix ASCII runs with letters beyond ASCII, digits, tabs and form feeds", "[tokenize]") {
  // The tokenizer passes runs of ASCII letters and digits by table and
  // decodes the rest: a word must come out whole wherever one kind meets the
  // other, and digits-then-letters is a word, not a number.
  Document d = doc_of("M\xC3\xBCller\tna\xC3\xAFve\f3D 1,000.5 \xC3\x89mile-led \xCE\xA3\xCE\xBF\xCF\x86\xCE\xAF\xCE\xB1 A.B. 42");
  Tokens t = tokenize(d, 0, static_cast<uint32_t>(d.text.size()));
  std::vector<std::string> words;
  for (const Token& k : t.toks) words.emplace_back(d.slice({k.start, k.end}));
  REQUIRE(words == std::vector<std::string>{"M\xC3\xBCller", "na\xC3\xAFve", "3D", "1,000.5", "\xC3\x89mile-led",
                                            "\xCE\xA3\xCE\xBF\xCF\x86\xCE\xAF\xCE\xB1", "A.B.", "42"});
  CHECK(t.toks[0].cap);
  CHECK_FALSE(t.toks[1].cap);
  CHECK(t.toks[2].type == TokType::kWord);
  CHECK(t.toks[3].type == TokType::kNumber);
  CHECK(t.toks[4].cap);  // \xC3\x89 is upper case
  CHECK(t.toks[4].lower_part);
  CHECK(t.toks[5].cap);  // Greek capital sigma
  CHECK(t.toks[6].abbrev);
  CHECK(t.toks[7].type == TokType::kNumber);
  CHECK(t.toks[1].space_before);  // a tab
  CHECK(t.toks[2].space_before);  // a form feed
}

TEST_CASE("fold lowers A-Z only and straightens curly apostrophes, at every length", "[tokenize]") {
  // Words of 4-16 ASCII bytes are folded a word at a time: every length, the
  // bytes around 'A' and 'Z' ('@', '[') left as they are, and a byte beyond
  // ASCII or a curly apostrophe anywhere sending the word the slow way.
  auto byte_by_byte = [](std::string_view s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
      if (s.substr(i, 3) == "\xE2\x80\x99") {
        out += '\'';
        i += 2;
      } else {
        out += s[i] >= 'A' && s[i] <= 'Z' ? static_cast<char>(s[i] + 32) : s[i];
      }
    }
    return out;
  };
  const std::string pool = "AZaz@[`{09-.'MixED";
  for (size_t n = 0; n <= 20; ++n)
    for (size_t shift = 0; shift < pool.size(); ++shift) {
      std::string w;
      for (size_t i = 0; i < n; ++i) w += pool[(i + shift) % pool.size()];
      CHECK(fold(w) == byte_by_byte(w));
      for (std::string_view odd : {"\xC3\x89", "\xE2\x80\x99", "\x7F"}) {
        std::string x = w;
        x.insert(n / 2, odd);
        INFO(x);
        CHECK(fold(x) == byte_by_byte(x));
      }
    }
  CHECK(fold("WASHINGTON") == "washington");
  CHECK(fold("Kazakhstan\xE2\x80\x99s") == "kazakhstan's");
}

TEST_CASE("quote pairing: curly, straight, low-9, guillemets, two apostrophes", "[quotes]") {
  CHECK(quote_texts(stage("He said \xE2\x80\x9Cyes\xE2\x80\x9D and left.")) ==
        std::vector<std::string>{"\xE2\x80\x9Cyes\xE2\x80\x9D"});
  CHECK(quote_texts(stage("\"We won,\" she said. \"Again.\"")) ==
        std::vector<std::string>{"\"We won,\"", "\"Again.\""});
  CHECK(quote_texts(stage("Er sagte \xE2\x80\x9E" "ja\xE2\x80\x9C heute.")).size() == 1);
  CHECK(quote_texts(stage("Il a dit \xC2\xAB non \xC2\xBB hier.")).size() == 1);
  CHECK(quote_texts(stage("''We will not back down,'' Ms. Ortiz said.")) ==
        std::vector<std::string>{"''We will not back down,''"});
}

TEST_CASE("apostrophes are not quote marks", "[quotes]") {
  Staged st = stage("The protesters' demands and the ministers\xE2\x80\x99 reply were ignored.");
  CHECK(quote_texts(st).empty());
}

TEST_CASE("nested single quotes stay inside the double quote", "[quotes]") {
  Staged st = stage("\xE2\x80\x9CThey call it \xE2\x80\x98peace\xE2\x80\x99 now,\xE2\x80\x9D he said.");
  auto top = quote_texts(st);
  REQUIRE(top.size() == 1);
  CHECK(quote_texts(st, false).size() == 2);
}

TEST_CASE("multi-paragraph quotes continue, unbalanced marks end at the paragraph", "[quotes]") {
  Staged st = stage("\"First part of it.\n\n\"Second part.\"\n\nNarrator text here.");
  REQUIRE(st.quotes.quotes.size() == 2);
  CHECK_FALSE(st.quotes.quotes[0].closed);
  CHECK(st.quotes.quotes[1].continued_from == 0);
  Staged bad = stage("He said \"this never closes\n\nThe next paragraph is narration.");
  REQUIRE(bad.quotes.quotes.size() == 1);
  CHECK_FALSE(bad.quotes.quotes[0].closed);
  CHECK(bad.doc.slice(bad.quotes.quotes[0].span) == "\"this never closes");
}

TEST_CASE("sentences: abbreviations and quotes", "[segment]") {
  CHECK(sentence_texts(stage("Sen. Lee spoke on Jan. 5 in Washington. He left early.")) ==
        std::vector<std::string>{"Sen. Lee spoke on Jan. 5 in Washington.", "He left early."});
  CHECK(sentence_texts(stage("The aid came from the U.S. The talks ended.")).size() == 2);
  CHECK(sentence_texts(stage("The U.S. Senate voted.")).size() == 1);
  // No boundary inside a quote of several sentences.
  CHECK(sentence_texts(stage("\"We tried. We failed,\" she said. Then she left.")) ==
        std::vector<std::string>{"\"We tried. We failed,\" she said.", "Then she left."});
}

TEST_CASE("sentences: a wire dateline opening a paragraph is a sentence of its own", "[segment]") {
  CHECK(sentence_texts(stage("DECATUR, Ill. — Sen. Lee spoke, calling it a scandal.")) ==
        std::vector<std::string>{"DECATUR, Ill. —", "Sen. Lee spoke, calling it a scandal."});
  CHECK(sentence_texts(stage("NEW YORK (AP) -- The mayor spoke.")) ==
        std::vector<std::string>{"NEW YORK (AP) --", "The mayor spoke."});
  CHECK(sentence_texts(stage("BEIRUT, Lebanon (Reuters) — Talks began.")).size() == 2);
  // Not a dateline: capitals that are no place before a dash, or a dash mid-paragraph.
  CHECK(sentence_texts(stage("NATO said — again — that it would stay.")).size() == 1);
  CHECK(sentence_texts(stage("The mayor of ROME — a city — spoke.")).size() == 1);
}

TEST_CASE("chrome detection cuts bios and comment forms, not article text", "[chrome]") {
  ChromeDetector det;
  std::string body =
      "Title of the story\n\nFirst paragraph of the story, long enough to be body text for the test.\n\n"
      "Second paragraph with more words about the events of the day and what happened.\n\n"
      "Third paragraph closes the story with one more sentence.\n\n";
  std::string tail = "Leave a Reply\nYour email address will not be published.";
  Document d = doc_of(body + tail);
  CHECK(det.body_end(d) == body.size());
  Document bio = doc_of(body + "Jane Roe, 29, is a reporter who lives in Lyon. She loves her job.\n");
  CHECK(det.body_end(bio) == body.size());
  Document clean = doc_of(body + "A fourth paragraph that is plain news text.\n");
  CHECK(det.body_end(clean) == clean.text.size());
  // A share line early in a long article is not chrome.
  Document early = doc_of("Headline\n\nShare this\n\n" + body + body + body);
  CHECK(det.body_end(early) == early.text.size());
}

TEST_CASE("WordNet frequency: sense-tag counts over base forms, found in the sorted dictionary files", "[senses]") {
  text::Senses senses;
  if (!senses.available()) {
    CHECK(senses.frequency("know") == -1);
    return;
  }
  // The scale echo weighs words by (docs/echo.md): everyday, middling, rare, unknown.
  CHECK(senses.frequency("know") > 150);
  CHECK(senses.frequency("debt") <= 10);
  CHECK(senses.frequency("deportation") == 0);
  CHECK(senses.frequency("zzqxv") == 0);
  // An irregular form reaches its base through the exception lists ("went" -> "go"),
  // a regular one through the detachment rules ("knows" -> "know").
  CHECK(senses.frequency("went") == senses.frequency("go"));
  CHECK(senses.frequency("knows") == senses.frequency("know"));
  // A lemma is the part of a sense key before '%': a collocation has its own
  // count ("give_in"), and "give" does not take its tags.
  CHECK(senses.frequency("give_in") > 0);
  CHECK(senses.frequency("give_in") < senses.frequency("give"));
  CHECK(senses.frequency("giv") == 0);  // a prefix of "give%…" lines, no lemma
}

TEST_CASE("WordNet collocations: the base-form test never turns down one that libwordnet finds", "[senses]") {
  text::Senses senses;
  if (!senses.available()) {
    CHECK_FALSE(senses.is_collocation("health_care"));
    return;
  }
  // Listed as written, or through a base form of a word: the last one by a
  // suffix rule ("cares"), the first one by an irregular form ("made" ->
  // "make", "took" -> "take"), or the whole collocation by an .exc line
  // ("attorneys_general").
  for (const char* yes : {"health_care", "health_cares", "made_sure", "took_place", "law_enforcement",
                          "attorneys_general", "common_ground"}) {
    CHECK(senses.is_collocation(yes));
    CHECK(senses.lookup(yes).known);
  }
  // No combination of the words' base forms is an index lemma ("birth_issue",
  // "rig_system" are not): answered no without libwordnet, as libwordnet answers it.
  for (const char* no : {"deportation_force", "rigged_system", "birther_issue", "islamic_terrorism"}) {
    CHECK_FALSE(senses.is_collocation(no));
    CHECK_FALSE(senses.lookup(no).known);
  }
  CHECK_FALSE(senses.is_collocation("health"));  // one word is no collocation
}
