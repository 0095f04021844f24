// Rule education.enrolment (三保障·义务教育), version 1.
// Members of compulsory-education age (6 to 15 on 31 August that opened the
// school year in progress; CheckConfig::school_age_min/max) must be in school.
// Pass: every such member is enrolled (any stage from preschool up; a child
//   who just turned 6 may still be in preschool).
// Gap: a member of that age is recorded as not enrolled or dropped out (辍学).
// Unknown: a member of that age has no enrolment recorded.
#include <fmt/format.h>

#include "poverty/rules/helpers.h"
#include "poverty/rules/rules.h"

namespace lz::poverty::rulebook {

static bool out_of_school(Enrolment e) {
  return e == Enrolment::kNotEnrolled || e == Enrolment::kDroppedOut;
}

static Outcome evaluate(const HouseholdView& h, const RuleContext& ctx, Finding* why) {
  const auto& members = h.facts->members;
  int out = 0;
  int unknown_index = -1;
  for (size_t i = 0; i < members.size(); ++i) {
    const MemberFacts& m = members[i];
    if (!of_school_age(m, ctx)) continue;
    if (!m.enrolment) {
      if (unknown_index < 0) unknown_index = static_cast<int>(i);
      continue;
    }
    if (out_of_school(*m.enrolment)) {
      if (!why) return Outcome::kGap;
      ++out;
    }
  }
  if (out > 0) {
    std::vector<std::string> zh_items, en_items;
    for (size_t i = 0; i < members.size(); ++i) {
      const MemberFacts& m = members[i];
      if (!of_school_age(m, ctx) || !m.enrolment || !out_of_school(*m.enrolment)) continue;
      int age = m.birth_date.age_on(ctx.school_year_cutoff);
      zh_items.push_back(fmt::format("{}（学年初{}岁，{}）", member_zh(m), age, zh(*m.enrolment)));
      en_items.push_back(fmt::format("{} ({} at the start of the school year, {})", member_en(m),
                                     age, en(*m.enrolment)));
      if (why->field.empty()) why->field = member_field(i, "enrolment");
    }
    why->reason_zh = fmt::format("义务教育阶段适龄成员未在校：{}", join_zh(zh_items));
    why->reason_en =
        fmt::format("Member(s) of compulsory school age not in school: {}", join_en(en_items));
    return Outcome::kGap;
  }
  if (unknown_index >= 0) {
    if (why) {
      const MemberFacts& m = members[unknown_index];
      missing(*why, member_field(unknown_index, "enrolment"),
              fmt::format("义务教育适龄成员{}的在校情况", member_zh(m)),
              fmt::format("The school enrolment of {}, of compulsory school age,", member_en(m)));
    }
    return Outcome::kUnknown;
  }
  return Outcome::kPass;
}

Rule education_enrolment() {
  return {
      .id = "education.enrolment",
      .version = 1,
      .group = RuleGroup::kEducation,
      .name_zh = "义务教育有保障",
      .name_en = "Compulsory education",
      .description_zh =
          "义务教育有保障：6至15周岁（以学年起始的8月31日计）的家庭成员均在校，无失学辍学",
      .description_en =
          "Compulsory education: every member aged 6 to 15 (on 31 August that opened "
          "the school year) is in school; none out of school or dropped out",
      .reads = {"members[].birth_date", "members[].enrolment"},
      .evaluate = evaluate,
  };
}

}  // namespace lz::poverty::rulebook
