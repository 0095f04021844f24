// /api/v1/persons: search persons across households (scoped), read, update,
// soft delete, and reveal a full ID number and phone (an explicit, audited act).
#include <fmt/format.h>

#include "exchange/simplified.h"
#include "http/api.h"
#include "http/problem.h"
#include "http/scope_guard.h"
#include "registry/enums.h"
#include "registry/json.h"
#include "registry/validate.h"
#include "store/audit.h"

namespace lz::http {

PersonInput person_input(const nlohmann::json& j);  // households.cc

static Result<Person> visible_person(Ctx& c, int64_t id) {
  auto p = c.svc.store->person(id);
  if (!p) return not_in_scope("人员", "person", id);
  bool ok = c.scope.covers(p->region_code);
  if (ok && c.scope.paired_only) {
    if (!p->household_id || !c.scope.cadre_id) return not_in_scope("人员", "person", id);
    auto paired = c.svc.store->is_paired(*c.scope.cadre_id, *p->household_id);
    if (!paired) return paired.error();
    ok = *paired;
  }
  if (!ok) return not_in_scope("人员", "person", id);
  return p;
}

static HttpResponse person_out(const Ctx& c, const Person& p, int status = 200) {
  nlohmann::json j = to_json(p);
  mask_person(j, c.scope);
  return record_response(j, status);
}

void add_person_routes(Router& r) {
  r.add({"GET", "/api/v1/persons", "registry", "Persons in the user's jurisdiction, filtered, sorted and paged", true,
         {{"region", "query", "string", "Region code: this region and everything below it"},
          {"q", "query", "string", "Name (contains), ID number or household number (exact)"},
          {"sex", "query", "string", "male | female"},
          {"relationship", "query", "string", "Relationship code (01, 10, 20, ...)"},
          {"health", "query", "string", "healthy | chronic_illness | serious_illness | disabled"},
          {"labour", "query", "string", "ordinary | skilled | weak | lost | none"},
          {"enrolment", "query", "string", "School enrolment"},
          {"household_id", "query", "integer", "Members of one household"},
          {"min_age", "query", "integer", "Age at least (completed years today)"},
          {"max_age", "query", "integer", "Age at most"},
          {"as_of", "query", "string", "Date the ages refer to (YYYY-MM-DD, default today)"},
          {"sort", "query", "string", "id | -id | name | birth_date | -birth_date"},
          {"limit", "query", "integer", "Page size, 0-1000 (default 50)"},
          {"offset", "query", "integer", "Rows to skip"}},
         "", "Person", true, {400, 403}, [](Ctx& c) -> HttpResponse {
           if (auto st = require_registry(c); !st) return problem(st.error(), c.lang);
           auto prefix = list_prefix(c);
           if (!prefix) return problem(prefix.error(), c.lang);
           PersonQuery q;
           if (auto st = c.paging(q.limit, q.offset); !st) return problem(st.error(), c.lang);
           if (!*prefix) return list_response(nlohmann::json::array(), 0);
           q.region_prefix = **prefix;
           q.text = c.q_or("q", "");
           // Traditional and Simplified match each other (OpenCC t2s): 張 finds 张.
           if (auto simp = exchange::to_simplified(q.text); simp != q.text) q.text_simplified = simp;
           q.sex = c.q_or("sex", "");
           if (!q.sex.empty() && q.sex != "male" && q.sex != "female")
             return problem(bad_parameter("sex", "sex应为male或female", "sex must be male or female"), c.lang);
           q.relationship = c.q_or("relationship", "");
           q.health = c.q_or("health", "");
           q.labour = c.q_or("labour", "");
           q.enrolment = c.q_or("enrolment", "");
           auto hh = c.q_int("household_id", 1, INT64_MAX);
           auto min_age = c.q_int("min_age", 0, 150);
           auto max_age = c.q_int("max_age", 0, 150);
           for (auto* e : {&hh, &min_age, &max_age})
             if (!*e) return problem(e->error(), c.lang);
           q.household_id = *hh;
           auto as_of = c.q_date("as_of");
           if (!as_of) return problem(as_of.error(), c.lang);
           if (*as_of) q.as_of = **as_of;
           if (*min_age) q.min_age = static_cast<int>(**min_age);
           if (*max_age) q.max_age = static_cast<int>(**max_age);
           q.sort = c.q_or("sort", "id");
           if (c.scope.paired_only) q.paired_cadre_id = c.scope.cadre_id.value_or(-1);
           auto page = c.svc.store->list_persons(q);
           if (!page) return problem(page.error(), c.lang);
           nlohmann::json items = nlohmann::json::array();
           for (const auto& p : page->items) {
             nlohmann::json j = to_json(p);
             mask_person(j, c.scope);
             items.push_back(std::move(j));
           }
           return list_response(items, page->total);
         }});

  r.add({"GET", "/api/v1/persons/{id}", "registry", "One person (ID number masked)", true, {}, "", "Person", false,
         {404}, [](Ctx& c) -> HttpResponse {
           if (auto st = require_registry(c); !st) return problem(st.error(), c.lang);
           auto id = c.id();
           if (!id) return problem(id.error(), c.lang);
           auto p = visible_person(c, *id);
           if (!p) return problem(p.error(), c.lang);
           return person_out(c, *p);
         }});

  r.add({"PATCH", "/api/v1/persons/{id}", "registry",
         "Change a person's fields; needs the version (If-Match or \"version\")", true, {}, "PersonPatch", "Person",
         false, {403, 404, 409, 422, 428}, [](Ctx& c) -> HttpResponse {
           if (auto st = require_registry(c, true); !st) return problem(st.error(), c.lang);
           auto id = c.id();
           if (!id) return problem(id.error(), c.lang);
           auto p = visible_person(c, *id);
           if (!p) return problem(p.error(), c.lang);
           auto body = c.body();
           if (!body) return problem(body.error(), c.lang);
           auto version = c.expected_version(&*body);
           if (!version) return problem(version.error(), c.lang);
           // Start from the stored values; the body overrides what it names.
           nlohmann::json merged = to_json(*p);
           for (auto& [k, v] : body->items()) merged[k] = v;
           PersonInput in = person_input(merged);
           if (!body->contains("sex")) in.sex.clear();
           if (!body->contains("birth_date")) in.birth_date.clear();
           auto v = validate_person(in);
           if (!v) return problem(v.error(), c.lang);
           v->id = p->id;
           auto updated = c.svc.store->update_person(*v, *version, c.actor);
           if (!updated) return problem(updated.error(), c.lang);
           return person_out(c, *updated);
         }});

  r.add({"DELETE", "/api/v1/persons/{id}", "registry", "Soft-delete a person; needs the version", true,
         {{"version", "query", "integer", "The version being deleted (or If-Match)"}}, "", "", false,
         {403, 404, 409, 428}, [](Ctx& c) -> HttpResponse {
           if (auto st = require_registry(c, true); !st) return problem(st.error(), c.lang);
           auto id = c.id();
           if (!id) return problem(id.error(), c.lang);
           auto p = visible_person(c, *id);
           if (!p) return problem(p.error(), c.lang);
           auto version = c.expected_version();
           if (!version) return problem(version.error(), c.lang);
           auto st = c.svc.store->delete_person(*id, *version, c.actor);
           if (!st) return problem(st.error(), c.lang);
           return no_content();
         }});

  r.add({"POST", "/api/v1/persons/{id}/reveal", "registry",
         "Show a person's full ID number and phone; the reading is written to the audit trail", true, {}, "Reveal",
         "Revealed", false, {403, 404}, [](Ctx& c) -> HttpResponse {
           if (auto st = require(c.scope.registry && c.scope.may_reveal); !st) return problem(st.error(), c.lang);
           auto id = c.id();
           if (!id) return problem(id.error(), c.lang);
           auto p = visible_person(c, *id);
           if (!p) return problem(p.error(), c.lang);
           std::string reason;
           if (!c.req.body.empty()) {
             auto body = c.body();
             if (body) reason = text_of(*body, "reason");
           }
           AuditEntry e;
           e.actor = c.actor.name;
           e.role = c.actor.role;
           e.address = c.actor.address;
           e.action = "reveal";
           e.entity = "person";
           e.entity_id = std::to_string(p->id);
           e.detail = reason.empty() ? "id_number, phone" : "id_number, phone; reason: " + reason;
           if (auto st = c.svc.store->audit().append(e); !st) return problem(st.error(), c.lang);
           return json_response({{"id", p->id}, {"name", p->name}, {"id_number", p->id_number}, {"phone", p->phone}});
         }});
}

}  // namespace lz::http
