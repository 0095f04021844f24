#include "poverty/rules/helpers.h"

#include <fmt/format.h>

#include <cctype>

namespace lz::poverty::rulebook {

std::string member_zh(const MemberFacts& m) {
  return m.name.empty() ? fmt::format("成员#{}", m.person_id) : m.name;
}
std::string member_en(const MemberFacts& m) {
  return m.name.empty() ? fmt::format("member #{}", m.person_id) : m.name;
}

std::string member_field(size_t index, std::string_view field) {
  return fmt::format("members[{}].{}", index, field);
}

std::string join_zh(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) {
    if (!out.empty()) out += "、";
    out += s;
  }
  return out;
}
std::string join_en(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) {
    if (!out.empty()) out += ", ";
    out += s;
  }
  return out;
}

struct FieldLabel {
  std::string_view path, zh, en;
};
static const FieldLabel kLabels[] = {
    {"income.wage_fen", "工资性收入", "wage income"},
    {"income.business_fen", "经营性收入", "business income"},
    {"income.property_fen", "财产性收入", "property income"},
    {"income.transfer_fen", "转移性收入", "transfer income"},
    {"income.business_costs_fen", "生产经营性支出", "business costs"},
    {"members", "家庭成员", "household members"},
    {"visit", "走访记录", "visit record"},
    {"visit.food_ok", "走访记录中的“不愁吃”", "the visit's finding on food"},
    {"visit.clothing_ok", "走访记录中的“不愁穿”", "the visit's finding on clothing"},
    {"housing_grade", "住房安全等级", "housing safety grade"},
    {"water.quality", "饮水水质", "drinking-water quality"},
    {"water.quantity", "饮水水量", "drinking-water quantity"},
    {"water.convenience", "用水方便程度", "convenience of water"},
    {"water.reliability", "供水保证率", "reliability of water supply"},
    {"benefits.dibao", "是否享受低保", "whether dibao is granted"},
    {"benefits.tekun", "是否享受特困供养", "whether tekun support is granted"},
    {"registered_year", "建档年度", "registration year"},
    {"lifted_year", "脱贫年度", "year lifted"},
};

std::string field_zh(std::string_view path) {
  for (const auto& l : kLabels)
    if (l.path == path) return std::string(l.zh);
  return std::string(path);
}
std::string field_en(std::string_view path) {
  for (const auto& l : kLabels)
    if (l.path == path) return std::string(l.en);
  return std::string(path);
}

void missing(Finding& why, std::string field, std::string_view what_zh, std::string_view what_en) {
  why.reason_zh = fmt::format("{}未录入，无法判断", what_zh);
  why.reason_en = fmt::format("{} not recorded: cannot decide", what_en);
  if (!why.reason_en.empty())
    why.reason_en[0] =
        static_cast<char>(std::toupper(static_cast<unsigned char>(why.reason_en[0])));
  why.field = std::move(field);
}

Outcome latest_visit_finding(const HouseholdView& h, const VisitItem& item, Finding* why) {
  const auto& visit = h.facts->visit;
  if (!visit) {
    if (why) {
      why->reason_zh = "没有走访记录，无法判断";
      why->reason_en = "No visit recorded: cannot decide";
      why->field = "visit";
    }
    return Outcome::kUnknown;
  }
  const std::optional<bool>& ok = (*visit).*item.finding;
  if (!ok) {
    if (why)
      missing(*why, item.field, fmt::format("{}走访记录中的“{}”", visit->on.iso(), item.item_zh),
              fmt::format("The finding on {} of the visit on {}", item.what_en, visit->on.iso()));
    return Outcome::kUnknown;
  }
  if (*ok) return Outcome::kPass;
  if (why) {
    why->reason_zh = fmt::format("{}{}发现{}有困难（{}未达标）", visit->on.iso(), zh(visit->mode),
                                 item.trouble_zh, item.item_zh);
    why->reason_en = fmt::format("The visit on {} ({}) found the household short of {}",
                                 visit->on.iso(), en(visit->mode), item.what_en);
    why->field = item.field;
  }
  return Outcome::kGap;
}

}  // namespace lz::poverty::rulebook
