// Inserting a record that lies in a region (employers, job postings, welfare
// posts, checkpoints): the region_code column references the division tree,
// so a code of the right shape that is not in it fails the foreign key; that
// failure is the user's (region.not_found naming region_code), any other is
// the store's. Internal to src/store/sqlite.
#pragma once
#include <fmt/format.h>

#include <cstdint>
#include <string>

#include "core/error.h"
#include "store/sqlite/db.h"

namespace lz::sqlite {

// Runs the prepared INSERT `s`; returns the new row's id.
inline Result<int64_t> insert_in_region(Db& db, Stmt& s, const std::string& region_code) {
  if (auto st = s.exec(); !st) {
    if (s.extended_rc() == SQLITE_CONSTRAINT_FOREIGNKEY)
      return invalid("region.not_found", "region_code", fmt::format("区划{}不存在", region_code),
                     fmt::format("There is no region {}", region_code));
    return st.error();
  }
  return static_cast<int64_t>(sqlite3_last_insert_rowid(db.handle()));
}

}  // namespace lz::sqlite
