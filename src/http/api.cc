#include "http/api.h"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "http/field_labels.h"
#include "http/problem.h"

namespace lz::http {

Lang lang_of(const HttpRequest& req) {
  std::string al = req.header("accept-language");
  // The first language listed wins; Chinese unless it is English.
  return al.starts_with("en") ? Lang::kEn : Lang::kZh;
}

static std::string session_token(const HttpRequest& req) {
  std::string auth = req.header("authorization");
  if (auth.size() > 7 && (auth.starts_with("Bearer ") || auth.starts_with("bearer "))) return auth.substr(7);
  std::string cookie = req.header("cookie");
  std::string key = std::string(kSessionCookie) + "=";
  for (size_t pos = 0; (pos = cookie.find(key, pos)) != std::string::npos; pos += key.size()) {
    if (pos == 0 || cookie[pos - 1] == ' ' || cookie[pos - 1] == ';') {
      size_t b = pos + key.size(), e = cookie.find(';', b);
      return cookie.substr(b, e == std::string::npos ? std::string::npos : e - b);
    }
  }
  return "";
}

Api::Api() {
  add_session_routes(router_);
  add_region_routes(router_);
  add_household_routes(router_);
  add_person_routes(router_);
  add_cadre_routes(router_);
  add_village_team_routes(router_);
  add_pairing_routes(router_);
  add_account_routes(router_);
  add_audit_routes(router_);
  add_poverty_routes(router_);
  add_poverty_task_routes(router_);
  add_bulletin_routes(router_);
  add_epidemic_routes(router_);
  add_livelihood_routes(router_);
  add_door_plate_routes(router_);
  add_import_routes(router_);
  add_import_upload_routes(router_);
  add_meta_routes(router_);
  // Point reads by id: one indexed lookup and a small body, no write (the
  // reveal of a full ID number is a POST and never quick).
  for (const Route& r : router_.routes())
    if (r.method == "GET" && r.auth &&
        (r.pattern == "/api/v1/households/{id}" || r.pattern == "/api/v1/persons/{id}" ||
         r.pattern == "/api/v1/cadres/{id}" || r.pattern == "/api/v1/pairings/{id}" ||
         r.pattern == "/api/v1/village_teams/{id}"))
      quick_.push_back(&r);
}

HttpResponse Api::handle(const HttpRequest& req, Services& svc) const {
  Lang lang = lang_of(req);
  auto m = router_.match(req.method, req.path);
  if (!m.route) {
    if (m.path_exists)
      return problem(405, "request.method", "该地址不支持此操作", "This address does not support this method", lang);
    return not_found_response(lang);
  }
  std::string token = session_token(req);
  std::optional<Account> account;
  if (m.route->auth) {
    if (token.empty()) return unauthorized(lang);
    auto a = svc.auth->authenticate(token, req.remote);
    if (!a) return problem(a.error(), lang);
    account = std::move(a).value();
  }
  return run(*m.route, std::move(m.params), req, svc, std::move(account), std::move(token), lang);
}

std::optional<HttpResponse> Api::handle_quick(const HttpRequest& req, Services& svc) const {
  if (req.method != "GET") return std::nullopt;
  auto m = router_.match(req.method, req.path);
  if (!m.route || std::find(quick_.begin(), quick_.end(), m.route) == quick_.end())
    return std::nullopt;
  std::string token = session_token(req);
  auto account = svc.auth->cached_session(token);
  if (!account) return std::nullopt;
  return run(*m.route, std::move(m.params), req, svc, std::move(account), std::move(token),
             lang_of(req));
}

HttpResponse Api::run(const Route& route, std::map<std::string, std::string> params,
                      const HttpRequest& req, Services& svc, std::optional<Account> account,
                      std::string token, Lang lang) const {
  Ctx c{req, std::move(params), parse_query(req.query), lang, svc};
  c.actor = Actor{"anonymous", req.remote, ""};
  c.token = std::move(token);
  if (account) {
    auto role = parse_role(account->role);
    if (!role) return unauthorized(lang);
    auto county = svc.store->county();  // cached per worker
    if (!county) return problem(county.error(), lang);
    c.scope = scope_for(*role, account->region_code, account->cadre_id, county->code);
    if (*role == Role::kCheckpointStaff) c.scope.checkpoint_id = account->checkpoint_id;
    if (*role == Role::kEnterprise) c.scope.enterprise_id = account->enterprise_id;
    if (*role == Role::kPurchasePointOperator) c.scope.purchase_point_id = account->purchase_point_id;
    c.actor = Actor{account->login, req.remote, account->role};
    c.account = std::move(account);
  }
  try {
    HttpResponse r = route.handler(c);
    if (r.status >= 400) label_problem(r, req, route.request_schema, lang);
    return r;
  } catch (const std::exception& e) {
    spdlog::error("{} {}: {}", req.method, req.path, e.what());
    return problem(500, "internal", "系统内部错误，请稍后再试", "Internal error; please try again later", lang);
  }
}

}  // namespace lz::http
