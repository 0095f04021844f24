// 防返贫监测: relapse monitoring. Which lifted and marginal households to
// monitor on income (should_monitor), opening a monitoring case when
// something happens to a household (open_case: illness, disability, disaster,
// accident, job loss, business failure, and the epidemic: a member
// quarantined or infected, produce unsold), and eliminating the risk with its
// method and date (eliminate), each validated and refused with an Error in
// words. Cases are RiskCase values (facts.h), which the check's consistency
// rules also read.
//
// Called by the store/API (case endpoints), the epidemic front (a quarantine
// or a confirmed case in a registered household opens a case) and the demo.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "poverty/config.h"
#include "poverty/facts.h"

namespace lz::poverty {

enum class MonitorVerdict : uint8_t {
  kMonitor,    // below the threshold: monitor
  kNotNeeded,  // at or above it, or not a monitored kind of household
  kUnknown,    // income not recorded
};

struct MonitorDecision {
  MonitorVerdict verdict = MonitorVerdict::kNotNeeded;
  std::optional<RiskCategory> category;  // when kMonitor
  std::string reason_zh, reason_en;
  std::string missing_field;  // when kUnknown
};

// Lifted households (-> unstable_lifted) and marginal households
// (-> marginal_at_risk) whose per-capita net income is below relapse_factor x
// the poverty line are monitored. Registered-poor households are not (they
// are still in the register, under key support); ordinary households only
// through a sudden-hardship trigger (open_case).
MonitorDecision should_monitor(const HouseholdFacts& h, const CheckConfig& config);

// Something that happened to a household.
struct Trigger {
  TriggerKind kind = TriggerKind::kIllness;
  Date on;                               // when it happened
  std::optional<int64_t> person_id;      // required for member triggers (trigger_needs_person)
  std::optional<RiskCategory> category;  // default: by the household's status
  std::string note;                      // what happened, in words
};

// The category a trigger puts a household in by default: lifted ->
// unstable_lifted, marginal -> marginal_at_risk, ordinary -> sudden_hardship.
std::optional<RiskCategory> default_category(HouseholdStatus s);

// Opens a case on as_of with an assessment deadline (relapse_assess_days).
// Refused (codes relapse.*): registered_poor households (registered_poor: they
// are supported as registered poor), a trigger after as_of (date_future), a
// member trigger without a person (person_required) or with someone not in
// the household (person_not_member), a category that does not fit the status
// (category_mismatch: unstable_lifted only for lifted, marginal_at_risk for
// marginal or ordinary), and an open case for the same trigger and person
// (duplicate, ErrorKind::kConflict).
Result<RiskCase> open_case(const HouseholdFacts& h, const Trigger& trigger, Date as_of,
                           const CheckConfig& config);

struct Elimination {
  CloseMethod method = CloseMethod::kAssistance;
  Date on;
  std::string note;  // required for `other`
  std::string by;    // login
};

// Closes `c` (one of h.risks, or a case of h) with the method and date.
// Refused (codes relapse.*): the case belongs to another household
// (wrong_household), already closed (already_closed), date before opening
// (date_before_opened) or after as_of (date_future); by assistance without an
// assistance measure dated between the opening and the elimination
// (no_assistance), or while per-capita income is not above the poverty line
// (income_below_line); income_recovered while income is below the relapse
// threshold (income_below_threshold); either while income is not recorded
// (income_unknown); other without a note (note_required).
Result<RiskCase> eliminate(const HouseholdFacts& h, const RiskCase& c, const Elimination& e,
                           Date as_of, const CheckConfig& config);

// Records the assessment (研判) of an open case: not before it opened, not
// after as_of, once (relapse.already_assessed).
Result<RiskCase> record_assessment(const RiskCase& c, Date on, std::string note, Date as_of);

// Open, not yet assessed, and the assessment deadline is before as_of.
bool is_assessment_overdue(const RiskCase& c, Date as_of);

}  // namespace lz::poverty
