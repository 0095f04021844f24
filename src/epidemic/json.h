// The epidemic records as JSON (snake_case, dates ISO 8601, temperatures in
// °C with one decimal, vocabulary values as ids with their Chinese and
// English labels where a list shows them) and back from request bodies. One
// spelling for the API responses, the audit trail's before/after and the CLI.
//
// from_json readers return field-level errors (code request.field, kInvalid)
// naming the JSON path, e.g. "travellers[2].temperature".
//
// Called by the store (audit entries), the HTTP handlers and the CLI.
#pragma once
#include <nlohmann/json_fwd.hpp>

#include "core/error.h"
#include "epidemic/campaign.h"
#include "epidemic/case.h"
#include "epidemic/checkpoint.h"
#include "epidemic/contacts.h"
#include "epidemic/key_person.h"
#include "epidemic/observation.h"

namespace lz::epidemic {

nlohmann::json to_json(const KeyPerson& k);
nlohmann::json to_json(const Case& c);
nlohmann::json to_json(const Contact& c);
nlohmann::json to_json(const Observation& o);
nlohmann::json to_json(const FollowUp& f);
nlohmann::json to_json(const Campaign& c);
nlohmann::json to_json(const CallOutcome& o);
nlohmann::json to_json(const Checkpoint& c);
nlohmann::json to_json(const DutyShift& s);
nlohmann::json to_json(const Passage& p);
nlohmann::json to_json(const HubeiTravel& t);
nlohmann::json to_json(const VillageCoverage& v);
nlohmann::json symptoms_json(SymptomSet s);        // ["cough","fatigue"]
nlohmann::json label_json(const enums::Value& v);  // {"id":..,"zh":..,"en":..}

// Readers for request bodies. Each takes the body (a JSON object) and fills
// what the body gives; the domain validation runs afterwards.
Result<KeyPersonInput> key_person_input(const nlohmann::json& body);
Result<CaseStep> case_step(const nlohmann::json& body);
Result<Contact> contact_input(const nlohmann::json& body);
Result<ObservationPlan> observation_plan(const nlohmann::json& body);
Result<FollowUp> follow_up_input(const nlohmann::json& body);
Result<Campaign> campaign_input(const nlohmann::json& body);
Result<CallOutcome> call_outcome_input(const nlohmann::json& body);
Result<Checkpoint> checkpoint_input(const nlohmann::json& body);
Result<DutyShift> shift_input(const nlohmann::json& body);
Result<Passage> passage_input(const nlohmann::json& body);
Result<HubeiTravel> travel_input(const nlohmann::json& j, const std::string& path);
Result<SymptomSet> symptoms_input(const nlohmann::json& j, const std::string& path);
// A temperature in °C (number or text such as "37.3℃") as tenths.
Result<int> temperature_input(const nlohmann::json& j, const std::string& path);
Result<Date> date_input(const nlohmann::json& j, const std::string& path);
Result<DateTime> datetime_input(const nlohmann::json& j, const std::string& path);

}  // namespace lz::epidemic
