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
  s->epidemic_store = std::make_unique<sqlite::SqliteEpidemicStore>(s->store->db(), s->store->audit());
  // The county's "today": a demo county lives on its demo date.
  sqlite::SqliteStore* st = s->store.get();
  s->epidemic = std::make_unique<app::EpidemicService>(*s->epidemic_store, *s->poverty, epidemic::EpidemicConfig{},
                                                       [st]() {
                                                         auto m = st->meta("demo.as_of");
                                                         if (m && *m)
                                                           if (auto d = Date::parse_iso(**m)) return *d;
                                                         return Date::today();
                                                       });
  return s;
}

}  // namespace lz::http
