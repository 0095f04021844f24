// Produce matching, the domain rules: listings, purchases against a listing
// and a point's daily capacity, prices, and the backstop dispatch order.
#include <gtest/gtest.h>

#include "livelihood/produce.h"
#include "livelihood/units.h"

namespace lz::livelihood {
namespace {

const Date kToday = *Date::from_ymd(2020, 2, 12);
Date day(int d) {
  return kToday.plus_days(d);
}

Listing open_listing(int64_t id, int64_t grams, Date sell_by, std::string kind = "cabbage",
                     std::string region = "430281122001") {
  Listing l;
  l.id = id;
  l.household_id = 100 + id;
  l.region_code = std::move(region);
  l.kind = std::move(kind);
  l.grams = l.remaining_grams = grams;
  l.listed_on = day(-5);
  l.sell_by = sell_by;
  return l;
}

TEST(ProduceKinds, IdsAndLabels) {
  ASSERT_NE(find_produce_kind("cabbage"), nullptr);
  EXPECT_STREQ(find_produce_kind("白菜")->id, "cabbage");
  EXPECT_STREQ(find_produce_kind("萝卜")->id, "radish");
  EXPECT_EQ(find_produce_kind("durian"), nullptr);
  for (const auto& k : produce_kinds()) EXPECT_EQ(find_produce_kind(k.id), &k);
}

// The names growers and purchase points write for a variety of a kind
// (白萝卜 is a 萝卜): each finds its kind; a word of no kind still finds none.
TEST(ProduceKinds, VarietyNamesFindTheirKind) {
  const std::pair<const char*, const char*> cases[] = {
      {"白萝卜", "radish"},     {"红萝卜", "radish"},     {"青萝卜", "radish"},
      {"大白菜", "cabbage"},    {"小白菜", "cabbage"},    {"马铃薯", "potato"},
      {"洋芋", "potato"},       {"番薯", "sweet_potato"}, {"地瓜", "sweet_potato"},
      {"红苕", "sweet_potato"}, {"青椒", "pepper"},       {"尖椒", "pepper"},
      {"香葱", "scallion"},     {"小葱", "scallion"},     {"青蒜", "garlic_sprout"},
      {"莴苣", "lettuce"},      {"土鸡蛋", "eggs"},       {"水稻", "rice"},
      {"晚稻", "rice"},         {"草鱼", "fish"},         {"茶", "tea"},
      {"油菜", "greens"},
  };
  for (const auto& [word, kind] : cases) {
    const ProduceKind* k = find_produce_kind(word);
    ASSERT_NE(k, nullptr) << word;
    EXPECT_STREQ(k->id, kind) << word;
  }
  for (const char* none : {"榴莲", "萝", "白", "白萝卜干"})
    EXPECT_EQ(find_produce_kind(none), nullptr) << none;
}

TEST(ProduceListing, Validation) {
  struct Case {
    std::string kind;
    int64_t grams;
    int sell_by;  // days from today
    int listed;
    const char* code;  // "" = accepted
    const char* field;
  } cases[] = {
      {"白菜", 500, 3, 0, "", ""},
      {"durian", 500, 3, 0, "produce.kind_unknown", "kind"},
      {"cabbage", 0, 3, 0, "listing.jin_required", "jin"},
      {"cabbage", 500, -1, 0, "listing.sell_by_before_listed", "sell_by"},
      {"cabbage", 500, 3, 1, "listing.date_future", "listed_on"},
      {"cabbage", 500, 200, 0, "listing.sell_by_too_far", "sell_by"},
  };
  for (const auto& c : cases) {
    Listing in;
    in.household_id = 1;
    in.kind = c.kind;
    in.grams = c.grams;
    in.listed_on = day(c.listed);
    in.sell_by = day(c.sell_by);
    auto r = make_listing(in, kToday);
    if (std::string(c.code).empty()) {
      ASSERT_TRUE(r.ok()) << r.error().describe();
      EXPECT_EQ(r->kind, "cabbage");
      EXPECT_EQ(r->remaining_grams, c.grams);
      EXPECT_EQ(r->status, ListingStatus::kOpen);
    } else {
      ASSERT_FALSE(r.ok()) << c.code;
      EXPECT_EQ(r.error().code, c.code);
      EXPECT_EQ(r.error().field, c.field);
    }
  }
}

TEST(ProducePurchase, AmountPriceListingAndCapacity) {
  Listing l = open_listing(1, 100 * kGramsPerJin, day(2));
  struct Case {
    int64_t grams, price_fen;  // price 0: from the list
    std::optional<int64_t> listed;
    int64_t capacity, bought;
    bool from_listing;
    const char* code;
    const char* field;
    int64_t amount;
  } cases[] = {
      {18750, 120, {}, 1000000, 0, false, "", "", 4500},  // 37.5 jin at 1.20 = 45.00
      {18750, 0, 133, 1000000, 0, false, "", "", 4988},   // 37.5 x 1.33 = 49.875 -> 49.88
      {251, 1, {}, 1000000, 0, false, "", "", 1},         // 0.502 jin at 0.01: half a fen up
      {500, 0, {}, 1000000, 0, false, "purchase.price_required", "price", 0},
      {0, 100, {}, 1000000, 0, false, "purchase.jin_required", "jin", 0},
      {50000, 100, {}, 50000, 0, false, "", "", 10000},  // exactly the capacity
      {50001, 100, {}, 50000, 0, false, "purchase.exceeds_capacity", "jin", 0},
      {1000, 100, {}, 50000, 49500, false, "purchase.exceeds_capacity", "jin", 0},
      {50000, 100, {}, 1000000, 0, true, "", "", 10000},  // the whole listing
      {50001, 100, {}, 1000000, 0, true, "purchase.exceeds_listing", "jin", 0},
  };
  for (const auto& c : cases) {
    Purchase in;
    in.point_id = 1;
    in.household_id = c.from_listing ? 0 : 7;
    in.kind = c.from_listing ? "" : "cabbage";
    in.grams = c.grams;
    in.fen_per_jin = c.price_fen;
    PurchaseContext ctx{kToday, c.from_listing ? &l : nullptr, c.capacity, c.bought, c.listed};
    auto r = make_purchase(in, ctx);
    SCOPED_TRACE(c.grams);
    if (std::string(c.code).empty()) {
      ASSERT_TRUE(r.ok()) << r.error().describe();
      EXPECT_EQ(r->amount_fen, c.amount);
      EXPECT_EQ(r->on, kToday);
      if (c.from_listing) {
        EXPECT_EQ(r->household_id, l.household_id);
      }
    } else {
      ASSERT_FALSE(r.ok());
      EXPECT_EQ(r.error().code, c.code);
      EXPECT_EQ(r.error().field, c.field);
    }
  }
}

TEST(ProducePurchase, ListingGoesDownAndSellsOut) {
  Listing l = open_listing(1, 10000, day(2));
  Purchase p;
  p.grams = 4000;
  p.on = kToday;
  Listing a = after_purchase(l, p);
  EXPECT_EQ(a.remaining_grams, 6000);
  EXPECT_EQ(a.status, ListingStatus::kOpen);
  p.grams = 6000;
  Listing b = after_purchase(a, p);
  EXPECT_EQ(b.remaining_grams, 0);
  EXPECT_EQ(b.status, ListingStatus::kSold);
  EXPECT_EQ(b.closed_on, kToday);
  // Sold or withdrawn: no more purchases, no withdrawal.
  Purchase more;
  more.grams = 1;
  more.fen_per_jin = 100;
  PurchaseContext ctx{kToday, &b, 1000000, 0, {}};
  auto r = make_purchase(more, ctx);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "purchase.listing_closed");
  EXPECT_EQ(r.error().kind, ErrorKind::kConflict);
  EXPECT_FALSE(withdraw(b, kToday).ok());
  auto w = withdraw(a, kToday);
  ASSERT_TRUE(w.ok());
  EXPECT_EQ(w->status, ListingStatus::kWithdrawn);
  EXPECT_EQ(w->remaining_grams, 6000);
}

TEST(ProducePurchase, FutureDateAndMismatchRefused) {
  Listing l = open_listing(1, 10000, day(2), "radish");
  Purchase p;
  p.grams = 500;
  p.fen_per_jin = 100;
  p.kind = "cabbage";
  PurchaseContext ctx{kToday, &l, 1000000, 0, {}};
  auto r = make_purchase(p, ctx);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "purchase.listing_mismatch");
  p.kind = "";
  p.on = day(1);
  r = make_purchase(p, ctx);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "purchase.date_future");
}

TEST(ProducePrices, Validation) {
  std::vector<Price> ok = {{"白菜", 120}, {"radish", 90}};
  ASSERT_TRUE(validate_prices(ok).ok());
  EXPECT_EQ(ok[0].kind, "cabbage");
  std::vector<Price> dup = {{"cabbage", 120}, {"白菜", 90}};
  auto st = validate_prices(dup);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().field, "prices[1].kind");
  std::vector<Price> zero = {{"cabbage", 0}};
  EXPECT_EQ(validate_prices(zero).error().field, "prices[0].price");
}

TEST(ProduceBackstop, DueListings) {
  struct Case {
    int sell_by;
    int listed;
    ListingStatus status;
    int64_t remaining;
    bool due;
  } cases[] = {
      {0, -3, ListingStatus::kOpen, 10, true},       {2, -3, ListingStatus::kOpen, 10, true},
      {3, -3, ListingStatus::kOpen, 10, false},   // not near yet
      {-1, -3, ListingStatus::kOpen, 10, false},  // past: spoiled
      {1, 1, ListingStatus::kOpen, 10, false},    // listed later
      {1, -3, ListingStatus::kWithdrawn, 10, false}, {1, -3, ListingStatus::kOpen, 0, false},
  };
  for (const auto& c : cases) {
    Listing l = open_listing(1, 10, day(c.sell_by));
    l.listed_on = day(c.listed);
    l.status = c.status;
    l.remaining_grams = c.remaining;
    EXPECT_EQ(due_for_backstop(l, kToday, 2), c.due) << c.sell_by << " " << c.listed;
  }
}

TEST(ProduceBackstop, SelectionOrder) {
  BackstopBuyer county{1, "机关食堂", "", "430281", 1000, {{"cabbage", 80}, {"radish", 60}}};
  BackstopBuyer town{2, "镇政府食堂", "", "430281122", 300, {{"cabbage", 90}}};
  BackstopBuyer other_town{3, "他镇食堂", "", "430281105", 5000, {{"cabbage", 99}}};
  // Listing 1: due later; 2: due first; 3: same day as 1 but a poor household
  // (goes before 1); 4: radish (only the county canteen); 5: far from sell-by.
  std::vector<DispatchListing> ls = {
      {open_listing(1, 400, day(2)), false}, {open_listing(2, 200, day(0)), false},
      {open_listing(3, 500, day(2)), true},  {open_listing(4, 100, day(1), "radish"), false},
      {open_listing(5, 100, day(5)), true},
  };
  std::vector<BuyerCapacity> caps = {{&county, 1000}, {&town, 300}, {&other_town, 5000}};
  auto plan = plan_backstop(ls, caps, kToday, 2);
  struct Want {
    int64_t listing, buyer, grams, fen;
  } want[] = {
      {2, 2, 200, 90},  // nearest sell-by; the township's own canteen first
      {4, 1, 100, 60},  // radish, sell-by tomorrow: the county canteen
      {3, 2, 100, 90},  // poor household before listing 1; the township canteen's last 100
      {3, 1, 400, 80},  // the rest to the county canteen
      {1, 1, 400, 80},  // county canteen: 1000 - 100 - 400 = 500 left, takes 400
  };
  ASSERT_EQ(plan.size(), std::size(want));
  for (size_t i = 0; i < plan.size(); ++i) {
    EXPECT_EQ(plan[i].listing_id, want[i].listing) << i;
    EXPECT_EQ(plan[i].buyer_id, want[i].buyer) << i;
    EXPECT_EQ(plan[i].grams, want[i].grams) << i;
    EXPECT_EQ(plan[i].fen_per_jin, want[i].fen) << i;
  }
}

TEST(ProduceBackstop, CapacityRunsOut) {
  BackstopBuyer b{1, "食堂", "", "430281", 100, {{"cabbage", 80}}};
  std::vector<DispatchListing> ls = {{open_listing(1, 80, day(0)), false},
                                     {open_listing(2, 80, day(1)), false}};
  auto plan = plan_backstop(ls, {{&b, 100}}, kToday, 2);
  ASSERT_EQ(plan.size(), 2u);
  EXPECT_EQ(plan[0].grams, 80);
  EXPECT_EQ(plan[1].grams, 20);  // what is left; the rest stays unsold
}

}  // namespace
}  // namespace lz::livelihood
