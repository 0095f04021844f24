// Phone screening campaigns (电话排查): a campaign covers every household of a
// region; each household's responsible cadre calls it — the paired cadre for
// a poor household with one, the village's cadres for the rest — and records
// the outcome: reached or not, Hubei returnees, persons with symptoms, and
// needs (food, medicine, unsold produce).
//
//  - assign_calls(): households -> one call list per cadre, balanced.
//  - validate_outcome(): what a cadre may record.
//  - call_coverage(): per village, how many households were reached.
//  - reactions(): what an outcome implies, as plain values: key persons to
//    list (hubei_returnee, fever), relapse triggers for the poverty front
//    (produce_unsold; epidemic_quarantine for a returnee who will be observed
//    at home), and support requests for the needs. The wiring turns them into
//    records (key_person.h, poverty open_case).
//
// Called by the store/API (campaign, call-list and outcome endpoints) and the
// demo generator.
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/error.h"
#include "epidemic/config.h"
#include "epidemic/key_person.h"
#include "epidemic/units.h"
#include "epidemic/vocab.h"

namespace lz::epidemic {

struct Campaign {
  int64_t id = 0;  // assigned by the store; 0 = new
  std::string name;
  std::string region_prefix;  // every household within it
  Date start_on;
  Date end_on;  // last day calls may be made (inclusive)
  std::string by;
};
// Codes campaign.*: name_required, region_required, end_before_start.
Status validate_campaign(const Campaign& c);

// ---------------------------------------------------------------------------
// Call lists
// ---------------------------------------------------------------------------
struct HouseholdToCall {
  int64_t household_id = 0;
  std::string region_code;                 // village (12 digits) or group (15)
  bool poor = false;                       // in the poverty register (建档立卡, incl. lifted)
  std::optional<int64_t> paired_cadre_id;  // the responsible paired cadre now
};
struct VillageCadres {
  std::string village_code;        // 12 digits
  std::vector<int64_t> cadre_ids;  // village-stationed and committee cadres
};
struct CallList {
  int64_t cadre_id = 0;
  std::vector<int64_t> household_ids;  // ascending
};
struct CallAssignment {
  std::vector<CallList> lists;      // by cadre id; only cadres with calls
  std::vector<int64_t> unassigned;  // households with nobody to call them, ascending
};

// A poor household with a paired cadre goes to that cadre. Every other
// household (not poor, or poor without a paired cadre) goes to one of its
// village's cadres (the village is the first 12 digits of its region code):
// households in ascending id order, each to the village cadre with the fewest
// calls so far (counting all their calls, paired ones included), ties to the
// lowest cadre id. Within a village, the village cadres' loads therefore
// differ by at most one beyond what their paired households already put on
// them. A household whose village has no cadre is unassigned. Deterministic.
CallAssignment assign_calls(std::span<const HouseholdToCall> households,
                            std::span<const VillageCadres> village_cadres);

// ---------------------------------------------------------------------------
// Outcomes
// ---------------------------------------------------------------------------
struct ReturneeReport {
  std::optional<int64_t> person_id;  // a household member, if it is one
  std::string name, id_number, phone;
  HubeiTravel travel;
};
struct SymptomReport {
  std::optional<int64_t> person_id;
  std::string name, id_number;
  std::optional<int> temperature_tenths;
  SymptomSet symptoms;
};
struct NeedReport {
  NeedKind kind = NeedKind::kFood;
  std::string note;  // what and how much (required for produce_unsold and other)
};

struct CallOutcome {
  int64_t id = 0;  // assigned by the store; 0 = new
  int64_t campaign_id = 0;
  int64_t household_id = 0;
  int64_t cadre_id = 0;
  DateTime at;
  CallResult result = CallResult::kReached;
  std::vector<ReturneeReport> returnees;
  std::vector<SymptomReport> symptomatic;
  std::vector<NeedReport> needs;
  std::string note;
  std::string by;  // login
};

// Codes call.*: date_outside_campaign (before start_on or after end_on),
// date_future (after as_of), details_when_unreachable (returnees, symptoms or
// needs recorded for an unreachable household), returnee_person_required
// (neither person_id nor name), arrival_future, from_place_required,
// symptom_person_required, symptom_report_empty (no symptom and no fever),
// need_note_required; temperature.implausible; an ID number that does not
// parse (its own codes). Fields are paths: "returnees[1].travel.arrived_on".
// All errors are returned, the first as the Error and the rest in details.
Status validate_outcome(const CallOutcome& o, const Campaign& c, Date as_of,
                        const EpidemicConfig& config);

// ---------------------------------------------------------------------------
// Coverage
// ---------------------------------------------------------------------------
struct VillageCoverage {
  std::string village_code;    // 12 digits; "" totals
  int64_t households = 0;      // households of the campaign in the village
  int64_t called = 0;          // with at least one outcome
  int64_t reached = 0;         // with at least one reached outcome
  int64_t unreachable = 0;     // called but never reached
  int64_t with_returnees = 0;  // reached and reported a returnee
  int64_t with_symptoms = 0;   // reached and reported someone with symptoms
  int64_t with_needs = 0;      // reached and reported a need
  double coverage = 0;         // reached / households (0 when no households)
};
struct CampaignCoverage {
  std::vector<VillageCoverage> villages;  // by village code
  VillageCoverage total;
};
// Outcomes of households not in `households` are ignored.
CampaignCoverage call_coverage(std::span<const HouseholdToCall> households,
                               std::span<const CallOutcome> outcomes);

// ---------------------------------------------------------------------------
// Reactions
// ---------------------------------------------------------------------------
struct RelapseTrigger {
  int64_t household_id = 0;
  RelapseTriggerKind kind = RelapseTriggerKind::kProduceUnsold;
  Date on;
  std::optional<int64_t> person_id;  // quarantine and infection: the member
  std::string note;
  std::string source_ref;  // "epidemic.call:12", "epidemic.observation:3", "epidemic.case:5"
};

struct SupportRequest {
  int64_t household_id = 0;
  NeedKind kind = NeedKind::kFood;
  std::string note;
  std::optional<int64_t> cadre_id;  // who should follow it up (the caller)
  Date on;
};

// The household being called, as the wiring knows it.
struct CallHousehold {
  int64_t household_id = 0;
  std::string region_code;
  PovertyStanding standing = PovertyStanding::kNone;
};

struct CallReactions {
  std::vector<KeyPersonInput> key_persons;
  std::vector<RelapseTrigger> relapse_triggers;
  std::vector<SupportRequest> support_requests;
};

// What a (validated, reached) outcome implies; nothing for an unreachable one.
//  - each returnee: a key person hubei_returnee (source phone_screening, added
//    on the call's day, with the travel; region: the household's);
//  - each symptom report: a key person fever (temperature and symptoms kept;
//    the category 发热患者 covers respiratory symptoms without fever too);
//  - each need: a support request to the caller;
//  - relapse triggers, only for households relapse monitoring takes (lifted
//    and marginal; a registered-poor household not yet lifted is already
//    under key support): produce_unsold for an unsold-produce need, and
//    epidemic_quarantine for each returnee who is a household member (they
//    will be observed at home).
// source_ref of everything: "epidemic.call:<id>".
CallReactions reactions(const CallOutcome& o, const CallHousehold& h, const EpidemicConfig& config);

// Relapse triggers from the other epidemic records, for a member of a
// household monitoring takes (nullopt otherwise, see reactions()):
// epidemic_quarantine when an observation starts, epidemic_infection when a
// case is confirmed (on the confirmation day).
struct Observation;
struct Case;
std::optional<RelapseTrigger> relapse_trigger_for(const Observation& o, int64_t household_id,
                                                  PovertyStanding standing);
std::optional<RelapseTrigger> relapse_trigger_for(const Case& c, int64_t household_id,
                                                  PovertyStanding standing);

}  // namespace lz::epidemic
