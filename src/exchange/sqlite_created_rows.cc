// See sqlite_created_rows.h. A flush writes the rows held in statements of
// kMaxRows rows, the remainder in statements of 32 and 16 rows and then one
// of the rest (one prepared statement per size and table, built on first
// use and kept).
#include "exchange/sqlite_created_rows.h"

#include <fmt/format.h>

#include "store/sqlite/db.h"

namespace lz::exchange {

void SqliteCreatedRows::add(const Household& h) {
  if (households_ == household_rows_.size()) household_rows_.emplace_back();
  HouseholdRow& r = household_rows_[households_++];
  r.id = h.id;
  r.head = h.head_person_id;
  r.number.assign(h.number);
  r.region_code.assign(h.region_code);
  r.address.assign(h.address);
  r.phone.assign(h.phone);
  r.first_person = persons_;
  for (const Person& p : h.members) {
    if (persons_ == person_rows_.size()) person_rows_.emplace_back();
    PersonRow& m = person_rows_[persons_++];
    m.id = p.id;
    m.household_id = h.id;
    m.name.assign(p.name);
    m.id_number.assign(p.id_number);
    m.sex.assign(p.sex);
    m.birth_date = p.birth_date.iso();
    m.relationship.assign(p.relationship);
    m.ethnicity.assign(p.ethnicity);
    m.education.assign(p.education);
    m.enrolment.assign(p.enrolment);
    m.health.assign(p.health);
    m.labour.assign(p.labour);
    m.phone.assign(p.phone);
    m.region_code.assign(h.region_code);
  }
}

void SqliteCreatedRows::truncate(size_t n) {
  if (n >= households_) return;
  persons_ = household_rows_[n].first_person;
  households_ = n;
}

// Row r's parameters are numbered from 3 + r × width; ?1 is the time and ?2
// the actor, shared by every row.
Result<sqlite3_stmt*> SqliteCreatedRows::statement(bool household, size_t rows) {
  Held& held = (household ? household_stmts_ : person_stmts_)[rows];
  if (held.st) return held.st;
  std::string sql = household
                        ? "INSERT INTO household (id, number, region_code, address, phone, "
                          "head_person_id, version, created_at, created_by, updated_at, "
                          "updated_by) VALUES "
                        : "INSERT INTO person (id, household_id, name, id_number, sex, birth_date, "
                          "relationship, ethnicity, education, enrolment, health, labour, phone, "
                          "region_code, version, created_at, created_by, updated_at, updated_by) "
                          "VALUES ";
  const int width = household ? 6 : 14;
  for (size_t r = 0; r < rows; ++r) {
    sql += r ? ",(" : "(";
    for (int c = 0; c < width; ++c)
      fmt::format_to(std::back_inserter(sql), "?{},", 3 + static_cast<int>(r) * width + c);
    sql += "1,?1,?2,?1,?2)";
  }
  if (sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                         &held.st, nullptr) != SQLITE_OK)
    return sqlite::sqlite_error(db_, "prepare");
  return held.st;
}

namespace {
void text(sqlite3_stmt* s, int i, const std::string& v) {
  sqlite3_bind_text(s, i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
}
// Steps and resets a statement whose text is bound SQLITE_STATIC (the rows
// outlive the step).
Status run(sqlite3* db, sqlite3_stmt* s) {
  Status st;
  if (sqlite3_step(s) != SQLITE_DONE) st = sqlite::sqlite_error(db, "exec");
  sqlite3_reset(s);
  return st;
}
// Splits [0, n) into statements of `max` rows, then of the halves of it
// down to `exact`, then one of the rest; calls write(from, rows) for each.
template <class Write>
Status in_chunks(size_t n, size_t max, size_t exact, Write write) {
  size_t from = 0;
  for (size_t rows = max; rows > exact; rows /= 2)
    while (n - from >= rows) {
      LZ_TRY(write(from, rows));
      from += rows;
    }
  if (n > from) LZ_TRY(write(from, n - from));
  return {};
}
}  // namespace

Status SqliteCreatedRows::write_households(size_t from, size_t rows) {
  auto st = statement(true, rows);
  if (!st) return st.error();
  sqlite3_stmt* s = *st;
  text(s, 1, now_);
  text(s, 2, actor_);
  for (size_t r = 0; r < rows; ++r) {
    const HouseholdRow& h = household_rows_[from + r];
    const int b = 3 + static_cast<int>(r) * 6;
    sqlite3_bind_int64(s, b, h.id);
    text(s, b + 1, h.number);
    text(s, b + 2, h.region_code);
    text(s, b + 3, h.address);
    text(s, b + 4, h.phone);
    if (h.head)
      sqlite3_bind_int64(s, b + 5, *h.head);
    else
      sqlite3_bind_null(s, b + 5);
  }
  return run(db_, s);
}

Status SqliteCreatedRows::write_persons(size_t from, size_t rows) {
  auto st = statement(false, rows);
  if (!st) return st.error();
  sqlite3_stmt* s = *st;
  text(s, 1, now_);
  text(s, 2, actor_);
  for (size_t r = 0; r < rows; ++r) {
    const PersonRow& p = person_rows_[from + r];
    const int b = 3 + static_cast<int>(r) * 14;
    sqlite3_bind_int64(s, b, p.id);
    sqlite3_bind_int64(s, b + 1, p.household_id);
    text(s, b + 2, p.name);
    text(s, b + 3, p.id_number);
    text(s, b + 4, p.sex);
    text(s, b + 5, p.birth_date);
    text(s, b + 6, p.relationship);
    text(s, b + 7, p.ethnicity);
    text(s, b + 8, p.education);
    text(s, b + 9, p.enrolment);
    text(s, b + 10, p.health);
    text(s, b + 11, p.labour);
    text(s, b + 12, p.phone);
    text(s, b + 13, p.region_code);
  }
  return run(db_, s);
}

Status SqliteCreatedRows::flush() {
  const size_t households = households_, persons = persons_;
  households_ = persons_ = 0;
  LZ_TRY(in_chunks(households, kMaxRows, kExactRows,
                   [this](size_t from, size_t rows) { return write_households(from, rows); }));
  return in_chunks(persons, kMaxRows, kExactRows,
                   [this](size_t from, size_t rows) { return write_persons(from, rows); });
}

}  // namespace lz::exchange
