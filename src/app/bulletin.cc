#include "app/bulletin.h"

#include <fmt/format.h>
#include <sqlite3.h>

#include "app/bulletin_cache.h"

#include "core/region_code.h"
#include "epidemic/bulletin.h"
#include "epidemic/bulletin_series.h"
#include "livelihood/units.h"
#include "store/sqlite/sqlite_bulletin.h"
#include "store/sqlite/sqlite_livelihood.h"
#include "store/sqlite/sqlite_regions.h"

namespace lz::app {

using nlohmann::json;

namespace {

json bulletin_json(const epidemic::Bulletin& b, Date date, const std::string& prefix,
                   const Region& region);

// The region asked for, or the database's county.
Result<std::pair<std::string, Region>> bulletin_region(sqlite::Db& db,
                                                       const std::string& region_code) {
  if (region_code.empty()) {
    auto county = sqlite::read_county(db);
    if (!county) return county.error();
    return std::pair{county->code, std::move(county).value()};
  }
  auto code = RegionCode::parse(region_code, "region");
  if (!code) return code.error();
  std::string prefix = code->str();
  auto region = sqlite::read_region(db, prefix);
  if (!region) return region.error();
  if (!*region)
    return not_found("region.not_found", "region", fmt::format("区划代码“{}”不存在", prefix),
                     fmt::format("There is no region with code \"{}\"", prefix));
  return std::pair{prefix, std::move(**region)};
}

// The livelihood section (issue 6): jin and yuan as numbers, supplies per item.
Result<json> livelihood_json(sqlite::Db& db, Date d, const std::string& prefix) {
  livelihood::LivelihoodFigures f;
  LZ_TRY(sqlite::fill_livelihood_figures(db, d, prefix, f));
  json supplies = json::object();
  for (const auto& [item, total] : f.supplies_distributed)
    supplies[item] = {{"quantity", total.quantity}, {"unit", total.unit}};
  return json{{"produce_bought_jin_today", livelihood::grams_to_jin(f.produce_bought_grams_today)},
              {"produce_bought_jin_total", livelihood::grams_to_jin(f.produce_bought_grams_total)},
              {"paid_to_poor_households_yuan_total",
               livelihood::fen_to_yuan(f.paid_to_poor_households_fen_total)},
              {"produce_unsold_jin", livelihood::grams_to_jin(f.produce_unsold_grams)},
              {"poor_labourers_placed", f.poor_labourers_placed},
              {"welfare_posts_filled", f.welfare_posts_filled},
              {"enterprises_resumed", f.enterprises_resumed},
              {"supplies_distributed", supplies}};
}

}  // namespace

namespace {

// Answers from the cache while the data is unchanged (see bulletin_cache.h):
// `compute` runs only on a miss, and its reads start after the generation
// was taken, so a commit during them only makes the kept answer unusable.
template <typename F>
Result<json> cached(sqlite::Db& db, const std::string& what, F&& compute) {
  auto& cache = BulletinCache::instance();
  std::optional<uint64_t> generation;
  std::string key;
  if (cache.enabled()) generation = db.generation();
  if (generation) {
    // One database file per key (connections to the same file share answers);
    // an in-memory database by its connection.
    const char* file = sqlite3_db_filename(db.handle(), "main");
    key = (file && *file) ? std::string(file) : fmt::format("mem:{}", fmt::ptr(&db));
    key += "|" + what;
    if (auto hit = cache.get(key, *generation)) return *hit;
  }
  auto r = compute();
  if (r && generation) cache.put(key, *generation, *r);
  return r;
}

Result<json> compute_series(sqlite::Db& db, Date from, Date to, const std::string& prefix,
                            const Region& region) {
  auto data = sqlite::load_bulletin_data(db, to, from);  // passages of from..to only
  if (!data) return data.error();
  auto bulletins = epidemic::compute_bulletin_series(data->input(), from, to, prefix);
  json days = json::array();
  for (const epidemic::Bulletin& b : bulletins) {
    json day = bulletin_json(b, b.date, prefix, region);
    auto lv = livelihood_json(db, b.date, prefix);
    if (!lv) return lv.error();
    day["livelihood"] = std::move(*lv);
    days.push_back(std::move(day));
  }
  return json{{"region", {{"code", prefix}, {"name", region.name}}},
              {"from", from.iso()},
              {"to", to.iso()},
              {"days", std::move(days)}};
}

Result<json> compute_by_child(sqlite::Db& db, Date date, const std::string& prefix,
                              const Region& region) {
  auto children = sqlite::read_children(db, prefix);
  if (!children) return children.error();
  std::vector<const Region*> kids;
  for (const Region& k : *children) kids.push_back(&k);
  json regions = json::array();
  if (!kids.empty()) {
    std::vector<std::string> prefixes;
    for (const Region* k : kids) prefixes.push_back(k->code);
    auto data = sqlite::load_bulletin_data(db, date, date);
    if (!data) return data.error();
    auto counts = sqlite::registry_counts(db, prefixes);
    if (!counts) return counts.error();
    auto bulletins = epidemic::compute_bulletins_by_region(data->input(), date, prefixes);
    for (size_t i = 0; i < kids.size(); ++i) {
      json b = bulletin_json(bulletins[i], date, kids[i]->code, *kids[i]);
      auto lv = livelihood_json(db, date, kids[i]->code);
      if (!lv) return lv.error();
      b["livelihood"] = std::move(*lv);
      b["level"] = level_name(kids[i]->level);
      const sqlite::RegistryCounts& rc = (*counts)[i];
      b["registry"] = {{"households", rc.households},
                       {"persons", rc.persons},
                       {"poor_households", rc.poor_households}};
      regions.push_back(std::move(b));
    }
  }
  return json{{"date", date.iso()},
              {"region", {{"code", prefix}, {"name", region.name}}},
              {"regions", std::move(regions)}};
}

}  // namespace

Result<json> bulletin_series(sqlite::Db& db, Date from, Date to, const std::string& region_code) {
  if (to < from)
    return invalid("bulletin.range", "to", "结束日期不能早于开始日期",
                   "to must not be before from");
  if (to - from > 366)
    return invalid("bulletin.range_too_long", "from", "一次最多查询367天",
                   "At most 367 days at a time");
  auto r = bulletin_region(db, region_code);
  if (!r) return r.error();
  return cached(db, fmt::format("series|{}|{}|{}", from.iso(), to.iso(), r->first),
                [&] { return compute_series(db, from, to, r->first, r->second); });
}

Result<json> daily_bulletin(sqlite::Db& db, Date date, const std::string& region_code) {
  auto r = bulletin_region(db, region_code);
  if (!r) return r.error();
  return cached(db, fmt::format("day|{}|{}", date.iso(), r->first), [&]() -> Result<json> {
    auto data = sqlite::load_bulletin_day(db, date, r->first);  // the region's records only
    if (!data) return data.error();
    json out = bulletin_json(epidemic::compute_bulletin(data->input(), date, r->first), date,
                             r->first, r->second);
    auto lv = livelihood_json(db, date, r->first);
    if (!lv) return lv.error();
    out["livelihood"] = std::move(*lv);
    return out;
  });
}

Result<json> bulletin_by_child_region(sqlite::Db& db, Date date, const std::string& region_code) {
  auto r = bulletin_region(db, region_code);
  if (!r) return r.error();
  return cached(db, fmt::format("children|{}|{}", date.iso(), r->first),
                [&] { return compute_by_child(db, date, r->first, r->second); });
}

namespace {

json bulletin_json(const epidemic::Bulletin& b, Date date, const std::string& prefix,
                   const Region& region) {
  const auto& e = b.epidemic;
  const auto& k = e.key_persons_by_category;
  return json{
      {"date", date.iso()},
      {"region", {{"code", prefix}, {"name", region.name}}},
      {"epidemic",
       {{"confirmed_new", e.confirmed_new},
        {"confirmed_total", e.confirmed_total},
        {"discharged_total", e.discharged_total},
        {"in_hospital", e.in_hospital},
        {"deaths_total", e.deaths_total},
        {"suspected", e.suspected},
        {"under_observation", e.under_observation},
        {"observation_home", e.observation_home},
        {"observation_centralized", e.observation_centralized},
        {"released_total", e.released_total},
        {"key_persons_total", e.key_persons_total},
        {"key_persons_by_category",
         {{"confirmed", k.confirmed},
          {"suspected", k.suspected},
          {"fever", k.fever},
          {"close_contact", k.close_contact},
          {"hubei_returnee", k.hubei_returnee}}},
        {"follow_ups_due", e.follow_ups_due},
        {"follow_ups_done", e.follow_ups_done},
        {"follow_ups_overdue", e.follow_ups_overdue},
        {"days_without_new_case",
         e.days_without_new_case ? json(*e.days_without_new_case) : json(nullptr)},
        {"checkpoint_passages", e.checkpoint_passages},
        {"checkpoint_fevers", e.checkpoint_fevers}}},
      {"poverty",
       {{"registered_households", b.poverty.registered_households},
        {"registered_persons", b.poverty.registered_persons},
        {"registered_persons_key_persons", b.poverty.registered_persons_key_persons},
        {"registered_persons_infected", b.poverty.registered_persons_infected},
        {"households_relapse_monitoring", b.poverty.households_relapse_monitoring},
        {"households_relapsed_due_to_epidemic", b.poverty.households_relapsed_due_to_epidemic}}},
      {"cadres", {{"village_stationed", b.cadres.village_stationed}, {"paired", b.cadres.paired}}}};
}

}  // namespace

}  // namespace lz::app
