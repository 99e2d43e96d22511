// Tests of src/echo: the hand-labelled echo cases (tests/cases/echo/labels.json)
// scored for precision and recall, the seed article, and each piece on its own
// (lexicon, scan, cue patterns, the n-gram index and its common-phrase filters,
// direction, framing rules, writers, the CLI).
#include <catch2/catch.hpp>

#include <graphviz/cgraph.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <sys/wait.h>

#include <nlohmann/json.hpp>

#include "cli_run.hpp"
#include "echo/internal.hpp"
#include "quotegraph/analyzer.hpp"
#include "quotegraph/echo.hpp"
#include "quotegraph/io.hpp"

using qg_test::run_cli;

using namespace quotegraph;
namespace fs = std::filesystem;

namespace {

const std::string kEchoCases = std::string(QG_SOURCE_DIR) + "/tests/cases/echo/";
const std::string kSeed = std::string(QG_SOURCE_DIR) + "/seeds/000_1af91efddab21499";

const Analyzer& shared_analyzer() {
  static const Analyzer a;
  return a;
}
const echo::EchoAnalyzer& shared_echo() {
  static const echo::EchoAnalyzer e;
  return e;
}

Analysis analyze_file(const std::string& path, const std::string& name) {
  auto bytes = read_file(path);
  REQUIRE(bytes.ok());
  auto r = shared_analyzer().analyze(bytes.value(), name);
  REQUIRE(r.ok());
  return r.value();
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Names agree when the expected last word appears as a word of the predicted name.
bool name_matches(const std::string& predicted, const std::string& expected) {
  std::string p = " " + lower(predicted) + " ";
  for (char& c : p)
    if (c == ',' || c == '.') c = ' ';
  return p.find(" " + lower(expected) + " ") != std::string::npos ||
         p.find(" " + lower(expected) + "’s ") != std::string::npos;
}

// Phrases agree when at least half of the expected words occur in the predicted phrase.
bool phrase_matches(const std::string& predicted, const std::string& expected) {
  std::istringstream in(lower(expected));
  std::string w, p = lower(predicted);
  int words = 0, found = 0;
  while (in >> w) {
    while (!w.empty() && (w.back() == ',' || w.back() == '.')) w.pop_back();
    ++words;
    if (!w.empty() && p.find(w) != std::string::npos) ++found;
  }
  return words == 0 || found * 2 >= words;
}

// One predicted record flattened for matching against a label.
struct Flat {
  std::string type, evidence, from, to, phrase, term, speaker;
  std::string describe() const {
    return type + " " + evidence + " " + from + " -> " + to + " \"" + phrase + "\" " + term + " " + speaker;
  }
};

std::vector<Flat> flatten(const echo::EchoReport& r) {
  std::vector<Flat> out;
  for (const auto* list : {&r.echoes, &r.repetitions})
    for (const echo::Echo& e : *list)
      out.push_back({list == &r.echoes ? "echo" : "repetition", to_string(e.evidence), e.from.name, e.to.name, e.phrase,
                     "", ""});
  for (const echo::Framing& f : r.framing) out.push_back({to_string(f.kind), "", "", "", "", f.term, f.entity_name});
  return out;
}

bool label_matches(const nlohmann::json& l, const Flat& f) {
  if (l["type"] != f.type) return false;
  if (l.contains("evidence") && l["evidence"] != f.evidence) return false;
  if (f.type == "echo" || f.type == "repetition") {
    if (!name_matches(f.from, l["from"]) || !name_matches(f.to, l["to"])) return false;
    return !l.contains("phrase") || phrase_matches(f.phrase, l["phrase"]);
  }
  if (lower(f.term).find(lower(l["term"].get<std::string>())) == std::string::npos) return false;
  if (!l.contains("speaker")) return true;
  if (l["speaker"].is_null()) return f.speaker.empty();
  return name_matches(f.speaker, l["speaker"]);
}

struct Score {
  int expected = 0, predicted = 0, tp_expected = 0, tp_predicted = 0;
  double precision() const { return predicted ? static_cast<double>(tp_predicted) / predicted : 1.0; }
  double recall() const { return expected ? static_cast<double>(tp_expected) / expected : 1.0; }
};

// Runs every case of labels.json; `log` gets one line per miss and false positive.
Score score_cases(std::string& log) {
  auto text = read_file(kEchoCases + "labels.json");
  REQUIRE(text.ok());
  nlohmann::json labels = nlohmann::json::parse(text.value());
  Score s;
  for (const auto& c : labels["cases"]) {
    std::vector<Analysis> analyses;
    for (const auto& f : c["files"]) analyses.push_back(analyze_file(kEchoCases + f.get<std::string>(), f));
    std::vector<echo::EchoInput> inputs;
    for (const Analysis& a : analyses) inputs.push_back({&a, echo::detect_date(a.doc)});
    std::vector<Flat> pred = flatten(shared_echo().analyze(inputs));
    std::vector<bool> used(pred.size(), false);
    s.expected += static_cast<int>(c["expect"].size());
    s.predicted += static_cast<int>(pred.size());
    for (const auto& l : c["expect"]) {
      bool hit = false;
      for (size_t i = 0; i < pred.size() && !hit; ++i)
        if (!used[i] && label_matches(l, pred[i])) used[i] = hit = true;
      if (hit) ++s.tp_expected; else log += "missed in '" + c["name"].get<std::string>() + "': " + l.dump() + "\n";
    }
    for (size_t i = 0; i < pred.size(); ++i)
      if (used[i]) ++s.tp_predicted; else log += "spurious in '" + c["name"].get<std::string>() + "': " + pred[i].describe() + "\n";
  }
  return s;
}

// A hand-made Analysis: "NAME said CONTENT." sentences; speakers become person
// entities (one per distinct name).
// `direct`: each content is a direct quote ("Alma Dorn said “…”."), else
// indirect speech ("Alma Dorn said …."), the reporter's wording.
Analysis make_analysis(const std::string& path, const std::vector<std::pair<std::string, std::string>>& said,
                       const std::string& narrator = "", bool direct = false,
                       const std::string& headline = "Invented story for a test") {
  Analysis a;
  a.doc.path = path;
  std::string& t = a.doc.text;
  t = headline + "\n\n";  // the title: a headline restates the story, nobody echoes it
  for (const auto& [name, content] : said) {
    int ent = -1;
    for (size_t i = 0; i < a.entities.size(); ++i)
      if (a.entities[i].name == name) ent = static_cast<int>(i);
    if (ent < 0) {
      Entity e;
      e.id = "e" + std::to_string(a.entities.size() + 1);
      e.name = name;
      e.kind = EntityKind::kPerson;
      a.entities.push_back(e);
      ent = static_cast<int>(a.entities.size()) - 1;
    }
    Attribution at;
    at.speaker.entity = ent;
    at.speaker.mention = Span{static_cast<uint32_t>(t.size()), static_cast<uint32_t>(t.size() + name.size())};
    a.entities[ent].mentions.push_back(at.speaker.mention);
    t += name + " ";
    at.cue = Span{static_cast<uint32_t>(t.size()), static_cast<uint32_t>(t.size() + 4)};
    at.cue_lemma = "say";
    t += direct ? "said “" : "said ";
    at.content = Span{static_cast<uint32_t>(t.size()), static_cast<uint32_t>(t.size() + content.size())};
    t += content + (direct ? "”.\n\n" : ".\n\n");
    at.rule = "test";
    a.attributions.push_back(at);
  }
  t += narrator;
  a.doc.body_end = static_cast<uint32_t>(t.size());
  return a;
}

echo::EchoReport run(const std::vector<const Analysis*>& as, const std::vector<std::string>& dates = {}) {
  std::vector<echo::EchoInput> in;
  for (size_t i = 0; i < as.size(); ++i) in.push_back({as[i], i < dates.size() ? dates[i] : ""});
  return shared_echo().analyze(in);
}


}  // namespace

TEST_CASE("echo: hand-labelled cases reach P >= 0.9 and R >= 0.8", "[echo][accuracy]") {
  std::string log;
  Score s = score_cases(log);
  INFO(log);
  INFO("echo cases: expected " << s.expected << ", predicted " << s.predicted << ", P " << s.precision() << ", R "
                               << s.recall());
  CHECK(s.expected >= 15);
  CHECK(s.precision() >= 0.9);
  CHECK(s.recall() >= 0.8);
  WARN("echo cases: P=" << s.precision() << " R=" << s.recall() << " (" << s.tp_expected << "/" << s.expected
                        << " labels found, " << s.tp_predicted << "/" << s.predicted << " predictions right)");
}

TEST_CASE("echo: the seed's explicit echo and scare quote, as in its gold file", "[echo][seed]") {
  Analysis a = analyze_file(kSeed + ".txt", "seed.txt");
  auto gold_text = read_file(kSeed + ".gold.json");
  REQUIRE(gold_text.ok());
  nlohmann::json gold = nlohmann::json::parse(gold_text.value());
  echo::EchoReport r = shared_echo().analyze(a);

  // Every gold echo: speaker -> echoed, explicit, with the cue text.
  for (const auto& g : gold["echoes"]) {
    bool found = false;
    for (const echo::Echo& e : r.echoes) {
      std::string speaker = g["speaker"], echoed = g["echoes"];
      if (e.evidence == echo::Evidence::kExplicit && name_matches(e.from.name, speaker.substr(speaker.rfind(' ') + 1)) &&
          name_matches(e.to.name, echoed.substr(echoed.rfind(' ') + 1))) {
        found = true;
        CHECK(std::string(a.doc.slice(e.cue)) == g["cue"].get<std::string>());
        CHECK(e.phrase.find("external intervention") != std::string::npos);
        CHECK(e.from.attribution >= 0);
      }
    }
    CHECK(found);
  }
  // No implicit echo in the seed: the headline restates the lead, and Price relays Blinken.
  for (const echo::Echo& e : r.echoes) CHECK(e.evidence == echo::Evidence::kExplicit);

  // The scare quotes are exactly the gold's; the bio's quote after the body is not one.
  std::vector<std::string> scare;
  for (const echo::Framing& f : r.framing)
    if (f.kind == echo::FramingKind::kScareQuote) scare.push_back(std::string(a.doc.slice(f.span)));
  std::vector<std::string> want = gold["scare_quotes"].get<std::vector<std::string>>();
  CHECK(scare == want);
  for (const echo::Framing& f : r.framing) CHECK(f.kind == echo::FramingKind::kScareQuote);

  // "Blinken reiterated …" is self-repetition, reported apart from echoes.
  REQUIRE(r.repetitions.size() == 1);
  CHECK(name_matches(r.repetitions[0].from.name, "Blinken"));
  CHECK(r.repetitions[0].cue_lemma == "reiterate");
}

TEST_CASE("echo lexicon: normalisation, stems, lists", "[echo][lexicon]") {
  CHECK(echo::normalize_word("Tokayev’s") == "tokayev");
  CHECK(echo::normalize_word("U.S.") == "u.s");
  CHECK(echo::stem_word("terrorists") == "terrorist");
  CHECK(echo::stem_word("parties") == "party");
  CHECK(echo::stem_word("crisis") == "crisis");
  CHECK(echo::stem_word("news") == "news");
  echo::EchoLexicon lex;
  CHECK(lex.is_stop("the"));
  CHECK(lex.is_common("government"));
  CHECK_FALSE(lex.is_common("provocateurs"));
  CHECK(lex.is_loaded("looter"));
  CHECK(lex.is_title_cue("titled"));
  CHECK(lex.stock_phrases().size() > 50);
  // The class by the word's hash, as the scan asks it, is the class by the word.
  for (const char* w : {"the", "of", "government", "said", "provocateurs", "peacekeeping", "terrorist"})
    CHECK(lex.class_of_hash(echo::word_hash(w)) == lex.word_class(w));
  CHECK(lex.class_of_hash(echo::word_hash("the")) == 1);
  CHECK((lex.class_of_hash(echo::word_hash("government")) & 2) != 0);
  CHECK(lex.class_of_hash(echo::word_hash("provocateurs")) == 0);
}

TEST_CASE("echo scan: tokens, flags, quotation marks, headline", "[echo][scan]") {
  echo::EchoLexicon lex;
  Analysis a;
  a.doc.text = "Short headline here\n\nThe “peacekeeping” force said. Mr. Smith’s ‘word’ and \"this\" stay.";
  a.doc.body_end = static_cast<uint32_t>(a.doc.text.size());
  echo::DocText d = echo::scan(a, lex);
  REQUIRE(d.quotes.size() == 3);
  CHECK(a.doc.slice(d.quotes[0].inner) == "peacekeeping");
  CHECK(a.doc.slice(d.quotes[1].inner) == "word");
  CHECK(a.doc.slice(d.quotes[2].inner) == "this");
  CHECK(a.doc.slice(Span{0, d.headline_end}) == "Short headline here");
  auto find = [&](std::string_view w) -> const echo::Token& {
    for (const echo::Token& t : d.tokens)
      if (a.doc.slice(t.span) == w) return t;
    FAIL("no token " << w);
    return d.tokens.front();
  };
  CHECK(find("peacekeeping").has(echo::kQuoted));
  CHECK(find("peacekeeping").has(echo::kNarrator));
  CHECK(find("The").has(echo::kSentenceStart));
  CHECK(find("Smith’s").has(echo::kCapitalised));  // "Mr." does not end the sentence
  CHECK(find("force").has(echo::kStopWord) == false);
  CHECK(echo::sentence_around(d, a.doc.text.find("Smith")).start == a.doc.text.find("Mr."));
  // The tokens inside a span, whatever its length or where it falls: as a
  // walk over every token finds them.
  for (uint32_t b = 0; b <= a.doc.text.size(); b += 3)
    for (uint32_t e = b; e <= a.doc.text.size(); e += 5) {
      size_t first = 0, last = 0;
      while (first < d.tokens.size() && d.tokens[first].span.start < b) ++first;
      last = first;
      while (last < d.tokens.size() && d.tokens[last].span.end <= e) ++last;
      INFO("span " << b << "-" << e);
      CHECK(echo::token_range(d, Span{b, e}) == std::make_pair(first, last));
    }
}

TEST_CASE("echo scan: words read through the lexicon entry as when worked out per token", "[echo][scan]") {
  // The engine hands on each token's lexicon entry; the token view keeps a
  // word's stem hash and class per entry. Tokens must come out the same as
  // when every word is normalised, stemmed and looked up again: possessives,
  // plurals, a word in a single quotation mark, words in no table.
  Options o;
  o.keep_text_layer = true;
  const Analyzer an(o);
  const std::string text =
      "Council backs the plan\n\nThe mayor said the city's budget was balanced. \"The parties said "
      "‘said’ is the word,\" Ms. Vale said. The government's officials said the governments' "
      "accounts are said to be fine. The mayor’s ‘zanzibarian’ remark stood.";
  for (int round = 0; round < 2; ++round) {  // the second round reads the entries the first one filled
    Result<Analysis> r = an.analyze(text, "inline");
    REQUIRE(r.ok());
    const Analysis& a = r.value();
    REQUIRE(a.text);
    REQUIRE(a.text->info.size() == a.text->toks.toks.size());
    REQUIRE(a.text->lexicon != nullptr);
    CHECK(std::count_if(a.text->info.begin(), a.text->info.end(),
                        [&](const attrib::Lexicon::WordInfo* i) { return a.text->lexicon->entry_id(*i) != 0; }) > 10);
    Analysis plain;  // the same text with no entries: every word worked out per token
    plain.doc = a.doc;
    plain.attributions = a.attributions;
    plain.entities = a.entities;
    auto layer = std::make_shared<TextLayer>(*a.text);
    layer->info.clear();
    plain.text = layer;
    echo::EchoLexicon lex;
    const echo::DocText x = echo::scan(a, lex), y = echo::scan(plain, lex);
    REQUIRE(x.tokens.size() == y.tokens.size());
    for (size_t k = 0; k < x.tokens.size(); ++k) {
      INFO(round << ": " << a.doc.slice(x.tokens[k].span));
      CHECK(x.tokens[k].span.start == y.tokens[k].span.start);
      CHECK(x.tokens[k].hash == y.tokens[k].hash);
      CHECK(x.tokens[k].flags == y.tokens[k].flags);
    }
  }
}

TEST_CASE("echo: dates from the article's first lines", "[echo][date]") {
  Document d;
  d.text = "May 9, 2024\n\nHeadline";
  d.body_end = static_cast<uint32_t>(d.text.size());
  CHECK(echo::detect_date(d) == "2024-05-09");
  d.text = "Posted 2023-03-01 by staff";
  CHECK(echo::detect_date(d) == "2023-03-01");
  d.text = "3 February 2022: a story";
  CHECK(echo::detect_date(d) == "2022-02-03");
  d.text = "No date here, only 2024 and May.";
  CHECK(echo::detect_date(d).empty());
}

TEST_CASE("echo cues: every pattern compiles and each construction fires", "[echo][cues]") {
  echo::Compiled impl;
  CHECK(impl.cues.size() == 25);  // one per row of cue_rows()
  for (const echo::CuePattern& p : impl.cues) CHECK(p.re->ok());  // compiles it: none may fail
  struct Case {
    const char* text;
    const char* lemma;
    const char* x;
  };
  const Case cases[] = {
      {"Kell echoed Varga’s rhetoric on Monday.", "echo", "Varga"},
      {"Kell echoed remarks by Lena Varga.", "echo", "Lena Varga"},
      {"Kell spoke, echoing Varga.", "echo", "Varga"},
      {"Brisk repeated Monroe's claim that it rained.", "repeat", "Monroe"},
      {"Brisk repeated the claim made by Monroe.", "repeat", "Monroe"},
      {"Strand parroted the Kremlin’s talking points.", "parrot", "Kremlin"},
      {"Strand parroted the line of the Meridian Institute.", "parrot", "Meridian Institute"},
      {"He spoke in language reminiscent of Oduya.", "reminiscent", "Oduya"},
      {"Tavi, borrowing Governor Park’s phrase, said so.", "borrow", "Governor Park"},
      {"Tavi borrowed a phrase from Park.", "borrow", "Park"},
      {"Tavi adopted Park’s framing of the strike.", "adopt", "Park"},
      {"It rained. Like Park, Senator Ames called it a scandal.", "like", "Park"},
      {"Senator Ames, like Park, described it as a scandal.", "like", "Park"},
      {"Kell spoke, echoing comments made earlier by Varga.", "echo", "Varga"},
      {"Kell spoke, echoing remarks by her colleague, Lena Varga.", "echo", "Lena Varga"},
      {"Varga's warning was echoed by Kell.", "echo", "Varga"},
      {"Kell agreed with Mr. Varga that the fares were high.", "agree", "Mr. Varga"},
      {"Kell joined Varga in calling for an inquiry.", "join", "Varga"},
      {"Kell seconded Varga's call for an inquiry.", "second", "Varga"},
      {"Kell took a page from Varga's playbook.", "borrow", "Varga"},
      {"Kell, in a line borrowed from Varga, said so.", "borrow", "Varga"},
      {"Kell, using Varga's own phrase, said so.", "borrow", "Varga"},
      {"Kell echoed Mr. Varga on the fares.", "echo", "Mr. Varga"},
      {"Varga’s stridency was echoed by former Gov. Ida O’Brien, who spoke next.", "echo", "Varga"},
      {"Ms. Kell said she agreed with Mr. Varga.", "agree", "Mr. Varga"},
      {"Kell echoed D’Arcy Varga’s rhetoric.", "echo", "D’Arcy Varga"},
  };
  for (const Case& c : cases) {
    bool fired = false;
    for (const echo::CuePattern& p : impl.cues) {
      if (p.lemma != c.lemma) continue;
      std::vector<re2::StringPiece> g(p.re->NumberOfCapturingGroups() + 1);
      if (p.re->Match(c.text, 0, std::strlen(c.text), RE2::UNANCHORED, g.data(), static_cast<int>(g.size())) &&
          std::string(g[p.x_group]) == c.x)
        fired = true;
    }
    INFO(c.text);
    CHECK(fired);
  }
  // Negatives: an echo verb without a speaker, lower-case objects.
  for (const char* text : {"The hall echoed with applause.", "She repeated the question twice.",
                           "Like many people, she called home."}) {
    int fired = 0;
    for (const echo::CuePattern& p : impl.cues)
      if (!p.self && RE2::PartialMatch(text, *p.re)) ++fired;
    INFO(text);
    CHECK(fired == 0);
  }
}

// Every match of a cue pattern must lie where its trigger lets it run (the
// pattern is compiled and run only there): one of its keywords opens the
// match (at_keyword) or lies inside it, and the words after that keyword pass
// the trigger's name tests.
TEST_CASE("echo cues: each construction's match is where its trigger lets the pattern run", "[echo][cues]") {
  echo::Compiled impl;
  const char* const texts[] = {
      "Kell echoed Varga’s rhetoric on Monday.", "Kell echoed remarks by Lena Varga.", "Kell spoke, echoing Varga.",
      "Brisk repeated Monroe's claim that it rained.", "Brisk repeated the claim first made by Monroe.",
      "Strand parroted the Kremlin’s talking points.", "Strand parroted the line used by the Meridian Institute.",
      "He spoke in terms reminiscent of those used by Oduya.", "Tavi, borrowing Governor Park’s phrase, said so.",
      "Tavi borrowed the slogan coined by Park.", "Tavi took up Park’s framing of the strike.",
      "It rained. Like Park, Senator Ames called it a scandal.", "Senator Ames, like Park, described it as a scandal.",
      "Kell spoke, echoing remarks by her colleague, Lena Varga.", "Varga's warning was echoed by former Gov. Kell.",
      "Kell agreed with Mr. Varga that the fares were high.", "Kell joined Varga in calling for an inquiry.",
      "Kell seconded New York Sen. Ida Varga's call.", "Kell took a page out of the Varga’s playbook.",
      // Words the pattern reads in any case, capitalised before the name.
      "Kell Took A Page Out Of Varga’s playbook.", "Kell took a Page out of Varga’s playbook.",
      "Kell, in a line borrowed from Varga, said so.", "Kell, quoting Varga's own words, said so.",
      "Kell echoed Mr. Varga on the fares.", "Kell echoed D’Arcy Varga’s rhetoric.",
      "Kell echoed the criticism, saying so.", "He echoed that promise on Monday.", "Kell reiterated his call.",
      "Ms. Kell wrote that she agreed with him that it rained.",
      // The farthest the trigger tests reach: a characterising verb after two
      // long names, an -ly word before the passive's verb, "her" closing a clause.
      "Like the Acme Party, the Beta Union of Northern Farmers called it a sham.",
      "Varga's warning was widely echoed by Kell.", "Varga's stark words have been widely echoed by Kell.",
      "Kell said she agreed with her."};
  int matches = 0;
  for (const char* text : texts) {
    const std::string t = text;
    const std::string low = lower(t);
    for (const echo::CuePattern& p : impl.cues) {
      std::vector<re2::StringPiece> g(p.re->NumberOfCapturingGroups() + 1);
      if (!p.re->Match(t, 0, t.size(), RE2::UNANCHORED, g.data(), static_cast<int>(g.size()))) continue;
      ++matches;
      const size_t b = static_cast<size_t>(g[0].data() - t.data()), e = b + g[0].size();
      bool admitted = false;
      for (const std::string& kw : p.trigger.keywords)
        for (size_t at = low.find(kw); at != std::string::npos; at = low.find(kw, at + 1)) {
          const bool placed = p.trigger.at_keyword ? at == b : at >= b && at + kw.size() <= e;
          if (placed && echo::keyword_at(t, at, kw, t.size()) &&
              echo::admits(p.trigger, echo::follow_words(t, at, t.size()), t, at))
            admitted = true;
        }
      INFO(text << " / pattern of lemma " << p.lemma);
      CHECK(admitted);
    }
  }
  CHECK(matches >= 29);  // every text matches at least one pattern
  // What is echoed, every form of kThing's alternatives spelled out.
  const std::vector<std::string>& things = echo::thing_words();
  for (const char* w : {"rhetoric", "claim", "claims", "line", "lines", "characterisation", "characterization",
                        "talking", "remarks", "calls", "label"})
    CHECK(std::find(things.begin(), things.end(), w) != things.end());
  CHECK(std::find(things.begin(), things.end(), "points") == things.end());  // not the first word
  // And the tests turn a keyword away when the words after it hold no name.
  const std::string used = "They used the money to build roads.";
  const echo::CuePattern* using_pattern = nullptr;
  for (const echo::CuePattern& p : impl.cues)
    if (std::find(p.trigger.keywords.begin(), p.trigger.keywords.end(), "used") != p.trigger.keywords.end())
      using_pattern = &p;
  REQUIRE(using_pattern);
  CHECK_FALSE(echo::admits(using_pattern->trigger, echo::follow_words(used, 5, used.size()), used, 5));
  // No pattern may run on these: a cue verb inside a longer word ("repeatedly",
  // "agreement", "accused"), "like" with no name and comma around it, a name
  // only after the sentence has ended.
  for (const char* text : {"He repeatedly linked the two.", "The agreement holds.", "Seoul accused the North's leader.",
                           "It was like the old days, she called.", "States like Ohio, Iowa and Utah voted.",
                           "He may repeat his attacks on moderators. Trump said so.", "They echo her concerns.",
                           "His views were echoed by a number of experts, as Mr. Ames said.",
                           "THE BORROWING Back then, Mr. Ames said, debt was a last resort.",
                           // No characterising verb after "like", no "him" or "her" after
                           // "agreed with", no "in" and -ing word after "joined", no "was"
                           // before "echoed by" or no possessive before its noun.
                           "Like Park, Senator Ames spoke at length.", "Senator Ames, like Park, spoke at length.",
                           "Kell agreed with his aides on Monday.", "Kell joined Varga at the rally.",
                           "The warning often echoed by reporters was clear.", "Kell joined Varga in the rally.",
                           "The conclusions were seconded by the Tax Office."}) {
    const std::string t = text;
    const std::string low = lower(t);
    for (const echo::CuePattern& p : impl.cues)
      for (const std::string& kw : p.trigger.keywords)
        for (size_t at = low.find(kw); at != std::string::npos; at = low.find(kw, at + 1)) {
          INFO(text << " / pattern of lemma " << p.lemma << " at " << at);
          CHECK_FALSE((echo::keyword_at(t, at, kw, t.size()) &&
                       echo::admits(p.trigger, echo::follow_words(t, at, t.size()), t, at)));
        }
  }
}

TEST_CASE("echo implicit: a shared rare phrase fires, in the right direction", "[echo][implicit]") {
  Analysis a = make_analysis("a.txt", {{"Alma Dorn", "the riots were the work of hired saboteurs from abroad"}}, "", true);
  Analysis b = make_analysis("b.txt", {{"Ivo Lent", "hired saboteurs from abroad had entered the city"}}, "", true);
  echo::EchoReport r = run({&a, &b});
  REQUIRE(r.echoes.size() == 1);
  const echo::Echo& e = r.echoes[0];
  CHECK(e.evidence == echo::Evidence::kImplicit);
  CHECK(e.from.name == "Ivo Lent");
  CHECK(e.to.name == "Alma Dorn");
  CHECK(e.phrase == "hired saboteurs from abroad");
  CHECK(b.doc.slice(e.from.phrase) == "hired saboteurs from abroad");
  CHECK(a.doc.slice(e.to.phrase) == "hired saboteurs from abroad");
  CHECK(e.score >= 0.5);
  // Dates beat input order: b dated earlier is the source.
  echo::EchoReport r2 = run({&a, &b}, {"2024-02-02", "2024-01-01"});
  REQUIRE(r2.echoes.size() == 1);
  CHECK(r2.echoes[0].from.name == "Alma Dorn");
  // Same input, same bytes out.
  std::vector<echo::EchoInput> in{{&a, ""}, {&b, ""}};
  CHECK(echo::to_json(run({&a, &b}), in) == echo::to_json(run({&a, &b}), in));
}

TEST_CASE("echo implicit: common phrases do not fire", "[echo][implicit]") {
  SECTION("stock phrases and common words") {
    Analysis a = make_analysis("a.txt", {{"Alma Dorn", "we will continue to work with the United States"},
                                         {"Ivo Lent", "we will continue to work with the United States"}});
    CHECK(run({&a}).echoes.empty());
    Analysis b = make_analysis("b.txt", {{"Alma Dorn", "the government has a new plan for the economy"},
                                         {"Ivo Lent", "the government has a new plan for the economy"}});
    CHECK(run({&b}).echoes.empty());
  }
  SECTION("names shared by two speakers") {
    Analysis a = make_analysis("a.txt", {{"Alma Dorn", "the Northern Coastal Alliance failed"},
                                         {"Ivo Lent", "the Northern Coastal Alliance will meet"}});
    CHECK(run({&a}).echoes.empty());
  }
  SECTION("a phrase made of the headline's own words is the story's topic") {
    // Every content word of "harbour levy" is the headline's, in another order.
    const std::string h = "Council votes to levy the harbour";
    Analysis a = make_analysis("a.txt", {{"Alma Dorn", "the harbour levy drags on"}}, "", true, h);
    Analysis b = make_analysis("b.txt", {{"Ivo Lent", "a harbour levy nobody wanted"}}, "", true, h);
    CHECK(run({&a, &b}).echoes.empty());
    Analysis c = make_analysis("c.txt", {{"Alma Dorn", "the harbour levy drags on"}}, "", true);
    Analysis d = make_analysis("d.txt", {{"Ivo Lent", "a harbour levy nobody wanted"}}, "", true);
    CHECK(run({&c, &d}).echoes.size() == 1);
  }
  SECTION("a phrase the narrator uses is topic vocabulary") {
    Analysis a = make_analysis("a.txt", {{"Alma Dorn", "the carbon levy is fair"}, {"Ivo Lent", "the carbon levy is costly"}},
                               "The carbon levy rises in April.");
    CHECK(run({&a}).echoes.empty());
  }
  SECTION("document frequency over the input set") {
    // The phrase is in every one of 40 articles: common in this set, whoever says it.
    std::vector<Analysis> docs;
    for (int i = 0; i < 40; ++i)
      docs.push_back(make_analysis("d" + std::to_string(i) + ".txt",
                                   {{"Speaker" + std::to_string(i) + " Person" + std::to_string(i),
                                     "the harvest moon festival opens"}}));
    std::vector<const Analysis*> ptrs;
    for (const Analysis& d : docs) ptrs.push_back(&d);
    CHECK(run(ptrs).echoes.empty());
    // In 2 of 40 it is distinctive.
    std::vector<Analysis> docs2;
    for (int i = 0; i < 40; ++i)
      docs2.push_back(make_analysis("d" + std::to_string(i) + ".txt",
                                    {{"Speaker" + std::to_string(i) + " Person" + std::to_string(i),
                                      i < 2 ? "the harvest moon festival opens" : "rain fell on day " + std::to_string(i)}},
                                    "", true));
    ptrs.clear();
    for (const Analysis& d : docs2) ptrs.push_back(&d);
    CHECK(run(ptrs).echoes.size() == 1);
  }
  SECTION("a relay is one statement, not two speakers") {
    Analysis a = make_analysis("a.txt", {{"Alma Dorn", "the hired saboteurs came from abroad"}});
    Attribution relay = a.attributions[0];
    Entity e;
    e.id = "e2";
    e.name = "Ned Price";
    e.kind = EntityKind::kPerson;
    a.entities.push_back(e);
    relay.speaker.entity = 1;
    relay.content = Span{0, a.attributions[0].content.end};
    a.attributions[0].via = 1;
    a.attributions.push_back(relay);
    CHECK(run({&a}).echoes.empty());
  }
  SECTION("one speaker in two articles is reporting, not repetition") {
    Analysis a = make_analysis("a.txt", {{"Ilan Voss", "a festival of democracy"}});
    Analysis b = make_analysis("b.txt", {{"Ilan Voss", "a festival of democracy"}});
    echo::EchoReport r = run({&a, &b});
    CHECK(r.echoes.empty());
    CHECK(r.repetitions.empty());
  }
}

TEST_CASE("echo implicit: self-repetition within an article is separate", "[echo][repetition]") {
  Analysis a = make_analysis("a.txt", {{"Ola Bent", "the patrols are a shield for every neighbourhood"},
                                       {"Ana Voss", "the weather was mild"},
                                       {"Ola Bent", "we promised a shield for every neighbourhood"}},
                             "", true);
  echo::EchoReport r = run({&a});
  CHECK(r.echoes.empty());
  REQUIRE(r.repetitions.size() == 1);
  CHECK(r.repetitions[0].from.attribution == 2);
  CHECK(r.repetitions[0].to.attribution == 0);
  CHECK(r.repetitions[0].phrase == "shield for every neighbourhood");
}

TEST_CASE("echo implicit: only the speakers' own words make an echo or a repetition", "[echo][implicit]") {
  SECTION("indirect speech is the reporter's wording") {
    // Two paraphrases share the reporter's words, not the speakers'.
    Analysis a = make_analysis("a.txt", {{"Alma Dorn", "the riots were the work of hired saboteurs from abroad"}});
    Analysis b = make_analysis("b.txt", {{"Ivo Lent", "hired saboteurs from abroad had entered the city"}});
    CHECK(run({&a, &b}).echoes.empty());
    // The same words quoted by one side only: still not both speakers' own.
    Analysis c = make_analysis("c.txt", {{"Ivo Lent", "hired saboteurs from abroad had entered the city"}}, "", true);
    CHECK(run({&a, &c}).echoes.empty());
  }
  SECTION("one remark cut in two by its tag is no repetition") {
    // “… shield …,” Ola Bent said. “… shield …,” Ola Bent said: one speaking turn.
    Analysis a = make_analysis("a.txt", {{"Ola Bent", "the patrols are a shield for every neighbourhood"},
                                         {"Ola Bent", "we promised a shield for every neighbourhood"}},
                               "", true);
    CHECK(run({&a}).repetitions.empty());
    // With someone else's statement between, it is two turns (the repetition
    // test above).
  }
}

TEST_CASE("text layer: the headline block", "[echo][scan]") {
  echo::EchoLexicon lex;
  auto headline = [&](const std::string& text) {
    Analysis a;
    a.doc.text = text;
    a.doc.body_end = static_cast<uint32_t>(a.doc.text.size());
    echo::DocText d = echo::scan(a, lex);
    return std::string(a.doc.slice(Span{0, d.headline_end}));
  };
  // A title with the full stop a text export adds is still the title.
  CHECK(headline("Mayor blasts council over ‘ghost budget’ plan.\n\nThe mayor said on Monday that the plan was late.") ==
        "Mayor blasts council over ‘ghost budget’ plan.");
  // A first paragraph of two sentences is body.
  CHECK(headline("The mayor spoke. She left.\n\nThe council met on Monday.").empty());
  // Database export front matter ends at its FULL TEXT label.
  CHECK(headline("Mayor blasts council.\n\nABSTRACT.\n\nThe mayor said the plan was “a ghost budget.”\n\nFULL TEXT."
                 "\n\nThe mayor said on Monday that the plan was “a ghost budget.” The council disagreed.") ==
        "Mayor blasts council.\n\nABSTRACT.\n\nThe mayor said the plan was “a ghost budget.”\n\nFULL TEXT.");
}

TEST_CASE("echo framing: scare quotes, titles, adopted terms", "[echo][framing]") {
  SECTION("a narrator's quoted word, owned by a speaker") {
    Analysis a = make_analysis("a.txt", {{"Karl Odin", "the cuts serve “stabilisation” of the currency"}},
                               "The “stabilisation” package starts in June.");
    echo::EchoReport r = run({&a});
    REQUIRE(r.framing.size() == 1);
    CHECK(r.framing[0].kind == echo::FramingKind::kScareQuote);
    CHECK(r.framing[0].term == "stabilisation");
    CHECK(r.framing[0].entity_name == "Karl Odin");
    CHECK(r.framing[0].attribution == 0);
  }
  SECTION("titles, names and quoted sentences are neither") {
    Analysis a = make_analysis("a.txt", {},
                               "Her memoir, titled “The Long Night,” sold well. The film “Rivers of Salt” opens. "
                               "Locals dubbed it “the Needle.” A sign read: “We are forgotten here.” Fans of the "
                               "“Blue Lions” cheered.");
    CHECK(run({&a}).framing.empty());
  }
  SECTION("so-called distances even a capitalised name") {
    Analysis a = make_analysis("a.txt", {}, "Police cleared the so-called “Freedom Camp” on Tuesday.");
    echo::EchoReport r = run({&a});
    REQUIRE(r.framing.size() == 1);
    CHECK(r.framing[0].term == "freedom camp");
  }
  SECTION("what X calls: the article says whose word it is") {
    Analysis a = make_analysis("a.txt", {{"Karl Odin", "nothing"}}, "The plan is what Odin calls “renewal” of the state.");
    echo::EchoReport r = run({&a});
    REQUIRE(r.framing.size() == 1);
    CHECK(r.framing[0].entity_name == "Karl Odin");
  }
  SECTION("adopted: a speaker's loaded word in the narrator's voice") {
    Analysis a = make_analysis("a.txt", {{"Ana Voss", "officers arrested forty “looters” overnight"}},
                               "By morning the looters had gone.");
    echo::EchoReport r = run({&a});
    REQUIRE(r.framing.size() == 1);
    CHECK(r.framing[0].kind == echo::FramingKind::kAdopted);
    CHECK(r.framing[0].term == "looters");
    CHECK(r.framing[0].entity_name == "Ana Voss");
    // The narrator's own loaded word that no speaker used is not adopted.
    Analysis b = make_analysis("b.txt", {{"Ana Voss", "officers made arrests overnight"}}, "The looters had gone.");
    CHECK(run({&b}).framing.empty());
  }
}

TEST_CASE("echo writers: JSON, analysis sections, text, DOT", "[echo][write]") {
  // Direct quotes (an implicit echo is made of the speakers' own words) whose
  // words need escaping in JSON and DOT; quotation marks in a phrase are the
  // DOT test's below.
  Analysis a = make_analysis("a.txt", {{"Alma Dorn", "the work of hired saboteurs <from> {abroad}"}}, "", true);
  Analysis b = make_analysis("b.txt", {{"Ivo Lent", "hired saboteurs <from> {abroad} came"}},
                             "The “stabilisation” plan.", true);
  std::vector<echo::EchoInput> in{{&a, "2024-01-01"}, {&b, ""}};
  echo::EchoReport r = shared_echo().analyze(in);
  REQUIRE(r.echoes.size() == 1);
  nlohmann::json j = nlohmann::json::parse(echo::to_json(r, in));
  CHECK(j["inputs"][0]["path"] == "a.txt");
  CHECK(j["inputs"][0]["date"] == "2024-01-01");
  CHECK(j["echoes"][0]["from"]["path"] == "b.txt");
  CHECK(j["echoes"][0]["to"]["attribution"] == "a1");
  CHECK(j["echoes"][0]["evidence"] == "implicit");
  uint32_t s = j["echoes"][0]["from"]["phrase"]["start"], e = j["echoes"][0]["from"]["phrase"]["end"];
  CHECK(b.doc.text.substr(s, e - s) == j["echoes"][0]["from"]["phrase"]["text"].get<std::string>());
  CHECK(j["framing"][0]["type"] == "scare_quote");

  const echo::EchoReport rb = shared_echo().analyze(b);
  WriteOptions w;
  w.echo = &rb;
  nlohmann::json sec = nlohmann::json::parse(to_json(b, 2, w));
  CHECK(sec["echoes"].is_array());
  CHECK(sec["framing"].size() == 1);

  std::string text = echo::to_text(r, in);
  CHECK(text.find("Ivo Lent [b.txt a1] -> Alma Dorn [a.txt a1]") != std::string::npos);

  std::string dot = echo::to_dot(r, in);
  Agraph_t* g = agmemread(dot.c_str());
  REQUIRE(g);
  CHECK(agnnodes(g) == 2);
  CHECK(agnedges(g) == 1);
  Agnode_t* lent = agnode(g, const_cast<char*>("lent"), 0);
  REQUIRE(lent);
  Agedge_t* edge = agfstout(g, lent);
  REQUIRE(edge);
  CHECK(std::string(agget(edge, const_cast<char*>("style"))) == "dashed");
  CHECK(std::string(agget(edge, const_cast<char*>("label"))).find("hired saboteurs <from> {abroad") != std::string::npos);
  agclose(g);
}

TEST_CASE("echo DOT parses back whatever the names hold", "[echo][dot]") {
  // cgraph writes backslashes as they are: a name ending in one escaped the
  // closing quote of its label and the DOT no longer parsed.
  Analysis a, b;
  a.doc.path = "a.txt";
  a.doc.text = "Dana Kim\\ said it.";
  b.doc.path = "b.txt";
  b.doc.text = "Ivo \\N Lent said it.";
  Entity da, il;
  da.name = "Dana Kim\\";
  da.kind = EntityKind::kPerson;
  il.name = "Ivo \\N \"Lent\"\n\\";
  il.kind = EntityKind::kPerson;
  a.entities = {da};
  b.entities = {il};
  std::vector<echo::EchoInput> in = {{&a, ""}, {&b, ""}};
  echo::EchoReport r;
  echo::Echo e;
  e.from = {1, -1, 0, il.name, {}, {}};
  e.to = {0, -1, 0, da.name, {}, {}};
  e.phrase = "a \"b\" \\";
  r.echoes.push_back(e);
  std::string dot = echo::to_dot(r, in);
  Agraph_t* g = agmemread(dot.c_str());
  REQUIRE(g);
  CHECK(agnnodes(g) == 2);
  CHECK(agnedges(g) == 1);
  Agedge_t* edge = agfstout(g, agfstnode(g));
  if (!edge) edge = agfstout(g, agnxtnode(g, agfstnode(g)));
  REQUIRE(edge);
  // The phrase's backslash comes back doubled: escString form.
  CHECK(std::string(agget(edge, const_cast<char*>("label"))) == "a \"b\" \\\\");
  agclose(g);
}

TEST_CASE("echo CLI: formats, paths, exit codes", "[echo][cli]") {
  std::string out;
  std::string files = kEchoCases + "09a_cross_order.txt " + kEchoCases + "09b_cross_order.txt";
  REQUIRE(run_cli("echo --format json " + files, &out) == 0);
  nlohmann::json j = nlohmann::json::parse(out);
  REQUIRE(j["echoes"].size() == 1);
  CHECK(j["echoes"][0]["from"]["path"].get<std::string>().ends_with("09b_cross_order.txt"));
  REQUIRE(run_cli("echo " + files, &out) == 0);
  CHECK(out.find("09b_cross_order.txt") != std::string::npos);
  REQUIRE(run_cli("echo --format dot " + files, &out) == 0);
  CHECK(out.find("digraph") != std::string::npos);
  CHECK(run_cli("echo /nonexistent/x.txt", &out) == 2);
  CHECK(out.find("/nonexistent/x.txt") != std::string::npos);
  CHECK(run_cli("echo --format xml " + files, &out) == 1);
  CHECK(run_cli("echo --date bad " + files, &out) == 1);
  // --min-score: the implicit echo of these two files scores below 0.99 and is left out.
  REQUIRE(run_cli("echo --format json --min-score 0.99 " + files, &out) == 0);
  CHECK(nlohmann::json::parse(out)["echoes"].empty());
  CHECK(run_cli("echo --min-score 2 " + files, &out) == 1);
}

TEST_CASE("echo explicit: 'echoed the criticism' takes the statement just before as its source", "[echo][cues]") {
  const std::string text =
      "Dam plan draws fire.\n\n"
      "The plan is reckless and nobody asked the valley, Mayor Ida Renn said on Monday.\n\n"
      "Governor Tomas Vale echoed the criticism, saying the state would review the permit.\n";
  auto r = shared_analyzer().analyze(text, "vale.txt");
  REQUIRE(r.ok());
  const Analysis& a = r.value();
  echo::EchoReport rep = shared_echo().analyze(a);
  const echo::Echo* found = nullptr;
  for (const echo::Echo& e : rep.echoes)
    if (e.evidence == echo::Evidence::kExplicit && e.cue_lemma == "echo") found = &e;
  REQUIRE(found);
  CHECK(name_matches(found->from.name, "Vale"));
  CHECK(name_matches(found->to.name, "Renn"));
  CHECK(found->to.attribution >= 0);
}

TEST_CASE("echo scare quotes: a distanced term inside a paraphrase is the writer's framing", "[echo][framing]") {
  const std::string text =
      "Toll plan stalls.\n\n"
      "Mayor Ida Renn said the council would close what some call the “harbour loophole” before winter.\n\n"
      "Governor Tomas Vale said the port was “thriving,” and that the plan was late.\n\n"
      "Renn said Vale had doubled down on the “master of delay” moniker.\n";
  auto r = shared_analyzer().analyze(text, "toll.txt");
  REQUIRE(r.ok());
  echo::EchoReport rep = shared_echo().analyze(r.value());
  std::vector<std::string> terms;
  for (const echo::Framing& f : rep.framing)
    if (f.kind == echo::FramingKind::kScareQuote) terms.push_back(f.term);
  // "what some call" distances the term inside Renn's paraphrase; Vale's
  // “thriving” is his own word, quoted inside his statement.
  CHECK(std::find(terms.begin(), terms.end(), "harbour loophole") != terms.end());
  CHECK(std::find(terms.begin(), terms.end(), "master of delay") != terms.end());  // a label noun follows
  CHECK(std::find(terms.begin(), terms.end(), "thriving") == terms.end());
}

TEST_CASE("echo explicit: a negated cue states no echo", "[echo][cues]") {
  const std::string text =
      "Dam plan draws fire.\n\n"
      "Mayor Ida Renn said the dam was “a monument to waste.”\n\n"
      "“The valley does not agree with Renn, and it never will,” Governor Tomas Vale said on Monday.\n\n"
      "Councillor Ana Brook agreed with Renn, saying the state would review the permit.\n";
  auto r = shared_analyzer().analyze(text, "vale.txt");
  REQUIRE(r.ok());
  echo::EchoReport rep = shared_echo().analyze(r.value());
  int agree = 0;
  for (const echo::Echo& e : rep.echoes)
    if (e.evidence == echo::Evidence::kExplicit && e.cue_lemma == "agree") {
      ++agree;
      CHECK(name_matches(e.from.name, "Brook"));
    }
  CHECK(agree == 1);
}

TEST_CASE("echo explicit: 'X, an appositive, who echoed' is X's echo", "[echo][cues]") {
  const std::string text =
      "Dam plan draws fire.\n\n"
      "Mayor Ida Renn called the dam “a monument to waste” on Monday.\n\n"
      "“We will fight it,” declared Senator Tomas Vale, Republican of Tarrow County, who echoed Ms. Renn's "
      "criticism of the permit.\n";
  auto r = shared_analyzer().analyze(text, "vale.txt");
  REQUIRE(r.ok());
  echo::EchoReport rep = shared_echo().analyze(r.value());
  const echo::Echo* found = nullptr;
  for (const echo::Echo& e : rep.echoes)
    if (e.evidence == echo::Evidence::kExplicit) found = &e;
  REQUIRE(found);
  CHECK(name_matches(found->from.name, "Vale"));
  CHECK(name_matches(found->to.name, "Renn"));
}

TEST_CASE("echo implicit: a term one speaker cites in a quotation pairs whatever its words", "[echo][implicit]") {
  // Names and everyday words ("Little Ned") make no echo by weight; quoted
  // inside another speaker's quotation they are that speaker citing a term.
  Analysis a = make_analysis("a.txt", {{"Ivo Lent", "he keeps calling me ‘Little Ned’ on the stage"},
                                       {"Ana Voss", "the weather was mild"},
                                       {"Ned Hale", "the debate was about Little Ned and his plans"}},
                             "", true);
  echo::EchoReport r = run({&a});
  REQUIRE(r.echoes.size() == 1);
  CHECK(r.echoes[0].from.name == "Ivo Lent");  // the citing statement is the later one
  CHECK(r.echoes[0].to.name == "Ned Hale");
  CHECK(r.echoes[0].phrase == "Little Ned");
  // Without the inner quotation marks the same words are nobody's.
  Analysis b = make_analysis("b.txt", {{"Ivo Lent", "he keeps calling me Little Ned on the stage"},
                                       {"Ana Voss", "the weather was mild"},
                                       {"Ned Hale", "the debate was about Little Ned and his plans"}},
                             "", true);
  CHECK(run({&b}).echoes.empty());
}

TEST_CASE("echo lexicon: ordinals in figures are the words", "[echo][lexicon]") {
  CHECK(echo::stem_word("2nd") == echo::stem_word("second"));
  CHECK(echo::stem_word("10th") == "tenth");
  CHECK(echo::stem_word("2ndary") == "2ndary");
}

TEST_CASE("echo explicit: 'agreed with him' is the person named last before it", "[echo][cues]") {
  const std::string text =
      "Dam plan draws fire.\n\n"
      "Mayor Tomas Vale called the dam “a monument to waste” on Monday.\n\n"
      "The Harbour Post columnist Ida Renn has been critical of Mr. Vale but on Tuesday wrote that she agreed "
      "with him that the permit is a scandal.\n";
  auto r = shared_analyzer().analyze(text, "vale.txt");
  REQUIRE(r.ok());
  echo::EchoReport rep = shared_echo().analyze(r.value());
  const echo::Echo* found = nullptr;
  for (const echo::Echo& e : rep.echoes)
    if (e.evidence == echo::Evidence::kExplicit && e.cue_lemma == "agree") found = &e;
  REQUIRE(found);
  CHECK(name_matches(found->from.name, "Renn"));
  CHECK(name_matches(found->to.name, "Vale"));
}

TEST_CASE("echo explicit: when the subject found is X itself, the sentence's possessor echoes", "[echo][cues]") {
  // "Vale’s refusal to back Renn ― using Renn’s own phrase ― …": the name just
  // before the cue is X; the echoer owns the sentence's subject.
  const std::string text =
      "Dam plan draws fire.\n\n"
      "Mayor Ida Renn said on Monday that she was “not quite there yet” on the permit.\n\n"
      "Governor Tomas Vale’s refusal to back Renn ― using Renn’s own phrase ― was seen as payback.\n";
  auto r = shared_analyzer().analyze(text, "vale.txt");
  REQUIRE(r.ok());
  echo::EchoReport rep = shared_echo().analyze(r.value());
  const echo::Echo* found = nullptr;
  for (const echo::Echo& e : rep.echoes)
    if (e.evidence == echo::Evidence::kExplicit && e.cue_lemma == "borrow") found = &e;
  REQUIRE(found);
  CHECK(name_matches(found->from.name, "Vale"));
  CHECK(name_matches(found->to.name, "Renn"));
}

TEST_CASE("echo explicit: 'echoed that promise' points at the statement just before", "[echo][cues]") {
  auto reps_and_echoes = [&](const std::string& text) {
    auto r = shared_analyzer().analyze(text, "vale.txt");
    REQUIRE(r.ok());
    return shared_echo().analyze(r.value());
  };
  // The echoer's own statement just before: a repetition.
  echo::EchoReport own = reps_and_echoes(
      "Dam plan draws fire.\n\n"
      "Governor Tomas Vale promised on Sunday to close the “ghost budget” loophole.\n\n"
      "He echoed that promise on Monday, saying the state would act.\n");
  bool rep = false;
  for (const echo::Echo& e : own.repetitions)
    rep = rep || (e.evidence == echo::Evidence::kExplicit && name_matches(e.from.name, "Vale"));
  CHECK(rep);
  for (const echo::Echo& e : own.echoes) CHECK(e.cue_lemma != "echo");
  // Someone else's: an echo of them.
  echo::EchoReport other = reps_and_echoes(
      "Dam plan draws fire.\n\n"
      "Mayor Ida Renn promised on Sunday to close the “ghost budget” loophole.\n\n"
      "Governor Tomas Vale echoed that promise on Monday, saying the state would act.\n");
  const echo::Echo* found = nullptr;
  for (const echo::Echo& e : other.echoes)
    if (e.evidence == echo::Evidence::kExplicit) found = &e;
  REQUIRE(found);
  CHECK(name_matches(found->from.name, "Vale"));
  CHECK(name_matches(found->to.name, "Renn"));
}

TEST_CASE("echo scare quotes: a quoted phrase modifying a noun is a label, even inside a paraphrase", "[echo][framing]") {
  const std::string text =
      "Harbour vote nears.\n\n"
      "Mayor Ida Renn said the “pay as you go” plan would sink the port.\n\n"
      "Renn also mocked Vale’s “Bring Back Ships” rallying cry on Tuesday.\n\n"
      "Governor Tomas Vale said the city’s “broken” budget must change.\n\n"
      "Vale spoke on WXLN’s “Morning Hour” program, and later at the “Blue Anchor” tavern.\n";
  auto r = shared_analyzer().analyze(text, "harbour.txt");
  REQUIRE(r.ok());
  echo::EchoReport rep = shared_echo().analyze(r.value());
  std::vector<std::string> terms;
  for (const echo::Framing& f : rep.framing)
    if (f.kind == echo::FramingKind::kScareQuote) terms.push_back(f.term);
  auto has = [&](const std::string& t) { return std::find(terms.begin(), terms.end(), t) != terms.end(); };
  // A phrase of two or more words between an article or a possessive and its
  // noun names a thing: a label, inside Renn's paraphrase or Title Case.
  CHECK(has("pay as you go"));
  CHECK(has("bring back ships"));
  // One quoted adjective is Vale's own word; a Title-Case quote before a
  // title noun is a title, and after "the" a name.
  CHECK_FALSE(has("broken"));
  CHECK_FALSE(has("morning hour"));
  CHECK_FALSE(has("blue anchor"));
}

TEST_CASE("echo scan: a possessive name and a noun of saying make a quotation that name's words", "[echo][scan]") {
  echo::EchoLexicon lex;
  auto owned = [&](const std::string& text, std::string_view word) {
    Analysis a;
    a.doc.text = text;
    a.doc.body_end = static_cast<uint32_t>(a.doc.text.size());
    echo::DocText d = echo::scan(a, lex);
    for (const echo::Token& t : d.tokens)
      if (a.doc.slice(t.span) == word) return t.has(echo::kOwnedQuote) && t.has(echo::kTermQuote);
    FAIL("no token " << word);
    return false;
  };
  CHECK(owned("Ames mocked Vale’s pledge on Monday to “make the city whole again” as hollow.", "whole"));
  CHECK(owned("Ames answered Vale's slogan “Ships Not Slogans” at once.", "Ships"));
  // The speaker's own characterisation of X's words, and no noun of saying.
  CHECK_FALSE(owned("Ames called Vale's remarks on Monday a “new low” at once.", "low"));
  CHECK_FALSE(owned("Ames toured Vale's harbour to “see it for herself” on Monday.", "herself"));
}

TEST_CASE("echo implicit: words a statement cites as another speaker's make an echo of them", "[echo][implicit]") {
  // A live blog, latest first: Renn's reply to Vale comes before Vale's speech.
  const std::string text =
      "Harbour live: the latest.\n\n"
      "Mayor Ida Renn said that Vale’s call earlier in the day to “make the city whole again” was an empty slogan.\n\n"
      "The council met at noon and heard from residents about the port.\n\n"
      "Governor Tomas Vale told supporters that the goal was to “make the city whole again” by spring.\n";
  auto r = shared_analyzer().analyze(text, "live.txt");
  REQUIRE(r.ok());
  echo::EchoReport rep = shared_echo().analyze(r.value());
  bool found = false;
  for (const echo::Echo& e : rep.echoes)
    if (e.evidence == echo::Evidence::kImplicit && name_matches(e.from.name, "Renn") && name_matches(e.to.name, "Vale") &&
        e.phrase.find("whole") != std::string::npos)
      found = true;
  CHECK(found);
  for (const echo::Echo& e : rep.echoes) CHECK_FALSE((name_matches(e.from.name, "Vale") && name_matches(e.to.name, "Renn")));
}
