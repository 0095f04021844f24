// EpidemicService: the epidemic front's use cases, joining the domain
// (src/epidemic/: lifecycles, periods, validation, reactions) to the store
// (SqliteEpidemicStore) and to the poverty front (PovertyService). Each use
// case runs in one transaction with everything it sets off, so a refused
// request writes nothing:
//  - a key person is linked to the registry person with that ID number, or a
//    person outside the registered households is created;
//  - a case opened or confirmed lists the person as a suspected / confirmed
//    key person; a confirmed member of a lifted or marginal household opens
//    relapse monitoring (epidemic_infection) on the poverty front;
//  - an observation of such a member opens monitoring (epidemic_quarantine);
//  - a contact with a case extends the other person's running observation;
//  - a call outcome lists returnees and people with symptoms as key persons
//    and opens monitoring for unsold produce and quarantined returnees;
//  - a checkpoint fever (and a traveller from Hubei) is referred as a key person.
// A poverty reaction the poverty front refuses (e.g. the household is already
// monitored for that trigger) does not undo the record: it is reported in
// Reactions::skipped with the poverty front's reason.
//
// "Today" (what is in the future) is the demo county's date when the
// database is a demo, else the calendar date. No SQL and no HTTP here.
// Called by the HTTP handlers, the CLI and the demo generator.
#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/poverty_service.h"
#include "epidemic/config.h"
#include "store/sqlite/sqlite_epidemic.h"

namespace lz::app {

// What a use case set off besides its own record.
struct Reactions {
  std::vector<int64_t> key_persons;  // key_person ids listed
  std::vector<int64_t> risk_cases;   // poverty risk (relapse monitoring) case ids opened
  std::vector<int64_t> observations_extended;
  std::vector<Error> skipped;  // reactions the other front refused, with its reason
  std::vector<epidemic::SupportRequest> support_requests;
};

struct KeyPersonResult {
  sqlite::KeyPersonView view;
  bool person_created = false;
};

struct CaseResult {
  sqlite::CaseView view;
  Reactions reactions;
};

struct ObservationResult {
  sqlite::ObservationView view;
  Reactions reactions;
};

struct FollowUpResult {
  epidemic::FollowUp follow_up;
  std::optional<epidemic::FollowUpAlert> alert;
};

struct ContactResult {
  epidemic::Contact contact;
  Reactions reactions;
};

// A trace from a case through the contact graph, with the persons reached.
struct ChainResult {
  epidemic::TraceResult trace;
  std::vector<sqlite::PersonBrief>
      persons;  // persons[i] is trace.reached[i]'s person (empty name if unknown)
  size_t graph_persons = 0, graph_pairs = 0;
};

// One follow-up to do (or done) on a day, with whom it concerns.
struct DueItem {
  epidemic::FollowUpItem item;
  std::optional<int64_t> cadre_id;
  std::string region_code;
};

struct CallResultOut {
  epidemic::CallOutcome outcome;
  Reactions reactions;
};

struct PassageResult {
  sqlite::SqliteEpidemicStore::PassageView view;
  Reactions reactions;
};

class EpidemicService {
 public:
  EpidemicService(sqlite::SqliteEpidemicStore& store, PovertyService& poverty,
                  epidemic::EpidemicConfig config = {}, std::function<Date()> today = {});
  const epidemic::EpidemicConfig& config() const { return config_; }
  sqlite::SqliteEpidemicStore& store() { return store_; }
  Date today();

  // The region a new record would carry for this person (their registry
  // region), for the caller's scope check before writing.
  Result<sqlite::PersonBrief> person(int64_t id) { return store_.person(id); }

  Result<KeyPersonResult> add_key_person(epidemic::KeyPersonInput in, const Actor& actor);

  Result<CaseResult> open_case(int64_t person_id, epidemic::CaseStep first, const Actor& actor);
  Result<CaseResult> advance_case(int64_t case_id, epidemic::CaseStep step,
                                  int64_t expected_version, const Actor& actor);

  Result<ContactResult> add_contact(epidemic::Contact c, const Actor& actor);
  Result<ChainResult> chain(int64_t person_id, const epidemic::TraceOptions& options);

  Result<ObservationResult> plan_observation(epidemic::ObservationPlan plan,
                                             std::optional<int64_t> cadre_id, const Actor& actor);
  Result<sqlite::ObservationView> extend_observation(int64_t id, Date exposure_on,
                                                     std::optional<Date> found_on, std::string note,
                                                     int64_t expected_version, const Actor& actor);
  Result<sqlite::ObservationView> release_observation(int64_t id, epidemic::Release r,
                                                      int64_t expected_version, const Actor& actor);
  Result<FollowUpResult> record_follow_up(int64_t observation_id, epidemic::FollowUp f,
                                          const Actor& actor);
  // The same for an observation the caller has just read (saves reading it again).
  Result<FollowUpResult> record_follow_up(const sqlite::ObservationView& observation,
                                          epidemic::FollowUp f, const Actor& actor);
  // The work list of day d under region_prefix (and of one cadre): due, done
  // and overdue follow-ups.
  Result<std::vector<DueItem>> follow_ups_due(const std::string& region_prefix,
                                              std::optional<int64_t> cadre_id, Date d);

  Result<epidemic::Campaign> create_campaign(epidemic::Campaign c, const Actor& actor);
  Result<CallResultOut> record_call(int64_t campaign_id, int64_t household_id,
                                    epidemic::CallOutcome o, const Actor& actor);
  Result<epidemic::CampaignCoverage> coverage(int64_t campaign_id,
                                              const std::string& region_prefix);

  Result<epidemic::Checkpoint> create_checkpoint(epidemic::Checkpoint c, const Actor& actor);
  Result<epidemic::DutyShift> add_shift(epidemic::DutyShift s, const Actor& actor);
  Result<PassageResult> record_passage(epidemic::Passage p, const Actor& actor);

 private:
  // Lists a key person inside the caller's transaction; a duplicate listing
  // is not an error here (the person is already known): returns nullopt.
  Result<std::optional<int64_t>> list_key_person(const epidemic::KeyPersonInput& in,
                                                 const Actor& actor,
                                                 bool* person_created = nullptr);
  void poverty_reaction(const std::optional<epidemic::RelapseTrigger>& t, Reactions& out,
                        const Actor& actor);
  Result<epidemic::Observation> extend_if_exposed(int64_t person_id, Date exposure_on,
                                                  const std::string& note, Reactions& out,
                                                  const Actor& actor);

  sqlite::SqliteEpidemicStore& store_;
  PovertyService& poverty_;
  epidemic::EpidemicConfig config_;
  std::function<Date()> today_;
};

}  // namespace lz::app
