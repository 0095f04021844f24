#include "livelihood/produce.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <utility>

#include "core/text.h"
#include "livelihood/units.h"

namespace lz::livelihood {

namespace {

constexpr ProduceKind kKinds[] = {
    {"cabbage", "白菜", "Chinese cabbage", true},
    {"radish", "萝卜", "Radish", true},
    {"greens", "青菜", "Greens", true},
    {"lettuce", "莴笋", "Stem lettuce", true},
    {"celery", "芹菜", "Celery", true},
    {"spinach", "菠菜", "Spinach", true},
    {"garlic_sprout", "蒜苗", "Garlic sprouts", true},
    {"scallion", "葱", "Scallions", true},
    {"potato", "土豆", "Potatoes", true},
    {"sweet_potato", "红薯", "Sweet potatoes", true},
    {"taro", "芋头", "Taro", true},
    {"pepper", "辣椒", "Chili peppers", true},
    {"mushroom", "香菇", "Shiitake mushrooms", true},
    {"other_vegetable", "其他蔬菜", "Other vegetables", true},
    {"fruit", "水果", "Fruit", false},
    {"eggs", "鸡蛋", "Eggs", false},
    {"poultry", "家禽", "Poultry", false},
    {"livestock", "生猪", "Pigs", false},
    {"fish", "鱼", "Fish", false},
    {"rice", "稻谷", "Rice", false},
    {"tea", "茶叶", "Tea", false},
    {"other", "其他", "Other", false},
};

// What growers and purchase points write for a variety of a kind (白萝卜,
// 大白菜, 马铃薯), in Simplified: the kind it is sold as.
constexpr std::pair<std::string_view, std::string_view> kVarieties[] = {
    {"白萝卜", "radish"},
    {"红萝卜", "radish"},
    {"青萝卜", "radish"},
    {"水萝卜", "radish"},
    {"大白菜", "cabbage"},
    {"小白菜", "cabbage"},
    {"黄芽白", "cabbage"},
    {"油菜", "greens"},
    {"菜心", "greens"},
    {"上海青", "greens"},
    {"莴苣", "lettuce"},
    {"西芹", "celery"},
    {"青蒜", "garlic_sprout"},
    {"大蒜苗", "garlic_sprout"},
    {"香葱", "scallion"},
    {"小葱", "scallion"},
    {"大葱", "scallion"},
    {"马铃薯", "potato"},
    {"洋芋", "potato"},
    {"番薯", "sweet_potato"},
    {"地瓜", "sweet_potato"},
    {"红苕", "sweet_potato"},
    {"芋艿", "taro"},
    {"青椒", "pepper"},
    {"尖椒", "pepper"},
    {"朝天椒", "pepper"},
    {"红辣椒", "pepper"},
    {"干香菇", "mushroom"},
    {"土鸡蛋", "eggs"},
    {"鸭蛋", "eggs"},
    {"土鸡", "poultry"},
    {"鸡", "poultry"},
    {"鸭", "poultry"},
    {"鹅", "poultry"},
    {"肉猪", "livestock"},
    {"猪", "livestock"},
    {"草鱼", "fish"},
    {"鲢鱼", "fish"},
    {"鲤鱼", "fish"},
    {"鲫鱼", "fish"},
    {"水稻", "rice"},
    {"早稻", "rice"},
    {"晚稻", "rice"},
    {"中稻", "rice"},
    {"茶", "tea"},
    {"茶油", "other"},
};

constexpr int kMaxSellByDays = 120;

Error unknown_kind(const std::string& field, const std::string& given) {
  return invalid("produce.kind_unknown", field,
                 fmt::format("未知的农产品种类“{}”（见 /api/v1/produce/kinds）", given),
                 fmt::format("Unknown kind of produce \"{}\" (see /api/v1/produce/kinds)", given));
}

}  // namespace

std::span<const ProduceKind> produce_kinds() {
  return kKinds;
}

const ProduceKind* find_produce_kind(std::string_view s) {
  for (const auto& k : kKinds)
    if (s == k.id || s == k.zh) return &k;
  for (const auto& [variety, kind] : kVarieties)
    if (s == variety) return find_produce_kind(kind);
  return nullptr;
}

const char* id(ListingStatus s) {
  switch (s) {
    case ListingStatus::kOpen:
      return "open";
    case ListingStatus::kSold:
      return "sold";
    case ListingStatus::kWithdrawn:
      return "withdrawn";
  }
  return "open";
}

std::optional<ListingStatus> parse_listing_status(std::string_view s) {
  for (auto st : {ListingStatus::kOpen, ListingStatus::kSold, ListingStatus::kWithdrawn})
    if (s == id(st)) return st;
  return std::nullopt;
}

// ---------------------------------------------------------------- listings

Result<Listing> make_listing(Listing in, Date today) {
  const ProduceKind* k = find_produce_kind(in.kind);
  if (!k) return unknown_kind("kind", in.kind);
  in.kind = k->id;
  if (in.grams <= 0)
    return invalid("listing.jin_required", "jin", "请填写待售数量（斤），须大于0",
                   "Give the quantity for sale in jin (more than 0)");
  if (in.listed_on == Date()) in.listed_on = today;
  if (in.listed_on > today)
    return invalid("listing.date_future", "listed_on", "登记日期不能晚于今天",
                   "The listing date cannot be in the future");
  if (in.sell_by == Date())
    return invalid("listing.sell_by_required", "sell_by", "请填写最晚销售日期（蔬菜易腐）",
                   "Give the sell-by date (vegetables spoil)");
  if (in.sell_by < in.listed_on)
    return invalid("listing.sell_by_before_listed", "sell_by", "最晚销售日期不能早于登记日期",
                   "The sell-by date cannot be before the listing date");
  if (in.sell_by > in.listed_on.plus_days(kMaxSellByDays))
    return invalid(
        "listing.sell_by_too_far", "sell_by",
        fmt::format("最晚销售日期不能晚于登记日期后{}天", kMaxSellByDays),
        fmt::format("The sell-by date must be within {} days of the listing date", kMaxSellByDays));
  if (in.expected_fen_per_jin && *in.expected_fen_per_jin <= 0)
    return invalid("listing.price_invalid", "expected_price", "期望价格须大于0",
                   "The expected price must be above 0");
  in.note = text::normalize(in.note);
  in.remaining_grams = in.grams;
  in.status = ListingStatus::kOpen;
  in.closed_on.reset();
  return in;
}

Result<Listing> withdraw(const Listing& l, Date on) {
  if (l.status != ListingStatus::kOpen)
    return conflict(
        "listing.not_open", "status",
        fmt::format("该待售信息已{}，不能撤回", l.status == ListingStatus::kSold ? "售完" : "撤回"),
        fmt::format("The listing is already {}; it cannot be withdrawn", id(l.status)));
  Listing out = l;
  out.status = ListingStatus::kWithdrawn;
  out.closed_on = on;
  return out;
}

// ---------------------------------------------------------------- points

Status validate_point(const PurchasePoint& p) {
  if (p.name.empty())
    return invalid("purchase_point.name_required", "name", "请填写收购点名称",
                   "Give the point's name");
  if (p.region_code.empty())
    return invalid("purchase_point.region_required", "region_code",
                   "请填写收购点所在乡镇（区划代码）", "Give the point's township (region code)");
  if (p.capacity_grams <= 0)
    return invalid("purchase_point.capacity_required", "capacity_jin",
                   "请填写每日收购能力（斤），须大于0",
                   "Give the daily capacity in jin (more than 0)");
  return {};
}

Status validate_prices(std::vector<Price>& prices) {
  std::set<std::string> seen;
  for (size_t i = 0; i < prices.size(); ++i) {
    std::string at = fmt::format("prices[{}]", i);
    const ProduceKind* k = find_produce_kind(prices[i].kind);
    if (!k) return unknown_kind(at + ".kind", prices[i].kind);
    prices[i].kind = k->id;
    if (!seen.insert(k->id).second)
      return invalid("price.duplicate", at + ".kind", fmt::format("“{}”的价格填写了两次", k->zh),
                     fmt::format("The price of {} is given twice", k->en));
    if (prices[i].fen_per_jin <= 0)
      return invalid("price.invalid", at + ".price", "价格（元/斤）须大于0",
                     "The price (yuan per jin) must be above 0");
  }
  return {};
}

// ---------------------------------------------------------------- purchases

Result<Purchase> make_purchase(Purchase in, const PurchaseContext& ctx) {
  if (const Listing* l = ctx.listing) {
    if (in.household_id != 0 && in.household_id != l->household_id)
      return invalid("purchase.listing_mismatch", "household_id",
                     fmt::format("待售信息{}属于另一户", l->id),
                     fmt::format("Listing {} belongs to another household", l->id));
    if (!in.kind.empty()) {
      const ProduceKind* k = find_produce_kind(in.kind);
      if (!k || k->id != l->kind)
        return invalid("purchase.listing_mismatch", "kind",
                       fmt::format("待售信息{}的品种是“{}”", l->id, find_produce_kind(l->kind)->zh),
                       fmt::format("Listing {} is of {}", l->id, find_produce_kind(l->kind)->en));
    }
    in.household_id = l->household_id;
    in.region_code = l->region_code;
    in.kind = l->kind;
  }
  const ProduceKind* k = find_produce_kind(in.kind);
  if (!k) return unknown_kind("kind", in.kind);
  in.kind = k->id;
  if (in.household_id <= 0)
    return invalid("purchase.household_required", "household_id",
                   "请填写出售农户（household_id 或 listing_id）",
                   "Give the selling household (household_id or listing_id)");
  if (in.grams <= 0)
    return invalid("purchase.jin_required", "jin", "请填写收购数量（斤），须大于0",
                   "Give the quantity bought in jin (more than 0)");
  if (in.on == Date()) in.on = ctx.today;
  if (in.on > ctx.today)
    return invalid("purchase.date_future", "on", "收购日期不能晚于今天",
                   "The purchase date cannot be in the future");
  if (const Listing* l = ctx.listing) {
    if (l->status != ListingStatus::kOpen)
      return conflict(
          "purchase.listing_closed", "listing_id",
          fmt::format("待售信息{}已{}", l->id, l->status == ListingStatus::kSold ? "售完" : "撤回"),
          fmt::format("Listing {} is {}", l->id, id(l->status)));
    if (in.on < l->listed_on)
      return invalid("purchase.before_listing", "on", "收购日期早于该农产品的登记日期",
                     "The purchase is dated before the produce was listed");
    if (in.grams > l->remaining_grams)
      return conflict("purchase.exceeds_listing", "jin",
                      fmt::format("该户此项待售仅剩{}斤，不能收购{}斤",
                                  format_jin(l->remaining_grams), format_jin(in.grams)),
                      fmt::format("Only {} jin of this listing remain; {} jin cannot be bought",
                                  format_jin(l->remaining_grams), format_jin(in.grams)));
  }
  int64_t left = std::max<int64_t>(0, ctx.capacity_grams - ctx.bought_grams_that_day);
  if (in.grams > left)
    return conflict(
        "purchase.exceeds_capacity", "jin",
        fmt::format("{}当日收购能力仅剩{}斤（每日{}斤），不能再收{}斤", in.on.iso(),
                    format_jin(left), format_jin(ctx.capacity_grams), format_jin(in.grams)),
        fmt::format(
            "Only {} jin of the day's capacity ({} jin) are left on {}; {} jin cannot be bought",
            format_jin(left), format_jin(ctx.capacity_grams), in.on.iso(), format_jin(in.grams)));
  if (in.fen_per_jin <= 0) {
    if (!ctx.listed_price)
      return invalid("purchase.price_required", "price",
                     fmt::format("{}没有“{}”的收购价，请填写价格（元/斤）", in.on.iso(), k->zh),
                     fmt::format("There is no price for {} on {}: give the price (yuan per jin)",
                                 k->en, in.on.iso()));
    in.fen_per_jin = *ctx.listed_price;
  }
  in.amount_fen = amount_fen(in.grams, in.fen_per_jin);
  in.note = text::normalize(in.note);
  return in;
}

Listing after_purchase(const Listing& l, const Purchase& p) {
  Listing out = l;
  out.remaining_grams = std::max<int64_t>(0, l.remaining_grams - p.grams);
  if (out.remaining_grams == 0) {
    out.status = ListingStatus::kSold;
    out.closed_on = p.on;
  }
  return out;
}

// ---------------------------------------------------------------- backstop

Status validate_buyer(BackstopBuyer& b) {
  if (b.name.empty())
    return invalid("backstop.name_required", "name", "请填写兜底单位食堂名称",
                   "Give the buyer's name");
  if (b.region_code.empty())
    return invalid("backstop.region_required", "region_code", "请填写服务范围（区划代码）",
                   "Give the region it buys from (region code)");
  if (b.capacity_grams <= 0)
    return invalid("backstop.capacity_required", "capacity_jin",
                   "请填写每日收购能力（斤），须大于0",
                   "Give the daily capacity in jin (more than 0)");
  if (b.floor_fen_per_jin.empty())
    return invalid("backstop.floor_prices_required", "floor_prices", "请至少填写一个品种的保底价",
                   "Give the floor price of at least one kind");
  std::map<std::string, int64_t> norm;
  size_t i = 0;
  for (const auto& [kind, fen] : b.floor_fen_per_jin) {
    std::string at = fmt::format("floor_prices[{}]", i++);
    const ProduceKind* k = find_produce_kind(kind);
    if (!k) return unknown_kind(at + ".kind", kind);
    if (fen <= 0)
      return invalid("price.invalid", at + ".price", "保底价（元/斤）须大于0",
                     "The floor price must be above 0");
    norm[k->id] = fen;
  }
  b.floor_fen_per_jin = std::move(norm);
  return {};
}

bool due_for_backstop(const Listing& l, Date d, int within_days) {
  return l.status == ListingStatus::kOpen && l.remaining_grams > 0 && l.listed_on <= d &&
         l.sell_by >= d && l.sell_by <= d.plus_days(within_days);
}

std::vector<BackstopAssignment> plan_backstop(std::vector<DispatchListing> listings,
                                              std::vector<BuyerCapacity> buyers, Date d,
                                              int within_days) {
  std::erase_if(listings, [&](const DispatchListing& x) {
    return !due_for_backstop(x.listing, d, within_days);
  });
  std::sort(listings.begin(), listings.end(),
            [](const DispatchListing& a, const DispatchListing& b) {
              if (a.listing.sell_by != b.listing.sell_by)
                return a.listing.sell_by < b.listing.sell_by;
              if (a.poor != b.poor) return a.poor;
              if (a.listing.listed_on != b.listing.listed_on)
                return a.listing.listed_on < b.listing.listed_on;
              return a.listing.id < b.listing.id;
            });
  std::vector<BackstopAssignment> out;
  for (const auto& x : listings) {
    const Listing& l = x.listing;
    int64_t left = l.remaining_grams;
    while (left > 0) {
      BuyerCapacity* best = nullptr;
      for (auto& b : buyers) {
        if (!b.buyer || !b.buyer->active || b.remaining_grams <= 0) continue;
        if (!l.region_code.starts_with(b.buyer->region_code)) continue;
        if (!b.buyer->floor_fen_per_jin.contains(l.kind)) continue;
        if (!best) {
          best = &b;
          continue;
        }
        size_t ra = b.buyer->region_code.size(), rb = best->buyer->region_code.size();
        if (ra != rb) {
          if (ra > rb) best = &b;
          continue;
        }
        if (b.remaining_grams != best->remaining_grams) {
          if (b.remaining_grams > best->remaining_grams) best = &b;
          continue;
        }
        if (b.buyer->id < best->buyer->id) best = &b;
      }
      if (!best) break;
      int64_t g = std::min(left, best->remaining_grams);
      out.push_back({l.id, best->buyer->id, g, best->buyer->floor_fen_per_jin.at(l.kind)});
      best->remaining_grams -= g;
      left -= g;
    }
  }
  return out;
}

}  // namespace lz::livelihood
