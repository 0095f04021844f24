#include "epidemic/config.h"

#include <fmt/format.h>

namespace lz::epidemic {

static Error bad(const char* field, std::string zh, std::string en) {
  return invalid("epidemic_config.invalid", field, std::move(zh), std::move(en));
}

Status validate(const EpidemicConfig& c) {
  if (c.fever_threshold_tenths < 360 || c.fever_threshold_tenths > 390)
    return bad("fever_threshold_tenths", "发热标准应在36.0到39.0℃之间",
               "The fever threshold must be between 36.0 and 39.0 °C");
  if (c.observation_days < 1 || c.observation_days > 60)
    return bad("observation_days", "医学观察期应在1到60天之间",
               "The observation period must be between 1 and 60 days");
  if (c.discharge_normal_temperature_days < 1)
    return bad("discharge_normal_temperature_days", "出院标准的体温正常天数必须大于0",
               "The days of normal temperature for discharge must be at least one");
  if (c.discharge_negative_tests < 1)
    return bad("discharge_negative_tests", "出院标准的核酸阴性次数必须大于0",
               "The number of negative tests for discharge must be at least one");
  if (c.discharge_test_gap_days < 0)
    return bad("discharge_test_gap_days", "两次核酸检测的间隔不能为负数",
               "The gap between two tests cannot be negative");
  if (c.post_discharge_monitoring_days < 0)
    return bad("post_discharge_monitoring_days", "出院后健康监测天数不能为负数",
               "The days of health monitoring after discharge cannot be negative");
  if (c.max_shift_hours < 1 || c.max_shift_hours > 48)
    return bad("max_shift_hours", "单个班次时长上限应在1到48小时之间",
               "The longest shift must be between 1 and 48 hours");
  return Status::Ok();
}

}  // namespace lz::epidemic
