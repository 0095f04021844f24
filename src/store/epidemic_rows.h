// Flat rows of the epidemic front's tables, as bulk paths (the demo
// generator, imports) write them. The domain types in src/epidemic/ are
// richer; these carry just what the tables hold.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "core/date.h"

namespace lz {

struct KeyPersonRow {
  int64_t id = 0, person_id = 0;
  std::string region_code, category, source;
  Date added_on;
  std::optional<Date> arrival_on;
  std::string arrived_from, travel_mode, note;
};

struct CaseRow {
  int64_t id = 0, person_id = 0;
  std::string region_code, state;  // suspected | confirmed | discharged | deceased | excluded
  std::optional<Date> suspected_on, confirmed_on, closed_on;
  std::string suspected_place, confirmed_place, closed_place;
};

struct ContactRow {
  int64_t person_a = 0, person_b = 0;
  Date on;
  std::string setting, closeness = "close";
};

struct ObservationRow {
  int64_t id = 0, person_id = 0;
  std::string region_code, kind, site, room;  // kind: home | centralized
  Date start, last_exposure, planned_end;
  std::optional<Date> released_on;
  std::optional<int64_t> cadre_id;
};

struct FollowUpRow {
  int64_t observation_id = 0;
  Date day;
  std::string done_at;  // ISO 8601
  double temperature = 36.5;
  std::string symptoms;
  bool alert = false;
  std::string by;
};

struct CheckpointRow {
  int64_t id = 0;
  std::string name, location, region_code;
};

struct PassageRow {
  int64_t checkpoint_id = 0;
  std::string at;  // ISO 8601 local time
  Date on;
  std::string plate, origin;
  int persons = 1;
  double max_temperature = 36.5;
  int fevers = 0;
};

}  // namespace lz
