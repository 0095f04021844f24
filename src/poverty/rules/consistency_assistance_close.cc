// Rule consistency.assistance_close (数据一致性·帮扶消除但收入仍低于标准), version 1.
// A risk case closed "by assistance" (帮扶消除) claims the household is out of
// danger; its per-capita net income must then be above the poverty line.
// Pass: no case closed by assistance, or income above the line.
// Gap: a case closed by assistance while income is at or below the line.
// Unknown: such a case and income not recorded.
#include <fmt/format.h>

#include "poverty/money.h"
#include "poverty/rules/helpers.h"
#include "poverty/rules/rules.h"

namespace lz::poverty::rulebook {

static Outcome evaluate(const HouseholdView& h, const RuleContext& ctx, Finding* why) {
  const HouseholdFacts& f = *h.facts;
  int closed_index = -1;
  for (size_t i = 0; i < f.risks.size(); ++i)
    if (!f.risks[i].is_open() && f.risks[i].close_method == CloseMethod::kAssistance) {
      closed_index = static_cast<int>(i);
      break;
    }
  if (closed_index < 0) return Outcome::kPass;
  const PerCapitaIncome& inc = h.income;
  if (!inc.known()) {
    if (why) missing(*why, std::string(inc.missing), field_zh(inc.missing), field_en(inc.missing));
    return Outcome::kUnknown;
  }
  const int64_t line = ctx.config->poverty_line_fen;
  if (*inc.fen > line) return Outcome::kPass;
  if (why) {
    const RiskCase& r = f.risks[closed_index];
    why->reason_zh = fmt::format("返贫风险于{}以“帮扶消除”关闭，但人均纯收入{}元仍未超过{}元的标准",
                                 r.closed_on->iso(), format_yuan(*inc.fen), format_yuan(line));
    why->reason_en = fmt::format(
        "A risk case was closed on {} as eliminated by assistance, yet per-capita net income {} "
        "yuan is still not above the line of {} yuan",
        r.closed_on->iso(), format_yuan(*inc.fen), format_yuan(line));
    why->field = fmt::format("risks[{}].close_method", closed_index);
  }
  return Outcome::kGap;
}

Rule consistency_assistance_close() {
  return {
      .id = "consistency.assistance_close",
      .version = 1,
      .group = RuleGroup::kConsistency,
      .name_zh = "帮扶消除后收入须过线",
      .name_en = "Income above the line after assistance",
      .description_zh = "以“帮扶消除”关闭风险的家庭，人均纯收入须超过贫困标准",
      .description_en =
          "A household whose risk case was closed as eliminated by assistance has "
          "per-capita net income above the poverty line",
      .reads = {"risks[].closed_on", "risks[].close_method", "income.wage_fen",
                "income.business_fen", "income.property_fen", "income.transfer_fen",
                "income.business_costs_fen", "members"},
      .evaluate = evaluate,
  };
}

}  // namespace lz::poverty::rulebook
