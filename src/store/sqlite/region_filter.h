// household_in_region(): the SQL condition "this row's household lies in the
// region `prefix`" for tables keyed by household id (pairings, risk cases).
//
// Two plans, because which is cheap depends on the region's size and SQLite
// cannot tell without statistics:
//  - a township or village (prefix longer than a county's 6 digits): collect
//    the region's households from the region index, then reach the rows by
//    their household-id index: `col IN (SELECT id FROM household WHERE …)`;
//  - a whole county (or wider): most households qualify, and building that
//    list of ~340 k ids costs far more than checking each row's household by
//    primary key: `EXISTS (SELECT 1 FROM household … WHERE id = col AND …)`
//    (GET /pairings?current=true for a county admin: 720 ms -> 23 ms).
// Both forms take the same two parameters: prefix and prefix_end(prefix).
// Plain SQL both dialects run.
#pragma once

#include <string>
#include <string_view>

namespace lz::sqlite {

inline std::string household_in_region(std::string_view col, std::string_view prefix) {
  if (prefix.size() <= 6)
    return "EXISTS (SELECT 1 FROM household region_h WHERE region_h.id = " + std::string(col) +
           " AND region_h.region_code >= ? AND region_h.region_code < ?)";
  return std::string(col) +
         " IN (SELECT id FROM household WHERE region_code >= ? AND region_code < ?)";
}

}  // namespace lz::sqlite
