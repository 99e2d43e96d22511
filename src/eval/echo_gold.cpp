// Echo gold reader: NAME.echo.json (docs/echo-gold.md) -> EchoGold, code points
// converted to byte spans.
#include <algorithm>
#include <map>

#include <nlohmann/json.hpp>

#include "eval/gold_files.hpp"
#include "eval/text_match.hpp"
#include "quotegraph/echo_eval.hpp"

namespace quotegraph::eval {
namespace {

using Json = nlohmann::json;

Status bad(const std::string& path, const std::string& what) {
  return Status(ErrorCode::kFormatError, path + ": " + what);
}

// `key` of `j`: absent or null -> empty span; [start, end] in code points -> bytes.
// Returns "" or what is wrong.
std::string span_at(const Json& j, const char* key, const std::vector<uint32_t>& byte_at, Span& out) {
  out = {};
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return "";
  if (!it->is_array() || it->size() != 2 || !(*it)[0].is_number_integer() || !(*it)[1].is_number_integer())
    return std::string(key) + " is not [start, end]";
  const int64_t s = (*it)[0].get<int64_t>(), e = (*it)[1].get<int64_t>();
  const int64_t n = static_cast<int64_t>(byte_at.size()) - 1;
  if (s < 0 || e <= s || e > n)
    return std::string(key) + " [" + std::to_string(s) + ", " + std::to_string(e) + ") outside the article's " +
           std::to_string(n) + " code points or empty";
  out = {byte_at[static_cast<size_t>(s)], byte_at[static_cast<size_t>(e)]};
  return "";
}

std::string str_at(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

const char* to_string(EchoItemType t) {
  switch (t) {
    case EchoItemType::kExplicit: return "explicit";
    case EchoItemType::kImplicit: return "implicit";
    case EchoItemType::kRepetition: return "repetition";
    case EchoItemType::kScareQuote: return "scare_quote";
    case EchoItemType::kNegative: return "negative";
  }
  return "?";
}

Result<EchoGold> parse_echo_gold(std::string_view json, std::string_view article, const std::string& path) {
  Json root = Json::parse(json.begin(), json.end(), nullptr, false);
  if (root.is_discarded() || !root.is_object()) return bad(path, "not a JSON object");
  if (root.value("format", "") != "quotegraph-echo-gold/1") return bad(path, "format is not \"quotegraph-echo-gold/1\"");
  auto offsets = code_point_offsets(article, path);
  if (!offsets.ok()) return offsets.status();
  const std::vector<uint32_t>& byte_at = offsets.value();
  static const std::map<std::string, EchoItemType> kTypes = {{"explicit", EchoItemType::kExplicit},
                                                             {"implicit", EchoItemType::kImplicit},
                                                             {"repetition", EchoItemType::kRepetition},
                                                             {"scare_quote", EchoItemType::kScareQuote},
                                                             {"negative", EchoItemType::kNegative}};
  EchoGold g;
  g.gold_path = path;
  g.split = root.value("split", "");
  const Json& items = root.value("items", Json::array());
  if (!items.is_array()) return bad(path, "items is not an array");
  for (size_t i = 0; i < items.size(); ++i) {
    const Json& j = items[i];
    const std::string at = "items[" + std::to_string(i) + "]: ";
    if (!j.is_object()) return bad(path, at + "not an object");
    auto t = kTypes.find(j.value("type", ""));
    if (t == kTypes.end()) return bad(path, at + "unknown type '" + j.value("type", "") + "'");
    EchoGoldItem it;
    it.type = t->second;
    for (auto [key, span] : {std::pair{"cue", &it.cue}, std::pair{"phrase", &it.phrase},
                             std::pair{"to_phrase", &it.to_phrase}, std::pair{"span", &it.span}})
      if (std::string err = span_at(j, key, byte_at, *span); !err.empty()) return bad(path, at + err);
    it.from = str_at(j, "from");
    it.to = str_at(j, "to");
    it.owner = str_at(j, "owner");
    it.term = str_at(j, "term");
    // What each type needs, so that an item can never match by accident of a gap.
    switch (it.type) {
      case EchoItemType::kExplicit:
        if (it.from.empty() || it.to.empty() || it.cue.empty()) return bad(path, at + "explicit needs from, to and cue");
        break;
      case EchoItemType::kImplicit:
        if (it.from.empty() || it.to.empty() || it.phrase.empty() || it.to_phrase.empty())
          return bad(path, at + "implicit needs from, to, phrase and to_phrase");
        break;
      case EchoItemType::kRepetition:
        it.from = it.to = str_at(j, "speaker");
        if (it.from.empty() || (it.cue.empty() && it.phrase.empty()))
          return bad(path, at + "repetition needs speaker and a cue or a phrase");
        break;
      case EchoItemType::kScareQuote:
        if (it.span.empty() || it.term.empty()) return bad(path, at + "scare_quote needs span and term");
        break;
      case EchoItemType::kNegative:
        if (it.phrase.empty() || it.to_phrase.empty() || it.term.empty())
          return bad(path, at + "negative needs phrase, to_phrase and term");
        break;
    }
    g.items.push_back(std::move(it));
  }
  return g;
}

Result<std::vector<EvalInput>> find_echo_inputs(const std::string& gold, const std::vector<std::string>& text_dirs) {
  return find_suffixed_inputs(gold, text_dirs, ".echo.json");
}

}  // namespace quotegraph::eval
