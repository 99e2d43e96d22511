// Stage: build. Analysis -> Graph: entities and documents become nodes,
// attributions become said/addressed/about/via/echoes edges, mentions become
// document -> entity edges. Output is canonical (sorted, derived fields set).
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <map>
#include <tuple>

#include "entity/mention.hpp"
#include "graph/model.hpp"

namespace quotegraph::graph {

namespace {

bool is_apostrophe(UChar32 c) { return c == '\'' || c == 0x2019 || c == 0x02BC; }

std::string document_key(const Document& d) {
  if (!d.outlet.empty()) {
    std::string k = name_key(d.outlet);
    if (!k.empty()) return "outlet:" + k;
  }
  std::string path = d.path;
  // Keys become DOT ids; a backslash there would need escString care, and on
  // Windows-style paths it only separates directories anyway.
  std::replace(path.begin(), path.end(), '\\', '/');
  return "document:" + path;
}

}  // namespace

// Whether a name key is a common noun or a lone letter that names something
// only inside its article: "Poll" and "Polls" in two headlines are two polls,
// "the PAC" two PACs, "Q" and "A" two interviews' labels.
static bool local_name(std::string_view k) {
  if (k.starts_with("the ")) k.remove_prefix(4);
  if (k.find(' ') != std::string_view::npos) return false;
  return k.size() == 1 || entity::is_listed_common_noun(k);
}

std::string entity_key(const Analysis& a, size_t i, const BuildOptions& options) {
  if (i >= a.entities.size()) return {};
  const Entity& e = a.entities[i];
  std::string k = name_key(e.name);
  if (k.empty() && !e.mentions.empty()) k = name_key(a.doc.slice(e.mentions.front()));
  if (k.empty()) return {};
  std::string key = "entity:" + k;
  if (options.scope_groups && (e.kind == EntityKind::kGroup || local_name(k))) key += "@" + document_key(a.doc);
  return key;
}

namespace {

class Builder {
 public:
  Builder(const Analysis& a, const BuildOptions& opt) : a_(a), opt_(opt), doc_key_(document_key(a.doc)) {}

  Graph run() {
    Node& doc = node(doc_key_);
    bool outlet = doc_key_.starts_with("outlet:");
    doc.kind_votes[static_cast<size_t>(outlet ? NodeKind::kOutlet : NodeKind::kDocument)] += 1;
    doc.names.push_back(outlet ? a_.doc.outlet : a_.doc.path);
    doc.statements = a_.attributions.size();

    entity_keys_.resize(a_.entities.size());
    for (size_t i = 0; i < a_.entities.size(); ++i) add_entity(i);

    std::vector<uint32_t> depth(a_.attributions.size(), 0);
    for (size_t j = 0; j < a_.attributions.size(); ++j) {
      depth[j] = relay_depth(j);
      doc.relay_depth = std::max(doc.relay_depth, depth[j]);
      add_attribution(j);
    }
    Graph g;
    for (auto& [key, n] : nodes_) {
      detail::make_set(n.names);
      detail::make_set(n.aliases);
      detail::make_set(n.roles);
      detail::make_set(n.documents);
      detail::finalize(n);
      g.nodes.push_back(std::move(n));
    }
    for (auto& [order, e] : edges_) {
      detail::make_set(e.evidence);
      if (e.evidence.size() > kMaxEvidence) e.evidence.resize(kMaxEvidence);
      g.edges.push_back(std::move(e));
    }
    return g;
  }

 private:
  Node& node(const std::string& key) {
    auto [it, inserted] = nodes_.try_emplace(key);
    if (inserted) {
      it->second.key = key;
      it->second.documents.push_back(doc_key_);
    }
    return it->second;
  }

  Edge& edge(const std::string& from, const std::string& to, Relation r) {
    auto [it, inserted] = edges_.try_emplace(std::make_tuple(from, to, r));
    if (inserted) {
      it->second.source = from;
      it->second.target = to;
      it->second.relation = r;
    }
    return it->second;
  }

  void add_entity(size_t i) {
    const Entity& e = a_.entities[i];
    std::string key = entity_key(a_, i, opt_);
    if (key.empty()) return;
    entity_keys_[i] = key;
    Node& n = node(key);
    n.kind_votes[static_cast<size_t>(e.kind)] += 1;
    n.names.push_back(e.name.empty() ? std::string(a_.doc.slice(e.mentions.front())) : e.name);
    n.aliases.insert(n.aliases.end(), e.aliases.begin(), e.aliases.end());
    n.roles.insert(n.roles.end(), e.roles.begin(), e.roles.end());
    n.mentions += e.mentions.size();
    if (opt_.mentions && !e.mentions.empty()) edge(doc_key_, key, Relation::kMentions).weight += e.mentions.size();
  }

  // "i", "we", "you", "he", or a phrase ending in one ("… hat we"): a mention
  // that names no one; left unresolved it is no node ("I." would top the
  // most-quoted list of any corpus of interviews). Indefinite pronouns too:
  // "Some", "Many", "Others" say in many articles, and are no one each time.
  static bool unresolved_pronoun(std::string_view k) {
    const size_t sp = k.rfind(' ');
    const std::string_view last = sp == std::string_view::npos ? k : k.substr(sp + 1);
    static constexpr std::string_view kPronouns[] = {"i",   "we",   "you",  "he",   "she",     "they",   "it",
                                                     "him", "her",  "them", "us",   "me",      "who",    "which",
                                                     "that", "some", "many", "few", "several", "others", "most"};
    // Alone only: "Trump and Clinton both" is two people.
    static constexpr std::string_view kAlone[] = {"both", "all", "each", "one", "another", "none"};
    return std::find(std::begin(kPronouns), std::end(kPronouns), last) != std::end(kPronouns) ||
           std::find(std::begin(kAlone), std::end(kAlone), k) != std::end(kAlone);
  }

  // The node key of an entity reference: the resolved entity, or a kUnknown
  // node named by the mention text when resolution left it open; "" if none.
  std::string ref_key(const EntityRef& r) {
    if (r.entity >= 0 && static_cast<size_t>(r.entity) < entity_keys_.size()) return entity_keys_[r.entity];
    if (r.mention.empty()) return {};
    auto cached = unresolved_.find({r.mention.start, r.mention.end});
    if (cached != unresolved_.end()) return cached->second;
    std::string_view text = a_.doc.slice(r.mention);
    std::string k = name_key(text);
    if (k.empty() || unresolved_pronoun(k)) return {};
    std::string key = "entity:" + k;
    if (opt_.scope_groups && local_name(k)) key += "@" + doc_key_;
    Node& n = node(key);
    n.kind_votes[static_cast<size_t>(NodeKind::kUnknown)] += 1;
    n.names.emplace_back(text);
    n.mentions += 1;
    unresolved_[{r.mention.start, r.mention.end}] = key;
    return key;
  }

  std::string statement_key(size_t j) const {
    const Span c = a_.attributions[j].content;
    return "statement:" + doc_key_.substr(doc_key_.find(':') + 1) + "#" + std::to_string(c.start) + "-" +
           std::to_string(c.end);
  }

  uint32_t relay_depth(size_t j) const {
    // 1 + the relaying attribution's depth; bounded so a malformed cycle ends.
    uint32_t d = 1;
    int via = a_.attributions[j].via;
    while (via >= 0 && static_cast<size_t>(via) < a_.attributions.size() && d <= a_.attributions.size()) {
      ++d;
      via = a_.attributions[via].via;
    }
    return d;
  }

  void add_attribution(size_t j) {
    const Attribution& at = a_.attributions[j];
    Evidence ev;
    ev.document = doc_key_;
    ev.start = at.content.start;
    ev.end = at.content.end;
    ev.cue = at.cue.empty() ? at.cue_lemma : std::string(a_.doc.slice(at.cue));
    ev.excerpt = detail::cut_utf8(a_.doc.slice(at.content), kMaxExcerptBytes);

    std::string speaker = ref_key(at.speaker);
    // No speaker, or one no entity stands behind ("I", "you", an unresolved "he").
    if (speaker.empty()) nodes_[doc_key_].unattributed += 1;
    auto add = [&](const std::string& from, const std::string& to, Relation r) {
      if (from.empty() || to.empty()) return;
      Edge& e = edge(from, to, r);
      e.weight += 1;
      e.evidence.push_back(ev);
    };

    std::string from = speaker;
    bool relayed = at.via >= 0 && static_cast<size_t>(at.via) < a_.attributions.size();
    if (opt_.statements) {
      from = statement_key(j);
      Node& s = node(from);
      s.kind_votes[static_cast<size_t>(NodeKind::kStatement)] += 1;
      s.names.push_back(detail::cut_utf8(ev.excerpt, kMaxExcerptBytes));
      if (!ev.cue.empty()) s.roles.push_back(ev.cue);
      s.mentions = 1;
      add(speaker, from, Relation::kSaid);
      if (relayed) add(from, statement_key(at.via), Relation::kVia);
    } else {
      std::string relay = relayed ? ref_key(a_.attributions[at.via].speaker) : std::string();
      if (!relay.empty() && relay != speaker)
        add(speaker, relay, Relation::kVia);
      else
        add(speaker, doc_key_, Relation::kSaid);
    }
    add(from, ref_key(at.addressee), Relation::kAddressed);
    std::vector<std::string> targets;
    for (const EntityRef& r : at.about) targets.push_back(ref_key(r));
    detail::make_set(targets);
    for (const std::string& t : targets) add(from, t, Relation::kAbout);
    add(from, ref_key(at.echoes), Relation::kEchoes);
  }

  const Analysis& a_;
  const BuildOptions& opt_;
  std::string doc_key_;
  std::vector<std::string> entity_keys_;
  std::map<std::pair<uint32_t, uint32_t>, std::string> unresolved_;  // mention span -> key
  std::map<std::string, Node> nodes_;
  std::map<std::tuple<std::string, std::string, Relation>, Edge> edges_;
};

}  // namespace

std::string name_key(std::string_view name) {
  UErrorCode status = U_ZERO_ERROR;
  // NFKC + case folding in one pass: "ＣＳＴＯ", "Csto" and "CSTO" share a key.
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  icu::UnicodeString folded;
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  if (U_SUCCESS(status)) folded = nfkc_cf->normalize(in, status);
  if (U_FAILURE(status)) folded = in.foldCase();

  icu::UnicodeString out;
  bool pending_space = false;
  const int32_t n = folded.length();
  for (int32_t i = 0; i < n;) {
    UChar32 c = folded.char32At(i);
    int32_t next = folded.moveIndex32(i, 1);
    if (is_apostrophe(c) && next < n && folded.char32At(next) == 's') {
      int32_t after = folded.moveIndex32(next, 1);
      // "Tokayev’s request" -> "tokayev": a possessive is not part of the name.
      if (after >= n || !u_isalnum(folded.char32At(after))) {
        i = after;
        pending_space = true;
        continue;
      }
    }
    if (u_isalnum(c) || u_charType(c) == U_NON_SPACING_MARK) {
      if (pending_space && !out.isEmpty()) out.append(static_cast<UChar>(' '));
      pending_space = false;
      out.append(c);
    } else if (c == '.' && next < n && u_isalnum(folded.char32At(next)) && !out.isEmpty() && !pending_space) {
      // "U.S." -> "us": a period inside an abbreviation joins, it does not split.
    } else if (!is_apostrophe(c)) {
      pending_space = true;  // "Kassym-Jomart" -> "kassym jomart"
    }
    i = next;
  }
  std::string key;
  out.toUTF8String(key);
  // "The CSTO" and "CSTO" are one organisation.
  if (key.starts_with("the ")) key.erase(0, 4);
  return key;
}

Graph build(const Analysis& a, const BuildOptions& options) { return Builder(a, options).run(); }

Graph build(std::span<const Analysis> analyses, const BuildOptions& options) {
  std::vector<Graph> parts;
  parts.reserve(analyses.size());
  for (const Analysis& a : analyses) parts.push_back(build(a, options));
  return detail::merge_owned(std::move(parts));
}

}  // namespace quotegraph::graph
