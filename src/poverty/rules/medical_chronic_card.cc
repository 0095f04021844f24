// Rule medical.chronic_card (三保障·基本医疗: 慢病卡), version 1.
// Members with a chronic or serious illness need the chronic / special
// disease outpatient card (慢性病、特殊病种门诊卡) so outpatient care is reimbursed.
// Pass: every such member has one (members without such illness need none).
// Gap: such a member has no card.
// Unknown: a member's health, or a sick member's card, is not recorded.
#include <fmt/format.h>

#include "poverty/rules/helpers.h"
#include "poverty/rules/rules.h"

namespace lz::poverty::rulebook {

static bool needs_card(Health h) {
  return h == Health::kChronicIllness || h == Health::kSeriousIllness;
}

static Outcome evaluate(const HouseholdView& h, const RuleContext&, Finding* why) {
  const auto& members = h.facts->members;
  bool gap = false;
  int unknown_index = -1;
  for (size_t i = 0; i < members.size(); ++i) {
    const MemberFacts& m = members[i];
    if (!m.health || (needs_card(*m.health) && !m.chronic_card)) {
      if (unknown_index < 0) unknown_index = static_cast<int>(i);
      continue;
    }
    if (needs_card(*m.health) && !*m.chronic_card) {
      if (!why) return Outcome::kGap;
      gap = true;
    }
  }
  if (gap) {
    std::vector<std::string> zh_items, en_items;
    for (size_t i = 0; i < members.size(); ++i) {
      const MemberFacts& m = members[i];
      if (!m.health || !needs_card(*m.health) || !m.chronic_card || *m.chronic_card) continue;
      zh_items.push_back(fmt::format("{}（{}）", member_zh(m), zh(*m.health)));
      en_items.push_back(fmt::format("{} ({})", member_en(m), en(*m.health)));
      if (why->field.empty()) why->field = member_field(i, "chronic_card");
    }
    why->reason_zh = fmt::format("患慢性病或大病的成员未办理慢病卡：{}", join_zh(zh_items));
    why->reason_en = fmt::format(
        "Chronically or seriously ill member(s) without a chronic-illness "
        "card: {}",
        join_en(en_items));
    return Outcome::kGap;
  }
  if (unknown_index >= 0) {
    if (why) {
      const MemberFacts& m = members[unknown_index];
      if (!m.health)
        missing(*why, member_field(unknown_index, "health"),
                fmt::format("{}的健康状况", member_zh(m)),
                fmt::format("The health of {}", member_en(m)));
      else
        missing(
            *why, member_field(unknown_index, "chronic_card"),
            fmt::format("{}（{}）是否办理慢病卡", member_zh(m), zh(*m.health)),
            fmt::format("Whether {} ({}) has a chronic-illness card", member_en(m), en(*m.health)));
    }
    return Outcome::kUnknown;
  }
  return Outcome::kPass;
}

Rule medical_chronic_card() {
  return {
      .id = "medical.chronic_card",
      .version = 1,
      .group = RuleGroup::kMedical,
      .name_zh = "慢性病门诊卡",
      .name_en = "Chronic-disease card",
      .description_zh = "基本医疗有保障：患长期慢性病或大病的成员已办理慢性病、特殊病种门诊卡",
      .description_en =
          "Basic medical care: every member with a chronic or serious illness has "
          "the chronic / special-disease outpatient card",
      .reads = {"members[].health", "members[].chronic_card"},
      .evaluate = evaluate,
  };
}

}  // namespace lz::poverty::rulebook
