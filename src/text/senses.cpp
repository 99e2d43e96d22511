// WordNet lookups for diff alignment (senses.hpp), through libwordnet.
#include "text/senses.hpp"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <sstream>
#include <string_view>
#include <mutex>
#include <unordered_map>

extern "C" {
#include <wn.h>
}

namespace quotegraph::text {
namespace {

// libwordnet's globals (open files, search buffers) are shared by every Senses.
std::mutex& wordnet_mutex() {
  static std::mutex m;
  return m;
}

// wninit() once per process; 0 means the dictionary files opened.
bool wordnet_open() {
  static const bool ok = [] {
    std::lock_guard<std::mutex> lock(wordnet_mutex());
    return wninit() == 0;
  }();
  return ok;
}

constexpr int kPos[] = {NOUN, VERB, ADJ, ADV};

// Base forms of `word` for one part of speech: morphstr() yields each in turn
// ("lied" -> "lie"), or none when the word is already a base form.
void base_forms(const std::string& word, int pos, std::vector<std::string>& out) {
  std::vector<char> buf(word.begin(), word.end());
  buf.push_back('\0');
  for (char* m = morphstr(buf.data(), pos); m != nullptr; m = morphstr(nullptr, pos)) out.emplace_back(m);
}

void synsets_of(const std::string& lemma, int pos, std::vector<uint64_t>& out, bool& known) {
  std::vector<char> buf(lemma.begin(), lemma.end());
  buf.push_back('\0');
  IndexPtr ip = index_lookup(buf.data(), pos);
  if (ip == nullptr) return;
  known = true;
  for (int k = 0; k < ip->off_cnt && k < Senses::kFirstSenses; ++k)
    out.push_back(static_cast<uint64_t>(pos) << 32 | static_cast<uint64_t>(ip->offset[k]));
  free_index(ip);
}

// Sense-tag counts and irregular forms held in memory, read once from the
// dictionary's cntlist.rev and *.exc files. libwordnet answers GetTagcnt() and
// morphstr() by binary search on those files, a seek and a read per step: asked
// of every rare word in 840 articles' echo candidates, that was a million system
// calls and a third of the run.
struct Counts {
  std::unordered_map<std::string, int> tagged;  // lemma ("health_care") -> tags over all its senses
  std::unordered_map<std::string, std::vector<std::string>> exceptions;  // "went" -> {"go"}
};

// The next white-space separated field of `l`, which it consumes; empty at the end.
std::string_view next_field(std::string_view& l) {
  size_t b = l.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) {
    l = {};
    return {};
  }
  size_t e = l.find_first_of(" \t\r", b);
  std::string_view f = l.substr(b, e == std::string_view::npos ? l.size() - b : e - b);
  l = e == std::string_view::npos ? std::string_view{} : l.substr(e);
  return f;
}

Counts load_counts() {
  Counts c;
  std::string dir;
  {
    std::lock_guard<std::mutex> lock(wordnet_mutex());
    if (const char* d = SetSearchdir()) dir = d;
  }
  if (dir.empty()) return c;
  // cntlist.rev lines: "sense_key sense_number tag_count", the sense key's lemma before '%'.
  // Read whole and split by hand: the stream's >> per field took longer than
  // analysing a short article.
  std::string text;
  {
    std::ifstream cnt(dir + "/cntlist.rev", std::ios::binary);
    std::ostringstream ss;
    ss << cnt.rdbuf();
    text = std::move(ss).str();
  }
  c.tagged.reserve(1 << 16);
  std::string_view rest(text);
  while (!rest.empty()) {
    size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view{} : rest.substr(nl + 1);
    std::string_view key = next_field(line), number = next_field(line), tags_text = next_field(line);
    if (key.empty() || number.empty() || tags_text.empty()) break;  // as the stream stopped on a short line
    int tags = 0;
    auto [ptr, ec] = std::from_chars(tags_text.data(), tags_text.data() + tags_text.size(), tags);
    int num = 0;
    auto [ptr2, ec2] = std::from_chars(number.data(), number.data() + number.size(), num);
    if (ec != std::errc() || ec2 != std::errc()) break;
    size_t pct = key.find('%');
    if (pct != std::string_view::npos && tags > 0) c.tagged[std::string(key.substr(0, pct))] += tags;
  }
  // *.exc lines: "inflected_form base_form [base_form ...]".
  for (const char* pos : {"noun", "verb", "adj", "adv"}) {
    std::string exc_text;
    {
      std::ifstream exc(dir + "/" + pos + ".exc", std::ios::binary);
      std::ostringstream ss;
      ss << exc.rdbuf();
      exc_text = std::move(ss).str();
    }
    std::string_view lines(exc_text);
    while (!lines.empty()) {
      size_t nl = lines.find('\n');
      std::string_view line = lines.substr(0, nl);
      lines = nl == std::string_view::npos ? std::string_view{} : lines.substr(nl + 1);
      std::string_view form = next_field(line);
      if (form.empty()) continue;
      std::vector<std::string>* bases = nullptr;
      for (std::string_view base = next_field(line); !base.empty(); base = next_field(line)) {
        if (!bases) bases = &c.exceptions[std::string(form)];
        bases->emplace_back(base);
      }
    }
  }
  return c;
}

const Counts& counts() {
  static const Counts c = load_counts();
  return c;
}

}  // namespace

struct Senses::Cache {
  std::mutex mu;
  std::unordered_map<std::string, Sense> words;
};

Senses::Senses() : available_(wordnet_open()), cache_(std::make_unique<Cache>()) {}
Senses::~Senses() = default;

Sense Senses::lookup(const std::string& word) const {
  {
    std::lock_guard<std::mutex> lock(cache_->mu);
    if (auto it = cache_->words.find(word); it != cache_->words.end()) return it->second;
  }
  Sense s;
  if (available_ && !word.empty() && word.size() < 64) {
    std::lock_guard<std::mutex> lock(wordnet_mutex());
    for (int pos : kPos) {
      std::vector<std::string> bases;
      base_forms(word, pos, bases);
      if (bases.empty()) bases.push_back(word);
      for (const std::string& b : bases) {
        bool known = false;
        synsets_of(b, pos, s.synsets, known);
        if (known) {
          s.known = true;
          s.lemmas.push_back(b);
        }
      }
    }
  }
  if (s.lemmas.empty()) s.lemmas.push_back(word);
  std::sort(s.lemmas.begin(), s.lemmas.end());
  s.lemmas.erase(std::unique(s.lemmas.begin(), s.lemmas.end()), s.lemmas.end());
  std::sort(s.synsets.begin(), s.synsets.end());
  s.synsets.erase(std::unique(s.synsets.begin(), s.synsets.end()), s.synsets.end());
  std::lock_guard<std::mutex> lock(cache_->mu);
  return cache_->words.emplace(word, std::move(s)).first->second;
}

int Senses::frequency(const std::string& word) const {
  if (!available_ || word.empty()) return -1;
  const Counts& c = counts();
  if (c.tagged.empty()) return -1;
  int best = 0;
  auto take = [&](const std::string& lemma) {
    if (auto it = c.tagged.find(lemma); it != c.tagged.end()) best = std::max(best, it->second);
  };
  take(word);
  if (auto it = c.exceptions.find(word); it != c.exceptions.end())
    for (const std::string& b : it->second) take(b);
  // WordNet's detachment rules (morph.c), all parts of speech: "saboteurs" ->
  // "saboteur", "expanded" -> "expand", "happier" -> "happy"... A form the rule
  // makes that WordNet never tagged adds nothing, so trying every rule is safe.
  static const std::pair<const char*, const char*> kRules[] = {
      {"s", ""},    {"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"}, {"shes", "sh"}, {"men", "man"},
      {"ies", "y"}, {"es", "e"},  {"es", ""},   {"ed", "e"},  {"ed", ""},     {"ing", "e"},   {"ing", ""},
      {"er", ""},   {"est", ""},  {"er", "e"},  {"est", "e"}};
  for (auto [suffix, repl] : kRules) {
    std::string_view suf(suffix);
    if (word.size() > suf.size() + 1 && word.ends_with(suf))
      take(word.substr(0, word.size() - suf.size()) + repl);
  }
  return best;
}

bool Senses::is_collocation(const std::string& joined) const {
  return joined.find('_') != std::string::npos && lookup(joined).known;
}

}  // namespace quotegraph::text
