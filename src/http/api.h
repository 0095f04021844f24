// Api: the whole HTTP API as a function from request to response, given a
// worker's services. It picks the language, matches the route, authenticates
// (Bearer token or the session cookie), builds the scope and calls the
// handler. No sockets here: server.cc feeds it, tests call it directly.
#pragma once
#include <memory>
#include <optional>
#include <vector>

#include "http/message.h"
#include "http/router.h"
#include "http/services.h"

namespace lz::http {

class Api {
 public:
  Api();
  Api(const Api&) = delete;  // quick_ points into router_
  Api& operator=(const Api&) = delete;
  HttpResponse handle(const HttpRequest& req, Services& svc) const;
  // For the server's I/O thread: answers a quick route (a point read by id,
  // which never writes) when the session cache vouches for its token, so no
  // write and no slow query can happen on the calling thread. nullopt: the
  // request needs handle() on a worker (another route, no or an uncached
  // token, a last_seen_at touch due...). Same answers as handle() otherwise.
  std::optional<HttpResponse> handle_quick(const HttpRequest& req, Services& svc) const;
  const Router& router() const { return router_; }

 private:
  HttpResponse run(const Route& route, std::map<std::string, std::string> params,
                   const HttpRequest& req, Services& svc, std::optional<Account> account,
                   std::string token, Lang lang) const;

  Router router_;
  std::vector<const Route*> quick_;  // the routes handle_quick may answer
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
void add_import_upload_routes(Router& r);  // handlers/import_uploads.cc: chunked, resumable
void add_import_schemas(nlohmann::json& schemas);  // their OpenAPI components (meta.cc)
void add_meta_routes(Router& r);  // openapi.json, health
// The OpenAPI components/schemas (built once; meta.cc).
const nlohmann::json& api_schemas();
// The OpenAPI 3 document of a router.
nlohmann::json openapi_document(const Router& r);

}  // namespace lz::http
