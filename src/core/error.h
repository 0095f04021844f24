// Errors are values. An Error says what went wrong (a stable code), where
// (the field, and the row for imports), and how to say it to a person in
// Chinese and in English. Result<T> carries either a value or an Error.
// Every layer returns these; only main() turns them into exit codes.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace lz {

enum class ErrorKind {
  kInvalid,   // bad input: the user can fix it (exit 1, HTTP 400/422)
  kNotFound,  // a referenced record does not exist (exit 1, HTTP 404)
  kConflict,  // duplicate or stale (exit 1, HTTP 409)
  kInternal,  // our fault or the machine's (exit 2, HTTP 500)
};

enum class Lang { kZh, kEn };

struct Error {
  ErrorKind kind = ErrorKind::kInvalid;
  std::string code;        // stable, machine-readable, e.g. "id_number.checksum"
  std::string field;       // e.g. "id_number", "members[2].birth_date"; may be empty
  std::string message_zh;  // complete sentence for the user, in Chinese
  std::string message_en;  // the same in English
  long row = -1;           // 1-based row of an imported file, -1 if none
  std::vector<Error> details;  // further field errors of the same request

  const std::string& message(Lang lang) const { return lang == Lang::kEn ? message_en : message_zh; }
  // "field: message" (with the row when set) in the given language.
  std::string describe(Lang lang = Lang::kZh) const;
  // Prefix the field with a path ("members[2]" + "." + field).
  Error& at(const std::string& prefix);
};

Error invalid(std::string code, std::string field, std::string zh, std::string en);
Error not_found(std::string code, std::string field, std::string zh, std::string en);
Error conflict(std::string code, std::string field, std::string zh, std::string en);
Error internal(std::string code, std::string zh, std::string en);

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Error error) : v_(std::move(error)) {}  // NOLINT
  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const Error& error() const { return std::get<1>(v_); }
  Error& error() { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

// Result of an operation with no value.
class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(Error e) : e_(std::move(e)) {}  // NOLINT
  static Status Ok() { return {}; }
  bool ok() const { return !e_.has_value(); }
  explicit operator bool() const { return ok(); }
  const Error& error() const { return *e_; }
  Error& error() { return *e_; }

 private:
  std::optional<Error> e_;
};

#define LZ_TRY(expr)               \
  do {                             \
    auto lz_st_ = (expr);          \
    if (!lz_st_) return lz_st_.error(); \
  } while (0)

}  // namespace lz
