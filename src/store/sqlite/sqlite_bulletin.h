// Loads the flat records the daily bulletin is computed from (epidemic::
// compute_bulletin): cases, key persons, observations, follow-ups, checkpoint
// passages, the registered poor, relapse monitoring cases and cadres. One
// scan per table (or, for one day and region, index ranges and SQL counts);
// the figures themselves are computed in src/epidemic/.
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
  std::optional<epidemic::BulletinDayTotals> day_totals;  // load_bulletin_day's
  epidemic::BulletinInput input() const {
    return {cases,         key_persons, observations,
            follow_ups,    passages,    registered_poor,
            relapse_cases, cadres,      day_totals ? &*day_totals : nullptr};
  }
};

// Records dated on or before `through` (later ones cannot change the bulletin of that day).
// Passages count only on their own day: with `from`, only those dated from..through are
// loaded (enough for the bulletin of any day from..through; a day's bulletin passes itself).
Result<BulletinData> load_bulletin_data(Db& db, Date through,
                                        std::optional<Date> from = std::nullopt);

// What the bulletin of one day and one region needs, and no more (the daily
// bulletin's loader; compute_bulletin(input(), day, region_prefix) equals the
// bulletin computed from load_bulletin_data): observations, their follow-ups,
// the registered poor and relapse cases of the region only (cases and
// key-person listings of every region, as registered members count wherever
// they were listed or confirmed); the day's passages and the region's cadres
// counted in SQL (day_totals) rather than returned row by row.
Result<BulletinData> load_bulletin_day(Db& db, Date day, const std::string& region_prefix);

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
