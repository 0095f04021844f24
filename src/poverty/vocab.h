// The poverty front's closed vocabularies, in one place: every enum the
// domain uses, each value with its stored identifier and its Chinese and
// English labels (so that no term is spelled two ways). Household status,
// causes of poverty, assistance measures, relapse categories, triggers, risk
// kinds, elimination methods, visit modes, rule groups, outcomes, classes,
// task states. Health, labour capacity and school enrolment reuse the
// registry's tables (registry/enums.h) so the ids are the registry's own.
//
// Called by every poverty file, by the store (ids in and out of the
// database), the API (JSON ids, labels in messages) and the demo generator.
#pragma once
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string_view>

#include "core/enum_set.h"
#include "registry/enums.h"
#include "registry/vocabulary.h"

namespace lz::poverty {

using enums::Value;

// 建档立卡 status of a household. `ordinary` households are outside the
// register; they appear only through relapse monitoring (sudden hardship).
enum class HouseholdStatus : uint8_t { kRegisteredPoor, kLifted, kMarginal, kOrdinary };

// 致贫原因: the national list of twelve.
enum class Cause : uint8_t {
  kIllness,     // 因病
  kDisability,  // 因残
  kSchooling,   // 因学
  kDisaster,    // 因灾
  kLand,        // 缺土地
  kWater,       // 缺水
  kSkills,      // 缺技术
  kLabour,      // 缺劳力
  kCapital,     // 缺资金
  kTransport,   // 交通条件落后
  kDrive,       // 自身发展动力不足
  kOther,       // 其他
};
using CauseSet = EnumSet<Cause>;

// Same order and ids as enums::health_statuses(), labour_capacities(), enrolments().
enum class Health : uint8_t { kHealthy, kChronicIllness, kSeriousIllness, kDisabled };
enum class Labour : uint8_t { kOrdinary, kSkilled, kWeak, kLost, kNone };
enum class Enrolment : uint8_t {
  kNotEnrolled,
  kPreschool,
  kPrimary,
  kJuniorSecondary,
  kSeniorSecondary,
  kVocational,
  kHigher,
  kDroppedOut,
};
// Ordinary, skilled and weak (half) labour can work; lost and none cannot.
constexpr bool can_work(Labour l) {
  return l == Labour::kOrdinary || l == Labour::kSkilled || l == Labour::kWeak;
}

// 帮扶措施. Development measures (开发式帮扶) build the household's own
// income; support measures (保障式帮扶) carry it.
enum class MeasureKind : uint8_t {
  kIndustry,           // 产业帮扶 (development)
  kEmployment,         // 就业帮扶 (development)
  kSkillsTraining,     // 技能培训 (development)
  kMicrocredit,        // 扶贫小额信贷 (development)
  kWelfarePost,        // 公益岗位 (development: employment)
  kProduceMatching,    // 产销对接 (development)
  kDibao,              // 低保兜底 (support)
  kTekun,              // 特困供养 (support)
  kMedicalAid,         // 医疗救助 (support)
  kHousingRenovation,  // 危房改造 (support)
  kEducationAid,       // 教育资助 (support)
  kDisabilitySubsidy,  // 残疾人补贴 (support)
  kOther,              // 其他 (support)
};
constexpr bool is_development(MeasureKind k) {
  return k == MeasureKind::kIndustry || k == MeasureKind::kEmployment ||
         k == MeasureKind::kSkillsTraining || k == MeasureKind::kMicrocredit ||
         k == MeasureKind::kWelfarePost || k == MeasureKind::kProduceMatching;
}

// 防返贫监测 categories.
enum class RiskCategory : uint8_t {
  kUnstableLifted,  // 脱贫不稳定户
  kMarginalAtRisk,  // 边缘易致贫户
  kSuddenHardship,  // 突发严重困难户
};

// What happened to open a monitoring case.
enum class TriggerKind : uint8_t {
  kIllness,             // 重大疾病
  kDisability,          // 致残
  kDisaster,            // 自然灾害
  kAccident,            // 意外事故
  kJobLoss,             // 失业或务工受阻
  kBusinessFailure,     // 产业经营失败
  kEpidemicQuarantine,  // 家庭成员被隔离 (epidemic)
  kEpidemicInfection,   // 家庭成员感染新冠肺炎 (epidemic)
  kProduceUnsold,       // 农产品滞销 (epidemic)
};
// Triggers that happen to one member (the case names the person).
constexpr bool trigger_needs_person(TriggerKind t) {
  return t == TriggerKind::kIllness || t == TriggerKind::kDisability ||
         t == TriggerKind::kAccident || t == TriggerKind::kEpidemicQuarantine ||
         t == TriggerKind::kEpidemicInfection;
}

// 风险类型 of an open case (as in the national monitoring system).
enum class RiskKind : uint8_t {
  kIllness,          // 因病
  kDisability,       // 因残
  kSchooling,        // 因学
  kDisaster,         // 因灾
  kAccident,         // 因意外事故
  kBusinessFailure,  // 因产业项目失败
  kUnstableWork,     // 因务工就业不稳
  kLabourShortage,   // 缺劳动力
  kEpidemic,         // 因疫情影响
  kOther,            // 其他
};
using RiskKindSet = EnumSet<RiskKind>;
// The risk kind a trigger implies.
RiskKind risk_kind_of(TriggerKind t);

// How a risk was eliminated (风险消除方式).
enum class CloseMethod : uint8_t {
  kAssistance,       // 帮扶消除
  kIncomeRecovered,  // 收入恢复（自然消除）
  kOther,            // 其他
};

enum class VisitMode : uint8_t { kInPerson, kPhone };

// The check's rule groups: 一超过, 两不愁 (food, clothing), 三保障
// (education, medical, housing), 饮水安全, 政策落实, 数据一致性.
enum class RuleGroup : uint8_t {
  kIncomeAboveLine,
  kFood,
  kClothing,
  kEducation,
  kMedical,
  kHousing,
  kWater,
  kPolicy,
  kConsistency,
};
inline constexpr int kRuleGroupCount = 9;
// 一超过 and 两不愁三保障: a gap here makes a household key_support.
constexpr bool is_core_group(RuleGroup g) {
  return static_cast<int>(g) <= 5;
}

enum class Outcome : uint8_t { kPass, kGap, kUnknown };

// 贫困户分类管理: the seed's three classes.
enum class PovertyClass : uint8_t { kStable, kConsolidate, kKeySupport };

// Gap task states (see tasks.h).
enum class TaskState : uint8_t { kOpen, kFixed, kVerified, kReturned, kClosedAuto };

}  // namespace lz::poverty

// ---------------------------------------------------------------------------
// Labels and parsing (registry/vocabulary.h): vocabulary<E>() lists E's
// values in enum order.
// ---------------------------------------------------------------------------
namespace lz::enums {
template <>
std::span<const Value> vocabulary<poverty::HouseholdStatus>();
template <>
std::span<const Value> vocabulary<poverty::Cause>();
template <>
std::span<const Value> vocabulary<poverty::Health>();
template <>
std::span<const Value> vocabulary<poverty::Labour>();
template <>
std::span<const Value> vocabulary<poverty::Enrolment>();
template <>
std::span<const Value> vocabulary<poverty::MeasureKind>();
template <>
std::span<const Value> vocabulary<poverty::RiskCategory>();
template <>
std::span<const Value> vocabulary<poverty::TriggerKind>();
template <>
std::span<const Value> vocabulary<poverty::RiskKind>();
template <>
std::span<const Value> vocabulary<poverty::CloseMethod>();
template <>
std::span<const Value> vocabulary<poverty::VisitMode>();
template <>
std::span<const Value> vocabulary<poverty::RuleGroup>();
template <>
std::span<const Value> vocabulary<poverty::Outcome>();
template <>
std::span<const Value> vocabulary<poverty::PovertyClass>();
template <>
std::span<const Value> vocabulary<poverty::TaskState>();
}  // namespace lz::enums

namespace lz::poverty {

using enums::en;
using enums::id;
using enums::label;
using enums::parse;
using enums::vocabulary;
using enums::zh;

}  // namespace lz::poverty
