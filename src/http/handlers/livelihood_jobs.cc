// Livelihood front: jobs routes (see README "Livelihood front API"): the
// labour register of the poor, employers, job postings and matching,
// placements (credited to wage income), public-welfare posts. Thin: parse,
// authorize, call app::JobsService, serialise.
#include <fmt/format.h>

#include "core/region_code.h"
#include "http/handlers/livelihood_common.h"
#include "livelihood/jobs_json.h"
#include "livelihood/units.h"
#include "poverty/vocab.h"

namespace lz::http {

using nlohmann::json;
using namespace lz::livelihood;

namespace {

// ---------------------------------------------------------------- body parsing

struct Body {
  const json& j;
  std::vector<Error> errors;

  bool has(const char* k) const { return j.contains(k) && !j[k].is_null(); }
  std::string str(const char* k) {
    if (!has(k)) return "";
    if (j[k].is_string()) return j[k].get<std::string>();
    errors.push_back(
        invalid("type", k, fmt::format("{}应为文字", k), fmt::format("{} must be a string", k)));
    return "";
  }
  std::optional<int64_t> integer(const char* k, bool required) {
    if (!has(k)) {
      if (required)
        errors.push_back(
            invalid("required", k, fmt::format("{}不能为空", k), fmt::format("{} is required", k)));
      return std::nullopt;
    }
    if (j[k].is_number_integer() && j[k].get<int64_t>() > 0) return j[k].get<int64_t>();
    errors.push_back(invalid("type", k, fmt::format("{}应为正整数", k),
                             fmt::format("{} must be a positive integer", k)));
    return std::nullopt;
  }
  std::optional<Date> date(const char* k, bool required) {
    if (!has(k)) {
      if (required)
        errors.push_back(
            invalid("required", k, fmt::format("{}不能为空", k), fmt::format("{} is required", k)));
      return std::nullopt;
    }
    if (j[k].is_string())
      if (auto d = Date::parse_iso(j[k].get<std::string>())) return d;
    errors.push_back(invalid("date.invalid", k, fmt::format("{}应为YYYY-MM-DD日期", k),
                             fmt::format("{} must be YYYY-MM-DD", k)));
    return std::nullopt;
  }
  std::optional<int64_t> yuan(const char* k, bool required) {
    if (!has(k)) {
      if (required)
        errors.push_back(
            invalid("required", k, fmt::format("{}不能为空", k), fmt::format("{} is required", k)));
      return std::nullopt;
    }
    if (j[k].is_number())
      if (auto f = yuan_to_fen(j[k].get<double>())) return f;
    errors.push_back(invalid("money.invalid", k, fmt::format("{}应为不小于0的金额（元）", k),
                             fmt::format("{} must be an amount in yuan, 0 or more", k)));
    return std::nullopt;
  }
  std::optional<bool> flag(const char* k) {
    if (!has(k)) return std::nullopt;
    if (j[k].is_boolean()) return j[k].get<bool>();
    errors.push_back(invalid("type", k, fmt::format("{}应为true或false", k),
                             fmt::format("{} must be true or false", k)));
    return std::nullopt;
  }
  // A text field of a PATCH body over `dst`, when given.
  void patch(const char* k, std::string& dst) {
    if (has(k)) dst = str(k);
  }
  std::vector<std::string> list(const char* k) {
    std::vector<std::string> out;
    if (!has(k)) return out;
    if (j[k].is_string()) return {j[k].get<std::string>()};
    if (j[k].is_array()) {
      for (size_t i = 0; i < j[k].size(); ++i) {
        if (j[k][i].is_string())
          out.push_back(j[k][i].get<std::string>());
        else
          errors.push_back(
              invalid("type", fmt::format("{}[{}]", k, i), "应为文字", "must be a string"));
      }
      return out;
    }
    errors.push_back(invalid("type", k, fmt::format("{}应为文字列表", k),
                             fmt::format("{} must be a list of strings", k)));
    return out;
  }
  // One error listing them all (problem() gives each its entry).
  std::optional<Error> error() const {
    if (errors.empty()) return std::nullopt;
    return field_errors(errors);
  }
};

HttpResponse fail(const Ctx& c, const Error& e) {
  return problem(e, c.lang);
}

Error out_of_scope_region(const std::string& code, const char* field) {
  return invalid("region.out_of_scope", field, fmt::format("区划{}不在您的管辖范围内", code),
                 fmt::format("Region {} is outside your jurisdiction", code));
}

// A body's region code, normalised, within the user's jurisdiction.
Status region_in_scope(const Ctx& c, std::string& code) {
  auto parsed = RegionCode::parse(code, "region_code");
  if (!parsed) return parsed.error();
  code = parsed->str();
  if (!c.scope.covers(code)) return out_of_scope_region(code, "region_code");
  return {};
}

// Employers and postings carry no personal data: every livelihood user sees
// the county's; ?region= narrows.
Result<std::string> public_prefix(const Ctx& c) {
  auto req = c.q("region");
  if (!req || req->empty()) {
    auto county = c.svc.store->county();
    if (!county) return county.error();
    return county->code;
  }
  auto code = RegionCode::parse(*req, "region");
  if (!code) {
    Error e = code.error();
    e.code = "request.bad_parameter";
    return e;
  }
  return code->str();
}

Result<std::optional<int64_t>> q_id(const Ctx& c, const char* name) {
  return c.q_int(name, 1, INT64_MAX / 2);
}

// Whose records a list reaches: the user's jurisdiction (paired cadres: their
// households), the jurisdiction but not for paired cadres (403), or the whole
// county (employers and postings, see public_prefix).
enum class Reach { kJurisdiction, kUnpaired, kCounty };

// The page of a jobs list, read in this order: the reader's right (403),
// ?limit= and ?offset= (400) into `limit` and `offset`, then the region
// prefix of ?region= (400); nullopt when it and the jurisdiction do not
// overlap (nothing to list; never for kCounty).
Result<std::optional<std::string>> list_page(const Ctx& c, int64_t& limit, int64_t& offset,
                                             Reach reach = Reach::kJurisdiction) {
  Status allowed = require_livelihood(c);
  if (allowed && reach == Reach::kUnpaired) allowed = require(!c.scope.paired_only);
  if (reach != Reach::kCounty) return scoped_page(c, allowed, limit, offset);
  LZ_TRY(allowed);
  LZ_TRY(c.paging(limit, offset));
  auto prefix = public_prefix(c);
  if (!prefix) return prefix.error();
  return std::optional<std::string>(std::move(*prefix));
}

json income_json(const app::IncomeEffect& e) {
  json j = {
      {"household_id", e.household_id},
      {"year", e.year},
      {"credited", fen_to_yuan(e.credited_fen)},
      {"wage_before", e.wage_before_fen ? json(fen_to_yuan(*e.wage_before_fen)) : json(nullptr)},
      {"wage_after", e.wage_after_fen ? json(fen_to_yuan(*e.wage_after_fen)) : json(nullptr)},
      {"check", nullptr}};
  if (e.check) {
    const auto& ch = *e.check;
    json check = {{"class", poverty::id(ch.classification.effective())}};
    if (const auto* r = ch.result.find("income.above_line")) {
      check["income_above_line"] = poverty::id(r->outcome);
      check["income_reason_zh"] = r->finding.reason_zh;
      check["income_reason_en"] = r->finding.reason_en;
    }
    check["tasks_opened"] = ch.tasks.opened.size();
    check["tasks_closed"] = ch.tasks.closed.size();
    j["check"] = check;
  }
  return j;
}

json labourer_json(const sqlite::LabourerView& v) {
  json j = to_json(v.l);
  j["name"] = v.name;
  j["tier"] = tier_id(tier_of(v.poverty_status));
  j["poverty_status"] = v.poverty_status;
  return j;
}

json placement_json(const sqlite::PlacementView& v) {
  json j = to_json(v.p);
  j["name"] = v.name;
  j["posting_title"] = v.posting_title;
  j["employer_name"] = v.employer_name;
  return j;
}

json post_json(const sqlite::WelfarePostView& v) {
  json j = to_json(v.post);
  if (v.holder) {
    json h = to_json(*v.holder);
    h["name"] = v.holder_name;
    j["holder"] = h;
  } else {
    j["holder"] = nullptr;
  }
  return j;
}

// A labourer visible to this user (404 otherwise, never 403).
Result<sqlite::LabourerView> visible_labourer(Ctx& c, int64_t id) {
  auto v = c.svc.jobs->store().labourer(id);
  if (!v) return not_in_scope("劳动力登记", "labourer", id);
  auto ok = household_visible(c, v->l.household_id, v->l.region_code);
  if (!ok) return ok.error();
  if (!*ok) return not_in_scope("劳动力登记", "labourer", id);
  return v;
}

Result<sqlite::PlacementView> visible_placement(Ctx& c, int64_t id) {
  auto v = c.svc.jobs->store().placement(id);
  if (!v) return not_in_scope("就业安置", "placement", id);
  auto ok = household_visible(c, v->p.household_id, v->p.region_code);
  if (!ok) return ok.error();
  if (!*ok) return not_in_scope("就业安置", "placement", id);
  return v;
}

Status labourer_fields(Body& b, Labourer& l, bool creating) {
  if (creating || b.has("skills")) l.skills = b.list("skills");
  if (creating || b.has("available_from")) {
    if (auto d = b.date("available_from", false)) l.available_from = *d;
  }
  if (b.has("hours")) l.hours = b.str("hours");
  if (b.has("returned_from")) l.returned_from = b.str("returned_from");
  if (b.has("wanted_kind")) l.wanted_kind = b.str("wanted_kind");
  if (b.has("wanted_place")) l.wanted_place = b.str("wanted_place");
  if (b.has("status")) l.status = b.str("status");
  if (b.has("note")) l.note = b.str("note");
  if (auto e = b.error()) return *e;
  return {};
}

// ---------------------------------------------------------------- labourers

void add_labourer_routes(Router& r) {
  r.add({"GET",
         "/api/v1/labourers",
         "livelihood",
         "The labour register of the poor in the jurisdiction (paired cadres: their households)",
         true,
         {{"region", "query", "string", "Region code (narrowed to the user's jurisdiction)"},
          {"status", "query", "string", "available | placed | unavailable"},
          {"household_id", "query", "integer", "One household's labourers"},
          {"skill", "query", "string", "Holds this skill"},
          {"limit", "query", "integer", "At most 1000 (default 50)"},
          {"offset", "query", "integer", ""}},
         "",
         "Labourer",
         true,
         {400, 403},
         [](Ctx& c) -> HttpResponse {
           sqlite::LabourerQuery q;
           auto prefix = list_page(c, q.limit, q.offset);
           if (!prefix) return fail(c, prefix.error());
           if (!*prefix) return list_response(json::array(), 0);
           q.region_prefix = **prefix;
           q.status = c.q_or("status", "");
           auto hid = q_id(c, "household_id");
           if (!hid) return fail(c, hid.error());
           q.household_id = *hid;
           q.skill = c.q_or("skill", "");
           if (c.scope.paired_only) q.paired_cadre_id = c.scope.cadre_id.value_or(-1);
           auto res = c.svc.jobs->store().labourers(q);
           if (!res) return fail(c, res.error());
           json items = json::array();
           for (const auto& v : res->items) items.push_back(labourer_json(v));
           return list_response(items, res->total);
         }});

  r.add({"POST",
         "/api/v1/labourers",
         "livelihood",
         "Register a labourer of a registered-poor (incl. lifted) or marginal household: "
         "{person_id, skills[], "
         "available_from, hours, returned_from, wanted_kind, wanted_place, note}",
         true,
         {},
         "LabourerInput",
         "Labourer",
         false,
         {403, 404, 409, 422},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_livelihood(c, true); !st) return fail(c, st.error());
           auto body = c.body();
           if (!body) return fail(c, body.error());
           Body b{*body, {}};
           Labourer l;
           auto pid = b.integer("person_id", true);
           if (auto st = labourer_fields(b, l, true); !st) return fail(c, st.error());
           l.person_id = *pid;
           auto person = c.svc.jobs->store().person(l.person_id);
           if (!person) return fail(c, person.error());
           bool ok = false;
           if (person->household_id) {
             auto vis = household_visible(c, *person->household_id, person->region_code);
             if (!vis) return fail(c, vis.error());
             ok = *vis;
           } else {
             ok = c.scope.covers(person->region_code) && !c.scope.paired_only;
           }
           if (!ok) return fail(c, not_in_scope("人员", "person", l.person_id));
           auto res = c.svc.jobs->register_labourer(l, c.actor);
           if (!res) return fail(c, res.error());
           return record_response(labourer_json(*res), 201);
         }});

  r.add({"GET",
         "/api/v1/labourers/{id}",
         "livelihood",
         "A registered labourer with their placements",
         true,
         {},
         "",
         "Labourer",
         false,
         {403, 404},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_livelihood(c); !st) return fail(c, st.error());
           auto id = c.id();
           if (!id) return fail(c, id.error());
           auto v = visible_labourer(c, *id);
           if (!v) return fail(c, v.error());
           json j = labourer_json(*v);
           sqlite::PlacementQuery q;
           q.labourer_id = *id;
           q.limit = 100;
           json placements = json::array();
           if (auto p = c.svc.jobs->store().placements(q))
             for (const auto& x : p->items) placements.push_back(placement_json(x));
           j["placements"] = placements;
           return record_response(j);
         }});

  r.add({"PATCH",
         "/api/v1/labourers/{id}",
         "livelihood",
         "Update a registration (skills, availability, wishes, status available/unavailable); "
         "needs the version",
         true,
         {},
         "LabourerInput",
         "Labourer",
         false,
         {403, 404, 409, 422, 428},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_livelihood(c, true); !st) return fail(c, st.error());
           auto id = c.id();
           if (!id) return fail(c, id.error());
           auto body = c.body();
           if (!body) return fail(c, body.error());
           auto v = visible_labourer(c, *id);
           if (!v) return fail(c, v.error());
           auto version = c.expected_version(&*body);
           if (!version) return fail(c, version.error());
           Body b{*body, {}};
           Labourer l = v->l;
           if (auto st = labourer_fields(b, l, false); !st) return fail(c, st.error());
           l.version = *version;
           auto res = c.svc.jobs->update_labourer(l, c.actor);
           if (!res) return fail(c, res.error());
           return record_response(labourer_json(*res));
         }});
}

// ---------------------------------------------------------------- employers and postings

void add_employer_routes(Router& r) {
  r.add({"GET",
         "/api/v1/employers",
         "livelihood",
         "Employers (enterprises, poverty workshops, poverty enterprises) of the county",
         true,
         {{"region", "query", "string", "Region code prefix"},
          {"kind", "query", "string", "enterprise | poverty_workshop | poverty_enterprise"},
          active_param_doc(),
          {"limit", "query", "integer", ""},
          {"offset", "query", "integer", ""}},
         "",
         "Employer",
         true,
         {400, 403},
         [](Ctx& c) -> HttpResponse {
           int64_t limit = 50, offset = 0;
           auto prefix = list_page(c, limit, offset, Reach::kCounty);
           if (!prefix) return fail(c, prefix.error());
           auto active = active_param(c);
           if (!active) return fail(c, active.error());
           auto res =
               c.svc.jobs->store().employers(**prefix, c.q_or("kind", ""), limit, offset, *active);
           if (!res) return fail(c, res.error());
           json items = json::array();
           for (const auto& e : res->items) items.push_back(to_json(e));
           return list_response(items, res->total);
         }});

  r.add({"POST",
         "/api/v1/employers",
         "livelihood",
         "Register an employer: {kind, name, region_code, contact_name, contact_phone, "
         "enterprise_id, note}",
         true,
         {},
         "EmployerInput",
         "Employer",
         false,
         {403, 409, 422},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_livelihood(c, true, true); !st) return fail(c, st.error());
           auto body = c.body();
           if (!body) return fail(c, body.error());
           Body b{*body, {}};
           Employer e;
           e.kind = b.str("kind");
           e.name = b.str("name");
           e.region_code = b.str("region_code");
           e.contact_name = b.str("contact_name");
           e.contact_phone = b.str("contact_phone");
           e.note = b.str("note");
           e.enterprise_id = b.integer("enterprise_id", false);
           if (auto err = b.error()) return fail(c, *err);
           if (auto st = region_in_scope(c, e.region_code); !st) return fail(c, st.error());
           auto res = c.svc.jobs->add_employer(e, c.actor);
           if (!res) return fail(c, res.error());
           return record_response(to_json(*res), 201);
         }});

  r.add({"GET",
         "/api/v1/employers/{id}",
         "livelihood",
         "An employer with its postings",
         true,
         {},
         "",
         "Employer",
         false,
         {403, 404},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_livelihood(c); !st) return fail(c, st.error());
           auto id = c.id();
           if (!id) return fail(c, id.error());
           auto e = c.svc.jobs->store().employer(*id);
           if (!e) return fail(c, e.error());
           json j = to_json(*e);
           sqlite::PostingQuery q;
           q.employer_id = *id;
           q.limit = 1000;
           json postings = json::array();
           if (auto p = c.svc.jobs->store().postings(q, c.svc.jobs->today()))
             for (const auto& x : p->items) postings.push_back(to_json(x));
           j["postings"] = postings;
           return record_response(j);
         }});

  r.add({"PATCH",
         "/api/v1/employers/{id}",
         "livelihood",
         "Change an employer (the fields given; If-Match or version; stale: 409): {kind, name, "
         "region_code, contact_name, contact_phone, enterprise_id, note, active (false: posts no "
         "new jobs; its postings and placements stay)}",
         true,
         {},
         "EmployerPatch",
         "Employer",
         false,
         {403, 404, 409, 422, 428},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_livelihood(c, true, true); !st) return fail(c, st.error());
           auto id = c.id();
           if (!id) return fail(c, id.error());
           auto e = c.svc.jobs->store().employer(*id);
           if (!e || !c.scope.covers(e->region_code))
             return fail(c, not_in_scope("用工单位", "employer", *id));
           auto body = c.body();
           if (!body) return fail(c, body.error());
           auto version = c.expected_version(&*body);
           if (!version) return fail(c, version.error());
           Body b{*body, {}};
           b.patch("kind", e->kind);
           b.patch("name", e->name);
           b.patch("region_code", e->region_code);
           b.patch("contact_name", e->contact_name);
           b.patch("contact_phone", e->contact_phone);
           b.patch("note", e->note);
           if (body->contains("enterprise_id"))
             e->enterprise_id = b.integer("enterprise_id", false);
           if (auto a = b.flag("active")) e->active = *a;
           if (auto err = b.error()) return fail(c, *err);
           if (auto st = region_in_scope(c, e->region_code); !st) return fail(c, st.error());
           auto res = c.svc.jobs->update_employer(*e, *version, c.actor);
           if (!res) return fail(c, res.error());
           return record_response(to_json(*res));
         }});

  r.add({"GET",
         "/api/v1/job-postings",
         "livelihood",
         "Job postings of the county (filled: placements running today or later)",
         true,
         {{"region", "query", "string", "Where the work is (code prefix)"},
          {"status", "query", "string", "open | filled | closed"},
          {"employer_id", "query", "integer", ""},
          {"limit", "query", "integer", ""},
          {"offset", "query", "integer", ""}},
         "",
         "JobPosting",
         true,
         {400, 403},
         [](Ctx& c) -> HttpResponse {
           sqlite::PostingQuery q;
           auto prefix = list_page(c, q.limit, q.offset, Reach::kCounty);
           if (!prefix) return fail(c, prefix.error());
           q.region_prefix = **prefix;
           q.status = c.q_or("status", "");
           auto eid = q_id(c, "employer_id");
           if (!eid) return fail(c, eid.error());
           q.employer_id = *eid;
           auto res = c.svc.jobs->store().postings(q, c.svc.jobs->today());
           if (!res) return fail(c, res.error());
           json items = json::array();
           for (const auto& p : res->items) items.push_back(to_json(p));
           return list_response(items, res->total);
         }});

  r.add({"POST",
         "/api/v1/job-postings",
         "livelihood",
         "Post a job: {employer_id, title, kind, region_code, monthly_pay (yuan), places, "
         "start_date, skills[], "
         "hours, note}",
         true,
         {},
         "JobPostingInput",
         "JobPosting",
         false,
         {403, 404, 422},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_livelihood(c, true, true); !st) return fail(c, st.error());
           auto body = c.body();
           if (!body) return fail(c, body.error());
           Body b{*body, {}};
           Posting p;
           p.employer_id = b.integer("employer_id", true).value_or(0);
           p.title = b.str("title");
           p.kind = b.str("kind");
           p.region_code = b.str("region_code");
           p.monthly_pay_fen = b.yuan("monthly_pay", true).value_or(0);
           p.places = b.integer("places", true).value_or(0);
           p.start_date = b.date("start_date", true).value_or(Date());
           p.skills = b.list("skills");
           if (b.has("hours")) p.hours = b.str("hours");
           p.note = b.str("note");
           if (auto err = b.error()) return fail(c, *err);
           if (auto st = region_in_scope(c, p.region_code); !st) return fail(c, st.error());
           auto res = c.svc.jobs->add_posting(p, c.actor);
           if (!res) return fail(c, res.error());
           return record_response(to_json(*res), 201);
         }});

  r.add({"GET",
         "/api/v1/job-postings/{id}",
         "livelihood",
         "A job posting with its filled count",
         true,
         {},
         "",
         "JobPosting",
         false,
         {403, 404},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_livelihood(c); !st) return fail(c, st.error());
           auto id = c.id();
           if (!id) return fail(c, id.error());
           auto p = c.svc.jobs->store().posting(*id, c.svc.jobs->today());
           if (!p) return fail(c, p.error());
           return record_response(to_json(*p));
         }});

  r.add({"PATCH",
         "/api/v1/job-postings/{id}",
         "livelihood",
         "Change a posting (the fields given; If-Match or version; stale: 409): {title, kind, "
         "region_code, monthly_pay (yuan; placements keep their wage), places (not fewer than "
         "filled: 409), start_date, skills[], hours, note}; the status follows the places "
         "(filled / open); closing is POST .../status",
         true,
         {},
         "JobPostingPatch",
         "JobPosting",
         false,
         {403, 404, 409, 422, 428},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_livelihood(c, true, true); !st) return fail(c, st.error());
           auto id = c.id();
           if (!id) return fail(c, id.error());
           auto p = c.svc.jobs->store().posting(*id, c.svc.jobs->today());
           if (!p || !c.scope.covers(p->region_code))
             return fail(c, not_in_scope("招聘岗位", "job posting", *id));
           auto body = c.body();
           if (!body) return fail(c, body.error());
           auto version = c.expected_version(&*body);
           if (!version) return fail(c, version.error());
           Body b{*body, {}};
           b.patch("title", p->title);
           b.patch("kind", p->kind);
           b.patch("region_code", p->region_code);
           b.patch("hours", p->hours);
           b.patch("note", p->note);
           if (b.has("monthly_pay")) p->monthly_pay_fen = b.yuan("monthly_pay", true).value_or(0);
           if (b.has("places")) p->places = b.integer("places", true).value_or(0);
           if (b.has("start_date")) p->start_date = b.date("start_date", true).value_or(Date());
           if (b.has("skills")) p->skills = b.list("skills");
           if (auto err = b.error()) return fail(c, *err);
           if (auto st = region_in_scope(c, p->region_code); !st) return fail(c, st.error());
           auto res = c.svc.jobs->update_posting(*p, *version, c.actor);
           if (!res) return fail(c, res.error());
           return record_response(to_json(*res));
         }});

  r.add({"POST",
         "/api/v1/job-postings/{id}/status",
         "livelihood",
         "Close or reopen a posting: {status: open|closed, version}",
         true,
         {},
         "JobPostingStatusInput",
         "JobPosting",
         false,
         {403, 404, 409, 422, 428},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_livelihood(c, true, true); !st) return fail(c, st.error());
           auto id = c.id();
           if (!id) return fail(c, id.error());
           auto body = c.body();
           if (!body) return fail(c, body.error());
           auto p = c.svc.jobs->store().posting(*id, c.svc.jobs->today());
           if (!p) return fail(c, p.error());
           if (!c.scope.covers(p->region_code))
             return fail(c, not_in_scope("招聘岗位", "job posting", *id));
           auto version = c.expected_version(&*body);
           if (!version) return fail(c, version.error());
           Body b{*body, {}};
           auto status = b.str("status");
           if (auto err = b.error()) return fail(c, *err);
           auto res = c.svc.jobs->set_posting_status(*id, status, *version, c.actor);
           if (!res) return fail(c, res.error());
           return record_response(to_json(*res));
         }});

  r.add({"GET",
         "/api/v1/job-postings/{id}/matches",
         "livelihood",
         "Available labourers in the jurisdiction ranked for the posting (registered poor first, "
         "then marginal; "
         "then skills, distance, availability, wishes), each with the reasons of its rank",
         true,
         {{"region", "query", "string",
           "Where the candidates live (narrowed to the user's jurisdiction)"},
          {"limit", "query", "integer", "At most 1000 (default 50)"}},
         "",
         "Match",
         true,
         {400, 403, 404},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_livelihood(c); !st) return fail(c, st.error());
           if (auto st = require(!c.scope.paired_only); !st) return fail(c, st.error());
           auto id = c.id();
           if (!id) return fail(c, id.error());
           int64_t limit = 50, offset = 0;
           if (auto st = c.paging(limit, offset); !st) return fail(c, st.error());
           auto prefix = list_prefix(c);
           if (!prefix) return fail(c, prefix.error());
           auto res = c.svc.jobs->match(*id, prefix->value_or("-"), limit);
           if (!res) return fail(c, res.error());
           json items = json::array();
           for (const auto& x : res->ranked) items.push_back(to_json(x));
           return list_response(items, res->candidates);
         }});
}

// ---------------------------------------------------------------- placements

void add_placement_routes(Router& r) {
  r.add({"GET",
         "/api/v1/placements",
         "livelihood",
         "Placements of labourers in the jurisdiction",
         true,
         {{"region", "query", "string",
           "Where the labourers live (narrowed to the user's jurisdiction)"},
          {"posting_id", "query", "integer", ""},
          {"labourer_id", "query", "integer", ""},
          {"running_on", "query", "string", "Only placements running on this day (YYYY-MM-DD)"},
          {"limit", "query", "integer", ""},
          {"offset", "query", "integer", ""}},
         "",
         "Placement",
         true,
         {400, 403},
         [](Ctx& c) -> HttpResponse {
           sqlite::PlacementQuery q;
           auto prefix = list_page(c, q.limit, q.offset);
           if (!prefix) return fail(c, prefix.error());
           if (!*prefix) return list_response(json::array(), 0);
           q.region_prefix = **prefix;
           auto pid = q_id(c, "posting_id");
           if (!pid) return fail(c, pid.error());
           q.posting_id = *pid;
           auto lid = q_id(c, "labourer_id");
           if (!lid) return fail(c, lid.error());
           q.labourer_id = *lid;
           auto running_on = c.q_date("running_on");
           if (!running_on) return fail(c, running_on.error());
           if (*running_on) q.running_on = *running_on;
           if (c.scope.paired_only) q.paired_cadre_id = c.scope.cadre_id.value_or(-1);
           auto res = c.svc.jobs->store().placements(q);
           if (!res) return fail(c, res.error());
           json items = json::array();
           for (const auto& v : res->items) items.push_back(placement_json(v));
           return list_response(items, res->total);
         }});

  r.add({"POST",
         "/api/v1/placements",
         "livelihood",
         "Place a registered labourer in a posting: {labourer_id, posting_id, start_date, "
         "end_date, monthly_wage "
         "(yuan; default the posting's pay)}. Credits the household's wage income and re-checks "
         "it; a full posting "
         "is 409",
         true,
         {},
         "PlacementInput",
         "PlacementResult",
         false,
         {403, 404, 409, 422},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_livelihood(c, true, true); !st) return fail(c, st.error());
           auto body = c.body();
           if (!body) return fail(c, body.error());
           Body b{*body, {}};
           app::PlacementInput in;
           in.labourer_id = b.integer("labourer_id", true).value_or(0);
           in.posting_id = b.integer("posting_id", true).value_or(0);
           in.start_date = b.date("start_date", true).value_or(Date());
           in.end_date = b.date("end_date", false);
           in.monthly_wage_fen = b.yuan("monthly_wage", false);
           if (auto err = b.error()) return fail(c, *err);
           auto l = visible_labourer(c, in.labourer_id);
           if (!l) return fail(c, l.error().at("labourer_id"));
           auto res = c.svc.jobs->place(in, c.actor);
           if (!res) return fail(c, res.error());
           json j = to_json(res->placement);
           j["posting"] = to_json(res->posting);
           j["income"] = income_json(res->income);
           return json_response(j, 201);
         }});

  r.add({"GET",
         "/api/v1/placements/{id}",
         "livelihood",
         "A placement",
         true,
         {},
         "",
         "Placement",
         false,
         {403, 404},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_livelihood(c); !st) return fail(c, st.error());
           auto id = c.id();
           if (!id) return fail(c, id.error());
           auto v = visible_placement(c, *id);
           if (!v) return fail(c, v.error());
           return record_response(placement_json(*v));
         }});

  r.add({"POST",
         "/api/v1/placements/{id}/end",
         "livelihood",
         "End a placement: {end_date, reason, version}; the wage income credited is adjusted to "
         "the days worked "
         "and the household re-checked",
         true,
         {},
         "PlacementEndInput",
         "PlacementResult",
         false,
         {403, 404, 409, 422, 428},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_livelihood(c, true, true); !st) return fail(c, st.error());
           auto id = c.id();
           if (!id) return fail(c, id.error());
           auto body = c.body();
           if (!body) return fail(c, body.error());
           auto v = visible_placement(c, *id);
           if (!v) return fail(c, v.error());
           auto version = c.expected_version(&*body);
           if (!version) return fail(c, version.error());
           Body b{*body, {}};
           auto end = b.date("end_date", true);
           auto reason = b.str("reason");
           if (auto err = b.error()) return fail(c, *err);
           auto res = c.svc.jobs->end_placement(*id, *end, reason, *version, c.actor);
           if (!res) return fail(c, res.error());
           json j = to_json(res->placement);
           j["posting"] = to_json(res->posting);
           j["income"] = income_json(res->income);
           return json_response(j);
         }});
}

// ---------------------------------------------------------------- welfare posts

Result<sqlite::WelfarePostView> visible_post(Ctx& c, int64_t id) {
  auto v = c.svc.jobs->store().welfare_post(id, c.svc.jobs->today());
  if (!v || !c.scope.covers(v->post.region_code))
    return not_in_scope("公益岗位", "welfare post", id);
  return v;
}

void add_welfare_routes(Router& r) {
  r.add({"GET",
         "/api/v1/welfare-posts",
         "livelihood",
         "Public-welfare posts (公益岗位) in the jurisdiction with their holder on the day",
         true,
         {{"region", "query", "string", "Region code (narrowed to the user's jurisdiction)"},
          {"kind", "query", "string",
           "cleaner | mask_collector | forest_ranger | epidemic_duty | ..."},
          {"date", "query", "string", "Whose holder to show (default today)"},
          {"held", "query", "boolean", "true: held posts only; false: vacant ones"},
          active_param_doc(),
          {"limit", "query", "integer", ""},
          {"offset", "query", "integer", ""}},
         "",
         "WelfarePost",
         true,
         {400, 403},
         [](Ctx& c) -> HttpResponse {
           sqlite::WelfarePostQuery q;
           auto prefix = list_page(c, q.limit, q.offset, Reach::kUnpaired);
           if (!prefix) return fail(c, prefix.error());
           if (!*prefix) return list_response(json::array(), 0);
           q.region_prefix = **prefix;
           q.kind = c.q_or("kind", "");
           q.on = c.svc.jobs->today();
           auto date = c.q_date("date");
           if (!date) return fail(c, date.error());
           if (*date) q.on = **date;
           if (auto h = c.q("held"); h && !h->empty()) q.held = (*h == "true" || *h == "1");
           auto active = active_param(c);
           if (!active) return fail(c, active.error());
           q.active = *active;
           auto res = c.svc.jobs->store().welfare_posts(q);
           if (!res) return fail(c, res.error());
           json items = json::array();
           for (const auto& v : res->items) items.push_back(post_json(v));
           return list_response(items, res->total);
         }});

  r.add({"POST",
         "/api/v1/welfare-posts",
         "livelihood",
         "Create a public-welfare post: {kind, title, region_code (a village), monthly_pay (yuan), "
         "note}",
         true,
         {},
         "WelfarePostInput",
         "WelfarePost",
         false,
         {403, 422},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_livelihood(c, true, true); !st) return fail(c, st.error());
           auto body = c.body();
           if (!body) return fail(c, body.error());
           Body b{*body, {}};
           WelfarePost w;
           w.kind = b.str("kind");
           w.title = b.str("title");
           w.region_code = b.str("region_code");
           w.monthly_pay_fen = b.yuan("monthly_pay", true).value_or(0);
           w.note = b.str("note");
           if (auto err = b.error()) return fail(c, *err);
           if (auto st = region_in_scope(c, w.region_code); !st) return fail(c, st.error());
           auto res = c.svc.jobs->add_welfare_post(w, c.actor);
           if (!res) return fail(c, res.error());
           json j = to_json(*res);
           j["holder"] = nullptr;
           return record_response(j, 201);
         }});

  r.add({"GET",
         "/api/v1/welfare-posts/{id}",
         "livelihood",
         "A public-welfare post with its holder today and all its holders",
         true,
         {},
         "",
         "WelfarePost",
         false,
         {403, 404},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_livelihood(c); !st) return fail(c, st.error());
           auto id = c.id();
           if (!id) return fail(c, id.error());
           auto v = visible_post(c, *id);
           if (!v) return fail(c, v.error());
           json j = post_json(*v);
           json holders = json::array();
           if (auto hs = c.svc.jobs->store().holdings(*id))
             for (const auto& h : *hs) {
               json x = to_json(h);
               if (auto p = c.svc.jobs->store().person(h.person_id)) x["name"] = p->name;
               holders.push_back(x);
             }
           j["holders"] = holders;
           return record_response(j);
         }});

  r.add({"PATCH",
         "/api/v1/welfare-posts/{id}",
         "livelihood",
         "Change a public-welfare post (the fields given; If-Match or version; stale: 409): "
         "{kind, title, region_code, monthly_pay, note, active (false: withdrawn)}. While "
         "someone holds it, its pay, village and active flag stay (409 welfare_post.held): end "
         "the holder's term first (POST .../release)",
         true,
         {},
         "WelfarePostPatch",
         "WelfarePost",
         false,
         {403, 404, 409, 422, 428},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_livelihood(c, true, true); !st) return fail(c, st.error());
           auto id = c.id();
           if (!id) return fail(c, id.error());
           auto v = visible_post(c, *id);
           if (!v) return fail(c, v.error());
           auto body = c.body();
           if (!body) return fail(c, body.error());
           auto version = c.expected_version(&*body);
           if (!version) return fail(c, version.error());
           WelfarePost w = v->post;
           Body b{*body, {}};
           b.patch("kind", w.kind);
           b.patch("title", w.title);
           b.patch("region_code", w.region_code);
           b.patch("note", w.note);
           if (b.has("monthly_pay")) w.monthly_pay_fen = b.yuan("monthly_pay", true).value_or(0);
           if (auto a = b.flag("active")) w.active = *a;
           if (auto err = b.error()) return fail(c, *err);
           if (auto st = region_in_scope(c, w.region_code); !st) return fail(c, st.error());
           auto res = c.svc.jobs->update_welfare_post(w, *version, c.actor);
           if (!res) return fail(c, res.error());
           auto now = c.svc.jobs->store().welfare_post(res->id, c.svc.jobs->today());
           if (!now) return fail(c, now.error());
           return record_response(post_json(*now));
         }});

  r.add({"POST",
         "/api/v1/welfare-posts/{id}/holder",
         "livelihood",
         "Give the post to a member of a poor or marginal household: {person_id, from_date, "
         "to_date}; one holder at a "
         "time (409); the pay is credited to the household's wage income and the household "
         "re-checked",
         true,
         {},
         "WelfareHolderInput",
         "WelfareHoldingResult",
         false,
         {403, 404, 409, 422},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_livelihood(c, true, true); !st) return fail(c, st.error());
           auto id = c.id();
           if (!id) return fail(c, id.error());
           auto body = c.body();
           if (!body) return fail(c, body.error());
           auto v = visible_post(c, *id);
           if (!v) return fail(c, v.error());
           Body b{*body, {}};
           auto pid = b.integer("person_id", true);
           auto from = b.date("from_date", true);
           auto to = b.date("to_date", false);
           if (auto err = b.error()) return fail(c, *err);
           auto person = c.svc.jobs->store().person(*pid);
           if (!person || !c.scope.covers(person->region_code))
             return fail(c, not_in_scope("人员", "person", *pid).at("person_id"));
           auto res = c.svc.jobs->assign_welfare_post(*id, *pid, *from, to, c.actor);
           if (!res) return fail(c, res.error());
           json j = to_json(res->holding);
           j["income"] = income_json(res->income);
           return json_response(j, 201);
         }});

  r.add(
      {"POST",
       "/api/v1/welfare-posts/{id}/release",
       "livelihood",
       "End the post's current holding: {to_date (last day), reason}; the credited pay is adjusted",
       true,
       {},
       "WelfareReleaseInput",
       "WelfareHoldingResult",
       false,
       {403, 404, 409, 422},
       [](Ctx& c) -> HttpResponse {
         if (auto st = require_livelihood(c, true, true); !st) return fail(c, st.error());
         auto id = c.id();
         if (!id) return fail(c, id.error());
         auto body = c.body();
         if (!body) return fail(c, body.error());
         auto v = visible_post(c, *id);
         if (!v) return fail(c, v.error());
         Body b{*body, {}};
         auto to = b.date("to_date", true);
         auto reason = b.str("reason");
         if (auto err = b.error()) return fail(c, *err);
         auto res = c.svc.jobs->release_welfare_post(*id, *to, reason, c.actor);
         if (!res) return fail(c, res.error());
         json j = to_json(res->holding);
         j["income"] = income_json(res->income);
         return json_response(j);
       }});
}

}  // namespace

void add_jobs_routes(Router& r) {
  add_labourer_routes(r);
  add_employer_routes(r);
  add_placement_routes(r);
  add_welfare_routes(r);
}

void add_jobs_schemas(nlohmann::json& s) {
  const json str = {{"type", "string"}}, nstr = {{"type", {"string", "null"}}},
             integer = {{"type", "integer"}}, nint = {{"type", {"integer", "null"}}},
             num = {{"type", "number"}}, boolean = {{"type", "boolean"}},
             strs = {{"type", "array"}, {"items", {{"type", "string"}}}},
             object = {{"type", "object"}};
  auto obj = [](json props) { return json{{"type", "object"}, {"properties", std::move(props)}}; };
  s["Labourer"] =
      obj({{"id", integer},
           {"person_id", integer},
           {"name", str},
           {"household_id", integer},
           {"region_code", str},
           {"tier", str},
           {"poverty_status", str},
           {"skills", strs},
           {"available_from", str},
           {"hours", str},
           {"returned_from", str},
           {"wanted_kind", str},
           {"wanted_place", str},
           {"status", str},
           {"note", str},
           {"version", integer},
           {"placements",
            {{"type", "array"}, {"items", {{"$ref", "#/components/schemas/Placement"}}}}}});
  s["LabourerInput"] = obj({{"person_id", integer},
                            {"skills", strs},
                            {"available_from", str},
                            {"hours", str},
                            {"returned_from", str},
                            {"wanted_kind", str},
                            {"wanted_place", str},
                            {"status", str},
                            {"note", str},
                            {"version", integer}});
  s["Employer"] = obj({{"id", integer},
                       {"kind", str},
                       {"name", str},
                       {"region_code", str},
                       {"contact_name", str},
                       {"contact_phone", str},
                       {"enterprise_id", nint},
                       {"note", str},
                       {"active", boolean},
                       {"version", integer}});
  s["EmployerPatch"] = obj({{"kind", str},
                            {"name", str},
                            {"region_code", str},
                            {"contact_name", str},
                            {"contact_phone", str},
                            {"enterprise_id", nint},
                            {"note", str},
                            {"active", boolean},
                            {"version", integer}});
  s["EmployerInput"] = obj({{"kind", str},
                            {"name", str},
                            {"region_code", str},
                            {"contact_name", str},
                            {"contact_phone", str},
                            {"enterprise_id", nint},
                            {"note", str}});
  s["JobPosting"] = obj({{"id", integer},
                         {"employer_id", integer},
                         {"title", str},
                         {"kind", str},
                         {"region_code", str},
                         {"monthly_pay", num},
                         {"places", integer},
                         {"filled", integer},
                         {"start_date", str},
                         {"skills", strs},
                         {"hours", str},
                         {"status", str},
                         {"note", str},
                         {"version", integer}});
  s["JobPostingInput"] = obj({{"employer_id", integer},
                              {"title", str},
                              {"kind", str},
                              {"region_code", str},
                              {"monthly_pay", num},
                              {"places", integer},
                              {"start_date", str},
                              {"skills", strs},
                              {"hours", str},
                              {"note", str}});
  s["JobPostingPatch"] = obj({{"title", str},
                              {"kind", str},
                              {"region_code", str},
                              {"monthly_pay", num},
                              {"places", integer},
                              {"start_date", str},
                              {"skills", strs},
                              {"hours", str},
                              {"note", str},
                              {"version", integer}});
  s["JobPostingStatusInput"] = obj({{"status", str}, {"version", integer}});
  s["Match"] =
      obj({{"rank", integer},
           {"labourer_id", integer},
           {"person_id", integer},
           {"name", str},
           {"tier", str},
           {"region_code", str},
           {"skills", strs},
           {"skills_matched", integer},
           {"skills_missing", strs},
           {"distance", str},
           {"available_from", str},
           {"available_by_start", boolean},
           {"wish_fit", integer},
           {"reasons",
            {{"type", "array"}, {"items", obj({{"code", str}, {"zh", str}, {"en", str}})}}}});
  s["Placement"] = obj({{"id", integer},
                        {"labourer_id", integer},
                        {"person_id", integer},
                        {"name", str},
                        {"household_id", integer},
                        {"posting_id", integer},
                        {"posting_title", str},
                        {"employer_name", str},
                        {"region_code", str},
                        {"start_date", str},
                        {"end_date", nstr},
                        {"monthly_wage", num},
                        {"credit_year", integer},
                        {"credited_wage", num},
                        {"end_reason", str},
                        {"version", integer}});
  json income = obj({{"household_id", integer},
                     {"year", integer},
                     {"credited", num},
                     {"wage_before", num},
                     {"wage_after", num},
                     {"check", object}});
  s["IncomeEffect"] = income;
  s["PlacementResult"] = obj({{"id", integer},
                              {"labourer_id", integer},
                              {"posting_id", integer},
                              {"start_date", str},
                              {"end_date", nstr},
                              {"monthly_wage", num},
                              {"credited_wage", num},
                              {"posting", {{"$ref", "#/components/schemas/JobPosting"}}},
                              {"income", {{"$ref", "#/components/schemas/IncomeEffect"}}}});
  s["PlacementInput"] = obj({{"labourer_id", integer},
                             {"posting_id", integer},
                             {"start_date", str},
                             {"end_date", nstr},
                             {"monthly_wage", num}});
  s["PlacementEndInput"] = obj({{"end_date", str}, {"reason", str}, {"version", integer}});
  json holding = obj({{"id", integer},
                      {"post_id", integer},
                      {"person_id", integer},
                      {"name", str},
                      {"household_id", integer},
                      {"region_code", str},
                      {"from_date", str},
                      {"to_date", nstr},
                      {"credit_year", integer},
                      {"credited_wage", num},
                      {"end_reason", str}});
  s["WelfareHolding"] = holding;
  s["WelfarePost"] =
      obj({{"id", integer},
           {"kind", str},
           {"title", str},
           {"region_code", str},
           {"monthly_pay", num},
           {"note", str},
           {"active", boolean},
           {"version", integer},
           {"holder", {{"$ref", "#/components/schemas/WelfareHolding"}}},
           {"holders",
            {{"type", "array"}, {"items", {{"$ref", "#/components/schemas/WelfareHolding"}}}}}});
  s["WelfarePostInput"] = obj(
      {{"kind", str}, {"title", str}, {"region_code", str}, {"monthly_pay", num}, {"note", str}});
  s["WelfarePostPatch"] = obj({{"kind", str},
                               {"title", str},
                               {"region_code", str},
                               {"monthly_pay", num},
                               {"note", str},
                               {"active", boolean},
                               {"version", integer}});
  s["WelfareHolderInput"] = obj({{"person_id", integer}, {"from_date", str}, {"to_date", nstr}});
  s["WelfareReleaseInput"] = obj({{"to_date", str}, {"reason", str}});
  s["WelfareHoldingResult"] = obj({{"id", integer},
                                   {"post_id", integer},
                                   {"person_id", integer},
                                   {"from_date", str},
                                   {"to_date", nstr},
                                   {"credited_wage", num},
                                   {"income", {{"$ref", "#/components/schemas/IncomeEffect"}}}});
}

}  // namespace lz::http
