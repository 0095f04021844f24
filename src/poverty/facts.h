// HouseholdFacts: everything the poverty check reads about one household for
// one check year, as plain values. std::optional means "not recorded", so a
// rule can answer unknown and name the field (the names used are the member
// paths below, e.g. "members[2].basic_medical", "income.wage_fen",
// "water.quality", "visit.food_ok").
//
// The store assembles these from the registry (members' health, labour and
// enrolment) and the poverty tables; the demo generator and the tests build
// them directly. Nothing here allocates once built, and the check only reads.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/id_number.h"
#include "poverty/vocab.h"

namespace lz::poverty {

struct MemberFacts {
  int64_t person_id = 0;
  std::string name;
  std::string id_number;  // normalised 18 characters (from the registry)
  Date birth_date;
  Sex sex = Sex::kMale;
  std::string relationship = "99";         // registry code: 01 self, 10 spouse, ...
  std::optional<Health> health;            // registry health_statuses()
  std::optional<Labour> labour;            // registry labour_capacities()
  std::optional<Enrolment> enrolment;      // registry enrolments()
  std::optional<bool> basic_medical;       // 基本医疗保险 insured this year
  std::optional<bool> serious_illness;     // 大病保险 insured this year
  std::optional<bool> chronic_card;        // 慢性病/特殊病种门诊卡 issued
  std::string disability_certificate;      // 20 characters; empty: no certificate
  std::optional<bool> disability_subsidy;  // 残疾人两项补贴 granted
};

// Income for the check year by the four kinds, less business costs (fen).
struct Income {
  std::optional<int64_t> wage_fen;            // 工资性收入
  std::optional<int64_t> business_fen;        // 经营性收入 (gross)
  std::optional<int64_t> property_fen;        // 财产性收入
  std::optional<int64_t> transfer_fen;        // 转移性收入 (incl. dibao, subsidies)
  std::optional<int64_t> business_costs_fen;  // 生产经营性支出
};

// 饮水安全 on its four standards: 水质 quality, 水量 quantity, 用水方便 convenience,
// 供水保证率 reliability.
struct Water {
  std::optional<bool> quality, quantity, convenience, reliability;
};

// 扶贫小额信贷: one loan.
struct Loan {
  int64_t amount_fen = 0;
  Date start;
  Date due;
  int64_t repaid_fen = 0;
  std::optional<Date> repaid_on;  // when fully repaid
  bool outstanding() const { return repaid_fen < amount_fen; }
};

struct Benefits {
  std::optional<bool> dibao;  // 低保 granted
  std::optional<bool> tekun;  // 特困供养 granted
  std::vector<Loan> loans;    // microcredit, all loans ever taken
};

// The latest visit's findings for the check's 两不愁 items (see visits.h).
struct VisitFacts {
  Date on;
  VisitMode mode = VisitMode::kInPerson;
  std::optional<bool> food_ok;      // 不愁吃
  std::optional<bool> clothing_ok;  // 不愁穿
};

// An assistance measure received (帮扶措施).
struct AssistanceMeasure {
  MeasureKind kind = MeasureKind::kOther;
  Date on;
  int64_t amount_fen = 0;
};

// A relapse-monitoring case (防返贫监测), open or closed. relapse.h opens and
// closes them; the consistency rules read them.
struct RiskCase {
  int64_t id = 0;  // assigned by the store; 0 = new
  int64_t household_id = 0;
  RiskCategory category = RiskCategory::kUnstableLifted;
  std::optional<TriggerKind> trigger;  // empty for cases opened on income alone
  Date trigger_on;                     // when it happened
  std::optional<int64_t> person_id;    // the member concerned, if any
  RiskKindSet kinds;                   // 风险类型
  Date opened_on;
  Date deadline;                    // assessment due (opened_on + relapse_assess_days)
  std::optional<Date> assessed_on;  // when the risk was assessed (研判)
  std::string assessment_note;
  std::optional<Date> closed_on;
  std::optional<CloseMethod> close_method;
  std::string note;        // what happened
  std::string close_note;  // how it was eliminated
  std::string closed_by;
  bool is_open() const { return !closed_on.has_value(); }
};

struct HouseholdFacts {
  int64_t household_id = 0;
  std::string region_code;          // village or group
  std::optional<int64_t> cadre_id;  // the responsible paired cadre now
  HouseholdStatus status = HouseholdStatus::kRegisteredPoor;
  std::optional<int> registered_year;  // 识别（建档）年度
  std::optional<int> lifted_year;      // 脱贫年度
  CauseSet causes;
  std::optional<Cause> main_cause;  // 主要致贫原因
  std::vector<MemberFacts> members;
  Income income;
  std::optional<char> housing_grade;  // 'A'..'D' (房屋安全等级鉴定)
  Water water;
  Benefits benefits;
  std::optional<VisitFacts> visit;  // the latest visit, if any
  std::vector<AssistanceMeasure> measures;
  std::vector<RiskCase> risks;

  const MemberFacts* member(int64_t person_id) const;
};

// Per-capita net income for the year: (wage + business + property + transfer
// - business costs) / members, rounded to the fen (money.h). Unknown when an
// income field is not recorded or the household has no members; `missing`
// then names the field.
struct PerCapitaIncome {
  std::optional<int64_t> fen;
  int64_t net_fen = 0;
  int persons = 0;
  std::string_view missing;  // "income.wage_fen", ..., "members"
  bool known() const { return fen.has_value(); }
};
PerCapitaIncome per_capita_net_income(const HouseholdFacts& h);

// Members who can work (ordinary, skilled or weak labour).
int labourers(const HouseholdFacts& h);
// True if some member's labour capacity is not recorded.
bool labour_unrecorded(const HouseholdFacts& h);

}  // namespace lz::poverty
