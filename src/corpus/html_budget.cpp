// HTML budget: an HTML page in, how deep gumbo would nest it (and how many
// nodes and how much work that takes) out, without building a tree.
//
// gumbo has no limits of its own: its scope checks walk the stack of open
// elements for every tag, so time is tags × depth, and freeing the tree
// recurses once per level. Counting "<x" as an open and "</x" as a close is
// not how it nests: a stray "</x>" with no open x is ignored, so
// "<span></x>" × 20,000 nests 20,000 deep while such a count says 0. This scan
// follows the tree-construction rules that decide depth (HTML5 §13.2.6, as
// gumbo 0.10 implements them) closely enough to be an upper bound on real
// pages and on hostile ones:
//   - end tags close only an element that is open and in scope; anything
//     else is ignored, as gumbo ignores it
//   - the implied closes real pages rely on: <p> before a block, <li>, <dd>,
//     <dt>, <option>, table cells and rows, headings
//   - the implied <tbody> and <tr> of a bare cell, which add depth
//   - formatting elements (<b>, <font>, ...) closed by a parent are reopened
//     before the next text or tag ("reconstruct the active formatting
//     elements", with the Noah's Ark limit of three), which adds depth
//   - raw text (<script>, <style>, <textarea>, <title>, ...) holds no tags,
//     except inside <svg>/<math>, where every element nests unless an HTML
//     tag breaks out
// Where the rules are simplified (the adoption agency algorithm, foster
// parenting) the model keeps elements open, so it errs towards deeper.
// Linear: each step costs O(1) plus the work it charges to the budget.
#include <algorithm>
#include <list>
#include <string>
#include <unordered_map>
#include <vector>

#include <gumbo.h>

#include "quotegraph/corpus.hpp"

namespace quotegraph::corpus {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Tag classes of the HTML5 parsing algorithm, by gumbo's tag enum.
enum TagClass : uint16_t {
  kSpecial = 1 << 0,        // "special" category: stops an "any other end tag" walk
  kScope = 1 << 1,          // bounds "has an element in scope"
  kButtonScope = 1 << 2,    // ... in button scope (kScope or button)
  kListScope = 1 << 3,      // ... in list item scope (kScope, ol, ul)
  kTableScope = 1 << 4,     // ... in table scope (html, table, template)
  kListStop = 1 << 5,       // special but not address, div, p: stops the <li> walk
  kClosesP = 1 << 6,        // a start tag that closes an open <p>
  kFormatting = 1 << 7,     // kept in the list of active formatting elements
  kVoid = 1 << 8,           // never has children
  kRawText = 1 << 9,        // content is text up to the end tag
  kHtmlElement = 1 << 10,   // (stack entries only) not SVG/MathML
  kBlockEnd = 1 << 11,      // an end tag that closes the element when in scope
};

uint16_t classes_of(GumboTag t) {
  uint16_t c = 0;
  switch (t) {
    case GUMBO_TAG_APPLET: case GUMBO_TAG_CAPTION: case GUMBO_TAG_HTML: case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_MARQUEE: case GUMBO_TAG_OBJECT: case GUMBO_TAG_TEMPLATE:
      c |= kScope | kButtonScope | kListScope;
      break;
    default: break;
  }
  if (t == GUMBO_TAG_BUTTON) c |= kButtonScope;
  if (t == GUMBO_TAG_OL || t == GUMBO_TAG_UL) c |= kListScope;
  if (t == GUMBO_TAG_HTML || t == GUMBO_TAG_TABLE || t == GUMBO_TAG_TEMPLATE) c |= kTableScope;
  switch (t) {
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_APPLET: case GUMBO_TAG_AREA: case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE: case GUMBO_TAG_BASE: case GUMBO_TAG_BASEFONT: case GUMBO_TAG_BGSOUND:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_BODY: case GUMBO_TAG_BR: case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_CAPTION: case GUMBO_TAG_CENTER: case GUMBO_TAG_COL: case GUMBO_TAG_COLGROUP:
    case GUMBO_TAG_DD: case GUMBO_TAG_DETAILS: case GUMBO_TAG_DIR: case GUMBO_TAG_DIV: case GUMBO_TAG_DL:
    case GUMBO_TAG_DT: case GUMBO_TAG_EMBED: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_FOOTER: case GUMBO_TAG_FORM: case GUMBO_TAG_FRAME:
    case GUMBO_TAG_FRAMESET: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_HEAD: case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_HR: case GUMBO_TAG_HTML: case GUMBO_TAG_IFRAME: case GUMBO_TAG_IMG: case GUMBO_TAG_INPUT:
    case GUMBO_TAG_ISINDEX: case GUMBO_TAG_LI: case GUMBO_TAG_LINK: case GUMBO_TAG_LISTING: case GUMBO_TAG_MAIN:
    case GUMBO_TAG_MARQUEE: case GUMBO_TAG_MENU: case GUMBO_TAG_MENUITEM: case GUMBO_TAG_META: case GUMBO_TAG_NAV:
    case GUMBO_TAG_NOEMBED: case GUMBO_TAG_NOFRAMES: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_OL: case GUMBO_TAG_P: case GUMBO_TAG_PARAM: case GUMBO_TAG_PLAINTEXT: case GUMBO_TAG_PRE:
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_SECTION: case GUMBO_TAG_SELECT: case GUMBO_TAG_SOURCE:
    case GUMBO_TAG_STYLE: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY: case GUMBO_TAG_TD:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_TFOOT: case GUMBO_TAG_TH:
    case GUMBO_TAG_THEAD: case GUMBO_TAG_TITLE: case GUMBO_TAG_TR: case GUMBO_TAG_TRACK: case GUMBO_TAG_UL:
    case GUMBO_TAG_WBR: case GUMBO_TAG_XMP:
      c |= kSpecial;
      if (t != GUMBO_TAG_ADDRESS && t != GUMBO_TAG_DIV && t != GUMBO_TAG_P) c |= kListStop;
      break;
    default: break;
  }
  switch (t) {
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_CENTER: case GUMBO_TAG_DETAILS: case GUMBO_TAG_DIR: case GUMBO_TAG_DIV: case GUMBO_TAG_DL:
    case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP: case GUMBO_TAG_MAIN: case GUMBO_TAG_MENU: case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL: case GUMBO_TAG_P: case GUMBO_TAG_SECTION: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_UL:
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: case GUMBO_TAG_PRE: case GUMBO_TAG_LISTING: case GUMBO_TAG_FORM: case GUMBO_TAG_LI:
    case GUMBO_TAG_DD: case GUMBO_TAG_DT: case GUMBO_TAG_PLAINTEXT: case GUMBO_TAG_HR: case GUMBO_TAG_XMP:
      c |= kClosesP;  // not <table>: pages without a doctype (quirks mode) keep the <p> open
      break;
    default: break;
  }
  switch (t) {
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BUTTON: case GUMBO_TAG_CENTER: case GUMBO_TAG_DETAILS: case GUMBO_TAG_DIR: case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER: case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP: case GUMBO_TAG_LISTING: case GUMBO_TAG_MAIN:
    case GUMBO_TAG_MENU: case GUMBO_TAG_NAV: case GUMBO_TAG_OL: case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY: case GUMBO_TAG_UL:
      c |= kBlockEnd;
      break;
    default: break;
  }
  switch (t) {
    case GUMBO_TAG_A: case GUMBO_TAG_B: case GUMBO_TAG_BIG: case GUMBO_TAG_CODE: case GUMBO_TAG_EM:
    case GUMBO_TAG_FONT: case GUMBO_TAG_I: case GUMBO_TAG_NOBR: case GUMBO_TAG_S: case GUMBO_TAG_SMALL:
    case GUMBO_TAG_STRIKE: case GUMBO_TAG_STRONG: case GUMBO_TAG_TT: case GUMBO_TAG_U:
      c |= kFormatting;
      break;
    case GUMBO_TAG_AREA: case GUMBO_TAG_BASE: case GUMBO_TAG_BASEFONT: case GUMBO_TAG_BGSOUND: case GUMBO_TAG_BR:
    case GUMBO_TAG_COL: case GUMBO_TAG_EMBED: case GUMBO_TAG_FRAME: case GUMBO_TAG_HR: case GUMBO_TAG_IMAGE:
    case GUMBO_TAG_IMG: case GUMBO_TAG_INPUT: case GUMBO_TAG_ISINDEX: case GUMBO_TAG_KEYGEN: case GUMBO_TAG_LINK:
    case GUMBO_TAG_META: case GUMBO_TAG_PARAM: case GUMBO_TAG_SOURCE: case GUMBO_TAG_TRACK: case GUMBO_TAG_WBR:
      c |= kVoid;
      break;
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_TITLE:
    case GUMBO_TAG_XMP: case GUMBO_TAG_IFRAME: case GUMBO_TAG_NOEMBED: case GUMBO_TAG_NOFRAMES:
    case GUMBO_TAG_PLAINTEXT:
      c |= kRawText;
      break;
    default: break;
  }
  return c;
}

// Start tags that leave SVG/MathML content ("breakout" tags).
bool breaks_out_of_foreign(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_B: case GUMBO_TAG_BIG: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_BODY: case GUMBO_TAG_BR:
    case GUMBO_TAG_CENTER: case GUMBO_TAG_CODE: case GUMBO_TAG_DD: case GUMBO_TAG_DIV: case GUMBO_TAG_DL:
    case GUMBO_TAG_DT: case GUMBO_TAG_EM: case GUMBO_TAG_EMBED: case GUMBO_TAG_H1: case GUMBO_TAG_H2:
    case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_HEAD:
    case GUMBO_TAG_HR: case GUMBO_TAG_I: case GUMBO_TAG_IMG: case GUMBO_TAG_LI: case GUMBO_TAG_LISTING:
    case GUMBO_TAG_MENU: case GUMBO_TAG_META: case GUMBO_TAG_NOBR: case GUMBO_TAG_OL: case GUMBO_TAG_P:
    case GUMBO_TAG_PRE: case GUMBO_TAG_RUBY: case GUMBO_TAG_S: case GUMBO_TAG_SMALL: case GUMBO_TAG_SPAN:
    case GUMBO_TAG_STRONG: case GUMBO_TAG_STRIKE: case GUMBO_TAG_SUB: case GUMBO_TAG_SUP: case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TT: case GUMBO_TAG_U: case GUMBO_TAG_UL: case GUMBO_TAG_VAR:
      return true;  // (and <font> with color, face or size: kept foreign here, so counted deeper)
    default:
      return false;
  }
}

// Table parts, ignored by gumbo outside a table.
bool is_table_part(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_CAPTION: case GUMBO_TAG_COL: case GUMBO_TAG_COLGROUP: case GUMBO_TAG_FRAME: case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TD: case GUMBO_TAG_TFOOT: case GUMBO_TAG_TH: case GUMBO_TAG_THEAD: case GUMBO_TAG_TR:
      return true;
    default:
      return false;
  }
}

enum Namespace : uint8_t { kHtmlNs, kSvgNs, kMathNs };

// SVG and MathML elements whose children are HTML again.
bool is_integration_point(GumboTag t, Namespace ns) {
  if (ns == kSvgNs) return t == GUMBO_TAG_FOREIGNOBJECT || t == GUMBO_TAG_DESC || t == GUMBO_TAG_TITLE;
  if (ns == kMathNs)
    return t == GUMBO_TAG_MI || t == GUMBO_TAG_MO || t == GUMBO_TAG_MN || t == GUMBO_TAG_MS || t == GUMBO_TAG_MTEXT;
  return false;
}

// A tag's name as a number: gumbo's enum for known tags, an interned number
// past GUMBO_TAG_LAST for the rest. SVG and MathML elements are matched by
// name (their end tags compare names); HTML ones by enum (see start_tag).
class TagNames {
 public:
  // kNeverCloses: a name past the interning cap; no end tag closes it, so the
  // model only ever counts such elements deeper.
  static constexpr uint32_t kNeverCloses = static_cast<uint32_t>(GUMBO_TAG_LAST);

  uint32_t start_key(std::string_view lower, GumboTag tag) {
    if (tag != GUMBO_TAG_UNKNOWN) return static_cast<uint32_t>(tag);
    auto it = unknown_.find(std::string(lower));
    if (it != unknown_.end()) return it->second;
    if (unknown_.size() >= kMaxUnknownNames) return kNeverCloses;
    uint32_t key = static_cast<uint32_t>(GUMBO_TAG_LAST) + 1 + static_cast<uint32_t>(unknown_.size());
    unknown_.emplace(std::string(lower), key);
    return key;
  }
  // An end tag's key; an unknown name never opened gets one nothing has.
  uint32_t end_key(std::string_view lower, GumboTag tag) const {
    if (tag != GUMBO_TAG_UNKNOWN) return static_cast<uint32_t>(tag);
    auto it = unknown_.find(std::string(lower));
    return it != unknown_.end() ? it->second : kNoSuchElement;
  }
  static constexpr uint32_t kNoSuchElement = ~0u;

 private:
  // Custom elements (<amp-img>, <my-widget>) are the unknown names of real
  // pages: a few dozen. The cap bounds the table a hostile page can grow.
  static constexpr size_t kMaxUnknownNames = 4096;
  std::unordered_map<std::string, uint32_t> unknown_;
};

class NestingModel {
 public:
  explicit NestingModel(const HtmlBudget& budget) : budget_(budget) {}

  HtmlShape& shape() { return shape_; }
  bool over() const { return !shape_.within_budget; }

  // `named` identifies the tag by its name (for SVG/MathML elements); HTML
  // elements are keyed by gumbo's enum, as gumbo 0.10 matches them: every
  // unknown tag is GUMBO_TAG_UNKNOWN, so "</x>" closes the innermost unknown
  // element whatever its name (a parser that compares names closes less, so
  // the model stays the deeper one).
  void start_tag(uint32_t named, GumboTag tag, uint64_t attrs, bool self_closing) {
    charge(depth());
    uint16_t cls = classes_of(tag);
    // Under a <frameset> gumbo either ignores it (the body has content) and
    // goes on with every rule, SVG included, or takes nothing but framesets;
    // which one depends on flags not modelled. Every element nests and
    // nothing closes but </frameset>: deeper than either. (Real pages with a
    // stray <frameset> then count deep; framesets belong to 1990s pages.)
    if (frameset_open()) {
      count_node();
      // with room for the <tbody>, <tr> and <colgroup> gumbo may imply
      auto implied = [&](GumboTag t) { push(static_cast<uint32_t>(t), t, 0, false); };
      if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH || tag == GUMBO_TAG_TR) implied(GUMBO_TAG_TBODY);
      if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) implied(GUMBO_TAG_TR);
      if (tag == GUMBO_TAG_COL) implied(GUMBO_TAG_COLGROUP);
      if (!(cls & kVoid)) push(static_cast<uint32_t>(tag), tag, 0, false);
      return;
    }
    if (in_foreign() && !frameset_open()) {
      if (!breaks_out_of_foreign(tag)) {
        count_node();
        if (!self_closing) push(named, tag, 0, false);
        return;
      }
      while (in_foreign()) pop();  // to the nearest HTML element or integration point
    }
    const uint32_t key = static_cast<uint32_t>(tag);
    if (tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_HEAD) return;  // merged
    // <frameset> is an ordinary element here. gumbo either ignores it (the
    // body has content) or replaces the body with it and then ignores all but
    // framesets; which one depends on flags not modelled, and nesting every
    // tag is deeper than either. So is not skipping raw text or select
    // contents under it (frameset_open()).
    if (!frameset_open() && top_of(static_cast<uint32_t>(GUMBO_TAG_SELECT)) >= 0 && !select_start(tag)) return;
    if (is_table_part(tag) && top_of(static_cast<uint32_t>(GUMBO_TAG_TABLE)) < 0) return;  // ignored outside a table
    if (tag == GUMBO_TAG_FORM) {
      if (form_open_) return;  // gumbo ignores a <form> while its form pointer is set (until </form>)
      form_open_ = true;
    }
    // The list-item walk comes before closing the <p>: it starts from the
    // element that is current before the <p> goes.
    if (tag == GUMBO_TAG_LI) close_list_item(GUMBO_TAG_LI, GUMBO_TAG_LI);
    if (tag == GUMBO_TAG_DD || tag == GUMBO_TAG_DT) close_list_item(GUMBO_TAG_DD, GUMBO_TAG_DT);
    if (cls & kClosesP) close_p();
    if (tag >= GUMBO_TAG_H1 && tag <= GUMBO_TAG_H6 && current_is_heading()) pop();
    if ((tag == GUMBO_TAG_OPTION || tag == GUMBO_TAG_OPTGROUP) && current_tag() == GUMBO_TAG_OPTION) pop();
    if (table_start(tag)) return;
    if (!(cls & kClosesP)) reconstruct();
    count_node();
    if (cls & kVoid) return;
    if (self_closing && (tag == GUMBO_TAG_SVG || tag == GUMBO_TAG_MATH)) return;  // <svg/> is acknowledged: no children
    bool formatting = cls & kFormatting;
    push(key, tag, attrs, formatting);
    if (tag == GUMBO_TAG_APPLET || tag == GUMBO_TAG_MARQUEE || tag == GUMBO_TAG_OBJECT || tag == GUMBO_TAG_TD ||
        tag == GUMBO_TAG_TH || tag == GUMBO_TAG_CAPTION)
      afe_.push_back(AfeEntry{0, 0, true, -1});
  }

  void end_tag(uint32_t named, GumboTag tag) {
    charge(depth());
    const uint32_t key = static_cast<uint32_t>(tag);
    if (frameset_open()) {
      if (tag == GUMBO_TAG_FRAMESET && current_tag() == GUMBO_TAG_FRAMESET) pop();
      return;
    }
    if (!in_foreign() && !frameset_open() && top_of(static_cast<uint32_t>(GUMBO_TAG_SELECT)) >= 0) {
      if (!(is_table_part(tag) || tag == GUMBO_TAG_TABLE) || top_of(static_cast<uint32_t>(GUMBO_TAG_TABLE)) < 0) {
        select_end(tag);
        return;
      }
      pop_to(top_of(static_cast<uint32_t>(GUMBO_TAG_SELECT)));  // "in select in table": the select ends
    }
    if (in_foreign()) {  // an SVG/MathML element of that name above the nearest HTML one
      long at = std::max(top_of(foreign_key(named, kSvgNs)), top_of(foreign_key(named, kMathNs)));
      if (at > top_html()) {
        pop_to(at);
        return;
      }
    }
    uint16_t cls = classes_of(tag);
    switch (tag) {
      case GUMBO_TAG_HTML: case GUMBO_TAG_BODY: case GUMBO_TAG_HEAD:
        return;  // ignored
      case GUMBO_TAG_BR:  // read as <br>, which reopens formatting elements first
        reconstruct();
        count_node();
        return;
      case GUMBO_TAG_FRAMESET:
        if (current_tag() == GUMBO_TAG_FRAMESET) pop();
        return;
      case GUMBO_TAG_FORM:
        // gumbo takes the form out of the stack but leaves its children open
        // where they are in the tree: nothing gets shallower unless it is the
        // innermost element.
        if (current_tag() == GUMBO_TAG_FORM) pop();
        form_open_ = false;
        return;
      case GUMBO_TAG_P: close_p(); return;
      case GUMBO_TAG_LI: close_in_scope(key, list_scope_); return;
      case GUMBO_TAG_DD: case GUMBO_TAG_DT: close_in_scope(key, scope_); return;
      case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
      case GUMBO_TAG_H6: {
        long at = top_heading();
        if (at >= 0 && at >= top(scope_)) pop_to(at);
        return;
      }
      case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT: case GUMBO_TAG_TR:
        close_in_scope(key, table_scope_);
        return;
      case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_CAPTION:
        close_in_scope(key, table_scope_);  // (pop() clears the cell's formatting marker)
        return;
      case GUMBO_TAG_APPLET: case GUMBO_TAG_MARQUEE: case GUMBO_TAG_OBJECT:
        close_in_scope(key, scope_);
        return;
      default: break;
    }
    if (cls & kFormatting) {
      for (auto it = afe_.rbegin(); it != afe_.rend() && !it->marker; ++it) {
        charge(1);
        if (it->key != key) continue;
        if (it->stack_pos < 0) {
          afe_.erase(std::next(it).base());
        } else if (it->stack_pos >= top(scope_)) {
          // With a special element above it gumbo runs the adoption agency
          // algorithm, which moves nodes but never deepens the stack: the
          // model keeps it open (deeper, never shallower).
          if (it->stack_pos > top(special_)) {
            pop_to(it->stack_pos);
            if (it->stack_pos < 0) afe_.erase(std::next(it).base());  // (a frameset may hold it open)
          } else {
            stack_[static_cast<size_t>(it->stack_pos)].has_afe = false;
            afe_.erase(std::next(it).base());
          }
        }
        return;
      }
    }
    if (cls & kBlockEnd) {
      close_in_scope(key, scope_);
      return;
    }
    // "Any other end tag": the nearest such element, unless a special element
    // (other than itself) is nearer.
    long at = top_of(key);
    if (at >= 0 && at >= top(special_)) pop_to(at);
  }

  void text() {
    if (!in_foreign()) reconstruct();
    count_node();
  }

  size_t depth() const { return stack_.size(); }
  // The innermost open element is the HTML element `tag` (a raw-text
  // element just opened outside SVG/MathML).
  bool top_is_html(GumboTag tag) const {
    return !stack_.empty() && stack_.back().tag == tag && (stack_.back().classes & kHtmlElement) && !frameset_open();
  }
  bool frameset_open() const { return top_of(static_cast<uint32_t>(GUMBO_TAG_FRAMESET)) >= 0; }

 private:
  struct AfeEntry {
    uint32_t key;
    uint64_t attrs;
    bool marker;
    long stack_pos;  // -1 when closed (reopened by reconstruct)
  };
  struct Entry {
    uint32_t key;
    GumboTag tag;
    uint16_t classes;
    Namespace ns;
    bool has_afe;
    std::list<AfeEntry>::iterator afe;
  };

  void charge(uint64_t w) {
    shape_.work += w;
    if (shape_.work > budget_.max_work) exceed(HtmlShape::kWork);
  }
  void count_node() {
    if (++shape_.nodes > budget_.max_nodes) exceed(HtmlShape::kNodes);
  }
  void exceed(HtmlShape::Limit l) {
    if (shape_.within_budget) shape_.exceeded = l;
    shape_.within_budget = false;
  }

  bool in_foreign() const {
    if (stack_.empty()) return false;
    const Entry& e = stack_.back();
    return e.ns != kHtmlNs && !is_integration_point(e.tag, e.ns);
  }
  GumboTag current_tag() const { return stack_.empty() ? GUMBO_TAG_LAST : stack_.back().tag; }
  bool current_is_heading() const {
    GumboTag t = current_tag();
    return t >= GUMBO_TAG_H1 && t <= GUMBO_TAG_H6;
  }

  // SVG and MathML elements live in key spaces of their own.
  static constexpr uint32_t kKeySpace = static_cast<uint32_t>(GUMBO_TAG_LAST) + 4096 + 2;
  static uint32_t foreign_key(uint32_t key, Namespace ns) {
    return key == TagNames::kNoSuchElement ? key : key + kKeySpace * static_cast<uint32_t>(ns);
  }

  static long top(const std::vector<long>& positions) { return positions.empty() ? -1 : positions.back(); }
  long top_of(uint32_t key) const { return key < by_key_.size() ? top(by_key_[key]) : -1; }
  long top_html() const { return top(html_); }
  long top_heading() const {
    long best = -1;
    for (GumboTag t : {GUMBO_TAG_H1, GUMBO_TAG_H2, GUMBO_TAG_H3, GUMBO_TAG_H4, GUMBO_TAG_H5, GUMBO_TAG_H6})
      best = std::max(best, top_of(static_cast<uint32_t>(t)));
    return best;
  }

  void push(uint32_t key, GumboTag tag, uint64_t attrs, bool formatting) {
    long pos = static_cast<long>(stack_.size());
    // (Under a frameset gumbo may take no SVG at all: all of it nests as HTML.)
    Namespace ns = frameset_open()             ? kHtmlNs
                   : in_foreign()              ? stack_.back().ns
                   : tag == GUMBO_TAG_SVG      ? kSvgNs
                   : tag == GUMBO_TAG_MATH     ? kMathNs
                                               : kHtmlNs;
    bool html = ns == kHtmlNs;
    if (!html) key = foreign_key(key, ns);  // HTML end tags never close an SVG/MathML element
    uint16_t cls = html ? static_cast<uint16_t>(classes_of(tag) | kHtmlElement) : 0;
    // SVG foreignObject, desc, title and the MathML text elements are special
    // and bound every scope.
    if (is_integration_point(tag, ns)) cls = kSpecial | kListStop | kScope | kButtonScope | kListScope;
    Entry e{key, tag, cls, ns, false, {}};
    if (formatting && html) {
      noahs_ark(key, attrs);
      afe_.push_back(AfeEntry{key, attrs, false, pos});
      e.has_afe = true;
      e.afe = std::prev(afe_.end());
    }
    stack_.push_back(e);
    if (key >= by_key_.size()) by_key_.resize(key + 1);
    by_key_[key].push_back(pos);
    if (cls & kSpecial) special_.push_back(pos);
    if (cls & kScope) scope_.push_back(pos);
    if (cls & kButtonScope) button_scope_.push_back(pos);
    if (cls & kListScope) list_scope_.push_back(pos);
    if (cls & kTableScope) table_scope_.push_back(pos);
    if (cls & kListStop) list_stop_.push_back(pos);
    if (cls & kHtmlElement) html_.push_back(pos);
    if (stack_.size() > shape_.depth) shape_.depth = stack_.size();
    if (stack_.size() > budget_.max_depth) exceed(HtmlShape::kDepth);
  }

  void pop() {
    long pos = static_cast<long>(stack_.size()) - 1;
    Entry& e = stack_.back();
    if (e.has_afe) e.afe->stack_pos = -1;
    by_key_[e.key].pop_back();
    for (std::vector<long>* v : {&special_, &scope_, &button_scope_, &list_scope_, &table_scope_, &list_stop_, &html_})
      if (!v->empty() && v->back() == pos) v->pop_back();
    // However a cell, caption, applet, marquee or object closes (its end tag,
    // </table>, the next cell), the formatting elements opened inside it go
    // with its marker; a marker left behind would stop reconstruction.
    bool marker_owner = (e.classes & kHtmlElement) &&
                        (e.tag == GUMBO_TAG_TD || e.tag == GUMBO_TAG_TH || e.tag == GUMBO_TAG_CAPTION ||
                         e.tag == GUMBO_TAG_APPLET || e.tag == GUMBO_TAG_MARQUEE || e.tag == GUMBO_TAG_OBJECT);
    stack_.pop_back();
    if (marker_owner) clear_to_marker();
  }
  // Pops down to `pos` but never below an open <frameset>: gumbo may be in
  // its frameset modes, where only </frameset> closes anything.
  void pop_to(long pos) {
    pos = std::max(pos, top_of(static_cast<uint32_t>(GUMBO_TAG_FRAMESET)) + 1);
    while (static_cast<long>(stack_.size()) > pos) pop();
  }

  bool close_in_scope(uint32_t key, const std::vector<long>& boundaries) {
    long at = top_of(key);
    if (at < 0 || at < top(boundaries)) return false;
    pop_to(at);
    return true;
  }
  void close_p() { close_in_scope(static_cast<uint32_t>(GUMBO_TAG_P), button_scope_); }
  void close_list_item(GumboTag a, GumboTag b) {
    long at = std::max(top_of(static_cast<uint32_t>(a)), top_of(static_cast<uint32_t>(b)));
    if (at >= 0 && at >= top(list_stop_)) pop_to(at);  // (the item itself is a stop)
  }

  // In a <select> gumbo ignores every tag but a few. False: ignore this one.
  bool select_start(GumboTag tag) {
    switch (tag) {
      case GUMBO_TAG_OPTION: case GUMBO_TAG_OPTGROUP: case GUMBO_TAG_SCRIPT: case GUMBO_TAG_TEMPLATE:
        return true;  // the option rules in start_tag apply
      case GUMBO_TAG_SELECT:
        pop_to(top_of(static_cast<uint32_t>(GUMBO_TAG_SELECT)));  // a nested <select> closes the open one
        return false;
      case GUMBO_TAG_INPUT: case GUMBO_TAG_KEYGEN: case GUMBO_TAG_TEXTAREA:
        pop_to(top_of(static_cast<uint32_t>(GUMBO_TAG_SELECT)));  // closes the select, then is an ordinary tag
        return true;
      case GUMBO_TAG_CAPTION: case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY: case GUMBO_TAG_TFOOT: case GUMBO_TAG_THEAD:
      case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH:
        if (top_of(static_cast<uint32_t>(GUMBO_TAG_TABLE)) < 0) return false;
        pop_to(top_of(static_cast<uint32_t>(GUMBO_TAG_SELECT)));  // "in select in table": the select ends
        return true;
      default:
        return false;
    }
  }
  void select_end(GumboTag tag) {
    if (tag == GUMBO_TAG_SELECT) {
      pop_to(top_of(static_cast<uint32_t>(GUMBO_TAG_SELECT)));
    } else if (tag == GUMBO_TAG_OPTION && current_tag() == GUMBO_TAG_OPTION) {
      pop();
    } else if (tag == GUMBO_TAG_OPTGROUP) {
      if (current_tag() == GUMBO_TAG_OPTION && stack_.size() >= 2 && stack_[stack_.size() - 2].tag == GUMBO_TAG_OPTGROUP)
        pop();
      if (current_tag() == GUMBO_TAG_OPTGROUP) pop();
    }
  }

  // Table start tags; true when the tag was handled here.
  bool table_start(GumboTag tag) {
    long table = top_of(static_cast<uint32_t>(GUMBO_TAG_TABLE));
    if (table < 0) return false;
    auto cell = [&] {
      return std::max(top_of(static_cast<uint32_t>(GUMBO_TAG_TD)), top_of(static_cast<uint32_t>(GUMBO_TAG_TH)));
    };
    auto in_table_scope = [&](long at) { return at >= 0 && at >= top(table_scope_); };
    // "In caption": a table part closes the open caption, then is a table tag.
    long caption = top_of(static_cast<uint32_t>(GUMBO_TAG_CAPTION));
    if (is_table_part(tag) && tag != GUMBO_TAG_FRAME && in_table_scope(caption) && caption > cell() && caption > table) {
      pop_to(caption);
    }
    GumboTag cur = current_tag();
    // The "in table" modes hold while no cell or caption is open inside the
    // table, also under elements foster-parented out of it.
    bool table_mode = table > std::max(cell(), top_of(static_cast<uint32_t>(GUMBO_TAG_CAPTION)));
    switch (tag) {
      case GUMBO_TAG_CAPTION: case GUMBO_TAG_COLGROUP: case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD:
      case GUMBO_TAG_TFOOT:
        if (!table_mode && !in_table_scope(cell())) return false;
        pop_to(table + 1);
        count_node();
        push(static_cast<uint32_t>(tag), tag, 0, false);
        if (tag == GUMBO_TAG_CAPTION) afe_.push_back(AfeEntry{0, 0, true, -1});
        return true;
      case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH: {
        if (in_table_scope(cell())) {
          pop_to(cell());
        } else if (!table_mode) {
          return false;
        }
        if (tag == GUMBO_TAG_TR) {
          long tr = top_of(static_cast<uint32_t>(GUMBO_TAG_TR));
          if (in_table_scope(tr)) pop_to(tr);
        }
        if (current_tag() == GUMBO_TAG_TABLE) push(static_cast<uint32_t>(GUMBO_TAG_TBODY), GUMBO_TAG_TBODY, 0, false);
        if (tag != GUMBO_TAG_TR && current_tag() != GUMBO_TAG_TR)
          push(static_cast<uint32_t>(GUMBO_TAG_TR), GUMBO_TAG_TR, 0, false);
        count_node();
        push(static_cast<uint32_t>(tag), tag, 0, false);
        if (tag != GUMBO_TAG_TR) afe_.push_back(AfeEntry{0, 0, true, -1});
        return true;
      }
      case GUMBO_TAG_COL:
        if (!table_mode && cur != GUMBO_TAG_COLGROUP) return false;
        if (cur != GUMBO_TAG_COLGROUP) {
          pop_to(table + 1);
          push(static_cast<uint32_t>(GUMBO_TAG_COLGROUP), GUMBO_TAG_COLGROUP, 0, false);  // implied
        }
        count_node();
        return true;
      case GUMBO_TAG_TABLE:
        if (!table_mode) return false;  // a table in a cell nests
        pop_to(table);                  // in table mode, <table> ends the open one
        count_node();
        push(static_cast<uint32_t>(tag), tag, 0, false);
        return true;
      default:
        return false;
    }
  }
  void clear_to_marker() {
    while (!afe_.empty()) {
      bool marker = afe_.back().marker;
      if (afe_.back().stack_pos >= 0) stack_[static_cast<size_t>(afe_.back().stack_pos)].has_afe = false;
      afe_.pop_back();
      charge(1);
      if (marker) break;
    }
  }

  // Noah's Ark: at most three entries with the same tag and attributes after
  // the last marker; the earliest goes.
  void noahs_ark(uint32_t key, uint64_t attrs) {
    int same = 0;
    std::list<AfeEntry>::iterator earliest = afe_.end();
    for (auto it = afe_.end(); it != afe_.begin();) {
      --it;
      charge(1);
      if (it->marker) break;
      if (it->key == key && it->attrs == attrs) {
        ++same;
        earliest = it;
      }
    }
    if (same >= 3) {
      if (earliest->stack_pos >= 0) stack_[static_cast<size_t>(earliest->stack_pos)].has_afe = false;
      afe_.erase(earliest);
    }
  }

  // Reopens formatting elements closed by a parent, before text and tags.
  void reconstruct() {
    if (afe_.empty() || afe_.back().marker || afe_.back().stack_pos >= 0) return;
    auto it = std::prev(afe_.end());
    while (it != afe_.begin()) {
      auto before = std::prev(it);
      if (before->marker || before->stack_pos >= 0) break;
      it = before;
      charge(1);
    }
    for (; it != afe_.end(); ++it) {
      count_node();
      long pos = static_cast<long>(stack_.size());
      GumboTag tag = it->key < static_cast<uint32_t>(GUMBO_TAG_UNKNOWN) ? static_cast<GumboTag>(it->key) : GUMBO_TAG_UNKNOWN;
      uint16_t cls = static_cast<uint16_t>(classes_of(tag) | kHtmlElement);
      stack_.push_back(Entry{it->key, tag, cls, kHtmlNs, true, it});
      it->stack_pos = pos;
      if (it->key >= by_key_.size()) by_key_.resize(it->key + 1);
      by_key_[it->key].push_back(pos);
      html_.push_back(pos);
      if (stack_.size() > shape_.depth) shape_.depth = stack_.size();
      if (stack_.size() > budget_.max_depth) exceed(HtmlShape::kDepth);
      if (over()) return;
    }
  }

  const HtmlBudget& budget_;
  HtmlShape shape_;
  std::vector<Entry> stack_;
  std::vector<std::vector<long>> by_key_;  // stack positions of each tag, innermost last
  std::vector<long> special_, scope_, button_scope_, list_scope_, table_scope_, list_stop_, html_;
  std::list<AfeEntry> afe_;  // active formatting elements and markers
  bool form_open_ = false;   // gumbo's form element pointer is set
};

// FNV-1a of an attribute list as written (Noah's Ark compares attributes).
uint64_t hash_bytes(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return h;
}

// Where a tag that starts at html[i] ('<') ends (one past '>'), reading
// attribute values in quotes as the tokenizer does; npos if the input ends
// first (gumbo then drops the tag). Sets *self_closing for "/>".
size_t tag_end(std::string_view html, size_t i, bool* self_closing) {
  size_t n = html.size();
  while (i < n && html[i] != '>' && !is_space(html[i]) && html[i] != '/') ++i;  // the name
  *self_closing = false;
  while (i < n) {
    char c = html[i];
    if (c == '>') return i + 1;
    if (c == '/') {
      *self_closing = i + 1 < n && html[i + 1] == '>';
      ++i;
      continue;
    }
    if (is_space(c)) {
      ++i;
      continue;
    }
    // an attribute name (its first character may be '=', as the tokenizer
    // reads "<a =x>"), then perhaps "= value"
    const size_t name_start = i;
    while (i < n && !is_space(html[i]) && html[i] != '/' && html[i] != '>' && (html[i] != '=' || i == name_start)) ++i;
    while (i < n && is_space(html[i])) ++i;
    if (i < n && html[i] == '=') {
      ++i;
      while (i < n && is_space(html[i])) ++i;
      if (i < n && (html[i] == '"' || html[i] == '\'')) {
        size_t close = html.find(html[i], i + 1);
        if (close == std::string_view::npos) return std::string_view::npos;
        i = close + 1;
      } else {
        while (i < n && !is_space(html[i]) && html[i] != '>') ++i;
      }
    }
  }
  return std::string_view::npos;
}

bool starts_with_ci(std::string_view s, size_t at, std::string_view lower) {
  if (at + lower.size() > s.size()) return false;
  for (size_t k = 0; k < lower.size(); ++k) {
    char c = s[at + k];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (c != lower[k]) return false;
  }
  return true;
}

}  // namespace

HtmlShape measure_html(std::string_view html, const HtmlBudget& budget) {
  NestingModel model(budget);
  HtmlShape& shape = model.shape();
  if (html.size() > budget.max_bytes) {
    shape.within_budget = false;
    shape.exceeded = HtmlShape::kBytes;
    shape.at_byte = budget.max_bytes;
    return shape;
  }
  TagNames names;
  std::string lower;
  const size_t n = html.size();
  size_t i = 0;
  while (i < n && !model.over()) {
    size_t lt = html.find('<', i);
    if (lt == std::string_view::npos) lt = n;
    for (size_t k = i; k < lt; ++k)
      if (!is_space(html[k])) {  // white space between tags adds no node that nests
        model.text();
        break;
      }
    if (lt >= n) break;
    shape.at_byte = lt;
    i = lt;
    if (starts_with_ci(html, i, "<!--")) {
      size_t end = html.find("-->", i + 4);
      i = end == std::string_view::npos ? n : end + 3;
      continue;
    }
    bool end_tag = i + 1 < n && html[i + 1] == '/';
    size_t name_at = i + (end_tag ? 2 : 1);
    if (i + 1 < n && (html[i + 1] == '!' || html[i + 1] == '?' || (end_tag && !(name_at < n && is_alpha(html[name_at]))))) {
      size_t gt = html.find('>', i + 1);  // doctype, bogus comment, "</>" or "</ ..."
      i = gt == std::string_view::npos ? n : gt + 1;
      continue;
    }
    if (!(name_at < n && is_alpha(html[name_at]))) {
      i = lt + 1;  // a '<' that starts no tag is text
      continue;
    }
    size_t name_end = name_at;
    while (name_end < n && !is_space(html[name_end]) && html[name_end] != '/' && html[name_end] != '>') ++name_end;
    lower.assign(html.substr(name_at, name_end - name_at));
    for (char& c : lower)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    bool self_closing = false;
    size_t end = tag_end(html, name_at, &self_closing);
    if (end == std::string_view::npos) break;  // a tag cut by the end of input is dropped
    GumboTag tag = gumbo_tagn_enum(lower.data(), static_cast<unsigned>(lower.size()));
    if (end_tag) {
      model.end_tag(names.end_key(lower, tag), tag);
      i = end;
      continue;
    }
    model.start_tag(names.start_key(lower, tag), tag, hash_bytes(html.substr(name_end, end - name_end)), self_closing);
    i = end;
    // Raw text: no tags until the matching end tag (not inside SVG/MathML,
    // where the model pushed the element as foreign and style is markup).
    if ((classes_of(tag) & kRawText) && model.top_is_html(tag)) {
      if (tag == GUMBO_TAG_PLAINTEXT) break;
      size_t close = i;
      while ((close = html.find("</", close)) != std::string_view::npos) {
        size_t after = close + 2 + lower.size();
        if (starts_with_ci(html, close + 2, lower) && (after >= n || is_space(html[after]) || html[after] == '/' || html[after] == '>'))
          break;
        close += 2;
      }
      if (close != i) model.text();
      i = close == std::string_view::npos ? n : close;
    }
  }
  if (model.over() && shape.at_byte == 0) shape.at_byte = i;
  return shape;
}

Status check_html_budget(std::string_view html, const HtmlBudget& budget) {
  HtmlShape s = measure_html(html, budget);
  if (s.within_budget) return Status();
  std::string what;
  switch (s.exceeded) {
    case HtmlShape::kBytes: what = std::to_string(html.size()) + " bytes of HTML, over the budget of " + std::to_string(budget.max_bytes); break;
    case HtmlShape::kDepth: what = "elements nested more than " + std::to_string(budget.max_depth) + " deep"; break;
    case HtmlShape::kNodes: what = "more than " + std::to_string(budget.max_nodes) + " nodes"; break;
    case HtmlShape::kWork: what = "more parser work (tags × depth) than the budget of " + std::to_string(budget.max_work); break;
    case HtmlShape::kNone: what = "over budget"; break;
  }
  return Status(ErrorCode::kFormatError, "HTML over budget at byte " + std::to_string(s.at_byte) + ": " + what +
                                             " (hostile or broken markup; not parsed)");
}

}  // namespace quotegraph::corpus
