// /api/v1/cadres: cadres of the user's jurisdiction (a paired cadre sees
// their own record), create, read, update, soft delete.
#include <fmt/format.h>

#include "http/api.h"
#include "http/problem.h"
#include "http/region_names.h"
#include "http/scope_guard.h"
#include "registry/enums.h"
#include "registry/json.h"
#include "registry/validate.h"

namespace lz::http {

static bool cadre_visible(const Ctx& c, const Cadre& cadre) {
  if (c.scope.paired_only) return c.scope.cadre_id && *c.scope.cadre_id == cadre.id;
  return c.scope.covers(cadre.region_code);
}

static Result<CadreInput> cadre_input(const nlohmann::json& j, const Cadre* base) {
  CadreInput in;
  in.name = j.contains("name") || !base ? text_of(j, "name") : base->name;
  in.unit = j.contains("unit") || !base ? text_of(j, "unit") : base->unit;
  in.phone = j.contains("phone") || !base ? text_of(j, "phone") : base->phone;
  in.region_code = j.contains("region_code") || !base ? text_of(j, "region_code") : base->region_code;
  if (j.contains("kinds")) {
    if (!j["kinds"].is_array())
      return invalid("kinds.type", "kinds", "kinds应为数组", "kinds must be an array");
    for (const auto& k : j["kinds"]) in.kinds.push_back(k.is_string() ? k.get<std::string>() : k.dump());
  } else if (base) {
    in.kinds = base->kinds;
  }
  return in;
}

static Result<Cadre> visible_cadre(Ctx& c, int64_t id) {
  auto cadre = c.svc.store->cadre(id);
  if (!cadre || !cadre_visible(c, *cadre)) return not_in_scope("干部", "cadre", id);
  return cadre;
}

void add_cadre_routes(Router& r) {
  r.add({"GET", "/api/v1/cadres", "registry", "Cadres in the user's jurisdiction", true,
         {{"region", "query", "string", "Region code: this region and everything below it"},
          {"q", "query", "string", "Name (contains) or phone (exact)"},
          {"kind", "query", "string", "village_stationed | paired | poverty_officer | village_committee"},
          {"sort", "query", "string", "id | -id | name"},
          {"limit", "query", "integer", "Page size, 0-1000 (default 50)"},
          {"offset", "query", "integer", "Rows to skip"}},
         "", "Cadre", true, {400, 403}, [](Ctx& c) -> HttpResponse {
           if (auto st = require_registry(c); !st) return problem(st.error(), c.lang);
           CadreQuery q;
           if (auto st = c.paging(q.limit, q.offset); !st) return problem(st.error(), c.lang);
           if (c.scope.paired_only) {
             auto self = c.scope.cadre_id ? c.svc.store->cadre(*c.scope.cadre_id) : Result<Cadre>(not_in_scope("干部", "cadre", 0));
             nlohmann::json items = nlohmann::json::array();
             if (self) items.push_back(to_json(*self));
             return list_response(items, static_cast<int64_t>(items.size()));
           }
           auto prefix = list_prefix(c);
           if (!prefix) return problem(prefix.error(), c.lang);
           if (!*prefix) return list_response(nlohmann::json::array(), 0);
           q.region_prefix = **prefix;
           q.text = c.q_or("q", "");
           q.kind = c.q_or("kind", "");
           if (!q.kind.empty() && !enums::find(enums::cadre_kinds(), q.kind))
             return problem(bad_parameter("kind", fmt::format("干部类别“{}”无效", q.kind),
                                          fmt::format("Unknown cadre kind \"{}\"", q.kind)),
                            c.lang);
           q.sort = c.q_or("sort", "id");
           auto page = c.svc.store->list_cadres(q);
           if (!page) return problem(page.error(), c.lang);
           nlohmann::json items = nlohmann::json::array();
           for (const auto& x : page->items) items.push_back(to_json(x));
           return list_response(items, page->total);
         }});
  r.add({"POST", "/api/v1/cadres", "registry", "Create a cadre", true, {}, "CadreInput", "Cadre", false,
         {403, 422}, [](Ctx& c) -> HttpResponse {
           if (auto st = require_registry(c, true); !st) return problem(st.error(), c.lang);
           auto body = c.body();
           if (!body) return problem(body.error(), c.lang);
           auto in =
               read_all(*body, [](const nlohmann::json& b) { return cadre_input(b, nullptr); });
           if (!in) return problem(in.error(), c.lang);
           auto tree = regions_of(c.svc, in->region_code);
           if (!tree) return problem(tree.error(), c.lang);
           auto v = validate_cadre(*in, **tree);
           if (!v) return problem(v.error(), c.lang);
           if (!c.scope.covers(v->region_code))
             return problem(403, "auth.out_of_scope", "该区划不在您的管辖范围内", "This region is outside your jurisdiction",
                            c.lang);
           auto created = c.svc.store->create_cadre(*v, c.actor);
           if (!created) return problem(created.error(), c.lang);
           return record_response(to_json(*created), 201);
         }});
  r.add({"GET", "/api/v1/cadres/{id}", "registry", "One cadre", true, {}, "", "Cadre", false, {404},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_registry(c); !st) return problem(st.error(), c.lang);
           auto id = c.id();
           if (!id) return problem(id.error(), c.lang);
           auto cadre = visible_cadre(c, *id);
           if (!cadre) return problem(cadre.error(), c.lang);
           return record_response(to_json(*cadre));
         }});
  r.add({"PATCH", "/api/v1/cadres/{id}", "registry", "Change a cadre; needs the version", true, {}, "CadrePatch",
         "Cadre", false, {403, 404, 409, 422, 428}, [](Ctx& c) -> HttpResponse {
           if (auto st = require_registry(c, true); !st) return problem(st.error(), c.lang);
           auto id = c.id();
           if (!id) return problem(id.error(), c.lang);
           auto cadre = visible_cadre(c, *id);
           if (!cadre) return problem(cadre.error(), c.lang);
           auto body = c.body();
           if (!body) return problem(body.error(), c.lang);
           auto version = c.expected_version(&*body);
           if (!version) return problem(version.error(), c.lang);
           auto in =
               read_all(*body, [&](const nlohmann::json& b) { return cadre_input(b, &*cadre); });
           if (!in) return problem(in.error(), c.lang);
           auto tree = regions_of(c.svc, in->region_code);
           if (!tree) return problem(tree.error(), c.lang);
           auto v = validate_cadre(*in, **tree);
           if (!v) return problem(v.error(), c.lang);
           if (!c.scope.covers(v->region_code))
             return problem(403, "auth.out_of_scope", "该区划不在您的管辖范围内", "This region is outside your jurisdiction",
                            c.lang);
           v->id = *id;
           auto updated = c.svc.store->update_cadre(*v, *version, c.actor);
           if (!updated) return problem(updated.error(), c.lang);
           return record_response(to_json(*updated));
         }});
  r.add({"DELETE", "/api/v1/cadres/{id}", "registry", "Soft-delete a cadre (refused while they hold pairings)", true,
         {{"version", "query", "integer", "The version being deleted (or If-Match)"}}, "", "", false,
         {403, 404, 409, 428}, [](Ctx& c) -> HttpResponse {
           if (auto st = require_registry(c, true); !st) return problem(st.error(), c.lang);
           auto id = c.id();
           if (!id) return problem(id.error(), c.lang);
           auto cadre = visible_cadre(c, *id);
           if (!cadre) return problem(cadre.error(), c.lang);
           auto version = c.expected_version();
           if (!version) return problem(version.error(), c.lang);
           auto st = c.svc.store->delete_cadre(*id, *version, c.actor);
           if (!st) return problem(st.error(), c.lang);
           return no_content();
         }});
}

}  // namespace lz::http
