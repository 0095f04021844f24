// JobsService: the livelihood front's jobs use cases, joining the domain
// (src/livelihood/jobs.h, matching.h) to the store (SqliteJobsStore) and to
// the poverty front. Each use case runs in one transaction with everything it
// sets off, so a refused request writes nothing:
//  - registering a labourer checks the person is a member of a registered
//    poor (incl. lifted) or marginal household and able to work;
//  - a placement (or a welfare-post holding) credits its household's wage
//    income of the year (rule in livelihood/jobs.h) and re-checks the
//    household (PovertyService::recheck), so the check sees it at once; a
//    posting never takes more placements than it has places (409
//    job_posting.full), and fills / reopens as placements start and end;
//  - ending one early credits back the difference and re-checks again.
// No SQL and no HTTP here. Called by the HTTP handlers and the demo.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/poverty_service.h"
#include "core/date.h"
#include "livelihood/jobs.h"
#include "livelihood/matching.h"
#include "store/sqlite/sqlite_jobs.h"

namespace lz::app {

// What a placement or holding did to its household's wage income and check.
struct IncomeEffect {
  int64_t household_id = 0;
  int year = 0;
  int64_t credited_fen = 0;  // this change (negative: taken back)
  std::optional<int64_t> wage_before_fen, wage_after_fen;
  std::optional<HouseholdCheck> check;  // none when the household is not in the poverty register
};

struct PlacementResult {
  livelihood::Placement placement;
  livelihood::Posting posting;  // after (filled count, status)
  IncomeEffect income;
};

struct HoldingResult {
  livelihood::WelfareHolding holding;
  IncomeEffect income;
};

struct PlacementInput {
  int64_t labourer_id = 0;
  int64_t posting_id = 0;
  Date start_date;
  std::optional<Date> end_date;
  std::optional<int64_t> monthly_wage_fen;  // default: the posting's pay
};

struct MatchResult {
  livelihood::Posting posting;
  std::vector<livelihood::Ranked> ranked;
  int64_t candidates = 0;
};

class JobsService {
 public:
  JobsService(sqlite::SqliteJobsStore& store, PovertyService& poverty, std::function<Date()> today)
      : store_(store), poverty_(poverty), today_(std::move(today)) {}
  Date today() const { return today_ ? today_() : Date::today(); }
  sqlite::SqliteJobsStore& store() { return store_; }

  // The labour register. `in.person_id` names the person; household and
  // region are theirs.
  Result<sqlite::LabourerView> register_labourer(livelihood::Labourer in, const Actor& actor);
  // Saves an edited labourer (in.version: the expected version). The status
  // `placed` is set and cleared by placements only.
  Result<sqlite::LabourerView> update_labourer(livelihood::Labourer in, const Actor& actor);

  Result<livelihood::Employer> add_employer(livelihood::Employer in, const Actor& actor);
  Result<livelihood::Posting> add_posting(livelihood::Posting in, const Actor& actor);
  // Edits with the version the user saw (stale: 409). A posting keeps at
  // least the places already filled; a welfare post's pay, village and
  // active flag stay while someone holds it (end the holder's term first).
  Result<livelihood::Employer> update_employer(livelihood::Employer in, int64_t expected_version,
                                               const Actor& actor);
  Result<livelihood::Posting> update_posting(livelihood::Posting in, int64_t expected_version,
                                             const Actor& actor);
  Result<livelihood::WelfarePost> update_welfare_post(livelihood::WelfarePost in,
                                                      int64_t expected_version, const Actor& actor);
  // open | closed (filled is set by placements).
  Result<livelihood::Posting> set_posting_status(int64_t id, const std::string& status,
                                                 int64_t expected_version, const Actor& actor);

  // Ranks the available labourers under region_prefix for the posting.
  Result<MatchResult> match(int64_t posting_id, const std::string& region_prefix, int64_t limit);

  Result<PlacementResult> place(const PlacementInput& in, const Actor& actor);
  Result<PlacementResult> end_placement(int64_t id, Date end_date, const std::string& reason,
                                        int64_t expected_version, const Actor& actor);

  Result<livelihood::WelfarePost> add_welfare_post(livelihood::WelfarePost in, const Actor& actor);
  Result<HoldingResult> assign_welfare_post(int64_t post_id, int64_t person_id, Date from,
                                            std::optional<Date> to, const Actor& actor);
  // Ends the post's current holding on `to` (its last day).
  Result<HoldingResult> release_welfare_post(int64_t post_id, Date to, const std::string& reason,
                                             const Actor& actor);

 private:
  // Adds delta to the household's wage income of `year` and re-checks it.
  Result<IncomeEffect> credit(int64_t household_id, int year, int64_t delta_fen,
                              const Actor& actor);
  Status check_date(Date d, const char* field) const;
  // The database's county code, read once (regions of employers, postings, posts lie in it).
  Result<std::string> county();

  sqlite::SqliteJobsStore& store_;
  PovertyService& poverty_;
  std::function<Date()> today_;
  std::string county_;
};

}  // namespace lz::app
