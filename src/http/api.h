// Api: the whole HTTP API as a function from request to response, given a
// worker's services. It picks the language, matches the route, authenticates
// (Bearer token or the session cookie), builds the scope and calls the
// handler. No sockets here: server.cc feeds it, tests call it directly.
#pragma once
#include <memory>

#include "http/message.h"
#include "http/router.h"
#include "http/services.h"

namespace lz::http {

class Api {
 public:
  Api();
  HttpResponse handle(const HttpRequest& req, Services& svc) const;
  const Router& router() const { return router_; }

 private:
  Router router_;
};

Lang lang_of(const HttpRequest& req);
constexpr const char* kSessionCookie = "lz_session";

// Route registration, one per resource file under handlers/.
void add_session_routes(Router& r);
void add_region_routes(Router& r);
void add_household_routes(Router& r);
void add_person_routes(Router& r);
void add_cadre_routes(Router& r);
void add_village_team_routes(Router& r);
void add_pairing_routes(Router& r);
void add_account_routes(Router& r);
void add_audit_routes(Router& r);
void add_poverty_routes(Router& r);       // handlers/poverty.cc
void add_poverty_task_routes(Router& r);  // handlers/poverty_tasks.cc
void add_bulletin_routes(Router& r);      // handlers/bulletin.cc
void add_epidemic_routes(Router& r);      // handlers/epidemic*.cc
void add_livelihood_routes(Router& r);    // handlers/livelihood*.cc
void add_door_plate_routes(Router& r);    // handlers/door_plate.cc
void add_import_routes(Router& r);        // handlers/imports.cc: uploads with progress
void add_import_schemas(nlohmann::json& schemas);  // their OpenAPI components (meta.cc)
void add_meta_routes(Router& r);  // openapi.json, health
// The OpenAPI 3 document of a router.
nlohmann::json openapi_document(const Router& r);

}  // namespace lz::http
