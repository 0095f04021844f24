#include "poverty/config.h"

#include <fmt/format.h>

#include "poverty/money.h"

namespace lz::poverty {

int TaskDeadlines::for_group(RuleGroup g) const {
  switch (g) {
    case RuleGroup::kIncomeAboveLine:
      return income_above_line;
    case RuleGroup::kFood:
      return food;
    case RuleGroup::kClothing:
      return clothing;
    case RuleGroup::kEducation:
      return education;
    case RuleGroup::kMedical:
      return medical;
    case RuleGroup::kHousing:
      return housing;
    case RuleGroup::kWater:
      return water;
    case RuleGroup::kPolicy:
      return policy;
    case RuleGroup::kConsistency:
      return consistency;
  }
  return consistency;
}

int64_t CheckConfig::relapse_threshold_fen() const {
  return scale_fen(poverty_line_fen, relapse_factor);
}

static Error bad(const char* field, std::string zh, std::string en) {
  return invalid("poverty_config.invalid", field, std::move(zh), std::move(en));
}

Status validate(const CheckConfig& c) {
  if (c.poverty_line_fen <= 0)
    return bad("poverty_line_fen", "贫困标准线必须大于0", "The poverty line must be above zero");
  if (!(c.relapse_factor >= 1.0 && c.relapse_factor <= 10.0))
    return bad("relapse_factor", "返贫监测倍数应在1到10之间",
               "The relapse factor must be between 1 and 10");
  if (c.dibao_line_fen < 0)
    return bad("dibao_line_fen", "低保标准不能为负数", "The dibao line cannot be negative");
  if (c.year < 2013 || c.year > 2100)
    return bad("year", fmt::format("检查年度{}无效（精准扶贫自2013年起）", c.year),
               fmt::format("The check year {} is not valid (targeted poverty alleviation began in "
                           "2013)",
                           c.year));
  const TaskDeadlines& t = c.task_deadline_days;
  const int days[] = {t.income_above_line, t.food,  t.clothing, t.education,  t.medical,
                      t.housing,           t.water, t.policy,   t.consistency};
  for (int i = 0; i < kRuleGroupCount; ++i)
    if (days[i] <= 0) {
      auto g = static_cast<RuleGroup>(i);
      Error e = bad("", fmt::format("“{}”的整改期限必须大于0天", zh(g)),
                    fmt::format("The deadline for \"{}\" gaps must be at least one day", en(g)));
      e.field = std::string("task_deadline_days.") + id(g);
      return e;
    }
  if (c.visit_interval_days <= 0)
    return bad("visit_interval_days", "走访间隔必须大于0天",
               "The visit interval must be at least one day");
  if (c.development_grace_months <= 0)
    return bad("development_grace_months", "开发式帮扶宽限期必须大于0个月",
               "The development-measure grace period must be at least one month");
  if (c.relapse_assess_days <= 0)
    return bad("relapse_assess_days", "风险研判期限必须大于0天",
               "The risk assessment deadline must be at least one day");
  if (c.school_age_min < 0 || c.school_age_min > c.school_age_max)
    return bad("school_age_min", "义务教育年龄范围无效",
               "The compulsory-education age range is not valid");
  return Status::Ok();
}

}  // namespace lz::poverty
