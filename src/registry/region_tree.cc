#include "registry/region_tree.h"

#include <fmt/format.h>

#include <set>

#include "core/embedded_data.h"
#include "core/text.h"

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

// ---------------------------------------------------------------- region files

std::optional<RegionLevel> parse_region_level(std::string_view in) {
  std::string s = text::normalize(in);
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  static const std::pair<const char*, RegionLevel> kNames[] = {
      {"county", RegionLevel::kCounty},   {"县", RegionLevel::kCounty},
      {"县级", RegionLevel::kCounty},     {"县级市", RegionLevel::kCounty},
      {"区", RegionLevel::kCounty},       {"township", RegionLevel::kTownship},
      {"乡镇", RegionLevel::kTownship},   {"乡", RegionLevel::kTownship},
      {"镇", RegionLevel::kTownship},     {"街道", RegionLevel::kTownship},
      {"village", RegionLevel::kVillage}, {"村", RegionLevel::kVillage},
      {"社区", RegionLevel::kVillage},    {"村（社区）", RegionLevel::kVillage},
      {"group", RegionLevel::kGroup},     {"组", RegionLevel::kGroup},
      {"村民小组", RegionLevel::kGroup}};
  for (const auto& [name, level] : kNames)
    if (s == name) return level;
  return std::nullopt;
}

const char* region_level_zh(RegionLevel l) {
  switch (l) {
    case RegionLevel::kCounty:
      return "县";
    case RegionLevel::kTownship:
      return "乡镇";
    case RegionLevel::kVillage:
      return "村（社区）";
    case RegionLevel::kGroup:
      return "组";
  }
  return "?";
}

namespace {

constexpr size_t kMaxErrors = 50;
constexpr size_t kMaxNameChars = 40;

size_t utf8_chars(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

class RowChecker {
 public:
  void add(const RegionRow& r, const char* field, const char* code, std::string zh,
           std::string en) {
    if (errors_.size() >= kMaxErrors) {
      more_ = true;
      return;
    }
    Error e = invalid(code, field, std::move(zh), std::move(en));
    e.row = r.row;
    errors_.push_back(std::move(e));
  }
  bool ok() const { return errors_.empty(); }
  Error result() {
    if (errors_.size() == 1) return errors_.front();
    Error e = invalid("regions.invalid", "",
                      fmt::format("区划文件有{}处错误{}，未写入任何数据", errors_.size(),
                                  more_ ? "（只列出前50处）" : ""),
                      fmt::format("The region file has {} errors{}; nothing was written",
                                  errors_.size(), more_ ? " (the first 50 are listed)" : ""));
    e.details = std::move(errors_);
    return e;
  }

 private:
  std::vector<Error> errors_;
  bool more_ = false;
};

}  // namespace

Result<RegionTree> build_region_tree(const std::vector<RegionRow>& rows) {
  RowChecker bad;
  if (rows.empty())
    return invalid("regions.empty", "", "区划文件没有数据行：至少需要一行县级区划",
                   "The region file has no data rows: it needs at least the county");
  // Pass 1: each row alone. parsed[i] is empty when row i's code is unusable.
  std::vector<std::optional<Region>> parsed(rows.size());
  std::map<std::string, long, std::less<>> first_row;  // code -> row that has it
  std::vector<size_t> counties;
  for (size_t i = 0; i < rows.size(); ++i) {
    const RegionRow& r = rows[i];
    std::string name = text::normalize(r.name);
    if (name.empty())
      bad.add(r, "name", "name.required", "名称不能为空", "the name is empty");
    else if (utf8_chars(name) > kMaxNameChars)
      bad.add(r, "name", "name.too_long", fmt::format("名称“{}”超过{}个字", name, kMaxNameChars),
              fmt::format("the name \"{}\" is longer than {} characters", name, kMaxNameChars));
    auto level = parse_region_level(r.level);
    if (!level)
      bad.add(r, "level", "level.unknown",
              fmt::format(
                  "级别“{}”无效，应为county（县）、township（乡镇）、village（村）或group（组）",
                  r.level),
              fmt::format("the level \"{}\" is unknown: use county, township, village or group",
                          r.level));
    auto code = RegionCode::parse(r.code, "code");
    if (!code) {
      bad.add(r, "code", "region_code.invalid", code.error().message_zh, code.error().message_en);
      continue;
    }
    if (level && *level != code->level()) {
      bad.add(
          r, "level", "level.mismatch",
          fmt::format("级别为{}（{}），但代码{}是{}的代码", level_name(*level),
                      region_level_zh(*level), code->division12(), region_level_zh(code->level())),
          fmt::format("the level is {} but the code {} is a {}'s", level_name(*level),
                      code->division12(), level_name(code->level())));
      continue;
    }
    auto [it, fresh] = first_row.emplace(code->str(), r.row);
    if (!fresh) {
      bad.add(r, "code", "code.duplicate",
              fmt::format("代码{}与第{}行重复", code->division12(), it->second),
              fmt::format("the code {} repeats row {}", code->division12(), it->second));
      continue;
    }
    Region reg;
    reg.code = code->str();
    reg.name = name;
    reg.level = code->level();
    if (reg.level == RegionLevel::kCounty) counties.push_back(i);
    parsed[i] = std::move(reg);
  }
  // Exactly one county; every code under it.
  if (counties.empty()) {
    Error e = invalid("county.missing", "level", "区划文件中没有县级区划（级别为county的一行）",
                      "The region file has no county (a row of level county)");
    return bad.ok() ? e : bad.result();  // a bad county row explains it already
  }
  const std::string county = parsed[counties.front()]->code;
  for (size_t k = 1; k < counties.size(); ++k)
    bad.add(
        rows[counties[k]], "level", "county.duplicate",
        fmt::format("只能有一个县级区划，第{}行已是县级区划{}", rows[counties.front()].row, county),
        fmt::format("there can be only one county, and row {} is already the county {}",
                    rows[counties.front()].row, county));
  // Pass 2: parents.
  for (size_t i = 0; i < rows.size(); ++i) {
    if (!parsed[i]) continue;
    const RegionRow& r = rows[i];
    Region& reg = *parsed[i];
    std::string parent_in = text::strip_spaces(text::to_half_width(r.parent));
    if (reg.level == RegionLevel::kCounty) {
      if (!parent_in.empty())
        bad.add(r, "parent", "parent.not_allowed", "县级区划不应填写上级代码",
                "the county must have no parent code");
      continue;
    }
    if (!reg.code.starts_with(county)) {
      bad.add(
          r, "code", "region_code.outside",
          fmt::format("代码{}不在本县{}（{}）之内", RegionCode::unchecked(reg.code).division12(),
                      RegionCode::unchecked(county).division12(), parsed[counties.front()]->name),
          fmt::format("the code {} is not in the county {} ({})",
                      RegionCode::unchecked(reg.code).division12(),
                      RegionCode::unchecked(county).division12(), parsed[counties.front()]->name));
      continue;
    }
    if (parent_in.empty()) {
      bad.add(r, "parent", "parent.required", "上级代码不能为空", "the parent code is empty");
      continue;
    }
    auto parent = RegionCode::parse(parent_in, "parent");
    if (!parent) {
      bad.add(r, "parent", "parent.invalid", parent.error().message_zh, parent.error().message_en);
      continue;
    }
    const std::string expected = reg.code.substr(0, reg.code.size() - 3);
    if (parent->str() != expected) {
      RegionLevel above = RegionCode::unchecked(expected).level();
      bad.add(r, "parent", "parent.level",
              fmt::format("上级代码{}不对：{}{}的上级应为{}{}", parent->division12(),
                          region_level_zh(reg.level), RegionCode::unchecked(reg.code).division12(),
                          region_level_zh(above), RegionCode::unchecked(expected).division12()),
              fmt::format("the parent code {} is wrong: the {} {} lies in the {} {}",
                          parent->division12(), level_name(reg.level),
                          RegionCode::unchecked(reg.code).division12(), level_name(above),
                          RegionCode::unchecked(expected).division12()));
      continue;
    }
    if (!first_row.contains(expected)) {
      bad.add(r, "parent", "parent.unknown",
              fmt::format("上级代码{}在文件中不存在", parent->division12()),
              fmt::format("the parent code {} is not in the file", parent->division12()));
      continue;
    }
    reg.parent_code = expected;
  }
  if (!bad.ok()) return bad.result();
  std::vector<Region> regions;
  regions.reserve(rows.size());
  for (auto& p : parsed) regions.push_back(std::move(*p));
  return RegionTree::from_regions(std::move(regions));
}

}  // namespace lz
