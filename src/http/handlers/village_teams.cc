// /api/v1/village_teams: village-stationed work teams (village, leader, members).
#include <fmt/format.h>

#include <algorithm>

#include "core/region_code.h"
#include "http/api.h"
#include "http/problem.h"
#include "http/scope_guard.h"
#include "registry/json.h"

namespace lz::http {

static Result<VillageTeam> team_input(const nlohmann::json& j, const VillageTeam* base) {
  VillageTeam t = base ? *base : VillageTeam{};
  std::vector<Error> errs;
  if (!base || j.contains("village_code")) {
    auto code = RegionCode::parse(text_of(j, "village_code"), "village_code");
    if (!code) errs.push_back(code.error());
    else t.village_code = code->str();
  }
  if (j.contains("name")) t.name = text_of(j, "name");
  if (j.contains("leader_cadre_id")) {
    if (j["leader_cadre_id"].is_null()) t.leader_cadre_id.reset();
    else if (j["leader_cadre_id"].is_number_integer()) t.leader_cadre_id = j["leader_cadre_id"].get<int64_t>();
    else errs.push_back(invalid("leader_cadre_id.type", "leader_cadre_id", "leader_cadre_id应为整数", "leader_cadre_id must be an integer"));
  }
  if (j.contains("member_cadre_ids")) {
    t.member_cadre_ids.clear();
    if (!j["member_cadre_ids"].is_array()) errs.push_back(invalid("member_cadre_ids.type", "member_cadre_ids", "member_cadre_ids应为整数数组", "member_cadre_ids must be an array of integers"));
    else
      for (const auto& m : j["member_cadre_ids"]) {
        if (m.is_number_integer()) t.member_cadre_ids.push_back(m.get<int64_t>());
        else errs.push_back(invalid("member_cadre_ids.type", "member_cadre_ids", "member_cadre_ids应为整数数组", "member_cadre_ids must be an array of integers"));
      }
  }
  if (!base || j.contains("from_date")) {
    auto d = Date::parse_iso(text_of(j, "from_date"));
    if (!d) errs.push_back(invalid("from_date.format", "from_date", "开始日期应为YYYY-MM-DD", "from_date must be YYYY-MM-DD"));
    else t.from_date = *d;
  }
  if (j.contains("to_date")) {
    if (j["to_date"].is_null()) t.to_date.reset();
    else if (auto d = Date::parse_iso(text_of(j, "to_date"))) t.to_date = *d;
    else errs.push_back(invalid("to_date.format", "to_date", "结束日期应为YYYY-MM-DD", "to_date must be YYYY-MM-DD"));
  }
  if (!errs.empty()) {
    if (errs.size() == 1) return errs.front();
    Error e = invalid("validation", "", fmt::format("有{}处填写错误", errs.size()), fmt::format("{} fields are invalid", errs.size()));
    e.details = std::move(errs);
    return e;
  }
  return t;
}

// The leader and members a write names that were not on the team already
// must be cadres the user may see (cadre_in_scope).
static Status cadres_in_scope(Ctx& c, const VillageTeam& t, const VillageTeam* base) {
  auto had = [&](int64_t id) {
    return base && (base->leader_cadre_id == id ||
                    std::find(base->member_cadre_ids.begin(), base->member_cadre_ids.end(), id) !=
                        base->member_cadre_ids.end());
  };
  if (t.leader_cadre_id && !had(*t.leader_cadre_id))
    LZ_TRY(cadre_in_scope(c, *t.leader_cadre_id, "leader_cadre_id"));
  for (size_t i = 0; i < t.member_cadre_ids.size(); ++i)
    if (!had(t.member_cadre_ids[i]))
      LZ_TRY(cadre_in_scope(c, t.member_cadre_ids[i], fmt::format("member_cadre_ids[{}]", i)));
  return {};
}

static Result<VillageTeam> visible_team(Ctx& c, int64_t id) {
  auto t = c.svc.store->village_team(id);
  if (!t || !c.scope.covers(t->village_code)) return not_in_scope("驻村工作队", "village team", id);
  if (c.scope.paired_only && (!c.scope.cadre_id || std::find(t->member_cadre_ids.begin(), t->member_cadre_ids.end(),
                                                             *c.scope.cadre_id) == t->member_cadre_ids.end()))
    return not_in_scope("驻村工作队", "village team", id);
  return t;
}

void add_village_team_routes(Router& r) {
  r.add({"GET",
         "/api/v1/village_teams",
         "registry",
         "Village teams in the user's jurisdiction",
         true,
         {{"region", "query", "string", "Region code"},
          {"cadre_id", "query", "integer", "Teams this cadre belongs to"},
          {"limit", "query", "integer", "Page size, 0-1000 (default 50)"},
          {"offset", "query", "integer", "Rows to skip"}},
         "",
         "VillageTeam",
         true,
         {400, 403},
         [](Ctx& c) -> HttpResponse {
           VillageTeamQuery q;
           auto prefix = scoped_page(c, require_registry(c), q.limit, q.offset);
           if (!prefix) return problem(prefix.error(), c.lang);
           if (!*prefix) return list_response(nlohmann::json::array(), 0);
           q.region_prefix = **prefix;
           auto cid = c.q_int("cadre_id", 1, INT64_MAX);
           if (!cid) return problem(cid.error(), c.lang);
           q.cadre_id = *cid;
           if (c.scope.paired_only) q.cadre_id = c.scope.cadre_id.value_or(-1);
           auto page = c.svc.store->list_village_teams(q);
           if (!page) return problem(page.error(), c.lang);
           nlohmann::json items = nlohmann::json::array();
           for (const auto& t : page->items) items.push_back(to_json(t));
           return list_response(items, page->total);
         }});
  r.add({"POST", "/api/v1/village_teams", "registry", "Create a village team", true, {}, "VillageTeamInput",
         "VillageTeam", false, {403, 404, 422}, [](Ctx& c) -> HttpResponse {
           if (auto st = require_registry(c, true); !st) return problem(st.error(), c.lang);
           auto body = c.body();
           if (!body) return problem(body.error(), c.lang);
           auto t = read_all(*body, [](const nlohmann::json& b) { return team_input(b, nullptr); });
           if (!t) return problem(t.error(), c.lang);
           if (!c.scope.covers(t->village_code))
             return problem(403, "auth.out_of_scope", "该村不在您的管辖范围内", "This village is outside your jurisdiction", c.lang);
           if (auto st = cadres_in_scope(c, *t, nullptr); !st) return problem(st.error(), c.lang);
           auto created = c.svc.store->create_village_team(*t, c.actor);
           if (!created) return problem(created.error(), c.lang);
           return record_response(to_json(*created), 201);
         }});
  r.add({"GET", "/api/v1/village_teams/{id}", "registry", "One village team", true, {}, "", "VillageTeam", false,
         {404}, [](Ctx& c) -> HttpResponse {
           if (auto st = require_registry(c); !st) return problem(st.error(), c.lang);
           auto id = c.id();
           if (!id) return problem(id.error(), c.lang);
           auto t = visible_team(c, *id);
           if (!t) return problem(t.error(), c.lang);
           return record_response(to_json(*t));
         }});
  r.add({"PATCH", "/api/v1/village_teams/{id}", "registry", "Change a team (name, leader, members, dates); needs the version",
         true, {}, "VillageTeamPatch", "VillageTeam", false, {403, 404, 409, 422, 428}, [](Ctx& c) -> HttpResponse {
           if (auto st = require_registry(c, true); !st) return problem(st.error(), c.lang);
           auto id = c.id();
           if (!id) return problem(id.error(), c.lang);
           auto t = visible_team(c, *id);
           if (!t) return problem(t.error(), c.lang);
           auto body = c.body();
           if (!body) return problem(body.error(), c.lang);
           auto version = c.expected_version(&*body);
           if (!version) return problem(version.error(), c.lang);
           if (body->contains("village_code"))
             return problem(invalid("village_code.fixed", "village_code", "工作队所在村不能修改，请新建工作队",
                                    "A team's village cannot change; create a new team"),
                            c.lang);
           auto in = read_all(*body, [&](const nlohmann::json& b) { return team_input(b, &*t); });
           if (!in) return problem(in.error(), c.lang);
           if (auto st = cadres_in_scope(c, *in, &*t); !st) return problem(st.error(), c.lang);
           auto updated = c.svc.store->update_village_team(*in, *version, c.actor);
           if (!updated) return problem(updated.error(), c.lang);
           return record_response(to_json(*updated));
         }});
  r.add({"DELETE", "/api/v1/village_teams/{id}", "registry", "Soft-delete a village team; needs the version", true,
         {{"version", "query", "integer", "The version being deleted (or If-Match)"}}, "", "", false,
         {403, 404, 409, 428}, [](Ctx& c) -> HttpResponse {
           if (auto st = require_registry(c, true); !st) return problem(st.error(), c.lang);
           auto id = c.id();
           if (!id) return problem(id.error(), c.lang);
           auto t = visible_team(c, *id);
           if (!t) return problem(t.error(), c.lang);
           auto version = c.expected_version();
           if (!version) return problem(version.error(), c.lang);
           auto st = c.svc.store->delete_village_team(*id, *version, c.actor);
           if (!st) return problem(st.error(), c.lang);
           return no_content();
         }});
}

}  // namespace lz::http
