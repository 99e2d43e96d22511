// Writing a command's output atomically.
#include "cli/output.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace quotegraph::cli {

bool write_output(const std::string& path, std::string_view data) {
  if (path.empty() || path == "-") {
    std::cout << data;
    return static_cast<bool>(std::cout.flush());
  }
  std::error_code ec;
  auto type = std::filesystem::status(path, ec).type();
  if (type != std::filesystem::file_type::not_found && type != std::filesystem::file_type::regular) {
    std::ofstream file(path, std::ios::binary);  // /dev/stdout, a FIFO: no rename possible
    if (file.write(data.data(), static_cast<std::streamsize>(data.size())) && file.flush()) return true;
    std::cerr << "quotegraph: " << path << ": cannot write\n";
    return false;
  }
  std::string tmp = path + ".tmp";
  {
    std::ofstream file(tmp, std::ios::binary);
    if (!file || !file.write(data.data(), static_cast<std::streamsize>(data.size())) || !file.flush()) {
      std::cerr << "quotegraph: " << path << ": cannot write\n";
      std::remove(tmp.c_str());
      return false;
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::cerr << "quotegraph: " << path << ": write failed\n";
    std::remove(tmp.c_str());
    return false;
  }
  return true;
}

}  // namespace quotegraph::cli
