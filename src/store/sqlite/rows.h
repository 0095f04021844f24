// Row readers shared by the SqliteStore source files: the column lists and
// how a row becomes a record. Internal to src/store/sqlite.
#pragma once
#include <string>
#include <string_view>

#include "registry/model.h"
#include "store/audit.h"
#include "store/sqlite/db.h"

namespace lz::sqlite {

inline const char* kPersonCols =
    "id, household_id, name, id_number, sex, birth_date, relationship, ethnicity, education, enrolment, "
    "health, labour, phone, region_code, version, created_at, created_by, updated_at, updated_by";
// The same columns qualified with "p." (for joins); keep the two in step.
inline constexpr const char* kPersonColsP =
    "p.id, p.household_id, p.name, p.id_number, p.sex, p.birth_date, p.relationship, p.ethnicity, p.education, "
    "p.enrolment, p.health, p.labour, p.phone, p.region_code, p.version, p.created_at, p.created_by, "
    "p.updated_at, p.updated_by";

// Reads the person columns starting at column `at` (0 for a plain person row).
inline Person read_person(const Stmt& s, int at = 0) {
  Person p;
  p.id = s.i64(at + 0);
  p.household_id = s.opt_i64(at + 1);
  p.name = s.str(at + 2);
  p.id_number = s.str(at + 3);
  p.sex = s.str(at + 4);
  p.birth_date = Date::parse_iso(s.str(at + 5)).value_or(Date());
  p.relationship = s.str(at + 6);
  p.ethnicity = s.str(at + 7);
  p.education = s.str(at + 8);
  p.enrolment = s.str(at + 9);
  p.health = s.str(at + 10);
  p.labour = s.str(at + 11);
  p.phone = s.str(at + 12);
  p.region_code = s.str(at + 13);
  p.meta = {s.i64(at + 14), s.str(at + 15), s.str(at + 16), s.str(at + 17), s.str(at + 18)};
  return p;
}

// read_person into an existing Person, reusing its strings' capacity (the
// household point read keeps one Household per thread).
inline void read_person_into(const Stmt& s, int at, Person& p) {
  p.id = s.i64(at + 0);
  p.household_id = s.opt_i64(at + 1);
  s.str_into(at + 2, p.name);
  s.str_into(at + 3, p.id_number);
  s.str_into(at + 4, p.sex);
  p.birth_date = Date::parse_iso(s.text(at + 5)).value_or(Date());
  s.str_into(at + 6, p.relationship);
  s.str_into(at + 7, p.ethnicity);
  s.str_into(at + 8, p.education);
  s.str_into(at + 9, p.enrolment);
  s.str_into(at + 10, p.health);
  s.str_into(at + 11, p.labour);
  s.str_into(at + 12, p.phone);
  s.str_into(at + 13, p.region_code);
  p.meta.version = s.i64(at + 14);
  s.str_into(at + 15, p.meta.created_at);
  s.str_into(at + 16, p.meta.created_by);
  s.str_into(at + 17, p.meta.updated_at);
  s.str_into(at + 18, p.meta.updated_by);
}

// Upper bound of a code-prefix range: codes are digits, ':' sorts after '9'.
inline std::string prefix_end(std::string_view prefix) { return std::string(prefix) + ":"; }

inline const char* kPairingCols =
    "id, cadre_id, household_id, from_date, to_date, version, created_at, created_by, updated_at, updated_by";

inline Pairing read_pairing(const Stmt& s) {
  Pairing p;
  p.id = s.i64(0);
  p.cadre_id = s.i64(1);
  p.household_id = s.i64(2);
  p.from_date = Date::parse_iso(s.str(3)).value_or(Date());
  if (auto to = s.opt_str(4)) p.to_date = Date::parse_iso(*to);
  p.meta = {s.i64(5), s.str(6), s.str(7), s.str(8), s.str(9)};
  return p;
}

// Inserts one row and its audit entry (nothing before, `after_json(id)`
// after) in one transaction (a savepoint inside a use case's): `bind(stmt)`
// binds the INSERT's parameters. Returns the new row's id.
template <class Bind, class After>
Result<int64_t> insert_audited(Db& db, AuditLog& audit, const Actor& actor, const char* action,
                               const char* entity, std::string_view sql, Bind&& bind,
                               After&& after_json) {
  Tx tx(db);
  LZ_TRY(tx.begin_status());
  auto s = db.prepare(sql);
  bind(s);
  LZ_TRY(s.exec());
  int64_t id = sqlite3_last_insert_rowid(db.handle());
  LZ_TRY(audit_record(audit, actor, action, entity, id, "", after_json(id)));
  LZ_TRY(tx.commit());
  return id;
}

}  // namespace lz::sqlite
