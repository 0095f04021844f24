// The demo county's produce matching (产销对接), from the seed: Shiting town
// (石亭镇) set up a purchase point at each of its 10 checkpoints, buying about
// 10,000 jin of vegetables a day; a few households whose vegetables went
// unsold before being bought (after a delay at a point, or by a backstop
// buyer); canteens of government units and institutions as backstop buyers;
// a few listings open today (the township's public page), some near their
// sell-by date (a dispatch today finds them). Seeded and deterministic; every
// write goes through ProduceService (income credits and re-checks are real),
// all inside one transaction so the full-scale demo stays fast.
#include <fmt/format.h>

#include <algorithm>

#include "app/poverty_service.h"
#include "app/produce_service.h"
#include "demo/livelihood_generator.h"
#include "demo/rng.h"
#include "livelihood/units.h"
#include "store/sqlite/sqlite_epidemic.h"
#include "store/sqlite/sqlite_poverty.h"

namespace lz::demo {

using namespace lz::livelihood;

namespace {

constexpr const char* kShiting = "430281122";
constexpr int kPoints = 10;
constexpr int kDays = 14;  // purchases on the 14 days up to the demo date

struct VegPrice {
  const char* kind;
  int64_t fen;  // base price a jin
  double share;
};
constexpr VegPrice kVegetables[] = {
    {"cabbage", 120, 0.25},       {"radish", 90, 0.2},   {"greens", 180, 0.15},
    {"lettuce", 150, 0.1},        {"celery", 200, 0.08}, {"spinach", 220, 0.07},
    {"garlic_sprout", 300, 0.05}, {"potato", 130, 0.1},
};

struct Hh {
  int64_t id;
  std::string status;
};

}  // namespace

Status generate_produce(sqlite::SqliteStore& store, Date as_of, uint64_t seed) {
  auto& db = store.db();
  Actor actor{"demo", "", "system"};
  sqlite::SqlitePovertyStore pov_store(db, store.audit());
  app::PovertyService poverty(pov_store);
  sqlite::SqliteProduceStore produce_store(db, store.audit());
  app::ProduceService svc(produce_store, poverty, [as_of] { return as_of; });
  Rng rng = Rng::derive(seed, "livelihood.produce");

  // Shiting's households, those in the poverty register first in the draw.
  std::vector<Hh> households, registered;
  {
    auto s = db.prepare(
        "SELECT h.id, COALESCE(ph.status, '') FROM household h LEFT JOIN poverty_household ph ON "
        "ph.household_id = "
        "h.id WHERE h.region_code >= ? AND h.region_code < ? AND h.deleted_at IS NULL ORDER BY "
        "h.id");
    s.bind(1, kShiting).bind(2, std::string(kShiting) + ":");
    while (s.step()) {
      Hh h{s.i64(0), s.str(1)};
      households.push_back(h);
      if (!h.status.empty()) registered.push_back(h);
    }
  }
  if (households.empty()) return Status::Ok();  // a county without Shiting: nothing to do

  sqlite::Tx tx(db);
  LZ_TRY(tx.begin_status());

  // 1. The points, one at each of Shiting's checkpoints (made if missing).
  std::vector<int64_t> checkpoints;
  {
    auto s = db.prepare(
        "SELECT id FROM checkpoint WHERE region_code >= ? AND region_code < ? ORDER BY id");
    s.bind(1, kShiting).bind(2, std::string(kShiting) + ":");
    while (s.step()) checkpoints.push_back(s.i64(0));
  }
  sqlite::SqliteEpidemicStore epi(db, store.audit());
  while (checkpoints.size() < kPoints) {
    int n = static_cast<int>(checkpoints.size()) + 1;
    epidemic::Checkpoint c{
        0,   fmt::format("石亭镇{}号卡点", n), fmt::format("石亭镇入口{}", n), kShiting, kShiting,
        true};
    auto made = epi.add_checkpoint(c, actor);
    if (!made) return made.error();
    checkpoints.push_back(made->id);
  }
  std::vector<int64_t> points;
  for (int i = 0; i < kPoints; ++i) {
    PurchasePoint p;
    p.name = fmt::format("石亭镇{}号卡点农产品收购点", i + 1);
    p.place = fmt::format("石亭镇入口{}", i + 1);
    p.region_code = kShiting;
    p.operator_name = fmt::format("{}号收购点经办人", i + 1);
    p.capacity_grams = 1500 * kGramsPerJin;
    p.checkpoint_id = checkpoints[static_cast<size_t>(i)];
    auto made = svc.create_point(p, actor);
    if (!made) return made.error();
    points.push_back(made->id);
  }

  // 2. Backstop buyers: the city's canteens (county-wide) and Shiting's own.
  struct BuyerSeed {
    const char* name;
    const char* unit;
    const char* region;
    int64_t capacity_jin;
  };
  const BuyerSeed buyers[] = {
      {"醴陵市机关事务中心食堂", "醴陵市机关事务服务中心", "430281", 800},
      {"醴陵市第一中学食堂", "醴陵市第一中学", "430281", 600},
      {"石亭镇政府食堂", "石亭镇人民政府", kShiting, 300},
      {"醴陵市中医院食堂", "醴陵市中医院", "430281", 400},
  };
  for (const auto& b : buyers) {
    BackstopBuyer x;
    x.name = b.name;
    x.unit = b.unit;
    x.region_code = b.region;
    x.capacity_grams = b.capacity_jin * kGramsPerJin;
    for (const auto& v : kVegetables)
      x.floor_fen_per_jin[v.kind] = v.fen * 8 / 10;  // 80% of the base price
    auto made = svc.create_buyer(x, actor);
    if (!made) return made.error();
  }

  // 3. The day's prices at each point (the base price +-10%).
  const Date first = as_of.plus_days(-(kDays - 1));
  for (Date d = first; d <= as_of; d = d.plus_days(1))
    for (int64_t pt : points) {
      std::vector<Price> prices;
      for (const auto& v : kVegetables)
        prices.push_back({v.kind, v.fen * rng.uniform(90, 110) / 100});
      auto set = svc.set_prices(pt, d, prices, actor);
      if (!set) return set.error();
    }

  auto pick_kind = [&]() -> const VegPrice& {
    double r = rng.unit(), acc = 0;
    for (const auto& v : kVegetables) {
      acc += v.share;
      if (r < acc) return v;
    }
    return kVegetables[0];
  };
  auto pick_household = [&]() -> const Hh& {
    if (!registered.empty() && rng.chance(0.5))
      return registered[static_cast<size_t>(
          rng.uniform(0, static_cast<int64_t>(registered.size()) - 1))];
    return households[static_cast<size_t>(
        rng.uniform(0, static_cast<int64_t>(households.size()) - 1))];
  };
  const std::vector<Hh>& sellers = registered.empty() ? households : registered;

  // 4. Households whose vegetables went unsold for days: listed, then bought
  //    after a delay at a point (2..4 days later), or left to the backstop.
  struct Delayed {
    int64_t listing;
    Date buy_on;
    int64_t grams;
  };
  std::vector<Delayed> delayed;
  for (int i = 0; i < 8; ++i) {
    const Hh& h =
        sellers[static_cast<size_t>(rng.uniform(0, static_cast<int64_t>(sellers.size()) - 1))];
    Listing l;
    l.household_id = h.id;
    l.kind = pick_kind().kind;
    l.grams = rng.uniform(200, 600) * kGramsPerJin;
    l.listed_on = as_of.plus_days(-static_cast<int>(rng.uniform(8, 12)));
    l.sell_by = l.listed_on.plus_days(6);
    l.expected_fen_per_jin = 100;
    l.note = "疫情期间交通管制，蔬菜运不出去";
    auto made = svc.add_listing(l, actor);
    if (!made) return made.error();
    if (i < 5)
      delayed.push_back(
          {made->id, l.listed_on.plus_days(static_cast<int>(rng.uniform(2, 4))), l.grams});
    // the other three wait for the backstop dispatch (step 6)
  }

  // 5. The points' daily purchases (~10,000 jin a day in all), walk-ins from
  //    Shiting's households, the delayed listings on their day.
  std::vector<Purchase> batch;
  for (Date d = first; d <= as_of; d = d.plus_days(1)) {
    bool today = d == as_of;
    for (size_t pi = 0; pi < points.size(); ++pi) {
      // ~1,000 jin a point (the demo date: the morning's only).
      int64_t target = (today ? 400 : 1000) * kGramsPerJin * rng.uniform(85, 115) / 100;
      int64_t bought = 0;
      if (pi == 0)
        for (const auto& x : delayed)
          if (x.buy_on == d) {
            Purchase p;
            p.point_id = points[pi];
            p.listing_id = x.listing;
            p.grams = x.grams;
            p.on = d;
            p.note = "滞销数日后收购";
            bought += x.grams;
            batch.push_back(std::move(p));
          }
      while (bought < target) {
        Purchase p;
        p.point_id = points[pi];
        const Hh& h = pick_household();
        p.household_id = h.id;
        p.kind = pick_kind().kind;
        p.grams = std::min<int64_t>(target - bought, rng.uniform(30, 150) * kGramsPerJin);
        p.on = d;
        bought += p.grams;
        batch.push_back(std::move(p));
      }
    }
  }
  auto done = svc.record_purchases(std::move(batch), actor);
  if (!done) return done.error();

  // 6. Backstop dispatches on two past days: the listings left near their
  //    sell-by date go to the canteens at their floor price.
  for (int back : {5, 2}) {
    auto r = svc.dispatch(as_of.plus_days(-back), 2, kShiting, actor);
    if (!r) return r.error();
  }

  // 7. Open today (the public page): fresh listings, some due within 2 days.
  for (int i = 0; i < 12; ++i) {
    const Hh& h = pick_household();
    Listing l;
    l.household_id = h.id;
    l.kind = pick_kind().kind;
    l.grams = rng.uniform(50, 400) * kGramsPerJin;
    l.listed_on = as_of.plus_days(-static_cast<int>(rng.uniform(0, 2)));
    l.sell_by = as_of.plus_days(static_cast<int>(rng.uniform(1, 6)));
    l.expected_fen_per_jin = rng.uniform(80, 200);
    auto made = svc.add_listing(l, actor);
    if (!made) return made.error();
  }
  return tx.commit();
}

}  // namespace lz::demo
