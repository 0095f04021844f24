#include "app/poverty_service.h"

#include <fmt/format.h>

#include <chrono>

#include "store/sqlite/db.h"
#include "store/sqlite/sqlite_regions.h"

namespace lz::app {

using namespace lz::poverty;

Result<HouseholdFacts> PovertyService::facts(int64_t household_id) {
  const poverty::CheckConfig cfg = config();  // today, once per call
  sqlite::FactsFilter f;
  f.household_id = household_id;
  f.year = cfg.year;
  auto all = store_.load_facts(f);
  if (!all) return all.error();
  if (all->empty())
    return not_found(
        "household.not_in_register", "household_id",
        fmt::format("户{}不在扶贫对象名单中（建档立卡户或边缘户）", household_id),
        fmt::format("Household {} is not in the poverty register (registered or marginal)",
                    household_id));
  return std::move(all->front());
}

static std::optional<ClassOverride> stored_override(sqlite::SqlitePovertyStore& store,
                                                    int64_t hid) {
  auto c = store.stored_class(hid);
  if (!c || !*c || !(*c)->override_class) return std::nullopt;
  ClassOverride o;
  o.cls = parse<PovertyClass>(*(*c)->override_class).value_or(PovertyClass::kKeySupport);
  o.reason = (*c)->override_reason.value_or("");
  o.by = (*c)->override_by.value_or("");
  o.on = Date::parse_iso((*c)->override_at.value_or("")).value_or(Date());
  return o;
}

Result<HouseholdCheck> PovertyService::recheck(int64_t household_id, const Actor& actor) {
  const poverty::CheckConfig cfg = config();  // today, once per call
  auto h = facts(household_id);
  if (!h) return h.error();
  HouseholdCheck out;
  out.result = check(*h, cfg);
  out.classification = classify(*h, out.result, cfg, stored_override(store_, household_id));
  auto existing = store_.tasks_of(household_id);
  if (!existing) return existing.error();
  out.tasks = reconcile(*h, *existing, out.result, cfg.as_of, cfg);
  LZ_TRY(store_.save_check(out.result, out.classification, now_iso()));
  LZ_TRY(store_.apply(out.tasks, actor));
  return out;
}

Status PovertyService::change_responsible(int64_t household_id, const Actor& actor,
                                          const std::function<Status()>& change) {
  sqlite::Tx tx(store_.db());
  LZ_TRY(tx.begin_status());
  LZ_TRY(change());
  auto checked = recheck(household_id, actor);
  if (!checked && checked.error().code != "household.not_in_register") return checked.error();
  return tx.commit();
}

Result<RegionCheck> PovertyService::check_region(const std::string& prefix, bool apply,
                                                 const Actor& actor) {
  const poverty::CheckConfig cfg = config();  // today, once per call
  RegionCheck out;
  auto t0 = std::chrono::steady_clock::now();
  sqlite::FactsFilter f;
  f.region_prefix = prefix;
  f.year = cfg.year;
  auto all = store_.load_facts(f);
  if (!all) return all.error();
  auto t1 = std::chrono::steady_clock::now();
  // County and townships (the 9-digit prefix) from one pass over the households.
  GroupedSummary sums = check_all_grouped(*all, cfg, 9);
  out.county = std::move(sums.all);
  auto t2 = std::chrono::steady_clock::now();
  out.load_seconds = std::chrono::duration<double>(t1 - t0).count();
  out.check_seconds = std::chrono::duration<double>(t2 - t1).count();
  for (const auto& h : *all)
    for (const auto& r : h.risks)
      if (r.is_open()) {
        ++out.monitored;
        break;
      }
  for (auto& [code, summary] : sums.groups) {  // township names from the database's tree
    auto r = sqlite::read_region(store_.db(), code);
    if (!r) return r.error();
    out.townships.push_back({code, *r ? (*r)->name : code, std::move(summary)});
  }
  if (apply) {
    for (const auto& h : *all) {
      CheckResult res = check(h, cfg);
      Classification cls = classify(h, res, cfg, stored_override(store_, h.household_id));
      auto existing = store_.tasks_of(h.household_id);
      if (!existing) return existing.error();
      Reconciliation rec = reconcile(h, *existing, res, cfg.as_of, cfg);
      out.tasks_opened += static_cast<int64_t>(rec.opened.size());
      out.tasks_closed += static_cast<int64_t>(rec.closed.size());
      out.tasks_reopened += static_cast<int64_t>(rec.reopened.size());
      LZ_TRY(store_.save_check(res, cls, now_iso()));
      LZ_TRY(store_.apply(rec, actor));
    }
  }
  out.facts = std::move(all).value();
  return out;
}

Result<GapTask> PovertyService::act_on_task(int64_t task_id, const std::string& action,
                                            const TaskActor& who, const std::string& note,
                                            const std::string& evidence,
                                            const std::string& photo_ref, std::optional<Date> on,
                                            const Actor& actor) {
  const poverty::CheckConfig cfg = config();  // today, once per call
  auto t = store_.task(task_id);
  if (!t) return t.error();
  Date day = on.value_or(cfg.as_of);
  Result<GapTask> next = *t;
  if (action == "fix") {
    next = record_fix(*t, who, TaskFix{note, evidence, photo_ref, day, who.login}, cfg.as_of);
  } else if (action == "verify") {
    next = verify(*t, who, day, note, cfg.as_of);
  } else if (action == "return") {
    next = send_back(*t, who, day, note, cfg.as_of);
  } else {
    return invalid(
        "task.unknown_action", "action",
        fmt::format("操作“{}”无效，可选：fix（整改）、verify（核实）、return（退回）", action),
        fmt::format("Unknown action \"{}\": use fix, verify or return", action));
  }
  if (!next) return next.error();
  return store_.save_task(*next, action.c_str(), actor);
}

Result<RiskCase> PovertyService::open_monitoring(int64_t household_id, const Trigger& trigger,
                                                 const std::string& source, const Actor& actor) {
  const poverty::CheckConfig cfg = config();  // today, once per call
  auto h = facts(household_id);
  if (!h) return h.error();
  auto c = open_case(*h, trigger, cfg.as_of, cfg);
  if (!c) return c.error();
  return store_.save_risk(*c, source, actor);
}

Result<RiskCase> PovertyService::eliminate(int64_t case_id, const Elimination& e,
                                           const Actor& actor) {
  const poverty::CheckConfig cfg = config();  // today, once per call
  auto c = store_.risk(case_id);
  if (!c) return c.error();
  auto h = facts(c->household_id);
  if (!h) return h.error();
  auto closed = poverty::eliminate(*h, *c, e, cfg.as_of, cfg);
  if (!closed) return closed.error();
  return store_.save_risk(*closed, "", actor);
}

}  // namespace lz::app
