// FactsTriggersPause: a bulk writer's pause of the household_facts triggers
// (migration 016) for the length of its own transaction.
//
// Why: a trigger runs a sub-program for every row, and SQLite writes each
// page a statement with a trigger touches to a statement journal first.
// Together that is ~2 µs a row: a quarter of a 1 M-row import, a third of
// the demo county's load. A bulk writer (the import sink, the demo's bulk
// loader) therefore drops the triggers on the tables it writes after its
// BEGIN, and before its COMMIT deletes the facts rows of every household it
// touched and creates the triggers again from their own stored SQL.
//
// Both happen inside the transaction: a rollback, an error or a kill leaves
// the triggers as they were, and no other connection ever sees the schema
// without them. A row that is present stays current (016's promise).
// Only src/store/sqlite and the exchange's SQLite sink use it.
#pragma once
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/error.h"

namespace lz::sqlite {

class Db;

class FactsTriggersPause {
 public:
  FactsTriggersPause() = default;
  // Drops the household_facts triggers on `tables` (every one when empty).
  // Needs an open write transaction.
  static Result<FactsTriggersPause> begin(Db& db, const std::vector<std::string>& tables = {});

  // Before COMMIT: deletes the facts rows of the households with an id above
  // `created_above` (the ones this transaction created) and of `touched`
  // (existing households it wrote), then creates the triggers again.
  Status resume(Db& db, int64_t created_above, const std::vector<int64_t>& touched);
  // The same, deleting every facts row (a writer that cannot say which
  // households it touched, e.g. the demo's loader).
  Status resume_all(Db& db);

  bool paused() const { return !dropped_.empty(); }
  // The triggers dropped (name, CREATE TRIGGER), for the tests.
  const std::vector<std::pair<std::string, std::string>>& dropped() const { return dropped_; }

 private:
  Status recreate(Db& db);
  std::vector<std::pair<std::string, std::string>> dropped_;
};

}  // namespace lz::sqlite
