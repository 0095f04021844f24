// See task_generator.h. The history is drawn per task from its own stream
// (Rng::derive(seed, "gap_tasks", task id)), so it does not depend on the
// order the tasks are listed in, and other generators' numbers never move.
#include "demo/task_generator.h"

#include <fmt/format.h>

#include <map>
#include <string_view>

#include "app/poverty_service.h"
#include "demo/rng.h"
#include "registry/region_tree.h"
#include "store/sqlite/sqlite_poverty.h"

namespace lz::demo {

namespace {

using poverty::GapTask;
using poverty::TaskActor;

// What a cadre writes for a fix, by the gap's rule.
std::string_view fix_text(std::string_view rule_id) {
  static const std::map<std::string_view, std::string_view> kText = {
      {"income.above_line", "申报产业奖补，安排公益岗位，收入已重新测算"},
      {"food.secure", "送去大米、食用油，纳入临时救助"},
      {"clothing.secure", "送去棉被、冬衣，纳入临时救助"},
      {"education.enrolment", "入户劝返，已回校就读，落实教育资助"},
      {"medical.insurance", "代缴2020年城乡居民医保个人缴费部分"},
      {"medical.chronic_card", "协助申办门诊慢特病卡，材料已报医保局"},
      {"housing.safe", "申报农村危房改造，已开工加固"},
      {"water.safe", "接通集中供水管网，水质已送检"},
      {"policy.dibao", "申报农村低保，乡镇已入户核查"},
      {"policy.disability_subsidy", "申报困难残疾人生活补贴和重度残疾人护理补贴"},
      {"policy.microcredit_overdue", "协调银行办理续贷展期"},
      {"policy.microcredit_unused", "宣讲扶贫小额信贷政策，户主有意申请，已登记"},
  };
  auto it = kText.find(rule_id);
  return it != kText.end() ? it->second : std::string_view("落实帮扶措施，更新帮扶手册和系统信息");
}

Date between(Rng& rng, Date lo, Date hi) {
  if (hi <= lo) return lo;
  return lo.plus_days(static_cast<int>(rng.uniform(0, hi - lo)));
}

poverty::CheckConfig config_on(Date day, Date as_of) {
  poverty::CheckConfig cfg;
  cfg.as_of = day;
  cfg.year = as_of.year();
  return cfg;
}

}  // namespace

Date first_check_date(Date as_of) {
  return as_of.plus_days(-23);
}

Status open_gap_tasks(sqlite::SqliteStore& store, Date as_of, uint64_t seed) {
  auto& db = store.db();
  sqlite::SqlitePovertyStore poverty_store(db, store.audit());
  const Date first = first_check_date(as_of);
  const Actor actor{"demo", "", "county_admin"};
  sqlite::Tx tx(db);
  LZ_TRY(tx.begin_status());
  // The township-wide check of `first`: a task for every gap found then.
  {
    app::PovertyService earlier(poverty_store, config_on(first, as_of));
    auto run = earlier.check_region("", true, actor);
    if (!run) return run.error();
  }
  // Since then: fixes recorded by the paired cadres, some sent back.
  app::PovertyService today(poverty_store, config_on(as_of, as_of));
  std::vector<GapTask> open;
  sqlite::TaskQuery q;
  q.state = "open";
  q.as_of = as_of;
  q.limit = 1000;
  for (q.offset = 0;; q.offset += q.limit) {
    auto page = poverty_store.list_tasks(q);
    if (!page) return page.error();
    for (auto& t : page->items) open.push_back(std::move(t));
    if (static_cast<int64_t>(page->items.size()) < q.limit) break;
  }
  std::map<int64_t, std::string> cadre_names;
  const auto& tree = RegionTree::liling();
  for (const GapTask& t : open) {
    if (!t.cadre_id) continue;
    Rng rng = Rng::derive(seed, "gap_tasks", static_cast<uint64_t>(t.id));
    if (!rng.chance(0.45)) continue;  // not yet fixed
    auto name = cadre_names.find(*t.cadre_id);
    if (name == cadre_names.end()) {
      auto c = store.cadre(*t.cadre_id);
      if (!c) return c.error();
      name = cadre_names.emplace(*t.cadre_id, c->name).first;
    }
    TaskActor cadre{name->second, Role::kPairedCadre, t.cadre_id, ""};
    const std::string township = t.region_code.substr(0, 9);
    const Region* town = tree.find(township);
    TaskActor officer{fmt::format("{}扶贫办", town ? town->name : township), Role::kTownshipOfficer,
                      std::nullopt, township};
    bool photo = rng.chance(0.5);
    Date fixed_on = between(rng, t.opened_on.plus_days(1), as_of);
    std::string evidence = photo ? "" : "帮扶责任人和户主签字确认";
    std::string photo_ref =
        photo ? fmt::format("IMG_{:04d}{:02d}{:02d}_{:04d}.jpg", fixed_on.year(), fixed_on.month(),
                            fixed_on.day(), rng.uniform(1, 9999))
              : "";
    auto done = today.act_on_task(t.id, "fix", cadre, std::string(fix_text(t.rule_id)), evidence,
                                  photo_ref, fixed_on, actor);
    if (!done) return done.error();
    if (!rng.chance(0.2) || fixed_on >= as_of) continue;  // awaiting verification
    Date returned_on = between(rng, fixed_on.plus_days(1), std::min(as_of, fixed_on.plus_days(3)));
    auto back = today.act_on_task(t.id, "return", officer, "佐证材料不全，请补充整改后照片", "", "",
                                  returned_on, actor);
    if (!back) return back.error();
    if (!rng.chance(0.5) || returned_on >= as_of) continue;  // back with the cadre
    Date again = between(rng, returned_on.plus_days(1), as_of);
    auto refix = today.act_on_task(t.id, "fix", cadre, "补充整改后照片", "",
                                   fmt::format("IMG_{:04d}{:02d}{:02d}_{:04d}.jpg", again.year(),
                                               again.month(), again.day(), rng.uniform(1, 9999)),
                                   again, actor);
    if (!refix) return refix.error();
  }
  return tx.commit();
}

Status finish_gap_tasks(sqlite::SqliteStore& store, Date as_of) {
  auto& db = store.db();
  sqlite::SqlitePovertyStore poverty_store(db, store.audit());
  sqlite::Tx tx(db);
  LZ_TRY(tx.begin_status());
  app::PovertyService today(poverty_store, config_on(as_of, as_of));
  auto run = today.check_region("", true, Actor{"demo", "", "county_admin"});
  if (!run) return run.error();
  return tx.commit();
}

}  // namespace lz::demo
