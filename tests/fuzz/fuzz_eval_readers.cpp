// Fuzz target for the gold readers of `quotegraph eval` (src/eval/gold.cpp):
// parse_seed_gold (NAME.gold.json) and parse_brat (BRAT .ann) on arbitrary
// bytes, then the scorer and both report writers on what they read.
//
// Input layout: ARTICLE NUL GOLD. Everything before the first NUL byte is the
// article, everything after it the gold file; both readers get the same pair
// (the JSON reader rejects BRAT text at once, and the other way round).
//
// Checked: errors are kFormatError naming the gold path, or kInputError exactly
// when the article is not valid UTF-8; on success every span lies inside the
// article on UTF-8 boundaries, every required attribution has content offsets,
// BRAT pieces and discard spans are sorted, BRAT content is the article's text
// of its pieces and kind is derived; the scorer keeps tp <= gold and
// tp_pred <= pred, counts every gold item, matches nothing against an empty
// prediction, and its JSON report parses; both reports are deterministic.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "fuzz_check.hpp"
#include "invariants.hpp"
#include "quotegraph/eval.hpp"
#include "text/decode.hpp"

namespace {

using namespace quotegraph;
using namespace quotegraph::eval;

void check_spans(std::string_view article, const std::vector<Span>& spans, const std::string& what) {
  for (Span s : spans) {
    std::string bad = testing::check_span(article, s, what);
    QG_FUZZ_CHECK(bad.empty(), bad);
  }
}

bool sorted(const std::vector<Span>& v) {
  for (size_t i = 1; i < v.size(); ++i)
    if (v[i - 1].start > v[i].start || (v[i - 1].start == v[i].start && v[i - 1].end > v[i].end)) return false;
  return true;
}

std::string joined(std::string_view article, const std::vector<Span>& pieces) {
  std::string out;
  for (size_t i = 0; i < pieces.size(); ++i) {
    if (i) out += ' ';
    out.append(article.substr(pieces[i].start, pieces[i].end - pieces[i].start));
  }
  return out;
}

void check_item(std::string_view article, const GoldAttribution& g, bool brat, bool required) {
  const std::string w = (brat ? "brat " : "seed ") + g.id;
  check_spans(article, {g.speaker_span}, w + " speaker");
  check_spans(article, g.cue_spans, w + " cue");
  check_spans(article, g.content_pieces, w + " content");
  if (required) QG_FUZZ_CHECK(!g.content_pieces.empty(), w + ": required attribution without content offsets");
  if (!g.content_pieces.empty()) {
    std::string bad = testing::check_span(article, g.content_span(), w + " content_span()");
    QG_FUZZ_CHECK(bad.empty(), bad);
  }
  if (brat) {
    QG_FUZZ_CHECK(sorted(g.content_pieces), w + ": BRAT content pieces not sorted");
    QG_FUZZ_CHECK(g.content == joined(article, g.content_pieces), w + ": BRAT content is not the article's text");
    QG_FUZZ_CHECK(g.kind == "direct" || g.kind == "indirect" || g.kind == "mixed", w + ": kind '" + g.kind + "'");
    if (required) QG_FUZZ_CHECK(g.speaker_aliases.size() == 1 && g.speaker_aliases[0] == g.speaker, w + ": aliases");
  }
}

void check_prf(const Prf& p, size_t max_pred, const std::string& what) {
  QG_FUZZ_CHECK(p.tp <= p.gold, what + ": tp > gold");
  QG_FUZZ_CHECK(p.tp_pred <= p.pred, what + ": tp_pred > pred");
  QG_FUZZ_CHECK(p.pred <= max_pred, what + ": more predictions counted than given");
  for (double x : {p.precision(), p.recall(), p.f1()}) QG_FUZZ_CHECK(x >= 0 && x <= 1, what + ": ratio outside [0, 1]");
}

// A prediction made of the gold itself: one attribution per required item, its
// content the gold's outer span and its speaker mention the gold's source span.
Analysis echo_prediction(std::string_view article, const GoldDocument& g) {
  Analysis a;
  a.doc.path = "fuzz.txt";
  a.doc.text = std::string(article);
  a.doc.body_end = static_cast<uint32_t>(article.size());
  for (const GoldAttribution& x : g.attributions) {
    Attribution t;
    t.content = x.content_span();
    t.pieces = x.content_pieces;
    t.speaker.mention = x.speaker_span;
    if (!x.cue_spans.empty()) t.cue = x.cue_spans.front();
    t.confidence = 1.0;
    t.rule = "gold";
    a.attributions.push_back(std::move(t));
  }
  return a;
}

void check_scoring(std::string_view article, const GoldDocument& g) {
  Analysis empty;
  empty.doc.text = std::string(article);
  empty.doc.body_end = static_cast<uint32_t>(article.size());
  DocumentEval none = evaluate(g, empty);
  QG_FUZZ_CHECK(none.content.gold == g.attributions.size(), "gold count");
  QG_FUZZ_CHECK(none.content.tp == 0 && none.content.pred == 0, "an empty prediction matched something");

  Analysis echo = echo_prediction(article, g);
  DocumentEval d = evaluate(g, echo);
  const size_t n = echo.attributions.size();
  QG_FUZZ_CHECK(d.content.gold == g.attributions.size(), "gold count (echo)");
  check_prf(d.content, n, "content");
  check_prf(d.content_exact, n, "content_exact");
  check_prf(d.content_loose, n, "content_loose");
  check_prf(d.attribution, n, "attribution");
  QG_FUZZ_CHECK(d.attribution.tp <= d.content.tp, "attribution tp > content tp");
  QG_FUZZ_CHECK(d.speaker_agreement() >= 0 && d.speaker_agreement() <= 1, "speaker agreement");
  for (const EvalError& e : d.errors) {
    std::string bad = testing::check_span(article, e.span, "error span");
    QG_FUZZ_CHECK(bad.empty(), bad);
    QG_FUZZ_CHECK(text::first_invalid_utf8(e.excerpt) == std::string::npos, "excerpt is not UTF-8");
  }

  CorpusEval c = summarize({none, d});
  std::string rt = report_text(c, true), rj = report_json(c, true);
  QG_FUZZ_CHECK(!rt.empty() && rt.back() == '\n', "text report must end with a newline");
  QG_FUZZ_CHECK(rt.find("SUMMARY ") != std::string::npos, "text report without SUMMARY line");
  QG_FUZZ_CHECK(nlohmann::json::accept(rj), "JSON report does not parse");
  QG_FUZZ_CHECK(report_json(summarize({none, evaluate(g, echo)}), true) == rj, "JSON report not deterministic");
}

void check_result(const Result<GoldDocument>& r, std::string_view article, const std::string& path, bool brat) {
  const bool article_ok = text::first_invalid_utf8(article) == std::string::npos;
  if (!r.ok()) {
    const Status& st = r.status();
    QG_FUZZ_CHECK(st.message().rfind(path, 0) == 0, "error must name the gold file: " + st.message());
    if (article_ok) QG_FUZZ_CHECK(st.code() == ErrorCode::kFormatError, "valid article, not a format error: " + st.message());
    else QG_FUZZ_CHECK(st.code() == ErrorCode::kInputError, "invalid article must be an input error: " + st.message());
    return;
  }
  QG_FUZZ_CHECK(article_ok, "a gold file was read against an article that is not UTF-8");
  const GoldDocument& g = r.value();
  QG_FUZZ_CHECK(g.gold_path == path, "gold_path");
  for (const GoldAttribution& x : g.attributions) check_item(article, x, brat, true);
  for (const GoldAttribution& x : g.optional) check_item(article, x, brat, false);
  check_spans(article, g.discard_spans, "discard");
  if (brat) QG_FUZZ_CHECK(sorted(g.discard_spans), "discard spans not sorted");
  for (const std::string& w : g.warnings) QG_FUZZ_CHECK(w.rfind(path, 0) == 0, "warning must name the file: " + w);
  check_scoring(article, g);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  size_t nul = in.find('\0');
  std::string_view article = in.substr(0, nul);
  std::string_view gold = nul == std::string_view::npos ? std::string_view() : in.substr(nul + 1);

  const std::string json_path = "fuzz.gold.json", ann_path = "fuzz_a1.ann";
  auto seed = parse_seed_gold(gold, article, json_path);
  check_result(seed, article, json_path, false);
  if (seed.ok()) QG_FUZZ_CHECK(seed.value().name == "fuzz", "seed name from NAME.gold.json");
  auto brat = parse_brat(gold, article, ann_path);
  check_result(brat, article, ann_path, true);
  if (brat.ok()) QG_FUZZ_CHECK(brat.value().name == "fuzz_a1", "BRAT name from NAME.ann");
  return 0;
}
