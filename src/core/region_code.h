// RegionCode: a place in the division hierarchy, written as the shortest
// prefix that names it, so that jurisdiction is a prefix test:
//   county 430281 (6) ⊃ township 430281126 (9) ⊃ village 430281126232 (12)
//   ⊃ group 430281126232003 (15: villagers' groups have no statistical code;
//     we extend the village's code by a 3-digit group number).
// parse() also takes the 12-digit statistical form with trailing zeros
// ("430281126000" -> "430281126") and full-width digits.
#pragma once
#include <string>
#include <string_view>

#include "core/error.h"

namespace lz {

enum class RegionLevel { kCounty, kTownship, kVillage, kGroup };

class RegionCode {
 public:
  static Result<RegionCode> parse(std::string_view input, std::string_view field = "region_code");
  const std::string& str() const { return s_; }
  RegionLevel level() const;
  // The 12-digit statistical division code (padded with zeros); for a group,
  // its village's code.
  std::string division12() const;
  RegionCode parent() const;  // the county's parent is itself
  // True if this region contains `other` (or is it).
  bool contains(const RegionCode& other) const { return other.s_.compare(0, s_.size(), s_) == 0; }
  bool contains(std::string_view code) const { return code.substr(0, s_.size()) == s_; }
  friend auto operator<=>(const RegionCode&, const RegionCode&) = default;

  static RegionCode unchecked(std::string s) { return RegionCode(std::move(s)); }

 private:
  explicit RegionCode(std::string s) : s_(std::move(s)) {}
  std::string s_;
};

const char* level_name(RegionLevel l);  // "county", "township", "village", "group"

}  // namespace lz
