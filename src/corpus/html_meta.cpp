// Page metadata: a gumbo tree in, title, byline, date, URL and site name out,
// from what the page declares about itself (Open Graph and other meta tags,
// JSON-LD, <title>, <time>).
#include "corpus/html_meta.hpp"

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace quotegraph::corpus::detail {
namespace {

// Trimmed, runs of white space collapsed to one space.
std::string clean(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return out;
}

std::string attr(const GumboElement& el, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&el.attributes, name);
  return a ? std::string(a->value) : std::string();
}

std::string text_of(const GumboNode* n) {
  std::string out;
  std::vector<const GumboNode*> stack{n};
  while (!stack.empty()) {
    const GumboNode* c = stack.back();
    stack.pop_back();
    if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_CDATA || c->type == GUMBO_NODE_WHITESPACE) {
      out += c->v.text.text;
    } else if (c->type == GUMBO_NODE_ELEMENT) {
      const GumboVector& ch = c->v.element.children;
      for (unsigned i = ch.length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(ch.data[i]));
    }
  }
  return out;
}

bool looks_like_url(std::string_view s) {
  return s.substr(0, 7) == "http://" || s.substr(0, 8) == "https://" || s.substr(0, 1) == "/";
}

// The candidates for one field, in order of preference; the first non-empty wins.
struct Field {
  std::vector<std::string> by_rank;
  explicit Field(size_t ranks) : by_rank(ranks) {}
  void offer(size_t rank, std::string_view value) {
    if (rank < by_rank.size() && by_rank[rank].empty()) by_rank[rank] = clean(value);
  }
  std::string best() const {
    for (const std::string& v : by_rank)
      if (!v.empty()) return v;
    return {};
  }
};

// Names of a JSON-LD "author" (a string, an object with "name", or an array of either).
std::string names(const nlohmann::json& j) {
  if (j.is_string()) return j.get<std::string>();
  if (j.is_object() && j.contains("name") && j["name"].is_string()) return j["name"].get<std::string>();
  if (j.is_array()) {
    std::string out;
    for (const auto& e : j) {
      std::string n = names(e);
      if (n.empty()) continue;
      if (!out.empty()) out += ", ";
      out += n;
    }
    return out;
  }
  return {};
}

struct Fields {
  Field title{4}, byline{3}, date{4}, url{3}, site{3};
};

// JSON-LD objects of an article type (NewsArticle, BlogPosting…), or any
// object with a headline, found at the top, in arrays and in "@graph".
void read_json_ld(const nlohmann::json& j, Fields* f, int depth = 0) {
  if (depth > 4) return;
  if (j.is_array()) {
    for (const auto& e : j) read_json_ld(e, f, depth + 1);
    return;
  }
  if (!j.is_object()) return;
  if (j.contains("@graph")) read_json_ld(j["@graph"], f, depth + 1);
  std::string type;
  if (j.contains("@type") && j["@type"].is_string()) type = j["@type"].get<std::string>();
  bool article = type.find("Article") != std::string::npos || type == "BlogPosting" || type == "Report" ||
                 j.contains("headline");
  if (!article) return;
  auto str = [&](const char* key) {
    return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
  };
  f->title.offer(2, str("headline"));
  if (j.contains("author")) {
    std::string n = names(j["author"]);
    if (!looks_like_url(n)) f->byline.offer(0, n);
  }
  f->date.offer(0, str("datePublished"));
  f->url.offer(2, str("url"));
  if (j.contains("publisher")) f->site.offer(1, names(j["publisher"]));
}

}  // namespace

void read_metadata(const GumboNode* root, HtmlArticle* out) {
  Fields f;
  std::string first_time;
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type == GUMBO_NODE_DOCUMENT) {
      const GumboVector& c = n->v.document.children;
      for (unsigned i = c.length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(c.data[i]));
      continue;
    }
    if (n->type != GUMBO_NODE_ELEMENT) continue;
    const GumboElement& el = n->v.element;
    switch (el.tag) {
      case GUMBO_TAG_META: {
        std::string key = lower(attr(el, "property"));
        if (key.empty()) key = lower(attr(el, "name"));
        if (key.empty()) key = lower(attr(el, "itemprop"));
        std::string content = attr(el, "content");
        if (key == "og:title") f.title.offer(0, content);
        else if (key == "twitter:title") f.title.offer(1, content);
        else if (key == "author" || key == "byl" || key == "dc.creator") f.byline.offer(1, content);
        else if (key == "article:author" && !looks_like_url(content)) f.byline.offer(2, content);
        else if (key == "article:published_time" || key == "datepublished") f.date.offer(1, content);
        else if (key == "date" || key == "dc.date" || key == "pubdate" || key == "publish-date") f.date.offer(2, content);
        else if (key == "og:url") f.url.offer(1, content);
        else if (key == "og:site_name") f.site.offer(0, content);
        else if (key == "application-name") f.site.offer(2, content);
        continue;
      }
      case GUMBO_TAG_LINK:
        if (lower(attr(el, "rel")) == "canonical") f.url.offer(0, attr(el, "href"));
        continue;
      case GUMBO_TAG_TITLE:
        f.title.offer(3, text_of(n));
        continue;
      case GUMBO_TAG_TIME:
        if (first_time.empty()) first_time = attr(el, "datetime");
        break;
      case GUMBO_TAG_SCRIPT:
        if (lower(attr(el, "type")) == "application/ld+json") {
          nlohmann::json j = nlohmann::json::parse(text_of(n), nullptr, false);
          if (!j.is_discarded()) read_json_ld(j, &f);
        }
        continue;
      default:
        break;
    }
    const GumboVector& c = el.children;
    for (unsigned i = c.length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(c.data[i]));
  }
  f.date.offer(3, first_time);
  out->title = f.title.best();
  out->byline = f.byline.best();
  out->date = f.date.best();
  out->url = f.url.best();
  out->site_name = f.site.best();
}

}  // namespace quotegraph::corpus::detail
