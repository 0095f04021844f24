// Import of the kind `cooperatives`: the cooperative register, one row per
// cooperative (合作社名称*, 行政区划代码 or 所在村, 负责人, 负责人电话, 社员人数,
// 主要产品). Each row goes through SuppliesService::create_cooperative (the
// domain's checks: a village, members 0..100000, a phone of 7 to 20 digits).
// The register has no key but the name in its village: a cooperative of
// that name already in that village is refused as a duplicate (the register
// has no update yet), as is the same one twice in the file (naming the
// earlier row). A row outside the importer's jurisdiction is refused.
#include <fmt/format.h>

#include <map>

#include "core/text.h"
#include "exchange/livelihood_import.h"
#include "exchange/livelihood_lookup.h"
#include "exchange/normalize.h"

namespace lz::exchange {

using namespace lz::livelihood;
using detail::RowGroup;

const KindSpec& cooperatives_spec() {
  static const KindSpec k{
      "cooperatives",
      "农民专业合作社",
      "cooperatives",
      {
          {"name",
           "合作社名称",
           "name",
           {"名称", "合作社", "专业合作社名称", "合作社全称"},
           true,
           "醴陵市瓦子坪蔬菜种植专业合作社"},
          {"region_code", "行政区划代码", "region code", {"区划代码", "村代码"}, false, ""},
          {"village",
           "所在村",
           "village",
           {"所在村（社区）", "村（社区）", "村名", "所在地"},
           false,
           "瓦子坪村"},
          {"leader_name",
           "负责人",
           "leader",
           {"负责人姓名", "理事长", "法人代表", "法定代表人", "联系人"},
           false,
           "李四"},
          {"leader_phone",
           "负责人电话",
           "leader's phone",
           {"联系电话", "电话", "手机", "手机号码"},
           false,
           "13812345678"},
          {"members", "社员人数", "members", {"成员数", "社员数", "人数", "成员人数"}, false, "35"},
          {"produce",
           "主要产品",
           "main produce",
           {"主营产品", "主营", "产业", "主导产业", "经营范围"},
           false,
           "蔬菜"},
      }};
  return k;
}

namespace {

Status check_header(const HeaderMatch& m, const std::vector<std::string>&, long row) {
  const KindSpec& k = cooperatives_spec();
  if (m.file_column[k.index("region_code")] >= 0 || m.file_column[k.index("village")] >= 0)
    return {};
  Error e =
      invalid("header.missing", "header",
              fmt::format("第{}行（表头）缺少“行政区划代码”或“所在村”列（至少要有其中一列）", row),
              fmt::format("Row {} (the header) has neither 行政区划代码 (region_code) nor 所在村 "
                          "(village): one of them is needed",
                          row));
  e.row = row;
  return e;
}

class CooperativeImporter {
 public:
  CooperativeImporter(LivelihoodImportEnv& env) : env_(env), lookup_(env.store.db()) {}

 private:
  std::string_view region_col(RowGroup& g) const {
    return g.has("region_code") ? "region_code" : "village";
  }

 public:
  Status apply_row(RowGroup& g, const Row& r, KindImport& out) {
    Cooperative c;
    c.name = clean_name(g.cell(r, "name"));
    c.leader_name = clean_name(g.cell(r, "leader_name"));
    c.leader_phone = text::strip_spaces(clean_cell(g.cell(r, "leader_phone")));
    c.produce = clean_name(g.cell(r, "produce"));
    if (auto n = detail::number_cell(g, r, "members", "社员人数", "members")) {
      if (*n < 0 || *n != static_cast<double>(static_cast<int64_t>(*n)))
        g.error(r, "members",
                invalid("cooperative.members", "members", "社员人数应为不小于0的整数",
                        "Members must be a whole number, not negative"));
      else
        c.members = static_cast<int64_t>(*n);
    }
    auto region = detail::region_cell(g, r, "region_code", "village", env_.regions);
    if (region) {
      c.region_code = *region;
    } else if (g.ok()) {
      g.error(r, region_col(g),
              invalid("cooperative.region_required", "region_code",
                      "请填写合作社所在村（或行政区划代码）",
                      "Give the cooperative's village (or its region code)"));
    }
    if (!g.ok()) return {};
    auto v = validate_cooperative(c);
    if (!v) {
      const Error& e = v.error();
      std::string_view col = e.field == "region_code" ? region_col(g) : std::string_view(e.field);
      g.error(r, g.has(col) ? col : std::string_view(), e);
      return {};
    }
    if (env_.covers && !env_.covers(c.region_code)) {
      g.error(r, region_col(g), detail::out_of_scope(c.region_code));
      return {};
    }
    std::string key = c.region_code + "/" + text::strip_spaces(c.name);
    if (auto it = seen_.find(key); it != seen_.end()) {
      g.error(
          r, "name",
          conflict("cooperative.duplicate_in_file", "name",
                   fmt::format("合作社“{}”已在第{}行", c.name, it->second),
                   fmt::format("The cooperative \"{}\" is already in row {}", c.name, it->second)));
      return {};
    }
    auto dup = lookup_.cooperative_named(c.name, c.region_code);
    if (!dup) return dup.error();
    if (*dup) {
      g.error(r, "name",
              conflict("cooperative.duplicate", "name",
                       fmt::format("该村已登记合作社“{}”（编号{}）", c.name, **dup),
                       fmt::format("The village already has the cooperative \"{}\" (number {})",
                                   c.name, **dup)));
      return {};
    }
    auto res = env_.supplies.create_cooperative(c, env_.actor);
    if (!res) {
      if (res.error().kind == ErrorKind::kInternal) return res.error();
      const Error& e = res.error();
      g.error(r, g.has(e.field) ? std::string_view(e.field) : std::string_view(), e);
      return {};
    }
    seen_[key] = r.number;
    ++out.report.added;
    return {};
  }

 private:
  LivelihoodImportEnv& env_;
  LivelihoodLookup lookup_;
  std::map<std::string, long> seen_;
};

}  // namespace

Result<KindImport> import_cooperatives(TableReader& in, LivelihoodImportEnv& env,
                                       const ImportOptions& opts) {
  CooperativeImporter imp(env);
  detail::KindHandler h;
  h.regions = env.regions;
  h.spec = &cooperatives_spec();
  h.check_header = check_header;
  h.apply = detail::each_row(
      [&](RowGroup& g, const Row& r, KindImport& out) { return imp.apply_row(g, r, out); });
  return detail::run_rows(in, env.store.db(), h, opts);
}

}  // namespace lz::exchange
