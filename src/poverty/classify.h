// 贫困户分类管理: each household's class (stable / consolidate / key_support),
// computed from the check and income, with the reasons in words; and the
// manual override an authorised user may set, which wins and says so.
//
// The rule, in order (the first that applies decides):
//   key_support  (重点扶持户) if the household is not yet lifted
//                (status registered_poor), or has a gap in 一超过 or
//                两不愁三保障 (groups income_above_line, food, clothing,
//                education, medical, housing);
//   consolidate  (巩固提升户) if per-capita net income is below the relapse
//                threshold (relapse_factor x line, 6,000 yuan by default), or
//                there is a gap in water, policy or consistency, or a risk case
//                is open, or any rule is unknown (stability cannot be shown
//                without the data);
//   stable       (稳定脱贫户) otherwise: every rule passes and income is at or
//                above the threshold.
// The reasons listed are those of the class decided.
//
// Called by check_all (counts), the store/API (the household's class and why;
// overrides), and the demo generator.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "auth/roles.h"
#include "core/error.h"
#include "poverty/check.h"

namespace lz::poverty {

struct ClassReason {
  // "status.registered_poor", "gap.<rule id>", "income.below_relapse_threshold",
  // "risk.open", "unknown.<rule id>", "all_pass"
  std::string code;
  std::string zh, en;
};

// Fast form: no allocation unless `why` is given (then the reasons are
// appended, gaps described by their rule).
PovertyClass classify(const HouseholdView& view, const Outcomes& outcomes, const RuleContext& ctx,
                      std::vector<ClassReason>* why = nullptr);

// A manual class set by an authorised user (county_admin or township_officer).
struct ClassOverride {
  PovertyClass cls = PovertyClass::kKeySupport;
  std::string reason;  // required: why the computed class is wrong
  std::string by;      // login of who decided
  Role role = Role::kTownshipOfficer;
  Date on;
};

// Roles that may override a class (data, not code paths).
bool may_override_class(Role role);
// Error codes: class_override.{reason_required,by_required,forbidden,date_future}.
Status validate_override(const ClassOverride& o, Date as_of);

struct Classification {
  int64_t household_id = 0;
  PovertyClass computed = PovertyClass::kKeySupport;
  std::vector<ClassReason> reasons;  // why `computed`; gaps quote the check's reason
  std::optional<ClassOverride> override_;

  bool overridden() const { return override_.has_value(); }
  PovertyClass effective() const { return override_ ? override_->cls : computed; }
};

// Full form from a CheckResult (reasons quote each gap's finding). An override,
// if given, wins; it is not validated here (validate_override does that when
// it is set).
Classification classify(const HouseholdFacts& facts, const CheckResult& result,
                        const CheckConfig& config, std::optional<ClassOverride> override_ = {});

// One line for people: "重点扶持户：尚未脱贫；…" or, overridden,
// "巩固提升户（人工认定，计算结果为重点扶持户）：<reason>（张三，2020-02-10）".
std::string describe(const Classification& c, Lang lang);

}  // namespace lz::poverty
