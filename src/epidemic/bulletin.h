// The daily bulletin's arithmetic (疫情防控和脱贫攻坚日报): a pure function over
// flat records (records.h) for a day D and a region prefix. Everything is "as
// of D": only steps, listings, starts, releases, follow-ups and passages dated
// D or before count; anything dated after D is ignored. One pass over each
// list (hash sets for distinct counts): O(records).
//
// Region: a record counts if its region_code starts with region_prefix (""
// or "430281" is the county). Cases, key persons, observations, registered
// members, relapse cases and cadres by their own region_code; follow-ups by
// their observation's; passages by their checkpoint's.
//
// Field definitions (copied to the README):
//
// epidemic
//   confirmed_new           cases confirmed on D.
//   confirmed_total         cases confirmed on or before D (whatever happened
//                           after: discharged and deceased cases included).
//   discharged_total        cases discharged on or before D.
//   in_hospital             cases confirmed on or before D and neither
//                           discharged nor deceased on or before D.
//   deaths_total            cases deceased on or before D.
//   suspected               cases whose state at the end of D is suspected:
//                           suspected on or before D, and not confirmed,
//                           excluded (or deceased) on or before D.
//   under_observation       observations with start <= D and not released on
//                           or before D (an observation past its planned end
//                           without a release still counts).
//   observation_home        of those, home observations.
//   observation_centralized of those, centralised observations.
//   released_total          observations released on or before D.
//   key_persons_total       distinct persons with a key-person listing added
//                           on or before D (cumulative: listings are not
//                           removed).
//   key_persons_by_category listings added on or before D, per category (a
//                           person listed in two categories counts in both,
//                           so the sum can exceed key_persons_total).
//   follow_ups_due          observations with D among their due days (start
//                           .. min(planned_end, released_on) - 1).
//   follow_ups_done         of those, the ones with a follow-up for D
//                           recorded on or before D.
//   follow_ups_overdue      due days before D (start <= day < D, before the
//                           planned end and the release) with no follow-up for
//                           that day recorded on or before D. D's own
//                           follow-up is never overdue on D.
//   days_without_new_case   D minus the last day on or before D with a
//                           confirmation: 0 if a case was confirmed on D, 1
//                           if the last was the day before; null when no case
//                           was confirmed on or before D.
//   checkpoint_passages     passages (vehicles or groups) on D.
//   checkpoint_fevers       persons with a fever at checkpoints on D.
// poverty
//   registered_households   distinct households of the registered members
//                           (the register as it stands: not dated).
//   registered_persons      distinct registered members.
//   registered_persons_key_persons  registered members with a key-person
//                           listing (any category, any region) added on or
//                           before D.
//   registered_persons_infected     registered members with a case confirmed
//                           on or before D (any outcome since).
//   households_relapse_monitoring   distinct households with a relapse case
//                           open at the end of D (opened on or before D, not
//                           closed on or before D).
//   households_relapsed_due_to_epidemic  distinct households with an
//                           epidemic-triggered relapse case whose relapsed_on
//                           is on or before D (无一户因疫返贫: the seed's 0).
// cadres (the registry as it stands: not dated)
//   village_stationed       cadres of kind village_stationed.
//   paired                  cadres of kind paired.
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/date.h"
#include "epidemic/records.h"

namespace lz::epidemic {

struct KeyPersonsByCategory {
  int64_t confirmed = 0;
  int64_t suspected = 0;
  int64_t fever = 0;
  int64_t close_contact = 0;
  int64_t hubei_returnee = 0;
  int64_t& of(KeyCategory c);
  int64_t of(KeyCategory c) const;
};

struct EpidemicFigures {
  int64_t confirmed_new = 0;
  int64_t confirmed_total = 0;
  int64_t discharged_total = 0;
  int64_t in_hospital = 0;
  int64_t deaths_total = 0;
  int64_t suspected = 0;
  int64_t under_observation = 0;
  int64_t observation_home = 0;
  int64_t observation_centralized = 0;
  int64_t released_total = 0;
  int64_t key_persons_total = 0;
  KeyPersonsByCategory key_persons_by_category;
  int64_t follow_ups_due = 0;
  int64_t follow_ups_done = 0;
  int64_t follow_ups_overdue = 0;
  std::optional<int64_t> days_without_new_case;  // null: no confirmation yet
  int64_t checkpoint_passages = 0;
  int64_t checkpoint_fevers = 0;
};

struct PovertyFigures {
  int64_t registered_households = 0;
  int64_t registered_persons = 0;
  int64_t registered_persons_key_persons = 0;
  int64_t registered_persons_infected = 0;
  int64_t households_relapse_monitoring = 0;
  int64_t households_relapsed_due_to_epidemic = 0;
};

struct CadreFigures {
  int64_t village_stationed = 0;
  int64_t paired = 0;
};

struct Bulletin {
  Date date;
  std::string region_prefix;
  EpidemicFigures epidemic;
  PovertyFigures poverty;
  CadreFigures cadres;
};

// Figures a loader has counted already for one day and one region (the daily
// bulletin's loader counts these in SQL over covering indexes instead of
// returning a row per passage and per cadre): checkpoint_passages and
// checkpoint_fevers of that day, and the cadres of that region.
struct BulletinDayTotals {
  Date day;
  std::string region_prefix;
  int64_t checkpoint_passages = 0;
  int64_t checkpoint_fevers = 0;
  CadreFigures cadres;
};

struct BulletinInput {
  std::span<const CaseRecord> cases;
  std::span<const KeyPersonRecord> key_persons;
  std::span<const ObservationRecord> observations;
  std::span<const FollowUpRecord> follow_ups;
  std::span<const PassageRecord> passages;
  std::span<const RegisteredPoorMember> registered_poor;
  std::span<const RelapseCaseRecord> relapse_cases;
  std::span<const CadreRecord> cadres;
  // When set (and of the bulletin's day and region), passages and cadres are
  // not read: the figures are taken from here.
  const BulletinDayTotals* day_totals = nullptr;
};

Bulletin compute_bulletin(const BulletinInput& in, Date d, std::string_view region_prefix);

}  // namespace lz::epidemic
