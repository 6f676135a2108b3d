// dealgraph/core/error.h — errors as values.
//
// Every failure that bad input can cause comes back as an Error: where it
// happened (file, line, column, byte offset) and what was wrong, with the
// offending fragment. Nothing in the library throws for bad input; callers
// decide whether to print and exit.
//
//   Result<rules::RuleSet> r = rules::RuleSet::load(res, "rules/values");
//   if (!r) { std::cerr << r.error().to_string() << "\n"; return 1; }
//   // "rules/values/money.ko.rules:42:17: unknown piece 'unit_ko': {unit_ko}"
//   rules::RuleSet set = std::move(*r);
//
// Thread-safety: plain values, no shared state.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace dealgraph {

struct Error {
  std::string file;        // input or rule file as given; may be empty
  int line = 0;            // 1-based; 0 when unknown
  int column = 0;          // 1-based, in bytes; 0 when unknown
  long long offset = -1;   // byte offset into the file; -1 when unknown
  std::string message;     // what was wrong, lower case, no trailing period
  std::string fragment;    // the offending text, shortened

  // "file:line:col: message: fragment" with the parts that are known.
  std::string to_string() const;

  static Error at(std::string file, int line, int column, std::string message,
                  std::string fragment = {});
};

// Result<T>: a T or an Error. Minimal on purpose (C++17 has no std::expected).
template <class T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}          // NOLINT: implicit by design
  Result(Error error) : v_(std::move(error)) {}      // NOLINT
  explicit operator bool() const { return v_.index() == 0; }
  T& operator*() { return std::get<0>(v_); }
  const T& operator*() const { return std::get<0>(v_); }
  T* operator->() { return &std::get<0>(v_); }
  const T* operator->() const { return &std::get<0>(v_); }
  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

// Status: success or an Error, for operations with no value.
class Status {
 public:
  Status() = default;
  Status(Error e) : e_(std::move(e)) {}  // NOLINT
  explicit operator bool() const { return !e_.has_value(); }
  const Error& error() const { return *e_; }

 private:
  std::optional<Error> e_;
};

}  // namespace dealgraph
