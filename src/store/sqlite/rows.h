// Row readers shared by the SqliteStore source files: the column lists and
// how a row becomes a record. Internal to src/store/sqlite.
#pragma once
#include <string>
#include <string_view>

#include "registry/model.h"
#include "store/sqlite/db.h"

namespace lz::sqlite {

inline const char* kPersonCols =
    "id, household_id, name, id_number, sex, birth_date, relationship, ethnicity, education, enrolment, "
    "health, labour, phone, region_code, version, created_at, created_by, updated_at, updated_by";

inline Person read_person(const Stmt& s) {
  Person p;
  p.id = s.i64(0);
  p.household_id = s.opt_i64(1);
  p.name = s.str(2);
  p.id_number = s.str(3);
  p.sex = s.str(4);
  p.birth_date = Date::parse_iso(s.str(5)).value_or(Date());
  p.relationship = s.str(6);
  p.ethnicity = s.str(7);
  p.education = s.str(8);
  p.enrolment = s.str(9);
  p.health = s.str(10);
  p.labour = s.str(11);
  p.phone = s.str(12);
  p.region_code = s.str(13);
  p.meta = {s.i64(14), s.str(15), s.str(16), s.str(17), s.str(18)};
  return p;
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

}  // namespace lz::sqlite
