// Writing a command's output: standard output, or a file written atomically.
#pragma once

#include <string>
#include <string_view>

namespace quotegraph::cli {

// Writes `data` to `path` through a temporary file and a rename, so readers
// never see half a file. "" or "-" is standard output; a device or FIFO
// (/dev/stdout) is written directly. On failure prints a message naming the
// path to stderr and returns false.
bool write_output(const std::string& path, std::string_view data);

}  // namespace quotegraph::cli
