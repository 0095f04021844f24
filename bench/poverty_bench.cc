// Poverty check benchmark (issue 4): the check over every registered poor
// and marginal household of a database, against the same rules written as
// SQL over the same database, in the same run; and the re-check of one
// household after an edit. Prints one JSON object.
// Usage: lz_bench_poverty DB [repeats]
#include <chrono>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

#include "app/poverty_service.h"
#include "store/sqlite/sqlite_store.h"

using Clock = std::chrono::steady_clock;
static double secs(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

// The rules that SQL can express directly, over the same tables and with the
// same thresholds (config defaults: line 4,000 yuan, dibao 4,400, as of 2020-02-12, year 2020).
static const std::pair<const char*, const char*> kSqlRules[] = {
    {"income.above_line",
     // A kind not recorded (NULL) makes the rule unknown, not a gap: a produce purchase may create
     // the year's row with only business income (the livelihood front never invents a zero wage).
     "SELECT COUNT(*) FROM (SELECT i.household_id, (i.wage_fen+i.business_fen+"
     "i.property_fen+i.transfer_fen-i.business_costs_fen) * 1.0 / "
     "(SELECT COUNT(*) FROM person p WHERE p.household_id = i.household_id AND p.deleted_at IS "
     "NULL) AS pci "
     "FROM poverty_household ph CROSS JOIN poverty_income i WHERE ph.household_id = i.household_id "
     "AND i.year = 2020) "
     "WHERE pci <= 400000"},
    {"housing.safe",
     "SELECT COUNT(*) FROM poverty_condition c JOIN poverty_household ph ON ph.household_id = "
     "c.household_id "
     "WHERE c.housing_grade IN ('C','D')"},
    {"water.safe",
     "SELECT COUNT(*) FROM poverty_condition c JOIN poverty_household ph ON ph.household_id = "
     "c.household_id "
     "WHERE c.water_quality = 0 OR c.water_quantity = 0 OR c.water_convenience = 0 OR "
     "c.water_reliability = 0"},
    {"medical.insurance",
     "SELECT COUNT(DISTINCT m.household_id) FROM poverty_member m WHERE m.basic_medical = 0 OR "
     "m.serious_illness = 0"},
    {"education.enrolment",
     "SELECT COUNT(DISTINCT p.household_id) FROM poverty_household ph CROSS JOIN person p WHERE "
     "p.household_id = "
     "ph.household_id AND p.deleted_at IS NULL AND p.birth_date > '2003-08-31' AND p.birth_date <= "
     "'2013-08-31' "
     "AND p.enrolment IN ('not_enrolled','dropped_out')"},
    {"policy.disability_subsidy",
     "SELECT COUNT(DISTINCT m.household_id) FROM poverty_member m WHERE m.disability_certificate "
     "!= '' AND "
     "m.disability_subsidy = 0"},
    {"policy.microcredit_overdue",
     "SELECT COUNT(DISTINCT l.household_id) FROM microcredit_loan l WHERE l.due_date < "
     "'2020-02-12' AND "
     "l.repaid_fen < l.amount_fen"},
    {"food.secure",
     "SELECT COUNT(*) FROM (SELECT v.household_id, v.food_ok FROM visit v WHERE v.visited_on = "
     "(SELECT "
     "MAX(visited_on) FROM visit w WHERE w.household_id = v.household_id)) WHERE food_ok = 0"},
};

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s DB [repeats]\n", argv[0]);
    return 1;
  }
  int repeats = argc > 2 ? std::atoi(argv[2]) : 3;
  auto store = lz::sqlite::SqliteStore::open(argv[1]);
  if (!store) {
    std::fprintf(stderr, "%s\n", store.error().describe(lz::Lang::kEn).c_str());
    return 2;
  }
  lz::sqlite::SqlitePovertyStore pstore((*store)->db(), (*store)->audit());
  lz::poverty::CheckConfig cfg;
  nlohmann::json out;

  // 1. Load the facts: from the tables (each table scanned or probed), then
  // through household_facts three ways: with no rows yet (reads the tables
  // and writes every row), with every row current, and after 1 % of the
  // households were edited (their rows deleted by the triggers).
  using Path = lz::sqlite::FactsFilter::Path;
  auto load = [&](Path p, const char* key) {
    lz::sqlite::FactsFilter f;
    f.year = cfg.year;
    f.path = p;
    auto t0 = Clock::now();
    auto r = pstore.load_facts(f);
    out[key] = secs(t0, Clock::now());
    return r;
  };
  auto& db = (*store)->db();
  (void)load(Path::kTables, "load_tables_seconds");
  if (!db.exec("DELETE FROM household_facts")) return 2;
  (void)load(Path::kSnapshot, "load_snapshot_first_seconds");
  auto facts = load(Path::kSnapshot, "load_seconds");
  if (!facts) return 2;
  out["households"] = facts->size();
  {
    auto t0 = Clock::now();
    if (!db.exec("UPDATE poverty_income SET wage_fen = wage_fen + 1 WHERE household_id % 100 = 7"))
      return 2;
    out["edit_one_percent_seconds"] = secs(t0, Clock::now());
    (void)load(Path::kSnapshot, "load_after_edits_seconds");
  }
  double best = 1e9;
  lz::poverty::CheckSummary summary;
  for (int i = 0; i < repeats; ++i) {
    auto a = Clock::now();
    summary = lz::poverty::check_all(*facts, cfg);
    best = std::min(best, secs(a, Clock::now()));
  }
  out["check_seconds"] = best;
  out["rules"] = summary.rules.size();

  // 2. The same rules in SQL (the subset SQL can express), best of N.
  double sql_total = 0;
  nlohmann::json sql = nlohmann::json::array();
  for (const auto& [rule, query] : kSqlRules) {
    double b = 1e9;
    int64_t gaps = 0;
    for (int i = 0; i < repeats; ++i) {
      auto a = Clock::now();
      auto s = (*store)->db().prepare(query);
      if (s.step()) gaps = s.i64(0);
      b = std::min(b, secs(a, Clock::now()));
    }
    const auto* tally = summary.find(rule);
    sql.push_back({{"rule", rule},
                   {"seconds", b},
                   {"sql_gaps", gaps},
                   {"check_gaps", tally ? tally->gap : -1}});
    sql_total += b;
  }
  out["sql_rules"] = sql;
  out["sql_seconds"] = sql_total;
  // The C++ check's time for the same subset: its share of all rules, measured
  // as the full check (an upper bound: it evaluates every rule).
  out["speedup_check_vs_sql"] = sql_total / best;
  out["speedup_load_and_check_vs_sql"] = sql_total / (best + out["load_seconds"].get<double>());

  // 3. Re-check of one household after an edit (load, check, classify, save, reconcile).
  lz::app::PovertyService svc(pstore, cfg);
  int64_t hid = facts->at(facts->size() / 2).household_id;
  facts->clear();
  facts->shrink_to_fit();
  const int n = 200;
  auto a = Clock::now();
  for (int i = 0; i < n; ++i) {
    lz::poverty::Income in{100000 + i, 0, 0, 0, 0};
    (void)pstore.set_income(hid, cfg.year, in, lz::Actor{"bench", "", ""});
    auto r = svc.recheck(hid, lz::Actor{"bench", "", ""});
    if (!r) return 2;
  }
  out["edit_and_recheck_ms"] = secs(a, Clock::now()) * 1000 / n;
  std::printf("%s\n", out.dump(2).c_str());
  return 0;
}
