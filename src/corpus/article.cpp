// Article body of a parsed HTML page: a gumbo tree in, the body as plain text
// out. Readability's idea on gumbo: score paragraphs, pick the element whose
// paragraphs score highest, widen it to its enclosing <article>, then write its
// text with page furniture pruned.
#include "corpus/article.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <re2/re2.h>

#include "corpus/charset.hpp"
#include "corpus/text_builder.hpp"

namespace quotegraph::corpus::detail {
namespace {

// Elements that never hold article prose, whatever the page.
bool is_dropped_tag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FOOTER: case GUMBO_TAG_HEADER:
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG: case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_HEAD: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_OPTION:
    case GUMBO_TAG_LABEL: case GUMBO_TAG_MATH: case GUMBO_TAG_CANVAS: case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED: case GUMBO_TAG_AUDIO: case GUMBO_TAG_VIDEO:
      return true;
    default:
      return false;
  }
}

// Sectioning elements around the article, not in it. Dropped like the
// others, unless one holds most of the prose (then it wraps the article).
bool is_page_section(GumboTag tag) {
  return tag == GUMBO_TAG_NAV || tag == GUMBO_TAG_ASIDE || tag == GUMBO_TAG_HEADER || tag == GUMBO_TAG_FOOTER;
}

// Elements whose text is never rendered (their subtrees are not even scored).
bool is_invisible_tag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_HEAD: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT:
      return true;
    default:
      return false;
  }
}

// Elements that end a paragraph.
bool is_block_tag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI: case GUMBO_TAG_UL: case GUMBO_TAG_OL:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE: case GUMBO_TAG_TABLE: case GUMBO_TAG_TR:
    case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_FIGURE: case GUMBO_TAG_HR: case GUMBO_TAG_DL:
    case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_FORM: case GUMBO_TAG_ASIDE: case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_ADDRESS: case GUMBO_TAG_BODY:
    case GUMBO_TAG_CENTER: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_DETAILS: case GUMBO_TAG_SUMMARY:
      return true;
    default:
      return false;
  }
}


int heading_level(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_H1: return 1;
    case GUMBO_TAG_H2: return 2;
    case GUMBO_TAG_H3: return 3;
    case GUMBO_TAG_H4: return 4;
    case GUMBO_TAG_H5: return 5;
    default: return 6;
  }
}

bool is_heading(GumboTag tag) {
  return tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3 || tag == GUMBO_TAG_H4 ||
         tag == GUMBO_TAG_H5 || tag == GUMBO_TAG_H6;
}

// Class and id words of page furniture, matched as whole words of a class or
// id split at non-letters and camelCase humps ("share-bar", "relatedPosts",
// "comment_list"), so "l-article-body" or "category-advertising" is not hit by
// "ad". Readability's negative words plus the blocks news pages bolt on.
const std::unordered_set<std::string_view>& chrome_words() {
  static const std::unordered_set<std::string_view> words = {
      "comment", "comments", "commentlist", "respond", "disqus", "share", "shares", "sharing", "sharebar",
      "social", "socials", "related", "sidebar", "newsletter", "newsletters", "cookie", "cookies", "consent",
      "gdpr", "subscribe", "subscription", "signup", "breadcrumb", "breadcrumbs", "menu", "nav", "navbar",
      "navigation", "footer", "masthead", "trending", "popular", "recommended",
      "recommendations", "byline", "author", "authors", "bio", "caption", "tags", "tagcloud", "pagination", "pager", "outbrain", "taboola",
      "modal", "popup", "toolbar", "login", "meta", "postmeta", "shoutbox", "pingback",
      "pingbacks", "trackback", "trackbacks", "readmore", "copyright",
      // What the site itself leaves out of a printed copy.
      "noprint", "nonprint",
      // Compounds that plugins write as one word (Jetpack, AddThis, Shariff…).
      "relatedposts", "relatedarticles", "relatedlinks", "relatedstories", "relatedcontent", "sharedaddy",
      "sharethis", "addthis", "shariff", "socialshare", "sociallinks", "commentform", "commentsection",
      "newsletterbox", "authorbox", "authorbio"};
  return words;
}

// Words of furniture that page builders also give the story's own blocks
// ("builder-widget-text" > "builder-widget-container"): they drop an element
// unless it or its parent is also named for text, or it holds more prose than
// a box would (see is_chrome).
const std::unordered_set<std::string_view>& weak_chrome_words() {
  static const std::unordered_set<std::string_view> words = {"widget", "widgets"};
  return words;
}

// Words of advertising slots. Sites also use them as layout modifiers on
// story sections ("TestReport__Section--Ads": a section that may carry an ad),
// and an ad slot never holds paragraphs of prose, so an element named so is
// kept when it does.
const std::unordered_set<std::string_view>& ad_words() {
  static const std::unordered_set<std::string_view> words = {
      "ad", "ads", "advert", "adverts", "advertisement", "adsbygoogle", "sponsor", "sponsored", "promo",
      "promos", "banner", "skyscraper", "billboard"};
  return words;
}

// Whole class tokens of text a reader never sees.
const std::unordered_set<std::string_view>& hidden_classes() {
  static const std::unordered_set<std::string_view> words = {
      "hidden", "hide", "sr-only", "screen-reader-text", "visually-hidden", "visuallyhidden", "d-none", "invisible",
      "no-print", "hidden-print", "d-print-none", "print-hidden"};
  return words;
}

// Words of a class or id that name the article itself (readability's positive list).
const std::unordered_set<std::string_view>& prose_words() {
  static const std::unordered_set<std::string_view> words = {
      "article", "articlebody", "body", "content", "entry", "hentry", "main", "post", "text", "blog",
      "story", "prose", "permalink"};
  return words;
}

// The words of a class or id value, lower-cased, split as chrome_words describes.
template <typename F>
void for_each_word(std::string_view value, F f) {
  char word[48];  // longer words name no furniture; they are cut, not matched
  size_t len = 0;
  auto flush = [&] {
    if (len > 0 && len < sizeof word) f(std::string_view(word, len));
    len = 0;
  };
  for (size_t i = 0; i < value.size(); ++i) {
    char c = value[i];
    bool upper = c >= 'A' && c <= 'Z', lower = c >= 'a' && c <= 'z', digit = c >= '0' && c <= '9';
    if (!upper && !lower && !digit) {
      flush();
      continue;
    }
    if (upper && i > 0 && value[i - 1] >= 'a' && value[i - 1] <= 'z') flush();
    if (len < sizeof word) word[len] = upper ? static_cast<char>(c + 32) : c;
    ++len;
  }
  flush();
}

// Class tokens that carry a taxonomy term, not a role: WordPress writes
// "category-advertising tag-comments" on the article it files.
bool is_taxonomy_class(std::string_view token) {
  for (std::string_view prefix : {"category-", "tag-", "tags-", "topic-", "section-"})
    if (token.size() > prefix.size() && token.substr(0, prefix.size()) == prefix) return true;
  return false;
}

struct Naming {
  bool chrome = false;
  bool ad = false;  // named only by ad_words
  bool footer = false;  // a "footer" class or id word
  bool article_body = false;  // itemprop=articleBody
  bool weak = false;   // named by weak_chrome_words
  bool prose = false;  // a class or id word names the article (prose_words)
  int weight = 0;  // readability's class weight: -25 chrome, +25 prose, per attribute
};

Naming name_of(const GumboElement& el) {
  Naming n;
  if (gumbo_get_attribute(&el.attributes, "hidden")) n.chrome = true;
  if (const GumboAttribute* a = gumbo_get_attribute(&el.attributes, "aria-hidden"))
    if (std::string_view(a->value) == "true") n.chrome = true;
  if (const GumboAttribute* a = gumbo_get_attribute(&el.attributes, "style")) {
    std::string style;
    for (const char* p = a->value; *p; ++p)
      if (*p != ' ') style += static_cast<char>(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
    if (style.find("display:none") != std::string::npos || style.find("visibility:hidden") != std::string::npos)
      n.chrome = true;
  }
  if (const GumboAttribute* a = gumbo_get_attribute(&el.attributes, "role")) {
    std::string_view v = a->value;
    if (v == "navigation" || v == "complementary" || v == "contentinfo" || v == "banner" || v == "dialog")
      n.chrome = true;
    if (v == "main" || v == "article") n.weight += 25;
  }
  if (const GumboAttribute* a = gumbo_get_attribute(&el.attributes, "itemprop")) {
    std::string_view v = a->value;
    if (v.find("articleBody") != std::string_view::npos || v == "text") n.weight += 50, n.article_body = true;
  }
  for (const char* attr_name : {"class", "id"}) {
    // A heading's id is an anchor slug made from its words ("nav_nur_die_folie"), not a role.
    if (is_heading(el.tag) && attr_name == std::string_view("id")) continue;
    const GumboAttribute* attr = gumbo_get_attribute(&el.attributes, attr_name);
    if (!attr) continue;
    bool chrome = false, ad = false, weak = false, prose = false;
    std::string_view value = attr->value;
    size_t i = 0;
    while (i < value.size()) {
      size_t end = value.find_first_of(" \t\n\r\f", i);
      if (end == std::string_view::npos) end = value.size();
      std::string_view token = value.substr(i, end - i);
      i = end + 1;
      if (token.empty() || is_taxonomy_class(token)) continue;
      char lower[32];
      if (token.size() < sizeof lower) {
        for (size_t k = 0; k < token.size(); ++k)
          lower[k] = token[k] >= 'A' && token[k] <= 'Z' ? static_cast<char>(token[k] + 32) : token[k];
        if (hidden_classes().count(std::string_view(lower, token.size()))) n.chrome = true;
      }
      for_each_word(token, [&](std::string_view w) {
        if (chrome_words().count(w)) chrome = true;
        if (w == "footer") n.footer = true;
        if (ad_words().count(w)) ad = true;
        if (weak_chrome_words().count(w)) weak = true;
        if (prose_words().count(w)) prose = true;
      });
    }
    if (chrome) n.chrome = true;
    if (ad) n.ad = true;
    if (weak) n.weak = true;
    if (prose) n.prose = true;
    n.weight += (chrome || ad || weak ? -25 : 0) + (prose ? 25 : 0);
  }
  return n;
}

// The labels sites print above an advertisement, in the languages of the
// pages quotegraph meets most (news in English, German, French, Spanish,
// Italian, Dutch, Portuguese, Polish); compared case-insensitively for ASCII,
// without a trailing colon.
bool is_ad_label(std::string_view para) {
  static const std::unordered_set<std::string_view> labels = {
      "advertisement", "advertising", "sponsored", "sponsored content", "anzeige", "werbung", "publicité",
      "publicite", "publicidad", "pubblicità", "pubblicita", "advertentie", "publicidade", "reklama"};
  if (para.size() > 24) return false;
  while (!para.empty() && (para.back() == ':' || para.back() == ' ')) para.remove_suffix(1);
  std::string lower(para);
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return labels.count(lower) > 0;
}

// Text bytes with each run of white space counted as one.
size_t visible_length(std::string_view s, size_t* commas) {
  size_t n = 0;
  bool space = true;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool ws = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    if (ws) {
      if (!space) ++n;
      space = true;
      continue;
    }
    space = false;
    ++n;
    if (c == ',') ++*commas;
    // U+3001 and U+FF0C, the CJK commas.
    if (c == '\xE3' && i + 2 < s.size() && s[i + 1] == '\x80' && s[i + 2] == '\x81') ++*commas;
    if (c == '\xEF' && i + 2 < s.size() && s[i + 1] == '\xBC' && s[i + 2] == '\x8C') ++*commas;
  }
  return n;
}

// The host of an absolute http(s) or protocol-relative URL, as written;
// empty for a relative link, a mailto: or a fragment. (Every link of a page
// is looked at: views, no copies.)
std::string_view host_of(std::string_view url) {
  size_t start;
  if (url.substr(0, 7) == "http://") start = 7;
  else if (url.substr(0, 8) == "https://") start = 8;
  else if (url.substr(0, 2) == "//") start = 2;
  else return {};
  size_t end = url.find_first_of("/?#:", start);
  return url.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
}

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  return true;
}

// Where `lower` (lower-case) occurs in `s`, ignoring ASCII case; npos if nowhere.
size_t ifind(std::string_view s, std::string_view lower) {
  if (lower.empty() || lower.size() > s.size()) return std::string_view::npos;
  for (size_t i = 0; i + lower.size() <= s.size(); ++i) {
    size_t k = 0;
    while (k < lower.size() && ascii_lower(s[i + k]) == lower[k]) ++k;
    if (k == lower.size()) return i;
  }
  return std::string_view::npos;
}

// The site a host belongs to, roughly its registrable domain: the last two
// labels ("www.mixed.de", "mixed.de"), three under a country's generic
// second level ("news.bbc.co.uk" -> "bbc.co.uk").
std::string_view site_of(std::string_view host) {
  static const std::unordered_set<std::string_view> second_levels = {"co", "com", "net", "org", "gov", "ac",
                                                                      "edu", "or", "ne", "go", "gv"};
  size_t last = host.rfind('.');
  if (last == std::string_view::npos || last == 0) return host;
  size_t second = host.rfind('.', last - 1);
  if (second == std::string_view::npos) return host;
  std::string_view sld = host.substr(second + 1, last - second - 1);
  char lower[4] = {};
  bool generic = false;
  if (host.size() - last - 1 == 2 && sld.size() <= 3 && second > 0) {
    for (size_t i = 0; i < sld.size(); ++i) lower[i] = ascii_lower(sld[i]);
    generic = second_levels.count(std::string_view(lower, sld.size())) > 0;
  }
  if (generic) {
    size_t third = host.rfind('.', second - 1);
    return third == std::string_view::npos ? host : host.substr(third + 1);
  }
  return host.substr(second + 1);
}

// What the scoring pass knows about one element.
struct Node {
  const GumboNode* node = nullptr;
  int parent = -1;
  GumboTag tag = GUMBO_TAG_UNKNOWN;
  Naming naming;
  size_t text = 0, link_text = 0, commas = 0;         // the whole subtree
  size_t inline_text = 0, inline_link = 0, inline_commas = 0;  // text not inside a nested block
  size_t prose = 0;   // text of the subtree's prose paragraphs
  double score = 0;   // paragraph scores propagated up
  bool candidate = false;
  bool dropped = false;  // inside a dropped subtree (mark_dropped)
  unsigned h1 = 0, articles = 0;  // <h1> and <article> elements in the subtree, itself included
  unsigned links = 0;             // <a> elements in the subtree, itself included
  unsigned linked_headings = 0;   // headings whose text is a link (a teaser's headline)
  size_t time_text = 0;           // text inside <time> elements
  size_t inline_time = 0;         // of which in the inline text
  size_t end = 0;                 // one past the subtree's last pre-order index
  bool in_link = false;           // inside an <a>
  bool off_site = false;          // an <a> to another site (see links_off_site)
  size_t off_site_text = 0;       // text inside such links
  double link_density() const { return text ? double(link_text) / double(text) : 0.0; }
};

// A paragraph is a run of inline text this long or longer (readability's 25).
constexpr size_t kMinParagraph = 25;
// A line that dates the page, a <time> and at most a word around it, is no longer.
constexpr size_t kMaxDateline = 80;
// More prose than an ad slot holds: a few sentences.
constexpr size_t kAdSlotProse = 300;

int tag_bonus(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_DIV: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_SECTION: case GUMBO_TAG_MAIN: return 5;
    case GUMBO_TAG_PRE: case GUMBO_TAG_TD: case GUMBO_TAG_BLOCKQUOTE: return 3;
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_OL: case GUMBO_TAG_UL: case GUMBO_TAG_DL: case GUMBO_TAG_DD:
    case GUMBO_TAG_DT: case GUMBO_TAG_LI: case GUMBO_TAG_FORM: return -3;
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: case GUMBO_TAG_TH: return -5;
    default: return 0;
  }
}

class Extractor {
 public:
  explicit Extractor(const GumboNode* root) {
    index(root);
    mark_dropped();
  }

  std::string run() {
    int container = pick_container();
    if (container < 0) return {};
    std::vector<int> parts = with_siblings(container);
    container_prose_ = 0;
    for (int p : parts) container_prose_ += nodes_[p].prose;
    TextBuilder b;
    Heading heading;
    int lead = standfirst(parts.front());
    if (lead >= 0) write(lead, &b, &heading);
    for (int p : parts) write(p, &b, &heading);
    close_heading(&b, &heading, 1);
    return drop_repeats(b.finish());
  }

 private:
  // Pre-order list of the visible elements (and the text sizes of their
  // subtrees, summed children-first by walking the list backwards).
  void index(const GumboNode* root) {
    std::vector<std::pair<const GumboNode*, int>> stack{{root, -1}};
    while (!stack.empty()) {
      auto [n, parent] = stack.back();
      stack.pop_back();
      if (n->type == GUMBO_NODE_DOCUMENT) {
        const GumboVector& c = n->v.document.children;
        for (unsigned i = c.length; i-- > 0;) stack.push_back({static_cast<const GumboNode*>(c.data[i]), parent});
        continue;
      }
      if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA) {
        if (parent < 0) continue;
        size_t commas = 0;
        size_t len = visible_length(n->v.text.text, &commas);
        Node& p = nodes_[parent];
        p.text += len;
        p.inline_text += len;
        p.commas += commas;
        p.inline_commas += commas;
        if (p.tag == GUMBO_TAG_A) p.link_text += len, p.inline_link += len;
        continue;
      }
      if (n->type == GUMBO_NODE_ELEMENT && n->v.element.tag == GUMBO_TAG_HEAD) read_title(n);
      if (n->type != GUMBO_NODE_ELEMENT || is_invisible_tag(n->v.element.tag)) continue;
      int id = static_cast<int>(nodes_.size());
      Node rec;
      rec.node = n;
      rec.parent = parent;
      rec.tag = n->v.element.tag;
      rec.naming = name_of(n->v.element);
      rec.in_link = rec.tag == GUMBO_TAG_A || (parent >= 0 && nodes_[parent].in_link);
      if (rec.tag == GUMBO_TAG_A)
        if (const GumboAttribute* href = gumbo_get_attribute(&n->v.element.attributes, "href"))
          rec.off_site = links_off_site(href->value);
      nodes_.push_back(rec);
      ids_.emplace(n, id);
      const GumboVector& c = n->v.element.children;
      for (unsigned i = c.length; i-- > 0;) stack.push_back({static_cast<const GumboNode*>(c.data[i]), id});
    }
    // Children come after their parent in pre-order: walking backwards sums
    // every subtree before its parent reads it.
    for (size_t i = nodes_.size(); i-- > 0;) {
      Node& n = nodes_[i];
      n.end = std::max(n.end, i + 1);
      if (n.tag == GUMBO_TAG_A) n.link_text = n.text, n.inline_link = n.inline_text, ++n.links;
      if (n.off_site) n.off_site_text = n.text;
      if (n.tag == GUMBO_TAG_TIME) n.time_text = n.text;
      if (is_heading(n.tag) && n.text > 0 && (n.in_link || n.link_text * 10 >= n.text * 9) && !is_page_title(n))
        ++n.linked_headings;
      // A run of inline text ends at a block; the inline elements inside it
      // (<span>, <a>, <em>) are part of that paragraph, not paragraphs.
      bool paragraph = n.inline_text >= kMinParagraph && is_block_tag(n.tag) && !is_heading(n.tag);
      double inline_density = n.inline_text ? double(n.inline_link) / double(n.inline_text) : 0.0;
      if (paragraph && inline_density < 0.5) n.prose += n.inline_text;
      if (paragraph) {
        double s = (1.0 + double(n.inline_commas) + std::min(double(n.inline_text) / 100.0, 3.0)) *
                   (1.0 - inline_density);
        int level = 0;
        for (int a = n.parent; a >= 0 && level < 5; a = nodes_[a].parent, ++level) {
          nodes_[a].candidate = true;
          nodes_[a].score += level == 0 ? s : level == 1 ? s / 2 : s / (level * 3);
        }
      }
      if (n.tag == GUMBO_TAG_H1) ++n.h1;
      if (n.tag == GUMBO_TAG_ARTICLE) ++n.articles;
      if (n.parent < 0) continue;
      Node& p = nodes_[n.parent];
      p.h1 += n.h1;
      p.articles += n.articles;
      p.links += n.links;
      p.linked_headings += n.linked_headings;
      p.end = std::max(p.end, n.end);
      p.time_text += n.time_text;
      p.text += n.text;
      p.link_text += n.link_text;
      p.off_site_text += n.off_site_text;
      p.commas += n.commas;
      p.prose += n.prose;
      if (!is_block_tag(n.tag)) {
        p.inline_time += n.tag == GUMBO_TAG_TIME ? n.time_text : n.inline_time;
        p.inline_text += n.inline_text;
        p.inline_link += n.inline_link;
        p.inline_commas += n.inline_commas;
      }
    }
  }

  // A name like "post-ratings" must not lift a line of text over the story:
  // a positive class weight counts up to the paragraph score it comes with.
  double final_score(const Node& n) const {
    double weight = std::min(double(n.naming.weight), n.score);
    return (n.score + tag_bonus(n.tag) + weight) * (1.0 - n.link_density());
  }

  bool is_chrome(const Node& n) const {
    if (n.naming.chrome) return true;
    if (!n.naming.weak || n.naming.prose || n.prose >= kAdSlotProse) return false;
    return n.parent < 0 || !nodes_[n.parent].naming.prose;
  }

  // Marks the elements inside a subtree the writer drops (a <nav>, an
  // <aside>…), parents before children. A page section that holds most of
  // the page's prose is a wrapper: markup that never closes its <header> puts
  // the whole story inside it.
  void mark_dropped() {
    size_t page_prose = nodes_.empty() ? 0 : nodes_[0].prose;
    for (Node& n : nodes_) {
      bool wrapper = n.prose * 2 >= page_prose;
      bool drop = (is_dropped_tag(n.tag) && !(is_page_section(n.tag) && wrapper)) || (is_chrome(n) && !wrapper) ||
                  (n.naming.ad && n.prose < kAdSlotProse);
      n.dropped = (n.parent >= 0 && nodes_[n.parent].dropped) || drop;
    }
  }

  int body_or_root() const {
    for (size_t i = 0; i < nodes_.size(); ++i)
      if (nodes_[i].tag == GUMBO_TAG_BODY) return static_cast<int>(i);
    return nodes_.empty() ? -1 : 0;
  }

  // A heading that repeats the page's title is the story's own (a blog
  // links it to its permalink), not a teaser's.
  bool is_page_title(const Node& n) const {
    std::string h = fold(text_of(n.node));
    return h.size() >= 4 && page_title_.find(h) != std::string::npos;
  }

  // The story's headline: a heading that repeats the page's title (all of
  // it, or a dozen bytes and more of it). It is the page's title metadata,
  // not body text.
  bool is_headline(const Node& n) const {
    std::string h = fold(text_of(n.node));
    if (h.empty() || page_title_.find(h) == std::string::npos) return false;
    return h.size() >= 12 || h == page_title_;
  }

  // The page's title: og:title, else <title>, folded for comparison.
  void read_title(const GumboNode* head) {
    const GumboVector& c = head->v.element.children;
    std::string title, og, url, canonical;
    for (unsigned i = 0; i < c.length; ++i) {
      const GumboNode* n = static_cast<const GumboNode*>(c.data[i]);
      if (n->type != GUMBO_NODE_ELEMENT) continue;
      if (n->v.element.tag == GUMBO_TAG_TITLE && title.empty()) title = text_of(n);
      if (n->v.element.tag == GUMBO_TAG_META) {
        const GumboAttribute* p = gumbo_get_attribute(&n->v.element.attributes, "property");
        const GumboAttribute* v = gumbo_get_attribute(&n->v.element.attributes, "content");
        if (p && v && std::string_view(p->value) == "og:title" && og.empty()) og = v->value;
        if (p && v && std::string_view(p->value) == "og:url" && url.empty()) url = v->value;
      }
      if (n->v.element.tag == GUMBO_TAG_LINK) {
        const GumboAttribute* rel = gumbo_get_attribute(&n->v.element.attributes, "rel");
        const GumboAttribute* href = gumbo_get_attribute(&n->v.element.attributes, "href");
        if (rel && href && fold(rel->value) == "canonical") canonical = href->value;
      }
    }
    page_title_ = fold(og.empty() ? title : og);
    page_site_ = std::string(site_of(host_of(canonical.empty() ? url : canonical)));
    for (char& c : page_site_) c = ascii_lower(c);
  }

  // A link to another site than the page's own (known from its canonical
  // URL or og:url). A share button's link carries the page's own address
  // ("sharer.php?u=https://this.site/story"): it points back, not away.
  bool links_off_site(std::string_view href) const {
    if (page_site_.empty()) return false;
    std::string_view site = site_of(host_of(href));
    if (site.empty() || iequals(site, page_site_)) return false;
    return ifind(href, page_site_) == std::string_view::npos;
  }

  static std::string text_of(const GumboNode* root) {
    std::string out;
    std::vector<const GumboNode*> stack{root};
    while (!stack.empty() && out.size() < 1000) {
      const GumboNode* n = stack.back();
      stack.pop_back();
      if (n->type == GUMBO_NODE_TEXT) out += n->v.text.text;
      if (n->type != GUMBO_NODE_ELEMENT) continue;
      const GumboVector& c = n->v.element.children;
      for (unsigned i = c.length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(c.data[i]));
    }
    return out;
  }

  // Lower-cased ASCII letters and digits, one space between words.
  static std::string fold(std::string_view s) {
    std::string out;
    bool space = false;
    for (char c : s) {
      bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
                  static_cast<unsigned char>(c) >= 0x80;
      if (!word) {
        space = !out.empty();
        continue;
      }
      if (space) out += ' ';
      space = false;
      out += c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
    }
    return out;
  }

  // The story the page is about, when it holds several (an infinite scroll
  // appends the next ones, a series page lists its parts): the elements
  // after the <h1> that repeats the page's title and before the next one,
  // as a range of pre-order indexes. {0, 0} when no <h1> matches the title.
  std::pair<size_t, size_t> titled_story() const {
    if (page_title_.size() < 12) return {0, 0};
    // The longest <h1> found in the title: a logo's <h1> repeats only the
    // site's name ("The Ledger" in "Harbour plans approved | The Ledger").
    size_t headline = 0, longest = 0;
    for (size_t i = 0; i < nodes_.size(); ++i) {
      if (nodes_[i].tag != GUMBO_TAG_H1) continue;
      std::string h = fold(text_of(nodes_[i].node));
      if (h.size() < 12 || h.size() <= longest || page_title_.find(h) == std::string::npos) continue;
      headline = i;
      longest = h.size();
    }
    if (longest == 0) return titled_article();
    // An empty <h1> (a logo slot, an icon) starts no story.
    size_t end = headline + 1;
    while (end < nodes_.size() && !(nodes_[end].tag == GUMBO_TAG_H1 && nodes_[end].text > 0)) ++end;
    return {headline + 1, end};
  }

  // A page of several <article>s (a list of stories, the first one open)
  // whose headlines are <h2>s: the <article> around the <h2> that repeats the
  // page's title, as a range of pre-order indexes; {0, 0} when none does.
  std::pair<size_t, size_t> titled_article() const {
    if (nodes_[0].articles < 2 || page_title_.size() < 12) return {0, 0};
    size_t longest = 0;
    int article = -1;
    for (size_t i = 0; i < nodes_.size(); ++i) {
      if (nodes_[i].tag != GUMBO_TAG_H2) continue;
      std::string h = fold(text_of(nodes_[i].node));
      if (h.size() < 12 || h.size() <= longest || page_title_.find(h) == std::string::npos) continue;
      int a = nodes_[i].parent;
      while (a >= 0 && nodes_[a].tag != GUMBO_TAG_ARTICLE) a = nodes_[a].parent;
      if (a < 0) continue;
      article = a;
      longest = h.size();
    }
    if (article < 0) return {0, 0};
    return {static_cast<size_t>(article), nodes_[article].end};
  }

  int pick_container() {
    // With several stories on the page, the titled one's best candidate,
    // unless it is a scrap next to the page's best (the range caught a
    // teaser, not the story).
    auto best_in = [&](size_t from, size_t to, double* best) {
      int top = -1;
      *best = 0;
      for (size_t i = from; i < to; ++i) {
        const Node& n = nodes_[i];
        if (!n.candidate || n.tag == GUMBO_TAG_BODY || n.tag == GUMBO_TAG_HTML || n.dropped) continue;
        double s = final_score(n);
        if (s > *best) *best = s, top = static_cast<int>(i);
      }
      return top;
    };
    double best = 0;
    int top = best_in(0, nodes_.size(), &best);
    auto story = nodes_[0].h1 > 1 ? titled_story() : titled_article();
    if (top >= 0 && story.second > story.first) {
      double story_best = 0;
      int story_top = best_in(story.first, story.second, &story_best);
      if (story_top >= 0 && story_best * 5 >= best) top = story_top, best = story_best;
    }
    if (top < 0) return body_or_root();
    // A parent that scores higher than the top is the article the top's
    // paragraphs are split from (readability's walk up, threshold a third).
    double last = best;
    for (int p = nodes_[top].parent; p >= 0 && nodes_[p].tag != GUMBO_TAG_BODY; p = nodes_[p].parent) {
      // Not past another story's <article> (page builders set section
      // titles as <h1>s, so headlines do not stop this walk; see the climb).
      if (nodes_[p].articles > std::max(nodes_[top].articles, 1u)) break;
      double s = final_score(nodes_[p]);
      if (s < best / 3) break;
      if (s > last) {
        top = p;
        break;
      }
      last = s;
    }
    // Widen to the enclosing <article> (or articleBody) when the top holds
    // most of its prose: the article's lead, lists and subheads sit beside the
    // paragraphs. An <article> that wraps several stories is not widened to.
    for (int a = nodes_[top].parent, level = 0; a >= 0 && level < 6; a = nodes_[a].parent, ++level) {
      const Node& n = nodes_[a];
      if (n.tag == GUMBO_TAG_BODY) break;
      // (A class and an id that both say "article" or "content" are not an articleBody.)
      bool article = n.tag == GUMBO_TAG_ARTICLE || n.naming.article_body;
      if (article && nodes_[top].prose * 10 >= n.prose * 6) {
        top = a;
        break;
      }
    }
    // Climb further while what an ancestor adds is mostly prose: sites that
    // cut one story into sections ("content-wrapper" after "content-wrapper")
    // leave the top holding one section. A page wrapper adds menus, teaser
    // lists and footers, whose text is mostly links or short lines.
    for (int p = nodes_[top].parent; p >= 0 && nodes_[p].tag != GUMBO_TAG_BODY; p = nodes_[p].parent) {
      const Node& n = nodes_[p];
      const Node& t = nodes_[top];
      if (is_chrome(n) || n.dropped) break;
      // Another headline or <article> beside the top starts another story
      // (an infinite scroll appends the next one); the page's own title is
      // the one headline allowed.
      if (n.h1 > std::max(t.h1, 1u) || n.articles > std::max(t.articles, 1u)) break;
      size_t extra_text = n.text - t.text, extra_prose = n.prose - t.prose, extra_links = n.link_text - t.link_text;
      if (extra_text == 0) {
        top = p;
        continue;
      }
      bool prose_like = extra_prose * 10 >= extra_text * 6 && extra_links * 10 <= extra_text * 3;
      // Or: as much prose again beside the top, with link boxes between the
      // sections (the writer prunes those), but not a page's menus.
      bool more_story = extra_prose * 2 >= t.prose && n.link_density() < 0.35;
      // Or: a subhead or a label ("Tipps zum Kauf") above the top.
      bool label = extra_text <= 4 * kMinParagraph && extra_links * 2 <= extra_text;
      if (!prose_like && !more_story && !label) break;
      top = p;
    }
    best_ = final_score(nodes_[top]);
    return top;
  }

  // The standfirst: the first block of prose between the headline (the
  // last heading before the body that repeats the page's title; a logo's,
  // which repeats the site's name, comes earlier) and the body's first
  // paragraph. Sites set it in the
  // article's <header> beside the headline, which the writer drops, or
  // outside the body's element. Bylines and datelines are shorter; captions,
  // asides and furniture are skipped. -1 when there is none. (When the
  // first paragraph after the headline is the body's own, the body's copy is
  // the repeat that drop_repeats removes.)
  int standfirst(int body) const {
    constexpr size_t kMinLead = 60;
    // (The writer drops the article's <header>: a paragraph there is not the body's.)
    auto in_header = [&](size_t i) {
      for (int a = nodes_[i].parent; a > body; a = nodes_[a].parent)
        if (nodes_[a].tag == GUMBO_TAG_HEADER) return true;
      return false;
    };
    size_t first = body;
    while (first < nodes_[body].end && !(is_block_tag(nodes_[first].tag) && !is_heading(nodes_[first].tag) &&
                                         nodes_[first].inline_text >= kMinParagraph && !in_header(first)))
      ++first;
    int headline = -1;
    for (size_t i = first; i-- > 0 && headline < 0;)
      if ((nodes_[i].tag == GUMBO_TAG_H1 || nodes_[i].tag == GUMBO_TAG_H2) && is_headline(nodes_[i]))
        headline = static_cast<int>(i);
    if (headline < 0) return -1;
    int heading_lead = -1;
    for (size_t i = headline + 1; i <= first && i < nodes_.size(); ++i) {
      const Node& n = nodes_[i];
      if (!is_block_tag(n.tag) || n.tag == GUMBO_TAG_H1 || n.inline_text < kMinLead) continue;
      if (n.inline_link * 4 >= n.inline_text) continue;
      bool furniture = false;
      // Up to the element that holds the headline too.
      for (int a = static_cast<int>(i);
           a >= 0 && !(a <= headline && nodes_[a].end > static_cast<size_t>(headline)); a = nodes_[a].parent) {
        GumboTag t = nodes_[a].tag;
        bool caption = t == GUMBO_TAG_FIGURE || t == GUMBO_TAG_FIGCAPTION;
        if (caption || (is_dropped_tag(t) && t != GUMBO_TAG_HEADER) || is_chrome(nodes_[a]) || nodes_[a].naming.ad)
          furniture = true;
      }
      if (furniture) continue;
      // A heading is the standfirst only when no paragraph of lead comes
      // between it and the body: a second headline above the lead
      // ("Unterzeile") is no lead.
      if (!is_heading(n.tag) && (heading_lead < 0 || i < first)) return static_cast<int>(i);
      if (heading_lead < 0) heading_lead = static_cast<int>(i);
    }
    return heading_lead;
  }

  // The container and the siblings that read as more of the same article
  // (readability's sibling join), in document order.
  std::vector<int> with_siblings(int top) const {
    int parent = nodes_[top].parent;
    if (parent < 0) return {top};
    double threshold = std::max(10.0, best_ * 0.2);
    std::vector<int> out;
    const GumboVector& children = nodes_[parent].node->v.element.children;
    for (unsigned c = 0; c < children.length; ++c) {
      auto it = ids_.find(static_cast<const GumboNode*>(children.data[c]));
      if (it == ids_.end()) continue;
      int id = it->second;
      const Node& n = nodes_[id];
      if (id == top) {
        out.push_back(id);
        continue;
      }
      // Past the page's footer come overlays (a cookie notice, a modal), not the story.
      bool before = std::find(out.begin(), out.end(), top) == out.end();
      if (!before && (n.tag == GUMBO_TAG_FOOTER || n.naming.footer)) break;
      if (is_chrome(n) || (n.naming.ad && n.prose < kAdSlotProse) || is_dropped_tag(n.tag) ||
          n.tag == GUMBO_TAG_FORM)
        continue;
      // A sibling with a headline of its own is another story.
      if (n.h1 > 0 || (n.articles > 0 && n.tag == GUMBO_TAG_ARTICLE)) continue;
      bool join = n.candidate && final_score(n) >= threshold;
      // A block of prose before the container (the lead in its own <div>)
      // is more of the story, whatever its score; after it, short prose is
      // an author's bio or a newsletter blurb unless it is sizeable.
      double ld = n.link_density();
      if (n.prose > 80 && ld < 0.25 && (before || n.prose * 4 >= nodes_[top].prose)) join = true;
      if (n.tag == GUMBO_TAG_P) join = join || (n.text > 0 && ld == 0 && n.commas > 0);
      if (join) out.push_back(id);
    }
    return out;
  }

  // Pruning inside the container; each returns true when the element and its
  // subtree are left out.
  bool pruned(int id, int root) const {
    const Node& n = nodes_[id];
    if (id == root) return false;
    // Most of the prose inside: the page named its article like furniture
    // ("l-sidebar-fixed") or wrapped it in a <form> (ASP.NET pages).
    bool holds_prose = container_prose_ > 0 && n.prose * 2 >= container_prose_;
    if (is_page_section(n.tag) || n.tag == GUMBO_TAG_FORM) return !holds_prose;
    if (is_dropped_tag(n.tag)) return true;
    if (is_chrome(n)) return !holds_prose && !is_inline_prose(n);
    if ((n.tag == GUMBO_TAG_H1 || n.tag == GUMBO_TAG_H2) && is_headline(n)) return true;
    // A <time> on a line of its own beside a headline.
    if (n.tag == GUMBO_TAG_TIME && n.parent >= 0) {
      const Node& line = nodes_[n.parent];
      return line.inline_text <= kMaxDateline && line.inline_time * 10 >= line.inline_text * 7;
    }
    if (n.naming.ad) return n.prose < kAdSlotProse;
    // Lists of links: menus, tag clouds, related-headline boxes. Prose has
    // commas; a block of links does not.
    switch (n.tag) {
      case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_TABLE:
      case GUMBO_TAG_DL: case GUMBO_TAG_P: case GUMBO_TAG_LI: case GUMBO_TAG_ARTICLE: {
        if (holds_prose || n.text == 0) return false;
        if (is_teaser(n) || is_dateline(n)) return true;
        if (n.commas >= 10 || n.tag == GUMBO_TAG_ARTICLE) return false;
        // One link in a paragraph of its own is the story pointing at its
        // source or an address ("The study", "Tickets here"); a block of
        // links is several.
        if (n.tag == GUMBO_TAG_P && n.links <= 1) return false;
        if (is_story_links(id)) return false;
        double ld = n.link_density();
        if (ld > 0.5) return true;
        if (ld > 0.25 && n.naming.weight < 0) return true;
        return false;
      }
      default:
        return false;
    }
  }

  // Links mostly to other sites than the page's own.
  bool off_site_links(const Node& n) const { return n.link_text > 0 && n.off_site_text * 10 >= n.link_text * 8; }

  // A list of links to other sites set among the story's paragraphs is where
  // the story points (a deals post's offers, a reading list, its sources);
  // menus, tag clouds and related-headline boxes link to the site's own
  // pages, and a box of shop links ("popular products", under a label of its
  // own) stands apart from the prose: the element around the list (past the
  // items' own list elements) holds a paragraph's worth of prose beside it.
  bool is_story_links(int id) const {
    constexpr size_t kProseBeside = 4 * kMinParagraph;
    auto is_list = [](GumboTag t) {
      return t == GUMBO_TAG_UL || t == GUMBO_TAG_OL || t == GUMBO_TAG_LI || t == GUMBO_TAG_DL ||
             t == GUMBO_TAG_DT || t == GUMBO_TAG_DD;
    };
    if (!off_site_links(nodes_[id])) return false;
    int child = id, around = nodes_[id].parent;
    while (around >= 0 && is_list(nodes_[child].tag) && is_list(nodes_[around].tag))
      child = around, around = nodes_[around].parent;
    return around >= 0 && nodes_[around].prose >= nodes_[child].prose + kProseBeside;
  }

  // An inline element (<span>, <em>) whose text is sentences of the
  // paragraph around it: a name on it ("…-event-details-content-tags", from a
  // copy-paste out of another site) does not make it furniture, whose inline
  // pieces are short labels ("By", "Share", "3 comments").
  bool is_inline_prose(const Node& n) const {
    constexpr size_t kMinSentences = 100;
    if (is_block_tag(n.tag) || n.parent < 0) return false;
    const Node& paragraph = nodes_[n.parent];  // a figure's credit line is no paragraph
    if (paragraph.prose == 0 || paragraph.tag == GUMBO_TAG_FIGURE) return false;
    return n.inline_text >= kMinSentences && n.inline_commas > 0 && n.inline_link * 2 < n.inline_text;
  }

  // A teaser for another page: a small block under a headline that is a
  // link ("Related" cards, "more from" boxes: headline, a line, "Read more").
  // The story's own linked headline (a blog's permalink) sits over far more text.
  static bool is_teaser(const Node& n) {
    constexpr size_t kMaxTeaser = 1000;
    return n.linked_headings > 0 && n.text < kMaxTeaser;
  }

  // A block that only dates the page ("15 May 2019, 05:28"): a <time> and
  // at most a word around it.
  static bool is_dateline(const Node& n) {
    return n.time_text > 0 && n.text <= kMaxDateline && n.time_text * 10 >= n.text * 7;
  }

  // The last heading written: a short heading whose section was pruned away
  // ("Related posts" over a list of links) is furniture too, cut when the
  // next heading of its rank or higher, or the end of the body, comes with
  // nothing written after it.
  struct Heading {
    size_t start = 0, end = 0;
    int level = 0;  // 0: none; negative while its own text is being written
  };
  // A long heading is a sentence (a standfirst set as <h4>), not a label.
  static constexpr size_t kMaxLabel = 60;
  static void close_heading(TextBuilder* b, Heading* h, int level) {
    bool label = h->end - h->start <= kMaxLabel + 2;  // + the paragraph break before it
    if (h->level > 0 && level <= h->level && b->size() == h->end && label) b->truncate(h->start);
    if (level <= h->level) h->level = 0;
  }

  void write(int root_id, TextBuilder* b, Heading* heading) const {
    struct Frame {
      const GumboNode* node;
      unsigned next_child;
    };
    Heading& last = *heading;
    auto close_section = [&](int level) { close_heading(b, heading, level); };
    std::vector<Frame> stack{{nodes_[root_id].node, 0}};
    while (!stack.empty()) {
      Frame& f = stack.back();
      const GumboNode* n = f.node;
      if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA || n->type == GUMBO_NODE_WHITESPACE) {
        b->text(n->v.text.text);
        stack.pop_back();
        continue;
      }
      if (n->type != GUMBO_NODE_ELEMENT) {
        stack.pop_back();  // comments
        continue;
      }
      const GumboVector& children = n->v.element.children;
      if (f.next_child == 0) {
        auto it = ids_.find(n);
        if (it == ids_.end() || pruned(it->second, root_id)) {  // not indexed: invisible
          stack.pop_back();
          continue;
        }
        GumboTag tag = n->v.element.tag;
        if (is_heading(tag)) {
          int level = heading_level(tag);
          close_section(level);
          last.start = b->size();
          last.level = -level;  // open: its text is being written
        }
        if (is_block_tag(tag)) b->paragraph();
        if (tag == GUMBO_TAG_BR) b->line();
      }
      if (f.next_child < children.length) {
        const GumboNode* child = static_cast<const GumboNode*>(children.data[f.next_child++]);
        stack.push_back({child, 0});
        continue;
      }
      if (is_block_tag(n->v.element.tag)) b->paragraph();
      if (is_heading(n->v.element.tag) && last.level < 0) {
        last.level = -last.level;
        last.end = b->size();
        if (last.end == last.start) last.level = 0;  // an empty heading
      }
      stack.pop_back();
    }
    b->paragraph();
  }

  // A paragraph that is only a numeric date, perhaps with a time: "23.10.2018",
  // "12.10.2015, 19:16 Uhr", "2019-05-15 05:28". The page's date is metadata.
  static bool is_date_line(std::string_view para) {
    static const RE2 date(R"(\d{1,4}[./-]\d{1,2}[./-]\d{1,4},?(\s+\d{1,2}[:.]\d{2}(\s*(Uhr|h|am|pm|AM|PM))?)?)");
    return para.size() <= 40 && RE2::FullMatch(para, date);
  }

  // A line of short fields between bars: a post's meta line ("Views: 1120 |
  // Added by: Posh | Tags: …"), a date and author strip, a breadcrumb. Prose
  // does not set three fields in a row between bars.
  static bool is_meta_line(std::string_view para) {
    constexpr size_t kMaxLine = 200, kMaxField = 50;
    if (para.size() > kMaxLine) return false;
    size_t fields = 0, start = 0;
    while (start <= para.size()) {
      size_t bar = para.find('|', start);
      if (bar == std::string_view::npos) bar = para.size();
      std::string_view field = para.substr(start, bar - start);
      if (field.size() > kMaxField) return false;
      ++fields;
      start = bar + 1;
    }
    return fields >= 3;
  }

  // Pages that repeat the body (an AMP copy, a print version, an infinite
  // scroll that loads this story again) keep only the first copy of each
  // paragraph. Short paragraphs ("Share", a date) may repeat legitimately.
  // A paragraph that is only an ad slot's label ("Anzeige:") goes too.
  static std::string drop_repeats(std::string text) {
    constexpr size_t kMinRepeat = 40;
    std::unordered_set<std::string_view> seen;
    std::string out;
    out.reserve(text.size());
    size_t i = 0;
    while (i < text.size()) {
      size_t end = text.find("\n\n", i);
      if (end == std::string::npos) end = text.size();
      std::string_view para(text.data() + i, end - i);
      while (!para.empty() && para.back() == '\n') para.remove_suffix(1);
      bool repeat = para.size() >= kMinRepeat && !seen.insert(para).second;
      if (!repeat && !para.empty() && !is_ad_label(para) && !is_meta_line(para) && !is_date_line(para)) {
        if (!out.empty()) out += "\n\n";
        out.append(para);
      }
      i = end + 2;
    }
    if (!out.empty()) out += '\n';
    return out;
  }

  std::vector<Node> nodes_;
  std::string page_title_;
  std::string page_site_;  // the page's own site (site_of its canonical URL); empty when unknown
  std::unordered_map<const GumboNode*, int> ids_;
  double best_ = 0;
  size_t container_prose_ = 0;
};

}  // namespace

namespace {

// Soft hyphens (U+00AD) mark where a browser may break a word and are not
// shown otherwise; left in, they split the words a reader sees ("Wäh\u00ADrend").
std::string drop_soft_hyphens(std::string text) {
  size_t out = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xAD') {
      ++i;
      continue;
    }
    text[out++] = text[i];
  }
  text.resize(out);
  return text;
}

}  // namespace

std::string article_text(const GumboNode* root) { return to_nfc(drop_soft_hyphens(Extractor(root).run())); }

}  // namespace quotegraph::corpus::detail
