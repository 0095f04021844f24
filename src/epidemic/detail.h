// Internal helpers of the epidemic domain's .cc files (not part of the API).
#pragma once
#include <fmt/format.h>

#include <string>
#include <utility>
#include <vector>

#include "core/date.h"
#include "core/error.h"

namespace lz::epidemic::detail {

// The first error, with the others in its details; ok if there are none.
inline Status first_of(std::vector<Error> errors) {
  if (errors.empty()) return Status::Ok();
  Error e = std::move(errors.front());
  for (size_t i = 1; i < errors.size(); ++i) e.details.push_back(std::move(errors[i]));
  return e;
}

// "<what> (date) is after today (as_of)" in both languages.
inline Error date_future(std::string code, std::string field, const char* what_zh,
                         const char* what_en, Date d, Date as_of) {
  return invalid(std::move(code), std::move(field),
                 fmt::format("{}（{}）晚于当前日期{}", what_zh, d.iso(), as_of.iso()),
                 fmt::format("The {} ({}) is after today ({})", what_en, d.iso(), as_of.iso()));
}

}  // namespace lz::epidemic::detail
