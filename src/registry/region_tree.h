// RegionTree: the division hierarchy in memory (county -> township ->
// village -> group), loaded from the shipped TSV of Liling's divisions or
// from the store. Answers "does this code exist, what is it called, what is
// below it". Immutable after construction; safe to share between threads.
// build_region_tree() checks a region file a user brings (`liangzhan init
// --regions`) before anything is written.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "registry/model.h"

namespace lz {

// One data row of a region file as read: its 1-based row number in the file
// and the four cells as text (code, name, level, parent).
struct RegionRow {
  long row = 0;
  std::string code, name, level, parent;
};

class RegionTree {
 public:
  // Parses "code\tname\tlevel\tparent" lines (header first). Codes may be in
  // 12-digit statistical form; they are stored in shortest-prefix form.
  static Result<RegionTree> from_tsv(std::string_view tsv);
  // Liling's divisions as shipped in data/regions/liling.tsv.
  static const RegionTree& liling();
  static RegionTree from_regions(std::vector<Region> regions);

  const Region* find(std::string_view code) const;
  bool empty() const { return regions_.empty(); }
  // The county (the one region without a parent); not on an empty tree.
  const Region& root() const { return regions_.at(root_); }
  std::vector<const Region*> children(std::string_view code) const;
  std::vector<const Region*> at_level(RegionLevel level) const;
  const std::map<std::string, Region, std::less<>>& all() const { return regions_; }
  // "醴陵市 官庄镇 瓦子坪村" for a code.
  std::string full_name(std::string_view code) const;

 private:
  std::map<std::string, Region, std::less<>> regions_;
  std::string root_;
};

// Checks the rows of a region file and builds its tree. Codes: what
// RegionCode::parse takes (12-digit statistical form, or 6/9/12/15 digits);
// level: county/township/village/group (or 县/乡镇/镇/乡/街道/村/社区/组),
// and it must match the code's length; exactly one county, every other code
// under the county's 6 digits; parent empty for the county, else a region of
// the file one level up whose code the child's code extends; no code twice;
// a name of 1 to 40 characters. Every problem is reported (up to 50), each
// with its row and field (code, name, level, parent) in Chinese and English:
// one error, or "regions.invalid" with them as details.
Result<RegionTree> build_region_tree(const std::vector<RegionRow>& rows);

// The level a region file names: "county", "县", "镇", ... (nullopt if unknown).
std::optional<RegionLevel> parse_region_level(std::string_view s);
const char* region_level_zh(RegionLevel l);  // 县, 乡镇, 村（社区）, 组

}  // namespace lz
