#include "registry/region_tree.h"

#include <fmt/format.h>

#include "core/embedded_data.h"

namespace lz {

static std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t b = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      out.push_back(s.substr(b, i - b));
      b = i + 1;
    }
  }
  return out;
}

Result<RegionTree> RegionTree::from_tsv(std::string_view tsv) {
  std::vector<Region> regions;
  long line_no = 0;
  for (auto line : split(tsv, '\n')) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line_no == 1) continue;
    auto f = split(line, '\t');
    if (f.size() < 4) {
      Error e = invalid("regions.columns", "", fmt::format("区划数据第{}行应有4列", line_no),
                        fmt::format("line {} of the region data needs 4 columns", line_no));
      return e;
    }
    auto code = RegionCode::parse(f[0]);
    if (!code) return code.error();
    Region r;
    r.code = code->str();
    r.name = std::string(f[1]);
    r.level = code->level();
    if (!f[3].empty()) {
      auto parent = RegionCode::parse(f[3]);
      if (!parent) return parent.error();
      r.parent_code = parent->str();
    }
    regions.push_back(std::move(r));
  }
  return from_regions(std::move(regions));
}

RegionTree RegionTree::from_regions(std::vector<Region> regions) {
  RegionTree t;
  for (auto& r : regions) {
    if (r.parent_code.empty()) t.root_ = r.code;
    std::string code = r.code;
    t.regions_.emplace(std::move(code), std::move(r));
  }
  return t;
}

const RegionTree& RegionTree::liling() {
  static const RegionTree tree = [] {
    auto t = from_tsv(embedded::kRegionsTsv);
    if (!t) throw std::runtime_error("shipped region data is invalid: " + t.error().describe(Lang::kEn));
    return std::move(t).value();
  }();
  return tree;
}

const Region* RegionTree::find(std::string_view code) const {
  auto it = regions_.find(code);
  return it == regions_.end() ? nullptr : &it->second;
}

std::vector<const Region*> RegionTree::children(std::string_view code) const {
  std::vector<const Region*> out;
  for (auto it = regions_.upper_bound(code); it != regions_.end() && it->first.starts_with(code); ++it)
    if (it->second.parent_code == code) out.push_back(&it->second);
  return out;
}

std::vector<const Region*> RegionTree::at_level(RegionLevel level) const {
  std::vector<const Region*> out;
  for (const auto& [code, r] : regions_)
    if (r.level == level) out.push_back(&r);
  return out;
}

std::string RegionTree::full_name(std::string_view code) const {
  std::string out;
  for (size_t len = 6; len <= code.size(); len += 3) {
    const Region* r = find(code.substr(0, len));
    if (!r) continue;
    if (!out.empty()) out += " ";
    out += r->name;
  }
  return out;
}

}  // namespace lz
