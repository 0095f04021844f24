// Key persons (四类重点人员 and 湖北返乡人员): a registry person listed in a
// category on a day, found by a source (checkpoint, phone screening, self-
// report, hospital, contact tracing, door-to-door visit). A key person is
// always a registry person: linked by ID number, or a new person is created
// (someone staying in the county who is not registered here).
//
// The flow: something proposes a KeyPersonInput (a form, a screening call's
// reactions, a checkpoint referral, a case step); validate_key_person()
// normalises and checks it; the store looks the ID number up and
// link_person() says whether to use the person found or create one;
// make_key_person() builds the record, refusing a duplicate listing.
//
// Called by the store/API (key-person endpoints), campaign.h and
// checkpoint.h (referrals), the demo generator.
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include "core/date.h"
#include "core/error.h"
#include "epidemic/records.h"
#include "epidemic/vocab.h"
#include "registry/model.h"

namespace lz::epidemic {

// How a Hubei returnee came back.
struct HubeiTravel {
  Date arrived_on;         // the day they arrived in the county
  std::string from_place;  // where from, e.g. "湖北省武汉市"
  TravelMode mode = TravelMode::kCar;
  std::string detail;  // train number, flight, plate ...
};

// A proposed listing. Either person_id (a registry person already known) or
// id_number (looked up by the store) identifies the person.
struct KeyPersonInput {
  std::optional<int64_t> person_id;
  std::string id_number;  // any form people type; normalised by validation
  std::string name;
  std::string phone;
  std::string region_code;  // where the person lives or stays (village or group)
  KeyCategory category = KeyCategory::kFever;
  KeySource source = KeySource::kSelfReport;
  Date added_on;
  std::optional<HubeiTravel> travel;      // required for hubei_returnee
  std::optional<Date> last_exposure;      // required for close_contact
  std::optional<int64_t> contact_of;      // close contact: the case's person id
  std::optional<int> temperature_tenths;  // fever: the reading that raised it
  SymptomSet symptoms;
  std::string source_ref;  // what raised it, e.g. "epidemic.call:12", "epidemic.passage:5"
  std::string note;
  std::string by;  // login
};

struct KeyPerson {
  int64_t id = 0;  // assigned by the store; 0 = new
  int64_t person_id = 0;
  std::string region_code;
  KeyCategory category = KeyCategory::kFever;
  KeySource source = KeySource::kSelfReport;
  Date added_on;
  std::optional<HubeiTravel> travel;
  std::optional<Date> last_exposure;
  std::optional<int64_t> contact_of;
  std::optional<int> temperature_tenths;
  SymptomSet symptoms;
  std::string source_ref;
  std::string note;
  std::string added_by;
};

// Checks and normalises a proposal (codes key_person.*, fields named):
//  - person_required: neither person_id nor id_number; name_required: no
//    person_id and no name;
//  - the ID number must parse (core/id_number.h: its own codes, field
//    "id_number");
//  - region_required (when no person_id: a new person needs a region);
//  - date_future: added_on, arrival or last exposure after as_of;
//    exposure_after_added: last exposure or arrival after added_on;
//  - travel_required for hubei_returnee (arrival and from_place);
//  - exposure_required for close_contact;
//  - temperature.implausible for a reading outside 34.0..43.0 °C.
// The result has the ID number normalised, name and place trimmed.
Result<KeyPersonInput> validate_key_person(const KeyPersonInput& in, Date as_of);

// Whether to use a registry person or create one.
struct PersonLink {
  std::optional<int64_t> existing_person_id;  // use this person ...
  std::optional<Person> new_person;           // ... or create this one (id 0, no household)
};

// `existing`: the registry person with in.id_number (or in.person_id), found
// by the store, or null. With a person: their id (refused with
// key_person.name_mismatch, kConflict, if the input names someone else: the
// ID number belongs to another name). Without: a new Person with the name,
// normalised ID number, sex and birth date from it, phone and region. The
// input must have been validated.
Result<PersonLink> link_person(const KeyPersonInput& in, const Person* existing);

// The record for a validated input linked to `person_id`. Refused with
// key_person.duplicate (kConflict) if `existing` (the person's key-person
// records) already lists them in the same category.
Result<KeyPerson> make_key_person(const KeyPersonInput& in, int64_t person_id,
                                  std::span<const KeyPerson> existing);

// The category a case step implies: suspected -> suspected, confirmed ->
// confirmed; nullopt for the other steps.
std::optional<KeyCategory> category_for(CaseStatus s);

// Categories that are put under medical observation: close contacts (from
// the last exposure) and Hubei returnees (from the day of arrival).
bool needs_observation(KeyCategory c);
// The day observation is counted from: last_exposure for close contacts, the
// arrival for returnees; nullopt for other categories.
std::optional<Date> exposure_date(const KeyPerson& k);

KeyPersonRecord to_record(const KeyPerson& k);

}  // namespace lz::epidemic
