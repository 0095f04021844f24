// /api/v1/openapi.json (generated from the route table) and /api/v1/health.
#include "http/api.h"
#include "http/handlers/epidemic_common.h"
#include "http/handlers/livelihood_common.h"

namespace lz::http {

using nlohmann::json;

static json schemas() {
  auto str = json{{"type", "string"}};
  auto integer = json{{"type", "integer"}};
  auto nstr = json{{"type", {"string", "null"}}};
  auto nint = json{{"type", {"integer", "null"}}};
  json meta = {{"version", integer}, {"created_at", str}, {"created_by", str}, {"updated_at", str}, {"updated_by", str}};
  auto with_meta = [&](json props) {
    for (auto& [k, v] : meta.items()) props[k] = v;
    return json{{"type", "object"}, {"properties", props}};
  };
  json person_fields = {{"name", str},      {"id_number", str}, {"sex", str},       {"birth_date", str},
                        {"relationship", str}, {"ethnicity", str}, {"education", str}, {"enrolment", str},
                        {"health", str},    {"labour", str},    {"phone", str}};
  json person = person_fields;
  person["id"] = integer;
  person["household_id"] = nint;
  person["region_code"] = str;
  person["masked"] = json{{"type", "boolean"}};
  json region = {{"type", "object"},
                 {"properties",
                  {{"code", str}, {"division_code", str}, {"name", str}, {"level", str}, {"parent_code", nstr}}}};
  json s;
  json field_error = {
      {"type", "object"},
      {"properties", {{"field", str}, {"label", str}, {"code", str}, {"message", str}}}};
  json problem_props = {{"type", str}, {"title", str}, {"status", integer}, {"detail", str}, {"code", str}};
  problem_props["errors"] = {{"type", "array"}, {"items", field_error}};
  s["Problem"] = {{"type", "object"},
                  {"description",
                   "RFC 9457 problem details; errors name each bad field of the request (field: "
                   "its JSON path, label: its name in the request's language)"},
                  {"properties", problem_props}};
  s["Login"] = {{"type", "object"}, {"required", {"login", "password"}}, {"properties", {{"login", str}, {"password", str}}}};
  s["Session"] = {{"type", "object"}, {"properties", {{"token", str}, {"user", {{"$ref", "#/components/schemas/Account"}}}, {"scope", {{"type", "object"}}}, {"today", str}}}};
  s["Account"] = {{"type", "object"},
                  {"properties", {{"id", integer}, {"login", str}, {"display_name", str}, {"role", str}, {"role_label", str},
                                  {"region_code", nstr}, {"cadre_id", nint}, {"checkpoint_id", nint}, {"enterprise_id", nint},
                                  {"disabled", {{"type", "boolean"}}}, {"version", integer}}}};
  s["AccountInput"] = {{"type", "object"}, {"required", {"login", "role", "password"}},
                       {"properties", {{"login", str}, {"display_name", str}, {"role", str}, {"region_code", str},
                                       {"cadre_id", integer}, {"checkpoint_id", integer}, {"enterprise_id", integer}, {"password", str}}}};
  s["AccountPatch"] = {{"type", "object"}, {"properties", {{"disabled", {{"type", "boolean"}}}, {"role", str}, {"region_code", str}, {"cadre_id", integer}}}};
  s["PasswordInput"] = {{"type", "object"}, {"required", {"password"}}, {"properties", {{"password", str}}}};
  s["Region"] = region;
  s["RegionNode"] = region;
  s["RegionNode"]["properties"]["children"] = {{"type", "array"}, {"items", {{"$ref", "#/components/schemas/RegionNode"}}}};
  s["PersonInput"] = {{"type", "object"}, {"required", {"name", "id_number"}}, {"properties", person_fields}};
  s["PersonPatch"] = {{"type", "object"}, {"properties", person_fields}};
  s["PersonPatch"]["properties"]["version"] = integer;
  s["Person"] = with_meta(person);
  s["Reveal"] = {{"type", "object"}, {"properties", {{"reason", str}}}};
  s["Revealed"] = {{"type", "object"}, {"properties", {{"id", integer}, {"name", str}, {"id_number", str}, {"phone", str}}}};
  json hh_fields = {{"number", str}, {"region_code", str}, {"address", str}, {"phone", str}};
  s["HouseholdInput"] = {{"type", "object"}, {"required", {"number", "region_code"}},
                         {"properties", hh_fields}};
  s["HouseholdInput"]["properties"]["members"] = {{"type", "array"}, {"items", {{"$ref", "#/components/schemas/PersonInput"}}}};
  s["HouseholdPatch"] = {{"type", "object"}, {"properties", hh_fields}};
  s["HouseholdPatch"]["properties"]["version"] = integer;
  json hh = hh_fields;
  hh["id"] = integer;
  hh["region_name"] = str;
  hh["head_person_id"] = nint;
  hh["members"] = {{"type", "array"}, {"items", {{"$ref", "#/components/schemas/Person"}}}};
  s["Household"] = with_meta(hh);
  s["HouseholdSummary"] = {{"type", "object"},
                           {"properties", {{"id", integer}, {"number", str}, {"region_code", str}, {"region_name", str},
                                           {"address", str}, {"head_name", str}, {"member_count", integer}, {"poverty_status", nstr}}}};
  json cadre_fields = {{"name", str}, {"unit", str}, {"phone", str}, {"region_code", str}, {"kinds", {{"type", "array"}, {"items", str}}}};
  s["CadreInput"] = {{"type", "object"}, {"required", {"name", "region_code"}}, {"properties", cadre_fields}};
  s["CadrePatch"] = {{"type", "object"}, {"properties", cadre_fields}};
  s["CadrePatch"]["properties"]["version"] = integer;
  cadre_fields["id"] = integer;
  s["Cadre"] = with_meta(cadre_fields);
  json team_fields = {{"village_code", str}, {"name", str}, {"leader_cadre_id", nint},
                      {"member_cadre_ids", {{"type", "array"}, {"items", integer}}}, {"from_date", str}, {"to_date", nstr}};
  s["VillageTeamInput"] = {{"type", "object"}, {"required", {"village_code", "from_date"}}, {"properties", team_fields}};
  s["VillageTeamPatch"] = {{"type", "object"}, {"properties", team_fields}};
  s["VillageTeamPatch"]["properties"]["version"] = integer;
  team_fields["id"] = integer;
  s["VillageTeam"] = with_meta(team_fields);
  s["PairingInput"] = {{"type", "object"}, {"required", {"cadre_id", "household_id", "from_date"}},
                       {"properties", {{"cadre_id", integer}, {"household_id", integer}, {"from_date", str}, {"replace", {{"type", "boolean"}}}}}};
  s["PairingPatch"] = {{"type", "object"}, {"required", {"to_date"}}, {"properties", {{"to_date", str}, {"version", integer}}}};
  s["Pairing"] = with_meta({{"id", integer}, {"cadre_id", integer}, {"household_id", integer}, {"from_date", str}, {"to_date", nstr}});
  s["AuditEntry"] = {{"type", "object"},
                     {"properties", {{"id", integer}, {"at", str}, {"actor", str}, {"role", str}, {"address", str}, {"action", str},
                                     {"entity", str}, {"entity_id", str}, {"before", {}}, {"after", {}}, {"detail", str}}}};
  // The poverty front.
  auto obj = [](json props) { return json{{"type", "object"}, {"properties", props}}; };
  auto nbool = json{{"type", {"boolean", "null"}}};
  s["CheckResult"] =
      obj({{"household_id", integer},
           {"gaps", integer},
           {"unknown", integer},
           {"rules",
            {{"type", "array"},
             {"items", obj({{"id", str},
                            {"group", str},
                            {"version", integer},
                            {"description", str},
                            {"outcome", str},
                            {"reason", str},
                            {"field", str}})}}},
           {"class",
            obj({{"computed", str},
                 {"effective", str},
                 {"reasons", {{"type", "array"}, {"items", obj({{"code", str}, {"text", str}})}}},
                 {"override", {{"type", "object"}}}})},
           {"relapse_monitoring", obj({{"verdict", str},
                                       {"category", nstr},
                                       {"reason", str},
                                       {"case_open", {{"type", "boolean"}}}})}});
  s["ClassOverrideInput"] = {{"type", "object"}, {"required", {"class", "reason"}}, {"properties", {{"class", str}, {"reason", str}}}};
  s["PovertyData"] = obj({{"household_id", integer}, {"status", str}, {"registered_year", nint}, {"lifted_year", nint}, {"causes", {{"type", "array"}, {"items", str}}},
                          {"income", {{"type", "object"}}}, {"housing_grade", nstr}, {"water", {{"type", "object"}}}, {"dibao", nbool}, {"tekun", nbool},
                          {"loans", {{"type", "array"}}}, {"measures", {{"type", "array"}}}, {"members", {{"type", "array"}}}, {"last_visit", nstr}});
  s["PovertyStatusInput"] = {{"type", "object"}, {"required", {"status"}}, {"properties", {{"status", str}, {"registered_year", nint}, {"lifted_year", nint}}}};
  s["ConditionInput"] = obj({{"housing_grade", str}, {"water", obj({{"quality", nbool}, {"quantity", nbool}, {"convenience", nbool}, {"reliability", nbool}})}, {"dibao", nbool}, {"tekun", nbool}});
  s["IncomeInput"] = obj({{"year", integer}, {"wage_fen", integer}, {"business_fen", integer}, {"property_fen", integer}, {"transfer_fen", integer}, {"business_costs_fen", integer}});
  s["MemberPovertyInput"] = obj({{"basic_medical", nbool}, {"serious_illness", nbool}, {"chronic_card", nbool}, {"disability_certificate", str}, {"disability_subsidy", nbool}});
  s["CausesInput"] = obj({{"causes", {{"type", "array"}, {"items", str}}}, {"main", str}});
  s["MeasureInput"] = {{"type", "object"}, {"required", {"kind", "on"}}, {"properties", {{"kind", str}, {"on", str}, {"amount_fen", integer}, {"note", str}}}};
  s["Visit"] = obj({{"id", integer}, {"household_id", integer}, {"cadre_id", nint}, {"on", str}, {"mode", str}, {"food_ok", nbool}, {"clothing_ok", nbool}, {"notes", str}, {"by", str}});
  s["VisitInput"] = {{"type", "object"}, {"required", {"on"}}, {"properties", {{"on", str}, {"mode", str}, {"food_ok", nbool}, {"clothing_ok", nbool}, {"notes", str}}}};
  s["GapTask"] = obj({{"id", integer}, {"household_id", integer}, {"region_code", str}, {"cadre_id", nint}, {"rule_id", str}, {"group", str}, {"reason_zh", str}, {"reason_en", str},
                      {"state", str}, {"opened_on", str}, {"deadline", str}, {"overdue", {{"type", "boolean"}}}, {"fix", {{"type", {"object", "null"}}}}, {"history", {{"type", "array"}}}});
  s["OverdueTally"] = obj({{"township_code", str}, {"township_name", str}, {"cadre_id", nint}, {"overdue", integer}, {"awaiting_verification", integer}, {"max_days_overdue", integer}});
  s["TaskFixInput"] = {{"type", "object"}, {"required", {"what"}}, {"properties", {{"what", str}, {"evidence_note", str}, {"photo_ref", str}, {"on", str}}}};
  s["TaskNoteInput"] = obj({{"note", str}, {"on", str}});
  s["RiskCase"] = obj({{"id", integer}, {"household_id", integer}, {"category", str}, {"trigger", nstr}, {"trigger_on", str}, {"person_id", nint}, {"kinds", {{"type", "array"}, {"items", str}}},
                       {"opened_on", str}, {"deadline", str}, {"closed_on", nstr}, {"close_method", nstr}, {"note", str}, {"close_note", str}, {"open", {{"type", "boolean"}}}});
  s["MonitoringInput"] = {{"type", "object"}, {"required", {"household_id", "trigger"}}, {"properties", {{"household_id", integer}, {"trigger", str}, {"on", str}, {"person_id", integer}, {"category", str}, {"note", str}}}};
  s["EliminationInput"] = {{"type", "object"}, {"required", {"method"}}, {"properties", {{"method", str}, {"on", str}, {"note", str}}}};
  s["OverdueVisit"] = obj({{"household_id", integer}, {"last_visit", nstr}});
  s["PovertySummary"] = obj({{"households", integer}, {"rules", {{"type", "array"}}}, {"classes", obj({{"stable", integer}, {"consolidate", integer}, {"key_support", integer}})},
                             {"monitored", integer}, {"townships", {{"type", "array"}}}});
  s["Bulletin"] = obj({{"date", str}, {"region", obj({{"code", str}, {"name", str}})}, {"epidemic", {{"type", "object"}}},
                       {"poverty", {{"type", "object"}}}, {"cadres", obj({{"village_stationed", integer}, {"paired", integer}})}});
  s["Health"] = {{"type", "object"}, {"properties", {{"status", str}, {"version", str}}}};
  s["OpenApi"] = {{"type", "object"}};
  add_epidemic_schemas(s);
  add_livelihood_schemas(s);
  add_import_schemas(s);
  s["BulletinSeries"] = {{"type", "object"}, {"properties", {{"region", {{"type", "object"}}}, {"from", str}, {"to", str}, {"days", {{"type", "array"}, {"items", {{"$ref", "#/components/schemas/Bulletin"}}}}}}}};
  // Each child's bulletin (as GET /bulletin of that region) with its level and registry counts.
  s["BulletinRegions"] = obj(
      {{"date", str},
       {"region", obj({{"code", str}, {"name", str}})},
       {"regions",
        {{"type", "array"},
         {"items",
          json{{"allOf", json::array({json{{"$ref", "#/components/schemas/Bulletin"}},
                                      obj({{"level", str},
                                           {"registry", obj({{"households", integer},
                                                             {"persons", integer},
                                                             {"poor_households", integer}})}})})}}}}}});
  return s;
}

const json& api_schemas() {
  static const json s = schemas();
  return s;
}

json openapi_document(const Router& r) {
  json paths = json::object();
  for (const auto& route : r.routes()) {
    std::string method = route.method;
    for (auto& ch : method) ch = static_cast<char>(std::tolower(ch));
    json op = {{"summary", route.summary}, {"tags", {route.tag}}};
    std::string op_id = method;
    for (char ch : route.pattern) op_id += (std::isalnum(static_cast<unsigned char>(ch)) ? ch : '_');
    op["operationId"] = op_id;
    json params = json::array();
    for (const auto& p : route.params)
      params.push_back({{"name", p.name}, {"in", p.in}, {"required", p.in == "path" || p.required},
                        {"description", p.description}, {"schema", {{"type", p.type}}}});
    params.push_back({{"name", "Accept-Language"}, {"in", "header"}, {"required", false},
                      {"description", "en for English messages; Chinese otherwise"}, {"schema", {{"type", "string"}}}});
    op["parameters"] = params;
    if (!route.request_schema.empty())
      op["requestBody"] = {{"required", true},
                           {"content", {{"application/json", {{"schema", {{"$ref", "#/components/schemas/" + route.request_schema}}}}}}}};
    json responses = json::object();
    int ok = method == "post" && route.response_schema != "Session" && route.response_schema != "Revealed" ? 201 : 200;
    if (method == "post" && route.response_schema == "ImportJob") ok = 202;  // accepted: runs in the background
    if (route.response_schema.empty()) {
      responses["204"] = {{"description", "Done"}};
    } else {
      json schema = {{"$ref", "#/components/schemas/" + route.response_schema}};
      if (route.list)
        schema = {{"type", "object"}, {"properties", {{"items", {{"type", "array"}, {"items", schema}}}, {"total", {{"type", "integer"}}}}}};
      responses[std::to_string(ok)] = {{"description", "OK"}, {"content", {{"application/json", {{"schema", schema}}}}}};
    }
    std::vector<int> statuses = route.statuses;
    if (route.auth) statuses.push_back(401);
    for (int st : statuses)
      responses[std::to_string(st)] = {{"description", "Problem"},
                                       {"content", {{"application/problem+json", {{"schema", {{"$ref", "#/components/schemas/Problem"}}}}}}}};
    op["responses"] = responses;
    if (route.auth) op["security"] = json::array({{{"bearer", json::array()}}, {{"cookie", json::array()}}});
    else op["security"] = json::array();
    paths[route.pattern][method] = op;
  }
  return {{"openapi", "3.0.3"},
          {"info",
           {{"title", "Liangzhan (两战) API"},
            {"version", "1"},
            {"description",
             "County command platform for the epidemic and poverty fronts. JSON in snake_case, "
             "dates ISO 8601, errors as RFC 9457 problem+json (Chinese by default, English with "
             "Accept-Language: en). Lists return {\"items\":[...],\"total\":N} and take "
             "limit/offset."}}},
          {"servers", json::array({{{"url", "/"}}})},
          {"paths", paths},
          {"components",
           {{"schemas", api_schemas()},
            {"securitySchemes",
             {{"bearer", {{"type", "http"}, {"scheme", "bearer"}}},
              {"cookie", {{"type", "apiKey"}, {"in", "cookie"}, {"name", kSessionCookie}}}}}}}};
}

void add_meta_routes(Router& r) {
  r.add({"GET", "/api/v1/openapi.json", "meta", "This document", false, {}, "", "OpenApi", false, {},
         [&r](Ctx&) -> HttpResponse { return json_response(openapi_document(r)); }});
  r.add({"GET", "/api/v1/health", "meta", "Liveness: the server answers and the database opens", false, {}, "",
         "Health", false, {}, [](Ctx& c) -> HttpResponse {
           auto n = c.svc.store->household_count();
           if (!n) return json_response({{"status", "degraded"}}, 503);
           return json_response({{"status", "ok"}, {"version", "0.1.0"}});
         }});
}

}  // namespace lz::http
