#include "poverty/visits.h"

#include <fmt/format.h>

#include <algorithm>

namespace lz::poverty {

static const VisitItem kItems[] = {
    {"food_ok", "不愁吃", "food", RuleGroup::kFood, &VisitFindings::food_ok, true},
    {"clothing_ok", "不愁穿", "clothing", RuleGroup::kClothing, &VisitFindings::clothing_ok, true},
    {"schooling_ok", "义务教育", "schooling", RuleGroup::kEducation, &VisitFindings::schooling_ok,
     false},
    {"medical_ok", "基本医疗", "medical care", RuleGroup::kMedical, &VisitFindings::medical_ok,
     false},
    {"housing_ok", "住房安全", "housing", RuleGroup::kHousing, &VisitFindings::housing_ok, false},
    {"water_ok", "饮水安全", "drinking water", RuleGroup::kWater, &VisitFindings::water_ok, false},
};

std::span<const VisitItem> visit_items() {
  return kItems;
}

Status validate_visit(const Visit& v, Date as_of) {
  if (v.household_id <= 0)
    return invalid("visit.household_required", "household_id", "走访记录须指明农户",
                   "A visit needs its household");
  if (v.on > as_of)
    return invalid("visit.date_future", "on",
                   fmt::format("走访日期{}晚于今天（{}）", v.on.iso(), as_of.iso()),
                   fmt::format("The visit date {} is after today ({})", v.on.iso(), as_of.iso()));
  return Status::Ok();
}

static bool later(const Visit& a, const Visit& b) {  // a supersedes b
  if (a.on != b.on) return a.on > b.on;
  if (a.mode != b.mode) return a.mode == VisitMode::kInPerson;
  return a.id > b.id;
}

const Visit* last_visit(std::span<const Visit> visits, Date as_of) {
  const Visit* best = nullptr;
  for (const auto& v : visits) {
    if (v.on > as_of) continue;
    if (!best || later(v, *best)) best = &v;
  }
  return best;
}

std::optional<VisitFacts> visit_facts(std::span<const Visit> visits, Date as_of) {
  const Visit* v = last_visit(visits, as_of);
  if (!v) return std::nullopt;
  return VisitFacts{v->on, v->mode, v->findings.food_ok, v->findings.clothing_ok};
}

VisitStatus visit_status(int64_t household_id, std::span<const Visit> visits, Date as_of,
                         const CheckConfig& config) {
  VisitStatus s;
  s.household_id = household_id;
  const Visit* v = nullptr;
  for (const auto& x : visits) {
    if (x.household_id != household_id || x.on > as_of) continue;
    if (!v || later(x, *v)) v = &x;
  }
  if (!v) {
    s.overdue = true;
    return s;
  }
  s.last_on = v->on;
  s.last_mode = v->mode;
  s.due = v->on.plus_days(config.visit_interval_days);
  s.overdue = *s.due < as_of;
  s.days_since = as_of - v->on;
  return s;
}

std::vector<HouseholdVisitRow> overdue_visits(std::span<const HouseholdVisitRow> rows, Date as_of,
                                              const CheckConfig& config) {
  std::vector<HouseholdVisitRow> out;
  for (const auto& r : rows)
    if (!r.last_on || r.last_on->plus_days(config.visit_interval_days) < as_of) out.push_back(r);
  std::sort(out.begin(), out.end(), [](const HouseholdVisitRow& a, const HouseholdVisitRow& b) {
    if (a.last_on.has_value() != b.last_on.has_value()) return !a.last_on.has_value();
    if (a.last_on && *a.last_on != *b.last_on) return *a.last_on < *b.last_on;
    return a.household_id < b.household_id;
  });
  return out;
}

std::vector<VisitDiscrepancy> discrepancies(const Visit& v, const CheckResult& result) {
  std::vector<VisitDiscrepancy> out;
  for (const auto& item : kItems) {
    const auto& found = v.findings.*item.field;
    if (!found) continue;
    bool any = false;
    Outcome worst = Outcome::kPass;
    for (const auto& r : result.results) {
      if (r.rule->group != item.group) continue;
      any = true;
      if (r.outcome == Outcome::kGap)
        worst = Outcome::kGap;
      else if (r.outcome == Outcome::kUnknown && worst == Outcome::kPass)
        worst = Outcome::kUnknown;
    }
    if (!any || worst == Outcome::kUnknown) continue;
    const bool check_ok = worst == Outcome::kPass;
    if (*found == check_ok) continue;
    VisitDiscrepancy d;
    d.item = &item;
    d.visit_ok = *found;
    d.check_outcome = worst;
    if (*found) {
      d.zh = fmt::format("{}走访认为“{}”没有问题，但检查发现短板", v.on.iso(), item.zh);
      d.en = fmt::format("The visit on {} found {} fine, but the check finds a gap", v.on.iso(),
                         item.en);
    } else {
      d.zh =
          fmt::format("{}走访发现“{}”有问题，但检查数据显示达标，请核实数据", v.on.iso(), item.zh);
      d.en = fmt::format(
          "The visit on {} found a problem with {}, but the check's data pass: "
          "check the data",
          v.on.iso(), item.en);
    }
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace lz::poverty
