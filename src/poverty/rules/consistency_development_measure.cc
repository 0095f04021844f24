// Rule consistency.development_measure (数据一致性·有劳动力无开发式帮扶), version 1.
// As in the national monitoring system: a household with labour and an open
// risk case must get a development measure (industry, employment, skills
// training, microcredit, welfare post, produce matching) within the grace
// period (CheckConfig::development_grace_months, 6) of the case opening.
// Pass: no open case older than the grace period; or nobody can work; or a
//   development measure dated on or after each such case's opening.
// Gap: an open case past the grace period with labour and no such measure.
// Unknown: such a case, nobody known to work, a member's labour unrecorded.
#include <fmt/format.h>

#include "poverty/rules/helpers.h"
#include "poverty/rules/rules.h"

namespace lz::poverty::rulebook {

static bool has_development_since(const HouseholdFacts& f, Date since) {
  for (const auto& m : f.measures)
    if (is_development(m.kind) && m.on >= since) return true;
  return false;
}

static bool lacking(const HouseholdFacts& f, const RiskCase& r, const RuleContext& ctx) {
  return r.is_open() && r.opened_on <= ctx.grace_cutoff && !has_development_since(f, r.opened_on);
}

static Outcome evaluate(const HouseholdView& h, const RuleContext& ctx, Finding* why) {
  const HouseholdFacts& f = *h.facts;
  int lacking_index = -1;
  for (size_t i = 0; i < f.risks.size(); ++i)
    if (lacking(f, f.risks[i], ctx)) {
      lacking_index = static_cast<int>(i);
      break;
    }
  if (lacking_index < 0) return Outcome::kPass;
  int workers = labourers(f);
  if (workers == 0) {
    if (!labour_unrecorded(f)) return Outcome::kPass;
    if (why) {
      for (size_t i = 0; i < f.members.size(); ++i)
        if (!f.members[i].labour) {
          missing(*why, member_field(i, "labour"),
                  fmt::format("{}的劳动能力", member_zh(f.members[i])),
                  fmt::format("The labour capacity of {}", member_en(f.members[i])));
          break;
        }
    }
    return Outcome::kUnknown;
  }
  if (why) {
    const RiskCase& r = f.risks[lacking_index];
    const int months = ctx.config->development_grace_months;
    why->reason_zh = fmt::format(
        "家中有{}名劳动力，返贫风险自{}登记已满{}"
        "个月仍未消除，但此后没有任何开发式帮扶措施（产业、就业、"
        "技能培训、小额信贷等）",
        workers, r.opened_on.iso(), months);
    why->reason_en = fmt::format(
        "{} member(s) can work and a risk case open since {} is more than {} months old, yet no "
        "development measure (industry, employment, training, microcredit...) followed",
        workers, r.opened_on.iso(), months);
    why->field = fmt::format("risks[{}]", lacking_index);
  }
  return Outcome::kGap;
}

Rule consistency_development_measure() {
  return {
      .id = "consistency.development_measure",
      .version = 1,
      .group = RuleGroup::kConsistency,
      .name_zh = "有劳动力须有开发式帮扶",
      .name_en = "Development measure for open risks",
      .description_zh =
          "有劳动力且存在未消除风险的家庭，风险登记满6个月（可配置）须有开发式帮扶措施",
      .description_en =
          "A household with labour and an open risk case has a development measure "
          "within 6 months (configurable) of the case opening",
      .reads = {"risks[].opened_on", "risks[].closed_on", "members[].labour", "measures[].kind",
                "measures[].on"},
      .evaluate = evaluate,
  };
}

}  // namespace lz::poverty::rulebook
