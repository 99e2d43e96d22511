// WordNet lookups for diff alignment (senses.hpp), through libwordnet.
#include "text/senses.hpp"

#include <algorithm>
#include <charconv>
#include <fstream>
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

// libwordnet finds a lemma by binary search on index.noun (4.8 MB), .verb,
// .adj and .adv, and morphstr() reads the lemma's synsets from data.noun (15 MB)
// and the rest to see what it can be searched for, all through stdio: a seek
// and a read per step, about 0.3 ms per collocation asked of the four parts of
// speech. The files are mapped into memory once and libwordnet's streams (the
// globals indexfps and datafps) replaced by memory streams over them: the same
// bytes read the same way, with no system call per step.
FILE* memory_stream(FILE* file) {
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
  return mem;  // the mapping lives as long as the process
}

void map_dictionary_files() {
  for (FILE** fps : {indexfps, datafps})
    for (int pos = 1; pos <= NUMPARTS; ++pos)
      if (FILE* mem = memory_stream(fps[pos])) {
        fclose(fps[pos]);
        fps[pos] = mem;
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

// Sense-tag counts and irregular forms held in memory: the dictionary's
// cntlist.rev and *.exc files, read whole once and searched in place. Both are
// sorted by bytes (the lines of one lemma or form are adjacent), so a lookup is
// a binary search over the lines. libwordnet answers GetTagcnt() and morphstr()
// by binary search on the files on disk, a seek and a read per step (a million
// system calls over 840 articles); parsing the 37,000 lines into a hash table
// instead cost more than echo on a short article, in every process.
// One dictionary file read whole, and where each of its lines starts.
struct SortedLines {
  std::string text;
  std::vector<uint32_t> starts;
  std::string_view line(size_t i) const {
    const size_t e = i + 1 < starts.size() ? starts[i + 1] - 1 : text.size();
    return std::string_view(text).substr(starts[i], e - starts[i]);
  }
};

struct Counts {
  SortedLines tagged;                  // cntlist.rev: "sense_key sense_number tag_count"
  std::vector<SortedLines> exceptions;  // noun, verb, adj, adv .exc: "inflected_form base_form ..."
};

// One read into a buffer of the file's size: a string stream grows and copies
// the megabyte of cntlist.rev several times, which cost more than every lookup
// of a run.
std::string read_whole(const std::string& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return {};
  const std::streamoff size = in.tellg();
  if (size <= 0) return {};
  std::string out(static_cast<size_t>(size), '\0');
  in.seekg(0);
  in.read(out.data(), size);
  out.resize(static_cast<size_t>(in.gcount()));
  return out;
}

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

SortedLines read_lines(const std::string& path) {
  SortedLines f;
  f.text = read_whole(path);
  if (!f.text.empty() && f.text.back() == '\n') f.text.pop_back();
  if (f.text.empty()) return f;
  f.starts.push_back(0);
  for (size_t at = f.text.find('\n'); at != std::string::npos; at = f.text.find('\n', at + 1))
    f.starts.push_back(static_cast<uint32_t>(at + 1));
  return f;
}

// Calls f(line) for every line of the byte-sorted `lines` that starts with
// `prefix`: a binary search for the first, then the adjacent ones.
template <class F>
void each_line_with_prefix(const SortedLines& lines, std::string_view prefix, F&& f) {
  size_t lo = 0, hi = lines.starts.size();
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    if (lines.line(mid) < prefix) lo = mid + 1;
    else hi = mid;
  }
  for (; lo < lines.starts.size() && lines.line(lo).starts_with(prefix); ++lo) f(lines.line(lo));
}

Counts load_counts() {
  Counts c;
  std::string dir;
  {
    std::lock_guard<std::mutex> lock(wordnet_mutex());
    if (const char* d = SetSearchdir()) dir = d;
  }
  if (dir.empty()) return c;
  c.tagged = read_lines(dir + "/cntlist.rev");
  for (const char* pos : {"noun", "verb", "adj", "adv"}) c.exceptions.push_back(read_lines(dir + "/" + pos + ".exc"));
  return c;
}

const Counts& counts() {
  static const Counts c = load_counts();
  return c;
}

// Tags over all senses of `lemma` ("health_care"): the lines "lemma%…".
int tag_count(const Counts& c, const std::string& lemma) {
  int sum = 0;
  each_line_with_prefix(c.tagged, lemma + '%', [&](std::string_view line) {
    next_field(line);
    std::string_view number = next_field(line), tags_text = next_field(line);
    int tags = 0, num = 0;
    auto [p1, e1] = std::from_chars(tags_text.data(), tags_text.data() + tags_text.size(), tags);
    auto [p2, e2] = std::from_chars(number.data(), number.data() + number.size(), num);
    if (e1 == std::errc() && e2 == std::errc() && tags > 0) sum += tags;
  });
  return sum;
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
  if (c.tagged.starts.empty()) return -1;
  {
    std::lock_guard<std::mutex> lock(cache_->mu);
    if (auto it = cache_->frequencies.find(word); it != cache_->frequencies.end()) return it->second;
  }
  int best = 0;
  auto take = [&](const std::string& lemma) { best = std::max(best, tag_count(c, lemma)); };
  take(word);
  for (const SortedLines& exc : c.exceptions)
    each_line_with_prefix(exc, word + ' ', [&](std::string_view line) {
      next_field(line);
      for (std::string_view base = next_field(line); !base.empty(); base = next_field(line)) take(std::string(base));
    });
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
  std::lock_guard<std::mutex> lock(cache_->mu);
  cache_->frequencies.emplace(word, best);
  return best;
}

bool Senses::is_collocation(const std::string& joined) const {
  return joined.find('_') != std::string::npos && lookup(joined).known;
}

}  // namespace quotegraph::text
