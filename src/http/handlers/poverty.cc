// The poverty front on a household: its check (rules with pass / gap /
// unknown and reasons) and class, a class override, the data the check reads
// (condition, income, members' insurance and disability, causes, loans,
// assistance), and visits. Every data edit re-checks the household, so its
// tasks follow at once.
#include <fmt/format.h>

#include "http/api.h"
#include "http/problem.h"
#include "http/scope_guard.h"
#include "poverty/disability_certificate.h"
#include "poverty/register_status.h"
#include "poverty/relapse.h"
#include "poverty/vocab.h"

namespace lz::http {

using nlohmann::json;
using namespace lz::poverty;

json task_out(const GapTask& t);  // poverty_tasks.cc
json risk_out(const RiskCase& r);  // poverty_tasks.cc

static json opt(const std::optional<bool>& b) { return b ? json(*b) : json(nullptr); }
static json opt(const std::optional<int64_t>& v) { return v ? json(*v) : json(nullptr); }

// A household the user may see, as 404 otherwise.
Status visible_household_id(Ctx& c, int64_t id) {
  auto h = visible_household(c, id);
  if (!h) return h.error();
  return {};
}

static json check_json(const CheckResult& r, const Classification& cls, Lang lang) {
  json rules = json::array();
  for (const auto& x : r.results) {
    json j = {{"id", x.rule->id},
              {"group", id(x.rule->group)},
              {"version", x.rule->version},
              {"description", lang == Lang::kEn ? x.rule->description_en : x.rule->description_zh},
              {"outcome", id(x.outcome)}};
    if (x.outcome != Outcome::kPass) {
      j["reason"] = lang == Lang::kEn ? x.finding.reason_en : x.finding.reason_zh;
      j["field"] = x.finding.field;
    }
    rules.push_back(std::move(j));
  }
  json reasons = json::array();
  for (const auto& why : cls.reasons) reasons.push_back({{"code", why.code}, {"text", lang == Lang::kEn ? why.en : why.zh}});
  json out = {{"household_id", r.household_id},
              {"rules", rules},
              {"gaps", r.count(Outcome::kGap)},
              {"unknown", r.count(Outcome::kUnknown)},
              {"class", {{"computed", id(cls.computed)}, {"effective", id(cls.effective())}, {"reasons", reasons}}}};
  if (cls.override_)
    out["class"]["override"] = {{"class", id(cls.override_->cls)}, {"reason", cls.override_->reason},
                                {"by", cls.override_->by}, {"on", cls.override_->on.iso()}};
  return out;
}

static json facts_json(const HouseholdFacts& h) {
  json members = json::array();
  for (const auto& m : h.members)
    members.push_back({{"person_id", m.person_id},
                       {"name", m.name},
                       {"basic_medical", opt(m.basic_medical)},
                       {"serious_illness", opt(m.serious_illness)},
                       {"chronic_card", opt(m.chronic_card)},
                       {"disability_certificate", m.disability_certificate.empty() ? json(nullptr) : json(m.disability_certificate.substr(0, 6) + "********" + m.disability_certificate.substr(14))},
                       {"disability_subsidy", opt(m.disability_subsidy)}});
  json causes = json::array();
  for (size_t i = 0; i < vocabulary<Cause>().size(); ++i)
    if (h.causes.has(static_cast<Cause>(i))) causes.push_back(id(static_cast<Cause>(i)));
  json loans = json::array();
  for (const auto& l : h.benefits.loans)
    loans.push_back({{"amount_fen", l.amount_fen}, {"start", l.start.iso()}, {"due", l.due.iso()},
                     {"repaid_fen", l.repaid_fen}, {"repaid_on", l.repaid_on ? json(l.repaid_on->iso()) : json(nullptr)}});
  json measures = json::array();
  for (const auto& m : h.measures) measures.push_back({{"kind", id(m.kind)}, {"on", m.on.iso()}, {"amount_fen", m.amount_fen}});
  auto pci = per_capita_net_income(h);
  return {{"household_id", h.household_id},
          {"status", id(h.status)},
          {"registered_year", h.registered_year ? json(*h.registered_year) : json(nullptr)},
          {"lifted_year", h.lifted_year ? json(*h.lifted_year) : json(nullptr)},
          {"cadre_id", opt(h.cadre_id)},
          {"causes", causes},
          {"main_cause", h.main_cause ? json(id(*h.main_cause)) : json(nullptr)},
          {"income", {{"wage_fen", opt(h.income.wage_fen)}, {"business_fen", opt(h.income.business_fen)},
                      {"property_fen", opt(h.income.property_fen)}, {"transfer_fen", opt(h.income.transfer_fen)},
                      {"business_costs_fen", opt(h.income.business_costs_fen)},
                      {"per_capita_net_fen", pci.fen ? json(*pci.fen) : json(nullptr)}}},
          {"housing_grade", h.housing_grade ? json(std::string(1, *h.housing_grade)) : json(nullptr)},
          {"water", {{"quality", opt(h.water.quality)}, {"quantity", opt(h.water.quantity)},
                     {"convenience", opt(h.water.convenience)}, {"reliability", opt(h.water.reliability)}}},
          {"dibao", opt(h.benefits.dibao)},
          {"tekun", opt(h.benefits.tekun)},
          {"loans", loans},
          {"measures", measures},
          {"members", members},
          {"last_visit", h.visit ? json(h.visit->on.iso()) : json(nullptr)}};
}

static Result<HouseholdFacts> load(Ctx& c, int64_t hid) {
  sqlite::FactsFilter f;
  f.household_id = hid;
  f.year = c.svc.poverty->config().year;
  auto all = c.svc.poverty_store->load_facts(f);
  if (!all) return all.error();
  if (all->empty())
    return not_found("household.not_in_register", "id", fmt::format("户{}不在扶贫对象名单中", hid),
                     fmt::format("Household {} is not in the poverty register", hid));
  return std::move(all->front());
}

// After an edit: re-check, and answer with the new check.
static HttpResponse recheck_response(Ctx& c, int64_t hid) {
  auto r = c.svc.poverty->recheck(hid, c.actor);
  if (!r) return problem(r.error(), c.lang);
  json j = check_json(r->result, r->classification, c.lang);
  j["tasks_opened"] = r->tasks.opened.size();
  j["tasks_closed"] = r->tasks.closed.size();
  j["tasks_reopened"] = r->tasks.reopened.size();
  return json_response(j);
}

static std::optional<bool> bool_of(const json& j, const char* k) {
  if (!j.contains(k) || j[k].is_null()) return std::nullopt;
  if (j[k].is_boolean()) return j[k].get<bool>();
  return std::nullopt;
}
static std::optional<int64_t> fen_of(const json& j, const char* k) {
  if (!j.contains(k) || j[k].is_null() || !j[k].is_number_integer()) return std::nullopt;
  return j[k].get<int64_t>();
}

#define LZ_HID(c)                                                       \
  auto id_ = c.id();                                                   \
  if (!id_) return problem(id_.error(), c.lang);                       \
  if (auto st = visible_household_id(c, *id_); !st) return problem(st.error(), c.lang); \
  int64_t hid = *id_;

void add_poverty_routes(Router& r) {
  r.add({"GET", "/api/v1/households/{id}/check", "poverty",
         "Run the check on one household now: every rule's outcome (pass / gap / unknown) with reasons, and the class with its reasons",
         true, {}, "", "CheckResult", false, {403, 404}, [](Ctx& c) -> HttpResponse {
           if (auto st = require_registry(c); !st) return problem(st.error(), c.lang);
           LZ_HID(c);
           auto h = load(c, hid);
           if (!h) return problem(h.error(), c.lang);
           auto res = check(*h, c.svc.poverty->config());
           std::optional<ClassOverride> ov;
           if (auto sc = c.svc.poverty_store->stored_class(hid); sc && *sc && (*sc)->override_class) {
             ClassOverride o;
             o.cls = parse<PovertyClass>(*(*sc)->override_class).value_or(PovertyClass::kKeySupport);
             o.reason = (*sc)->override_reason.value_or("");
             o.by = (*sc)->override_by.value_or("");
             o.on = Date::parse_iso((*sc)->override_at.value_or("")).value_or(Date());
             ov = o;
           }
           auto cls = classify(*h, res, c.svc.poverty->config(), ov);
           json j = check_json(res, cls, c.lang);
           // 防返贫: whether the household's income puts it under monitoring (a
           // lifted or marginal household below relapse_factor x the line), and
           // whether a case is open for it already.
           const MonitorDecision m = should_monitor(*h, c.svc.poverty->config());
           bool open_case = false;
           for (const auto& rc : h->risks) open_case |= rc.is_open();
           j["relapse_monitoring"] = {
               {"verdict", m.verdict == MonitorVerdict::kMonitor   ? "monitor"
                           : m.verdict == MonitorVerdict::kUnknown ? "unknown"
                                                                   : "not_needed"},
               {"category", m.category ? json(id(*m.category)) : json(nullptr)},
               {"reason", c.lang == Lang::kEn ? m.reason_en : m.reason_zh},
               {"case_open", open_case}};
           return json_response(j);
         }});
  r.add({"POST", "/api/v1/households/{id}/check", "poverty",
         "Re-check one household and save: findings, class, and its gap tasks (open / auto-close / reopen)", true, {},
         "", "CheckResult", false, {403, 404}, [](Ctx& c) -> HttpResponse {
           if (auto st = require_registry(c); !st) return problem(st.error(), c.lang);
           LZ_HID(c);
           return recheck_response(c, hid);
         }});
  r.add({"PUT", "/api/v1/households/{id}/class_override", "poverty",
         "Override the computed class with a reason (county admin, township officer); kept in the audit trail", true,
         {}, "ClassOverrideInput", "CheckResult", false, {403, 404, 422}, [](Ctx& c) -> HttpResponse {
           if (auto st = require_registry(c); !st) return problem(st.error(), c.lang);
           LZ_HID(c);
           auto body = c.body();
           if (!body) return problem(body.error(), c.lang);
           auto cls = parse<PovertyClass>(text_of(*body, "class"));
           if (!cls)
             return problem(invalid("class.unknown", "class", "分类应为stable（稳定脱贫）、consolidate（巩固提升）或key_support（重点扶持）",
                                    "class must be stable, consolidate or key_support"),
                            c.lang);
           ClassOverride o;
           o.cls = *cls;
           o.reason = text_of(*body, "reason");
           o.by = c.actor.name;
           o.role = c.scope.role;
           o.on = c.svc.poverty->config().as_of;
           if (auto st = validate_override(o, c.svc.poverty->config().as_of); !st) return problem(st.error(), c.lang);
           auto first = c.svc.poverty->recheck(hid, c.actor);  // make sure a class is stored
           if (!first) return problem(first.error(), c.lang);
           if (auto st = c.svc.poverty_store->set_override(hid, o, c.actor); !st) return problem(st.error(), c.lang);
           return recheck_response(c, hid);
         }});
  r.add({"DELETE", "/api/v1/households/{id}/class_override", "poverty", "Remove a class override", true, {}, "", "",
         false, {403, 404}, [](Ctx& c) -> HttpResponse {
           if (auto st = require(c.scope.registry && may_override_class(c.scope.role)); !st) return problem(st.error(), c.lang);
           LZ_HID(c);
           if (auto st = c.svc.poverty_store->clear_override(hid, c.actor); !st) return problem(st.error(), c.lang);
           return no_content();
         }});
  r.add({"GET", "/api/v1/households/{id}/poverty", "poverty",
         "The poverty data of a household: status, causes, income and per-capita net income, housing, water, benefits, loans, assistance, members' insurance",
         true, {}, "", "PovertyData", false, {403, 404}, [](Ctx& c) -> HttpResponse {
           if (auto st = require_registry(c); !st) return problem(st.error(), c.lang);
           LZ_HID(c);
           auto h = load(c, hid);
           if (!h) return problem(h.error(), c.lang);
           return json_response(facts_json(*h));
         }});
  // Puts a household in the register (or changes its status): the one way a
  // county other than the demo enters its 建档立卡 households and its marginal
  // ones. Registry write; audited by the store; re-checks the household.
  r.add({"PUT",
         "/api/v1/households/{id}/poverty/status",
         "poverty",
         "Put the household in the poverty register or change its status: registered_poor (with "
         "registered_year), "
         "lifted (with registered_year and lifted_year) or marginal; re-checks the household",
         true,
         {},
         "PovertyStatusInput",
         "CheckResult",
         false,
         {403, 404, 422},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_registry(c, true); !st) return problem(st.error(), c.lang);
           LZ_HID(c);
           auto body = c.body();
           if (!body) return problem(body.error(), c.lang);
           const std::string status = text_of(*body, "status");
           const int this_year = Date::today().year();
           auto year_of = [&](const char* k) -> Result<std::optional<int>> {
             if (!body->contains(k) || (*body)[k].is_null()) return std::optional<int>();
             const auto& v = (*body)[k];
             if (!v.is_number_integer() || v.get<int64_t>() < 0 || v.get<int64_t>() > 9999)
               return invalid(fmt::format("{}.invalid", k), k, fmt::format("{}应为年份（整数）", k),
                              fmt::format("{} must be a year (an integer)", k));
             return std::optional<int>(v.get<int>());
           };
           auto reg = year_of("registered_year");
           if (!reg) return problem(reg.error(), c.lang);
           auto lifted = year_of("lifted_year");
           if (!lifted) return problem(lifted.error(), c.lang);
           if (auto st = check_register_status(status, *reg, *lifted, this_year); !st)
             return problem(st.error(), c.lang);
           if (auto st =
                   c.svc.store->set_poverty_status(hid, status, reg->value_or(0), *lifted, c.actor);
               !st)
             return problem(st.error(), c.lang);
           return recheck_response(c, hid);
         }});
  r.add({"PUT", "/api/v1/households/{id}/poverty/condition", "poverty",
         "Set housing grade (A-D), the four water standards, dibao and tekun; re-checks the household", true, {},
         "ConditionInput", "CheckResult", false, {403, 404, 422}, [](Ctx& c) -> HttpResponse {
           if (auto st = require_registry(c, true); !st) return problem(st.error(), c.lang);
           LZ_HID(c);
           auto body = c.body();
           if (!body) return problem(body.error(), c.lang);
           sqlite::ConditionInput in;
           std::string grade = text_of(*body, "housing_grade");
           if (!grade.empty()) {
             if (grade.size() != 1 || grade[0] < 'A' || grade[0] > 'D')
               return problem(invalid("housing_grade.invalid", "housing_grade", "房屋安全等级应为A、B、C或D",
                                      "housing_grade must be A, B, C or D"),
                              c.lang);
             in.housing_grade = grade[0];
           }
           if (body->contains("water") && (*body)["water"].is_object()) {
             const auto& w = (*body)["water"];
             in.water = {bool_of(w, "quality"), bool_of(w, "quantity"), bool_of(w, "convenience"), bool_of(w, "reliability")};
           }
           in.dibao = bool_of(*body, "dibao");
           in.tekun = bool_of(*body, "tekun");
           if (auto st = c.svc.poverty_store->set_condition(hid, in, c.actor); !st) return problem(st.error(), c.lang);
           return recheck_response(c, hid);
         }});
  r.add({"PUT", "/api/v1/households/{id}/poverty/income", "poverty",
         "Set the year's income by kind in fen (wage, business, property, transfer, business costs); re-checks", true,
         {}, "IncomeInput", "CheckResult", false, {403, 404, 422}, [](Ctx& c) -> HttpResponse {
           if (auto st = require_registry(c, true); !st) return problem(st.error(), c.lang);
           LZ_HID(c);
           auto body = c.body();
           if (!body) return problem(body.error(), c.lang);
           int year = body->contains("year") && (*body)["year"].is_number_integer() ? (*body)["year"].get<int>()
                                                                                     : c.svc.poverty->config().year;
           Income in{fen_of(*body, "wage_fen"), fen_of(*body, "business_fen"), fen_of(*body, "property_fen"),
                     fen_of(*body, "transfer_fen"), fen_of(*body, "business_costs_fen")};
           for (const auto* v : {&in.wage_fen, &in.business_fen, &in.property_fen, &in.transfer_fen, &in.business_costs_fen})
             if (*v && **v < 0)
               return problem(invalid("income.negative", "income", "收入金额不能为负数", "Income amounts cannot be negative"), c.lang);
           if (auto st = c.svc.poverty_store->set_income(hid, year, in, c.actor); !st) return problem(st.error(), c.lang);
           return recheck_response(c, hid);
         }});
  r.add({"PUT", "/api/v1/households/{id}/poverty/members/{person_id}", "poverty",
         "Set a member's insurance (basic_medical, serious_illness), chronic illness card, disability certificate (20 characters) and subsidy; re-checks",
         true, {{"person_id", "path", "integer", "Member's person id", true}}, "MemberPovertyInput", "CheckResult",
         false, {403, 404, 422}, [](Ctx& c) -> HttpResponse {
           if (auto st = require_registry(c, true); !st) return problem(st.error(), c.lang);
           LZ_HID(c);
           auto pid = c.id("person_id");
           if (!pid) return problem(pid.error(), c.lang);
           auto body = c.body();
           if (!body) return problem(body.error(), c.lang);
           auto h = load(c, hid);
           if (!h) return problem(h.error(), c.lang);
           const MemberFacts* cur = h->member(*pid);
           if (!cur) return problem(not_in_scope("成员", "member", *pid), c.lang);
           MemberFacts m = *cur;
           if (body->contains("basic_medical")) m.basic_medical = bool_of(*body, "basic_medical");
           if (body->contains("serious_illness")) m.serious_illness = bool_of(*body, "serious_illness");
           if (body->contains("chronic_card")) m.chronic_card = bool_of(*body, "chronic_card");
           if (body->contains("disability_subsidy")) m.disability_subsidy = bool_of(*body, "disability_subsidy");
           if (body->contains("disability_certificate")) m.disability_certificate = text_of(*body, "disability_certificate");
           if (!m.disability_certificate.empty()) {
             auto v = parse_disability_certificate(m.disability_certificate, m.id_number, Date::today());
             if (!v) return problem(v.error(), c.lang);
             m.disability_certificate = v->id_number + std::to_string(v->category) + std::to_string(v->grade);
           }
           if (auto st = c.svc.poverty_store->set_member(m, hid, c.actor); !st) return problem(st.error(), c.lang);
           return recheck_response(c, hid);
         }});
  r.add({"PUT", "/api/v1/households/{id}/poverty/causes", "poverty",
         "Set the causes of poverty ({\"causes\":[ids], \"main\": id}); re-checks", true, {}, "CausesInput",
         "CheckResult", false, {403, 404, 422}, [](Ctx& c) -> HttpResponse {
           if (auto st = require_registry(c, true); !st) return problem(st.error(), c.lang);
           LZ_HID(c);
           auto body = c.body();
           if (!body) return problem(body.error(), c.lang);
           CauseSet set;
           if (body->contains("causes") && (*body)["causes"].is_array())
             for (const auto& x : (*body)["causes"]) {
               auto cause = parse<Cause>(x.is_string() ? x.get<std::string>() : x.dump());
               if (!cause)
                 return problem(invalid("causes.unknown", "causes", fmt::format("致贫原因“{}”无效", x.dump()),
                                        fmt::format("Unknown cause of poverty {}", x.dump())),
                                c.lang);
               set.add(*cause);
             }
           std::optional<Cause> main;
           if (auto m = text_of(*body, "main"); !m.empty()) main = parse<Cause>(m);
           if (main) set.add(*main);
           if (auto st = c.svc.poverty_store->set_causes(hid, set, main, c.actor); !st) return problem(st.error(), c.lang);
           return recheck_response(c, hid);
         }});
  r.add({"POST", "/api/v1/households/{id}/poverty/measures", "poverty",
         "Record an assistance measure (kind, on, amount_fen, note); re-checks", true, {}, "MeasureInput",
         "CheckResult", false, {403, 404, 422}, [](Ctx& c) -> HttpResponse {
           if (auto st = require_registry(c, true); !st) return problem(st.error(), c.lang);
           LZ_HID(c);
           auto body = c.body();
           if (!body) return problem(body.error(), c.lang);
           auto kind = parse<MeasureKind>(text_of(*body, "kind"));
           auto on = Date::parse_iso(text_of(*body, "on"));
           if (!kind) return problem(invalid("kind.unknown", "kind", "帮扶措施类别无效", "Unknown measure kind"), c.lang);
           if (!on) return problem(invalid("on.format", "on", "日期应为YYYY-MM-DD", "on must be YYYY-MM-DD"), c.lang);
           AssistanceMeasure m{*kind, *on, fen_of(*body, "amount_fen").value_or(0)};
           auto added = c.svc.poverty_store->add_measure(hid, m, text_of(*body, "note"), c.actor);
           if (!added) return problem(added.error(), c.lang);
           return recheck_response(c, hid);
         }});
  r.add({"GET", "/api/v1/households/{id}/visits", "poverty", "A household's visit log, newest first", true, {}, "",
         "Visit", true, {403, 404}, [](Ctx& c) -> HttpResponse {
           if (auto st = require_registry(c); !st) return problem(st.error(), c.lang);
           LZ_HID(c);
           auto v = c.svc.poverty_store->visits(hid);
           if (!v) return problem(v.error(), c.lang);
           json items = json::array();
           for (const auto& x : *v)
             items.push_back({{"id", x.id}, {"household_id", x.household_id}, {"cadre_id", opt(x.cadre_id)},
                              {"on", x.facts.on.iso()}, {"mode", id(x.facts.mode)}, {"food_ok", opt(x.facts.food_ok)},
                              {"clothing_ok", opt(x.facts.clothing_ok)}, {"notes", x.notes}, {"by", x.created_by}});
           return list_response(items, static_cast<int64_t>(items.size()));
         }});
  r.add({"POST", "/api/v1/households/{id}/visits", "poverty",
         "Record a visit (on, mode in_person|phone, food_ok, clothing_ok, notes); re-checks the household", true, {},
         "VisitInput", "CheckResult", false, {403, 404, 422}, [](Ctx& c) -> HttpResponse {
           if (auto st = require_registry(c); !st) return problem(st.error(), c.lang);
           LZ_HID(c);
           auto body = c.body();
           if (!body) return problem(body.error(), c.lang);
           sqlite::VisitRecord v;
           v.household_id = hid;
           auto on = Date::parse_iso(text_of(*body, "on"));
           if (!on) return problem(invalid("on.format", "on", "走访日期应为YYYY-MM-DD", "on must be YYYY-MM-DD"), c.lang);
           if (*on > c.svc.poverty->config().as_of.plus_days(1) && *on > Date::today())
             return problem(invalid("on.future", "on", "走访日期不能晚于今天", "The visit date cannot be in the future"), c.lang);
           v.facts.on = *on;
           std::string mode = text_of(*body, "mode");
           if (mode != "" && mode != "in_person" && mode != "phone")
             return problem(invalid("mode.unknown", "mode", "走访方式应为in_person（入户）或phone（电话）",
                                    "mode must be in_person or phone"),
                            c.lang);
           v.facts.mode = mode == "phone" ? VisitMode::kPhone : VisitMode::kInPerson;
           v.facts.food_ok = bool_of(*body, "food_ok");
           v.facts.clothing_ok = bool_of(*body, "clothing_ok");
           v.notes = text_of(*body, "notes");
           v.cadre_id = c.scope.cadre_id;
           auto added = c.svc.poverty_store->add_visit(v, c.actor);
           if (!added) return problem(added.error(), c.lang);
           HttpResponse resp = recheck_response(c, hid);
           if (resp.status == 200) resp.status = 201;
           return resp;
         }});
}

}  // namespace lz::http
