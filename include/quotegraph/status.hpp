// Errors as values: the library never lets an exception cross its boundary.
//
//   Result<std::string> bytes = read_file(path);
//   if (!bytes.ok()) { std::cerr << bytes.status().message() << "\n"; return 2; }
//   use(bytes.value());
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace quotegraph {

enum class ErrorCode {
  kOk = 0,
  kInvalidArgument,  // caller's mistake (bad option, bad path)
  kInputError,       // the input itself is unusable (binary, invalid UTF-8, unreadable)
  kFormatError,      // a structured input (JSON, BRAT) does not parse
  kInternal,
};

// A Status carries a code and a message that names the file and the position
// (byte offset or line) where the problem is, e.g. "a.txt: byte 17: invalid UTF-8".
class Status {
 public:
  Status() = default;
  Status(ErrorCode code, std::string message) : code_(code), message_(std::move(message)) {}
  static Status ok_status() { return {}; }

  bool ok() const { return code_ == ErrorCode::kOk; }
  ErrorCode code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  ErrorCode code_ = ErrorCode::kOk;
  std::string message_;
};

// Result<T> holds a value or a non-ok Status (a small std::expected, which g++ 12 lacks).
template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}        // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {}  // NOLINT: must not be ok

  bool ok() const { return std::holds_alternative<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T& value() & { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }

 private:
  std::variant<T, Status> v_;
};

}  // namespace quotegraph
