#include "poverty/rule.h"

#include "poverty/calendar.h"

namespace lz::poverty {

RuleContext make_context(const CheckConfig& config) {
  RuleContext ctx;
  ctx.config = &config;
  ctx.relapse_threshold_fen = config.relapse_threshold_fen();
  ctx.school_year_cutoff = school_year_cutoff(config.as_of);
  const int y = ctx.school_year_cutoff.year();
  // Age >= min on 31 August Y  <=>  born on or before 31 August (Y - min);
  // age <= max                 <=>  born after 31 August (Y - max - 1).
  ctx.school_born_by = *Date::from_ymd(y - config.school_age_min, 8, 31);
  ctx.school_born_after = *Date::from_ymd(y - config.school_age_max - 1, 8, 31);
  ctx.grace_cutoff = add_months(config.as_of, -config.development_grace_months);
  return ctx;
}

HouseholdView make_view(const HouseholdFacts& facts) {
  HouseholdView v;
  v.facts = &facts;
  v.income = per_capita_net_income(facts);
  return v;
}

}  // namespace lz::poverty
