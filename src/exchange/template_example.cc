#include "exchange/template_example.h"

#include <fmt/format.h>

#include "core/id_number.h"
#include "exchange/normalize.h"

namespace lz::exchange {

namespace {
// An example value written for Liling (the columns' examples: 430281 ID and
// household numbers, 醴陵市, 官庄镇, 石亭镇, 瓦子坪(村)) moved to `village` of another
// county: its code in the numbers (the ID number's check character
// recomputed), its names for Liling's.
std::string move_example(std::string v, const RegionTree& tree, const Region& village) {
  const std::string county6 = village.code.substr(0, 6);
  auto replace = [&v](std::string_view from, const std::string& to) {
    for (size_t at = v.find(from); at != std::string::npos; at = v.find(from, at + to.size()))
      v.replace(at, from.size(), to);
  };
  if (v.size() == 18 && v.starts_with("430281")) {  // an ID number
    if (auto id = IdNumber::parse(v, Date::from_ymd(2100, 1, 1).value()))
      return IdNumber::make(county6, id->birth_date(), std::stoi(v.substr(14, 3))).str();
  }
  if (v.size() == 16 && v.starts_with("430281")) return village.code + v.substr(12);  // 户编号
  const Region* township = tree.find(village.parent_code);
  const Region* county = tree.find(county6);
  if (county) replace("醴陵市", county->name);
  if (township) replace("官庄镇", township->name), replace("石亭镇", township->name);
  replace("瓦子坪村", village.name);
  std::string short_name = village.name;  // 瓦子坪蔬菜合作社: the name without 村 / 社区
  for (std::string_view suffix : {"村", "社区"})
    if (short_name.size() > suffix.size() && short_name.ends_with(suffix))
      short_name.resize(short_name.size() - suffix.size());
  replace("瓦子坪", short_name);
  return v;
}
}  // namespace

std::vector<std::string> template_example(const KindSpec& spec, const RegionTree* county) {
  std::vector<std::string> example;
  // The example's place: a real village of the county.
  // Liling's too: its first village is not 瓦子坪村, and the address and
  // names must say the village the code does.
  const RegionTree& tree = county ? *county : RegionTree::liling();
  const auto villages = tree.at_level(RegionLevel::kVillage);
  for (const auto& col : spec.columns) {
    example.push_back(col.example);
    if (!villages.empty() && col.key == "region_code") example.back() = villages.front()->code;
    if (!villages.empty() && col.key == "village") example.back() = villages.front()->name;
    if (!villages.empty()) example.back() = move_example(example.back(), tree, *villages.front());
  }
  return example;
}

TemplateExamples::TemplateExamples(const KindSpec& spec, const RegionTree* county) {
  auto add = [&](const RegionTree* tree) {
    auto row = template_example(spec, tree);
    for (auto& v : row) v = clean_cell(v);
    rows_.push_back(std::move(row));
  };
  add(nullptr);
  if (county) add(county);
}

bool TemplateExamples::matches(const HeaderMatch& m, const Row& r) const {
  std::vector<bool> used(r.cells.size(), false);
  for (size_t i = 0; i < m.file_column.size(); ++i)
    if (int c = m.file_column[i]; c >= 0 && static_cast<size_t>(c) < used.size()) used[c] = true;
  for (size_t c = 0; c < r.cells.size(); ++c)
    if (!used[c] && !clean_cell(r.cells[c]).empty()) return false;
  for (const auto& example : rows_) {
    bool same = true, any = false;
    for (size_t i = 0; same && i < m.file_column.size() && i < example.size(); ++i) {
      const int c = m.file_column[i];
      if (c < 0) continue;
      std::string v = static_cast<size_t>(c) < r.cells.size() ? clean_cell(r.cells[c]) : "";
      same = v == example[i];
      any |= !v.empty();
    }
    if (same && any) return true;
  }
  return false;
}

std::string example_row_skipped_zh(long row) {
  return fmt::format("第{}行是模板示例行，已跳过", row);
}
std::string example_row_skipped_en(long row) {
  return fmt::format("row {} is the template's example row; skipped", row);
}

}  // namespace lz::exchange
