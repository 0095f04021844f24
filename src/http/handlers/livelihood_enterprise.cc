// Livelihood front: work resumption (复工复产) routes (see README
// "Livelihood front API"): the enterprise register, the resumption checklist
// and its approval, workers, their health declarations and daily temperature
// reports (a fever refers the worker to the epidemic front). County and
// township users (livelihood_command) register enterprises and decide on
// applications in their region; an enterprise account sees and writes only
// its own enterprise (any other is 404), and may not decide.
#include <fmt/format.h>

#include <cmath>
#include <set>

#include "http/handlers/epidemic_common.h"
#include "http/handlers/livelihood_common.h"

namespace lz::http {

using nlohmann::json;
using namespace lz::livelihood;
using EStore = sqlite::SqliteEnterpriseStore;

namespace {

bool is_enterprise(const Ctx& c) {
  return c.scope.role == Role::kEnterprise;
}

bool enterprise_visible(const Ctx& c, const Enterprise& e) {
  if (is_enterprise(c)) return c.scope.enterprise_id && *c.scope.enterprise_id == e.id;
  return c.scope.livelihood && c.scope.covers(e.region_code);
}

Result<Enterprise> visible_enterprise(Ctx& c, int64_t id) {
  auto e = c.svc.enterprise_store->enterprise(id);
  if (!e || !enterprise_visible(c, *e)) return not_in_scope("企业", "enterprise", id);
  return e;
}

Status require_reader(const Ctx& c) {
  if (is_enterprise(c)) return {};
  return require_livelihood(c);
}
// Enterprise HR for their own, or a county / township user.
Status require_writer(const Ctx& c) {
  if (is_enterprise(c)) return {};
  return require_livelihood(c, true, true);
}

// Body readers with field errors.
Result<std::optional<double>> num_field(const json& b, const std::string& k,
                                        const std::string& path) {
  if (!b.contains(k) || b[k].is_null()) return std::optional<double>();
  if (!b[k].is_number())
    return invalid("request.field_type", path, fmt::format("{}应为数字", path),
                   fmt::format("{} must be a number", path));
  return std::optional<double>(b[k].get<double>());
}
Result<std::optional<bool>> bool_field(const json& b, const char* k, const std::string& path) {
  if (!b.contains(k) || b[k].is_null()) return std::optional<bool>();
  if (!b[k].is_boolean())
    return invalid("request.field_type", path, fmt::format("{}应为true或false", path),
                   fmt::format("{} must be true or false", path));
  return std::optional<bool>(b[k].get<bool>());
}

json enterprise_out(const Enterprise& e) {
  return {{"id", e.id},
          {"name", e.name},
          {"credit_code", e.credit_code},
          {"kind", id(e.kind)},
          {"region_code", e.region_code},
          {"address", e.address},
          {"contact_name", e.contact_name},
          {"contact_phone", e.contact_phone},
          {"workers_planned", e.workers_planned},
          {"version", e.version}};
}

json resumption_out(const app::ResumptionView& v, Lang lang) {
  const auto& r = v.r;
  const auto& c = r.checklist;
  json missing = json::array();
  for (const auto& m : v.missing)
    missing.push_back(
        {{"item", id(m.item)}, {"message", lang == Lang::kEn ? m.need_en : m.need_zh}});
  json steps = json::array();
  for (const auto& s : r.steps)
    steps.push_back({{"state", id(s.state)}, {"on", s.on.iso()}, {"by", s.by}, {"note", s.note}});
  auto d = [](const std::optional<Date>& x) { return x ? json(x->iso()) : json(nullptr); };
  return {{"enterprise_id", r.enterprise_id},
          {"state", id(r.state)},
          {"checklist",
           {{"masks", c.masks},
            {"thermometers", c.thermometers},
            {"disinfectant_litres", static_cast<double>(c.disinfectant_ml) / 1000.0},
            {"entry_checks", c.entry_checks},
            {"disinfection", c.disinfection},
            {"separate_meals", c.separate_meals},
            {"workers_health",
             v.workforce.workers > 0 && v.workforce.declared == v.workforce.workers}}},
          {"workers", v.workforce.workers},
          {"workers_declared", v.workforce.declared},
          {"missing", missing},
          {"complete", v.missing.empty()},
          {"submitted_on", d(r.submitted_on)},
          {"approved_on", d(r.approved_on)},
          {"return_reason", r.return_reason},
          {"steps", steps},
          {"version", r.version}};
}

json worker_out(const EStore::WorkerView& v, const Scope& s) {
  const auto& w = v.w;
  json j = {{"id", w.id},
            {"enterprise_id", w.enterprise_id},
            {"enterprise_name", v.enterprise_name},
            {"name", w.name},
            {"id_number", w.id_number},
            {"phone", w.phone},
            {"person_id", w.person_id ? json(*w.person_id) : json(nullptr)},
            {"household_id", v.household_id ? json(*v.household_id) : json(nullptr)},
            {"poverty_status", v.poverty_status.empty() ? json(nullptr) : json(v.poverty_status)},
            {"health_declared_on",
             w.health_declared_on ? json(w.health_declared_on->iso()) : json(nullptr)},
            {"health_note", w.health_note},
            {"active", w.active}};
  mask_person(j, s);
  return j;
}

json reading_out(const EStore::TemperatureRow& r, int fever_tenths) {
  return {{"id", r.id},
          {"worker_id", r.worker_id},
          {"worker_name", r.worker_name},
          {"on", r.on.iso()},
          {"temperature", r.temperature_tenths / 10.0},
          {"fever", r.temperature_tenths >= fever_tenths},
          {"symptoms", r.symptoms},
          {"note", r.note},
          {"key_person_id", r.key_person_id ? json(*r.key_person_id) : json(nullptr)}};
}

// The enterprise fields of a body over `e` (PATCH: only those given).
Result<Enterprise> enterprise_input(const json& b, Enterprise e) {
  for (const char* k : {"name", "credit_code", "address", "contact_name", "contact_phone"}) {
    if (!b.contains(k)) continue;
    auto v = body_str(b, k);
    if (!v) return v.error();
    std::string& dst = std::string_view(k) == "name"           ? e.name
                       : std::string_view(k) == "credit_code"  ? e.credit_code
                       : std::string_view(k) == "address"      ? e.address
                       : std::string_view(k) == "contact_name" ? e.contact_name
                                                               : e.contact_phone;
    dst = *v;
  }
  if (b.contains("kind")) {
    auto v = body_str(b, "kind");
    if (!v) return v.error();
    auto k = parse_enterprise_kind(*v);
    if (!k)
      return invalid(
          "enterprise.kind", "kind",
          "企业类型应为enterprise、poverty_enterprise、poverty_workshop或cooperative_run",
          "kind must be enterprise, poverty_enterprise, poverty_workshop or cooperative_run");
    e.kind = *k;
  }
  if (b.contains("region_code")) {
    auto v = body_str(b, "region_code");
    if (!v) return v.error();
    auto code = RegionCode::parse(*v, "region_code");
    if (!code) return code.error();
    e.region_code = code->str();
  }
  auto w = body_int(b, "workers_planned", "workers_planned");
  if (!w) return w.error();
  if (*w) e.workers_planned = **w;
  return e;
}

Status region_in_scope(const Ctx& c, const std::string& region) {
  if (c.scope.covers(region)) return {};
  return invalid("region.out_of_scope", "region_code",
                 fmt::format("区划{}不在您的管辖范围内", region),
                 fmt::format("Region {} is outside your jurisdiction", region));
}

}  // namespace

void add_enterprise_routes(Router& r) {
  r.add({"GET",
         "/api/v1/enterprises",
         "livelihood",
         "Enterprises resuming work in the jurisdiction, with their application's state (an "
         "enterprise account: "
         "only itself)",
         true,
         {{"region", "query", "string", "Region code (narrowed to the user's jurisdiction)"},
          {"kind", "query", "string",
           "enterprise | poverty_enterprise | poverty_workshop | cooperative_run"},
          {"state", "query", "string", "draft | submitted | approved | returned"},
          {"q", "query", "string", "Name contains"},
          {"limit", "query", "integer", "Page size (default 50, max 1000)"},
          {"offset", "query", "integer", "Rows to skip"}},
         "",
         "EnterpriseRow",
         true,
         {400, 403},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_reader(c); !st) return problem(st.error(), c.lang);
           EStore::EnterpriseQuery q;
           if (is_enterprise(c)) {
             q.only_id = c.scope.enterprise_id.value_or(-1);
           } else {
             auto prefix = list_prefix(c);
             if (!prefix) return problem(prefix.error(), c.lang);
             if (!*prefix) return list_response(json::array(), 0);
             q.region_prefix = **prefix;
           }
           q.kind = c.q_or("kind", "");
           q.state = c.q_or("state", "");
           if (!q.state.empty() && !parse_resumption_state(q.state))
             return problem(bad_parameter("state", "state应为draft、submitted、approved或returned",
                                          "state must be draft, submitted, approved or returned"),
                            c.lang);
           q.q = c.q_or("q", "");
           if (auto st = c.paging(q.limit, q.offset); !st) return problem(st.error(), c.lang);
           auto res = c.svc.enterprise_store->enterprises(q);
           if (!res) return problem(res.error(), c.lang);
           json items = json::array();
           for (const auto& row : res->items) {
             json j = enterprise_out(row.e);
             j["state"] = id(row.state);
             j["approved_on"] = row.approved_on ? json(row.approved_on->iso()) : json(nullptr);
             j["workers"] = row.workers;
             items.push_back(j);
           }
           return list_response(items, res->total);
         }});

  r.add({"POST",
         "/api/v1/enterprises",
         "livelihood",
         "Register an enterprise: {name, credit_code (统一社会信用代码, check character verified), "
         "kind, region_code, "
         "address, contact_name, contact_phone, workers_planned}; its resumption application opens "
         "as a draft",
         true,
         {},
         "EnterpriseInput",
         "Enterprise",
         false,
         {403, 409, 422},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_livelihood(c, true, true); !st) return problem(st.error(), c.lang);
           LZ_FIELD(body, c.body());
           LZ_FIELD(in, read_all(*body,
                                 [](const json& b) { return enterprise_input(b, Enterprise{}); }));
           if (!in->region_code.empty())
             if (auto st = region_in_scope(c, in->region_code); !st)
               return problem(st.error(), c.lang);
           auto res = c.svc.enterprise->create(*in, c.actor);
           if (!res) return problem(res.error(), c.lang);
           return record_response(enterprise_out(*res), 201);
         }});

  r.add({"GET",
         "/api/v1/enterprises/{id}",
         "livelihood",
         "An enterprise with its resumption application",
         true,
         {},
         "",
         "EnterpriseDetail",
         false,
         {403, 404},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_reader(c); !st) return problem(st.error(), c.lang);
           LZ_FIELD(id, c.id());
           LZ_FIELD(e, visible_enterprise(c, *id));
           LZ_FIELD(v, c.svc.enterprise->resumption(*id));
           json j = enterprise_out(*e);
           j["resumption"] = resumption_out(*v, c.lang);
           return record_response(j);
         }});

  r.add({"PATCH",
         "/api/v1/enterprises/{id}",
         "livelihood",
         "Change an enterprise's details (the fields given; If-Match or version). The enterprise's "
         "own account may "
         "change its address and contact only",
         true,
         {},
         "EnterpriseInput",
         "Enterprise",
         false,
         {403, 404, 409, 422},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_writer(c); !st) return problem(st.error(), c.lang);
           LZ_FIELD(id, c.id());
           LZ_FIELD(e, visible_enterprise(c, *id));
           LZ_FIELD(body, c.body());
           if (is_enterprise(c))
             for (const char* k : {"name", "credit_code", "kind", "region_code", "workers_planned"})
               if (body->contains(k))
                 return problem(
                     invalid("livelihood.forbidden", k, fmt::format("企业账号不能修改{}", k),
                             fmt::format("An enterprise account may not change {}", k)),
                     c.lang);
           LZ_FIELD(version, c.expected_version(&*body));
           LZ_FIELD(in, read_all(*body, [&](const json& b) { return enterprise_input(b, *e); }));
           if (auto st = region_in_scope(c, in->region_code); !st && !is_enterprise(c))
             return problem(st.error(), c.lang);
           auto res = c.svc.enterprise->update(*in, *version, c.actor);
           if (!res) return problem(res.error(), c.lang);
           return record_response(enterprise_out(*res));
         }});

  r.add({"GET",
         "/api/v1/enterprises/{id}/resumption",
         "livelihood",
         "The resumption application: checklist, the items still missing, state and history",
         true,
         {},
         "",
         "Resumption",
         false,
         {403, 404},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_reader(c); !st) return problem(st.error(), c.lang);
           LZ_FIELD(id, c.id());
           LZ_FIELD(e, visible_enterprise(c, *id));
           LZ_FIELD(v, c.svc.enterprise->resumption(*id));
           return record_response(resumption_out(*v, c.lang));
         }});

  r.add({"PUT",
         "/api/v1/enterprises/{id}/resumption/checklist",
         "livelihood",
         "Fill in the checklist (draft or returned only): {masks, thermometers, "
         "disinfectant_litres, entry_checks, "
         "disinfection, separate_meals, version}. Workers' health is computed from the worker list",
         true,
         {},
         "ChecklistInput",
         "Resumption",
         false,
         {403, 404, 409, 422},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_writer(c); !st) return problem(st.error(), c.lang);
           LZ_FIELD(id, c.id());
           LZ_FIELD(e, visible_enterprise(c, *id));
           LZ_FIELD(body, c.body());
           LZ_FIELD(cur, c.svc.enterprise_store->resumption(*id));
           Checklist cl = cur->checklist;
           for (const char* k : {"masks", "thermometers"}) {
             LZ_FIELD(v, body_int(*body, k, fmt::format("checklist.{}", k)));
             if (*v) (std::string_view(k) == "masks" ? cl.masks : cl.thermometers) = **v;
           }
           LZ_FIELD(dis, num_field(*body, "disinfectant_litres", "checklist.disinfectant"));
           if (*dis) {
             if (!std::isfinite(**dis) || **dis < 0 || **dis > 1e6)
               return problem(invalid("resumption.quantity", "checklist.disinfectant",
                                      "消毒液数量应在0至1000000升之间",
                                      "Disinfectant must be between 0 and 1,000,000 litres"),
                              c.lang);
             cl.disinfectant_ml = std::llround(**dis * 1000);
           }
           for (const char* k : {"entry_checks", "disinfection", "separate_meals"}) {
             LZ_FIELD(v, bool_field(*body, k, fmt::format("checklist.{}", k)));
             if (*v)
               (std::string_view(k) == "entry_checks"   ? cl.entry_checks
                : std::string_view(k) == "disinfection" ? cl.disinfection
                                                        : cl.separate_meals) = **v;
           }
           int64_t version = 0;
           if (body->contains("version") || c.req.headers.count("if-match")) {
             LZ_FIELD(v, c.expected_version(&*body));
             version = *v;
           }
           auto res = c.svc.enterprise->edit_checklist(*id, cl, version, c.actor);
           if (!res) return problem(res.error(), c.lang);
           return record_response(resumption_out(*res, c.lang));
         }});

  auto decision = [](const char* path, const char* summary, const char* req_schema, int which) {
    return Route{"POST",
                 path,
                 "livelihood",
                 summary,
                 true,
                 {},
                 req_schema,
                 "Resumption",
                 false,
                 {403, 404, 409, 422},
                 [which](Ctx& c) -> HttpResponse {
                   // 0 submit (the enterprise or a command role); 1 approve, 2 return (command
                   // roles only).
                   if (which == 0) {
                     if (auto st = require_writer(c); !st) return problem(st.error(), c.lang);
                   } else if (auto st = require_livelihood(c, true, true); !st) {
                     return problem(st.error(), c.lang);
                   }
                   LZ_FIELD(id, c.id());
                   LZ_FIELD(e, visible_enterprise(c, *id));
                   json body = json::object();
                   if (!c.req.body.empty()) {
                     LZ_FIELD(b, c.body());
                     body = *b;
                   }
                   Result<app::ResumptionView> res =
                       which == 0 ? c.svc.enterprise->submit(*id, c.actor)
                       : which == 1
                           ? c.svc.enterprise->approve(*id, body.value("note", ""), c.actor)
                           : c.svc.enterprise->return_for_changes(*id, body.value("reason", ""),
                                                                  c.actor);
                   if (!res) return problem(res.error(), c.lang);
                   return record_response(resumption_out(*res, c.lang));
                 }};
  };
  r.add(decision("/api/v1/enterprises/{id}/resumption/submit",
                 "Submit the application to the township (refused, naming every missing item, "
                 "while the checklist "
                 "is incomplete)",
                 "", 0));
  r.add(decision(
      "/api/v1/enterprises/{id}/resumption/approve",
      "Approve resumption: {note} (township and county users; refused while anything is missing)",
      "ResumptionDecision", 1));
  r.add(decision("/api/v1/enterprises/{id}/resumption/return",
                 "Return the application for changes: {reason} (township and county users)",
                 "ResumptionDecision", 2));

  r.add({"GET",
         "/api/v1/enterprises/{id}/workers",
         "livelihood",
         "The enterprise's workers, linked to the registry (household, poverty status) when the ID "
         "number is known",
         true,
         {{"limit", "query", "integer", "Page size (default 50, max 1000)"},
          {"offset", "query", "integer", "Rows to skip"}},
         "",
         "Worker",
         true,
         {403, 404},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_reader(c); !st) return problem(st.error(), c.lang);
           LZ_FIELD(id, c.id());
           LZ_FIELD(e, visible_enterprise(c, *id));
           int64_t limit = 50, offset = 0;
           if (auto st = c.paging(limit, offset); !st) return problem(st.error(), c.lang);
           LZ_FIELD(res, c.svc.enterprise_store->workers(*id, limit, offset));
           json items = json::array();
           for (const auto& w : res->items) items.push_back(worker_out(w, c.scope));
           return list_response(items, res->total);
         }});

  r.add({"POST",
         "/api/v1/enterprises/{id}/workers",
         "livelihood",
         "Register a worker: {name, id_number, phone, health_declared_on, health_note}; linked to "
         "the registry "
         "person with that ID number",
         true,
         {},
         "WorkerInput",
         "Worker",
         false,
         {403, 404, 409, 422},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_writer(c); !st) return problem(st.error(), c.lang);
           LZ_FIELD(id, c.id());
           LZ_FIELD(e, visible_enterprise(c, *id));
           LZ_FIELD(body, c.body());
           Worker w;
           w.enterprise_id = *id;
           LZ_FIELD(name, body_str(*body, "name", true));
           LZ_FIELD(idn, body_str(*body, "id_number", true));
           LZ_FIELD(phone, body_str(*body, "phone"));
           LZ_FIELD(note, body_str(*body, "health_note"));
           LZ_FIELD(declared, body_date(*body, "health_declared_on"));
           w.name = *name;
           w.id_number = *idn;
           w.phone = *phone;
           w.health_note = *note;
           w.health_declared_on = *declared;
           auto res = c.svc.enterprise->add_worker(w, c.actor);
           if (!res) return problem(res.error(), c.lang);
           return json_response(worker_out(*res, c.scope), 201);
         }});

  r.add({"POST",
         "/api/v1/enterprises/{id}/workers/{worker_id}/health-declaration",
         "livelihood",
         "Record a worker's health declaration: {on (default today), note}",
         true,
         {},
         "HealthDeclaration",
         "Worker",
         false,
         {403, 404, 422},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_writer(c); !st) return problem(st.error(), c.lang);
           LZ_FIELD(id, c.id());
           LZ_FIELD(wid, c.id("worker_id"));
           LZ_FIELD(e, visible_enterprise(c, *id));
           LZ_FIELD(w, c.svc.enterprise_store->worker(*wid));
           if (w->w.enterprise_id != *id)
             return problem(not_in_scope("职工", "worker", *wid), c.lang);
           json body = json::object();
           if (!c.req.body.empty()) {
             LZ_FIELD(b, c.body());
             body = *b;
           }
           LZ_FIELD(on, body_date(body, "on"));
           LZ_FIELD(note, body_str(body, "note"));
           auto res = c.svc.enterprise->declare_health(*wid, *on, *note, c.actor);
           if (!res) return problem(res.error(), c.lang);
           return json_response(worker_out(*res, c.scope));
         }});

  r.add({"PATCH",
         "/api/v1/enterprises/{id}/workers/{worker_id}",
         "livelihood",
         "A worker left (active false) or came back (active true): {active}",
         true,
         {},
         "WorkerPatch",
         "Worker",
         false,
         {403, 404, 422},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_writer(c); !st) return problem(st.error(), c.lang);
           LZ_FIELD(id, c.id());
           LZ_FIELD(wid, c.id("worker_id"));
           LZ_FIELD(e, visible_enterprise(c, *id));
           LZ_FIELD(w, c.svc.enterprise_store->worker(*wid));
           if (w->w.enterprise_id != *id)
             return problem(not_in_scope("职工", "worker", *wid), c.lang);
           LZ_FIELD(body, c.body());
           LZ_FIELD(active, bool_field(*body, "active", "active"));
           if (!*active)
             return problem(
                 invalid("request.field_required", "active", "请填写active（true或false）",
                         "active (true or false) is required"),
                 c.lang);
           LZ_FIELD(res, c.svc.enterprise->set_worker_active(*wid, **active, c.actor));
           return json_response(worker_out(*res, c.scope));
         }});

  r.add({"POST",
         "/api/v1/enterprises/{id}/temperatures",
         "livelihood",
         "A day's temperature readings: {on (default today), readings[{worker_id, temperature, "
         "symptoms, note}]}; one "
         "per worker per day (409 on a duplicate, nothing written). A reading at or above 37.3 °C "
         "or with a symptom "
         "lists the worker as a key person (fever, source enterprise) at once: see reactions",
         true,
         {},
         "TemperatureBatch",
         "TemperaturesRecorded",
         false,
         {403, 404, 409, 422},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_writer(c); !st) return problem(st.error(), c.lang);
           LZ_FIELD(id, c.id());
           LZ_FIELD(e, visible_enterprise(c, *id));
           LZ_FIELD(body, c.body());
           TemperatureBatch b;
           b.enterprise_id = *id;
           LZ_FIELD(on, body_date(*body, "on"));
           b.on = on->value_or(c.svc.enterprise->today());
           if (!body->contains("readings") || !(*body)["readings"].is_array())
             return problem(
                 invalid("temperature.empty", "readings", "请填写readings（每名职工一条体温）",
                         "readings (one per worker) is required"),
                 c.lang);
           const json& rs = (*body)["readings"];
           for (size_t i = 0; i < rs.size(); ++i) {
             std::string at = fmt::format("readings[{}]", i);
             if (!rs[i].is_object())
               return problem(invalid("request.field_type", at, fmt::format("{}应为对象", at),
                                      fmt::format("{} must be an object", at)),
                              c.lang);
             TemperatureReading t;
             LZ_FIELD(wid, body_int(rs[i], "worker_id", at + ".worker_id"));
             LZ_FIELD(temp, num_field(rs[i], "temperature", at + ".temperature"));
             if (!*wid || !*temp)
               return problem(
                   invalid("request.field_required", *wid ? at + ".temperature" : at + ".worker_id",
                           fmt::format("第{}条须有worker_id和temperature", i + 1),
                           fmt::format("Reading {} needs worker_id and temperature", i + 1)),
                   c.lang);
             t.worker_id = **wid;
             t.temperature_tenths = static_cast<int>(std::lround(**temp * 10));
             if (rs[i].contains("symptoms") && rs[i]["symptoms"].is_array())
               for (const auto& s : rs[i]["symptoms"])
                 if (s.is_string()) t.symptoms.push_back(s.get<std::string>());
             t.note = rs[i].value("note", "");
             b.readings.push_back(std::move(t));
           }
           auto res = c.svc.enterprise->report_temperatures(b, c.actor);
           if (!res) return problem(res.error(), c.lang);
           int fever = c.svc.epidemic->config().fever_threshold_tenths;
           json items = json::array();
           int64_t referred = 0;
           for (const auto& row : res->readings) {
             items.push_back(reading_out(row, fever));
             if (row.key_person_id) ++referred;
           }
           return json_response({{"enterprise_id", *id},
                                 {"on", b.on.iso()},
                                 {"readings", items},
                                 {"referred", referred},
                                 {"reactions", reactions_json(res->reactions, c.lang)}},
                                201);
         }});

  r.add({"GET",
         "/api/v1/enterprises/{id}/temperatures",
         "livelihood",
         "A day's temperature readings, with the workers not yet reported",
         true,
         {{"date", "query", "string", "The day (YYYY-MM-DD, default today)"}},
         "",
         "TemperatureDay",
         false,
         {400, 403, 404},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_reader(c); !st) return problem(st.error(), c.lang);
           LZ_FIELD(id, c.id());
           LZ_FIELD(e, visible_enterprise(c, *id));
           Date on = c.svc.enterprise->today();
           LZ_FIELD(date, c.q_date("date"));
           if (*date) on = **date;
           LZ_FIELD(rows, c.svc.enterprise_store->temperatures(*id, on));
           LZ_FIELD(workers, c.svc.enterprise_store->workers(*id, 100000, 0));
           int fever = c.svc.epidemic->config().fever_threshold_tenths;
           json items = json::array();
           std::set<int64_t> done;
           int64_t fevers = 0;
           for (const auto& row : *rows) {
             items.push_back(reading_out(row, fever));
             done.insert(row.worker_id);
             if (row.temperature_tenths >= fever) ++fevers;
           }
           json missing = json::array();
           for (const auto& w : workers->items)
             if (w.w.active && !done.count(w.w.id))
               missing.push_back({{"worker_id", w.w.id}, {"name", w.w.name}});
           return json_response({{"enterprise_id", *id},
                                 {"on", on.iso()},
                                 {"readings", items},
                                 {"fevers", fevers},
                                 {"not_reported", missing}});
         }});
  r.add({"GET",
         "/api/v1/enterprise-workers",
         "livelihood",
         "Where a registry person works (their jobs at enterprises in the user's jurisdiction), "
         "e.g. a poor "
         "household member's job",
         true,
         {{"person_id", "query", "integer", "The registry person", true}},
         "",
         "Worker",
         true,
         {400, 403},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_livelihood(c); !st) return problem(st.error(), c.lang);
           LZ_FIELD(pid, c.q_int("person_id", 1, INT64_MAX));
           if (!*pid)
             return problem(bad_parameter("person_id", "请给出person_id", "person_id is required"),
                            c.lang);
           LZ_FIELD(jobs, c.svc.enterprise_store->jobs_of_person(**pid));
           json items = json::array();
           for (const auto& w : *jobs)
             if (c.scope.covers(w.enterprise_region)) items.push_back(worker_out(w, c.scope));
           return list_response(items, static_cast<int64_t>(items.size()));
         }});
}

void add_enterprise_schemas(json& s) {
  const json str = {{"type", "string"}}, nstr = {{"type", {"string", "null"}}},
             integer = {{"type", "integer"}}, nint = {{"type", {"integer", "null"}}},
             num = {{"type", "number"}}, boolean = {{"type", "boolean"}}, arr = {{"type", "array"}};
  auto obj = [](json props) { return json{{"type", "object"}, {"properties", std::move(props)}}; };
  json ent = {{"id", integer},       {"name", str},          {"credit_code", str},
              {"kind", str},         {"region_code", str},   {"address", str},
              {"contact_name", str}, {"contact_phone", str}, {"workers_planned", integer},
              {"version", integer}};
  s["Enterprise"] = obj(ent);
  json in = ent;
  in.erase("id");
  in.erase("version");
  s["EnterpriseInput"] = obj(in);
  json row = ent;
  row["state"] = str;
  row["approved_on"] = nstr;
  row["workers"] = integer;
  s["EnterpriseRow"] = obj(row);
  json checklist = {{"masks", integer},           {"thermometers", integer},
                    {"disinfectant_litres", num}, {"entry_checks", boolean},
                    {"disinfection", boolean},    {"separate_meals", boolean}};
  json cl_in = checklist;
  cl_in["version"] = integer;
  s["ChecklistInput"] = obj(cl_in);
  checklist["workers_health"] = boolean;
  s["Resumption"] =
      obj({{"enterprise_id", integer},
           {"state", str},
           {"checklist", obj(checklist)},
           {"workers", integer},
           {"workers_declared", integer},
           {"missing", {{"type", "array"}, {"items", obj({{"item", str}, {"message", str}})}}},
           {"complete", boolean},
           {"submitted_on", nstr},
           {"approved_on", nstr},
           {"return_reason", str},
           {"steps", arr},
           {"version", integer}});
  json detail = ent;
  detail["resumption"] = {{"$ref", "#/components/schemas/Resumption"}};
  s["EnterpriseDetail"] = obj(detail);
  s["ResumptionDecision"] = obj({{"note", str}, {"reason", str}});
  s["Worker"] = obj({{"id", integer},
                     {"enterprise_id", integer},
                     {"enterprise_name", str},
                     {"name", str},
                     {"id_number", str},
                     {"phone", str},
                     {"person_id", nint},
                     {"household_id", nint},
                     {"poverty_status", nstr},
                     {"health_declared_on", nstr},
                     {"health_note", str},
                     {"active", boolean}});
  s["WorkerInput"] = obj({{"name", str},
                          {"id_number", str},
                          {"phone", str},
                          {"health_declared_on", str},
                          {"health_note", str}});
  s["WorkerPatch"] = obj({{"active", boolean}});
  s["HealthDeclaration"] = obj({{"on", str}, {"note", str}});
  json reading_in =
      obj({{"worker_id", integer}, {"temperature", num}, {"symptoms", arr}, {"note", str}});
  s["TemperatureBatch"] =
      obj({{"on", str}, {"readings", {{"type", "array"}, {"items", reading_in}}}});
  json reading = obj({{"id", integer},
                      {"worker_id", integer},
                      {"worker_name", str},
                      {"on", str},
                      {"temperature", num},
                      {"fever", boolean},
                      {"symptoms", arr},
                      {"note", str},
                      {"key_person_id", nint}});
  s["TemperaturesRecorded"] = obj({{"enterprise_id", integer},
                                   {"on", str},
                                   {"readings", {{"type", "array"}, {"items", reading}}},
                                   {"referred", integer},
                                   {"reactions", {{"$ref", "#/components/schemas/Reactions"}}}});
  s["TemperatureDay"] = obj({{"enterprise_id", integer},
                             {"on", str},
                             {"readings", {{"type", "array"}, {"items", reading}}},
                             {"fevers", integer},
                             {"not_reported", arr}});
}

}  // namespace lz::http
