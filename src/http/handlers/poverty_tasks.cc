// Gap tasks (list, act: fix / verify / return, overdue per township and per
// cadre), relapse monitoring cases (list, open from a trigger, eliminate),
// overdue visits, and the county summary of the check.
#include <fmt/format.h>

#include "core/region_code.h"
#include "http/api.h"
#include "http/problem.h"
#include "http/region_names.h"
#include "http/scope_guard.h"
#include "poverty/vocab.h"

namespace lz::http {

using nlohmann::json;
using namespace lz::poverty;

Status visible_household_id(Ctx& c, int64_t id);  // poverty.cc

json task_out(const GapTask& t) {
  json history = json::array();
  for (const auto& e : t.history)
    history.push_back({{"action", task_action_id(e.action)}, {"from", id(e.from)}, {"to", id(e.to)},
                       {"on", e.on.iso()}, {"by", e.by}, {"note", e.note}});
  json j = {{"id", t.id},
            {"household_id", t.household_id},
            {"region_code", t.region_code},
            {"cadre_id", t.cadre_id ? json(*t.cadre_id) : json(nullptr)},
            {"rule_id", t.rule_id},
            {"group", id(t.group)},
            {"reason_zh", t.reason_zh},
            {"reason_en", t.reason_en},
            {"field", t.field},
            {"state", id(t.state)},
            {"opened_on", t.opened_on.iso()},
            {"deadline", t.deadline.iso()},
            {"verified_on", t.verified_on ? json(t.verified_on->iso()) : json(nullptr)},
            {"verified_by", t.verified_by},
            {"return_note", t.return_note},
            {"closed_on", t.closed_on ? json(t.closed_on->iso()) : json(nullptr)},
            {"reopened", t.reopened},
            {"history", history}};
  if (t.fix)
    j["fix"] = {{"what", t.fix->what}, {"evidence_note", t.fix->evidence_note}, {"photo_ref", t.fix->photo_ref},
                {"on", t.fix->on.iso()}, {"by", t.fix->by}};
  else
    j["fix"] = nullptr;
  return j;
}

json risk_out(const RiskCase& r) {
  json kinds = json::array();
  for (size_t i = 0; i < vocabulary<RiskKind>().size(); ++i)
    if (r.kinds.has(static_cast<RiskKind>(i))) kinds.push_back(id(static_cast<RiskKind>(i)));
  return {{"id", r.id},
          {"household_id", r.household_id},
          {"category", id(r.category)},
          {"trigger", r.trigger ? json(id(*r.trigger)) : json(nullptr)},
          {"trigger_on", r.trigger_on.iso()},
          {"person_id", r.person_id ? json(*r.person_id) : json(nullptr)},
          {"kinds", kinds},
          {"opened_on", r.opened_on.iso()},
          {"deadline", r.deadline.iso()},
          {"closed_on", r.closed_on ? json(r.closed_on->iso()) : json(nullptr)},
          {"close_method", r.close_method ? json(id(*r.close_method)) : json(nullptr)},
          {"note", r.note},
          {"close_note", r.close_note},
          {"closed_by", r.closed_by},
          {"open", r.is_open()}};
}

static json summary_json(const CheckSummary& s) {
  json rules = json::array();
  for (const auto& r : s.rules) rules.push_back({{"id", r.rule_id}, {"pass", r.pass}, {"gap", r.gap}, {"unknown", r.unknown}});
  return {{"households", s.households},
          {"rules", rules},
          {"classes", {{"stable", s.count(PovertyClass::kStable)},
                       {"consolidate", s.count(PovertyClass::kConsolidate)},
                       {"key_support", s.count(PovertyClass::kKeySupport)}}},
          {"all_pass", s.all_pass},
          {"with_gap", s.with_gap},
          {"with_unknown", s.with_unknown}};
}

json region_check_json(const app::RegionCheck& rc) {
  json j = summary_json(rc.county);
  j["monitored"] = rc.monitored;
  json towns = json::array();
  for (const auto& t : rc.townships) {
    json tj = summary_json(t.summary);
    tj["code"] = t.code;
    tj["name"] = t.name;
    towns.push_back(std::move(tj));
  }
  j["townships"] = towns;
  return j;
}

static TaskActor task_actor(const Ctx& c) {
  TaskActor a;
  a.login = c.actor.name;
  a.role = c.scope.role;
  a.cadre_id = c.scope.cadre_id;
  a.region_prefix = c.scope.region_prefix;
  return a;
}

// The task, if the user may see its household.
static Result<GapTask> visible_task(Ctx& c, int64_t tid) {
  auto t = c.svc.poverty_store->task(tid);
  if (!t) return not_in_scope("整改任务", "task", tid);
  if (!c.scope.covers(t->region_code)) return not_in_scope("整改任务", "task", tid);
  if (c.scope.paired_only && (!c.scope.cadre_id || !t->cadre_id || *c.scope.cadre_id != *t->cadre_id))
    return not_in_scope("整改任务", "task", tid);
  return t;
}

static HttpResponse act(Ctx& c, const char* action) {
  if (auto st = require_registry(c); !st) return problem(st.error(), c.lang);
  auto tid = c.id();
  if (!tid) return problem(tid.error(), c.lang);
  auto t = visible_task(c, *tid);
  if (!t) return problem(t.error(), c.lang);
  json body = json::object();
  if (!c.req.body.empty()) {
    auto b = c.body();
    if (!b) return problem(b.error(), c.lang);
    body = *b;
  }
  std::optional<Date> on;
  if (auto s = text_of(body, "on"); !s.empty()) {
    on = Date::parse_iso(s);
    if (!on) return problem(invalid("on.format", "on", "日期应为YYYY-MM-DD", "on must be YYYY-MM-DD"), c.lang);
  }
  auto done = c.svc.poverty->act_on_task(*tid, action, task_actor(c),
                                         text_of(body, std::string(action) == "fix" ? "what" : "note"),
                                         text_of(body, "evidence_note"), text_of(body, "photo_ref"), on, c.actor);
  if (!done) return problem(done.error(), c.lang);
  return json_response(task_out(*done));
}

void add_poverty_task_routes(Router& r) {
  r.add({"GET",
         "/api/v1/tasks",
         "poverty",
         "Gap tasks in the user's jurisdiction (a paired cadre: their own)",
         true,
         {{"region", "query", "string", "Region code"},
          {"cadre_id", "query", "integer", "Responsible cadre"},
          {"household_id", "query", "integer", "One household"},
          {"state", "query", "string", "open | fixed | verified | returned | closed_auto | active"},
          {"rule_id", "query", "string", "Rule of the gap"},
          {"overdue", "query", "boolean", "true: only overdue tasks"},
          {"limit", "query", "integer", "Page size, 0-1000 (default 50)"},
          {"offset", "query", "integer", "Rows to skip"}},
         "",
         "GapTask",
         true,
         {400, 403},
         [](Ctx& c) -> HttpResponse {
           sqlite::TaskQuery q;
           auto prefix = scoped_page(c, require_registry(c), q.limit, q.offset);
           if (!prefix) return problem(prefix.error(), c.lang);
           if (!*prefix) return list_response(json::array(), 0);
           q.region_prefix = **prefix;
           auto cid = c.q_int("cadre_id", 1, INT64_MAX);
           auto hid = c.q_int("household_id", 1, INT64_MAX);
           if (!cid) return problem(cid.error(), c.lang);
           if (!hid) return problem(hid.error(), c.lang);
           q.cadre_id = *cid;
           q.household_id = *hid;
           if (c.scope.paired_only) q.cadre_id = c.scope.cadre_id.value_or(-1);
           q.state = c.q_or("state", "");
           if (!q.state.empty() && q.state != "active" && !parse<TaskState>(q.state))
             return problem(bad_parameter("state", "state应为open、fixed、verified、returned、closed_auto或active",
                                          "state must be open, fixed, verified, returned, closed_auto or active"),
                            c.lang);
           q.rule_id = c.q_or("rule_id", "");
           q.overdue_only = c.q_or("overdue", "") == "true";
           q.as_of = c.svc.poverty->config().as_of;
           auto page = c.svc.poverty_store->list_tasks(q);
           if (!page) return problem(page.error(), c.lang);
           json items = json::array();
           for (const auto& t : page->items) {
             json j = task_out(t);
             j["overdue"] = is_overdue(t, q.as_of);
             items.push_back(std::move(j));
           }
           return list_response(items, page->total);
         }});
  r.add({"GET", "/api/v1/tasks/overdue", "poverty", "Overdue gap tasks counted per township or per cadre", true,
         {{"by", "query", "string", "township (default) | cadre"}, {"region", "query", "string", "Region code"}}, "",
         "OverdueTally", true, {400, 403}, [](Ctx& c) -> HttpResponse {
           if (auto st = require_registry(c); !st) return problem(st.error(), c.lang);
           auto prefix = list_prefix(c);
           if (!prefix) return problem(prefix.error(), c.lang);
           if (!*prefix) return list_response(json::array(), 0);
           sqlite::TaskQuery q;
           q.region_prefix = **prefix;
           q.state = "active";
           q.limit = 1000;
           if (c.scope.paired_only) q.cadre_id = c.scope.cadre_id.value_or(-1);
           std::vector<GapTask> all;
           for (q.offset = 0;; q.offset += q.limit) {
             auto page = c.svc.poverty_store->list_tasks(q);
             if (!page) return problem(page.error(), c.lang);
             for (auto& t : page->items) all.push_back(std::move(t));
             if (static_cast<int64_t>(page->items.size()) < q.limit) break;
           }
           Date as_of = c.svc.poverty->config().as_of;
           std::string by = c.q_or("by", "township");
           if (by != "township" && by != "cadre")
             return problem(bad_parameter("by", "by应为township或cadre", "by must be township or cadre"), c.lang);
           auto tallies = by == "cadre" ? overdue_by_cadre(all, as_of) : overdue_by_township(all, as_of);
           json items = json::array();
           for (const auto& t : tallies) {
             items.push_back({{"township_code", t.township_code},
                              {"township_name", region_name_of(c.svc, t.township_code)},
                              {"cadre_id", t.cadre_id ? json(*t.cadre_id) : json(nullptr)},
                              {"overdue", t.overdue},
                              {"awaiting_verification", t.awaiting_verification},
                              {"max_days_overdue", t.max_days_overdue}});
           }
           return list_response(items, static_cast<int64_t>(items.size()));
         }});
  r.add({"GET", "/api/v1/tasks/{id}", "poverty", "One gap task with its history", true, {}, "", "GapTask", false,
         {404}, [](Ctx& c) -> HttpResponse {
           if (auto st = require_registry(c); !st) return problem(st.error(), c.lang);
           auto tid = c.id();
           if (!tid) return problem(tid.error(), c.lang);
           auto t = visible_task(c, *tid);
           if (!t) return problem(t.error(), c.lang);
           return json_response(task_out(*t));
         }});
  r.add({"POST", "/api/v1/tasks/{id}/fix", "poverty",
         "The responsible paired cadre records the fix: {\"what\", \"evidence_note\" or \"photo_ref\", \"on\"}", true,
         {}, "TaskFixInput", "GapTask", false, {403, 404, 409, 422}, [](Ctx& c) { return act(c, "fix"); }});
  r.add({"POST", "/api/v1/tasks/{id}/verify", "poverty", "A township officer verifies a fixed task: {\"note\"}", true,
         {}, "TaskNoteInput", "GapTask", false, {403, 404, 409, 422}, [](Ctx& c) { return act(c, "verify"); }});
  r.add({"POST", "/api/v1/tasks/{id}/return", "poverty",
         "A township officer sends a fixed task back to the cadre: {\"note\": why}", true, {}, "TaskNoteInput",
         "GapTask", false, {403, 404, 409, 422}, [](Ctx& c) { return act(c, "return"); }});

  r.add({"GET",
         "/api/v1/monitoring",
         "poverty",
         "Relapse monitoring cases (防返贫监测) in the user's jurisdiction",
         true,
         {{"region", "query", "string", "Region code"},
          {"household_id", "query", "integer", "One household"},
          {"open", "query", "boolean", "true: only open cases"},
          {"category", "query", "string", "unstable_lifted | marginal_at_risk | sudden_hardship"},
          {"limit", "query", "integer", "Page size, 0-1000 (default 50)"},
          {"offset", "query", "integer", "Rows to skip"}},
         "",
         "RiskCase",
         true,
         {400, 403},
         [](Ctx& c) -> HttpResponse {
           sqlite::RiskQuery q;
           auto prefix = scoped_page(c, require_registry(c), q.limit, q.offset);
           if (!prefix) return problem(prefix.error(), c.lang);
           if (!*prefix) return list_response(json::array(), 0);
           q.region_prefix = **prefix;
           auto hid = c.q_int("household_id", 1, INT64_MAX);
           if (!hid) return problem(hid.error(), c.lang);
           q.household_id = *hid;
           if (c.scope.paired_only && !q.household_id)
             return problem(bad_parameter("household_id", "结对帮扶干部请按户查询", "Paired cadres query by household"), c.lang);
           if (q.household_id)
             if (auto st = visible_household_id(c, *q.household_id); !st)
               return problem(st.error(), c.lang);
           q.open_only = c.q_or("open", "") == "true";
           q.category = c.q_or("category", "");
           auto page = c.svc.poverty_store->list_risks(q);
           if (!page) return problem(page.error(), c.lang);
           json items = json::array();
           for (const auto& x : page->items) items.push_back(risk_out(x));
           return list_response(items, page->total);
         }});
  r.add({"POST", "/api/v1/monitoring", "poverty",
         "Open a monitoring case from a trigger: {household_id, trigger, on, person_id?, category?, note}", true, {},
         "MonitoringInput", "RiskCase", false, {403, 404, 422}, [](Ctx& c) -> HttpResponse {
           if (auto st = require_registry(c, true); !st) return problem(st.error(), c.lang);
           auto body = c.body();
           if (!body) return problem(body.error(), c.lang);
           if (!body->contains("household_id") || !(*body)["household_id"].is_number_integer())
             return problem(invalid("household_id.missing", "household_id", "请填写户id", "household_id is required"), c.lang);
           int64_t hid = (*body)["household_id"];
           if (auto st = visible_household_id(c, hid); !st) {
             Error e = st.error();
             if (e.field == "id") e.field = "household_id";  // given in the body, not the path
             return problem(e, c.lang);
           }
           Trigger t;
           auto kind = parse<TriggerKind>(text_of(*body, "trigger"));
           if (!kind) return problem(invalid("trigger.unknown", "trigger", "风险触发类型无效", "Unknown trigger"), c.lang);
           t.kind = *kind;
           auto on = Date::parse_iso(text_of(*body, "on"));
           t.on = on.value_or(c.svc.poverty->config().as_of);
           if (body->contains("person_id") && (*body)["person_id"].is_number_integer()) t.person_id = (*body)["person_id"].get<int64_t>();
           if (auto cat = text_of(*body, "category"); !cat.empty()) t.category = parse<RiskCategory>(cat);
           t.note = text_of(*body, "note");
           auto opened = c.svc.poverty->open_monitoring(hid, t, "api", c.actor);
           if (!opened) return problem(opened.error(), c.lang);
           (void)c.svc.poverty->recheck(hid, c.actor);  // the class follows; the case is saved either way
           return json_response(risk_out(*opened), 201);
         }});
  r.add({"POST", "/api/v1/monitoring/{id}/eliminate", "poverty",
         "Eliminate a risk: {method: assistance | income_recovered | other, on, note}", true, {}, "EliminationInput",
         "RiskCase", false, {403, 404, 409, 422}, [](Ctx& c) -> HttpResponse {
           if (auto st = require_registry(c, true); !st) return problem(st.error(), c.lang);
           auto rid = c.id();
           if (!rid) return problem(rid.error(), c.lang);
           auto cur = c.svc.poverty_store->risk(*rid);
           if (!cur) return problem(not_in_scope("监测对象", "monitoring case", *rid), c.lang);
           if (auto st = visible_household_id(c, cur->household_id); !st)
             return problem(not_in_scope("监测对象", "monitoring case", *rid), c.lang);
           auto body = c.body();
           if (!body) return problem(body.error(), c.lang);
           Elimination e;
           auto m = parse<CloseMethod>(text_of(*body, "method"));
           if (!m) return problem(invalid("method.unknown", "method", "消除方式应为assistance、income_recovered或other", "method must be assistance, income_recovered or other"), c.lang);
           e.method = *m;
           e.on = Date::parse_iso(text_of(*body, "on")).value_or(c.svc.poverty->config().as_of);
           e.note = text_of(*body, "note");
           e.by = c.actor.name;
           auto closed = c.svc.poverty->eliminate(*rid, e, c.actor);
           if (!closed) return problem(closed.error(), c.lang);
           (void)c.svc.poverty->recheck(cur->household_id, c.actor);
           return json_response(risk_out(*closed));
         }});
  r.add({"GET",
         "/api/v1/visits/overdue",
         "poverty",
         "Poor and marginal households not visited within the visit interval (default 30 days)",
         true,
         {{"region", "query", "string", "Region code"},
          {"cadre_id", "query", "integer", "Households of one paired cadre"},
          {"limit", "query", "integer", "Page size, 0-1000 (default 50)"},
          {"offset", "query", "integer", "Rows to skip"}},
         "",
         "OverdueVisit",
         true,
         {400, 403},
         [](Ctx& c) -> HttpResponse {
           int64_t limit, offset;
           auto prefix = scoped_page(c, require_registry(c), limit, offset);
           if (!prefix) return problem(prefix.error(), c.lang);
           if (!*prefix) return list_response(json::array(), 0);
           auto cid = c.q_int("cadre_id", 1, INT64_MAX);
           if (!cid) return problem(cid.error(), c.lang);
           std::optional<int64_t> cadre = *cid;
           if (c.scope.paired_only) cadre = c.scope.cadre_id.value_or(-1);
           const auto& cfg = c.svc.poverty->config();
           auto page = c.svc.poverty_store->overdue_visits(**prefix, cadre, cfg.as_of.plus_days(-cfg.visit_interval_days),
                                                           limit, offset);
           if (!page) return problem(page.error(), c.lang);
           json items = json::array();
           for (const auto& [hid, last] : page->items)
             items.push_back({{"household_id", hid}, {"last_visit", last.empty() ? json(nullptr) : json(last)}});
           return list_response(items, page->total);
         }});
  r.add({"GET", "/api/v1/poverty/summary", "poverty",
         "The check over every poor and marginal household in the region: per rule pass / gap / unknown, classes, per township",
         true, {{"region", "query", "string", "Region code (default: the user's jurisdiction)"}}, "", "PovertySummary",
         false, {400, 403}, [](Ctx& c) -> HttpResponse {
           if (auto st = require(c.scope.registry && !c.scope.paired_only); !st) return problem(st.error(), c.lang);
           auto prefix = list_prefix(c);
           if (!prefix) return problem(prefix.error(), c.lang);
           if (!*prefix) return json_response({{"households", 0}});
           auto rc = c.svc.poverty->check_region(**prefix, false, c.actor);
           if (!rc) return problem(rc.error(), c.lang);
           return json_response(region_check_json(*rc));
         }});
}

}  // namespace lz::http
