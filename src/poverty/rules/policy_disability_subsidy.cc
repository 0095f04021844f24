// Rule policy.disability_subsidy (政策落实·残疾人两项补贴), version 1.
// Every member holding a disability certificate (20 characters: the member's
// ID number, category 1-7, grade 1-4) must receive the disability subsidy
// (困难残疾人生活补贴 / 重度残疾人护理补贴).
// Pass: every certified member has it (members without a certificate need none).
// Gap: a certified member does not receive it.
// Unknown: a certified member's subsidy is not recorded, or a certificate
//   number is not valid (named, with what is wrong).
#include <fmt/format.h>

#include "poverty/disability_certificate.h"
#include "poverty/rules/helpers.h"
#include "poverty/rules/rules.h"

namespace lz::poverty::rulebook {

static const char* problem_zh(CertificateProblem p) {
  switch (p) {
    case CertificateProblem::kLength:
      return "不是20位";
    case CertificateProblem::kIdNumber:
      return "前18位不是有效的公民身份号码";
    case CertificateProblem::kNotMember:
      return "前18位与本人公民身份号码不一致";
    case CertificateProblem::kCategory:
      return "第19位残疾类别应为1-7";
    case CertificateProblem::kGrade:
      return "第20位残疾等级应为1-4";
    case CertificateProblem::kNone:
      break;
  }
  return "";
}
static const char* problem_en(CertificateProblem p) {
  switch (p) {
    case CertificateProblem::kLength:
      return "it does not have 20 characters";
    case CertificateProblem::kIdNumber:
      return "its first 18 characters are not a valid ID number";
    case CertificateProblem::kNotMember:
      return "its first 18 characters are not the member's ID number";
    case CertificateProblem::kCategory:
      return "character 19 (category) must be 1-7";
    case CertificateProblem::kGrade:
      return "character 20 (grade) must be 1-4";
    case CertificateProblem::kNone:
      break;
  }
  return "";
}

static Outcome evaluate(const HouseholdView& h, const RuleContext&, Finding* why) {
  const auto& members = h.facts->members;
  bool gap = false;
  int unknown_index = -1;
  CertificateProblem unknown_problem = CertificateProblem::kNone;
  for (size_t i = 0; i < members.size(); ++i) {
    const MemberFacts& m = members[i];
    if (m.disability_certificate.empty()) continue;
    auto problem = check_disability_certificate(m.disability_certificate, m.id_number);
    if (problem != CertificateProblem::kNone || !m.disability_subsidy) {
      if (unknown_index < 0) {
        unknown_index = static_cast<int>(i);
        unknown_problem = problem;
      }
      continue;
    }
    if (!*m.disability_subsidy) {
      if (!why) return Outcome::kGap;
      gap = true;
    }
  }
  if (gap) {
    std::vector<std::string> zh_items, en_items;
    for (size_t i = 0; i < members.size(); ++i) {
      const MemberFacts& m = members[i];
      if (m.disability_certificate.empty() || !m.disability_subsidy || *m.disability_subsidy)
        continue;
      if (check_disability_certificate(m.disability_certificate, m.id_number) !=
          CertificateProblem::kNone)
        continue;
      int category = m.disability_certificate[18] - '0', grade = m.disability_certificate[19] - '0';
      zh_items.push_back(
          fmt::format("{}（{}{}级）", member_zh(m), disability_category_zh(category), grade));
      en_items.push_back(
          fmt::format("{} ({}, grade {})", member_en(m), disability_category_en(category), grade));
      if (why->field.empty()) why->field = member_field(i, "disability_subsidy");
    }
    why->reason_zh = fmt::format("持证残疾人未享受残疾人补贴：{}", join_zh(zh_items));
    why->reason_en = fmt::format("Certified disabled member(s) without the disability subsidy: {}",
                                 join_en(en_items));
    return Outcome::kGap;
  }
  if (unknown_index >= 0) {
    if (why) {
      const MemberFacts& m = members[unknown_index];
      if (unknown_problem != CertificateProblem::kNone) {
        why->reason_zh = fmt::format("{}的残疾人证号“{}”无效（{}），无法判断", member_zh(m),
                                     m.disability_certificate, problem_zh(unknown_problem));
        why->reason_en = fmt::format(
            "The disability certificate number \"{}\" of {} is not valid ({}): cannot "
            "decide",
            m.disability_certificate, member_en(m), problem_en(unknown_problem));
        why->field = member_field(unknown_index, "disability_certificate");
      } else {
        missing(*why, member_field(unknown_index, "disability_subsidy"),
                fmt::format("持证残疾人{}是否享受残疾人补贴", member_zh(m)),
                fmt::format("Whether {}, a certified disabled member, receives the disability "
                            "subsidy,",
                            member_en(m)));
      }
    }
    return Outcome::kUnknown;
  }
  return Outcome::kPass;
}

Rule policy_disability_subsidy() {
  return {
      .id = "policy.disability_subsidy",
      .version = 1,
      .group = RuleGroup::kPolicy,
      .name_zh = "残疾人补贴落实",
      .name_en = "Disability subsidy",
      .description_zh =
          "残疾人补贴落实：持有残疾人证（20位：本人身份证号+类别+等级）的成员均享受残疾人补贴",
      .description_en =
          "Disability subsidy: every member holding a disability certificate (20 "
          "characters: own ID number, category, grade) receives the subsidy",
      .reads = {"members[].id_number", "members[].disability_certificate",
                "members[].disability_subsidy"},
      .evaluate = evaluate,
  };
}

}  // namespace lz::poverty::rulebook
