// Medical observation (医学观察: 居家 home or 集中 centralised) and its daily
// follow-ups (随访: temperature and symptoms).
//
// Periods, with the default 14 days:
//  - planned_end = last_exposure + observation_days. It is the planned day of
//    release: the person is observed on start .. planned_end - 1. (Arrived on
//    20 January: observed 20 January .. 2 February, released on 3 February.)
//  - A later exposure found during the observation extends it:
//    planned_end = max(planned_end, exposure + observation_days).
//  - Under observation on day d: start <= d, and not released on or before d
//    (released on d: not under observation on d). Passing planned_end
//    without a recorded release does not end it: the release is then due
//    (is_release_due).
//  - Release before planned_end needs a reason (e.g. transferred to hospital
//    as a suspected case).
//
// Follow-ups: one is due per day from start up to the earlier of planned_end
// and the release (both exclusive): due days are start .. min(planned_end,
// released_on) - 1. A follow-up records the day it is for, temperature,
// symptoms, who and when. A temperature at or above the fever threshold
// (37.3 °C), or any symptom, raises an alert.
//
// Due, done and overdue for a day D (follow_up_counts; the bulletin uses the
// same definitions):
//  - due:     observations with D among their due days;
//  - done:    of those, the ones with a follow-up for day D recorded on or
//             before D;
//  - overdue: due days before D (a day's follow-up is overdue once the day
//             has passed) with no follow-up for that day recorded on or before
//             D. A late follow-up (recorded after its day) clears the overdue
//             day from the day it is recorded. D's own follow-up is never
//             overdue on D: it is due, and either done or not yet.
//
// Called by the store/API (observation and follow-up endpoints), the bulletin
// (through the records), the daily follow-up lists and the demo generator.
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/error.h"
#include "epidemic/config.h"
#include "epidemic/records.h"
#include "epidemic/units.h"
#include "epidemic/vocab.h"

namespace lz::epidemic {

struct ObservationExtension {
  Date found_on;     // when the later exposure was found
  Date exposure_on;  // the later exposure
  Date old_end, new_end;
  std::string note;
};

struct Observation {
  int64_t id = 0;  // assigned by the store; 0 = new
  int64_t person_id = 0;
  std::string region_code;  // the person's registry region
  ObservationKind kind = ObservationKind::kHome;
  std::string site;    // centralised: the facility (required); home: the address (optional)
  std::string room;    // centralised: the room (required)
  Date last_exposure;  // last exposure, or the day of arrival for a returnee
  Date start;
  Date planned_end;  // first day no longer under observation (see above)
  std::optional<Date> released_on;
  std::string release_reason;  // required for a release before planned_end
  std::string released_by;
  std::vector<ObservationExtension> extensions;
  std::string basis;  // why: "close contact of case 12", "returned from Wuhan" ...
  std::string by;     // login who planned it

  bool released() const { return released_on.has_value(); }
};

struct ObservationPlan {
  int64_t person_id = 0;
  std::string region_code;
  ObservationKind kind = ObservationKind::kHome;
  std::string site, room;
  Date last_exposure;
  Date start;
  std::string basis;
  std::string by;
};

// Plans an observation: planned_end = last_exposure + observation_days.
// Codes observation.*: person_required, region_required, site_required and
// room_required (centralised), date_future (exposure or start after as_of),
// start_before_exposure, period_over (planned_end <= start: the 14 days
// have already passed, no observation is needed).
Result<Observation> plan_observation(const ObservationPlan& plan, Date as_of,
                                     const EpidemicConfig& config);

// A later exposure found on `found_on`: planned_end becomes exposure_on +
// observation_days if that is later (an extension is recorded); otherwise the
// observation is returned unchanged (check planned_end or extensions.size()).
// Codes: observation.already_released (kConflict: plan a new observation),
// observation.date_future (exposure or found_on after as_of),
// observation.found_before_exposure.
Result<Observation> extend_for_exposure(const Observation& o, Date exposure_on, Date found_on,
                                        std::string note, Date as_of, const EpidemicConfig& config);

struct Release {
  Date on;
  std::string reason;  // required before planned_end
  std::string by;
};
// Codes: observation.already_released (kConflict), observation.release_before_start,
// observation.date_future, observation.early_release_reason_required.
Result<Observation> release(const Observation& o, const Release& r, Date as_of);

bool is_under_observation(const ObservationRecord& o, Date d);
bool is_under_observation(const Observation& o, Date d);
// Not released and planned_end <= d: the person should be released.
bool is_release_due(const Observation& o, Date d);

// Due days: [first, end). end = min(planned_end, released_on); empty when
// end <= first.
struct DueWindow {
  Date first, end;
  bool contains(Date d) const { return first <= d && d < end; }
  int days() const { return end > first ? end - first : 0; }
};
DueWindow due_window(const ObservationRecord& o);
DueWindow due_window(const Observation& o);
// Every due day, in order.
std::vector<Date> follow_up_schedule(const Observation& o);

ObservationRecord to_record(const Observation& o);

// ---------------------------------------------------------------------------
// Follow-ups
// ---------------------------------------------------------------------------
struct FollowUp {
  int64_t id = 0;  // assigned by the store; 0 = new
  int64_t observation_id = 0;
  int64_t person_id = 0;
  Date day;  // the due day it is for
  int temperature_tenths = 365;
  SymptomSet symptoms;
  std::string by;  // who took it (login or name)
  DateTime at;     // when it was taken or entered; at.date() is the recorded day
  std::string note;
};

// Checks a follow-up for `o` against the ones already recorded for it.
// Codes follow_up.*: day_not_due (not one of o's due days), date_future (day
// or at after as_of), recorded_before_day (at.date() < day), by_required,
// duplicate (kConflict: that day already has one); temperature.implausible.
// Fills observation_id and person_id from `o`.
Result<FollowUp> record_follow_up(const Observation& o, FollowUp f,
                                  std::span<const FollowUp> existing, Date as_of);

bool is_fever(int temperature_tenths, const EpidemicConfig& config);

struct FollowUpAlert {
  int64_t observation_id = 0;
  int64_t person_id = 0;
  Date day;
  bool fever = false;  // temperature >= threshold
  int temperature_tenths = 0;
  SymptomSet symptoms;
  std::string message_zh, message_en;  // "体温37.5℃，干咳、乏力" ...
};
// An alert if the temperature is at or above the fever threshold or any
// symptom is reported; nullopt otherwise.
std::optional<FollowUpAlert> alert_for(const FollowUp& f, const EpidemicConfig& config);

FollowUpRecord to_record(const FollowUp& f);

struct FollowUpCounts {
  int64_t due = 0;
  int64_t done = 0;
  int64_t overdue = 0;
};
// The counts for day d over observations within region_prefix (see the top of
// this file). Follow-ups of other observations are ignored; several follow-ups
// for the same observation and day count once. O(observations + follow-ups +
// overdue-window days).
FollowUpCounts follow_up_counts(std::span<const ObservationRecord> observations,
                                std::span<const FollowUpRecord> follow_ups, Date d,
                                std::string_view region_prefix = "");

// The work list for day d: each observation's follow-up for d (state done
// or due) and each overdue earlier day (state overdue); past days that were
// done are left out. Sorted by observation id then day. For a cadre's daily
// list, pass their observations.
struct FollowUpItem {
  int64_t observation_id = 0;
  int64_t person_id = 0;
  Date day;
  FollowUpState state = FollowUpState::kDue;
};
std::vector<FollowUpItem> follow_up_items(std::span<const ObservationRecord> observations,
                                          std::span<const FollowUpRecord> follow_ups, Date d);

}  // namespace lz::epidemic
