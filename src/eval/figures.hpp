// How the evaluation states its figures: one share, and three decimals (the
// reference scorer's format), for every report and summary line.
#pragma once

#include <cstddef>
#include <cstdio>
#include <string>

namespace quotegraph::eval {

inline double ratio(size_t a, size_t b) { return b ? static_cast<double>(a) / static_cast<double>(b) : 0.0; }

inline std::string fmt3(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", v);
  return buf;
}

}  // namespace quotegraph::eval
