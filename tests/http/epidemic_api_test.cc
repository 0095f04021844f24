// The epidemic front through the API on a small demo county (whose "today" is
// its demo date, 2020-02-12): key persons linked to the registry, the case
// lifecycle with its reactions on the poverty front, observation and daily
// follow-up, contacts and chains, phone-screening campaigns, checkpoints and
// their staff, and who sees what.
#include <gtest/gtest.h>

#include <array>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include <sqlite3.h>

#include "api_fixture.h"
#include "demo/county_generator.h"
#include "http/api.h"
#include "http/services.h"

namespace lz::http {
namespace {

using nlohmann::json;

class EpidemicApiTest : public ApiFixture<EpidemicApiTest> {
 protected:
  static void SetUpTestSuite() {
    ASSERT_NO_FATAL_FAILURE(open_county("lz_epi_api_", 7));
    auto& db = svc_->store->db();
    // Two members of one lifted household with a paired cadre.
    auto s = db.prepare(
        "SELECT h.id, h.region_code, pr.cadre_id FROM household h JOIN poverty_household ph ON "
        "ph.household_id = h.id "
        "JOIN pairing pr ON pr.household_id = h.id AND pr.to_date IS NULL WHERE ph.status = "
        "'lifted' AND (SELECT "
        "COUNT(*) FROM person p WHERE p.household_id = h.id) >= 3 AND NOT EXISTS (SELECT 1 FROM "
        "key_person k JOIN "
        "person p ON p.id = k.person_id WHERE p.household_id = h.id) ORDER BY h.id LIMIT 1");
    ASSERT_TRUE(s.step());
    lifted_ = s.i64(0);
    region_ = s.str(1);
    cadre_ = s.i64(2);
    auto m =
        db.prepare("SELECT id, id_number, name FROM person WHERE household_id = ? ORDER BY id");
    m.bind(1, lifted_);
    while (m.step()) members_.push_back({m.i64(0), m.str(1), m.str(2)});
    ASSERT_GE(members_.size(), 3u);
    // A household of another township.
    auto o = db.prepare(
        "SELECT h.id, h.region_code FROM household h WHERE substr(h.region_code, 1, 9) != ? AND "
        "NOT EXISTS (SELECT 1 "
        "FROM key_person k JOIN person p ON p.id = k.person_id WHERE p.household_id = h.id) ORDER "
        "BY h.id LIMIT 1");
    o.bind(1, region_.substr(0, 9));
    ASSERT_TRUE(o.step());
    other_region_ = o.str(1);
    auto op = db.prepare("SELECT id FROM person WHERE household_id = ? ORDER BY id LIMIT 1");
    op.bind(1, o.i64(0));
    ASSERT_TRUE(op.step());
    other_person_ = op.i64(0);
    Actor cli{"cli", "", ""};
    // Two checkpoints of the lifted household's township.
    epidemic::Checkpoint a{0,   "测试卡点甲", "G106", region_.substr(0, 9), region_.substr(0, 9),
                           true};
    epidemic::Checkpoint b{0,   "测试卡点乙", "S211", region_.substr(0, 9), region_.substr(0, 9),
                           true};
    checkpoint_a_ = svc_->epidemic_store->add_checkpoint(a, cli)->id;
    checkpoint_b_ = svc_->epidemic_store->add_checkpoint(b, cli)->id;
    add_account("county", "county_admin", "430281");
    add_account("officer", "township_officer", region_.substr(0, 9));
    add_account("other_officer", "township_officer", other_region_.substr(0, 9));
    add_account("villager", "village_cadre", region_.substr(0, 12));
    add_account("mine", "paired_cadre", "", {.cadre_id = cadre_});
    add_account("gate", "checkpoint_staff", "", {.checkpoint_id = checkpoint_a_});
  }
  static void TearDownTestSuite() { close_county(); }
  int64_t audit_count(const std::string& action) {
    auto s = svc_->store->db().prepare("SELECT COUNT(*) FROM audit_log WHERE action = ?");
    s.bind(1, action);
    s.step();
    return s.i64(0);
  }

  struct Member {
    int64_t id;
    std::string id_number, name;
  };
  static inline std::string region_, other_region_;
  static inline int64_t lifted_ = 0, cadre_ = 0, other_person_ = 0, checkpoint_a_ = 0,
                        checkpoint_b_ = 0;
  static inline std::vector<Member> members_;
};

// ---------------------------------------------------------------- key persons

TEST_F(EpidemicApiTest, KeyPersonIsLinkedToTheRegistryPersonByIdNumber) {
  const Member& m = members_[0];
  json in = {{"id_number", m.id_number},
             {"name", m.name},
             {"category", "hubei_returnee"},
             {"source", "self_report"},
             {"added_on", "2020-01-25"},
             {"travel",
              {{"arrived_on", "2020-01-22"}, {"from_place", "湖北省武汉市"}, {"mode", "train"}}}};
  auto r = call("POST", "/api/v1/key-persons", "villager", in);
  ASSERT_EQ(r.status, 201) << r.body.dump();
  EXPECT_EQ(r.body["person_id"], m.id);
  EXPECT_EQ(r.body["person_created"], false);
  EXPECT_EQ(r.body["region_code"], region_);
  EXPECT_EQ(r.body["travel"]["from_place"], "湖北省武汉市");
  EXPECT_NE(r.body["person"]["id_number"].get<std::string>(), m.id_number);  // masked
  EXPECT_GE(audit_count("key_person.create"), 1);

  // The same person in the same category again: refused, naming the first listing.
  auto dup = call("POST", "/api/v1/key-persons", "villager", in);
  EXPECT_EQ(dup.status, 409) << dup.body.dump();
  EXPECT_NE(dup.body["detail"].get<std::string>().find("2020-01-25"), std::string::npos)
      << dup.body.dump();

  // The ID number of one person with another's name: refused.
  json wrong = in;
  wrong["name"] = "张冒名";
  wrong["category"] = "fever";
  EXPECT_EQ(call("POST", "/api/v1/key-persons", "villager", wrong).status, 409);

  // Listed: in the village's list, not in another township's.
  auto mine = call("GET", "/api/v1/key-persons?person_id=" + std::to_string(m.id), "villager");
  ASSERT_EQ(mine.status, 200);
  EXPECT_EQ(mine.body["total"], 1);
  auto theirs =
      call("GET", "/api/v1/key-persons?person_id=" + std::to_string(m.id), "other_officer");
  ASSERT_EQ(theirs.status, 200);
  EXPECT_EQ(theirs.body["total"], 0);
  int64_t kid = r.body["id"];
  EXPECT_EQ(call("GET", "/api/v1/key-persons/" + std::to_string(kid), "other_officer").status, 404);
  EXPECT_EQ(call("GET", "/api/v1/key-persons/" + std::to_string(kid), "officer").status, 200);
}

TEST_F(EpidemicApiTest, KeyPersonFromOutsideTheRegistryCreatesAPerson) {
  json in = {{"id_number", "420106199003151234"},
             {"name", "武汉客"},
             {"region_code", region_.substr(0, 12)},
             {"category", "fever"},
             {"source", "checkpoint"},
             {"added_on", "2020-02-10"},
             {"temperature", 38.1}};
  // 420106199003151234 may not carry a valid check character: compute one that does.
  static const int w[] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  std::string body = "42010619900315123";
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += (body[i] - '0') * w[i];
  in["id_number"] = body + "10X98765432"[sum % 11];
  auto r = call("POST", "/api/v1/key-persons", "villager", in);
  ASSERT_EQ(r.status, 201) << r.body.dump();
  EXPECT_EQ(r.body["person_created"], true);
  EXPECT_EQ(r.body["temperature"], 38.1);
  EXPECT_TRUE(r.body["person"]["household_id"].is_null());
  EXPECT_GE(audit_count("person.create_outside"), 1);
}

TEST_F(EpidemicApiTest, KeyPersonValidationNamesTheField) {
  json returnee = {
      {"person_id", members_[1].id}, {"category", "hubei_returnee"}, {"added_on", "2020-02-01"}};
  auto r = call("POST", "/api/v1/key-persons", "villager", returnee);
  EXPECT_EQ(r.status, 422) << r.body.dump();
  EXPECT_NE(r.body.dump().find("travel"), std::string::npos) << r.body.dump();
  auto cat = call("POST", "/api/v1/key-persons", "villager",
                  {{"person_id", members_[1].id}, {"category", "zombie"}});
  EXPECT_EQ(cat.status, 422);
  EXPECT_NE(cat.body.dump().find("category"), std::string::npos);
  auto future =
      call("POST", "/api/v1/key-persons", "villager",
           {{"person_id", members_[1].id}, {"category", "fever"}, {"added_on", "2020-03-01"}});
  EXPECT_EQ(future.status, 422) << future.body.dump();
  // A person of another township: out of the village cadre's reach.
  auto far =
      call("POST", "/api/v1/key-persons", "villager",
           {{"person_id", other_person_}, {"category", "fever"}, {"added_on", "2020-02-10"}});
  EXPECT_EQ(far.status, 404);
  // English on request.
  auto en = call("POST", "/api/v1/key-persons", "villager", returnee, "en");
  EXPECT_EQ(en.body["errors"][0]["field"], "travel") << en.body.dump();
  EXPECT_NE(en.body["detail"].get<std::string>().find("Hubei"), std::string::npos)
      << en.body.dump();
}

// ---------------------------------------------------------------- cases

TEST_F(EpidemicApiTest, CaseLifecycleWithReactionsOnThePovertyFront) {
  const Member& m = members_[2];
  auto open = call("POST", "/api/v1/cases", "officer",
                   {{"person_id", m.id},
                    {"status", "suspected"},
                    {"on", "2020-02-03"},
                    {"place", "市人民医院发热门诊"}});
  ASSERT_EQ(open.status, 201) << open.body.dump();
  int64_t id = open.body["id"];
  EXPECT_EQ(open.body["status"], "suspected");
  EXPECT_EQ(open.body["reactions"]["key_persons"].size(), 1u);  // listed as suspected
  std::string url = "/api/v1/cases/" + std::to_string(id) + "/steps";

  // Village cadres do not manage cases.
  EXPECT_EQ(
      call("POST", url, "villager", {{"status", "confirmed"}, {"on", "2020-02-05"}, {"version", 1}})
          .status,
      403);
  // Stale version.
  EXPECT_EQ(call("POST", url, "officer",
                 {{"status", "confirmed"}, {"on", "2020-02-05"}, {"place", "x"}, {"version", 9}})
                .status,
            409);
  // A step dated before the previous one.
  auto early =
      call("POST", url, "officer",
           {{"status", "confirmed"}, {"on", "2020-02-01"}, {"place", "x"}, {"version", 1}});
  EXPECT_EQ(early.status, 422) << early.body.dump();

  auto conf = call(
      "POST", url, "officer",
      {{"status", "confirmed"}, {"on", "2020-02-05"}, {"place", "市传染病医院"}, {"version", 1}});
  ASSERT_EQ(conf.status, 200) << conf.body.dump();
  EXPECT_EQ(conf.body["status"], "confirmed");
  EXPECT_EQ(conf.body["version"], 2);
  // The member of a lifted household is confirmed: relapse monitoring opens at once.
  ASSERT_EQ(conf.body["reactions"]["risk_cases"].size(), 1u) << conf.body.dump();
  auto risks = call("GET", "/api/v1/monitoring?household_id=" + std::to_string(lifted_), "county");
  ASSERT_EQ(risks.status, 200) << risks.body.dump();
  bool infection = false;
  for (const auto& r : risks.body["items"]) infection |= r["trigger"] == "epidemic_infection";
  EXPECT_TRUE(infection) << risks.body.dump();

  // Discharged is final: back to confirmed is refused with both states named.
  auto dis = call(
      "POST", url, "officer",
      {{"status", "discharged"}, {"on", "2020-02-11"}, {"place", "市传染病医院"}, {"version", 2}});
  ASSERT_EQ(dis.status, 200) << dis.body.dump();
  auto back = call("POST", url, "officer",
                   {{"status", "confirmed"}, {"on", "2020-02-12"}, {"place", "x"}, {"version", 3}});
  EXPECT_EQ(back.status, 409) << back.body.dump();
  EXPECT_EQ(back.body["code"], "case.invalid_transition");

  auto got = call("GET", "/api/v1/cases/" + std::to_string(id), "county");
  ASSERT_EQ(got.status, 200);
  ASSERT_EQ(got.body["steps"].size(), 3u);
  EXPECT_EQ(got.body["steps"][1]["place"], "市传染病医院");
  EXPECT_EQ(call("GET", "/api/v1/cases/" + std::to_string(id), "other_officer").status, 404);
  EXPECT_EQ(call("GET", "/api/v1/cases/" + std::to_string(id), "mine").status, 403);
}

// ---------------------------------------------------------------- observation

TEST_F(EpidemicApiTest, ObservationFollowUpsExtensionAndRelease) {
  const Member& m = members_[1];
  auto plan = call("POST", "/api/v1/observations", "villager",
                   {{"person_id", m.id},
                    {"kind", "home"},
                    {"last_exposure", "2020-02-08"},
                    {"start", "2020-02-09"},
                    {"basis", "同车返乡"},
                    {"cadre_id", cadre_}});
  ASSERT_EQ(plan.status, 201) << plan.body.dump();
  int64_t id = plan.body["id"];
  EXPECT_EQ(plan.body["planned_end"], "2020-02-22");  // 14 days after the last exposure
  EXPECT_EQ(plan.body["last_day"], "2020-02-21");
  // A member of a lifted household quarantined: monitoring on the poverty front (or already open).
  EXPECT_EQ(plan.body["reactions"]["risk_cases"].size() + plan.body["reactions"]["skipped"].size(),
            1u);
  // Only one running observation per person.
  EXPECT_EQ(call("POST", "/api/v1/observations", "villager",
                 {{"person_id", m.id}, {"last_exposure", "2020-02-10"}, {"start", "2020-02-10"}})
                .status,
            409);
  // A centralised observation needs its site and room.
  auto central = call(
      "POST", "/api/v1/observations", "villager",
      {{"person_id", members_[0].id}, {"kind", "centralized"}, {"last_exposure", "2020-02-10"}});
  EXPECT_EQ(central.status, 422);

  std::string fu = "/api/v1/observations/" + std::to_string(id) + "/follow-ups";
  auto ok = call("POST", fu, "mine",
                 {{"day", "2020-02-10"}, {"temperature", 36.6}, {"at", "2020-02-10T09:00"}});
  ASSERT_EQ(ok.status, 201) << ok.body.dump();
  EXPECT_TRUE(ok.body["alert"].is_null());
  auto fever = call("POST", fu, "mine",
                    {{"day", "2020-02-11"},
                     {"temperature", "37.3℃"},
                     {"symptoms", {"cough"}},
                     {"at", "2020-02-11T09:00"}});
  ASSERT_EQ(fever.status, 201) << fever.body.dump();
  ASSERT_TRUE(fever.body["alert"].is_object());
  EXPECT_EQ(fever.body["alert"]["fever"], true);
  EXPECT_EQ(call("POST", fu, "mine",
                 {{"day", "2020-02-11"}, {"temperature", 36.5}, {"at", "2020-02-11T10:00"}})
                .status,
            409);
  EXPECT_EQ(call("POST", fu, "mine", {{"day", "2020-02-13"}, {"temperature", 36.5}}).status,
            422);  // future
  EXPECT_EQ(call("POST", fu, "mine", {{"day", "2020-02-12"}, {"temperature", 51}}).status,
            422);  // implausible

  // 2020-02-09 was never followed up: overdue on the 12th, on the paired cadre's list and the
  // village tally.
  auto due = call("GET", "/api/v1/follow-ups/due?date=2020-02-12", "mine");
  ASSERT_EQ(due.status, 200) << due.body.dump();
  std::set<std::string> states;
  for (const auto& it : due.body["items"])
    if (it["observation_id"] == id)
      states.insert(it["day"].get<std::string>() + ":" + it["state"].get<std::string>());
  EXPECT_TRUE(states.count("2020-02-09:overdue")) << due.body.dump();
  EXPECT_TRUE(states.count("2020-02-12:due")) << due.body.dump();
  auto tally = call("GET", "/api/v1/follow-ups/overdue?date=2020-02-12&by=cadre", "officer");
  ASSERT_EQ(tally.status, 200);
  bool found = false;
  for (const auto& t : tally.body["items"])
    found |= t["cadre_id"] == cadre_ && t["overdue"].get<int>() >= 1;
  EXPECT_TRUE(found) << tally.body.dump();
  // A follow-up given without its time is stamped on the county's today (the demo
  // county lives on 2020-02-12), not on the wall clock's date.
  auto now = call("POST", fu, "mine", {{"day", "2020-02-12"}, {"temperature", 36.4}});
  ASSERT_EQ(now.status, 201) << now.body.dump();
  EXPECT_TRUE(now.body["at"].get<std::string>().starts_with("2020-02-12T")) << now.body.dump();

  auto one = call("GET", "/api/v1/observations/" + std::to_string(id), "mine");
  ASSERT_EQ(one.status, 200);
  EXPECT_EQ(one.body["schedule"].size(), 13u);  // 09 .. 21
  EXPECT_EQ(one.body["schedule"][0]["state"], "overdue");
  EXPECT_EQ(one.body["schedule"][2]["alert"], true);

  // A contact with a confirmed case on the 11th extends the observation to the 25th.
  auto cs = call("POST", "/api/v1/cases", "officer",
                 {{"person_id", members_[0].id},
                  {"status", "confirmed"},
                  {"on", "2020-02-11"},
                  {"place", "市传染病医院"}});
  ASSERT_EQ(cs.status, 201) << cs.body.dump();
  auto ct = call("POST", "/api/v1/contacts", "villager",
                 {{"person_a", members_[0].id},
                  {"person_b", m.id},
                  {"on", "2020-02-11"},
                  {"setting", "household"}});
  ASSERT_EQ(ct.status, 201) << ct.body.dump();
  ASSERT_EQ(ct.body["reactions"]["observations_extended"].size(), 1u) << ct.body.dump();
  auto ext = call("GET", "/api/v1/observations/" + std::to_string(id), "county");
  EXPECT_EQ(ext.body["planned_end"], "2020-02-25");
  EXPECT_EQ(ext.body["extensions"].size(), 1u);
  int64_t version = ext.body["version"];

  // Release before the planned end needs a reason; with one it is done; a second release is
  // refused.
  std::string rel = "/api/v1/observations/" + std::to_string(id) + "/release";
  EXPECT_EQ(call("POST", rel, "villager", {{"on", "2020-02-12"}, {"version", version}}).status,
            422);
  EXPECT_EQ(call("POST", rel, "mine", {{"on", "2020-02-12"}, {"reason", "x"}, {"version", version}})
                .status,
            403);
  auto done = call("POST", rel, "villager",
                   {{"on", "2020-02-12"}, {"reason", "转为确诊病例住院"}, {"version", version}});
  ASSERT_EQ(done.status, 200) << done.body.dump();
  EXPECT_EQ(done.body["released_on"], "2020-02-12");
  EXPECT_EQ(call("POST", rel, "villager",
                 {{"on", "2020-02-12"}, {"reason", "x"}, {"version", version + 1}})
                .status,
            409);
}

TEST_F(EpidemicApiTest, ChainFromACaseReachesContactsOfContacts) {
  // other_person_ (another township) -- members_[0] is wired by the case test; build our own chain
  // here.
  const Member& a = members_[0];
  const Member& b = members_[1];
  auto cs = call("GET", "/api/v1/cases?person_id=" + std::to_string(a.id), "county");
  int64_t case_id = 0;
  if (cs.body["total"] == 0) {
    auto open = call(
        "POST", "/api/v1/cases", "county",
        {{"person_id", a.id}, {"status", "confirmed"}, {"on", "2020-02-11"}, {"place", "医院"}});
    ASSERT_EQ(open.status, 201) << open.body.dump();
    case_id = open.body["id"];
  } else {
    case_id = cs.body["items"][0]["id"];
  }
  ASSERT_EQ(call("POST", "/api/v1/contacts", "county",
                 {{"person_a", a.id}, {"person_b", b.id}, {"on", "2020-02-10"}})
                .status,
            201);
  ASSERT_EQ(call("POST", "/api/v1/contacts", "county",
                 {{"person_a", b.id},
                  {"person_b", other_person_},
                  {"on", "2020-02-10"},
                  {"setting", "meal"}})
                .status,
            201);
  auto chain = call("GET", "/api/v1/cases/" + std::to_string(case_id) + "/chain?depth=2", "county");
  ASSERT_EQ(chain.status, 200) << chain.body.dump();
  int hops_of_other = -1;
  for (const auto& r : chain.body["reached"])
    if (r["person"]["id"] == other_person_) hops_of_other = r["hops"];
  EXPECT_EQ(hops_of_other, 2) << chain.body.dump();
  auto one = call("GET", "/api/v1/cases/" + std::to_string(case_id) + "/chain?depth=1", "county");
  for (const auto& r : one.body["reached"]) EXPECT_NE(r["person"]["id"], other_person_);
  // The township officer sees the case, and the person of another township only as a link.
  auto officer =
      call("GET", "/api/v1/cases/" + std::to_string(case_id) + "/chain?depth=2", "officer");
  ASSERT_EQ(officer.status, 200);
  for (const auto& r : officer.body["reached"])
    if (r["person"]["id"] == other_person_) {
      EXPECT_EQ(r["person"]["outside"], true);
    }
  // Self-contact refused.
  EXPECT_EQ(call("POST", "/api/v1/contacts", "county",
                 {{"person_a", a.id}, {"person_b", a.id}, {"on", "2020-02-10"}})
                .status,
            422);
}

// ---------------------------------------------------------------- campaigns

TEST_F(EpidemicApiTest, CampaignCallListsOutcomesAndCoverage) {
  std::string village = region_.substr(0, 12);
  auto c = call("POST", "/api/v1/campaigns", "officer",
                {{"name", "第二轮电话排查"},
                 {"region_code", village},
                 {"start_on", "2020-02-10"},
                 {"end_on", "2020-02-14"}});
  ASSERT_EQ(c.status, 201) << c.body.dump();
  int64_t id = c.body["id"];
  int64_t households = c.body["coverage"]["total"]["households"];
  EXPECT_GT(households, 0);
  EXPECT_EQ(c.body["coverage"]["total"]["reached"], 0);
  EXPECT_EQ(call("POST", "/api/v1/campaigns", "villager",
                 {{"name", "x"},
                  {"region_code", village},
                  {"start_on", "2020-02-10"},
                  {"end_on", "2020-02-14"}})
                .status,
            403);

  // The poor household is on its paired cadre's list.
  auto mine = call("GET", "/api/v1/campaigns/" + std::to_string(id) + "/calls", "mine");
  ASSERT_EQ(mine.status, 200) << mine.body.dump();
  bool listed = false;
  for (const auto& row : mine.body["items"]) {
    EXPECT_EQ(row["cadre_id"], cadre_);
    listed |= row["household_id"] == lifted_;
  }
  EXPECT_TRUE(listed);
  auto all =
      call("GET", "/api/v1/campaigns/" + std::to_string(id) + "/calls?limit=1000", "villager");
  EXPECT_EQ(all.body["total"], households);

  // The outcome: reached, unsold produce: monitoring on the poverty front for the lifted household.
  std::string url = "/api/v1/campaigns/" + std::to_string(id) + "/calls/" + std::to_string(lifted_);
  auto bad = call(
      "POST", url, "mine",
      {{"result", "unreachable"}, {"at", "2020-02-11T10:00"}, {"needs", {{{"kind", "food"}}}}});
  EXPECT_EQ(bad.status, 422) << bad.body.dump();
  auto out = call("POST", url, "mine",
                  {{"result", "reached"},
                   {"at", "2020-02-11T10:00"},
                   {"needs", {{{"kind", "produce_unsold"}, {"note", "白菜2000斤"}}}},
                   {"symptomatic", {{{"person_id", members_[1].id}, {"temperature", 37.8}}}}});
  ASSERT_EQ(out.status, 201) << out.body.dump();
  EXPECT_EQ(out.body["reactions"]["risk_cases"].size() + out.body["reactions"]["skipped"].size(),
            1u)
      << out.body.dump();
  EXPECT_EQ(out.body["reactions"]["key_persons"].size(), 1u) << out.body.dump();  // fever
  auto detail = call("GET", "/api/v1/campaigns/" + std::to_string(id), "villager");
  EXPECT_EQ(detail.body["coverage"]["total"]["reached"], 1);
  EXPECT_EQ(detail.body["coverage"]["total"]["with_needs"], 1);
  auto pending =
      call("GET", "/api/v1/campaigns/" + std::to_string(id) + "/calls?state=pending&limit=1000",
           "villager");
  EXPECT_EQ(pending.body["total"], households - 1);
  // Another township's officer does not see this village's campaign.
  EXPECT_EQ(call("GET", "/api/v1/campaigns/" + std::to_string(id), "other_officer").status, 404);
}

// ---------------------------------------------------------------- checkpoints

TEST_F(EpidemicApiTest, CheckpointStaffSeeOnlyTheirCheckpointAndFeversAreReferred) {
  std::string a = "/api/v1/checkpoints/" + std::to_string(checkpoint_a_);
  std::string b = "/api/v1/checkpoints/" + std::to_string(checkpoint_b_);
  auto list = call("GET", "/api/v1/checkpoints", "gate");
  ASSERT_EQ(list.status, 200);
  ASSERT_EQ(list.body["total"], 1);
  EXPECT_EQ(list.body["items"][0]["id"], checkpoint_a_);
  EXPECT_EQ(call("GET", b, "gate").status, 404);
  EXPECT_EQ(call("POST", b + "/passages", "gate",
                 {{"at", "2020-02-12T08:00"}, {"travellers", {{{"temperature", 36.5}}}}})
                .status,
            404);
  EXPECT_EQ(call("GET", "/api/v1/households", "gate").status, 403);  // no registry
  EXPECT_EQ(call("GET", "/api/v1/key-persons", "gate").status, 403);

  auto plain = call("POST", a + "/passages", "gate",
                    {{"at", "2020-02-12T08:00"},
                     {"plate", "湘Ｂ１２３４５"},
                     {"origin", "株洲市区"},
                     {"travellers", {{{"temperature", 36.5}}, {{"temperature", 36.8}}}}});
  ASSERT_EQ(plain.status, 201) << plain.body.dump();
  EXPECT_EQ(plain.body["plate"], "湘B12345");
  EXPECT_EQ(plain.body["fever"], false);
  // Travellers who gave no ID number show none, not a mask.
  EXPECT_EQ(plain.body["travellers"][0]["id_number"], "") << plain.body.dump();
  // A fever without who it is: refused, naming the traveller.
  auto anon = call("POST", a + "/passages", "gate",
                   {{"at", "2020-02-12T08:10"},
                    {"origin", "株洲市区"},
                    {"travellers", {{{"temperature", 36.5}}, {{"temperature", 37.9}}}}});
  EXPECT_EQ(anon.status, 422) << anon.body.dump();
  EXPECT_NE(anon.body.dump().find("travellers[1]"), std::string::npos) << anon.body.dump();
  const Member& m = members_[2];
  auto fever = call("POST", a + "/passages", "gate",
                    {{"at", "2020-02-12T08:20"},
                     {"origin", "株洲市区"},
                     {"travellers",
                      {{{"temperature", 36.5}},
                       {{"temperature", 37.9}, {"name", m.name}, {"id_number", m.id_number}}}}});
  ASSERT_EQ(fever.status, 201) << fever.body.dump();
  EXPECT_EQ(fever.body["fever"], true);
  ASSERT_EQ(fever.body["key_person_ids"].size(), 1u);
  auto kp =
      call("GET",
           "/api/v1/key-persons/" + std::to_string(fever.body["key_person_ids"][0].get<int64_t>()),
           "officer");
  ASSERT_EQ(kp.status, 200) << kp.body.dump();
  EXPECT_EQ(kp.body["category"], "fever");
  EXPECT_EQ(kp.body["source"], "checkpoint");
  EXPECT_EQ(kp.body["person_id"], m.id);

  auto day = call("GET", a + "/passages?date=2020-02-12&fever=true", "gate");
  ASSERT_EQ(day.status, 200);
  EXPECT_EQ(day.body["total"], 1);
  const json& listed = day.body["items"][0]["travellers"];
  EXPECT_EQ(listed[0]["id_number"], "") << day.body.dump();
  EXPECT_EQ(listed[1]["id_number"], mask_id_number(m.id_number)) << day.body.dump();
  EXPECT_NE(listed[1]["id_number"], m.id_number);
  auto cp = call("GET", a, "officer");
  EXPECT_EQ(cp.body["today"]["fevers"], 1);
  EXPECT_EQ(cp.body["today"]["persons"], 4);

  // Duty roster: a shift, an overlapping one of the same person refused, the gaps.
  auto s1 = call("POST", a + "/shifts", "officer",
                 {{"name", "李警官"}, {"start", "2020-02-12T08:00"}, {"end", "2020-02-12T20:00"}});
  ASSERT_EQ(s1.status, 201) << s1.body.dump();
  auto s2 = call("POST", b + "/shifts", "officer",
                 {{"name", "李警官"}, {"start", "2020-02-12T19:00"}, {"end", "2020-02-13T07:00"}});
  EXPECT_EQ(s2.status, 409) << s2.body.dump();
  EXPECT_EQ(call("POST", a + "/shifts", "gate",
                 {{"name", "x"}, {"start", "2020-02-12T20:00"}, {"end", "2020-02-12T22:00"}})
                .status,
            403);
  auto roster = call("GET", a + "/shifts?from=2020-02-12T00:00&to=2020-02-13T00:00", "gate");
  ASSERT_EQ(roster.status, 200);
  ASSERT_EQ(roster.body["gaps"].size(), 2u) << roster.body.dump();
  EXPECT_EQ(roster.body["gaps"][0]["end"], "2020-02-12T08:00");

  // The bulletin counts today's checkpoint fevers from these records.
  auto bl =
      call("GET", "/api/v1/bulletin?date=2020-02-12&region=" + region_.substr(0, 9), "officer");
  ASSERT_EQ(bl.status, 200);
  EXPECT_GE(bl.body["epidemic"]["checkpoint_fevers"].get<int>(), 1);
}

// The series for trends: each day equals that day's bulletin.
TEST_F(EpidemicApiTest, BulletinSeriesEqualsTheDailyBulletins) {
  std::string town = region_.substr(0, 9);
  auto series = call("GET", "/api/v1/bulletin/series?from=2020-01-20&to=2020-02-12&region=" + town, "officer");
  ASSERT_EQ(series.status, 200) << series.body.dump();
  ASSERT_EQ(series.body["days"].size(), 24u);
  for (const char* d : {"2020-01-20", "2020-01-28", "2020-02-05", "2020-02-12"}) {
    auto one = call("GET", std::string("/api/v1/bulletin?date=") + d + "&region=" + town, "officer");
    ASSERT_EQ(one.status, 200);
    bool seen = false;
    for (const auto& day : series.body["days"])
      if (day["date"] == d) {
        EXPECT_EQ(day, one.body) << d;
        seen = true;
      }
    EXPECT_TRUE(seen) << d;
  }
  EXPECT_EQ(call("GET", "/api/v1/bulletin/series?from=2020-02-12&to=2020-01-01", "officer").status, 422);
  EXPECT_EQ(call("GET", "/api/v1/bulletin/series?from=2019-01-01&to=2020-02-12", "officer").status, 422);
  EXPECT_EQ(call("GET", "/api/v1/bulletin/series?from=x&to=2020-02-12", "officer").status, 400);
  // Another township's officer gets their own township when asking for this one.
  auto other = call("GET", "/api/v1/bulletin/series?from=2020-02-01&to=2020-02-02&region=" + town, "other_officer");
  EXPECT_NE(other.status, 200);
}

// One answer with every child region's bulletin: each equals the bulletin of
// that region, and its registry counts equal the list endpoints' totals.
TEST_F(EpidemicApiTest, BulletinRegionsEqualEachRegionsBulletin) {
  auto all = call("GET", "/api/v1/bulletin/regions?date=2020-02-12", "county");
  ASSERT_EQ(all.status, 200) << all.body.dump();
  EXPECT_EQ(all.body["region"]["code"], "430281");
  ASSERT_EQ(all.body["regions"].size(), 25u);  // Liling's townships
  int64_t households = 0;
  for (json r : all.body["regions"]) {
    std::string code = r["region"]["code"];
    EXPECT_EQ(r["level"], "township");
    json counts = r["registry"];
    r.erase("level");
    r.erase("registry");
    auto one = call("GET", "/api/v1/bulletin?date=2020-02-12&region=" + code, "county");
    ASSERT_EQ(one.status, 200);
    EXPECT_EQ(r, one.body) << code;
    auto total = [&](const std::string& url) {
      auto x = call("GET", url + "&region=" + code, "county");
      EXPECT_EQ(x.status, 200) << url;
      return x.body["total"].get<int64_t>();
    };
    EXPECT_EQ(counts["households"], total("/api/v1/households?limit=0")) << code;
    EXPECT_EQ(counts["poor_households"], total("/api/v1/households?limit=0&poverty_status=poor"))
        << code;
    EXPECT_EQ(counts["persons"], total("/api/v1/persons?limit=0")) << code;
    households += counts["households"].get<int64_t>();
  }
  EXPECT_GT(households, 0);

  // A township officer asking for the county gets the villages of their township.
  std::string town = region_.substr(0, 9);
  auto mine = call("GET", "/api/v1/bulletin/regions?date=2020-02-12&region=430281", "officer");
  ASSERT_EQ(mine.status, 200);
  EXPECT_EQ(mine.body["region"]["code"], town);
  ASSERT_FALSE(mine.body["regions"].empty());
  bool seen_village = false;
  for (json r : mine.body["regions"]) {
    std::string code = r["region"]["code"];
    EXPECT_EQ(code.substr(0, 9), town);
    EXPECT_EQ(r["level"], "village");
    if (code == region_.substr(0, 12)) {
      seen_village = true;
      r.erase("level");
      r.erase("registry");
      EXPECT_EQ(r, call("GET", "/api/v1/bulletin?date=2020-02-12&region=" + code, "officer").body);
    }
  }
  EXPECT_TRUE(seen_village);
  // Another township, a paired cadre, a bad date: refused.
  EXPECT_EQ(
      call("GET", "/api/v1/bulletin/regions?date=2020-02-12&region=" + other_region_.substr(0, 9),
           "officer")
          .status,
      404);
  EXPECT_EQ(call("GET", "/api/v1/bulletin/regions?date=2020-02-12", "mine").status, 403);
  EXPECT_EQ(call("GET", "/api/v1/bulletin/regions?date=12.2.2020", "county").status, 400);
}

// The answers are cached until the data changes: a write through the API, and
// one by another connection that bypasses the server (another process), each
// show in the next daily bulletin, series and per-region answer.
TEST_F(EpidemicApiTest, BulletinAnswersFollowEveryWrite) {
  const std::string village = region_.substr(0, 12), town = region_.substr(0, 9);
  auto figures = [&]() {
    auto day = call("GET", "/api/v1/bulletin?date=2020-02-12&region=" + village, "officer");
    auto series =
        call("GET", "/api/v1/bulletin/series?from=2020-02-10&to=2020-02-12&region=" + village,
             "officer");
    auto regions =
        call("GET", "/api/v1/bulletin/regions?date=2020-02-12&region=" + town, "officer");
    EXPECT_EQ(day.status, 200);
    EXPECT_EQ(series.status, 200);
    EXPECT_EQ(regions.status, 200);
    int64_t in_regions = -1;
    for (const auto& r : regions.body["regions"])
      if (r["region"]["code"] == village) in_regions = r["epidemic"]["key_persons_total"];
    return std::array<int64_t, 3>{
        day.body["epidemic"]["key_persons_total"].get<int64_t>(),
        series.body["days"][2]["epidemic"]["key_persons_total"].get<int64_t>(), in_regions};
  };
  auto before = figures();
  EXPECT_EQ(before, figures());  // unchanged (from the cache)
  EXPECT_EQ(before[0], before[1]);
  EXPECT_EQ(before[0], before[2]);

  // A registry person of the village not yet listed, listed on the day.
  auto s = svc_->store->db().prepare(
      "SELECT p.id_number, p.name FROM person p WHERE p.region_code >= ? AND p.region_code < ? AND "
      "p.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM key_person k WHERE k.person_id = p.id) "
      "ORDER BY p.id DESC LIMIT 1");
  s.bind(1, village).bind(2, village + ":");
  ASSERT_TRUE(s.step());
  json in = {{"id_number", s.str(0)},
             {"name", s.str(1)},
             {"category", "close_contact"},
             {"source", "contact_tracing"},
             {"added_on", "2020-02-12"},
             {"last_exposure", "2020-02-11"}};
  s = {};
  auto r = call("POST", "/api/v1/key-persons", "villager", in);
  ASSERT_EQ(r.status, 201) << r.body.dump();
  auto after = figures();
  for (size_t i = 0; i < 3; ++i) EXPECT_EQ(after[i], before[i] + 1) << i;

  // Another process moves the listing to the next day: back to the first figures.
  sqlite3* other = nullptr;
  ASSERT_EQ(sqlite3_open_v2(path_.c_str(), &other, SQLITE_OPEN_READWRITE, nullptr), SQLITE_OK);
  std::string sql = "UPDATE key_person SET added_on = '2020-02-13' WHERE id = " +
                    std::to_string(r.body["id"].get<int64_t>());
  EXPECT_EQ(sqlite3_exec(other, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(other);
  EXPECT_EQ(figures(), before);
}

// Writes that change no figure keep the data generation, so the cached
// answers stand: a login (a session row, the account's failed attempts
// reset), a session touch and an audit-only write (an ID reveal is logged).
// A data write with audit rows moves it; a rolled-back one is forgotten.
TEST_F(EpidemicApiTest, BulletinCacheKeptAcrossLoginsAndAuditOnlyWrites) {
  auto& db = svc_->store->db();
  const std::string q = "/api/v1/bulletin?date=2020-02-12&region=" + region_.substr(0, 9);
  auto first = call("GET", q, "officer");
  ASSERT_EQ(first.status, 200);
  auto g = db.generation();
  ASSERT_TRUE(g);

  // A login through the API and one through the service; then a touch.
  json login = {{"login", "villager"}, {"password", kPassword}};
  ASSERT_EQ(call("POST", "/api/v1/session", "", login).status, 200);
  ASSERT_TRUE(svc_->auth->login("county", kPassword, "127.0.0.1").ok());
  EXPECT_EQ(db.generation(), g) << "a login moved the generation";
  // An ID reveal: only an audit row.
  const int64_t reveals = audit_count("reveal");
  auto rev = call("POST", "/api/v1/persons/" + std::to_string(members_.at(0).id) + "/reveal",
                  "county", {{"reason", "核对身份"}});
  ASSERT_EQ(rev.status, 200) << rev.body.dump();
  EXPECT_EQ(audit_count("reveal"), reveals + 1);
  EXPECT_EQ(db.generation(), g) << "an audit-only write moved the generation";
  EXPECT_EQ(call("GET", q, "officer").body, first.body);

  // A data write rolled back is forgotten: a login after it keeps the
  // generation (SQLite's rollback itself may move it once).
  ASSERT_TRUE(db.exec("BEGIN").ok());
  ASSERT_TRUE(db.exec("UPDATE key_person SET added_on = added_on WHERE id = (SELECT MIN(id) FROM "
                      "key_person)")
                  .ok());
  ASSERT_TRUE(db.exec("ROLLBACK").ok());
  g = db.generation();
  ASSERT_TRUE(svc_->auth->login("officer", kPassword, "127.0.0.1").ok());
  EXPECT_EQ(db.generation(), g) << "a login after a rolled-back write moved the generation";

  // A data write with an audit row (the API's way) moves it: the next answer is computed.
  ASSERT_TRUE(db.exec("BEGIN").ok());
  ASSERT_TRUE(db.exec("UPDATE key_person SET added_on = added_on WHERE id = (SELECT MIN(id) FROM "
                      "key_person)")
                  .ok());
  ASSERT_TRUE(db.exec("INSERT INTO audit_log (at, actor, role, address, action, entity, "
                      "entity_id, before, after, detail) SELECT at, actor, role, address, action, "
                      "entity, entity_id, before, after, detail FROM audit_log LIMIT 1")
                  .ok());
  ASSERT_TRUE(db.exec("COMMIT").ok());
  auto g2 = db.generation();
  ASSERT_TRUE(g2);
  EXPECT_NE(*g2, *g) << "a data write kept the generation";
}

TEST_F(EpidemicApiTest, SessionTellsTheCountysToday) {
  auto me = call("GET", "/api/v1/session", "villager");
  ASSERT_EQ(me.status, 200);
  EXPECT_EQ(me.body["today"], "2020-02-12");  // the demo county's date
  EXPECT_EQ(me.body["scope"]["epidemic"], true);
  EXPECT_EQ(me.body["scope"]["epidemic_command"], false);
  auto gate = call("GET", "/api/v1/session", "gate");
  EXPECT_EQ(gate.body["scope"]["checkpoint_id"], checkpoint_a_);
}

TEST_F(EpidemicApiTest, RolesWithoutTheEpidemicFrontAreRefused) {
  Actor cli{"cli", "", ""};
  ASSERT_TRUE(
      svc_->auth->add_account({"auditor", "auditor", "audit_admin", "", {}, {}, {}}, kPassword, cli)
          .ok());
  for (const char* url : {"/api/v1/key-persons", "/api/v1/cases", "/api/v1/observations",
                          "/api/v1/campaigns", "/api/v1/checkpoints", "/api/v1/follow-ups/due"})
    EXPECT_EQ(call("GET", url, "auditor").status, 403) << url;
  for (const char* url : {"/api/v1/key-persons", "/api/v1/cases", "/api/v1/checkpoints"})
    EXPECT_EQ(call("GET", url, "").status, 401) << url;
}

// Every list that takes a YYYY-MM-DD query parameter answers a bad one with
// 400 request.bad_parameter naming it (in the request's language), and a good
// one with 200; absent or empty means the parameter is not given.
TEST_F(EpidemicApiTest, DateQueryParametersAreCheckedAlike) {
  auto first = [&](const char* sql) {
    auto s = svc_->store->db().prepare(sql);
    return s.step() ? std::to_string(s.i64(0)) : std::string("0");
  };
  std::string case_id = first("SELECT MIN(id) FROM epi_case");
  std::string point = first("SELECT MIN(id) FROM purchase_point");
  std::string enterprise = first("SELECT MIN(id) FROM enterprise");
  const std::vector<std::pair<std::string, const char*>> routes = {
      {"/api/v1/key-persons", "from"},
      {"/api/v1/key-persons", "to"},
      {"/api/v1/cases/" + case_id + "/chain", "since"},
      {"/api/v1/checkpoints/" + std::to_string(checkpoint_a_) + "/passages", "date"},
      {"/api/v1/observations", "open_on"},
      {"/api/v1/follow-ups/due", "date"},
      {"/api/v1/follow-ups/overdue", "date"},
      {"/api/v1/enterprises/" + enterprise + "/temperatures", "date"},
      {"/api/v1/placements", "running_on"},
      {"/api/v1/welfare-posts", "date"},
      {"/api/v1/purchases", "from"},
      {"/api/v1/purchases", "to"},
      {"/api/v1/purchase-points/" + point + "/prices", "date"},
      {"/api/v1/produce/unsold", "date"},
      {"/api/v1/supply-distributions", "from"},
      {"/api/v1/supply-distributions", "to"},
      {"/api/v1/persons", "as_of"},
  };
  for (const auto& [path, name] : routes) {
    std::string at = path + "?" + name;
    auto bad = call("GET", at + "=2020-02-30", "county", nullptr, "en");
    EXPECT_EQ(bad.status, 400) << at << " " << bad.body.dump();
    EXPECT_EQ(bad.body.value("code", ""), "request.bad_parameter") << at;
    ASSERT_TRUE(bad.body["errors"].is_array()) << at << " " << bad.body.dump();
    EXPECT_EQ(bad.body["errors"][0].value("field", ""), name) << at;
    // Named by the parameter's label (from -> 开始时间 / From), never by the raw key in Chinese.
    std::string label_en = bad.body["errors"][0].value("label", "");
    ASSERT_FALSE(label_en.empty()) << at;
    label_en[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label_en[0])));
    EXPECT_EQ(bad.body["errors"][0].value("message", ""), label_en + " must be YYYY-MM-DD") << at;
    auto zh = call("GET", at + "=12/02/2020", "county");
    EXPECT_EQ(zh.status, 400) << at;
    EXPECT_EQ(zh.body["errors"][0].value("message", ""),
              zh.body["errors"][0].value("label", "") + "应为YYYY-MM-DD")
        << at;
    EXPECT_EQ(zh.body["errors"][0].value("message", "").find(name), std::string::npos) << at;
    EXPECT_EQ(call("GET", at + "=2020-02-12", "county").status, 200) << at;
    EXPECT_EQ(call("GET", at + "=", "county").status, 200) << at;
  }
}

// A checkpoint in a region code not in the division tree is refused by the
// store as region.not_found naming region_code, and nothing is written.
TEST_F(EpidemicApiTest, CheckpointInAnUnknownRegionIsRefused) {
  auto count = [&] {
    auto s = svc_->store->db().prepare(
        "SELECT (SELECT COUNT(*) FROM checkpoint) + (SELECT COUNT(*) FROM audit_log)");
    s.step();
    return s.i64(0);
  };
  int64_t before = count();
  epidemic::Checkpoint cp{0,   "无处卡点", "G0", region_.substr(0, 9), region_.substr(0, 9) + "999",
                          true};
  auto r = svc_->epidemic_store->add_checkpoint(cp, Actor{"cli", "", ""});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "region.not_found");
  EXPECT_EQ(r.error().field, "region_code");
  EXPECT_NE(r.error().message_zh.find(region_.substr(0, 9) + "999"), std::string::npos);
  EXPECT_EQ(count(), before);
}

}  // namespace
}  // namespace lz::http
