// Rule clothing.secure (两不愁·不愁穿), version 1.
// Pass: the latest visit found clothing secure (visit.clothing_ok).
// Gap: the latest visit found the household short of clothing, with the visit date.
// Unknown: no visit recorded, or the latest visit did not record the item.
#include "poverty/rules/helpers.h"
#include "poverty/rules/rules.h"

namespace lz::poverty::rulebook {

static Outcome evaluate(const HouseholdView& h, const RuleContext&, Finding* why) {
  static constexpr VisitItem kItem{&VisitFacts::clothing_ok, "visit.clothing_ok", "不愁穿", "穿衣",
                                   "clothing"};
  return latest_visit_finding(h, kItem, why);
}

Rule clothing_secure() {
  return {
      .id = "clothing.secure",
      .version = 1,
      .group = RuleGroup::kClothing,
      .name_zh = "不愁穿",
      .name_en = "Clothing",
      .description_zh = "不愁穿：最近一次走访确认四季衣物、被褥齐备，穿衣不愁",
      .description_en = "Clothing: the latest visit found clothes and bedding for every season",
      .reads = {"visit.on", "visit.mode", "visit.clothing_ok"},
      .evaluate = evaluate,
  };
}

}  // namespace lz::poverty::rulebook
