// Rule medical.insurance (三保障·基本医疗: 参保), version 1.
// Pass: every member has basic medical insurance (基本医疗保险) and serious
//   illness insurance (大病保险) for the year.
// Gap: a member lacks either, naming the member and the insurance.
// Unknown: a member's insurance is not recorded (and no member lacks one).
#include <fmt/format.h>

#include "poverty/rules/helpers.h"
#include "poverty/rules/rules.h"

namespace lz::poverty::rulebook {

static Outcome evaluate(const HouseholdView& h, const RuleContext&, Finding* why) {
  const auto& members = h.facts->members;
  bool gap = false;
  std::string_view unknown_field;
  int unknown_index = -1;
  for (size_t i = 0; i < members.size(); ++i) {
    const MemberFacts& m = members[i];
    if ((m.basic_medical && !*m.basic_medical) || (m.serious_illness && !*m.serious_illness)) {
      if (!why) return Outcome::kGap;
      gap = true;
    } else if (unknown_index < 0 && (!m.basic_medical || !m.serious_illness)) {
      unknown_index = static_cast<int>(i);
      unknown_field = !m.basic_medical ? "basic_medical" : "serious_illness";
    }
  }
  if (gap) {
    std::vector<std::string> zh_items, en_items;
    for (size_t i = 0; i < members.size(); ++i) {
      const MemberFacts& m = members[i];
      bool no_basic = m.basic_medical && !*m.basic_medical;
      bool no_serious = m.serious_illness && !*m.serious_illness;
      if (!no_basic && !no_serious) continue;
      const char* what_zh = no_basic && no_serious ? "基本医疗保险和大病保险"
                            : no_basic             ? "基本医疗保险"
                                                   : "大病保险";
      const char* what_en = no_basic && no_serious ? "basic medical and serious illness insurance"
                            : no_basic             ? "basic medical insurance"
                                                   : "serious illness insurance";
      zh_items.push_back(fmt::format("{}未参加{}", member_zh(m), what_zh));
      en_items.push_back(fmt::format("{} has no {}", member_en(m), what_en));
      if (why->field.empty())
        why->field = member_field(i, no_basic ? "basic_medical" : "serious_illness");
    }
    why->reason_zh = join_zh(zh_items);
    why->reason_en = join_en(en_items);
    return Outcome::kGap;
  }
  if (unknown_index >= 0) {
    if (why) {
      const MemberFacts& m = members[unknown_index];
      bool basic = unknown_field == "basic_medical";
      missing(*why, member_field(unknown_index, unknown_field),
              fmt::format("{}的{}参保情况", member_zh(m), basic ? "基本医疗保险" : "大病保险"),
              fmt::format("The {} of {}",
                          basic ? "basic medical insurance" : "serious illness insurance",
                          member_en(m)));
    }
    return Outcome::kUnknown;
  }
  return Outcome::kPass;
}

Rule medical_insurance() {
  return {
      .id = "medical.insurance",
      .version = 1,
      .group = RuleGroup::kMedical,
      .name_zh = "基本医疗保险和大病保险",
      .name_en = "Medical and serious-illness insurance",
      .description_zh = "基本医疗有保障：家庭成员全部参加基本医疗保险和大病保险",
      .description_en =
          "Basic medical care: every member has basic medical insurance and serious "
          "illness insurance",
      .reads = {"members[].basic_medical", "members[].serious_illness"},
      .evaluate = evaluate,
  };
}

}  // namespace lz::poverty::rulebook
