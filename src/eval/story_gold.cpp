// Story gold reader: STORY.story.json (docs/story-gold.md) -> StoryGold; member
// spans converted from code points to bytes once the articles are read.
#include <algorithm>
#include <filesystem>
#include <map>

#include <nlohmann/json.hpp>

#include "eval/text_match.hpp"
#include "quotegraph/story_eval.hpp"

namespace quotegraph::eval {
namespace {

using Json = nlohmann::json;

constexpr std::string_view kSuffix = ".story.json";

Status bad(const std::string& path, const std::string& what) {
  return Status(ErrorCode::kFormatError, path + ": " + what);
}

std::string str_at(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

Result<StoryGold> parse_story_gold(std::string_view json, const std::string& path) {
  Json root = Json::parse(json.begin(), json.end(), nullptr, false);
  if (root.is_discarded() || !root.is_object()) return bad(path, "not a JSON object");
  if (root.value("format", "") != "quotegraph-story-gold/1") return bad(path, "format is not \"quotegraph-story-gold/1\"");
  StoryGold g;
  g.path = path;
  g.name = str_at(root, "story");
  g.about = str_at(root, "about");
  std::map<std::string, int> article_of;
  const Json& arts = root.contains("articles") ? root["articles"] : Json();
  if (!arts.is_array() || arts.size() < 2) return bad(path, "articles: needs at least two");
  for (size_t i = 0; i < arts.size(); ++i) {
    const Json& a = arts[i];
    StoryArticle art{str_at(a, "id"), str_at(a, "doc"), str_at(a, "split"), str_at(a, "outlet")};
    const std::string where = "articles[" + std::to_string(i) + "]";
    if (art.id.empty() || art.doc.empty()) return bad(path, where + ": needs id and doc");
    if (!article_of.emplace(art.id, static_cast<int>(i)).second) return bad(path, where + ": id \"" + art.id + "\" twice");
    if (art.outlet.empty()) art.outlet = art.id;
    g.articles.push_back(std::move(art));
  }
  const Json& stmts = root.contains("statements") ? root["statements"] : Json::array();
  if (!stmts.is_array()) return bad(path, "statements is not an array");
  for (size_t i = 0; i < stmts.size(); ++i) {
    const Json& s = stmts[i];
    const std::string where = "statements[" + std::to_string(i) + "]";
    StoryStatement st{str_at(s, "speaker"), str_at(s, "key"), {}};
    const Json& ms = s.contains("members") ? s["members"] : Json();
    if (!ms.is_array() || ms.size() < 2) return bad(path, where + ": needs two members or more");
    for (size_t k = 0; k < ms.size(); ++k) {
      const Json& m = ms[k];
      const std::string mw = where + ".members[" + std::to_string(k) + "]";
      auto it = article_of.find(str_at(m, "article"));
      if (it == article_of.end()) return bad(path, mw + ": no article \"" + str_at(m, "article") + "\"");
      const Json& sp = m.contains("span") ? m["span"] : Json();
      if (!sp.is_array() || sp.size() != 2 || !sp[0].is_number_integer() || !sp[1].is_number_integer() ||
          sp[0].get<int64_t>() < 0 || sp[1].get<int64_t>() <= sp[0].get<int64_t>() || sp[1].get<int64_t>() > UINT32_MAX)
        return bad(path, mw + ": span is not [start, end) with start < end");
      StoryMember member{it->second, Span{sp[0].get<uint32_t>(), sp[1].get<uint32_t>()}, str_at(m, "speaker"), {}};
      if (m.contains("also")) {
        const Json& also = m["also"];
        if (!also.is_array()) return bad(path, mw + ": also is not an array of spans");
        for (const Json& a : also) {
          if (!a.is_array() || a.size() != 2 || !a[0].is_number_integer() || !a[1].is_number_integer() ||
              a[0].get<int64_t>() < 0 || a[1].get<int64_t>() <= a[0].get<int64_t>() || a[1].get<int64_t>() > UINT32_MAX)
            return bad(path, mw + ": also holds a span that is not [start, end) with start < end");
          member.also.push_back({a[0].get<uint32_t>(), a[1].get<uint32_t>()});
        }
      }
      st.members.push_back(std::move(member));
    }
    g.statements.push_back(std::move(st));
  }
  const Json& sps = root.contains("speakers") ? root["speakers"] : Json::array();
  if (!sps.is_array()) return bad(path, "speakers is not an array");
  for (size_t i = 0; i < sps.size(); ++i) {
    StorySpeaker sp{str_at(sps[i], "name"), {}};
    const std::string where = "speakers[" + std::to_string(i) + "]";
    if (sp.name.empty() || !sps[i].contains("articles") || !sps[i]["articles"].is_array())
      return bad(path, where + ": needs name and articles");
    for (const Json& a : sps[i]["articles"]) {
      auto it = article_of.find(a.is_string() ? a.get<std::string>() : "");
      if (it == article_of.end()) return bad(path, where + ": unknown article " + a.dump());
      sp.articles.push_back(it->second);
    }
    std::sort(sp.articles.begin(), sp.articles.end());
    sp.articles.erase(std::unique(sp.articles.begin(), sp.articles.end()), sp.articles.end());
    g.speakers.push_back(std::move(sp));
  }
  return g;
}

Status convert_story_spans(StoryGold& gold, const std::vector<std::string>& texts) {
  if (texts.size() != gold.articles.size())
    return Status(ErrorCode::kInvalidArgument, gold.path + ": one text per article needed");
  std::vector<std::vector<uint32_t>> byte_at;
  for (size_t i = 0; i < texts.size(); ++i) {
    auto offsets = code_point_offsets(texts[i], gold.articles[i].doc);
    if (!offsets.ok()) return offsets.status();
    byte_at.push_back(std::move(offsets).value());
  }
  for (size_t i = 0; i < gold.statements.size(); ++i)
    for (size_t k = 0; k < gold.statements[i].members.size(); ++k) {
      StoryMember& m = gold.statements[i].members[k];
      const auto& map = byte_at[m.article];
      if (m.span.end >= map.size())
        return Status(ErrorCode::kFormatError, gold.path + ": statements[" + std::to_string(i) + "].members[" +
                                                   std::to_string(k) + "]: span ends past " + gold.articles[m.article].doc +
                                                   " (" + std::to_string(map.size() - 1) + " code points)");
      m.span = {map[m.span.start], map[m.span.end]};
      for (Span& a : m.also) {
        if (a.end >= map.size())
          return Status(ErrorCode::kFormatError, gold.path + ": statements[" + std::to_string(i) + "].members[" +
                                                     std::to_string(k) + "]: an also span ends past " +
                                                     gold.articles[m.article].doc);
        a = {map[a.start], map[a.end]};
      }
    }
  return Status::ok_status();
}

Result<std::vector<std::string>> find_story_files(const std::string& gold) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::exists(gold, ec)) return Status(ErrorCode::kInputError, gold + ": no such file or directory");
  std::vector<std::string> out;
  if (!fs::is_directory(gold, ec)) return std::vector<std::string>{gold};
  for (const auto& e : fs::directory_iterator(gold, ec))
    if (e.is_regular_file() && e.path().filename().string().ends_with(kSuffix)) out.push_back(e.path().string());
  if (ec) return Status(ErrorCode::kInputError, gold + ": cannot list: " + ec.message());
  if (out.empty()) return Status(ErrorCode::kInputError, gold + ": no *" + std::string(kSuffix) + " files");
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace quotegraph::eval
