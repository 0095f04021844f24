// Rule consistency.unstable_work (数据一致性·务工不稳但无劳动力), version 1.
// An open risk case of kind unstable_work (因务工就业不稳) presumes someone in
// the household works.
// Pass: no such open case, or a member can work (ordinary, skilled, weak).
// Gap: such a case while every member's labour is lost or none.
// Unknown: such a case, nobody known to work, a member's labour unrecorded.
#include <fmt/format.h>

#include "poverty/rules/helpers.h"
#include "poverty/rules/rules.h"

namespace lz::poverty::rulebook {

static Outcome evaluate(const HouseholdView& h, const RuleContext&, Finding* why) {
  const HouseholdFacts& f = *h.facts;
  int case_index = -1;
  for (size_t i = 0; i < f.risks.size(); ++i)
    if (f.risks[i].is_open() && f.risks[i].kinds.has(RiskKind::kUnstableWork)) {
      case_index = static_cast<int>(i);
      break;
    }
  if (case_index < 0 || labourers(f) > 0) return Outcome::kPass;
  if (labour_unrecorded(f)) {
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
    why->reason_zh = fmt::format("{}登记了“因务工就业不稳”风险，但家庭成员均无劳动能力",
                                 f.risks[case_index].opened_on.iso());
    why->reason_en = fmt::format(
        "A risk of unstable work was registered on {}, yet no member "
        "can work",
        f.risks[case_index].opened_on.iso());
    why->field = fmt::format("risks[{}].kinds", case_index);
  }
  return Outcome::kGap;
}

Rule consistency_unstable_work() {
  return {
      .id = "consistency.unstable_work",
      .version = 1,
      .group = RuleGroup::kConsistency,
      .name_zh = "务工不稳须有劳动力",
      .name_en = "Unstable work needs labour",
      .description_zh = "登记“因务工就业不稳”风险的家庭须有劳动力",
      .description_en = "A household with an open risk of unstable work has a member who can work",
      .reads = {"risks[].kinds", "risks[].closed_on", "members[].labour"},
      .evaluate = evaluate,
  };
}

}  // namespace lz::poverty::rulebook
