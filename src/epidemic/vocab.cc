#include "epidemic/vocab.h"

#include <string_view>
#include <utility>

#include "core/text.h"

namespace lz::epidemic {

static const Value kCategories[] = {
    {"confirmed", "确诊患者", "confirmed case"},
    {"suspected", "疑似患者", "suspected case"},
    {"fever", "发热患者", "fever patient"},
    {"close_contact", "密切接触者", "close contact"},
    {"hubei_returnee", "湖北返乡人员", "returnee from Hubei"},
};
static const Value kSources[] = {
    {"checkpoint", "卡点发现", "checkpoint"},
    {"phone_screening", "电话排查", "phone screening"},
    {"self_report", "主动申报", "self-report"},
    {"hospital", "医疗机构报告", "hospital report"},
    {"contact_tracing", "流调追踪", "contact tracing"},
    {"visit", "走访摸排", "door-to-door visit"},
    {"enterprise", "企业报告", "enterprise report"},
};
static const Value kTravelModes[] = {
    {"car", "自驾", "car"},     {"train", "火车", "train"}, {"bus", "客车", "bus"},
    {"plane", "飞机", "plane"}, {"other", "其他", "other"},
};
static const Value kCaseStatuses[] = {
    {"suspected", "疑似", "suspected"},       {"confirmed", "确诊", "confirmed"},
    {"discharged", "治愈出院", "discharged"}, {"deceased", "死亡", "deceased"},
    {"excluded", "排除", "excluded"},
};
static const Value kSettings[] = {
    {"household", "共同居住", "same household"},
    {"meal", "共同用餐", "shared meal"},
    {"work", "同事同学", "work or school"},
    {"transport", "同乘交通工具", "same vehicle"},
    {"medical", "诊疗护理探视", "medical care or visit"},
    {"social", "聚会走亲访友", "gathering or family visit"},
    {"other", "其他", "other"},
};
static const Value kCloseness[] = {
    {"close", "密切接触", "close contact"},
    {"general", "一般接触", "general contact"},
};
static const Value kObservationKinds[] = {
    {"home", "居家隔离", "home observation"},
    {"centralized", "集中隔离", "centralised observation"},
};
static const Value kSymptoms[] = {
    {"cough", "干咳", "dry cough"},
    {"fatigue", "乏力", "fatigue"},
    {"sore_throat", "咽痛", "sore throat"},
    {"shortness_of_breath", "呼吸困难", "shortness of breath"},
    {"muscle_ache", "肌肉酸痛", "muscle ache"},
    {"diarrhoea", "腹泻", "diarrhoea"},
    {"runny_nose", "鼻塞流涕", "runny nose"},
    {"chills", "畏寒", "chills"},
    {"other", "其他症状", "other symptom"},
};
// The words people write for a symptom, other than its label, with its id.
static const std::pair<std::string_view, std::string_view> kSymptomWords[] = {
    {"咳嗽", "cough"},
    {"咳", "cough"},
    {"咳痰", "cough"},
    {"咳嗽咳痰", "cough"},
    {"疲乏", "fatigue"},
    {"疲劳", "fatigue"},
    {"无力", "fatigue"},
    {"全身无力", "fatigue"},
    {"咽喉痛", "sore_throat"},
    {"喉咙痛", "sore_throat"},
    {"嗓子痛", "sore_throat"},
    {"咽干咽痛", "sore_throat"},
    {"气促", "shortness_of_breath"},
    {"气短", "shortness_of_breath"},
    {"气喘", "shortness_of_breath"},
    {"胸闷气短", "shortness_of_breath"},
    {"肌痛", "muscle_ache"},
    {"肌肉痛", "muscle_ache"},
    {"全身酸痛", "muscle_ache"},
    {"拉肚子", "diarrhoea"},
    {"鼻塞", "runny_nose"},
    {"流涕", "runny_nose"},
    {"流鼻涕", "runny_nose"},
    {"流清涕", "runny_nose"},
    {"怕冷", "chills"},
    {"发冷", "chills"},
    {"寒战", "chills"},
};
static const Value kFollowUpStates[] = {
    {"due", "待随访", "due"},
    {"done", "已随访", "done"},
    {"overdue", "逾期未随访", "overdue"},
};
static const Value kCallResults[] = {
    {"reached", "已联系", "reached"},
    {"unreachable", "未联系上", "unreachable"},
};
static const Value kNeeds[] = {
    {"food", "生活物资", "food and daily supplies"},
    {"medicine", "药品", "medicine"},
    {"produce_unsold", "农产品滞销", "unsold produce"},
    {"other", "其他需求", "other need"},
};
// Ids and labels as in poverty/vocab.cc kTriggers.
static const Value kRelapseTriggers[] = {
    {"epidemic_quarantine", "家庭成员被隔离", "member quarantined (epidemic)"},
    {"epidemic_infection", "家庭成员感染新冠肺炎", "member infected (epidemic)"},
    {"produce_unsold", "农产品滞销", "produce unsold"},
};
static const Value kStandings[] = {
    {"none", "一般农户", "ordinary household"},
    {"registered_poor", "建档立卡贫困户", "registered poor (not yet lifted)"},
    {"lifted", "脱贫户", "lifted out of poverty"},
    {"marginal", "边缘户", "non-poor marginal household"},
};

}  // namespace lz::epidemic

namespace lz::enums {

template <>
std::span<const Value> vocabulary<epidemic::KeyCategory>() {
  return epidemic::kCategories;
}
template <>
std::span<const Value> vocabulary<epidemic::KeySource>() {
  return epidemic::kSources;
}
template <>
std::span<const Value> vocabulary<epidemic::TravelMode>() {
  return epidemic::kTravelModes;
}
template <>
std::span<const Value> vocabulary<epidemic::CaseStatus>() {
  return epidemic::kCaseStatuses;
}
template <>
std::span<const Value> vocabulary<epidemic::ContactSetting>() {
  return epidemic::kSettings;
}
template <>
std::span<const Value> vocabulary<epidemic::Closeness>() {
  return epidemic::kCloseness;
}
template <>
std::span<const Value> vocabulary<epidemic::ObservationKind>() {
  return epidemic::kObservationKinds;
}
template <>
std::span<const Value> vocabulary<epidemic::Symptom>() {
  return epidemic::kSymptoms;
}
template <>
std::span<const Value> vocabulary<epidemic::FollowUpState>() {
  return epidemic::kFollowUpStates;
}
template <>
std::span<const Value> vocabulary<epidemic::CallResult>() {
  return epidemic::kCallResults;
}
template <>
std::span<const Value> vocabulary<epidemic::NeedKind>() {
  return epidemic::kNeeds;
}
template <>
std::span<const Value> vocabulary<epidemic::RelapseTriggerKind>() {
  return epidemic::kRelapseTriggers;
}
template <>
std::span<const Value> vocabulary<epidemic::PovertyStanding>() {
  return epidemic::kStandings;
}

}  // namespace lz::enums

namespace lz::epidemic {

static std::string join(SymptomSet s, const char* sep, bool chinese) {
  std::string out;
  for (size_t i = 0; i < std::size(kSymptoms); ++i) {
    if (!s.has(static_cast<Symptom>(i))) continue;
    if (!out.empty()) out += sep;
    out += chinese ? kSymptoms[i].zh : kSymptoms[i].id;
  }
  return out;
}

std::string symptom_ids(SymptomSet s) {
  return join(s, ",", false);
}
std::string symptoms_zh(SymptomSet s) {
  return join(s, "、", true);
}

std::optional<SymptomSet> parse_symptoms(std::string_view input) {
  // Turn the Chinese separators into commas first.
  std::string s = text::to_half_width(input);  // "，" -> ","
  std::string unified;
  for (size_t i = 0; i < s.size();) {
    if (s.compare(i, 3, "、") == 0) {
      unified += ',';
      i += 3;
    } else {
      unified += s[i++];
    }
  }
  SymptomSet out;
  size_t pos = 0;
  while (pos <= unified.size()) {
    size_t comma = unified.find(',', pos);
    if (comma == std::string::npos) comma = unified.size();
    std::string part = text::trim(std::string_view(unified).substr(pos, comma - pos));
    if (!part.empty()) {
      auto sym = parse<Symptom>(part);
      for (const auto& [word, id] : kSymptomWords)
        if (!sym && text::strip_spaces(part) == word) sym = parse<Symptom>(id);
      if (!sym) return std::nullopt;
      out.add(*sym);
    }
    pos = comma + 1;
  }
  return out;
}

}  // namespace lz::epidemic
