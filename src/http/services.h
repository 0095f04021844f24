// Services: what a request handler may use, one set per worker thread (each
// with its own SQLite connection, so workers never share a connection).
#pragma once
#include <memory>
#include <string>

#include "app/enterprise_service.h"
#include "app/epidemic_service.h"
#include "app/jobs_service.h"
#include "app/poverty_service.h"
#include "app/produce_service.h"
#include "app/supplies_service.h"
#include "auth/accounts_service.h"
#include "store/sqlite/sqlite_accounts.h"
#include "store/sqlite/sqlite_epidemic.h"
#include "store/sqlite/sqlite_poverty.h"
#include "store/sqlite/sqlite_store.h"

namespace lz::http {

struct Services {
  std::unique_ptr<sqlite::SqliteStore> store;
  std::unique_ptr<sqlite::SqliteAccountStore> accounts;
  std::unique_ptr<AccountsService> auth;
  std::unique_ptr<sqlite::SqlitePovertyStore> poverty_store;
  std::unique_ptr<app::PovertyService> poverty;
  std::unique_ptr<sqlite::SqliteEpidemicStore> epidemic_store;
  std::unique_ptr<app::EpidemicService> epidemic;
  // The livelihood front, one store and service per part.
  std::unique_ptr<sqlite::SqliteProduceStore> produce_store;
  std::unique_ptr<app::ProduceService> produce;
  std::unique_ptr<sqlite::SqliteJobsStore> jobs_store;
  std::unique_ptr<app::JobsService> jobs;
  std::unique_ptr<sqlite::SqliteEnterpriseStore> enterprise_store;
  std::unique_ptr<app::EnterpriseService> enterprise;
  std::unique_ptr<sqlite::SqliteSuppliesStore> supplies_store;
  std::unique_ptr<app::SuppliesService> supplies;

  static Result<std::unique_ptr<Services>> open(const std::string& db_path, AccountsConfig config = {},
                                                AccountsService::Clock clock = {});
};

}  // namespace lz::http
