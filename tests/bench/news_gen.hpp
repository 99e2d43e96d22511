// Generates news-like articles for benchmarks: headlines, quotes of every shape,
// indirect speech, according-to, narration and a web-chrome tail. Deterministic
// for a seed. Every sentence is assembled from invented parts.
#pragma once

#include <random>
#include <string>
#include <vector>

namespace quotegraph::bench {

class NewsGenerator {
 public:
  explicit NewsGenerator(uint32_t seed) : rng_(seed) {}

  std::string article(size_t paragraphs = 14) {
    std::string out = pick(kHeadlines) + ", " + pick(kGroups) + " say\n\n";
    for (size_t p = 0; p < paragraphs; ++p) {
      out += paragraph();
      out += "\n\n";
    }
    if (rng_() % 3 == 0) out += "Leave a Reply\n";
    return out;
  }

  // Concatenated articles until `bytes` is reached.
  std::string corpus(size_t bytes) {
    std::string out;
    while (out.size() < bytes) out += article();
    return out;
  }

 private:
  std::string name() { return pick(kFirst) + " " + pick(kLast); }

  // Real news carries about one attribution per 200 bytes (PolNeAR dev: 415 KB,
  // about 2,000 attributions); the mix below gives the same density.
  std::string paragraph() {
    if (rng_() % 2 == 0) return pick(kNarration) + " " + pick(kNarration) + " " + pick(kNarration);
    return statement() + " " + pick(kNarration);
  }

  std::string statement() {
    switch (rng_() % 7) {
      case 0: return "\u201C" + pick(kClaims) + ",\u201D " + name() + ", " + pick(kRoles) + ", said.";
      case 1: return name() + " said that " + lower(pick(kClaims)) + ".";
      case 2: return pick(kClaims) + ", according to " + pick(kGroups) + ".";
      case 3: return "\"" + pick(kClaims) + ",\" said " + name() + ". \"" + pick(kClaims) + ".\"";
      case 4: return "The " + pick(kRoles) + " described the plan as \u201C" + lower(pick(kClaims)) + ".\u201D";
      case 5: return pick(kGroups) + " believe " + lower(pick(kClaims)) + ", while " + name() + " told reporters " +
                     lower(pick(kClaims)) + ".";
      default: return name() + " warned that " + lower(pick(kClaims)) + ".";
    }
  }

  static std::string lower(std::string s) {
    if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] + 32);
    return s;
  }

  const std::string& pick(const std::vector<std::string>& v) { return v[rng_() % v.size()]; }

  std::mt19937 rng_;
  const std::vector<std::string> kFirst{"Ana", "Tomas", "Leila", "Marcus", "Yuki", "Olga", "Samir", "Grace"};
  const std::vector<std::string> kLast{"Ruiz", "Becker", "Haddad", "Okafor", "Tanaka", "Ivanova", "Patel", "Lund"};
  const std::vector<std::string> kRoles{"a spokeswoman for the ministry", "the city's mayor", "an economist",
                                        "the union leader", "a senior official", "the regional governor"};
  const std::vector<std::string> kGroups{"officials", "police", "the ministry", "local authorities",
                                         "aid workers", "analysts"};
  const std::vector<std::string> kHeadlines{"Floods close three bridges", "Talks stall over fuel prices",
                                            "Council backs new rail line", "Strike halts port traffic"};
  const std::vector<std::string> kClaims{
      "The bridge will reopen before the winter storms arrive", "Nobody expected the water to rise so fast",
      "The budget leaves no room for new hospitals", "We have asked for an independent inquiry",
      "The agreement is a first step toward a lasting settlement", "Prices rose four percent in the last year"};
  const std::vector<std::string> kNarration{
      "The river reached its highest level in forty years on Tuesday.",
      "Hundreds of residents spent the night in school gyms.",
      "The talks resumed after a two-hour break in the afternoon.",
      "Traffic on the main road was diverted through the old town."};
};

}  // namespace quotegraph::bench
