// Reading whole inputs; errors name the path.
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "quotegraph/io.hpp"

namespace quotegraph {

Result<std::string> read_file(const std::string& path) {
  if (path == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    return ss.str();
  }
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0)
    return Status(ErrorCode::kInputError, path + ": cannot open: " + std::strerror(errno));
  if (S_ISDIR(st.st_mode)) return Status(ErrorCode::kInputError, path + ": is a directory, not a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(ErrorCode::kInputError, path + ": cannot open: " + std::strerror(errno));
  std::string data;
  if (S_ISREG(st.st_mode)) data.reserve(static_cast<size_t>(st.st_size));
  data.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad()) return Status(ErrorCode::kInputError, path + ": read error");
  return data;
}

}  // namespace quotegraph
