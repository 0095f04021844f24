// Column helpers shared by sqlite_epidemic.cc and sqlite_epidemic_field.cc
// (dates stored as ISO text). Internal to src/store/sqlite.
#pragma once
#include <optional>

#include "core/date.h"
#include "store/sqlite/db.h"
#include "store/sqlite/sqlite_epidemic.h"

namespace lz::sqlite {

inline Date date_col(const Stmt& s, int c) {
  return Date::parse_iso(s.str(c)).value_or(Date());
}
inline std::optional<Date> opt_date_col(const Stmt& s, int c) {
  if (s.is_null(c)) return std::nullopt;
  return Date::parse_iso(s.str(c));
}
inline void bind_opt_date(Stmt& s, int i, const std::optional<Date>& d) {
  if (d)
    s.bind(i, d->iso());
  else
    s.bind_null(i);
}
// Columns id, household_id, name, id_number, phone, region_code from `c` on.
PersonBrief read_brief(const Stmt& s, int c);

}  // namespace lz::sqlite
