// Turns what a user typed (forms, CSV rows, CLI arguments: all strings) into
// registry records, or into an Error whose `details` name every bad field.
// Pure functions: they know the region tree but never the store, so checks
// that need the database (duplicate ID numbers, dangling ids) live in the store.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "registry/model.h"
#include "registry/region_tree.h"

namespace lz {

struct PersonInput {
  std::string name, id_number;
  std::string sex;         // optional: "male"/"female"/"男"/"女"; checked against the ID number
  std::string birth_date;  // optional: ISO; checked against the ID number
  std::string relationship, ethnicity, education, enrolment, health, labour, phone;
};

struct HouseholdInput {
  std::string number, region_code, address, phone;
  std::vector<PersonInput> members;
};

struct CadreInput {
  std::string name, unit, phone, region_code;
  std::vector<std::string> kinds;
};

Result<Person> validate_person(const PersonInput& in, Date today = Date::today());
// Checks the household and all members; exactly one member must be the head (01).
Result<Household> validate_household(const HouseholdInput& in, const RegionTree& regions,
                                     Date today = Date::today());
Result<Cadre> validate_cadre(const CadreInput& in, const RegionTree& regions);
// A phone number: mainland mobile (11 digits from 1) or a landline with area code.
bool is_valid_phone(const std::string& normalized);
// "13812345678" -> "138****5678"; landlines keep the area code.
std::string mask_phone(const std::string& phone);

// Combine several field errors into one: a single error is returned as is;
// several become one error with code "validation" and each in details.
Error combine(std::vector<Error> errors);

}  // namespace lz
