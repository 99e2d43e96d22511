// The entity resolver's mechanics, apart from its algorithm (resolve.cpp):
// the span and timeline tables it looks mentions up in, and the per-thread
// working tables it reuses from one document to the next. Included by
// resolve.cpp only.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory_resource>
#include <string>
#include <utility>
#include <vector>

#include "entity/mention.hpp"
#include "quotegraph/document.hpp"
#include "text/word_table.hpp"

namespace quotegraph::entity::detail {

// Span -> entity, open addressing over the span's two offsets: looked up for
// every attribution mention and every name inside a content.
class SpanMap {
 public:
  SpanMap() : slots_(16) {}
  // Empty, with room for n spans, in the storage it has when that is enough.
  void reset(size_t n) {
    size_t want = 16;
    while (want < 2 * n) want *= 2;
    slots_.assign(want, Slot{});
    used_ = 0;
  }
  const int* find(Span s) const {
    const uint64_t k = key(s);
    for (size_t i = slot(k);; i = (i + 1) & (slots_.size() - 1)) {
      if (slots_[i].key == 0) return nullptr;
      if (slots_[i].key == k) return &slots_[i].value;
    }
  }
  void set(Span s, int value) {
    if ((used_ + 1) * 2 > slots_.size()) grow();
    const uint64_t k = key(s);
    size_t i = slot(k);
    while (slots_[i].key != 0 && slots_[i].key != k) i = (i + 1) & (slots_.size() - 1);
    if (slots_[i].key == 0) ++used_;
    slots_[i] = {k, value};
  }

 private:
  struct Slot {
    uint64_t key = 0;  // 0: empty (a key is never 0, see key())
    int value = 0;
  };
  static uint64_t key(Span s) { return (uint64_t{s.start} << 32 | s.end) + 1; }
  size_t slot(uint64_t k) const { return ((k * 0x9E3779B97F4A7C15ull) >> 32) & (slots_.size() - 1); }
  void grow() { rehash(slots_.size() * 2); }
  void rehash(size_t n) {
    std::vector<Slot> old(n);
    old.swap(slots_);
    for (const Slot& o : old) {
      if (o.key == 0) continue;
      size_t i = slot(o.key);
      while (slots_[i].key != 0) i = (i + 1) & (slots_.size() - 1);
      slots_[i] = o;
    }
  }
  std::vector<Slot> slots_;
  size_t used_ = 0;
};

// Mention start -> entity, for salience. A document's names arrive first and in
// bulk: they go to a vector sorted once (seal()), not one tree node each; the
// mentions added while attributions are resolved go to a tree (they arrive out
// of text order, and inserting into a vector would be quadratic). Walking back
// merges the two, later additions first among equal positions: the order one
// multimap filled in the same sequence would give.
class Timeline {
 public:
  // Empty, with room for n names, in the storage it has when that is enough.
  void reset(size_t n) {
    base_.clear();
    base_id_.clear();
    extra_.clear();
    nodes_.release();
    sealed_ = false;
    base_.reserve(n);
    base_id_.reserve(n);
  }
  void add(uint32_t pos, int id) {
    if (sealed_) {
      extra_.emplace(pos, id);
      return;
    }
    // The position above the order of arrival: sorting the keys orders by
    // position, equal positions in arrival order, as a stable sort would,
    // without its buffer.
    base_.push_back(uint64_t{pos} << 32 | base_id_.size());
    base_id_.push_back(id);
  }
  void seal() {
    std::sort(base_.begin(), base_.end());
    sealed_ = true;
  }
  // Calls f(entity, mention start) for up to n mentions before pos, the latest first, until f returns true.
  template <typename F>
  void back_from(uint32_t pos, int n, F f) const {
    auto b = std::lower_bound(base_.begin(), base_.end(), uint64_t{pos} << 32);
    auto x = extra_.lower_bound(pos);
    for (int k = 0; k < n; ++k) {
      const bool more_b = b != base_.begin(), more_x = x != extra_.begin();
      if (!more_b && !more_x) return;
      const bool take_x = !more_b || (more_x && std::prev(x)->first >= (*std::prev(b) >> 32));
      uint32_t at = 0;
      int id = 0;
      if (take_x) {
        --x;
        at = x->first, id = x->second;
      } else {
        --b;
        at = static_cast<uint32_t>(*b >> 32), id = base_id_[*b & 0xFFFFFFFFu];
      }
      if (f(id, at)) return;
    }
  }

 private:
  std::vector<uint64_t> base_;  // position << 32 | index into base_id_
  std::vector<int> base_id_;
  // The tree's nodes come from a buffer of its own (an article adds a few
  // dozen), not one allocation and free each.
  std::array<std::byte, 4096> node_buf_;
  std::pmr::monotonic_buffer_resource nodes_{node_buf_.data(), node_buf_.size()};
  std::pmr::multimap<uint32_t, int> extra_{&nodes_};
  bool sealed_ = false;
};

// Generations of the resolvers run on this thread (Resolver::generation_).
inline thread_local uint64_t last_generation = 0;

struct Conv {
  int speaker, partner;
  Span partner_mention;
  uint32_t sentence;
};

// Per entity, the first word of its canonical name, which find_proper
// compares on every surname match (kept as e.name changes).
struct NameShape {
  std::string first_low;
  size_t first_len = 0, words = 0;
};

// The resolver's working tables. Each thread keeps one set from one document
// to the next, emptied and not freed in between: a document's resolution
// allocates only for what it returns (issue 5: making and freeing two dozen
// tables per document costs about a tenth of the stage's time on short articles).
// They keep the size of the largest document (at most one window) the thread
// has resolved.
struct Work {
  std::vector<int> gender;
  std::vector<bool> proper;  // per entity: introduced by a proper name
  std::vector<int> same_key_before;
  text::WordTable<int> by_role;  // folded role text -> entity
  std::vector<std::pair<int, std::string>> folded_roles;  // every role, folded, with its entity
  SpanMap span_entity;  // mention span -> entity
  std::vector<NameShape> name_shape;
  Timeline timeline;
  std::vector<Conv> conversations;
  std::vector<EntityRef> found;  // add_targets' targets of one statement
  std::vector<std::pair<size_t, const Parsed*>> singles;  // index_names' one-word names
  std::vector<EntityRef*> refs;   // resolve_attributions' mentions
  std::vector<uint64_t> order;    // and their order
  SpanMap seen;                   // and the ones resolved
  std::vector<int> candidates;    // resolve_pronoun's entities passed
};

inline Work& thread_work() {
  thread_local Work w;
  return w;
}

}  // namespace quotegraph::entity::detail
