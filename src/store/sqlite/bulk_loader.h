// SqliteBulkLoader: the BulkLoader on SQLite: one prepared statement per
// table inside one open transaction; rolled back if not committed. The
// household_facts triggers are paused meanwhile (facts_triggers.h).
// SqliteCallOutcomeLoader: the same for a campaign's call outcomes (the demo
// writes them as it makes them instead of holding them all).
#pragma once
#include <memory>

#include "epidemic/campaign.h"
#include "store/audit.h"
#include "store/sqlite/db.h"
#include "store/sqlite/facts_triggers.h"
#include "store/store.h"

namespace lz::sqlite {

class SqliteBulkLoader final : public BulkLoader {
 public:
  static Result<std::unique_ptr<SqliteBulkLoader>> begin(Db& db, std::string_view actor,
                                                         std::string_view timestamp);
  ~SqliteBulkLoader() override;
  Status add_region(const Region& r) override;
  Status add_household(const Household& h) override;
  Status add_poverty_status(int64_t household_id, const std::string& status, int registered_year,
                            std::optional<int> lifted_year) override;
  Status add_cadre(const Cadre& c) override;
  Status add_village_team(const VillageTeam& t) override;
  Status add_pairing(const Pairing& p) override;
  Status add_poverty_details(const poverty::HouseholdFacts& f, int year) override;
  Status add_visit(int64_t household_id, std::optional<int64_t> cadre_id,
                   const poverty::VisitFacts& v, const std::string& notes) override;
  Status add_key_person(const KeyPersonRow& r) override;
  Status add_case(const CaseRow& r) override;
  Status add_contact(const ContactRow& r) override;
  Status add_observation(const ObservationRow& r) override;
  Status add_follow_up(const FollowUpRow& r) override;
  Status add_checkpoint(const CheckpointRow& r) override;
  Status add_passage(const PassageRow& r) override;
  Status commit() override;

 private:
  SqliteBulkLoader(Db& db, std::string_view actor, std::string_view timestamp);
  Db& db_;
  bool open_ = false;
  std::string now_, actor_;
  Stmt region_, household_, person_, poverty_, cadre_, cadre_kind_, team_, team_member_, pairing_;
  Stmt cause_, income_, member_, condition_, loan_, measure_, risk_, visit_;
  Stmt key_person_, case_, contact_, observation_, follow_up_, checkpoint_, passage_;
  FactsTriggersPause facts_pause_;  // from begin() to commit()
};

// Writes the rows SqliteEpidemicStore::add_outcomes_bulk writes (a
// call_outcome row per outcome, its campaign_call row updated, one audit
// entry for them all), one outcome at a time, in one transaction.
class SqliteCallOutcomeLoader {
 public:
  static Result<std::unique_ptr<SqliteCallOutcomeLoader>> begin(Db& db, AuditLog& audit,
                                                                const Actor& actor);
  ~SqliteCallOutcomeLoader();  // rolls back if not committed
  Status add(const epidemic::CallOutcome& o);
  // The audit entry (when any outcome was added), then COMMIT.
  Status commit();

 private:
  SqliteCallOutcomeLoader(Db& db, AuditLog& audit, const Actor& actor);
  Db& db_;
  AuditLog& audit_;
  Actor actor_;
  Tx tx_;
  std::string now_;
  std::string empty_report_;  // the report column of an outcome with nothing to report
  Stmt insert_, update_;
  int64_t added_ = 0, campaign_id_ = 0;
};

}  // namespace lz::sqlite
