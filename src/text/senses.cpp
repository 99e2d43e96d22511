// WordNet lookups for diff alignment (senses.hpp), through libwordnet.
#include "text/senses.hpp"

#include <algorithm>
#include <charconv>
#include <string_view>
#include <mutex>
#include <unordered_map>

#include <sys/mman.h>
#include <sys/stat.h>
#include <cstdio>

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

// The index files as mapped below, by part of speech, for the collocation
// prefilter (may_be_collocation); empty when a file could not be mapped.
std::string_view mapped_index[NUMPARTS + 1];

// libwordnet finds a lemma by binary search on index.noun (4.8 MB), .verb,
// .adj and .adv, and morphstr() reads the lemma's synsets from data.noun (15 MB)
// and the rest to see what it can be searched for, all through stdio: a seek
// and a read per step, about 0.3 ms per collocation asked of the four parts of
// speech. The files are mapped into memory once and libwordnet's streams (the
// globals indexfps and datafps) replaced by memory streams over them: the same
// bytes read the same way, with no system call per step. `mapped` is set to
// the mapping.
FILE* memory_stream(FILE* file, std::string_view* mapped) {
  const int fd = file ? fileno(file) : -1;
  struct stat st {};
  if (fd < 0 || fstat(fd, &st) != 0 || st.st_size <= 0) return nullptr;
  void* data = mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
  if (data == MAP_FAILED) return nullptr;
  FILE* mem = fmemopen(data, static_cast<size_t>(st.st_size), "r");
  if (mem == nullptr) {
    munmap(data, static_cast<size_t>(st.st_size));
    return nullptr;
  }
  // A short buffer: each step seeks and reads one line, and a memory stream
  // copies a whole buffer from the mapping after every seek.
  setvbuf(mem, nullptr, _IOFBF, 512);
  *mapped = std::string_view(static_cast<const char*>(data), static_cast<size_t>(st.st_size));
  return mem;  // the mapping lives as long as the process
}

void map_dictionary_files() {
  std::string_view unused;
  for (int pos = 1; pos <= NUMPARTS; ++pos) {
    if (FILE* mem = memory_stream(indexfps[pos], &mapped_index[pos])) {
      fclose(indexfps[pos]);
      indexfps[pos] = mem;
    }
    if (FILE* mem = memory_stream(datafps[pos], &unused)) {
      fclose(datafps[pos]);
      datafps[pos] = mem;
    }
  }
}

// wninit() once per process; 0 means the dictionary files opened.
bool wordnet_open() {
  static const bool ok = [] {
    std::lock_guard<std::mutex> lock(wordnet_mutex());
    if (wninit() != 0) return false;
    map_dictionary_files();
    return true;
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

// Sense-tag counts and irregular forms: the dictionary's cntlist.rev and *.exc
// files, mapped into memory once and searched in place. Both are sorted by
// bytes (the lines of one lemma or form are adjacent), so a lookup is a binary
// search over byte offsets that finds each probe's line by its newlines: no
// copy of the files and no table of line starts is made. libwordnet answers
// GetTagcnt() and morphstr() by binary search on the files on disk, a seek and
// a read per step (a million system calls over 840 articles); parsing the
// 37,000 lines into a hash table cost more than echo on a short article, and
// reading them whole with an index of their lines cost 0.8 ms of every process
// that asks one word (a megabyte copied, its pages faulted in, 41,000 line
// starts), more than all the lookups of the 84 dev articles.
class MappedLines {
 public:
  MappedLines() = default;
  explicit MappedLines(std::string_view text) : text_(text) {}
  explicit MappedLines(const std::string& path) {
    FILE* f = std::fopen(path.c_str(), "rb");
    if (f == nullptr) return;
    struct stat st {};
    if (fstat(fileno(f), &st) == 0 && st.st_size > 0) {
      void* data = mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fileno(f), 0);
      if (data != MAP_FAILED) text_ = std::string_view(static_cast<const char*>(data), static_cast<size_t>(st.st_size));
    }
    std::fclose(f);  // the mapping outlives the descriptor, and lives as long as the process
  }
  bool empty() const { return text_.empty(); }

  // Calls f(line) for every line, without its newline.
  template <class F>
  void each_line(F&& f) const {
    for (size_t b = 0; b < text_.size();) {
      const size_t e = line_end(b);
      f(text_.substr(b, e - b));
      b = e + 1;
    }
  }

  // Calls f(line) for every line (without its newline) that starts with
  // `prefix`: a binary search for the first, then the adjacent ones.
  template <class F>
  void each_with_prefix(std::string_view prefix, F&& f) const {
    // Invariant: every line starting before lo is < prefix, every one starting
    // at or after hi is not; lo and hi are line starts (or the end).
    size_t lo = 0, hi = text_.size();
    while (lo < hi) {
      const size_t mid = lo + (hi - lo) / 2;
      const size_t b = line_start(mid, lo);
      const size_t e = line_end(b);
      if (text_.substr(b, e - b) < prefix) lo = std::min(text_.size(), e + 1);
      else hi = b;
    }
    for (size_t b = lo; b < text_.size();) {
      const size_t e = line_end(b);
      const std::string_view line = text_.substr(b, e - b);
      if (!line.starts_with(prefix)) break;
      f(line);
      b = e + 1;
    }
  }

 private:
  // The start of the line holding byte p, not before `floor` (a line start).
  size_t line_start(size_t p, size_t floor) const {
    while (p > floor && text_[p - 1] != '\n') --p;
    return p;
  }
  size_t line_end(size_t b) const {
    const size_t e = text_.find('\n', b);
    return e == std::string_view::npos ? text_.size() : e;
  }
  std::string_view text_;
};

struct Counts {
  MappedLines tagged;                  // cntlist.rev: "sense_key sense_number tag_count"
  std::vector<MappedLines> exceptions;  // noun, verb, adj, adv .exc: "inflected_form base_form ..."
  // The inflected forms (the first field of every .exc line) as bits of a
  // one-hash filter: most words asked are no irregular form, and the filter
  // answers them without four binary searches, which cost more cache misses
  // than the rest of a lookup (the 6,000 lines are read once, 0.1 MB).
  static constexpr size_t kExceptionBits = size_t{1} << 17;
  std::vector<uint64_t> exception_bits;
  static size_t bit_of(std::string_view form) {
    uint64_t h = 1469598103934665603ULL;
    for (char ch : form) h = (h ^ static_cast<unsigned char>(ch)) * 1099511628211ULL;
    return static_cast<size_t>((h ^ (h >> 29)) & (kExceptionBits - 1));
  }
  // False only for a form that no .exc line lists first.
  bool may_be_exception(std::string_view form) const {
    if (exception_bits.empty()) return true;
    const size_t b = bit_of(form);
    return (exception_bits[b >> 6] >> (b & 63)) & 1;
  }
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
  c.tagged = MappedLines(dir + "/cntlist.rev");
  for (const char* pos : {"noun", "verb", "adj", "adv"}) c.exceptions.emplace_back(dir + "/" + pos + ".exc");
  c.exception_bits.assign(Counts::kExceptionBits / 64, 0);
  for (const MappedLines& exc : c.exceptions)
    exc.each_line([&](std::string_view line) {
      const size_t b = Counts::bit_of(line.substr(0, std::min(line.size(), line.find(' '))));
      c.exception_bits[b >> 6] |= uint64_t{1} << (b & 63);
    });
  return c;
}

const Counts& counts() {
  static const Counts c = load_counts();
  return c;
}

// Tags over all senses of `lemma` ("health_care"): the lines "lemma%…".
int tag_count(const Counts& c, std::string_view lemma) {
  char key[72];
  if (lemma.size() + 1 > sizeof key) return 0;  // no lemma of WordNet is this long
  lemma.copy(key, lemma.size());
  key[lemma.size()] = '%';
  int sum = 0;
  c.tagged.each_with_prefix(std::string_view(key, lemma.size() + 1), [&](std::string_view line) {
    next_field(line);
    std::string_view number = next_field(line), tags_text = next_field(line);
    int tags = 0, num = 0;
    auto [p1, e1] = std::from_chars(tags_text.data(), tags_text.data() + tags_text.size(), tags);
    auto [p2, e2] = std::from_chars(number.data(), number.data() + number.size(), num);
    if (e1 == std::errc() && e2 == std::errc() && tags > 0) sum += tags;
  });
  return sum;
}

// libwordnet's suffix rules (morph.c), every part of speech: a base form is
// the word with the suffix replaced ("ches" -> "ch", "ies" -> "y", "ed" -> "").
constexpr std::pair<const char*, const char*> kMorphRules[] = {
    {"s", ""},   {"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"}, {"shes", "sh"}, {"men", "man"},
    {"ies", "y"}, {"es", "e"}, {"es", ""},   {"ed", "e"},  {"ed", ""},     {"ing", "e"},   {"ing", ""},
    {"er", ""},  {"est", ""},  {"er", "e"},  {"est", "e"}};

// Whether WordNet can list collocation `s` (lower case, words joined by '_'
// or '-') at all, by a test that never says no to one it lists. Each lemma
// that libwordnet's morphstr() makes of a collocation, and that lookup()
// then finds in an index file, is the collocation with each word kept or
// replaced by a base form of it (an irregular form from the .exc files, a
// suffix rule, "-ful" kept), separators unchanged; only a collocation listed
// whole in an .exc file becomes something else. So when no such combination
// is a lemma of an index file and no .exc file lists `s`, the answer is no.
// Most phrases asked ("deportation force") are no collocation, and
// morphstr() looks them up in the .exc files through libwordnet's private
// stdio streams, two system calls per binary-search step: about 0.2 ms a
// phrase. Says yes (ask libwordnet) when it cannot tell.
bool may_be_collocation(const Counts& c, std::string_view s) {
  std::string key;
  auto listed = [&](const MappedLines& lines, std::string_view k) {
    key.assign(k);
    key += ' ';
    bool found = false;
    lines.each_with_prefix(key, [&](std::string_view) { found = true; });
    return found;
  };
  for (const MappedLines& exc : c.exceptions)
    if (listed(exc, s)) return true;
  // The words, their separators, and the forms each may take.
  std::vector<std::vector<std::string>> forms;
  std::vector<char> seps;
  size_t combinations = 1;
  for (size_t b = 0; b <= s.size();) {
    const size_t e = std::min(s.size(), s.find_first_of("_-", b));
    const std::string_view w = s.substr(b, e - b);
    std::vector<std::string> f{std::string(w)};
    key.assign(w);
    key += ' ';
    for (const MappedLines& exc : c.exceptions)
      exc.each_with_prefix(key, [&](std::string_view line) {
        next_field(line);
        for (std::string_view base = next_field(line); !base.empty(); base = next_field(line)) f.emplace_back(base);
      });
    auto bases = [&](std::string_view stem, std::string_view end) {
      for (auto [suffix, repl] : kMorphRules) {
        const std::string_view suf(suffix);
        if (stem.size() > suf.size() && stem.ends_with(suf))
          f.push_back(std::string(stem.substr(0, stem.size() - suf.size())) + repl + std::string(end));
      }
    };
    bases(w, "");
    if (w.size() > 3 && w.ends_with("ful")) bases(w.substr(0, w.size() - 3), "ful");  // "spoonsful" -> "spoonful"
    std::sort(f.begin(), f.end());
    f.erase(std::unique(f.begin(), f.end()), f.end());
    for (const std::string& x : f)
      if (x.find_first_of("_- ") != std::string::npos) return true;  // a form of several words: cannot tell
    combinations *= f.size();
    if (combinations > 512) return true;
    forms.push_back(std::move(f));
    if (e == s.size()) break;
    seps.push_back(s[e]);
    b = e + 1;
  }
  std::string lemma;
  for (size_t n = 0; n < combinations; ++n) {
    lemma.clear();
    size_t r = n;  // combination n, one digit per word in mixed radix
    for (size_t i = 0; i < forms.size(); ++i) {
      if (i > 0) lemma += seps[i - 1];
      lemma += forms[i][r % forms[i].size()];
      r /= forms[i].size();
    }
    for (int pos = 1; pos <= NUMPARTS; ++pos)
      if (listed(MappedLines(mapped_index[pos]), lemma)) return true;
  }
  return false;
}

}  // namespace

struct Senses::Cache {
  std::mutex mu;
  std::unordered_map<std::string, Sense> words;
  std::unordered_map<std::string, int> frequencies;  // a phrase's words are asked again in every pair
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
  {
    std::lock_guard<std::mutex> lock(cache_->mu);
    if (auto it = cache_->frequencies.find(word); it != cache_->frequencies.end()) return it->second;
  }
  int best = 0;
  auto take = [&](std::string_view lemma) { best = std::max(best, tag_count(c, lemma)); };
  take(word);
  const std::string form = word + ' ';
  if (c.may_be_exception(word))
    for (const MappedLines& exc : c.exceptions)
      exc.each_with_prefix(form, [&](std::string_view line) {
        next_field(line);
        for (std::string_view base = next_field(line); !base.empty(); base = next_field(line)) take(base);
      });
  // WordNet's detachment rules (morph.c), all parts of speech: "saboteurs" ->
  // "saboteur", "expanded" -> "expand", "happier" -> "happy"... A form the rule
  // makes that WordNet never tagged adds nothing, so trying every rule is safe.
  std::string base;
  for (auto [suffix, repl] : kMorphRules) {
    std::string_view suf(suffix);
    if (word.size() > suf.size() + 1 && word.ends_with(suf)) {
      base.assign(word, 0, word.size() - suf.size());
      base += repl;
      take(base);
    }
  }
  std::lock_guard<std::mutex> lock(cache_->mu);
  cache_->frequencies.emplace(word, best);
  return best;
}

bool Senses::is_collocation(const std::string& joined) const {
  if (joined.find('_') == std::string::npos || !available_) return false;
  const Counts& c = counts();
  bool mapped = true;
  for (int pos = 1; pos <= NUMPARTS; ++pos) mapped = mapped && !mapped_index[pos].empty();
  if (mapped && c.exceptions.size() == 4 && !may_be_collocation(c, joined)) return false;
  return lookup(joined).known;
}

}  // namespace quotegraph::text
