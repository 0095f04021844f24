// Import of the kind `listings`: households' unsold produce as village
// cadres collect it (登记日期, 户编号 or 户主公民身份号码, 户主姓名, 品种*,
// 待售数量(斤)*, 期望价格(元/斤), 最晚销售日期*, 备注), one row per listing.
// Each row goes through ProduceService::add_listing (a known kind, more than
// 0 jin, not listed in the future, a sell-by date from the listing date to
// 120 days after). A quantity column in 公斤/千克/kg is converted. A listing
// already there (same household, kind, quantity, listing and sell-by dates)
// is refused, so a list imported twice does not list the produce twice.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/text.h"
#include "exchange/livelihood_import.h"
#include "exchange/livelihood_lookup.h"
#include "exchange/normalize.h"
#include "livelihood/units.h"

namespace lz::exchange {

using namespace lz::livelihood;
using detail::RowGroup;

const KindSpec& listings_spec() {
  static const KindSpec k{
      "listings",
      "农产品待售登记",
      "produce listings",
      {
          {"listed_on",
           "登记日期",
           "date listed",
           {"挂牌日期", "登记时间", "上报日期", "listed_on"},
           false,
           "2020-02-10"},
          {"household_number", "户编号", "household number", {"农户编号", "户号"}, false, ""},
          {"id_number",
           "户主公民身份号码",
           "householder's ID number",
           {"户主身份证号", "户主身份证号码", "公民身份号码", "身份证号", "身份证号码"},
           false,
           "430281199001011239"},
          {"name", "户主姓名", "householder's name", {"姓名", "农户姓名", "户主"}, false, "张三"},
          {"kind",
           "品种",
           "kind",
           {"品名", "农产品", "品类", "产品", "农产品名称", "产品名称", "待售品种", "种类"},
           true,
           "白菜"},
          {"jin",
           "待售数量(斤)",
           "quantity (jin)",
           {"数量", "待售数量", "重量", "待售重量", "斤数", "滞销数量"},
           true,
           "800"},
          {"expected_price",
           "期望价格(元/斤)",
           "expected price (yuan/jin)",
           {"期望价格", "期望单价", "预期价格", "价格", "单价"},
           false,
           "1.2"},
          {"sell_by",
           "最晚销售日期",
           "sell by",
           {"最迟销售日期", "最晚出售日期", "销售期限", "最晚销售时间"},
           true,
           "2020-02-20"},
          {"note", "备注", "note", {"说明"}, false, ""},
      }};
  return k;
}

namespace {

class ListingImporter {
 public:
  ListingImporter(LivelihoodImportEnv& env, const ImportOptions& opts)
      : env_(env), opts_(opts), lookup_(env.store.db()) {}

  Status start() {
    auto last = lookup_.last_listing_id();
    if (!last) return last.error();
    last_before_ = *last;
    return {};
  }

  Status check_header(const HeaderMatch& m, const std::vector<std::string>& header, long row) {
    return detail::produce_header(listings_spec(), m, header, row, false, "expected_price", "价格",
                                  jin_factor_);
  }

  Status apply_row(RowGroup& g, const Row& r, KindImport& out) {
    auto hr = detail::row_household(g, r, lookup_, env_, opts_.today, "listing");
    if (!hr) return hr.error();
    auto h = std::move(hr).value();
    Listing in;
    if (auto kind = detail::produce_kind_cell(g, r))
      in.kind = *kind;
    else
      g.error(r, "kind",
              invalid("listing.kind_required", "kind", "品种不能为空",
                      "The kind of produce is missing"));
    if (auto grams =
            detail::grams_cell(g, r, jin_factor_, "listing.jin_invalid", "待售数量", "quantity"))
      in.grams = *grams;
    if (auto price = detail::number_cell(g, r, "expected_price", "期望价格", "expected price")) {
      auto fen = yuan_to_fen(*price);
      if (!fen || !detail::at_most_decimals(*price, 2))
        g.error(r, "expected_price",
                invalid("listing.price_invalid", "expected_price",
                        fmt::format("期望价格“{}”应大于0，精确到分（元/斤）",
                                    clean_cell(g.cell(r, "expected_price"))),
                        fmt::format("The expected price \"{}\" must be above 0, to the fen",
                                    clean_cell(g.cell(r, "expected_price")))));
      else
        in.expected_fen_per_jin = *fen;
    }
    in.listed_on = opts_.today;
    if (auto d = detail::date_cell(g, r, "listed_on")) in.listed_on = *d;
    if (auto d = detail::date_cell(g, r, "sell_by")) in.sell_by = *d;
    in.note = text::trim(clean_cell(g.cell(r, "note")));
    if (!g.ok() || !h) return {};
    in.household_id = h->id;
    if (in.sell_by != Date() && in.grams > 0) {
      auto dup = lookup_.same_listing(in, last_before_);
      if (!dup) return dup.error();
      if (*dup) {
        g.error(r, "",
                conflict("listing.duplicate", "",
                         fmt::format("该户已登记同样的待售农产品（待售编号{}：同一品种、数量、"
                                     "登记日期和最晚销售日期）",
                                     **dup),
                         fmt::format("The household already has this listing (number {}: same "
                                     "kind, quantity, listing and sell-by dates)",
                                     **dup)));
        return {};
      }
    }
    auto res = env_.produce.add_listing(in, env_.actor);
    if (!res) {
      if (res.error().kind == ErrorKind::kInternal) return res.error();
      const Error& e = res.error();
      std::string_view col =
          e.field == "household_id" ? detail::household_col(g) : std::string_view(e.field);
      g.error(r, g.has(col) ? col : std::string_view(), e);
      return {};
    }
    ++out.report.added;
    out.count("grams") += in.grams;
    return {};
  }

 private:
  LivelihoodImportEnv& env_;
  const ImportOptions& opts_;
  LivelihoodLookup lookup_;
  int64_t last_before_ = 0;
  double jin_factor_ = 1.0;
};

}  // namespace

Result<KindImport> import_listings(TableReader& in, LivelihoodImportEnv& env,
                                   const ImportOptions& opts) {
  ListingImporter imp(env, opts);
  LZ_TRY(imp.start());
  detail::KindHandler h;
  h.regions = env.regions;
  h.spec = &listings_spec();
  h.check_header = [&](const HeaderMatch& m, const std::vector<std::string>& header, long row) {
    return imp.check_header(m, header, row);
  };
  h.apply = detail::each_row(
      [&](RowGroup& g, const Row& r, KindImport& out) { return imp.apply_row(g, r, out); });
  auto r = detail::run_rows(in, env.store.db(), h, opts);
  if (r) r->count("grams");
  return r;
}

}  // namespace lz::exchange
