// Key persons, cases (with their steps) and contacts (with transmission
// chains). Reads need the epidemic front in the user's region; a paired
// cadre (whose scope is their households, not a region) does not see these
// lists. Records are 404 outside the jurisdiction, by the person's region.
#include <fmt/format.h>

#include "epidemic/json.h"
#include "http/handlers/epidemic_common.h"

namespace lz::http {

using nlohmann::json;
using namespace lz::epidemic;

namespace {

Status require_region_lists(const Ctx& c, bool write = false, bool command = false) {
  LZ_TRY(require_epidemic(c, write, command));
  return require(!c.scope.paired_only);
}

json key_person_out(const sqlite::KeyPersonView& v, const Scope& s) {
  json j = to_json(v.key_person);
  j["person"] = person_brief_json(v.person, s);
  return j;
}

json case_out(const sqlite::CaseView& v, const Scope& s) {
  json j = to_json(v.c);
  j["version"] = v.version;
  j["person"] = person_brief_json(v.person, s);
  return j;
}

}  // namespace

void add_key_person_routes(Router& r) {
  r.add({"GET",
         "/api/v1/key-persons",
         "epidemic",
         "Key persons (four categories and Hubei returnees) in the jurisdiction, newest first",
         true,
         {{"region", "query", "string", "Region code (narrowed to the user's jurisdiction)"},
          {"category", "query", "string",
           "confirmed | suspected | fever | close_contact | hubei_returnee"},
          {"source", "query", "string",
           "checkpoint | phone_screening | self_report | hospital | contact_tracing | visit"},
          {"person_id", "query", "integer", "One person's listings"},
          {"q", "query", "string", "Name or ID number (prefix)"},
          {"from", "query", "string", "Added on or after (YYYY-MM-DD)"},
          {"to", "query", "string", "Added on or before (YYYY-MM-DD)"},
          {"limit", "query", "integer", "Page size (default 50, max 1000)"},
          {"offset", "query", "integer", "Rows to skip"}},
         "",
         "KeyPerson",
         true,
         {400, 403},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_region_lists(c); !st) return problem(st.error(), c.lang);
           auto prefix = epidemic_prefix(c);
           if (!prefix) return problem(prefix.error(), c.lang);
           if (!*prefix) return list_response(json::array(), 0);
           sqlite::KeyPersonQuery q;
           q.region_prefix = **prefix;
           q.category = c.q_or("category", "");
           if (!q.category.empty() && !parse<KeyCategory>(q.category))
             return problem(bad_parameter("category", "category取值无效", "unknown category"),
                            c.lang);
           if (!q.category.empty()) q.category = id(*parse<KeyCategory>(q.category));
           q.source = c.q_or("source", "");
           q.q = c.q_or("q", "");
           auto pid = c.q_int("person_id", 1, INT64_MAX);
           if (!pid) return problem(pid.error(), c.lang);
           q.person_id = *pid;
           for (auto [name, out] : {std::pair{"from", &q.from}, std::pair{"to", &q.to}}) {
             auto d = c.q_date(name);
             if (!d) return problem(d.error(), c.lang);
             if (*d) *out = **d;
           }
           if (auto st = c.paging(q.limit, q.offset); !st) return problem(st.error(), c.lang);
           auto res = c.svc.epidemic_store->list_key_persons(q);
           if (!res) return problem(res.error(), c.lang);
           json items = json::array();
           for (const auto& v : res->items) items.push_back(key_person_out(v, c.scope));
           return list_response(items, res->total);
         }});

  r.add({"POST",
         "/api/v1/key-persons",
         "epidemic",
         "List a key person: {person_id | id_number + name + region_code [+ phone], category, "
         "source, added_on, "
         "travel{arrived_on, from_place, mode, detail} (hubei_returnee), last_exposure "
         "(close_contact), contact_of, "
         "temperature, symptoms[], note}. An ID number not in the registry creates a person "
         "outside its households.",
         true,
         {},
         "KeyPersonInput",
         "KeyPerson",
         false,
         {403, 404, 409, 422},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_region_lists(c, true); !st) return problem(st.error(), c.lang);
           auto body = c.body();
           if (!body) return problem(body.error(), c.lang);
           auto in = read_all(*body, key_person_input);
           if (!in) return problem(in.error(), c.lang);
           // The jurisdiction: an existing person's region, else the one given.
           std::string region = in->region_code;
           if (in->person_id) {
             auto p = c.svc.epidemic_store->person(*in->person_id);
             if (!p || !epidemic_covers(c, p->region_code))
               return out_of_scope(c, "人员", "person", *in->person_id);
             region = p->region_code;
           } else if (!in->id_number.empty()) {
             auto id = IdNumber::parse(in->id_number);
             if (id) {
               auto p = c.svc.epidemic_store->person_by_id_number(id->str());
               if (p && *p) region = (*p)->region_code;
             }
           }
           if (!region.empty() && !epidemic_covers(c, region))
             return problem(invalid("region.out_of_scope", "region_code",
                                    fmt::format("区划{}不在您的管辖范围内", region),
                                    fmt::format("Region {} is outside your jurisdiction", region)),
                            c.lang);
           auto res = c.svc.epidemic->add_key_person(*in, c.actor);
           if (!res) return problem(res.error(), c.lang);
           json j = key_person_out(res->view, c.scope);
           j["person_created"] = res->person_created;
           return json_response(j, 201);
         }});

  r.add({"GET",
         "/api/v1/key-persons/{id}",
         "epidemic",
         "One key person listing with the person, their cases and "
         "observations",
         true,
         {},
         "",
         "KeyPerson",
         false,
         {403, 404},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_region_lists(c); !st) return problem(st.error(), c.lang);
           auto id = c.id();
           if (!id) return problem(id.error(), c.lang);
           auto v = c.svc.epidemic_store->key_person(*id);
           if (!v || !epidemic_covers(c, v->key_person.region_code))
             return out_of_scope(c, "重点人员记录", "key person record", *id);
           json j = key_person_out(*v, c.scope);
           auto cases = c.svc.epidemic_store->cases_of(v->key_person.person_id);
           j["cases"] = json::array();
           if (cases)
             for (const auto& k : *cases) j["cases"].push_back(to_json(k));
           sqlite::ObservationQuery oq;
           oq.region_prefix = "";
           oq.person_id = v->key_person.person_id;
           auto obs = c.svc.epidemic_store->list_observations(oq);
           j["observations"] = json::array();
           if (obs)
             for (const auto& o : obs->items) j["observations"].push_back(to_json(o.o));
           return json_response(j);
         }});

  // ------------------------------------------------------------------ cases
  r.add({"GET",
         "/api/v1/cases",
         "epidemic",
         "Cases (suspected, confirmed, discharged, deceased, excluded)",
         true,
         {{"region", "query", "string", "Region code (narrowed to the user's jurisdiction)"},
          {"status", "query", "string", "suspected | confirmed | discharged | deceased | excluded"},
          {"person_id", "query", "integer", "One person's cases"},
          {"limit", "query", "integer", "Page size (default 50, max 1000)"},
          {"offset", "query", "integer", "Rows to skip"}},
         "",
         "Case",
         true,
         {400, 403},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_region_lists(c); !st) return problem(st.error(), c.lang);
           auto prefix = epidemic_prefix(c);
           if (!prefix) return problem(prefix.error(), c.lang);
           if (!*prefix) return list_response(json::array(), 0);
           sqlite::CaseQuery q;
           q.region_prefix = **prefix;
           q.status = c.q_or("status", "");
           if (!q.status.empty()) {
             auto s = parse<CaseStatus>(q.status);
             if (!s)
               return problem(bad_parameter("status", "status取值无效", "unknown status"), c.lang);
             q.status = id(*s);
           }
           auto pid = c.q_int("person_id", 1, INT64_MAX);
           if (!pid) return problem(pid.error(), c.lang);
           q.person_id = *pid;
           if (auto st = c.paging(q.limit, q.offset); !st) return problem(st.error(), c.lang);
           auto res = c.svc.epidemic_store->list_cases(q);
           if (!res) return problem(res.error(), c.lang);
           json items = json::array();
           for (const auto& v : res->items) items.push_back(case_out(v, c.scope));
           return list_response(items, res->total);
         }});

  r.add({"POST",
         "/api/v1/cases",
         "epidemic",
         "Open a case for a registry person: {person_id, status: suspected | confirmed, on, place, "
         "note}. The person "
         "is listed as a suspected/confirmed key person; a confirmed member of a lifted or "
         "marginal household opens "
         "relapse monitoring.",
         true,
         {},
         "CaseInput",
         "CaseWithReactions",
         false,
         {403, 404, 409, 422},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_region_lists(c, true, true); !st)
             return problem(st.error(), c.lang);
           auto body = c.body();
           if (!body) return problem(body.error(), c.lang);
           auto step = read_all(*body, case_step);
           if (!step) return problem(step.error(), c.lang);
           int64_t pid = body->value("person_id", int64_t{0});
           auto p = c.svc.epidemic_store->person(pid);
           if (!p || !epidemic_covers(c, p->region_code))
             return out_of_scope(c, "人员", "person", pid);
           auto res = c.svc.epidemic->open_case(pid, *step, c.actor);
           if (!res) return problem(res.error(), c.lang);
           json j = case_out(res->view, c.scope);
           j["reactions"] = reactions_json(res->reactions, c.lang);
           return record_response(j, 201);
         }});

  r.add({"GET",
         "/api/v1/cases/{id}",
         "epidemic",
         "One case with its steps",
         true,
         {},
         "",
         "Case",
         false,
         {403, 404},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_region_lists(c); !st) return problem(st.error(), c.lang);
           auto id = c.id();
           if (!id) return problem(id.error(), c.lang);
           auto v = c.svc.epidemic_store->get_case(*id);
           if (!v || !epidemic_covers(c, v->c.region_code))
             return out_of_scope(c, "病例", "case", *id);
           return record_response(case_out(*v, c.scope));
         }});

  r.add({"POST",
         "/api/v1/cases/{id}/steps",
         "epidemic",
         "Take a step: {status: confirmed | discharged | deceased | excluded, on, place, note, "
         "version}. Invalid "
         "transitions are 409 naming both states; a stale version is 409.",
         true,
         {},
         "CaseStepInput",
         "CaseWithReactions",
         false,
         {403, 404, 409, 422, 428},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_region_lists(c, true, true); !st)
             return problem(st.error(), c.lang);
           auto id = c.id();
           if (!id) return problem(id.error(), c.lang);
           auto v = c.svc.epidemic_store->get_case(*id);
           if (!v || !epidemic_covers(c, v->c.region_code))
             return out_of_scope(c, "病例", "case", *id);
           auto body = c.body();
           if (!body) return problem(body.error(), c.lang);
           auto version = c.expected_version(&*body);
           if (!version) return problem(version.error(), c.lang);
           auto step = read_all(*body, case_step);
           if (!step) return problem(step.error(), c.lang);
           auto res = c.svc.epidemic->advance_case(*id, *step, *version, c.actor);
           if (!res) return problem(res.error(), c.lang);
           json j = case_out(res->view, c.scope);
           j["reactions"] = reactions_json(res->reactions, c.lang);
           return record_response(j);
         }});

  r.add({"GET",
         "/api/v1/cases/{id}/chain",
         "epidemic",
         "The transmission chain from a case: its contacts, their contacts, to a depth",
         true,
         {{"depth", "query", "integer", "Hops (default 3; -1: any depth)"},
          {"close_only", "query", "boolean", "Follow close contacts only (default true)"},
          {"since", "query", "string", "Only contacts on or after (YYYY-MM-DD)"},
          {"max_persons", "query", "integer", "Stop after this many persons (default 5000)"}},
         "",
         "Chain",
         false,
         {400, 403, 404},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_region_lists(c); !st) return problem(st.error(), c.lang);
           auto id = c.id();
           if (!id) return problem(id.error(), c.lang);
           auto v = c.svc.epidemic_store->get_case(*id);
           if (!v || !epidemic_covers(c, v->c.region_code))
             return out_of_scope(c, "病例", "case", *id);
           TraceOptions o;
           auto depth = c.q_int("depth", -1, 50);
           if (!depth) return problem(depth.error(), c.lang);
           o.max_depth = depth->value_or(3);
           o.close_only = c.q_or("close_only", "true") != "false";
           auto since = c.q_date("since");
           if (!since) return problem(since.error(), c.lang);
           if (*since) o.since = **since;
           auto maxp = c.q_int("max_persons", 1, 1000000);
           if (!maxp) return problem(maxp.error(), c.lang);
           o.max_persons = static_cast<size_t>(maxp->value_or(5000));
           auto res = c.svc.epidemic->chain(v->c.person_id, o);
           if (!res) return problem(res.error(), c.lang);
           json reached = json::array();
           for (size_t i = 0; i < res->trace.reached.size(); ++i) {
             const Reached& x = res->trace.reached[i];
             json p = person_brief_json(res->persons[i], c.scope);
             // Persons outside the user's jurisdiction appear as a link, not a record.
             if (!epidemic_covers(c, res->persons[i].region_code))
               p = {{"id", x.person_id}, {"outside", true}};
             reached.push_back(
                 {{"person", p},
                  {"hops", x.hops},
                  {"parent",
                   x.parent < 0 ? json(nullptr) : json(res->trace.reached[x.parent].person_id)},
                  {"contact_id", x.via_ref ? json(x.via_ref) : json(nullptr)},
                  {"contact_on", x.hops ? json(x.via_on.iso()) : json(nullptr)}});
           }
           json by_hops = json::array();
           for (int h = 0; h <= (o.max_depth < 0 ? 64 : o.max_depth); ++h) {
             size_t n = res->trace.count_at(h);
             if (n == 0 && h > 0) break;
             by_hops.push_back(n);
           }
           return json_response({{"case_id", *id},
                                 {"person_id", v->c.person_id},
                                 {"depth", o.max_depth},
                                 {"reached", reached},
                                 {"persons_by_hops", by_hops},
                                 {"truncated", res->trace.truncated}});
         }});

  // ------------------------------------------------------------------ contacts
  r.add({"POST",
         "/api/v1/contacts",
         "epidemic",
         "Record a contact between two persons: {person_a, person_b, on, setting, closeness: close "
         "| general, place, "
         "note}. A close contact with a case extends the other person's running observation.",
         true,
         {},
         "ContactInput",
         "ContactWithReactions",
         false,
         {403, 404, 422},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_region_lists(c, true); !st) return problem(st.error(), c.lang);
           auto body = c.body();
           if (!body) return problem(body.error(), c.lang);
           auto in = read_all(*body, contact_input);
           if (!in) return problem(in.error(), c.lang);
           // One of the two must be the user's; the other may live elsewhere (chains cross
           // borders).
           bool mine = false;
           for (int64_t pid : {in->person_a, in->person_b}) {
             auto p = c.svc.epidemic_store->person(pid);
             if (p && epidemic_covers(c, p->region_code)) mine = true;
           }
           if (!mine) return out_of_scope(c, "人员", "person", in->person_a);
           auto res = c.svc.epidemic->add_contact(*in, c.actor);
           if (!res) return problem(res.error(), c.lang);
           json j = to_json(res->contact);
           j["reactions"] = reactions_json(res->reactions, c.lang);
           return json_response(j, 201);
         }});

  r.add({"GET",
         "/api/v1/contacts",
         "epidemic",
         "A person's contacts",
         true,
         {{"person_id", "query", "integer", "The person", true}},
         "",
         "Contact",
         true,
         {400, 403, 404},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_region_lists(c); !st) return problem(st.error(), c.lang);
           auto pid = c.q_int("person_id", 1, INT64_MAX);
           if (!pid) return problem(pid.error(), c.lang);
           if (!*pid)
             return problem(bad_parameter("person_id", "请提供person_id", "person_id is required"),
                            c.lang);
           auto p = c.svc.epidemic_store->person(**pid);
           if (!p || !epidemic_covers(c, p->region_code))
             return out_of_scope(c, "人员", "person", **pid);
           auto res = c.svc.epidemic_store->contacts_of(**pid);
           if (!res) return problem(res.error(), c.lang);
           json items = json::array();
           for (const auto& k : *res) items.push_back(to_json(k));
           return list_response(items, static_cast<int64_t>(items.size()));
         }});
}

}  // namespace lz::http
