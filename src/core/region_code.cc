#include "core/region_code.h"

#include <fmt/format.h>

#include "core/text.h"

namespace lz {

Result<RegionCode> RegionCode::parse(std::string_view input, std::string_view field) {
  std::string s = text::strip_spaces(input);
  auto bad = [&](const char* why_zh, const char* why_en) {
    return invalid("region_code.invalid", std::string(field),
                   fmt::format("区划代码“{}”无效：{}", s, why_zh),
                   fmt::format("The region code \"{}\" is invalid: {}", s, why_en));
  };
  if (!text::is_all_digits(s)) return bad("只能包含数字", "it must contain digits only");
  if (s.size() == 12) {
    // Statistical form: drop trailing zero groups.
    if (s.compare(9, 3, "000") == 0) s.resize(s.compare(6, 3, "000") == 0 ? 6 : 9);
  }
  if (s.size() != 6 && s.size() != 9 && s.size() != 12 && s.size() != 15)
    return bad("应为6位（县）、9位（乡镇）、12位（村）或15位（组）",
               "it must have 6 (county), 9 (township), 12 (village) or 15 (group) digits");
  if (s.compare(4, 2, "00") == 0) return bad("不是县级区划", "it is not a county-level division");
  if (s.size() >= 9 && s.compare(6, 3, "000") == 0) return bad("乡镇代码不能为000", "the township part cannot be 000");
  if (s.size() >= 12 && s.compare(9, 3, "000") == 0) return bad("村代码不能为000", "the village part cannot be 000");
  if (s.size() == 15 && s.compare(12, 3, "000") == 0) return bad("组号不能为000", "the group number cannot be 000");
  return RegionCode(std::move(s));
}

RegionLevel RegionCode::level() const {
  switch (s_.size()) {
    case 6: return RegionLevel::kCounty;
    case 9: return RegionLevel::kTownship;
    case 12: return RegionLevel::kVillage;
    default: return RegionLevel::kGroup;
  }
}

std::string RegionCode::division12() const {
  std::string d = s_.substr(0, 12);
  d.resize(12, '0');
  return d;
}

RegionCode RegionCode::parent() const {
  if (s_.size() <= 6) return *this;
  return RegionCode(s_.substr(0, s_.size() - 3));
}

const char* level_name(RegionLevel l) {
  switch (l) {
    case RegionLevel::kCounty: return "county";
    case RegionLevel::kTownship: return "township";
    case RegionLevel::kVillage: return "village";
    case RegionLevel::kGroup: return "group";
  }
  return "?";
}

}  // namespace lz
