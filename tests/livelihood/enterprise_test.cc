// Work resumption (复工复产): the credit code, the checklist rule table, the
// application's state machine, fever referral to the epidemic front (and
// nothing written when a batch is refused), the bulletin's enterprises_resumed
// on hand-made data, and the API on a small demo county: an enterprise
// account sees and writes only its own enterprise.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "../http/api_fixture.h"
#include "core/id_number.h"
#include "demo/county_generator.h"
#include "http/api.h"
#include "http/services.h"
#include "livelihood/enterprise.h"
#include "livelihood/resumption.h"
#include "store/sqlite/sqlite_livelihood.h"

namespace lz {
namespace {

using namespace lz::livelihood;
using nlohmann::json;

const Date kFeb12 = *Date::from_ymd(2020, 2, 12);

// ---------------------------------------------------------------- credit code

TEST(CreditCode, ValidatesTheCheckCharacterOfGb32100) {
  auto ok = parse_credit_code("91350100M000100Y43");
  ASSERT_TRUE(ok.ok()) << ok.error().describe();
  EXPECT_EQ(*ok, "91350100M000100Y43");
  EXPECT_EQ(*parse_credit_code(" 91350100m000100y43 "), "91350100M000100Y43");  // typed loosely
  EXPECT_EQ(parse_credit_code("91350100M000100Y44").error().code, "credit_code.check");
  EXPECT_NE(parse_credit_code("91350100M000100Y44").error().message_zh.find("“3”"),
            std::string::npos);
  EXPECT_EQ(parse_credit_code("91350100M000100Y4").error().code, "credit_code.length");
  EXPECT_EQ(parse_credit_code("91350100M0001O0Y43").error().code, "credit_code.char");  // letter O
  EXPECT_EQ(parse_credit_code("913501A0M000100Y43").error().code, "credit_code.division");
}

// ---------------------------------------------------------------- checklist rules

Checklist complete_for(int64_t workers) {
  Checklist c;
  c.masks = 14 * workers;
  c.thermometers = (workers + 49) / 50;
  c.disinfectant_ml = 5000;
  c.entry_checks = c.disinfection = c.separate_meals = true;
  return c;
}

TEST(Checklist, RuleTable) {
  struct Case {
    const char* name;
    std::function<void(Checklist&, Workforce&)> change;
    std::vector<ChecklistItem> missing;
  };
  const std::vector<Case> cases = {
      {"complete", [](Checklist&, Workforce&) {}, {}},
      {"one mask short", [](Checklist& c, Workforce&) { c.masks -= 1; }, {ChecklistItem::kMasks}},
      {"no thermometer",
       [](Checklist& c, Workforce&) { c.thermometers = 0; },
       {ChecklistItem::kThermometers}},
      {"51 workers need 2 thermometers",
       [](Checklist& c, Workforce& w) {
         w = {51, 51};
         c.masks = 14 * 51;
       },
       {ChecklistItem::kThermometers}},
      {"4.999 L disinfectant",
       [](Checklist& c, Workforce&) { c.disinfectant_ml = 4999; },
       {ChecklistItem::kDisinfectant}},
      {"no entry checks",
       [](Checklist& c, Workforce&) { c.entry_checks = false; },
       {ChecklistItem::kEntryChecks}},
      {"no disinfection",
       [](Checklist& c, Workforce&) { c.disinfection = false; },
       {ChecklistItem::kDisinfection}},
      {"shared meals",
       [](Checklist& c, Workforce&) { c.separate_meals = false; },
       {ChecklistItem::kSeparateMeals}},
      {"a worker undeclared",
       [](Checklist&, Workforce& w) { w.declared = w.workers - 1; },
       {ChecklistItem::kWorkersHealth}},
      {"no workers at all",
       [](Checklist&, Workforce& w) {
         w = {0, 0};
       },
       {ChecklistItem::kWorkersHealth}},
      {"nothing done",
       [](Checklist& c, Workforce& w) {
         c = Checklist{};
         w.declared = 0;
       },
       {ChecklistItem::kMasks, ChecklistItem::kThermometers, ChecklistItem::kDisinfectant,
        ChecklistItem::kEntryChecks, ChecklistItem::kDisinfection, ChecklistItem::kSeparateMeals,
        ChecklistItem::kWorkersHealth}},
  };
  for (const auto& tc : cases) {
    Checklist c = complete_for(20);
    Workforce w{20, 20};
    tc.change(c, w);
    auto got = missing_items(c, w);
    std::vector<ChecklistItem> items;
    for (const auto& m : got) items.push_back(m.item);
    EXPECT_EQ(items, tc.missing) << tc.name;
  }
}

// ---------------------------------------------------------------- state machine

TEST(Resumption, StateMachine) {
  Resumption r;
  r.enterprise_id = 1;
  Workforce w{20, 20};
  // Incomplete: submission refused, every missing item named.
  auto early = submit(r, w, kFeb12, "base_hr");
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().code, "resumption.incomplete");
  EXPECT_EQ(early.error().details.size(), 6u);  // all but the workers' health
  EXPECT_EQ(early.error().details[0].field, "checklist.masks");
  EXPECT_NE(early.error().message_zh.find("口罩"), std::string::npos);
  EXPECT_NE(early.error().message_en.find("separate meals"), std::string::npos);

  auto filled = edit_checklist(r, complete_for(20));
  ASSERT_TRUE(filled.ok());
  EXPECT_EQ(approve(*filled, w, kFeb12, "officer", "").error().code,
            "resumption.state");  // not submitted
  auto sent = submit(*filled, w, kFeb12, "base_hr");
  ASSERT_TRUE(sent.ok()) << sent.error().describe();
  EXPECT_EQ(sent->state, ResumptionState::kSubmitted);
  EXPECT_EQ(edit_checklist(*sent, Checklist{}).error().code,
            "resumption.state");  // locked while submitted
  EXPECT_EQ(return_for_changes(*sent, "  ", kFeb12, "officer").error().code,
            "resumption.reason_required");
  auto back = return_for_changes(*sent, "分餐不到位", kFeb12, "officer");
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->state, ResumptionState::kReturned);
  EXPECT_EQ(back->return_reason, "分餐不到位");
  auto again = submit(*back, w, kFeb12, "base_hr");
  ASSERT_TRUE(again.ok());
  // A worker added since the submission, not yet declared: approval refused,
  // naming both what it now lacks (masks for 21, the declaration).
  auto refused = approve(*again, Workforce{21, 20}, kFeb12, "officer", "");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "resumption.incomplete");
  ASSERT_EQ(refused.error().details.size(), 2u);
  EXPECT_EQ(refused.error().details[0].field, "checklist.masks");
  EXPECT_EQ(refused.error().details[1].field, "checklist.workers_health");
  EXPECT_EQ(refused.error().details[1].code, "resumption.missing.workers_health");
  EXPECT_NE(refused.error().message_zh.find("21名职工中还有1名未作健康申报"), std::string::npos)
      << refused.error().message_zh;
  auto ok = approve(*again, w, kFeb12, "officer", "同意");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->state, ResumptionState::kApproved);
  EXPECT_EQ(ok->approved_on, kFeb12);
  EXPECT_EQ(ok->steps.size(), 4u);  // submitted, returned, submitted, approved
  // Approved is final.
  EXPECT_FALSE(submit(*ok, w, kFeb12, "base_hr").ok());
  EXPECT_FALSE(return_for_changes(*ok, "x", kFeb12, "officer").ok());
  EXPECT_FALSE(edit_checklist(*ok, Checklist{}).ok());
}

TEST(Temperatures, BatchValidation) {
  TemperatureBatch b{1, kFeb12, {{1, 365, {}, ""}, {2, 450, {}, ""}, {1, 366, {}, ""}}};
  auto st = validate_batch(b, kFeb12);
  ASSERT_FALSE(st.ok());
  ASSERT_EQ(st.error().details.size(), 2u);
  EXPECT_EQ(st.error().details[0].field, "readings[1].temperature");
  EXPECT_EQ(st.error().details[1].field, "readings[2].worker_id");
  EXPECT_TRUE(needs_referral({1, 373, {}, ""}, 373));
  EXPECT_FALSE(needs_referral({1, 372, {}, ""}, 373));
  EXPECT_TRUE(needs_referral({1, 365, {"cough"}, ""}, 373));
}

// ---------------------------------------------------------------- store and services

std::string id_number(int seq) {
  return IdNumber::make("430281", *Date::from_ymd(1985, 3, 1 + seq % 28), 100 + seq).str();
}

class EnterpriseStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ =
        (std::filesystem::temp_directory_path() / ("lz_ent_" + std::to_string(::getpid()) + ".db"))
            .string();
    for (const char* suf : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suf);
    auto svc = http::Services::open(path_);
    ASSERT_TRUE(svc.ok());
    svc_ = std::move(svc).value();
    ASSERT_TRUE(svc_->store->set_meta("demo.as_of", "2020-02-12").ok());
  }
  void TearDown() override {
    svc_.reset();
    for (const char* suf : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suf);
  }
  int64_t count(const std::string& sql) {
    auto s = svc_->store->db().prepare(sql);
    s.step();
    return s.i64(0);
  }
  int64_t make_enterprise(const std::string& region, const std::string& code) {
    Enterprise e;
    e.name = "测试企业" + code.substr(10);
    e.credit_code = code;
    e.region_code = region;
    auto r = svc_->enterprise->create(e, actor_);
    EXPECT_TRUE(r.ok()) << r.error().describe();
    return r.ok() ? r->id : 0;
  }
  std::string code(const std::string& body17) { return body17 + *credit_code_check(body17); }
  std::string path_;
  std::unique_ptr<http::Services> svc_;
  Actor actor_{"tester", "127.0.0.1", "township_officer"};
};

TEST_F(EnterpriseStoreTest, FeverRefersTheWorkerAsAKeyPersonInTheSameTransaction) {
  int64_t e = make_enterprise("430281134215", code("91430281MA4L12345"));
  std::vector<int64_t> workers;
  for (int i = 0; i < 3; ++i) {
    Worker w;
    w.enterprise_id = e;
    w.name = "职工" + std::to_string(i);
    w.id_number = id_number(i);
    auto r = svc_->enterprise->add_worker(w, actor_);
    ASSERT_TRUE(r.ok()) << r.error().describe();
    workers.push_back(r->w.id);
  }
  int64_t audits = count("SELECT COUNT(*) FROM audit_log");
  TemperatureBatch b{
      e,
      kFeb12,
      {{workers[0], 365, {}, ""}, {workers[1], 381, {}, ""}, {workers[2], 366, {"干咳"}, ""}}};
  auto res = svc_->enterprise->report_temperatures(b, actor_);
  ASSERT_TRUE(res.ok()) << res.error().describe();
  ASSERT_EQ(res->reactions.key_persons.size(), 2u);  // the fever and the cough
  EXPECT_FALSE(res->readings[0].key_person_id);
  ASSERT_TRUE(res->readings[1].key_person_id);
  auto s = svc_->store->db().prepare(
      "SELECT category, source, temperature_tenths, source_ref, region_code FROM key_person WHERE "
      "id = ?");
  s.bind(1, *res->readings[1].key_person_id);
  ASSERT_TRUE(s.step());
  EXPECT_EQ(s.str(0), "fever");
  EXPECT_EQ(s.str(1), "enterprise");
  EXPECT_EQ(s.i64(2), 381);
  EXPECT_EQ(s.str(3), "livelihood.temperature:" + std::to_string(res->readings[1].id));
  EXPECT_EQ(s.str(4), "430281134215");
  EXPECT_GT(count("SELECT COUNT(*) FROM audit_log"), audits);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'enterprise.temperatures'"), 1);

  // The same day again for one of them: 409, and nothing written (no reading, no key person).
  int64_t readings = count("SELECT COUNT(*) FROM worker_temperature");
  int64_t keys = count("SELECT COUNT(*) FROM key_person");
  int64_t persons = count("SELECT COUNT(*) FROM person");
  Worker late;
  late.enterprise_id = e;
  late.name = "新职工";
  late.id_number = id_number(9);
  auto lw = svc_->enterprise->add_worker(late, actor_);
  ASSERT_TRUE(lw.ok());
  TemperatureBatch dup{e, kFeb12, {{lw->w.id, 390, {}, ""}, {workers[0], 365, {}, ""}}};
  auto refused = svc_->enterprise->report_temperatures(dup, actor_);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "temperature.duplicate");
  EXPECT_EQ(refused.error().field, "readings[1].worker_id");
  EXPECT_EQ(refused.error().kind, ErrorKind::kConflict);
  EXPECT_EQ(count("SELECT COUNT(*) FROM worker_temperature"), readings);
  EXPECT_EQ(count("SELECT COUNT(*) FROM key_person"), keys);
  EXPECT_EQ(count("SELECT COUNT(*) FROM person"), persons + 0);

  // A second fever on another day: already a fever key person, so not listed twice (said in
  // skipped).
  TemperatureBatch next{e, kFeb12.plus_days(-1), {{workers[1], 380, {}, ""}}};
  auto again = svc_->enterprise->report_temperatures(next, actor_);
  ASSERT_TRUE(again.ok()) << again.error().describe();
  EXPECT_TRUE(again->reactions.key_persons.empty());
  ASSERT_EQ(again->reactions.skipped.size(), 1u);
  EXPECT_EQ(again->reactions.skipped[0].code, "key_person.duplicate");
}

TEST_F(EnterpriseStoreTest, BulletinCountsApprovalsOnOrBeforeTheDayInTheRegion) {
  auto approve_on = [&](int64_t e, const char* day) {
    auto& db = svc_->store->db();
    ASSERT_TRUE(
        db.prepare(
              "UPDATE resumption SET state = 'approved', approved_on = ? WHERE enterprise_id = ?")
            .bind(1, day)
            .bind(2, e)
            .exec()
            .ok());
  };
  int64_t a = make_enterprise("430281134215", code("91430281MA4L00001"));
  int64_t b = make_enterprise("430281134", code("91430281MA4L00002"));
  int64_t c = make_enterprise("430281102", code("91430281MA4L00003"));
  make_enterprise("430281102", code("91430281MA4L00004"));  // a draft: never counted
  approve_on(a, "2020-02-05");
  approve_on(b, "2020-02-10");
  approve_on(c, "2020-02-07");
  auto fig = [&](const char* day, const std::string& prefix) {
    livelihood::LivelihoodFigures f;
    EXPECT_TRUE(
        sqlite::fill_enterprise_figures(svc_->store->db(), *Date::parse_iso(day), prefix, f).ok());
    return f.enterprises_resumed;
  };
  EXPECT_EQ(fig("2020-02-04", ""), 0);
  EXPECT_EQ(fig("2020-02-05", ""), 1);
  EXPECT_EQ(fig("2020-02-07", ""), 2);
  EXPECT_EQ(fig("2020-02-12", ""), 3);
  EXPECT_EQ(fig("2020-02-12", "430281134"), 2);
  EXPECT_EQ(fig("2020-02-09", "430281134"), 1);
  EXPECT_EQ(fig("2020-02-12", "430281134215"), 1);
  EXPECT_EQ(fig("2020-02-12", "430281102"), 1);
  // The query uses the index.
  auto plan = svc_->store->db().prepare(
      "EXPLAIN QUERY PLAN SELECT COUNT(*) FROM resumption WHERE approved_on IS NOT NULL AND "
      "approved_on <= ? AND "
      "region_code >= ? AND region_code < ?");
  std::string detail;
  while (plan.step()) detail += plan.str(3);
  EXPECT_NE(detail.find("resumption_approved"), std::string::npos) << detail;
}

TEST_F(EnterpriseStoreTest, DuplicateCreditCodeAndWorkerAreConflicts) {
  make_enterprise("430281134215", code("91430281MA4L00009"));
  Enterprise e;
  e.name = "另一家";
  e.credit_code = code("91430281MA4L00009");
  e.region_code = "430281134";
  auto dup = svc_->enterprise->create(e, actor_);
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().code, "enterprise.duplicate");
  e.credit_code = "91430281MA4L000090";
  e.name = "";
  auto bad = svc_->enterprise->create(e, actor_);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().details.size(), 2u);  // name and check character, at once
}

// ---------------------------------------------------------------- the API on a demo county

class EnterpriseApiTest : public http::ApiFixture<EnterpriseApiTest> {
 protected:
  static void SetUpTestSuite() {
    ASSERT_NO_FATAL_FAILURE(open_county("lz_ent_api_", 11));
    auto& db = svc_->store->db();
    auto s =
        db.prepare("SELECT id, region_code FROM enterprise WHERE name = '吉泰农牧礼品果蔬基地'");
    ASSERT_TRUE(s.step());
    base_ = s.i64(0);
    base_region_ = s.str(1);
    auto o = db.prepare(
        "SELECT id FROM enterprise WHERE region_code NOT LIKE '430281134%' ORDER BY id LIMIT 1");
    ASSERT_TRUE(o.step());
    other_ = o.i64(0);
    add_account("county", "county_admin", "430281");
    add_account("chashan", "township_officer", "430281134");
    add_account("other_town", "township_officer", "430281102");
    add_account("base_hr", "enterprise", "", {.enterprise_id = base_});
  }
  static void TearDownTestSuite() { close_county(); }
  static inline std::string base_region_;
  static inline int64_t base_ = 0, other_ = 0;
};

TEST_F(EnterpriseApiTest, DemoCountyHasTheSeedsEnterprisesAndTheirReports) {
  auto r = call("GET", "/api/v1/enterprises/" + std::to_string(base_), "county");
  ASSERT_EQ(r.status, 200) << r.body.dump();
  EXPECT_EQ(r.body["resumption"]["state"], "approved");
  EXPECT_EQ(r.body["resumption"]["workers"], 20);
  EXPECT_TRUE(base_region_.starts_with("430281134"));
  auto list = call("GET", "/api/v1/enterprises?q=" + std::string("吉泰"), "county");
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.body["total"], 2);
  for (const char* st : {"approved", "submitted", "returned"}) {
    auto l = call("GET", std::string("/api/v1/enterprises?state=") + st, "county");
    EXPECT_GT(l.body["total"].get<int>(), 0) << st;
  }
  auto temps =
      call("GET", "/api/v1/enterprises/" + std::to_string(base_) + "/temperatures?date=2020-02-11",
           "chashan");
  ASSERT_EQ(temps.status, 200) << temps.body.dump();
  EXPECT_EQ(temps.body["readings"].size(), 20u);
  auto bulletin = call("GET", "/api/v1/bulletin?date=2020-02-12", "county");
  ASSERT_EQ(bulletin.status, 200) << bulletin.body.dump();
  EXPECT_GT(bulletin.body["livelihood"]["enterprises_resumed"].get<int>(), 2)
      << bulletin.body["livelihood"].dump();
}

TEST_F(EnterpriseApiTest, AnEnterpriseAccountSeesAndWritesOnlyItself) {
  auto list = call("GET", "/api/v1/enterprises", "base_hr");
  ASSERT_EQ(list.status, 200) << list.body.dump();
  ASSERT_EQ(list.body["total"], 1);
  EXPECT_EQ(list.body["items"][0]["id"], base_);
  EXPECT_EQ(call("GET", "/api/v1/enterprises/" + std::to_string(base_), "base_hr").status, 200);
  EXPECT_EQ(call("GET", "/api/v1/enterprises/" + std::to_string(other_), "base_hr").status, 404);
  EXPECT_EQ(
      call("GET", "/api/v1/enterprises/" + std::to_string(other_) + "/workers", "base_hr").status,
      404);
  EXPECT_EQ(
      call("POST", "/api/v1/enterprises/" + std::to_string(other_) + "/temperatures", "base_hr",
           {{"readings", json::array({{{"worker_id", 1}, {"temperature", 36.5}}})}})
          .status,
      404);
  // Its own workers, ID numbers masked; a poor household member shows their household.
  auto ws = call("GET", "/api/v1/enterprises/" + std::to_string(base_) + "/workers", "base_hr");
  ASSERT_EQ(ws.status, 200);
  EXPECT_EQ(ws.body["total"], 20);
  EXPECT_NE(ws.body["items"][0]["id_number"].get<std::string>().find("****"), std::string::npos);
  EXPECT_FALSE(ws.body["items"][0]["person_id"].is_null());
  // No decisions, no registering enterprises, no supplies.
  EXPECT_EQ(call("POST", "/api/v1/enterprises/" + std::to_string(base_) + "/resumption/approve",
                 "base_hr", json::object())
                .status,
            403);
  EXPECT_EQ(call("POST", "/api/v1/enterprises", "base_hr", {{"name", "x"}}).status, 403);
  EXPECT_EQ(call("GET", "/api/v1/depots", "base_hr").status, 403);
  EXPECT_EQ(call("PATCH", "/api/v1/enterprises/" + std::to_string(base_), "base_hr",
                 {{"region_code", "430281102"}, {"version", 1}})
                .status,
            403);
  // Another township's officer does not see it either.
  EXPECT_EQ(call("GET", "/api/v1/enterprises/" + std::to_string(base_), "other_town").status, 404);
}

TEST_F(EnterpriseApiTest, ResumptionFlowThroughTheApi) {
  // The township registers an enterprise.
  std::string body17 = "91430281MA4T0001X";
  json in = {{"name", "醴陵市茶山测试瓷业有限公司"},
             {"credit_code", body17 + *credit_code_check(body17)},
             {"kind", "poverty_workshop"},
             {"region_code", "430281134"},
             {"contact_name", "李四"},
             {"contact_phone", "13800000000"}};
  auto bad = in;
  bad["credit_code"] = body17 + (*credit_code_check(body17) == '0' ? "1" : "0");
  auto refused = call("POST", "/api/v1/enterprises", "chashan", bad, "en");
  EXPECT_EQ(refused.status, 422) << refused.body.dump();
  EXPECT_NE(refused.body.dump().find("credit_code"), std::string::npos);
  EXPECT_EQ(call("POST", "/api/v1/enterprises", "other_town", in).status,
            422);  // outside their township
  auto made = call("POST", "/api/v1/enterprises", "chashan", in);
  ASSERT_EQ(made.status, 201) << made.body.dump();
  std::string e = std::to_string(made.body["id"].get<int64_t>());
  EXPECT_EQ(call("POST", "/api/v1/enterprises", "chashan", in).status, 409);

  // Submitting an empty checklist names every missing item.
  auto early =
      call("POST", "/api/v1/enterprises/" + e + "/resumption/submit", "chashan", json::object());
  ASSERT_EQ(early.status, 422) << early.body.dump();
  EXPECT_EQ(early.body["code"], "resumption.incomplete");
  EXPECT_EQ(early.body["errors"].size(), 7u);

  // Workers (one linked to the registry), declarations, checklist.
  auto s = svc_->store->db().prepare(
      "SELECT p.id_number, p.name FROM person p JOIN poverty_household ph ON ph.household_id = "
      "p.household_id "
      "WHERE ph.status = 'registered_poor' ORDER BY p.id LIMIT 1");
  ASSERT_TRUE(s.step());
  auto w1 = call("POST", "/api/v1/enterprises/" + e + "/workers", "chashan",
                 {{"name", s.str(1)}, {"id_number", s.str(0)}});
  ASSERT_EQ(w1.status, 201) << w1.body.dump();
  EXPECT_EQ(w1.body["poverty_status"], "registered_poor");
  EXPECT_FALSE(w1.body["household_id"].is_null());
  auto jobs = call(
      "GET",
      "/api/v1/enterprise-workers?person_id=" + std::to_string(w1.body["person_id"].get<int64_t>()),
      "chashan");
  ASSERT_EQ(jobs.status, 200) << jobs.body.dump();
  bool found = false;
  for (const auto& j : jobs.body["items"]) found = found || j["enterprise_id"] == made.body["id"];
  EXPECT_TRUE(found) << jobs.body.dump();
  auto w2 = call(
      "POST", "/api/v1/enterprises/" + e + "/workers", "chashan",
      {{"name", "外来工"}, {"id_number", id_number(77)}, {"health_declared_on", "2020-02-10"}});
  ASSERT_EQ(w2.status, 201) << w2.body.dump();
  EXPECT_TRUE(w2.body["person_id"].is_null());
  auto cl = call("PUT", "/api/v1/enterprises/" + e + "/resumption/checklist", "chashan",
                 {{"masks", 28},
                  {"thermometers", 1},
                  {"disinfectant_litres", 5.5},
                  {"entry_checks", true},
                  {"disinfection", true},
                  {"separate_meals", true}});
  ASSERT_EQ(cl.status, 200) << cl.body.dump();
  ASSERT_EQ(cl.body["missing"].size(), 1u);
  EXPECT_EQ(cl.body["missing"][0]["item"], "workers_health");
  // A third worker, undeclared, leaves: no longer counted.
  auto w3 = call("POST", "/api/v1/enterprises/" + e + "/workers", "chashan",
                 {{"name", "临时工"}, {"id_number", id_number(78)}});
  ASSERT_EQ(w3.status, 201) << w3.body.dump();
  auto left =
      call("PATCH",
           "/api/v1/enterprises/" + e + "/workers/" + std::to_string(w3.body["id"].get<int64_t>()),
           "chashan", {{"active", false}});
  ASSERT_EQ(left.status, 200) << left.body.dump();
  EXPECT_EQ(left.body["active"], false);
  auto decl = call("POST",
                   "/api/v1/enterprises/" + e + "/workers/" +
                       std::to_string(w1.body["id"].get<int64_t>()) + "/health-declaration",
                   "chashan", json::object());
  ASSERT_EQ(decl.status, 200) << decl.body.dump();
  auto sent =
      call("POST", "/api/v1/enterprises/" + e + "/resumption/submit", "chashan", json::object());
  ASSERT_EQ(sent.status, 200) << sent.body.dump();
  EXPECT_EQ(sent.body["state"], "submitted");
  auto noreason =
      call("POST", "/api/v1/enterprises/" + e + "/resumption/return", "chashan", json::object());
  EXPECT_EQ(noreason.status, 422);
  auto back = call("POST", "/api/v1/enterprises/" + e + "/resumption/return", "chashan",
                   {{"reason", "请补充分餐方案"}});
  ASSERT_EQ(back.status, 200) << back.body.dump();
  EXPECT_EQ(back.body["state"], "returned");
  ASSERT_EQ(
      call("POST", "/api/v1/enterprises/" + e + "/resumption/submit", "chashan", json::object())
          .status,
      200);
  auto ok = call("POST", "/api/v1/enterprises/" + e + "/resumption/approve", "county",
                 {{"note", "同意"}});
  ASSERT_EQ(ok.status, 200) << ok.body.dump();
  EXPECT_EQ(ok.body["state"], "approved");
  EXPECT_EQ(ok.body["approved_on"], "2020-02-12");
  EXPECT_EQ(
      call("POST", "/api/v1/enterprises/" + e + "/resumption/approve", "county", json::object())
          .status,
      409);

  // Temperatures: a fever is referred, the response says so.
  json batch = {{"on", "2020-02-12"},
                {"readings",
                 {{{"worker_id", w1.body["id"]}, {"temperature", 36.6}},
                  {{"worker_id", w2.body["id"]}, {"temperature", 37.5}}}}};
  auto rep = call("POST", "/api/v1/enterprises/" + e + "/temperatures", "chashan", batch);
  ASSERT_EQ(rep.status, 201) << rep.body.dump();
  EXPECT_EQ(rep.body["referred"], 1);
  ASSERT_EQ(rep.body["reactions"]["key_persons"].size(), 1u);
  EXPECT_EQ(rep.body["readings"][1]["fever"], true);
  int64_t kp = rep.body["reactions"]["key_persons"][0];
  auto key = call("GET", "/api/v1/key-persons/" + std::to_string(kp), "county");
  ASSERT_EQ(key.status, 200) << key.body.dump();
  EXPECT_EQ(key.body["source"], "enterprise");
  EXPECT_EQ(key.body["category"], "fever");
  auto dup = call("POST", "/api/v1/enterprises/" + e + "/temperatures", "chashan", batch, "en");
  EXPECT_EQ(dup.status, 409) << dup.body.dump();
  EXPECT_NE(dup.body["detail"].get<std::string>().find("already has a reading"), std::string::npos)
      << dup.body.dump();
}

TEST_F(EnterpriseApiTest, OpenApiDocumentsTheLivelihoodRoutesAndTheirSchemas) {
  auto doc = call("GET", "/api/v1/openapi.json", "");
  ASSERT_EQ(doc.status, 200);
  int n = 0;
  for (const auto& route : api_->router().routes()) {
    if (route.tag != "livelihood") continue;
    std::string m = route.method;
    for (auto& ch : m) ch = static_cast<char>(std::tolower(ch));
    ASSERT_TRUE(doc.body["paths"].contains(route.pattern)) << route.pattern;
    EXPECT_TRUE(doc.body["paths"][route.pattern].contains(m))
        << route.method << " " << route.pattern;
    for (const auto& ref : {route.request_schema, route.response_schema}) {
      if (!ref.empty()) {
        EXPECT_TRUE(doc.body["components"]["schemas"].contains(ref)) << route.pattern << ": " << ref;
      }
    }
    ++n;
  }
  EXPECT_GE(n, 30);
}

}  // namespace
}  // namespace lz
