// RegionTree: the division hierarchy in memory (county -> township ->
// village -> group), loaded from the shipped TSV of Liling's divisions or
// from the store. Answers "does this code exist, what is it called, what is
// below it". Immutable after construction; safe to share between threads.
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "registry/model.h"

namespace lz {

class RegionTree {
 public:
  // Parses "code\tname\tlevel\tparent" lines (header first). Codes may be in
  // 12-digit statistical form; they are stored in shortest-prefix form.
  static Result<RegionTree> from_tsv(std::string_view tsv);
  // Liling's divisions as shipped in data/regions/liling.tsv.
  static const RegionTree& liling();
  static RegionTree from_regions(std::vector<Region> regions);

  const Region* find(std::string_view code) const;
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

}  // namespace lz
