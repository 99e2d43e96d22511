// Writers for diff: DiffReport -> text report, JSON. Deterministic: the report
// is already sorted, and nothing here iterates an unordered container.
#include <cstdio>

#include <nlohmann/json.hpp>

#include "quotegraph/diff.hpp"
#include "quotegraph/io.hpp"

namespace quotegraph::diff {
namespace {

using nlohmann::ordered_json;

ordered_json input_ref(const DiffReport& r, int i) {
  return ordered_json{{"outlet", r.inputs[i].outlet}, {"path", r.inputs[i].path}};
}

ordered_json outlets(const DiffReport& r, const std::vector<int>& v) {
  ordered_json a = ordered_json::array();
  for (int i : v) a.push_back(r.inputs[i].outlet);
  return a;
}

// Findings listed in the text report's summary.
constexpr size_t kTopFindings = 5;
// Evidence lines under one finding in the text report (a speaker quoted 17
// times is one finding, not a screenful); JSON lists them all.
constexpr size_t kMaxEvidenceLines = 8;

std::string one_line(std::string_view s, size_t max = 160) {
  std::string out;
  for (char c : s) out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  if (out.size() > max) {
    size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out = out.substr(0, cut) + "…";
  }
  return out;
}

}  // namespace

std::string to_json(const DiffReport& r, int indent) {
  ordered_json j;
  j["schema"] = "0.1";
  ordered_json ins = ordered_json::array();
  for (size_t i = 0; i < r.inputs.size(); ++i) ins.push_back(input_ref(r, static_cast<int>(i)));
  j["inputs"] = ins;
  ordered_json ents = ordered_json::array();
  for (const auto& e : r.entities) {
    ordered_json members = ordered_json::array();
    for (const auto& m : e.members)
      members.push_back({{"outlet", r.inputs[m.input].outlet}, {"entity", r.inputs[m.input].analysis->entities[m.entity].id},
                         {"name", r.inputs[m.input].analysis->entities[m.entity].name}});
    ents.push_back({{"name", e.name}, {"kind", to_string(e.kind)}, {"quoted_in", outlets(r, e.quoted_in)},
                    {"members", members}});
  }
  j["entities"] = ents;
  ordered_json stmts = ordered_json::array();
  for (const auto& s : r.statements) {
    ordered_json members = ordered_json::array();
    for (const auto& m : s.members) {
      const Attribution& a = r.inputs[m.input].analysis->attributions[m.attribution];
      members.push_back({{"outlet", r.inputs[m.input].outlet},
                         {"path", r.inputs[m.input].path},
                         {"attribution", attribution_id(static_cast<size_t>(m.attribution))},
                         {"speaker", m.speaker >= 0 ? ordered_json(r.entities[m.speaker].name) : ordered_json()},
                         {"kind", to_string(a.kind)},
                         {"cue", a.cue_lemma},
                         {"start", m.part.start},
                         {"end", m.part.end},
                         {"score", std::round(m.score * 1000) / 1000}});
      if (m.is_part) members.back()["part"] = true;
    }
    stmts.push_back({{"text", s.text}, {"members", members}});
  }
  j["statements"] = stmts;
  ordered_json finds = ordered_json::array();
  for (const auto& f : r.findings) {
    ordered_json ev = ordered_json::array();
    for (const auto& e : f.evidence)
      ev.push_back({{"outlet", r.inputs[e.input].outlet}, {"path", r.inputs[e.input].path}, {"what", e.what},
                    {"start", e.span.start}, {"end", e.span.end}, {"text", e.text}});
    finds.push_back({{"type", to_string(f.type)},
                     {"severity", to_string(f.severity)},
                     {"score", f.score},
                     {"subject", f.subject},
                     {"heading", f.heading},
                     {"outlets", outlets(r, f.inputs)},
                     {"missing", outlets(r, f.missing)},
                     {"detail", f.detail},
                     {"evidence", ev}});
  }
  j["findings"] = finds;
  j["warnings"] = r.warnings;
  return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string to_text(const DiffReport& r) {
  std::string out = "Outlets:\n";
  for (const auto& in : r.inputs) out += "  " + in.outlet + "  (" + in.path + ")\n";
  size_t aligned = 0;
  for (const auto& s : r.statements) aligned += s.members.size() == r.inputs.size();
  out += "Statements: " + std::to_string(r.statements.size()) + " aligned groups, " + std::to_string(aligned) +
         " carried by every outlet\n";
  out += "Differences: " + std::to_string(r.findings.size()) + "\n";
  for (const auto& w : r.warnings) out += "Warning: " + w + "\n";
  // The few findings that matter most, one line each, before the details.
  std::string top;
  size_t shown = 0;
  for (const auto& f : r.findings) {
    if (f.severity == Severity::kLow || shown == kTopFindings) break;
    top += "  " + std::to_string(++shown) + ". " + to_string(f.type) + ": " + one_line(f.heading, 80) + " (" +
           one_line(f.detail, 100) + ")\n";
  }
  if (!top.empty()) out += "\nTop findings:\n" + top;
  for (const auto& f : r.findings) {
    char score[16];
    std::snprintf(score, sizeof score, "%.2f", f.score);
    out += "\n[" + std::string(to_string(f.type)) + ", " + to_string(f.severity) + " " + score + "] " +
           one_line(f.heading, 100) + "\n";
    out += "  " + f.detail + "\n";
    size_t shown = 0;
    for (const auto& e : f.evidence) {
      if (shown++ == kMaxEvidenceLines) {
        out += "  (" + std::to_string(f.evidence.size() - kMaxEvidenceLines) + " more in --format json)\n";
        break;
      }
      out += "  " + r.inputs[e.input].outlet + " " + r.inputs[e.input].path + ":" + std::to_string(e.span.start) + "-" +
             std::to_string(e.span.end) + " " + e.what + ": " + one_line(e.text) + "\n";
    }
  }
  return out;
}

}  // namespace quotegraph::diff
