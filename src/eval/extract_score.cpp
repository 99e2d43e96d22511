// Extraction scoring: an extracted body and a dev page's snippets (and true
// body) in, token P/R/F1 and snippet hit rates out.
#include <algorithm>
#include <utility>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "quotegraph/extract_eval.hpp"
#include "quotegraph/io.hpp"

namespace quotegraph::eval {
namespace {

bool is_token_byte(unsigned char c) {
  return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

std::vector<std::string_view> tokens(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && !is_token_byte(static_cast<unsigned char>(s[i]))) ++i;
    size_t start = i;
    while (i < s.size() && is_token_byte(static_cast<unsigned char>(s[i]))) ++i;
    if (i > start) out.push_back(s.substr(start, i - start));
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Runs of ASCII white space and U+00A0 become one space: the snippets were
// written against another extractor's layout.
std::string squeeze(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    bool ws = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      ws = true;
      ++i;
    }
    if (ws) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += static_cast<char>(c);
  }
  return out;
}

std::string fmt(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", x);
  return buf;
}

struct Totals {
  size_t with = 0, with_found = 0, without = 0, without_absent = 0, bodies = 0;
  TokenScore micro;
  double macro_f1 = 0;
  size_t bytes = 0;
  size_t attributions = 0, chrome_attributions = 0;
  double with_rate() const { return with ? double(with_found) / double(with) : 0.0; }
  double without_rate() const { return without ? double(without_absent) / double(without) : 0.0; }
  double snippet_f1() const {
    double r = with_rate(), p = without_rate();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
};

Totals totals(const std::vector<ExtractPage>& pages) {
  Totals t;
  for (const ExtractPage& p : pages) {
    t.with += p.with.size();
    t.with_found += p.with.size() - p.missed.size();
    t.without += p.without.size();
    t.without_absent += p.without.size() - p.leaked.size();
    t.bytes += p.html_bytes;
    t.attributions += p.attributions;
    t.chrome_attributions += p.chrome_attributions;
    if (!p.has_body) continue;
    ++t.bodies;
    t.micro.extracted += p.tokens.extracted;
    t.micro.truth += p.tokens.truth;
    t.micro.shared += p.tokens.shared;
    t.macro_f1 += p.tokens.f1();
  }
  if (t.bodies) t.macro_f1 /= double(t.bodies);
  return t;
}

}  // namespace

TokenScore score_tokens(std::string_view extracted, std::string_view truth) {
  std::vector<std::string_view> a = tokens(extracted), b = tokens(truth);
  TokenScore s;
  s.extracted = a.size();
  s.truth = b.size();
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) ++i;
    else if (b[j] < a[i]) ++j;
    else {
      ++s.shared;
      ++i;
      ++j;
    }
  }
  return s;
}

Result<std::vector<ExtractPage>> read_extract_devset(const std::string& dir) {
  std::string path = dir + "/snippets.json";
  auto bytes = read_file(path);
  if (!bytes.ok()) return bytes.status();
  nlohmann::json j = nlohmann::json::parse(bytes.value(), nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("pages") || !j["pages"].is_array())
    return Status(ErrorCode::kInputError, path + ": not a dev set (expected {\"pages\": [...]})");
  std::vector<ExtractPage> out;
  for (const auto& e : j["pages"]) {
    if (!e.is_object() || !e.contains("page") || !e["page"].is_string())
      return Status(ErrorCode::kInputError, path + ": a page entry has no \"page\" name");
    ExtractPage p;
    p.page = e["page"].get<std::string>();
    for (const char* key : {"with", "without"}) {
      if (!e.contains(key)) continue;
      for (const auto& s : e[key])
        if (s.is_string()) (std::string_view(key) == "with" ? p.with : p.without).push_back(s.get<std::string>());
    }
    std::string stem = std::filesystem::path(p.page).stem().string();
    std::string body = dir + "/bodies/" + stem + ".txt";
    if (std::filesystem::exists(body)) p.body_path = body;
    out.push_back(std::move(p));
  }
  return out;
}

void score_page(ExtractPage& page, std::string_view extracted, std::string_view truth) {
  std::string text = squeeze(extracted);
  page.missed.clear();
  page.leaked.clear();
  for (const std::string& s : page.with)
    if (text.find(squeeze(s)) == std::string::npos) page.missed.push_back(s);
  for (const std::string& s : page.without)
    if (text.find(squeeze(s)) != std::string::npos) page.leaked.push_back(s);
  page.has_body = !page.body_path.empty();
  if (page.has_body) page.tokens = score_tokens(extracted, truth);
}

void score_attributions(ExtractPage& page, const Analysis& analysis) {
  const std::string& text = analysis.doc.text;
  // Byte ranges of the without-snippets in the body (first occurrence each;
  // exact match, as the analyzer reads the body exactly).
  std::vector<std::pair<size_t, size_t>> chrome;
  for (const std::string& s : page.without) {
    size_t at = s.empty() ? std::string::npos : text.find(s);
    while (at != std::string::npos) {
      chrome.emplace_back(at, at + s.size());
      at = text.find(s, at + s.size());
    }
  }
  page.attributions = analysis.attributions.size();
  page.chrome_attributions = 0;
  for (const Attribution& a : analysis.attributions) {
    size_t start = a.content.start, end = a.content.end;
    for (Span s : {a.cue, a.speaker.mention})
      if (s.end > s.start) start = std::min<size_t>(start, s.start), end = std::max<size_t>(end, s.end);
    for (auto [cs, ce] : chrome)
      if (cs < end && start < ce) {
        ++page.chrome_attributions;
        break;
      }
  }
}

std::string extract_report_text(const std::vector<ExtractPage>& pages, bool errors) {
  Totals t = totals(pages);
  std::string out;
  out += "pages: " + std::to_string(pages.size()) + " (" + std::to_string(t.bytes) + " bytes of HTML)\n";
  out += "with-snippets found:     " + std::to_string(t.with_found) + "/" + std::to_string(t.with) + " = " +
         fmt(t.with_rate()) + "\n";
  out += "without-snippets absent: " + std::to_string(t.without_absent) + "/" + std::to_string(t.without) + " = " +
         fmt(t.without_rate()) + "\n";
  out += "snippet F1: " + fmt(t.snippet_f1()) + "\n";
  if (t.bodies)
    out += "token P/R/F1 over " + std::to_string(t.bodies) + " pages with a body: " + fmt(t.micro.precision()) +
           " / " + fmt(t.micro.recall()) + " / " + fmt(t.micro.f1()) + " (macro F1 " + fmt(t.macro_f1) + ")\n";
  else
    out += "token P/R/F1: no page has a body (DIR/bodies/NAME.txt)\n";
  if (t.attributions)
    out += "attributions: " + std::to_string(t.attributions) + ", touching a without-snippet: " +
           std::to_string(t.chrome_attributions) + " = " +
           fmt(double(t.chrome_attributions) / double(t.attributions)) + "\n";
  if (errors) {
    for (const ExtractPage& p : pages) {
      for (const std::string& s : p.missed) out += "missed " + p.page + ": " + s + "\n";
      for (const std::string& s : p.leaked) out += "leaked " + p.page + ": " + s + "\n";
      if (p.has_body && p.tokens.f1() < 0.9)
        out += "low-f1 " + p.page + ": " + fmt(p.tokens.f1()) + "\n";
    }
  }
  return out;
}

std::string extract_report_json(const std::vector<ExtractPage>& pages, bool errors) {
  Totals t = totals(pages);
  nlohmann::ordered_json j;
  j["pages"] = pages.size();
  j["html_bytes"] = t.bytes;
  j["with"] = {{"found", t.with_found}, {"total", t.with}, {"rate", t.with_rate()}};
  j["without"] = {{"absent", t.without_absent}, {"total", t.without}, {"rate", t.without_rate()}};
  j["snippet_f1"] = t.snippet_f1();
  j["bodies"] = t.bodies;
  j["attributions"] = {{"total", t.attributions}, {"chrome", t.chrome_attributions}};
  if (t.bodies)
    j["tokens"] = {{"precision", t.micro.precision()}, {"recall", t.micro.recall()}, {"f1", t.micro.f1()},
                   {"macro_f1", t.macro_f1}};
  if (errors) {
    nlohmann::ordered_json per = nlohmann::ordered_json::array();
    for (const ExtractPage& p : pages) {
      nlohmann::ordered_json e;
      e["page"] = p.page;
      e["missed"] = p.missed;
      e["leaked"] = p.leaked;
      if (p.has_body) e["f1"] = p.tokens.f1();
      e["attributions"] = p.attributions;
      e["chrome_attributions"] = p.chrome_attributions;
      per.push_back(e);
    }
    j["per_page"] = per;
  }
  return j.dump(1) + "\n";
}

}  // namespace quotegraph::eval
