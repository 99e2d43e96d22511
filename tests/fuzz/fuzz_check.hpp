// A failed property in a fuzz target: print what broke and abort, so libFuzzer
// saves the input as a crash artifact.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>

#define QG_FUZZ_CHECK(cond, ...)                                                  \
  do {                                                                            \
    if (!(cond)) {                                                                \
      std::fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
      std::fprintf(stderr, "  %s\n", std::string(__VA_ARGS__).c_str());           \
      std::abort();                                                               \
    }                                                                             \
  } while (0)
