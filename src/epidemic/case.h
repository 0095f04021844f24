// Cases (病例): a pure state machine with a date and a place for each step.
//
//   suspected ──confirm──> confirmed ──discharge──> discharged
//       │                      └──────die─────────> deceased
//       └──────exclude──────> excluded
//
// A case opens as suspected or (a positive test without a suspected stage,
// e.g. reported by the designated hospital) as confirmed. discharged,
// deceased and excluded are final. Every other transition is refused with
// case.invalid_transition (ErrorKind::kConflict), in words that name both
// states. A step's date may not be before the previous step's
// (case.date_before_previous) nor after as_of (case.date_future); a step needs
// a place (case.place_required: the hospital, the fever clinic, ...).
//
// Discharge: check_discharge_criteria() tests the early-2020 criteria
// (temperature normal for more than 3 days, respiratory symptoms clearly
// better, two negative nucleic-acid tests at least a day apart after the last
// positive one); discharge() applies it and the transition together. After
// discharge, 14 more days of health monitoring (post_discharge_monitoring_end).
//
// Called by the store/API (case endpoints), the bulletin (through
// CaseRecord) and the demo generator.
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
#include "epidemic/vocab.h"

namespace lz::epidemic {

// One step of a case: the state it entered, when, where, who wrote it.
struct CaseStep {
  CaseStatus status = CaseStatus::kSuspected;
  Date on;
  std::string place;  // hospital, fever clinic, ...
  std::string by;     // login
  std::string note;
};

struct Case {
  int64_t id = 0;  // assigned by the store; 0 = new
  int64_t person_id = 0;
  std::string region_code;  // the person's registry region
  CaseStatus status = CaseStatus::kSuspected;
  std::vector<CaseStep> steps;  // in order; steps.front() opened the case, back() is `status`

  // The step that entered `s`, if the case took it.
  const CaseStep* step(CaseStatus s) const;
  std::optional<Date> date_of(CaseStatus s) const;
};

// The transition table, as data: every allowed (from, to) pair.
struct CaseTransition {
  CaseStatus from;
  CaseStatus to;
};
std::span<const CaseTransition> case_transitions();
bool is_allowed(CaseStatus from, CaseStatus to);
bool is_final(CaseStatus s);  // discharged, deceased, excluded
// States a case may open in: suspected, confirmed.
bool may_open_as(CaseStatus s);

// Opens a case for a person with its first step (suspected or confirmed).
// Codes: case.person_required, case.region_required, case.invalid_opening
// (kInvalid: any other state), case.place_required, case.date_future.
Result<Case> open_case(int64_t person_id, std::string region_code, CaseStep first, Date as_of);

// Takes a step. Codes: case.invalid_transition (kConflict), case.place_required,
// case.date_before_previous, case.date_future. Does not check the discharge
// criteria (use discharge()), so a hospital's recorded discharge can be
// entered as reported.
Result<Case> advance(const Case& c, CaseStep step, Date as_of);

// ---------------------------------------------------------------------------
// Discharge criteria
// ---------------------------------------------------------------------------
struct DailyTemperature {
  Date day;
  int max_tenths = 0;  // the day's highest reading
};
struct NucleicAcidTest {
  Date sampled_on;
  bool negative = false;
};
struct DischargeEvidence {
  std::vector<DailyTemperature> temperatures;  // any order
  bool respiratory_improved = false;   // 呼吸道症状明显好转 (the doctor's judgement)
  bool lungs_improved = true;          // 肺部影像学显示急性渗出性病变明显改善
  std::vector<NucleicAcidTest> tests;  // any order
};

// Checks the criteria for a discharge on `on`; every unmet criterion is named
// in Error::details (code case.discharge_criteria_unmet, kInvalid):
//  - discharge.temperature: the days before `on` (on-1, on-2, ...) must each
//    have a recorded maximum below the fever threshold, without a gap, for more
//    than discharge_normal_temperature_days days (default: at least 4 days,
//    on-1 back to on-4; a reading on `on` itself is not needed but, if
//    recorded, must be normal too);
//  - discharge.respiratory: respiratory symptoms not clearly better;
//  - discharge.lungs: lung imaging not clearly better;
//  - discharge.tests: fewer than discharge_negative_tests negative tests
//    sampled on or before `on`, after the last positive test, each at least
//    discharge_test_gap_days after the previous one counted.
Status check_discharge_criteria(const DischargeEvidence& e, Date on, const EpidemicConfig& config);

// confirmed -> discharged with the criteria checked first.
Result<Case> discharge(const Case& c, CaseStep step, const DischargeEvidence& e, Date as_of,
                       const EpidemicConfig& config);

// The day health monitoring after discharge ends: discharged_on +
// post_discharge_monitoring_days, counted like an observation's planned end
// (monitored on discharged_on .. end - 1, i.e. 14 days by default); nullopt if
// the case was not discharged.
std::optional<Date> post_discharge_monitoring_end(const Case& c, const EpidemicConfig& config);

// The case's state at the end of day d: the last step dated on or before d
// (nullopt if the case had not opened by d). Steps on the same day count in
// lifecycle order (suspected, then confirmed, then the final one).
std::optional<CaseStatus> status_on(const CaseRecord& r, Date d);

CaseRecord to_record(const Case& c);

}  // namespace lz::epidemic
