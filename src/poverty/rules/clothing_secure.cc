// Rule clothing.secure (两不愁·不愁穿), version 1.
// Pass: the latest visit found clothing secure (visit.clothing_ok).
// Gap: the latest visit found the household short of clothing, with the visit date.
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
  if (!visit->clothing_ok) {
    if (why)
      missing(*why, "visit.clothing_ok", fmt::format("{}走访记录中的“不愁穿”", visit->on.iso()),
              fmt::format("The finding on clothing of the visit on {}", visit->on.iso()));
    return Outcome::kUnknown;
  }
  if (*visit->clothing_ok) return Outcome::kPass;
  if (why) {
    why->reason_zh =
        fmt::format("{}{}发现穿衣有困难（不愁穿未达标）", visit->on.iso(), zh(visit->mode));
    why->reason_en = fmt::format("The visit on {} ({}) found the household short of clothing",
                                 visit->on.iso(), en(visit->mode));
    why->field = "visit.clothing_ok";
  }
  return Outcome::kGap;
}

Rule clothing_secure() {
  return {
      .id = "clothing.secure",
      .version = 1,
      .group = RuleGroup::kClothing,
      .description_zh = "不愁穿：最近一次走访确认四季衣物、被褥齐备，穿衣不愁",
      .description_en = "Clothing: the latest visit found clothes and bedding for every season",
      .reads = {"visit.on", "visit.mode", "visit.clothing_ok"},
      .evaluate = evaluate,
  };
}

}  // namespace lz::poverty::rulebook
