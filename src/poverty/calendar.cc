#include "poverty/calendar.h"

namespace lz::poverty {

Date add_months(Date d, int months) {
  int index = d.year() * 12 + (d.month() - 1) + months;
  int y = index / 12, m = index % 12 + 1;
  int day = d.day();
  if (day > days_in_month(y, m)) day = days_in_month(y, m);
  return *Date::from_ymd(y, m, day);
}

Date school_year_cutoff(Date as_of) {
  int y = as_of.month() >= 9 ? as_of.year() : as_of.year() - 1;
  return *Date::from_ymd(y, 8, 31);
}

}  // namespace lz::poverty
