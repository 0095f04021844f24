// Cadres' visits to households (走访): the visit log, the latest visit per
// household, which households are overdue for a visit (none within
// CheckConfig::visit_interval_days), and how a visit's findings map to the
// check's items (两不愁 feed the rules food.secure and clothing.secure; the
// other findings are the cadre's observations, compared with the check).
//
// Called by the store/API (visit endpoints, the household page's "last
// visited", the overdue list), by whoever builds HouseholdFacts (visit_facts),
// and the demo generator.
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/error.h"
#include "poverty/check.h"
#include "poverty/config.h"
#include "poverty/facts.h"

namespace lz::poverty {

// What the cadre found, per check item (not asked = empty).
struct VisitFindings {
  std::optional<bool> food_ok;       // 不愁吃
  std::optional<bool> clothing_ok;   // 不愁穿
  std::optional<bool> schooling_ok;  // children of school age in school
  std::optional<bool> medical_ok;    // insured, able to see a doctor
  std::optional<bool> housing_ok;    // the house looks safe
  std::optional<bool> water_ok;      // safe drinking water
};

struct Visit {
  int64_t id = 0;  // assigned by the store
  int64_t household_id = 0;
  std::optional<int64_t> cadre_id;
  Date on;
  VisitMode mode = VisitMode::kInPerson;
  VisitFindings findings;
  std::string note;
};

// The mapping of findings to the check's items.
struct VisitItem {
  const char* id;  // "food_ok", ...
  const char* zh;
  const char* en;
  RuleGroup group;
  std::optional<bool> VisitFindings::*field;
  bool read_by_check;  // true: the check's rule reads it (food, clothing)
};
std::span<const VisitItem> visit_items();

// Refuses a visit dated after as_of (visit.date_future) or without a
// household (visit.household_required).
Status validate_visit(const Visit& v, Date as_of);

// The latest visit on or before as_of among `visits` (any households: pass
// one household's); ties on the date go to the in-person visit, then the
// higher id. nullptr if none.
const Visit* last_visit(std::span<const Visit> visits, Date as_of);

// HouseholdFacts::visit from the latest visit (its date, mode and its food and
// clothing findings; an item that visit did not record stays empty, and the
// rule answers unknown for it). Empty when there is no visit.
std::optional<VisitFacts> visit_facts(std::span<const Visit> visits, Date as_of);

struct VisitStatus {
  int64_t household_id = 0;
  std::optional<Date> last_on;
  std::optional<VisitMode> last_mode;
  std::optional<Date> due;  // last_on + interval; empty when never visited
  bool overdue = false;     // never visited, or due before as_of
  int days_since = -1;      // days since the last visit; -1 when never visited
};
VisitStatus visit_status(int64_t household_id, std::span<const Visit> visits, Date as_of,
                         const CheckConfig& config);

// One row per household for the overdue list (the store fills last_on).
struct HouseholdVisitRow {
  int64_t household_id = 0;
  std::string region_code;
  std::optional<int64_t> cadre_id;
  std::optional<Date> last_on;
};
// The rows that are overdue, most overdue first (never visited first), then
// by household id.
std::vector<HouseholdVisitRow> overdue_visits(std::span<const HouseholdVisitRow> rows, Date as_of,
                                              const CheckConfig& config);

// Where a visit's finding and the check disagree: the cadre saw a problem the
// check passed, or found fine what the check calls a gap.
struct VisitDiscrepancy {
  const VisitItem* item = nullptr;
  bool visit_ok = false;
  Outcome check_outcome = Outcome::kPass;  // the worst outcome of the item's group
  std::string zh, en;
};
std::vector<VisitDiscrepancy> discrepancies(const Visit& v, const CheckResult& result);

}  // namespace lz::poverty
