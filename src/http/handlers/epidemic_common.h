// What the epidemic handlers share: who may do what on the epidemic front
// (the flags of auth/roles.h), the region a list is narrowed to, masking of
// the persons records are about, and the reactions a use case set off, as
// JSON. Internal to src/http/handlers/epidemic_*.cc.
#pragma once
#include <nlohmann/json.hpp>

#include "app/epidemic_service.h"
#include "http/api.h"
#include "http/problem.h"
#include "http/scope_guard.h"

namespace lz::http {

// 403 unless the role may read the epidemic front (write / command: may write
// records / cases, campaigns and checkpoints).
Status require_epidemic(const Ctx& c, bool write = false, bool command = false);

// The region prefix a list uses (the requested ?region= narrowed to the
// user's); nullopt when the two do not overlap (an empty list).
Result<std::optional<std::string>> epidemic_prefix(const Ctx& c);

// Whether a record in `region_code` lies within the user's jurisdiction.
bool epidemic_covers(const Ctx& c, const std::string& region_code);

// 404 in the user's language for a record outside their jurisdiction.
HttpResponse out_of_scope(const Ctx& c, const char* what_zh, const char* what_en, int64_t id);

// A person as epidemic lists show them: ID number always masked, the phone
// masked unless the role sees phones.
nlohmann::json person_brief_json(const sqlite::PersonBrief& p, const Scope& s);
nlohmann::json reactions_json(const app::Reactions& r, Lang lang);

// Parses ?date= (default: the county's today).
Result<Date> date_param(const Ctx& c, const char* name = "date");

void add_epidemic_schemas(nlohmann::json& schemas);  // OpenAPI components (meta.cc)
void add_key_person_routes(Router& r);   // epidemic_cases.cc: key persons, cases, contacts
void add_observation_routes(Router& r);  // epidemic_observations.cc: observations, follow-ups
void add_campaign_routes(Router& r);     // epidemic_campaigns.cc
void add_checkpoint_routes(Router& r);   // epidemic_checkpoints.cc

}  // namespace lz::http
