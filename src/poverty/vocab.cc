#include "poverty/vocab.h"

namespace lz::poverty {

static const Value kStatuses[] = {
    {"registered_poor", "建档立卡贫困户", "registered poor (not yet lifted)"},
    {"lifted", "脱贫户", "lifted out of poverty"},
    {"marginal", "边缘户", "non-poor marginal household"},
    {"ordinary", "一般农户", "ordinary household"},
};
static const Value kCauses[] = {
    {"illness", "因病", "illness"},
    {"disability", "因残", "disability"},
    {"schooling", "因学", "schooling costs"},
    {"disaster", "因灾", "disaster"},
    {"land", "缺土地", "lack of land"},
    {"water", "缺水", "lack of water"},
    {"skills", "缺技术", "lack of skills"},
    {"labour", "缺劳力", "lack of labour"},
    {"capital", "缺资金", "lack of capital"},
    {"transport", "交通条件落后", "poor transport"},
    {"drive", "自身发展动力不足", "lack of drive"},
    {"other", "其他", "other"},
};
static const Value kMeasures[] = {
    {"industry", "产业帮扶", "industry support"},
    {"employment", "就业帮扶", "employment support"},
    {"skills_training", "技能培训", "skills training"},
    {"microcredit", "扶贫小额信贷", "poverty-alleviation microcredit"},
    {"welfare_post", "公益岗位", "public-welfare job"},
    {"produce_matching", "产销对接", "produce matching"},
    {"dibao", "低保兜底", "minimum living allowance"},
    {"tekun", "特困供养", "support for the destitute"},
    {"medical_aid", "医疗救助", "medical aid"},
    {"housing_renovation", "危房改造", "dilapidated housing renovation"},
    {"education_aid", "教育资助", "education aid"},
    {"disability_subsidy", "残疾人补贴", "disability subsidy"},
    {"other", "其他帮扶", "other assistance"},
};
static const Value kCategories[] = {
    {"unstable_lifted", "脱贫不稳定户", "unstably lifted household"},
    {"marginal_at_risk", "边缘易致贫户", "marginal household at risk of poverty"},
    {"sudden_hardship", "突发严重困难户", "household in sudden severe hardship"},
};
static const Value kTriggers[] = {
    {"illness", "重大疾病", "serious illness"},
    {"disability", "致残", "disability"},
    {"disaster", "自然灾害", "natural disaster"},
    {"accident", "意外事故", "accident"},
    {"job_loss", "失业或务工受阻", "job loss"},
    {"business_failure", "产业经营失败", "business failure"},
    {"epidemic_quarantine", "家庭成员被隔离", "member quarantined (epidemic)"},
    {"epidemic_infection", "家庭成员感染新冠肺炎", "member infected (epidemic)"},
    {"produce_unsold", "农产品滞销", "produce unsold"},
};
static const Value kRiskKinds[] = {
    {"illness", "因病", "illness"},
    {"disability", "因残", "disability"},
    {"schooling", "因学", "schooling costs"},
    {"disaster", "因灾", "disaster"},
    {"accident", "因意外事故", "accident"},
    {"business_failure", "因产业项目失败", "business failure"},
    {"unstable_work", "因务工就业不稳", "unstable work"},
    {"labour_shortage", "缺劳动力", "lack of labour"},
    {"epidemic", "因疫情影响", "epidemic"},
    {"other", "其他", "other"},
};
static const Value kCloseMethods[] = {
    {"assistance", "帮扶消除", "eliminated by assistance"},
    {"income_recovered", "收入恢复", "income recovered"},
    {"other", "其他", "other"},
};
static const Value kVisitModes[] = {
    {"in_person", "入户走访", "in person"},
    {"phone", "电话走访", "by phone"},
};
static const Value kGroups[] = {
    {"income_above_line", "一超过", "income above the line"},
    {"food", "不愁吃", "food"},
    {"clothing", "不愁穿", "clothing"},
    {"education", "义务教育", "compulsory education"},
    {"medical", "基本医疗", "basic medical care"},
    {"housing", "住房安全", "safe housing"},
    {"water", "饮水安全", "safe drinking water"},
    {"policy", "政策落实", "policies applied"},
    {"consistency", "数据一致性", "data consistency"},
};
static const Value kOutcomes[] = {
    {"pass", "达标", "pass"},
    {"gap", "短板", "gap"},
    {"unknown", "数据缺失", "unknown"},
};
static const Value kClasses[] = {
    {"stable", "稳定脱贫户", "stably lifted"},
    {"consolidate", "巩固提升户", "to consolidate"},
    {"key_support", "重点扶持户", "key support"},
};
static const Value kTaskStates[] = {
    {"open", "待整改", "open"},
    {"fixed", "已整改待核实", "fixed, awaiting verification"},
    {"verified", "已核实销号", "verified"},
    {"returned", "退回重改", "returned"},
    {"closed_auto", "复查已消除", "closed by re-check"},
};

}  // namespace lz::poverty

namespace lz::enums {

template <>
std::span<const Value> vocabulary<poverty::HouseholdStatus>() {
  return poverty::kStatuses;
}
template <>
std::span<const Value> vocabulary<poverty::Cause>() {
  return poverty::kCauses;
}
template <>
std::span<const Value> vocabulary<poverty::Health>() {
  return enums::health_statuses();
}
template <>
std::span<const Value> vocabulary<poverty::Labour>() {
  return enums::labour_capacities();
}
template <>
std::span<const Value> vocabulary<poverty::Enrolment>() {
  return enums::enrolments();
}
template <>
std::span<const Value> vocabulary<poverty::MeasureKind>() {
  return poverty::kMeasures;
}
template <>
std::span<const Value> vocabulary<poverty::RiskCategory>() {
  return poverty::kCategories;
}
template <>
std::span<const Value> vocabulary<poverty::TriggerKind>() {
  return poverty::kTriggers;
}
template <>
std::span<const Value> vocabulary<poverty::RiskKind>() {
  return poverty::kRiskKinds;
}
template <>
std::span<const Value> vocabulary<poverty::CloseMethod>() {
  return poverty::kCloseMethods;
}
template <>
std::span<const Value> vocabulary<poverty::VisitMode>() {
  return poverty::kVisitModes;
}
template <>
std::span<const Value> vocabulary<poverty::RuleGroup>() {
  return poverty::kGroups;
}
template <>
std::span<const Value> vocabulary<poverty::Outcome>() {
  return poverty::kOutcomes;
}
template <>
std::span<const Value> vocabulary<poverty::PovertyClass>() {
  return poverty::kClasses;
}
template <>
std::span<const Value> vocabulary<poverty::TaskState>() {
  return poverty::kTaskStates;
}

}  // namespace lz::enums

namespace lz::poverty {

RiskKind risk_kind_of(TriggerKind t) {
  switch (t) {
    case TriggerKind::kIllness:
      return RiskKind::kIllness;
    case TriggerKind::kDisability:
      return RiskKind::kDisability;
    case TriggerKind::kDisaster:
      return RiskKind::kDisaster;
    case TriggerKind::kAccident:
      return RiskKind::kAccident;
    case TriggerKind::kJobLoss:
      return RiskKind::kUnstableWork;
    case TriggerKind::kBusinessFailure:
    case TriggerKind::kProduceUnsold:
      return RiskKind::kBusinessFailure;
    case TriggerKind::kEpidemicQuarantine:
      return RiskKind::kEpidemic;
    case TriggerKind::kEpidemicInfection:
      return RiskKind::kIllness;
  }
  return RiskKind::kOther;
}

}  // namespace lz::poverty
