// Loads the flat records the daily bulletin is computed from (epidemic::
// compute_bulletin): cases, key persons, observations, follow-ups, checkpoint
// passages, the registered poor, relapse monitoring cases and cadres. One
// scan per table; the figures themselves are computed in src/epidemic/.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "epidemic/bulletin.h"
#include "store/sqlite/db.h"

namespace lz::sqlite {

struct BulletinData {
  std::vector<epidemic::CaseRecord> cases;
  std::vector<epidemic::KeyPersonRecord> key_persons;
  std::vector<epidemic::ObservationRecord> observations;
  std::vector<epidemic::FollowUpRecord> follow_ups;
  std::vector<epidemic::PassageRecord> passages;
  std::vector<epidemic::RegisteredPoorMember> registered_poor;
  std::vector<epidemic::RelapseCaseRecord> relapse_cases;
  std::vector<epidemic::CadreRecord> cadres;
  epidemic::BulletinInput input() const {
    return {cases,    key_persons,     observations,  follow_ups,
            passages, registered_poor, relapse_cases, cadres};
  }
};

// Records dated on or before `through` (later ones cannot change the bulletin of that day).
// Passages count only on their own day: with `from`, only those dated from..through are
// loaded (enough for the bulletin of any day from..through; a day's bulletin passes itself).
Result<BulletinData> load_bulletin_data(Db& db, Date through,
                                        std::optional<Date> from = std::nullopt);

// The registry's counts of each region, as the list endpoints count them:
// live households, live persons, and live households in the poverty register
// (registered poor or lifted).
struct RegistryCounts {
  int64_t households = 0;
  int64_t persons = 0;
  int64_t poor_households = 0;
};
Result<std::vector<RegistryCounts>> registry_counts(Db& db,
                                                    const std::vector<std::string>& regions);

}  // namespace lz::sqlite
