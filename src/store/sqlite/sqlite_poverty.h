// SqlitePovertyStore: the poverty front's persistence on a SQLite connection
// (shared with SqliteStore, so its writes and their audit entries commit
// together). Loads poverty::HouseholdFacts for the check, keeps the latest
// findings and classes, gap tasks, visits, risk (relapse monitoring) cases
// and the data the check reads. Rules live in src/poverty/, not here.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "poverty/check.h"
#include "poverty/classify.h"
#include "poverty/facts.h"
#include "poverty/tasks.h"
#include "store/audit.h"
#include "store/sqlite/db.h"
#include "store/store.h"

namespace lz::sqlite {

struct FactsFilter {
  std::optional<int64_t> household_id;
  std::string region_prefix;
  bool include_marginal = true;  // marginal households are monitored too
  int year = 2020;               // income year (the check year)
  // How the rows of each table are reached: kChoose picks per table (a scan of
  // the table when the set is a large share of it, else index probes from the
  // register); kScan and kIndex force one way (tests: both give equal facts).
  // kSnapshot reads household_facts rows (one per household, kept in step by
  // triggers) and the tables only for households without a current row;
  // kChoose takes it for sets of the whole register of at least
  // kFactsSnapshotMin households (sqlite_facts_snapshot.cc), and kTables
  // never (the tables, each reached as kChoose picks).
  enum class Path { kChoose, kTables, kScan, kIndex, kSnapshot } path = Path::kChoose;
  // Only these households (sorted ids; empty: no such restriction).
  std::vector<int64_t> household_ids;
};

// The register size from which kChoose loads through household_facts.
inline constexpr int64_t kFactsSnapshotMin = 50000;

struct ConditionInput {
  std::optional<char> housing_grade;
  poverty::Water water;
  std::optional<bool> dibao, tekun;
};

struct TaskQuery {
  std::string region_prefix;
  std::optional<int64_t> cadre_id, household_id;
  std::string state;  // open | fixed | verified | returned | closed_auto | active (open, fixed, returned)
  std::string rule_id;
  bool overdue_only = false;
  Date as_of;
  int64_t limit = 50, offset = 0;
};

struct RiskQuery {
  std::string region_prefix;
  std::optional<int64_t> household_id;
  bool open_only = false;
  std::string category;
  int64_t limit = 50, offset = 0;
};

struct VisitRecord {
  int64_t id = 0, household_id = 0;
  std::optional<int64_t> cadre_id;
  poverty::VisitFacts facts;
  std::string notes, created_by, created_at;
};

struct StoredFinding {
  std::string rule_id, outcome, reason_zh, reason_en, missing_field;
};

struct StoredClass {
  std::string computed, reasons_json;
  std::optional<std::string> override_class, override_reason, override_by, override_at;
  std::string checked_at;
};

class SqlitePovertyStore {
 public:
  SqlitePovertyStore(Db& db, AuditLog& audit) : db_(db), audit_(audit) {}

  // The facts of the filter's households, in household id order.
  Result<std::vector<poverty::HouseholdFacts>> load_facts(const FactsFilter& f);

  // --- the data the check reads (each write audited)
  Status set_condition(int64_t household_id, const ConditionInput& c, const Actor& actor);
  Status set_income(int64_t household_id, int year, const poverty::Income& income, const Actor& actor);
  Status set_member(const poverty::MemberFacts& m, int64_t household_id, const Actor& actor);
  Status set_causes(int64_t household_id, poverty::CauseSet causes, std::optional<poverty::Cause> main,
                    const Actor& actor);
  Result<int64_t> add_loan(int64_t household_id, const poverty::Loan& loan, const Actor& actor);
  Result<int64_t> add_measure(int64_t household_id, const poverty::AssistanceMeasure& m, const std::string& note,
                              const Actor& actor);

  // --- visits
  Result<VisitRecord> add_visit(VisitRecord v, const Actor& actor);
  Result<std::vector<VisitRecord>> visits(int64_t household_id);
  // Households in a region whose last visit is older than `before` (or never), with the date.
  Result<ListResult<std::pair<int64_t, std::string>>> overdue_visits(const std::string& region_prefix,
                                                                    std::optional<int64_t> cadre_id, Date before,
                                                                    int64_t limit, int64_t offset);

  // --- relapse monitoring
  Result<poverty::RiskCase> save_risk(const poverty::RiskCase& c, const std::string& source, const Actor& actor);
  Result<poverty::RiskCase> risk(int64_t id);
  Result<ListResult<poverty::RiskCase>> list_risks(const RiskQuery& q);

  // --- the latest check
  // Replaces the household's findings and class (an override is kept).
  Status save_check(const poverty::CheckResult& r, const poverty::Classification& c, const std::string& checked_at);
  Result<std::vector<StoredFinding>> findings(int64_t household_id);
  Result<std::optional<StoredClass>> stored_class(int64_t household_id);
  Status set_override(int64_t household_id, const poverty::ClassOverride& o, const Actor& actor);
  Status clear_override(int64_t household_id, const Actor& actor);

  // --- gap tasks
  Result<std::vector<poverty::GapTask>> tasks_of(int64_t household_id);
  Result<ListResult<poverty::GapTask>> list_tasks(const TaskQuery& q);
  Result<poverty::GapTask> task(int64_t id);
  // Inserts (id 0) or updates a task, audited as `action`.
  Result<poverty::GapTask> save_task(const poverty::GapTask& t, const char* action, const Actor& actor);
  Status apply(const poverty::Reconciliation& r, const Actor& actor);

  Db& db() { return db_; }

 private:
  // load_facts from the tables (sqlite_poverty_facts.cc) and through the
  // household_facts rows (sqlite_facts_snapshot.cc).
  Result<std::vector<poverty::HouseholdFacts>> load_facts_from_tables(const FactsFilter& f);
  Result<std::vector<poverty::HouseholdFacts>> load_facts_through_snapshot(const FactsFilter& f);
  Status log(const Actor& actor, const char* action, const char* entity, int64_t id, const std::string& before,
             const std::string& after, const std::string& detail = "");
  Db& db_;
  AuditLog& audit_;
};

// Row reader shared with the facts loader: columns household_id, id, category,
// trigger_kind, trigger_on, person_id, kinds, opened_on, deadline, closed_on,
// close_method, note, close_note, closed_by starting at column `c`.
poverty::RiskCase read_risk_case(const Stmt& s, int c);

}  // namespace lz::sqlite
