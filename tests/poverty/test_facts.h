// Households for the poverty tests: one fully recorded household that passes
// every rule (good_household), and small builders. Each test changes only
// what it is about, so an expected outcome has exactly one cause.
#pragma once
#include <string>

#include "core/id_number.h"
#include "poverty/check.h"
#include "poverty/config.h"
#include "poverty/facts.h"

namespace lz::poverty::test {

inline Date D(int y, int m, int d) {
  return Date::from_ymd(y, m, d).value();
}

// An adult: insured, healthy, ordinary labour, out of school.
inline MemberFacts adult(int64_t id, std::string name, Date birth, int seq = 11) {
  MemberFacts m;
  m.person_id = id;
  m.name = std::move(name);
  m.id_number = IdNumber::make("430281", birth, seq).str();
  m.birth_date = birth;
  m.sex = seq % 2 ? Sex::kMale : Sex::kFemale;
  m.relationship = "01";
  m.health = Health::kHealthy;
  m.labour = Labour::kOrdinary;
  m.enrolment = Enrolment::kNotEnrolled;
  m.basic_medical = true;
  m.serious_illness = true;
  m.chronic_card = false;
  return m;
}

// A child in primary school (no labour).
inline MemberFacts child(int64_t id, std::string name, Date birth, int seq = 21) {
  MemberFacts m = adult(id, std::move(name), birth, seq);
  m.relationship = "20";
  m.labour = Labour::kNone;
  m.enrolment = Enrolment::kPrimary;
  return m;
}

// Lifted in 2019 (registered 2015), three members, per-capita net income
// 11,333.33 yuan ((30,000 + 5,000 + 0 + 1,000 - 2,000) / 3), safe house and
// water, visited 2020-02-03 with food and clothing fine, no dibao needed.
// Passes every rule and is `stable` under the default config.
inline HouseholdFacts good_household() {
  HouseholdFacts h;
  h.household_id = 1001;
  h.region_code = "430281126232";  // 官庄镇瓦子坪村
  h.cadre_id = 7;
  h.status = HouseholdStatus::kLifted;
  h.registered_year = 2015;
  h.lifted_year = 2019;
  h.causes = {Cause::kIllness};
  h.main_cause = Cause::kIllness;
  h.members.push_back(adult(1, "李建国", D(1980, 3, 1), 11));
  h.members.push_back(adult(2, "王秀英", D(1982, 6, 15), 22));
  h.members.back().relationship = "10";
  h.members.push_back(child(3, "李小明", D(2010, 9, 1), 31));
  h.income.wage_fen = 3000000;
  h.income.business_fen = 500000;
  h.income.property_fen = 0;
  h.income.transfer_fen = 100000;
  h.income.business_costs_fen = 200000;
  h.housing_grade = 'A';
  h.water = {true, true, true, true};
  h.benefits.dibao = false;
  h.benefits.tekun = false;
  h.visit = VisitFacts{D(2020, 2, 3), VisitMode::kInPerson, true, true};
  return h;
}

// Sets the four income kinds so that per-capita net income is exactly
// `per_capita_fen` for the household's member count (all as wage).
inline void set_per_capita(HouseholdFacts& h, int64_t per_capita_fen) {
  h.income.wage_fen = per_capita_fen * static_cast<int64_t>(h.members.size());
  h.income.business_fen = 0;
  h.income.property_fen = 0;
  h.income.transfer_fen = 0;
  h.income.business_costs_fen = 0;
}

inline RuleResult run(std::string_view rule_id, const HouseholdFacts& h,
                      const CheckConfig& config = {}) {
  const Rule* r = find_rule(rule_id);
  if (!r) return RuleResult{};
  return evaluate(*r, h, config);
}

}  // namespace lz::poverty::test
