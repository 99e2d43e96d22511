// A hash table keyed by words, for the lookups every stage makes per token
// (cue lexicon, word classes, title and group nouns, per-document name sets).
// std::unordered_map pays a murmur hash, a modulo and a pointer chase per
// lookup; words are short, so a multiply-xorshift hash over eight bytes at a
// time and a linear probe over one flat array are several times cheaper.
// Keys live in one arena; lookups never allocate.
#pragma once

#include <cstdint>
#include <cstring>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace quotegraph::text {

template <typename V>
class WordTable {
 public:
  WordTable() { slots_.resize(16); }
  template <typename It>
  WordTable(It begin, It end) : WordTable() {
    for (; begin != end; ++begin) insert(*begin, V{});
  }

  const V* find(std::string_view k) const { return const_cast<WordTable*>(this)->find(k); }
  V* find(std::string_view k) {
    uint64_t h = hash(k);
    for (size_t i = h & mask();; i = (i + 1) & mask()) {
      Slot& s = slots_[i];
      if (s.hash == 0) return nullptr;
      if (s.hash == h && same(s, k)) return &s.value;
    }
  }
  bool contains(std::string_view k) const { return find(k) != nullptr; }

  // Inserts k with v unless present; returns the stored value and whether it was new.
  std::pair<V*, bool> insert(std::string_view k, V v) {
    if ((size_ + 1) * 2 > slots_.size()) grow();
    uint64_t h = hash(k);
    size_t i = h & mask();
    for (;; i = (i + 1) & mask()) {
      Slot& s = slots_[i];
      if (s.hash == 0) break;
      if (s.hash == h && same(s, k)) return {&s.value, false};
    }
    Slot& s = slots_[i];
    s.hash = h;
    s.off = static_cast<uint32_t>(arena_.size());
    s.len = static_cast<uint32_t>(k.size());
    s.value = std::move(v);
    arena_.append(k);
    ++size_;
    return {&s.value, true};
  }
  V& operator[](std::string_view k) { return *insert(k, V{}).first; }

  // Room for n keys of about `bytes` bytes in all without regrowing.
  void reserve(size_t n, size_t bytes = 0) {
    size_t want = slots_.size();
    while (want < 2 * n) want *= 2;
    if (want > slots_.size()) rehash(want);
    arena_.reserve(bytes);
  }
  // Empty, with room for n keys of about `bytes` bytes, in the storage it
  // already has when that is enough: a table kept from one document to the
  // next allocates only when a document needs more than any before it.
  void reset(size_t n, size_t bytes = 0) {
    size_t want = 16;
    while (want < 2 * n) want *= 2;
    slots_.assign(want, Slot{});
    arena_.clear();
    arena_.reserve(bytes);
    size_ = 0;
  }
  size_t size() const { return size_; }
  // Slots; a pointer from insert() or find() stays valid while this is unchanged.
  size_t capacity() const { return slots_.size(); }
  // The slot of a value find() or insert() returned, below capacity(): a dense
  // number for each key, for tables indexed by key without hashing it again.
  size_t index_of(const V* v) const {
    return static_cast<size_t>(reinterpret_cast<const char*>(v) - reinterpret_cast<const char*>(&slots_[0].value)) /
           sizeof(Slot);
  }
  bool empty() const { return size_ == 0; }
  void clear() {
    slots_.clear();  // not assign(16, Slot{}): values may be move-only
    slots_.resize(16);
    arena_.clear();
    size_ = 0;
  }

  // Visits every (key, value) pair, in no particular order.
  template <typename F>
  void for_each(F f) const {
    for (const Slot& s : slots_)
      if (s.hash) f(std::string_view(arena_.data() + s.off, s.len), s.value);
  }

 private:
  struct Slot {
    uint64_t hash = 0;  // 0 marks an empty slot; hash() never returns 0
    uint32_t off = 0, len = 0;
    V value{};
  };

  // Eight bytes per multiply: every token's lookup hashes it, and byte-wise
  // FNV-1a would chain one multiply per character on the pipeline's hottest line.
  static uint64_t hash(std::string_view k) {
    const char* p = k.data();
    size_t n = k.size();
    uint64_t h = 0x9E3779B97F4A7C15ull ^ n;
    for (; n >= 8; p += 8, n -= 8) {
      uint64_t w;
      std::memcpy(&w, p, 8);
      h = (h ^ w) * 0xBF58476D1CE4E5B9ull;
      h ^= h >> 31;
    }
    // The last 1-7 bytes without a byte loop: two overlapping 4-byte loads, or
    // first, middle and last byte; either covers every byte (n is mixed in above).
    uint64_t w = 0;
    if (n >= 4) {
      uint32_t lo, hi;
      std::memcpy(&lo, p, 4);
      std::memcpy(&hi, p + n - 4, 4);
      w = lo | uint64_t{hi} << 32;
    } else if (n > 0) {
      auto byte = [&](size_t i) { return uint64_t{static_cast<unsigned char>(p[i])}; };
      w = byte(0) | byte(n / 2) << 8 | byte(n - 1) << 16;
    }
    h = (h ^ w) * 0x94D049BB133111EBull;
    h ^= h >> 32;  // the low bits pick the slot: mix the high ones in
    return h | 1;
  }
  // The 64-bit hashes already agree, so this nearly always says yes: words of
  // 4-16 bytes compare as two overlapping loads each, not through a memcmp call.
  bool same(const Slot& s, std::string_view k) const {
    if (s.len != k.size()) return false;
    const char* a = arena_.data() + s.off;
    const char* b = k.data();
    const size_t n = k.size();
    if (n >= 8 && n <= 16) return same_ends<uint64_t>(a, b, n);
    if (n >= 4 && n < 8) return same_ends<uint32_t>(a, b, n);
    return std::memcmp(a, b, n) == 0;
  }
  // First and last sizeof(T) bytes equal (n >= sizeof(T), so together all n).
  template <typename T>
  static bool same_ends(const char* a, const char* b, size_t n) {
    T a0, b0, a1, b1;
    std::memcpy(&a0, a, sizeof(T));
    std::memcpy(&b0, b, sizeof(T));
    std::memcpy(&a1, a + n - sizeof(T), sizeof(T));
    std::memcpy(&b1, b + n - sizeof(T), sizeof(T));
    return a0 == b0 && a1 == b1;
  }
  size_t mask() const { return slots_.size() - 1; }
  void grow() { rehash(slots_.size() * 2); }
  void rehash(size_t n) {
    std::vector<Slot> old(n);
    old.swap(slots_);
    for (Slot& s : old) {
      if (!s.hash) continue;
      size_t i = s.hash & mask();
      while (slots_[i].hash) i = (i + 1) & mask();
      slots_[i] = std::move(s);
    }
  }

  std::vector<Slot> slots_;
  std::string arena_;
  size_t size_ = 0;
};

// Which (length, first byte, second byte) shapes occur among a few words: a
// check cheaper than a hash that most words fail, for a scan that can read two
// bytes of every word cheaply. The second byte is what makes it selective: a
// few dozen words leave most (length, first letter) pairs of common English
// words set. The shapes are hashed into 2,048 bits: 256 bytes, cheap to clear
// for a table built per document, and a few dozen words still leave over 95 %
// of the bits clear.
struct PairShapeFilter {
  uint64_t bits[32] = {};
  // A word of one letter counts '\0' as its second byte.
  void add(std::string_view w) {
    if (w.empty()) return;
    const unsigned b = bit(w[0], w.size() > 1 ? w[1] : '\0', w.size());
    bits[b >> 6] |= 1ull << (b & 63);
  }
  bool maybe(std::string_view w) const { return !w.empty() && maybe(w[0], w.size() > 1 ? w[1] : '\0', w.size()); }
  bool maybe(char first, char second, size_t size) const {
    const unsigned b = bit(first, second, size);
    return bits[b >> 6] >> (b & 63) & 1;
  }

 private:
  static unsigned bit(char first, char second, size_t size) {
    const uint32_t x = (uint32_t{static_cast<unsigned char>(first)} << 8 | static_cast<unsigned char>(second)) |
                       static_cast<uint32_t>(size & 255) << 16;
    return (x * 0x9E3779B1u) >> 21;  // the top 11 bits of a multiplicative hash
  }
};

// A set of words: WordTable with no value.
struct WordSet : WordTable<bool> {
  using WordTable<bool>::WordTable;
  void insert(std::string_view k) { WordTable<bool>::insert(k, true); }
};

// Membership in a constant word list, through a table built on first use.
// The list itself is the template argument, so every list has its own table
// (keyed by its length instead, two lists of one length would share one).
template <const auto& List>
bool in_list(std::string_view w) {
  static const WordSet set(std::begin(List), std::end(List));
  return set.contains(w);
}

}  // namespace quotegraph::text
