// Errors as values (after leveldb's status.h): a Status says what went wrong
// and carries the evidence -- every problem found, each with the file, line
// and fix -- so that the caller decides how to report it. Library code never
// prints or exits.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace lineage::base {

// Where a record came from. line and column are 1-based; 0 means unknown.
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;

  // "file:line:column", "file:line", "file" or "" depending on what is known.
  std::string ToString() const;
};

// One problem found in the input, and how to fix it.
struct Diagnostic {
  SourceLocation where;
  std::string message;
  std::string fix;  // May be empty when there is no obvious fix.

  // "file:line:col: error: message (fix: ...)".
  std::string ToString() const;
};

class Status {
 public:
  enum class Code : std::uint8_t {
    kOk,
    kInvalidArgument,  // The caller asked for something meaningless.
    kNotFound,         // A named work, file or path does not exist.
    kInvalidData,      // The input is malformed or breaks an invariant.
    kIoError,          // The operating system refused a read or write.
  };

  Status() = default;  // OK.
  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string msg) {
    return Status(Code::kInvalidArgument, std::move(msg));
  }
  static Status NotFound(std::string msg) {
    return Status(Code::kNotFound, std::move(msg));
  }
  static Status IoError(std::string msg) {
    return Status(Code::kIoError, std::move(msg));
  }
  // A data error with the problems found; `msg` summarises them (with
  // their true count). A broken file can hold hundreds of thousands: the
  // first kMostDiagnostics are kept, and the message says so.
  // `problems` is their true count when the list was already cut (0:
  // the list's size); `say_cut` false when `msg` already says how it was
  // cut (base::ProblemList).
  static constexpr std::size_t kMostDiagnostics = 200;
  static Status InvalidData(std::string msg,
                            std::vector<Diagnostic> diagnostics = {},
                            std::size_t problems = 0, bool say_cut = true) {
    problems = std::max(problems, diagnostics.size());
    if (diagnostics.size() > kMostDiagnostics)
      diagnostics.resize(kMostDiagnostics);
    if (say_cut && problems > diagnostics.size()) {
      msg += " (the first " + std::to_string(diagnostics.size()) + " of " +
             std::to_string(problems) + " listed)";
    }
    Status s(Code::kInvalidData, std::move(msg));
    s.diagnostics_ = std::move(diagnostics);
    s.problems_ = problems;
    return s;
  }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
  // How many problems there were, listed or not.
  std::size_t problems() const {
    return std::max(problems_, diagnostics_.size());
  }

  // The message followed by one line per diagnostic.
  std::string ToString() const;

  friend Status SpellOptions(
      const Status& status,
      const std::function<std::string(std::string_view name)>& spell);

 private:
  Status(Code code, std::string msg) : code_(code), message_(std::move(msg)) {}

  Code code_ = Code::kOk;
  std::string message_;
  std::vector<Diagnostic> diagnostics_;
  std::size_t problems_ = 0;
};

// Library messages name what would get past a problem as "[[name]]": an
// option of the library's options structs ("max_works", "separator",
// "layout"), a way to narrow a view ("focus": a family), or a step a front
// end offers ("validate", "import", "descendants"). Each
// front end says it in its own terms, the CLI as a flag, a page as a
// control, by passing the message through SpellOptions.
std::string OptionRef(std::string_view name);  // "[[name]]"
// `text` with every option reference replaced by spell(name).
std::string SpellOptions(
    std::string_view text,
    const std::function<std::string(std::string_view name)>& spell);
// The status with SpellOptions applied to its message and to the message
// and fix of each diagnostic.
Status SpellOptions(
    const Status& status,
    const std::function<std::string(std::string_view name)>& spell);

// A value or the Status explaining why there is none. value(), * and ->
// on an error throw std::bad_variant_access: check ok() first. Made from a
// Status, that Status must not be ok.
template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit by design.
  Result(Status status) : v_(std::move(status)) {}  // NOLINT: must not be ok.

  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace lineage::base
