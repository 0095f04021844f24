// The demo county's spring farming (春耕), from the seed: about 1,000
// cooperatives over the villages, 120 agricultural technicians each assigned
// to villages and cooperatives, a depot in every township receiving 30,000
// jin of seed, 3,000 t of fertilizer and 6,000 sprayers in all (plus plastic
// film and pesticide), requests from cooperatives and poor households, and
// distributions since 5 February that fulfil some of them (wholly or in
// part). Written through SuppliesService (the API's rules) in one transaction.
#include <fmt/format.h>

#include <algorithm>
#include <numeric>

#include "app/supplies_service.h"
#include "demo/livelihood_generator.h"
#include "demo/names.h"
#include "demo/rng.h"

namespace lz::demo {

namespace {

using namespace lz::livelihood;

struct Place {
  std::string code, name;
};

std::vector<Place> places(sqlite::Db& db, const char* level) {
  std::vector<Place> out;
  auto s = db.prepare("SELECT code, name FROM region WHERE level = ? ORDER BY code");
  s.bind(1, level);
  while (s.step()) {
    auto c = RegionCode::parse(s.str(0));
    if (c) out.push_back({c->str(), s.str(1)});
  }
  return out;
}

// Splits total (in whole units) over n parts, each at least 1 when possible.
std::vector<int64_t> split(Rng& rng, int64_t total, size_t n) {
  std::vector<double> w(n);
  for (auto& x : w) x = 0.5 + rng.unit();
  double sum = std::accumulate(w.begin(), w.end(), 0.0);
  std::vector<int64_t> out(n);
  int64_t used = 0;
  for (size_t i = 0; i < n; ++i) used += out[i] = static_cast<int64_t>(total * w[i] / sum);
  for (size_t i = 0; used < total; i = (i + 1) % n, ++used) ++out[i];
  return out;
}

const char* kProduce[] = {"水稻", "蔬菜",     "油茶",   "生猪", "烤烟",
                          "水果", "花卉苗木", "中药材", "茶叶", "水产"};
const char* kSpeciality[] = {"水稻栽培", "植物保护", "土壤肥料", "蔬菜园艺",
                             "果树",     "农业机械", "畜牧兽医"};

}  // namespace

Status generate_supplies(sqlite::SqliteStore& store, Date as_of, uint64_t seed) {
  Rng rng = Rng::derive(seed, "livelihood.supplies");
  auto& db = store.db();
  sqlite::SqliteSuppliesStore ss(db, store.audit());
  app::SuppliesService svc(ss, [as_of] { return as_of; });
  Actor actor{"demo", "", "county_admin"};
  const NameMaker& names = NameMaker::instance();
  const Date received = *Date::from_ymd(2020, 1, 20);
  const Date start = *Date::from_ymd(2020, 2, 5);

  sqlite::Tx tx(db);
  LZ_TRY(tx.begin_status());
  auto townships = places(db, "township");
  auto villages = places(db, "village");
  if (townships.empty() || villages.empty()) return Status::Ok();

  // Depots, one per township, and their stock.
  std::vector<Depot> depots;
  for (const auto& t : townships) {
    Depot d;
    d.name = fmt::format("{}农资仓库", t.name);
    d.region_code = t.code;
    d.keeper_name = names.full(rng, rng.chance(0.7));
    d.keeper_phone = mobile_number(rng);
    d.address = fmt::format("醴陵市{}农技站", t.name);
    auto made = svc.create_depot(d, actor);
    if (!made) return made.error();
    depots.push_back(*made);
  }
  struct Total {
    const char* item;
    int64_t units;
  };
  const Total totals[] = {{"seed", 30'000},
                          {"fertilizer", 3'000},
                          {"sprayer", 6'000},
                          {"plastic_film", 20'000},
                          {"pesticide", 8'000}};
  for (const auto& t : totals) {
    auto parts = split(rng, t.units, depots.size());
    for (size_t i = 0; i < depots.size(); ++i) {
      if (parts[i] == 0) continue;
      auto r =
          svc.receive(depots[i].id, t.item, parts[i] * kMilli, received, "县农业农村局调拨", actor);
      if (!r) return r.error();
    }
  }

  // About 1,000 cooperatives over the villages.
  std::vector<Cooperative> coops;
  for (int i = 0; i < 1000; ++i) {
    const Place& v =
        villages[static_cast<size_t>(rng.uniform(0, static_cast<int64_t>(villages.size()) - 1))];
    Cooperative c;
    const char* produce = kProduce[rng.uniform(0, static_cast<int64_t>(std::size(kProduce)) - 1)];
    std::string stem = v.name;
    for (const char* suf : {"村", "社区", "居委会"})
      if (stem.size() > std::string(suf).size() && stem.ends_with(suf))
        stem.resize(stem.size() - std::string(suf).size());
    c.name = fmt::format("醴陵市{}{}{}专业合作社", stem, produce, i % 7 == 0 ? "种养" : "");
    c.region_code = v.code;
    c.leader_name = names.full(rng, rng.chance(0.8));
    c.leader_phone = mobile_number(rng);
    c.members = rng.uniform(5, 120);
    c.produce = produce;
    auto made = svc.create_cooperative(c, actor);
    if (!made) return made.error();
    coops.push_back(*made);
  }

  // 120 technicians, each for 2-4 villages or cooperatives of their township.
  for (int i = 0; i < 120; ++i) {
    const Place& t = townships[static_cast<size_t>(i) % townships.size()];
    Technician tech;
    tech.name = names.full(rng, rng.chance(0.7));
    tech.phone = mobile_number(rng);
    tech.speciality = kSpeciality[rng.uniform(0, static_cast<int64_t>(std::size(kSpeciality)) - 1)];
    tech.region_code = t.code;
    auto made = svc.create_technician(tech, actor);
    if (!made) return made.error();
    std::vector<const Place*> vs;
    for (const auto& v : villages)
      if (v.code.starts_with(t.code)) vs.push_back(&v);
    std::vector<const Cooperative*> cs;
    for (const auto& c : coops)
      if (c.region_code.starts_with(t.code)) cs.push_back(&c);
    int n = static_cast<int>(rng.uniform(2, 4));
    for (int k = 0; k < n; ++k) {
      TechnicianAssignment a;
      a.technician_id = made->id;
      a.from = *Date::from_ymd(2020, 2, static_cast<int>(rng.uniform(1, 10)));
      if (a.from > as_of) a.from = as_of;
      if (!cs.empty() && rng.chance(0.5))
        a.cooperative_id =
            cs[static_cast<size_t>(rng.uniform(0, static_cast<int64_t>(cs.size()) - 1))]->id;
      else if (!vs.empty())
        a.village_code =
            vs[static_cast<size_t>(rng.uniform(0, static_cast<int64_t>(vs.size()) - 1))]->code;
      else
        continue;
      auto as = svc.assign(a, actor);
      if (!as) return as.error();
    }
  }

  // Requests: cooperatives and poor households; distributions from their township's depot.
  std::vector<int64_t> poor;
  {
    auto s = db.prepare(
        "SELECT household_id FROM poverty_household WHERE status IN ('registered_poor','lifted') "
        "ORDER BY "
        "household_id LIMIT 400");
    while (s.step()) poor.push_back(s.i64(0));
  }
  auto depot_for = [&](const std::string& region) -> const Depot* {
    for (const auto& d : depots)
      if (region.starts_with(d.region_code)) return &d;
    return &depots.front();
  };
  const char* items[] = {"seed",    "seed",         "fertilizer", "fertilizer",
                         "sprayer", "plastic_film", "pesticide"};
  int requests = 0;
  for (int i = 0; i < 600; ++i) {
    SupplyRequest r;
    bool from_coop = poor.empty() || rng.chance(0.6);
    if (from_coop)
      r.cooperative_id =
          coops[static_cast<size_t>(rng.uniform(0, static_cast<int64_t>(coops.size()) - 1))].id;
    else
      r.household_id =
          poor[static_cast<size_t>(rng.uniform(0, static_cast<int64_t>(poor.size()) - 1))];
    r.item = items[rng.uniform(0, static_cast<int64_t>(std::size(items)) - 1)];
    // Households ask little; cooperatives more.
    int64_t units = r.item == std::string("seed")
                        ? rng.uniform(from_coop ? 20 : 5, from_coop ? 200 : 30)
                    : r.item == std::string("fertilizer") ? rng.uniform(1, from_coop ? 5 : 1)
                    : r.item == std::string("sprayer")    ? rng.uniform(1, from_coop ? 6 : 1)
                                                          : rng.uniform(5, from_coop ? 60 : 15);
    r.quantity = units * kMilli;
    if (r.item == std::string("fertilizer") && !from_coop)
      r.quantity = rng.uniform(1, 4) * 250;  // 0.25-1 t
    r.requested_on = start.plus_days(static_cast<int>(rng.uniform(-3, 4)));
    if (r.requested_on > as_of) r.requested_on = as_of;
    r.needed_by = r.requested_on.plus_days(static_cast<int>(rng.uniform(5, 30)));
    auto made = svc.create_request(r, actor);
    if (!made) return made.error();
    ++requests;
    // About 70% served so far: most wholly, some in part.
    if (!rng.chance(0.7)) continue;
    Distribution d;
    d.depot_id = depot_for(made->region_code)->id;
    d.item = made->item;
    d.request_id = made->id;
    d.quantity = made->quantity;
    if (rng.chance(0.25)) {
      const SupplyItem* it = find_supply_item(d.item);
      d.quantity = it->whole ? std::max<int64_t>(kMilli, (made->quantity / 2) / kMilli * kMilli)
                             : made->quantity / 2;
    }
    d.on = std::min(as_of, made->requested_on.plus_days(static_cast<int>(rng.uniform(0, 5))));
    auto dist = svc.distribute(d, actor);
    if (!dist && dist.error().code != "supply.insufficient") return dist.error();
  }
  (void)requests;
  LZ_TRY(tx.commit());
  return Status::Ok();
}

}  // namespace lz::demo
