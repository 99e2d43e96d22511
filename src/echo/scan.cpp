// Echo scan: Analysis -> DocText (tokens and quotation-mark pairs of the body).
#include "echo/scan.hpp"

#include <algorithm>

namespace quotegraph::echo {
namespace {

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

}  // namespace

// The first entity per last word of a name, then of a short alias, and every
// mention in start order.
std::unique_ptr<EntityIndex> index_entities(const Analysis& a) {
  auto out = std::make_unique<EntityIndex>();
  EntityIndex& x = *out;
  for (size_t i = 0; i < a.entities.size(); ++i) {
    const Entity& en = a.entities[i];
    x.by_last_word.emplace(last_name_word(en.name), static_cast<int>(i));
    for (const std::string& al : en.aliases)
      if (al.find(',') == std::string::npos) x.by_alias_word.emplace(last_name_word(al), static_cast<int>(i));
    for (Span m : en.mentions) x.mentions.emplace_back(m, static_cast<int>(i));
  }
  std::sort(x.mentions.begin(), x.mentions.end(), [](const std::pair<Span, int>& p, const std::pair<Span, int>& q) {
    return std::make_pair(p.first.start, p.second) < std::make_pair(q.first.start, q.second);
  });
  return out;
}

namespace {

// Whether a folded word holds a left single quotation mark, which the
// engine's fold keeps and echo's normalisation does not.
bool needs_raw(std::string_view low) { return low.find("\xE2\x80\x98") != std::string_view::npos; }

// normalize_word() of a token from the engine's folded text of it: the same
// letters, less a possessive "'s" and trailing apostrophes, stops and hyphens.
// Only a left single quotation mark, which the engine's fold keeps, needs the
// whole normalisation (into `buf`).
std::string_view echo_norm(std::string_view low, std::string_view raw, std::string& buf) {
  if (needs_raw(low)) {
    normalize_word_into(raw, buf);
    return buf;
  }
  if (low.size() > 2 && low.ends_with("'s")) low.remove_suffix(2);
  while (!low.empty() && (low.back() == '\'' || low.back() == '.' || low.back() == '-')) low.remove_suffix(1);
  return low;
}

// What the token view derives from one normalised word: the hash of its stem
// and its class in the echo lexicon.
struct EntryWord {
  enum State : uint8_t { kUnseen, kWord, kEmpty };  // kEmpty: nothing is left of it
  uint64_t hash = 0;
  uint8_t cls = 0;
  State state = kUnseen;
};

EntryWord view_word(std::string_view w, const EchoLexicon& lex, std::string& stem_buf) {
  EntryWord out;
  if (w.empty()) {
    out.state = EntryWord::kEmpty;
    return out;
  }
  out.state = EntryWord::kWord;
  // One hash serves the stem and the class lookup when the stem is the word
  // itself (stem_view() changes a word's length whenever it changes it).
  const uint64_t word_h = word_hash(w);
  const std::string_view stem = stem_view(w, stem_buf);
  out.hash = stem.size() == w.size() ? word_h : word_hash(stem);
  out.cls = word_h != 0 ? lex.class_of_hash(word_h) : lex.word_class(w);
  return out;
}

// EntryWord per entry of the engine's lexicon (TextLayer::info), filled as
// the words are met: about 60 % of a news article's words are lexicon
// entries, so most tokens read an array instead of hashing, stemming and
// probing the class table. Per thread, so no lock; a word string memo was
// slower than recomputing (its table missed the cache), an array by entry
// number is not. Reset when the lexicons change (every Lexicon is built
// alike, so one at a reused address numbers its words alike).
struct EntryCache {
  const void* lexicon = nullptr;
  const EchoLexicon* echo = nullptr;
  std::vector<EntryWord> words;  // by entry number
};

EntryCache& entry_cache(const void* lexicon, const EchoLexicon* echo) {
  thread_local EntryCache c;
  if (c.lexicon != lexicon || c.echo != echo) {
    c.lexicon = lexicon;
    c.echo = echo;
    c.words.clear();
  }
  return c;
}

// Whether a possessive name and a noun of saying lead to the quotation
// starting at token b, the text saying whose words it holds: "Clinton’s call
// earlier in the night to “make America whole again”", "Vale’s slogan “…”",
// "Park’s promise of “…”". The quotation follows the noun or a "to", "of" or
// "that" ("called Clinton's remarks a “new low”" is the speaker's own
// characterisation); the name is no speaker of the article's statements ("Donald
// Trump’s claim that “…”" is Trump's statement, not a citation of him). Looks
// back at most seven words, not past strong punctuation or another quotation.
bool possessor_cites(const DocText& d, std::string_view text, const EchoLexicon& lex, size_t b) {
  auto word = [&](const Token& t) { return normalize_word(text.substr(t.span.start, t.span.size())); };
  auto possessive_name = [&](const Token& t) {
    std::string_view w = text.substr(t.span.start, t.span.size());
    std::string_view after = text.substr(t.span.end, std::min<size_t>(4, text.size() - t.span.end));
    const bool capital = !w.empty() && w[0] >= 'A' && w[0] <= 'Z';
    bool speaker = false;
    d.speakers.each_overlapping(t.span, [&](Span, int) { speaker = true; });
    return capital && !speaker &&
           (w.ends_with("'s") || w.ends_with("\xE2\x80\x99s") || after.starts_with("'s") ||
            after.starts_with("\xE2\x80\x99s"));
  };
  if (b == 0) return false;
  const std::string before = word(d.tokens[b - 1]);
  const bool linked = before == "to" || before == "of" || before == "that";
  for (size_t j = b; j > 0 && j + 7 > b; --j) {
    const Token& t = d.tokens[j - 1];
    if (t.has(kQuoted)) return false;
    if ((linked || j == b) && lex.is_utterance_noun(word(t))) {
      // The name just before the noun, or before one word ("Clinton’s earlier call").
      for (size_t k = j - 1; k > 0 && k + 2 >= j; --k) {
        if (possessive_name(d.tokens[k - 1])) return true;
        if (d.tokens[k - 1].has(kBoundary) || d.tokens[k].has(kBoundary)) break;
      }
    }
    if (t.has(kBoundary)) return false;
  }
  return false;
}

}  // namespace

void SpanIndex::add(Span s, int owner) {
  if (s.empty()) return;
  items.emplace_back(s, owner);
  max_len = std::max(max_len, s.size());
}

void SpanIndex::finish() {
  std::sort(items.begin(), items.end(), [](const std::pair<Span, int>& p, const std::pair<Span, int>& q) {
    return std::make_pair(p.first.start, p.second) < std::make_pair(q.first.start, q.second);
  });
}

std::string last_name_word(std::string_view s) {
  size_t e = s.size();
  while (e > 0 && (s[e - 1] == ' ' || s[e - 1] == ',' || s[e - 1] == '.')) --e;
  size_t b = e;
  while (b > 0 && s[b - 1] != ' ') --b;
  return normalize_word(s.substr(b, e - b));
}

uint64_t word_hash(std::string_view stem) {
  uint64_t h = 1469598103934665603ULL;
  for (char c : stem) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  return h ^ (h >> 33);
}

std::string token_stem(const Document& doc, const Token& t) { return stem_word(normalize_word(doc.slice(t.span))); }

DocText scan(const Analysis& a, const EchoLexicon& lex) {
  DocText d;
  std::string_view text = a.doc.text;
  uint32_t begin = std::min<uint32_t>(a.doc.body_start, text.size());
  uint32_t end = a.doc.body_end > begin ? std::min<uint32_t>(a.doc.body_end, text.size()) : text.size();
  // The engine's layer when the analyzer handed it on, else the same stages
  // run here: one tokenizer, one quote pairer, one sentence splitter.
  d.layer = a.text ? a.text : std::make_shared<const TextLayer>(text::make_layer(a.doc, begin, end));
  const std::vector<text::Token>& v = d.layer->toks.toks;
  const text::Quotes& qs = d.layer->quotes;
  d.headline_end = std::max(begin, d.layer->headline_end);

  // Quotation pairs: closed top-level quotes, in text order.
  for (const text::Quote& q : qs.quotes) {
    if (q.parent >= 0 || !q.closed || q.close_tok <= q.open_tok) continue;
    d.quotes.push_back({q.span, Span{v[q.open_tok].end, v[q.close_tok].start}});
  }
  std::sort(d.quotes.begin(), d.quotes.end(),
            [](const QuotePair& x, const QuotePair& y) { return x.outer.start < y.outer.start; });

  std::vector<Span> contents;
  for (const Attribution& t : a.attributions) contents.push_back(t.content);
  std::sort(contents.begin(), contents.end(), [](Span x, Span y) { return x.start < y.start; });

  size_t si = 0;  // the sentence of token k
  const auto& sents = d.layer->sentences;
  bool boundary = true;
  uint32_t para = v.empty() ? 0 : v.front().para;
  bool sentence_start = true;
  size_t ci = 0;
  uint32_t covered_to = 0;  // max end among contents started so far
  d.tokens.reserve(v.size());
  std::string norm, stem_buf;  // reused for every word: no allocation per token
  const bool folded = d.layer->low.size() == v.size();
  const attrib::Lexicon* lexicon = d.layer->lexicon;
  const bool entries = folded && d.layer->info.size() == v.size() && lexicon;
  EntryCache* cache = entries ? &entry_cache(lexicon, &lex) : nullptr;
  EntryWord scratch;
  // Room for every entry number, so the loop reads without a test.
  if (entries && cache->words.size() < lexicon->entry_ids()) cache->words.resize(lexicon->entry_ids());
  for (uint32_t k = 0; k < v.size(); ++k) {
    const text::Token& t = v[k];
    while (si < sents.size() && sents[si].last <= k) {
      ++si;
      sentence_start = true;
    }
    if (t.para != para) {
      para = t.para;
      boundary = true;
      sentence_start = true;
    }
    if (t.type == text::TokType::kPunct) {
      // Strong punctuation ends a phrase; a period inside "U.S." is part of its word.
      if (t.ch == '.' || t.ch == '!' || t.ch == '?' || t.ch == ';' || t.ch == ':' || t.ch == 0x2026) boundary = true;
      continue;
    }
    if (t.type == text::TokType::kQuote) continue;
    // A lexicon word's hash and class were worked out at its first token.
    const uint32_t id = entries ? lexicon->entry_id(*d.layer->info[k]) : 0;
    EntryWord* known = id != 0 ? &cache->words[id] : nullptr;
    if (known && known->state == EntryWord::kEmpty) continue;
    if (!known || known->state != EntryWord::kWord) {
      const std::string_view low = folded ? d.layer->low[k] : std::string_view();
      const std::string_view w = folded ? echo_norm(low, text.substr(t.start, t.end - t.start), norm)
                                        : (normalize_word_into(text.substr(t.start, t.end - t.start), norm),
                                           std::string_view(norm));
      // A word holding "‘" is normalised from its raw text, which the entry
      // does not fix: it, and a word in no table, is worked out for this token only.
      if (!known || needs_raw(low)) known = &scratch;
      *known = view_word(w, lex, stem_buf);
      if (known->state == EntryWord::kEmpty) continue;
    }
    Token e;
    e.span = Span{t.start, t.end};
    e.hash = known->hash;
    const uint8_t cls = known->cls;
    if (cls & 1) e.flags |= kStopWord;
    if (cls & 2) e.flags |= kCommonWord;
    if (t.cap && !sentence_start) e.flags |= kCapitalised;
    if (boundary) e.flags |= kBoundary;
    if (sentence_start) e.flags |= kSentenceStart;
    int q = k < qs.top.size() ? qs.top[k] : -1;
    if (q >= 0 && qs.quotes[q].closed) e.flags |= kQuoted;
    while (ci < contents.size() && contents[ci].start <= t.start)
      covered_to = std::max(covered_to, contents[ci++].end);
    if (covered_to <= t.start) e.flags |= kNarrator;
    boundary = false;
    sentence_start = false;
    d.tokens.push_back(e);
  }
  for (size_t k = 0; k < a.attributions.size(); ++k) {
    const Attribution& t = a.attributions[k];
    d.cues.add(t.cue, static_cast<int>(k));
    d.speakers.add(t.speaker.mention, static_cast<int>(k));
    d.contents.add(t.content, static_cast<int>(k));
  }
  d.cues.finish();
  d.speakers.finish();
  d.contents.finish();
  for (const QuotePair& q : d.quotes) {
    auto [b, e] = token_range(d, q.inner);
    if (e > b && e - b <= 3)
      for (size_t i = b; i < e; ++i) d.tokens[i].flags |= kShortQuote;
  }
  for (const text::Quote& q : qs.quotes) {
    if (!q.closed || q.close_tok <= q.open_tok) continue;
    auto [b, e] = token_range(d, Span{v[q.open_tok].end, v[q.close_tok].start});
    if (q.parent >= 0)
      for (size_t i = b; i < e; ++i) d.tokens[i].flags |= kNestedQuote;
    // A term: a short quotation inside a quotation, the speaker citing words,
    // or one that a citing noun names ("the words “Islamic terrorism”").
    const bool owned = q.parent < 0 && b > 0 && b <= d.tokens.size() && possessor_cites(d, text, lex, b);
    const bool named = owned || (q.parent < 0 && b > 0 && b <= d.tokens.size() &&
                                 lex.is_citing_noun(normalize_word(text.substr(d.tokens[b - 1].span.start,
                                                                               d.tokens[b - 1].span.size()))));
    if ((q.parent >= 0 || named) && e > b + 1 && e - b <= 8)
      for (size_t i = b; i < e; ++i) d.tokens[i].flags |= kTermQuote | (owned ? kOwnedQuote : 0);
  }
  d.speaker_keys.reserve(a.attributions.size());
  d.content_tokens.reserve(a.attributions.size());
  // An entity's key is made once: most statements of an article are a few speakers'.
  std::vector<int> key_of_entity(a.entities.size(), -1);  // entity -> an attribution holding its key
  for (const Attribution& t : a.attributions) {
    const int en = t.speaker.entity;
    const bool entity = en >= 0 && en < static_cast<int>(a.entities.size());
    if (entity && key_of_entity[en] >= 0) {
      d.speaker_keys.push_back(d.speaker_keys[key_of_entity[en]]);
    } else {
      if (entity) key_of_entity[en] = static_cast<int>(d.speaker_keys.size());
      d.speaker_keys.push_back(speaker_key(a, t.speaker));  // of the entity alone when there is one
    }
    auto [b, e] = token_range(d, t.content);
    d.content_tokens.emplace_back(static_cast<uint32_t>(b), static_cast<uint32_t>(e));
  }
  return d;
}

std::pair<size_t, size_t> token_range(const DocText& d, Span s) {
  auto lo = std::lower_bound(d.tokens.begin(), d.tokens.end(), s.start,
                             [](const Token& t, uint32_t v) { return t.span.start < v; });
  auto hi = std::lower_bound(lo, d.tokens.end(), s.end, [](const Token& t, uint32_t v) { return t.span.end <= v; });
  return {static_cast<size_t>(lo - d.tokens.begin()), static_cast<size_t>(hi - d.tokens.begin())};
}

Span sentence_around(const DocText& d, uint32_t pos) {
  const std::vector<text::Token>& v = d.layer->toks.toks;
  const auto& sents = d.layer->sentences;
  if (v.empty() || sents.empty()) return Span{pos, pos};
  // The token at or after pos, then the sentence holding it.
  size_t k = static_cast<size_t>(
      std::lower_bound(v.begin(), v.end(), pos, [](const text::Token& t, uint32_t p) { return t.end <= p; }) -
      v.begin());
  k = std::min(k, v.size() - 1);
  const text::Sentence& st = sents[text::sentence_of_token(sents, static_cast<uint32_t>(k))];
  if (st.last <= st.first) return Span{pos, pos};
  return Span{v[st.first].start, v[st.last - 1].end};
}

std::string speaker_key(const Analysis& a, const EntityRef& r) {
  std::string name;
  bool person = false;
  if (r.entity >= 0 && r.entity < static_cast<int>(a.entities.size())) {
    name = a.entities[r.entity].name;
    person = a.entities[r.entity].kind == EntityKind::kPerson;
  } else if (!r.mention.empty()) {
    name = std::string(a.doc.slice(r.mention));
  }
  std::vector<std::string> words;
  size_t i = 0;
  while (i < name.size()) {
    while (i < name.size() && (is_space(name[i]) || name[i] == ',')) ++i;
    size_t j = i;
    while (j < name.size() && !is_space(name[j]) && name[j] != ',') ++j;
    if (j > i) words.push_back(normalize_word(std::string_view(name).substr(i, j - i)));
    i = j;
  }
  if (words.empty()) return "";
  static const char* const kPronouns[] = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them"};
  if (words.size() == 1)
    for (const char* p : kPronouns)
      if (words[0] == p) return "";
  if (words.front() == "the" || words.front() == "a" || words.front() == "an") words.erase(words.begin());
  if (words.empty()) return "";
  bool all_caps = true;  // "Nikol Pashinyan" as an unresolved mention: a person's name
  for (const std::string& w : words) all_caps = all_caps && !w.empty();
  if (!person && r.entity < 0 && !r.mention.empty()) {
    std::string_view m = a.doc.slice(r.mention);
    person = words.size() >= 2 && !m.empty() && m[0] >= 'A' && m[0] <= 'Z';
  }
  if (person) return words.back();
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

std::string speaker_name(const Analysis& a, const EntityRef& r) {
  if (r.entity >= 0 && r.entity < static_cast<int>(a.entities.size())) return a.entities[r.entity].name;
  return r.mention.empty() ? std::string() : one_line(a.doc.slice(r.mention));
}

std::string one_line(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (is_space(c)) { space = !out.empty(); continue; }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

}  // namespace quotegraph::echo
