// /api/v1/households: list (scoped), create with members, read, update,
// soft delete, add a member. Parse -> authorize -> store -> serialize.
#include <fmt/format.h>

#include <algorithm>

#include "core/id_number.h"
#include "exchange/simplified.h"
#include "http/api.h"
#include "http/household_json.h"
#include "http/json_writer.h"
#include "http/problem.h"
#include "http/region_names.h"
#include "http/scope_guard.h"
#include "registry/json.h"
#include "registry/validate.h"

namespace lz::http {

PersonInput person_input(const nlohmann::json& j) {
  return {text_of(j, "name"),      text_of(j, "id_number"), text_of(j, "sex"),       text_of(j, "birth_date"),
          text_of(j, "relationship"), text_of(j, "ethnicity"), text_of(j, "education"), text_of(j, "enrolment"),
          text_of(j, "health"),    text_of(j, "labour"),    text_of(j, "phone")};
}

// A member as mask_person leaves it: the ID number always masked, "masked": true.
static void write_member(JsonWriter& w, const Person& p, const Scope& scope) {
  w.begin_object();
  w.field("birth_date", p.birth_date.iso());
  w.field("created_at", p.meta.created_at);
  w.field("created_by", p.meta.created_by);
  w.field("education", p.education);
  w.field("enrolment", p.enrolment);
  w.field("ethnicity", p.ethnicity);
  w.field("health", p.health);
  w.key("household_id");
  if (p.household_id)
    w.value(*p.household_id);
  else
    w.null();
  w.field("id", p.id);
  w.key("id_number");
  if (p.id_number.size() == 18) {
    char masked[18];
    std::copy_n(p.id_number.data(), 6, masked);
    std::fill_n(masked + 6, 8, '*');
    std::copy_n(p.id_number.data() + 14, 4, masked + 14);
    w.value(std::string_view(masked, 18));
  } else {
    w.value(mask_id_number(p.id_number));
  }
  w.field("labour", p.labour);
  w.field("masked", true);
  w.field("name", p.name);
  if (!scope.full_phone && !p.phone.empty())
    w.field("phone", mask_phone(p.phone));
  else
    w.field("phone", p.phone);
  w.field("region_code", p.region_code);
  w.field("relationship", p.relationship);
  w.field("sex", p.sex);
  w.field("updated_at", p.meta.updated_at);
  w.field("updated_by", p.meta.updated_by);
  w.field("version", p.meta.version);
  w.end_object();
}

bool write_household_json(const Household& h, std::string_view region_name, const Scope& scope,
                          std::string& out) {
  JsonWriter w(out);
  w.begin_object();
  w.field("address", h.address);
  w.field("created_at", h.meta.created_at);
  w.field("created_by", h.meta.created_by);
  w.key("head_person_id");
  if (h.head_person_id)
    w.value(*h.head_person_id);
  else
    w.null();
  w.field("id", h.id);
  w.key("members");
  w.begin_array();
  for (const auto& m : h.members) write_member(w, m, scope);
  w.end_array();
  w.field("number", h.number);
  if (!scope.full_phone && !h.phone.empty())
    w.field("phone", mask_phone(h.phone));
  else
    w.field("phone", h.phone);
  w.field("region_code", h.region_code);
  w.field("region_name", region_name);
  w.field("updated_at", h.meta.updated_at);
  w.field("updated_by", h.meta.updated_by);
  w.field("version", h.meta.version);
  w.end_object();
  return w.ok();
}

// The household as the API returns it (members and phones masked by scope),
// with its version as ETag. Written by write_household_json; the nlohmann
// tree only for a text that is not valid UTF-8 (dump() refuses it: a 500, as ever).
static HttpResponse household_out(const Ctx& c, const Household& h, int status = 200) {
  std::string region_name = full_region_name(c.svc, h.region_code);
  HttpResponse r;
  r.status = status;
  r.body.reserve(400 + 640 * h.members.size());
  if (!write_household_json(h, region_name, c.scope, r.body)) {
    nlohmann::json j = to_json(h);
    j["region_name"] = std::move(region_name);
    mask_household(j, c.scope);
    return record_response(j, status);
  }
  std::string etag;
  etag.reserve(24);
  etag += '"';
  etag += std::to_string(h.meta.version);
  etag += '"';
  r.header("ETag", std::move(etag));
  return r;
}

void add_household_routes(Router& r) {
  r.add({"GET", "/api/v1/households", "registry", "Households in the user's jurisdiction, filtered, sorted and paged",
         true,
         {{"region", "query", "string", "Region code: this region and everything below it"},
          {"q", "query", "string", "Name of a member (contains), ID number or household number (exact)"},
          {"poverty_status", "query", "string", "registered_poor | lifted | marginal | poor (registered or lifted)"},
          {"sort", "query", "string", "number | -number | id | -id | region_code"},
          {"limit", "query", "integer", "Page size, 0-1000 (default 50)"},
          {"offset", "query", "integer", "Rows to skip"}},
         "", "HouseholdSummary", true, {400, 403}, [](Ctx& c) -> HttpResponse {
           if (auto st = require_registry(c); !st) return problem(st.error(), c.lang);
           auto prefix = list_prefix(c);
           if (!prefix) return problem(prefix.error(), c.lang);
           HouseholdQuery q;
           if (auto st = c.paging(q.limit, q.offset); !st) return problem(st.error(), c.lang);
           if (!*prefix) return list_response(nlohmann::json::array(), 0);
           q.region_prefix = **prefix;
           q.text = c.q_or("q", "");
           // Traditional and Simplified match each other (OpenCC t2s): 張 finds 张.
           if (auto simp = exchange::to_simplified(q.text); simp != q.text) q.text_simplified = simp;
           q.poverty_status = c.q_or("poverty_status", "");
           if (!q.poverty_status.empty() && q.poverty_status != "poor" && q.poverty_status != "registered_poor" &&
               q.poverty_status != "lifted" && q.poverty_status != "marginal")
             return problem(bad_parameter("poverty_status",
                                          "poverty_status应为registered_poor、lifted、marginal或poor",
                                          "poverty_status must be registered_poor, lifted, marginal or poor"),
                            c.lang);
           q.sort = c.q_or("sort", "number");
           if (c.scope.paired_only) q.paired_cadre_id = c.scope.cadre_id.value_or(-1);
           auto page = c.svc.store->list_households(q);
           if (!page) return problem(page.error(), c.lang);
           nlohmann::json items = nlohmann::json::array();
           for (const auto& s : page->items)
             items.push_back({{"id", s.id},
                              {"number", s.number},
                              {"region_code", s.region_code},
                              {"region_name", full_region_name(c.svc, s.region_code)},
                              {"address", s.address},
                              {"head_name", s.head_name},
                              {"member_count", s.member_count},
                              {"poverty_status", s.poverty_status.empty() ? nlohmann::json(nullptr)
                                                                          : nlohmann::json(s.poverty_status)}});
           return list_response(items, page->total);
         }});

  r.add({"POST", "/api/v1/households", "registry", "Create a household with its members (one head, relationship 01)",
         true, {}, "HouseholdInput", "Household", false, {403, 409, 422}, [](Ctx& c) -> HttpResponse {
           if (auto st = require_registry(c, true); !st) return problem(st.error(), c.lang);
           auto body = c.body();
           if (!body) return problem(body.error(), c.lang);
           HouseholdInput in{text_of(*body, "number"), text_of(*body, "region_code"), text_of(*body, "address"),
                             text_of(*body, "phone")};
           if (body->contains("members")) {
             if (!(*body)["members"].is_array())
               return problem(invalid("members.type", "members", "members应为数组", "members must be an array"), c.lang);
             for (const auto& m : (*body)["members"]) in.members.push_back(person_input(m));
           }
           auto tree = regions_of(c.svc, in.region_code);
           if (!tree) return problem(tree.error(), c.lang);
           auto h = validate_household(in, **tree);
           if (!h) return problem(h.error(), c.lang);
           if (!c.scope.covers(h->region_code))
             return problem(403, "auth.out_of_scope", "该村（组）不在您的管辖范围内", "This place is outside your jurisdiction",
                            c.lang);
           auto created = c.svc.store->create_household(*h, c.actor);
           if (!created) return problem(created.error(), c.lang);
           return household_out(c, *created, 201);
         }});

  r.add({"GET", "/api/v1/households/{id}", "registry", "One household with its members (ID numbers masked)", true, {},
         "", "Household", false, {404}, [](Ctx& c) -> HttpResponse {
           if (auto st = require_registry(c); !st) return problem(st.error(), c.lang);
           auto id = c.id();
           if (!id) return problem(id.error(), c.lang);
           // visible_household without a new Household per read: the
           // thread's own is refilled (no allocation once its strings have grown).
           thread_local Household h;
           if (!c.svc.store->household_into(*id, h))
             return problem(not_in_scope("户", "household", *id), c.lang);
           auto ok = household_visible(c, h.id, h.region_code);
           if (!ok) return problem(ok.error(), c.lang);
           if (!*ok) return problem(not_in_scope("户", "household", *id), c.lang);
           return household_out(c, h);
         }});

  r.add({"PATCH", "/api/v1/households/{id}", "registry",
         "Change number, region, address or phone; needs the version (If-Match or \"version\")", true, {},
         "HouseholdPatch", "Household", false, {403, 404, 409, 422, 428}, [](Ctx& c) -> HttpResponse {
           if (auto st = require_registry(c, true); !st) return problem(st.error(), c.lang);
           auto id = c.id();
           if (!id) return problem(id.error(), c.lang);
           auto body = c.body();
           if (!body) return problem(body.error(), c.lang);
           auto h = visible_household(c, *id);
           if (!h) return problem(h.error(), c.lang);
           auto version = c.expected_version(&*body);
           if (!version) return problem(version.error(), c.lang);
           HouseholdInput in{body->contains("number") ? text_of(*body, "number") : h->number,
                             body->contains("region_code") ? text_of(*body, "region_code") : h->region_code,
                             body->contains("address") ? text_of(*body, "address") : h->address,
                             body->contains("phone") ? text_of(*body, "phone") : h->phone};
           auto tree = regions_of(c.svc, in.region_code);
           if (!tree) return problem(tree.error(), c.lang);
           auto v = validate_household(in, **tree);
           if (!v) return problem(v.error(), c.lang);
           if (!c.scope.covers(v->region_code))
             return problem(403, "auth.out_of_scope", "该村（组）不在您的管辖范围内", "This place is outside your jurisdiction",
                            c.lang);
           v->id = h->id;
           auto updated = c.svc.store->update_household(*v, *version, c.actor);
           if (!updated) return problem(updated.error(), c.lang);
           return household_out(c, *updated);
         }});

  r.add({"DELETE", "/api/v1/households/{id}", "registry",
         "Soft-delete a household and its members; ends its pairing. Needs the version.", true,
         {{"version", "query", "integer", "The version being deleted (or If-Match)"}}, "", "", false,
         {403, 404, 409, 428}, [](Ctx& c) -> HttpResponse {
           if (auto st = require_registry(c, true); !st) return problem(st.error(), c.lang);
           auto id = c.id();
           if (!id) return problem(id.error(), c.lang);
           auto h = visible_household(c, *id);
           if (!h) return problem(h.error(), c.lang);
           auto version = c.expected_version();
           if (!version) return problem(version.error(), c.lang);
           auto st = c.svc.store->delete_household(*id, *version, c.actor);
           if (!st) return problem(st.error(), c.lang);
           return no_content();
         }});

  r.add({"POST", "/api/v1/households/{id}/members", "registry", "Add a member to a household", true, {},
         "PersonInput", "Person", false, {403, 404, 409, 422}, [](Ctx& c) -> HttpResponse {
           if (auto st = require_registry(c, true); !st) return problem(st.error(), c.lang);
           auto id = c.id();
           if (!id) return problem(id.error(), c.lang);
           auto h = visible_household(c, *id);
           if (!h) return problem(h.error(), c.lang);
           auto body = c.body();
           if (!body) return problem(body.error(), c.lang);
           auto p = validate_person(person_input(*body));
           if (!p) return problem(p.error(), c.lang);
           auto created = c.svc.store->add_member(*id, *p, c.actor);
           if (!created) return problem(created.error(), c.lang);
           nlohmann::json j = to_json(*created);
           mask_person(j, c.scope);
           return record_response(j, 201);
         }});
}

}  // namespace lz::http
