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
  // The county's "today": a demo county lives on its demo date, any other on
  // the calendar. Every front, the poverty front's checks and monitoring
  // included, uses the same day.
  sqlite::SqliteStore* st = s->store.get();
  auto today = [st]() {
    auto m = st->meta("demo.as_of");
    if (m && *m)
      if (auto d = Date::parse_iso(**m)) return *d;
    return Date::today();
  };
  s->poverty =
      std::make_unique<app::PovertyService>(*s->poverty_store, poverty::CheckConfig{}, today);
  s->epidemic_store =
      std::make_unique<sqlite::SqliteEpidemicStore>(s->store->db(), s->store->audit());
  s->epidemic =
      std::make_unique<app::EpidemicService>(*s->epidemic_store, *s->poverty, epidemic::EpidemicConfig{}, today);
  auto& db = s->store->db();
  auto& audit = s->store->audit();
  s->produce_store = std::make_unique<sqlite::SqliteProduceStore>(db, audit);
  s->produce = std::make_unique<app::ProduceService>(*s->produce_store, *s->poverty, today);
  s->jobs_store = std::make_unique<sqlite::SqliteJobsStore>(db, audit);
  s->jobs = std::make_unique<app::JobsService>(*s->jobs_store, *s->poverty, today);
  s->enterprise_store = std::make_unique<sqlite::SqliteEnterpriseStore>(db, audit);
  s->enterprise = std::make_unique<app::EnterpriseService>(*s->enterprise_store, *s->epidemic, today);
  s->supplies_store = std::make_unique<sqlite::SqliteSuppliesStore>(db, audit);
  s->supplies = std::make_unique<app::SuppliesService>(*s->supplies_store, today);
  return s;
}

}  // namespace lz::http
