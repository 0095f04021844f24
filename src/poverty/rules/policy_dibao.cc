// Rule policy.dibao (政策落实·低保应保尽保), version 1.
// A household whose per-capita net income is below the rural dibao line
// (CheckConfig::dibao_line_fen) qualifies for dibao on income (assets are
// assessed in the field, not here).
// Pass: dibao granted; or 特困 support granted (the two are exclusive); or
//   not granted and income at or above the dibao line.
// Gap: not granted although income is below the dibao line.
// Unknown (only when it matters: income not known to be at or above the
//   line): dibao not recorded; or not granted and income not recorded; or
//   income below the line and 特困 support not recorded.
#include <fmt/format.h>

#include "poverty/money.h"
#include "poverty/rules/helpers.h"
#include "poverty/rules/rules.h"

namespace lz::poverty::rulebook {

static Outcome evaluate(const HouseholdView& h, const RuleContext& ctx, Finding* why) {
  const Benefits& b = h.facts->benefits;
  if ((b.dibao && *b.dibao) || (b.tekun && *b.tekun)) return Outcome::kPass;
  const PerCapitaIncome& inc = h.income;
  const int64_t line = ctx.config->dibao_line_fen;
  // Not qualifying on income settles it, whatever else is missing.
  if (inc.known() && *inc.fen >= line) return Outcome::kPass;
  if (!b.dibao) {
    if (why)
      missing(*why, "benefits.dibao", field_zh("benefits.dibao"), "Whether dibao is granted");
    return Outcome::kUnknown;
  }
  if (!inc.known()) {
    if (why) missing(*why, std::string(inc.missing), field_zh(inc.missing), field_en(inc.missing));
    return Outcome::kUnknown;
  }
  if (!b.tekun) {
    if (why)
      missing(*why, "benefits.tekun", field_zh("benefits.tekun"),
              "Whether tekun support is granted");
    return Outcome::kUnknown;
  }
  if (why) {
    why->reason_zh = fmt::format("人均纯收入{}元，低于农村低保标准{}元，符合低保条件但未纳入低保",
                                 format_yuan(*inc.fen), format_yuan(line));
    why->reason_en = fmt::format(
        "Per-capita net income {} yuan is below the rural dibao line of {} "
        "yuan, yet dibao is not granted",
        format_yuan(*inc.fen), format_yuan(line));
    why->field = "benefits.dibao";
  }
  return Outcome::kGap;
}

Rule policy_dibao() {
  return {
      .id = "policy.dibao",
      .version = 1,
      .group = RuleGroup::kPolicy,
      .name_zh = "低保应保尽保",
      .name_en = "Dibao for all who qualify",
      .description_zh = "低保应保尽保：人均纯收入低于农村低保标准的家庭已纳入低保（或特困供养）",
      .description_en =
          "Dibao for all who qualify: a household whose per-capita net income is below "
          "the rural dibao line receives dibao (or tekun support)",
      .reads = {"benefits.dibao", "benefits.tekun", "income.wage_fen", "income.business_fen",
                "income.property_fen", "income.transfer_fen", "income.business_costs_fen",
                "members"},
      .evaluate = evaluate,
  };
}

}  // namespace lz::poverty::rulebook
