// Writers for people (text) and spreadsheets (RFC 4180 CSV).
#include <cstdio>
#include <optional>
#include <sstream>

#include "io/csv.hpp"
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


}  // namespace

std::string to_text(const Analysis& a) {
  std::ostringstream o;
  o << printable(a.doc.path) << ": " << a.attributions.size() << " attribution(s), " << a.entities.size()
    << " entit" << (a.entities.size() == 1 ? "y" : "ies") << "; article body ends at byte " << a.doc.body_end
    << "\n";
  for (size_t i = 0; i < a.attributions.size(); ++i) {
    const Attribution& t = a.attributions[i];
    std::string who = printable(name_of(a, t.speaker));
    o << "\n[" << attribution_id(i) << "] " << to_string(t.kind) << "  " << (who.empty() ? "(no speaker)" : who);
    std::string to = printable(name_of(a, t.addressee));
    if (!to.empty()) o << " -> " << to;
    if (!t.about.empty()) {
      o << "  about: ";
      for (size_t k = 0; k < t.about.size(); ++k) o << (k ? ", " : "") << printable(name_of(a, t.about[k]));
    }
    if (t.via >= 0) o << "  via " << attribution_id(static_cast<size_t>(t.via));
    if (!t.echoes.mention.empty()) o << "  echoes " << printable(name_of(a, t.echoes));
    o << "\n    cue: " << (t.cue.empty() ? "(none)" : one_line(a.doc.slice(t.cue), 60)) << " [" << t.cue_lemma
      << "]  confidence " << t.confidence << "\n";
    o << "    content [" << t.content.start << "," << t.content.end << "): " << one_line(a.doc.slice(t.content), 240)
      << "\n";
  }
  return o.str();
}

std::string csv_header() {
  return "path,id,kind,speaker,speaker_mention,cue_lemma,cue,content_start,content_end,content,addressee,about,via,"
         "confidence,speaker_kind,speaker_id,outlet,url,date,title\r\n";
}

std::string to_csv(const Analysis& a, bool header, const WriteOptions& options) {
  using io::csv_field;
  std::optional<CodePointMap> cp;
  if (options.offsets == Offsets::kChars) cp.emplace(a.doc.text);
  auto offset = [&](uint32_t b) { return cp ? (*cp)(b) : b; };
  const RecordInfo none;
  const RecordInfo& rec = options.record ? *options.record : none;
  std::ostringstream o;
  if (header) o << csv_header();
  for (size_t i = 0; i < a.attributions.size(); ++i) {
    const Attribution& t = a.attributions[i];
    std::string about;
    for (size_t k = 0; k < t.about.size(); ++k) about += (k ? "; " : "") + name_of(a, t.about[k]);
    const Entity* speaker = t.speaker.entity >= 0 && t.speaker.entity < static_cast<int>(a.entities.size())
                                ? &a.entities[t.speaker.entity]
                                : nullptr;
    o << csv_field(a.doc.path) << "," << attribution_id(i) << "," << to_string(t.kind) << ","
      << csv_field(name_of(a, t.speaker)) << "," << csv_field(a.doc.slice(t.speaker.mention)) << ","
      << csv_field(t.cue_lemma) << "," << csv_field(a.doc.slice(t.cue)) << "," << offset(t.content.start) << ","
      << offset(t.content.end) << "," << csv_field(a.doc.slice(t.content)) << "," << csv_field(name_of(a, t.addressee))
      << "," << csv_field(about) << "," << (t.via >= 0 ? attribution_id(static_cast<size_t>(t.via)) : "") << ","
      << t.confidence << "," << (speaker ? to_string(speaker->kind) : "") << "," << (speaker ? speaker->id : "")
      << "," << csv_field(a.doc.outlet) << "," << csv_field(rec.url) << "," << csv_field(rec.date) << ","
      << csv_field(rec.title) << "\r\n";
  }
  return o.str();
}

}  // namespace quotegraph
