// PovertyService: the poverty front's use cases, joining the domain rules
// (src/poverty/) to the store (SqlitePovertyStore). Used by the HTTP
// handlers, the CLI (`liangzhan audit`), the demo generator and the
// reactions from the other fronts. No SQL and no HTTP here.
#pragma once
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "poverty/check.h"
#include "poverty/classify.h"
#include "poverty/relapse.h"
#include "poverty/tasks.h"
#include "store/sqlite/sqlite_poverty.h"

namespace lz::app {

struct HouseholdCheck {
  poverty::CheckResult result;
  poverty::Classification classification;
  poverty::Reconciliation tasks;  // what the re-check did to the household's tasks
};

struct TownshipSummary {
  std::string code, name;
  poverty::CheckSummary summary;
};

struct RegionCheck {
  poverty::CheckSummary county;
  std::vector<TownshipSummary> townships;
  int64_t monitored = 0;         // households with an open monitoring case
  int64_t tasks_opened = 0, tasks_closed = 0, tasks_reopened = 0;
  double load_seconds = 0, check_seconds = 0;
  // The facts checked, handed to the caller: a command about to exit may
  // keep them rather than spend ~0.3 s freeing a province's (cmd_audit.cc).
  std::vector<poverty::HouseholdFacts> facts;
};

class PovertyService {
 public:
  // `today` (when given) is the county's day: the check runs as of it and
  // for its year, so records dated today are not "in the future" for the
  // poverty front (a county made with `init` lives on the calendar; the demo
  // on its demo date). Without it, config.as_of and config.year stay fixed.
  PovertyService(sqlite::SqlitePovertyStore& store, poverty::CheckConfig config = {},
                 std::function<Date()> today = {})
      : store_(store), config_(config), today_(std::move(today)) {}
  const poverty::CheckConfig& config() const {
    if (today_) {
      config_.as_of = today_();
      config_.year = config_.as_of.year();
    }
    return config_;
  }

  // Checks one household, saves its findings and class (an override is kept),
  // and reconciles its gap tasks (opens new gaps, closes fixed ones, reopens
  // returning ones).
  Result<HouseholdCheck> recheck(int64_t household_id, const Actor& actor);
  // A change of who is responsible for a household (a pairing made, ended or
  // removed), in one transaction with the re-check that hands the household's
  // open gap tasks to the cadre responsible now. A household outside the
  // poverty register is only changed; a failed change or re-check leaves
  // nothing.
  Status change_responsible(int64_t household_id, const Actor& actor,
                            const std::function<Status()>& change);
  // Checks every poor and marginal household under `region_prefix`. With
  // `apply`, saves findings and classes and reconciles tasks as recheck() does.
  Result<RegionCheck> check_region(const std::string& region_prefix, bool apply, const Actor& actor);

  // Gap task actions by a signed-in user: "fix" (cadre), "verify" and "return" (township officer).
  Result<poverty::GapTask> act_on_task(int64_t task_id, const std::string& action, const poverty::TaskActor& who,
                                       const std::string& note, const std::string& evidence,
                                       const std::string& photo_ref, std::optional<Date> on, const Actor& actor);

  // Relapse monitoring: a trigger opens a case (e.g. from the epidemic front);
  // elimination closes it.
  Result<poverty::RiskCase> open_monitoring(int64_t household_id, const poverty::Trigger& trigger,
                                            const std::string& source, const Actor& actor);
  Result<poverty::RiskCase> eliminate(int64_t case_id, const poverty::Elimination& e, const Actor& actor);

 private:
  Result<poverty::HouseholdFacts> facts(int64_t household_id);
  sqlite::SqlitePovertyStore& store_;
  mutable poverty::CheckConfig config_;  // as_of and year follow today_ (config())
  std::function<Date()> today_;
};

}  // namespace lz::app
