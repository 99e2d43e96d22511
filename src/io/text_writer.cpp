// Writers for people (text) and spreadsheets (RFC 4180 CSV).
#include <cstdio>
#include <sstream>

#include "quotegraph/io.hpp"

namespace quotegraph {
namespace {

std::string name_of(const Analysis& a, const EntityRef& r) {
  if (r.entity >= 0 && r.entity < static_cast<int>(a.entities.size())) return a.entities[r.entity].name;
  if (!r.mention.empty()) return std::string(a.doc.slice(r.mention));
  return "";
}

// Text for a terminal: control bytes (C0, DEL and the C1 range, which
// terminals read as escape sequences) are shown as \xHH / \u00HH, so an
// article cannot recolour, retitle or clear the user's terminal.
std::string printable(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  char hex[8];
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == 0x7F) {
      std::snprintf(hex, sizeof hex, "\\x%02X", c);
      out += hex;
    } else if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(s[i + 1]) <= 0x9F) {
      std::snprintf(hex, sizeof hex, "\\u%04X", static_cast<unsigned char>(s[i + 1]));
      out += hex;
      ++i;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string one_line(std::string_view s, size_t cap) {
  std::string out;
  for (char c : s) out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  out = printable(out);
  if (out.size() > cap) {
    size_t cut = cap;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;  // UTF-8 boundary
    out = out.substr(0, cut) + "…";
  }
  return out;
}

// RFC 4180 quoting, and a cell that a spreadsheet would run as a formula
// (starting with =, +, -, @, tab or carriage return) gets a leading ' as
// OWASP's CSV-injection advice says: the cell then shows as text.
std::string csv_field(std::string_view s) {
  std::string out = "\"";
  if (!s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r'))
    out += '\'';
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::string to_text(const Analysis& a) {
  std::ostringstream o;
  o << printable(a.doc.path) << ": " << a.attributions.size() << " attribution(s), " << a.entities.size()
    << " entit" << (a.entities.size() == 1 ? "y" : "ies") << "; article body ends at byte " << a.doc.body_end
    << "\n";
  for (size_t i = 0; i < a.attributions.size(); ++i) {
    const Attribution& t = a.attributions[i];
    std::string who = printable(name_of(a, t.speaker));
    o << "\n[a" << i + 1 << "] " << to_string(t.kind) << "  " << (who.empty() ? "(no speaker)" : who);
    std::string to = printable(name_of(a, t.addressee));
    if (!to.empty()) o << " -> " << to;
    if (!t.about.empty()) {
      o << "  about: ";
      for (size_t k = 0; k < t.about.size(); ++k) o << (k ? ", " : "") << printable(name_of(a, t.about[k]));
    }
    if (t.via >= 0) o << "  via a" << t.via + 1;
    if (!t.echoes.mention.empty()) o << "  echoes " << printable(name_of(a, t.echoes));
    o << "\n    cue: " << (t.cue.empty() ? "(none)" : one_line(a.doc.slice(t.cue), 60)) << " [" << t.cue_lemma
      << "]  confidence " << t.confidence << "\n";
    o << "    content [" << t.content.start << "," << t.content.end << "): " << one_line(a.doc.slice(t.content), 240)
      << "\n";
  }
  return o.str();
}

std::string to_csv(const Analysis& a, bool header) {
  std::ostringstream o;
  if (header)
    o << "path,id,kind,speaker,speaker_mention,cue_lemma,cue,content_start,content_end,content,addressee,"
         "about,via,confidence\r\n";
  for (size_t i = 0; i < a.attributions.size(); ++i) {
    const Attribution& t = a.attributions[i];
    std::string about;
    for (size_t k = 0; k < t.about.size(); ++k) about += (k ? "; " : "") + name_of(a, t.about[k]);
    o << csv_field(a.doc.path) << ",a" << i + 1 << "," << to_string(t.kind) << "," << csv_field(name_of(a, t.speaker))
      << "," << csv_field(a.doc.slice(t.speaker.mention)) << "," << csv_field(t.cue_lemma) << ","
      << csv_field(a.doc.slice(t.cue)) << "," << t.content.start << "," << t.content.end << ","
      << csv_field(a.doc.slice(t.content)) << "," << csv_field(name_of(a, t.addressee)) << "," << csv_field(about)
      << "," << (t.via >= 0 ? "a" + std::to_string(t.via + 1) : "") << "," << t.confidence << "\r\n";
  }
  return o.str();
}

}  // namespace quotegraph
