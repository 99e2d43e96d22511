// The gazetteer's reading of Debian's iso-codes (src/entity/gazetteer.cpp, on
// simdjson's tape) against the same files read here with nlohmann, as the
// gazetteer read them before: every country name and code gives its alpha-3,
// every kept country and subdivision name is a place.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "attrib/lexicon.hpp"
#include "entity/gazetteer.hpp"
#include "entity/name_words.hpp"
#include "text/tokenize.hpp"

namespace {

nlohmann::json read_json(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return nlohmann::json::parse(ss.str(), nullptr, false);
}

std::string plain(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != '.') out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return out;
}

bool kept_name(const nlohmann::json& item, const char* key, std::string* name) {
  auto it = item.find(key);
  if (it == item.end() || !it->is_string()) return false;
  *name = it->get<std::string>();
  return name->find(',') == std::string::npos && name->find('(') == std::string::npos;
}

}  // namespace

TEST_CASE("gazetteer: iso-codes read as nlohmann reads them: codes and names of countries, kept subdivisions",
          "[entities][gazetteer]") {
  const char* env = std::getenv("QG_ISO_CODES_DIR");
  const std::string dir = env && *env ? env : "/usr/share/iso-codes/json";
  if (!std::filesystem::exists(dir + "/iso_3166-1.json") || !std::filesystem::exists(dir + "/iso_3166-2.json")) {
    WARN("skipped: no iso-codes in " << dir);
    return;
  }
  using quotegraph::EntityKind;
  using quotegraph::entity::country_id;
  using quotegraph::entity::known_kind;
  auto place = [](const std::string& name) {
    std::string f = quotegraph::text::fold(name);
    if (f.starts_with("the ")) f.erase(0, 4);
    return known_kind(f) == EntityKind::kPlace;
  };
  std::map<std::string, std::string> first_id;  // the first country to claim a form keeps it
  size_t countries = 0, names = 0;
  const nlohmann::json iso1 = read_json(dir + "/iso_3166-1.json"), iso2 = read_json(dir + "/iso_3166-2.json");
  for (const auto& c : iso1["3166-1"]) {
    ++countries;
    std::string name;
    for (const char* key : {"name", "common_name", "official_name"})
      if (kept_name(c, key, &name)) {
        INFO("country name " << name);
        CHECK(place(name));
        ++names;
      }
    const std::string a3 = c.value("alpha_3", "");
    for (const char* key : {"name", "common_name", "official_name", "alpha_2", "alpha_3"})
      if (auto it = c.find(key); !a3.empty() && it != c.end() && it->is_string())
        first_id.emplace(plain(it->get<std::string>()), a3);
  }
  for (const auto& [form, a3] : first_id) {
    INFO("country form " << form);
    CHECK(country_id(form) == a3);
  }
  for (const auto& s : iso2["3166-2"]) {
    const std::string type = s.value("type", "");
    std::string name;
    if ((type == "State" || type == "Province" || type == "Nation") && kept_name(s, "name", &name)) {
      INFO("subdivision " << name);
      CHECK(place(name));
      ++names;
    }
  }
  CHECK(countries > 200);
  CHECK(names > 1000);
}

TEST_CASE("gazetteer: the lexicon marks a token with the name lists exactly when their tests say yes", "[gazetteer]") {
  // The name scan reads a token's common-word, verb and demonym marks off its
  // lexicon entry instead of asking is_common_capword(), is_verb_capword()
  // and is_demonym() about the folded word: the two must agree on every word
  // of the lists, and on words the lexicon knows for other reasons ("said",
  // "the") or not at all.
  using namespace quotegraph;
  const attrib::Lexicon lex;
  using L = attrib::Lexicon;
  std::vector<std::string_view> words = {"said", "the", "police", "president", "trump", "kazakhstan", "russians",
                                         "r-utah", "xyzzy", "monday"};
  for (std::string_view w : entity::kCommonCapwords) words.push_back(w);
  for (std::string_view w : entity::kHeadlineAdverbs) words.push_back(w);
  for (std::string_view w : entity::kVerbCapwords) words.push_back(w);
  for (std::string_view w : entity::kDemonyms) words.push_back(w);
  for (std::string_view w : words) {
    INFO(w);
    const uint8_t n = lex.info(w).names;
    CHECK(((n & (L::kCommonCapword | L::kVerbCapword)) != 0) == entity::is_common_capword(w));
    CHECK(((n & L::kVerbCapword) != 0) == entity::is_verb_capword(w));
    CHECK(((n & L::kDemonym) != 0) == entity::is_demonym(w));
  }
  CHECK(lex.info("slams").names & L::kVerbCapword);
  CHECK(lex.info("thousands").names & L::kCommonCapword);
  CHECK(lex.info("russian").names & L::kDemonym);
  CHECK(lex.info("trump").names == 0);
}
