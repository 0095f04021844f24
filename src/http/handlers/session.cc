// /api/v1/session: sign in (a bearer token and an HttpOnly SameSite=Strict
// cookie), who am I, sign out.
#include <fmt/format.h>

#include "http/api.h"
#include "http/problem.h"
#include "http/scope_guard.h"

namespace lz::http {

nlohmann::json account_json(const Account& a) {
  auto role = parse_role(a.role);
  return {{"id", a.id},
          {"login", a.login},
          {"display_name", a.display_name},
          {"role", a.role},
          {"role_label", role ? role_label_zh(*role) : ""},
          {"region_code", a.region_code.empty() ? nlohmann::json(nullptr) : nlohmann::json(a.region_code)},
          {"cadre_id", a.cadre_id ? nlohmann::json(*a.cadre_id) : nlohmann::json(nullptr)},
          {"checkpoint_id", a.checkpoint_id ? nlohmann::json(*a.checkpoint_id) : nlohmann::json(nullptr)},
          {"enterprise_id", a.enterprise_id ? nlohmann::json(*a.enterprise_id) : nlohmann::json(nullptr)},
          {"purchase_point_id", a.purchase_point_id ? nlohmann::json(*a.purchase_point_id) : nlohmann::json(nullptr)},
          {"disabled", a.disabled},
          {"version", a.meta.version}};
}

static nlohmann::json scope_json(const Scope& s) {
  return {{"region_prefix", s.region_prefix}, {"registry", s.registry},       {"registry_write", s.registry_write},
          {"paired_only", s.paired_only},     {"full_phone", s.full_phone},   {"may_reveal", s.may_reveal},
          {"manage_accounts", s.manage_accounts}, {"manage_roles", s.manage_roles}, {"read_audit", s.read_audit},
          {"epidemic", s.epidemic}, {"epidemic_write", s.epidemic_write}, {"epidemic_command", s.epidemic_command},
          {"checkpoint_id", s.checkpoint_id ? nlohmann::json(*s.checkpoint_id) : nlohmann::json(nullptr)},
          {"livelihood", s.livelihood}, {"livelihood_write", s.livelihood_write},
          {"livelihood_command", s.livelihood_command},
          {"enterprise_id", s.enterprise_id ? nlohmann::json(*s.enterprise_id) : nlohmann::json(nullptr)},
          {"purchase_point_id", s.purchase_point_id ? nlohmann::json(*s.purchase_point_id) : nlohmann::json(nullptr)}};
}

void add_session_routes(Router& r) {
  r.add({"POST", "/api/v1/session", "session", "Sign in with login and password", false, {}, "Login", "Session", false,
         {401, 422, 429}, [](Ctx& c) -> HttpResponse {
           auto body = c.body();
           if (!body) return problem(body.error(), c.lang);
           std::string login = text_of(*body, "login"), password = text_of(*body, "password");
           if (login.empty() || password.empty())
             return problem(401, "session.bad_credentials", "登录名或密码错误", "Wrong login or password", c.lang);
           auto res = c.svc.auth->login(login, password, c.req.remote);
           if (!res) {
             HttpResponse p = problem(res.error(), c.lang);
             if (res.error().code == "session.locked") p.header("Retry-After", "60");
             return p;
           }
           auto role = parse_role(res->account.role);
           auto county = c.svc.store->county();
           if (!county) return problem(county.error(), c.lang);
           Scope s = scope_for(role.value_or(Role::kAuditAdmin), res->account.region_code,
                               res->account.cadre_id, county->code);
           if (role == Role::kCheckpointStaff) s.checkpoint_id = res->account.checkpoint_id;
           if (role == Role::kEnterprise) s.enterprise_id = res->account.enterprise_id;
           if (role == Role::kPurchasePointOperator) s.purchase_point_id = res->account.purchase_point_id;
           HttpResponse out = json_response(
               {{"token", res->token},
                {"user", account_json(res->account)},
                {"scope", scope_json(s)},
                {"today", c.svc.epidemic->today().iso()}});
           out.header("Set-Cookie", fmt::format("{}={}; Path=/; HttpOnly; SameSite=Strict; Max-Age={}", kSessionCookie,
                                                res->token, c.svc.auth->config().absolute_lifetime.count()));
           out.header("Cache-Control", "no-store");
           return out;
         }});
  r.add({"GET", "/api/v1/session", "session", "The signed-in user and what their role may do", true, {}, "",
         "Session", false, {401}, [](Ctx& c) -> HttpResponse {
           // today: the county's day (a demo county lives on its demo date).
           return json_response({{"user", account_json(*c.account)},
                                 {"scope", scope_json(c.scope)},
                                 {"today", c.svc.epidemic->today().iso()}});
         }});
  r.add({"DELETE", "/api/v1/session", "session", "Sign out (ends the session)", true, {}, "", "", false, {401},
         [](Ctx& c) -> HttpResponse {
           auto st = c.svc.auth->logout(c.token, c.actor);
           if (!st) return problem(st.error(), c.lang);
           HttpResponse out = no_content();
           out.header("Set-Cookie", fmt::format("{}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0", kSessionCookie));
           return out;
         }});
}

}  // namespace lz::http
