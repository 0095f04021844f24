// Matching labourers to a job posting (岗位匹配): a pure ranking with its
// explanation. Candidates are ordered by, in turn:
//   1. tier: registered poor (incl. lifted) first, then marginal households,
//      then anyone else;
//   2. skills: more of the posting's wanted skills held first;
//   3. distance: same village, then same township, then the county, then
//      farther;
//   4. availability: available on or before the start date first;
//   5. wanted work: both the wanted kind and the wanted place fit, then one,
//      then none (an empty wish fits anything);
//   6. the labourer id (earlier registration first), so ties are stable.
// Each candidate carries the reasons of its rank in Chinese and English.
// No SQL, no HTTP: the store loads the candidates, the service calls rank().
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/date.h"
#include "livelihood/jobs.h"

namespace lz::livelihood {

struct Candidate {
  int64_t labourer_id = 0;
  int64_t person_id = 0;
  std::string name;  // for the list (not used in ranking)
  Tier tier = Tier::kOther;
  std::string region_code;  // the labourer's village (or group)
  std::vector<std::string> skills;
  Date available_from;
  std::string hours = "full_time";
  std::string wanted_kind;  // "" = any
  std::string wanted_place = "anywhere";
};

struct MatchNeeds {
  std::string region_code;  // where the work is
  std::string kind;
  std::vector<std::string> skills;
  Date start_date;
  std::string hours = "full_time";
};

enum class Distance { kSameVillage = 0, kSameTownship = 1, kSameCounty = 2, kFarther = 3 };
const char* distance_id(Distance d);  // same_village | same_township | same_county | farther
Distance distance_between(const std::string& a, const std::string& b);

struct Reason {
  std::string code;  // tier.registered_poor, skills.matched, distance.same_village, ...
  std::string zh, en;
};

struct Ranked {
  Candidate candidate;
  int rank = 0;  // 1-based
  int skills_matched = 0;
  std::vector<std::string> skills_missing;
  Distance distance = Distance::kFarther;
  bool available_by_start = false;
  int wish_fit = 0;  // 0..2: wanted kind and wanted place fit
  std::vector<Reason> reasons;
};

// Ranks every candidate (none is dropped: the caller limits the list).
std::vector<Ranked> rank(const MatchNeeds& needs, std::vector<Candidate> candidates);

// The first `limit` of rank() (same candidates, order and ranks), holding
// only those in memory while ranking: a county-wide match over a
// province-sized register assesses every candidate but keeps `limit`.
std::vector<Ranked> rank_top(const MatchNeeds& needs, std::vector<Candidate> candidates,
                             size_t limit);

}  // namespace lz::livelihood
