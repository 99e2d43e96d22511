// The one reader under every input (corpus::read_documents, the corpus
// pipeline): plain or gzip files line by line, with the byte and line caps
// and the truncation check. Public for drivers that read a corpus themselves
// (the Python module's Dask map step, contrib/dask).
//
//   quotegraph::corpus::LineReader r;
//   if (!r.open("news.jsonl.gz").ok()) …;
//   for (std::string line; r.next(&line);) …;
//   if (!r.status().ok()) …;   // r.truncated(): the gzip stream ended early
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "quotegraph/status.hpp"

namespace quotegraph::corpus {

// Reads a (possibly gzip-compressed) file line by line; "-" is standard input.
// Lines may be of any length. Not thread-safe; one reader per thread.
class LineReader {
 public:
  LineReader() = default;
  ~LineReader();
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  // Errors: kInputError naming the path (missing, a directory, unreadable).
  Status open(const std::string& path);
  // The next line without its "\n" (a trailing "\r" is kept: JSON ignores it).
  // False at the end of input or on a read error (then status() is not ok).
  // A line longer than the cap comes back empty with line_too_long() set; the
  // reader skips to its end without keeping it.
  bool next(std::string* line);
  // Lines (and read_all()) longer than this are not kept. Default 1 GiB.
  void set_max_line(uint64_t bytes) { max_line_ = bytes; }
  bool line_too_long() const { return too_long_; }
  uint64_t max_line() const { return max_line_; }
  // The rest of the input in one string (for whole-file text/HTML articles).
  Result<std::string> read_all();
  // Up to `n` bytes ahead, without consuming them (to sniff the format).
  std::string_view peek(size_t n);
  const Status& status() const { return status_; }
  // The gzip stream ended inside a member (the file was cut short); status()
  // names the compressed byte where it ends. The torn last line is dropped.
  bool truncated() const { return truncated_; }
  // Uncompressed bytes returned so far.
  uint64_t bytes_read() const { return bytes_; }

 private:
  void* gz_ = nullptr;  // gzFile
  std::string path_;
  std::string buf_;
  size_t pos_ = 0;
  bool eof_ = false;
  bool truncated_ = false;
  bool too_long_ = false;
  bool stop_at_long_ = false;  // read_all: a line past the cap ends reading (a FIFO may never send "\n")
  uint64_t max_line_ = 1ull << 30;
  size_t chunk_ = 1 << 18;  // bytes per read: a regular file's size + 1, within [16 KiB, 256 KiB]
  uint64_t bytes_ = 0;
  Status status_;
};

}  // namespace quotegraph::corpus
