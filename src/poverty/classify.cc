#include "poverty/classify.h"

#include <fmt/format.h>

#include "core/text.h"
#include "poverty/money.h"

namespace lz::poverty {

static constexpr uint32_t kCoreGroups = (1u << static_cast<unsigned>(RuleGroup::kIncomeAboveLine)) |
                                        (1u << static_cast<unsigned>(RuleGroup::kFood)) |
                                        (1u << static_cast<unsigned>(RuleGroup::kClothing)) |
                                        (1u << static_cast<unsigned>(RuleGroup::kEducation)) |
                                        (1u << static_cast<unsigned>(RuleGroup::kMedical)) |
                                        (1u << static_cast<unsigned>(RuleGroup::kHousing));

static bool has_open_risk(const HouseholdFacts& f) {
  for (const auto& r : f.risks)
    if (r.is_open()) return true;
  return false;
}

static bool below_threshold(const HouseholdView& v, const RuleContext& ctx) {
  return v.income.known() && *v.income.fen < ctx.relapse_threshold_fen;
}

// Reasons ("gap.<rule>" or "unknown.<rule>") for the rules whose bit is set in
// `mask`, quoting the finding when a full result is at hand.
static void rule_reasons(uint32_t mask, bool gap, const CheckResult* full,
                         std::vector<ClassReason>& why) {
  auto all = rules();
  for (size_t i = 0; i < all.size(); ++i) {
    if (!(mask & (1u << i))) continue;
    const Rule& r = all[i];
    const Finding* f = nullptr;
    if (full)
      for (const auto& rr : full->results)
        if (rr.rule == &r) f = &rr.finding;
    ClassReason c;
    c.code = fmt::format("{}.{}", gap ? "gap" : "unknown", r.id);
    const std::string_view detail_zh = f ? std::string_view(f->reason_zh) : r.description_zh;
    const std::string_view detail_en = f ? std::string_view(f->reason_en) : r.description_en;
    c.zh = fmt::format("{}{}：{}", zh(r.group), gap ? "有短板" : "数据缺失", detail_zh);
    c.en = fmt::format("{} {}: {}", en(r.group), gap ? "gap" : "data missing", detail_en);
    why.push_back(std::move(c));
  }
}

static PovertyClass decide(const HouseholdView& v, const Outcomes& o, const RuleContext& ctx,
                           const CheckResult* full, std::vector<ClassReason>* why) {
  const HouseholdFacts& f = *v.facts;
  const bool not_lifted = f.status == HouseholdStatus::kRegisteredPoor;
  const bool core_gap = (o.gap_groups & kCoreGroups) != 0;
  if (not_lifted || core_gap) {
    if (why) {
      if (not_lifted)
        why->push_back({"status.registered_poor", "尚未脱贫（建档立卡贫困户）",
                        "Not yet lifted out of poverty (registered poor)"});
      uint32_t mask = 0;
      auto all = rules();
      for (size_t i = 0; i < all.size(); ++i)
        if ((o.gap_rules & (1u << i)) && is_core_group(all[i].group)) mask |= 1u << i;
      rule_reasons(mask, true, full, *why);
    }
    return PovertyClass::kKeySupport;
  }
  const bool low = below_threshold(v, ctx);
  const bool other_gap = o.gap_rules != 0;  // core gaps were handled above
  const bool risk = has_open_risk(f);
  const bool unknown = o.unknown_rules != 0;
  if (low || other_gap || risk || unknown) {
    if (why) {
      if (low)
        why->push_back(
            {"income.below_relapse_threshold",
             fmt::format("人均纯收入{}元，低于防返贫监测线{}元", format_yuan(*v.income.fen),
                         format_yuan(ctx.relapse_threshold_fen)),
             fmt::format("Per-capita net income {} yuan is below the relapse-monitoring threshold "
                         "of {} yuan",
                         format_yuan(*v.income.fen), format_yuan(ctx.relapse_threshold_fen))});
      rule_reasons(o.gap_rules, true, full, *why);
      for (const auto& r : f.risks)
        if (r.is_open()) {
          std::string what_zh = r.trigger ? zh(*r.trigger) : zh(r.category);
          std::string what_en = r.trigger ? en(*r.trigger) : en(r.category);
          why->push_back(
              {"risk.open",
               fmt::format("有未消除的返贫风险（{}登记，{}）", r.opened_on.iso(), what_zh),
               fmt::format("An open relapse risk (opened {}, {})", r.opened_on.iso(), what_en)});
        }
      rule_reasons(o.unknown_rules, false, full, *why);
    }
    return PovertyClass::kConsolidate;
  }
  if (why)
    why->push_back(
        {"all_pass",
         fmt::format("各项检查均达标，人均纯收入{}元，不低于防返贫监测线{}元",
                     format_yuan(*v.income.fen), format_yuan(ctx.relapse_threshold_fen)),
         fmt::format("Every check passes; per-capita net income {} yuan is at or above the "
                     "relapse-monitoring threshold of {} yuan",
                     format_yuan(*v.income.fen), format_yuan(ctx.relapse_threshold_fen))});
  return PovertyClass::kStable;
}

PovertyClass classify(const HouseholdView& view, const Outcomes& outcomes, const RuleContext& ctx,
                      std::vector<ClassReason>* why) {
  return decide(view, outcomes, ctx, nullptr, why);
}

Classification classify(const HouseholdFacts& facts, const CheckResult& result,
                        const CheckConfig& config, std::optional<ClassOverride> override_) {
  const RuleContext ctx = make_context(config);
  const HouseholdView view = make_view(facts);
  Classification c;
  c.household_id = facts.household_id;
  c.computed = decide(view, outcomes_of(result), ctx, &result, &c.reasons);
  c.override_ = std::move(override_);
  return c;
}

bool may_override_class(Role role) {
  static const Role kAllowed[] = {Role::kCountyAdmin, Role::kTownshipOfficer};
  for (Role r : kAllowed)
    if (r == role) return true;
  return false;
}

Status validate_override(const ClassOverride& o, Date as_of) {
  if (!may_override_class(o.role))
    return invalid(
        "class_override.forbidden", "role",
        fmt::format("“{}”无权调整贫困户分类（县级管理员或乡镇干部方可）", role_label_zh(o.role)),
        fmt::format("The role {} may not override a household's class (county "
                    "administrators and township officers may)",
                    role_name(o.role)));
  if (text::trim(o.reason).empty())
    return invalid("class_override.reason_required", "reason", "调整分类必须填写理由",
                   "Overriding a class needs a reason");
  if (text::trim(o.by).empty())
    return invalid("class_override.by_required", "by", "调整分类必须注明调整人",
                   "Overriding a class needs the name of who decided");
  if (o.on > as_of)
    return invalid(
        "class_override.date_future", "on",
        fmt::format("调整日期{}晚于今天{}", o.on.iso(), as_of.iso()),
        fmt::format("The override date {} is after today ({})", o.on.iso(), as_of.iso()));
  return Status::Ok();
}

std::string describe(const Classification& c, Lang lang) {
  const bool zh_lang = lang == Lang::kZh;
  std::string out;
  if (c.overridden()) {
    const ClassOverride& o = *c.override_;
    if (zh_lang)
      out = fmt::format("{}（人工认定，计算结果为{}）：{}（{}，{}）", zh(o.cls), zh(c.computed),
                        o.reason, o.by, o.on.iso());
    else
      out = fmt::format("{} (set by hand; computed: {}): {} ({}, {})", en(o.cls), en(c.computed),
                        o.reason, o.by, o.on.iso());
    return out;
  }
  out = zh_lang ? std::string(zh(c.computed)) + "：" : std::string(en(c.computed)) + ": ";
  for (size_t i = 0; i < c.reasons.size(); ++i) {
    if (i > 0) out += zh_lang ? "；" : "; ";
    out += zh_lang ? c.reasons[i].zh : c.reasons[i].en;
  }
  return out;
}

}  // namespace lz::poverty
