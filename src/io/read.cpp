// Reading whole inputs; errors name the path.
#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "quotegraph/io.hpp"

namespace quotegraph {

Result<std::string> read_file(const std::string& path, uint64_t max_bytes) {
  std::FILE* f = stdin;
  if (path != "-") {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
      return Status(ErrorCode::kInputError, path + ": cannot open: " + std::strerror(errno));
    if (S_ISDIR(st.st_mode)) return Status(ErrorCode::kInputError, path + ": is a directory, not a file");
    f = std::fopen(path.c_str(), "rb");
    if (!f) return Status(ErrorCode::kInputError, path + ": cannot open: " + std::strerror(errno));
  }
  std::string data;
  char buf[1 << 16];
  size_t n;
  bool too_long = false;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
    if (data.size() + n > max_bytes) {
      too_long = true;
      break;
    }
    data.append(buf, n);
  }
  bool bad = std::ferror(f) != 0;
  if (f != stdin) std::fclose(f);
  if (too_long)
    return Status(ErrorCode::kInputError, path + ": larger than the input cap of " + std::to_string(max_bytes >> 20) +
                                              " MiB (--max-mb); not read");
  if (bad) return Status(ErrorCode::kInputError, path + ": read error");
  return data;
}

}  // namespace quotegraph
