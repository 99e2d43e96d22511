// Stage 7a, names: proper-name runs in the body.
#include "entity/names.hpp"

#include "entity/advance.hpp"
#include "entity/gazetteer.hpp"
#include "entity/mention.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>
#include <tuple>
#include <utility>

#include "text/word_table.hpp"

namespace quotegraph::entity {
namespace {

using text::TokType;

// `w` is `lower` (ASCII letters) written in any case, compared without
// folding: the words before and between names are tested for a few short
// ones, and most fail on their length.
bool spelled_as(std::string_view w, std::string_view lower) {
  if (w.size() != lower.size()) return false;
  for (size_t i = 0; i < w.size(); ++i)
    if ((w[i] | 0x20) != lower[i]) return false;  // | 0x20 lowers A-Z and leaves a-z
  return true;
}

// A role given beside a name in narration: "Norland's premier, Ivo Strand," or
// "Ivo Strand, the premier of Norland,". Empty when there is none.
std::string_view appositive_role(const Document& doc, const std::vector<text::Token>& v,
                                 const attrib::TokenWords& words, const text::Sentence& s, uint32_t b, uint32_t e) {
  auto title = [&](uint32_t k) { return (words.classes(k) & attrib::Lexicon::kTitleWord) != 0; };
  auto is_comma = [&](uint32_t k) { return v[k].type == TokType::kPunct && v[k].ch == ','; };
  // Before: POSSESSIVE role-words , NAME
  if (b >= s.first + 3 && is_comma(b - 1)) {
    uint32_t j = b - 1;
    bool is_title = false;
    while (j > s.first && b - 1 - j < 5 && v[j - 1].type == TokType::kWord && !v[j - 1].cap) {
      --j;
      is_title = is_title || title(j);
    }
    std::string_view poss = j > s.first ? doc.slice({v[j - 1].start, v[j - 1].end}) : std::string_view();
    if (is_title && j > s.first && v[j - 1].cap && (poss.ends_with("'s") || poss.ends_with("\xE2\x80\x99s")))
      return doc.slice({v[j - 1].start, v[b - 2].end});
  }
  // After: NAME , the role-words … ,
  if (e + 2 < s.last && is_comma(e) && v[e + 1].type == TokType::kWord) {
    const std::string_view first = words.low[e + 1];
    if (first == "the" || first == "a" || first == "an") {
      uint32_t j = e + 1;
      bool is_title = false;
      while (j < s.last && j - e < 12 && !is_comma(j) && v[j].type != TokType::kQuote &&
             !(v[j].type == TokType::kPunct && (v[j].ch == '.' || v[j].ch == ';'))) {
        is_title = is_title || (v[j].type == TokType::kWord && title(j));
        ++j;
      }
      if (is_title && j < s.last && (is_comma(j) || v[j].ch == '.')) {
        uint32_t r = e + 2;  // skip the article
        return doc.slice({v[r].start, v[j - 1].end});
      }
    }
  }
  return {};
}

// A capitalised word opening a sentence or a quote, as the first pass saw it:
// a function word ("The", "But"), or the marks the sweep sets for it, reached
// through its slots in the two tables (the name pass reads them there instead
// of hashing the word twice more).
struct Opener {
  uint32_t token = 0;
  bool function_word = false;
  bool* lower_too = nullptr;  // in `initial`: also written in lower case (first word of a sentence only)
  bool* inside = nullptr;     // in `openers`: also capitalised inside a sentence
};

// The name scan's working tables, kept by each thread from one document to the
// next (emptied, not freed, in between; see Work in resolve.cpp).
struct ScanWork {
  text::WordTable<bool> initial, openers;
  std::vector<uint8_t> headline;
  std::vector<Opener> opener_list;
  std::vector<uint32_t> capwords;
};

}  // namespace

std::vector<NameMention> scan_names(const Document& doc, const text::Tokens& tk, const attrib::TokenWords& words,
                                    const std::vector<text::Sentence>& sentences) {
  const auto& v = tk.toks;
  std::vector<NameMention> out;
  out.reserve(v.size() / 8 + 8);  // news runs to about one name in ten to fifteen tokens: no regrowth
  // Folded text and word classes of each token, from stage 5b.
  const std::vector<std::string_view>& low = words.low;
  auto cls = [&](uint32_t k) { return words.classes(k); };
  // The name lists' marks (is_common_capword, is_verb_capword, is_demonym of
  // the folded token), which the lexicon set when stage 5b looked it up.
  auto names = [&](uint32_t k) { return words.names(k); };
  auto common_capword = [&](uint32_t k) {
    return (names(k) & (attrib::Lexicon::kCommonCapword | attrib::Lexicon::kVerbCapword)) != 0;
  };
  // "Russia-led", "Kazakh-born": a capitalised word with a lower-case hyphen
  // part is an adjective, not a name (the tokenizer flags it).
  auto capword = [&](uint32_t k) { return v[k].type == TokType::kWord && v[k].cap && !v[k].lower_part; };
  // "Anwar al-Awlaki", "Ahmed el-Sayed": an Arabic article joined to a
  // capitalised name continues the name it follows.
  auto particle_name = [&](uint32_t k) {
    if (v[k].type != TokType::kWord || v[k].cap) return false;
    const std::string_view w = doc.slice({v[k].start, v[k].end});
    for (std::string_view p : {"al-", "el-", "ad-", "bin-", "ibn-"})
      if (w.size() > p.size() && w.starts_with(p) && w[p.size()] >= 'A' && w[p.size()] <= 'Z') return true;
    return false;
  };
  // "Secretary of State", "President of Norland": a title before "of" belongs to the name.
  auto is_title_word_token = [&](uint32_t k) { return (cls(k) & attrib::Lexicon::kTitleWord) != 0; };
  // Weekdays and months are capitalised but name no one.
  auto time_name = [&](uint32_t k) { return (cls(k) & attrib::Lexicon::kCalendarName) != 0; };
  // Words the article also writes in lower case are common words when they
  // open a sentence ("Dozens killed …", "Officials said …"). Only words that
  // open a sentence or a quote are ever looked up: collect those first, and
  // hash another token only when its shape matches one of them. Function
  // words ("The", "But") are dropped wherever they open, so they are never
  // looked up: left out, the article's every lower-case "the" and "he" never
  // reaches the table. The same pass marks Title Case
  // headlines, which capitalise every word: no evidence of names there.
  // Both tables hold the few openers (about one a sentence) and are only
  // looked into by the sweep, which marks what it finds: no table grows with
  // the article's vocabulary.
  thread_local ScanWork work;
  // Folded sentence-initial capitalised words -> also written in lower case.
  text::WordTable<bool>& initial = work.initial;
  // Capitalised words opening a sentence or quote, as written -> also seen
  // capitalised inside a sentence.
  text::WordTable<bool>& openers = work.openers;
  // Distinct openers are far fewer than sentences in a long document: the
  // tables start small there and grow if they must (the slots are found again).
  const size_t expect_openers = std::min<size_t>(sentences.size(), 1024) + 8;
  initial.reset(expect_openers);
  openers.reset(expect_openers);
  // (length, first two bytes): the sweep below hashes fewer words than with
  // the first byte alone (many common words share a length and initial).
  text::PairShapeFilter initial_shape, opener_shape;
  std::vector<uint8_t>& headline = work.headline;
  headline.assign(sentences.size(), 0);
  // Capitalised words opening a sentence or quote, in text order: the name
  // pass drops the function words without folding them again, and reads the
  // others' marks through their slots.
  std::vector<Opener>& opener_list = work.opener_list;
  opener_list.clear();
  const size_t initial_slots = initial.capacity(), opener_slots = openers.capacity();
  // The first pass looks only at the tokens that open the sentence or follow
  // a quote mark; the sweep below counts the words and capitals of each
  // sentence for the headline test, in the pass it makes anyway.
  for (const text::Sentence& s : sentences) {
    auto opener = [&](uint32_t k) {
      const text::Token& t = v[k];
      if (t.type != TokType::kWord || !t.cap || t.lower_part) return;
      const std::string_view f = low[k];
      if (cls(k) & attrib::Lexicon::kNameOpener) {
        opener_list.push_back({k, true});
        return;
      }
      const std::string_view w = doc.slice({t.start, t.end});
      opener_shape.add(w);
      Opener& o = opener_list.emplace_back(Opener{k, false, nullptr, openers.insert(w, false).first});
      if (k != s.first) return;
      initial_shape.add(f);
      o.lower_too = initial.insert(f, false).first;
    };
    if (s.first < s.last) opener(s.first);
    for (uint32_t k = s.first; k + 1 < s.last; ++k)
      if (v[k].type == TokType::kQuote) opener(k + 1);
  }
  // The slots move when a table grows (a long document with more distinct
  // openers than the tables started with): then find them again, once, now
  // that no more words go in.
  if (initial.capacity() != initial_slots || openers.capacity() != opener_slots)
    for (Opener& o : opener_list) {
      if (o.function_word) continue;
      o.inside = openers.find(doc.slice({v[o.token].start, v[o.token].end}));
      if (o.lower_too) o.lower_too = initial.find(low[o.token]);
    }
  // One pass marks both: openers seen capitalised inside a sentence (not
  // first, not after a quote mark), and sentence-initial words the article
  // also writes in lower case (lower-case tokens are their own folded form).
  // It returns the words and the capitalised words it passed, and lists the
  // capwords (in text order), where the name pass starts its runs.
  std::vector<uint32_t>& capwords = work.capwords;
  capwords.clear();
  uint32_t lower_content = 0;  // the sweep's count of lower-case words that are not function words
  auto sweep = [&](uint32_t from, uint32_t to, bool mid) {
    uint32_t n_words = 0, n_caps = 0;
    for (uint32_t k = from; k < to; ++k) {
      const text::Token& t = v[k];
      if (t.type != TokType::kWord) continue;
      ++n_words;
      if (!t.cap) {
        // Title Case leaves only function words in lower case ("… of Shootings in Chicago this Year").
        if (!(cls(k) & attrib::Lexicon::kNameOpener)) ++lower_content;
        const std::string_view w = doc.slice({t.start, t.end});
        if (initial_shape.maybe(w))
          if (bool* lower = initial.find(w)) *lower = true;
        continue;
      }
      ++n_caps;
      if (!t.lower_part && (capwords.empty() || capwords.back() < k)) capwords.push_back(k);
      if (mid && !t.lower_part && v[k - 1].type != TokType::kQuote) {
        const std::string_view w = doc.slice({t.start, t.end});
        if (opener_shape.maybe(w))
          if (bool* inside = openers.find(w)) *inside = true;
      }
    }
    return std::pair(n_words, n_caps);
  };
  auto marked = [](const text::WordTable<bool>& table, std::string_view w) {
    const bool* m = table.find(w);
    return m && *m;
  };
  uint32_t swept = 0;  // every token once for lower case, every sentence's inside for capitals
  for (size_t si = 0; si < sentences.size(); ++si) {
    const text::Sentence& s = sentences[si];
    if (s.first > swept) sweep(swept, s.first, false);
    uint32_t n_words = 0, n_caps = 0;  // for the headline test
    lower_content = 0;
    if (s.first < s.last) std::tie(n_words, n_caps) = sweep(s.first, s.first + 1, false);
    const auto [inside_words, inside_caps] = sweep(s.first + 1, s.last, true);
    n_words += inside_words;
    n_caps += inside_caps;
    // Title Case: nearly every word capitalised, or all but function words.
    headline[si] = n_words >= 4 && (n_caps * 10 >= n_words * 8 || (n_words >= 6 && n_caps * 10 >= n_words * 6 && lower_content == 0));
    // A subhead: a paragraph of its own in Title Case with no full stop ("Signature Issue").
    if (!headline[si] && s.first < s.last && n_words >= 2 && n_words <= 12 && lower_content == 0 &&
        (s.first == 0 || v[s.first - 1].para != v[s.first].para) &&
        (s.last >= v.size() || v[s.last].para != v[s.last - 1].para)) {
      const text::Token& end = v[s.last - 1];
      const bool stop = end.type != TokType::kWord && (end.ch == '.' || end.ch == '?' || end.ch == '!' || end.type == TokType::kQuote);
      headline[si] = !stop && !end.abbrev;
    }
    swept = std::max(swept, s.last);
  }
  sweep(swept, static_cast<uint32_t>(v.size()), false);

  size_t next_opener = 0;  // into opener_list, which the loop below passes in order
  auto opener_at = [&](uint32_t k) -> const Opener* {
    while (next_opener < opener_list.size() && opener_list[next_opener].token < k) ++next_opener;
    return next_opener < opener_list.size() && opener_list[next_opener].token == k ? &opener_list[next_opener] : nullptr;
  };
  size_t next_cap = 0;  // into capwords: runs start only there
  auto before = [](uint32_t token, uint32_t pos) { return token < pos; };
  for (size_t si = 0; si < sentences.size(); ++si) {
    if (headline[si]) continue;
    const text::Sentence& s = sentences[si];
    next_cap = advance_to(capwords, next_cap, s.first, before);
    while (next_cap < capwords.size() && capwords[next_cap] < s.last) {
      const uint32_t k = capwords[next_cap];
      uint32_t b = k, e = k + 1;
      // Extend over capitalised words, and "of"/"for"/"and" between two of them
      // ("Collective Security Treaty Organization", "Department of State").
      while (e < s.last) {
        if (capword(e) || particle_name(e)) { ++e; continue; }
        // 'John "Tig" Tiegen': a quoted nickname between two names continues the name.
        if (e + 3 < s.last && v[e].type == TokType::kQuote && capword(e + 1) && v[e + 2].type == TokType::kQuote &&
            capword(e + 3) && v[e].end == v[e + 1].start && v[e + 1].end == v[e + 2].start) {
          e += 4;
          continue;
        }
        if (e + 1 < s.last && capword(e + 1) && v[e].type == TokType::kWord) {
          const std::string_view w = doc.slice({v[e].start, v[e].end});
          if (spelled_as(w, "of") || spelled_as(w, "for") || spelled_as(w, "de") || spelled_as(w, "al") ||
              spelled_as(w, "bin") || spelled_as(w, "van") || spelled_as(w, "von")) {
            e += 2;
            continue;
          }
        }
        break;
      }
      // Drop a sentence-opening function or common word ("The CSTO", "But Smith", "Dozens").
      while (b < e && (b == s.first || (b > s.first && v[b - 1].type == TokType::kQuote))) {
        // b is a capitalised word opening a sentence or quote: the first pass saw it.
        const Opener* o = opener_at(b);
        const bool function_word = o && o->function_word;
        if (!function_word && !(o && o->lower_too ? *o->lower_too : marked(initial, low[b]))) break;
        ++b;
      }
      // "Footage of Al-Awlaki", "Supporters of Clinton" opening a sentence:
      // a common noun and its "of" are no part of the name after them.
      if (b + 2 < e && (b == s.first || v[b - 1].type == TokType::kQuote) && spelled_as(low[b + 1], "of") &&
          !is_title_word_token(b) && is_description_head(low[b]))
        b += 2;
      // Trim trailing connectors and time names.
      while (e > b && time_name(e - 1)) --e;
      while (b < e && time_name(b)) ++b;
      // "Securities and Exchange Commission", "Department of Health and Human
      // Services": "and" joins two capitalised runs when the second ends in an
      // organisation's head word ("Hillary and Bill" stay apart).
      if (e + 1 < s.last && v[e].type == TokType::kWord && spelled_as(doc.slice({v[e].start, v[e].end}), "and") &&
          capword(e + 1)) {
        uint32_t f = e + 1;
        while (f < s.last && capword(f)) ++f;
        if (is_org_head(low[f - 1])) e = f;
      }
      // A capitalised verb ends a title-cased run ("Donald Trump Is Right"),
      // and common words ("And", "I'm", "Thousands") begin or end none.
      for (uint32_t j = b + 1; j < e; ++j)
        if (names(j) & attrib::Lexicon::kVerbCapword) {
          e = j;
          break;
        }
      while (b < e && (common_capword(b) || (cls(b) & attrib::Lexicon::kNameOpener))) ++b;
      while (e > b && (common_capword(e - 1) || time_name(e - 1))) --e;
      // A lone nationality or party adjective names no one ("Republican",
      // "Russian"), nor does a party-state tag ("R-Utah", "D-N.J.").
      if (e == b + 1 && ((names(b) & attrib::Lexicon::kDemonym) || is_party_tag(low[b]))) b = e;
      // A dateline ("VELMAR — …") names the place of writing, not an entity of the story.
      // The segmenter makes a dateline with a state or an agency ("DECATUR, Ill. —",
      // "WASHINGTON (AP) —") a sentence ending in its dash: its first name is the place.
      auto is_dash_tok = [&](uint32_t i) {
        return v[i].type == TokType::kPunct && (v[i].ch == 0x2014 || v[i].ch == 0x2013 || v[i].ch == '-');
      };
      bool dateline = b == s.first && e < s.last && is_acronym(doc.slice({v[b].start, v[b].end})) &&
                      ((e == b + 1 && is_dash_tok(e)) || (s.last > s.first && is_dash_tok(s.last - 1) &&
                                                          (s.first == 0 || v[s.first - 1].para != v[s.first].para)));
      // A single capitalised word that only ever opens a sentence or a quote
      // ("Nobody will …", "Forty people …") is a common word, not a name.
      bool opener_only = false;
      if (e == b + 1 && (b == s.first || v[b - 1].type == TokType::kQuote)) {
        const Opener* o = opener_at(b);
        opener_only = !(o && o->inside ? *o->inside : marked(openers, doc.slice({v[b].start, v[b].end})));
      }
      if (b < e && !dateline && !opener_only) {
        std::string_view last = doc.slice({v[e - 1].start, v[e - 1].end});
        NameMention m;
        m.span = {v[b].start, v[e - 1].end};
        // "Tokayev's": the name ends before the possessive.
        if (last.ends_with("'s") || last.ends_with("\xE2\x80\x99s")) {
          m.possessive = true;
          m.span.end -= last.ends_with("'s") ? 2 : 4;
        }
        m.text = doc.slice(m.span);
        if (b > s.first) {
          const std::string_view p = doc.slice({v[b - 1].start, v[b - 1].end});
          m.after_place_prep = spelled_as(p, "in") || spelled_as(p, "from") || spelled_as(p, "across") ||
                               spelled_as(p, "to") || spelled_as(p, "into");
        }
        // "Collective Security Treaty Organization (CSTO)".
        if (e + 2 < s.last && v[e].type == TokType::kPunct && v[e].ch == '(' && v[e + 2].type == TokType::kPunct &&
            v[e + 2].ch == ')' && is_acronym(doc.slice({v[e + 1].start, v[e + 1].end})))
          m.acronym = doc.slice({v[e + 1].start, v[e + 1].end});
        m.role = appositive_role(doc, v, words, s, b, e);
        if (m.span.end > m.span.start && !(m.text.size() == 1)) out.push_back(std::move(m));
      }
      const uint32_t resume = e > k ? e : k + 1;  // a step or two on: no search
      while (next_cap < capwords.size() && capwords[next_cap] < resume) ++next_cap;
    }
  }
  return out;
}

}  // namespace quotegraph::entity
