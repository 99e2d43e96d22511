// The pipeline: decode -> chrome -> windows -> [tokenize -> quotes -> sentences
// -> attribution rules -> entities] per window -> merged Analysis. Each stage is
// a function of the previous stages' output; nothing reaches back.
#include "quotegraph/analyzer.hpp"

#include "attrib/lexicon.hpp"
#include "attrib/rules.hpp"
#include "entity/merge.hpp"
#include "entity/names.hpp"
#include "entity/resolve.hpp"
#include "text/boilerplate.hpp"
#include "text/decode.hpp"
#include "text/layer.hpp"
#include "text/windows.hpp"

namespace quotegraph {

namespace {

struct WindowResult {
  std::vector<Attribution> attributions;
  std::vector<Entity> entities;
  TextLayer layer;
};

// Stages 3-7 on [w.start, w.end) of the document; offsets stay the document's.
// `keep_layer`: the text layer is handed on, with each token's lexicon entry.
WindowResult analyze_window(const Document& doc, Span w, const attrib::Lexicon& lexicon, bool keep_layer) {
  WindowResult out;
  out.layer = text::make_layer(doc, w.start, w.end);
  const TextLayer& l = out.layer;
  attrib::TokenWords words = attrib::lex_words(doc, l.toks, lexicon);
  attrib::RuleOutput rules = attrib::find_attributions({doc, l.toks, l.quotes, l.sentences, words}, lexicon);
  out.attributions = std::move(rules.attributions);
  std::vector<entity::NameMention> names = entity::scan_names(doc, l.toks, words, l.sentences);
  out.entities = entity::resolve(doc, l.toks, words, out.attributions, names, rules);
  // Moving the buffer keeps the views valid: the layer hands the folded words on.
  out.layer.folded = std::move(words.folded);
  out.layer.low = std::move(words.low);
  if (keep_layer) {
    out.layer.info = std::move(words.info);
    out.layer.lexicon = &lexicon;
  }
  return out;
}

}  // namespace

Analyzer::Analyzer(Options options)
    : options_(options),
      lexicon_(std::make_unique<const attrib::Lexicon>()),
      chrome_(std::make_unique<const text::ChromeDetector>()) {}
Analyzer::~Analyzer() = default;

Result<Analysis> Analyzer::analyze(std::string bytes, std::string path) const {
  const std::string name = path;  // for messages after `path` has moved into the Document
  if (bytes.size() > options_.max_input_bytes)
    return Status(ErrorCode::kInputError, name + ": " + std::to_string(bytes.size()) +
                                              " bytes, over the input cap of " +
                                              std::to_string(options_.max_input_bytes >> 20) + " MiB (--max-mb)");
  try {
    auto decoded = text::decode(std::move(bytes), std::move(path), options_.lenient_utf8);
    if (!decoded.ok()) return decoded.status();
    Analysis a;
    a.doc = std::move(decoded).value();
    if (!options_.keep_chrome) a.doc.body_end = chrome_->body_end(a.doc);
    const std::vector<Span> windows =
        text::cut_windows(a.doc.text, a.doc.body_start, a.doc.body_end, options_.window_bytes);
    if (windows.size() == 1) {  // every news article: nothing to merge, no name index to build
      WindowResult r = analyze_window(a.doc, windows.front(), *lexicon_, options_.keep_text_layer);
      a.attributions = std::move(r.attributions);
      a.entities = std::move(r.entities);
      if (options_.keep_text_layer) a.text = std::make_shared<const TextLayer>(std::move(r.layer));
      return a;
    }
    entity::Merger merger;
    for (Span w : windows) {
      WindowResult r = analyze_window(a.doc, w, *lexicon_, false);
      merger.add(std::move(r.entities), r.attributions);
      const int shift = static_cast<int>(a.attributions.size());
      for (Attribution& t : r.attributions) {
        if (t.via >= 0) t.via += shift;
        a.attributions.push_back(std::move(t));
      }
    }
    a.entities = std::move(merger).finish();
    return a;
  } catch (const std::bad_alloc&) {
    return Status(ErrorCode::kInputError, name + ": out of memory while analysing the input");
  } catch (const std::exception& e) {
    return Status(ErrorCode::kInternal, name + ": internal error: " + e.what());
  }
}

}  // namespace quotegraph
