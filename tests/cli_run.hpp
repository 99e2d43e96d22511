// Runs the built quotegraph binary the way a user does, through the shell, for
// the CLI tests. QG_CLI_PATH comes from tests/CMakeLists.txt.
#pragma once

#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <string>
#include <utility>

namespace qg_test {

// (exit code, standard output and error merged as a terminal shows them);
// -1 when the process did not exit normally.
inline std::pair<int, std::string> run_cli(const std::string& args) {
  std::string cmd = std::string(QG_CLI_PATH) + " " + args + " 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p);
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  int status = pclose(p);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

// The same, with the output stored in *out when given; returns the exit code.
inline int run_cli(const std::string& args, std::string* out) {
  auto r = run_cli(args);
  if (out) *out = std::move(r.second);
  return r.first;
}

}  // namespace qg_test
