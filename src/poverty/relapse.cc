#include "poverty/relapse.h"

#include <fmt/format.h>

#include "core/text.h"
#include "poverty/money.h"

namespace lz::poverty {

MonitorDecision should_monitor(const HouseholdFacts& h, const CheckConfig& config) {
  MonitorDecision d;
  std::optional<RiskCategory> category;
  if (h.status == HouseholdStatus::kLifted) category = RiskCategory::kUnstableLifted;
  if (h.status == HouseholdStatus::kMarginal) category = RiskCategory::kMarginalAtRisk;
  if (!category) {
    d.verdict = MonitorVerdict::kNotNeeded;
    if (h.status == HouseholdStatus::kRegisteredPoor) {
      d.reason_zh = "尚未脱贫的建档立卡贫困户按重点扶持户帮扶，不列入防返贫监测";
      d.reason_en =
          "A registered household not yet lifted is supported as such, not monitored "
          "for relapse";
    } else {
      d.reason_zh = "一般农户仅在突发严重困难时纳入监测";
      d.reason_en = "An ordinary household is monitored only after a sudden severe hardship";
    }
    return d;
  }
  const PerCapitaIncome inc = per_capita_net_income(h);
  const int64_t threshold = config.relapse_threshold_fen();
  if (!inc.known()) {
    d.verdict = MonitorVerdict::kUnknown;
    d.missing_field = std::string(inc.missing);
    d.reason_zh = fmt::format("收入数据不全（{}未录入），无法判断是否纳入监测", inc.missing);
    d.reason_en = fmt::format("Income incomplete ({} not recorded): cannot decide", inc.missing);
    return d;
  }
  if (*inc.fen < threshold) {
    d.verdict = MonitorVerdict::kMonitor;
    d.category = category;
    d.reason_zh =
        fmt::format("{}人均纯收入{}元，低于防返贫监测线{}元（贫困标准{}元的{}倍），列为{}",
                    zh(h.status), format_yuan(*inc.fen), format_yuan(threshold),
                    format_yuan(config.poverty_line_fen), config.relapse_factor, zh(*category));
    d.reason_en = fmt::format(
        "{}: per-capita net income {} yuan is below the monitoring threshold of {} yuan ({} x the "
        "line of {} yuan); monitor as {}",
        en(h.status), format_yuan(*inc.fen), format_yuan(threshold), config.relapse_factor,
        format_yuan(config.poverty_line_fen), en(*category));
    return d;
  }
  d.verdict = MonitorVerdict::kNotNeeded;
  d.reason_zh = fmt::format("人均纯收入{}元，不低于防返贫监测线{}元", format_yuan(*inc.fen),
                            format_yuan(threshold));
  d.reason_en = fmt::format(
      "Per-capita net income {} yuan is at or above the monitoring "
      "threshold of {} yuan",
      format_yuan(*inc.fen), format_yuan(threshold));
  return d;
}

std::optional<RiskCategory> default_category(HouseholdStatus s) {
  switch (s) {
    case HouseholdStatus::kLifted:
      return RiskCategory::kUnstableLifted;
    case HouseholdStatus::kMarginal:
      return RiskCategory::kMarginalAtRisk;
    case HouseholdStatus::kOrdinary:
      return RiskCategory::kSuddenHardship;
    case HouseholdStatus::kRegisteredPoor:
      break;
  }
  return std::nullopt;
}

static bool category_fits(RiskCategory c, HouseholdStatus s) {
  switch (c) {
    case RiskCategory::kUnstableLifted:
      return s == HouseholdStatus::kLifted;
    case RiskCategory::kMarginalAtRisk:
      return s == HouseholdStatus::kMarginal || s == HouseholdStatus::kOrdinary;
    case RiskCategory::kSuddenHardship:
      return s != HouseholdStatus::kRegisteredPoor;
  }
  return false;
}

Result<RiskCase> open_case(const HouseholdFacts& h, const Trigger& trigger, Date as_of,
                           const CheckConfig& config) {
  if (h.status == HouseholdStatus::kRegisteredPoor)
    return invalid("relapse.registered_poor", "household_id",
                   "该户是尚未脱贫的建档立卡贫困户，请按重点扶持户落实帮扶，不另开防返贫监测",
                   "This household is registered poor and not yet lifted: support it as such "
                   "rather than opening a relapse case");
  if (trigger.on > as_of)
    return invalid("relapse.date_future", "on",
                   fmt::format("发生日期{}晚于今天（{}）", trigger.on.iso(), as_of.iso()),
                   fmt::format("The date {} is after today ({})", trigger.on.iso(), as_of.iso()));
  const MemberFacts* person = nullptr;
  if (trigger_needs_person(trigger.kind)) {
    if (!trigger.person_id)
      return invalid("relapse.person_required", "person_id",
                     fmt::format("“{}”须指明是哪位家庭成员", zh(trigger.kind)),
                     fmt::format("\"{}\" needs the member it happened to", en(trigger.kind)));
  }
  if (trigger.person_id) {
    person = h.member(*trigger.person_id);
    if (!person)
      return invalid(
          "relapse.person_not_member", "person_id",
          fmt::format("人员{}不是该户成员", *trigger.person_id),
          fmt::format("Person {} is not a member of this household", *trigger.person_id));
  }
  const RiskCategory category = trigger.category ? *trigger.category : *default_category(h.status);
  if (!category_fits(category, h.status))
    return invalid("relapse.category_mismatch", "category",
                   fmt::format("{}不能列为{}", zh(h.status), zh(category)),
                   fmt::format("A household that is {} cannot be monitored as {}", en(h.status),
                               en(category)));
  for (const auto& r : h.risks)
    if (r.is_open() && r.trigger == trigger.kind && r.person_id == trigger.person_id) {
      Error e = conflict("relapse.duplicate", "kind",
                         fmt::format("该户已有未消除的同类风险（{}，{}登记）", zh(trigger.kind),
                                     r.opened_on.iso()),
                         fmt::format("The household already has an open case for {} (opened {})",
                                     en(trigger.kind), r.opened_on.iso()));
      return e;
    }
  RiskCase c;
  c.household_id = h.household_id;
  c.category = category;
  c.trigger = trigger.kind;
  c.trigger_on = trigger.on;
  c.person_id = trigger.person_id;
  c.kinds.add(risk_kind_of(trigger.kind));
  c.opened_on = as_of;
  c.deadline = as_of.plus_days(config.relapse_assess_days);
  c.note = trigger.note;
  return c;
}

Result<RiskCase> eliminate(const HouseholdFacts& h, const RiskCase& c, const Elimination& e,
                           Date as_of, const CheckConfig& config) {
  if (c.household_id != h.household_id)
    return invalid("relapse.wrong_household", "household_id", "该风险不属于此户",
                   "The case belongs to another household");
  if (!c.is_open())
    return conflict("relapse.already_closed", "closed_on",
                    fmt::format("该风险已于{}消除", c.closed_on->iso()),
                    fmt::format("The case was already closed on {}", c.closed_on->iso()));
  if (e.on < c.opened_on)
    return invalid("relapse.date_before_opened", "on",
                   fmt::format("消除日期{}早于风险登记日期{}", e.on.iso(), c.opened_on.iso()),
                   fmt::format("The elimination date {} is before the case opened ({})", e.on.iso(),
                               c.opened_on.iso()));
  if (e.on > as_of)
    return invalid(
        "relapse.date_future", "on",
        fmt::format("消除日期{}晚于今天（{}）", e.on.iso(), as_of.iso()),
        fmt::format("The elimination date {} is after today ({})", e.on.iso(), as_of.iso()));
  if (e.method == CloseMethod::kOther && text::trim(e.note).empty())
    return invalid("relapse.note_required", "note", "以“其他”方式消除风险须说明情况",
                   "Eliminating a risk by another method needs a note saying how");
  if (e.method == CloseMethod::kAssistance || e.method == CloseMethod::kIncomeRecovered) {
    if (e.method == CloseMethod::kAssistance) {
      bool assisted = false;
      for (const auto& m : h.measures)
        if (m.on >= c.opened_on && m.on <= e.on) assisted = true;
      if (!assisted)
        return invalid("relapse.no_assistance", "method",
                       fmt::format("风险登记（{}）后至{}没有记录任何帮扶措施，不能以“帮扶消除”关闭",
                                   c.opened_on.iso(), e.on.iso()),
                       fmt::format("No assistance measure is recorded between the opening ({}) "
                                   "and {}: the risk cannot be closed as eliminated by assistance",
                                   c.opened_on.iso(), e.on.iso()));
    }
    const PerCapitaIncome inc = per_capita_net_income(h);
    if (!inc.known())
      return invalid("relapse.income_unknown", std::string(inc.missing),
                     fmt::format("收入数据不全（{}未录入），不能确认风险已消除", inc.missing),
                     fmt::format("Income incomplete ({} not recorded): cannot confirm the risk is "
                                 "gone",
                                 inc.missing));
    if (e.method == CloseMethod::kAssistance && *inc.fen <= config.poverty_line_fen)
      return invalid("relapse.income_below_line", "method",
                     fmt::format("人均纯收入{}元仍未超过{}元的标准，不能以“帮扶消除”关闭",
                                 format_yuan(*inc.fen), format_yuan(config.poverty_line_fen)),
                     fmt::format("Per-capita net income {} yuan is still not above the line of {} "
                                 "yuan: the risk cannot be closed as eliminated by assistance",
                                 format_yuan(*inc.fen), format_yuan(config.poverty_line_fen)));
    const int64_t threshold = config.relapse_threshold_fen();
    if (e.method == CloseMethod::kIncomeRecovered && *inc.fen < threshold)
      return invalid("relapse.income_below_threshold", "method",
                     fmt::format("人均纯收入{}元仍低于防返贫监测线{}元，不能以“收入恢复”关闭",
                                 format_yuan(*inc.fen), format_yuan(threshold)),
                     fmt::format("Per-capita net income {} yuan is still below the monitoring "
                                 "threshold of {} yuan: the risk cannot be closed as income "
                                 "recovered",
                                 format_yuan(*inc.fen), format_yuan(threshold)));
  }
  RiskCase out = c;
  out.closed_on = e.on;
  out.close_method = e.method;
  out.close_note = e.note;
  out.closed_by = e.by;
  return out;
}

Result<RiskCase> record_assessment(const RiskCase& c, Date on, std::string note, Date as_of) {
  if (!c.is_open())
    return conflict("relapse.already_closed", "closed_on",
                    fmt::format("该风险已于{}消除", c.closed_on->iso()),
                    fmt::format("The case was already closed on {}", c.closed_on->iso()));
  if (c.assessed_on)
    return conflict("relapse.already_assessed", "assessed_on",
                    fmt::format("该风险已于{}研判", c.assessed_on->iso()),
                    fmt::format("The case was already assessed on {}", c.assessed_on->iso()));
  if (on < c.opened_on)
    return invalid("relapse.date_before_opened", "on",
                   fmt::format("研判日期{}早于风险登记日期{}", on.iso(), c.opened_on.iso()),
                   fmt::format("The assessment date {} is before the case opened ({})", on.iso(),
                               c.opened_on.iso()));
  if (on > as_of)
    return invalid(
        "relapse.date_future", "on", fmt::format("研判日期{}晚于今天（{}）", on.iso(), as_of.iso()),
        fmt::format("The assessment date {} is after today ({})", on.iso(), as_of.iso()));
  RiskCase out = c;
  out.assessed_on = on;
  out.assessment_note = std::move(note);
  return out;
}

bool is_assessment_overdue(const RiskCase& c, Date as_of) {
  return c.is_open() && !c.assessed_on && c.deadline < as_of;
}

}  // namespace lz::poverty
