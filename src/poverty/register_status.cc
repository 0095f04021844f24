#include "poverty/register_status.h"

#include <fmt/format.h>

namespace lz::poverty {

std::optional<std::string> parse_register_status(std::string_view s) {
  for (std::string_view id : {"registered_poor", "lifted", "marginal"})
    if (s == id) return std::string(id);
  for (std::string_view l :
       {"建档立卡贫困户", "建档立卡户", "贫困户", "未脱贫户", "未脱贫", "建档立卡未脱贫户"})
    if (s == l) return "registered_poor";
  for (std::string_view l :
       {"已脱贫户", "脱贫户", "已脱贫", "脱贫", "建档立卡已脱贫户", "脱贫不稳定户"})
    if (s == l) return "lifted";
  for (std::string_view l : {"边缘易致贫户", "边缘户", "边缘易致贫", "非贫困边缘户", "边缘"})
    if (s == l) return "marginal";
  return std::nullopt;
}

Status check_register_status(std::string_view status, std::optional<int> reg,
                             std::optional<int> lifted, int max_year) {
  if (status != "registered_poor" && status != "lifted" && status != "marginal")
    return invalid(
        "status.unknown", "status",
        fmt::format("贫困户属性“{}”无效，可选：registered_poor 建档立卡贫困户（未脱贫）、"
                    "lifted 已脱贫户、marginal 边缘易致贫户",
                    status),
        fmt::format("Unknown status \"{}\": registered_poor, lifted or marginal", status));
  for (auto [year, field, zh] : {std::tuple{reg, "registered_year", "识别年度"},
                                 std::tuple{lifted, "lifted_year", "脱贫年度"}})
    if (year && (*year < 2000 || *year > max_year))
      return invalid(fmt::format("{}.invalid", field), field,
                     fmt::format("{}{}应为2000至{}之间的年份", zh, *year, max_year),
                     fmt::format("{} {} must be a year from 2000 to {}", field, *year, max_year));
  if (status != "marginal" && !reg)
    return invalid("registered_year.missing", "registered_year", "建档立卡户须填写识别年度",
                   "A registered household needs its registered_year");
  if (status == "lifted" && !lifted)
    return invalid("lifted_year.missing", "lifted_year", "已脱贫户须填写脱贫年度",
                   "A lifted household needs its lifted_year");
  if (status != "lifted" && lifted)
    return invalid("lifted_year.unexpected", "lifted_year", "只有已脱贫户才有脱贫年度",
                   "Only a lifted household has a lifted_year");
  if (reg && lifted && *lifted < *reg)
    return invalid("lifted_year.before_registered", "lifted_year",
                   fmt::format("脱贫年度{}早于识别年度{}", *lifted, *reg),
                   fmt::format("lifted_year {} is before registered_year {}", *lifted, *reg));
  return {};
}

}  // namespace lz::poverty
