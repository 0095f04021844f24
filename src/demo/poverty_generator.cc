#include "demo/poverty_generator.h"

#include <cmath>

#include "demo/rng.h"
#include "poverty/config.h"

namespace lz::demo {

using namespace lz::poverty;

namespace {

std::optional<bool> tri(Rng& rng, double p_true, double p_unknown) {
  double u = rng.unit();
  if (u < p_unknown) return std::nullopt;
  return u < p_unknown + p_true;
}

template <typename E>
std::optional<E> parse_id(const std::string& s) {
  if (s.empty()) return std::nullopt;
  return parse<E>(s);
}

Date day_in(Rng& rng, Date from, Date to) {
  return from.plus_days(static_cast<int>(rng.uniform(0, std::max(0, to - from))));
}

}  // namespace

HouseholdFacts poverty_details(const Household& h, const std::string& status, int registered_year,
                               std::optional<int> lifted_year, Date as_of, uint64_t seed) {
  Rng rng = Rng::derive(seed, "poverty", static_cast<uint64_t>(h.id));
  HouseholdFacts f;
  f.household_id = h.id;
  f.region_code = h.region_code;
  f.status = parse<HouseholdStatus>(status).value_or(HouseholdStatus::kRegisteredPoor);
  if (f.status != HouseholdStatus::kMarginal) f.registered_year = registered_year;
  f.lifted_year = lifted_year;
  int labourers = 0, students = 0, ill = 0, disabled = 0, elderly = 0;
  for (const auto& p : h.members) {
    MemberFacts m;
    m.person_id = p.id;
    m.name = p.name;
    m.id_number = p.id_number;
    m.birth_date = p.birth_date;
    m.sex = p.sex == "female" ? Sex::kFemale : Sex::kMale;
    m.relationship = p.relationship;
    m.health = parse_id<Health>(p.health);
    m.labour = parse_id<Labour>(p.labour);
    m.enrolment = parse_id<Enrolment>(p.enrolment);
    m.basic_medical = tri(rng, 0.996, 0.002);
    m.serious_illness = m.basic_medical.value_or(false) ? tri(rng, 0.995, 0.002) : std::optional<bool>(false);
    int age = p.birth_date.age_on(as_of);
    if (age >= 65) ++elderly;
    if (p.labour == "ordinary" || p.labour == "skilled" || p.labour == "weak") ++labourers;
    if (p.enrolment == "senior_secondary" || p.enrolment == "vocational" || p.enrolment == "higher") ++students;
    if (p.health == "chronic_illness" || p.health == "serious_illness") {
      ++ill;
      m.chronic_card = tri(rng, 0.95, 0.01);
    }
    if (p.health == "disabled") {
      ++disabled;
      if (rng.chance(0.93)) {
        static const double kCategory[] = {0, 10, 15, 12, 40, 12, 6, 5};  // 1..7
        int category = static_cast<int>(rng.pick(kCategory));
        int grade = static_cast<int>(rng.uniform(1, 4));
        m.disability_certificate = p.id_number + std::to_string(category) + std::to_string(grade);
        m.disability_subsidy = tri(rng, 0.96, 0.01);
      }
    }
    f.members.push_back(std::move(m));
  }
  // Causes, the main one by priority.
  if (ill) f.causes.add(Cause::kIllness);
  if (disabled) f.causes.add(Cause::kDisability);
  if (students) f.causes.add(Cause::kSchooling);
  if (labourers == 0) f.causes.add(Cause::kLabour);
  if (rng.chance(0.3)) f.causes.add(Cause::kSkills);
  if (rng.chance(0.25)) f.causes.add(Cause::kCapital);
  if (rng.chance(0.04)) f.causes.add(Cause::kDisaster);
  if (rng.chance(0.03)) f.causes.add(Cause::kTransport);
  if (rng.chance(0.03)) f.causes.add(Cause::kDrive);
  if (f.causes.empty()) f.causes.add(rng.chance(0.5) ? Cause::kSkills : Cause::kCapital);
  for (Cause c : {Cause::kIllness, Cause::kDisability, Cause::kLabour, Cause::kSchooling, Cause::kSkills,
                  Cause::kCapital, Cause::kDisaster, Cause::kTransport, Cause::kDrive})
    if (f.causes.has(c)) {
      f.main_cause = c;
      break;
    }
  // Income of the check year: per-capita net income, then split into kinds.
  double median = f.status == HouseholdStatus::kRegisteredPoor ? 4300 : f.status == HouseholdStatus::kMarginal ? 6800 : 9000;
  double sd = f.status == HouseholdStatus::kRegisteredPoor ? 0.22 : 0.42;
  if (labourers == 0) median *= 0.85;
  double pci = median * std::exp(rng.normal(0, sd));
  int n = static_cast<int>(h.members.size());
  if (!rng.chance(0.004)) {
    int64_t net = static_cast<int64_t>(pci * n * 100);
    double transfer_share = labourers == 0 ? 0.6 : 0.12 + 0.15 * rng.unit();
    double business_share = labourers == 0 ? 0.1 : 0.15 + 0.25 * rng.unit();
    int64_t transfer = static_cast<int64_t>(net * transfer_share);
    int64_t business_net = static_cast<int64_t>(net * business_share);
    int64_t property = static_cast<int64_t>(net * 0.02 * rng.unit());
    int64_t costs = static_cast<int64_t>(business_net * (0.3 + 0.3 * rng.unit()));
    f.income.transfer_fen = transfer;
    f.income.property_fen = property;
    f.income.business_fen = business_net + costs;
    f.income.business_costs_fen = costs;
    f.income.wage_fen = std::max<int64_t>(0, net - transfer - business_net - property);
  }
  // Housing and water.
  static const double kGrade[] = {55, 43, 1.2, 0.3, 0.5};
  size_t g = rng.pick(kGrade);
  if (g < 4) f.housing_grade = static_cast<char>('A' + g);
  f.water = {tri(rng, 0.988, 0.004), tri(rng, 0.99, 0.003), tri(rng, 0.985, 0.003), tri(rng, 0.987, 0.003)};
  // Benefits: dibao where income and labour are short, tekun for the lone elderly.
  bool qualifies = pci * 100 < CheckConfig{}.dibao_line_fen && labourers <= 1;
  f.benefits.dibao = qualifies ? tri(rng, 0.93, 0.0) : tri(rng, 0.12, 0.0);
  f.benefits.tekun = (n == 1 && elderly == 1 && labourers == 0) ? tri(rng, 0.6, 0.0) : std::optional<bool>(false);
  bool wants_credit = f.causes.has(Cause::kCapital) ? rng.chance(0.9) : rng.chance(0.12);
  if (labourers > 0 && f.status != HouseholdStatus::kMarginal && wants_credit) {
    Loan l;
    l.amount_fen = rng.uniform(3, 5) * 1000000;
    l.start = *Date::from_ymd(static_cast<int>(rng.uniform(2016, 2019)), static_cast<int>(rng.uniform(1, 12)), 1);
    l.due = l.start.plus_days(3 * 365);
    if (l.due < as_of) {
      bool repaid = rng.chance(0.93);
      l.repaid_fen = repaid ? l.amount_fen : l.amount_fen / 2;
      if (repaid) l.repaid_on = l.due.plus_days(-static_cast<int>(rng.uniform(0, 60)));
    } else {
      l.repaid_fen = l.amount_fen * rng.uniform(0, 2) / 3;
    }
    f.benefits.loans.push_back(l);
  }
  // Assistance measures since registration.
  Date reg_start = *Date::from_ymd(f.registered_year.value_or(2018), 3, 1);
  Date last_day = as_of.plus_days(-20);
  int measures = static_cast<int>(rng.uniform(f.status == HouseholdStatus::kMarginal ? 0 : 1, 4));
  for (int k = 0; k < measures; ++k) {
    std::vector<double> w = {30, 22, 10, 0, 6, 4, 0, 0, ill ? 12.0 : 1.0, 4, students ? 10.0 : 0.0, disabled ? 8.0 : 0.0, 3};
    AssistanceMeasure m;
    m.kind = static_cast<MeasureKind>(rng.pick(w));
    m.on = day_in(rng, reg_start, last_day);
    m.amount_fen = rng.uniform(5, 80) * 10000;
    f.measures.push_back(m);
  }
  for (const auto& l : f.benefits.loans) f.measures.push_back({MeasureKind::kMicrocredit, l.start, l.amount_fen});
  // Relapse monitoring: households below 1.5 x the line, and sudden hardship.
  double threshold = CheckConfig{}.poverty_line_fen * CheckConfig{}.relapse_factor / 100.0;
  bool below = f.income.wage_fen && pci < threshold;
  std::optional<RiskCategory> cat;
  if (f.status == HouseholdStatus::kLifted && below && rng.chance(0.7)) cat = RiskCategory::kUnstableLifted;
  if (f.status == HouseholdStatus::kMarginal && below && rng.chance(0.6)) cat = RiskCategory::kMarginalAtRisk;
  if (!cat && f.status != HouseholdStatus::kRegisteredPoor && rng.chance(0.004)) cat = RiskCategory::kSuddenHardship;
  if (cat) {
    RiskCase r;
    r.household_id = h.id;
    r.category = *cat;
    static const TriggerKind kTriggers[] = {TriggerKind::kIllness, TriggerKind::kJobLoss, TriggerKind::kBusinessFailure,
                                            TriggerKind::kDisaster, TriggerKind::kAccident};
    if (*cat == RiskCategory::kSuddenHardship || rng.chance(0.6)) {
      r.trigger = kTriggers[rng.uniform(0, std::size(kTriggers) - 1)];
      r.kinds.add(risk_kind_of(*r.trigger));
    } else {
      r.kinds.add(RiskKind::kOther);
    }
    r.trigger_on = day_in(rng, *Date::from_ymd(2019, 6, 1), as_of.plus_days(-10));
    r.opened_on = r.trigger_on.plus_days(static_cast<int>(rng.uniform(1, 10)));
    if (r.opened_on > as_of) r.opened_on = as_of;
    r.deadline = r.opened_on.plus_days(CheckConfig{}.relapse_assess_days);
    r.note = "demo";
    // Some cases were eliminated by assistance recorded after they opened.
    if (r.opened_on < as_of.plus_days(-60) && rng.chance(0.35)) {
      AssistanceMeasure m{rng.chance(0.5) ? MeasureKind::kEmployment : MeasureKind::kIndustry,
                          day_in(rng, r.opened_on.plus_days(1), as_of.plus_days(-20)), rng.uniform(10, 50) * 10000};
      f.measures.push_back(m);
      r.closed_on = m.on.plus_days(static_cast<int>(rng.uniform(1, 15)));
      if (*r.closed_on > as_of) r.closed_on = as_of;
      r.close_method = CloseMethod::kAssistance;
      r.close_note = "帮扶后收入稳定";
      r.closed_by = "demo";
    }
    f.risks.push_back(r);
  }
  return f;
}

std::vector<VisitFacts> visits_for(int64_t household_id, Date as_of, uint64_t seed) {
  Rng rng = Rng::derive(seed, "visits", static_cast<uint64_t>(household_id));
  std::vector<VisitFacts> out;
  // Most households were visited or phoned within the month (the seed: cadres
  // phoned every poor household during the epidemic); a few are overdue.
  int last_age = rng.chance(0.93) ? static_cast<int>(rng.uniform(0, 28)) : static_cast<int>(rng.uniform(31, 75));
  int count = static_cast<int>(rng.uniform(1, 3));
  for (int k = count - 1; k >= 0; --k) {
    VisitFacts v;
    v.on = as_of.plus_days(-(last_age + 30 * k + static_cast<int>(rng.uniform(0, 5))));
    // Since 24 January 2020 most visits were by phone.
    v.mode = v.on >= *Date::from_ymd(2020, 1, 24) && rng.chance(0.8) ? VisitMode::kPhone : VisitMode::kInPerson;
    v.food_ok = tri(rng, 0.996, 0.002);
    v.clothing_ok = tri(rng, 0.998, 0.001);
    out.push_back(v);
  }
  return out;
}

}  // namespace lz::demo
