// The registry's records: regions, households and their members (persons),
// cadres, village teams and pairings. Plain values: no SQL, no HTTP.
// The fronts add their own records keyed by household or person id rather
// than growing these structs.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/region_code.h"

namespace lz {

// Who changed a record, and when. `version` starts at 1 and grows with each
// update (optimistic concurrency).
struct RecordMeta {
  int64_t version = 0;
  std::string created_at, created_by, updated_at, updated_by;
};

struct Region {
  std::string code;         // shortest-prefix form, see RegionCode
  std::string name;
  RegionLevel level = RegionLevel::kVillage;
  std::string parent_code;  // empty for the county
};

struct Person {
  int64_t id = 0;
  std::optional<int64_t> household_id;
  std::string name;
  std::string id_number;    // normalised, 18 characters
  std::string sex;          // "male" | "female" (derived from the ID number)
  Date birth_date;          // derived from the ID number
  std::string relationship = "99";  // enums::relationships() id
  std::string ethnicity = "汉族";
  std::string education, enrolment, health = "healthy", labour, phone;
  std::string region_code;  // the household's region (for scoped queries)
  RecordMeta meta;
};

struct Household {
  int64_t id = 0;
  std::string number;       // 户编号
  std::string region_code;  // a village (12 digits) or a group (15)
  std::string address;
  std::string phone;
  std::optional<int64_t> head_person_id;
  std::vector<Person> members;
  RecordMeta meta;
};

struct Cadre {
  int64_t id = 0;
  std::string name, unit, phone;
  std::string region_code;  // where the cadre works (township or village)
  std::vector<std::string> kinds;  // enums::cadre_kinds() ids
  RecordMeta meta;
};

struct VillageTeam {
  int64_t id = 0;
  std::string village_code;
  std::string name;
  std::optional<int64_t> leader_cadre_id;
  std::vector<int64_t> member_cadre_ids;  // includes the leader
  Date from_date;
  std::optional<Date> to_date;
  RecordMeta meta;
};

struct Pairing {
  int64_t id = 0;
  int64_t cadre_id = 0;
  int64_t household_id = 0;
  Date from_date;
  std::optional<Date> to_date;  // empty: the cadre is responsible now
  RecordMeta meta;
};

// Who is writing: the login (or "cli", "demo", "import") and where from.
struct Actor {
  std::string name = "cli";
  std::string address;
  std::string role;
};

}  // namespace lz
