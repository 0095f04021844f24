// EnterpriseService: the livelihood front's work-resumption use cases,
// joining the domain (livelihood/enterprise.h, resumption.h) to the store
// (SqliteEnterpriseStore) and to the epidemic front (EpidemicService). Each
// use case runs in one transaction with everything it sets off, so a refused
// request writes nothing:
//  - registering an enterprise opens its (draft) resumption application;
//  - the checklist is edited, submitted, approved or returned by the rules of
//    livelihood/resumption.h, the workers' health computed from the worker list;
//  - a day's temperature readings are recorded together; a fever (at or above
//    the epidemic front's line) or a symptom lists the worker as a key person
//    (category fever, source enterprise) at once. A worker already listed as a
//    fever key person is not listed twice: Reactions::skipped says so.
// No SQL and no HTTP here.
// Called by the HTTP handlers (handlers/livelihood_enterprise.cc), the CLI and the demo.
#pragma once
#include <functional>

#include "app/epidemic_service.h"
#include "app/poverty_service.h"
#include "core/date.h"
#include "livelihood/resumption.h"
#include "store/sqlite/sqlite_enterprises.h"

namespace lz::app {

struct ResumptionView {
  livelihood::Resumption r;
  livelihood::Workforce workforce;
  std::vector<livelihood::MissingItem> missing;  // what still keeps it from approval
};

struct TemperatureResult {
  std::vector<sqlite::SqliteEnterpriseStore::TemperatureRow> readings;
  Reactions reactions;  // key persons listed (fevers, symptoms)
};

class EnterpriseService {
 public:
  EnterpriseService(sqlite::SqliteEnterpriseStore& store, EpidemicService& epidemic,
                    std::function<Date()> today)
      : store_(store), epidemic_(epidemic), today_(std::move(today)) {}
  Date today() const { return today_ ? today_() : Date::today(); }
  sqlite::SqliteEnterpriseStore& store() { return store_; }
  const livelihood::ResumptionConfig& config() const { return config_; }

  Result<livelihood::Enterprise> create(livelihood::Enterprise e, const Actor& actor);
  Result<livelihood::Enterprise> update(livelihood::Enterprise e, int64_t expected_version,
                                        const Actor& actor);

  Result<ResumptionView> resumption(int64_t enterprise_id);
  // expected_version: the application's version the user saw (0: do not check).
  Result<ResumptionView> edit_checklist(int64_t enterprise_id, const livelihood::Checklist& c,
                                        int64_t expected_version, const Actor& actor);
  Result<ResumptionView> submit(int64_t enterprise_id, const Actor& actor);
  Result<ResumptionView> approve(int64_t enterprise_id, const std::string& note,
                                 const Actor& actor);
  Result<ResumptionView> return_for_changes(int64_t enterprise_id, const std::string& reason,
                                            const Actor& actor);

  Result<sqlite::SqliteEnterpriseStore::WorkerView> add_worker(livelihood::Worker w,
                                                               const Actor& actor);
  Result<sqlite::SqliteEnterpriseStore::WorkerView> declare_health(int64_t worker_id,
                                                                   std::optional<Date> on,
                                                                   const std::string& note,
                                                                   const Actor& actor);
  // A worker left (false) or came back (true).
  Result<sqlite::SqliteEnterpriseStore::WorkerView> set_worker_active(int64_t worker_id,
                                                                      bool active,
                                                                      const Actor& actor) {
    return store_.set_worker_active(worker_id, active, actor);
  }
  Result<TemperatureResult> report_temperatures(livelihood::TemperatureBatch b, const Actor& actor);

 private:
  Result<ResumptionView> view(livelihood::Resumption r);
  Result<ResumptionView> step(int64_t enterprise_id, const char* action, const Actor& actor,
                              const std::function<Result<livelihood::Resumption>(
                                  const livelihood::Resumption&, const livelihood::Workforce&)>& f);

  sqlite::SqliteEnterpriseStore& store_;
  EpidemicService& epidemic_;
  std::function<Date()> today_;
  livelihood::ResumptionConfig config_;
};

}  // namespace lz::app
