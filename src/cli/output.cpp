// Writing a command's output: where -o points decides how (see output.hpp).
#include "cli/output.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>

namespace quotegraph::cli {
namespace {

constexpr size_t kBufferBytes = 1 << 16;

std::string folder_of(const std::string& path) {
  size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

std::string base_of(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// The mode a new file gets from open(0666) under the current umask.
mode_t new_file_mode() {
  mode_t mask = ::umask(0);
  ::umask(mask);
  return 0666 & ~mask;
}

bool is_in_place(mode_t mode) { return S_ISFIFO(mode) || S_ISCHR(mode) || S_ISBLK(mode); }

// Where the output really goes: a symlink is followed to its final target (as
// a shell redirection does) so the link itself stays; `st` is that target's
// status. Returns 0, ENOENT when nothing is there yet, ELOOP for a dangling
// link (refused: which name to create would be a guess), or another errno.
int resolve(const std::string& path, std::string* target, struct stat* st) {
  struct stat lst {};
  if (::lstat(path.c_str(), &lst) != 0) {
    *target = path;
    return errno;
  }
  if (!S_ISLNK(lst.st_mode)) {
    *target = path;
    *st = lst;
    return 0;
  }
  char resolved[PATH_MAX];
  if (!::realpath(path.c_str(), resolved)) {
    // /proc/self/fd links to a pipe or socket name no path resolves; the
    // link still opens: write through it in place.
    if (::stat(path.c_str(), st) == 0) {
      *target = path;
      return 0;
    }
    return errno == ENOENT ? ELOOP : errno;
  }
  *target = resolved;
  return ::stat(resolved, st) == 0 ? 0 : errno;
}

// The names of the process's own standard streams: written through the
// descriptor itself, so a redirection (">", ">>", a pipe) is kept as the shell
// set it up, never replaced or reopened at offset 0.
int standard_stream(const std::string& path) {
  if (path == "/dev/stdout" || path == "/dev/fd/1" || path == "/proc/self/fd/1") return STDOUT_FILENO;
  if (path == "/dev/stderr" || path == "/dev/fd/2" || path == "/proc/self/fd/2") return STDERR_FILENO;
  return -1;
}

}  // namespace

OutputFile::~OutputFile() {
  if (!done_) discard();
}

bool OutputFile::fail(const std::string& what, int err) {
  if (!failed_) std::cerr << "quotegraph: " << name_ << ": " << what << (err ? ": " : "") << (err ? std::strerror(err) : "") << "\n";
  failed_ = true;
  return false;
}

bool OutputFile::lock_target() {
  lock_fd_ = ::open(target_.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (lock_fd_ < 0) return true;  // not readable: nothing to coordinate on, the rename still works
  if (::flock(lock_fd_, LOCK_EX | LOCK_NB) != 0) {
    int err = errno;
    if (err == EWOULDBLOCK) return fail("is being written by another quotegraph run (locked); wait for it or choose another -o", 0);
    return fail("cannot lock", err);
  }
  return true;
}

// The target of `path` with symlinks followed, into target_ and *st; *err is
// 0 when it exists, ENOENT when not. False (message printed) when it cannot
// be written: a dangling symlink, an error, a directory.
bool OutputFile::find_target(const std::string& path, struct stat* st, int* err) {
  *err = resolve(path, &target_, st);
  if (*err == ELOOP) return fail("is a symlink to a missing file; give -o the file itself", 0);
  if (*err != 0 && *err != ENOENT) return fail("cannot write", *err);
  target_existed_ = *err == 0;
  if (*err == 0 && S_ISDIR(st->st_mode)) return fail("is a directory, not a file", 0);
  return true;
}

bool OutputFile::open(const std::string& path) {
  if (path.empty() || path == "-") {
    name_ = "standard output";
    fd_ = STDOUT_FILENO;
    return true;
  }
  name_ = path;
  if (int fd = standard_stream(path); fd >= 0) {
    fd_ = ::dup(fd);
    return fd_ >= 0 || fail("cannot write", errno);
  }
  struct stat st {};
  int err = 0;
  if (!find_target(path, &st, &err)) return false;
  if (err == 0) {
    if (is_in_place(st.st_mode) || S_ISSOCK(st.st_mode)) {  // a rename would replace the FIFO or device node itself
      fd_ = ::open(target_.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
      return fd_ >= 0 || fail("cannot write", errno);
    }
    if (!S_ISREG(st.st_mode)) return fail("is neither a regular file, a FIFO nor a device", 0);
    if (!lock_target()) return false;
  }
  // mkstemp: O_CREAT|O_EXCL with an unpredictable name, so a planted file or
  // symlink of that name cannot be written through.
  std::string tmpl = folder_of(target_) + "/." + base_of(target_) + ".XXXXXX";
  fd_ = ::mkstemp(tmpl.data());
  if (fd_ < 0) return fail("cannot create a temporary file in " + folder_of(target_), errno);
  temp_ = tmpl;
  replaced_ = true;
  ::fcntl(fd_, F_SETFD, FD_CLOEXEC);
  if (::fchmod(fd_, err == 0 ? (st.st_mode & 07777) : new_file_mode()) != 0) return fail("cannot set the mode", errno);
  return true;
}

bool OutputFile::open_partial(const std::string& path, bool resume) {
  if (path.empty() || path == "-" || standard_stream(path) >= 0) return open(path);
  name_ = path;
  struct stat st {};
  int err = 0;
  if (!find_target(path, &st, &err)) return false;
  if (err == 0) {
    if (is_in_place(st.st_mode)) return open(path);
    if (!S_ISREG(st.st_mode)) return fail("is neither a regular file, a FIFO nor a device", 0);
  }
  temp_ = target_ + ".partial";
  const std::string partial_name = temp_;
  auto partial_fail = [&](const std::string& what, int e) {
    temp_.clear();  // not ours: never removed by discard()
    return fail(partial_name + ": " + what, e);
  };
  struct stat pst {};
  bool partial_exists = ::lstat(temp_.c_str(), &pst) == 0;
  if (partial_exists && !S_ISREG(pst.st_mode))
    return partial_fail("is not a regular file (a symlink?); refusing to write through it", 0);
  if (resume && !partial_exists && err == 0 && ::rename(target_.c_str(), temp_.c_str()) == 0) partial_exists = true;
  if (partial_exists) {
    fd_ = ::open(temp_.c_str(), O_RDWR | O_APPEND | O_CLOEXEC | O_NOFOLLOW);
    if (fd_ < 0) return partial_fail("cannot open", errno);
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0)
      return partial_fail(errno == EWOULDBLOCK ? "is being written by another quotegraph run (locked)" : "cannot lock",
                          errno == EWOULDBLOCK ? 0 : errno);
    if (!resume) {  // a killed run's leftovers: start afresh
      ::close(fd_);
      fd_ = -1;
      if (::unlink(temp_.c_str()) != 0) return partial_fail("cannot remove the stale partial file", errno);
      partial_exists = false;
    }
  }
  if (!partial_exists) {
    fd_ = ::open(temp_.c_str(), O_RDWR | O_APPEND | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd_ < 0) return partial_fail("cannot create", errno);
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) return partial_fail("is being written by another quotegraph run (locked)", 0);
    if (::fchmod(fd_, err == 0 ? (st.st_mode & 07777) : new_file_mode()) != 0) return partial_fail("cannot set the mode", errno);
  }
  replaced_ = true;
  // Between open and flock another run may have replaced the name; the lock
  // then guards a file nobody will rename.
  struct stat mine {}, now {};
  if (::fstat(fd_, &mine) != 0 || ::lstat(temp_.c_str(), &now) != 0 || mine.st_ino != now.st_ino || mine.st_dev != now.st_dev) {
    ::close(fd_);
    fd_ = -1;
    replaced_ = false;
    return partial_fail("changed while being opened; is another quotegraph run writing it?", 0);
  }
  return true;
}

bool OutputFile::truncate_to(uint64_t size) {
  if (fd_ < 0 || !replaced_) return false;
  if (::ftruncate(fd_, static_cast<off_t>(size)) != 0) return fail(temp_ + ": cannot trim a torn last record", errno);
  return true;
}

bool OutputFile::flush() {
  size_t off = 0;
  while (off < buf_.size()) {
    ssize_t n = ::write(fd_, buf_.data() + off, buf_.size() - off);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      buf_.clear();
      return fail("write failed", n < 0 ? errno : EIO);
    }
    off += static_cast<size_t>(n);
  }
  buf_.clear();
  return true;
}

bool OutputFile::write(std::string_view data) {
  if (failed_ || fd_ < 0) return false;
  if (buf_.size() + data.size() < kBufferBytes) {
    buf_.append(data);
    return true;
  }
  if (!flush()) return false;
  if (data.size() < kBufferBytes) {
    buf_.append(data);
    return true;
  }
  buf_.assign(data);  // one large piece: write it through
  return flush();
}

bool OutputFile::commit() {
  if (done_) return !failed_;
  if (fd_ < 0) return fail("not open", 0);
  bool ok = !failed_ && flush();
  if (replaced_) {
    if (ok && ::fsync(fd_) != 0 && errno != EINVAL) ok = fail("cannot sync", errno);
  }
  if (fd_ != STDOUT_FILENO) {
    if (::close(fd_) != 0 && ok) ok = fail("close failed", errno);
    fd_ = -1;
  }
  if (replaced_) {
    if (ok && ::rename(temp_.c_str(), target_.c_str()) != 0) ok = fail("cannot rename " + temp_ + " over it", errno);
    if (!ok) ::unlink(temp_.c_str());
  }
  if (lock_fd_ >= 0) ::close(lock_fd_);
  lock_fd_ = -1;
  done_ = true;
  return ok;
}

bool OutputFile::close_keep() {
  if (done_) return !failed_;
  bool ok = !failed_ && flush();
  if (fd_ >= 0 && fd_ != STDOUT_FILENO && ::close(fd_) != 0 && ok) ok = fail("close failed", errno);
  fd_ = -1;
  if (lock_fd_ >= 0) ::close(lock_fd_);
  lock_fd_ = -1;
  done_ = true;
  return ok;
}

void OutputFile::discard() {
  if (fd_ >= 0 && fd_ != STDOUT_FILENO) ::close(fd_);
  if (replaced_ && !temp_.empty()) ::unlink(temp_.c_str());
  fd_ = -1;
  if (lock_fd_ >= 0) ::close(lock_fd_);
  lock_fd_ = -1;
  buf_.clear();
  done_ = true;
}

bool write_output(const std::string& path, std::string_view data) {
  OutputFile out;
  return out.open(path) && out.write(data) && out.commit();
}

bool same_file(const std::string& a, const std::string& b) {
  struct stat sa {}, sb {};
  return ::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

bool make_directory(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return true;
  if (std::filesystem::exists(path, ec)) {
    std::cerr << "quotegraph: " << path << ": not a directory (this format writes several files into one)\n";
    return false;
  }
  if (!std::filesystem::create_directories(path, ec) && ec) {
    std::cerr << "quotegraph: " << path << ": cannot make the directory: " << ec.message() << "\n";
    return false;
  }
  return true;
}

}  // namespace quotegraph::cli
