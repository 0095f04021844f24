// Small builders shared by the epidemic tests.
#pragma once
#include <string>

#include "core/date.h"
#include "core/id_number.h"
#include "epidemic/units.h"

namespace lz::epidemic::test {

inline Date D(int y, int m, int d) {
  return Date::from_ymd(y, m, d).value();
}
inline DateTime T(int y, int m, int d, int hour, int minute) {
  return DateTime::of(D(y, m, d), hour, minute);
}
// A valid ID number born on the given day in Liling (sequence odd = male).
inline std::string id_no(int y, int m, int d, int seq = 11) {
  return IdNumber::make("430281", D(y, m, d), seq).str();
}

}  // namespace lz::epidemic::test
