// Status and Result<T>: how every Pillarbox module reports failure.
//
// Errors are values (as in leveldb's Status): no exception crosses a module
// boundary. A Status carries a code, an optional field path naming the input
// that was wrong (e.g. "answers.narrative") and a message that is safe to show
// to a client: callers must never put a field value, receipt, token, password or
// address into either. Thread-compatible: const methods may be called
// concurrently.
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace pillarbox {

enum class StatusCode {
  kOk,
  kInvalidArgument,     // The caller's input is wrong; retrying will not help.
  kNotFound,            // The named thing does not exist (or is not visible).
  kPermissionDenied,    // Authenticated but not allowed.
  kUnauthenticated,     // No valid credentials.
  kConflict,            // The state does not allow this now (e.g. duplicate).
  kPayloadTooLarge,     // Input bigger than a configured limit.
  kUnsupportedMedia,    // Wrong content type.
  kResourceExhausted,   // Saturated; retry later.
  kUnavailable,         // Temporarily failing (I/O error, shutting down).
  kDataLoss,            // Stored data is corrupt or failed authentication.
  kFailedPrecondition,  // Set-up is wrong (e.g. database newer than binary).
  kInternal,            // A bug or an unexpected library failure.
};

// Returns a stable lower_snake_case name for `code` (used in error bodies).
std::string_view StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  // An OK status.
  Status() = default;

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string message, std::string field = {}) {
    return Status(StatusCode::kInvalidArgument, std::move(message), std::move(field));
  }
  static Status NotFound(std::string message) { return Status(StatusCode::kNotFound, std::move(message)); }
  static Status PermissionDenied(std::string message) {
    return Status(StatusCode::kPermissionDenied, std::move(message));
  }
  static Status Unauthenticated(std::string message) {
    return Status(StatusCode::kUnauthenticated, std::move(message));
  }
  // `field` names the input the conflict is about (e.g. "revision"), if any.
  static Status Conflict(std::string message, std::string field = {}) {
    return Status(StatusCode::kConflict, std::move(message), std::move(field));
  }
  static Status PayloadTooLarge(std::string message, std::string field = {}) {
    return Status(StatusCode::kPayloadTooLarge, std::move(message), std::move(field));
  }
  static Status UnsupportedMedia(std::string message) {
    return Status(StatusCode::kUnsupportedMedia, std::move(message));
  }
  static Status ResourceExhausted(std::string message) {
    return Status(StatusCode::kResourceExhausted, std::move(message));
  }
  static Status Unavailable(std::string message) { return Status(StatusCode::kUnavailable, std::move(message)); }
  static Status DataLoss(std::string message) { return Status(StatusCode::kDataLoss, std::move(message)); }
  static Status FailedPrecondition(std::string message) {
    return Status(StatusCode::kFailedPrecondition, std::move(message));
  }
  static Status Internal(std::string message) { return Status(StatusCode::kInternal, std::move(message)); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  // The input the error is about, as a dotted path; empty when not about one field.
  const std::string& field() const { return field_; }
  const std::string& message() const { return message_; }

  // Returns a copy whose field path is `prefix` + "." + field() (or `prefix`
  // when field() is empty). Used as errors travel outwards through decoders.
  Status WithFieldPrefix(std::string_view prefix) const;

  // "code: message (field)" for logs and test failure output. Contains no
  // values, since messages never do.
  std::string ToString() const;

  bool operator==(const Status& other) const = default;

 private:
  Status(StatusCode code, std::string message, std::string field = {})
      : code_(code), message_(std::move(message)), field_(std::move(field)) {}

  StatusCode code_ = StatusCode::kOk;
  std::string message_;
  std::string field_;
};

// Either a value of type T or a non-OK Status.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT(google-explicit-constructor)
  Result(Status status) : value_(std::move(status)) {  // NOLINT(google-explicit-constructor)
    assert(!std::get<Status>(value_).ok() && "Result built from an OK Status has no value");
  }

  bool ok() const { return std::holds_alternative<T>(value_); }
  // The error; Status::Ok() when ok().
  Status status() const { return ok() ? Status::Ok() : std::get<Status>(value_); }

  // Requires ok().
  const T& value() const& { return std::get<T>(value_); }
  T& value() & { return std::get<T>(value_); }
  T&& value() && { return std::get<T>(std::move(value_)); }
  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }

 private:
  std::variant<T, Status> value_;
};

}  // namespace pillarbox

// Returns the Status of `expr` from the enclosing function when it is not OK.
#define PB_RETURN_IF_ERROR(expr)              \
  do {                                        \
    ::pillarbox::Status pb_status_ = (expr);  \
    if (!pb_status_.ok()) return pb_status_;  \
  } while (false)

#define PB_CONCAT_INNER(a, b) a##b
#define PB_CONCAT(a, b) PB_CONCAT_INNER(a, b)
#define PB_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                             \
  if (!tmp.ok()) return tmp.status();            \
  lhs = std::move(tmp).value()

// Evaluates `expr` (a Result<T>); returns its Status when not OK, otherwise
// assigns the value to `lhs` (which may be a declaration: `auto x`).
#define PB_ASSIGN_OR_RETURN(lhs, expr) PB_ASSIGN_OR_RETURN_IMPL(PB_CONCAT(pb_result_, __LINE__), lhs, expr)
