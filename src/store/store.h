// Store: the one door to persistent data. Every entry point (CLI, HTTP,
// importer, demo) reads and writes through this interface, so SQL stays in
// src/store/ and a PostgreSQL backend can implement the same contract.
//
// Contract for every write: it validates references (dangling ids, unknown
// regions, duplicate ID numbers) and runs in one transaction, so a failed
// write leaves nothing behind. Errors are values (Result/Status) with a
// field and a message in Chinese and English.
//
// A Store object is used by one thread at a time; open one per thread.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "poverty/facts.h"
#include "store/epidemic_rows.h"
#include "registry/model.h"

namespace lz {

class RegionTree;

template <typename T>
struct ListResult {
  std::vector<T> items;
  int64_t total = 0;  // matches before paging
};

class AuditLog;

struct HouseholdQuery {
  std::string region_prefix;   // region code: the region and everything below it
  std::string text;            // head or member name, ID number, or household number
  std::string poverty_status;  // "" (any), "registered_poor", "lifted", "marginal", "poor" (registered or lifted)
  std::string sort = "number"; // number | -number | id | region_code
  int64_t limit = 50, offset = 0;
  std::optional<int64_t> paired_cadre_id;  // only households this cadre is responsible for now
  std::string text_simplified;  // the text in Simplified Chinese, if it differs: names match either
};

struct PersonQuery {
  std::string region_prefix;
  std::optional<int64_t> paired_cadre_id;
  std::string text;  // name (contains), ID number (exact), or household number (exact)
  std::string sex, relationship, health, labour, enrolment;
  std::optional<int64_t> household_id;
  std::optional<int> min_age, max_age;  // completed years on `as_of`
  Date as_of = Date::today();
  std::string sort = "id";  // id | -id | name | birth_date | -birth_date
  int64_t limit = 50, offset = 0;
  std::string text_simplified;  // the text in Simplified Chinese, if it differs: names match either
};

struct CadreQuery {
  std::string region_prefix;
  std::string text;  // name (contains) or phone (exact)
  std::string kind;  // one of enums::cadre_kinds()
  std::string sort = "id";  // id | -id | name
  int64_t limit = 50, offset = 0;
};

struct VillageTeamQuery {
  std::string region_prefix;
  std::optional<int64_t> cadre_id;  // teams this cadre belongs to
  int64_t limit = 50, offset = 0;
};

struct PairingQuery {
  std::string region_prefix;  // of the household
  std::optional<int64_t> cadre_id, household_id;
  bool current_only = false;
  int64_t limit = 50, offset = 0;
};

struct HouseholdSummary {
  int64_t id = 0;
  std::string number, region_code, address;
  std::string head_name;
  int64_t member_count = 0;
  std::string poverty_status;  // empty if not in the poverty register
};

struct RegionCounts {
  std::string code, name;
  int64_t households = 0, persons = 0, poor_households = 0, poor_persons = 0;
};

struct CountyStats {
  RegionCounts county;
  int64_t cadres_village_stationed = 0, cadres_paired = 0, cadres_total = 0;
  int64_t village_teams = 0, pairings_current = 0;
  std::vector<RegionCounts> townships;  // sorted by code
};

// Fast path for the demo generator and bulk imports: rows are written with
// prepared statements inside one transaction; nothing is visible until
// commit(), and destroying an uncommitted loader leaves the store as it was.
// Callers supply ids and have already validated the records.
class BulkLoader {
 public:
  virtual ~BulkLoader() = default;
  virtual Status add_region(const Region& r) = 0;
  virtual Status add_household(const Household& h) = 0;  // with members and head
  virtual Status add_poverty_status(int64_t household_id, const std::string& status, int registered_year,
                                    std::optional<int> lifted_year) = 0;
  virtual Status add_cadre(const Cadre& c) = 0;
  virtual Status add_village_team(const VillageTeam& t) = 0;
  virtual Status add_pairing(const Pairing& p) = 0;
  // The poverty front's data of a household (causes, income of `year`,
  // members' insurance and disability, housing, water, benefits, loans,
  // assistance, risk cases), and visits.
  virtual Status add_poverty_details(const poverty::HouseholdFacts& f, int year) = 0;
  virtual Status add_visit(int64_t household_id, std::optional<int64_t> cadre_id, const poverty::VisitFacts& v,
                           const std::string& notes) = 0;
  // The epidemic front's rows (see epidemic_rows.h).
  virtual Status add_key_person(const KeyPersonRow& r) = 0;
  virtual Status add_case(const CaseRow& r) = 0;
  virtual Status add_contact(const ContactRow& r) = 0;
  virtual Status add_observation(const ObservationRow& r) = 0;
  virtual Status add_follow_up(const FollowUpRow& r) = 0;
  virtual Status add_checkpoint(const CheckpointRow& r) = 0;
  virtual Status add_passage(const PassageRow& r) = 0;
  virtual Status commit() = 0;
};

class Store {
 public:
  virtual ~Store() = default;

  // --- regions
  // The county of this database: its one region of level county (the
  // deployment unit; Liling unless the database was made by `liangzhan init`).
  // Read once, then cached by this Store object.
  virtual Result<Region> county() = 0;
  // The whole division tree, cached; read again when `need` is given and not
  // in it (a group another connection added since).
  virtual Result<std::shared_ptr<const RegionTree>> region_tree(std::string_view need = "") = 0;
  // Replaces the division tree (already validated, see build_region_tree) of
  // a database that holds no data yet, in one transaction (`liangzhan init`).
  virtual Status replace_regions(const RegionTree& tree) = 0;
  // True if any table other than the regions and bookkeeping has a row.
  virtual Result<bool> has_data() = 0;
  virtual Result<std::vector<Region>> regions(std::string_view prefix = "") = 0;
  virtual Result<Region> region(std::string_view code) = 0;
  // Adds villagers' group `group_no` (1..999) under a village.
  virtual Result<Region> add_group(std::string_view village_code, int group_no, std::string_view name,
                                   const Actor& actor) = 0;

  // --- households and persons
  virtual Result<Household> create_household(Household h, const Actor& actor) = 0;
  virtual Result<Household> household(int64_t id) = 0;
  // household(id) into `out`, which a hot reader keeps and reuses (its
  // strings keep their capacity); `out` is meaningless after an error.
  virtual Status household_into(int64_t id, Household& out) {
    auto h = household(id);
    if (!h) return h.error();
    out = std::move(h).value();
    return {};
  }
  virtual Result<ListResult<HouseholdSummary>> list_households(const HouseholdQuery& q) = 0;
  virtual Result<Person> add_member(int64_t household_id, Person p, const Actor& actor) = 0;
  virtual Result<Person> person(int64_t id) = 0;
  virtual Result<std::optional<Person>> person_by_id_number(std::string_view id_number) = 0;

  // --- cadres, teams, pairings
  virtual Result<Cadre> create_cadre(Cadre c, const Actor& actor) = 0;
  virtual Result<Cadre> cadre(int64_t id) = 0;
  virtual Result<VillageTeam> create_village_team(VillageTeam t, const Actor& actor) = 0;
  virtual Result<VillageTeam> village_team(int64_t id) = 0;
  // Pairs a paired cadre with a household. If the household already has a
  // responsible cadre, the call fails unless `replace` is set, in which case
  // the current pairing ends the day before the new one starts.
  virtual Result<Pairing> create_pairing(Pairing p, const Actor& actor, bool replace = false) = 0;
  virtual Result<std::optional<Pairing>> current_pairing(int64_t household_id) = 0;

  // --- updates and soft deletes. Each checks `expected_version` (a stale
  // version is a conflict with code "version.stale"), writes the audit entry
  // with the record before and after, and commits both or neither.
  // update_household changes number, region, address and phone; members are
  // updated one by one. Deleting a household deletes its members and ends
  // its current pairing.
  virtual Result<Household> update_household(const Household& h, int64_t expected_version, const Actor& actor) = 0;
  virtual Status delete_household(int64_t id, int64_t expected_version, const Actor& actor) = 0;
  virtual Result<Person> update_person(const Person& p, int64_t expected_version, const Actor& actor) = 0;
  virtual Status delete_person(int64_t id, int64_t expected_version, const Actor& actor) = 0;
  virtual Result<Cadre> update_cadre(const Cadre& c, int64_t expected_version, const Actor& actor) = 0;
  virtual Status delete_cadre(int64_t id, int64_t expected_version, const Actor& actor) = 0;
  virtual Result<VillageTeam> update_village_team(const VillageTeam& t, int64_t expected_version,
                                                  const Actor& actor) = 0;
  virtual Status delete_village_team(int64_t id, int64_t expected_version, const Actor& actor) = 0;
  virtual Result<Pairing> pairing(int64_t id) = 0;
  // Ends a pairing on `to_date` (the only change a pairing takes).
  virtual Result<Pairing> end_pairing(int64_t id, Date to_date, int64_t expected_version, const Actor& actor) = 0;
  virtual Status delete_pairing(int64_t id, int64_t expected_version, const Actor& actor) = 0;

  // --- lists (filters, sort, paging; `total` counts matches before paging)
  virtual Result<ListResult<Person>> list_persons(const PersonQuery& q) = 0;
  virtual Result<ListResult<Cadre>> list_cadres(const CadreQuery& q) = 0;
  virtual Result<ListResult<VillageTeam>> list_village_teams(const VillageTeamQuery& q) = 0;
  virtual Result<ListResult<Pairing>> list_pairings(const PairingQuery& q) = 0;
  // True if `cadre_id` is currently responsible for the household.
  virtual Result<bool> is_paired(int64_t cadre_id, int64_t household_id) = 0;

  // The audit trail on the same connection (entries written with a change
  // commit with it).
  virtual AuditLog& audit() = 0;

  // --- poverty register status (the poverty front builds on it)
  virtual Status set_poverty_status(int64_t household_id, const std::string& status, int registered_year,
                                    std::optional<int> lifted_year, const Actor& actor) = 0;

  // --- figures
  virtual Result<CountyStats> stats() = 0;

  // --- bulk and meta
  // `actor` and `timestamp` stamp every row (the demo uses a fixed date so that
  // the same seed gives the same database); an empty timestamp means now.
  virtual Result<std::unique_ptr<BulkLoader>> bulk_loader(std::string_view actor = "import",
                                                          std::string_view timestamp = "") = 0;
  virtual Result<std::optional<std::string>> meta(std::string_view key) = 0;
  virtual Status set_meta(std::string_view key, std::string_view value) = 0;
  // Number of live households (cheap; used to decide whether a demo exists).
  virtual Result<int64_t> household_count() = 0;
};

// Opens (creating if needed) the store at `location`: a file path for SQLite.
// Applies pending migrations and loads Liling's regions into a new database
// (`liangzhan init` then replaces them by another county's, see replace_regions).
Result<std::unique_ptr<Store>> open_store(const std::string& location);

// ISO 8601 UTC timestamp, e.g. "2020-02-12T08:30:00Z" (now).
std::string now_iso();

}  // namespace lz
