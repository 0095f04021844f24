// Shared by the tests that look at the SQLite schema the migrations made
// (store/facts_triggers_test.cc, exchange/import_test.cc,
// demo/generator_test.cc): the household_facts triggers (migration 016) as
// sqlite_master holds them, to say they are back byte for byte after a
// writer paused them.
#pragma once
#include <cstdint>
#include <string>

#include "store/sqlite/db.h"

namespace lz::sqlite::testing {

// "name: sql" of every household_facts trigger, one a line, in name order
// ("" when there is none).
inline std::string facts_triggers(Db& db) {
  auto s = db.prepare(
      "SELECT COALESCE(group_concat(name || ': ' || sql, char(10)), '') FROM (SELECT name, sql "
      "FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'household_facts%' ORDER BY name)");
  s.step();
  return s.str(0);
}

// How many household_facts triggers there are (36 as migration 016 makes them).
inline int64_t facts_trigger_count(Db& db) {
  auto s = db.prepare(
      "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE "
      "'household_facts%'");
  s.step();
  return s.i64(0);
}

}  // namespace lz::sqlite::testing
