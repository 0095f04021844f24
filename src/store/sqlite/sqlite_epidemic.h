// SqliteEpidemicStore: the epidemic front's records on a SQLite connection
// (shared with SqliteStore, so a record, the registry person it creates and
// their audit entries commit together). Key persons, cases, contacts,
// observations and follow-ups here; campaigns, calls and checkpoints in
// sqlite_epidemic_field.cc. It reads and writes the domain types of
// src/epidemic/ — the rules (transitions, periods, validation) live there and
// in app/epidemic_service, never here. Every write is one transaction (a
// savepoint inside a use case's transaction) with its audit entry.
//
// Called by app::EpidemicService only (handlers go through the service).
#pragma once
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "epidemic/campaign.h"
#include "epidemic/case.h"
#include "epidemic/checkpoint.h"
#include "epidemic/contacts.h"
#include "epidemic/key_person.h"
#include "epidemic/observation.h"
#include "store/audit.h"
#include "store/sqlite/db.h"
#include "store/store.h"

namespace lz::sqlite {

// The registry person a record is about, as lists show them (the handler masks).
struct PersonBrief {
  int64_t id = 0;
  std::optional<int64_t> household_id;
  std::string name, id_number, phone, region_code;
};

struct KeyPersonQuery {
  std::string region_prefix;
  std::string category, source;  // ids; "" = any
  std::optional<int64_t> person_id;
  std::string q;                 // name or ID number (prefix)
  std::optional<Date> from, to;  // added_on bounds, inclusive
  int64_t limit = 50, offset = 0;
};
struct KeyPersonView {
  epidemic::KeyPerson key_person;
  PersonBrief person;
};

struct CaseQuery {
  std::string region_prefix;
  std::string status;  // "" = any
  std::optional<int64_t> person_id;
  int64_t limit = 50, offset = 0;
};
struct CaseView {
  epidemic::Case c;
  int64_t version = 1;
  PersonBrief person;
};

struct ObservationQuery {
  std::string region_prefix;
  std::optional<int64_t> cadre_id, person_id;
  std::optional<Date> open_on;  // under observation on that day
  std::string kind;             // home | centralized | ""
  int64_t limit = 50, offset = 0;
};
struct ObservationView {
  epidemic::Observation o;
  int64_t version = 1;
  std::optional<int64_t> cadre_id;
  PersonBrief person;
};

// An observation's due-list entry with who follows it up.
struct ObservationDue {
  epidemic::ObservationRecord record;
  std::optional<int64_t> cadre_id;
};

class SqliteEpidemicStore {
 public:
  SqliteEpidemicStore(Db& db, AuditLog& audit) : db_(db), audit_(audit) {}
  Db& db() { return db_; }

  // --- persons
  Result<PersonBrief> person(int64_t id);
  Result<std::optional<PersonBrief>> person_by_id_number(const std::string& id_number);
  // A person staying in the county outside its registered households (no
  // household): a key person found at a checkpoint, say. Audited.
  Result<int64_t> add_outside_person(const Person& p, const Actor& actor);
  // The poverty standing of the person's household (none without one).
  Result<epidemic::PovertyStanding> standing_of_household(std::optional<int64_t> household_id);

  // --- key persons
  Result<epidemic::KeyPerson> add_key_person(epidemic::KeyPerson k, const Actor& actor);
  Result<std::vector<epidemic::KeyPerson>> key_persons_of(int64_t person_id);
  Result<KeyPersonView> key_person(int64_t id);
  Result<ListResult<KeyPersonView>> list_key_persons(const KeyPersonQuery& q);

  // --- cases (version: optimistic concurrency; 0 for a new case)
  Result<CaseView> save_case(const epidemic::Case& c, int64_t expected_version, const char* action,
                             const Actor& actor);
  Result<CaseView> get_case(int64_t id);
  Result<std::vector<epidemic::Case>> cases_of(int64_t person_id);
  Result<ListResult<CaseView>> list_cases(const CaseQuery& q);

  // --- contacts
  Result<epidemic::Contact> add_contact(epidemic::Contact c, const Actor& actor);
  Result<std::vector<epidemic::Contact>> contacts_of(int64_t person_id);
  Result<std::vector<epidemic::ContactEdge>> contact_edges();  // every contact, ref = its id
  // The contact graph of every contact, built once and shared by every
  // connection to the same database file until a contact is added (contacts
  // are append-only: the largest id and the count say whether it is current).
  Result<std::shared_ptr<const epidemic::ContactGraph>> contact_graph();
  Result<std::vector<PersonBrief>> persons(const std::vector<int64_t>& ids);

  // --- observations and follow-ups
  Result<ObservationView> save_observation(const epidemic::Observation& o,
                                           std::optional<int64_t> cadre_id,
                                           int64_t expected_version, const char* action,
                                           const Actor& actor);
  Result<ObservationView> observation(int64_t id);
  Result<std::vector<ObservationView>> open_observations_of(int64_t person_id);
  Result<ListResult<ObservationView>> list_observations(const ObservationQuery& q);
  Result<std::vector<epidemic::FollowUp>> follow_ups_of(int64_t observation_id);
  Result<epidemic::FollowUp> add_follow_up(epidemic::FollowUp f, bool alert, const Actor& actor);
  // Observations under `region_prefix` (and of `cadre_id`) that may have
  // follow-ups due or overdue on `d`, with their follow-ups recorded by `d`.
  Status due_inputs(const std::string& region_prefix, std::optional<int64_t> cadre_id, Date d,
                    std::vector<ObservationDue>& observations,
                    std::vector<epidemic::FollowUpRecord>& follow_ups);

  // --- campaigns and calls (sqlite_epidemic_field.cc)
  Result<std::vector<epidemic::HouseholdToCall>> households_to_call(
      const std::string& region_prefix);
  Result<std::vector<epidemic::VillageCadres>> village_cadres(const std::string& region_prefix);
  Result<epidemic::Campaign> add_campaign(epidemic::Campaign c, const epidemic::CallAssignment& a,
                                          const Actor& actor);
  Result<epidemic::Campaign> campaign(int64_t id);
  Result<std::vector<epidemic::Campaign>> campaigns(const std::string& region_prefix);
  struct CallRow {
    int64_t household_id = 0;
    std::string household_number, region_code, head_name, phone;
    std::optional<int64_t> cadre_id;
    std::string cadre_name;
    std::string result;  // latest: reached | unreachable | "" (not called)
    std::string called_at;
  };
  struct CallQuery {
    int64_t campaign_id = 0;
    std::string region_prefix;
    std::optional<int64_t> cadre_id;
    std::string state;  // pending | called | reached | unreachable | ""
    int64_t limit = 50, offset = 0;
  };
  Result<ListResult<CallRow>> calls(const CallQuery& q);
  Result<std::optional<CallRow>> call(int64_t campaign_id, int64_t household_id);
  Result<epidemic::CallOutcome> add_outcome(epidemic::CallOutcome o, const Actor& actor);
  // Many outcomes at once, without their reactions (the demo county, imports
  // of a finished campaign): one transaction, one audit entry for the batch.
  Status add_outcomes_bulk(std::span<const epidemic::CallOutcome> outcomes, const Actor& actor);
  // Registry members listed as Hubei returnees: (household id, person id).
  Result<std::vector<std::pair<int64_t, int64_t>>> returnee_members();
  Result<std::vector<epidemic::CallOutcome>> outcomes(int64_t campaign_id,
                                                      std::optional<int64_t> household_id = {});
  Result<std::vector<epidemic::HouseholdToCall>> campaign_households(int64_t campaign_id);

  // --- checkpoints
  Result<epidemic::Checkpoint> add_checkpoint(epidemic::Checkpoint c, const Actor& actor);
  Result<epidemic::Checkpoint> checkpoint(int64_t id);
  Result<std::vector<epidemic::Checkpoint>> checkpoints(const std::string& region_prefix);
  Result<std::vector<epidemic::DutyShift>> shifts(std::optional<int64_t> checkpoint_id);
  Result<epidemic::DutyShift> add_shift(epidemic::DutyShift s, const Actor& actor);
  struct PassageView {
    epidemic::Passage p;
    int fevers = 0;
    std::vector<int64_t>
        key_person_ids;  // referrals made from it (key persons with its source_ref)
  };
  Result<PassageView> add_passage(epidemic::Passage p, int fevers, double max_temperature,
                                  const Actor& actor);
  Result<ListResult<PassageView>> passages(int64_t checkpoint_id, std::optional<Date> on,
                                           bool fevers_only, int64_t limit, int64_t offset);

 private:
  Status log(const Actor& actor, const char* action, const char* entity, int64_t id,
             const std::string& before, const std::string& after) {
    return audit_record(audit_, actor, action, entity, id, before, after);
  }
  Db& db_;
  AuditLog& audit_;
};

}  // namespace lz::sqlite
