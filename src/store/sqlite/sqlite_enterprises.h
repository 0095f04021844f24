// SqliteEnterpriseStore: the livelihood front's enterprise register, the
// resumption checklists and their approvals, workers and their daily
// temperature reports, on a SQLite connection (shared with SqliteStore, so a
// record and its audit entry commit together, and a use case's records and
// its reactions on the other fronts too: a fever's key person).
// Persistence only: the rules live in src/livelihood/ and app/enterprise_service.
//
// Called by app::EnterpriseService only (handlers go through the service).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "livelihood/enterprise.h"
#include "livelihood/resumption.h"
#include "store/audit.h"
#include "store/sqlite/db.h"
#include "store/sqlite/sqlite_livelihood.h"

namespace lz::sqlite {

class SqliteEnterpriseStore {
 public:
  SqliteEnterpriseStore(Db& db, AuditLog& audit) : db_(db), audit_(audit) {}
  Db& db() { return db_; }

  // An enterprise with its (draft) resumption application. A credit code
  // already registered: enterprise.duplicate (409).
  Result<livelihood::Enterprise> add_enterprise(livelihood::Enterprise e, const Actor& actor);
  Result<livelihood::Enterprise> enterprise(int64_t id);
  // Optimistic: expected_version must match (enterprise.stale otherwise).
  Result<livelihood::Enterprise> update_enterprise(const livelihood::Enterprise& e,
                                                   int64_t expected_version, const Actor& actor);

  struct EnterpriseQuery {
    std::string region_prefix;       // "" = all
    std::optional<int64_t> only_id;  // an enterprise account: theirs
    std::string kind, state;         // "" = any
    std::string q;                   // name contains
    int64_t limit = 50, offset = 0;
  };
  struct EnterpriseRow {
    livelihood::Enterprise e;
    livelihood::ResumptionState state = livelihood::ResumptionState::kDraft;
    std::optional<Date> approved_on;
    int64_t workers = 0;
  };
  Result<ListResult<EnterpriseRow>> enterprises(const EnterpriseQuery& q);

  Result<livelihood::Resumption> resumption(int64_t enterprise_id);
  // Saves a new state of the application if its version is still r.version
  // (resumption.stale otherwise); `action` goes to the audit trail.
  Result<livelihood::Resumption> save_resumption(const livelihood::Resumption& r,
                                                 const char* action, const Actor& actor);
  Result<livelihood::Workforce> workforce(int64_t enterprise_id);

  struct WorkerView {
    livelihood::Worker w;
    std::optional<int64_t> household_id;  // the registry person's household
    std::string poverty_status;           // registered_poor | lifted | marginal | ""
    std::string enterprise_name;
    std::string enterprise_region;
  };
  // Links the registry person with the worker's ID number; the same ID number
  // twice in one enterprise: worker.duplicate (409).
  Result<WorkerView> add_worker(livelihood::Worker w, const Actor& actor);
  Result<WorkerView> worker(int64_t id);
  Result<WorkerView> declare_health(int64_t worker_id, Date on, const std::string& note,
                                    const Actor& actor);
  // A worker who left (active = false) no longer counts for the checklist
  // nor is expected in the daily reports; one who came back counts again.
  Result<WorkerView> set_worker_active(int64_t worker_id, bool active, const Actor& actor);
  Result<ListResult<WorkerView>> workers(int64_t enterprise_id, int64_t limit, int64_t offset);
  // A registry person's jobs (every enterprise they work at).
  Result<std::vector<WorkerView>> jobs_of_person(int64_t person_id);

  struct TemperatureRow {
    int64_t id = 0;
    int64_t worker_id = 0, enterprise_id = 0;
    std::string worker_name;
    Date on;
    int temperature_tenths = 0;
    std::vector<std::string> symptoms;
    std::string note;
    std::optional<int64_t> key_person_id;
  };
  // One row per reading (inside the caller's transaction); a reading for a
  // worker already reported that day: temperature.duplicate (409) at
  // readings[i].worker_id. One audit entry for the batch.
  Result<std::vector<TemperatureRow>> add_temperatures(const livelihood::TemperatureBatch& b,
                                                       const Actor& actor);
  Status set_referral(int64_t temperature_id, int64_t key_person_id);
  Result<std::vector<TemperatureRow>> temperatures(int64_t enterprise_id, Date on);

 private:
  Status log(const Actor& actor, const char* action, const char* entity, int64_t id,
             const std::string& before, const std::string& after) {
    return audit_record(audit_, actor, action, entity, id, before, after);
  }
  Db& db_;
  AuditLog& audit_;
};

}  // namespace lz::sqlite
