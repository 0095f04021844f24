// Rule housing.safe (三保障·住房安全), version 1.
// Pass: the house is graded A or B (房屋安全性鉴定: safe, or basically safe).
// Gap: graded C (局部危房) or D (整栋危房).
// Unknown: no grade recorded, or a grade other than A-D.
#include <fmt/format.h>

#include "poverty/rules/helpers.h"
#include "poverty/rules/rules.h"

namespace lz::poverty::rulebook {

static Outcome evaluate(const HouseholdView& h, const RuleContext&, Finding* why) {
  const auto& grade = h.facts->housing_grade;
  if (grade && (*grade == 'A' || *grade == 'B')) return Outcome::kPass;
  if (grade && (*grade == 'C' || *grade == 'D')) {
    if (why) {
      bool c = *grade == 'C';
      why->reason_zh = fmt::format("住房安全等级为{}级（{}），不符合住房安全有保障", *grade,
                                   c ? "局部危房" : "整栋危房");
      why->reason_en = fmt::format("The house is graded {} ({}): housing is not safe", *grade,
                                   c ? "partly dangerous" : "dangerous as a whole");
      why->field = "housing_grade";
    }
    return Outcome::kGap;
  }
  if (why) {
    if (!grade) {
      missing(*why, "housing_grade", "住房安全等级", "The housing safety grade");
    } else {
      why->reason_zh = fmt::format("住房安全等级“{}”无效（应为A、B、C、D），无法判断", *grade);
      why->reason_en = fmt::format(
          "The housing safety grade \"{}\" is not valid (A to D): cannot decide", *grade);
      why->field = "housing_grade";
    }
  }
  return Outcome::kUnknown;
}

Rule housing_safe() {
  return {
      .id = "housing.safe",
      .version = 1,
      .group = RuleGroup::kHousing,
      .name_zh = "住房安全有保障",
      .name_en = "Safe housing",
      .description_zh = "住房安全有保障：房屋安全等级为A级或B级（C级、D级为危房）",
      .description_en = "Safe housing: the house is graded A or B (C and D are dangerous)",
      .reads = {"housing_grade"},
      .evaluate = evaluate,
  };
}

}  // namespace lz::poverty::rulebook
