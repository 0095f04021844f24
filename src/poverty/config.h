// The settings of the poverty check, classification, gap tasks, visits and
// relapse monitoring: every figure of early 2020 is a setting with its default
// here, not a constant in a rule. The store or the API loads the county's
// values; tests and the benchmark use the defaults.
#pragma once
#include <cstdint>

#include "core/date.h"
#include "core/error.h"
#include "poverty/vocab.h"

namespace lz::poverty {

// Days a cadre has to fix a gap, by rule group (the task's deadline is the day
// the gap was found plus these days).
struct TaskDeadlines {
  int income_above_line = 90;  // raise income: industry, employment, welfare posts
  int food = 7;                // 不愁吃: immediate relief
  int clothing = 7;            // 不愁穿
  int education = 15;          // 劝返复学: bring the child back to school
  int medical = 30;            // enrol in insurance, issue the chronic-illness card
  int housing = 90;            // 危房改造: renovation or a safe place to live
  int water = 60;              // 饮水工程
  int policy = 30;             // grant dibao / the subsidy / settle the loan
  int consistency = 15;        // correct the data or the measure
  int for_group(RuleGroup g) const;
};

struct CheckConfig {
  // The day the check is run for (visits, ages, overdue loans and tasks).
  // Default 2020-02-12, the demo county's date (day 18304 since 1970-01-01).
  Date as_of = Date::from_days(18304);
  // The year whose income and standard are checked.
  int year = 2020;
  // 一超过: per-capita net income must be above this (4,000 yuan for 2020).
  int64_t poverty_line_fen = 400000;
  // 防返贫监测: lifted and marginal households below relapse_factor x the line
  // are monitored (6,000 yuan with the defaults).
  double relapse_factor = 1.5;
  // 农村低保标准, annual per capita. Default 4,400 yuan: our reading of Hunan's
  // provincial floor for rural dibao in 2020 (about 367 yuan a month); set the
  // county's own published figure.
  int64_t dibao_line_fen = 440000;
  TaskDeadlines task_deadline_days;
  // A household not visited within this many days is overdue for a visit.
  int visit_interval_days = 30;
  // A household with labour and an open risk case needs a development measure
  // within this many months of the case opening.
  int development_grace_months = 6;
  // A monitoring case must be assessed within this many days of opening.
  int relapse_assess_days = 15;
  // Compulsory education: ages on 31 August that opened the school year.
  int school_age_min = 6;
  int school_age_max = 15;

  // relapse_factor x poverty_line_fen, rounded to the fen.
  int64_t relapse_threshold_fen() const;
};

// Refuses settings that make no sense (a non-positive line, a factor below 1,
// non-positive day counts, min age above max), naming the field.
Status validate(const CheckConfig& c);

}  // namespace lz::poverty
