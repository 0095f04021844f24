// SqliteSuppliesStore: the livelihood front's spring farming (春耕): depots
// and their stock, receipts, requests, distributions (stock never below zero,
// enforced in SQL inside the transaction: the stock row is drawn down only
// `WHERE quantity >= ?`, and a CHECK keeps it non-negative), technicians and
// their assignments, the cooperative register, on a SQLite connection (shared
// with SqliteStore, so a record and its audit entry commit together).
// Persistence only: the rules live in src/livelihood/supplies.h and
// app/supplies_service.
//
// Called by app::SuppliesService only (handlers go through the service).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "livelihood/supplies.h"
#include "store/audit.h"
#include "store/sqlite/db.h"
#include "store/sqlite/sqlite_livelihood.h"

namespace lz::sqlite {

class SqliteSuppliesStore {
 public:
  SqliteSuppliesStore(Db& db, AuditLog& audit) : db_(db), audit_(audit) {}
  Db& db() { return db_; }

  Result<livelihood::Depot> add_depot(livelihood::Depot d, const Actor& actor);
  Result<livelihood::Depot> depot(int64_t id);
  // Saves an edited depot / cooperative if its version is still
  // `expected_version` (409 `<entity>.stale` otherwise), audited with before
  // and after.
  Result<livelihood::Depot> update_depot(const livelihood::Depot& d, int64_t expected_version,
                                         const Actor& actor);
  // Lists: `active` set keeps only active (true) or only closed/inactive (false) records.
  Result<ListResult<livelihood::Depot>> depots(const std::string& region_prefix, int64_t limit,
                                               int64_t offset, std::optional<bool> active = std::nullopt);

  struct StockRow {
    int64_t depot_id = 0;
    std::string depot_name, region_code, item;
    int64_t quantity = 0;  // milli-units
  };
  // Stock per depot and item under a region (or of one depot).
  Result<std::vector<StockRow>> stock(const std::string& region_prefix,
                                      std::optional<int64_t> depot_id);
  // Adds to a depot's stock (and records the receipt); returns the new stock.
  Result<int64_t> receive(int64_t depot_id, const std::string& item, int64_t quantity, Date on,
                          const std::string& source, const Actor& actor);

  Result<livelihood::Cooperative> add_cooperative(livelihood::Cooperative c, const Actor& actor);
  Result<livelihood::Cooperative> cooperative(int64_t id);
  Result<livelihood::Cooperative> update_cooperative(const livelihood::Cooperative& c,
                                                     int64_t expected_version, const Actor& actor);
  Result<ListResult<livelihood::Cooperative>> cooperatives(const std::string& region_prefix,
                                                           const std::string& q, int64_t limit,
                                                           int64_t offset,
                                                           std::optional<bool> active = std::nullopt);

  Result<livelihood::Technician> add_technician(livelihood::Technician t, const Actor& actor);
  Result<livelihood::Technician> technician(int64_t id);
  struct TechnicianRow {
    livelihood::Technician t;
    std::vector<livelihood::TechnicianAssignment> assignments;
  };
  Result<TechnicianRow> technician_row(int64_t id);
  // The technician's current assignments (not ended by a reassignment).
  Result<std::vector<livelihood::TechnicianAssignment>> assignments(int64_t technician_id);
  // A target of a reassignment: a village or a cooperative, with the region
  // it lies in.
  struct AssignTarget {
    std::string village_code;
    std::optional<int64_t> cooperative_id;
    std::string region_code;
  };
  // Saves an edited technician (stale version: 409). With `targets`, the
  // current assignments not among them end on `on` and the new ones start on
  // `on`; an inactive technician's assignments all end. One audit entry with
  // the technician and assignments before and after.
  Result<TechnicianRow> update_technician(const livelihood::Technician& t, int64_t expected_version,
                                          const std::optional<std::vector<AssignTarget>>& targets,
                                          Date on, const Actor& actor);
  Result<ListResult<TechnicianRow>> technicians(const std::string& region_prefix, int64_t limit,
                                                int64_t offset, std::optional<bool> active = std::nullopt);
  // region_code: the village's or the cooperative's.
  Result<livelihood::TechnicianAssignment> add_assignment(livelihood::TechnicianAssignment a,
                                                const std::string& region_code, const Actor& actor);

  Result<livelihood::SupplyRequest> add_request(livelihood::SupplyRequest r, const Actor& actor);
  Result<livelihood::SupplyRequest> request(int64_t id);
  struct RequestQuery {
    std::string region_prefix, item, state;  // state: open | partly | fulfilled | outstanding
    int64_t limit = 50, offset = 0;
  };
  Result<ListResult<livelihood::SupplyRequest>> requests(const RequestQuery& q);
  // Household region (for a household request): its village code.
  Result<std::string> household_region(int64_t household_id);

  // Draws the depot's stock down by d.quantity only if that much is there
  // (supply.insufficient otherwise, nothing written), credits the request if
  // any (never beyond what it asked), records the distribution and its audit
  // entry, in one transaction.
  Result<livelihood::Distribution> distribute(livelihood::Distribution d, const Actor& actor);
  struct DistributionQuery {
    std::string region_prefix;
    std::optional<int64_t> depot_id, request_id;
    std::optional<Date> from, to;
    int64_t limit = 50, offset = 0;
  };
  Result<ListResult<livelihood::Distribution>> distributions(const DistributionQuery& q);

 private:
  Status log(const Actor& actor, const char* action, const char* entity, int64_t id,
             const std::string& before, const std::string& after) {
    return audit_record(audit_, actor, action, entity, id, before, after);
  }
  Db& db_;
  AuditLog& audit_;
};

}  // namespace lz::sqlite
