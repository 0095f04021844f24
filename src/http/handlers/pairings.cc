// /api/v1/pairings: which paired cadre is responsible for which household,
// from/to dates. One responsible cadre per household at a time; "replace"
// ends the current pairing the day before the new one starts. A change
// re-checks the household in the same transaction, so its open gap tasks go
// to the cadre responsible now.
#include <fmt/format.h>

#include "http/api.h"
#include "http/problem.h"
#include "http/scope_guard.h"
#include "registry/json.h"

namespace lz::http {

static Result<Pairing> visible_pairing(Ctx& c, int64_t id) {
  auto p = c.svc.store->pairing(id);
  if (!p) return not_in_scope("结对", "pairing", id);
  auto h = c.svc.store->household(p->household_id);
  if (!h || !c.scope.covers(h->region_code)) return not_in_scope("结对", "pairing", id);
  if (c.scope.paired_only && (!c.scope.cadre_id || *c.scope.cadre_id != p->cadre_id))
    return not_in_scope("结对", "pairing", id);
  return p;
}

void add_pairing_routes(Router& r) {
  r.add({"GET",
         "/api/v1/pairings",
         "registry",
         "Pairings of households in the user's jurisdiction",
         true,
         {{"region", "query", "string", "Region code of the household"},
          {"cadre_id", "query", "integer", "Pairings of one cadre"},
          {"household_id", "query", "integer", "Pairings of one household"},
          {"current", "query", "boolean", "true: only pairings in force"},
          {"limit", "query", "integer", "Page size, 0-1000 (default 50)"},
          {"offset", "query", "integer", "Rows to skip"}},
         "",
         "Pairing",
         true,
         {400, 403},
         [](Ctx& c) -> HttpResponse {
           PairingQuery q;
           auto prefix = scoped_page(c, require_registry(c), q.limit, q.offset);
           if (!prefix) return problem(prefix.error(), c.lang);
           if (!*prefix) return list_response(nlohmann::json::array(), 0);
           q.region_prefix = **prefix;
           auto cid = c.q_int("cadre_id", 1, INT64_MAX);
           auto hid = c.q_int("household_id", 1, INT64_MAX);
           if (!cid) return problem(cid.error(), c.lang);
           if (!hid) return problem(hid.error(), c.lang);
           q.cadre_id = *cid;
           q.household_id = *hid;
           q.current_only = c.q_or("current", "") == "true";
           if (c.scope.paired_only) q.cadre_id = c.scope.cadre_id.value_or(-1);
           auto page = c.svc.store->list_pairings(q);
           if (!page) return problem(page.error(), c.lang);
           nlohmann::json items = nlohmann::json::array();
           for (const auto& p : page->items) items.push_back(to_json(p));
           return list_response(items, page->total);
         }});
  r.add({"POST", "/api/v1/pairings", "registry",
         "Pair a paired cadre with a household (\"replace\": true ends the current pairing)", true, {},
         "PairingInput", "Pairing", false, {403, 404, 409, 422}, [](Ctx& c) -> HttpResponse {
           if (auto st = require_registry(c, true); !st) return problem(st.error(), c.lang);
           auto body = c.body();
           if (!body) return problem(body.error(), c.lang);
           Pairing p;
           std::vector<Error> errs;
           if (!(*body).contains("cadre_id") || !(*body)["cadre_id"].is_number_integer())
             errs.push_back(invalid("cadre_id.missing", "cadre_id", "请填写结对干部编号", "cadre_id is required"));
           else p.cadre_id = (*body)["cadre_id"].get<int64_t>();
           if (!(*body).contains("household_id") || !(*body)["household_id"].is_number_integer())
             errs.push_back(invalid("household_id.missing", "household_id", "请填写户编号（id）", "household_id is required"));
           else p.household_id = (*body)["household_id"].get<int64_t>();
           auto from = Date::parse_iso(text_of(*body, "from_date"));
           if (!from) errs.push_back(invalid("from_date.format", "from_date", "开始日期应为YYYY-MM-DD", "from_date must be YYYY-MM-DD"));
           else p.from_date = *from;
           if (!errs.empty()) {
             Error e = errs.size() == 1 ? errs.front() : invalid("validation", "", fmt::format("有{}处填写错误", errs.size()), fmt::format("{} fields are invalid", errs.size()));
             if (errs.size() > 1) e.details = errs;
             return problem(e, c.lang);
           }
           auto h = c.svc.store->household(p.household_id);
           if (!h || !c.scope.covers(h->region_code)) return problem(not_in_scope("户", "household", p.household_id, "household_id"), c.lang);
           if (auto st = cadre_in_scope(c, p.cadre_id, "cadre_id"); !st)
             return problem(st.error(), c.lang);
           bool replace = body->contains("replace") && (*body)["replace"].is_boolean() && (*body)["replace"].get<bool>();
           Result<Pairing> created = p;
           auto st = c.svc.poverty->change_responsible(p.household_id, c.actor, [&]() -> Status {
             created = c.svc.store->create_pairing(p, c.actor, replace);
             return created ? Status{} : Status(created.error());
           });
           if (!st) return problem(st.error(), c.lang);
           return record_response(to_json(*created), 201);
         }});
  r.add({"GET", "/api/v1/pairings/{id}", "registry", "One pairing", true, {}, "", "Pairing", false, {404},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_registry(c); !st) return problem(st.error(), c.lang);
           auto id = c.id();
           if (!id) return problem(id.error(), c.lang);
           auto p = visible_pairing(c, *id);
           if (!p) return problem(p.error(), c.lang);
           return record_response(to_json(*p));
         }});
  r.add({"PATCH", "/api/v1/pairings/{id}", "registry", "End a pairing: {\"to_date\": \"YYYY-MM-DD\", \"version\": N}",
         true, {}, "PairingPatch", "Pairing", false, {403, 404, 409, 422, 428}, [](Ctx& c) -> HttpResponse {
           if (auto st = require_registry(c, true); !st) return problem(st.error(), c.lang);
           auto id = c.id();
           if (!id) return problem(id.error(), c.lang);
           auto p = visible_pairing(c, *id);
           if (!p) return problem(p.error(), c.lang);
           auto body = c.body();
           if (!body) return problem(body.error(), c.lang);
           auto version = c.expected_version(&*body);
           if (!version) return problem(version.error(), c.lang);
           auto to = Date::parse_iso(text_of(*body, "to_date"));
           if (!to) return problem(invalid("to_date.format", "to_date", "结束日期应为YYYY-MM-DD", "to_date must be YYYY-MM-DD"), c.lang);
           Result<Pairing> updated = *p;
           auto st = c.svc.poverty->change_responsible(p->household_id, c.actor, [&]() -> Status {
             updated = c.svc.store->end_pairing(*id, *to, *version, c.actor);
             return updated ? Status{} : Status(updated.error());
           });
           if (!st) return problem(st.error(), c.lang);
           return record_response(to_json(*updated));
         }});
  r.add({"DELETE", "/api/v1/pairings/{id}", "registry", "Soft-delete a pairing entered by mistake; needs the version",
         true, {{"version", "query", "integer", "The version being deleted (or If-Match)"}}, "", "", false,
         {403, 404, 409, 428}, [](Ctx& c) -> HttpResponse {
           if (auto st = require_registry(c, true); !st) return problem(st.error(), c.lang);
           auto id = c.id();
           if (!id) return problem(id.error(), c.lang);
           auto p = visible_pairing(c, *id);
           if (!p) return problem(p.error(), c.lang);
           auto version = c.expected_version();
           if (!version) return problem(version.error(), c.lang);
           auto st = c.svc.poverty->change_responsible(p->household_id, c.actor, [&] {
             return c.svc.store->delete_pairing(*id, *version, c.actor);
           });
           if (!st) return problem(st.error(), c.lang);
           return no_content();
         }});
}

}  // namespace lz::http
