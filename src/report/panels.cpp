// Stage: panels. The page model in, HTML sections out: statement details (the
// tooltip sources), speakers, who talks to and about whom, echoes and framing,
// the attribution tables, and on a multi-article page the diff's findings and
// aligned statements. Every text from the input goes through escape_html.
#include <algorithm>
#include <map>

#include "quotegraph/io.hpp"
#include "report/internal.hpp"

namespace quotegraph::report::detail {
namespace {

std::string join(const std::vector<std::string>& parts, const std::string& sep) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? sep : "") + parts[i];
  return out;
}

const char* kind_label(AttributionKind k) {
  switch (k) {
    case AttributionKind::kDirect: return "direct: quoted";
    case AttributionKind::kMixed: return "mixed: partly quoted";
    case AttributionKind::kIndirect: return "indirect: paraphrased";
  }
  return "";
}

std::string swatch(const std::string& cls) { return "<span class=\"qg-swatch " + cls + "\" aria-hidden=\"true\"></span>"; }

// "Ned Price (person)" (the entity id in a data attribute), or the mention text
// marked unresolved.
std::string speaker_detail(const Page& p, int col, int i) {
  const Attribution& at = p.attribution(col, i);
  const Analysis& a = *p.columns[col].a;
  if (at.speaker.entity >= 0 && at.speaker.entity < static_cast<int>(a.entities.size())) {
    const Entity& e = a.entities[at.speaker.entity];
    return "<span" + attr("data-entity", e.id) + ">" + escape_html(e.name) + "</span> <span class=\"qg-note\">(" +
           to_string(e.kind) + ")</span>";
  }
  if (!at.speaker.mention.empty())
    return "“" + escape_html(a.doc.slice(at.speaker.mention)) + "” <span class=\"qg-note\">(not resolved to an entity)</span>";
  return "none given";
}

std::string cue_text(const Page& p, int col, const Attribution& at) {
  if (at.cue.empty()) return "none: " + escape_html(at.cue_lemma);
  return "“" + escape_html(p.columns[col].a->doc.slice(at.cue)) + "” (" + escape_html(at.cue_lemma) + ")";
}

std::string about_text(const Page& p, int col, const Attribution& at) {
  std::vector<std::string> names;
  for (const EntityRef& r : at.about) {
    std::string n = p.entity_name(col, r);
    if (!n.empty() && std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
  }
  return names.empty() ? "—" : escape_html(join(names, ", "));
}

std::string addressee_text(const Page& p, int col, const Attribution& at) {
  std::string n = p.entity_name(col, at.addressee);
  return n.empty() ? "—" : escape_html(n);
}

// The relay chain from the original speaker through each relaying statement:
// "Antony J. Blinken → Ned Price (a9)". Bounded by the number of attributions,
// so a malformed cycle cannot loop.
std::string via_text(const Page& p, int col, int i) {
  const auto& ats = p.columns[col].a->attributions;
  int j = ats[i].via;
  if (j < 0) return "— (said directly)";
  std::string out = escape_html(p.speaker_name(col, i));
  for (size_t steps = 0; j >= 0 && j < static_cast<int>(ats.size()) && steps < ats.size(); ++steps) {
    out += " → " + escape_html(p.speaker_name(col, j)) + " (" + statement_no(j) + ")";
    j = ats[j].via;
  }
  return out;
}

// Other columns' members of the statement's aligned group, as text or links.
std::vector<std::pair<std::string, std::string>> aligned_members(const Page& p, int col, int i) {
  std::vector<std::pair<std::string, std::string>> out;  // (id, label)
  int g = p.group_of[col][i];
  if (g < 0 || !p.in->diff) return out;
  for (const auto& m : p.in->diff->statements[g].members)
    if (m.input != col) out.push_back({p.attribution_id(m.input, m.attribution), p.label(m.input, m.attribution)});
  return out;
}

std::vector<std::string> group_findings(const Page& p, int g) {
  std::vector<std::string> types;
  if (g < 0 || !p.in->diff) return types;
  for (const auto& f : p.in->diff->findings)
    if (f.statement == g) types.push_back(diff::to_string(f.type));
  return types;
}

std::string party_name(const echo::Party& party) { return party.name.empty() ? "(unknown speaker)" : party.name; }

// A link to a party's statement (any column), else to its mention, else its name alone.
std::string party_link(const Page& p, const echo::Party& party) {
  std::string name = escape_html(party_name(party));
  if (party.input < 0 || party.input >= static_cast<int>(p.columns.size())) return name;
  const auto& ats = p.columns[party.input].a->attributions;
  if (party.attribution >= 0 && party.attribution < static_cast<int>(ats.size()))
    return name + " (" + link(p.attribution_id(party.input, party.attribution), escape_html(p.label(party.input, party.attribution))) + ")";
  return link(p.anchor(party.input, party.mention), name);
}

// The element for an evidence span: the element marking exactly that span,
// else the statement whose content holds it.
std::string evidence_anchor(const Page& p, int col, Span s) {
  std::string id = p.anchor(col, s);
  if (!id.empty()) return id;
  const auto& ats = p.columns[col].a->attributions;
  for (size_t i = 0; i < ats.size(); ++i)
    if (ats[i].content.start <= s.start && s.end <= ats[i].content.end) return p.attribution_id(col, static_cast<int>(i));
  return "";
}

std::string section_open(const Page& p, int col, const std::string& local, const std::string& title) {
  std::string id = p.columns[col].prefix + "-" + local;
  return "<section" + attr("aria-labelledby", id) + ">\n<h2" + attr("id", id) + ">" + escape_html(title) + "</h2>\n";
}

}  // namespace

std::string tooltip_sources(const Page& p, int col) {
  const Column& c = p.columns[col];
  std::string h = "<div class=\"qg-tipsrc\" hidden>\n";
  for (size_t k = 0; k < c.a->attributions.size(); ++k) {
    int i = static_cast<int>(k);
    const Attribution& at = c.a->attributions[k];
    std::string local = attribution_id(k);
    h += "<div" + attr("id", c.prefix + "-tip-" + local) + "><dl>";
    h += "<dt>Statement</dt><dd>" + escape_html(p.label(col, i)) + "</dd>";
    h += "<dt>Speaker</dt><dd>" + swatch(p.speaker_class(col, i)) + speaker_detail(p, col, i) + "</dd>";
    h += "<dt>Kind</dt><dd>" + std::string(kind_label(at.kind)) + "</dd>";
    h += "<dt>Cue</dt><dd>" + cue_text(p, col, at) + "</dd>";
    h += "<dt>To</dt><dd>" + addressee_text(p, col, at) + "</dd>";
    h += "<dt>About</dt><dd>" + about_text(p, col, at) + "</dd>";
    h += "<dt>Via</dt><dd>" + via_text(p, col, i) + "</dd>";
    h += "<dt>Confidence</dt><dd" + attr("data-rule", at.rule) + ">" + fixed2(at.confidence) + "</dd>";
    if (p.in->diff) {
      std::vector<std::string> labels;
      for (const auto& [id, label] : aligned_members(p, col, i)) labels.push_back(escape_html(label));
      h += "<dt>Aligned with</dt><dd>" + (labels.empty() ? std::string("— (no other outlet)") : join(labels, ", ")) + "</dd>";
      std::vector<std::string> types = group_findings(p, p.group_of[col][k]);
      if (!types.empty()) h += "<dt>Differences</dt><dd>" + escape_html(join(types, ", ")) + "</dd>";
    }
    h += "</dl></div>\n";
  }
  h += "</div>\n";
  return h;
}

std::string speakers_panel(const Page& p, int col) {
  const Analysis& a = *p.columns[col].a;
  // Speakers of this column by number of statements, then first statement.
  std::map<int, std::vector<int>> by_speaker;  // speaker index (-1: none) -> attributions
  for (size_t i = 0; i < a.attributions.size(); ++i) by_speaker[p.speaker_of[col][i]].push_back(static_cast<int>(i));
  std::vector<std::pair<int, std::vector<int>>> rows(by_speaker.begin(), by_speaker.end());
  std::stable_sort(rows.begin(), rows.end(), [](const auto& x, const auto& y) {
    if ((x.first < 0) != (y.first < 0)) return y.first < 0;  // "no speaker" last
    if (x.second.size() != y.second.size()) return x.second.size() > y.second.size();
    return x.second.front() < y.second.front();
  });
  std::string h = section_open(p, col, "speakers", "Speakers");
  if (rows.empty()) return h + "<p class=\"qg-note\">Nobody is quoted.</p>\n</section>\n";
  h += "<div class=\"qg-scroll\"><table>\n<thead><tr><th scope=\"col\">Speaker, roles and aliases</th>"
       "<th scope=\"col\">Statements</th><th scope=\"col\">Direct / mixed / paraphrased</th></tr></thead>\n<tbody>\n";
  for (const auto& [speaker, list] : rows) {
    int first = list.front();
    const Attribution& at = a.attributions[first];
    std::string cls = p.speaker_class(col, first);
    h += "<tr" + (speaker >= 0 ? attr("data-qg-speaker", p.speakers[speaker].key) : std::string()) + "><th scope=\"row\">" +
         swatch(cls) + speaker_detail(p, col, first);
    if (at.speaker.entity >= 0 && at.speaker.entity < static_cast<int>(a.entities.size())) {
      const Entity& e = a.entities[at.speaker.entity];
      if (!e.roles.empty()) h += "<span class=\"qg-sub\">roles: " + escape_html(join(e.roles, "; ")) + "</span>";
      if (!e.aliases.empty()) h += "<span class=\"qg-sub\">aliases: " + escape_html(join(e.aliases, "; ")) + "</span>";
    }
    h += "</th>";
    std::vector<std::string> links;
    size_t direct = 0, mixed = 0, indirect = 0;
    for (int i : list) {
      links.push_back(link(p.attribution_id(col, i), statement_no(i)));
      AttributionKind k = a.attributions[i].kind;
      (k == AttributionKind::kDirect ? direct : k == AttributionKind::kMixed ? mixed : indirect)++;
    }
    // Not [&] over `list`: clang-14 (the fuzz build) rejects capturing a structured binding.
    auto pct = [total = list.size()](size_t n) { return std::to_string((n * 100 + total / 2) / total); };
    h += "<td><strong>" + std::to_string(list.size()) + "</strong>: " + join(links, ", ") + "</td>";
    h += "<td>" + std::to_string(direct) + " / " + std::to_string(mixed) + " / " + std::to_string(indirect) + " (" +
         pct(direct + mixed) + "% quoted)<span class=\"qg-share\" aria-hidden=\"true\">"
         "<span class=\"qg-direct\" style=\"width:" + pct(direct) + "%\"></span>"
         "<span class=\"qg-mixed\" style=\"width:" + pct(mixed) + "%\"></span></span></td></tr>\n";
  }
  h += "</tbody></table></div>\n</section>\n";
  return h;
}

std::string about_panel(const Page& p, int col) {
  const Analysis& a = *p.columns[col].a;
  struct Row {
    int first = 0;  // attribution that first gives the row
    std::string speaker, relation, whom;
    std::vector<int> statements;
  };
  std::vector<Row> rows;
  std::map<std::tuple<std::string, std::string, std::string>, size_t> index;
  auto add = [&](int i, const std::string& relation, const std::string& whom) {
    if (whom.empty()) return;
    std::string speaker = p.speaker_name(col, i);
    auto [it, fresh] = index.emplace(std::make_tuple(speaker, relation, whom), rows.size());
    if (fresh) rows.push_back({i, speaker, relation, whom, {}});
    std::vector<int>& s = rows[it->second].statements;
    if (s.empty() || s.back() != i) s.push_back(i);
  };
  for (size_t k = 0; k < a.attributions.size(); ++k) {
    int i = static_cast<int>(k);
    add(i, "to", p.entity_name(col, a.attributions[k].addressee));
    for (const EntityRef& r : a.attributions[k].about) add(i, "about", p.entity_name(col, r));
  }
  std::string h = section_open(p, col, "about", "Who talks to and about whom");
  if (rows.empty()) return h + "<p class=\"qg-note\">No addressees or targets found.</p>\n</section>\n";
  h += "<div class=\"qg-scroll\"><table>\n<thead><tr><th scope=\"col\">Speaker</th><th scope=\"col\"></th>"
       "<th scope=\"col\">Whom</th><th scope=\"col\">Statements</th></tr></thead>\n<tbody>\n";
  for (const Row& r : rows) {
    std::vector<std::string> links;
    for (int i : r.statements) links.push_back(link(p.attribution_id(col, i), statement_no(i)));
    h += "<tr><td>" + swatch(p.speaker_class(col, r.first)) + escape_html(r.speaker) + "</td><td>" + r.relation +
         "</td><td>" + escape_html(r.whom) + "</td><td>" + join(links, ", ") + "</td></tr>\n";
  }
  h += "</tbody></table></div>\n</section>\n";
  return h;
}

std::string echo_panel(const Page& p, int col) {
  std::string h = section_open(p, col, "echoes", "Echoes and framing");
  if (!p.in->echoes) return h + "<p class=\"qg-note\">The echo analysis was not run.</p>\n</section>\n";
  const echo::EchoReport& r = *p.in->echoes;
  const Document& doc = p.columns[col].a->doc;
  std::vector<std::string> items;
  auto echo_item = [&](const echo::Echo& e, bool repetition) {
    if (e.from.input != col) return;
    std::string li = "<li><span class=\"qg-badge\">" + std::string(repetition ? "repetition" : "echo") + ", " +
                     echo::to_string(e.evidence) + "</span> ";
    li += party_link(p, e.from) + (repetition ? " repeats their own words" : " echoes " + party_link(p, e.to));
    if (!e.phrase.empty()) li += ": <span class=\"qg-quote\">“" + escape_html(excerpt(e.phrase, 200)) + "”</span>";
    if (!e.cue.empty()) {
      li += " — cue " + link(p.anchor(col, e.cue), "“" + escape_html(doc.slice(e.cue)) + "”");
    }
    li += " <span class=\"qg-note\">(score " + fixed2(e.score) + ")</span></li>\n";
    items.push_back(li);
  };
  for (const auto& e : r.echoes) echo_item(e, false);
  for (const auto& e : r.repetitions) echo_item(e, true);
  for (size_t k = 0; k < r.framing.size(); ++k) {
    const echo::Framing& f = r.framing[k];
    if (f.input != col) continue;
    std::string id = p.anchor(col, f.span);
    std::string li = "<li><span class=\"qg-badge qg-finding\">" +
                     std::string(f.kind == echo::FramingKind::kScareQuote ? "scare quote" : "adopted term") + "</span> " +
                     link(id, "<span class=\"qg-quote\">" + escape_html(doc.slice(f.span)) + "</span>");
    if (f.entity >= 0 || !f.entity_name.empty()) {
      li += " — the word of " + escape_html(f.entity_name);
      if (f.attribution >= 0 && f.attribution < static_cast<int>(p.columns[col].a->attributions.size()))
        li += " (" + link(p.attribution_id(col, f.attribution), statement_no(f.attribution)) + ")";
    }
    li += " <span class=\"qg-note\">" + escape_html(f.reason) + "</span></li>\n";
    items.push_back(li);
  }
  if (items.empty()) return h + "<p class=\"qg-note\">No echoes, scare quotes or adopted terms found.</p>\n</section>\n";
  h += "<ul class=\"qg-list\">\n" + join(items, "") + "</ul>\n</section>\n";
  return h;
}

std::string attribution_table(const Page& p, int col) {
  const Column& c = p.columns[col];
  std::string h;
  if (p.multi()) h += "<h3" + attr("id", c.prefix + "-table") + ">" + escape_html(c.outlet) + "</h3>\n";
  if (c.a->attributions.empty()) return h + "<p class=\"qg-note\">No attributions.</p>\n";
  h += "<div class=\"qg-scroll\"><table>\n<thead><tr><th scope=\"col\">#</th><th scope=\"col\">Speaker</th>"
       "<th scope=\"col\">Kind</th><th scope=\"col\">Cue</th><th scope=\"col\">Content</th><th scope=\"col\">To</th>"
       "<th scope=\"col\">About</th><th scope=\"col\">Via</th><th scope=\"col\">Confidence</th>";
  if (p.in->diff) h += "<th scope=\"col\">Aligned with</th>";
  h += "</tr></thead>\n<tbody>\n";
  for (size_t k = 0; k < c.a->attributions.size(); ++k) {
    int i = static_cast<int>(k);
    const Attribution& at = c.a->attributions[k];
    h += "<tr><td>" + link(p.attribution_id(col, i), statement_no(i)) + "</td><td>" +
         swatch(p.speaker_class(col, i)) + escape_html(p.speaker_name(col, i)) + "</td><td>" + to_string(at.kind) +
         "</td><td>" + cue_text(p, col, at) + "</td><td class=\"qg-quote\">" +
         escape_html(excerpt(c.a->doc.slice(at.content), 220)) + "</td><td>" + addressee_text(p, col, at) + "</td><td>" +
         about_text(p, col, at) + "</td><td>" + (at.via >= 0 ? via_text(p, col, i) : "—") + "</td><td class=\"qg-num\">" +
         fixed2(at.confidence) + "</td>";
    if (p.in->diff) {
      std::vector<std::string> links;
      for (const auto& [id, label] : aligned_members(p, col, i)) links.push_back(link(id, escape_html(label)));
      h += "<td>" + (links.empty() ? std::string("—") : join(links, ", ")) + "</td>";
    }
    h += "</tr>\n";
  }
  h += "</tbody></table></div>\n";
  return h;
}

namespace {

// Findings listed in the summary at the top of the differences.
constexpr size_t kTopFindings = 5;
// Evidence links under one finding; the rest are in the columns.
constexpr size_t kMaxEvidenceItems = 8;

// A finding type in a reader's words.
std::string finding_label(diff::FindingType t) {
  switch (t) {
    case diff::FindingType::kMisattribution: return "misattribution";
    case diff::FindingType::kQuoteAltered: return "quote altered";
    case diff::FindingType::kQuoteVsParaphrase: return "quoted vs paraphrased";
    case diff::FindingType::kCueVerb: return "reporting verb";
    case diff::FindingType::kFraming: return "framing";
    case diff::FindingType::kRelay: return "relayed";
    case diff::FindingType::kStatementOnly: return "not in every outlet";
    case diff::FindingType::kSpeakerOnly: return "speaker not in every outlet";
  }
  return diff::to_string(t);
}

bool starts_with_quote_mark(std::string_view t) {
  return t.starts_with("\"") || t.starts_with("'") || t.starts_with("\xE2\x80\x9C") || t.starts_with("\xE2\x80\x98") ||
         t.starts_with("\xC2\xAB");
}

}  // namespace

std::string findings_section(const Page& p) {
  if (!p.in->diff) return "";
  const diff::DiffReport& r = *p.in->diff;
  std::string h = "<section id=\"findings\" aria-labelledby=\"findings-h\">\n<h2 id=\"findings-h\">Differences between "
                  "the outlets (" + std::to_string(r.findings.size()) + ")</h2>\n";
  if (r.findings.empty()) return h + "<p class=\"qg-note\">The outlets agree on every aligned statement.</p>\n</section>\n";
  auto outlets = [&](const std::vector<int>& v) {
    std::vector<std::string> names;
    for (int i : v)
      if (i >= 0 && i < static_cast<int>(p.columns.size())) names.push_back(p.columns[i].outlet);
    return escape_html(join(names, ", "));
  };
  for (const std::string& w : r.warnings) h += "<p class=\"qg-warning\" role=\"note\">" + escape_html(w) + "</p>\n";
  // The findings that matter most, one line each, before the full list.
  std::string top;
  size_t shown = 0;
  for (size_t k = 0; k < r.findings.size() && shown < kTopFindings; ++k) {
    const diff::Finding& f = r.findings[k];
    if (f.severity == diff::Severity::kLow) break;
    ++shown;
    top += "<li>" + link("finding-" + std::to_string(k + 1), escape_html(finding_label(f.type))) + ": " +
           escape_html(excerpt(f.heading, 140)) + "</li>";
  }
  if (!top.empty()) h += "<h3>Top findings</h3>\n<ol class=\"qg-top\">" + top + "</ol>\n";
  h += "<ul class=\"qg-list\">\n";
  for (size_t k = 0; k < r.findings.size(); ++k) {
    const diff::Finding& f = r.findings[k];
    h += "<li id=\"finding-" + std::to_string(k + 1) + "\" data-type=\"" + diff::to_string(f.type) +
         "\" data-score=\"" + fixed2(f.score) + "\"><span class=\"qg-badge qg-finding qg-sev-" +
         diff::to_string(f.severity) + "\">" + escape_html(finding_label(f.type)) + "</span> <strong>" +
         escape_html(excerpt(f.heading, 200)) + "</strong>";
    if (!f.detail.empty()) h += "<br>" + escape_html(excerpt(f.detail, 400));
    h += "<br><span class=\"qg-note\">" + std::string(diff::to_string(f.severity)) + " · in: " + outlets(f.inputs);
    if (!f.missing.empty()) h += " · missing from: " + outlets(f.missing);
    h += "</span>";
    std::vector<std::string> ev;
    for (const diff::EvidenceSpan& e : f.evidence) {
      if (e.input < 0 || e.input >= static_cast<int>(p.columns.size())) continue;
      if (ev.size() == kMaxEvidenceItems) {
        ev.push_back("<span class=\"qg-note\">and " + std::to_string(f.evidence.size() - kMaxEvidenceItems) +
                     " more (each statement is highlighted in its column)</span>");
        break;
      }
      // Quoted words already carry their marks; only unquoted text gets them.
      std::string shown_text = escape_html(excerpt(e.text, 120));
      if (!starts_with_quote_mark(e.text)) shown_text = "“" + shown_text + "”";
      ev.push_back(escape_html(p.columns[e.input].outlet) + " " + escape_html(e.what) + ": " +
                   link(evidence_anchor(p, e.input, e.span), shown_text));
    }
    if (!ev.empty()) h += "<ul class=\"qg-list\"><li>" + join(ev, "</li><li>") + "</li></ul>";
    h += "</li>\n";
  }
  h += "</ul>\n</section>\n";
  return h;
}

std::string aligned_section(const Page& p) {
  if (!p.in->diff) return "";
  const diff::DiffReport& r = *p.in->diff;
  // Only statements carried by two outlets or more: a group of one aligns nothing.
  size_t shared = 0;
  for (const auto& s : r.statements) shared += s.members.size() >= 2;
  std::string h = "<section id=\"aligned\" aria-labelledby=\"aligned-h\">\n<h2 id=\"aligned-h\">Aligned statements (" +
                  std::to_string(shared) + ")</h2>\n";
  if (shared == 0) return h + "<p class=\"qg-note\">No statement is carried by two outlets.</p>\n</section>\n";
  h += "<div class=\"qg-scroll\"><table>\n<thead><tr><th scope=\"col\">Statement</th>";
  for (const Column& c : p.columns) h += "<th scope=\"col\">" + escape_html(c.outlet) + "</th>";
  h += "<th scope=\"col\">Differences</th></tr></thead>\n<tbody>\n";
  for (size_t g = 0; g < r.statements.size(); ++g) {
    const diff::AlignedStatement& s = r.statements[g];
    if (s.members.size() < 2) continue;
    const auto& first = s.members.front();
    h += "<tr><td class=\"qg-quote\">" +
         escape_html(excerpt(p.columns[first.input].a->doc.slice(p.attribution(first.input, first.attribution).content), 160)) +
         "</td>";
    for (size_t col = 0; col < p.columns.size(); ++col) {
      auto m = std::find_if(s.members.begin(), s.members.end(), [&](const auto& x) { return x.input == static_cast<int>(col); });
      if (m == s.members.end()) {
        h += "<td>—</td>";
        continue;
      }
      const Attribution& at = p.attribution(m->input, m->attribution);
      h += "<td>" + swatch(p.speaker_class(m->input, m->attribution)) +
           link(p.attribution_id(m->input, m->attribution), escape_html(p.speaker_name(m->input, m->attribution))) +
           " <span class=\"qg-note\">" + to_string(at.kind) +
           (m->score < 1.0 ? ", score " + fixed2(m->score) : std::string()) + "</span></td>";
    }
    std::vector<std::string> types = group_findings(p, static_cast<int>(g));
    h += "<td>" + (types.empty() ? std::string("—") : escape_html(join(types, ", "))) + "</td></tr>\n";
  }
  h += "</tbody></table></div>\n</section>\n";
  return h;
}

}  // namespace quotegraph::report::detail
