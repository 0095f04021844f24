// Rule food.secure (两不愁·不愁吃), version 1.
// Pass: the latest visit found food secure (visit.food_ok).
// Gap: the latest visit found the household short of food, with the visit date.
// Unknown: no visit recorded, or the latest visit did not record the item.
#include <fmt/format.h>

#include "poverty/rules/helpers.h"
#include "poverty/rules/rules.h"

namespace lz::poverty::rulebook {

static Outcome evaluate(const HouseholdView& h, const RuleContext&, Finding* why) {
  const auto& visit = h.facts->visit;
  if (!visit) {
    if (why) {
      why->reason_zh = "没有走访记录，无法判断";
      why->reason_en = "No visit recorded: cannot decide";
      why->field = "visit";
    }
    return Outcome::kUnknown;
  }
  if (!visit->food_ok) {
    if (why)
      missing(*why, "visit.food_ok", fmt::format("{}走访记录中的“不愁吃”", visit->on.iso()),
              fmt::format("The finding on food of the visit on {}", visit->on.iso()));
    return Outcome::kUnknown;
  }
  if (*visit->food_ok) return Outcome::kPass;
  if (why) {
    why->reason_zh =
        fmt::format("{}{}发现吃饭有困难（不愁吃未达标）", visit->on.iso(), zh(visit->mode));
    why->reason_en = fmt::format("The visit on {} ({}) found the household short of food",
                                 visit->on.iso(), en(visit->mode));
    why->field = "visit.food_ok";
  }
  return Outcome::kGap;
}

Rule food_secure() {
  return {
      .id = "food.secure",
      .version = 1,
      .group = RuleGroup::kFood,
      .description_zh = "不愁吃：最近一次走访确认家庭主粮、副食充足，吃饭不愁",
      .description_en = "Food: the latest visit found enough staple and other food",
      .reads = {"visit.on", "visit.mode", "visit.food_ok"},
      .evaluate = evaluate,
  };
}

}  // namespace lz::poverty::rulebook
