// Import of the kind `poverty_register`: the county's poverty register
// (户编号 or 户主公民身份号码, 户主姓名, 贫困户属性*, 识别年度, 脱贫年度), one row per
// household already in the registry (import households first). Each row puts
// the household in the register or changes its status, as
// PUT /households/{id}/poverty/status does (poverty/register_status.h checks
// it; the store audits it). The households are not re-checked here: the next
// `audit --apply` (or any edit through the API) opens their gap tasks. The
// same household twice in a file is refused naming the earlier row.
#include <fmt/format.h>

#include <map>

#include "core/text.h"
#include "exchange/livelihood_import.h"
#include "exchange/livelihood_lookup.h"
#include "exchange/normalize.h"
#include "poverty/register_status.h"

namespace lz::exchange {

using detail::RowGroup;

const KindSpec& poverty_register_spec() {
  static const KindSpec k{
      "poverty_register",
      "扶贫对象名单",
      "poverty register",
      {
          {"household_number", "户编号", "household number", {"农户编号", "户号"}, false, ""},
          {"id_number",
           "户主公民身份号码",
           "householder's ID number",
           {"户主身份证号", "户主身份证号码", "公民身份号码", "身份证号", "身份证号码"},
           false,
           "430281199001011239"},
          {"name", "户主姓名", "householder's name", {"姓名", "户主"}, false, "张三"},
          {"status",
           "贫困户属性",
           "status",
           {"户属性", "贫困户类型", "户类型", "扶贫对象类型", "贫困状态", "status"},
           true,
           "建档立卡贫困户"},
          {"registered_year",
           "识别年度",
           "registered year",
           {"建档年度", "建档立卡年度", "纳入年度", "registered_year"},
           false,
           "2014"},
          {"lifted_year", "脱贫年度", "lifted year", {"脱贫年份", "lifted_year"}, false, ""},
      }};
  return k;
}

namespace {

// "2014", "2014年", 2014.0 from Excel: the year; nullopt when empty; an
// error on the row otherwise.
std::optional<int> year_cell(RowGroup& g, const Row& r, std::string_view key, bool& bad) {
  std::string s = text::strip_spaces(clean_cell(g.cell(r, key)));
  if (s.ends_with("年")) s.resize(s.size() - std::string_view("年").size());
  if (s.ends_with(".0")) s.resize(s.size() - 2);
  if (s.empty()) return std::nullopt;
  if (s.size() != 4 || !text::is_all_digits(s)) {
    bad = true;
    g.error(r, key,
            invalid(fmt::format("{}.invalid", key), std::string(key),
                    fmt::format("年度“{}”应为四位年份，如2014", clean_cell(g.cell(r, key))),
                    fmt::format("The year \"{}\" must have four digits, e.g. 2014",
                                clean_cell(g.cell(r, key)))));
    return std::nullopt;
  }
  return std::stoi(s);
}

class RegisterImporter {
 public:
  RegisterImporter(LivelihoodImportEnv& env, const ImportOptions& opts)
      : env_(env), opts_(opts), lookup_(env.store.db()) {}

  Status check_header(const HeaderMatch& m, const std::vector<std::string>&, long row) {
    const auto& cols = poverty_register_spec().columns;
    auto has = [&](std::string_view key) {
      for (size_t i = 0; i < cols.size(); ++i)
        if (cols[i].key == key) return m.file_column[i] >= 0;
      return false;
    };
    if (has("household_number") || has("id_number")) return {};
    Error e =
        invalid("header.missing", "header",
                fmt::format("第{}行（表头）缺少必填列：户编号或户主公民身份号码（二选一）", row),
                fmt::format("Row {} (the header) needs 户编号 (household number) or "
                            "户主公民身份号码 (the householder's ID number)",
                            row));
    e.row = row;
    return e;
  }

  Status apply_row(RowGroup& g, const Row& r, KindImport& out) {
    auto hr = detail::row_household(g, r, lookup_, env_, opts_.today, "poverty_register");
    if (!hr) return hr.error();
    auto h = std::move(hr).value();
    std::string label = clean_name(g.cell(r, "status"));
    auto status = poverty::parse_register_status(text::strip_spaces(label));
    if (label.empty())
      g.error(r, "status",
              invalid("status.missing", "status",
                      "贫困户属性不能为空（建档立卡贫困户、已脱贫户或边缘易致贫户）",
                      "The status is missing (registered_poor, lifted or marginal)"));
    else if (!status)
      g.error(
          r, "status",
          invalid(
              "status.unknown", "status",
              fmt::format("贫困户属性“{}"
                          "”无法识别，可填：建档立卡贫困户（未脱贫户）、已脱贫户、边缘易致贫户",
                          label),
              fmt::format("Unknown status \"{}\": registered_poor, lifted or marginal", label)));
    bool bad_year = false;
    auto reg = year_cell(g, r, "registered_year", bad_year);
    auto lifted = year_cell(g, r, "lifted_year", bad_year);
    if (!g.ok() || !h || !status) return {};
    if (auto st = poverty::check_register_status(*status, reg, lifted, opts_.today.year()); !st) {
      const Error& e = st.error();
      g.error(r, g.has(e.field) ? std::string_view(e.field) : std::string_view(), e);
      return {};
    }
    if (auto [it, fresh] = seen_.emplace(h->id, r.number); !fresh) {
      g.error(
          r, detail::household_col(g),
          conflict("poverty_register.duplicate_in_file", std::string(detail::household_col(g)),
                   fmt::format("该户（户编号{}）已在第{}行", h->number, it->second),
                   fmt::format("This household ({}) is already on row {}", h->number, it->second)));
      return {};
    }
    // Counted as the registry has it: a household put in the register is
    // added, one whose status or years change is updated, one already as
    // the row says (an export imported back) unchanged, and not written.
    auto before = lookup_.register_status(h->id);
    if (!before) return before.error();
    const LivelihoodLookup::RegisterStatus after{*status, reg && *reg > 0 ? reg : std::nullopt,
                                                 lifted};
    ++out.count(*status);
    if (*before && **before == after) {
      ++out.report.unchanged;
      return {};
    }
    auto st = env_.store.set_poverty_status(h->id, *status, reg.value_or(0), lifted, env_.actor);
    if (!st) {
      if (st.error().kind == ErrorKind::kInternal) return st.error();
      g.error(r, std::string_view(), st.error());
      return {};
    }
    ++(*before ? out.report.updated : out.report.added);
    return {};
  }

 private:
  LivelihoodImportEnv& env_;
  const ImportOptions& opts_;
  LivelihoodLookup lookup_;
  std::map<int64_t, long> seen_;  // household -> its row in the file
};

}  // namespace

Result<KindImport> import_poverty_register(TableReader& in, LivelihoodImportEnv& env,
                                           const ImportOptions& opts) {
  RegisterImporter imp(env, opts);
  detail::KindHandler h;
  h.regions = env.regions;
  h.spec = &poverty_register_spec();
  h.check_header = [&](const HeaderMatch& m, const std::vector<std::string>& header, long row) {
    return imp.check_header(m, header, row);
  };
  h.apply = detail::each_row(
      [&](RowGroup& g, const Row& r, KindImport& out) { return imp.apply_row(g, r, out); });
  auto r = detail::run_rows(in, env.store.db(), h, opts);
  if (r) r->count("registered_poor"), r->count("lifted"), r->count("marginal");
  return r;
}

}  // namespace lz::exchange
