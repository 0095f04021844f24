// Phone-screening campaigns (call lists, outcomes, coverage) and checkpoints
// (duty roster, passages with fever referral). Campaigns and checkpoints are
// created by county and township users; village cadres and paired cadres work
// their call lists; checkpoint staff see and record only their checkpoint.
#include <fmt/format.h>

#include "epidemic/json.h"
#include "http/handlers/epidemic_common.h"

namespace lz::http {

using nlohmann::json;
using namespace lz::epidemic;

namespace {

// Whether the user may see campaign `cp`: it covers (part of) their region.
bool campaign_visible(const Ctx& c, const Campaign& cp) {
  const std::string& mine = c.scope.region_prefix;
  if (mine.empty()) return false;
  return cp.region_prefix.starts_with(mine) || mine.starts_with(cp.region_prefix);
}

Result<Campaign> visible_campaign(Ctx& c, int64_t id) {
  auto cp = c.svc.epidemic_store->campaign(id);
  if (!cp || !campaign_visible(c, *cp)) return not_in_scope("排查活动", "campaign", id);
  return cp;
}

// Checkpoint staff: only theirs; others: within their region.
bool checkpoint_visible(const Ctx& c, const Checkpoint& cp) {
  if (c.scope.role == Role::kCheckpointStaff) return c.scope.checkpoint_id == cp.id;
  return c.scope.epidemic && !c.scope.paired_only && epidemic_covers(c, cp.region_code);
}

Result<Checkpoint> visible_checkpoint(Ctx& c, int64_t id) {
  auto cp = c.svc.epidemic_store->checkpoint(id);
  if (!cp || !checkpoint_visible(c, *cp)) return not_in_scope("卡点", "checkpoint", id);
  return cp;
}

Status require_checkpoint_reader(const Ctx& c) {
  if (c.scope.role == Role::kCheckpointStaff) return {};
  return require_epidemic(c);
}

json coverage_out(const CampaignCoverage& cov) {
  json villages = json::array();
  for (const auto& v : cov.villages) villages.push_back(to_json(v));
  json total = to_json(cov.total);
  total.erase("village_code");
  return {{"total", total}, {"villages", villages}};
}

json passage_out(const sqlite::SqliteEpidemicStore::PassageView& v, const Scope& s) {
  json j = to_json(v.p);
  j["fevers"] = v.fevers;
  j["fever"] = v.fevers > 0;
  j["key_person_ids"] = v.key_person_ids;
  for (auto& t : j["travellers"]) mask_person(t, s);
  return j;
}

}  // namespace

void add_campaign_routes(Router& r) {
  r.add({"GET",
         "/api/v1/campaigns",
         "epidemic",
         "Phone-screening campaigns over (part of) the jurisdiction",
         true,
         {},
         "",
         "Campaign",
         true,
         {403},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_epidemic(c); !st) return problem(st.error(), c.lang);
           auto res = c.svc.epidemic_store->campaigns(c.scope.region_prefix);
           if (!res) return problem(res.error(), c.lang);
           json items = json::array();
           for (const auto& cp : *res) items.push_back(to_json(cp));
           return list_response(items, static_cast<int64_t>(items.size()));
         }});

  r.add({"POST",
         "/api/v1/campaigns",
         "epidemic",
         "Start a campaign over every household of a region: {name, region_code, start_on, "
         "end_on}. Each household "
         "goes on its responsible cadre's call list (the paired cadre of a poor household, else a "
         "village cadre).",
         true,
         {},
         "CampaignInput",
         "CampaignDetail",
         false,
         {403, 422},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_epidemic(c, true, true); !st) return problem(st.error(), c.lang);
           auto body = c.body();
           if (!body) return problem(body.error(), c.lang);
           auto in = read_all(*body, campaign_input);
           if (!in) return problem(in.error(), c.lang);
           if (!in->region_prefix.empty()) {
             auto code = RegionCode::parse(in->region_prefix, "region_code");
             if (!code) return problem(code.error(), c.lang);
             in->region_prefix = code->str();
             if (!epidemic_covers(c, in->region_prefix))
               return problem(invalid("region.out_of_scope", "region_code",
                                      fmt::format("区划{}不在您的管辖范围内", in->region_prefix),
                                      fmt::format("Region {} is outside your jurisdiction",
                                                  in->region_prefix)),
                              c.lang);
           }
           auto res = c.svc.epidemic->create_campaign(*in, c.actor);
           if (!res) return problem(res.error(), c.lang);
           json j = to_json(*res);
           auto cov = c.svc.epidemic->coverage(res->id, res->region_prefix);
           if (cov) j["coverage"] = coverage_out(*cov);
           return json_response(j, 201);
         }});

  r.add({"GET",
         "/api/v1/campaigns/{id}",
         "epidemic",
         "A campaign with its coverage per village (within the "
         "user's jurisdiction)",
         true,
         {},
         "",
         "CampaignDetail",
         false,
         {403, 404},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_epidemic(c); !st) return problem(st.error(), c.lang);
           auto id = c.id();
           if (!id) return problem(id.error(), c.lang);
           auto cp = visible_campaign(c, *id);
           if (!cp) return problem(cp.error(), c.lang);
           std::string prefix = cp->region_prefix.starts_with(c.scope.region_prefix)
                                    ? cp->region_prefix
                                    : c.scope.region_prefix;
           auto cov = c.svc.epidemic->coverage(*id, prefix);
           if (!cov) return problem(cov.error(), c.lang);
           json j = to_json(*cp);
           j["coverage"] = coverage_out(*cov);
           return json_response(j);
         }});

  r.add({"GET",
         "/api/v1/campaigns/{id}/calls",
         "epidemic",
         "A campaign's call list (a paired cadre: theirs), households not yet called first",
         true,
         {{"region", "query", "string", "Region code (narrowed to the user's jurisdiction)"},
          {"cadre_id", "query", "integer", "One cadre's list"},
          {"state", "query", "string", "pending | called | reached | unreachable"},
          {"limit", "query", "integer", "Page size (default 50, max 1000)"},
          {"offset", "query", "integer", "Rows to skip"}},
         "",
         "Call",
         true,
         {400, 403, 404},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_epidemic(c); !st) return problem(st.error(), c.lang);
           auto id = c.id();
           if (!id) return problem(id.error(), c.lang);
           auto cp = visible_campaign(c, *id);
           if (!cp) return problem(cp.error(), c.lang);
           auto prefix = epidemic_prefix(c);
           if (!prefix) return problem(prefix.error(), c.lang);
           if (!*prefix) return list_response(json::array(), 0);
           sqlite::SqliteEpidemicStore::CallQuery q;
           q.campaign_id = *id;
           q.region_prefix = **prefix;
           auto cadre = c.q_int("cadre_id", 1, INT64_MAX);
           if (!cadre) return problem(cadre.error(), c.lang);
           q.cadre_id = *cadre;
           if (c.scope.paired_only) q.cadre_id = c.scope.cadre_id.value_or(-1);
           q.state = c.q_or("state", "");
           if (!q.state.empty() && q.state != "pending" && q.state != "called" &&
               q.state != "reached" && q.state != "unreachable")
             return problem(bad_parameter("state", "state应为pending、called、reached或unreachable",
                                          "state must be pending, called, reached or unreachable"),
                            c.lang);
           if (auto st = c.paging(q.limit, q.offset); !st) return problem(st.error(), c.lang);
           auto res = c.svc.epidemic_store->calls(q);
           if (!res) return problem(res.error(), c.lang);
           json items = json::array();
           for (const auto& row : res->items) {
             json j = {{"household_id", row.household_id},
                       {"household_number", row.household_number},
                       {"region_code", row.region_code},
                       {"head_name", row.head_name},
                       {"phone", row.phone},
                       {"cadre_id", row.cadre_id ? json(*row.cadre_id) : json(nullptr)},
                       {"cadre_name", row.cadre_name},
                       {"result", row.result.empty() ? json(nullptr) : json(row.result)},
                       {"called_at", row.called_at.empty() ? json(nullptr) : json(row.called_at)}};
             mask_household(j, c.scope);
             items.push_back(j);
           }
           return list_response(items, res->total);
         }});

  r.add({"POST",
         "/api/v1/campaigns/{id}/calls/{household_id}",
         "epidemic",
         "Record a call's outcome: {result: reached | unreachable, at, returnees[{person_id | name "
         "+ id_number, "
         "phone, travel}], symptomatic[{person_id | name + id_number, temperature, symptoms}], "
         "needs[{kind: food | "
         "medicine | produce_unsold | other, note}], note}. Returnees and people with symptoms "
         "become key persons; "
         "unsold produce and a returnee member of a lifted or marginal household open relapse "
         "monitoring.",
         true,
         {},
         "CallInput",
         "CallRecorded",
         false,
         {403, 404, 422},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_epidemic(c, true); !st) return problem(st.error(), c.lang);
           auto id = c.id();
           if (!id) return problem(id.error(), c.lang);
           auto hid = c.id("household_id");
           if (!hid) return problem(hid.error(), c.lang);
           auto cp = visible_campaign(c, *id);
           if (!cp) return problem(cp.error(), c.lang);
           auto row = c.svc.epidemic_store->call(*id, *hid);
           if (!row || !*row || !epidemic_covers(c, (*row)->region_code) ||
               (c.scope.paired_only && (*row)->cadre_id != c.scope.cadre_id))
             return out_of_scope(c, "户", "household", *hid);
           auto body = c.body();
           if (!body) return problem(body.error(), c.lang);
           auto in = read_all(*body, call_outcome_input);
           if (!in) return problem(in.error(), c.lang);
           if (c.scope.cadre_id) in->cadre_id = *c.scope.cadre_id;
           auto res = c.svc.epidemic->record_call(*id, *hid, *in, c.actor);
           if (!res) return problem(res.error(), c.lang);
           json j = to_json(res->outcome);
           for (auto& x : j["returnees"]) mask_person(x, c.scope);
           for (auto& x : j["symptomatic"]) mask_person(x, c.scope);
           j["reactions"] = reactions_json(res->reactions, c.lang);
           return json_response(j, 201);
         }});
}

void add_checkpoint_routes(Router& r) {
  r.add({"GET",
         "/api/v1/checkpoints",
         "epidemic",
         "Checkpoints in the jurisdiction (checkpoint staff: theirs)",
         true,
         {{"region", "query", "string", "Region code (narrowed to the user's jurisdiction)"}},
         "",
         "Checkpoint",
         true,
         {400, 403},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_checkpoint_reader(c); !st) return problem(st.error(), c.lang);
           json items = json::array();
           if (c.scope.role == Role::kCheckpointStaff) {
             if (c.scope.checkpoint_id)
               if (auto cp = c.svc.epidemic_store->checkpoint(*c.scope.checkpoint_id))
                 items.push_back(to_json(*cp));
             return list_response(items, static_cast<int64_t>(items.size()));
           }
           if (auto st = require(!c.scope.paired_only); !st) return problem(st.error(), c.lang);
           auto prefix = epidemic_prefix(c);
           if (!prefix) return problem(prefix.error(), c.lang);
           if (!*prefix) return list_response(items, 0);
           auto res = c.svc.epidemic_store->checkpoints(**prefix);
           if (!res) return problem(res.error(), c.lang);
           for (const auto& cp : *res) items.push_back(to_json(cp));
           return list_response(items, static_cast<int64_t>(items.size()));
         }});

  r.add({"POST",
         "/api/v1/checkpoints",
         "epidemic",
         "Set up a checkpoint: {name, location, region_code (its "
         "township or a village of it)}",
         true,
         {},
         "CheckpointInput",
         "Checkpoint",
         false,
         {403, 422},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_epidemic(c, true, true); !st) return problem(st.error(), c.lang);
           auto body = c.body();
           if (!body) return problem(body.error(), c.lang);
           auto in = read_all(*body, checkpoint_input);
           if (!in) return problem(in.error(), c.lang);
           if (!in->region_code.empty() && !epidemic_covers(c, in->region_code))
             return problem(
                 invalid("region.out_of_scope", "region_code",
                         fmt::format("区划{}不在您的管辖范围内", in->region_code),
                         fmt::format("Region {} is outside your jurisdiction", in->region_code)),
                 c.lang);
           auto res = c.svc.epidemic->create_checkpoint(*in, c.actor);
           if (!res) return problem(res.error(), c.lang);
           return json_response(to_json(*res), 201);
         }});

  r.add({"GET",
         "/api/v1/checkpoints/{id}",
         "epidemic",
         "A checkpoint with who is on duty now and today's counts",
         true,
         {},
         "",
         "Checkpoint",
         false,
         {403, 404},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_checkpoint_reader(c); !st) return problem(st.error(), c.lang);
           auto id = c.id();
           if (!id) return problem(id.error(), c.lang);
           auto cp = visible_checkpoint(c, *id);
           if (!cp) return problem(cp.error(), c.lang);
           json j = to_json(*cp);
           Date today = c.svc.epidemic->today();
           auto p = c.svc.epidemic_store->passages(*id, today, false, 100000, 0);
           int64_t persons = 0, fevers = 0;
           if (p)
             for (const auto& v : p->items) persons += v.p.persons(), fevers += v.fevers;
           j["today"] = {{"date", today.iso()},
                         {"passages", p ? p->total : 0},
                         {"persons", persons},
                         {"fevers", fevers}};
           return json_response(j);
         }});

  r.add({"GET",
         "/api/v1/checkpoints/{id}/shifts",
         "epidemic",
         "The checkpoint's duty roster and its gaps",
         true,
         {{"from", "query", "string", "Gaps from (YYYY-MM-DDTHH:MM, default today 00:00)"},
          {"to", "query", "string", "Gaps to (default a day later)"}},
         "",
         "Roster",
         false,
         {400, 403, 404},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_checkpoint_reader(c); !st) return problem(st.error(), c.lang);
           auto id = c.id();
           if (!id) return problem(id.error(), c.lang);
           auto cp = visible_checkpoint(c, *id);
           if (!cp) return problem(cp.error(), c.lang);
           auto roster = c.svc.epidemic_store->shifts(*id);
           if (!roster) return problem(roster.error(), c.lang);
           DateTime from = DateTime::of(c.svc.epidemic->today(), 0, 0);
           if (auto v = c.q("from"); v && !v->empty()) {
             auto t = DateTime::parse_iso(*v);
             if (!t)
               return problem(bad_parameter("from", "from应为YYYY-MM-DDTHH:MM",
                                            "from must be YYYY-MM-DDTHH:MM"),
                              c.lang);
             from = *t;
           }
           DateTime to = from.plus_minutes(1440);
           if (auto v = c.q("to"); v && !v->empty()) {
             auto t = DateTime::parse_iso(*v);
             if (!t)
               return problem(
                   bad_parameter("to", "to应为YYYY-MM-DDTHH:MM", "to must be YYYY-MM-DDTHH:MM"),
                   c.lang);
             to = *t;
           }
           json shifts = json::array(), gaps = json::array();
           for (const auto& s : *roster) {
             json j = to_json(s);
             if (!c.scope.full_phone && c.scope.role != Role::kCheckpointStaff)
               mask_person(j, c.scope);
             j.erase("masked");
             shifts.push_back(j);
           }
           for (const auto& g : roster_gaps(*roster, *id, from, to))
             gaps.push_back({{"start", g.start.iso()}, {"end", g.end.iso()}});
           return json_response({{"checkpoint_id", *id},
                                 {"shifts", shifts},
                                 {"gaps", gaps},
                                 {"from", from.iso()},
                                 {"to", to.iso()}});
         }});

  r.add({"POST",
         "/api/v1/checkpoints/{id}/shifts",
         "epidemic",
         "Add a duty shift: {cadre_id | name, phone, start, end}; an overlapping shift of the same "
         "person is 409",
         true,
         {},
         "ShiftInput",
         "Shift",
         false,
         {403, 404, 409, 422},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_epidemic(c, true, true); !st) return problem(st.error(), c.lang);
           auto id = c.id();
           if (!id) return problem(id.error(), c.lang);
           auto cp = visible_checkpoint(c, *id);
           if (!cp) return problem(cp.error(), c.lang);
           auto body = c.body();
           if (!body) return problem(body.error(), c.lang);
           auto in = read_all(*body, shift_input);
           if (!in) return problem(in.error(), c.lang);
           in->checkpoint_id = *id;
           auto res = c.svc.epidemic->add_shift(*in, c.actor);
           if (!res) return problem(res.error(), c.lang);
           return json_response(to_json(*res), 201);
         }});

  r.add({"GET",
         "/api/v1/checkpoints/{id}/passages",
         "epidemic",
         "Passages recorded at the checkpoint, newest first",
         true,
         {{"date", "query", "string", "One day (YYYY-MM-DD)"},
          {"fever", "query", "boolean", "Only passages with a fever"},
          {"limit", "query", "integer", "Page size (default 50, max 1000)"},
          {"offset", "query", "integer", "Rows to skip"}},
         "",
         "Passage",
         true,
         {400, 403, 404},
         [](Ctx& c) -> HttpResponse {
           if (auto st = require_checkpoint_reader(c); !st) return problem(st.error(), c.lang);
           auto id = c.id();
           if (!id) return problem(id.error(), c.lang);
           auto cp = visible_checkpoint(c, *id);
           if (!cp) return problem(cp.error(), c.lang);
           auto date = c.q_date("date");
           if (!date) return problem(date.error(), c.lang);
           std::optional<Date> on = *date;
           int64_t limit = 50, offset = 0;
           if (auto st = c.paging(limit, offset); !st) return problem(st.error(), c.lang);
           auto res = c.svc.epidemic_store->passages(*id, on, c.q_or("fever", "") == "true", limit,
                                                     offset);
           if (!res) return problem(res.error(), c.lang);
           json items = json::array();
           for (const auto& v : res->items) items.push_back(passage_out(v, c.scope));
           return list_response(items, res->total);
         }});

  r.add({"POST",
         "/api/v1/checkpoints/{id}/passages",
         "epidemic",
         "Record a passage: {at, plate, origin, destination, travellers[{name, id_number, phone, "
         "temperature}]}. A "
         "traveller at 37.3 °C or more (or from Hubei) is referred as a key person at once; their "
         "name and ID number "
         "are then required.",
         true,
         {},
         "PassageInput",
         "PassageRecorded",
         false,
         {403, 404, 422},
         [](Ctx& c) -> HttpResponse {
           if (c.scope.role != Role::kCheckpointStaff)
             if (auto st = require_epidemic(c, true); !st) return problem(st.error(), c.lang);
           auto id = c.id();
           if (!id) return problem(id.error(), c.lang);
           auto cp = visible_checkpoint(c, *id);
           if (!cp) return problem(cp.error(), c.lang);
           auto body = c.body();
           if (!body) return problem(body.error(), c.lang);
           auto in = read_all(*body, passage_input);
           if (!in) return problem(in.error(), c.lang);
           in->checkpoint_id = *id;
           auto res = c.svc.epidemic->record_passage(*in, c.actor);
           if (!res) return problem(res.error(), c.lang);
           json j = passage_out(res->view, c.scope);
           j["reactions"] = reactions_json(res->reactions, c.lang);
           return json_response(j, 201);
         }});
}

void add_epidemic_routes(Router& r) {
  add_key_person_routes(r);
  add_observation_routes(r);
  add_campaign_routes(r);
  add_checkpoint_routes(r);
}

void add_epidemic_schemas(json& s) {
  const json str = {{"type", "string"}}, nstr = {{"type", {"string", "null"}}},
             integer = {{"type", "integer"}}, nint = {{"type", {"integer", "null"}}},
             num = {{"type", "number"}}, boolean = {{"type", "boolean"}}, arr = {{"type", "array"}},
             object = {{"type", "object"}};
  auto obj = [](json props) { return json{{"type", "object"}, {"properties", std::move(props)}}; };
  json person = obj({{"id", integer},
                     {"household_id", nint},
                     {"name", str},
                     {"id_number", str},
                     {"phone", str},
                     {"region_code", str}});
  s["EpiPerson"] = person;
  json travel = obj({{"arrived_on", str}, {"from_place", str}, {"mode", str}, {"detail", str}});
  s["KeyPerson"] = obj({{"id", integer},
                        {"person_id", integer},
                        {"region_code", str},
                        {"category", str},
                        {"source", str},
                        {"added_on", str},
                        {"travel", travel},
                        {"last_exposure", nstr},
                        {"contact_of", nint},
                        {"temperature", num},
                        {"symptoms", arr},
                        {"note", str},
                        {"person", {{"$ref", "#/components/schemas/EpiPerson"}}}});
  s["KeyPersonInput"] = obj({{"person_id", integer},
                             {"id_number", str},
                             {"name", str},
                             {"region_code", str},
                             {"phone", str},
                             {"category", str},
                             {"source", str},
                             {"added_on", str},
                             {"travel", travel},
                             {"last_exposure", str},
                             {"contact_of", integer},
                             {"temperature", num},
                             {"symptoms", arr},
                             {"note", str}});
  json reactions = obj({{"key_persons", arr},
                        {"risk_cases", arr},
                        {"observations_extended", arr},
                        {"support_requests", arr},
                        {"skipped", arr}});
  s["Reactions"] = reactions;
  json steps = {
      {"type", "array"},
      {"items", obj({{"status", str}, {"on", str}, {"place", str}, {"by", str}, {"note", str}})}};
  s["Case"] = obj({{"id", integer},
                   {"person_id", integer},
                   {"region_code", str},
                   {"status", str},
                   {"final", boolean},
                   {"steps", steps},
                   {"version", integer},
                   {"person", {{"$ref", "#/components/schemas/EpiPerson"}}}});
  s["CaseWithReactions"] = s["Case"];
  s["CaseWithReactions"]["properties"]["reactions"] = {{"$ref", "#/components/schemas/Reactions"}};
  s["CaseInput"] =
      obj({{"person_id", integer}, {"status", str}, {"on", str}, {"place", str}, {"note", str}});
  s["CaseStepInput"] =
      obj({{"status", str}, {"on", str}, {"place", str}, {"note", str}, {"version", integer}});
  s["Chain"] = obj({{"case_id", integer},
                    {"person_id", integer},
                    {"depth", integer},
                    {"reached", arr},
                    {"persons_by_hops", arr},
                    {"truncated", boolean}});
  s["Contact"] = obj({{"id", integer},
                      {"person_a", integer},
                      {"person_b", integer},
                      {"on", str},
                      {"setting", str},
                      {"closeness", str},
                      {"place", str},
                      {"note", str}});
  s["ContactInput"] = s["Contact"];
  s["ContactWithReactions"] = s["Contact"];
  s["ContactWithReactions"]["properties"]["reactions"] = {
      {"$ref", "#/components/schemas/Reactions"}};
  s["Observation"] = obj({{"id", integer},
                          {"person_id", integer},
                          {"region_code", str},
                          {"kind", str},
                          {"site", str},
                          {"room", str},
                          {"last_exposure", str},
                          {"start", str},
                          {"planned_end", str},
                          {"last_day", str},
                          {"released_on", nstr},
                          {"extensions", arr},
                          {"version", integer},
                          {"cadre_id", nint},
                          {"under_observation", boolean},
                          {"schedule", arr},
                          {"person", {{"$ref", "#/components/schemas/EpiPerson"}}}});
  s["ObservationWithReactions"] = s["Observation"];
  s["ObservationWithReactions"]["properties"]["reactions"] = {
      {"$ref", "#/components/schemas/Reactions"}};
  s["ObservationInput"] = obj({{"person_id", integer},
                               {"kind", str},
                               {"site", str},
                               {"room", str},
                               {"last_exposure", str},
                               {"start", str},
                               {"basis", str},
                               {"cadre_id", integer}});
  s["ObservationExtendInput"] =
      obj({{"exposure_on", str}, {"found_on", str}, {"note", str}, {"version", integer}});
  s["ObservationReleaseInput"] = obj({{"on", str}, {"reason", str}, {"version", integer}});
  s["FollowUpInput"] = obj({{"day", str},
                            {"temperature", num},
                            {"symptoms", arr},
                            {"at", str},
                            {"by", str},
                            {"note", str}});
  s["FollowUpRecorded"] = obj({{"id", integer},
                               {"observation_id", integer},
                               {"day", str},
                               {"temperature", num},
                               {"symptoms", arr},
                               {"at", str},
                               {"by", str},
                               {"alert", object}});
  s["FollowUpItem"] = obj({{"observation_id", integer},
                           {"day", str},
                           {"state", str},
                           {"cadre_id", nint},
                           {"region_code", str},
                           {"person", {{"$ref", "#/components/schemas/EpiPerson"}}}});
  s["OverdueTally"] = obj({{"village_code", str},
                           {"cadre_id", nint},
                           {"name", str},
                           {"overdue", integer},
                           {"due", integer},
                           {"done", integer}});
  s["Campaign"] = obj(
      {{"id", integer}, {"name", str}, {"region_code", str}, {"start_on", str}, {"end_on", str}});
  s["CampaignInput"] =
      obj({{"name", str}, {"region_code", str}, {"start_on", str}, {"end_on", str}});
  s["CampaignDetail"] = s["Campaign"];
  s["CampaignDetail"]["properties"]["coverage"] = obj({{"total", object}, {"villages", arr}});
  s["Call"] = obj({{"household_id", integer},
                   {"household_number", str},
                   {"region_code", str},
                   {"head_name", str},
                   {"phone", str},
                   {"cadre_id", nint},
                   {"cadre_name", str},
                   {"result", nstr},
                   {"called_at", nstr}});
  s["CallInput"] = obj({{"result", str},
                        {"at", str},
                        {"returnees", arr},
                        {"symptomatic", arr},
                        {"needs", arr},
                        {"note", str}});
  s["CallRecorded"] = s["CallInput"];
  s["CallRecorded"]["properties"]["reactions"] = {{"$ref", "#/components/schemas/Reactions"}};
  s["Checkpoint"] = obj({{"id", integer},
                         {"name", str},
                         {"location", str},
                         {"township_code", str},
                         {"region_code", str},
                         {"active", boolean},
                         {"today", object}});
  s["CheckpointInput"] = obj({{"name", str}, {"location", str}, {"region_code", str}});
  s["Shift"] = obj({{"id", integer},
                    {"checkpoint_id", integer},
                    {"cadre_id", nint},
                    {"name", str},
                    {"phone", str},
                    {"start", str},
                    {"end", str}});
  s["ShiftInput"] =
      obj({{"cadre_id", integer}, {"name", str}, {"phone", str}, {"start", str}, {"end", str}});
  s["Roster"] =
      obj({{"checkpoint_id", integer}, {"shifts", arr}, {"gaps", arr}, {"from", str}, {"to", str}});
  s["Passage"] = obj({{"id", integer},
                      {"checkpoint_id", integer},
                      {"at", str},
                      {"plate", str},
                      {"origin", str},
                      {"destination", str},
                      {"persons", integer},
                      {"travellers", arr},
                      {"fevers", integer},
                      {"fever", boolean},
                      {"key_person_ids", arr}});
  s["PassageInput"] = obj(
      {{"at", str}, {"plate", str}, {"origin", str}, {"destination", str}, {"travellers", arr}});
  s["PassageRecorded"] = s["Passage"];
  s["PassageRecorded"]["properties"]["reactions"] = {{"$ref", "#/components/schemas/Reactions"}};
}

}  // namespace lz::http
