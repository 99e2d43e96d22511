// A cursor's step through a vector sorted by text position, shared by the
// entity stage's passes that move through tokens, names or capitalised words
// in text order.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace quotegraph::entity {

// The first index at or after `from` whose element is not before `pos`
// (`before(element, pos)`), in a vector sorted by position: searched from
// `from` in steps that double and then by halves, since callers move through
// the vector in text order (a binary search over the whole vector each time
// would jump about a window's whole token array), backwards when the position
// lies before `from`.
template <typename T, typename Before>
size_t advance_to(const std::vector<T>& v, size_t from, uint32_t pos, Before before) {
  if (from > 0 && !before(v[from - 1], pos)) {
    // Back (a content nested in the last one): in doubling steps too.
    size_t hi = from - 1, step = 1;  // v[hi] is not before pos
    while (hi >= step && !before(v[hi - step], pos)) {
      hi -= step;
      step *= 2;
    }
    const size_t lo = hi >= step ? hi - step : 0;
    return static_cast<size_t>(std::lower_bound(v.begin() + lo, v.begin() + hi, pos, before) - v.begin());
  }
  if (from >= v.size() || !before(v[from], pos)) return from;
  size_t lo = from, step = 1;
  while (lo + step < v.size() && before(v[lo + step], pos)) {
    lo += step;
    step *= 2;
  }
  const size_t hi = std::min(lo + step, v.size());
  return static_cast<size_t>(std::lower_bound(v.begin() + lo + 1, v.begin() + hi, pos, before) - v.begin());
}

}  // namespace quotegraph::entity
