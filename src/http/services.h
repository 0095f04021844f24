// Services: what a request handler may use, one set per worker thread (each
// with its own SQLite connection, so workers never share a connection).
#pragma once
#include <memory>
#include <string>

#include "app/epidemic_service.h"
#include "app/poverty_service.h"
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

  static Result<std::unique_ptr<Services>> open(const std::string& db_path, AccountsConfig config = {},
                                                AccountsService::Clock clock = {});
};

}  // namespace lz::http
