// Medical observation and daily follow-up. County, township and village
// users see the observations of persons in their region; a paired cadre sees
// (and follows up) only the observations assigned to them.
#include <fmt/format.h>

#include <map>

#include "epidemic/json.h"
#include "http/handlers/epidemic_common.h"

namespace lz::http {

using nlohmann::json;
using namespace lz::epidemic;

namespace {

bool observation_visible(const Ctx& c, const sqlite::ObservationView& v) {
  if (c.scope.paired_only) return c.scope.cadre_id && v.cadre_id == c.scope.cadre_id;
  return epidemic_covers(c, v.o.region_code);
}

json observation_out(const sqlite::ObservationView& v, const Scope& s, Date today) {
  json j = to_json(v.o);
  j["version"] = v.version;
  j["cadre_id"] = v.cadre_id ? json(*v.cadre_id) : json(nullptr);
  j["person"] = person_brief_json(v.person, s);
  j["under_observation"] = is_under_observation(v.o, today);
  j["release_due"] = is_release_due(v.o, today);
  return j;
}

Result<sqlite::ObservationView> visible_observation(Ctx& c, int64_t id) {
  auto v = c.svc.epidemic_store->observation(id);
  if (!v || !observation_visible(c, *v)) return not_in_scope("医学观察", "observation", id);
  return v;
}

}  // namespace

void add_observation_routes(Router& r) {
  r.add({"GET",
         "/api/v1/observations",
         "epidemic",
         "Medical observations in the jurisdiction (a paired cadre: theirs)",
         true,
         {{"region", "query", "string", "Region code (narrowed to the user's jurisdiction)"},
          {"open_on", "query", "string", "Only those under observation on that day (YYYY-MM-DD)"},
          {"kind", "query", "string", "home | centralized"},
          {"cadre_id", "query", "integer", "Followed up by this cadre"},
          {"person_id", "query", "integer", "One person's observations"},
          {"limit", "query", "integer", "Page size (default 50, max 1000)"},
          {"offset", "query", "integer", "Rows to skip"}},
         "",
         "Observation",
         true,
         {400, 403},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_epidemic(c); !st) return problem(st.error(), c.lang);
           auto prefix = epidemic_prefix(c);
           if (!prefix) return problem(prefix.error(), c.lang);
           if (!*prefix) return list_response(json::array(), 0);
           sqlite::ObservationQuery q;
           q.region_prefix = **prefix;
           for (auto [name, out] :
                {std::pair{"cadre_id", &q.cadre_id}, std::pair{"person_id", &q.person_id}}) {
             auto v = c.q_int(name, 1, INT64_MAX);
             if (!v) return problem(v.error(), c.lang);
             *out = *v;
           }
           if (c.scope.paired_only) q.cadre_id = c.scope.cadre_id.value_or(-1);
           auto open_on = c.q_date("open_on");
           if (!open_on) return problem(open_on.error(), c.lang);
           if (*open_on) q.open_on = **open_on;
           q.kind = c.q_or("kind", "");
           if (!q.kind.empty() && q.kind != "home" && q.kind != "centralized")
             return problem(bad_parameter("kind", "kind应为home或centralized",
                                          "kind must be home or centralized"),
                            c.lang);
           if (auto st = c.paging(q.limit, q.offset); !st) return problem(st.error(), c.lang);
           auto res = c.svc.epidemic_store->list_observations(q);
           if (!res) return problem(res.error(), c.lang);
           Date today = c.svc.epidemic->today();
           json items = json::array();
           for (const auto& v : res->items) items.push_back(observation_out(v, c.scope, today));
           return list_response(items, res->total);
         }});

  r.add({"POST",
         "/api/v1/observations",
         "epidemic",
         "Put a person under medical observation: {person_id, kind: home | centralized, site, "
         "room, last_exposure, "
         "start, basis, cadre_id}. The planned end is 14 days (configurable) after the last "
         "exposure. A member of a "
         "lifted or marginal household opens relapse monitoring (epidemic_quarantine).",
         true,
         {},
         "ObservationInput",
         "ObservationWithReactions",
         false,
         {403, 404, 409, 422},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_epidemic(c, true); !st) return problem(st.error(), c.lang);
           if (auto st = require(!c.scope.paired_only); !st) return problem(st.error(), c.lang);
           auto body = c.body();
           if (!body) return problem(body.error(), c.lang);
           auto plan = read_all(*body, observation_plan);
           if (!plan) return problem(plan.error(), c.lang);
           auto p = c.svc.epidemic_store->person(plan->person_id);
           if (!p || !epidemic_covers(c, p->region_code))
             return out_of_scope(c, "人员", "person", plan->person_id);
           std::optional<int64_t> cadre;
           if (body->contains("cadre_id") && (*body)["cadre_id"].is_number_integer()) {
             cadre = (*body)["cadre_id"].get<int64_t>();
             if (!c.svc.store->cadre(*cadre))
               return problem(
                   invalid("cadre.not_found", "cadre_id", fmt::format("干部{}不存在", *cadre),
                           fmt::format("There is no cadre {}", *cadre)),
                   c.lang);
           }
           auto res = c.svc.epidemic->plan_observation(*plan, cadre, c.actor);
           if (!res) return problem(res.error(), c.lang);
           json j = observation_out(res->view, c.scope, c.svc.epidemic->today());
           j["reactions"] = reactions_json(res->reactions, c.lang);
           return record_response(j, 201);
         }});

  r.add({"GET",
         "/api/v1/observations/{id}",
         "epidemic",
         "One observation with its follow-up schedule: each due day done, due or overdue",
         true,
         {},
         "",
         "Observation",
         false,
         {403, 404},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_epidemic(c); !st) return problem(st.error(), c.lang);
           auto id = c.id();
           if (!id) return problem(id.error(), c.lang);
           auto v = visible_observation(c, *id);
           if (!v) return problem(v.error(), c.lang);
           Date today = c.svc.epidemic->today();
           json j = observation_out(*v, c.scope, today);
           auto fus = c.svc.epidemic_store->follow_ups_of(*id);
           if (!fus) return problem(fus.error(), c.lang);
           std::map<int32_t, const FollowUp*> by_day;
           for (const auto& f : *fus) by_day[f.day.days()] = &f;
           json schedule = json::array();
           for (Date d : follow_up_schedule(v->o)) {
             auto it = by_day.find(d.days());
             json row = {{"day", d.iso()}};
             if (it != by_day.end()) {
               row["state"] = "done";
               row["follow_up"] = to_json(*it->second);
               row["alert"] = alert_for(*it->second, c.svc.epidemic->config()).has_value();
             } else {
               row["state"] = d < today ? "overdue" : d == today ? "due" : "planned";
             }
             schedule.push_back(row);
           }
           j["schedule"] = schedule;
           return record_response(j);
         }});

  r.add({"POST",
         "/api/v1/observations/{id}/extend",
         "epidemic",
         "A later exposure was found: {exposure_on, found_on, note, version}; the planned end "
         "moves to 14 days after it",
         true,
         {},
         "ObservationExtendInput",
         "Observation",
         false,
         {403, 404, 409, 422, 428},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_epidemic(c, true); !st) return problem(st.error(), c.lang);
           auto id = c.id();
           if (!id) return problem(id.error(), c.lang);
           auto v = visible_observation(c, *id);
           if (!v) return problem(v.error(), c.lang);
           auto body = c.body();
           if (!body) return problem(body.error(), c.lang);
           auto version = c.expected_version(&*body);
           if (!version) return problem(version.error(), c.lang);
           if (!body->contains("exposure_on"))
             return problem(invalid("request.field", "exposure_on", "请填写新的暴露日期",
                                    "exposure_on is required"),
                            c.lang);
           auto exp = date_input((*body)["exposure_on"], "exposure_on");
           if (!exp) return problem(exp.error(), c.lang);
           std::optional<Date> found;
           if (body->contains("found_on") && !(*body)["found_on"].is_null()) {
             auto f = date_input((*body)["found_on"], "found_on");
             if (!f) return problem(f.error(), c.lang);
             found = *f;
           }
           auto res = c.svc.epidemic->extend_observation(*id, *exp, found, text_of(*body, "note"),
                                                         *version, c.actor);
           if (!res) return problem(res.error(), c.lang);
           return record_response(observation_out(*res, c.scope, c.svc.epidemic->today()));
         }});

  r.add({"POST",
         "/api/v1/observations/{id}/release",
         "epidemic",
         "Release from observation: {on, reason (required before the planned end), version}",
         true,
         {},
         "ObservationReleaseInput",
         "Observation",
         false,
         {403, 404, 409, 422, 428},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_epidemic(c, true); !st) return problem(st.error(), c.lang);
           if (auto st = require(!c.scope.paired_only); !st) return problem(st.error(), c.lang);
           auto id = c.id();
           if (!id) return problem(id.error(), c.lang);
           auto v = visible_observation(c, *id);
           if (!v) return problem(v.error(), c.lang);
           auto body = c.body();
           if (!body) return problem(body.error(), c.lang);
           auto version = c.expected_version(&*body);
           if (!version) return problem(version.error(), c.lang);
           Release rel;
           rel.on = c.svc.epidemic->today();
           if (body->contains("on") && !(*body)["on"].is_null()) {
             auto d = date_input((*body)["on"], "on");
             if (!d) return problem(d.error(), c.lang);
             rel.on = *d;
           }
           rel.reason = text_of(*body, "reason");
           auto res = c.svc.epidemic->release_observation(*id, rel, *version, c.actor);
           if (!res) return problem(res.error(), c.lang);
           return record_response(observation_out(*res, c.scope, c.svc.epidemic->today()));
         }});

  r.add({"POST",
         "/api/v1/observations/{id}/follow-ups",
         "epidemic",
         "Record the follow-up of a due day: {day, temperature (°C), symptoms[], at, by, note}. "
         "37.3 °C or more, or "
         "any symptom, raises an alert (in the response). One per day: a second is 409.",
         true,
         {},
         "FollowUpInput",
         "FollowUpRecorded",
         false,
         {403, 404, 409, 422},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_epidemic(c, true); !st) return problem(st.error(), c.lang);
           auto id = c.id();
           if (!id) return problem(id.error(), c.lang);
           auto v = visible_observation(c, *id);
           if (!v) return problem(v.error(), c.lang);
           auto body = c.body();
           if (!body) return problem(body.error(), c.lang);
           auto f = read_all(*body, follow_up_input);
           if (!f) return problem(f.error(), c.lang);
           auto res = c.svc.epidemic->record_follow_up(*v, *f, c.actor);  // read once
           if (!res) return problem(res.error(), c.lang);
           json j = to_json(res->follow_up);
           j["alert"] = res->alert ? json{{"fever", res->alert->fever},
                                          {"temperature", res->alert->temperature_tenths / 10.0},
                                          {"symptoms", symptoms_json(res->alert->symptoms)},
                                          {"message", c.lang == Lang::kEn ? res->alert->message_en
                                                                          : res->alert->message_zh}}
                                   : json(nullptr);
           return json_response(j, 201);
         }});

  r.add({"GET",
         "/api/v1/follow-ups/due",
         "epidemic",
         "The follow-up work list of a day: each observation's follow-up for the day (due or done) "
         "and every "
         "overdue earlier day; a paired cadre gets theirs",
         true,
         {{"date", "query", "string", "The day (default: today)"},
          {"region", "query", "string", "Region code (narrowed to the user's jurisdiction)"},
          {"cadre_id", "query", "integer", "One cadre's list"},
          {"state", "query", "string", "due | done | overdue"}},
         "",
         "FollowUpItem",
         true,
         {400, 403},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_epidemic(c); !st) return problem(st.error(), c.lang);
           auto d = date_param(c);
           if (!d) return problem(d.error(), c.lang);
           auto prefix = epidemic_prefix(c);
           if (!prefix) return problem(prefix.error(), c.lang);
           if (!*prefix) return list_response(json::array(), 0);
           auto cadre = c.q_int("cadre_id", 1, INT64_MAX);
           if (!cadre) return problem(cadre.error(), c.lang);
           std::optional<int64_t> cadre_id = *cadre;
           if (c.scope.paired_only) cadre_id = c.scope.cadre_id.value_or(-1);
           std::string state = c.q_or("state", "");
           if (!state.empty() && !parse<FollowUpState>(state))
             return problem(bad_parameter("state", "state应为due、done或overdue",
                                          "state must be due, done or overdue"),
                            c.lang);
           auto items = c.svc.epidemic->follow_ups_due(**prefix, cadre_id, *d);
           if (!items) return problem(items.error(), c.lang);
           std::vector<int64_t> ids;
           for (const auto& it : *items) ids.push_back(it.item.person_id);
           auto persons = c.svc.epidemic_store->persons(ids);
           std::map<int64_t, const sqlite::PersonBrief*> by_id;
           if (persons)
             for (const auto& p : *persons) by_id[p.id] = &p;
           json out = json::array();
           for (const auto& it : *items) {
             if (!state.empty() && id(it.item.state) != state) continue;
             auto p = by_id.find(it.item.person_id);
             out.push_back({{"observation_id", it.item.observation_id},
                            {"day", it.item.day.iso()},
                            {"state", id(it.item.state)},
                            {"cadre_id", it.cadre_id ? json(*it.cadre_id) : json(nullptr)},
                            {"region_code", it.region_code},
                            {"person", p != by_id.end() ? person_brief_json(*p->second, c.scope)
                                                        : json{{"id", it.item.person_id}}}});
           }
           return list_response(out, static_cast<int64_t>(out.size()));
         }});

  r.add({"GET",
         "/api/v1/follow-ups/overdue",
         "epidemic",
         "Overdue follow-ups on a day counted per village or per cadre (who is behind)",
         true,
         {{"date", "query", "string", "The day (default: today)"},
          {"region", "query", "string", "Region code (narrowed to the user's jurisdiction)"},
          {"by", "query", "string", "village (default) | cadre"}},
         "",
         "OverdueTally",
         true,
         {400, 403},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_epidemic(c); !st) return problem(st.error(), c.lang);
           if (auto st = require(!c.scope.paired_only); !st) return problem(st.error(), c.lang);
           auto d = date_param(c);
           if (!d) return problem(d.error(), c.lang);
           std::string by = c.q_or("by", "village");
           if (by != "village" && by != "cadre")
             return problem(
                 bad_parameter("by", "by应为village或cadre", "by must be village or cadre"),
                 c.lang);
           auto prefix = epidemic_prefix(c);
           if (!prefix) return problem(prefix.error(), c.lang);
           if (!*prefix) return list_response(json::array(), 0);
           auto items = c.svc.epidemic->follow_ups_due(**prefix, std::nullopt, *d);
           if (!items) return problem(items.error(), c.lang);
           struct Tally {
             int64_t overdue = 0, due = 0, done = 0;
           };
           std::map<std::string, Tally> tally;
           for (const auto& it : *items) {
             std::string key = by == "village" ? it.region_code.substr(
                                                     0, std::min<size_t>(12, it.region_code.size()))
                                               : (it.cadre_id ? std::to_string(*it.cadre_id) : "");
             Tally& t = tally[key];
             if (it.item.state == FollowUpState::kOverdue) ++t.overdue;
             if (it.item.state == FollowUpState::kDue) ++t.due;
             if (it.item.state == FollowUpState::kDone) ++t.done;
           }
           json out = json::array();
           for (const auto& [key, t] : tally) {
             if (t.overdue == 0) continue;
             json row = {{"overdue", t.overdue}, {"due", t.due}, {"done", t.done}};
             if (by == "village") {
               row["village_code"] = key;
               auto reg = c.svc.store->region(key);
               row["name"] = reg ? reg->name : "";
             } else {
               row["cadre_id"] = key.empty() ? json(nullptr) : json(std::stoll(key));
               if (!key.empty()) {
                 auto cd = c.svc.store->cadre(std::stoll(key));
                 row["name"] = cd ? cd->name : "";
               } else {
                 row["name"] = c.lang == Lang::kEn ? "(no cadre assigned)" : "（未指定干部）";
               }
             }
             out.push_back(row);
           }
           std::sort(out.begin(), out.end(),
                     [](const json& a, const json& b) { return a["overdue"] > b["overdue"]; });
           return list_response(out, static_cast<int64_t>(out.size()));
         }});
}

}  // namespace lz::http
