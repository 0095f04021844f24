// Import of the kind `purchases`: a purchase point's ledger, one row per
// purchase (收购日期, 收购点*, 户编号 or 户主公民身份号码, 户主姓名, 待售编号,
// 品种*, 重量(斤)*, 单价(元/斤), 金额(元), 备注). Each row goes through
// ProduceService (the API's rules: the listing and the point's capacity that
// day, the day's price when none is given, amount = jin x price rounded to
// the fen halves up, the credit to the household's business income); every
// household credited is re-checked once at the end of the file, in its
// transaction. A weight column in 公斤/千克/kg is converted (1 kg = 2 jin);
// a given amount must equal the computed one to the fen. A purchase already
// recorded (same point, day, household, kind, weight, price and note) is
// refused, so a ledger imported twice is not credited twice.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cmath>
#include <map>

#include "core/text.h"
#include "exchange/livelihood_import.h"
#include "exchange/livelihood_lookup.h"
#include "exchange/normalize.h"
#include "livelihood/units.h"

namespace lz::exchange {

using namespace lz::livelihood;
using detail::RowGroup;

const KindSpec& purchases_spec() {
  static const KindSpec k{
      "purchases",
      "农产品收购",
      "purchases",
      {
          {"on",
           "收购日期",
           "date",
           {"日期", "收购时间", "交易日期", "收购日", "date"},
           false,
           "2020-02-12"},
          {"point",
           "收购点",
           "purchase point",
           {"收购点名称", "收购站点", "收购站", "收购单位", "point_id"},
           true,
           "石亭镇收购点"},
          {"household_number", "户编号", "household number", {"农户编号", "户号"}, false, ""},
          {"id_number",
           "户主公民身份号码",
           "householder's ID number",
           {"户主身份证号", "户主身份证号码", "公民身份号码", "身份证号", "身份证号码",
            "售卖人身份证号", "卖方身份证号"},
           false,
           "430281199001011239"},
          {"name",
           "户主姓名",
           "householder's name",
           {"姓名", "农户姓名", "售卖人", "卖方", "户主", "售卖农户"},
           false,
           "张三"},
          {"listing_id", "待售编号", "listing number", {"待售信息编号", "挂牌编号"}, false, ""},
          {"kind",
           "品种",
           "kind",
           {"品名", "农产品", "品类", "产品", "农产品名称", "产品名称", "收购品种", "种类"},
           true,
           "白菜"},
          {"jin",
           "重量(斤)",
           "weight (jin)",
           {"重量", "数量", "收购量", "收购数量", "斤数", "净重"},
           true,
           "37.5"},
          {"price",
           "单价(元/斤)",
           "price (yuan/jin)",
           {"单价", "价格", "收购价", "收购单价"},
           false,
           "1.33"},
          {"amount",
           "金额(元)",
           "amount (yuan)",
           {"金额", "收购金额", "总价", "合计", "应付金额", "付款金额"},
           false,
           "49.88"},
          {"note", "备注", "note", {"说明"}, false, ""},
      }};
  return k;
}

namespace {

class PurchaseImporter {
 public:
  PurchaseImporter(LivelihoodImportEnv& env, const ImportOptions& opts)
      : env_(env), opts_(opts), lookup_(env.store.db()) {}

  Status start() {
    auto pts = env_.produce.store().points("");
    if (!pts) return pts.error();
    for (auto& p : *pts) {
      by_name_[text::strip_spaces(clean_name(p.name))].push_back(p.id);
      points_[p.id] = std::move(p);
    }
    auto last = lookup_.last_purchase_id();
    if (!last) return last.error();
    last_before_ = *last;
    return {};
  }

  Status check_header(const HeaderMatch& m, const std::vector<std::string>& header, long row) {
    return detail::produce_header(purchases_spec(), m, header, row, true, "price", "单价",
                                  jin_factor_);
  }

  Status apply(RowGroup& g, KindImport& out) {
    for (const Row& r : g.rows) LZ_TRY(apply_row(g, r, out));
    // A group with errors is undone: its purchases no longer count towards
    // the day's totals, which are read again from the database.
    if (!g.ok()) day_totals_.grams.clear();
    return {};
  }

  // Each household credited, re-checked once with its last purchase.
  Status finish(KindImport& out) {
    out.count("households_credited") = static_cast<long>(last_.size());
    for (auto& [hid, o] : last_) {
      if (o.poverty_status.empty()) continue;
      LZ_TRY(env_.produce.recheck(o, env_.actor));
      ++out.count("households_rechecked");
      if (o.income_outcome == poverty::Outcome::kPass) ++out.count("income_above_line");
    }
    return {};
  }

 private:
  // A domain field -> the column it came from.
  std::string_view column_of(RowGroup& g, std::string_view field) const {
    if (field == "on") return "on";
    if (field == "point_id") return "point";
    if (field == "household_id")
      return g.has("household_number") ? "household_number" : std::string_view("id_number");
    if (field == "jin" || field == "price" || field == "kind" || field == "listing_id" ||
        field == "note")
      return field;
    return "";
  }
  void domain_error(RowGroup& g, const Row& r, const Error& e) {
    std::string_view col = column_of(g, e.field);
    g.error(r, !col.empty() && g.has(col) ? col : std::string_view(), e);
  }

  const PurchasePoint* point_cell(RowGroup& g, const Row& r) {
    std::string s = text::strip_spaces(clean_name(g.cell(r, "point")));
    if (s.empty()) {
      g.error(r, "point",
              invalid("purchase.point_required", "point", "收购点不能为空（填名称或编号）",
                      "The purchase point is missing (its name or number)"));
      return nullptr;
    }
    const PurchasePoint* p = nullptr;
    if (auto it = by_name_.find(s); it != by_name_.end()) {
      if (it->second.size() > 1) {
        g.error(r, "point",
                invalid("purchase_point.ambiguous", "point",
                        fmt::format("有{}个收购点叫“{}”（编号{}），请填编号", it->second.size(), s,
                                    fmt::join(it->second, "、")),
                        fmt::format("{} purchase points are called \"{}\" (numbers {}): give the "
                                    "number",
                                    it->second.size(), s, fmt::join(it->second, ", "))));
        return nullptr;
      }
      p = &points_[it->second.front()];
    } else if (text::is_all_digits(s)) {
      if (auto it = points_.find(std::stoll(s)); it != points_.end()) p = &it->second;
    }
    if (!p) {
      g.error(
          r, "point",
          not_found("purchase_point.unknown", "point",
                    fmt::format("收购点“{}”不存在（填收购点名称或编号）", s),
                    fmt::format("There is no purchase point \"{}\" (give its name or number)", s)));
      return nullptr;
    }
    if (env_.point_only) {
      if (p->id != *env_.point_only) {
        g.error(r, "point",
                invalid("purchase.forbidden", "point",
                        fmt::format("您只能在本人所在的收购点登记收购，不能登记“{}”的", p->name),
                        fmt::format("You may record purchases only at your own purchase point, "
                                    "not at \"{}\"",
                                    p->name)));
        return nullptr;
      }
    } else if (env_.covers && !env_.covers(p->region_code)) {
      g.error(r, "point", detail::out_of_scope(p->region_code));
      return nullptr;
    }
    return p;
  }

  Status apply_row(RowGroup& g, const Row& r, KindImport& out) {
    Purchase in;
    const PurchasePoint* point = point_cell(g, r);
    // A listing names the household; a listing number that is not a number
    // refuses the row on its own (no household required, no scope said).
    const std::string l = text::strip_spaces(clean_cell(g.cell(r, "listing_id")));
    const bool bad_listing = !l.empty() && !(text::is_all_digits(l) && l.size() < 15);
    auto hr = detail::row_household(g, r, lookup_, env_, opts_.today, "purchase",
                                    {.required = l.empty(),
                                     .in_scope = !bad_listing && !env_.point_only,
                                     .who_zh = "出售农户",
                                     .who_en = "selling household"});
    if (!hr) return hr.error();
    auto h = std::move(hr).value();
    if (bad_listing)
      g.error(r, "listing_id",
              invalid("listing_id.format", "listing_id", fmt::format("待售编号“{}”应为数字", l),
                      fmt::format("The listing number \"{}\" must be a number", l)));
    else if (!l.empty())
      in.listing_id = std::stoll(l);
    if (auto kind = detail::produce_kind_cell(g, r)) {
      in.kind = *kind;
    } else if (!in.listing_id) {
      g.error(r, "kind",
              invalid("purchase.kind_required", "kind", "品种不能为空",
                      "The kind of produce is missing"));
    }
    if (auto grams =
            detail::grams_cell(g, r, jin_factor_, "purchase.jin_invalid", "重量", "weight")) {
      in.grams = *grams;
    } else if (g.cell(r, "jin").empty()) {
      g.error(r, "jin",
              invalid("purchase.jin_required", "jin", "重量不能为空（斤，须大于0）",
                      "The weight is missing (jin, more than 0)"));
    }
    if (auto price = detail::number_cell(g, r, "price", "单价", "price")) {
      auto fen = yuan_to_fen(*price);
      if (!fen || *fen == 0 || !detail::at_most_decimals(*price, 2))
        g.error(r, "price",
                invalid("purchase.price_invalid", "price",
                        fmt::format("单价“{}”应大于0，精确到分（元/斤）",
                                    clean_cell(g.cell(r, "price"))),
                        fmt::format("The price \"{}\" must be above 0, to the fen (yuan per jin)",
                                    clean_cell(g.cell(r, "price")))));
      else
        in.fen_per_jin = *fen;
    }
    std::optional<int64_t> amount;
    if (auto a = detail::number_cell(g, r, "amount", "金额", "amount")) {
      auto fen = yuan_to_fen(*a);
      if (!fen || !detail::at_most_decimals(*a, 2))
        g.error(r, "amount",
                invalid("purchase.amount_invalid", "amount",
                        fmt::format("金额“{}”应为不小于0的元数，精确到分",
                                    clean_cell(g.cell(r, "amount"))),
                        fmt::format("The amount \"{}\" must be yuan, not negative, to the fen",
                                    clean_cell(g.cell(r, "amount")))));
      else
        amount = fen;
    }
    if (auto d = detail::date_cell(g, r, "on")) in.on = *d;
    in.note = text::trim(clean_cell(g.cell(r, "note")));
    if (!g.ok() || !point) return {};

    in.point_id = point->id;
    if (h) in.household_id = h->id;
    // Already recorded? Checked first: a ledger imported again is refused as
    // such, not for what its first import did (a listing sold out, the day's
    // capacity taken).
    {
      Purchase key = in;
      if (in.listing_id) {
        auto l = env_.produce.store().listing(*in.listing_id);
        if (l) {
          key.household_id = l->household_id;
          key.kind = l->kind;
        }
      }
      if (key.on == Date()) key.on = opts_.today;
      if (key.fen_per_jin <= 0 && !key.kind.empty()) {
        auto listed = env_.produce.store().price(point->id, key.on, key.kind);
        if (!listed) return listed.error();
        key.fen_per_jin = listed->value_or(0);
      }
      if (key.household_id > 0 && key.fen_per_jin > 0) {
        auto dup = lookup_.same_purchase(key, last_before_);
        if (!dup) return dup.error();
        if (*dup) {
          g.error(r, "",
                  conflict("purchase.duplicate", "",
                           fmt::format("该笔收购已录入（收购记录{}：同一收购点、日期、农户、品种、"
                                       "重量、单价和备注）；如确为另一笔，请在备注中注明",
                                       **dup),
                           fmt::format("This purchase is already recorded (purchase {}: same "
                                       "point, day, household, kind, weight, price and note); if "
                                       "it is another one, say so in the note",
                                       **dup)));
          return {};
        }
      }
    }
    auto res = env_.produce.purchase_in_open_tx(in, env_.actor, &day_totals_);
    if (!res) {
      if (res.error().kind == ErrorKind::kInternal) return res.error();
      domain_error(g, r, res.error());
      return {};
    }
    const Purchase& p = res->purchase;
    // An operator buys from anyone; others only from households of their region.
    if (env_.covers && !env_.point_only && !env_.covers(p.region_code)) {
      g.error(r, in.listing_id ? "listing_id" : detail::household_col(g),
              detail::out_of_scope(p.region_code));
      return {};
    }
    if (amount && *amount != p.amount_fen) {
      g.error(
          r, "amount",
          invalid("purchase.amount_mismatch", "amount",
                  fmt::format("金额应为{:.2f}元（{}斤×{:.2f}元/斤，四舍五入到分），表中为{:.2f}元",
                              fen_to_yuan(p.amount_fen), format_jin(p.grams),
                              fen_to_yuan(p.fen_per_jin), fen_to_yuan(*amount)),
                  fmt::format("The amount should be {:.2f} yuan ({} jin x {:.2f} yuan, "
                              "rounded to the fen); the file says {:.2f}",
                              fen_to_yuan(p.amount_fen), format_jin(p.grams),
                              fen_to_yuan(p.fen_per_jin), fen_to_yuan(*amount))));
      return {};
    }
    ++out.report.added;
    out.count("amount_fen") += p.amount_fen;
    last_[p.household_id] = std::move(*res);
    return {};
  }

  LivelihoodImportEnv& env_;
  const ImportOptions& opts_;
  LivelihoodLookup lookup_;
  std::map<int64_t, PurchasePoint> points_;
  std::map<std::string, std::vector<int64_t>> by_name_;
  int64_t last_before_ = 0;
  double jin_factor_ = 1.0;
  std::map<int64_t, app::PurchaseOutcome> last_;  // by household: its last purchase
  app::DayTotals day_totals_;                     // grams bought per point/buyer and day so far
};

}  // namespace

Result<KindImport> import_purchases(TableReader& in, LivelihoodImportEnv& env,
                                    const ImportOptions& opts) {
  PurchaseImporter imp(env, opts);
  LZ_TRY(imp.start());
  detail::KindHandler h;
  h.regions = env.regions;
  h.spec = &purchases_spec();
  h.check_header = [&](const HeaderMatch& m, const std::vector<std::string>& header, long row) {
    return imp.check_header(m, header, row);
  };
  h.apply = [&](RowGroup& g, KindImport& out) { return imp.apply(g, out); };
  h.finish = [&](KindImport& out) { return imp.finish(out); };
  auto r = detail::run_rows(in, env.store.db(), h, opts);
  if (r) {
    r->count("amount_fen");
    r->count("households_credited");
    r->count("households_rechecked");
    r->count("income_above_line");
  }
  return r;
}

}  // namespace lz::exchange
