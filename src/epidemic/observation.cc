#include "epidemic/observation.h"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "core/text.h"
#include "epidemic/detail.h"

namespace lz::epidemic {

Result<Observation> plan_observation(const ObservationPlan& plan, Date as_of,
                                     const EpidemicConfig& config) {
  std::vector<Error> errors;
  Observation o;
  o.person_id = plan.person_id;
  o.region_code = text::strip_spaces(plan.region_code);
  o.kind = plan.kind;
  o.site = text::normalize(plan.site);
  o.room = text::normalize(plan.room);
  o.last_exposure = plan.last_exposure;
  o.start = plan.start;
  o.planned_end = plan.last_exposure.plus_days(config.observation_days);
  o.basis = text::trim(plan.basis);
  o.by = plan.by;
  if (o.person_id <= 0)
    errors.push_back(invalid("observation.person_required", "person_id", "请指明医学观察的对象",
                             "Say who is to be observed"));
  if (o.region_code.empty())
    errors.push_back(invalid("observation.region_required", "region_code",
                             "请填写观察对象所在的村（社区）",
                             "Give the observed person's village or community"));
  if (o.kind == ObservationKind::kCentralized) {
    if (o.site.empty())
      errors.push_back(invalid("observation.site_required", "site", "集中隔离须填写隔离点",
                               "Centralised observation needs the facility"));
    if (o.room.empty())
      errors.push_back(invalid("observation.room_required", "room", "集中隔离须填写房间号",
                               "Centralised observation needs the room"));
  }
  bool dates_ok = true;
  if (o.last_exposure > as_of) {
    dates_ok = false;
    errors.push_back(detail::date_future("observation.date_future", "last_exposure",
                                         "末次暴露（返乡）日期", "last exposure (arrival)",
                                         o.last_exposure, as_of));
  }
  if (o.start > as_of) {
    dates_ok = false;
    errors.push_back(detail::date_future("observation.date_future", "start", "观察开始日期",
                                         "start of the observation", o.start, as_of));
  }
  if (dates_ok && o.start < o.last_exposure) {
    dates_ok = false;
    errors.push_back(invalid(
        "observation.start_before_exposure", "start",
        fmt::format("观察开始日期{}早于末次暴露日期{}", o.start.iso(), o.last_exposure.iso()),
        fmt::format("The observation starts ({}) before the last exposure ({})", o.start.iso(),
                    o.last_exposure.iso())));
  }
  if (dates_ok && o.planned_end <= o.start)
    errors.push_back(invalid(
        "observation.period_over", "last_exposure",
        fmt::format("自末次暴露{}起{}天的观察期已于{}结束，无需医学观察", o.last_exposure.iso(),
                    config.observation_days, o.planned_end.iso()),
        fmt::format("The {} days from the last exposure ({}) ended on {}: no observation is "
                    "needed",
                    config.observation_days, o.last_exposure.iso(), o.planned_end.iso())));
  Status all = detail::first_of(std::move(errors));
  if (!all) return all.error();
  return o;
}

static Error already_released(const Observation& o) {
  return conflict("observation.already_released", "released_on",
                  fmt::format("该医学观察已于{}解除", o.released_on->iso()),
                  fmt::format("This observation was released on {}", o.released_on->iso()));
}

Result<Observation> extend_for_exposure(const Observation& o, Date exposure_on, Date found_on,
                                        std::string note, Date as_of,
                                        const EpidemicConfig& config) {
  if (o.released()) return already_released(o);
  if (exposure_on > as_of)
    return detail::date_future("observation.date_future", "exposure_on", "新的暴露日期",
                               "new exposure", exposure_on, as_of);
  if (found_on > as_of)
    return detail::date_future("observation.date_future", "found_on", "发现日期",
                               "day it was found", found_on, as_of);
  if (found_on < exposure_on)
    return invalid("observation.found_before_exposure", "found_on",
                   fmt::format("发现日期{}早于暴露日期{}", found_on.iso(), exposure_on.iso()),
                   fmt::format("The exposure ({}) cannot be found ({}) before it happened",
                               exposure_on.iso(), found_on.iso()));
  Observation out = o;
  if (exposure_on > out.last_exposure) out.last_exposure = exposure_on;
  Date new_end = exposure_on.plus_days(config.observation_days);
  if (new_end > o.planned_end) {
    out.extensions.push_back({found_on, exposure_on, o.planned_end, new_end, text::trim(note)});
    out.planned_end = new_end;
  }
  return out;
}

Result<Observation> release(const Observation& o, const Release& r, Date as_of) {
  if (o.released()) return already_released(o);
  if (r.on < o.start)
    return invalid("observation.release_before_start", "on",
                   fmt::format("解除日期{}早于观察开始日期{}", r.on.iso(), o.start.iso()),
                   fmt::format("The release ({}) is before the start of the observation ({})",
                               r.on.iso(), o.start.iso()));
  if (r.on > as_of)
    return detail::date_future("observation.date_future", "on", "解除日期", "release date", r.on,
                               as_of);
  std::string reason = text::trim(r.reason);
  if (r.on < o.planned_end && reason.empty())
    return invalid("observation.early_release_reason_required", "reason",
                   fmt::format("观察期应至{}届满，提前解除须说明理由", o.planned_end.iso()),
                   fmt::format("The observation is planned to end on {}: give the reason to "
                               "release earlier",
                               o.planned_end.iso()));
  Observation out = o;
  out.released_on = r.on;
  out.release_reason = std::move(reason);
  out.released_by = r.by;
  return out;
}

bool is_under_observation(const ObservationRecord& o, Date d) {
  return o.start <= d && (!o.released_on || d < *o.released_on);
}
bool is_under_observation(const Observation& o, Date d) {
  return o.start <= d && (!o.released_on || d < *o.released_on);
}
bool is_release_due(const Observation& o, Date d) {
  return !o.released() && o.planned_end <= d;
}

DueWindow due_window(const ObservationRecord& o) {
  Date end = o.planned_end;
  if (o.released_on && *o.released_on < end) end = *o.released_on;
  return {o.start, end};
}
DueWindow due_window(const Observation& o) {
  return due_window(to_record(o));
}

std::vector<Date> follow_up_schedule(const Observation& o) {
  std::vector<Date> days;
  DueWindow w = due_window(o);
  for (Date d = w.first; d < w.end; d = d.plus_days(1)) days.push_back(d);
  return days;
}

ObservationRecord to_record(const Observation& o) {
  return {o.id, o.person_id, o.region_code, o.kind, o.start, o.planned_end, o.released_on};
}

// ---------------------------------------------------------------------------
// Follow-ups
// ---------------------------------------------------------------------------
Result<FollowUp> record_follow_up(const Observation& o, FollowUp f,
                                  std::span<const FollowUp> existing, Date as_of) {
  f.observation_id = o.id;
  f.person_id = o.person_id;
  f.by = text::normalize(f.by);
  f.note = text::trim(f.note);
  std::vector<Error> errors;
  if (f.day > as_of)
    errors.push_back(detail::date_future("follow_up.date_future", "day", "随访日期",
                                         "follow-up day", f.day, as_of));
  else if (!due_window(o).contains(f.day))
    errors.push_back(
        invalid("follow_up.day_not_due", "day",
                fmt::format("{}不在该医学观察的随访期内（{}至{}）", f.day.iso(), o.start.iso(),
                            due_window(o).end.plus_days(-1).iso()),
                fmt::format("{} is not a follow-up day of this observation ({} to {})", f.day.iso(),
                            o.start.iso(), due_window(o).end.plus_days(-1).iso())));
  if (f.at.date() > as_of)
    errors.push_back(detail::date_future("follow_up.date_future", "at", "记录时间", "time recorded",
                                         f.at.date(), as_of));
  else if (f.at.date() < f.day)
    errors.push_back(invalid(
        "follow_up.recorded_before_day", "at",
        fmt::format("记录时间{}早于随访日期{}", f.at.iso(), f.day.iso()),
        fmt::format("Recorded at {}, before the day it is for ({})", f.at.iso(), f.day.iso())));
  if (f.by.empty())
    errors.push_back(
        invalid("follow_up.by_required", "by", "请填写随访人", "Say who did the follow-up"));
  Status t = validate_temperature(f.temperature_tenths, "temperature_tenths");
  if (!t) errors.push_back(t.error());
  Status all = detail::first_of(std::move(errors));
  if (!all) return all.error();
  for (const FollowUp& e : existing) {
    if (e.observation_id != o.id || e.day != f.day) continue;
    if (f.id != 0 && e.id == f.id) continue;  // editing this one
    return conflict("follow_up.duplicate", "day",
                    fmt::format("{}已有随访记录（{}，体温{}℃）", f.day.iso(), e.by,
                                format_temperature(e.temperature_tenths)),
                    fmt::format("{} already has a follow-up (by {}, {} °C)", f.day.iso(), e.by,
                                format_temperature(e.temperature_tenths)));
  }
  return f;
}

bool is_fever(int temperature_tenths, const EpidemicConfig& config) {
  return temperature_tenths >= config.fever_threshold_tenths;
}

std::optional<FollowUpAlert> alert_for(const FollowUp& f, const EpidemicConfig& config) {
  bool fever = is_fever(f.temperature_tenths, config);
  if (!fever && f.symptoms.empty()) return std::nullopt;
  FollowUpAlert a;
  a.observation_id = f.observation_id;
  a.person_id = f.person_id;
  a.day = f.day;
  a.fever = fever;
  a.temperature_tenths = f.temperature_tenths;
  a.symptoms = f.symptoms;
  std::string t = format_temperature(f.temperature_tenths);
  a.message_zh = fmt::format("体温{}℃{}", t, fever ? "（发热）" : "");
  a.message_en = fmt::format("temperature {} °C{}", t, fever ? " (fever)" : "");
  if (!f.symptoms.empty()) {
    a.message_zh += "，" + symptoms_zh(f.symptoms);
    std::string en_list;
    for (const auto& v : vocabulary<Symptom>()) {
      auto s = static_cast<Symptom>(&v - vocabulary<Symptom>().data());
      if (!f.symptoms.has(s)) continue;
      if (!en_list.empty()) en_list += ", ";
      en_list += v.en;
    }
    a.message_en += "; " + en_list;
  }
  return a;
}

FollowUpRecord to_record(const FollowUp& f) {
  return {f.observation_id, f.day, f.at.date()};
}

// A (observation index, day) pair as one hash key.
static uint64_t day_key(int32_t obs, Date day) {
  return (static_cast<uint64_t>(static_cast<uint32_t>(obs)) << 32) |
         static_cast<uint32_t>(day.days());
}

FollowUpCounts follow_up_counts(std::span<const ObservationRecord> observations,
                                std::span<const FollowUpRecord> follow_ups, Date d,
                                std::string_view region_prefix) {
  FollowUpCounts c;
  std::unordered_map<int64_t, int32_t> by_id;
  by_id.reserve(observations.size());
  int64_t overdue_days = 0;
  for (size_t i = 0; i < observations.size(); ++i) {
    const ObservationRecord& o = observations[i];
    if (!in_region(o.region_code, region_prefix)) continue;
    by_id.emplace(o.observation_id, static_cast<int32_t>(i));
    DueWindow w = due_window(o);
    if (w.contains(d)) ++c.due;
    Date past_end = std::min(w.end, d);
    if (past_end > w.first) overdue_days += past_end - w.first;
  }
  std::unordered_set<uint64_t> seen;
  seen.reserve(follow_ups.size());
  for (const FollowUpRecord& f : follow_ups) {
    if (f.recorded_on > d || f.day > d) continue;
    auto it = by_id.find(f.observation_id);
    if (it == by_id.end()) continue;
    if (!due_window(observations[static_cast<size_t>(it->second)]).contains(f.day)) continue;
    if (!seen.insert(day_key(it->second, f.day)).second) continue;
    if (f.day == d)
      ++c.done;
    else
      --overdue_days;
  }
  c.overdue = overdue_days;
  return c;
}

std::vector<FollowUpItem> follow_up_items(std::span<const ObservationRecord> observations,
                                          std::span<const FollowUpRecord> follow_ups, Date d) {
  std::unordered_map<int64_t, int32_t> by_id;
  by_id.reserve(observations.size());
  for (size_t i = 0; i < observations.size(); ++i)
    by_id.emplace(observations[i].observation_id, static_cast<int32_t>(i));
  std::unordered_set<uint64_t> done;
  for (const FollowUpRecord& f : follow_ups) {
    if (f.recorded_on > d) continue;
    auto it = by_id.find(f.observation_id);
    if (it != by_id.end()) done.insert(day_key(it->second, f.day));
  }
  std::vector<int32_t> order;
  for (const auto& [id, idx] : by_id) order.push_back(idx);
  std::sort(order.begin(), order.end(), [&](int32_t a, int32_t b) {
    return observations[static_cast<size_t>(a)].observation_id <
           observations[static_cast<size_t>(b)].observation_id;
  });
  std::vector<FollowUpItem> items;
  for (int32_t idx : order) {
    const ObservationRecord& o = observations[static_cast<size_t>(idx)];
    DueWindow w = due_window(o);
    for (Date day = w.first; day < w.end && day <= d; day = day.plus_days(1)) {
      bool is_done = done.count(day_key(idx, day)) > 0;
      if (day < d) {
        if (!is_done)
          items.push_back({o.observation_id, o.person_id, day, FollowUpState::kOverdue});
      } else {
        items.push_back({o.observation_id, o.person_id, day,
                         is_done ? FollowUpState::kDone : FollowUpState::kDue});
      }
    }
  }
  return items;
}

}  // namespace lz::epidemic
