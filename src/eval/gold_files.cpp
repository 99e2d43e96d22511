// Gold files named by their article's stem, and the articles they name.
#include "eval/gold_files.hpp"

#include <algorithm>
#include <filesystem>

namespace quotegraph::eval {

Result<std::vector<EvalInput>> find_suffixed_inputs(const std::string& gold, const std::vector<std::string>& text_dirs,
                                                    std::string_view kSuffix) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::exists(gold, ec)) return Status(ErrorCode::kInputError, gold + ": no such file or directory");
  std::vector<fs::path> files;
  if (fs::is_directory(gold, ec)) {
    for (const auto& e : fs::directory_iterator(gold, ec))
      if (e.is_regular_file() && e.path().filename().string().ends_with(kSuffix)) files.push_back(e.path());
    if (ec) return Status(ErrorCode::kInputError, gold + ": cannot list: " + ec.message());
    if (files.empty()) return Status(ErrorCode::kInputError, gold + ": no *" + std::string(kSuffix) + " files");
    std::sort(files.begin(), files.end());
  } else {
    files.emplace_back(gold);
  }
  std::vector<std::string> dirs = text_dirs;
  if (dirs.empty()) dirs.push_back(fs::is_directory(gold, ec) ? gold : fs::path(gold).parent_path().string());
  for (const std::string& d : dirs)
    if (!fs::is_directory(d, ec)) return Status(ErrorCode::kInputError, d + ": not a directory");
  std::vector<EvalInput> out;
  for (const fs::path& f : files) {
    std::string fname = f.filename().string();
    EvalInput in;
    in.gold_path = f.string();
    in.name = fname.ends_with(kSuffix) ? fname.substr(0, fname.size() - kSuffix.size()) : f.stem().string();
    for (const std::string& d : dirs)
      if (fs::path t = fs::path(d) / (in.name + ".txt"); fs::is_regular_file(t, ec)) {
        in.text_path = t.string();
        break;
      }
    if (in.text_path.empty())
      return Status(ErrorCode::kInputError, in.gold_path + ": no " + in.name + ".txt in the --text directories");
    out.push_back(std::move(in));
  }
  return out;
}

}  // namespace quotegraph::eval
