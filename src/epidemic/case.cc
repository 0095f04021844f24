#include "epidemic/case.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/text.h"
#include "epidemic/detail.h"

namespace lz::epidemic {

static const CaseTransition kTransitions[] = {
    {CaseStatus::kSuspected, CaseStatus::kConfirmed},
    {CaseStatus::kSuspected, CaseStatus::kExcluded},
    {CaseStatus::kConfirmed, CaseStatus::kDischarged},
    {CaseStatus::kConfirmed, CaseStatus::kDeceased},
};

std::span<const CaseTransition> case_transitions() {
  return kTransitions;
}

bool is_allowed(CaseStatus from, CaseStatus to) {
  for (const auto& t : kTransitions)
    if (t.from == from && t.to == to) return true;
  return false;
}

bool is_final(CaseStatus s) {
  return s == CaseStatus::kDischarged || s == CaseStatus::kDeceased || s == CaseStatus::kExcluded;
}

bool may_open_as(CaseStatus s) {
  return s == CaseStatus::kSuspected || s == CaseStatus::kConfirmed;
}

const CaseStep* Case::step(CaseStatus s) const {
  for (const auto& st : steps)
    if (st.status == s) return &st;
  return nullptr;
}

std::optional<Date> Case::date_of(CaseStatus s) const {
  const CaseStep* st = step(s);
  if (!st) return std::nullopt;
  return st->on;
}

// What the states allow next, in words, for the refusal message.
static std::string next_zh(CaseStatus s) {
  std::string out;
  for (const auto& t : kTransitions) {
    if (t.from != s) continue;
    if (!out.empty()) out += "或";
    out += fmt::format("“{}”", zh(t.to));
  }
  return out;
}
static std::string next_en(CaseStatus s) {
  std::string out;
  for (const auto& t : kTransitions) {
    if (t.from != s) continue;
    if (!out.empty()) out += " or ";
    out += id(t.to);
  }
  return out;
}

static Status check_step(const CaseStep& step, Date as_of) {
  if (text::trim(step.place).empty())
    return invalid("case.place_required", "place",
                   fmt::format("请填写“{}”的地点（医院、发热门诊等）", zh(step.status)),
                   fmt::format("Give the place (hospital, fever clinic, ...) where the case was {}",
                               id(step.status)));
  if (step.on > as_of)
    return detail::date_future("case.date_future", "on", "病例状态变更日期", "date of the step",
                               step.on, as_of);
  return Status::Ok();
}

Result<Case> open_case(int64_t person_id, std::string region_code, CaseStep first, Date as_of) {
  if (person_id <= 0)
    return invalid("case.person_required", "person_id", "请指明病例对应的人员",
                   "Say who the case is");
  region_code = text::strip_spaces(region_code);
  if (region_code.empty())
    return invalid("case.region_required", "region_code", "请填写病例所在的村（社区）",
                   "Give the case's village or community");
  if (!may_open_as(first.status))
    return invalid(
        "case.invalid_opening", "status",
        fmt::format("病例只能以“疑似”或“确诊”建立，不能直接登记为“{}”", zh(first.status)),
        fmt::format("A case opens as suspected or confirmed, not as {}", id(first.status)));
  LZ_TRY(check_step(first, as_of));
  Case c;
  c.person_id = person_id;
  c.region_code = std::move(region_code);
  c.status = first.status;
  first.place = text::trim(first.place);
  c.steps.push_back(std::move(first));
  return c;
}

Result<Case> advance(const Case& c, CaseStep step, Date as_of) {
  if (!is_allowed(c.status, step.status)) {
    std::string allowed_zh = next_zh(c.status);
    std::string allowed_en = next_en(c.status);
    std::string zh_msg =
        allowed_zh.empty()
            ? fmt::format("病例已是“{}”，不能再变更为“{}”", zh(c.status), zh(step.status))
            : fmt::format("病例当前为“{}”，不能变更为“{}”：只能变更为{}", zh(c.status),
                          zh(step.status), allowed_zh);
    std::string en_msg = allowed_en.empty()
                             ? fmt::format("The case is {}, which is final: it cannot become {}",
                                           id(c.status), id(step.status))
                             : fmt::format("A {} case cannot become {}: only {}", id(c.status),
                                           id(step.status), allowed_en);
    Error e = invalid("case.invalid_transition", "status", zh_msg, en_msg);
    e.kind = ErrorKind::kConflict;
    return e;
  }
  LZ_TRY(check_step(step, as_of));
  const CaseStep& last = c.steps.back();
  if (step.on < last.on)
    return invalid("case.date_before_previous", "on",
                   fmt::format("“{}”日期{}早于上一步“{}”的日期{}", zh(step.status), step.on.iso(),
                               zh(last.status), last.on.iso()),
                   fmt::format("The {} date {} is before the previous step ({} on {})",
                               id(step.status), step.on.iso(), id(last.status), last.on.iso()));
  Case out = c;
  out.status = step.status;
  step.place = text::trim(step.place);
  out.steps.push_back(std::move(step));
  return out;
}

Status check_discharge_criteria(const DischargeEvidence& e, Date on, const EpidemicConfig& config) {
  std::vector<Error> errors;
  // Temperature: the highest reading per day, days before `on` going back.
  {
    std::vector<DailyTemperature> t = e.temperatures;
    std::sort(t.begin(), t.end(),
              [](const DailyTemperature& a, const DailyTemperature& b) { return a.day < b.day; });
    // Reduce to one maximum per day.
    std::vector<DailyTemperature> days;
    for (const auto& r : t) {
      if (!days.empty() && days.back().day == r.day)
        days.back().max_tenths = std::max(days.back().max_tenths, r.max_tenths);
      else
        days.push_back(r);
    }
    bool fever_on_day = false;
    int run = 0;
    Date expect = on.plus_days(-1);
    for (auto it = days.rbegin(); it != days.rend(); ++it) {
      if (it->day > on) continue;
      if (it->day == on) {
        fever_on_day = it->max_tenths >= config.fever_threshold_tenths;
        continue;
      }
      if (it->day != expect || it->max_tenths >= config.fever_threshold_tenths) break;
      ++run;
      expect = expect.plus_days(-1);
    }
    const int need = config.discharge_normal_temperature_days + 1;
    if (fever_on_day || run < need)
      errors.push_back(
          invalid("discharge.temperature", "temperatures",
                  fmt::format("体温恢复正常需超过{}天：出院前连续正常{}天{}",
                              config.discharge_normal_temperature_days, run,
                              fever_on_day ? "，且出院当日仍发热" : ""),
                  fmt::format("The temperature must have been normal for more than {} days: it was "
                              "normal on {} consecutive days before discharge{}",
                              config.discharge_normal_temperature_days, run,
                              fever_on_day ? ", and there is a fever on the day itself" : "")));
  }
  if (!e.respiratory_improved)
    errors.push_back(invalid("discharge.respiratory", "respiratory_improved",
                             "呼吸道症状尚未明显好转",
                             "Respiratory symptoms are not clearly better"));
  if (!e.lungs_improved)
    errors.push_back(invalid("discharge.lungs", "lungs_improved",
                             "肺部影像学尚未显示急性渗出性病变明显改善",
                             "Lung imaging does not show clear improvement"));
  {
    std::optional<Date> last_positive;
    for (const auto& t : e.tests)
      if (t.sampled_on <= on && !t.negative && (!last_positive || t.sampled_on > *last_positive))
        last_positive = t.sampled_on;
    std::vector<Date> negatives;
    for (const auto& t : e.tests)
      if (t.sampled_on <= on && t.negative && (!last_positive || t.sampled_on > *last_positive))
        negatives.push_back(t.sampled_on);
    std::sort(negatives.begin(), negatives.end());
    int counted = 0;
    std::optional<Date> prev;
    for (Date d : negatives) {
      if (prev && d - *prev < config.discharge_test_gap_days) continue;
      ++counted;
      prev = d;
    }
    if (counted < config.discharge_negative_tests)
      errors.push_back(invalid(
          "discharge.tests", "tests",
          fmt::format("需在最后一次阳性后有连续{}次核酸阴性（采样间隔至少{}天），现有{}次",
                      config.discharge_negative_tests, config.discharge_test_gap_days, counted),
          fmt::format("{} negative nucleic-acid tests at least {} day(s) apart after the last "
                      "positive one are needed; there are {}",
                      config.discharge_negative_tests, config.discharge_test_gap_days, counted)));
  }
  if (errors.empty()) return Status::Ok();
  Error all = invalid("case.discharge_criteria_unmet", "evidence",
                      fmt::format("未达到出院标准（{}项不符）", errors.size()),
                      fmt::format("The discharge criteria are not met ({} unmet)", errors.size()));
  all.details = std::move(errors);
  return all;
}

Result<Case> discharge(const Case& c, CaseStep step, const DischargeEvidence& e, Date as_of,
                       const EpidemicConfig& config) {
  step.status = CaseStatus::kDischarged;
  if (!is_allowed(c.status, CaseStatus::kDischarged)) return advance(c, std::move(step), as_of);
  LZ_TRY(check_discharge_criteria(e, step.on, config));
  return advance(c, std::move(step), as_of);
}

std::optional<Date> post_discharge_monitoring_end(const Case& c, const EpidemicConfig& config) {
  auto d = c.date_of(CaseStatus::kDischarged);
  if (!d) return std::nullopt;
  return d->plus_days(config.post_discharge_monitoring_days);
}

std::optional<CaseStatus> status_on(const CaseRecord& r, Date d) {
  // Lifecycle order: a later state wins on the same day.
  std::optional<CaseStatus> s;
  auto take = [&](const std::optional<Date>& on, CaseStatus st) {
    if (on && *on <= d) s = st;
  };
  take(r.suspected_on, CaseStatus::kSuspected);
  take(r.confirmed_on, CaseStatus::kConfirmed);
  take(r.excluded_on, CaseStatus::kExcluded);
  take(r.discharged_on, CaseStatus::kDischarged);
  take(r.deceased_on, CaseStatus::kDeceased);
  return s;
}

CaseRecord to_record(const Case& c) {
  CaseRecord r;
  r.case_id = c.id;
  r.person_id = c.person_id;
  r.region_code = c.region_code;
  r.suspected_on = c.date_of(CaseStatus::kSuspected);
  r.confirmed_on = c.date_of(CaseStatus::kConfirmed);
  r.discharged_on = c.date_of(CaseStatus::kDischarged);
  r.deceased_on = c.date_of(CaseStatus::kDeceased);
  r.excluded_on = c.date_of(CaseStatus::kExcluded);
  return r;
}

}  // namespace lz::epidemic
