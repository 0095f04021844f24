// SqliteCreatedRows: the households, with their members, that an import
// creates, held in memory and written many rows to a statement.
//
// Why: a large import wrote two statements per household (the household,
// then its members). Each statement pays its start, a statement journal
// (a multi-row INSERT may abort half-way) and its halt: ~1 µs, about what
// the rows' own B-tree work costs. Held here, up to kMaxRows households (or
// members) go into one INSERT … VALUES, the import's timestamp and actor
// bound once per statement (?1, ?2), the text bound without a copy.
//
// The ids are given by the caller (SqliteImportSink numbers rows itself: its
// transaction holds the write lock). Nothing is in the database until
// flush(): whoever reads or otherwise writes the household or person tables
// must flush() first. Slots are reused, so a warm buffer allocates nothing
// per row. Used by SqliteImportSink only.
#pragma once
#include <sqlite3.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "registry/model.h"

namespace lz::exchange {

class SqliteCreatedRows {
 public:
  static constexpr size_t kMaxRows = 64;  // rows in one statement (a power of two)

  explicit SqliteCreatedRows(sqlite3* db) : db_(db) {}
  SqliteCreatedRows(const SqliteCreatedRows&) = delete;
  SqliteCreatedRows& operator=(const SqliteCreatedRows&) = delete;

  // The created_at/updated_at and created_by/updated_by of every row.
  void set_meta(std::string now, std::string actor) {
    now_ = std::move(now);
    actor_ = std::move(actor);
  }
  // Holds `h` (its id, number, region, address, phone, head_person_id) and
  // its members (their ids and household_id set by the caller).
  void add(const Household& h);
  size_t households() const { return households_; }
  size_t persons() const { return persons_; }
  // Forgets the households held after the first `n` and their members (a
  // unit undone before it was written).
  void truncate(size_t n);
  // Writes everything held (households first, then members), then holds
  // nothing. On an error the rows held are dropped: the caller's
  // transaction is failing anyway.
  Status flush();

 private:
  struct HouseholdRow {
    int64_t id = 0;
    std::optional<int64_t> head;
    std::string number, region_code, address, phone;
    size_t first_person = 0;
  };
  struct PersonRow {
    int64_t id = 0, household_id = 0;
    std::string name, id_number, sex, birth_date, relationship, ethnicity, education, enrolment,
        health, labour, phone, region_code;
  };
  struct Held {  // finalized with the buffer
    sqlite3_stmt* st = nullptr;
    ~Held() { sqlite3_finalize(st); }
  };
  // Statements of kMaxRows, 32 and 16 rows, then one of the rest (fewer than
  // 16: a small household's members in one), indexed by their rows; built
  // on first use.
  static constexpr size_t kExactRows = 8;
  Result<sqlite3_stmt*> statement(bool household, size_t rows);
  Status write_households(size_t from, size_t rows);
  Status write_persons(size_t from, size_t rows);

  sqlite3* db_;
  std::string now_, actor_;
  std::vector<HouseholdRow> household_rows_;  // [0, households_) in use
  std::vector<PersonRow> person_rows_;        // [0, persons_) in use
  size_t households_ = 0, persons_ = 0;
  std::array<Held, kMaxRows + 1> household_stmts_, person_stmts_;
};

}  // namespace lz::exchange
