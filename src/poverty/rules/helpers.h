// Small helpers the rule files share to write their reasons: how a member is
// named, field paths, lists in Chinese and English, labels of fields. Only
// called on the slow path (when a Finding is asked for), so they may allocate;
// latest_visit_finding (the 两不愁 rules' evaluation) allocates only then.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "poverty/rule.h"

namespace lz::poverty::rulebook {

// The member as named in a reason: the name, or "成员#<person_id>" / "member
// #<person_id>" when the registry has none.
std::string member_zh(const MemberFacts& m);
std::string member_en(const MemberFacts& m);
// "members[2].basic_medical"
std::string member_field(size_t index, std::string_view field);
// "甲、乙、丙" and "a, b, c".
std::string join_zh(const std::vector<std::string>& items);
std::string join_en(const std::vector<std::string>& items);
// Labels of the fields rules may name as missing: "income.wage_fen" -> 工资性收入
// / wage income. Returns the path itself for a field without a label.
std::string field_zh(std::string_view path);
std::string field_en(std::string_view path);

// Fills *why for an unknown outcome: "<label>未录入，无法判断" naming the field.
void missing(Finding& why, std::string field, std::string_view what_zh, std::string_view what_en);

// One 两不愁 item of the latest visit (rules food.secure, clothing.secure):
// its finding and how reasons name it.
struct VisitItem {
  std::optional<bool> VisitFacts::*finding;  // &VisitFacts::food_ok
  const char* field;                         // "visit.food_ok"
  const char* item_zh;                       // "不愁吃"
  const char* trouble_zh;                    // "吃饭" (…发现吃饭有困难)
  const char* what_en;                       // "food"
};
// Pass when the latest visit found the item secure; gap when it found the
// household short of it (the reason gives the visit's date and mode);
// unknown without a visit or without the finding.
Outcome latest_visit_finding(const HouseholdView& h, const VisitItem& item, Finding* why);

}  // namespace lz::poverty::rulebook
