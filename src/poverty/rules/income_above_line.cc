// Rule income.above_line (一超过), version 1.
// Pass: per-capita net income for the year is above the poverty line
//   (CheckConfig::poverty_line_fen, 4,000 yuan for 2020).
// Gap: at or below the line, with both figures.
// Unknown: an income field, or the members, not recorded.
#include <fmt/format.h>

#include "poverty/money.h"
#include "poverty/rules/helpers.h"
#include "poverty/rules/rules.h"

namespace lz::poverty::rulebook {

static Outcome evaluate(const HouseholdView& h, const RuleContext& ctx, Finding* why) {
  const PerCapitaIncome& inc = h.income;
  if (!inc.known()) {
    if (why) missing(*why, std::string(inc.missing), field_zh(inc.missing), field_en(inc.missing));
    return Outcome::kUnknown;
  }
  const int64_t line = ctx.config->poverty_line_fen;
  if (*inc.fen > line) return Outcome::kPass;
  if (why) {
    const bool equal = *inc.fen == line;
    why->reason_zh = fmt::format("人均纯收入{}元，{}{}元的标准", format_yuan(*inc.fen),
                                 equal ? "未超过" : "低于", format_yuan(line));
    why->reason_en =
        fmt::format("Per-capita net income {} yuan is {} the line of {} yuan",
                    format_yuan(*inc.fen), equal ? "not above" : "below", format_yuan(line));
    why->field = "income";
  }
  return Outcome::kGap;
}

Rule income_above_line() {
  return {
      .id = "income.above_line",
      .version = 1,
      .group = RuleGroup::kIncomeAboveLine,
      .name_zh = "人均纯收入超过贫困线",
      .name_en = "Income above the poverty line",
      .description_zh =
          "一超过：家庭年人均纯收入（工资性、经营性、财产性、转移性收入之和减生产经营性支出，"
          "除以家庭人口）超过当年贫困标准",
      .description_en =
          "Income above the line: the household's per-capita net income for the year "
          "(wage, business, property and transfer income less business costs, divided "
          "by the members) is above the year's poverty line",
      .reads = {"income.wage_fen", "income.business_fen", "income.property_fen",
                "income.transfer_fen", "income.business_costs_fen", "members"},
      .evaluate = evaluate,
  };
}

}  // namespace lz::poverty::rulebook
