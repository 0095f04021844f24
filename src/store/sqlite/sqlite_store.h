// SqliteStore: the Store on an embedded SQLite file (the default backend).
// One connection per object; WAL lets readers in other connections proceed
// while one writer commits. Migrations from src/store/migrations run on open.
#pragma once
#include <memory>
#include <optional>

#include "store/sqlite/db.h"
#include "store/audit.h"
#include "store/store.h"

namespace lz::sqlite {

class SqliteStore final : public Store {
 public:
  static Result<std::unique_ptr<SqliteStore>> open(const std::string& path);
  ~SqliteStore() override;

  Result<Region> county() override;  // sqlite_regions.cc
  Result<std::shared_ptr<const RegionTree>> region_tree(std::string_view need = "") override;
  Status replace_regions(const RegionTree& tree) override;
  Result<bool> has_data() override;
  Result<std::vector<Region>> regions(std::string_view prefix) override;
  Result<Region> region(std::string_view code) override;
  Result<Region> add_group(std::string_view village_code, int group_no, std::string_view name,
                           const Actor& actor) override;
  Result<Household> create_household(Household h, const Actor& actor) override;
  Result<Household> household(int64_t id) override;
  Status household_into(int64_t id, Household& out) override;
  Result<ListResult<HouseholdSummary>> list_households(const HouseholdQuery& q) override;
  Result<Person> add_member(int64_t household_id, Person p, const Actor& actor) override;
  Result<Person> person(int64_t id) override;
  Result<std::optional<Person>> person_by_id_number(std::string_view id_number) override;
  Result<Cadre> create_cadre(Cadre c, const Actor& actor) override;
  Result<Cadre> cadre(int64_t id) override;
  Result<VillageTeam> create_village_team(VillageTeam t, const Actor& actor) override;
  Result<VillageTeam> village_team(int64_t id) override;
  Result<Pairing> create_pairing(Pairing p, const Actor& actor, bool replace) override;
  Result<std::optional<Pairing>> current_pairing(int64_t household_id) override;
  Status set_poverty_status(int64_t household_id, const std::string& status, int registered_year,
                            std::optional<int> lifted_year, const Actor& actor) override;
  Result<CountyStats> stats() override;
  Result<std::unique_ptr<BulkLoader>> bulk_loader(std::string_view actor, std::string_view timestamp) override;
  Result<std::optional<std::string>> meta(std::string_view key) override;
  Status set_meta(std::string_view key, std::string_view value) override;
  Result<int64_t> household_count() override;
  Result<Household> update_household(const Household& h, int64_t expected_version, const Actor& actor) override;
  Status delete_household(int64_t id, int64_t expected_version, const Actor& actor) override;
  Result<Person> update_person(const Person& p, int64_t expected_version, const Actor& actor) override;
  Status delete_person(int64_t id, int64_t expected_version, const Actor& actor) override;
  Result<Cadre> update_cadre(const Cadre& c, int64_t expected_version, const Actor& actor) override;
  Status delete_cadre(int64_t id, int64_t expected_version, const Actor& actor) override;
  Result<VillageTeam> update_village_team(const VillageTeam& t, int64_t expected_version,
                                          const Actor& actor) override;
  Status delete_village_team(int64_t id, int64_t expected_version, const Actor& actor) override;
  Result<Pairing> pairing(int64_t id) override;
  Result<Pairing> end_pairing(int64_t id, Date to_date, int64_t expected_version, const Actor& actor) override;
  Status delete_pairing(int64_t id, int64_t expected_version, const Actor& actor) override;
  Result<ListResult<Person>> list_persons(const PersonQuery& q) override;
  Result<ListResult<Cadre>> list_cadres(const CadreQuery& q) override;
  Result<ListResult<VillageTeam>> list_village_teams(const VillageTeamQuery& q) override;
  Result<ListResult<Pairing>> list_pairings(const PairingQuery& q) override;
  Result<bool> is_paired(int64_t cadre_id, int64_t household_id) override;
  AuditLog& audit() override;

  Db& db() { return *db_; }

 private:
  explicit SqliteStore(std::unique_ptr<Db> db);
  // Audit helper: appends an entry for `actor` in the current transaction.
  Status log(const Actor& actor, const char* action, const char* entity, int64_t id, const std::string& before,
             const std::string& after, const std::string& detail = "");
  // Refuses a write against a missing row or a stale version.
  Status check_version(const char* table, const char* what_zh, const char* what_en, int64_t id,
                       int64_t expected_version);
  // The soft delete of a registry record (sqlite_registry_edit.cc), in one
  // transaction: refuses a missing row or a stale version, reads the record
  // as it was with `read(id)`, runs `also(record, now)` (a refusal or the
  // cascade to other rows; an error rolls all back), marks the row deleted
  // and appends the audit entry with the record as it was.
  template <typename Read, typename Also>
  Status soft_delete(const char* table, const char* what_zh, const char* what_en, int64_t id,
                     int64_t expected_version, const Actor& actor, Read read, Also also);
  Status migrate();
  Status check_new_person(const Person& p, const std::string& at);
  Status insert_person(Person& p, int64_t household_id, const std::string& region_code, const Actor& actor,
                       const std::string& now);
  std::unique_ptr<Db> db_;
  std::unique_ptr<AuditLog> audit_;
  std::optional<Region> county_;            // cached by county()
  std::shared_ptr<const RegionTree> tree_;  // cached by region_tree()
};

}  // namespace lz::sqlite
