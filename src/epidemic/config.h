// The settings of the epidemic front: every figure of early 2020 is a setting
// with its default here, not a constant in a function. The store or the API
// loads the county's values; tests and the demo use the defaults.
#pragma once
#include "core/error.h"

namespace lz::epidemic {

struct EpidemicConfig {
  // Fever: a temperature at or above this (tenths of °C; 373 = 37.3 °C). Used
  // by follow-up alerts, checkpoint referrals, screening calls and the
  // discharge criteria ("normal" is below it).
  int fever_threshold_tenths = 373;
  // Medical observation lasts this many days counted from the last exposure
  // (close contacts) or the day of arrival (Hubei returnees): the planned end
  // is last_exposure + observation_days (see observation.h).
  int observation_days = 14;
  // Discharge criteria (诊疗方案第五版/第六版):
  //  - temperature normal for more than this many days (3: at least 4 days);
  int discharge_normal_temperature_days = 3;
  //  - this many negative nucleic-acid tests after the last positive one ...
  int discharge_negative_tests = 2;
  //  - ... sampled at least this many days apart.
  int discharge_test_gap_days = 1;
  // Health monitoring after discharge (出院后继续14天健康监测).
  int post_discharge_monitoring_days = 14;
  // Refer a checkpoint traveller from Hubei (origin names Hubei or Wuhan, or a
  // 鄂 plate) as a hubei_returnee key person, besides fevers.
  bool refer_hubei_at_checkpoint = true;
  // A duty shift longer than this is refused as a typing mistake.
  int max_shift_hours = 24;
};

// Refuses settings that make no sense, naming the field (code
// "epidemic_config.invalid"): a fever threshold outside 36.0..39.0 °C,
// observation days outside 1..60, negative or zero discharge figures, post-
// discharge days below 0, max_shift_hours outside 1..48.
Status validate(const EpidemicConfig& c);

}  // namespace lz::epidemic
