// Reports: CorpusEval -> text (score_corpus.py's lines plus tables) or JSON.
#include <cmath>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "eval/figures.hpp"
#include "quotegraph/eval.hpp"

namespace quotegraph::eval {
namespace {

using Json = nlohmann::ordered_json;

std::string prf_line(const Prf& p) {
  return "P=" + fmt3(p.precision()) + " R=" + fmt3(p.recall()) + " F1=" + fmt3(p.f1());
}

std::string pad(std::string s, size_t width) {
  if (s.size() > width) s = s.substr(0, width - 1) + "~";
  s.resize(width, ' ');
  return s;
}

std::string rpad(const std::string& s, size_t width) {
  return s.size() >= width ? s : std::string(width - s.size(), ' ') + s;
}

double round4(double v) { return std::round(v * 10000) / 10000; }

Json prf_json(const Prf& p) {
  Json j;
  j["gold"] = p.gold;
  j["pred"] = p.pred;
  j["tp"] = p.tp;
  j["precision"] = round4(p.precision());
  j["recall"] = round4(p.recall());
  j["f1"] = round4(p.f1());
  return j;
}

Json doc_json(const DocumentEval& d) {
  Json j;
  j["name"] = d.name;
  if (d.failed) j["failed"] = true;
  j["content"] = prf_json(d.content);
  j["content_exact"] = prf_json(d.content_exact);
  j["content_overlap_0.3"] = prf_json(d.content_loose);
  j["attribution"] = prf_json(d.attribution);
  j["speaker_agreement"] = round4(d.speaker_agreement());
  j["cue"] = d.cue_scored ? prf_json(d.cue) : Json(nullptr);
  j["source"] = d.source_scored ? prf_json(d.source) : Json(nullptr);
  Json slices;
  for (const auto& [k, s] : d.slices) {
    Json js = prf_json(s.content);
    js["tp_pred"] = s.content.tp_pred;
    js["speaker_ok"] = s.speaker_ok;
    js["speaker_agreement"] = round4(s.content.tp ? static_cast<double>(s.speaker_ok) / static_cast<double>(s.content.tp) : 0.0);
    slices[k] = js;
  }
  j["slices"] = slices;
  return j;
}

Json error_json(const EvalError& e) {
  Json j;
  j["kind"] = to_string(e.kind);
  j["document"] = e.document;
  j["gold_id"] = e.gold_id;
  j["start"] = e.span.start;
  j["end"] = e.span.end;
  j["cue"] = e.cue;
  j["gold_speaker"] = e.gold_speaker;
  j["pred_speaker"] = e.pred_speaker;
  j["rule"] = e.rule;
  j["excerpt"] = e.excerpt;
  return j;
}

}  // namespace

std::string summary_line(const CorpusEval& c) {
  const DocumentEval& t = c.total;
  auto it = t.slices.find("speech");
  double speech = it == t.slices.end() ? 0.0 : it->second.content.recall();
  return "SUMMARY content_f1=" + fmt3(t.content.f1()) + " attribution_f1=" + fmt3(t.attribution.f1()) +
         " speech_recall=" + fmt3(speech) + " speaker_agreement=" + fmt3(t.speaker_agreement());
}

std::string report_text(const CorpusEval& c, bool with_errors) {
  std::string out;
  if (with_errors) {
    out += "ERRORS (overlap " + fmt3(c.options.overlap) + ")\n";
    for (const DocumentEval& d : c.documents) {
      for (const EvalError& e : d.errors) {
        out += "  " + pad(to_string(e.kind), 13) + " " + e.document + " @" + std::to_string(e.span.start);
        if (e.kind != ErrorKind::kSpurious) out += " " + e.gold_id + " gold=[" + e.gold_speaker + "]";
        if (e.kind != ErrorKind::kMissed) out += " pred=[" + e.pred_speaker + "] rule=" + e.rule;
        out += " cue=[" + e.cue + "]\n      " + e.excerpt + "\n";
      }
    }
    out += "\n";
  }
  out += pad("document", 44) + rpad("gold", 6) + rpad("pred", 6) + rpad("tp", 6) + rpad("P", 7) + rpad("R", 7) +
         rpad("F1", 7) + rpad("spk", 7) + "\n";
  auto row = [&](const DocumentEval& d) {
    out += pad(d.name + (d.failed ? " (failed)" : ""), 44) + rpad(std::to_string(d.content.gold), 6) +
           rpad(std::to_string(d.content.pred), 6) + rpad(std::to_string(d.content.tp), 6) +
           rpad(fmt3(d.content.precision()), 7) + rpad(fmt3(d.content.recall()), 7) + rpad(fmt3(d.content.f1()), 7) +
           rpad(fmt3(d.speaker_agreement()), 7) + "\n";
  };
  for (const DocumentEval& d : c.documents) row(d);
  row(c.total);
  out += "\n";

  const DocumentEval& t = c.total;
  auto speech_it = t.slices.find("speech");
  SliceCounts speech = speech_it == t.slices.end() ? SliceCounts{} : speech_it->second;
  // The next three lines are score_corpus.py's, figure for figure.
  out += "docs=" + std::to_string(c.documents.size()) + " failed=" + std::to_string(c.failed) +
         " gold=" + std::to_string(t.content.gold) + " pred=" + std::to_string(t.content.pred) + "\n";
  out += "content " + prf_line(t.content) + "; speech-cue recall=" + fmt3(speech.content.recall()) +
         " (n=" + std::to_string(speech.content.gold) + ")\n";
  out += "content+speaker " + prf_line(t.attribution) + "; speaker agreement on matched=" +
         fmt3(t.speaker_agreement()) + "\n";
  out += "content exact   " + prf_line(t.content_exact) + " (tp=" + std::to_string(t.content_exact.tp) + ")\n";
  out += "content @0.3    " + prf_line(t.content_loose) + " (tp=" + std::to_string(t.content_loose.tp) + ")\n";
  out += "cue             " + (t.cue_scored ? prf_line(t.cue) + " (gold=" + std::to_string(t.cue.gold) + " pred=" +
                                                  std::to_string(t.cue.pred) + ")"
                                            : std::string("n/a (no cue offsets in the gold)")) + "\n";
  out += "source          " + (t.source_scored ? prf_line(t.source) + " (gold=" + std::to_string(t.source.gold) +
                                                     " pred=" + std::to_string(t.source.pred) + ")"
                                               : std::string("n/a (no source offsets in the gold)")) + "\n";
  out += "slice     gold  found  R      spk    | pred   tp    P\n";
  for (const auto& [k, s] : t.slices) {
    double agree = s.content.tp ? static_cast<double>(s.speaker_ok) / static_cast<double>(s.content.tp) : 0.0;
    out += pad(k, 9) + rpad(std::to_string(s.content.gold), 5) + rpad(std::to_string(s.content.tp), 7) + "  " +
           fmt3(s.content.recall()) + "  " + fmt3(agree) + "  |" + rpad(std::to_string(s.content.pred), 5) +
           rpad(std::to_string(s.content.tp_pred), 6) + "  " + fmt3(s.content.precision()) + "\n";
  }
  out += summary_line(c) + "\n";
  return out;
}

std::string report_json(const CorpusEval& c, bool with_errors) {
  Json j;
  j["overlap"] = c.options.overlap;
  j["documents"] = c.documents.size();
  j["failed"] = c.failed;
  Json total = doc_json(c.total);
  total.erase("name");
  j["total"] = total;
  j["summary"] = summary_line(c);
  Json docs = Json::array();
  for (const DocumentEval& d : c.documents) docs.push_back(doc_json(d));
  j["per_document"] = docs;
  if (with_errors) {
    Json errs = Json::array();
    for (const DocumentEval& d : c.documents)
      for (const EvalError& e : d.errors) errs.push_back(error_json(e));
    j["errors"] = errs;
  }
  return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace quotegraph::eval
