// Writing a command's output: the one owner of -o for every subcommand.
//
// Where the bytes go depends on what -o names:
//   "" or "-"            standard output, written in place; so are
//   /dev/stdout, ...     /dev/stdout, /dev/stderr, /dev/fd/1|2 and
//                        /proc/self/fd/1|2, through the descriptor itself (a
//                        ">>" or a pipe stays what the shell made it)
//   a FIFO, a device     written in place (a rename would replace the node)
//   a regular file, or   a temporary file made with mkstemp in the target's
//   nothing yet          folder (O_EXCL, an unpredictable name), renamed over
//                        the target on commit(), removed on failure, so readers
//                        never see half a file and a failed run keeps the old one
//   a symlink            followed: its final target is handled as above (the
//                        link stays a link); a dangling link is refused
//   a directory, socket  refused
// Every write and the final close are checked; a failure prints
// "quotegraph: PATH: WHAT: strerror" once and makes commit() return false.
//
// Locking: the target (when it exists) is locked with flock(LOCK_EX|LOCK_NB)
// from open() to commit(), and the corpus partial file for the whole run, so a
// second run writing the same output gets a clear error instead of
// interleaving. Not thread-safe; one OutputFile per output.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

struct stat;

namespace quotegraph::cli {

class OutputFile {
 public:
  OutputFile() = default;
  ~OutputFile();  // an uncommitted output is discarded
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  // Opens `path` as described above. False (message printed) when it cannot be
  // written or another run holds its lock.
  bool open(const std::string& path);

  // The corpus form: the data goes to "TARGET.partial" (a fixed name, so
  // --resume finds it), never through a symlink (O_NOFOLLOW), locked for the
  // whole run. Without `resume` a stale partial is replaced; with it the
  // partial (or, when there is none, the previous complete TARGET, moved to
  // the partial's name) is kept and appended to. In-place targets (FIFO, device, stdout) have no
  // partial. False (message printed) on failure.
  bool open_partial(const std::string& path, bool resume);

  // Appends `data` (buffered). False once any write has failed.
  bool write(std::string_view data);

  // Flushes, syncs and closes; for a replaced file renames it over the target.
  // False (message printed) when anything failed; the old target is then kept.
  bool commit();

  // Drops what was written: the temporary (or partial) file is removed and the
  // old target kept. In-place outputs cannot be taken back.
  void discard();

  // Closes without renaming and keeps what was written (the corpus partial
  // after a failed run, for --resume). False when a write or the close failed.
  bool close_keep();

  // The partial file's descriptor (for --resume to read and trim it), or -1.
  int partial_fd() const { return replaced_ ? fd_ : -1; }
  // Truncates the partial to `size` bytes (a torn last record); false
  // (message printed) on error.
  bool truncate_to(uint64_t size);

  bool in_place() const { return !replaced_; }
  // A regular file was at the target when the output was opened (commit()
  // replaces it).
  bool replaces_file() const { return replaced_ && target_existed_; }
  // "standard output", or the path given to open().
  const std::string& name() const { return name_; }

 private:
  bool flush();
  bool fail(const std::string& what, int err);
  bool find_target(const std::string& path, struct stat* st, int* err);
  bool lock_target();

  std::string name_;     // for messages
  std::string target_;   // the resolved path the rename replaces
  std::string temp_;     // the temporary or partial file, when replaced_
  int fd_ = -1;
  int lock_fd_ = -1;     // the existing target, locked
  bool replaced_ = false;
  bool target_existed_ = false;
  bool failed_ = false;
  bool done_ = false;
  std::string buf_;
};

// open + write + commit for a whole output in memory.
bool write_output(const std::string& path, std::string_view data);

// An output directory (for formats that write several files): made with its
// parents when missing. False (message printed) when it cannot be made or a
// file that is not a directory is in the way.
bool make_directory(const std::string& path);

// True when `a` and `b` name the same existing file (device and inode).
bool same_file(const std::string& a, const std::string& b);

}  // namespace quotegraph::cli
