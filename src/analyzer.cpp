// The pipeline: decode -> chrome -> tokenize -> quotes -> sentences ->
// attribution rules -> entities. Each stage is a function of the previous
// stages' output; nothing reaches back.
#include "quotegraph/analyzer.hpp"

#include "attrib/lexicon.hpp"
#include "attrib/rules.hpp"
#include "entity/names.hpp"
#include "entity/resolve.hpp"
#include "text/boilerplate.hpp"
#include "text/decode.hpp"
#include "text/quotes.hpp"
#include "text/segment.hpp"
#include "text/tokenize.hpp"

namespace quotegraph {

struct Analyzer::Impl {
  attrib::Lexicon lexicon;
  text::ChromeDetector chrome;
};

Analyzer::Analyzer(Options options) : options_(options), impl_(std::make_unique<const Impl>()) {}
Analyzer::~Analyzer() = default;

Result<Analysis> Analyzer::analyze(std::string bytes, std::string path) const {
  const std::string name = path;  // for messages after `path` has moved into the Document
  try {
    auto decoded = text::decode(std::move(bytes), std::move(path), options_.lenient_utf8);
    if (!decoded.ok()) return decoded.status();
    Analysis a;
    a.doc = std::move(decoded).value();
    if (!options_.keep_chrome) a.doc.body_end = impl_->chrome.body_end(a.doc);
    text::Tokens toks = text::tokenize(a.doc, a.doc.body_start, a.doc.body_end);
    text::Quotes quotes = text::find_quotes(a.doc, toks);
    std::vector<text::Sentence> sentences = text::split_sentences(a.doc, toks, quotes);
    attrib::RuleOutput rules = attrib::find_attributions({a.doc, toks, quotes, sentences}, impl_->lexicon);
    a.attributions = std::move(rules.attributions);
    std::vector<entity::NameMention> names = entity::scan_names(a.doc, toks, sentences);
    entity::resolve(a, names, rules);
    return a;
  } catch (const std::bad_alloc&) {
    return Status(ErrorCode::kInputError, name + ": out of memory while analysing the input");
  } catch (const std::exception& e) {
    return Status(ErrorCode::kInternal, name + ": internal error: " + e.what());
  }
}

}  // namespace quotegraph
