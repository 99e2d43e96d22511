// WordNet lookups for diff alignment (senses.hpp), through libwordnet.
#include "text/senses.hpp"

#include <algorithm>
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

}  // namespace

struct Senses::Cache {
  std::mutex mu;
  std::unordered_map<std::string, Sense> words;
  std::unordered_map<std::string, int> counts;
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
  {
    std::lock_guard<std::mutex> lock(cache_->mu);
    if (auto it = cache_->counts.find(word); it != cache_->counts.end()) return it->second;
  }
  int total = -1;
  if (available_ && !word.empty() && word.size() < 64) {
    std::lock_guard<std::mutex> lock(wordnet_mutex());
    for (int pos : kPos) {
      std::vector<std::string> bases;
      base_forms(word, pos, bases);
      if (bases.empty()) bases.push_back(word);
      for (const std::string& b : bases) {
        std::vector<char> buf(b.begin(), b.end());
        buf.push_back('\0');
        IndexPtr ip = index_lookup(buf.data(), pos);
        if (ip == nullptr) continue;
        total = std::max(total, 0);
        for (int k = 1; k <= ip->off_cnt; ++k) total += GetTagcnt(ip, k);
        free_index(ip);
      }
    }
  }
  std::lock_guard<std::mutex> lock(cache_->mu);
  return cache_->counts.emplace(word, total).first->second;
}

bool Senses::is_collocation(const std::string& joined) const {
  return joined.find('_') != std::string::npos && lookup(joined).known;
}

}  // namespace quotegraph::text
