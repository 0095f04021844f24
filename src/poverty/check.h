// The poverty check: every rule (rules()) run over one household or over
// many. Three entry points, from slowest to fastest:
//   check(facts, config)        -> CheckResult: every rule's outcome, and for
//                                  gaps and unknowns the reason in words and
//                                  the field (for the household page, the API,
//                                  and gap tasks);
//   check_outcomes(view, ctx)   -> Outcomes: outcome per rule in a fixed array
//                                  plus bitmasks; no heap allocation;
//   check_all(households, cfg)  -> CheckSummary: counts per rule and per class,
//                                  no reason strings (county dashboards, the
//                                  benchmark: 1,000,000 households).
// Called by the store/API (check a household, re-check a village), tasks.h
// (reconcile against a CheckResult), classify.h and the benchmark.
#pragma once
#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "poverty/config.h"
#include "poverty/facts.h"
#include "poverty/rule.h"

namespace lz::poverty {

// All rules, in report order (一超过, 两不愁, 三保障, 饮水, 政策, 一致性). A plain
// function-local table: no static-initialisation order to worry about.
std::span<const Rule> rules();
const Rule* find_rule(std::string_view id);  // nullptr if no such rule
// Position of `rule` in rules() (for Outcomes::by_rule and bitmasks).
size_t rule_index(const Rule& rule);

inline constexpr size_t kMaxRules = 32;  // bitmasks are 32 bits wide

struct RuleResult {
  const Rule* rule = nullptr;  // into rules(): static lifetime
  Outcome outcome = Outcome::kPass;
  Finding finding;  // empty on pass
};

struct CheckResult {
  int64_t household_id = 0;
  std::vector<RuleResult> results;  // one per rule, in rules() order

  const RuleResult* find(std::string_view rule_id) const;
  int count(Outcome o) const;
  bool has_gap(RuleGroup g) const;
};

// The allocation-free form: outcome per rule (by_rule[i] for rules()[i]) and
// which rules (bit i) and groups (bit RuleGroup) have gaps or unknowns.
struct Outcomes {
  std::array<Outcome, kMaxRules> by_rule{};
  uint8_t size = 0;
  uint32_t gap_rules = 0;
  uint32_t unknown_rules = 0;
  uint32_t gap_groups = 0;
  uint32_t unknown_groups = 0;

  bool gap_in(RuleGroup g) const { return gap_groups & (1u << static_cast<unsigned>(g)); }
  bool unknown_in(RuleGroup g) const { return unknown_groups & (1u << static_cast<unsigned>(g)); }
  bool all_pass() const { return gap_rules == 0 && unknown_rules == 0; }
};

Outcomes check_outcomes(const HouseholdView& view, const RuleContext& ctx);
// The same outcomes recovered from a full result.
Outcomes outcomes_of(const CheckResult& result);

// Every rule with reasons for gaps and unknowns.
CheckResult check(const HouseholdFacts& facts, const CheckConfig& config);
// One rule alone (tests, the API's "why" for one item).
RuleResult evaluate(const Rule& rule, const HouseholdFacts& facts, const CheckConfig& config);

struct RuleTally {
  std::string_view rule_id;
  int64_t pass = 0, gap = 0, unknown = 0;
};

struct CheckSummary {
  int64_t households = 0;
  std::vector<RuleTally> rules;      // in rules() order
  std::array<int64_t, 3> classes{};  // by PovertyClass (computed, no overrides)
  int64_t all_pass = 0;              // households where every rule passed
  int64_t with_gap = 0;              // households with at least one gap
  int64_t with_unknown = 0;          // households with at least one unknown
  int64_t count(PovertyClass c) const { return classes[static_cast<size_t>(c)]; }
  const RuleTally* find(std::string_view rule_id) const;
};

// Sums households' outcomes and classes into a CheckSummary, one at a time
// (check_all; a county and its townships fed from one pass).
class SummaryBuilder {
 public:
  void add(const Outcomes& o, PovertyClass c);
  CheckSummary finish() const;

 private:
  std::array<std::array<int64_t, 3>, kMaxRules> counts_{};  // [rule][outcome]
  std::array<int64_t, 3> classes_{};
  int64_t households_ = 0, all_pass_ = 0, with_gap_ = 0, with_unknown_ = 0;
};

// Every household checked once, summed into the whole and into its group
// (the first `prefix` characters of its region code: 9 = township), groups
// in code order.
struct GroupedSummary {
  CheckSummary all;
  std::vector<std::pair<std::string, CheckSummary>> groups;
};
GroupedSummary check_all_grouped(std::span<const HouseholdFacts> households,
                                 const CheckConfig& config, size_t prefix);

// Checks and classifies every household; builds no reasons. Allocates only
// the summary itself.
CheckSummary check_all(std::span<const HouseholdFacts> households, const CheckConfig& config);
CheckSummary check_all(const std::vector<HouseholdFacts>& households, const CheckConfig& config);

}  // namespace lz::poverty
