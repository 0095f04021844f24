// SqliteBulkLoader: the BulkLoader on SQLite: one prepared statement per
// table inside one open transaction; rolled back if not committed.
#pragma once
#include <memory>

#include "store/sqlite/db.h"
#include "store/store.h"

namespace lz::sqlite {

class SqliteBulkLoader final : public BulkLoader {
 public:
  static Result<std::unique_ptr<SqliteBulkLoader>> begin(Db& db, std::string_view actor, std::string_view timestamp);
  ~SqliteBulkLoader() override;
  Status add_region(const Region& r) override;
  Status add_household(const Household& h) override;
  Status add_poverty_status(int64_t household_id, const std::string& status, int registered_year,
                            std::optional<int> lifted_year) override;
  Status add_cadre(const Cadre& c) override;
  Status add_village_team(const VillageTeam& t) override;
  Status add_pairing(const Pairing& p) override;
  Status commit() override;

 private:
  SqliteBulkLoader(Db& db, std::string_view actor, std::string_view timestamp);
  Db& db_;
  bool open_ = false;
  std::string now_, actor_;
  Stmt region_, household_, person_, poverty_, cadre_, cadre_kind_, team_, team_member_, pairing_;
};

}  // namespace lz::sqlite
