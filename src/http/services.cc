#include "http/services.h"

namespace lz::http {

Result<std::unique_ptr<Services>> Services::open(const std::string& db_path, AccountsConfig config,
                                                 AccountsService::Clock clock) {
  auto store = sqlite::SqliteStore::open(db_path);
  if (!store) return store.error();
  auto s = std::make_unique<Services>();
  s->store = std::move(store).value();
  s->accounts = std::make_unique<sqlite::SqliteAccountStore>(s->store->db());
  s->auth = std::make_unique<AccountsService>(*s->accounts, config, std::move(clock));
  s->poverty_store = std::make_unique<sqlite::SqlitePovertyStore>(s->store->db(), s->store->audit());
  s->poverty = std::make_unique<app::PovertyService>(*s->poverty_store);
  return s;
}

}  // namespace lz::http
