// Echo analysis: analyses -> EchoReport. Wires the stages (scan, explicit cues,
// shared phrases, framing) and owns the compiled cue patterns.
#include <algorithm>
#include <tuple>

#include "echo/internal.hpp"

namespace quotegraph::echo {
namespace {

// A name: up to five capitalised words ("Kassym-Jomart Tokayev", "the
// Kremlin"); a title's period stays inside ("Mr. Putin", "New York Sen.
// Kirsten Gillibrand"), a final one does not. The possessive is outside the
// name: "Tokayev’s" -> "Tokayev".
//
// Letters are Latin script (ASCII, Latin-1, Latin Extended-A/B and combining
// marks), the script of names in English news, not RE2's \p{L}/\p{Lu}: those
// are thousands of ranges, and with a name class in every pattern compiling
// the 22 patterns took 0.1 s (4.2 ms against 0.34 ms for one pattern).
#define QG_UPPER R"([A-Z\x{C0}-\x{D6}\x{D8}-\x{DE}\x{100}-\x{24F}])"
#define QG_NAME_WORD                                                                                   \
  R"((?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Prof|Rev|Jr|St)\.|)" QG_UPPER                         \
  R"([A-Za-z\x{C0}-\x{D6}\x{D8}-\x{F6}\x{F8}-\x{24F}\x{300}-\x{36F}\-]*(?:[’'][A-Z][a-z]+)?(?:\.)" QG_UPPER R"()*))"
const char kName[] = "(" QG_NAME_WORD R"((?:\s+)" QG_NAME_WORD "){0,4})";
#undef QG_NAME_WORD
#undef QG_UPPER
const char kPoss[] = R"((?:’s|'s|’|'))";
// What is echoed: "rhetoric", "claim", "words", "talking points".
const char kThing[] =
    R"((?:rhetoric|claims?|assertions?|allegations?|words|language|line|lines|phrase|phrasing|framing|)"
    R"(terms?|charges?|arguments?|description|characteri[sz]ation|talking\s+points?|accusations?|)"
    R"(narrative|slogan|warnings?|refrain|mantra|remarks|comments|sentiments?|views?|position|)"
    R"(assessment|formula|expression|message|calls?|insistence|label))";
const char kCharacterising[] =
    R"((?:called|calls|described|describes|labell?ed|branded|termed|characteri[sz]ed|dubbed|denounced))";
// What every kCharacterising alternative opens with (CueTrigger::verbs).
std::vector<std::string> characterising_stems() {
  return {"call", "describe", "label", "branded", "termed", "characteri", "dubbed", "denounced"};
}

// The words that open kThing's alternatives, every form spelled out
// ("claims?" -> "claim", "claims"; "characteri[sz]ation" -> both; "talking\s+points?"
// -> "talking"): what CueTrigger::thing_within looks for.
std::vector<std::string> expand_alternative(std::string_view alt) {
  alt = alt.substr(0, std::min(alt.size(), alt.find("\\s")));
  std::vector<std::string> out{""};
  for (size_t i = 0; i < alt.size(); ++i) {
    if (alt[i] == '[') {
      const size_t close = alt.find(']', i);
      std::vector<std::string> next;
      for (const std::string& o : out)
        for (size_t j = i + 1; j < close; ++j) next.push_back(o + alt[j]);
      out = std::move(next);
      i = close;
    } else if (i + 1 < alt.size() && alt[i + 1] == '?') {
      const size_t n = out.size();
      for (size_t k = 0; k < n; ++k) out.push_back(out[k] + alt[i]);
      ++i;
    } else {
      for (std::string& o : out) o += alt[i];
    }
  }
  return out;
}

}  // namespace

const std::vector<std::string>& thing_words() {
  static const std::vector<std::string> words = [] {
    std::string_view body(kThing);
    body.remove_prefix(3);  // "(?:"
    body.remove_suffix(1);  // ")"
    std::vector<std::string> out;
    for (size_t b = 0; b <= body.size();) {
      size_t e = std::min(body.size(), body.find('|', b));
      for (std::string& w : expand_alternative(body.substr(b, e - b))) out.push_back(std::move(w));
      b = e + 1;
    }
    return out;
  }();
  return words;
}

namespace {

struct Row {
  std::string pattern;
  const char* lemma;
  double score;
  int x_group;
  int y_group;
  bool self;
  bool demonstrative;  // "echoed that promise": the statement just before decides
  CueTrigger trigger;
};

std::vector<Row> cue_rows() {
  std::string n = kName, p = kPoss, t = kThing;
  std::string the = R"((?:the\s+)?)";
  return {
      // "Pashinyan echoed Tokayev’s rhetoric"
      {R"(\b((?i:echo(?:ed|es|ing)?)\s+)" + the + n + p + R"(\s+(?:[a-z\x{DF}-\x{F6}\x{F8}-\x{FF}]+\s+)?)" + t + ")", "echo", 0.95, 2, 0,
       false, false,
       {{"echo", "echoed", "echoes", "echoing"}, true, 2, CueTrigger::kPossessive}},
      // "echoed remarks by Tokayev", "echoing the claim of the Kremlin"
      {R"(\b((?i:echo(?:ed|es|ing)?)\s+(?:the\s+|a\s+)?(?:[a-z\x{DF}-\x{F6}\x{F8}-\x{FF}]+\s+)?)" + t + R"(\s+(?:made\s+|used\s+)?(?:of|by|from)\s+)" + the + n + ")", "echo", 0.95, 2, 0, false, false,
       {{"echo", "echoed", "echoes", "echoing"}, true, 8, CueTrigger::kAnything, false, false, {}, 3, &thing_words()}},
      // "…, echoing Tokayev." / "echoed Tokayev in calling"
      {R"(\b((?i:echo(?:ed|ing))\s+)" + the + n + ")" + R"((?:\s*[,.;]|\s+(?:in|when|by|and|who|on)\b))", "echo", 0.9, 2, 0,
       false, false,
       {{"echoed", "echoing"}, true, 2}},
      // "repeated Tokayev’s claim", "repeating the Kremlin’s line"
      {R"(\b((?i:repeat(?:ed|s|ing)?)\s+)" + the + n + p + R"(\s+(?:[a-z\x{DF}-\x{F6}\x{F8}-\x{FF}]+\s+)?)" + t + ")", "repeat", 0.9, 2, 0,
       false, false,
       {{"repeat", "repeated", "repeats", "repeating"}, true, 2, CueTrigger::kPossessive}},
      // "repeated the claim made by Tokayev"
      {R"(\b((?i:repeat(?:ed|s|ing)?)\s+(?:the\s+|a\s+)?(?:[a-z\x{DF}-\x{F6}\x{F8}-\x{FF}]+\s+)?)" + t + R"(\s+(?:first\s+)?(?:made\s+|used\s+|voiced\s+)?(?:of|by|from)\s+)" + the + n + ")", "repeat", 0.9, 2, 0, false, false,
       {{"repeat", "repeated", "repeats", "repeating"}, true, 9, CueTrigger::kAnything, false, false, {}, 3, &thing_words()}},
      // "parroted the Kremlin’s talking points", "parroting Tokayev"
      {R"(\b((?i:parrot(?:ed|s|ing))\s+)" + the + n + ")", "parrot", 0.9, 2, 0, false, false,
       {{"parroted", "parrots", "parroting"}, true, 2}},
      // "parroted the line from the Kremlin"
      {R"(\b((?i:parrot(?:ed|s|ing))\s+(?:the\s+|a\s+)?(?:[a-z\x{DF}-\x{F6}\x{F8}-\x{FF}]+\s+)?)" + t + R"(\s+(?:of|from|by|used\s+by)\s+)" + the + n + ")", "parrot", 0.9, 2, 0, false, false,
       {{"parroted", "parrots", "parroting"}, true, 8, CueTrigger::kAnything, false, false, {}, 3, &thing_words()}},
      // "in language reminiscent of Tokayev", "in terms reminiscent of those used by Tokayev"
      {R"(\b((?:in\s+)?(?:language|words|terms|rhetoric|remarks|phrasing|wording|comments|tones?)\s+reminiscent\s+of\s+(?:those\s+(?:of|used\s+by)\s+|that\s+of\s+)?)" + the + n + ")", "reminiscent", 0.85, 2, 0, false, false,
       {{"reminiscent"}, false, 6, CueTrigger::kAnything, false, false, {{"of"}}}},
      // "borrowing Tokayev’s phrase"
      {R"(\b((?i:borrow(?:ed|s|ing)?)\s+)" + the + n + p + R"(\s+(?:own\s+|favou?rite\s+|signature\s+)?)" + t + ")", "borrow", 0.9, 2, 0, false, false,
       {{"borrow", "borrowed", "borrows", "borrowing"}, true, 2, CueTrigger::kPossessive}},
      // "borrowing a phrase from Tokayev", "borrowed the slogan coined by Tokayev"
      {R"(\b((?i:borrow(?:ed|s|ing)?)\s+(?:a\s+|the\s+)?(?:[a-z\x{DF}-\x{F6}\x{F8}-\x{FF}]+\s+)?)" + t + R"(\s+(?:[a-z\x{DF}-\x{F6}\x{F8}-\x{FF}]+\s+)?(?:from|of|used\s+by|coined\s+by)\s+)" + the + n + ")", "borrow", 0.9, 2, 0, false, false,
       {{"borrow", "borrowed", "borrows", "borrowing"}, true, 9, CueTrigger::kAnything, false, false, {}, 3, &thing_words()}},
      // "adopted Tokayev’s framing", "took up the Kremlin’s language"
      {R"(\b((?i:adopt(?:ed|s|ing)|t(?:ook|aking|akes)\s+up|pick(?:ed|ing)\s+up)\s+)" + the + n + p + R"(\s+(?:[a-z\x{DF}-\x{F6}\x{F8}-\x{FF}]+\s+)?)" + t + ")", "adopt", 0.85, 2, 0, false, false,
       {{"adopted", "adopts", "adopting", "took", "taking", "takes", "picked", "picking"}, true, 3, CueTrigger::kPossessive}},
      // "Like Tokayev, Pashinyan called the protests …"
      {R"((?:^|[.!?]\s+|\n\s*|[“"]))" R"((Like\s+)" + the + n + R"(,\s+)" + the + n + R"((?:\s+[a-z\x{DF}-\x{F6}\x{F8}-\x{FF}]+)?\s+)" + kCharacterising + ")", "like", 0.8, 2, 3, false, false,
       {{"like"}, false, 2, CueTrigger::kComma, true, false, {}, 0, nullptr, false, 14, characterising_stems()}},
      // "Pashinyan, like Tokayev, called the protests …"
      {R"(()" + n + R"(,\s+like\s+)" + the + n + R"(,\s+(?:[a-z\x{DF}-\x{F6}\x{F8}-\x{FF}]+\s+)?)" + kCharacterising + ")", "like", 0.8, 3, 2,
       false, false,
       {{"like"}, false, 2, CueTrigger::kComma, false, true, {}, 0, nullptr, false, 8, characterising_stems()}},
      // "echoing comments made earlier by Tokayev", "echoing remarks by his colleague, Tokayev"
      {R"(\b((?i:echo(?:ed|es|ing)?)\s+(?:the\s+|a\s+)?(?:[a-z\x{DF}-\x{F6}\x{F8}-\x{FF}]+\s+)?)" + t +
           R"(\s+(?:made\s+|used\s+|voiced\s+)?(?:earlier\s+|previously\s+|recently\s+)?(?:of|by|from)\s+)" +
           R"((?:(?:his|her|their|its)\s+[a-z\x{DF}-\x{F6}\x{F8}-\x{FF}]+(?:\s+[a-z\x{DF}-\x{F6}\x{F8}-\x{FF}]+)?,\s+)?)" + the + n + ")",
       "echo", 0.9, 2, 0, false, false,
       {{"echo", "echoed", "echoes", "echoing"}, true, 12, CueTrigger::kAnything, false, false, {}, 3, &thing_words()}},
      // Passive: "Tokayev's words were echoed by Pashinyan", "Sanders' stridency was
      // echoed by former Gov. Martin O'Malley": after a possessive and "was echoed by"
      // any noun is what is echoed, and the echoer may carry a lower-case role word.
      {R"(()" + the + n + p + R"(\s+(?:[a-z\x{DF}-\x{F6}\x{F8}-\x{FF}]+\s+)?[a-z\x{DF}-\x{F6}\x{F8}-\x{FF}]+\s+(?:was|were|have\s+been|has\s+been|are|is)\s+)" +
           R"((?:[a-z\x{DF}-\x{F6}\x{F8}-\x{FF}]+ly\s+)?(?i:echoed|repeated|parroted|seconded)\s+by\s+(?:(?:former|fellow|then|longtime|his|her|their)\s+)?)" + the + n + ")",
       "echo", 0.9, 2, 3, false, false,
       {{"echoed", "repeated", "parroted", "seconded"}, false, 4, CueTrigger::kAnything, false, false, {{"by"}}, 0, nullptr,
        false, 0, {}, 0, true}},
      // "agreed with Tokayev that", "agreed with Tokayev's assessment", "said he agreed with Mr. Cruz."
      {R"(\b((?i:agree(?:d|s|ing)?)\s+with\s+)" + the + n + ")" + R"((?:\s+that\b|\s*[,.;]|\s+(?:on|about|when)\b|)" + p +
           R"(\s+(?:[a-z\x{DF}-\x{F6}\x{F8}-\x{FF}]+\s+)?)" + t + ")",
       "agree", 0.8, 2, 0, false, false,
       {{"agree", "agreed", "agrees", "agreeing"}, true, 3, CueTrigger::kAnything, false, false, {{"with"}}}},
      // "… wrote that she agreed with him that …": X an object pronoun, read as the
      // nearest person named before it other than the echoer (cues.cpp).
      {R"(\b((?i:agree(?:d|s|ing)?)\s+with\s+)(him|her)(?:\s+that\b|\s*[,.;]|\s+(?:on|about|when)\b))", "agree", 0.8, 2, 0,
       false, false,
       {{"agree", "agreed", "agrees", "agreeing"}, true, 0, CueTrigger::kAnything, false, false, {{"with"}, {"him", "her"}}, 0,
        nullptr, true}},
      // "joined Tokayev in calling", "joined the Kremlin in denouncing"
      {R"(\b((?i:join(?:ed|s|ing))\s+)" + the + n + R"()\s+in\s+[a-z\x{DF}-\x{F6}\x{F8}-\x{FF}]+ing)", "join", 0.85, 2, 0, false, false,
       {{"joined", "joins", "joining"}, true, 2, CueTrigger::kAnything, false, false, {}, 0, nullptr, false, 0, {}, 7}},
      // "seconded Tokayev's call", "mirroring Tokayev's language", "took a page from Tokayev's playbook"
      {R"(\b((?i:second(?:ed|ing)|mirror(?:ed|ing|s)?)\s+)" + the + n + p + R"(\s+(?:[a-z\x{DF}-\x{F6}\x{F8}-\x{FF}]+\s+)?)" + t + ")",
       "second", 0.85, 2, 0, false, false,
       {{"seconded", "seconding", "mirror", "mirrored", "mirroring", "mirrors"}, true, 2, CueTrigger::kPossessive}},
      {R"(\b((?i:t(?:ook|aking|akes)\s+a\s+page\s+(?:out\s+of|from))\s+)" + the + n + p + ")", "borrow", 0.85, 2, 0,
       false, false,
       {{"took", "taking", "takes"}, true, 6, CueTrigger::kPossessive, false, false, {{"a"}, {"page"}}}},
      // "in a line borrowed from Tokayev", "using Tokayev's own phrase", "quoting Tokayev's warning"
      {R"(\b((?:a|the)\s+(?:line|phrase|slogan|term|word)\s+(?i:borrowed|lifted|taken)\s+from\s+)" + the + n + ")",
       "borrow", 0.85, 2, 0, false, false,
       {{"borrowed", "lifted", "taken"}, false, 3, CueTrigger::kAnything, false, false, {{"from"}}}},
      {R"(\b((?i:using|used|uses|quoting|quoted|quotes|invoking|invoked)\s+)" + the + n + p +
           R"(\s+(?:own\s+)?(?:words|phrase|line|term|slogan|description|statement|warning|label)))",
       "borrow", 0.85, 2, 0, false, false,
       {{"using", "used", "uses", "quoting", "quoted", "quotes", "invoking", "invoked"}, true, 2, CueTrigger::kPossessive}},
      // "Clinton echoed the criticism, saying …": no X; the statement just before is the source.
      {std::string(R"(\b((?i:echo(?:ed|es|ing))\s+(?:the|such)\s+(?:[a-z]+\s+)?)") +
           R"((?:criticism|criticisms|sentiment|sentiments|concerns?|call|argument|point|view|views|message|remarks|comments|warning|assessment|complaint|charge|theme)\b))",
       "echo", 0.8, 0, 0, false, false,
       {{"echoed", "echoes", "echoing"}, true, 0, CueTrigger::kAnything, false, false, {{"the", "such"}}}},
      // "He echoed that promise on Monday", "Trump parroted these views": a
      // demonstrative points at the statement just before, whoever made it; the
      // echoer's own statement makes it a repetition.
      {std::string(R"(\b((?i:echo(?:ed|es|ing)|parrot(?:ed|s|ing))\s+(?:that|this|those|these)\s+(?:[a-z]+\s+)?)") +
           R"((?:criticisms?|sentiments?|concerns?|calls?|arguments?|points?|views?|messages?|remarks?|comments?|warnings?|assessments?|complaints?|charges?|themes?|promises?|claims?|pledges?|lines?|words)\b))",
       "echo", 0.8, 0, 0, false, true,
       {{"echoed", "echoes", "echoing", "parroted", "parrots", "parroting"}, true, 0, CueTrigger::kAnything, false, false, {{"that", "this", "those", "these"}}}},
      // Self-repetition: "reiterated his call", "repeated her earlier warning"
      {R"(\b((?i:reiterat(?:ed|es|ing)|restat(?:ed|es|ing)|repeat(?:ed|s|ing)|reaffirm(?:ed|s|ing))\s+(?:his|her|their|its)\s+(?:own\s+)?(?:earlier\s+|previous\s+|long-standing\s+|oft-repeated\s+)?[a-z\x{DF}-\x{F6}\x{F8}-\x{FF}]+))", "reiterate", 0.9, 0, 0, true, false,
       {{"reiterated", "reiterates", "reiterating", "restated", "restates", "restating", "repeated", "repeats", "repeating", "reaffirmed", "reaffirms", "reaffirming"}, true, 0, CueTrigger::kAnything, false, false, {{"his", "her", "their", "its"}}}},
  };
}

}  // namespace

Compiled::Compiled() {
  RE2::Options o;
  o.set_encoding(RE2::Options::EncodingUTF8);
  o.set_log_errors(false);
  for (const Row& r : cue_rows()) {
    CuePattern& c = cues.emplace_back(r.pattern, o);
    c.lemma = r.lemma;
    c.score = r.score;
    c.x_group = r.x_group;
    c.y_group = r.y_group;
    c.self = r.self;
    c.demonstrative = r.demonstrative;
    c.trigger = r.trigger;
  }
  for (size_t i = 0; i < cues.size(); ++i)
    for (const std::string& k : cues[i].trigger.keywords) {
      size_t at = std::find(keywords.begin(), keywords.end(), k) - keywords.begin();
      if (at == keywords.size()) {
        keywords.push_back(k);
        keyword_cues.emplace_back();
      }
      keyword_cues[at].push_back(i);
    }
  for (size_t k = 0; k < keywords.size(); ++k) {
    keyword_index.insert(keywords[k], static_cast<uint32_t>(k));
    keyword_shapes.add(keywords[k]);
    max_keyword = std::max(max_keyword, keywords[k].size());
  }
  for (const auto& phrase : lex.stock_phrases()) {
    uint64_t h = word_hash(phrase[0]);
    for (size_t k = 1; k < phrase.size(); ++k) h = combine_hash(h, word_hash(phrase[k]));
    stock_hashes.insert(h);
  }
  for (const std::string& w : lex.loaded_words()) loaded_word_hashes.insert(word_hash(w));
  for (const auto& phrase : lex.loaded_phrases()) {
    std::vector<uint64_t> hs;
    std::string text;
    for (const std::string& w : phrase) {
      hs.push_back(word_hash(w));
      text += (text.empty() ? "" : " ") + w;
    }
    if (!hs.empty()) loaded_first_hashes.insert(hs.front());
    loaded_phrases.emplace_back(std::move(hs), text);
  }
  loaded_filter = HashFilter(loaded_word_hashes.size() + loaded_first_hashes.size());
  for (uint64_t h : loaded_word_hashes) loaded_filter.add(h);
  for (uint64_t h : loaded_first_hashes) loaded_filter.add(h);
}

const char* to_string(Evidence e) { return e == Evidence::kExplicit ? "explicit" : "implicit"; }
const char* to_string(FramingKind k) { return k == FramingKind::kScareQuote ? "scare_quote" : "adopted"; }

EchoAnalyzer::EchoAnalyzer(EchoOptions options)
    : options_(options), compiled_(std::make_unique<const Compiled>()) {}
EchoAnalyzer::~EchoAnalyzer() = default;

bool is_proper_name(std::string_view n) {
  if (n.empty() || (!(n[0] >= 'A' && n[0] <= 'Z') && static_cast<unsigned char>(n[0]) < 0x80)) return false;
  if (n.find(' ') != std::string_view::npos) return true;
  // One word: a surname or an acronym ("Trump", "NATO") yes, a capitalised
  // common word at a sentence start ("Six", "All", "Latest") or a dateline no.
  static const char* const kNotNames[] = {"All", "Both", "Some", "Many", "Most", "Few", "Several", "Others",
                                          "Latest", "Officials", "Police", "Critics", "Voters", "Americans",
                                          "Democrats", "Republicans", "Democratic", "Republican", "One", "Two",
                                          "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten",
                                          "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                                          "Sunday"};
  for (const char* w : kNotNames)
    if (n == w) return false;
  bool upper = true;
  for (char c : n) upper = upper && !(c >= 'a' && c <= 'z');
  return !(upper && n.size() > 5);  // "WASHINGTON", "DECATUR": a dateline, not an acronym
}

int resolve_mention(const Analysis& a, const DocText& d, Span mention) {
  if (mention.empty()) return -1;
  // The same last word as an entity's name, or as a short alias ("Tokayev’s" ->
  // "Kassym-Jomart Tokayev"). Aliases with a comma are appositions, which may
  // hold other names.
  if (!d.entities) d.entities = index_entities(a);
  const EntityIndex& x = *d.entities;
  std::string want = last_name_word(a.doc.slice(mention));
  if (!want.empty()) {
    if (auto it = x.by_last_word.find(want); it != x.by_last_word.end()) return it->second;
    if (auto it = x.by_alias_word.find(want); it != x.by_alias_word.end()) return it->second;
  }
  // An entity mention inside this one ("President Amara Oduya" holds "Oduya"):
  // the first such entity.
  int best = -1;
  auto it = std::lower_bound(x.mentions.begin(), x.mentions.end(), mention.start,
                             [](const std::pair<Span, int>& m, uint32_t v) { return m.first.start < v; });
  for (; it != x.mentions.end() && it->first.start <= mention.end; ++it)
    if (it->first.end <= mention.end && (best < 0 || it->second < best)) best = it->second;
  return best;
}

EchoReport EchoAnalyzer::analyze(const std::vector<EchoInput>& inputs) const {
  EchoReport out;
  std::vector<EchoInput> valid;
  for (const EchoInput& in : inputs)
    if (in.analysis) valid.push_back(in);
  if (valid.size() != inputs.size()) return out;  // a null analysis: nothing to say
  Context cx{*compiled_, options_, inputs, {}};
  cx.docs.reserve(inputs.size());
  for (const EchoInput& in : inputs) cx.docs.push_back(scan(*in.analysis, compiled_->lex));
  find_explicit(cx, out);
  find_implicit(cx, out);
  find_framing(cx, out);

  auto pos = [](const Party& p) { return p.phrase.empty() ? p.mention.start : p.phrase.start; };
  // Ranked: the surest first, so a reader (and --min-score) meets the echoes
  // that matter before the doubtful ones; position breaks ties.
  auto by_score = [&](const Echo& x, const Echo& y) {
    return std::make_tuple(-x.score, x.from.input, pos(x.from), x.to.input, pos(x.to), x.phrase) <
           std::make_tuple(-y.score, y.from.input, pos(y.from), y.to.input, pos(y.to), y.phrase);
  };
  std::stable_sort(out.echoes.begin(), out.echoes.end(), by_score);
  std::stable_sort(out.repetitions.begin(), out.repetitions.end(), by_score);
  std::stable_sort(out.framing.begin(), out.framing.end(), [](const Framing& x, const Framing& y) {
    return std::make_tuple(x.input, x.span.start, static_cast<int>(x.kind)) <
           std::make_tuple(y.input, y.span.start, static_cast<int>(y.kind));
  });
  return out;
}

EchoReport EchoAnalyzer::analyze(const Analysis& a) const { return analyze(std::vector<EchoInput>{{&a, ""}}); }

std::string detect_date(const Document& doc) {
  static const RE2 kIso(R"(\b((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\b)");
  static const RE2 kMonthFirst(
      R"(\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{1,2}),\s+((?:19|20)\d\d)\b)");
  static const RE2 kDayFirst(
      R"(\b(\d{1,2})\s+(January|February|March|April|May|June|July|August|September|October|November|December)\s+((?:19|20)\d\d)\b)");
  static const char* const kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                        "July",    "August",   "September", "October", "November", "December"};
  uint32_t b = std::min<uint32_t>(doc.body_start, doc.text.size());
  uint32_t e = std::min<size_t>(doc.text.size(), b + 300);
  re2::StringPiece head(doc.text.data() + b, e - b);
  std::string y, m, d, month;
  auto month_num = [&](const std::string& name) {
    for (int i = 0; i < 12; ++i)
      if (name == kMonths[i]) return i + 1;
    return 0;
  };
  auto two = [](int v) { return (v < 10 ? "0" : "") + std::to_string(v); };
  size_t best = std::string::npos;
  std::string out;
  re2::StringPiece g[4];
  if (kIso.Match(head, 0, head.size(), RE2::UNANCHORED, g, 4)) {
    best = g[0].data() - head.data();
    out = std::string(g[1]) + "-" + std::string(g[2]) + "-" + std::string(g[3]);
  }
  if (kMonthFirst.Match(head, 0, head.size(), RE2::UNANCHORED, g, 4) &&
      static_cast<size_t>(g[0].data() - head.data()) < best) {
    best = g[0].data() - head.data();
    out = std::string(g[3]) + "-" + two(month_num(std::string(g[1]))) + "-" + two(std::stoi(std::string(g[2])));
  }
  if (kDayFirst.Match(head, 0, head.size(), RE2::UNANCHORED, g, 4) &&
      static_cast<size_t>(g[0].data() - head.data()) < best) {
    out = std::string(g[3]) + "-" + two(month_num(std::string(g[2]))) + "-" + two(std::stoi(std::string(g[1])));
  }
  return out;
}

}  // namespace quotegraph::echo
