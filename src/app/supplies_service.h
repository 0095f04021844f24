// SuppliesService: the livelihood front's spring-farming (春耕) use cases,
// joining the domain (livelihood/supplies.h) to the store
// (SqliteSuppliesStore). Each use case runs in one transaction, so a refused
// request writes nothing: a distribution draws the depot's stock down only if
// that much is there (the store enforces it in SQL) and credits the request
// it fulfils. No SQL and no HTTP here.
// Called by the HTTP handlers (handlers/livelihood_supplies.cc), the CLI and the demo.
#pragma once
#include <functional>

#include "core/date.h"
#include "livelihood/supplies.h"
#include "store/sqlite/sqlite_supplies.h"

namespace lz::app {

class SuppliesService {
 public:
  SuppliesService(sqlite::SqliteSuppliesStore& store, std::function<Date()> today)
      : store_(store), today_(std::move(today)) {}
  Date today() const { return today_ ? today_() : Date::today(); }
  sqlite::SqliteSuppliesStore& store() { return store_; }

  Result<livelihood::Depot> create_depot(livelihood::Depot d, const Actor& actor);
  // Adds `quantity` (milli-units) of an item to a depot; the new stock.
  Result<int64_t> receive(int64_t depot_id, const std::string& item, int64_t quantity,
                          std::optional<Date> on, const std::string& source, const Actor& actor);
  Result<livelihood::Cooperative> create_cooperative(livelihood::Cooperative c, const Actor& actor);
  Result<livelihood::Technician> create_technician(livelihood::Technician t, const Actor& actor);
  Result<livelihood::TechnicianAssignment> assign(livelihood::TechnicianAssignment a, const Actor& actor);
  // Edits with the version the user saw (stale: 409). A technician's
  // `targets` (villages and cooperatives), when given, replace their current
  // assignments from today; deactivating ends them all.
  Result<livelihood::Depot> update_depot(livelihood::Depot d, int64_t expected_version,
                                         const Actor& actor);
  Result<livelihood::Cooperative> update_cooperative(livelihood::Cooperative c,
                                                     int64_t expected_version, const Actor& actor);
  Result<sqlite::SqliteSuppliesStore::TechnicianRow> update_technician(
      livelihood::Technician t, int64_t expected_version,
      std::optional<std::vector<livelihood::TechnicianAssignment>> targets, const Actor& actor);
  // The requester's village is taken from the cooperative or the household.
  Result<livelihood::SupplyRequest> create_request(livelihood::SupplyRequest r, const Actor& actor);
  // Where it went: the request's village, else the depot's region.
  Result<livelihood::Distribution> distribute(livelihood::Distribution d, const Actor& actor);

 private:
  sqlite::SqliteSuppliesStore& store_;
  std::function<Date()> today_;
};

}  // namespace lz::app
