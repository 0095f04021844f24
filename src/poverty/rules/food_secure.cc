// Rule food.secure (两不愁·不愁吃), version 1.
// Pass: the latest visit found food secure (visit.food_ok).
// Gap: the latest visit found the household short of food, with the visit date.
// Unknown: no visit recorded, or the latest visit did not record the item.
#include "poverty/rules/helpers.h"
#include "poverty/rules/rules.h"

namespace lz::poverty::rulebook {

static Outcome evaluate(const HouseholdView& h, const RuleContext&, Finding* why) {
  static constexpr VisitItem kItem{&VisitFacts::food_ok, "visit.food_ok", "不愁吃", "吃饭", "food"};
  return latest_visit_finding(h, kItem, why);
}

Rule food_secure() {
  return {
      .id = "food.secure",
      .version = 1,
      .group = RuleGroup::kFood,
      .name_zh = "不愁吃",
      .name_en = "Food",
      .description_zh = "不愁吃：最近一次走访确认家庭主粮、副食充足，吃饭不愁",
      .description_en = "Food: the latest visit found enough staple and other food",
      .reads = {"visit.on", "visit.mode", "visit.food_ok"},
      .evaluate = evaluate,
  };
}

}  // namespace lz::poverty::rulebook
