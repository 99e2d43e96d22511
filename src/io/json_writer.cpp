// Writer: Analysis -> JSON (docs/output-format.md). Keys keep a fixed order.
//
// Streamed into one string, not built as an nlohmann DOM and dumped: the DOM
// allocated a node per field and cost more than the analysis itself (2.4 times
// the analyzer's instructions for JSONL over the PolNeAR dev texts), and corpus
// runs write every record. The bytes are the DOM writer's, kept as the test
// oracle in tests/oracle/json_dom_writer.cpp: nlohmann's layout (", " and ": "
// with an indent, "," and ":" without, "[]" and "{}" when empty), its string
// escapes, and its number formatting.
#include <array>
#include <charconv>
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "quotegraph/io.hpp"
#include "text/decode.hpp"

namespace quotegraph {
namespace {

using Json = nlohmann::ordered_json;

class Out {
 public:
  explicit Out(int indent) : indent_(indent) {}

  void open(char c) {
    out_ += c;
    first_.push_back(true);
  }
  void close(char c) {
    const bool empty = first_.back();
    first_.pop_back();
    if (!empty) newline();
    out_ += c;
  }
  void key(std::string_view k) {
    element();
    string(k);
    out_ += indent_ >= 0 ? ": " : ":";
  }
  // The separator before an array element.
  void element() {
    if (!first_.back()) out_ += ',';
    first_.back() = false;
    newline();
  }

  void string(std::string_view s) {
    // Paths and outlet names come from outside and need not be UTF-8: nlohmann
    // replaces invalid bytes (U+FFFD), as the DOM writer did.
    if (text::first_invalid_utf8(s) != std::string_view::npos) {
      out_ += Json(std::string(s)).dump(-1, ' ', false, Json::error_handler_t::replace);
      return;
    }
    out_ += '"';
    size_t run = 0;  // start of the bytes not yet copied
    for (size_t i = 0; i < s.size(); ++i) {
      const unsigned char c = static_cast<unsigned char>(s[i]);
      if (c >= 0x20 && c != '"' && c != '\\') continue;
      out_.append(s, run, i - run);
      run = i + 1;
      switch (c) {
        case '"': out_ += "\\\""; break;
        case '\\': out_ += "\\\\"; break;
        case 0x08: out_ += "\\b"; break;
        case 0x09: out_ += "\\t"; break;
        case 0x0A: out_ += "\\n"; break;
        case 0x0C: out_ += "\\f"; break;
        case 0x0D: out_ += "\\r"; break;
        default: {
          static constexpr char kHex[] = "0123456789abcdef";
          out_ += "\\u00";
          out_ += kHex[c >> 4];
          out_ += kHex[c & 15];
        }
      }
    }
    out_.append(s, run, s.size() - run);
    out_ += '"';
  }
  void number(uint64_t n) {
    std::array<char, 24> buf;
    auto r = std::to_chars(buf.data(), buf.data() + buf.size(), n);
    out_.append(buf.data(), r.ptr);
  }
  void null() { out_ += "null"; }
  void raw(std::string_view s) { out_ += s; }

  int indent() const { return indent_; }
  size_t depth() const { return first_.size(); }
  std::string take() && { return std::move(out_); }

 private:
  void newline() {
    if (indent_ < 0) return;
    out_ += '\n';
    out_.append(first_.size() * static_cast<size_t>(indent_), ' ');
  }

  std::string out_;
  int indent_;
  std::vector<bool> first_;  // per open container: nothing written in it yet
};

// {"text", "start", "end"}, left open for a further key (the cue's lemma, a
// target's entity).
void open_span(Out& o, const Document& d, Span s) {
  o.open('{');
  o.key("text");
  o.string(d.slice(s));
  o.key("start");
  o.number(s.start);
  o.key("end");
  o.number(s.end);
}

void span(Out& o, const Document& d, Span s) {
  open_span(o, d, s);
  o.close('}');
}

void spans(Out& o, const Document& d, const std::vector<Span>& v) {
  o.open('[');
  for (Span s : v) {
    o.element();
    span(o, d, s);
  }
  o.close(']');
}

void ref_id(Out& o, const Analysis& a, const EntityRef& r) {
  if (r.entity >= 0 && r.entity < static_cast<int>(a.entities.size()) && !a.entities[r.entity].id.empty())
    o.string(a.entities[r.entity].id);
  else
    o.null();
}

void mention(Out& o, const Analysis& a, const EntityRef& r) {
  if (r.mention.empty()) o.null();
  else span(o, a.doc, r.mention);
}

void strings(Out& o, const std::vector<std::string>& v) {
  o.open('[');
  for (const std::string& s : v) {
    o.element();
    o.string(s);
  }
  o.close(']');
}

// Confidences are rounded to hundredths: 101 possible values, each formatted
// once by nlohmann so the digits are exactly those it writes.
std::string_view confidence(double c) {
  static const std::array<std::string, 101> kText = [] {
    std::array<std::string, 101> t;
    for (int i = 0; i <= 100; ++i) t[i] = Json(static_cast<double>(i) / 100).dump();
    return t;
  }();
  const double r = std::round(c * 100) / 100;
  if (std::isfinite(r) && r >= 0 && r <= 1) {
    const long i = std::lround(r * 100);
    if (r == static_cast<double>(i) / 100) return kText[i];
  }
  static thread_local std::string other;  // outside [0, 1]: not produced by the analyzer
  other = Json(r).dump();
  return other;
}

// An extra section, already serialised: re-read and written at this depth, so
// that it is indented like the rest (or written as null when it does not parse).
void section(Out& o, const std::string& value) {
  Json j = Json::parse(value, nullptr, false);
  if (j.is_discarded()) {
    o.null();
    return;
  }
  std::string text = j.dump(o.indent(), ' ', false, Json::error_handler_t::replace);
  if (o.indent() < 0) {
    o.raw(text);
    return;
  }
  // Raw newlines in a dump are only the layout's (strings escape theirs).
  const std::string pad(o.depth() * static_cast<size_t>(o.indent()), ' ');
  size_t from = 0;
  for (size_t nl = text.find('\n'); nl != std::string::npos; nl = text.find('\n', from)) {
    o.raw(std::string_view(text).substr(from, nl + 1 - from));
    o.raw(pad);
    from = nl + 1;
  }
  o.raw(std::string_view(text).substr(from));
}

}  // namespace

std::string to_json(const Analysis& a, int indent, const JsonSections& sections) {
  Out o(indent);
  o.open('{');
  o.key("quotegraph");
  o.string(kVersion);
  o.key("schema");
  o.string(kSchemaVersion);
  o.key("document");
  o.open('{');
  o.key("path");
  o.string(a.doc.path);
  if (!a.doc.outlet.empty()) {
    o.key("outlet");
    o.string(a.doc.outlet);
  }
  o.key("bytes");
  o.number(a.doc.text.size());
  o.key("body_start");
  o.number(a.doc.body_start);
  o.key("body_end");
  o.number(a.doc.body_end);
  if (a.doc.replaced_bytes) {
    o.key("replaced_bytes");
    o.number(a.doc.replaced_bytes);
  }
  o.close('}');

  o.key("entities");
  o.open('[');
  for (const Entity& e : a.entities) {
    o.element();
    o.open('{');
    o.key("id");
    o.string(e.id);
    o.key("name");
    o.string(e.name);
    o.key("kind");
    o.string(to_string(e.kind));
    o.key("aliases");
    strings(o, e.aliases);
    o.key("roles");
    strings(o, e.roles);
    o.key("mentions");
    spans(o, a.doc, e.mentions);
    o.close('}');
  }
  o.close(']');

  o.key("attributions");
  o.open('[');
  for (size_t i = 0; i < a.attributions.size(); ++i) {
    const Attribution& t = a.attributions[i];
    o.element();
    o.open('{');
    o.key("id");
    o.string("a" + std::to_string(i + 1));
    o.key("kind");
    o.string(to_string(t.kind));
    o.key("speaker");
    ref_id(o, a, t.speaker);
    o.key("speaker_mention");
    mention(o, a, t.speaker);
    o.key("cue");
    if (t.cue.empty()) {
      o.null();
    } else {
      open_span(o, a.doc, t.cue);
      o.key("lemma");
      o.string(t.cue_lemma);
      o.close('}');
    }
    o.key("content");
    span(o, a.doc, t.content);
    o.key("pieces");
    spans(o, a.doc, t.pieces);
    o.key("addressee");
    ref_id(o, a, t.addressee);
    o.key("addressee_mention");
    mention(o, a, t.addressee);
    o.key("about");
    o.open('[');
    for (const EntityRef& r : t.about) {
      o.element();
      open_span(o, a.doc, r.mention);
      o.key("entity");
      ref_id(o, a, r);
      o.close('}');
    }
    o.close(']');
    o.key("via");
    if (t.via >= 0) o.string("a" + std::to_string(t.via + 1));
    else o.null();
    o.key("echoes");
    ref_id(o, a, t.echoes);
    o.key("echoes_mention");
    mention(o, a, t.echoes);
    o.key("confidence");
    o.raw(confidence(t.confidence));
    o.key("rule");
    o.string(t.rule);
    o.close('}');
  }
  o.close(']');
  for (const auto& [name, value] : sections) {
    o.key(name);
    section(o, value);
  }
  o.close('}');
  std::string out = std::move(o).take();
  out += '\n';
  return out;
}

}  // namespace quotegraph
