// Rule consistency.student_labour (数据一致性·在校生登记为劳动力), version 1.
// A child of compulsory-education age who is in school is recorded, in the
// national system, as a student, not as labour.
// Pass: no such child is recorded with ordinary, skilled or weak labour.
// Gap: one is, named with the labour recorded.
// Never unknown: a missing labour capacity is not a contradiction.
#include <fmt/format.h>

#include "poverty/rules/helpers.h"
#include "poverty/rules/rules.h"

namespace lz::poverty::rulebook {

static bool in_school(Enrolment e) {
  return e == Enrolment::kPrimary || e == Enrolment::kJuniorSecondary ||
         e == Enrolment::kSeniorSecondary || e == Enrolment::kVocational;
}

static bool contradicts(const MemberFacts& m, const RuleContext& ctx) {
  return m.labour && can_work(*m.labour) && m.enrolment && in_school(*m.enrolment) &&
         of_school_age(m, ctx);
}

static Outcome evaluate(const HouseholdView& h, const RuleContext& ctx, Finding* why) {
  const auto& members = h.facts->members;
  bool gap = false;
  for (const auto& m : members)
    if (contradicts(m, ctx)) {
      if (!why) return Outcome::kGap;
      gap = true;
    }
  if (!gap) return Outcome::kPass;
  std::vector<std::string> zh_items, en_items;
  for (size_t i = 0; i < members.size(); ++i) {
    const MemberFacts& m = members[i];
    if (!contradicts(m, ctx)) continue;
    zh_items.push_back(
        fmt::format("{}（{}，登记为{}）", member_zh(m), zh(*m.enrolment), zh(*m.labour)));
    en_items.push_back(
        fmt::format("{} ({}, recorded as {})", member_en(m), en(*m.enrolment), en(*m.labour)));
    if (why->field.empty()) why->field = member_field(i, "labour");
  }
  why->reason_zh = fmt::format("义务教育阶段在校生不应登记为劳动力：{}", join_zh(zh_items));
  why->reason_en =
      fmt::format("Pupils of compulsory school age recorded as labour: {}", join_en(en_items));
  return Outcome::kGap;
}

Rule consistency_student_labour() {
  return {
      .id = "consistency.student_labour",
      .version = 1,
      .group = RuleGroup::kConsistency,
      .name_zh = "在校生不计为劳动力",
      .name_en = "Pupils not counted as labour",
      .description_zh = "义务教育阶段在校生的劳动能力不应登记为普通、技能或弱劳动力",
      .description_en =
          "A pupil of compulsory school age is not recorded as ordinary, skilled or "
          "weak labour",
      .reads = {"members[].birth_date", "members[].enrolment", "members[].labour"},
      .evaluate = evaluate,
  };
}

}  // namespace lz::poverty::rulebook
