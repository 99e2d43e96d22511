// The seed article against its hand-made gold file: every gold attribution found
// with the right speaker, nothing from the web chrome. The rules were written
// for news at large; this measures them on one real article.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "quotegraph/analyzer.hpp"
#include "quotegraph/io.hpp"

using namespace quotegraph;

namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Byte offset of code point `cp` in UTF-8 text.
uint32_t byte_of(const std::string& s, size_t cp) {
  size_t i = 0, n = 0;
  while (i < s.size() && n < cp) {
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
    ++n;
  }
  return static_cast<uint32_t>(i);
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

std::string last_word(const std::string& s) {
  std::string w;
  std::istringstream ss(lower(s));
  for (std::string t; ss >> t;) w = t;
  while (!w.empty() && !std::isalnum(static_cast<unsigned char>(w.back()))) w.pop_back();
  return w;
}

}  // namespace

TEST_CASE("seed article: gold attributions, speakers and chrome", "[seed]") {
  const std::string dir = std::string(QG_SOURCE_DIR) + "/seeds/";
  const std::string text = slurp(dir + "000_1af91efddab21499.txt");
  const auto gold = nlohmann::json::parse(slurp(dir + "000_1af91efddab21499.gold.json"));
  Analyzer analyzer;
  auto r = analyzer.analyze(text, "seed");
  REQUIRE(r.ok());
  const Analysis& a = r.value();

  // The body ends where the chrome starts, and no attribution lies in the chrome.
  const std::string chrome = gold["boilerplate"]["starts_at"];
  const size_t chrome_at = text.find(chrome);
  REQUIRE(chrome_at != std::string::npos);
  CHECK(a.doc.body_end <= chrome_at);
  CHECK(a.doc.body_end > chrome_at - 40);
  for (const Attribution& t : a.attributions) CHECK(t.content.end <= a.doc.body_end);

  int found = 0;
  for (const auto& g : gold["attributions"]) {
    Span gs{byte_of(text, g["start"]), byte_of(text, g["end"])};
    std::vector<std::string> aliases = g["speaker_aliases"];
    aliases.push_back(g["speaker"]);
    bool ok = false;
    for (const Attribution& t : a.attributions) {
      uint32_t shorter = std::min(gs.size(), t.content.size());
      if (shorter == 0 || overlap(gs, t.content) * 2 < shorter) continue;
      std::vector<std::string> names{std::string(a.doc.slice(t.speaker.mention))};
      if (t.speaker.entity >= 0) {
        const Entity& e = a.entities[t.speaker.entity];
        names.push_back(e.name);
        names.insert(names.end(), e.aliases.begin(), e.aliases.end());
      }
      for (const auto& n : names)
        for (const auto& al : aliases)
          ok = ok || lower(n) == lower(al) || (!last_word(n).empty() && last_word(n) == last_word(al));
      if (ok) break;
    }
    INFO("gold " << g["id"] << ": " << g["speaker"] << " / " << g["content"]);
    CHECK(ok);
    found += ok;
  }
  CHECK(found == static_cast<int>(gold["attributions"].size()));
}

TEST_CASE("seed article: JSON output offsets slice back to their text", "[seed][output]") {
  const std::string text = slurp(std::string(QG_SOURCE_DIR) + "/seeds/000_1af91efddab21499.txt");
  Analyzer analyzer;
  auto r = analyzer.analyze(text, "seed");
  REQUIRE(r.ok());
  auto j = nlohmann::json::parse(to_json(r.value()));
  CHECK(j["document"]["body_end"].get<uint32_t>() == r.value().doc.body_end);
  for (const auto& t : j["attributions"]) {
    for (const char* key : {"content", "cue", "speaker_mention"}) {
      if (t[key].is_null()) continue;
      uint32_t s = t[key]["start"], e = t[key]["end"];
      CHECK(text.substr(s, e - s) == t[key]["text"].get<std::string>());
    }
  }
}
