// The epidemic front's closed vocabularies, in one place: every enum the
// domain uses, each value with its stored identifier and its Chinese and
// English labels (so that no term is spelled two ways): key-person categories
// and sources, travel modes, case states, contact settings and closeness,
// observation kinds, symptoms, call results and needs, relapse triggers the
// epidemic raises for the poverty front, households' poverty standing.
//
// Called by every epidemic file, by the store (ids in and out of the
// database), the API (JSON ids, labels in messages) and the demo generator.
#pragma once
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/enum_set.h"
#include "registry/enums.h"
#include "registry/vocabulary.h"

namespace lz::epidemic {

using enums::Value;

// 四类重点人员 and 湖北返乡人员 (screened alongside the four).
enum class KeyCategory : uint8_t {
  kConfirmed,      // 确诊患者
  kSuspected,      // 疑似患者
  kFever,          // 发热患者 (fever or respiratory symptoms, not yet ruled out)
  kCloseContact,   // 密切接触者
  kHubeiReturnee,  // 湖北返乡人员
};
inline constexpr int kKeyCategoryCount = 5;

// How a key person was found.
enum class KeySource : uint8_t {
  kCheckpoint,      // 卡点发现
  kPhoneScreening,  // 电话排查
  kSelfReport,      // 主动申报
  kHospital,        // 医疗机构报告
  kContactTracing,  // 流调追踪
  kVisit,           // 走访摸排 (door to door)
  kEnterprise,      // 企业报告 (an enterprise's daily temperature report)
};

// How a returnee travelled.
enum class TravelMode : uint8_t { kCar, kTrain, kBus, kPlane, kOther };

// A case's state (case.h has the transitions).
enum class CaseStatus : uint8_t {
  kSuspected,   // 疑似
  kConfirmed,   // 确诊
  kDischarged,  // 治愈出院
  kDeceased,    // 死亡
  kExcluded,    // 排除
};

// Where two persons met.
enum class ContactSetting : uint8_t {
  kHousehold,  // 共同居住
  kMeal,       // 共同用餐
  kWork,       // 同事、同学
  kTransport,  // 同乘交通工具
  kMedical,    // 诊疗、护理、探视
  kSocial,     // 聚会、走亲访友
  kOther,      // 其他
};

// 密切接触 (leads to observation) or 一般接触 (recorded, not observed).
enum class Closeness : uint8_t { kClose, kGeneral };

// 居家隔离 or 集中隔离 medical observation.
enum class ObservationKind : uint8_t { kHome, kCentralized };

// Symptoms asked at every follow-up and screening call (early 2020 list).
enum class Symptom : uint8_t {
  kCough,              // 干咳
  kFatigue,            // 乏力
  kSoreThroat,         // 咽痛
  kShortnessOfBreath,  // 气促、呼吸困难
  kMuscleAche,         // 肌肉酸痛
  kDiarrhoea,          // 腹泻
  kRunnyNose,          // 鼻塞、流涕
  kChills,             // 畏寒
  kOther,              // 其他
};
using SymptomSet = EnumSet<Symptom>;

// A follow-up's state for one due day (observation.h).
enum class FollowUpState : uint8_t { kDue, kDone, kOverdue };

// A screening call's result.
enum class CallResult : uint8_t { kReached, kUnreachable };

// What a household said it needs.
enum class NeedKind : uint8_t {
  kFood,           // 生活物资
  kMedicine,       // 药品
  kProduceUnsold,  // 农产品滞销
  kOther,          // 其他
};

// The relapse triggers the epidemic raises for the poverty front. The ids are
// exactly the poverty front's TriggerKind ids (poverty/vocab.h), so the wiring
// converts with poverty::parse<poverty::TriggerKind>(id(kind)).
enum class RelapseTriggerKind : uint8_t {
  kEpidemicQuarantine,  // 家庭成员被隔离
  kEpidemicInfection,   // 家庭成员感染新冠肺炎
  kProduceUnsold,       // 农产品滞销
};

// A household's place in the poverty front (what the wiring reads from the
// poverty tables). Relapse monitoring (防返贫监测) takes lifted and marginal
// households; households not yet lifted are supported as registered poor.
enum class PovertyStanding : uint8_t {
  kNone,            // outside the register and not marginal
  kRegisteredPoor,  // 建档立卡, not yet lifted
  kLifted,          // 脱贫户
  kMarginal,        // 边缘户
};

}  // namespace lz::epidemic

// ---------------------------------------------------------------------------
// Labels and parsing (registry/vocabulary.h): vocabulary<E>() lists E's
// values in enum order.
// ---------------------------------------------------------------------------
namespace lz::enums {
template <>
std::span<const Value> vocabulary<epidemic::KeyCategory>();
template <>
std::span<const Value> vocabulary<epidemic::KeySource>();
template <>
std::span<const Value> vocabulary<epidemic::TravelMode>();
template <>
std::span<const Value> vocabulary<epidemic::CaseStatus>();
template <>
std::span<const Value> vocabulary<epidemic::ContactSetting>();
template <>
std::span<const Value> vocabulary<epidemic::Closeness>();
template <>
std::span<const Value> vocabulary<epidemic::ObservationKind>();
template <>
std::span<const Value> vocabulary<epidemic::Symptom>();
template <>
std::span<const Value> vocabulary<epidemic::FollowUpState>();
template <>
std::span<const Value> vocabulary<epidemic::CallResult>();
template <>
std::span<const Value> vocabulary<epidemic::NeedKind>();
template <>
std::span<const Value> vocabulary<epidemic::RelapseTriggerKind>();
template <>
std::span<const Value> vocabulary<epidemic::PovertyStanding>();
}  // namespace lz::enums

namespace lz::epidemic {

using enums::en;
using enums::id;
using enums::label;
using enums::parse;
using enums::vocabulary;
using enums::zh;

// Symptoms as comma-separated ids ("cough,fatigue"), in enum order, and back.
// parse_symptoms accepts ids, Chinese labels or the words people write for
// them (咳嗽 for 干咳, 拉肚子 for 腹泻: vocab.cc kSymptomWords) separated by
// commas (, ， 、) and returns nullopt if one is not known.
std::string symptom_ids(SymptomSet s);
std::string symptoms_zh(SymptomSet s);  // "干咳、乏力"
std::optional<SymptomSet> parse_symptoms(std::string_view input);

}  // namespace lz::epidemic
