// Rule policy.microcredit_unused (政策落实·扶贫小额信贷应贷尽贷), version 1.
// Microcredit is the policy for registered households poor for lack of
// capital (缺资金) that have labour to put it to work.
// Applies to registered households (registered_poor, lifted) whose causes
// include `capital` and that have at least one member who can work.
// Pass: it does not apply, or a loan or a microcredit measure is recorded.
// Gap: it applies and the household has never used microcredit.
// Unknown: lack of capital, no loan, nobody known to work, and a member's
//   labour capacity not recorded.
#include <fmt/format.h>

#include "poverty/rules/helpers.h"
#include "poverty/rules/rules.h"

namespace lz::poverty::rulebook {

static Outcome evaluate(const HouseholdView& h, const RuleContext&, Finding* why) {
  const HouseholdFacts& f = *h.facts;
  if (f.status != HouseholdStatus::kRegisteredPoor && f.status != HouseholdStatus::kLifted)
    return Outcome::kPass;
  if (!f.causes.has(Cause::kCapital) || !f.benefits.loans.empty()) return Outcome::kPass;
  for (const auto& m : f.measures)
    if (m.kind == MeasureKind::kMicrocredit) return Outcome::kPass;
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
    why->reason_zh =
        fmt::format("致贫原因含缺资金、家中有{}名劳动力，但从未使用扶贫小额信贷", workers);
    why->reason_en = fmt::format(
        "Poor for lack of capital with {} member(s) able to work, yet "
        "microcredit has never been used",
        workers);
    why->field = "benefits.loans";
  }
  return Outcome::kGap;
}

Rule policy_microcredit_unused() {
  return {
      .id = "policy.microcredit_unused",
      .version = 1,
      .group = RuleGroup::kPolicy,
      .name_zh = "扶贫小额信贷应贷尽贷",
      .name_en = "Microcredit where it fits",
      .description_zh =
          "扶贫小额信贷应贷尽贷：因缺资金致贫且有劳动力的建档立卡户已使用扶贫小额信贷",
      .description_en =
          "Microcredit where it fits: a registered household poor for lack of capital "
          "and with labour has used poverty-alleviation microcredit",
      .reads = {"status", "causes", "members[].labour", "benefits.loans", "measures[].kind"},
      .evaluate = evaluate,
  };
}

}  // namespace lz::poverty::rulebook
