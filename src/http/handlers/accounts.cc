// /api/v1/accounts: account administration for system_admin (accounts) and
// security_admin (accounts, roles). Neither sees personal data.
#include <fmt/format.h>

#include "http/api.h"
#include "http/problem.h"
#include "http/scope_guard.h"

namespace lz::http {

nlohmann::json account_json(const Account& a);  // session.cc

static Result<Account> find_account(Ctx& c, int64_t id) {
  auto a = c.svc.accounts->account(id);
  if (!a) return not_found("not_found", "id", fmt::format("账号{}不存在", id), fmt::format("There is no account {}", id));
  return a;
}

void add_account_routes(Router& r) {
  r.add({"GET", "/api/v1/accounts", "accounts", "All accounts (system_admin, security_admin)", true, {}, "", "Account",
         true, {403}, [](Ctx& c) -> HttpResponse {
           if (auto st = require(c.scope.manage_accounts); !st) return problem(st.error(), c.lang);
           auto all = c.svc.accounts->accounts();
           if (!all) return problem(all.error(), c.lang);
           nlohmann::json items = nlohmann::json::array();
           for (const auto& a : *all) items.push_back(account_json(a));
           return list_response(items, static_cast<int64_t>(items.size()));
         }});
  r.add({"POST", "/api/v1/accounts", "accounts",
         "Create an account (security_admin for any role; system_admin for non-administrator roles)", true, {},
         "AccountInput", "Account", false, {403, 409, 422}, [](Ctx& c) -> HttpResponse {
           if (auto st = require(c.scope.manage_accounts); !st) return problem(st.error(), c.lang);
           auto body = c.body();
           if (!body) return problem(body.error(), c.lang);
           AccountInput in;
           in.login = text_of(*body, "login");
           in.display_name = text_of(*body, "display_name");
           in.role = text_of(*body, "role");
           in.region_code = text_of(*body, "region_code");
           if (body->contains("cadre_id") && (*body)["cadre_id"].is_number_integer()) in.cadre_id = (*body)["cadre_id"].get<int64_t>();
           if (body->contains("checkpoint_id") && (*body)["checkpoint_id"].is_number_integer()) in.checkpoint_id = (*body)["checkpoint_id"].get<int64_t>();
           if (body->contains("enterprise_id") && (*body)["enterprise_id"].is_number_integer()) in.enterprise_id = (*body)["enterprise_id"].get<int64_t>();
           if (body->contains("purchase_point_id") && (*body)["purchase_point_id"].is_number_integer())
             in.purchase_point_id = (*body)["purchase_point_id"].get<int64_t>();
           // Only the security administrator hands out administrator roles.
           bool admin_role = in.role == "system_admin" || in.role == "security_admin" || in.role == "audit_admin";
           if (admin_role && !c.scope.manage_roles) return problem(require(false).error(), c.lang);
           auto a = c.svc.auth->add_account(in, text_of(*body, "password"), c.actor);
           if (!a) return problem(a.error(), c.lang);
           return record_response(account_json(*a), 201);
         }});
  r.add({"PATCH", "/api/v1/accounts/{id}", "accounts",
         "Disable or enable an account ({\"disabled\": bool}); change its role ({\"role\",\"region_code\",\"cadre_id\"}, security_admin only)",
         true, {}, "AccountPatch", "Account", false, {403, 404, 422}, [](Ctx& c) -> HttpResponse {
           if (auto st = require(c.scope.manage_accounts); !st) return problem(st.error(), c.lang);
           auto id = c.id();
           if (!id) return problem(id.error(), c.lang);
           auto a = find_account(c, *id);
           if (!a) return problem(a.error(), c.lang);
           auto body = c.body();
           if (!body) return problem(body.error(), c.lang);
           if (body->contains("role")) {
             if (auto st = require(c.scope.manage_roles); !st) return problem(st.error(), c.lang);
             std::optional<int64_t> cadre;
             if (body->contains("cadre_id") && (*body)["cadre_id"].is_number_integer()) cadre = (*body)["cadre_id"].get<int64_t>();
             auto changed = c.svc.auth->set_role(a->login, text_of(*body, "role"), text_of(*body, "region_code"), cadre, c.actor);
             if (!changed) return problem(changed.error(), c.lang);
           }
           if (body->contains("disabled")) {
             if (!(*body)["disabled"].is_boolean())
               return problem(invalid("disabled.type", "disabled", "disabled应为true或false", "disabled must be true or false"), c.lang);
             auto st = c.svc.auth->set_disabled(a->login, (*body)["disabled"].get<bool>(), c.actor);
             if (!st) return problem(st.error(), c.lang);
           }
           auto after = find_account(c, *id);
           if (!after) return problem(after.error(), c.lang);
           return record_response(account_json(*after));
         }});
  r.add({"POST", "/api/v1/accounts/{id}/password", "accounts",
         "Set a new password ({\"password\"}); ends the account's sessions and clears a lock", true, {},
         "PasswordInput", "", false, {403, 404, 422}, [](Ctx& c) -> HttpResponse {
           if (auto st = require(c.scope.manage_accounts); !st) return problem(st.error(), c.lang);
           auto id = c.id();
           if (!id) return problem(id.error(), c.lang);
           auto a = find_account(c, *id);
           if (!a) return problem(a.error(), c.lang);
           auto body = c.body();
           if (!body) return problem(body.error(), c.lang);
           auto st = c.svc.auth->reset_password(a->login, text_of(*body, "password"), c.actor);
           if (!st) return problem(st.error(), c.lang);
           return no_content();
         }});
}

}  // namespace lz::http
