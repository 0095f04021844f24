// A household's place in the poverty register as people enter it: the status
// (registered_poor 建档立卡贫困户, lifted 已脱贫户, marginal 边缘易致贫户, by id or
// by the labels registers use) and its years, checked the same way for
// PUT /households/{id}/poverty/status and the poverty_register import.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"

namespace lz::poverty {

// "registered_poor" / "lifted" / "marginal" from an id or a label (建档立卡贫困户,
// 未脱贫户, 贫困户, 已脱贫户, 脱贫户, 边缘易致贫户, 边缘户, 监测户 ...); nullopt if
// unknown. Input already normalised (Simplified, no stray spaces).
std::optional<std::string> parse_register_status(std::string_view label);

// The status with its years: a registered or lifted household needs its
// registered year, a lifted one its lifted year (not before the registered
// one), no other has a lifted year; years from 2000 to `max_year`. Errors
// name the field (status, registered_year, lifted_year) in Chinese and English.
Status check_register_status(std::string_view status, std::optional<int> registered_year,
                             std::optional<int> lifted_year, int max_year);

}  // namespace lz::poverty
