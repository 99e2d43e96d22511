// Corpus reader: a file name (gzip or plain, "-" for stdin) in, lines out.
// zlib's gzread passes uncompressed files through unchanged, so one code path
// reads both.
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "quotegraph/corpus.hpp"
#include "quotegraph/line_reader.hpp"
#include "text/utf8.hpp"

namespace quotegraph::corpus {
namespace {

// The most read at once; a small file's reads are sized to it (min_chunk),
// as are zlib's buffers: a 256 KiB buffer zero-filled and paged in for each
// 5 KB article cost more than reading it (issue 29).
constexpr size_t kChunkBytes = 1 << 18;
constexpr size_t kMinChunkBytes = 1 << 14;

using text::ends_with_ci;

}  // namespace

InputFormat input_format(std::string_view path) {
  if (path == "-") return InputFormat::kJsonl;
  if (ends_with_ci(path, ".gz")) path.remove_suffix(3);
  if (ends_with_ci(path, ".jsonl") || ends_with_ci(path, ".ndjson") || ends_with_ci(path, ".json"))
    return InputFormat::kJsonl;
  if (ends_with_ci(path, ".html") || ends_with_ci(path, ".htm")) return InputFormat::kHtml;
  return InputFormat::kText;
}

LineReader::~LineReader() {
  if (gz_) gzclose(static_cast<gzFile>(gz_));
}

Status LineReader::open(const std::string& path) {
  path_ = path;
  if (path != "-") {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
      return status_ = Status(ErrorCode::kInputError, path + ": cannot open: " + std::strerror(errno));
    if (S_ISDIR(st.st_mode)) return status_ = Status(ErrorCode::kInputError, path + ": is a directory");
    // A gzip file's text is larger than the file: its reads stay chunk-sized
    // past the first, which is all a small article needs.
    if (S_ISREG(st.st_mode))
      chunk_ = std::clamp<size_t>(static_cast<size_t>(st.st_size) + 1, kMinChunkBytes, kChunkBytes);
  }
  gzFile f = path == "-" ? gzdopen(::dup(STDIN_FILENO), "rb") : gzopen(path.c_str(), "rb");
  if (!f) return status_ = Status(ErrorCode::kInputError, path + ": cannot open: " + std::strerror(errno));
  gzbuffer(f, static_cast<unsigned>(chunk_));
  gz_ = f;
  return status_ = Status();
}

bool LineReader::next(std::string* line) {
  if (!gz_) return false;
  line->clear();
  too_long_ = false;
  auto keep = [&](size_t from, size_t count) {
    if (too_long_) return;
    if (line->size() + count > max_line_) {  // skip the rest, keep nothing
      too_long_ = true;
      line->clear();
      line->shrink_to_fit();
      return;
    }
    line->append(buf_, from, count);
  };
  for (;;) {
    size_t nl = buf_.find('\n', pos_);
    if (nl != std::string::npos) {
      keep(pos_, nl - pos_);
      bytes_ += nl - pos_ + 1;
      pos_ = nl + 1;
      return true;
    }
    keep(pos_, buf_.size() - pos_);
    bytes_ += buf_.size() - pos_;
    buf_.clear();
    pos_ = 0;
    if (too_long_ && stop_at_long_) return true;
    if (eof_) return !line->empty() || too_long_;  // a last line without "\n"
    buf_.resize(chunk_);
    gzFile f = static_cast<gzFile>(gz_);
    int n = gzread(f, buf_.data(), static_cast<unsigned>(chunk_));
    if (n < 0) {  // corrupt data: a bad CRC or length trailer, an invalid block
      int code = 0;
      std::string_view msg = gzerror(f, &code);
      if (msg.starts_with(path_ + ": ")) msg.remove_prefix(path_.size() + 2);  // zlib names the file too
      status_ = Status(ErrorCode::kInputError, path_ + ": corrupt gzip data at compressed byte " +
                                                   std::to_string(gzoffset(f)) + ": " + std::string(msg) +
                                                   "; reading stopped there");
      buf_.clear();
      return false;
    }
    buf_.resize(static_cast<size_t>(n));
    if (n == 0) {
      eof_ = true;
      // zlib reports a stream that ends inside a member (a cut download) as
      // Z_BUF_ERROR without failing the read: the line being read is torn.
      int code = Z_OK;
      gzerror(f, &code);
      if (code == Z_BUF_ERROR) {
        truncated_ = true;
        status_ = Status(ErrorCode::kInputError,
                         path_ + ": truncated: the gzip stream ends inside a member at compressed byte " +
                             std::to_string(gzoffset(f)) + " (after " + std::to_string(bytes_) +
                             " uncompressed bytes); the file was cut short");
        line->clear();
        return false;
      }
    }
  }
}

std::string_view LineReader::peek(size_t n) {
  while (gz_ && !eof_ && buf_.size() - pos_ < n) {
    size_t old = buf_.size();
    buf_.resize(old + chunk_);
    int got = gzread(static_cast<gzFile>(gz_), buf_.data() + old, static_cast<unsigned>(chunk_));
    if (got < 0) {
      buf_.resize(old);
      // As next() words it: corrupt data names the compressed byte.
      int code = 0;
      gzFile f = static_cast<gzFile>(gz_);
      std::string_view msg = gzerror(f, &code);
      if (msg.starts_with(path_ + ": ")) msg.remove_prefix(path_.size() + 2);
      status_ = Status(ErrorCode::kInputError, path_ + ": corrupt gzip data at compressed byte " +
                                                   std::to_string(gzoffset(f)) + ": " + std::string(msg) +
                                                   "; reading stopped there");
      break;
    }
    buf_.resize(old + static_cast<size_t>(got));
    if (got == 0) eof_ = true;
  }
  return std::string_view(buf_).substr(pos_, n);
}

Result<std::string> LineReader::read_all() {
  std::string out;
  std::string line;
  bool first = true;
  // Whole files are small next to a corpus; joining lines keeps one read path.
  stop_at_long_ = true;
  while (next(&line)) {
    if (too_long_ || out.size() + line.size() + 1 > max_line_) {
      too_long_ = true;
      return Status(ErrorCode::kInputError, path_ + ": larger than the input cap of " + std::to_string(max_line_ >> 20) +
                                                " MiB (--max-mb); not read");
    }
    if (!first) out += '\n';
    out += line;
    first = false;
  }
  if (!status_.ok()) return status_;
  if (!out.empty() && bytes_ > out.size()) out += '\n';  // the file ended with "\n"
  return out;
}

}  // namespace quotegraph::corpus
