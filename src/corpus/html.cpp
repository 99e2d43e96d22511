// HTML ingest: an HTML page in, the article body as plain text out (gumbo).
// Offsets reported for such an article index this extracted text.
#include <gumbo.h>

#include <string>
#include <vector>

#include "quotegraph/corpus.hpp"

namespace quotegraph::corpus {
namespace {

// Elements that never hold article prose.
bool is_dropped_tag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FOOTER: case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FORM: case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG: case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_HEAD: case GUMBO_TAG_FIGCAPTION:
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
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_HR: case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_DD:
      return true;
    default:
      return false;
  }
}

// Class and id words of page furniture: "comments", "share-bar", "related-links".
constexpr const char* kChromeWords[] = {"comment", "share",  "social", "related", "sidebar", "newsletter",
                                        "cookie",  "promo",  "advert", "subscribe", "breadcrumb", "menu"};

bool names_chrome(const GumboElement& el) {
  for (const char* attr_name : {"class", "id", "role"}) {
    const GumboAttribute* attr = gumbo_get_attribute(&el.attributes, attr_name);
    if (!attr) continue;
    std::string v = attr->value;
    for (char& c : v)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (std::string_view(attr_name) == "role" && (v == "navigation" || v == "complementary" || v == "contentinfo"))
      return true;
    for (const char* w : kChromeWords)
      if (v.find(w) != std::string::npos) return true;
  }
  return false;
}

// Appends text with white space collapsed; paragraph breaks are "\n\n".
class TextBuilder {
 public:
  void text(std::string_view s) {
    for (char c : s) {
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
        pending_space_ = true;
        continue;
      }
      if (pending_break_ && !out_.empty()) out_ += "\n\n";
      else if (pending_line_ && !out_.empty()) out_ += '\n';
      else if (pending_space_ && !out_.empty() && out_.back() != '\n') out_ += ' ';
      pending_break_ = pending_line_ = pending_space_ = false;
      out_ += c;
    }
  }
  void paragraph() { pending_break_ = true; }
  void line() { pending_line_ = true; }
  std::string finish() {
    if (!out_.empty()) out_ += '\n';
    return std::move(out_);
  }

 private:
  std::string out_;
  bool pending_space_ = false, pending_line_ = false, pending_break_ = false;
};

// Iterative walk: deeply nested hostile HTML must not overflow the stack.
void collect(const GumboNode* root, TextBuilder* b) {
  struct Frame {
    const GumboNode* node;
    unsigned next_child;
  };
  std::vector<Frame> stack{{root, 0}};
  while (!stack.empty()) {
    Frame& f = stack.back();
    const GumboNode* n = f.node;
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA || n->type == GUMBO_NODE_WHITESPACE) {
      b->text(n->v.text.text);
      stack.pop_back();
      continue;
    }
    if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_DOCUMENT) {
      stack.pop_back();  // comments
      continue;
    }
    const GumboVector& children = n->type == GUMBO_NODE_ELEMENT ? n->v.element.children : n->v.document.children;
    if (f.next_child == 0 && n->type == GUMBO_NODE_ELEMENT) {
      GumboTag tag = n->v.element.tag;
      if (n != root && (is_dropped_tag(tag) || names_chrome(n->v.element))) {
        stack.pop_back();
        continue;
      }
      if (is_block_tag(tag)) b->paragraph();
      if (tag == GUMBO_TAG_BR) b->line();
    }
    if (f.next_child < children.length) {
      const GumboNode* child = static_cast<const GumboNode*>(children.data[f.next_child++]);
      stack.push_back({child, 0});
      continue;
    }
    if (n->type == GUMBO_NODE_ELEMENT && is_block_tag(n->v.element.tag)) b->paragraph();
    stack.pop_back();
  }
}

// The first element with `tag` in document order (iterative).
const GumboNode* find_first(const GumboNode* root, GumboTag tag) {
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type != GUMBO_NODE_ELEMENT) continue;
    if (n->v.element.tag == tag) return n;
    if (is_dropped_tag(n->v.element.tag)) continue;
    const GumboVector& c = n->v.element.children;
    for (unsigned i = c.length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(c.data[i]));
  }
  return nullptr;
}

// Replaces each byte that does not begin a well-formed sequence by U+FFFD.
std::string sanitize_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : (c >= 0xC2 && c <= 0xDF) ? 2 : (c >= 0xE0 && c <= 0xEF) ? 3 : (c >= 0xF0 && c <= 0xF4) ? 4 : 0;
    bool ok = len > 0 && i + len <= s.size();
    for (size_t k = 1; ok && k < len; ++k) ok = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
    if (ok && len == 3) {
      unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
      ok = !(c == 0xE0 && c1 < 0xA0) && !(c == 0xED && c1 > 0x9F);
    }
    if (ok && len == 4) {
      unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
      ok = !(c == 0xF0 && c1 < 0x90) && !(c == 0xF4 && c1 > 0x8F);
    }
    if (!ok) {
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    out.append(s.substr(i, len));
    i += len;
  }
  return out;
}

// Fallback for pages over the HTML budget: drops tags and the contents of script and
// style, keeps text with white space collapsed. Linear; entities stay as written.
std::string strip_tags(std::string_view html) {
  TextBuilder b;
  size_t i = 0;
  auto starts_ci = [&](size_t at, std::string_view word) {
    if (at + word.size() > html.size()) return false;
    for (size_t k = 0; k < word.size(); ++k) {
      char c = html[at + k];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
      if (c != word[k]) return false;
    }
    return true;
  };
  while (i < html.size()) {
    size_t lt = html.find('<', i);
    b.text(html.substr(i, lt == std::string_view::npos ? std::string_view::npos : lt - i));
    if (lt == std::string_view::npos) break;
    for (std::string_view raw : {std::string_view("script"), std::string_view("style")}) {
      if (starts_ci(lt + 1, raw)) {
        size_t end = lt + 1;
        while ((end = html.find("</", end)) != std::string_view::npos && !starts_ci(end + 2, raw)) end += 2;
        lt = end == std::string_view::npos ? html.size() : end;
        break;
      }
    }
    size_t gt = lt < html.size() ? html.find('>', lt) : std::string_view::npos;
    b.paragraph();
    i = gt == std::string_view::npos ? html.size() : gt + 1;
  }
  return b.finish();
}

}  // namespace

std::string extract_html_text(std::string_view html) {
  std::string clean = sanitize_utf8(html);
  // The guard (html_budget.cpp): a page gumbo would nest or work past its
  // budget is not given to gumbo.
  if (!check_html_budget(clean).ok()) return strip_tags(clean);
  // NUL bytes end gumbo's view of the buffer early on some versions; drop them.
  std::erase(clean, '\0');
  // max_errors = 0: gumbo copies the whole open-element stack into every parse
  // error it records (20,000 stray end tags 1,000 deep: 160 MB); we read none.
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  GumboOutput* output = gumbo_parse_with_options(&options, clean.data(), clean.size());
  if (!output) return {};
  const GumboNode* body = find_first(output->root, GUMBO_TAG_ARTICLE);
  if (!body) body = find_first(output->root, GUMBO_TAG_MAIN);
  if (!body) body = find_first(output->root, GUMBO_TAG_BODY);
  if (!body) body = output->root;
  TextBuilder b;
  collect(body, &b);
  gumbo_destroy_output(&options, output);
  return b.finish();
}

}  // namespace quotegraph::corpus
