// Stage: page. Analyses (+ echo report, + diff report) in, one self-contained
// HTML5 page out: header, article columns with highlights, panels, graph,
// attribution tables, tooltip sources, inline style and script.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "quotegraph/graph.hpp"
#include "quotegraph/io.hpp"
#include "report/internal.hpp"

namespace quotegraph::report {
namespace detail {
namespace {

// Speaker colours: ten well-separated hues that keep a 3:1 contrast on white
// as rules and underlines; beyond ten, golden-angle hues (still distinct).
constexpr const char* kPalette[] = {"#0072b2", "#d55e00", "#117733", "#882255", "#b07800",
                                    "#332288", "#2a9d8f", "#aa4499", "#7a7a1f", "#c0392b"};
constexpr size_t kPaletteSize = sizeof(kPalette) / sizeof(kPalette[0]);

std::string hex(int r, int g, int b) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", r, g, b);
  return buf;
}

void parse_hex(const std::string& c, int& r, int& g, int& b) {
  r = std::stoi(c.substr(1, 2), nullptr, 16);
  g = std::stoi(c.substr(3, 2), nullptr, 16);
  b = std::stoi(c.substr(5, 2), nullptr, 16);
}

std::string hsl_colour(double h, double s, double l) {
  auto f = [&](double n) {
    double k = std::fmod(n + h / 30.0, 12.0);
    double a = s * std::min(l, 1 - l);
    return static_cast<int>(std::lround(255 * (l - a * std::max(-1.0, std::min({k - 3, 9 - k, 1.0})))));
  };
  return hex(f(0), f(8), f(4));
}

// The colour of the i-th speaker, and its tint (a fifth of it over white).
void colours(size_t i, const std::set<std::string>& used, std::string& colour, std::string& tint) {
  if (i < kPaletteSize) {
    colour = kPalette[i];
  } else {
    double hue = std::fmod(static_cast<double>(i) * 137.508, 360.0);
    colour = hsl_colour(hue, 0.65, 0.38);
    for (int nudge = 1; used.count(colour) && nudge < 64; ++nudge)
      colour = hsl_colour(std::fmod(hue + nudge * 0.7, 360.0), 0.65, 0.38);
  }
  int r, g, b;
  parse_hex(colour, r, g, b);
  auto mix = [](int c) { return static_cast<int>(std::lround(c * 0.2 + 255 * 0.8)); };
  tint = hex(mix(r), mix(g), mix(b));
}

std::string file_name(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string file_stem(const std::string& path) {
  size_t slash = path.find_last_of('/');
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  size_t dot = name.find_last_of('.');
  return dot == std::string::npos || dot == 0 ? name : name.substr(0, dot);
}

// The url when a reader may follow it: http or https, no white space or
// control bytes (a javascript: or file: url is shown as text, never linked).
bool web_url(const std::string& url) {
  std::string head = url.substr(0, 8);
  for (char& ch : head)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  if (head.rfind("http://", 0) != 0 && head.rfind("https://", 0) != 0) return false;
  for (unsigned char ch : url)
    if (ch <= ' ' || ch == 0x7f) return false;
  return true;
}

// The url as a reader scans it: host and path, without the scheme.
std::string shown_url(const std::string& url) {
  size_t scheme = url.find("://");
  std::string rest = scheme == std::string::npos ? url : url.substr(scheme + 3);
  if (rest.rfind("www.", 0) == 0) rest = rest.substr(4);
  return excerpt(rest, 80);
}

// An ISO date-time shown as its day ("2016-03-01"); any other date as written.
std::string shown_date(const std::string& date) {
  bool iso = date.size() >= 10;
  for (size_t i = 0; iso && i < 10; ++i)
    iso = (i == 4 || i == 7) ? date[i] == '-' : (date[i] >= '0' && date[i] <= '9');
  return iso ? date.substr(0, 10) : excerpt(date, 40);
}

std::string lower_ascii(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

// ---- the page model ----------------------------------------------------------

// The colour key of an attribution's speaker: its entity (aligned across the
// columns when there is a diff), else the unresolved mention text; "" when the
// text names no speaker.
std::string speaker_key(const Page& p, int col, const Attribution& at,
                        const std::map<std::pair<int, int>, int>& aligned) {
  if (at.speaker.entity >= 0) {
    auto it = aligned.find({col, at.speaker.entity});
    if (it != aligned.end()) return "d" + std::to_string(it->second);
    return "c" + std::to_string(col) + ":e" + std::to_string(at.speaker.entity);
  }
  if (at.speaker.mention.empty()) return "";
  return "m:" + lower_ascii(std::string(p.columns[col].a->doc.slice(at.speaker.mention)));
}

Result<Page> make_page(const ReportInputs& in, const ReportOptions& options) {
  Page p;
  p.in = &in;
  p.options = &options;
  if (in.articles.empty()) return Status(ErrorCode::kInvalidArgument, "report: no articles");
  if (in.diff && in.diff->inputs.size() != in.articles.size())
    return Status(ErrorCode::kInvalidArgument, "report: the diff has another number of inputs than the articles");
  for (size_t i = 0; i < in.articles.size(); ++i) {
    const Article& art = in.articles[i];
    if (!art.analysis) return Status(ErrorCode::kInvalidArgument, "report: article " + std::to_string(i + 1) + " has no analysis");
    if (in.diff && in.diff->inputs[i].analysis != art.analysis)
      return Status(ErrorCode::kInvalidArgument, "report: the diff's inputs are not the articles in order");
    Column c;
    c.a = art.analysis;
    c.outlet = !art.outlet.empty()              ? art.outlet
               : in.diff                        ? in.diff->inputs[i].outlet
               : !art.analysis->doc.outlet.empty() ? art.analysis->doc.outlet
                                                : file_stem(art.analysis->doc.path);
    c.title = excerpt(art.title, 300);
    c.url = art.url;
    c.date = art.date;
    c.prefix = "c" + std::to_string(i + 1);
    p.columns.push_back(std::move(c));
  }

  // Entities aligned by the diff share a colour across the columns.
  std::map<std::pair<int, int>, int> aligned;
  if (in.diff)
    for (size_t k = 0; k < in.diff->entities.size(); ++k)
      for (const auto& m : in.diff->entities[k].members) aligned[{m.input, m.entity}] = static_cast<int>(k);

  std::map<std::string, int> by_key;
  std::set<std::string> used;
  p.speaker_of.resize(p.columns.size());
  p.group_of.resize(p.columns.size());
  for (size_t col = 0; col < p.columns.size(); ++col) {
    const Analysis& a = *p.columns[col].a;
    p.speaker_of[col].assign(a.attributions.size(), -1);
    p.group_of[col].assign(a.attributions.size(), -1);
    for (size_t i = 0; i < a.attributions.size(); ++i) {
      const Attribution& at = a.attributions[i];
      std::string key = speaker_key(p, static_cast<int>(col), at, aligned);
      if (key.empty()) continue;
      auto [it, fresh] = by_key.emplace(key, static_cast<int>(p.speakers.size()));
      if (fresh) {
        Speaker s;
        s.key = key;
        colours(p.speakers.size(), used, s.colour, s.tint);
        used.insert(s.colour);
        p.speakers.push_back(std::move(s));
      }
      p.speaker_of[col][i] = it->second;
    }
  }
  if (in.diff)
    for (size_t k = 0; k < in.diff->statements.size(); ++k)
      for (const auto& m : in.diff->statements[k].members)
        if (m.input >= 0 && m.input < static_cast<int>(p.columns.size()) && m.attribution >= 0 &&
            m.attribution < static_cast<int>(p.group_of[m.input].size()) &&
            (!m.is_part || p.group_of[m.input][m.attribution] < 0))  // a sentence's group only if none whole
          p.group_of[m.input][m.attribution] = static_cast<int>(k);
  return p;
}

// ---- highlights ----------------------------------------------------------------

// The marks of one column: every attribution's content (pieces), speaker
// mention and cue; echo cues; framing spans. Records each marked span as an
// anchor (the first element to mark a span owns it; a second mark of the same
// span and kind is not written twice).
std::vector<Mark> column_marks(Page& p, int col) {
  const Column& c = p.columns[col];
  const Analysis& a = *c.a;
  std::vector<Mark> marks;
  std::set<std::tuple<int, uint32_t, uint32_t>> written;  // (order, start, end)
  auto claim = [&](int order, Span s, const std::string& id) {
    if (!written.insert({order, s.start, s.end}).second) return false;
    p.anchors.emplace(std::make_tuple(col, s.start, s.end), id);
    return true;
  };

  for (size_t i = 0; i < a.attributions.size(); ++i) {
    const Attribution& at = a.attributions[i];
    int ai = static_cast<int>(i);
    std::string id = p.attribution_id(col, ai);
    std::string local = attribution_id(i);
    std::string cls = p.speaker_class(col, ai);
    std::string ref = attr("data-qg-ref", id);
    std::string group = p.group_of[col][i] >= 0 ? attr("data-qg-group", "g" + std::to_string(p.group_of[col][i] + 1)) : "";
    std::string entity = p.speaker_of[col][i] >= 0 ? attr("data-qg-speaker", p.speakers[p.speaker_of[col][i]].key) : "";

    // Content: the pieces when a cue splits it, else the whole span. The first
    // piece is the statement's one focusable highlight.
    std::vector<Span> pieces = at.pieces.empty() ? std::vector<Span>{at.content} : at.pieces;
    std::string continued = attr("class", "qg-content qg-cont " + cls) + attr("data-qg-attribution", local) + ref + group;
    for (size_t k = 0; k < pieces.size(); ++k) {
      Mark m;
      m.tag = "mark";
      m.span = pieces[k];
      m.order = kOrderContent;
      m.continued = continued;
      m.attributes = k == 0 ? attr("class", "qg-content " + cls) + attr("id", id) + attr("tabindex", "0") +
                                  attr("data-qg-attribution", local) + ref + group + entity +
                                  attr("aria-describedby", c.prefix + "-tip-" + local)
                            : continued;
      marks.push_back(std::move(m));
    }
    p.anchors.emplace(std::make_tuple(col, at.content.start, at.content.end), id);
    if (!pieces.empty()) p.anchors.emplace(std::make_tuple(col, pieces[0].start, pieces[0].end), id);

    auto role_mark = [&](Span s, int order, const std::string& kind, const std::string& suffix) {
      if (s.empty() || !claim(order, s, id + suffix)) return;
      Mark m;
      m.span = s;
      m.order = order;
      m.attributes = attr("class", kind + " " + cls) + attr("id", id + suffix) + ref;
      m.continued = attr("class", kind + " " + cls) + ref;
      marks.push_back(std::move(m));
    };
    role_mark(at.speaker.mention, kOrderSpeaker, "qg-speaker", "-s");
    role_mark(at.cue, kOrderCue, "qg-cue", "-c");
  }

  // Echo cues and framing spans, so the echo panel can link to them.
  if (p.in->echoes) {
    const echo::EchoReport& r = *p.in->echoes;
    int n = 0;
    auto echo_cue = [&](const echo::Echo& e) {
      ++n;
      if (e.from.input != col || e.cue.empty()) return;
      if (p.anchors.count({col, e.cue.start, e.cue.end})) return;  // the cue of a statement already
      std::string id = c.prefix + "-x" + std::to_string(n);
      if (!claim(kOrderEcho, e.cue, id)) return;
      Mark m;
      m.span = e.cue;
      m.order = kOrderEcho;
      m.attributes = attr("class", "qg-echo") + attr("id", id);
      m.continued = attr("class", "qg-echo");
      marks.push_back(std::move(m));
    };
    for (const auto& e : r.echoes) echo_cue(e);
    for (const auto& e : r.repetitions) echo_cue(e);
    for (size_t k = 0; k < r.framing.size(); ++k) {
      const echo::Framing& f = r.framing[k];
      if (f.input != col || f.span.empty()) continue;
      std::string id = c.prefix + "-f" + std::to_string(k + 1);
      if (!claim(kOrderFrame, f.span, id)) continue;
      Mark m;
      m.span = f.span;
      m.order = kOrderFrame;
      m.attributes = attr("class", "qg-frame") + attr("id", id) + attr("data-qg-framing", echo::to_string(f.kind));
      m.continued = attr("class", "qg-frame");
      marks.push_back(std::move(m));
    }
  }
  return marks;
}

bool is_ascii_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f'; }

// [start, end) without white space at either edge, but never cutting a mark.
Span trimmed(const std::string& text, Span s, const std::vector<Mark>& marks) {
  uint32_t lo = s.start, hi = s.end;
  while (lo < hi && is_ascii_space(text[lo])) ++lo;
  while (hi > lo && is_ascii_space(text[hi - 1])) --hi;
  for (const Mark& m : marks) {
    bool outside = m.span.empty() ? (m.span.start < s.start || m.span.start > s.end)
                                  : (m.span.end <= s.start || m.span.start >= s.end);
    if (outside) continue;
    lo = std::min(lo, std::max(m.span.start, s.start));
    hi = std::max(hi, std::min(m.span.end, s.end));
  }
  return {lo, hi};
}

// ---- the sections ----------------------------------------------------------------

std::string first_line(const Analysis& a) {
  std::string_view t(a.doc.text);
  size_t i = a.doc.body_start;
  while (i < t.size() && is_ascii_space(t[i])) ++i;
  size_t end = t.find('\n', i);
  if (end == std::string_view::npos) end = t.size();
  return excerpt(t.substr(i, end - i), 160);
}

std::string article_html(const Page& p, int col, const std::vector<Mark>& marks) {
  const Column& c = p.columns[col];
  const Document& d = c.a->doc;
  std::string h;
  h += "<article class=\"qg-article\"" + attr("id", c.prefix) + attr("aria-labelledby", c.prefix + "-h") + ">\n";
  h += "<h2" + attr("id", c.prefix + "-h") + ">" + escape_html(c.outlet) + "</h2>\n";
  if (!c.title.empty()) h += "<p class=\"qg-headline\">" + escape_html(c.title) + "</p>\n";
  size_t n = c.a->attributions.size();
  // Provenance first (date, where it was published), then the file name only:
  // a shared page must not show the local folders.
  h += "<p class=\"qg-meta\">";
  if (!c.date.empty()) h += "<time" + attr("datetime", c.date) + ">" + escape_html(shown_date(c.date)) + "</time> · ";
  if (!c.url.empty())
    h += (web_url(c.url) ? "<a" + attr("href", c.url) + " rel=\"noopener noreferrer\">" + escape_html(shown_url(c.url)) + "</a>"
                         : escape_html(shown_url(c.url))) +
         " · ";
  h += escape_html(file_name(d.path)) + " · " + std::to_string(n) + (n == 1 ? " attribution" : " attributions") +
       " · " + std::to_string(d.text.size()) + " bytes</p>\n";
  uint32_t size = static_cast<uint32_t>(d.text.size());
  uint32_t body_end = std::min(std::max(d.body_end, d.body_start), size);
  if (size == 0 || trimmed(d.text, {d.body_start, body_end}, marks).empty())
    h += "<p class=\"qg-note\">The article body is empty.</p>\n";
  Span body = trimmed(d.text, {d.body_start, body_end}, marks);
  h += "<div class=\"qg-text\"" + attr("id", c.prefix + "-text") + ">" + mark_up(d.text, body, marks) + "</div>\n";
  if (body_end < size) {
    Span tail = trimmed(d.text, {body_end, size}, marks);
    if (!tail.empty()) {
      h += "<section class=\"qg-chrome\"" + attr("aria-label", "Not article body") + ">\n";
      h += "<p class=\"qg-chrome-label\">Not article body: web chrome from byte " + std::to_string(body_end) +
           " (author bios, comment forms), not analysed</p>\n";
      h += "<div class=\"qg-text\">" + mark_up(d.text, tail, marks) + "</div>\n</section>\n";
    }
  }
  if (n == 0) h += "<p class=\"qg-note\">No attributions found in this article.</p>\n";
  h += tooltip_sources(p, col);
  h += "</article>\n";
  return h;
}

std::string panels_html(const Page& p, int col) {
  return speakers_panel(p, col) + about_panel(p, col) + echo_panel(p, col);
}

// Graphviz SVG without its XML prolog, DOCTYPE and comments (none is allowed
// or useful inside HTML), labelled for assistive technology.
std::string inline_svg(const std::string& svg, const std::string& caption_id) {
  size_t start = svg.find("<svg");
  if (start == std::string::npos) return "";
  std::string out;
  out.reserve(svg.size() - start);
  for (size_t i = start; i < svg.size();) {
    if (svg.compare(i, 4, "<!--") == 0) {
      size_t end = svg.find("-->", i + 4);
      i = end == std::string::npos ? svg.size() : end + 3;
      continue;
    }
    out += svg[i++];
  }
  out.insert(4, " role=\"img\"" + attr("aria-labelledby", caption_id));
  return out;
}

Result<std::string> graph_section(const Page& p) {
  if (!p.options->graph) return std::string();
  Result<std::string> svg = std::string();
  std::string caption;
  if (p.in->diff) {
    svg = diff::render(*p.in->diff, "svg");
    caption = "Who said what in which outlet: speakers (ellipses) and aligned statements (notes); coloured edges "
              "name the outlets that give a statement to that speaker, red outlines mark statements with findings.";
  } else {
    // The document node is keyed by its path; the page names files without folders.
    Analysis shown = *p.columns[0].a;
    shown.doc.path = file_name(shown.doc.path);
    graph::Graph g = graph::build(shown);
    svg = graph::render(g, "svg");
    caption = "The quote graph: who said what (to the article), to whom, about whom; dashed edges are echoes, "
              "“via” edges relays. Rendered by Graphviz.";
  }
  if (!svg.ok()) return svg.status();
  std::string h = "<section class=\"qg-graph\" id=\"graph\" aria-labelledby=\"graph-h\">\n<h2 id=\"graph-h\">Graph</h2>\n";
  h += "<figure>\n" + inline_svg(svg.value(), "graph-caption") + "\n<figcaption id=\"graph-caption\">" +
       escape_html(caption) + "</figcaption>\n</figure>\n</section>\n";
  return h;
}

std::string speaker_styles(const Page& p) {
  std::string css;
  for (size_t i = 0; i < p.speakers.size(); ++i)
    css += ".qg-sp" + std::to_string(i + 1) + " { --c: " + p.speakers[i].colour + "; --t: " + p.speakers[i].tint + "; }\n";
  return css;
}

std::string header_html(const Page& p, const std::string& title) {
  size_t attributions = 0;
  for (const Column& c : p.columns) attributions += c.a->attributions.size();
  std::string h = "<header class=\"qg-header\">\n<h1>" + escape_html(title) + "</h1>\n<p class=\"qg-meta\">";
  h += std::to_string(attributions) + (attributions == 1 ? " attribution" : " attributions") + " · " +
       std::to_string(p.speakers.size()) + (p.speakers.size() == 1 ? " speaker" : " speakers");
  if (p.multi()) h += " · " + std::to_string(p.columns.size()) + " outlets";
  if (p.in->diff) h += " · " + std::to_string(p.in->diff->findings.size()) + " differences";
  h += " · made by quotegraph " + std::string(kVersion) + "</p>\n";
  h += "<div class=\"qg-legend\">"
       "<mark class=\"qg-content qg-sample\">reported content</mark>"
       "<span class=\"qg-speaker qg-sample\">speaker</span>"
       "<span class=\"qg-cue qg-sample\">cue</span>"
       "<span class=\"qg-frame\">scare quote</span>"
       "<span class=\"qg-echo\">echo cue</span>"
       "<span class=\"qg-badge\">grey box: not article body</span>"
       "<span class=\"qg-help\">One colour per speaker. Tab and Shift+Tab move between statements; "
       "focus or hover shows who said it, to whom, about whom, through whom; Esc hides it.</span></div>\n";
  h += "</header>\n";
  return h;
}

}  // namespace

// ---- Page helpers ------------------------------------------------------------

std::string Page::attribution_id(int col, int i) const {
  return columns[col].prefix + "-a" + std::to_string(i + 1);
}

std::string Page::label(int col, int i) const {
  std::string l = statement_no(i);
  return multi() ? columns[col].outlet + " " + l : l;
}

std::string statement_no(int i) { return "#" + std::to_string(i + 1); }

std::string Page::speaker_class(int col, int i) const {
  int s = speaker_of[col][i];
  return s < 0 ? "qg-none" : "qg-sp" + std::to_string(s + 1);
}

std::string Page::speaker_name(int col, int i) const {
  const Attribution& at = attribution(col, i);
  std::string n = entity_name(col, at.speaker);
  return n.empty() ? "(no speaker given)" : n;
}

std::string Page::entity_name(int col, const EntityRef& r) const {
  const Analysis& a = *columns[col].a;
  if (r.entity >= 0 && r.entity < static_cast<int>(a.entities.size())) return a.entities[r.entity].name;
  if (!r.mention.empty()) return std::string(a.doc.slice(r.mention));
  return "";
}

std::string Page::anchor(int col, Span s) const {
  auto it = anchors.find({col, s.start, s.end});
  return it == anchors.end() ? "" : it->second;
}

std::string attr(std::string_view name, std::string_view value) {
  return " " + std::string(name) + "=\"" + escape_html(value) + "\"";
}

std::string excerpt(std::string_view text, size_t max_bytes) {
  std::string out;
  bool space = false;
  for (char ch : text) {
    bool ws = is_ascii_space(ch);
    if (ws) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += ch;
  }
  if (out.size() > max_bytes) {
    size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out = out.substr(0, cut) + "…";
  }
  return out;
}

std::string link(const std::string& id, const std::string& html) {
  return id.empty() ? html : "<a" + attr("href", "#" + id) + ">" + html + "</a>";
}

std::string fixed2(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

}  // namespace detail

std::string url_site(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return "";
  std::string head(url.substr(0, scheme));
  for (char& ch : head)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  if (head != "http" && head != "https") return "";
  std::string_view rest = url.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  size_t at = rest.rfind('@');  // user:password@host
  if (at != std::string_view::npos) rest = rest.substr(at + 1);
  rest = rest.substr(0, rest.find(':'));
  std::string host;
  for (char ch : rest) {
    if (static_cast<unsigned char>(ch) <= ' ') return "";
    host += ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch;
  }
  if (host.rfind("www.", 0) == 0) host = host.substr(4);
  return host;
}

Result<std::string> to_html(const ReportInputs& in, const ReportOptions& options) {
  using namespace detail;
  Result<Page> made = make_page(in, options);
  if (!made.ok()) return made.status();
  Page& p = made.value();
  std::vector<std::vector<Mark>> marks;
  for (size_t col = 0; col < p.columns.size(); ++col) marks.push_back(column_marks(p, static_cast<int>(col)));
  Result<std::string> graph = graph_section(p);
  if (!graph.ok()) return graph.status();

  std::string title = options.title;
  if (title.empty()) {
    // The record's headline names the story better than its first line does.
    title = p.columns[0].title;
    if (title.empty()) title = first_line(*p.columns[0].a);
    if (title.empty()) title = p.columns[0].outlet;
    title = (p.multi() ? "quotegraph diff: " : "quotegraph report: ") + title;
  }

  std::string h;
  h.reserve(64 * 1024);
  h += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  h += "<meta name=\"generator\"" + attr("content", std::string("quotegraph ") + kVersion) + ">\n";
  h += "<title>" + escape_html(title) + "</title>\n";
  h += "<link rel=\"icon\" href=\"data:,\">\n";  // no favicon request from a file:// page
  h += "<style>" + std::string(kStyleSheet) + speaker_styles(p) + "</style>\n</head>\n<body>\n";
  h += "<a class=\"qg-skip\" href=\"#" + p.columns[0].prefix + "-text\">Skip to the article text</a>\n";
  h += header_html(p, title);
  h += "<main>\n";
  if (!p.multi()) {
    h += "<div class=\"qg-layout\">\n<div>\n" + article_html(p, 0, marks[0]) + "</div>\n";
    h += "<aside class=\"qg-panels\" aria-label=\"Speakers, targets, echoes and framing\">\n" + panels_html(p, 0) +
         "</aside>\n</div>\n";
  } else {
    h += "<div class=\"qg-columns\">\n";
    for (size_t col = 0; col < p.columns.size(); ++col) {
      h += "<div class=\"qg-column\">\n" + article_html(p, static_cast<int>(col), marks[col]);
      h += "<div class=\"qg-column-panels\">\n" + panels_html(p, static_cast<int>(col)) + "</div>\n</div>\n";
    }
    h += "</div>\n";
    h += findings_section(p);
    h += aligned_section(p);
  }
  h += graph.value();
  h += "<section id=\"attributions\" aria-labelledby=\"attributions-h\">\n<h2 id=\"attributions-h\">All attributions</h2>\n";
  for (size_t col = 0; col < p.columns.size(); ++col) h += attribution_table(p, static_cast<int>(col));
  h += "</section>\n</main>\n";
  h += "<footer class=\"qg-footer\"><p>Made by quotegraph " + std::string(kVersion) +
       ". Offsets are UTF-8 byte offsets into the input files; the analysis is rule-based and can be wrong.</p></footer>\n";
  h += "<div id=\"qg-tip\" class=\"qg-tip\" role=\"tooltip\" hidden></div>\n";
  h += "<script>" + std::string(kScript) + "</script>\n</body>\n</html>\n";
  return h;
}

}  // namespace quotegraph::report
