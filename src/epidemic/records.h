// Flat records: the minimum of each epidemic (and poverty, cadre) record that
// counting needs, as plain ids, region codes and dates, so the store can load
// hundreds of thousands of them with one SELECT each and the bulletin can
// count them in one pass. The rich records (Case, Observation, FollowUp,
// Passage, ...) convert to these with to_record() in their own headers.
//
// region_code is always the person's registry region (their household's
// village or group) — not where they are treated or observed — except for
// PassageRecord, which carries the checkpoint's region. Jurisdiction filters
// are prefix tests on it.
//
// Called by bulletin.h, observation.h (follow-up counts), the store and the
// demo generator.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"
#include "epidemic/vocab.h"

namespace lz::epidemic {

// A case: the date of each step it has taken (empty: not taken). A case opens
// as suspected or confirmed; see case.h for the lifecycle.
struct CaseRecord {
  int64_t case_id = 0;
  int64_t person_id = 0;
  std::string region_code;
  std::optional<Date> suspected_on, confirmed_on, discharged_on, deceased_on, excluded_on;
};

// A key person listed in a category on a day (a person listed in two
// categories has two records).
struct KeyPersonRecord {
  int64_t person_id = 0;
  std::string region_code;
  KeyCategory category = KeyCategory::kCloseContact;
  Date added_on;
};

// A medical observation. planned_end is the current planned end (after any
// extension): the first day no longer under observation if not released
// earlier; the last observed day is planned_end - 1.
struct ObservationRecord {
  int64_t observation_id = 0;
  int64_t person_id = 0;
  std::string region_code;
  ObservationKind kind = ObservationKind::kHome;
  Date start;
  Date planned_end;
  std::optional<Date> released_on;
};

// A follow-up done for one observation's due day `day`, recorded on
// `recorded_on` (the day it was entered; on time if equal to `day`).
struct FollowUpRecord {
  int64_t observation_id = 0;
  Date day;
  Date recorded_on;
};

// One checkpoint passage (a vehicle or a group on foot): the checkpoint's
// region, the day, how many persons passed and how many had a fever.
struct PassageRecord {
  std::string region_code;
  Date on;
  int persons = 0;
  int fevers = 0;
};

// A member of a household in the poverty register (建档立卡: not yet lifted and
// lifted), as the register stands now.
struct RegisteredPoorMember {
  int64_t person_id = 0;
  int64_t household_id = 0;
  std::string region_code;
};

// A relapse-monitoring case of the poverty front (防返贫监测). `epidemic`: its
// trigger is one of the epidemic's (epidemic_quarantine, epidemic_infection,
// produce_unsold). `relapsed_on`: the day the household was found to have
// fallen (back) below the poverty line, if it did (返贫/致贫).
struct RelapseCaseRecord {
  int64_t household_id = 0;
  std::string region_code;
  Date opened_on;
  std::optional<Date> closed_on;
  bool epidemic = false;
  std::optional<Date> relapsed_on;
};

// A cadre as the registry stands now: where they work and their kinds.
struct CadreRecord {
  int64_t cadre_id = 0;
  std::string region_code;
  bool village_stationed = false;
  bool paired = false;
};

// True if `region_code` lies within `prefix` (an empty prefix covers all).
inline bool in_region(std::string_view region_code, std::string_view prefix) {
  return region_code.substr(0, prefix.size()) == prefix;
}

}  // namespace lz::epidemic
