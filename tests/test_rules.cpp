// Runs the data-driven rule cases in tests/cases/rules/*.case (format in the README there).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "quotegraph/analyzer.hpp"

namespace fs = std::filesystem;
using namespace quotegraph;

namespace {

struct Expect {
  std::string speaker, cue, content;
  bool loose = false;
  std::string addressee, about, echoes, kind, rule;
  std::string speaker_exact;  // `speaker:` — the whole mention, not a part of it
  bool via = false;
};

struct Case {
  std::string file, name, text;
  std::vector<Expect> attrs;
  int count = -1;
};

std::string trim(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.pop_back();
  size_t i = 0;
  while (i < s.size() && s[i] == ' ') ++i;
  return s.substr(i);
}

std::vector<Case> load_cases() {
  std::vector<Case> out;
  std::vector<fs::path> files;
  for (auto& e : fs::directory_iterator(fs::path(QG_SOURCE_DIR) / "tests/cases/rules"))
    if (e.path().extension() == ".case") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::ifstream in(f);
    std::string line;
    Case c;
    c.file = f.filename().string();
    bool first_text = true;
    auto flush = [&] {
      if (!c.name.empty()) out.push_back(c);
      c = Case{};
      c.file = f.filename().string();
      first_text = true;
    };
    while (std::getline(in, line)) {
      if (line == "---") { flush(); continue; }
      auto colon = line.find(':');
      if (colon == std::string::npos) continue;
      std::string key = line.substr(0, colon), val = trim(line.substr(colon + 1));
      if (key == "name") c.name = val;
      else if (key == "text") { c.text += (first_text ? "" : "\n") + val; first_text = false; }
      else if (key == "count") c.count = std::stoi(val);
      else if (key == "none") c.count = 0;
      else if (key == "attr") {
        Expect e;
        std::stringstream ss(val);
        std::string part;
        std::vector<std::string> parts;
        while (std::getline(ss, part, '|')) parts.push_back(trim(part));
        REQUIRE(parts.size() >= 3);
        e.speaker = parts[0];
        e.cue = parts[1];
        e.content = parts[2];
        e.loose = parts.size() > 3 && parts[3] == "loose";
        c.attrs.push_back(e);
      } else if (!c.attrs.empty()) {
        Expect& e = c.attrs.back();
        if (key == "addressee") e.addressee = val;
        else if (key == "about") e.about = val;
        else if (key == "echoes") e.echoes = val;
        else if (key == "kind") e.kind = val;
        else if (key == "rule") e.rule = val;
        else if (key == "speaker") e.speaker_exact = val;
        else if (key == "via") e.via = val == "yes";
      }
    }
    flush();
  }
  return out;
}

bool contains(std::string_view hay, std::string_view needle) { return hay.find(needle) != std::string_view::npos; }

bool matches(const Analysis& a, const Attribution& t, const Expect& e) {
  const Document& d = a.doc;
  if (!contains(d.slice(t.speaker.mention), e.speaker)) return false;
  if (!e.speaker_exact.empty() && d.slice(t.speaker.mention) != e.speaker_exact) return false;
  auto lower = [](std::string_view s) {
    std::string o(s);
    for (char& ch : o) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return o;
  };
  if (e.cue == "-" ? !t.cue.empty() : lower(d.slice(t.cue)) != lower(e.cue)) return false;
  // The content, or one of its pieces when a cue splits it.
  std::vector<Span> pieces = t.pieces.empty() ? std::vector<Span>{t.content} : t.pieces;
  bool hit = false;
  for (Span p : pieces) {
    std::string_view piece = d.slice(p);
    hit = hit || (contains(piece, e.content) && (e.loose || piece.size() <= e.content.size() + 40));
  }
  if (!hit) return false;
  if (!e.addressee.empty() && !contains(d.slice(t.addressee.mention), e.addressee)) return false;
  if (!e.about.empty()) {
    bool any = false;
    for (const EntityRef& r : t.about) any = any || contains(d.slice(r.mention), e.about);
    if (!any) return false;
  }
  if (!e.echoes.empty() && !contains(d.slice(t.echoes.mention), e.echoes)) return false;
  if (!e.kind.empty() && e.kind != to_string(t.kind)) return false;
  if (e.via && t.via < 0) return false;
  if (!e.rule.empty() && e.rule != t.rule) return false;
  return true;
}

std::string dump(const Analysis& a) {
  std::string s;
  for (const Attribution& t : a.attributions)
    s += "  [" + std::string(a.doc.slice(t.speaker.mention)) + "] [" + std::string(a.doc.slice(t.cue)) + "] [" +
         std::string(a.doc.slice(t.content)) + "] " + to_string(t.kind) + " rule=" + t.rule + "\n";
  return s.empty() ? "  (no attributions)\n" : s;
}

}  // namespace

TEST_CASE("rule cases from tests/cases/rules", "[rules]") {
  static const Analyzer analyzer;
  auto cases = load_cases();
  REQUIRE(cases.size() >= 40);
  for (const Case& c : cases) {
    auto r = analyzer.analyze(c.text, c.file);
    REQUIRE(r.ok());
    const Analysis& a = r.value();
    INFO(c.file << ": " << c.name << "\n" << c.text << "\n--- got:\n" << dump(a));
    if (c.count >= 0) CHECK(static_cast<int>(a.attributions.size()) == c.count);
    for (const Expect& e : c.attrs) {
      bool found = false;
      for (const Attribution& t : a.attributions) found = found || matches(a, t, e);
      INFO("expected: [" << e.speaker << "] [" << e.cue << "] [" << e.content << "]");
      CHECK(found);
    }
  }
}
