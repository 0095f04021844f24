// Rule consistency.register_years (数据一致性·建档与脱贫年度), version 1.
// Pass: the years agree with the status: registered_poor has a registration
//   year no later than the check year and no lifted year; lifted has both,
//   registration <= lifted <= check year; marginal and ordinary households
//   (outside the register) have neither.
// Gap: a year contradicts the status or the other year.
// Unknown: a registered or lifted household lacks a year it must have.
#include <fmt/format.h>

#include "poverty/rules/helpers.h"
#include "poverty/rules/rules.h"

namespace lz::poverty::rulebook {

static Outcome gap(Finding* why, const char* field, std::string zh, std::string en) {
  if (why) {
    why->reason_zh = std::move(zh);
    why->reason_en = std::move(en);
    why->field = field;
  }
  return Outcome::kGap;
}

static Outcome evaluate(const HouseholdView& h, const RuleContext& ctx, Finding* why) {
  const HouseholdFacts& f = *h.facts;
  const int year = ctx.config->year;
  switch (f.status) {
    case HouseholdStatus::kMarginal:
    case HouseholdStatus::kOrdinary:
      if (!f.registered_year && !f.lifted_year) return Outcome::kPass;
      if (!why) return Outcome::kGap;
      return gap(why, f.registered_year ? "registered_year" : "lifted_year",
                 fmt::format("{}不在建档立卡范围，不应有建档或脱贫年度", zh(f.status)),
                 fmt::format("A {} is outside the register and has no registration or lifted year",
                             en(f.status)));
    case HouseholdStatus::kRegisteredPoor:
    case HouseholdStatus::kLifted:
      break;
  }
  if (!f.registered_year) {
    if (why) missing(*why, "registered_year", "建档年度", "The registration year");
    return Outcome::kUnknown;
  }
  if (*f.registered_year > year) {
    if (!why) return Outcome::kGap;
    return gap(why, "registered_year",
               fmt::format("建档年度{}晚于检查年度{}", *f.registered_year, year),
               fmt::format("The registration year {} is after the check year {}",
                           *f.registered_year, year));
  }
  if (f.status == HouseholdStatus::kRegisteredPoor) {
    if (!f.lifted_year) return Outcome::kPass;
    if (!why) return Outcome::kGap;
    return gap(why, "lifted_year",
               fmt::format("尚未脱贫的贫困户不应有脱贫年度（登记为{}年）", *f.lifted_year),
               fmt::format("A household not yet lifted has a lifted year ({})", *f.lifted_year));
  }
  if (!f.lifted_year) {
    if (why)
      missing(*why, "lifted_year", "已脱贫户的脱贫年度", "The year the household was lifted");
    return Outcome::kUnknown;
  }
  if (*f.lifted_year < *f.registered_year) {
    if (!why) return Outcome::kGap;
    return gap(why, "lifted_year",
               fmt::format("脱贫年度{}早于建档年度{}", *f.lifted_year, *f.registered_year),
               fmt::format("The lifted year {} is before the registration year {}", *f.lifted_year,
                           *f.registered_year));
  }
  if (*f.lifted_year > year) {
    if (!why) return Outcome::kGap;
    return gap(why, "lifted_year", fmt::format("脱贫年度{}晚于检查年度{}", *f.lifted_year, year),
               fmt::format("The lifted year {} is after the check year {}", *f.lifted_year, year));
  }
  return Outcome::kPass;
}

Rule consistency_register_years() {
  return {
      .id = "consistency.register_years",
      .version = 1,
      .group = RuleGroup::kConsistency,
      .name_zh = "建档与脱贫年度一致",
      .name_en = "Register and lifted years agree",
      .description_zh =
          "建档年度、脱贫年度与贫困户状态一致（建档≤脱贫≤检查年度；非建档立卡户无此二项）",
      .description_en =
          "Registration and lifted years agree with the status (registered <= "
          "lifted <= check year; households outside the register have neither)",
      .reads = {"status", "registered_year", "lifted_year"},
      .evaluate = evaluate,
  };
}

}  // namespace lz::poverty::rulebook
