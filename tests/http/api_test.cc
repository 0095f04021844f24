// The HTTP API in-process: requests in, responses out, on a small demo
// county. Covers authentication on every route, jurisdiction (lists, totals,
// single records), validation errors naming fields, optimistic concurrency,
// the audit trail, masking by role, lockout and the OpenAPI document.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/id_number.h"
#include "demo/county_generator.h"
#include "http/api.h"
#include "http/household_json.h"
#include "http/scope_guard.h"
#include "http/services.h"
#include "registry/json.h"
#include "registry/region_tree.h"

namespace lz::http {
namespace {

using nlohmann::json;

const char* kPassword = "Liangzhan-2020!";

class ApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    path_ = (std::filesystem::temp_directory_path() /
             ("lz_api_test_" + std::to_string(::getpid()) + ".db"))
                .string();
    for (const char* suf : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suf);
    auto svc = Services::open(path_);
    ASSERT_TRUE(svc.ok()) << svc.error().describe();
    svc_ = std::move(svc).value().release();
    demo::DemoConfig cfg;
    cfg.seed = 99;
    ASSERT_TRUE(demo::generate_county(*svc_->store, cfg).ok());
    api_ = new Api();
    // Two villages with households, a paired cadre with households.
    auto& db = svc_->store->db();
    auto s = db.prepare(
        "SELECT substr(region_code, 1, 12) v, COUNT(*) FROM household GROUP BY v HAVING COUNT(*) "
        ">= 3 ORDER BY v LIMIT 2");
    ASSERT_TRUE(s.step());
    village_a_ = s.str(0);
    ASSERT_TRUE(s.step());
    village_b_ = s.str(0);
    auto p = db.prepare(
        "SELECT cadre_id, COUNT(*) FROM pairing WHERE to_date IS NULL GROUP BY cadre_id ORDER BY 2 "
        "DESC LIMIT 1");
    ASSERT_TRUE(p.step());
    paired_cadre_ = p.i64(0);
    Actor cli{"cli", "", ""};
    auto add = [&](const char* login, const char* role, std::string region,
                   std::optional<int64_t> cadre = {}) {
      AccountInput in{login, login, role, region, cadre};
      auto a = svc_->auth->add_account(in, kPassword, cli);
      ASSERT_TRUE(a.ok()) << login << ": " << a.error().describe();
    };
    add("county", "county_admin", "430281");
    add("town_a", "township_officer", village_a_.substr(0, 9));
    add("cadre_a", "village_cadre", village_a_);
    add("cadre_b", "village_cadre", village_b_);
    add("paired", "paired_cadre", "", paired_cadre_);
    add("sysadmin", "system_admin", "");
    add("secadmin", "security_admin", "");
    add("auditor", "audit_admin", "");
  }
  static void TearDownTestSuite() {
    delete api_;
    delete svc_;
    for (const char* suf : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suf);
  }

  struct Res {
    int status;
    json body;
    HttpResponse raw;
  };
  Res call(const std::string& method, const std::string& target, const std::string& token = "",
           const json& body = nullptr, std::map<std::string, std::string> headers = {}) {
    HttpRequest r;
    r.method = method;
    auto q = target.find('?');
    r.path = target.substr(0, q);
    if (q != std::string::npos) r.query = target.substr(q + 1);
    if (!token.empty()) r.headers["authorization"] = "Bearer " + token;
    for (auto& [k, v] : headers) r.headers[k] = v;
    if (!body.is_null()) r.body = body.dump();
    r.remote = "127.0.0.1";
    HttpResponse resp = api_->handle(r, *svc_);
    json j = resp.body.empty() ? json(nullptr) : json::parse(resp.body, nullptr, false);
    return {resp.status, j, resp};
  }
  std::string login(const std::string& who) {
    auto it = tokens_.find(who);
    if (it != tokens_.end()) return it->second;
    auto r = call("POST", "/api/v1/session", "", {{"login", who}, {"password", kPassword}});
    EXPECT_EQ(r.status, 200) << who << " " << r.body.dump();
    return tokens_[who] = r.body.value("token", "");
  }
  int64_t first_household(const std::string& village) {
    auto s = svc_->store->db().prepare(
        "SELECT id FROM household WHERE region_code >= ? AND region_code < ? AND deleted_at IS "
        "NULL ORDER BY id LIMIT 1");
    s.bind(1, village).bind(2, village + ":");
    EXPECT_TRUE(s.step());
    return s.i64(0);
  }
  int64_t count_households(const std::string& prefix) {
    auto s = svc_->store->db().prepare(
        "SELECT COUNT(*) FROM household WHERE region_code >= ? AND region_code < ? AND deleted_at "
        "IS NULL");
    s.bind(1, prefix).bind(2, prefix + ":");
    s.step();
    return s.i64(0);
  }

  static inline std::string path_, village_a_, village_b_;
  static inline int64_t paired_cadre_ = 0;
  static inline Services* svc_ = nullptr;
  static inline Api* api_ = nullptr;
  static inline std::map<std::string, std::string> tokens_;
};

TEST_F(ApiTest, EveryAuthenticatedRouteRefusesAMissingOrBadToken) {
  int checked = 0;
  for (const auto& route : api_->router().routes()) {
    if (!route.auth) continue;
    std::string path = route.pattern;
    for (auto [from, to] : {std::pair{"{id}", "1"}, std::pair{"{code}", "430281"}}) {
      auto pos = path.find(from);
      if (pos != std::string::npos) path.replace(pos, std::string(from).size(), to);
    }
    auto none = call(route.method, path, "", json::object());
    EXPECT_EQ(none.status, 401) << route.method << " " << path;
    EXPECT_EQ(none.body.value("code", ""), "session.required") << route.method << " " << path;
    auto bad = call(route.method, path, "not-a-token", json::object());
    EXPECT_EQ(bad.status, 401) << route.method << " " << path;
    ++checked;
  }
  EXPECT_GT(checked, 30);
}

TEST_F(ApiTest, LoginErrorsAreTheSameForWrongLoginAndWrongPassword) {
  auto wrong_pw =
      call("POST", "/api/v1/session", "", {{"login", "county"}, {"password", "nope-nope-nope"}});
  auto wrong_login =
      call("POST", "/api/v1/session", "", {{"login", "nobody"}, {"password", "nope-nope-nope"}});
  EXPECT_EQ(wrong_pw.status, 401);
  EXPECT_EQ(wrong_login.status, 401);
  EXPECT_EQ(wrong_pw.body["detail"], wrong_login.body["detail"]);
  EXPECT_EQ(wrong_pw.body["code"], wrong_login.body["code"]);
  auto ok = call("POST", "/api/v1/session", "", {{"login", "county"}, {"password", kPassword}});
  ASSERT_EQ(ok.status, 200);
  EXPECT_FALSE(ok.body["token"].get<std::string>().empty());
  EXPECT_EQ(ok.body["user"]["role"], "county_admin");
  bool cookie = false;
  for (auto& [k, v] : ok.raw.headers)
    if (k == "Set-Cookie" && v.find("HttpOnly") != std::string::npos &&
        v.find("SameSite=Strict") != std::string::npos)
      cookie = true;
  EXPECT_TRUE(cookie);
  // The cookie works as well as the bearer token.
  std::string token = ok.body["token"];
  auto me = call("GET", "/api/v1/session", "", nullptr, {{"cookie", "x=1; lz_session=" + token}});
  EXPECT_EQ(me.status, 200);
  EXPECT_EQ(me.body["user"]["login"], "county");
  EXPECT_EQ(call("DELETE", "/api/v1/session", token).status, 204);
  EXPECT_EQ(call("GET", "/api/v1/session", token).status, 401);
}

TEST_F(ApiTest, LockoutAfterRepeatedFailures) {
  ASSERT_TRUE(
      svc_->auth->add_account({"locky", "", "village_cadre", village_a_}, kPassword, Actor{}).ok());
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(
        call("POST", "/api/v1/session", "", {{"login", "locky"}, {"password", "Wrong-pass-123"}})
            .status,
        401);
  auto locked = call("POST", "/api/v1/session", "", {{"login", "locky"}, {"password", kPassword}});
  EXPECT_EQ(locked.status, 429);
  EXPECT_EQ(locked.body["code"], "session.locked");
}

TEST_F(ApiTest, VillageCadreSeesOnlyTheirVillage) {
  std::string a = login("cadre_a");
  int64_t hb = first_household(village_b_), ha = first_household(village_a_);
  EXPECT_EQ(call("GET", "/api/v1/households/" + std::to_string(hb), a).status, 404);
  EXPECT_EQ(call("GET", "/api/v1/households/" + std::to_string(ha), a).status, 200);
  // Lists and totals: only village A, whatever region is asked for.
  auto all = call("GET", "/api/v1/households?limit=1000", a);
  ASSERT_EQ(all.status, 200);
  EXPECT_EQ(all.body["total"], count_households(village_a_));
  for (auto& h : all.body["items"])
    EXPECT_TRUE(h["region_code"].get<std::string>().starts_with(village_a_));
  auto county = call("GET", "/api/v1/households?region=430281", a);
  EXPECT_EQ(county.body["total"], count_households(village_a_));
  auto other = call("GET", "/api/v1/households?region=" + village_b_, a);
  EXPECT_EQ(other.body["total"], 0);
  EXPECT_EQ(other.body["items"].size(), 0u);
  // Search does not reach across either: a name from village B.
  auto hbody = call("GET", "/api/v1/households/" + std::to_string(hb), login("county"));
  std::string name_b = hbody.body["members"][0]["name"];
  auto search = call("GET", "/api/v1/persons?q=" + name_b, a);
  for (auto& p : search.body["items"])
    EXPECT_TRUE(p["region_code"].get<std::string>().starts_with(village_a_));
  // Persons of B are 404 too.
  int64_t pb = hbody.body["members"][0]["id"];
  EXPECT_EQ(call("GET", "/api/v1/persons/" + std::to_string(pb), a).status, 404);
  // Writes into B are refused.
  auto create =
      call("POST", "/api/v1/households", a,
           {{"number", "X-B-1"}, {"region_code", village_b_}, {"members", json::array()}});
  EXPECT_EQ(create.status, 403);
}

TEST_F(ApiTest, TownshipOfficerSeesTheWholeTownshipOnly) {
  std::string t = login("town_a");
  auto list = call("GET", "/api/v1/households?limit=0", t);
  EXPECT_EQ(list.body["total"], count_households(village_a_.substr(0, 9)));
  auto wider = call("GET", "/api/v1/households?region=430281&limit=0", t);
  EXPECT_EQ(wider.body["total"], count_households(village_a_.substr(0, 9)));
}

TEST_F(ApiTest, PairedCadreSeesOnlyTheirPairedHouseholds) {
  std::string p = login("paired");
  auto list = call("GET", "/api/v1/households?limit=1000", p);
  ASSERT_EQ(list.status, 200);
  auto s = svc_->store->db().prepare(
      "SELECT COUNT(*) FROM pairing WHERE cadre_id = ? AND to_date IS NULL");
  s.bind(1, paired_cadre_);
  s.step();
  EXPECT_EQ(list.body["total"], s.i64(0));
  EXPECT_GT(s.i64(0), 0);
  for (auto& h : list.body["items"]) {
    auto paired = svc_->store->is_paired(paired_cadre_, h["id"].get<int64_t>());
    EXPECT_TRUE(paired.ok() && *paired);
  }
  // A household not paired with them: 404.
  auto other = svc_->store->db().prepare(
      "SELECT id FROM household WHERE id NOT IN (SELECT household_id FROM pairing WHERE cadre_id = "
      "?) LIMIT 1");
  other.bind(1, paired_cadre_);
  other.step();
  EXPECT_EQ(call("GET", "/api/v1/households/" + std::to_string(other.i64(0)), p).status, 404);
  // No writes.
  EXPECT_EQ(call("POST", "/api/v1/cadres", p, {{"name", "x"}, {"region_code", "430281"}}).status,
            403);
}

TEST_F(ApiTest, AdministratorsSeeNoPersonalDataAndAuditorOnlyTheAuditLog) {
  for (const char* who : {"sysadmin", "secadmin", "auditor"}) {
    std::string t = login(who);
    EXPECT_EQ(call("GET", "/api/v1/households", t).status, 403) << who;
    EXPECT_EQ(call("GET", "/api/v1/persons", t).status, 403) << who;
    EXPECT_EQ(call("GET", "/api/v1/households/1", t).status, 403) << who;
  }
  EXPECT_EQ(call("GET", "/api/v1/audit", login("auditor")).status, 200);
  for (const char* who : {"county", "cadre_a", "sysadmin", "secadmin"})
    EXPECT_EQ(call("GET", "/api/v1/audit", login(who)).status, 403) << who;
  EXPECT_EQ(call("GET", "/api/v1/accounts", login("sysadmin")).status, 200);
  EXPECT_EQ(call("GET", "/api/v1/accounts", login("county")).status, 403);
  // Only the security admin hands out administrator roles.
  json admin = {{"login", "newaudit"}, {"role", "audit_admin"}, {"password", kPassword}};
  EXPECT_EQ(call("POST", "/api/v1/accounts", login("sysadmin"), admin).status, 403);
  EXPECT_EQ(call("POST", "/api/v1/accounts", login("secadmin"), admin).status, 201);
}

TEST_F(ApiTest, IdNumbersAreMaskedAndRevealingIsAudited) {
  std::string c = login("county"), v = login("cadre_a");
  int64_t ha = first_household(village_a_);
  auto h = call("GET", "/api/v1/households/" + std::to_string(ha), c);
  ASSERT_EQ(h.status, 200);
  auto& m = h.body["members"][0];
  std::string masked = m["id_number"];
  EXPECT_EQ(masked.substr(6, 8), "********");
  int64_t pid = m["id"];
  auto full = svc_->store->person(pid);
  EXPECT_EQ(masked, full->id_number.substr(0, 6) + "********" + full->id_number.substr(14));
  EXPECT_EQ(h.raw.body.find(full->id_number), std::string::npos);
  // Phones: masked for the county admin, visible for the village cadre.
  if (!full->phone.empty()) {
    EXPECT_NE(m["phone"], full->phone);
    auto hv = call("GET", "/api/v1/households/" + std::to_string(ha), v);
    EXPECT_EQ(hv.body["members"][0]["phone"], full->phone);
  }
  auto before = svc_->store->audit().query({"county", "reveal"});
  auto rev = call("POST", "/api/v1/persons/" + std::to_string(pid) + "/reveal", c,
                  {{"reason", "核对身份"}});
  ASSERT_EQ(rev.status, 200);
  EXPECT_EQ(rev.body["id_number"], full->id_number);
  auto after = svc_->store->audit().query({"county", "reveal"});
  EXPECT_EQ(after->total, before->total + 1);
  EXPECT_EQ(after->items[0].entity_id, std::to_string(pid));
  EXPECT_NE(after->items[0].detail.find("核对身份"), std::string::npos);
}

TEST_F(ApiTest, CreateValidatesAndNamesTheFieldsInTheUsersLanguage) {
  std::string c = login("county");
  json bad = {
      {"number", "V-1"},
      {"region_code", village_a_},
      {"members",
       json::array(
           {{{"name", "张三"}, {"id_number", "430281199001011234"}, {"relationship", "01"}},
            {{"name", ""}, {"id_number", "43028119900101123X"}, {"relationship", "夫妻"}}})}};
  auto zh = call("POST", "/api/v1/households", c, bad);
  EXPECT_EQ(zh.status, 422);
  EXPECT_EQ(zh.raw.content_type.substr(0, 24), "application/problem+json");
  std::set<std::string> fields;
  for (auto& e : zh.body["errors"]) fields.insert(e["field"].get<std::string>());
  EXPECT_TRUE(fields.count("members[0].id_number")) << zh.body.dump();
  EXPECT_TRUE(fields.count("members[1].name")) << zh.body.dump();
  EXPECT_TRUE(fields.count("members[1].relationship")) << zh.body.dump();
  EXPECT_NE(zh.body["errors"][0]["message"].get<std::string>().find("公民身份号码"),
            std::string::npos);
  auto en = call("POST", "/api/v1/households", c, bad, {{"accept-language", "en-US,en;q=0.9"}});
  EXPECT_EQ(en.status, 422);
  EXPECT_NE(en.body["detail"].get<std::string>().find("fields are invalid"), std::string::npos)
      << en.body.dump();
  // Malformed JSON is a 400, and nothing was written.
  HttpRequest r{"POST",      "/api/v1/households", "", {{"authorization", "Bearer " + c}},
                "{not json", "127.0.0.1"};
  EXPECT_EQ(api_->handle(r, *svc_).status, 400);
  EXPECT_EQ(count_households("430281"), count_households("430281"));
}

TEST_F(ApiTest, CreateUpdateStaleUpdateDeleteWithAuditTrail) {
  std::string c = login("county");
  Date birth = *Date::from_ymd(1980, 6, 1);
  std::string idn = IdNumber::make("430281", birth, 901).str();
  json body = {
      {"number", "T-API-1"},
      {"region_code", village_a_},
      {"address", "测试"},
      {"members", json::array({{{"name", "李四"}, {"id_number", idn}, {"relationship", "01"}}})}};
  int64_t before_total = call("GET", "/api/v1/households?limit=0", c).body["total"];
  auto created = call("POST", "/api/v1/households", c, body);
  ASSERT_EQ(created.status, 201) << created.body.dump();
  int64_t id = created.body["id"];
  EXPECT_EQ(created.body["version"], 1);
  EXPECT_EQ(call("GET", "/api/v1/households?limit=0", c).body["total"], before_total + 1);
  // Duplicate ID number: 409 naming the existing person.
  body["number"] = "T-API-2";
  auto dup = call("POST", "/api/v1/households", c, body);
  EXPECT_EQ(dup.status, 409);
  EXPECT_NE(dup.body["detail"].get<std::string>().find("李四"), std::string::npos);
  // Update needs the version.
  std::string path = "/api/v1/households/" + std::to_string(id);
  EXPECT_EQ(call("PATCH", path, c, {{"address", "新地址"}}).status, 428);
  auto upd = call("PATCH", path, c, {{"address", "新地址"}, {"version", 1}});
  ASSERT_EQ(upd.status, 200) << upd.body.dump();
  EXPECT_EQ(upd.body["version"], 2);
  EXPECT_EQ(upd.body["address"], "新地址");
  // The same stale version again: 409, and nothing changed.
  auto stale = call("PATCH", path, c, {{"address", "覆盖"}, {"version", 1}});
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(stale.body["code"], "version.stale");
  EXPECT_EQ(call("GET", path, c).body["address"], "新地址");
  // If-Match works like the version field.
  auto upd2 = call("PATCH", path, c, {{"phone", "13800138000"}}, {{"if-match", "\"2\""}});
  EXPECT_EQ(upd2.status, 200) << upd2.body.dump();
  // Audit: create and updates with before/after.
  auto audit = call("GET", "/api/v1/audit?entity=household&entity_id=" + std::to_string(id),
                    login("auditor"));
  ASSERT_EQ(audit.status, 200);
  ASSERT_EQ(audit.body["total"], 3);
  auto& last = audit.body["items"][0];  // newest first
  EXPECT_EQ(last["action"], "update");
  EXPECT_EQ(last["actor"], "county");
  EXPECT_EQ(last["before"]["phone"], "");
  EXPECT_EQ(last["after"]["phone"], "13800138000");
  EXPECT_EQ(audit.body["items"][2]["action"], "create");
  EXPECT_TRUE(audit.body["items"][2]["before"].is_null());
  // Delete with a stale version: 409; with the right one: gone from lists.
  EXPECT_EQ(call("DELETE", path + "?version=1", c).status, 409);
  EXPECT_EQ(call("DELETE", path + "?version=3", c).status, 204);
  EXPECT_EQ(call("GET", path, c).status, 404);
  EXPECT_EQ(call("GET", "/api/v1/households?limit=0", c).body["total"], before_total);
  // The ID number is free again after the soft delete.
  body["number"] = "T-API-3";
  EXPECT_EQ(call("POST", "/api/v1/households", c, body).status, 201);
  auto del =
      call("GET", "/api/v1/audit?entity=household&action=delete&entity_id=" + std::to_string(id),
           login("auditor"));
  ASSERT_EQ(del.body["total"], 1);
  EXPECT_TRUE(del.body["items"][0]["after"].is_null());
  EXPECT_EQ(del.body["items"][0]["before"]["address"], "新地址");
}

TEST_F(ApiTest, AuditLogCannotBeChanged) {
  auto& db = svc_->store->db();
  EXPECT_FALSE(db.exec("UPDATE audit_log SET actor = 'x'").ok());
  EXPECT_FALSE(db.exec("DELETE FROM audit_log").ok());
  for (const auto& route : api_->router().routes())
    if (route.pattern.starts_with("/api/v1/audit")) {
      EXPECT_EQ(route.method, "GET");
    }
}

TEST_F(ApiTest, ListsPageSortAndFilter) {
  std::string c = login("county");
  auto p1 =
      call("GET", "/api/v1/households?region=" + village_a_ + "&limit=2&offset=0&sort=number", c);
  auto p2 =
      call("GET", "/api/v1/households?region=" + village_a_ + "&limit=2&offset=2&sort=number", c);
  ASSERT_EQ(p1.status, 200);
  EXPECT_EQ(p1.body["items"].size(), 2u);
  EXPECT_EQ(p1.body["total"], p2.body["total"]);
  EXPECT_LT(p1.body["items"][1]["number"].get<std::string>(),
            p2.body["items"][0]["number"].get<std::string>());
  EXPECT_EQ(call("GET", "/api/v1/households?limit=5000", c).status, 400);
  EXPECT_EQ(call("GET", "/api/v1/households?region=12x", c).status, 400);
  auto poor = call("GET", "/api/v1/households?poverty_status=poor&limit=0", c);
  EXPECT_EQ(poor.body["total"], 112);
  EXPECT_EQ(call("GET", "/api/v1/persons?as_of=12/2/2020", c).status, 400);
  auto women = call("GET", "/api/v1/persons?sex=female&min_age=60&as_of=2020-02-12&limit=50", c);
  ASSERT_EQ(women.status, 200);
  for (auto& p : women.body["items"]) {
    EXPECT_EQ(p["sex"], "female");
    EXPECT_LE(p["birth_date"].get<std::string>(), "1960-02-12");
  }
  auto cadres = call("GET", "/api/v1/cadres?kind=paired&limit=0", c);
  EXPECT_EQ(cadres.body["total"], 47);
  auto teams = call("GET", "/api/v1/village_teams", c);
  EXPECT_GE(teams.body["total"], 1);
  auto pairings = call("GET", "/api/v1/pairings?current=true&limit=0", c);
  EXPECT_EQ(pairings.body["total"], 112);
  auto tree = call("GET", "/api/v1/regions?region=430281126&depth=1", c);
  ASSERT_EQ(tree.status, 200);
  EXPECT_EQ(tree.body["name"], "官庄镇");
  EXPECT_GT(tree.body["children"].size(), 3u);
}

// The registry's lists page consistently: pages of 3 put together are the
// whole list (same ids, same order) and every page tells the same total.
TEST_F(ApiTest, RegistryListsPageTogether) {
  std::string c = login("county");
  for (std::string path :
       {"/api/v1/persons?region=" + village_a_ + "&sort=-birth_date",
        std::string("/api/v1/cadres?sort=name"), std::string("/api/v1/village_teams?region=430281"),
        std::string("/api/v1/pairings?current=true")}) {
    auto all = call("GET", path + "&limit=1000", c);
    ASSERT_EQ(all.status, 200) << path;
    int64_t total = all.body["total"];
    ASSERT_GT(total, 0) << path;
    std::vector<int64_t> whole, paged;
    for (auto& x : all.body["items"]) whole.push_back(x["id"]);
    for (int64_t offset = 0; offset < total; offset += 3) {
      auto page = call("GET", path + "&limit=3&offset=" + std::to_string(offset), c);
      ASSERT_EQ(page.status, 200) << path;
      EXPECT_EQ(page.body["total"], total) << path;
      for (auto& x : page.body["items"]) paged.push_back(x["id"]);
    }
    EXPECT_EQ(paged, whole) << path;
  }
}

TEST_F(ApiTest, PairingsOneAtATime) {
  std::string c = login("county");
  auto hh = svc_->store->db().prepare(
      "SELECT household_id, cadre_id FROM pairing WHERE to_date IS NULL LIMIT 1");
  ASSERT_TRUE(hh.step());
  int64_t household = hh.i64(0), cadre = hh.i64(1);
  auto other = svc_->store->db().prepare(
      "SELECT cadre_id FROM cadre_kind WHERE kind = 'paired' AND cadre_id != ? LIMIT 1");
  other.bind(1, cadre);
  ASSERT_TRUE(other.step());
  json p = {{"cadre_id", other.i64(0)}, {"household_id", household}, {"from_date", "2020-02-01"}};
  auto clash = call("POST", "/api/v1/pairings", c, p);
  EXPECT_EQ(clash.status, 409);
  EXPECT_EQ(clash.body["code"], "household_id.already_paired");
  p["replace"] = true;
  auto ok = call("POST", "/api/v1/pairings", c, p);
  EXPECT_EQ(ok.status, 201) << ok.body.dump();
  auto current =
      call("GET", "/api/v1/pairings?current=true&household_id=" + std::to_string(household), c);
  ASSERT_EQ(current.body["total"], 1);
  EXPECT_EQ(current.body["items"][0]["cadre_id"], other.i64(0));
}

// A township officer naming another township's cadre in a write gets the
// same 404 as for a cadre that does not exist: before, a pairing answered
// 422 "干部<name>不是结对帮扶干部" (the name and kind of a cadre they may not
// see) or paired the household with them, and a team took them as member.
// A household of another township named in a body is refused as missing,
// and the error names the body's field (the web puts it next to that field).
TEST_F(ApiTest, AHouseholdOutsideTheJurisdictionIsRefusedAtItsField) {
  std::string t = login("town_a");
  std::string town = village_a_.substr(0, 9);
  auto hh = svc_->store->db().prepare(
      "SELECT id FROM household WHERE substr(region_code, 1, 9) != ? AND deleted_at IS NULL "
      "ORDER BY id LIMIT 1");
  hh.bind(1, town);
  ASSERT_TRUE(hh.step());
  const int64_t other = hh.i64(0);
  struct Case {
    const char* path;
    nlohmann::json body;
  };
  const std::vector<Case> cases = {
      {"/api/v1/pairings", {{"cadre_id", 1}, {"household_id", other}, {"from_date", "2020-02-01"}}},
      {"/api/v1/monitoring",
       {{"household_id", other}, {"trigger", "illness"}, {"on", "2020-02-01"}}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.path);
    auto r = call("POST", c.path, t, c.body);
    EXPECT_EQ(r.status, 404) << r.body.dump();
    ASSERT_TRUE(r.body.contains("errors")) << r.body.dump();
    EXPECT_EQ(r.body["errors"][0]["field"], "household_id") << r.body.dump();
    EXPECT_EQ(r.body["detail"], "户" + std::to_string(other) + "不存在或不在您的管辖范围内");
  }
}

TEST_F(ApiTest, WritesNamingACadreOutsideTheJurisdictionAre404) {
  std::string t = login("town_a");
  std::string town = village_a_.substr(0, 9);
  auto& db = svc_->store->db();
  auto pick = [&](const char* kind) {
    auto s = db.prepare(
        "SELECT c.id, c.name FROM cadre c JOIN cadre_kind k ON k.cadre_id = c.id AND k.kind = ? "
        "WHERE substr(c.region_code, 1, 9) != ? AND c.deleted_at IS NULL ORDER BY c.id LIMIT 1");
    s.bind(1, std::string(kind)).bind(2, town);
    EXPECT_TRUE(s.step()) << kind;
    return std::make_pair(s.i64(0), s.str(1));
  };
  auto [paired, paired_name] = pick("paired");
  auto [committee, committee_name] = pick("village_committee");
  auto hh = db.prepare(
      "SELECT id FROM household WHERE region_code LIKE ? || '%' AND deleted_at IS NULL AND id NOT "
      "IN "
      "(SELECT household_id FROM pairing WHERE to_date IS NULL AND deleted_at IS NULL) LIMIT 1");
  hh.bind(1, village_a_);
  ASSERT_TRUE(hh.step());
  int64_t household = hh.i64(0);
  auto count = [&](const char* table) {
    auto s = db.prepare(std::string("SELECT COUNT(*) FROM ") + table);
    s.step();
    return s.i64(0);
  };
  const int64_t pairings = count("pairing"), teams = count("village_team");
  auto missing =
      call("POST", "/api/v1/pairings", t,
           {{"cadre_id", 9999999}, {"household_id", household}, {"from_date", "2020-02-01"}});
  ASSERT_EQ(missing.status, 404);
  for (auto [id, name] :
       {std::make_pair(paired, paired_name), std::make_pair(committee, committee_name)}) {
    auto r = call("POST", "/api/v1/pairings", t,
                  {{"cadre_id", id}, {"household_id", household}, {"from_date", "2020-02-01"}});
    EXPECT_EQ(r.status, 404) << r.body.dump();
    EXPECT_EQ(r.body["code"], "cadre.not_found");
    EXPECT_EQ(r.body["errors"][0]["field"], "cadre_id");
    EXPECT_EQ(r.body["detail"], "干部" + std::to_string(id) + "不存在");
    EXPECT_EQ(r.body.dump().find(name), std::string::npos)
        << "the cadre's name leaked: " << r.body.dump();
    auto team = call(
        "POST", "/api/v1/village_teams", t,
        {{"village_code", village_a_}, {"from_date", "2020-02-01"}, {"member_cadre_ids", {id}}});
    EXPECT_EQ(team.status, 404) << team.body.dump();
    EXPECT_EQ(team.body["errors"][0]["field"], "member_cadre_ids[0]");
    auto led =
        call("POST", "/api/v1/village_teams", t,
             {{"village_code", village_a_}, {"from_date", "2020-02-01"}, {"leader_cadre_id", id}});
    EXPECT_EQ(led.status, 404) << led.body.dump();
  }
  EXPECT_EQ(count("pairing"), pairings);
  EXPECT_EQ(count("village_team"), teams);
  // The county administrator sees every cadre: the same pairing is made.
  auto ok = call("POST", "/api/v1/pairings", login("county"),
                 {{"cadre_id", paired}, {"household_id", household}, {"from_date", "2020-02-01"}});
  EXPECT_EQ(ok.status, 201) << ok.body.dump();
}

// A cadre on a village team in place cannot be deleted (as one still paired):
// before, the delete went through and every later edit of the team failed
// with 干部N不存在 (the member no longer existed), even ending the team.
TEST_F(ApiTest, ACadreOnATeamIsNotDeletedUnderIt) {
  std::string c = login("county");
  auto cadre =
      call("POST", "/api/v1/cadres", c,
           {{"name", "队员甲"}, {"region_code", village_a_}, {"kinds", {"village_stationed"}}});
  ASSERT_EQ(cadre.status, 201) << cadre.body.dump();
  const int64_t id = cadre.body["id"];
  auto team =
      call("POST", "/api/v1/village_teams", c,
           {{"village_code", village_a_}, {"from_date", "2020-02-01"}, {"member_cadre_ids", {id}}});
  ASSERT_EQ(team.status, 201) << team.body.dump();
  const std::string tpath =
      "/api/v1/village_teams/" + std::to_string(team.body["id"].get<int64_t>());
  auto refused = call("DELETE", "/api/v1/cadres/" + std::to_string(id) + "?version=1", c);
  EXPECT_EQ(refused.status, 409) << refused.body.dump();
  EXPECT_EQ(refused.body["code"], "cadre.in_team");
  EXPECT_NE(refused.body["detail"].get<std::string>().find("队员甲"), std::string::npos);
  EXPECT_EQ(call("GET", "/api/v1/cadres/" + std::to_string(id), c).status, 200);  // still there
  // Taken off the team, the cadre can go, and the team stays editable.
  auto off = call("PATCH", tpath + "?version=1", c, {{"member_cadre_ids", json::array()}});
  ASSERT_EQ(off.status, 200) << off.body.dump();
  EXPECT_EQ(call("DELETE", "/api/v1/cadres/" + std::to_string(id) + "?version=1", c).status, 204);
  auto ended = call("PATCH", tpath + "?version=2", c, {{"to_date", "2020-02-12"}});
  EXPECT_EQ(ended.status, 200) << ended.body.dump();
}

TEST_F(ApiTest, OpenApiDocumentsEveryRoute) {
  auto doc = call("GET", "/api/v1/openapi.json");
  ASSERT_EQ(doc.status, 200);
  EXPECT_EQ(doc.body["openapi"], "3.0.3");
  size_t n = 0;
  for (const auto& route : api_->router().routes()) {
    std::string m = route.method;
    for (auto& ch : m) ch = static_cast<char>(std::tolower(ch));
    ASSERT_TRUE(doc.body["paths"].contains(route.pattern)) << route.pattern;
    ASSERT_TRUE(doc.body["paths"][route.pattern].contains(m))
        << route.method << " " << route.pattern;
    auto& op = doc.body["paths"][route.pattern][m];
    EXPECT_FALSE(op["summary"].get<std::string>().empty()) << route.pattern;
    if (route.auth) {
      EXPECT_TRUE(op["responses"].contains("401")) << route.pattern;
    }
    for (auto& ref : {route.request_schema, route.response_schema}) {
      if (!ref.empty()) {
        EXPECT_TRUE(doc.body["components"]["schemas"].contains(ref)) << ref;
      }
    }
    ++n;
  }
  size_t documented = 0;
  for (auto& [path, ops] : doc.body["paths"].items()) documented += ops.size();
  EXPECT_EQ(documented, n);
  // The routes this suite and the web UI rely on are all there.
  for (const char* p :
       {"/api/v1/session", "/api/v1/regions", "/api/v1/households", "/api/v1/households/{id}",
        "/api/v1/persons", "/api/v1/persons/{id}/reveal", "/api/v1/cadres", "/api/v1/village_teams",
        "/api/v1/pairings", "/api/v1/audit", "/api/v1/accounts"})
    EXPECT_TRUE(doc.body["paths"].contains(p)) << p;
}

TEST_F(ApiTest, BulletinIsScopedAndMatchesTheRecords) {
  auto county = call("GET", "/api/v1/bulletin?date=2020-02-12", login("county"));
  ASSERT_EQ(county.status, 200) << county.body.dump();
  EXPECT_EQ(county.body["region"]["code"], "430281");
  EXPECT_EQ(county.body["epidemic"]["confirmed_total"], 8);
  EXPECT_EQ(county.body["poverty"]["registered_households"], 112);
  // A township officer gets their township's bulletin, whatever region is asked.
  auto town = call("GET", "/api/v1/bulletin?date=2020-02-12&region=430281", login("town_a"));
  ASSERT_EQ(town.status, 200);
  EXPECT_EQ(town.body["region"]["code"], village_a_.substr(0, 9));
  EXPECT_LE(town.body["poverty"]["registered_households"], 112);
  EXPECT_EQ(call("GET", "/api/v1/bulletin?date=12/02/2020", login("county")).status, 400);
  EXPECT_EQ(call("GET", "/api/v1/bulletin?date=2020-02-12", login("paired")).status, 403);
  EXPECT_EQ(call("GET", "/api/v1/bulletin?date=2020-02-12", login("auditor")).status, 403);
  // The figures follow the records: a new confirmed case on the 12th shows at once.
  auto& db = svc_->store->db();
  auto p = db.prepare(
      "SELECT id, region_code FROM person WHERE region_code >= ? AND region_code < ? LIMIT 1");
  p.bind(1, village_a_).bind(2, village_a_ + ":");
  ASSERT_TRUE(p.step());
  ASSERT_TRUE(db.prepare("INSERT INTO epi_case (person_id, region_code, state, suspected_on, "
                         "confirmed_on, created_at, "
                         "created_by, updated_at, updated_by) VALUES (?, ?, 'confirmed', "
                         "'2020-02-11', '2020-02-12', 'x', "
                         "'x', 'x', 'x')")
                  .bind(1, p.i64(0))
                  .bind(2, p.str(1))
                  .exec()
                  .ok());
  auto after = call("GET", "/api/v1/bulletin?date=2020-02-12", login("county"));
  EXPECT_EQ(after.body["epidemic"]["confirmed_new"], 1);
  EXPECT_EQ(after.body["epidemic"]["confirmed_total"], 9);
  EXPECT_EQ(after.body["epidemic"]["days_without_new_case"], 0);
  auto before = call("GET", "/api/v1/bulletin?date=2020-02-11", login("county"));
  EXPECT_EQ(before.body["epidemic"]["confirmed_total"], 8);
  ASSERT_TRUE(db.exec("DELETE FROM epi_case WHERE confirmed_on = '2020-02-12'").ok());
}

// The server's I/O threads answer point reads themselves (Api::handle_quick)
// only while the session cache vouches for the token: the same answer as a
// worker gives, scope included; a logout or a disabled account takes effect
// at the very next request; anything else goes to a worker (nullopt).
TEST_F(ApiTest, QuickReadsAnswerLikeWorkersAndSeeLogoutAndDisableAtOnce) {
  auto added = svc_->auth->add_account({"quick_a", "quick_a", "village_cadre", village_a_},
                                       kPassword, Actor{"cli", "", ""});
  ASSERT_TRUE(added.ok()) << added.error().describe();
  auto quick = [&](const std::string& method, const std::string& path, const std::string& token) {
    HttpRequest r;
    r.method = method;
    r.path = path;
    if (!token.empty()) r.headers["authorization"] = "Bearer " + token;
    r.remote = "127.0.0.1";
    return api_->handle_quick(r, *svc_);
  };
  const std::string mine = "/api/v1/households/" + std::to_string(first_household(village_a_));
  const std::string theirs = "/api/v1/households/" + std::to_string(first_household(village_b_));
  auto signin = [&] {
    auto r = call("POST", "/api/v1/session", "", {{"login", "quick_a"}, {"password", kPassword}});
    EXPECT_EQ(r.status, 200);
    return r.body.value("token", "");
  };
  std::string token = signin();
  EXPECT_FALSE(quick("GET", mine, token)) << "a session not yet validated goes to a worker";
  auto full = call("GET", mine, token);
  ASSERT_EQ(full.status, 200);
  auto q = quick("GET", mine, token);
  ASSERT_TRUE(q);
  EXPECT_EQ(q->status, 200);
  EXPECT_EQ(q->body, full.raw.body);
  auto other = quick("GET", theirs, token);
  ASSERT_TRUE(other);
  EXPECT_EQ(other->status, 404) << "scope holds on the quick path";
  EXPECT_FALSE(quick("GET", "/api/v1/households", token)) << "lists are not quick";
  EXPECT_FALSE(quick("PATCH", mine, token));
  EXPECT_FALSE(quick("GET", mine, ""));
  EXPECT_FALSE(quick("GET", mine, "not-a-token"));

  // Logout: the next request of that token is refused, quick or not.
  EXPECT_EQ(call("DELETE", "/api/v1/session", token).status, 204);
  EXPECT_FALSE(quick("GET", mine, token));
  EXPECT_EQ(call("GET", mine, token).status, 401);

  // Disabling the account through the API ends its cached sessions at once.
  token = signin();
  ASSERT_EQ(call("GET", mine, token).status, 200);
  ASSERT_TRUE(quick("GET", mine, token));
  auto dis = call("PATCH", "/api/v1/accounts/" + std::to_string(added->id), login("sysadmin"),
                  {{"disabled", true}});
  ASSERT_EQ(dis.status, 200) << dis.body.dump();
  EXPECT_FALSE(quick("GET", mine, token));
  EXPECT_EQ(call("GET", mine, token).status, 401);
}

TEST_F(ApiTest, UnknownPathsAndMethods) {
  EXPECT_EQ(call("GET", "/api/v1/nothing-here", login("county")).status, 404);
  EXPECT_EQ(call("PUT", "/api/v1/households", login("county")).status, 405);
  EXPECT_EQ(call("GET", "/api/v1/households/abc", login("county")).status, 404);
}

}  // namespace
}  // namespace lz::http

namespace lz::http {
namespace {

// Search in Traditional Chinese finds the Simplified names (OpenCC t2s):
// a person named 陈… is found by 陳…, in the person and household lists.
TEST_F(ApiTest, TraditionalSearchFindsSimplifiedNames) {
  auto s = svc_->store->db().prepare(
      "SELECT name, household_id FROM person WHERE (name LIKE '陈%' OR name LIKE '张%' OR name "
      "LIKE '刘%') AND "
      "deleted_at IS NULL ORDER BY id LIMIT 1");
  ASSERT_TRUE(s.step());
  std::string name = s.str(0);
  int64_t hid = s.i64(1);
  std::string trad = name;
  for (auto [simp, tr] : {std::pair{"陈", "陳"}, std::pair{"张", "張"}, std::pair{"刘", "劉"}})
    if (trad.starts_with(simp)) trad = std::string(tr) + trad.substr(std::string(simp).size());
  ASSERT_NE(trad, name);
  auto url = [](const std::string& q) {
    std::string out;
    for (unsigned char ch : q) out += fmt::format("%{:02X}", ch);
    return out;
  };
  auto persons = call("GET", "/api/v1/persons?limit=1000&q=" + url(trad), login("county"));
  ASSERT_EQ(persons.status, 200) << persons.body.dump();
  bool found = false;
  for (const auto& p : persons.body["items"]) found |= p["name"] == name;
  EXPECT_TRUE(found) << trad << " did not find " << name;
  auto households = call("GET", "/api/v1/households?limit=1000&q=" + url(trad), login("county"));
  ASSERT_EQ(households.status, 200);
  bool hfound = false;
  for (const auto& h : households.body["items"]) hfound |= h["id"] == hid;
  EXPECT_TRUE(hfound);
  // And a name that is the same in both scripts is still found as before.
  auto plain = call("GET", "/api/v1/persons?limit=1000&q=" + url(name), login("county"));
  EXPECT_EQ(plain.body["total"], persons.body["total"]);
}

}  // namespace
}  // namespace lz::http

namespace lz::http {
namespace {

// Door plates: the QR code (SVG) and the printable page, scoped like the household.
TEST_F(ApiTest, DoorPlateAndQrCodeAreScopedAndCarryNoIdNumbers) {
  int64_t hid = first_household(village_a_);
  std::string base = "/api/v1/households/" + std::to_string(hid);
  auto qr =
      call("GET", base + "/qr.svg", login("cadre_a"), nullptr, {{"host", "county.example:8080"}});
  ASSERT_EQ(qr.status, 200);
  EXPECT_EQ(qr.raw.content_type, "image/svg+xml");
  EXPECT_TRUE(qr.raw.body.starts_with("<svg")) << qr.raw.body.substr(0, 80);
  EXPECT_NE(qr.raw.body.find("<path d=\"M"), std::string::npos);
  // Another address gives another code; the same address the same code.
  auto again =
      call("GET", base + "/qr.svg", login("cadre_a"), nullptr, {{"host", "county.example:8080"}});
  EXPECT_EQ(again.raw.body, qr.raw.body);
  auto other = call("GET", base + "/qr.svg", login("cadre_a"), nullptr, {{"host", "10.0.0.9"}});
  EXPECT_NE(other.raw.body, qr.raw.body);

  auto plate = call("GET", base + "/door-plate", login("cadre_a"));
  ASSERT_EQ(plate.status, 200);
  EXPECT_EQ(plate.raw.content_type, "text/html; charset=utf-8");
  auto h = call("GET", base, login("county"));
  ASSERT_EQ(h.status, 200);
  EXPECT_NE(plate.raw.body.find(h.body["number"].get<std::string>()), std::string::npos);
  EXPECT_NE(plate.raw.body.find("<svg"), std::string::npos);
  auto s = svc_->store->db().prepare("SELECT id_number FROM person WHERE household_id = ?");
  s.bind(1, hid);
  while (s.step())
    EXPECT_EQ(plate.raw.body.find(s.str(0)), std::string::npos)
        << "a full ID number is on the plate";

  // Village B's cadre: 404 for village A's household; no token: 401.
  EXPECT_EQ(call("GET", base + "/door-plate", login("cadre_b")).status, 404);
  EXPECT_EQ(call("GET", base + "/qr.svg", login("cadre_b")).status, 404);
  EXPECT_EQ(call("GET", base + "/qr.svg").status, 401);
}

// The household body as the nlohmann tree gives it (the code before
// write_household_json, kept as the reference): to_json, region_name, masking, dump().
std::string tree_text(const Household& h, const Scope& scope) {
  json j = to_json(h);
  j["region_name"] = RegionTree::liling().full_name(h.region_code);
  mask_household(j, scope);
  return j.dump();
}

std::string writer_text(const Household& h, const Scope& scope, bool* ok = nullptr) {
  std::string out;
  bool good = write_household_json(h, RegionTree::liling().full_name(h.region_code), scope, out);
  if (ok) *ok = good;
  return out;
}

// Every scope that may read households: phones masked (village, township) or not.
std::vector<Scope> reading_scopes(const std::string& village) {
  return {scope_for(Role::kCountyAdmin, "430281", {}, "430281"),
          scope_for(Role::kTownshipOfficer, village.substr(0, 9), {}, "430281"),
          scope_for(Role::kVillageCadre, village, {}, "430281"),
          scope_for(Role::kPairedCadre, "", 7, "430281")};
}

TEST_F(ApiTest, HouseholdWriterMatchesTheJsonTreeForEveryDemoHousehold) {
  auto s =
      svc_->store->db().prepare("SELECT id FROM household WHERE deleted_at IS NULL ORDER BY id");
  std::vector<int64_t> ids;
  while (s.step()) ids.push_back(s.i64(0));
  ASSERT_GT(ids.size(), 1000u);
  bool masked_phone = false, full_phone = false, several = false;
  for (int64_t id : ids) {
    auto h = svc_->store->household(id);
    ASSERT_TRUE(h.ok()) << id;
    several |= h->members.size() > 3;
    for (const Scope& sc : reading_scopes(h->region_code.substr(0, 12))) {
      bool ok = false;
      std::string text = writer_text(*h, sc, &ok);
      ASSERT_TRUE(ok) << id;
      ASSERT_EQ(text, tree_text(*h, sc)) << "household " << id << " full_phone " << sc.full_phone;
      (sc.full_phone ? full_phone : masked_phone) |= !h->phone.empty();
    }
  }
  EXPECT_TRUE(masked_phone && full_phone && several);
}

// Every field kind: no head, a member without household, empty and odd
// phones, ID numbers that are not 18 characters, Traditional and 4-byte
// characters, quotes, backslashes, every control character, DEL, extreme numbers.
TEST_F(ApiTest, HouseholdWriterEscapesEveryFieldKindLikeTheJsonTree) {
  std::string controls;
  for (int c = 0; c < 0x20; ++c) controls += static_cast<char>(c);
  Household h;
  h.id = INT64_MAX;
  h.number = "43028112\"0218\\003";
  h.region_code = "430281120218003";
  h.address =
      "醴陵市 \"長午\"新村 3組\\31號 " + controls + "\x7f 𠀀😀 \xef\xbf\xbf \xf4\x8f\xbf\xbf";
  h.phone = "0731-23456789";
  h.meta = {-1, "2020-02-12T08:00:00Z", "de\"mo", "", "\t"};
  Person a;
  a.id = INT64_MIN;
  a.household_id = h.id;
  a.name = "張三豐\n";
  a.id_number = "43028119640815041X";
  a.sex = "male";
  a.birth_date = *Date::from_ymd(1964, 8, 15);
  a.relationship = "01";
  a.phone = "18912340818";
  a.region_code = h.region_code;
  Person b = a;
  b.household_id.reset();
  b.id = 0;
  b.name = "";
  b.id_number = "4302811964";
  b.phone = "123";
  b.education = "\\\\";
  Person c = b;
  c.id_number = "";
  c.phone = "";
  c.labour = std::string("a\0b", 3);
  h.members = {a, b, c};
  for (int with_head = 0; with_head < 2; ++with_head) {
    if (with_head) h.head_person_id = 0;
    for (const Scope& sc : reading_scopes("430281120218")) {
      bool ok = false;
      EXPECT_EQ(writer_text(h, sc, &ok), tree_text(h, sc));
      EXPECT_TRUE(ok);
    }
  }
  h.members.clear();
  h.phone = "";
  for (const Scope& sc : reading_scopes("430281120218"))
    EXPECT_EQ(writer_text(h, sc), tree_text(h, sc));
  // The escapes themselves, spelled out (not only "the same as nlohmann").
  Household e;
  e.address = std::string("\"\\/\b\f\n\r\t\x01\x1f\x7f", 11);
  EXPECT_NE(writer_text(e, reading_scopes("430281120218")[0])
                .find(R"("address":"\"\\/\b\f\n\r\t\u0001\u001f)"
                      "\x7f\""),
            std::string::npos);
}

// Text that is not UTF-8: dump() throws (the API answers 500), so the writer
// reports it instead of writing something different; the API's answer stays a 500.
TEST_F(ApiTest, HouseholdWriterRefusesBadUtf8LikeTheJsonTree) {
  const Scope county = scope_for(Role::kCountyAdmin, "430281", {}, "430281");
  for (const std::string bad :
       {"\x80", "a\xc0\xaf", "\xc1\xbf", "\xe0\x80\x80", "\xed\xa0\x80", "\xf4\x90\x80\x80",
        "\xf5\x80\x80\x80", "\xe6\x9d", "\xf0\x9f\x98", "\xff", "\xc3(", "\xe6(\xbe"}) {
    Household h;
    h.address = "x" + bad + "y";
    bool ok = true;
    writer_text(h, county, &ok);
    EXPECT_FALSE(ok) << json(h.number).dump() << " " << bad.size();
    EXPECT_THROW(tree_text(h, county), json::type_error);
  }
  // Through the API: the same 500 as before, and the household unchanged.
  int64_t id = first_household(village_a_);
  auto before = svc_->store->household(id);
  ASSERT_TRUE(before.ok());
  auto set = [&](const std::string& address) {
    ASSERT_TRUE(svc_->store->db()
                    .prepare("UPDATE household SET address = ? WHERE id = ?")
                    .bind(1, address)
                    .bind(2, id)
                    .exec()
                    .ok());
  };
  set("坏\xe6\x9d");
  EXPECT_EQ(call("GET", "/api/v1/households/" + std::to_string(id), login("county")).status, 500);
  set(before->address);
  EXPECT_EQ(call("GET", "/api/v1/households/" + std::to_string(id), login("county")).status, 200);
}

// The API's answers (worker and quick path) are the reference text, with the version as ETag,
// also after an address with quotes, a backslash and a tab was saved through the API.
TEST_F(ApiTest, HouseholdReadAnswersTheReferenceTextWithItsEtag) {
  int64_t id = first_household(village_b_);
  const std::string path = "/api/v1/households/" + std::to_string(id);
  auto h = svc_->store->household(id);
  ASSERT_TRUE(h.ok());
  auto patched =
      call("PATCH", path, login("county"),
           {{"address", "\"红旗\"路\\12号\t" + h->address}, {"version", h->meta.version}});
  ASSERT_EQ(patched.status, 200) << patched.body.dump();
  h = svc_->store->household(id);
  ASSERT_TRUE(h.ok());
  EXPECT_NE(h->address.find('"'), std::string::npos);
  for (const char* who : {"county", "cadre_b"}) {
    auto r = call("GET", path, login(who));
    ASSERT_EQ(r.status, 200) << who;
    EXPECT_EQ(
        r.raw.body,
        tree_text(*h,
                  scope_for(std::string(who) == "county" ? Role::kCountyAdmin : Role::kVillageCadre,
                            std::string(who) == "county" ? "430281" : village_b_, {}, "430281")))
        << who;
    ASSERT_EQ(r.raw.headers.size(), 1u);
    EXPECT_EQ(r.raw.headers[0].first, "ETag");
    EXPECT_EQ(r.raw.headers[0].second, "\"" + std::to_string(h->meta.version) + "\"");
    EXPECT_EQ(r.raw.content_type, "application/json; charset=utf-8");
    HttpRequest q;
    q.method = "GET";
    q.path = path;
    q.headers["authorization"] = "Bearer " + login(who);
    q.remote = "127.0.0.1";
    auto quick = api_->handle_quick(q, *svc_);
    ASSERT_TRUE(quick);
    EXPECT_EQ(quick->body, r.raw.body);
  }
  EXPECT_EQ(patched.raw.body, call("GET", path, login("county")).raw.body);
}

// The point read refills one Household per thread: households read one
// after the other (big, small, without members, missing) leave nothing of each other behind.
TEST_F(ApiTest, HouseholdReadsOneAfterAnotherLeaveNothingBehind) {
  auto& db = svc_->store->db();
  auto pick = [&](const char* sql) {
    auto s = db.prepare(sql);
    EXPECT_TRUE(s.step()) << sql;
    return s.i64(0);
  };
  int64_t big = pick(
      "SELECT household_id FROM person WHERE deleted_at IS NULL GROUP BY household_id "
      "ORDER BY COUNT(*) DESC, household_id LIMIT 1");
  int64_t small = pick(
      "SELECT household_id FROM person WHERE deleted_at IS NULL GROUP BY household_id "
      "ORDER BY COUNT(*), household_id LIMIT 1");
  auto created = call("POST", "/api/v1/households", login("county"),
                      {{"number", "430281999999000001"},
                       {"region_code", village_a_},
                       {"address", "空户"},
                       {"members", json::array()}});
  ASSERT_EQ(created.status, 201) << created.body.dump();
  int64_t empty = created.body["id"].get<int64_t>();
  const Scope county = scope_for(Role::kCountyAdmin, "430281", {}, "430281");
  Household reused;
  for (int64_t id : {big, small, big, empty, big, int64_t{999999999}, small}) {
    auto fresh = svc_->store->household(id);
    auto st = svc_->store->household_into(id, reused);
    auto r = call("GET", "/api/v1/households/" + std::to_string(id), login("county"));
    if (id == 999999999) {
      EXPECT_FALSE(fresh.ok());
      EXPECT_FALSE(st.ok());
      EXPECT_EQ(r.status, 404);
      continue;
    }
    ASSERT_TRUE(fresh.ok() && st.ok()) << id;
    EXPECT_EQ(audit_text(reused), audit_text(*fresh)) << id;
    EXPECT_EQ(reused.members.size(), fresh->members.size());
    ASSERT_EQ(r.status, 200) << id;
    EXPECT_EQ(r.raw.body, tree_text(*fresh, county)) << id;
  }
  EXPECT_GT(svc_->store->household(big)->members.size(), 3u);
  EXPECT_TRUE(svc_->store->household(empty)->members.empty());
}

}  // namespace
}  // namespace lz::http
