// Calendar arithmetic the poverty rules need beyond core/date.h: whole months
// (the 6-month grace for development measures) and the school year (who is of
// compulsory-education age).
//
// Called by the rule context (rule.h), relapse monitoring and the tests.
#pragma once
#include "core/date.h"

namespace lz::poverty {

// `d` moved by `months` (may be negative); the day is clamped to the month's
// end (2019-08-31 + 6 months = 2020-02-29).
Date add_months(Date d, int months);

// 31 August that opened the school year in progress on `as_of`: 2019-08-31 for
// any day from 2019-09-01 to 2020-08-31. Children take up compulsory
// education in the September after they turn 6 by 31 August.
Date school_year_cutoff(Date as_of);

}  // namespace lz::poverty
