// Rule water.safe (饮水安全), version 1, on its four standards:
// 水质 quality, 水量 quantity, 用水方便 convenience, 供水保证率 reliability.
// Pass: all four met.
// Gap: any standard not met, naming each one that fails.
// Unknown: none fails but one is not recorded (the first is named).
#include <fmt/format.h>

#include "poverty/rules/helpers.h"
#include "poverty/rules/rules.h"

namespace lz::poverty::rulebook {

struct Standard {
  std::optional<bool> Water::*field;
  const char* path;
  const char* zh;
  const char* en;
};
static const Standard kStandards[] = {
    {&Water::quality, "water.quality", "水质不达标", "quality"},
    {&Water::quantity, "water.quantity", "水量不足", "quantity"},
    {&Water::convenience, "water.convenience", "取水不方便", "convenience"},
    {&Water::reliability, "water.reliability", "供水保证率不足", "reliability"},
};

static Outcome evaluate(const HouseholdView& h, const RuleContext&, Finding* why) {
  const Water& w = h.facts->water;
  bool gap = false;
  const Standard* unknown = nullptr;
  for (const auto& s : kStandards) {
    const auto& v = w.*s.field;
    if (!v) {
      if (!unknown) unknown = &s;
    } else if (!*v) {
      if (!why) return Outcome::kGap;
      gap = true;
    }
  }
  if (gap) {
    std::vector<std::string> zh_items, en_items;
    for (const auto& s : kStandards) {
      const auto& v = w.*s.field;
      if (!v || *v) continue;
      zh_items.push_back(s.zh);
      en_items.push_back(s.en);
      if (why->field.empty()) why->field = s.path;
    }
    why->reason_zh = fmt::format("饮水不安全：{}", join_zh(zh_items));
    why->reason_en = fmt::format("Drinking water not safe on: {}", join_en(en_items));
    return Outcome::kGap;
  }
  if (unknown) {
    if (why) missing(*why, unknown->path, field_zh(unknown->path), field_en(unknown->path));
    return Outcome::kUnknown;
  }
  return Outcome::kPass;
}

Rule water_safe() {
  return {
      .id = "water.safe",
      .version = 1,
      .group = RuleGroup::kWater,
      .name_zh = "饮水安全四项达标",
      .name_en = "Safe drinking water",
      .description_zh = "饮水安全：水质、水量、用水方便程度、供水保证率四项均达标",
      .description_en =
          "Safe drinking water: quality, quantity, convenience and reliability of "
          "supply all meet the standard",
      .reads = {"water.quality", "water.quantity", "water.convenience", "water.reliability"},
      .evaluate = evaluate,
  };
}

}  // namespace lz::poverty::rulebook
